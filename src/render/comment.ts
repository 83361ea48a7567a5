// The sticky PR comment: the plan, always within GitHub's comment size limit.

import type { Finding } from '../csv/types.js';
import type { Plan } from '../plan/types.js';
import { findingsMarkdown, planMarkdown, type Limit } from './markdown.js';

/** GitHub rejects comment bodies longer than this many characters. */
export const COMMENT_MAX_CHARS = 65_536;

export interface CommentOptions {
  /** Hidden marker the sticky comment is found by, e.g. `<!-- gc-onboard:plan -->`; put first. */
  marker: string;
  /** Where the full plan is (the workflow run's job summary). */
  fullPlanUrl?: string;
  /** Defaults to 65,536; the marker counts. */
  maxChars?: number;
}

/** Only a plain http(s) URL becomes a link; anything else is not trusted into markdown. */
function fullPlanSentence(url: string | undefined): string {
  if (url !== undefined && /^https?:\/\/[^\s()<>[\]"'`]+$/.test(url)) {
    return `The full plan is in [the job summary of this run](${url}).`;
  }
  return 'The full plan is in the job summary of this run.';
}

function commentLimit(options: CommentOptions): Limit {
  const max = options.maxChars ?? COMMENT_MAX_CHARS;
  return {
    max,
    // String length counts UTF-16 units, never fewer than GitHub's characters: a safe measure.
    measure: (text) => text.length,
    name: `GitHub's ${max.toLocaleString('en-US')}-character comment limit`,
    fullPlan: fullPlanSentence(options.fullPlanUrl),
  };
}

/**
 * The PR comment: marker, one summary line for people and phones, errors and warnings with
 * file:line, then a table of changes per batch. `findings` are shown with the plan's own (validation
 * findings, row errors and warnings); a finding given twice is shown once.
 */
export function renderComment(plan: Plan, findings: readonly Finding[], options: CommentOptions): string {
  return planMarkdown(plan, findings, { marker: options.marker, limit: commentLimit(options) });
}

/** A comment with findings only, for when there is no plan (validation failed before the org was read, or a fork). */
export function renderFindingsComment(findings: readonly Finding[], options: CommentOptions): string {
  return findingsMarkdown(findings, { marker: options.marker, limit: commentLimit(options) });
}
