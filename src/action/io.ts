// Where the Action's reports go: the job summary, the step outputs, annotations and the sticky pull
// request comment. The only module of src/action (with main.ts) that talks to the runner and GitHub.
// Everything it sends passes the one scrubber (src/secrets.ts): the runner masks secrets in the log
// only, not in the summary, the comment or the outputs.
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import type { Finding } from '../csv/findings.js';
import type { OrgSpec, OrgsConfig } from '../csv/types.js';
import { annotate, type AnnotationSink } from '../github/annotations.js';
import { isSameLogin, upsertStickyComment } from '../github/comment.js';
import type { EventContext } from '../github/event.js';
import { createOctokit, type Octokit } from '../github/octokit.js';
import { secrets } from '../secrets.js';
import type { ActionInputs } from './inputs.js';

export interface ActionContext {
  inputs: ActionInputs;
  event: EventContext;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** imports/orgs.yml, when there is one. */
  orgs?: OrgsConfig;
  /** The org this job works on (the org input), when there is an orgs.yml. */
  org?: OrgSpec;
}

/**
 * Appends markdown to the job summary. Written directly rather than through core.summary, which
 * remembers the first GITHUB_STEP_SUMMARY it saw for the life of the process. Without the variable
 * (a local run) the summary goes to the log.
 */
export async function appendSummary(summary: string, env: NodeJS.ProcessEnv): Promise<void> {
  const markdown = secrets.scrub(summary);
  const file = env.GITHUB_STEP_SUMMARY?.trim();
  if (!file) {
    core.info(markdown);
    return;
  }
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await appendFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
}

export function setOutputs(outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, secrets.scrub(value));
}

/** The first ten errors and ten warnings in file order as annotations on the CSV lines, then one notice for the rest. */
export function annotateFindings(findings: readonly Finding[], env: NodeJS.ProcessEnv): void {
  const workspace = env.GITHUB_WORKSPACE?.trim();
  annotate(findings, scrubbingSink, workspace ? { workspace } : {});
}

const scrubbingSink: AnnotationSink = {
  error: (message, properties) => core.error(secrets.scrub(message), secrets.scrubDeep(properties)),
  warning: (message, properties) => core.warning(secrets.scrub(message), secrets.scrubDeep(properties)),
  notice: (message, properties) => core.notice(secrets.scrub(message), secrets.scrubDeep(properties)),
};

/** An octokit for the github-token input, or null when there is none (a local run). */
export function octokitFor(context: ActionContext): Octokit | null {
  return context.inputs.githubToken === '' ? null : createOctokit(context.inputs.githubToken, context.env);
}

/**
 * Creates or updates the sticky comment of this pull request. A failure (a read-only token, a missing
 * `pull-requests: write`) is a warning: the check reports on the CSVs and the plan, not on GitHub's
 * permissions, and the summary has the full report anyway.
 */
export async function postComment(
  context: ActionContext,
  marker: string,
  /** The body, or how to make it from our existing comment's body (see upsertStickyComment). */
  body: string | ((existing: string | null) => string),
  /** Default: the pull request of the event (a preview); apply names the pull request it merged. */
  issueNumber = context.event.pullRequest?.number,
): Promise<void> {
  if (issueNumber === undefined || !context.inputs.comment) return;
  const pullRequest = { number: issueNumber };
  const octokit = octokitFor(context);
  if (!octokit) {
    core.warning(
      'No github-token: the pull request comment was not written. The report is in the job summary.',
    );
    return;
  }
  try {
    const result = await upsertStickyComment(octokit, {
      owner: context.event.owner,
      repo: context.event.repo,
      issueNumber: pullRequest.number,
      marker,
      body: typeof body === 'function' ? (existing) => secrets.scrub(body(existing)) : secrets.scrub(body),
      botLogin: context.inputs.commentAuthor,
      ...(context.event.runUrl ? { fullReportUrl: context.event.runUrl } : {}),
    });
    const said = { created: 'Posted', updated: 'Updated', unchanged: 'Left unchanged' }[result.action];
    core.info(`${said} the comment on pull request #${pullRequest.number} (id ${result.id}).`);
    // Only comments by comment-author count as ours: with the wrong login every run posts a new one.
    if (result.author !== '' && !isSameLogin(result.author, context.inputs.commentAuthor)) {
      core.warning(
        `The github-token comments as ${result.author}, but comment-author is ${context.inputs.commentAuthor}: set comment-author: ${result.author} so that later runs update this comment instead of posting another.`,
        { title: 'Pull request comment' },
      );
    }
  } catch (error) {
    core.warning(secrets.scrub(error instanceof Error ? error.message : String(error)), {
      title: 'Pull request comment',
    });
  }
}
