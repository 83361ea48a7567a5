// One order of findings (csv/findings.ts compareFindings) for every list: the plan's, the comment's
// and the annotations. Reading order: file, line, then as found within a line (cell by cell).
import { describe, expect, it } from 'vitest';
import { compareFindings, type Finding } from '../../src/csv/findings.js';
import { annotate, type AnnotationSink } from '../../src/github/annotations.js';
import { buildPlan } from '../../src/plan/plan.js';
import { collectFindings } from '../../src/render/shared.js';
import { importSet, snapshot } from './fixtures.js';

const at = (file: string, line: number, column: string, code: string): Finding => ({
  severity: 'error',
  file,
  line,
  column,
  code,
  message: `${code} at ${column}`,
});

describe('the order of findings', () => {
  // As the validator finds them: phone_work before email is the order of this file's columns.
  const found = [
    at('imports/b/people.csv', 7, 'phone_work', 'invalid-phone'),
    at('imports/b/people.csv', 7, 'email', 'invalid-email'),
    at('imports/a/people.csv', 9, 'name', 'missing-value'),
    at('imports/b/people.csv', 3, 'skills', 'invalid-skill'),
  ];
  const expected = [found[2], found[3], found[0], found[1]].map((finding) => finding?.code);

  it('is the same in the plan, the comment and the annotations', () => {
    const plan = buildPlan(importSet([], found), snapshot());
    expect(plan.findings.map((finding) => finding.code)).toEqual(expected);
    expect(collectFindings(plan, []).map((finding) => finding.code)).toEqual(expected);
    const annotated: string[] = [];
    const sink: AnnotationSink = {
      error: (message) => annotated.push(message),
      warning: (message) => annotated.push(message),
      notice: () => undefined,
    };
    annotate(found, sink);
    expect(annotated).toEqual(expected.map((code) => found.find((f) => f.code === code)?.message));
  });

  it('compares files by code point, not by the machine locale', () => {
    const upper = at('imports/Zeta/people.csv', 1, 'email', 'x');
    const lower = at('imports/alpha/people.csv', 1, 'email', 'x');
    expect(compareFindings(upper, lower)).toBeLessThan(0);
  });
});
