// Apply's side of the reviewed plan: find what reviewers approved (the preview our bot wrote on the
// pull request the pushed commit was merged from), and put the results back on that pull request.
// Only a comment whose author is exactly comment-author and whose first line is the preview marker
// is read, and only its block right under the marker: a CSV cell or anyone else's comment cannot
// stand in for it (docs/security.md).
import * as core from '@actions/core';
import type { ApplyResult } from '../apply/results.js';
import { findStickyComment } from '../github/comment.js';
import { lastCommitTouching, mergedPullRequestsOfCommit, type MergedPullRequest } from '../github/pulls.js';
import type { InviteReport } from '../invite/invite.js';
import { formatDay } from '../plan/day.js';
import { composeComment } from '../render/comment.js';
import { escapeMarkdown } from '../render/escape.js';
import { inviteLinesOf, renderResultsComment, RESULTS_MARKER, withInviteLine } from '../render/results.js';
import { markerFor, sectionOf } from '../render/sections.js';
import { plural } from '../csv/words.js';
import { decodeReview, type Hold, type Review } from '../review/review.js';
import { fatalLine } from '../run/errors.js';
import { octokitFor, postComment, type ActionContext } from './io.js';
import { PREVIEW_MARKER } from './report.js';

/** The pull requests a pushed commit was merged from, asked once; `unavailable` says why GitHub could not tell. */
export interface MergedPulls {
  pulls: MergedPullRequest[];
  /** Why the question could not be asked or answered; null when it was (even with no pull request). */
  unavailable: string | null;
}

export async function mergedPulls(context: ActionContext): Promise<MergedPulls> {
  const { event } = context;
  if (event.eventName !== 'push') return { pulls: [], unavailable: null };
  const sha = event.sha ?? event.push?.after ?? null;
  const octokit = octokitFor(context);
  if (!octokit) return { pulls: [], unavailable: 'there is no github-token' };
  if (!sha) return { pulls: [], unavailable: 'the run names no commit (GITHUB_SHA)' };
  try {
    const pulls = await mergedPullRequestsOfCommit(octokit, { owner: event.owner, repo: event.repo, sha });
    return { pulls, unavailable: null };
  } catch (error) {
    // GITHUB_TOKEN without pull-requests: read gets 403 "Resource not accessible by integration".
    const hint =
      (error as { status?: unknown }).status === 403
        ? '; the workflow needs `permissions: pull-requests: read`'
        : '';
    return { pulls: [], unavailable: `${fatalLine(error)}${hint}` };
  }
}

/** GitHub lists the pull request a merge, squash or rebase commit came from; the newest when several. */
export const newestPull = <T extends { number: number }>(pulls: readonly T[]): T | undefined =>
  [...pulls].sort((a, b) => b.number - a.number)[0];

export type ReviewedPreview =
  | { kind: 'reviewed'; review: Review; pullRequest: number }
  | { kind: 'not-required' }
  | { kind: 'refused'; message: string };

const WITHOUT_REVIEW =
  'To apply the plan as it is, run apply with the input reviewed: none-required (the manual run of the Apply workflow offers it).';

/**
 * The preview reviewers approved for this push, or why there is none (apply then changes nothing).
 * With the input reviewed: none-required, none is needed.
 */
