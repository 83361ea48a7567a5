// The four modes of the Action. Each reads through the shared command layer (src/run) and reports
// through io.ts: annotations, job summary, outputs, files, the pull request comment. Business rules
// stay in the layers below; what is here is which report goes where, and when the step fails.
import path from 'node:path';
import * as core from '@actions/core';
import type { ApplyOptions } from '../apply/apply.js';
import { fatalLine, planHasErrors } from '../run/errors.js';
import { progressPrinter, writeFileMaking, writeResults } from '../cli/output.js';
import type { Finding } from '../csv/types.js';
import { changedBatchesInPullRequest, changedBatchesInPush, type ChangedBatches } from '../github/changed.js';
import { todayIn, type InviteRequest } from '../invite/invite.js';
import { COMMENT_MAX_CHARS, renderComment, renderFindingsComment } from '../render/comment.js';
import { inviteToJson, renderInviteMarkdown } from '../render/invite.js';
import { planToJson } from '../render/json.js';
import { collectFindings, plural } from '../render/shared.js';
import { renderFindingsMarkdown, renderSummary, SUMMARY_MAX_BYTES } from '../render/summary.js';
import { applyImports, inviteImports, planImports, validateImports } from '../run/commands.js';
import { openOrg, type OrgSession } from '../run/org.js';
import { InputError } from './inputs.js';
import {
  annotateFindings,
  appendSummary,
  octokitFor,
  postComment,
  setOutputs,
  type ActionContext,
} from './io.js';
import {
  allBatchesLine,
  applyOutputs,
  changedBatchesLine,
  errorCount,
  inviteOutputs,
  offlineNote,
  offlineText,
  planOutputs,
  PREVIEW_MARKER,
  renderApplyMarkdown,
  VALIDATE_MARKER,
  validateOutputs,
  type OfflineReason,
} from './report.js';

export interface ModeOptions {
  /** Passed to applyPlan (tests shorten the station polling). */
  apply?: ApplyOptions;
}

/** Events on which invites may be sent: the daily schedule and a person asking for it. */
export const INVITE_EVENTS = ['schedule', 'workflow_dispatch'] as const;

// Room left for our own notes when a renderer fits the comment or summary to GitHub's limit.
const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');
const NOTES_ROOM = 4_096;

async function withOrg<T>(context: ActionContext, work: (org: OrgSession) => Promise<T>): Promise<T> {
  const org = await openOrg({
    env: { ...context.inputs.genesys },
    onToken: (token) => core.setSecret(token),
  });
  core.info(`Connected to Genesys Cloud at ${org.target}.`);
  try {
    return await work(org);
  } finally {
    await org.close();
  }
}

const today = (context: ActionContext) => todayIn(context.inputs.timezone, context.now());

/** The imports folder as a repository path (how GitHub names changed files). */
function importsInRepository(context: ActionContext): string {
  const workspace = context.env.GITHUB_WORKSPACE?.trim();
  const imports = context.inputs.imports;
  return path.isAbsolute(imports) && workspace ? path.relative(workspace, imports) : imports;
}

/**
 * Which batches this pull request (plan) or push (apply) changed, for the reader; null when GitHub
 * cannot say. Never rejects: the list is information, not a reason to fail.
 */
async function changedBatches(
  context: ActionContext,
  of: 'pull request' | 'push',
): Promise<ChangedBatches | null> {
  const { event } = context;
  const where = { owner: event.owner, repo: event.repo, importsDir: importsInRepository(context) };
  try {
    const octokit = octokitFor(context);
    if (octokit && of === 'pull request' && event.pullRequest) {
      return await changedBatchesInPullRequest(octokit, { ...where, pullNumber: event.pullRequest.number });
    }
    if (octokit && of === 'push' && event.push) {
      const { before, after } = event.push;
      return await changedBatchesInPush(octokit, { ...where, before, after });
    }
  } catch (error) {
    core.info(
      `Could not ask GitHub which files changed (${fatalLine(error)}); the report does not name them.`,
    );
  }
  return null;
}

