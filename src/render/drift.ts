// The drift report for the terminal, for the job summary and the one drift issue (markdown, fitted
// to GitHub's limit), and as JSON. Rows speak the preview's language: the CSV column, the CSV's value,
// the org's. Pure.
import type { BatchDrift, DriftField, DriftRow } from '../drift/drift.js';
import type { BatchFollowUp, FollowUpPerson } from '../drift/follow-up.js';
import { needsAttention, type DriftReport } from '../drift/report.js';
import { formatDay } from '../plan/day.js';
import { clip, escapeMarkdown, plainText } from './escape.js';
import { COMMENT_MAX_CHARS } from './limits.js';
import { plural } from '../csv/words.js';
import { where } from './shared.js';

/** Hidden marker of the drift issue: how the next run finds it (with the label). */
export const DRIFT_MARKER = '<!-- gc-onboard:drift -->';
/** GitHub's limit for an issue body (the same as a comment's). */
export const ISSUE_MAX_CHARS = COMMENT_MAX_CHARS;

const md = (value: string) => escapeMarkdown(clip(value));
const none = (value: string, wrap: (text: string) => string) => (value === '' ? '(none)' : wrap(value));

/** `title: CSV "Advisor", org "Team Lead"`, `queues: gone Financial Aid`, in plain text or markdown. */
function fieldText(field: DriftField, wrap: (text: string) => string): string {
  if (field.missing !== null && field.missing.length > 0)
    return `${wrap(field.field)}: gone ${field.missing.map(wrap).join(', ')}`;
  return `${wrap(field.field)}: CSV ${none(field.csv, (v) => `"${wrap(v)}"`)}, org ${none(field.org, (v) => `"${wrap(v)}"`)}`;
}

const KIND_TEXT: Record<DriftRow['kind'], string> = {
  changed: 'changed',
  missing: 'missing',
  deleted: 'deleted',
  reassigned: 're-assigned',
  unresolved: 'cannot be planned',
};

function rowText(row: DriftRow, wrap: (text: string) => string, joiner: string): string {
  const parts = row.fields.map((field) => fieldText(field, wrap));
  if (row.detail !== '') parts.push(wrap(row.detail));
  return parts.join(joiner);
}

/** Which rows `apply` would touch, file by file: `people.csv lines 2, 5; phones.csv line 3`. */
export function applyRowsText(rows: readonly DriftRow[]): string {
  const byFile = new Map<string, number[]>();
  for (const row of rows.filter((candidate) => candidate.applyFixes)) {
    byFile.set(row.file, [...(byFile.get(row.file) ?? []), row.line]);
  }
  return [...byFile]
    .map(([file, lines]) => `${file} ${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}`)
    .join('; ');
}

function headline(report: DriftReport): string {
  const { counts } = report;
  if (!needsAttention(report) && counts.neverInvited === 0) {
    const batches = plural(report.batches.length, 'batch', 'batches');
    return `No drift: every row of the ${batches} under ${report.root} matches the org, and no invitation has expired.`;
  }
  const parts = [
    counts.drifted === 0
      ? 'no drift'
      : `${plural(counts.drifted, 'row')} drifted (${plural(counts.people, 'person', 'people')}, ${plural(counts.phones, 'phone')})`,
    `${plural(counts.expired, 'expired invitation')}`,
    `${plural(counts.neverInvited, 'person', 'people')} never invited`,
  ];
  if (counts.errors > 0) parts.push(plural(counts.errors, 'error'));
  return `${parts.join(' · ')}.`;
}

/** The one command that puts back what apply can, and the rows it would touch; '' when there are none. */
function fixSentence(
  report: DriftReport,
  code: (text: string) => string,
  text: (value: string) => string,
): string {
  const rows = report.batches.flatMap((batch) => batch.rows);
  const touched = applyRowsText(rows);
  if (touched === '') return '';
  const command = code(`gc-onboard apply --imports ${report.root}`);
  return `${text(`${plural(report.counts.applyFixes, 'row')} can be put back by apply`)} (the Apply workflow, or ${command}), ${text(`which would touch ${touched}; rows that match are not written.`)}`;
}

