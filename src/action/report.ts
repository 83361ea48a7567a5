// What the Action says besides the shared renderers: the notes around a plan (offline, which batches
// changed, apply covers every batch), the apply results as markdown, and the step outputs. Pure.
import { countResults, type ApplyResult, type RowResult } from '../apply/results.js';
import type { Finding } from '../csv/findings.js';
import type { ChangedBatches } from '../github/changed.js';
import type { InviteReport } from '../invite/invite.js';
import type { Plan } from '../plan/types.js';
import { clip, escapeMarkdown } from '../render/escape.js';
import { plural } from '../csv/words.js';
import { collectFindings } from '../render/shared.js';

/** Hidden marker of the pull request comment that plan (and its offline fallback) keeps up to date. */
export const PREVIEW_MARKER = '<!-- gc-onboard:preview -->';
/** validate mode keeps its own comment, so a repository running both modes gets two comments, not a tug of war. */
export const VALIDATE_MARKER = '<!-- gc-onboard:validate -->';

/** Why the preview was made without reading the org. */
export type OfflineReason = 'fork' | 'no-credentials';

/** One plain sentence for the log and a notice annotation. */
export function offlineText(
  reason: OfflineReason,
  org?: { name: string; previewEnvironment: string },
): string {
  const why =
    reason === 'fork'
      ? 'This pull request comes from a fork, and GitHub gives no secrets to workflows run for forks'
      : org
        ? `No Genesys Cloud credentials for org ${org.name} were available to this job (the secrets of its ` +
          `${org.previewEnvironment} environment are empty or not given to the preview)`
        : 'No Genesys Cloud credentials were available to this run (the genesys-client-id and genesys-client-secret ' +
          'inputs and the GENESYSCLOUD_OAUTHCLIENT_ID/SECRET variables are empty)';
  return (
    `${why}, so gc-onboard only checked the CSVs offline and cannot show what would change in Genesys Cloud. ` +
    'The preview needs a branch in this repository: push the branch here and open the pull request from it' +
    (reason === 'no-credentials'
      ? ', with the Genesys secrets set for the Preview workflow (see the README).'
      : '.')
  );
}

/** The same as a markdown callout, put above the findings in the summary and comment. */
export function offlineNote(
  reason: OfflineReason,
  org?: { name: string; previewEnvironment: string },
): string {
  const what = org
    ? `Validated offline: no preview of the changes in org ${org.name}.`
    : 'No preview of the changes in Genesys Cloud.';
  return `> [!NOTE]\n> **${what}** ${offlineText(reason, org)}`;
}

/** The batches a pull request or push touched, or '' when GitHub's list is not known or incomplete. */
export function changedBatchesLine(changed: ChangedBatches | null, what: 'pull request' | 'push'): string {
  if (!changed?.complete) return '';
  if (changed.batches.length === 0) return `_This ${what} changes no batch._`;
  const names = changed.batches.map((name) => `<code>${escapeMarkdown(name)}</code>`).join(', ');
  return `_This ${what} changes ${changed.batches.length === 1 ? 'the batch' : 'the batches'} ${names}._`;
}

/** Why plan and apply cover every batch, not only the changed ones. */
export function allBatchesLine(plan: Plan, mode: 'plan' | 'apply'): string {
  const count = plural(plan.batches.length, 'batch', 'batches');
  const verb = mode === 'plan' ? 'The plan covers' : 'Apply covered';
  return (
    `${verb} every batch under <code>${escapeMarkdown(plan.root)}</code> (${count}), not only the changed ones: it re-reads the org ` +
    'and re-plans each time, so rows already as their CSV says cost no write, and a batch whose apply failed ' +
    'or was cancelled is finished by the next run.'
  );
}

/** Heading of the block that opens the preview when a pull request changes the policy file. */
export const POLICY_CHANGES_HEADING = '### Policy changes in this pull request';
/** One diffPolicy line can list a long allow-list; the whole list is in the file itself. */
const POLICY_LINE_MAX = 1_000;

