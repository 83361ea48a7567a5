// The four modes as the CLI and the Action share them: read the imports, read the org in bulk,
// plan, and then apply or invite. Rendering and exit codes stay with the callers.
import { applyPlan, type ApplyOptions } from '../apply/apply.js';
import type { ApplyResult } from '../apply/results.js';
import type { ImportSet } from '../csv/types.js';
import type { GenesysClient } from '../genesys/client.js';
import { loadSnapshot } from '../genesys/snapshot.js';
import { orgInviter, orgWriter } from '../genesys/writer.js';
import { loadImports } from '../imports.js';
import { dueBatches, selectInvitees, sendInvites, type InviteReport, type InviteRequest } from '../invite/invite.js';
import { snapshotNeed } from '../plan/need.js';
import { buildPlan } from '../plan/plan.js';
import type { OrgSnapshot } from '../plan/snapshot.js';
import type { Plan, PlanOptions } from '../plan/types.js';

export interface Planned {
  imports: ImportSet;
  snapshot: OrgSnapshot;
  plan: Plan;
}

export const hasErrors = (imports: { findings: readonly { severity: string }[] }) =>
  imports.findings.some((finding) => finding.severity === 'error');

/** Offline: the CSVs and batch.yml files, checked without the org. */
export function validateImports(root: string): Promise<ImportSet> {
  return loadImports(root);
}

/** The plan for what is under `root` against the org as it is now. */
export async function planImports(root: string, client: GenesysClient, options: PlanOptions = {}): Promise<Planned> {
  const imports = await loadImports(root);
  return planImportSet(imports, client, options);
}

export async function planImportSet(
  imports: ImportSet,
  client: GenesysClient,
  options: PlanOptions = {},
): Promise<Planned> {
  const snapshot = await loadSnapshot(client, snapshotNeed(imports));
  return { imports, snapshot, plan: buildPlan(imports, snapshot, options) };
}

/**
 * Re-plans against the live org (never trusting an earlier preview) and carries the plan out. A plan
 * with validation errors changes nothing.
 */
export async function applyImports(
  root: string,
  client: GenesysClient,
  options: PlanOptions & ApplyOptions = {},
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
  const snapshot =
    emails.length === 0
      ? undefined
      : await loadSnapshot(client, { emails: [...new Set(emails)].sort(), roleNames: [], queueNames: [], phoneNames: [] });
  const selection = selectInvitees(batches, snapshot?.users ?? [], request);
  const report = await sendInvites(selection, orgInviter(client));
  return { imports, report, unknownBatch };
}
