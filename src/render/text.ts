// Terminal text: the plan (gc-onboard plan) and findings alone (gc-onboard validate).

import type { Finding } from '../csv/findings.js';
import type { Change, PersonPlan, PhonePlan, Plan } from '../plan/types.js';
import { plainText } from './escape.js';
import { plural } from '../csv/words.js';
import {
  PERSON_ACTION,
  PHONE_ACTION,
  collectFindings,
  countsLine,
  findingsTotal,
  invitesLine,
  uniqueSorted,
} from './shared.js';

/** Findings grouped by file, line-sorted, then a one-line total such as `2 errors, 1 warning in 3 files`. */
export function renderFindingsText(findings: readonly Finding[]): string {
  return findingsBlock(uniqueSorted(findings));
}

function findingsBlock(sorted: readonly Finding[]): string {
  const lines: string[] = [];
  let file: string | undefined;
  let group: Finding[] = [];
  const flush = () => {
    if (file === undefined) return;
    lines.push(plainText(file));
    const places = group.map((f) => plainText(f.column === null ? `${f.line}` : `${f.line}:${f.column}`));
    // reduce, not Math.max(...): a spread of 120,000+ arguments overflows the stack.
    const placeWidth = places.reduce((width, place) => Math.max(width, place.length), 0);
    const codeWidth = group.reduce((width, f) => Math.max(width, plainText(f.code).length), 0);
    group.forEach((f, i) => {
      const place = (places[i] ?? '').padEnd(placeWidth);
      const code = plainText(f.code).padEnd(codeWidth);
      lines.push(`  ${place}  ${f.severity.padEnd(7)}  ${code}  ${plainText(f.message)}`);
    });
  };
  for (const finding of sorted) {
    if (finding.file !== file) {
      flush();
      file = finding.file;
      group = [];
    }
    group.push(finding);
  }
  flush();
  lines.push(sorted.length === 0 ? 'No problems found.' : findingsTotal(sorted));
  return `${lines.join('\n')}\n`;
}

const value = (text: string) => (text === '' ? '(none)' : plainText(text));

function changeLine(change: Change, isNew: boolean): string {
  return isNew
    ? `${change.field}: ${value(change.after)}`
    : `${change.field}: ${value(change.before)} → ${value(change.after)}`;
}

function rowLines(row: PersonPlan | PhonePlan, label: string, who: string): string[] {
  const head = `    ${String(row.line).padEnd(5)} ${label.padEnd(14)} ${plainText(who)}`;
  if (row.action === 'error') return [`${head}: ${row.errors.map((e) => e.code).join(', ')}`];
  if (row.action === 'skip') {
    return [`${head}: not applied (update_existing: false): ${row.changes.map((c) => c.field).join(', ')}`];
  }
  return [head, ...row.changes.map((change) => `            ${changeLine(change, row.action === 'create')}`)];
}

/**
 * The plan for a terminal: counts, then per batch every row that is not unchanged (unchanged rows
 * are counted), then every finding grouped by file. `findings` add to the plan's own.
 */
export function renderPlanText(plan: Plan, findings: readonly Finding[] = []): string {
  const all = collectFindings(plan, findings);
  const { summary } = plan;
  const lines: string[] = [`gc-onboard plan: ${plainText(plan.root)}`];
  if (plan.batches.length === 0) {
    lines.push('Nothing to import.');
  } else {
    lines.push(`People: ${countsLine(summary.people)}`);
    lines.push(`Phones: ${countsLine(summary.phones)}`);
    const invites = summary.invites.map((invite) => `${invite.batch}: ${invitesLine(invite)}`).join(' · ');
    lines.push(plainText(`Invites: none now · ${invites}`));
  }
  plan.batches.forEach((batch, index) => {
    lines.push('', plainText(`Batch ${batch.name}`));
    const invite = summary.invites[index];
    if (invite) lines.push(plainText(`  ${invitesLine(invite)} (none now)`));
    const section = <T extends PersonPlan | PhonePlan>(
      title: string,
      rows: T[],
      label: (row: T) => string,
      who: (row: T) => string,
      unchanged: [one: string, many: string],
    ) => {
      if (rows.length === 0) return;
      lines.push(plainText(`  ${title} (${rows[0]?.file ?? ''})`));
      for (const row of rows)
        if (row.action !== 'unchanged')
          for (const line of rowLines(row, label(row), who(row))) lines.push(line);
      const count = rows.filter((row) => row.action === 'unchanged').length;
      if (count > 0) lines.push(`    ${plural(count, ...unchanged)}`);
    };
    section(
      'People',
      batch.people,
      (p) => PERSON_ACTION[p.action],
      (p) => `${p.name} <${p.email}>`,
      ['unchanged person', 'unchanged people'],
    );
    section(
      'Phones',
      batch.phones,
      (p) => PHONE_ACTION[p.action],
      (p) => `${p.name} for ${p.person.email}`,
      ['unchanged phone', 'unchanged phones'],
    );
  });
  if (plan.locationsToCreate.length > 0) {
    const names = plan.locationsToCreate.map(
      (l) => l.name + (l.didYouMean === null ? '' : ` (did you mean "${l.didYouMean}"?)`),
    );
    lines.push('', plainText(`Locations apply will create: ${names.join(', ')}`));
  }
  lines.push('', findingsBlock(all).trimEnd());
  if (plan.batches.length > 0)
    lines.push('Nothing is invited by plan or apply: invites go out on the training day.');
  return `${lines.join('\n')}\n`;
}