/**
 * What a pull request changes in the policy file, for the top of the preview: the rules decide what
 * every import may grant. The pull request's own rows are judged by the policy of its base (`base`),
 * never by the rules it brings. '' when the file's rules did not change. Lines hold policy text, so
 * each is escaped.
 */
export function policyChangesMarkdown(
  lines: readonly string[],
  policyFile: string,
  base?: { ref: string; sha: string },
): string {
  if (lines.length === 0) return '';
  // A commit id is hex: inside <code> it needs no escape (escapeMarkdown would wrap it in backticks).
  const judgedBy = base
    ? `the policy of <code>${escapeMarkdown(base.ref)}</code> at <code>${base.sha.slice(0, 7).replace(/[^0-9a-f]/gi, '')}</code>`
    : 'the policy in force before it';
  return [
    POLICY_CHANGES_HEADING,
    // <code>, not backticks: inside a code span the escapes would show as backslashes.
    `> [!IMPORTANT]\n> This pull request changes <code>${escapeMarkdown(policyFile)}</code>, the guardrails every import is ` +
      `checked against; its rows are judged by ${judgedBy}. The new policy applies from the next change: ` +
      'review it as closely as the CSVs.',
    lines.map((line) => `- ${escapeMarkdown(clip(line, POLICY_LINE_MAX))}`).join('\n'),
  ].join('\n\n');
}

/** `block` put first in the job summary (comments are put together by composeComment). */
export function withTopBlock(body: string, block: string): string {
  return block === '' ? body : `${block}\n\n${body}`;
}

/** Errors among the findings: validation findings plus rows in error. */
export function errorCount(findings: readonly Finding[]): number {
  return findings.filter((finding) => finding.severity === 'error').length;
}

/** Step outputs (action.yml `outputs`) of a validate run: only what is known offline. */
export function validateOutputs(findings: readonly Finding[]): Record<string, string> {
  return { errors: String(errorCount(findings)), 'plan-file': '', 'results-file': '' };
}

/** Step outputs of a plan: the summary counts, the errors and where the plan JSON is. */
export function planOutputs(plan: Plan, planFile: string): Record<string, string> {
  const { people, phones } = plan.summary;
  return {
    'people-create': String(people.create),
    'people-update': String(people.update),
    'people-unchanged': String(people.unchanged),
    'people-error': String(people.error),
    'phones-create': String(phones.create),
    'phones-update': String(phones.update),
    'phones-unchanged': String(phones.unchanged),
    'phones-error': String(phones.error),
    errors: String(errorCount(collectFindings(plan, []))),
    'plan-file': planFile,
    'results-file': '',
  };
}

/** Step outputs of an apply: what was done, row by row, plus validation errors when it refused. */
export function applyOutputs(
  result: ApplyResult,
  plan: Plan,
  files: { planFile: string; resultsFile: string },
): Record<string, string> {
  const count = (kind: RowResult['kind'], test: (row: RowResult) => boolean) =>
    String(result.rows.filter((row) => row.kind === kind && test(row)).length);
  const made = (planned: string) => (row: RowResult) => row.outcome === 'done' && row.planned === planned;
  // Held rows (in error at apply, or not as reviewed) count as errors: they were not written.
  const notDone = (row: RowResult) => row.outcome === 'failed' || row.outcome === 'held';
  const failed = result.rows.filter(notDone).length;
  const invalid = result.refused ? errorCount(collectFindings(plan, [])) : 0;
  return {
    'people-create': count('person', made('create')),
    'people-update': count('person', made('update')),
    'people-unchanged': count('person', (row) => row.outcome === 'unchanged'),
    'people-error': count('person', notDone),
    'phones-create': count('phone', made('create')),
    'phones-update': count('phone', made('update')),
    'phones-unchanged': count('phone', (row) => row.outcome === 'unchanged'),
    'phones-error': count('phone', notDone),
    errors: String(invalid + failed),
    'plan-file': files.planFile,
    'results-file': files.resultsFile,
  };
}

export function inviteOutputs(report: InviteReport, resultsFile: string): Record<string, string> {
  const sent = report.invited.filter((person) => person.sent).length;
  return {
    invited: String(sent),
    errors: String(report.invited.length - sent),
    'results-file': resultsFile,
    'plan-file': '',
  };
}

