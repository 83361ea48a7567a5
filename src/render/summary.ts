// The job summary: the full plan, within GitHub's 1 MiB step-summary limit.

import type { Finding } from '../csv/findings.js';
import type { Plan } from '../plan/types.js';
import { SUMMARY_MAX_BYTES } from './limits.js';
import { findingsMarkdown, planMarkdown, type Limit } from './markdown.js';

function summaryLimit(maxBytes: number): Limit {
  return {
    max: maxBytes,
    measure: (text) => Buffer.byteLength(text, 'utf8'),
    name: "GitHub's 1 MiB job summary limit",
    fullPlan: 'The full plan is in the JSON output: gc-onboard plan --format json.',
  };
}

/** The job summary: every row, every change, every finding, unless that exceeds `maxBytes`. */
export function renderSummary(
  plan: Plan,
  findings: readonly Finding[],
  options: { maxBytes?: number } = {},
): string {
  return planMarkdown(plan, findings, { limit: summaryLimit(options.maxBytes ?? SUMMARY_MAX_BYTES) });
}

/** Findings alone (validate) as markdown, for `validate --format markdown` and the summary of a failed validation. */
export function renderFindingsMarkdown(
  findings: readonly Finding[],
  options: { maxBytes?: number } = {},
): string {
  return findingsMarkdown(findings, { limit: summaryLimit(options.maxBytes ?? SUMMARY_MAX_BYTES) });
}
