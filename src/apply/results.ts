// What apply did, row by row: the results file (JSON and CSV) and the lines people read.
import type { PersonAction, PersonPlan, PhoneAction, PhonePlan } from '../plan/types.js';
import { errorLine } from './retry.js';

export interface RowResult {
  kind: 'person' | 'phone';
  batch: string;
  file: string;
  line: number;
  email: string;
  name: string;
  planned: PersonAction | PhoneAction;
  /**
   * done: the planned writes were made; unchanged: nothing to do; skip: not done on purpose (the batch does
   * not update existing people, or a phone whose person failed: `error` says why); held: not written
   * because the row is in error at apply or differs from the reviewed preview (`error` says why);
   * failed: the org refused a write, see `error`.
   */
  outcome: 'done' | 'unchanged' | 'skip' | 'held' | 'failed';
  userId: string | null;
  phoneId: string | null;
  stationId: string | null;
  error: string | null;
}

export interface ApplyResult {
  ok: boolean;
  /** Set when apply changed nothing on purpose (validation errors). */
  refused: string | null;
  rows: RowResult[];
  locationsCreated: string[];
  seconds: number;
}

/**
 * Every row's result, from the plan's action to what apply did; a failure adds its message once. Apply
 * keeps nothing else of a finished row.
 */
export class RowResults {
  private readonly results = new Map<PersonPlan | PhonePlan, RowResult>();
  private readonly messages = new Map<RowResult, string[]>();

  constructor(people: readonly PersonPlan[], phones: readonly PhonePlan[]) {
    for (const person of people) this.results.set(person, personResult(person));
    for (const phone of phones) this.results.set(phone, phoneResult(phone));
  }

  of(row: PersonPlan | PhonePlan): RowResult {
    return this.results.get(row) as RowResult;
  }

  failed(row: PersonPlan | PhonePlan): boolean {
    return this.of(row).outcome === 'failed';
  }

  fail(row: PersonPlan | PhonePlan, errors: unknown[]): void {
    const result = this.of(row);
    const messages = this.messages.get(result) ?? (result.error ? [result.error] : []);
    for (const message of errors.map(errorLine)) if (!messages.includes(message)) messages.push(message);
    this.messages.set(result, messages);
    result.outcome = 'failed';
    result.error = messages.join('; ');
  }

  all(): RowResult[] {
    return [...this.results.values()];
  }
}

function personResult(person: PersonPlan): RowResult {
  return {
    kind: 'person',
    batch: person.batch,
    file: person.file,
    line: person.line,
    email: person.email,
    name: person.name,
    planned: person.action,
    // A row in error at apply (an unknown role found only now, or held by the review) is not written.
    outcome:
      person.action === 'error'
        ? 'held'
        : person.action === 'create' || person.action === 'update'
          ? 'done'
          : person.action,
    userId: person.userId,
    phoneId: null,
    stationId: null,
    error: person.action === 'error' ? person.errors.map((e) => e.message).join('; ') : null,
  };
}

function phoneResult(phone: PhonePlan): RowResult {
  return {
    kind: 'phone',
    batch: phone.batch,
    file: phone.file,
    line: phone.line,
    email: phone.person.email,
    name: phone.name,
    planned: phone.action,
    outcome: phone.action === 'error' ? 'held' : phone.action === 'unchanged' ? 'unchanged' : 'done',
    userId: phone.person.userId,
    phoneId: phone.phoneId,
    stationId: phone.stationId,
    error: phone.action === 'error' ? phone.errors.map((e) => e.message).join('; ') : null,
  };
}

export interface ResultCounts {
  done: number;
  unchanged: number;
  skip: number;
  held: number;
  failed: number;
}

/** Outcomes of the rows of `kind`, or of every row when no kind is given. */
export function countResults(rows: readonly RowResult[], kind?: RowResult['kind']): ResultCounts {
  const counts: ResultCounts = { done: 0, unchanged: 0, skip: 0, held: 0, failed: 0 };
  for (const row of rows) if (kind === undefined || row.kind === kind) counts[row.outcome] += 1;
  return counts;
}

const CSV_COLUMNS = [
  'kind',
  'batch',
  'file',
  'line',
  'email',
  'name',
  'planned',
  'outcome',
  'userId',
  'phoneId',
  'stationId',
  'error',
] as const;

/** RFC 4180 CSV of the rows; a cell a spreadsheet would execute is prefixed with ' so it stays text. */
export function resultsToCsv(rows: RowResult[]): string {
  const cell = (value: string | number | null): string => {
    let text = value === null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((column) => cell(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Terminal lines: totals, then every failed row, and every row skipped for a reason, with its place. */
export function resultsToText(result: ApplyResult): string {
  if (result.refused) return `apply refused: ${result.refused}\n`;
  const people = countResults(result.rows, 'person');
  const phones = countResults(result.rows, 'phone');
  const line = (label: string, c: ResultCounts) =>
    `${label}: ${c.done} done · ${c.unchanged} unchanged · ${c.skip} skipped · ${c.held} held · ${c.failed} failed`;
  const out = [line('People', people), line('Phones', phones)];
  if (result.locationsCreated.length > 0)
    out.push(`Locations created: ${result.locationsCreated.join(', ')}`);
  const failed = result.rows.filter(
    (row) => row.outcome === 'failed' || row.outcome === 'held' || (row.outcome === 'skip' && row.error),
  );
  for (const row of failed) {
    const what = { skip: 'skipped', held: 'held', failed: 'failed' }[
      row.outcome as 'skip' | 'held' | 'failed'
    ];
    out.push(`  ${row.file}:${row.line} ${row.kind} ${row.email} ${what}: ${row.error ?? 'failed'}`);
  }
  out.push(`${result.ok ? 'Applied' : 'Applied with failures'} in ${result.seconds.toFixed(1)} s`);
  return `${out.join('\n')}\n`;
}
