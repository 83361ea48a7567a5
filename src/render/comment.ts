// The sticky PR comments: one way to put a comment together (composeComment: the marker, our hidden
// block, the blocks around the body and the size budget), and the bodies that go in it.

import type { Finding } from '../csv/findings.js';
import type { Plan } from '../plan/types.js';
import { COMMENT_MAX_CHARS } from './limits.js';
import { findingsMarkdown, planMarkdown, type Limit } from './markdown.js';

/** What surrounds a comment's body. */
export interface CommentFrame {
  /** Hidden marker the sticky comment is found by, e.g. `<!-- gc-onboard:preview -->`: always the first line. */
  marker: string;
  /** Our machine-readable block, from line 2 on, before anything rendered from a CSV (the reviewed plan). */
  hidden?: string;
  /** Markdown before the body (the policy changes) and after it (notes). */
  top?: string;
  footer?: string;
}

/**
 * The comment: the frame, and the body rendered within the room the frame leaves of GitHub's limit
 * (`renderBody` gets that many characters and must fit in them, as the renderers here do).
 */
export function composeComment(
  frame: CommentFrame,
  renderBody: (maxChars: number) => string,
  maxChars = COMMENT_MAX_CHARS,
): string {
  const head = frame.hidden ? `${frame.marker}\n${frame.hidden}` : frame.marker;
  const join = (body: string) => [head, frame.top, body.trim(), frame.footer].filter(Boolean).join('\n\n');
  return join(renderBody(maxChars - join('').length - 2));
}

export interface CommentOptions {
  /** Where the full plan is (the workflow run's job summary). */
  fullPlanUrl?: string;
  /** Defaults to 65,536. */
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
    // The room a body gets is less than the limit (the frame takes some): the note names the limit.
    name: `GitHub's ${COMMENT_MAX_CHARS.toLocaleString('en-US')}-character comment limit`,
    fullPlan: fullPlanSentence(options.fullPlanUrl),
  };
}

/**
 * The preview's body: one summary line for people and phones, errors and warnings with
 * file:line, then a table of changes per batch. `findings` are shown with the plan's own (validation
 * findings, row errors and warnings); a finding given twice is shown once.
 */
export function renderComment(plan: Plan, findings: readonly Finding[], options: CommentOptions): string {
  return planMarkdown(plan, findings, { limit: commentLimit(options) });
}

/** A comment with findings only, for when there is no plan (validation failed before the org was read, or a fork). */
export function renderFindingsComment(findings: readonly Finding[], options: CommentOptions): string {
  return findingsMarkdown(findings, { limit: commentLimit(options) });
}
