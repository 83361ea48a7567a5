// `gc-onboard demo` (and `npm start`): the whole flow against an in-process sandbox org with the demo
// batch, no credentials: validate, the PR preview, the merge's apply, a re-plan that shows nothing
// left to do, and the training-day invites (run twice, to show they go out once).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resultsToText } from '../apply/results.js';
import { renderInviteText } from '../render/invite.js';
import { renderFindingsText, renderPlanText } from '../render/text.js';
import { applyImports, hasErrors, inviteImports, planImports, validateImports } from '../run/commands.js';
import { openOrg } from '../run/org.js';
import { progressPrinter, type CliIo } from './output.js';

/** The demo batch ships in the source tree: next to this file in development, under src/ beside dist/. */
export function demoImportsDir(): string {
  const candidates = ['../sandbox/demo', '../src/sandbox/demo', '../../src/sandbox/demo'];
  for (const candidate of candidates) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  throw new Error('The demo batch (src/sandbox/demo) is missing from this installation.');
}

export async function runDemo(io: CliIo): Promise<number> {
  const root = demoImportsDir();
  const say = (text: string) => io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  const step = (title: string) => say(`\n━━ ${title}\n`);

  say('gc-onboard demo: the Northfield University sandbox org and the demo batch (no credentials needed).');
  say(`Batch folder: ${root}`);

  step('1. validate (what the PR check runs first, offline)');
  const imports = await validateImports(root);
  say(imports.findings.length === 0 ? 'No problems found.' : renderFindingsText(imports.findings));
  if (hasErrors(imports)) return 1;

  const org = await openOrg({ sandbox: {} });
  try {
    const today = imports.batches[0]?.config.trainingDay;
    step('2. plan (the preview posted on the pull request)');
    say(`Org: ${org.target}`);
    const { plan } = await planImports(root, org.client);
    say(renderPlanText(plan));

    step('3. apply (what the merge runs): people, then phones and default phones');
    const { result } = await applyImports(root, org.client, { onProgress: progressPrinter(io) });
    say(resultsToText(result));
    if (!result.ok) return 1;

    step('4. plan again: a rerun has nothing left to do');
    const again = await planImports(root, org.client);
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
