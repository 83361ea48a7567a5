// One sticky comment per pull request: found by a hidden marker AND our own author, updated in
// place, left alone when nothing changed, and never longer than GitHub accepts.
import type { Octokit } from './octokit.js';

/** GitHub rejects comment bodies longer than this (422 "body is too long"). */
export const MAX_COMMENT_LENGTH = 65_536;

/** Who GITHUB_TOKEN comments as. `GET /user` fails for installation tokens, so the login is configured, not asked. */
export const DEFAULT_BOT_LOGIN = 'github-actions[bot]';

export interface StickyCommentRequest {
  owner: string;
  repo: string;
  /** Pull request (or issue) number. */
  issueNumber: number;
  /** A hidden HTML comment such as `<!-- gc-onboard:preview -->`; put at the top of the body if missing. */
  marker: string;
  body: string;
  /** Login of the token's user, `[bot]` suffix optional. Default: github-actions[bot]. */
  botLogin?: string;
  /** Where the untruncated report is, named in the truncation note (e.g. the run URL). */
  fullReportUrl?: string;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
}

export function hasMarker(body: string | null | undefined, marker: string): boolean {
  return marker !== '' && (body ?? '').includes(marker);
}

/** Same account, ignoring case and the `[bot]` suffix (GraphQL says `github-actions`, REST `github-actions[bot]`). */
export function isSameLogin(a: string | null | undefined, b: string | null | undefined): boolean {
  const normalize = (login: string) =>
    login
      .trim()
      .toLowerCase()
      .replace(/\[bot\]$/, '');
  return !!a && !!b && normalize(a) === normalize(b);
}

/**
 * Cuts `body` to at most `max` characters, at a line break where one is near, closes a code fence
 * left open, and ends with a visible note. Bodies that fit are returned as they are.
 */
export function truncateBody(body: string, max = MAX_COMMENT_LENGTH, fullReportUrl?: string): string {
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
  return truncateBody(marked, MAX_COMMENT_LENGTH, fullReportUrl);
}

/** Creates the sticky comment, or updates ours in place when its body differs. */
export async function upsertStickyComment(
  octokit: Octokit,
  request: StickyCommentRequest,
): Promise<StickyCommentResult> {
  const { owner, repo, issueNumber, marker } = request;
  if (!marker.trim()) throw new Error('The sticky comment needs a non-empty marker.');
  const botLogin = request.botLogin?.trim() || DEFAULT_BOT_LOGIN;
  const body = stickyCommentBody(request.body, marker, request.fullReportUrl);

  try {
    const existing = await findStickyComment(octokit, { owner, repo, issueNumber, marker, botLogin });
    if (existing) {
      if (normalizeNewlines(existing.body ?? '') === normalizeNewlines(body)) {
        return { action: 'unchanged', id: existing.id };
      }
      const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      return { action: 'updated', id: updated.data.id };
    }
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { action: 'created', id: created.data.id };
  } catch (error) {
    throw explainCommentError(error, `${owner}/${repo}#${issueNumber}`);
  }
}

interface FoundComment {
  id: number;
  body?: string | null;
}

/** Pages through every comment (100 a page) and stops at the first one with our marker written by us. */
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
    const mine = page.data.find(
      (comment) => isSameLogin(comment.user?.login, where.botLogin) && hasMarker(comment.body, where.marker),
    );
    if (mine) return { id: mine.id, body: mine.body ?? null };
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
