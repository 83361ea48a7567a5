// Shared helpers for the csv tests: fixture bytes and compact views of findings.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../src/csv/findings.js';

export const FIXTURES = path.join('test', 'fixtures', 'csv');

/** The fixture's bytes and the path findings should carry, e.g. `test/fixtures/csv/people/good.csv`. */
export function fixture(name: string): { file: string; content: Buffer } {
  const file = path.join(FIXTURES, name);
  return { file, content: readFileSync(file) };
}

/** `[severity, line, column, code]` per finding: what the tests pin down. */
export function places(findings: readonly Finding[]): Array<[string, number, string | null, string]> {
  return findings.map((f) => [f.severity, f.line, f.column, f.code]);
}
