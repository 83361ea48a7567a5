// The results comment on the merged pull request: per batch what apply did, each held row with why,
// each failure with its reason, and where the rest is. Training-day runs add their invite lines. Pure.
import { countResults, type ApplyResult, type ResultCounts, type RowResult } from '../apply/results.js';
import type { Hold } from '../review/review.js';
import { clip, escapeMarkdown } from './escape.js';
import { plural } from '../csv/words.js';

/** Hidden marker of the comment apply keeps on the merged pull request (one per pull request). */
export const RESULTS_MARKER = '<!-- gc-onboard:results -->';
/** Heading of the invite lines that training-day runs add to it. */
export const INVITES_HEADING = '#### Invites';

export interface ResultsCommentOptions {
  /** The run's page (its logs and the results artifact). */
  runUrl?: string;
  /** Name of the results file, uploaded as the run's artifact. */
  resultsFile: string;
  /** Invite lines already in the comment (a re-run keeps them). */
  inviteLines?: readonly string[];
}

const cell = (value: string | number | null, max = 200) =>
  escapeMarkdown(clip(value === null ? '' : String(value), max));
const safeUrl = (url: string | undefined) =>
  url !== undefined && /^https?:\/\/[^\s()<>[\]"'`]+$/.test(url) ? url : undefined;

/** Rows listed per section; the results file has every row. */
const MAX_LISTED = 50;

function batchTable(rows: readonly RowResult[], batches: readonly string[]): string {
  const line = (name: string, c: ResultCounts) =>
    `| ${cell(name)} | ${c.done} | ${c.unchanged} | ${c.skip} | ${c.held} | ${c.failed} |`;
  const lines = [
    '| Batch | Done | Unchanged | Skipped | Held | Failed |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const name of batches) {
    lines.push(line(name, countResults(rows.filter((row) => row.batch === name))));
  }
  return lines.join('\n');
}

function rowList(title: string, rows: readonly RowResult[]): string[] {
  if (rows.length === 0) return [];
  const lines = [`#### ${title}`, '', '| Row | Who | Planned | Why |', '| --- | --- | --- | --- |'];
  for (const row of rows.slice(0, MAX_LISTED)) {
    const where = `${row.batch}/${row.file.split(/[\\/]/).pop() ?? row.file}:${row.line}`;
    const why = (row.error ?? '').replace(/^held: /, '');
    lines.push(
      `| ${cell(where)} | ${cell(row.email || row.name)} | ${cell(row.planned)} | ${cell(why, 500)} |`,
    );
  }
  if (rows.length > MAX_LISTED)
    lines.push('', `_…and ${plural(rows.length - MAX_LISTED, 'more row')}: see the results file._`);
  return [lines.join('\n')];
}

/** The comment apply writes on the pull request it applied (composeComment adds the marker). */
export function renderResultsComment(
  result: ApplyResult,
  holds: readonly Hold[],
  options: ResultsCommentOptions,
): string {
  const blocks = ['### gc-onboard apply'];
  if (result.refused) {
    blocks.push(`**Apply refused:** ${escapeMarkdown(result.refused)}. Nothing was changed.`);
  } else {
    const batches = [...new Set(result.rows.map((row) => row.batch))].sort();
    blocks.push(batchTable(result.rows, batches));
    for (const hold of holds.filter((h) => h.kind === 'batch')) {
      blocks.push(
        `**Batch <code>${escapeMarkdown(hold.batch)}</code> held:** ${escapeMarkdown(hold.reason)}.`,
      );
    }
    const held = result.rows.filter((row) => row.outcome === 'held');
    const batchHeld = new Set(holds.filter((h) => h.kind === 'batch').map((h) => h.batch));
    blocks.push(
      ...rowList(
        `${plural(held.filter((row) => !batchHeld.has(row.batch)).length, 'row')} held: not written`,
        held.filter((row) => !batchHeld.has(row.batch)),
      ),
    );
    blocks.push(
      ...rowList(
        `${plural(result.rows.filter((r) => r.outcome === 'failed').length, 'row')} failed`,
        result.rows.filter((row) => row.outcome === 'failed'),
      ),
    );
    if (held.length > 0) {
      blocks.push(
        '_Held rows were not written: they are in error at apply, or they would do more than the preview reviewers approved. Fix the cause (or re-run the preview in a follow-up pull request to review what they would do now) and merge again: rows already done are not done twice._',
      );
    }
  }
  const run = safeUrl(options.runUrl);
  const file = `<code>${escapeMarkdown(options.resultsFile)}</code>`;
  blocks.push(
    run
      ? `Every row's result is in ${file}, an artifact of [this run](${run}).`
      : `Every row's result is in ${file}, an artifact of the apply run.`,
  );
  if (options.inviteLines && options.inviteLines.length > 0) {
    blocks.push([INVITES_HEADING, ...options.inviteLines.map((line) => `- ${line}`)].join('\n'));
  }
  return blocks.join('\n\n');
}

/** The invite lines of an existing results comment, to keep and add to. */
export function inviteLinesOf(body: string): string[] {
  const at = body.indexOf(`\n${INVITES_HEADING}\n`);
  if (at < 0) return [];
  return body
    .slice(at + INVITES_HEADING.length + 2)
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2));
}

/** `body` (our results comment) with `line` added under its invite heading, or null when it has it already. */
export function withInviteLine(body: string, line: string): string | null {
  const lines = inviteLinesOf(body);
  if (lines.includes(line)) return null;
  const item = `- ${line}`;
  if (lines.length === 0) return `${body.trimEnd()}\n\n${INVITES_HEADING}\n${item}\n`;
  const last = `- ${lines.at(-1) ?? ''}`;
  const at = body.lastIndexOf(last) + last.length;
  return `${body.slice(0, at)}\n${item}${body.slice(at)}`;
}
