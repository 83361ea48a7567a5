// Small helpers shared by the readers: building findings, quoting values in messages, ordering,
// and the per-file list that keeps memory bounded whatever a file holds.

import type { Finding, Severity } from './types.js';

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

/** Findings in reading order: by file, then line; the order of discovery is kept within a line. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
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
