// Plan and findings → GitHub markdown, at a chosen level of detail, and the fitting that picks the
// most detailed level that stays under a size limit.

import { markdownTable } from 'markdown-table';
import type { Finding } from '../csv/findings.js';
import type { BatchPlan, Change, PersonPlan, PhonePlan, Plan } from '../plan/types.js';
import { clip, escapeMarkdown } from './escape.js';
import { plural } from '../csv/words.js';
import {
  PERSON_ACTION,
  PHONE_ACTION,
  collectFindings,
  countsLine,
  findingsTotal,
  invitesLine,
  uniqueSorted,
  where,
} from './shared.js';

/** How much to show. Levels go from everything to less, until the text fits. */
export interface Detail {
  /** List unchanged rows (in a collapsed block) rather than only count them. */
  listUnchanged: boolean;
  /** `full`: each change's before → after; `fields`: only the names of the changed fields. */
  changes: 'full' | 'fields';
  /** Rows shown per table; the rest are counted. */
  maxRows: number;
}

const FIELDS_ONLY: Detail = { listUnchanged: false, changes: 'fields', maxRows: Infinity };
const LEVELS: readonly Detail[] = [
  { listUnchanged: true, changes: 'full', maxRows: Infinity },
  { listUnchanged: false, changes: 'full', maxRows: Infinity },
  FIELDS_ONLY,
];

export interface Limit {
  /** Largest allowed size, as counted by `measure`. */
  max: number;
  measure: (text: string) => number;
  /** What limit this is, for the notice, e.g. "GitHub's 65,536-character comment limit". */
  name: string;
  /** Markdown saying where the full plan is, e.g. "The full plan is in [the job summary](…)." */
  fullPlan: string;
}

/** One CSV-derived value, made safe and short. */
const md = (value: string) => escapeMarkdown(clip(value));

/** One rendering: its level of detail, what it left out, and the cells already escaped (fitting renders many times). */
interface Render {
  detail: Detail;
  omitted: { rows: number };
  cells: Map<object, string[]>;
}

/** Cells depend only on the item and, for change lists, on `detail.changes`: one cache per mode. */
function renderer(): (detail: Detail) => Render {
  const caches = { full: new Map<object, string[]>(), fields: new Map<object, string[]>() };
  return (detail) => ({ detail, omitted: { rows: 0 }, cells: caches[detail.changes] });
}

/** A table of the first `detail.maxRows` items; the rest are counted. */
function table<T extends object>(
  header: string[],
  items: readonly T[],
  cells: (item: T) => string[],
  render: Render,
  [one, many]: [string, string],
): string {
  const shown = items.slice(0, render.detail.maxRows).map((item) => {
    const cached = render.cells.get(item);
    if (cached) return cached;
    const made = cells(item);
    render.cells.set(item, made);
    return made;
  });
  const blocks: string[] = [];
  if (shown.length > 0) blocks.push(markdownTable([header, ...shown], { alignDelimiters: false }));
  const left = items.length - shown.length;
  if (left > 0) {
    render.omitted.rows += left;
    blocks.push(`_… and ${plural(left, `more ${one}`, `more ${many}`)}, not shown._`);
  }
  return blocks.join('\n\n');
}

const valueText = (value: string) => (value === '' ? '_(none)_' : md(value));

function changeText(change: Change, isNew: boolean): string {
  const field = `${md(change.field)}:`;
  return isNew
    ? `${field} ${valueText(change.after)}`
    : `${field} ${valueText(change.before)} → ${valueText(change.after)}`;
}

/** Long change lists fold into a `<details>` inside the cell. */
function changesCell(changes: readonly Change[], isNew: boolean, mode: Detail['changes']): string {
  if (changes.length === 0) return '';
  const fields = changes.map((change) => md(change.field)).join(', ');
  if (mode === 'fields') return fields;
  const lines = changes.map((change) => changeText(change, isNew));
  const inline = lines.join('<br>');
  if (lines.length <= 3 && inline.length <= 200) return inline;
  return `<details><summary>${plural(changes.length, 'change')}: ${fields}</summary>${inline}</details>`;
}

function rowCell(row: PersonPlan | PhonePlan, mode: Detail['changes']): string {
  if (row.action === 'error') return md(row.errors.map((e) => e.code).join(', '));
  if (row.action === 'skip')
    return `not applied (update_existing: false): ${changesCell(row.changes, false, 'fields')}`;
  return changesCell(row.changes, row.action === 'create', mode);
}

