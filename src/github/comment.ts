// One sticky comment per pull request: found by a hidden marker that opens the body AND our own
// author, updated in place, left alone when nothing changed, and never longer than GitHub accepts.
// Both checks are exact: every workflow with GITHUB_TOKEN comments as github-actions[bot], so a
// coverage bot quoting our marker has the right author, and anyone can paste the marker first.
import { COMMENT_MAX_CHARS } from '../render/limits.js';
import type { Octokit } from './octokit.js';

/** Who GITHUB_TOKEN comments as. `GET /user` fails for installation tokens, so the login is configured, not asked. */
export const DEFAULT_BOT_LOGIN = 'github-actions[bot]';

export interface StickyCommentRequest {
  owner: string;
  repo: string;
  /** Pull request (or issue) number. */
  issueNumber: number;
  /** A hidden HTML comment such as `<!-- gc-onboard:preview -->`; put at the top of the body if missing. */
  marker: string;
  /** The body, or how to make it from our existing comment's body (null when there is none yet). */
  body: string | ((existing: string | null) => string);
  /** Login of the token's user exactly as GitHub shows it (`name[bot]` for an App). Default: github-actions[bot]. */
  botLogin?: string;
  /** Where the untruncated report is, named in the truncation note (e.g. the run URL). */
  fullReportUrl?: string;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  /** Who the comment is by, as GitHub says: on create, the login the token really comments as. */
  author: string;
}

/** The marker opens the body and is alone on its first line (how stickyCommentBody writes it). */
export function startsWithMarker(body: string | null | undefined, marker: string): boolean {
  if (marker === '' || !body?.startsWith(marker)) return false;
  const rest = body.slice(marker.length);
  return rest === '' || rest.startsWith('\n') || rest.startsWith('\r\n');
}

/**
 * Same account: logins compare without case (GitHub's rule) but otherwise exactly. The `[bot]`
 * suffix is part of the login: without it, `gc-onboard-app` is a person who could have registered
 * the name, not the App `gc-onboard-app[bot]`.
 */
export function isSameLogin(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a?.trim() && !!b?.trim() && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Our sticky comment: written by `botLogin` and opened by `marker`. */
export function isOurComment(
  comment: { user?: { login?: string | null } | null; body?: string | null },
  marker: string,
  botLogin: string,
): boolean {
  return isSameLogin(comment.user?.login, botLogin) && startsWithMarker(comment.body, marker);
}

/**
 * Cuts `body` to at most `max` characters, at a line break where one is near, closes a code fence
 * left open, and ends with a visible note. Bodies that fit are returned as they are.
 */
export function truncateBody(body: string, max = COMMENT_MAX_CHARS, fullReportUrl?: string): string {
  if (body.length <= max) return body;
  const where = fullReportUrl ? `[the job summary](${fullReportUrl})` : 'the job summary of this run';
  const note = `\n\n---\n> [!WARNING]\n> This comment was cut short: GitHub allows ${max.toLocaleString('en-US')} characters in a comment. The full report is in ${where}.\n`;
  const fence = '\n```';
  let keep = body.slice(0, Math.max(0, max - note.length - fence.length));
  // Never leave half of a surrogate pair (an emoji, a CJK extension character) at the end.
  if (/[\uD800-\uDBFF]$/.test(keep)) keep = keep.slice(0, -1);
  const lastBreak = keep.lastIndexOf('\n');
  if (lastBreak > keep.length - 2_000) keep = keep.slice(0, lastBreak);
  const fenceOpen = (keep.match(/^[ \t]*```/gm)?.length ?? 0) % 2 === 1;
  return keep + (fenceOpen ? fence : '') + note;
}

/** The exact body we post: marker first (so truncation can never cut it off), then capped. Used for create AND update. */
export function stickyCommentBody(body: string, marker: string, fullReportUrl?: string): string {
  const marked = body.startsWith(marker) ? body : `${marker}\n${body}`;
  return truncateBody(marked, COMMENT_MAX_CHARS, fullReportUrl);
}

/** Creates the sticky comment, or updates ours in place when its body differs. */
export async function upsertStickyComment(
  octokit: Octokit,
  request: StickyCommentRequest,
): Promise<StickyCommentResult> {
  const { owner, repo, issueNumber, marker } = request;
  if (!marker.trim()) throw new Error('The sticky comment needs a non-empty marker.');
  const botLogin = request.botLogin?.trim() || DEFAULT_BOT_LOGIN;
  try {
    const existing = await findStickyComment(octokit, { owner, repo, issueNumber, marker, botLogin });
    const text = typeof request.body === 'function' ? request.body(existing?.body ?? null) : request.body;
    const body = stickyCommentBody(text, marker, request.fullReportUrl);
    if (existing) {
      if (normalizeNewlines(existing.body ?? '') === normalizeNewlines(body)) {
        return { action: 'unchanged', id: existing.id, author: existing.author };
      }
      const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      return { action: 'updated', id: updated.data.id, author: updated.data.user?.login ?? existing.author };
    }
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { action: 'created', id: created.data.id, author: created.data.user?.login ?? '' };
  } catch (error) {
    throw explainCommentError(error, `${owner}/${repo}#${issueNumber}`);
  }
}

interface FoundComment {
  id: number;
  body: string | null;
  author: string;
}

/** Pages through every comment (100 a page) and stops at the first one that is ours (isOurComment). */
export async function findStickyComment(
  octokit: Octokit,
  where: { owner: string; repo: string; issueNumber: number; marker: string; botLogin: string },
): Promise<FoundComment | null> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    const mine = page.data.find((comment) => isOurComment(comment, where.marker, where.botLogin));
    if (mine) return { id: mine.id, body: mine.body ?? null, author: mine.user?.login ?? where.botLogin };
  }
  return null;
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** Turns the two failures people actually hit into something they can act on. */
function explainCommentError(error: unknown, target: string): Error {
  const status = (error as { status?: unknown } | null)?.status;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 403) {
    return new Error(
      `GitHub refused to write the preview comment on ${target} (403: ${message}). ` +
        'The workflow needs `permissions: pull-requests: write`; a pull request from a fork only gets a read-only token.',
      { cause: error },
    );
  }
  if (status === 401) {
    return new Error(
      `GitHub rejected the token while writing the preview comment on ${target} (401: ${message}).`,
      {
        cause: error,
      },
    );
  }
  return error instanceof Error ? error : new Error(message);
}