export async function reviewedPreview(context: ActionContext, merged: MergedPulls): Promise<ReviewedPreview> {
  const { event, inputs } = context;
  if (inputs.reviewed === 'none-required') {
    core.info('reviewed: none-required: the plan is applied as it is, with no preview to compare it with.');
    return { kind: 'not-required' };
  }
  const refuse = (why: string, fix = WITHOUT_REVIEW): ReviewedPreview => ({
    kind: 'refused',
    message: `${why}, so there is no reviewed preview to compare the plan with. Nothing was changed. ${fix}`,
  });
  if (event.eventName !== 'push')
    return refuse(`A ${event.rawEventName || 'local'} run comes from no pull request`);
  const sha = (event.sha ?? event.push?.after ?? '').slice(0, 7);
  if (merged.unavailable !== null) {
    return refuse(
      `Cannot ask GitHub which pull request commit ${sha} was merged from (${merged.unavailable})`,
      'Re-run when GitHub answers.',
    );
  }
  const pull = newestPull(merged.pulls);
  if (!pull)
    return refuse(`Commit ${sha} was not merged from a pull request (a push straight to the branch)`);
  const octokit = octokitFor(context);
  if (!octokit) return refuse('There is no github-token', 'Give apply the github-token input.');
  let body: string | null;
  try {
    const comment = await findStickyComment(octokit, {
      owner: event.owner,
      repo: event.repo,
      issueNumber: pull.number,
      marker: PREVIEW_MARKER,
      botLogin: inputs.commentAuthor,
    });
    body = comment?.body ?? null;
  } catch (error) {
    return refuse(
      `Cannot read the comments of pull request #${pull.number} (${fatalLine(error)})`,
      'Re-run when GitHub answers.',
    );
  }
  if (body === null)
    return refuse(`Pull request #${pull.number} has no preview comment by ${inputs.commentAuthor}`);
  // With orgs.yml the comment has a section per org, each with its own block on its second line.
  const org = context.org?.name;
  const section = org === undefined ? body : sectionOf(body, org);
  if (section === null)
    return refuse(`The preview comment on pull request #${pull.number} has no section for org ${org ?? ''}`);
  const decoded = decodeReview(section);
  if (!decoded.ok) {
    const what = org === undefined ? 'The preview comment' : `The preview of org ${org}`;
    return refuse(
      `${what} on pull request #${pull.number} cannot be used: ${decoded.why}`,
      org === undefined
        ? WITHOUT_REVIEW
        : `${WITHOUT_REVIEW} A preview validated offline records no plan: give the preview job the credentials of org ${org} (see docs/orgs.md).`,
    );
  }
  core.info(
    `Comparing the plan with the preview reviewed on pull request #${pull.number} (plan ${decoded.review.plan}).`,
  );
  return { kind: 'reviewed', review: decoded.review, pullRequest: pull.number };
}

/** The results comment on the merged pull request: one, updated on a re-run, keeping the invite lines. */
export async function postResults(
  context: ActionContext,
  pullRequest: number,
  result: ApplyResult,
  holds: readonly Hold[],
): Promise<void> {
  const { event } = context;
  // One results comment per org: the orgs are applied by different jobs, at different times.
  const resultsMarker = markerFor(RESULTS_MARKER, context.org?.name);
  // Made from our existing comment, if any, in the same listing that finds it: a re-run keeps the invite lines.
  const body = (existing: string | null) =>
    composeComment(
      { marker: resultsMarker, ...(context.org ? { top: `### Org \`${context.org.name}\`` } : {}) },
      () =>
        renderResultsComment(result, holds, {
          resultsFile: context.inputs.resultsFile,
          ...(event.runUrl ? { runUrl: event.runUrl } : {}),
          inviteLines: existing ? inviteLinesOf(existing) : [],
        }),
    );
  await postComment(context, resultsMarker, body, pullRequest);
}

/**
 * After a training-day run: "12 people invited on Tue 1 Dec 2026" in the results comment of the pull
 * request that last changed each invited batch (the newest commit under its folder, merged from it).
 * Never fails the run: the invites went out; a line GitHub cannot take is a warning.
 */
export async function noteInvites(
  context: ActionContext,
  report: InviteReport,
  importsDir: string,
): Promise<void> {
  const octokit = octokitFor(context);
  if (!octokit || !context.inputs.comment) return;
  const { owner, repo } = context.event;
  const sent = new Map<string, number>();
  for (const person of report.invited)
    if (person.sent) sent.set(person.batch, (sent.get(person.batch) ?? 0) + 1);
  for (const [batch, count] of sent) {
    try {
      const folder = [importsDir.replace(/\\/g, '/').replace(/^(\.\/)+|\/+$/g, ''), batch]
        .filter(Boolean)
        .join('/');
      const sha = await lastCommitTouching(octokit, { owner, repo, path: folder });
      const pull = sha
        ? (await mergedPullRequestsOfCommit(octokit, { owner, repo, sha })).sort(
            (a, b) => b.number - a.number,
          )[0]
        : undefined;
      if (!pull) {
        core.info(`No merged pull request changed ${folder}: no results comment to add the invites to.`);
        continue;
      }
      const results = await findStickyComment(octokit, {
        owner,
        repo,
        issueNumber: pull.number,
        marker: markerFor(RESULTS_MARKER, context.org?.name),
        botLogin: context.inputs.commentAuthor,
      });
      const line = `${plural(count, 'person', 'people')} invited on ${formatDay(report.date)} (batch <code>${escapeMarkdown(batch)}</code>)`;
      const body = results?.body ? withInviteLine(results.body, line) : null;
      if (body === null) {
        if (!results)
          core.info(`Pull request #${pull.number} has no results comment: the invites are not noted there.`);
        continue;
      }
      await postComment(context, markerFor(RESULTS_MARKER, context.org?.name), body, pull.number);
    } catch (error) {
      core.warning(`Could not note the invites of batch ${batch} on its pull request: ${fatalLine(error)}`, {
        title: 'Pull request comment',
      });
    }
  }
}
