// The four modes of the Action. Each reads through the shared command layer (src/run) and reports
// through io.ts: annotations, job summary, outputs, files, the pull request comment. Business rules
// stay in the layers below; what is here is which report goes where, and when the step fails.
import path from 'node:path';
import * as core from '@actions/core';
import type { ApplyOptions } from '../apply/apply.js';
import { runDoctor } from '../doctor/run.js';
import { fatalLine, planHasErrors } from '../run/errors.js';
import { progressPrinter, writeFileMaking, writeResults } from '../run/output.js';
import { isCalendarDate } from '../csv/cells.js';
import type { Finding } from '../csv/findings.js';
import { changedBatchesInPullRequest, changedBatchesInPush, type ChangedBatches } from '../github/changed.js';
import type { EventContext, EventName } from '../github/event.js';
import { fileAtRef } from '../github/pulls.js';
import { readCapped } from '../imports.js';
import type { InviteRequest } from '../invite/invite.js';
import { diffPolicy } from '../policy/diff.js';
import { DEFAULT_MAX_CHANGES } from '../policy/policy.js';
import {
  composeComment,
  renderComment,
  renderFindingsComment,
  type CommentFrame,
} from '../render/comment.js';
import { orgMarker, sectionBudget, sectionFileName } from '../render/sections.js';
import type { OrgSpec } from '../csv/types.js';
import { secrets } from '../secrets.js';
import { jobToday, orgRun, withOrg } from './orgs.js';
import { inviteToJson, renderInviteMarkdown } from '../render/invite.js';
import { planToJson } from '../render/json.js';
import { plural } from '../csv/words.js';
import { collectFindings } from '../render/shared.js';
import { SUMMARY_MAX_BYTES } from '../render/limits.js';
import { renderFindingsMarkdown, renderSummary } from '../render/summary.js';
import { encodeReviewWithin, type Verdict } from '../review/review.js';
import type { ApplyResult } from '../apply/results.js';
import {
  applyImports,
  inviteImports,
  planImports,
  validateImports,
  type JudgingPolicy,
} from '../run/commands.js';
import { reinviteIfSet, reportReinvites } from './drift.js';
import { InputError, type Mode } from './inputs.js';
import {
  mergedPulls,
  newestPull,
  noteInvites,
  postResults,
  reviewedPreview,
  type MergedPulls,
  type ReviewedPreview,
} from './review.js';
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
  policyChangesMarkdown,
  PREVIEW_MARKER,
  renderApplyMarkdown,
  VALIDATE_MARKER,
  validateOutputs,
  withTopBlock,
  type OfflineReason,
} from './report.js';

export interface ModeOptions {
  /** Passed to applyPlan (tests shorten the station polling). */
  apply?: ApplyOptions;
}

/**
 * The only events on which a mode that changes the org runs: an allow-list, so that a new way to
 * start a workflow (pull_request_target, workflow_run, issue_comment, …) is refused, not let through.
 * apply: after the merge (push) or by hand; invite: the daily schedule or by hand.
 */
export const MODE_EVENTS = {
  apply: ['push', 'workflow_dispatch'],
  invite: ['schedule', 'workflow_dispatch'],
} as const satisfies Partial<Record<Mode, readonly EventName[]>>;

/** The one-line refusal for a mode started by an event not on its list; null when it may run. */
export function eventRefusal(mode: keyof typeof MODE_EVENTS, event: EventContext): string | null {
  if ((MODE_EVENTS[mode] as readonly EventName[]).includes(event.eventName)) return null;
  const from = `not from "${event.rawEventName || 'an unknown event'}"`;
  return mode === 'apply'
    ? `apply mode changes the org only from a push or a workflow_dispatch run (apply.yml), ${from}. Nothing was changed.`
    : `invite mode sends invitations only from a schedule or workflow_dispatch run (training-day.yml), ${from}. Nothing was sent.`;
}

