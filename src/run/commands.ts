// The four modes as the CLI and the Action share them: read the imports, read the org in bulk,
// plan, and then apply or invite. Rendering and exit codes stay with the callers.
import { applyPlan, type ApplyOptions } from '../apply/apply.js';
import type { ApplyResult } from '../apply/results.js';
import type { Batch, ImportSet } from '../csv/types.js';
import { asMissingPermission } from '../permissions/forbidden.js';
import type { GenesysClient } from '../genesys/client.js';
import { loadSnapshot, loadUsers } from '../genesys/snapshot.js';
import { orgInviter, orgWriter } from '../genesys/writer.js';
import { MAX_YAML_BYTES } from '../csv/yaml.js';
import { finding, quote, type Finding } from '../csv/findings.js';
import { unknownOrgs } from '../csv/orgs.js';
import { collectorFor } from './memory.js';
import { loadImports, readCapped, readPolicyFile } from '../imports.js';
import {
  dueBatches,
  selectInvitees,
  sendInvites,
  type InviteReport,
  type InviteRequest,
} from '../invite/invite.js';
import { snapshotNeed } from '../plan/need.js';
import { buildPlan } from '../plan/plan.js';
import type { OrgSnapshot } from '../plan/snapshot.js';
import type { Plan, PlanGate, PlanOptions } from '../plan/types.js';
import { policyGate, type ParsedPolicy } from '../policy/check.js';
import { checkImportsOffline } from '../policy/offline.js';
import { parsePolicy } from '../policy/policy.js';
import {
  batchSources,
  compareWithReview,
  decodeReview,
  holdRows,
  reviewOf,
  type Review,
  type Verdict,
} from '../review/review.js';

export interface RunOptions extends PlanOptions {
  /** Labels of the pull request the change comes from (one may lift the policy's max_changes). */
  labels?: readonly string[];
  /**
   * The policy that judges the change when it is not `<root>/policy.yml`: the version in force
   * before the change (the Action: the base branch, the commit before the push; the CLI: --policy).
   * `<root>/policy.yml` is then only checked: its errors are the change's.
   */
  judgeBy?: JudgingPolicy;
  /** orgs.yml: plan only the batches that go to this org. */
  org?: string;
}

/** A policy file's text from elsewhere (null: there is no file there, so the default policy), and how to name it. */
export interface JudgingPolicy {
  text: string | null;
  /** For messages, e.g. `imports/policy.yml of main (5c1a0e0)`. */
  name: string;
}

/** `<root>/policy.yml`, parsed (with `org`'s section applied), or null when the team has none. */
export async function readPolicy(
  root: string,
  org?: string,
): Promise<{ file: string; text: string | null; parsed: ParsedPolicy | null }> {
  // A link or special file in its place reads as absent here; loadImports reports it as an error.
  const { file, content } = await readPolicyFile(root);
  const text = content === null ? null : content.toString('utf8');
  return { file, text, parsed: text === null ? null : parsePolicy(text, file, org) };
}

/** `apply --reviewed FILE`: the review recorded in a plan file that `plan --format json` wrote. */
export async function readReviewedPlan(file: string): Promise<Review> {
  const fail = (why: string) => new Error(`Cannot use "${file}" given with --reviewed: ${why}`);
  const text = await readCapped(file).catch((error: unknown) => {
    throw fail(error instanceof Error ? error.message : String(error));
  });
  let review: unknown;
  try {
    review = (JSON.parse(text.toString('utf8')) as { review?: unknown }).review;
  } catch {
    throw fail('it is not JSON');
  }
  if (typeof review !== 'string')
    throw fail('it has no "review" (write it with plan --format json --out FILE)');
  const decoded = decodeReview(`\n${review}`);
  if (!decoded.ok) throw fail(decoded.why.replace(/^it/, 'its review'));
  return decoded.review;
}

