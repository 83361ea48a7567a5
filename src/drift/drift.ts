// Drift: the plan of the CSVs against today's org, read as "where the org no longer matches the
// repository". Every rule is the plan's (blank cells that leave a field, add-only roles, queues and
// skills, the phone rules): a row the plan leaves unchanged is no drift, a row it would change is.
// Pure: plan and snapshot in, the report's rows out.
import type { Finding } from '../csv/findings.js';
import { nameLookup } from '../plan/lookup.js';
import type { OrgSnapshot, SnapshotUser } from '../plan/snapshot.js';
import type { Change, PersonPlan, PhonePlan, Plan } from '../plan/types.js';

/** What is off about one row. */
export type DriftKind =
  /** A person or phone whose fields differ from the CSV (grants, queues or skills gone count). */
  | 'changed'
  /** The person or phone is not in the org. */
  | 'missing'
  /** The person is deleted in the org. */
  | 'deleted'
  /** The phone belongs to someone else, or the person has another WebRTC phone. */
  | 'reassigned'
  /** The row no longer resolves against the org (a role, queue, site… is gone), or breaks a rule. */
  | 'unresolved';

/** One field as the preview names it: the CSV column, what the CSV says and what the org has. */
export interface DriftField {
  field: string;
  csv: string;
  org: string;
  /** Add-only fields (roles_divisions, queues): what the CSV lists that the org no longer has. */
  missing: string[] | null;
}

export interface DriftRow {
  subject: 'person' | 'phone';
  batch: string;
  file: string;
  line: number;
  /** The person's name, or the phone's name. */
  name: string;
  /** The person's email (for a phone, its owner's). */
  email: string;
  kind: DriftKind;
  fields: DriftField[];
  /** One sentence when the fields do not say it all ('' otherwise). */
  detail: string;
  /** Whether `gc-onboard apply` (the Apply workflow) puts the row back as the CSV says. */
  applyFixes: boolean;
  /** When apply does not: what does, one sentence ('' otherwise). */
  fix: string;
}

export interface BatchDrift {
  name: string;
  dir: string;
  trainingDay: string | null;
  rows: DriftRow[];
}

const field = (name: string, csv: string, org: string, missing: string[] | null = null): DriftField => ({
  field: name,
  csv,
  org,
  missing,
});

/** Every batch of the plan with the rows whose org state no longer matches their CSV. */
export function findDrift(plan: Plan, snapshot: OrgSnapshot): BatchDrift[] {
  const names = namers(snapshot);
  const usersById = new Map(snapshot.users.map((user) => [user.id, user]));
  return plan.batches.map((batch) => ({
    name: batch.name,
    dir: batch.dir,
    trainingDay: batch.trainingDay,
    rows: [
      ...batch.people.flatMap((person) => personDrift(person, usersById, names)),
      ...batch.phones.flatMap((phone) => phoneDrift(phone, snapshot, names)),
    ],
  }));
}

/** Validation and plan-level errors: rows they stop cannot be compared, so the report shows them. */
export function blockingFindings(plan: Plan): Finding[] {
  return [...plan.findings, ...plan.warnings].filter((finding) => finding.severity === 'error');
}

type Namers = ReturnType<typeof namers>;

function namers(snapshot: OrgSnapshot) {
  const roles = nameLookup(snapshot.roles);
  const divisions = nameLookup(snapshot.divisions);
  const queues = nameLookup(snapshot.queues);
  return {
    grant: (grant: { roleId: string; divisionId: string }) =>
      `${roles.nameOf(grant.roleId)}:[${divisions.nameOf(grant.divisionId)}]`,
    queue: (id: string) => queues.nameOf(id),
    sites: nameLookup(snapshot.sites),
    baseSettings: nameLookup(snapshot.phoneBaseSettings),
  };
}

const base = (row: PersonPlan | PhonePlan, subject: DriftRow['subject'], name: string, email: string) => ({
  subject,
  batch: row.batch,
  file: row.file,
  line: row.line,
  name,
  email,
});

/** The plan's changes of an update as drift: the CSV is `after`, the org `before`; add-only fields name what is gone. */
function changedFields(person: PersonPlan, names: Namers): DriftField[] {
  return person.changes.map((change: Change) => {
    if (change.field === 'roles_divisions')
      return field(change.field, change.after, change.before, person.grants.map(names.grant));
    if (change.field === 'queues')
      return field(change.field, change.after, change.before, person.queueIds.map(names.queue));
    return field(change.field, change.after, change.before);
  });
}

