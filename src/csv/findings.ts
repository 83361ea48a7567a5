// `Finding`, the one shape of a problem every stage reports, and its helpers: building findings,
// quoting values in messages, ordering, and the per-file list that keeps memory bounded.

export type Severity = 'error' | 'warning';

/** One problem found in the input, pinned to the place a person must fix it. */
export interface Finding {
  severity: Severity;
  /** Path of the file as given on the command line joined with the batch path, e.g. `imports/cs/people.csv`. */
  file: string;
  /** 1-based physical line where the record starts; 1 for file-level findings. */
  line: number;
  /** Header name of the cell (canonical name, e.g. `roles_divisions`), or null for row- or file-level findings. */
  column: string | null;
  /** Stable kebab-case identifier, e.g. `invalid-email`. */
  code: string;
  message: string;
}

/** A problem with one value, before it is pinned to a file, line and column. */
export interface Issue {
  severity?: Severity;
  code: string;
  message: string;
}

export function finding(file: string, line: number, column: string | null, issue: Issue): Finding {
  return {
    severity: issue.severity ?? 'error',
    file,
    line,
    column,
    code: issue.code,
    message: issue.message,
  };
}

/** A value as it appears in a message: in double quotes, control characters escaped, long values cut. */
export function quote(value: string): string {
  const limit = 80;
  const shown = value.length > limit ? `${value.slice(0, limit)}…` : value;
  return JSON.stringify(shown);
}

/**
 * The one order of findings, everywhere they are listed (validate, plan, comment, annotations):
 * reading order, by file (code points, not the machine's locale), then line. Within a line the order
 * they were found in is kept (sorts are stable): a row is checked cell by cell, left to right.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line;
}

/** A sorted copy (compareFindings). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Appends in place without spreading: `push(...list)` overflows the call stack at ~120,000 items. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * The most findings one file keeps. A file with more is the wrong file or in the wrong format; past
 * this the findings are only counted by code, so a 10 MB file of bad rows stays within memory and its
 * report (the JSON of millions of findings would not even fit in one string).
 */
export const MAX_FINDINGS_PER_FILE = 10_000;

/** The findings of one file: the first MAX_FINDINGS_PER_FILE kept, the rest counted by code. */
export class FileFindings {
  readonly kept: Finding[] = [];
  private readonly dropped = new Map<string, number>();
  private firstDropped: Finding | undefined;
  private droppedError = false;

  constructor(
    readonly file: string,
    private readonly limit = MAX_FINDINGS_PER_FILE,
  ) {}

  add(line: number, column: string | null, issue: Issue): void {
    this.push(finding(this.file, line, column, issue));
  }

  push(item: Finding): void {
    if (this.kept.length < this.limit) {
      this.kept.push(item);
      return;
    }
    this.firstDropped ??= item;
    if (item.severity === 'error') this.droppedError = true;
    this.dropped.set(item.code, (this.dropped.get(item.code) ?? 0) + 1);
  }

  /** The kept findings and, when some were only counted, one closing finding with the counts by code. */
  list(): Finding[] {
    const first = this.firstDropped;
    if (!first) return this.kept;
    let total = 0;
    for (const count of this.dropped.values()) total += count;
    const counts = [...this.dropped]
      .sort((a, b) => b[1] - a[1])
      .map(([code, count]) => `${code} ${count.toLocaleString('en-US')}`)
      .join(', ');
    return [
      ...this.kept,
      finding(this.file, first.line, null, {
        severity: this.droppedError ? 'error' : 'warning',
        code: 'too-many-findings',
        message: `${total.toLocaleString('en-US')} more problems from this line on are not listed (${counts}): the first ${this.limit.toLocaleString('en-US')} are. Check that this is the right file, fix those, and validate again.`,
      }),
    ];
  }
}
