// JSON outputs, in the shapes DESIGN.md promises.

import type { Finding } from '../csv/findings.js';
import type { Plan } from '../plan/types.js';
import { encodeReview, type Review } from '../review/review.js';
import { uniqueSorted } from './shared.js';

/** A finding as `validate --format json` prints it. */
export interface FindingJson {
  file: string;
  line: number;
  column: string | null;
  code: string;
  message: string;
}

export interface FindingsJson {
  ok: boolean;
  errors: FindingJson[];
  warnings: FindingJson[];
}

const toJson = ({ file, line, column, code, message }: Finding): FindingJson => ({
  file,
  line,
  column,
  code,
  message,
});

/** `{"ok", "errors": [F], "warnings": [F]}`, sorted by file and line. */
export function findingsReport(findings: readonly Finding[]): FindingsJson {
  const sorted = uniqueSorted(findings);
  const errors = sorted.filter((f) => f.severity === 'error').map(toJson);
  return {
    ok: errors.length === 0,
    errors,
    warnings: sorted.filter((f) => f.severity === 'warning').map(toJson),
  };
}

export function findingsToJson(findings: readonly Finding[]): string {
  return `${JSON.stringify(findingsReport(findings), null, 2)}\n`;
}

/** The Plan itself: it is plain JSON data. */
/**
 * The plan as `plan --format json` and the plan file write it; with `review`, its reviewed-plan block
 * (`review`, the same text the preview comment carries) for `apply --reviewed FILE`.
 */
export function planToJson(plan: Plan, review?: Review): string {
  const json = review ? { ...plan, review: encodeReview(review) } : plan;
  return `${JSON.stringify(json, null, 2)}\n`;
}
