// Wording shared by every renderer (markdown, text), so that the comment, the job summary and the
// terminal say the same thing the same way.

import { compareFindings, type Finding } from '../csv/findings.js';
import { plural } from '../csv/words.js';
import { formatDay } from '../plan/day.js';
import type { InviteCount, PersonAction, PhoneAction, Plan } from '../plan/types.js';

/** `12 to create · 3 to update · 40 unchanged · 2 errors` (skipped only when there are some). */
export function countsLine(counts: {
  create: number;
  update: number;
  unchanged: number;
  skip?: number;
  error: number;
}) {
  const parts = [
    `${counts.create.toLocaleString('en-US')} to create`,
    `${counts.update.toLocaleString('en-US')} to update`,
    `${counts.unchanged.toLocaleString('en-US')} unchanged`,
  ];
  if (counts.skip) parts.push(`${counts.skip.toLocaleString('en-US')} skipped (exist)`);
  parts.push(plural(counts.error, 'error'));
  return parts.join(' · ');
}

/** `14 invites on Tue 1 Dec 2026`, or what happens without a training day. */
export function invitesLine(invite: InviteCount): string {
  if (invite.date === null) {
    return `${plural(invite.count, 'person', 'people')} to invite; batch.yml sets no training_day, so invite with "gc-onboard invite --batch ${invite.batch}"`;
  }
  // People whose welcome date the org did not return (expand is best effort) may have been invited.
  const count =
    invite.unconfirmed > 0 ? `up to ${plural(invite.count, 'invite')}` : plural(invite.count, 'invite');
  return `${count} on ${formatDay(invite.date)}`;
}

export const PERSON_ACTION: Record<PersonAction, string> = {
  create: 'create',
  update: 'update',
  unchanged: 'unchanged',
  skip: 'skip (exists)',
  error: 'error',
};

export const PHONE_ACTION: Record<PhoneAction, string> = {
  create: 'create',
  update: 'make default',
  unchanged: 'unchanged',
  error: 'error',
};

const findingKey = (f: Finding) => JSON.stringify([f.severity, f.file, f.line, f.column, f.code, f.message]);

/**
 * Every finding the reader must see, sorted by file and line, each once: the plan's validation
 * findings, its plan-level warnings, every row's errors and warnings, and any extra findings
 * (policy, …) the caller passes.
 */
export function collectFindings(plan: Plan, extra: readonly Finding[]): Finding[] {
  return uniqueSorted([
    ...plan.findings,
    ...extra,
    ...plan.warnings,
    ...plan.batches.flatMap((batch) =>
      [...batch.people, ...batch.phones].flatMap((row) => [...row.errors, ...row.warnings]),
    ),
  ]);
}

/** Sorted by file and line; a finding passed twice is shown once. */
export function uniqueSorted(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .filter((finding) => {
      const key = findingKey(finding);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(compareFindings);
}

/** `2 errors, 1 warning in 3 files`. */
export function findingsTotal(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const files = new Set(findings.map((f) => f.file)).size;
  return `${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')} in ${plural(files, 'file')}`;
}

/** `imports/cs/people.csv:12`. */
export const where = (finding: { file: string; line: number }) => `${finding.file}:${finding.line}`;
