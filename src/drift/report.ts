// The drift report as one value: the drifted rows per batch, the invite follow-up, the findings that
// stop rows from being compared, and the counts the outputs and the issue decide on. Pure.
import type { Finding } from '../csv/findings.js';
import type { ImportSet } from '../csv/types.js';
import type { OrgSnapshot, SnapshotUser } from '../plan/snapshot.js';
import type { Plan } from '../plan/types.js';
import { blockingFindings, findDrift, type BatchDrift } from './drift.js';
import { inviteFollowUp, type BatchFollowUp } from './follow-up.js';

export interface DriftCounts {
  /** Rows (people and phones) whose org state no longer matches their CSV. */
  drifted: number;
  people: number;
  phones: number;
  /** Of `drifted`, the rows `apply` would put back. */
  applyFixes: number;
  /** People of past training days whose invitation expired and who never logged in. */
  expired: number;
  neverInvited: number;
  /** People whose invitation Genesys Cloud did not report either way. */
  unknown: number;
  /** Findings (errors) that stop rows from being compared. */
  errors: number;
}

export interface DriftReport {
  root: string;
  /** The day the report was made (YYYY-MM-DD in the configured time zone). */
  today: string;
  batches: BatchDrift[];
  followUp: BatchFollowUp[];
  findings: Finding[];
  counts: DriftCounts;
}

export function driftReport(
  plan: Plan,
  snapshot: OrgSnapshot,
  imports: ImportSet,
  users: readonly SnapshotUser[],
  when: { today: string; now: Date },
): DriftReport {
  const batches = findDrift(plan, snapshot);
  const followUp = inviteFollowUp(imports, users, when.today, when.now);
  const findings = blockingFindings(plan);
  const rows = batches.flatMap((batch) => batch.rows);
  const sum = (pick: (batch: BatchFollowUp) => number) =>
    followUp.reduce((total, batch) => total + pick(batch), 0);
  return {
    root: plan.root,
    today: when.today,
    batches,
    followUp,
    findings,
    counts: {
      drifted: rows.length,
      people: rows.filter((row) => row.subject === 'person').length,
      phones: rows.filter((row) => row.subject === 'phone').length,
      applyFixes: rows.filter((row) => row.applyFixes).length,
      expired: sum((batch) => batch.expired.length),
      neverInvited: sum((batch) => batch.neverInvited.length),
      unknown: sum((batch) => batch.unknown.length),
      errors: findings.length,
    },
  };
}

/**
 * Whether the report needs someone (what opens the issue): a drifted row, an expired invitation, or
 * an error that stops rows from being compared at all.
 */
export function needsAttention(report: DriftReport): boolean {
  const { drifted, expired, errors } = report.counts;
  return drifted > 0 || expired > 0 || errors > 0;
}