// Room left for our own notes when a renderer fits the summary to GitHub's limit.
/** With orgs.yml: this org's section of the one preview comment, for the comment job to gather. */
async function writeSection(
  context: ActionContext,
  org: OrgSpec,
  frame: Omit<CommentFrame, 'marker'>,
  render: (maxChars: number) => string,
): Promise<void> {
  const heading = `### Org \`${org.name}\``;
  const top = [heading, frame.top].filter(Boolean).join('\n\n');
  const section = composeComment(
    { ...frame, marker: orgMarker(org.name), top },
    render,
    sectionBudget(context.orgs?.orgs.length ?? 1),
  );
  const file = sectionFileName(org.name);
  await writeFileMaking(file, secrets.scrub(section));
  core.info(
    `Preview section of org ${org.name} written to ${file}; the comment job posts it with the others.`,
  );
  setOutputs({ 'section-file': file });
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');
const NOTES_ROOM = 4_096;
/** At most half of a comment for the reviewed-plan block; a larger plan is recorded more coarsely. */
const REVIEW_MAX_CHARS = 32_768;

const today = jobToday;

/** The imports folder as a repository path (how GitHub names changed files). */
function importsInRepository(context: ActionContext): string {
  const workspace = context.env.GITHUB_WORKSPACE?.trim();
  const imports = context.inputs.imports;
  return path.isAbsolute(imports) && workspace ? path.relative(workspace, imports) : imports;
}

/** `<imports>/policy.yml` as a repository path, or null when the imports folder is outside the workspace. */
function policyInRepository(context: ActionContext): string | null {
  const dir = importsInRepository(context)
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  if (path.isAbsolute(dir) || dir === '..' || dir.startsWith('../')) return null;
  return dir === '' || dir === '.' ? 'policy.yml' : `${dir}/policy.yml`;
}

/** A text file of the workspace, or null when it does not exist. */
async function workspaceText(file: string): Promise<string | null> {
  try {
    return (await readCapped(file)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The policy file at the base of the pull request, read through the contents API; `why` when it cannot be. */
type BasePolicy =
  | { ok: true; text: string | null; shown: string; ref: string; sha: string }
  | { ok: false; shown: string; why: string };

/** A checkout may have turned LF into CRLF (core.autocrlf); that is no change to the rules. */
const lf = (text: string | null) => (text === null ? null : text.replace(/\r\n/g, '\n'));

async function readBasePolicy(context: ActionContext): Promise<BasePolicy | null> {
  const pullRequest = context.event.pullRequest;
  if (!pullRequest) return null;
  const repositoryPath = policyInRepository(context);
  const shown = repositoryPath ?? path.join(context.inputs.imports, 'policy.yml');
  try {
    const octokit = octokitFor(context);
    if (!octokit) return { ok: false, shown, why: 'no github-token' };
    if (repositoryPath === null)
      return { ok: false, shown, why: 'the imports folder is outside the repository' };
    const text = await fileAtRef(octokit, {
      owner: context.event.owner,
      repo: context.event.repo,
      path: repositoryPath,
      ref: pullRequest.baseSha,
    });
    return { ok: true, text, shown, ref: pullRequest.baseRef, sha: pullRequest.baseSha };
  } catch (error) {
    return { ok: false, shown, why: fatalLine(error) };
  }
}

/**
 * What this pull request changes in the policy file (base commit → the checked-out head), as the
 * markdown block that opens the preview; '' when the rules are the same or GitHub cannot say. Never
 * rejects: a missing view of the change is a note in the log, not a failed check.
 */
async function policyChanges(context: ActionContext, base: BasePolicy | null): Promise<string> {
  if (base === null) return '';
  const skip = (why: string) => {
    core.info(
      `Cannot compare ${base.shown} with the base of the pull request (${why}): the preview does not show policy changes.`,
    );
    return '';
  };
  if (!base.ok) return skip(base.why);
  try {
    const head = await workspaceText(path.join(context.inputs.imports, 'policy.yml'));
    return policyChangesMarkdown(diffPolicy(lf(base.text), lf(head)), base.shown, base);
  } catch (error) {
    return skip(fatalLine(error));
  }
}

/**
 * The policy that judges a pull request's rows: its base's, so that a pull request cannot loosen
 * the rules and use the looser rules at once. When GitHub cannot give it, the preview falls back to
 * the checked-out file and says so; apply, which is the gate that writes, never falls back.
 */
function previewJudge(base: BasePolicy | null): JudgingPolicy | undefined {
  if (base === null) return undefined;
  if (!base.ok) {
    core.warning(
      `Could not read ${base.shown} at the base of the pull request (${base.why}), so this preview judges the rows by the pull request's own ${base.shown}. Apply judges them by the policy in force before the merge.`,
      { title: 'Policy' },
    );
    return undefined;
  }
  const at = `${base.ref} (${base.sha.slice(0, 7)})`;
  core.info(
    base.text === null
      ? `${base.shown} does not exist on ${at}: the default policy judges this pull request's rows (no rules but max_changes ${DEFAULT_MAX_CHANGES}).`
      : `The rows of this pull request are judged by ${base.shown} of ${at}, the policy in force before it.`,
  );
  return { text: base.text, name: `${base.shown} of ${at}` };
}

/** Why apply cannot know the policy in force before the change: it then applies nothing. */
class PolicyUnknown extends Error {}

/**
 * The policy in force before the change that apply carries out: for a push, the policy at `before`
 * (a push that created the branch has none before it: the default policy); for a manual run, which
 * is no change of its own, the policy of the checked-out commit's first parent, as the push of a
 * merge or squash commit was judged. A file missing there means the default policy. Throws
 * PolicyUnknown when GitHub cannot say: apply never guesses the rules.
 */
async function policyBefore(context: ActionContext): Promise<JudgingPolicy | undefined> {
  const { event } = context;
  const repositoryPath = policyInRepository(context);
  if (repositoryPath === null) {
    core.info(
      'The imports folder is outside the repository, so no commit holds its policy.yml: the checked-out file judges the rows.',
    );
    return undefined;
  }
  const unknown = (why: string) =>
    new PolicyUnknown(
      `Cannot read ${repositoryPath} as it was before this change (${why}), and apply judges the rows only by the policy in force before them. Nothing was changed; re-run when GitHub answers (the workflow needs \`permissions: contents: read\`).`,
    );
  const octokit = octokitFor(context);
  if (!octokit) throw unknown('no github-token');
  const where = { owner: event.owner, repo: event.repo };
  let commit: string | null;
  let what: string;
  try {
    if (event.eventName === 'push' && event.push) {
      commit = event.push.created ? null : event.push.before;
      what = event.push.created ? 'The push created the branch, so no commit is before it' : '';
    } else {
      const sha = event.sha;
      if (!sha) throw unknown('the run names no commit (GITHUB_SHA)');
      const { data } = await octokit.rest.repos.getCommit({ ...where, ref: sha });
      commit = data.parents[0]?.sha ?? null;
      what = commit === null ? `Commit ${sha.slice(0, 7)} has no parent` : '';
    }
    if (commit === null) {
      core.info(
        `${what}: the default policy judges the rows (no rules but max_changes ${DEFAULT_MAX_CHANGES}).`,
      );
      return { text: null, name: 'the default policy' };
    }
    const text = await fileAtRef(octokit, { ...where, path: repositoryPath, ref: commit });
    const at = `${repositoryPath} of ${commit.slice(0, 7)}`;
    const of =
      event.eventName === 'push' ? 'the commit before the push' : 'the parent of the checked-out commit';
    core.info(
      text === null
        ? `${repositoryPath} does not exist at ${commit.slice(0, 7)} (${of}): the default policy judges the rows (no rules but max_changes ${DEFAULT_MAX_CHANGES}).`
        : `The rows are judged by ${at} (${of}), the policy in force before this change.`,
    );
    return { text, name: at };
  } catch (error) {
    if (error instanceof PolicyUnknown) throw error;
    throw unknown(fatalLine(error));
  }
}

/**
 * Labels for the policy's override_label on apply: those of the pull request the pushed commit was
 * merged from, read from GitHub now (never from the preview's run). None on a manual run or when
 * GitHub cannot say; `unavailable` then says why, for when max_changes stops the apply.
 */
function mergedLabels(
  context: ActionContext,
  merged: MergedPulls,
): { labels: string[]; unavailable: string | null } {
  const { event } = context;
  const none = (why: string, unavailable: string | null = null) => {
    core.info(`${why} The policy's max_changes applies without its override_label.`);
    return { labels: [], unavailable };
  };
  if (event.eventName !== 'push') {
    return none(`A ${event.rawEventName || 'local'} run comes from no pull request: no labels.`);
  }
  const sha = (event.sha ?? event.push?.after ?? '').slice(0, 7) || 'this commit';
  if (merged.unavailable !== null) {
    return none(
      `Could not read the labels of the pull request merged as ${sha} (${merged.unavailable}); applying as if it had none.`,
      merged.unavailable,
    );
  }
  if (merged.pulls.length === 0) return none(`Commit ${sha} was not merged from a pull request: no labels.`);
  const labels = [...new Set(merged.pulls.flatMap((pull) => pull.labels))];
  const which = merged.pulls.map((pull) => `#${pull.number}`).join(', ');
  core.info(`Labels of the merged pull request ${which}: ${labels.length > 0 ? labels.join(', ') : 'none'}.`);
  return { labels, unavailable: null };
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
  top = '',
  judgeBy?: JudgingPolicy,
): Promise<readonly Finding[]> {
  const imports = await validateImports(context.inputs.imports, judgeBy, context.org?.name);
  const findings = imports.findings;
  annotateFindings(findings, context.env);
  const note = offline ? offlineNote(offline, context.org) : '';
  if (offline) core.notice(offlineText(offline, context.org), { title: 'Offline preview' });
  const room = byteLength(note) + byteLength(top) + NOTES_ROOM;
  await appendSummary(
    [top, note, renderFindingsMarkdown(findings, { maxBytes: SUMMARY_MAX_BYTES - room })]
      .filter(Boolean)
      .join('\n\n'),
    context.env,
  );
  setOutputs(validateOutputs(findings));
  const render = (maxChars: number) =>
    renderFindingsComment(findings, {
      maxChars,
      ...(context.event.runUrl ? { fullPlanUrl: context.event.runUrl } : {}),
    });
  if (marker === PREVIEW_MARKER && context.org)
    await writeSection(context, context.org, { top, footer: note }, render);
  // A fork's token is read-only: do not even try to write.
  else if (!context.event.pullRequest?.isFork)
    await postComment(context, marker, composeComment({ marker, top, footer: note }, render));
  return findings;
}

export async function validateMode(context: ActionContext): Promise<void> {
  const findings = await checkOffline(context, VALIDATE_MARKER);
  failOnErrors(findings, 'imports');
}

export async function planMode(context: ActionContext): Promise<void> {
  const pullRequest = context.event.pullRequest;
  if (pullRequest && (pullRequest.isFork || !context.inputs.hasCredentials)) {
    // A fork gets no secrets, but the guardrails that need no org judge its rows (by the base's policy).
    const base = await readBasePolicy(context);
    const findings = await checkOffline(
      context,
      PREVIEW_MARKER,
      pullRequest.isFork ? 'fork' : 'no-credentials',
      await policyChanges(context, base),
      previewJudge(base),
    );
    failOnErrors(findings, 'imports');
    return;
  }
  // The labels as the event saw them; a label added later starts a new run (types: labeled).
  const labels = pullRequest?.labels ?? [];
  // Read first: the base's policy both judges the rows and shows what the pull request changes in it.
  const base = await readBasePolicy(context);
  const judgeBy = previewJudge(base);
  const [[changed, policyBlock], { plan, review }] = await alongside(
    Promise.all([changedBatches(context, 'pull request'), policyChanges(context, base)]),
    withOrg(context, (org) =>
      planImports(context.inputs.imports, org.client, {
        ...orgRun(context),
        today: today(context),
        labels,
        ...(judgeBy ? { judgeBy } : {}),
      }),
    ),
  );

  const findings = collectFindings(plan, []);
  annotateFindings(findings, context.env);

  const notes = [
    changedBatchesLine(changed, 'pull request'),
    plan.batches.length > 0 ? allBatchesLine(plan, 'plan') : '',
  ].filter(Boolean);
  const footer = notes.join('\n\n');
  const summary = renderSummary(plan, [], {
    maxBytes: SUMMARY_MAX_BYTES - byteLength(footer) - byteLength(policyBlock) - NOTES_ROOM,
  });
  await appendSummary(
    withTopBlock(footer ? `${summary.trimEnd()}\n\n${footer}` : summary, policyBlock),
    context.env,
  );

  await writeFileMaking(context.inputs.planFile, planToJson(plan, review));
  core.info(`Plan written to ${context.inputs.planFile}.`);
  setOutputs(planOutputs(plan, context.inputs.planFile));

  // What reviewers approve, where apply finds it: our comment's block under the marker (and the plan file).
  const room = context.org
    ? Math.min(REVIEW_MAX_CHARS, sectionBudget(context.orgs?.orgs.length ?? 1) / 2)
    : REVIEW_MAX_CHARS;
  const hidden = encodeReviewWithin(review, room);
  if (hidden === null) {
    core.warning(
      'This plan is too large to record in the preview comment even batch by batch, so apply will find no reviewed preview to compare with.',
      { title: 'Reviewed plan' },
    );
  }
  const frame = { ...(hidden ? { hidden } : {}), top: policyBlock, footer };
  const render = (maxChars: number) =>
    renderComment(plan, [], {
      maxChars,
      ...(context.event.runUrl ? { fullPlanUrl: context.event.runUrl } : {}),
    });
  if (context.org) await writeSection(context, context.org, frame, render);
  else
    await postComment(context, PREVIEW_MARKER, composeComment({ marker: PREVIEW_MARKER, ...frame }, render));
  // Rows in error carry their findings, so the count is never 0 here; planHasErrors is the CLI's rule (exit 1).
  if (planHasErrors(plan)) failWith(Math.max(1, errorCount(findings)), 'plan');
}

/** What apply needs settled before any login: the policy before the change and the reviewed preview. */
type ApplyGround =
  | { refused: string }
  | {
      judgeBy: JudgingPolicy | undefined;
      merged: MergedPulls;
      reviewed: Exclude<ReviewedPreview, { kind: 'refused' }>;
    };

async function applyGround(context: ActionContext): Promise<ApplyGround> {
  // Checked before anything else: no login, no read, no write.
  const refusal = eventRefusal('apply', context.event);
  if (refusal) return { refused: refusal };
  // Without the policy in force before the change, nothing is applied.
  let judgeBy: JudgingPolicy | undefined;
  try {
    judgeBy = await policyBefore(context);
  } catch (error) {
    if (!(error instanceof PolicyUnknown)) throw error;
    return { refused: error.message };
  }
  // Apply writes only what a preview showed (or what reviewed: none-required allows).
  const merged = await mergedPulls(context);
  const reviewed = await reviewedPreview(context, merged);
  if (reviewed.kind === 'refused') return { refused: reviewed.message };
  return { judgeBy, merged, reviewed };
}

/** Annotations and warnings of an apply: findings, labels that could not lift max_changes, held rows. */
function annotateApply(
  context: ActionContext,
  findings: readonly Finding[],
  verdict: Verdict,
  unavailable: string | null,
): void {
  annotateFindings(findings, context.env);
  if (unavailable && findings.some((finding) => finding.code === 'max-changes')) {
    core.warning(
      `The labels of the merged pull request could not be read (${unavailable}), so its override_label could not lift max_changes.`,
      { title: 'Pull request labels' },
    );
  }
  for (const hold of verdict.holds) {
    const where = hold.line === null ? `batch ${hold.batch}` : `${hold.batch} ${hold.kind} line ${hold.line}`;
    core.warning(`Held ${where}: ${hold.reason}.`, { title: 'Held: not as reviewed' });
  }
}

/** The step fails when apply was refused or a row failed or was held; the rest was applied. */
function failApply(result: ApplyResult, resultsFile: string | undefined): void {
  if (result.refused) {
    core.setFailed(`Apply refused: ${result.refused}. See the annotations and the job summary.`);
    return;
  }
  const count = (outcome: string) => result.rows.filter((row) => row.outcome === outcome).length;
  const [failed, held] = [count('failed'), count('held')];
  if (failed + held === 0) return;
  const what = [
    failed > 0 ? `${plural(failed, 'row')} failed` : '',
    held > 0 ? `${plural(held, 'row')} held (not written)` : '',
  ]
    .filter(Boolean)
    .join(', ');
  core.setFailed(
    `${what}: see the job summary and ${resultsFile ?? 'the results file'}. Every other row was applied; re-running converges: rows already done are not done twice.`,
  );
}

export async function applyMode(context: ActionContext, options: ModeOptions = {}): Promise<void> {
  const ground = await applyGround(context);
  if ('refused' in ground) {
    core.setFailed(ground.refused);
    return;
  }
  const { judgeBy, merged, reviewed } = ground;
  const progress = progressPrinter({ stderr: (text) => core.info(text.trimEnd()) });
  const { labels, unavailable } = mergedLabels(context, merged);
  const [changed, { plan, result, verdict }] = await alongside(
    changedBatches(context, 'push'),
    withOrg(context, (org) =>
      applyImports(context.inputs.imports, org.client, {
        ...orgRun(context),
        today: today(context),
        labels,
        ...(judgeBy ? { judgeBy } : {}),
        ...(reviewed.kind === 'reviewed' ? { review: reviewed.review } : {}),
        onProgress: progress,
        ...options.apply,
      }),
    ),
  );
  const findings = collectFindings(plan, []);
  annotateApply(context, findings, verdict, unavailable);
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
  // Results go back to the merged pull request (the reviewed one, or the one a push came from).
  const pullRequest = reviewed.kind === 'reviewed' ? reviewed.pullRequest : newestPull(merged.pulls)?.number;
  // Never rejects: GitHub refusing the comment is a warning (postComment), the results are in the summary.
  if (pullRequest !== undefined) await postResults(context, pullRequest, result, verdict.holds);
  failApply(result, files[0]);
}

/** The date, batch and force of an invite run: the inputs first, then the workflow_dispatch payload, then today. */
export function inviteRequest(context: ActionContext): InviteRequest {
  const { inputs, event } = context;
  const dispatch = event.dispatch;
  const date = inputs.date ?? dispatch?.date ?? today(context);
  // One calendar check for every date (csv/cells): Date.parse would take 2026-02-30 as 2 March.
  if (!isCalendarDate(date)) {
    throw new InputError(
      `The date input of the dispatch must be a calendar date written YYYY-MM-DD, not "${date}".`,
    );
  }
  const batch = inputs.batch ?? dispatch?.batch;
  return {
    date,
    force: inputs.force || (dispatch?.force ?? false),
    ...orgRun(context),
    ...(batch === undefined ? {} : { batch }),
  };
}

export async function inviteMode(context: ActionContext): Promise<void> {
  // Checked before anything else: no login, no read, no invite.
  const refusal = eventRefusal('invite', context.event);
  if (refusal) {
    core.setFailed(refusal);
    return;
  }
  const request = inviteRequest(context);
  const { report, unknownBatch, otherOrgBatch, reinvited } = await withOrg(context, async (org) => {
    const invited = await inviteImports(context.inputs.imports, org.client, request);
    // policy.yml's reinvite_expired: the invitations that expired, re-sent after today's.
    const named = invited.unknownBatch || invited.otherOrgBatch;
    const again = named ? null : await reinviteIfSet(context, org.client, request);
    return { ...invited, reinvited: again };
  });
  // A manual run for one org's batch starts every org's job: the others have nothing to do.
  if (otherOrgBatch) {
    core.notice(
      `Batch "${request.batch ?? ''}" does not go to org ${context.org?.name ?? ''}: nothing to invite here.`,
    );
    setOutputs(inviteOutputs(report, ''));
    return;
  }
  if (unknownBatch) {
    throw new InputError(
      `There is no batch "${request.batch ?? ''}" under ${context.inputs.imports}. Nothing was sent.`,
    );
  }
  await writeFileMaking(context.inputs.resultsFile, inviteToJson(report));
  core.info(`Invite report written to ${context.inputs.resultsFile}.`);
  await appendSummary(renderInviteMarkdown(report), context.env);
  await noteInvites(context, report, importsInRepository(context));
  const outputs = inviteOutputs(report, context.inputs.resultsFile);
  setOutputs(outputs);
  core.info(
    `${plural(Number(outputs.invited), 'invite')} sent, ${plural(report.skipped.length, 'person', 'people')} skipped.`,
  );
  if (reinvited) await reportReinvites(context, reinvited);
  if (!report.ok) {
    core.setFailed(
      `${plural(Number(outputs.errors), 'invite')} failed: see the job summary and ${context.inputs.resultsFile}. A re-run sends only the missing ones.`,
    );
  }
}

/**
 * Read-only checks of the connection, the OAuth client's permissions per mode and division, and the
 * imports' names (doctor.yml, by hand). The report goes to the log and, as an indented code block
 * (nothing in it can become markdown, a link or a mention), to the job summary.
 */
export async function doctorMode(context: ActionContext): Promise<void> {
  const report = await runDoctor({
    imports: context.inputs.imports,
    sandbox: false,
    ...(context.org ? { org: context.org } : {}),
    env: { ...context.inputs.genesys },
    onToken: (token) => core.setSecret(token),
  });
  core.info(report.text);
  const block = report.text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  await appendSummary(`## gc-onboard doctor\n\n${block}\n`, context.env);
  if (report.exitCode === 2) core.setFailed('doctor: cannot log in to Genesys Cloud: see the log.');
  else if (report.exitCode === 1)
    core.setFailed(
      'doctor: plan or apply lacks something: see the ✗ lines and their fixes in the log or the job summary.',
    );
}