function unchangedBlock<T extends object>(
  [one, many]: [string, string],
  header: string[],
  items: readonly T[],
  cells: (item: T) => string[],
  render: Render,
): string {
  if (items.length === 0) return '';
  const summary = plural(items.length, one, many);
  if (!render.detail.listUnchanged) return `${summary}, not listed.`;
  const rows = table(header, items, cells, render, ['row', 'rows']);
  return `<details><summary>${summary}</summary>\n\n${rows}\n\n</details>`;
}

function batchSection(batch: BatchPlan, invites: string, render: Render): string {
  const mode = render.detail.changes;
  const blocks = [`#### Batch ${md(batch.name)}`, `**Invites:** ${md(invites)} (none now)`];
  if (batch.people.length > 0) {
    blocks.push(`**People** (${md(batch.people[0]?.file ?? '')})`);
    blocks.push(
      table(
        ['Line', 'Action', 'Name', 'Email', 'Changes'],
        batch.people.filter((p) => p.action !== 'unchanged'),
        (p) => [String(p.line), PERSON_ACTION[p.action], md(p.name), md(p.email), rowCell(p, mode)],
        render,
        ['person', 'people'],
      ),
      unchangedBlock(
        ['unchanged person', 'unchanged people'],
        ['Line', 'Name', 'Email'],
        batch.people.filter((p) => p.action === 'unchanged'),
        (p) => [String(p.line), md(p.name), md(p.email)],
        render,
      ),
    );
  }
  if (batch.phones.length > 0) {
    blocks.push(`**Phones** (${md(batch.phones[0]?.file ?? '')})`);
    blocks.push(
      table(
        ['Line', 'Action', 'Phone', 'Person', 'Changes'],
        batch.phones.filter((p) => p.action !== 'unchanged'),
        (p) => [String(p.line), PHONE_ACTION[p.action], md(p.name), md(p.person.email), rowCell(p, mode)],
        render,
        ['phone', 'phones'],
      ),
      unchangedBlock(
        ['unchanged phone', 'unchanged phones'],
        ['Line', 'Phone', 'Person'],
        batch.phones.filter((p) => p.action === 'unchanged'),
        (p) => [String(p.line), md(p.name), md(p.person.email)],
        render,
      ),
    );
  }
  return blocks.filter((block) => block !== '').join('\n\n');
}

function findingsTables(findings: readonly Finding[], render: Render): string[] {
  const blocks: string[] = [];
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const cells = (f: Finding) => [md(where(f)), md(f.column ?? ''), md(f.code), md(f.message)];
  if (errors.length > 0) {
    blocks.push(`#### ❌ ${plural(errors.length, 'error')}`);
    blocks.push(table(['Where', 'Column', 'Code', 'Problem'], errors, cells, render, ['error', 'errors']));
  }
  if (warnings.length > 0) {
    blocks.push(`#### ⚠️ ${plural(warnings.length, 'warning')}`);
    blocks.push(
      table(['Where', 'Column', 'Code', 'Warning'], warnings, cells, render, ['warning', 'warnings']),
    );
  }
  return blocks;
}

function notice({ detail, omitted }: Render, limit: Limit): string {
  const parts: string[] = [];
  if (!detail.listUnchanged) parts.push('unchanged rows are counted, not listed');
  if (detail.changes === 'fields') parts.push('changes show only the names of the fields that change');
  if (omitted.rows > 0) {
    parts.push(
      `tables show their first ${plural(detail.maxRows, 'row')} (${plural(omitted.rows, 'row')} left out)`,
    );
  }
  if (parts.length === 0) return '';
  return `> [!NOTE]\n> Shortened to fit ${limit.name}: ${parts.join('; ')}. ${limit.fullPlan}`;
}

export interface PlanMarkdownOptions {
  /** Hidden marker, put first (the sticky comment finds itself by it). */
  marker?: string;
  limit: Limit;
}