/** Runs `work` while `side` (which never rejects) runs too; settles only when both have, so nothing is left in flight. */
async function alongside<S, T>(side: Promise<S>, work: Promise<T>): Promise<[S, T]> {
  const [first, second] = await Promise.allSettled([side, work]);
  if (second.status === 'rejected') throw second.reason;
  if (first.status === 'rejected') throw first.reason;
  return [first.value, second.value];
}

function failWith(errors: number, where: 'imports' | 'plan'): void {
  core.setFailed(`${plural(errors, 'error')} in the ${where}: see the annotations and the job summary.`);
}

function failOnErrors(findings: readonly Finding[], where: 'imports' | 'plan'): void {
  const errors = errorCount(findings);
  if (errors > 0) failWith(errors, where);
}

/** Offline: the CSVs and batch.yml checked without the org. Also plan's fallback without secrets. */
async function checkOffline(
  context: ActionContext,
  marker: string,
  offline?: OfflineReason,
): Promise<readonly Finding[]> {
  const imports = await validateImports(context.inputs.imports);
  const findings = imports.findings;
  annotateFindings(findings, context.env);
  const note = offline ? offlineNote(offline) : '';
  if (offline) core.notice(offlineText(offline), { title: 'Offline preview' });
  await appendSummary(
    [note, renderFindingsMarkdown(findings, { maxBytes: SUMMARY_MAX_BYTES - byteLength(note) - NOTES_ROOM })]
      .filter(Boolean)
      .join('\n\n'),
    context.env,
  );
  setOutputs(validateOutputs(findings));
  // A fork's token is read-only: do not even try to write.
  if (!context.event.pullRequest?.isFork) {
    const body = renderFindingsComment(findings, {
      marker,
      maxChars: COMMENT_MAX_CHARS - note.length - NOTES_ROOM,
      ...(context.event.runUrl ? { fullPlanUrl: context.event.runUrl } : {}),
    });
    await postComment(context, marker, note ? `${body}\n\n${note}` : body);
  }
  return findings;
}

export async function validateMode(context: ActionContext): Promise<void> {
  const findings = await checkOffline(context, VALIDATE_MARKER);
  failOnErrors(findings, 'imports');
}

export async function planMode(context: ActionContext): Promise<void> {
  const pullRequest = context.event.pullRequest;
  if (pullRequest && (pullRequest.isFork || !context.inputs.hasCredentials)) {
    const findings = await checkOffline(
      context,
      PREVIEW_MARKER,
      pullRequest.isFork ? 'fork' : 'no-credentials',
    );
    failOnErrors(findings, 'imports');
    return;
  }
  const [changed, plan] = await alongside(
    changedBatches(context, 'pull request'),
    withOrg(
      context,
      async (org) => (await planImports(context.inputs.imports, org.client, { today: today(context) })).plan,
    ),
  );
  const findings = collectFindings(plan, []);
  annotateFindings(findings, context.env);

  const notes = [
    changedBatchesLine(changed, 'pull request'),
    plan.batches.length > 0 ? allBatchesLine(plan, 'plan') : '',
  ].filter(Boolean);
  const footer = notes.join('\n\n');
  const summary = renderSummary(plan, [], { maxBytes: SUMMARY_MAX_BYTES - byteLength(footer) - NOTES_ROOM });
  await appendSummary(footer ? `${summary.trimEnd()}\n\n${footer}` : summary, context.env);

  await writeFileMaking(context.inputs.planFile, planToJson(plan));
  core.info(`Plan written to ${context.inputs.planFile}.`);
  setOutputs(planOutputs(plan, context.inputs.planFile));

  const comment = renderComment(plan, [], {
    marker: PREVIEW_MARKER,
    maxChars: COMMENT_MAX_CHARS - footer.length - NOTES_ROOM,
    ...(context.event.runUrl ? { fullPlanUrl: context.event.runUrl } : {}),
  });
  await postComment(context, PREVIEW_MARKER, footer ? `${comment.trimEnd()}\n\n${footer}` : comment);
  // Rows in error carry their findings, so the count is never 0 here; planHasErrors is the CLI's rule (exit 1).
  if (planHasErrors(plan)) failWith(Math.max(1, errorCount(findings)), 'plan');
}

