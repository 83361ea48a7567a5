// The four modes as the CLI and the Action share them: read the imports, read the org in bulk,
// plan, and then apply or invite. Rendering and exit codes stay with the callers.
import { applyPlan, type ApplyOptions } from '../apply/apply.js';
import type { ApplyResult } from '../apply/results.js';
import type { ImportSet } from '../csv/types.js';
import type { GenesysClient } from '../genesys/client.js';
import { loadSnapshot, loadUsers } from '../genesys/snapshot.js';
import { orgInviter, orgWriter } from '../genesys/writer.js';
import { loadImports, readPolicyFile } from '../imports.js';
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
import type { Plan, PlanOptions } from '../plan/types.js';
import { enforcePolicy } from '../policy/check.js';
import { parsePolicy } from '../policy/policy.js';

export interface RunOptions extends PlanOptions {
  /** Labels of the pull request the change comes from (one may lift the policy's max_changes). */
  labels?: readonly string[];
}

type ParsedPolicy = ReturnType<typeof parsePolicy>;

/** `<root>/policy.yml`, parsed, or null when the team has none. */
export async function readPolicy(root: string): Promise<{ file: string; parsed: ParsedPolicy | null }> {
  // A link or special file in its place reads as absent here; loadImports reports it as an error.
  const { file, content } = await readPolicyFile(root);
  return { file, parsed: content === null ? null : parsePolicy(content.toString('utf8'), file) };
}

export interface Planned {
  imports: ImportSet;
  snapshot: OrgSnapshot;
  plan: Plan;
}

export const hasErrors = (imports: { findings: readonly { severity: string }[] }) =>
  imports.findings.some((finding) => finding.severity === 'error');

/**
 * Offline: the CSVs, batch.yml files and policy.yml, checked without the org (the policy's role and
 * division names are checked against the org by plan).
 */
export async function validateImports(root: string): Promise<ImportSet> {
  const [imports, policy] = await Promise.all([loadImports(root), readPolicy(root)]);
  const policyFindings = policy.parsed?.findings ?? [];
  return policyFindings.length === 0
    ? imports
    : { ...imports, findings: [...imports.findings, ...policyFindings] };
}

/** The plan for what is under `root` against the org as it is now. */
export async function planImports(
  root: string,
  client: GenesysClient,
  options: RunOptions = {},
): Promise<Planned> {
  const [imports, policy] = await Promise.all([loadImports(root), readPolicy(root)]);
  const snapshot = await loadSnapshot(client, snapshotNeed(imports));
  const plan = enforcePolicy(buildPlan(imports, snapshot, options), policy.parsed, snapshot, {
    labels: options.labels ?? [],
    policyFile: policy.file,
  });
  return { imports, snapshot, plan };
}

/**
 * Re-plans against the live org and the policy as they are now (never trusting an earlier preview)
 * and carries the plan out. A plan with validation or policy-file errors changes nothing.
 */
export async function applyImports(
  root: string,
  client: GenesysClient,
  options: RunOptions & ApplyOptions = {},
): Promise<Planned & { result: ApplyResult }> {
  const planned = await planImports(root, client, options);
  const result = await applyPlan(planned.plan, orgWriter(client, planned.snapshot.homeDivisionId), options);
  return { ...planned, result };
}

/**
 * Training-day invites for the batches due on `request.date` (or the one named). Reads only the users
 * those batches name, in bulk; sends each invite once (see selectInvitees).
 */
export async function inviteImports(
  root: string,
  client: GenesysClient,
  request: InviteRequest,
): Promise<{ imports: ImportSet; report: InviteReport; unknownBatch: boolean }> {
  const imports = await loadImports(root);
  const batches = dueBatches(imports, request);
  const unknownBatch = request.batch !== undefined && batches.length === 0;
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
  return { imports, report, unknownBatch };
}
