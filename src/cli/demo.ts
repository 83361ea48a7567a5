// `gc-onboard demo` (and `npm start`): the whole flow against an in-process sandbox org with the demo
// batch, no credentials: validate, the PR preview, the merge's apply, a re-plan that shows nothing
// left to do, and the training-day invites (run twice, to show they go out once).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resultsToText } from '../apply/results.js';
import { renderInviteText } from '../render/invite.js';
import { renderFindingsText, renderPlanText } from '../render/text.js';
import type { ApplyOptions } from '../apply/apply.js';
import { hasErrors } from '../csv/findings.js';
import { applyImports, inviteImports, planImports, validateImports } from '../run/commands.js';
import { openOrg } from '../run/org.js';
import type { SandboxOptions } from '../sandbox/index.js';
import { progressPrinter, type CliIo } from '../run/output.js';

/**
 * The demo's calendar is pinned, not read from the clock: it plans as on this day, a week before the
 * demo batch's training day (2026-12-01 in src/sandbox/demo), so its preview reads the same whenever
 * it runs (no "training day is in the past" once that day has gone by), and it invites on the
 * training day itself. Only the org's own stamps (when an invite was sent) are the real time.
 */
export const DEMO_TODAY = '2026-11-24';

/** Tests shorten the sandbox's lags and apply's waits; `gc-onboard demo` runs with the defaults. */
export interface DemoOptions {
  sandbox?: SandboxOptions;
  apply?: ApplyOptions;
}

/** The demo batch ships in the source tree: next to this file in development, under src/ beside dist/. */
export function demoImportsDir(): string {
  const candidates = ['../sandbox/demo', '../src/sandbox/demo', '../../src/sandbox/demo'];
  for (const candidate of candidates) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  throw new Error('The demo batch (src/sandbox/demo) is missing from this installation.');
}

export async function runDemo(io: CliIo, options: DemoOptions = {}): Promise<number> {
  const root = demoImportsDir();
  const say = (text: string) => io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  const step = (title: string) => say(`\n━━ ${title}\n`);

  say('gc-onboard demo: the Northfield University sandbox org and the demo batch (no credentials needed).');
  say(`Batch folder: ${root}`);

  step('1. validate (what the PR check runs first, offline)');
  const imports = await validateImports(root);
  say(imports.findings.length === 0 ? 'No problems found.' : renderFindingsText(imports.findings));
  if (hasErrors(imports.findings)) return 1;

  const org = await openOrg({ sandbox: options.sandbox ?? {} });
  try {
    const today = imports.batches[0]?.config.trainingDay;
    step('2. plan (the preview posted on the pull request)');
    say(`Org: ${org.target}`);
    say(`The demo's calendar is pinned: it plans as on ${DEMO_TODAY} and invites on the training day.`);
    const { plan, review } = await planImports(root, org.client, { today: DEMO_TODAY });
    say(renderPlanText(plan));

    step('3. apply (what the merge runs): people, then phones and default phones');
    // As on merge: apply compares its own plan with the reviewed one and holds what differs.
    const { result } = await applyImports(root, org.client, {
      ...options.apply,
      today: DEMO_TODAY,
      review,
      onProgress: progressPrinter(io),
    });
    say(resultsToText(result));
    if (!result.ok) return 1;

    step('4. plan again: a rerun has nothing left to do');
    const again = await planImports(root, org.client, { today: DEMO_TODAY });
    say(renderPlanText(again.plan));

    if (today) {
      step(`5. invite on the training day (${today}), then the same scheduled run again`);
      const first = await inviteImports(root, org.client, { date: today, force: false });
      say(renderInviteText(first.report));
      const second = await inviteImports(root, org.client, { date: today, force: false });
      say(renderInviteText(second.report));
      if (!first.report.ok || !second.report.ok) return 1;
    }

    const stats = org.client.stats();
    step('API calls');
    say(`${stats.requests} calls, ${stats.retries} retries, ${stats.rateLimited} answered 429.`);
    say('Try it yourself: node bin/gc-onboard.js plan --sandbox --imports src/sandbox/demo');
    return 0;
  } finally {
    await org.close();
  }
}