/** Rows listed in the job summary; the results file has every row. Keeps the summary far below 1 MiB. */
export const MAX_FAILED_ROWS = 500;
export const MAX_CHANGED_ROWS = 1_000;

const cell = (value: string | number | null) =>
  escapeMarkdown(clip(value === null ? '' : String(value), 200));

function rowsTable(rows: readonly RowResult[], max: number, withError: boolean): string {
  const header = withError
    ? ['Batch', 'File', 'Line', 'Kind', 'Email', 'Planned', 'Error']
    : ['Batch', 'Kind', 'Name', 'Email', 'Planned', 'Outcome'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- |').join('')}`];
  for (const row of rows.slice(0, max)) {
    const cells = withError
      ? [row.batch, row.file, row.line, row.kind, row.email, row.planned, row.error ?? 'failed']
      : [row.batch, row.kind, row.name, row.email, row.planned, row.outcome];
    lines.push(`| ${cells.map(cell).join(' | ')} |`);
  }
  if (rows.length > max)
    lines.push('', `_…and ${plural(rows.length - max, 'more row')}: see the results file._`);
  return lines.join('\n');
}

export interface ApplyMarkdownOptions {
  /** Lines put under the heading (the all-batches note, the changed batches). */
  notes: readonly string[];
  /** Paths of the results files (JSON and CSV), named at the end. */
  resultsFiles: readonly string[];
  /** The findings of a refused apply, already rendered. */
  findingsMarkdown?: string;
}

/** The job summary of an apply: totals, every failed row, the rows that changed, where the rest is. */
export function renderApplyMarkdown(result: ApplyResult, options: ApplyMarkdownOptions): string {
  const blocks: string[] = ['### gc-onboard apply', ...options.notes.filter((note) => note !== '')];
  if (result.refused) {
    blocks.push(`**Apply refused:** ${escapeMarkdown(result.refused)}.`);
    if (options.findingsMarkdown) blocks.push(options.findingsMarkdown);
    return `${blocks.join('\n\n')}\n`;
  }
  const people = countResults(result.rows, 'person');
  const phones = countResults(result.rows, 'phone');
  blocks.push(
    [
      '| | Done | Unchanged | Skipped | Held | Failed |',
      '| --- | --- | --- | --- | --- | --- |',
      `| People | ${people.done} | ${people.unchanged} | ${people.skip} | ${people.held} | ${people.failed} |`,
      `| Phones | ${phones.done} | ${phones.unchanged} | ${phones.skip} | ${phones.held} | ${phones.failed} |`,
    ].join('\n'),
  );
  if (result.locationsCreated.length > 0) {
    blocks.push(`**Locations created:** ${result.locationsCreated.map(cell).join(', ')}`);
  }
  const held = result.rows.filter((row) => row.outcome === 'held');
  if (held.length > 0) {
    blocks.push(
      `#### ${plural(held.length, 'row')} held: not written`,
      rowsTable(held, MAX_FAILED_ROWS, true),
      '_A held row is in error at apply or would do more than the reviewed preview showed; every other row was applied._',
    );
  }
  const failed = result.rows.filter((row) => row.outcome === 'failed');
  if (failed.length > 0) {
    blocks.push(`#### ${plural(failed.length, 'row')} failed`, rowsTable(failed, MAX_FAILED_ROWS, true));
    blocks.push('_Fix what the errors say and re-run the workflow: rows already done are not done twice._');
  }
  const done = result.rows.filter((row) => row.outcome === 'done');
  if (done.length > 0) {
    blocks.push(
      `<details><summary>${plural(done.length, 'row')} changed</summary>\n\n${rowsTable(done, MAX_CHANGED_ROWS, false)}\n\n</details>`,
    );
  }
  const files = options.resultsFiles.map((file) => `<code>${escapeMarkdown(file)}</code>`).join(' and ');
  blocks.push(
    `${result.ok ? 'Applied' : 'Applied with failures'} in ${result.seconds.toFixed(1)} s.` +
      (files ? ` Every row's result is in ${files}.` : ''),
  );
  return `${blocks.join('\n\n')}\n`;
}