export async function applyMode(context: ActionContext, options: ModeOptions = {}): Promise<void> {
  if (context.event.pullRequest) {
    // Apply runs on the merged result; from a pull request it would change the org before the review.
    throw new InputError(
      `apply mode does not run on "${context.event.rawEventName}" events: it changes the org, so it runs after the merge (push to the default branch) or by hand (workflow_dispatch). Use mode: plan for pull requests.`,
    );
  }
  const progress = progressPrinter({ stderr: (text) => core.info(text.trimEnd()) });
  const [changed, { plan, result }] = await alongside(
    changedBatches(context, 'push'),
    withOrg(context, (org) =>
      applyImports(context.inputs.imports, org.client, {
        today: today(context),
        onProgress: progress,
        ...options.apply,
      }),
    ),
  );
  const findings = collectFindings(plan, []);
  annotateFindings(findings, context.env);
  await writeFileMaking(context.inputs.planFile, planToJson(plan));
  const files = await writeResults(context.inputs.resultsFile, result, {
    stderr: (text) => core.info(text.trimEnd()),
  });
  const notes = [
    plan.batches.length > 0 ? allBatchesLine(plan, 'apply') : 'Nothing to apply: there is no batch.',
    changedBatchesLine(changed, 'push'),
  ];
  await appendSummary(
    renderApplyMarkdown(result, {
      notes,
      resultsFiles: files,
      ...(result.refused ? { findingsMarkdown: renderFindingsMarkdown(findings) } : {}),
    }),
    context.env,
  );
  setOutputs(applyOutputs(result, plan, { planFile: context.inputs.planFile, resultsFile: files[0] ?? '' }));
  if (result.refused) {
    core.setFailed(`Apply refused: ${result.refused}. See the annotations and the job summary.`);
    return;
  }
  const failed = result.rows.filter((row) => row.outcome === 'failed').length;
  if (failed > 0) {
    core.setFailed(
      `${plural(failed, 'row')} failed: see the job summary and ${files[0] ?? 'the results file'}. Re-running converges: rows already done are not done twice.`,
    );
  }
}

/** The date, batch and force of an invite run: the inputs first, then the workflow_dispatch payload, then today. */
export function inviteRequest(context: ActionContext): InviteRequest {
  const { inputs, event } = context;
  const dispatch = event.dispatch;
  const date = inputs.date ?? dispatch?.date ?? today(context);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new InputError(`The date input of the dispatch must be written YYYY-MM-DD, not "${date}".`);
  }
  const batch = inputs.batch ?? dispatch?.batch;
  return {
    date,
    force: inputs.force || (dispatch?.force ?? false),
    ...(batch === undefined ? {} : { batch }),
  };
}

export async function inviteMode(context: ActionContext): Promise<void> {
  const { event } = context;
  if (!(INVITE_EVENTS as readonly string[]).includes(event.eventName)) {
    // Checked before anything else: no login, no read, no invite.
    core.setFailed(
      `invite mode sends invitations only from a schedule or workflow_dispatch run (training-day.yml), ` +
        `not from "${event.rawEventName || 'an unknown event'}". Nothing was sent.`,
    );
    return;
  }
  const request = inviteRequest(context);
  const { report, unknownBatch } = await withOrg(context, (org) =>
    inviteImports(context.inputs.imports, org.client, request),
  );
  if (unknownBatch) {
    throw new InputError(
      `There is no batch "${request.batch ?? ''}" under ${context.inputs.imports}. Nothing was sent.`,
    );
  }
  await writeFileMaking(context.inputs.resultsFile, inviteToJson(report));
  core.info(`Invite report written to ${context.inputs.resultsFile}.`);
  await appendSummary(renderInviteMarkdown(report), context.env);
  const outputs = inviteOutputs(report, context.inputs.resultsFile);
  setOutputs(outputs);
  core.info(
    `${plural(Number(outputs.invited), 'invite')} sent, ${plural(report.skipped.length, 'person', 'people')} skipped.`,
  );
  if (!report.ok) {
    core.setFailed(
      `${plural(Number(outputs.errors), 'invite')} failed: see the job summary and ${context.inputs.resultsFile}. A re-run sends only the missing ones.`,
    );
  }
}