/** The plan as markdown at the most detailed level that fits the limit. */
export function planMarkdown(
  plan: Plan,
  extraFindings: readonly Finding[],
  options: PlanMarkdownOptions,
): string {
  const findings = collectFindings(plan, extraFindings);
  const start = renderer();
  const head = [...(options.marker === undefined ? [] : [options.marker]), '### gc-onboard plan'];
  if (plan.batches.length === 0) {
    return fit(
      (detail) => {
        const render = start(detail);
        const tables = findingsTables(findings, render);
        return join([
          ...head,
          'Nothing to import: no batch to plan.',
          notice(render, options.limit),
          ...tables,
        ]);
      },
      findings.length,
      options.limit,
    );
  }

  const { summary } = plan;
  const invites = summary.invites
    .map((invite) => `${md(invite.batch)}: ${md(invitesLine(invite))}`)
    .join(' · ');
  const overview = [
    `- **People:** ${countsLine(summary.people)}`,
    `- **Phones:** ${countsLine(summary.phones)}`,
    `- **Invites:** none now · ${invites}`,
  ].join('\n');
  const locations =
    plan.locationsToCreate.length === 0
      ? ''
      : `**Locations apply will create:** ${plan.locationsToCreate
          .map(
            (l) => md(l.name) + (l.didYouMean === null ? '' : ` (did you mean ${md(`"${l.didYouMean}"`)}?)`),
          )
          .join(', ')}`;
  const rowCount =
    findings.length + plan.batches.reduce((sum, batch) => sum + batch.people.length + batch.phones.length, 0);

  return fit(
    (detail) => {
      const render = start(detail);
      const tables = findingsTables(findings, render);
      const batches = plan.batches.map((batch, index) => {
        const invite = summary.invites[index];
        return batchSection(batch, invite ? invitesLine(invite) : '', render);
      });
      return join([
        ...head,
        overview,
        notice(render, options.limit),
        locations,
        ...tables,
        ...batches,
        "_Nothing is invited by this change: invites go out on each batch's training day._",
      ]);
    },
    rowCount,
    options.limit,
  );
}

/** Findings alone (validate) as markdown, fitted the same way. */
export function findingsMarkdown(
  findings: readonly Finding[],
  options: { marker?: string; limit: Limit },
): string {
  const sorted = uniqueSorted(findings);
  const start = renderer();
  return fit(
    (detail) => {
      const render = start(detail);
      const tables = findingsTables(sorted, render);
      return join([
        ...(options.marker === undefined ? [] : [options.marker]),
        '### gc-onboard validate',
        sorted.length === 0 ? 'No problems found.' : `**${findingsTotal(sorted)}**`,
        notice(render, options.limit),
        ...tables,
      ]);
    },
    sorted.length,
    options.limit,
  );
}

const join = (blocks: readonly string[]) => blocks.filter((block) => block !== '').join('\n\n');

/**
 * The most detailed rendering within the limit: full, then unchanged rows counted, then field
 * names only, then the most rows per table that fit (binary search), then, as a last resort for
 * a plan with very many batches, a cut at a line end with a note.
 */
function fit(render: (detail: Detail) => string, rowCount: number, limit: Limit): string {
  const fits = (text: string) => limit.measure(text) <= limit.max;
  // The field-names-only level is the smallest with every row: when it is too long, so are the others.
  const smallest = render(FIELDS_ONLY);
  if (fits(smallest)) {
    for (const detail of LEVELS.slice(0, -1)) {
      const text = render(detail);
      if (fits(text)) return text;
    }
    return smallest;
  }
  let best: string | undefined;
  let low = 0;
  // Every shown row takes more than 10 characters (or bytes), which bounds the search.
  let high = Math.min(rowCount, Math.ceil(limit.max / 10));
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const text = render({ ...FIELDS_ONLY, maxRows: middle });
    if (fits(text)) {
      best = text;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best ?? cut(render({ ...FIELDS_ONLY, maxRows: 0 }), limit);
}

function cut(text: string, limit: Limit): string {
  const lines = text.split('\n');
  const end = `\n\n> [!NOTE]\n> Cut short to fit ${limit.name}. ${limit.fullPlan}`;
  const build = (count: number) => {
    const kept = lines.slice(0, count).join('\n');
    const open = (kept.match(/<details>/g) ?? []).length - (kept.match(/<\/details>/g) ?? []).length;
    return kept + '\n\n</details>'.repeat(Math.max(0, open)) + end;
  };
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (limit.measure(build(middle)) <= limit.max) low = middle;
    else high = middle - 1;
  }
  return build(low);
}