function followUpLine(followUp: BatchFollowUp): string {
  return [
    `${followUp.loggedIn} logged in`,
    `${followUp.waiting.length} invited and waiting`,
    `${followUp.expired.length} expired`,
    `${followUp.neverInvited.length} never invited`,
    ...(followUp.unknown.length > 0 ? [`${followUp.unknown.length} unknown`] : []),
  ].join(' · ');
}

function personStanding(person: FollowUpPerson): string {
  const day = (iso: string | null) => (iso === null ? '' : iso.slice(0, 10));
  if (person.standing === 'expired')
    return `invited ${day(person.invitedAt)}, expired ${day(person.expiresAt)}, never logged in`;
  if (person.standing === 'never-invited') return 'never invited';
  return 'Genesys Cloud did not say whether they were invited';
}

const listed = (followUp: BatchFollowUp) => [
  ...followUp.expired,
  ...followUp.neverInvited,
  ...followUp.unknown,
];

/** What to run for a batch's invitations: re-send the expired ones, invite the never-invited ones. */
function followUpCommands(followUp: BatchFollowUp): string[] {
  const commands: string[] = [];
  if (followUp.expired.length > 0) commands.push(`gc-onboard invite --expired --batch ${followUp.batch}`);
  if (followUp.neverInvited.length > 0) commands.push(`gc-onboard invite --batch ${followUp.batch}`);
  return commands;
}

// --- text ----------------------------------------------------------------------------------------

export function renderDriftText(report: DriftReport): string {
  const lines = [plainText(headline(report))];
  const fix = fixSentence(
    report,
    (text) => `"${text}"`,
    (text) => text,
  );
  if (fix !== '') lines.push(plainText(fix));
  for (const finding of report.findings)
    lines.push(plainText(`  ${where(finding)}  error  ${finding.code}  ${finding.message}`));
  for (const batch of report.batches.filter((candidate) => candidate.rows.length > 0)) {
    lines.push('', plainText(`Batch ${batch.name}`));
    for (const row of batch.rows) {
      const who =
        row.subject === 'person' ? `${row.name} <${row.email}>` : `phone ${row.name} (${row.email})`;
      const put = row.applyFixes ? 'apply puts it back' : '';
      const how = [put, row.fix].filter(Boolean).join('; ');
      lines.push(
        plainText(
          `  ${row.file}:${row.line}  ${who}  ${KIND_TEXT[row.kind]}: ${rowText(row, (v) => v, '; ')}`,
        ),
      );
      if (how !== '') lines.push(plainText(`      ${how}`));
    }
  }
  for (const followUp of report.followUp) {
    lines.push(
      '',
      plainText(
        `Invitations of ${followUp.batch} (training day ${formatDay(followUp.trainingDay)}): ${followUpLine(followUp)}`,
      ),
    );
    for (const person of listed(followUp))
      lines.push(plainText(`  ${person.name} <${person.email}>  ${personStanding(person)}`));
    for (const command of followUpCommands(followUp)) lines.push(plainText(`  run: ${command}`));
  }
  return `${lines.join('\n')}\n`;
}

// --- markdown ------------------------------------------------------------------------------------

const code = (text: string) => `<code>${escapeMarkdown(text)}</code>`;

