// drift mode (drift.yml, weekly and by hand): read-only. Plans every batch against today's org, reports
// the drift and the invite follow-up in the job summary and the outputs, and keeps the one drift
// issue up to date. A report, so the step passes with drift unless fail-on-drift is true.
import * as core from '@actions/core';
import { writeFileMaking } from '../run/output.js';
import { needsAttention, type DriftReport } from '../drift/report.js';
import { isSameLogin } from '../github/comment.js';
import { syncDriftIssue, type DriftIssueResult } from '../github/issue.js';
import type { InviteReport, InviteRequest } from '../invite/invite.js';
import {
  DRIFT_MARKER,
  driftToJson,
  renderDriftClosed,
  renderDriftIssue,
  renderDriftMarkdown,
} from '../render/drift.js';
import { renderInviteMarkdown } from '../render/invite.js';
import { plural } from '../csv/words.js';
import { SUMMARY_MAX_BYTES } from '../render/limits.js';
import { readPolicy } from '../run/commands.js';
import { driftImports, reinviteExpired } from '../run/drift.js';
import type { OrgSession } from '../run/org.js';
import { secrets } from '../secrets.js';
import { markerFor } from '../render/sections.js';
import { jobToday, orgRun, withOrg } from './orgs.js';
import { appendSummary, octokitFor, setOutputs, type ActionContext } from './io.js';

/** The label that, with DRIFT_MARKER and comment-author, identifies the drift issue. */
export const DRIFT_LABEL = 'gc-onboard-drift';
export const DRIFT_TITLE = 'gc-onboard drift: Genesys Cloud no longer matches imports/';

export function driftOutputs(report: DriftReport, resultsFile: string): Record<string, string> {
  return {
    drifted: String(report.counts.drifted),
    expired: String(report.counts.expired),
    never_invited: String(report.counts.neverInvited),
    'results-file': resultsFile,
  };
}

async function readDrift(context: ActionContext): Promise<DriftReport> {
  const now = context.now();
  const today = jobToday(context);
  return withOrg(context, async (org) => {
    const options = { today, now, ...orgRun(context) };
    return (await driftImports(context.inputs.imports, org.client, options)).report;
  });
}

/**
 * Opens, edits, closes or reopens the one drift issue. A failure (no github-token, a token without
 * `issues: write`) is a warning: the report is in the job summary either way.
 */
async function keepIssue(context: ActionContext, report: DriftReport): Promise<DriftIssueResult | null> {
  const octokit = octokitFor(context);
  if (!octokit) {
    core.warning('No github-token: the drift issue was not written. The report is in the job summary.');
    return null;
  }
  const runUrl = context.event.runUrl ?? undefined;
  try {
    const result = await syncDriftIssue(octokit, {
      owner: context.event.owner,
      repo: context.event.repo,
      label: DRIFT_LABEL,
      // One issue per org: its own marker and a title that names it.
      marker: markerFor(DRIFT_MARKER, context.org?.name),
      title: context.org ? `${DRIFT_TITLE} (org ${context.org.name})` : DRIFT_TITLE,
      open: needsAttention(report),
      body: secrets.scrub(renderDriftIssue(report, runUrl)),
      closeComment: secrets.scrub(renderDriftClosed(report, runUrl)),
      botLogin: context.inputs.commentAuthor,
    });
    const said = {
      created: 'Opened',
      updated: 'Updated',
      reopened: 'Reopened',
      unchanged: 'Left unchanged',
      closed: 'Closed',
      none: 'No drift issue to write:',
    }[result.action];
    core.info(`${said} the drift issue${result.number === null ? '' : ` #${result.number}`}.`);
    // Only issues by comment-author count as ours: with the wrong login every run would open another.
    if (result.author !== '' && !isSameLogin(result.author, context.inputs.commentAuthor)) {
      core.warning(
        `The github-token writes as ${result.author}, but comment-author is ${context.inputs.commentAuthor}: set comment-author: ${result.author} so that the next run edits this issue instead of opening another.`,
        { title: 'Drift issue' },
      );
    }
    return result;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const hint = status === 403 ? ' The workflow needs `permissions: issues: write`.' : '';
    core.warning(secrets.scrub(`${error instanceof Error ? error.message : String(error)}.${hint}`), {
      title: 'Drift issue',
    });
    return null;
  }
}

export async function driftMode(context: ActionContext): Promise<void> {
  const report = await readDrift(context);
  const runUrl = context.event.runUrl ?? undefined;
  await appendSummary(
    renderDriftMarkdown(report, { maxChars: SUMMARY_MAX_BYTES / 4, ...(runUrl ? { runUrl } : {}) }),
    context.env,
  );
  await writeFileMaking(context.inputs.resultsFile, driftToJson(report));
  core.info(`Drift report written to ${context.inputs.resultsFile}.`);
  const issue = await keepIssue(context, report);
  setOutputs({
    ...driftOutputs(report, context.inputs.resultsFile),
    'issue-number': issue === null || issue.number === null ? '' : String(issue.number),
  });
  const { counts } = report;
  core.info(
    `${plural(counts.drifted, 'row')} drifted, ${plural(counts.expired, 'expired invitation')}, ${plural(counts.neverInvited, 'person', 'people')} never invited.`,
  );
  if (context.inputs.failOnDrift && needsAttention(report)) {
    core.setFailed(
      `Drift: ${plural(counts.drifted, 'row')} no longer match the CSVs, ${plural(counts.expired, 'invitation')} expired (fail-on-drift is true). See the job summary.`,
    );
  }
}

/**
 * The training-day run's second step when policy.yml says `reinvite_expired: true`: re-send the
 * invitations that expired in the batches whose training day has passed (or the one named). Null
 * when the policy does not ask for it (the default).
 */
export async function reinviteIfSet(
  context: ActionContext,
  client: OrgSession['client'],
  request: InviteRequest,
): Promise<InviteReport | null> {
  const policy = await readPolicy(context.inputs.imports, context.org?.name);
  if (!policy.parsed?.policy?.reinviteExpired) return null;
  const { batch, date } = request;
  const expired: InviteRequest = {
    date,
    force: false,
    expired: true,
    ...orgRun(context),
    ...(batch === undefined ? {} : { batch }),
  };
  return (await reinviteExpired(context.inputs.imports, client, expired, context.now())).report;
}

/** The re-sends in the job summary and the log; a failed re-send fails the step (a re-run retries it). */
export async function reportReinvites(context: ActionContext, report: InviteReport): Promise<void> {
  await appendSummary(renderInviteMarkdown(report), context.env);
  const sent = report.invited.filter((person) => person.sent).length;
  core.info(`reinvite_expired: ${plural(sent, 'expired invitation')} re-sent.`);
  if (!report.ok) {
    core.setFailed(
      `${plural(report.invited.length - sent, 're-send')} of an expired invitation failed: see the job summary. A re-run sends only the missing ones.`,
    );
  }
}