function personDrift(
  person: PersonPlan,
  usersById: ReadonlyMap<string, SnapshotUser>,
  names: Namers,
): DriftRow[] {
  const row = base(person, 'person', person.name, person.email);
  const user = person.userId === null ? undefined : usersById.get(person.userId);
  // The plan warns about an inactive user and leaves them so: apply never reactivates anyone.
  const inactive = user?.state === 'inactive' ? [field('state', 'active', 'inactive')] : [];
  const reactivate = 'reactivate them in Admin > People (apply never changes whether someone is active)';
  switch (person.action) {
    case 'unchanged':
      if (inactive.length === 0) return [];
      return [{ ...row, kind: 'changed', fields: inactive, detail: '', applyFixes: false, fix: reactivate }];
    case 'update':
    case 'skip': {
      const skip = person.action === 'skip';
      const fix = skip
        ? 'batch.yml sets update_existing: false, so apply leaves existing people as they are: change them in Admin > People'
        : inactive.length > 0
          ? `apply puts the fields back; ${reactivate}`
          : '';
      const fields = [...changedFields(person, names), ...inactive];
      return [{ ...row, kind: 'changed', fields, detail: '', applyFixes: !skip, fix }];
    }
    case 'create':
      return [
        {
          ...row,
          kind: 'missing',
          fields: [],
          detail: 'not in the org',
          applyFixes: true,
          fix: '',
        },
      ];
    case 'error':
      return [errorRow(row, person.errors)];
  }
}

function errorRow(row: ReturnType<typeof base>, errors: readonly Finding[]): DriftRow {
  const codes = new Set(errors.map((error) => error.code));
  const detail = errors.map((error) => error.message).join('; ');
  if (codes.has('deleted-user') || codes.has('person-deleted'))
    return {
      ...row,
      kind: 'deleted',
      fields: [],
      detail: 'the user is deleted in the org',
      applyFixes: false,
      fix: 'restore them in Admin > People, or remove the row (apply never restores or creates a deleted email)',
    };
  // A phone whose person cannot be planned is about the person's row, whatever else it says.
  if (
    !codes.has('person-not-created') &&
    (codes.has('phone-name-taken') || codes.has('person-has-two-phones'))
  )
    return {
      ...row,
      kind: 'reassigned',
      fields: [],
      detail,
      applyFixes: false,
      fix: 'assign the phone back in Admin > Telephony > Phones, or change the row',
    };
  return {
    ...row,
    kind: 'unresolved',
    fields: [],
    detail,
    applyFixes: false,
    fix: 'fix the row or the org: apply refuses a row in error',
  };
}

/** Site and base settings of an existing phone: the plan warns and leaves them (gc-onboard never changes a phone). */
function phoneSettings(phone: PhonePlan, snapshot: OrgSnapshot, names: Namers): DriftField[] {
  const existing = snapshot.phones.find((candidate) => candidate.id === phone.phoneId);
  if (!existing) return [];
  const fields: DriftField[] = [];
  if (phone.siteId !== null && existing.siteId !== phone.siteId)
    fields.push(field('site', names.sites.nameOf(phone.siteId), names.sites.nameOf(existing.siteId)));
  if (phone.baseSettingsId !== null && existing.baseSettingsId !== phone.baseSettingsId)
    fields.push(
      field(
        'base_settings',
        names.baseSettings.nameOf(phone.baseSettingsId),
        names.baseSettings.nameOf(existing.baseSettingsId),
      ),
    );
  return fields;
}

function phoneDrift(phone: PhonePlan, snapshot: OrgSnapshot, names: Namers): DriftRow[] {
  const row = base(phone, 'phone', phone.name, phone.person.email);
  const settings = phoneSettings(phone, snapshot, names);
  const settingsFix = 'gc-onboard never changes an existing phone: set it back in Admin > Telephony > Phones';
  switch (phone.action) {
    case 'unchanged':
      if (settings.length === 0) return [];
      return [{ ...row, kind: 'changed', fields: settings, detail: '', applyFixes: false, fix: settingsFix }];
    case 'update': {
      const fields = [
        ...phone.changes.map((change) => field(change.field, change.after, change.before)),
        ...settings,
      ];
      const fix = settings.length > 0 ? `apply makes it the default phone again; ${settingsFix}` : '';
      return [{ ...row, kind: 'changed', fields, detail: '', applyFixes: true, fix }];
    }
    case 'create':
      return [
        {
          ...row,
          kind: 'missing',
          fields: [],
          detail: `no phone named "${phone.name}" for ${phone.person.email}`,
          applyFixes: true,
          fix: '',
        },
      ];
    case 'error':
      return [errorRow(row, phone.errors)];
  }
}
