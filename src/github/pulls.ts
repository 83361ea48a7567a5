// What the policy needs from GitHub besides the event: the labels of the pull request a pushed
// commit was merged from (one may be the policy's override_label), and a file as it is at a commit
// (imports/policy.yml at the base of a pull request, to show what the pull request changes in it).
import { labelNames } from './event.js';
import type { Octokit } from './octokit.js';

export interface MergedPullRequest {
  number: number;
  /** Label names as they are now (a label added after the merge counts on a re-run). */
  labels: string[];
}

/**
 * The merged pull requests GitHub associates with `sha` (`GET /repos/{owner}/{repo}/commits/{sha}/pulls`):
 * the one it was merged from, for a merge, squash or rebase commit. Open and closed-unmerged pull
 * requests that merely contain the commit are left out. Needs `pull-requests: read`.
 */
export async function mergedPullRequestsOfCommit(
  octokit: Octokit,
  where: { owner: string; repo: string; sha: string },
): Promise<MergedPullRequest[]> {
  const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
    owner: where.owner,
    repo: where.repo,
    commit_sha: where.sha,
    per_page: 100,
  });
  return pulls
    .filter((pull) => typeof pull.merged_at === 'string' && pull.merged_at !== '')
    .map((pull) => ({ number: pull.number, labels: labelNames(pull.labels) }));
}

/** The newest commit that changed `path` (`GET /repos/{owner}/{repo}/commits?path=`), or null when none did. */
export async function lastCommitTouching(
  octokit: Octokit,
  where: { owner: string; repo: string; path: string },
): Promise<string | null> {
  const { data } = await octokit.rest.repos.listCommits({ ...where, per_page: 1 });
  return data[0]?.sha ?? null;
}

/** Label names of the merged pull requests of `sha`, each once (see mergedPullRequestsOfCommit). */
export async function labelsOfMergedPullRequests(
  octokit: Octokit,
  where: { owner: string; repo: string; sha: string },
): Promise<string[]> {
  const merged = await mergedPullRequestsOfCommit(octokit, where);
  return [...new Set(merged.flatMap((pull) => pull.labels))];
}

/** GitHub's contents API returns no text for files above 1 MB. */
export const MAX_CONTENTS_BYTES = 1_048_576;

/**
 * The text (UTF-8) of the file at `path` in the commit `ref`, or null when there is no such file
 * there (`GET /repos/{owner}/{repo}/contents/{path}?ref=`). A ref GitHub does not know, a folder, a
 * symlink or a file too large for the API is an error, not "no file": the caller must not read
 * "policy.yml is new" into it.
 */
export async function fileAtRef(
  octokit: Octokit,
  where: { owner: string; repo: string; path: string; ref: string },
): Promise<string | null> {
  const file = where.path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
  let data: Awaited<ReturnType<Octokit['rest']['repos']['getContent']>>['data'];
  try {
    ({ data } = await octokit.rest.repos.getContent({
      owner: where.owner,
      repo: where.repo,
      path: file,
      ref: where.ref,
    }));
  } catch (error) {
    const { status, message } = error as { status?: unknown; message?: unknown };
    // 404 is also GitHub's answer for an unknown ref, with its own message.
    if (status === 404 && !/no commit found/i.test(String(message))) return null;
    throw error;
  }
  const at = `${file} at ${where.ref.slice(0, 12)}`;
  if (Array.isArray(data)) throw new Error(`${at} is a folder, not a file.`);
  if (data.type !== 'file') throw new Error(`${at} is a ${data.type}, not a file.`);
  if (!('content' in data) || data.encoding !== 'base64') {
    throw new Error(
      `${at} has ${data.size.toLocaleString('en-US')} bytes: GitHub's contents API does not return the text of files above 1 MB.`,
    );
  }
  return Buffer.from(data.content, 'base64').toString('utf8');
}