/** `--policy FILE`: another policy file to judge with (a CI script passes the base branch's). */
export async function readJudgingPolicy(file: string): Promise<JudgingPolicy> {
  const content = await readCapped(file, MAX_YAML_BYTES).catch((error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot read the policy file "${file}" given with --policy: ${why}`, { cause: error });
  });
  // At most one byte over the cap: enough for parsePolicy's size finding.
  return { text: content.toString('utf8'), name: `${file} (--policy)` };
}

/** The policy's gate inside planning: `<root>/policy.yml`, or `judgeBy` with the local file checked as the change's. */
function gate(local: Awaited<ReturnType<typeof readPolicy>>, options: RunOptions): PlanGate {
  const labels = options.labels ?? [];
  const judgeBy = options.judgeBy;
  // A checkout may have turned LF into CRLF; that is no change to the rules.
  const lf = (text: string | null) => (text === null ? null : text.replace(/\r\n/g, '\n'));
  if (judgeBy === undefined || lf(judgeBy.text) === lf(local.text)) {
    return policyGate({
      labels,
      judge: { parsed: local.parsed, file: local.file },
      changed: null,
    });
  }
  return policyGate({
    labels,
    judge: {
      parsed: judgeBy.text === null ? null : parsePolicy(judgeBy.text, local.file, options.org),
      file: local.file,
      name: judgeBy.name,
    },
    changed: { parsed: local.parsed, file: local.file },
  });
}

export interface Planned {
  imports: ImportSet;
  snapshot: OrgSnapshot;
  plan: Plan;
  /** What a reviewer of this plan approves (the preview's block, the plan file's `review`). */
  review: Review;
}

/**
 * Offline: the CSVs, batch.yml files and policy.yml, checked without the org, and every policy rule
 * that needs no org (checkImportsOffline), so that a fork's pull request meets the guardrails too.
 * `judgeBy` is the policy that judges the rows when it is not `<root>/policy.yml` (the base branch's).
 */
export async function validateImports(
  root: string,
  judgeBy?: JudgingPolicy,
  org?: string,
): Promise<ImportSet> {
  const [imports, local] = await Promise.all([loadImports(root, org), readPolicy(root, org)]);
  const judge =
    judgeBy === undefined
      ? { parsed: local.parsed, name: local.file }
      : {
          parsed: judgeBy.text === null ? null : parsePolicy(judgeBy.text, local.file, org),
          name: judgeBy.name,
        };
  const findings = [
    ...(local.parsed?.findings ?? []),
    ...policyOrgFindings(local.parsed?.policy?.orgNames, imports.orgs, local.file),
    ...(judge.parsed?.policy ? checkImportsOffline(imports, judge.parsed.policy, judge.name) : []),
  ];
  return findings.length === 0 ? imports : { ...imports, findings: [...imports.findings, ...findings] };
}

/** policy.yml's `orgs:` sections name orgs of orgs.yml (did-you-mean), and need an orgs.yml at all. */
function policyOrgFindings(
  names: readonly { value: string; line: number }[] | undefined,
  orgs: ImportSet['orgs'],
  file: string,
): Finding[] {
  if (names === undefined) return [];
  if (orgs !== undefined)
    return unknownOrgs(names, orgs, { file, subject: 'policy.yml has a section for org' });
  return names.map((name) =>
    finding(file, name.line, 'orgs', {
      code: 'unknown-org',
      message: `policy.yml has a section for org ${quote(name.value)}, but there is no orgs.yml: remove the orgs section, or add orgs.yml.`,
    }),
  );
}

/** The plan for what is under `root` against the org as it is now. */
export async function planImports(
  root: string,
  client: GenesysClient,
  options: RunOptions = {},
): Promise<Planned> {
  const [imports, policy] = await Promise.all([
    loadImports(root, options.org),
    readPolicy(root, options.org),
  ]);
  const snapshot = await loadSnapshot(client, snapshotNeed(imports)).catch((error: unknown) => {
    throw asMissingPermission(error);
  });
  const plan = buildPlan(imports, snapshot, { ...options, gate: gate(policy, options) });
  return { imports, snapshot, plan, review: reviewOf(plan, batchSources(imports.batches)) };
}

export interface ApplyRunOptions extends RunOptions, ApplyOptions {
  /**
   * The plan reviewers approved (the preview's block): rows that would now do more than, or other
   * than, it are held; a batch changed since is held whole. Absent: the plan is carried out as it is.
   */
  review?: Review;
}

/**
 * Re-plans against the live org and the policy as they are now, holds what differs from the reviewed
 * preview, and carries out the rest. A plan with validation or policy-file errors changes nothing; a
 * row in error or held is not written, every other row goes ahead (one rule: docs/apply.md).
 */
export async function applyImports(
  root: string,
  client: GenesysClient,
  options: ApplyRunOptions = {},
): Promise<Planned & { result: ApplyResult; verdict: Verdict }> {
  const planned = await planImports(root, client, options);
  const verdict = options.review
    ? compareWithReview(planned.plan, planned.review, options.review)
    : { holds: [] };
  const divisionName = (id: string) => planned.snapshot.divisions.find((d) => d.id === id)?.name ?? id;
  const result = await applyPlan(
    holdRows(planned.plan, verdict),
    orgWriter(client, planned.snapshot.homeDivisionId),
    {
      ...collectorFor(planned.plan),
      ...(client.roleGrantPage === undefined ? {} : { roleGrantPage: client.roleGrantPage }),
      ...options,
    },
  ).catch((error: unknown) => {
    throw asMissingPermission(error, divisionName);
  });
  return { ...planned, result: withPlannedActions(result, planned.plan), verdict };
}

/** A held row is planned as an error row: its result says what the plan had for it (create, update). */
function withPlannedActions(result: ApplyResult, plan: Plan): ApplyResult {
  const planned = new Map<string, string>();
  for (const batch of plan.batches) {
    for (const row of batch.people) planned.set(`person:${row.file}:${row.line}`, row.action);
    for (const row of batch.phones) planned.set(`phone:${row.file}:${row.line}`, row.action);
  }
  return {
    ...result,
    rows: result.rows.map((row) => {
      const action = planned.get(`${row.kind}:${row.file}:${row.line}`);
      return action === undefined || action === row.planned
        ? row
        : { ...row, planned: action as typeof row.planned };
    }),
  };
}

/** What an invite run found, and whether the batch it was asked for exists (or goes to another org). */
export interface InviteRun {
  imports: ImportSet;
  report: InviteReport;
  /** `batch` was named and is under no org: a usage error. */
  unknownBatch: boolean;
  /** `batch` was named and goes to another org (orgs.yml): nothing to do for this one. */
  otherOrgBatch: boolean;
}

/** Whether the batch a request names is missing from `batches`, and then whether another org has it. */
export async function namedBatch(
  root: string,
  request: InviteRequest,
  batches: readonly Batch[],
): Promise<{ unknownBatch: boolean; otherOrgBatch: boolean }> {
  if (request.batch === undefined || batches.length > 0) return { unknownBatch: false, otherOrgBatch: false };
  // Read again without the org only here, when a named batch is not this org's.
  const elsewhere =
    request.org !== undefined &&
    (await loadImports(root)).batches.some((batch) => batch.name === request.batch);
  return { unknownBatch: !elsewhere, otherOrgBatch: elsewhere };
}

/**
 * Training-day invites for the batches due on `request.date` (or the one named). Reads only the users
 * those batches name, in bulk; sends each invite once (see selectInvitees).
 */
export async function inviteImports(
  root: string,
  client: GenesysClient,
  request: InviteRequest,
): Promise<InviteRun> {
  const imports = await loadImports(root, request.org);
  const batches = dueBatches(imports, request);
  const { unknownBatch, otherOrgBatch } = await namedBatch(root, request, batches);
  const emails = batches.flatMap((batch) => batch.people.map((person) => person.emailKey));
  const users =
    emails.length === 0
      ? []
      : await loadUsers(client, emails, {
          // A forced invite goes out whatever the welcome date says, so it needs no re-read.
          confirmWelcome: !request.force,
        });
  const selection = selectInvitees(batches, users, request);
  const report = await sendInvites(selection, orgInviter(client));
  return { imports, report, unknownBatch, otherOrgBatch };
}
