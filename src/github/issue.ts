// The one drift issue: found by our label AND our marker opening the body AND our own author (anyone
// can paste a marker or add a label), created when something needs attention, edited in place while
// it does, closed with a comment when it no longer does, and reopened (never a second one) next time.
import { isSameLogin, startsWithMarker, truncateBody } from './comment.js';
import type { Octokit } from './octokit.js';

export interface DriftIssueRequest {
  owner: string;
  repo: string;
  /** The label the issue carries; the search for it lists only issues with this label. */
  label: string;
  /** Hidden marker that opens the body, e.g. `<!-- gc-onboard:drift -->`. */
  marker: string;
  title: string;
  /** True: the issue should be open with `body`; false: closed with `closeComment`. */
  open: boolean;
  /** The body while open (starting with the marker). */
  body: string;
  closeComment: string;
  /** Login the token writes as (`github-actions[bot]` for GITHUB_TOKEN). */
  botLogin: string;
}

export type DriftIssueAction = 'created' | 'updated' | 'reopened' | 'unchanged' | 'closed' | 'none';

export interface DriftIssueResult {
  action: DriftIssueAction;
  /** The issue's number, or null when there is none. */
  number: number | null;
  url: string | null;
  /** Who opened the issue, as GitHub says (on create: the login the token really writes as). */
  author: string;
}

interface FoundIssue {
  number: number;
  state: 'open' | 'closed';
  body: string;
  url: string;
}

/**
 * Our issue among those with the label (pull requests left out): an open one first (the oldest, if
 * something opened two), else the closed one updated last, which the next drift reopens.
 */
export async function findDriftIssue(
  octokit: Octokit,
  where: { owner: string; repo: string; label: string; marker: string; botLogin: string },
): Promise<FoundIssue | null> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: where.owner,
    repo: where.repo,
    labels: where.label,
    state: 'all',
    sort: 'updated',
    direction: 'desc',
    per_page: 100,
  });
  const ours = issues.filter(
    (issue) =>
      !issue.pull_request &&
      isSameLogin(issue.user?.login, where.botLogin) &&
      startsWithMarker(issue.body ?? '', where.marker),
  );
  const open = ours.filter((issue) => issue.state === 'open').sort((a, b) => a.number - b.number);
  const pick = open[0] ?? ours[0];
  if (!pick) return null;
  return {
    number: pick.number,
    state: pick.state === 'open' ? 'open' : 'closed',
    body: pick.body ?? '',
    url: pick.html_url,
  };
}

const sameText = (a: string, b: string) => a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');

/** Brings the one drift issue in line with the report: see the module comment. */
export async function syncDriftIssue(
  octokit: Octokit,
  request: DriftIssueRequest,
): Promise<DriftIssueResult> {
  const { owner, repo, label, marker, botLogin } = request;
  // truncateBody caps at GitHub's 65,536 characters, the limit of an issue body too.
  const body = truncateBody(
    startsWithMarker(request.body, marker) ? request.body : `${marker}\n${request.body}`,
  );
  const found = await findDriftIssue(octokit, { owner, repo, label, marker, botLogin });
  if (!request.open) {
    if (!found || found.state === 'closed')
      return { action: 'none', number: found?.number ?? null, url: found?.url ?? null, author: botLogin };
    await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: found.number,
      body: request.closeComment,
    });
    await octokit.rest.issues.update({
      owner,
      repo,
      issue_number: found.number,
      state: 'closed',
      state_reason: 'completed',
    });
    return { action: 'closed', number: found.number, url: found.url, author: botLogin };
  }
  if (!found) {
    const created = await octokit.rest.issues.create({
      owner,
      repo,
      title: request.title,
      body,
      labels: [label],
    });
    return {
      action: 'created',
      number: created.data.number,
      url: created.data.html_url,
      author: created.data.user?.login ?? '',
    };
  }
  if (found.state === 'open' && sameText(found.body, body))
    return { action: 'unchanged', number: found.number, url: found.url, author: botLogin };
  await octokit.rest.issues.update({
    owner,
    repo,
    issue_number: found.number,
    body,
    ...(found.state === 'closed' ? { state: 'open' as const } : {}),
  });
  const action = found.state === 'closed' ? 'reopened' : 'updated';
  return { action, number: found.number, url: found.url, author: botLogin };
}