function table(header: string[], rows: string[][], maxRows: number, what: [string, string]): string {
  const shown = rows.slice(0, maxRows);
  const blocks: string[] = [];
  if (shown.length > 0) {
    blocks.push(
      [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- |').join('')}`]
        .concat(shown.map((cells) => `| ${cells.join(' | ')} |`))
        .join('\n'),
    );
  }
  const left = rows.length - shown.length;
  if (left > 0)
    blocks.push(
      `_… and ${plural(left, what[0], what[1])} more, not shown: run ${code('gc-onboard drift')} for every row._`,
    );
  return blocks.join('\n\n');
}

function driftCells(row: DriftRow): string[] {
  const put = row.applyFixes ? 'apply' : '';
  return [
    String(row.line),
    md(row.name),
    md(row.email),
    `${KIND_TEXT[row.kind]}: ${rowText(row, md, '<br>')}`,
    [put, md(row.fix)].filter(Boolean).join('; '),
  ];
}

function batchMarkdown(batch: BatchDrift, maxRows: number): string {
  const blocks = [`### Batch ${md(batch.name)}`];
  for (const subject of ['person', 'phone'] as const) {
    const rows = batch.rows.filter((row) => row.subject === subject);
    if (rows.length === 0) continue;
    const title = subject === 'person' ? 'People' : 'Phones';
    blocks.push(`**${title}** (${md(rows[0]?.file ?? '')})`);
    const header = ['Line', subject === 'person' ? 'Name' : 'Phone', 'Email', 'Drift', 'Put back by'];
    blocks.push(table(header, rows.map(driftCells), maxRows, ['row', 'rows']));
  }
  return blocks.join('\n\n');
}

function followUpMarkdown(followUp: BatchFollowUp, maxRows: number): string {
  const blocks = [
    `#### Invitations of ${md(followUp.batch)} (training day ${md(formatDay(followUp.trainingDay))})`,
    md(followUpLine(followUp)),
  ];
  const people = listed(followUp).map((person) => [
    md(person.name),
    md(person.email),
    md(personStanding(person)),
  ]);
  if (people.length > 0)
    blocks.push(table(['Name', 'Email', 'Invitation'], people, maxRows, ['person', 'people']));
  const sentences: string[] = [];
  if (followUp.expired.length > 0)
    sentences.push(
      `Re-send the expired invitations with ${code(`gc-onboard invite --expired --batch ${followUp.batch}`)} (or set <code>reinvite_expired: true</code> in policy.yml and the training-day workflow does it).`,
    );
  if (followUp.neverInvited.length > 0)
    sentences.push(`Invite the others with ${code(`gc-onboard invite --batch ${followUp.batch}`)}.`);
  if (sentences.length > 0) blocks.push(sentences.join(' '));
  return blocks.join('\n\n');
}

function findingsMarkdown(report: DriftReport, maxRows: number): string {
  if (report.findings.length === 0) return '';
  const rows = report.findings.map((finding) => [md(where(finding)), md(finding.code), md(finding.message)]);
  return [
    `### ${plural(report.findings.length, 'error')} stop rows from being compared`,
    table(['Where', 'Code', 'Problem'], rows, maxRows, ['error', 'errors']),
  ].join('\n\n');
}

function markdownAt(report: DriftReport, maxRows: number, runUrl: string | null): string {
  const blocks = [
    '## gc-onboard drift report',
    `**${md(headline(report))}** Checked on ${md(formatDay(report.today))}.`,
  ];
  const fix = fixSentence(report, code, escapeMarkdown);
  if (fix !== '') blocks.push(fix);
  blocks.push(findingsMarkdown(report, maxRows));
  for (const batch of report.batches.filter((candidate) => candidate.rows.length > 0))
    blocks.push(batchMarkdown(batch, maxRows));
  for (const followUp of report.followUp) blocks.push(followUpMarkdown(followUp, maxRows));
  if (runUrl !== null) blocks.push(`_From [this run](${runUrl}) of gc-onboard drift._`);
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}

/** Rows per table tried in turn until the text fits. */
const ROW_LEVELS = [Infinity, 200, 50, 10, 0];

/** The report as markdown that fits `maxChars` (the job summary, or the issue with its marker). */
export function renderDriftMarkdown(
  report: DriftReport,
  options: { maxChars?: number; runUrl?: string; marker?: string } = {},
): string {
  const max = options.maxChars ?? ISSUE_MAX_CHARS;
  const prefix = options.marker === undefined ? '' : `${options.marker}\n`;
  let text = '';
  for (const rows of ROW_LEVELS) {
    text = prefix + markdownAt(report, rows, options.runUrl ?? null);
    if (text.length <= max) return text;
  }
  return text.slice(0, max);
}

/** The body of the one drift issue: the report behind our marker. */
export function renderDriftIssue(report: DriftReport, runUrl?: string): string {
  return renderDriftMarkdown(report, {
    marker: DRIFT_MARKER,
    maxChars: ISSUE_MAX_CHARS - 1_024,
    ...(runUrl === undefined ? {} : { runUrl }),
  });
}

/** The comment that closes the issue when the org matches the repository again. */
export function renderDriftClosed(report: DriftReport, runUrl?: string): string {
  const from = runUrl === undefined ? '' : ` ([run](${runUrl}))`;
  return `Everything matches again on ${md(formatDay(report.today))}${from}: ${md(headline(report))} Closing this issue; the next drift opens it again.\n`;
}

export function driftToJson(report: DriftReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
