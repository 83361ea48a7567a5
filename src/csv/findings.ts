// Small helpers shared by the readers: building findings, quoting values in messages, ordering.

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
