import * as core from '@actions/core';
import type { AnnotationProperties } from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/csv/findings.js';
import { sortFindings } from '../../src/csv/findings.js';
import { annotate, annotationFor, type AnnotationSink } from '../../src/github/annotations.js';

interface Call {
  kind: 'error' | 'warning' | 'notice';
  message: string;
  properties?: AnnotationProperties;
}

function recorder(): AnnotationSink & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    error: (message, properties) => calls.push({ kind: 'error', message, properties }),
    warning: (message, properties) => calls.push({ kind: 'warning', message, properties }),
    notice: (message, properties) => calls.push({ kind: 'notice', message, properties }),
  };
}

function finding(
  file: string,
  line: number,
  severity: Finding['severity'] = 'error',
  column: string | null = 'email',
): Finding {
  return { severity, file, line, column, code: 'invalid-email', message: `bad value on line ${line}` };
}

describe('annotate', () => {
  it('sends the first ten errors in file-then-line order, all warnings under the limit, then one notice', () => {
    const findings: Finding[] = [];
    // Interleaved and out of order, as a validator that works file by file, column by column may produce them.
    for (let line = 30; line >= 2; line -= 2) findings.push(finding('imports/b-batch/people.csv', line));
    for (let line = 9; line >= 2; line--) findings.push(finding('imports/a-batch/people.csv', line));
    findings.push(finding('imports/a-batch/phones.csv', 4, 'warning', 'site'));
    findings.push(finding('imports/a-batch/people.csv', 3, 'warning', null));
    const sink = recorder();

    const result = annotate(findings, sink);

    const errors = sink.calls.filter((c) => c.kind === 'error');
    expect(errors.map((c) => `${c.properties?.file}:${c.properties?.startLine}`)).toEqual([
      'imports/a-batch/people.csv:2',
      'imports/a-batch/people.csv:3',
      'imports/a-batch/people.csv:4',
      'imports/a-batch/people.csv:5',
      'imports/a-batch/people.csv:6',
      'imports/a-batch/people.csv:7',
      'imports/a-batch/people.csv:8',
      'imports/a-batch/people.csv:9',
      'imports/b-batch/people.csv:2',
      'imports/b-batch/people.csv:4',
    ]);
    const warnings = sink.calls.filter((c) => c.kind === 'warning');
    expect(warnings.map((c) => `${c.properties?.file}:${c.properties?.startLine}`)).toEqual([
      'imports/a-batch/people.csv:3',
      'imports/a-batch/phones.csv:4',
    ]);
    const notices = sink.calls.filter((c) => c.kind === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toBe(
      '13 more findings are not shown inline (13 errors, 0 warnings): GitHub shows 10 errors and 10 warnings per step. ' +
        'Every finding is listed in the pull request comment and the job summary.',
    );
    expect(sink.calls.at(-1)?.kind).toBe('notice');
    expect(result).toEqual({ errors: 10, warnings: 2, omitted: 13 });
  });

  it('limits warnings separately from errors', () => {
    const findings = Array.from({ length: 12 }, (_, i) => finding('imports/x/people.csv', i + 2, 'warning'));
    findings.push(finding('imports/x/people.csv', 40, 'error'));
    const sink = recorder();
    expect(annotate(findings, sink)).toEqual({ errors: 1, warnings: 10, omitted: 2 });
    expect(sink.calls.find((c) => c.kind === 'notice')?.message).toMatch(
      /^2 more findings .*\(0 errors, 2 warnings\)/,
    );
  });

  it('sends no notice when everything fits', () => {
    const sink = recorder();
    annotate([finding('imports/x/people.csv', 2)], sink);
    expect(sink.calls.map((c) => c.kind)).toEqual(['error']);
    expect(annotate([], recorder())).toEqual({ errors: 0, warnings: 0, omitted: 0 });
  });

  it('puts the column name in the title and never sends startColumn', () => {
    const { message, properties } = annotationFor(
      finding('imports/x/people.csv', 7, 'error', 'email_manager'),
    );
    expect(message).toBe('bad value on line 7');
    expect(properties).toEqual({
      title: 'invalid-email (column email_manager)',
      file: 'imports/x/people.csv',
      startLine: 7,
      endLine: 7,
    });
    expect(annotationFor(finding('imports/x/people.csv', 1, 'error', null)).properties.title).toBe(
      'invalid-email',
    );
  });

  it('makes paths repository-relative so annotations attach to the diff', () => {
    expect(annotationFor(finding('./imports/x/people.csv', 2)).properties.file).toBe('imports/x/people.csv');
    expect(
      annotationFor(finding('/home/runner/work/r/r/imports/x/people.csv', 2), '/home/runner/work/r/r')
        .properties.file,
    ).toBe('imports/x/people.csv');
    // Outside the workspace it is left as given rather than turned into ../ paths.
    expect(annotationFor(finding('/tmp/people.csv', 2), '/home/runner/work/r/r').properties.file).toBe(
      '/tmp/people.csv',
    );
  });

  it('sortFindings keeps the validator order for findings on the same line', () => {
    const first = { ...finding('f.csv', 3), code: 'first' };
    const second = { ...finding('f.csv', 3), code: 'second' };
    expect(sortFindings([second, finding('f.csv', 2), first]).map((f) => f.code)).toEqual([
      'invalid-email',
      'second',
      'first',
    ]);
  });
});

describe('annotate through @actions/core', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes the workflow commands GitHub turns into annotations', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const findings = Array.from({ length: 11 }, (_, i) => finding('imports/cs/people.csv', i + 2));
    annotate(findings, core);
    expect(lines[0]).toBe(
      '::error title=invalid-email (column email),file=imports/cs/people.csv,line=2,endLine=2::bad value on line 2\n',
    );
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines.at(-1)).toMatch(/^::notice title=More findings::1 more finding is not shown inline/);
  });
});
