// people.csv rows → PersonPlan: create, update (field by field, Genesys blank-cell and add-only
// rules), unchanged, skip or error.

import type { Batch, Finding, PersonRow } from '../csv/types.js';
import type { OrgIndex, UserMatch } from './lookup.js';
import { isWorkPhone, sameExtension, sameNumber, toE164 } from '../phone-number.js';
import type { Contact, Grant, SnapshotSkill, SnapshotUser } from './snapshot.js';
import type { Change, LocationRef, ManagerRef, PersonPlan, PlanOptions, UserPatch } from './types.js';

/** A row's names resolved to ids, before its action is known. */
interface Draft {
  row: PersonRow;
  /** The name of the batch the row is in. */
  batch: string;
  updateExisting: boolean;
  match: UserMatch;
  /** False for a second row with the same email: only the first one counts. */
  first: boolean;
  divisionId: string | null;
  grants: Grant[];
  queueIds: string[];
  skills: SnapshotSkill[];
  location: LocationRef | null;
  errors: Finding[];
}

export function rowFinding(
  severity: Finding['severity'],
  row: { file: string; line: number },
  column: string | null,
  code: string,
  message: string,
): Finding {
  return { severity, file: row.file, line: row.line, column, code, message };
}

const error = (row: PersonRow, column: string | null, code: string, message: string) =>
  rowFinding('error', row, column, code, message);
const warning = (row: PersonRow, column: string | null, code: string, message: string) =>
  rowFinding('warning', row, column, code, message);

/** Plans every people.csv row of the batches (already in plan order): one list per batch. */
export function planPeople(batches: readonly Batch[], org: OrgIndex, options: PlanOptions): PersonPlan[][] {
  const drafts: Draft[] = [];
  const firstByEmail = new Map<string, Draft>();
  for (const batch of batches) {
    for (const row of batch.people) {
      const draft = resolveRow(row, batch, org);
      const earlier = firstByEmail.get(row.emailKey);
      if (earlier) {
        draft.first = false;
        draft.errors.push(
          error(
            row,
            'email',
            'duplicate-person',
            `${row.email} is also in ${earlier.row.file}:${earlier.row.line}; a person belongs in one row only`,
          ),
        );
      } else {
        firstByEmail.set(row.emailKey, draft);
      }
      drafts.push(draft);
    }
  }
  checkManagers(drafts, firstByEmail, org);
  const privileged = privilegedTest(options.privilegedRoles ?? []);
  const plans = drafts.map((draft) => planDraft(draft, firstByEmail, org, privileged));
  let start = 0;
  return batches.map((batch) => plans.slice(start, (start += batch.people.length)));
}

function resolveRow(row: PersonRow, batch: Batch, org: OrgIndex): Draft {
  const errors: Finding[] = [];
  const match = org.users.match(row.emailKey);
  if (match.kind === 'deleted') {
    errors.push(
      error(
        row,
        'email',
        'deleted-user',
        `${row.email} belongs to a deleted user; restore them in Genesys Cloud (Admin > People) or use another email`,
      ),
    );
  } else if (match.kind === 'ambiguous') {
    errors.push(
      error(row, 'email', 'ambiguous-email', `${row.email} matches ${match.users.length} users in the org`),
    );
  }

  // A number written without its country code is placed with the org's default country, as Genesys
  // stores it (E.164); one that country's numbers cannot have would be refused at apply.
  const country = org.snapshot.defaultCountryCode;
  if (
    row.phoneWork &&
    country &&
    !row.phoneWork.trim().startsWith('+') &&
    toE164(row.phoneWork, country) === null
  ) {
    errors.push(
      error(
        row,
        'phone_work',
        'invalid-phone',
        `${row.phoneWork} is not a phone number in ${country}, the org's default country; write it with its country code, e.g. +44 20 7946 0018`,
      ),
    );
  }

  let divisionId: string | null = null;
  if (row.division !== undefined) {
    const division = org.divisions.find(row.division);
    if (division) divisionId = division.id;
    else
      errors.push(
        error(
          row,
          'division',
          'unknown-division',
          `Unknown division "${row.division}"${org.divisions.suggest(row.division)}`,
        ),
      );
  }

  const grants: Grant[] = [];
  for (const wanted of row.roles) {
    const role = org.roles.find(wanted.role);
    if (!role) {
      errors.push(
        error(
          row,
          'roles_divisions',
          'unknown-role',
          `Unknown role "${wanted.role}"${org.roles.suggest(wanted.role)}`,
        ),
      );
    }
    const divisionIds: string[] = [];
    if (wanted.divisions.length === 0) divisionIds.push(org.snapshot.homeDivisionId);
    for (const name of wanted.divisions) {
      const division = org.divisions.find(name);
      if (division) divisionIds.push(division.id);
      else
        errors.push(
          error(
            row,
            'roles_divisions',
            'unknown-division',
            `Unknown division "${name}" for role "${wanted.role}"${org.divisions.suggest(name)}`,
          ),
        );
    }
    for (const divisionId of divisionIds) {
      if (role && !grants.some((grant) => grant.roleId === role.id && grant.divisionId === divisionId)) {
        grants.push({ roleId: role.id, divisionId });
      }
    }
  }

  const queueIds: string[] = [];
  for (const name of row.queues) {
    const queue = org.queues.find(name);
    if (!queue)
      errors.push(
        error(row, 'queues', 'unknown-queue', `Unknown queue "${name}"${org.queues.suggest(name)}`),
      );
    else if (!queueIds.includes(queue.id)) queueIds.push(queue.id);
  }

  // The same skill twice in a cell: the last proficiency wins, as in a spreadsheet read left to right.
  const skillsById = new Map<string, SnapshotSkill>();
  for (const wanted of row.skills) {
    const skill = org.skills.find(wanted.skill);
    if (!skill)
      errors.push(
        error(
          row,
          'skills',
          'unknown-skill',
          `Unknown skill "${wanted.skill}"${org.skills.suggest(wanted.skill)}`,
        ),
      );
    else skillsById.set(skill.id, { skillId: skill.id, proficiency: wanted.proficiency });
  }

  let location: LocationRef | null = null;
  if (row.location !== undefined) {
    const existing = org.locations.find(row.location);
    location = existing
      ? { name: existing.name, locationId: existing.id }
      : { name: row.location.trim(), locationId: null };
  }

  return {
    row,
    batch: batch.name,
    updateExisting: batch.config.updateExisting,
    match,
    first: true,
    divisionId,
    grants,
    queueIds,
    skills: [...skillsById.values()],
    location,
    errors,
  };
}

/**
 * A manager must exist after apply: in the org, or created by a row of this import that has no
 * errors. A row whose manager will not be created will not be created either if it is new, so the
 * error spreads down the reporting line (breadth first, linear in rows).
 */
function checkManagers(drafts: readonly Draft[], firstByEmail: Map<string, Draft>, org: OrgIndex): void {
  const dependents = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const { row } = draft;
    if (row.managerEmail === undefined) continue;
    const managerKey = row.managerEmail.trim().toLowerCase();
    if (managerKey === row.emailKey) {
      draft.errors.push(error(row, 'email_manager', 'self-manager', 'A person cannot be their own manager'));
      continue;
    }
    if (firstByEmail.has(managerKey)) {
      const list = dependents.get(managerKey);
      if (list) list.push(draft);
      else dependents.set(managerKey, [draft]);
      continue;
    }
    const match = org.users.match(managerKey);
    if (match.kind === 'none')
      draft.errors.push(
        error(
          row,
          'email_manager',
          'unknown-manager',
          `Manager ${row.managerEmail} is not in the org and not created by this import`,
        ),
      );
    else if (match.kind === 'deleted')
      draft.errors.push(
        error(row, 'email_manager', 'manager-deleted', `Manager ${row.managerEmail} is a deleted user`),
      );
    else if (match.kind === 'ambiguous')
      draft.errors.push(
        error(
          row,
          'email_manager',
          'ambiguous-manager',
          `Manager ${row.managerEmail} matches ${match.users.length} users in the org`,
        ),
      );
  }

  const wontExist = (draft: Draft) => draft.errors.length > 0 && draft.match.kind !== 'one';
  const queue = [...firstByEmail.values()].filter(wontExist);
  const missing = new Set(queue.map((draft) => draft.row.emailKey));
  for (let next = queue.shift(); next; next = queue.shift()) {
    const manager = next.row;
    for (const draft of dependents.get(manager.emailKey) ?? []) {
      draft.errors.push(
        error(
          draft.row,
          'email_manager',
          'manager-not-created',
          `Manager ${manager.email} will not be created: their row (${manager.file}:${manager.line}) has errors`,
        ),
      );
      if (draft.first && wontExist(draft) && !missing.has(draft.row.emailKey)) {
        missing.add(draft.row.emailKey);
        queue.push(draft);
      }
    }
  }
}

function privilegedTest(extra: readonly string[]): (roleName: string) => boolean {
  const names = new Set(extra.map((name) => name.trim().toLowerCase()));
  return (roleName) => roleName.toLowerCase().includes('admin') || names.has(roleName.trim().toLowerCase());
}

function emptyPlan(draft: Draft): PersonPlan {
  const { row } = draft;
  return {
    batch: draft.batch,
    file: row.file,
    line: row.line,
    name: row.name,
    email: row.email,
    emailKey: row.emailKey,
    action: 'error',
    userId: draft.match.kind === 'one' ? draft.match.user.id : null,
    version: null,
    create: null,
    patch: {},
    moveToDivisionId: null,
    manager: null,
    location: null,
    grants: [],
    queueIds: [],
    skills: [],
    changes: [],
    errors: [],
    warnings: [],
  };
}

function planDraft(
  draft: Draft,
  firstByEmail: Map<string, Draft>,
  org: OrgIndex,
  privileged: (roleName: string) => boolean,
): PersonPlan {
  const plan = emptyPlan(draft);
  if (draft.errors.length > 0) return { ...plan, errors: draft.errors };
  const manager = managerRef(draft.row, firstByEmail, org);
  if (draft.match.kind === 'one') return planUpdate(plan, draft, draft.match.user, manager, org, privileged);
  return planCreate(plan, draft, manager, org, privileged);
}

function managerRef(row: PersonRow, firstByEmail: Map<string, Draft>, org: OrgIndex): ManagerRef | null {
  if (row.managerEmail === undefined) return null;
  const key = row.managerEmail.trim().toLowerCase();
  const inImport = firstByEmail.get(key);
  const match = inImport ? inImport.match : org.users.match(key);
  return { email: row.managerEmail.trim(), userId: match.kind === 'one' ? match.user.id : null };
}

function workPhoneContact(address: string, extension: string): Contact[] {
  if (address === '' && extension === '') return [];
  return [
    {
      ...(address !== '' ? { address } : {}),
      ...(extension !== '' ? { extension } : {}),
      mediaType: 'PHONE',
      type: 'WORK',
    },
  ];
}

/** The user's addresses with the (first) WORK PHONE contact replaced, appended or removed; the others kept in place. */
function withWorkPhone(addresses: readonly Contact[], address: string, extension: string): Contact[] {
  const index = addresses.findIndex(isWorkPhone);
  const replacement = workPhoneContact(address, extension);
  if (index === -1) return [...addresses, ...replacement];
  return [...addresses.slice(0, index), ...replacement, ...addresses.slice(index + 1)];
}

function grantsText(grants: readonly Grant[], org: OrgIndex): string {
  const byRole = new Map<string, string[]>();
  for (const grant of grants) {
    const divisions = byRole.get(grant.roleId) ?? [];
    divisions.push(org.divisions.nameOf(grant.divisionId));
    byRole.set(grant.roleId, divisions);
  }
  return [...byRole]
    .map(([roleId, divisions]) => `${org.roles.nameOf(roleId)}:[${divisions.join(', ')}]`)
    .join(', ');
}

function skillsText(skills: readonly SnapshotSkill[], org: OrgIndex): string {
  return skills
    .map((skill) => `${org.skills.nameOf(skill.skillId)}:${skill.proficiency}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(', ');
}

function privilegedWarnings(
  row: PersonRow,
  grants: readonly Grant[],
  org: OrgIndex,
  privileged: (roleName: string) => boolean,
): Finding[] {
  return grants
    .filter((grant) => privileged(org.roles.nameOf(grant.roleId)))
    .map((grant) =>
      warning(
        row,
        'roles_divisions',
        'privileged-role',
        `Grants privileged role "${org.roles.nameOf(grant.roleId)}" in division "${org.divisions.nameOf(grant.divisionId)}" to ${row.email}`,
      ),
    );
}

function planCreate(
  plan: PersonPlan,
  draft: Draft,
  manager: ManagerRef | null,
  org: OrgIndex,
  privileged: (roleName: string) => boolean,
): PersonPlan {
  const { row } = draft;
  const divisionId = draft.divisionId ?? org.snapshot.homeDivisionId;
  const title = row.title ?? '';
  const department = row.department ?? '';
  const phoneWork = row.phoneWork ?? '';
  const extension = row.extension ?? '';
  const changes: Change[] = [
    { field: 'division', before: '', after: org.divisions.nameOf(divisionId) },
    { field: 'title', before: '', after: title },
    { field: 'department', before: '', after: department },
    { field: 'phone_work', before: '', after: phoneWork },
    { field: 'extension', before: '', after: extension },
    { field: 'email_manager', before: '', after: manager?.email ?? '' },
    { field: 'location_work', before: '', after: draft.location?.name ?? '' },
    { field: 'roles_divisions', before: '', after: grantsText(draft.grants, org) },
    { field: 'queues', before: '', after: draft.queueIds.map((id) => org.queues.nameOf(id)).join(', ') },
    { field: 'skills', before: '', after: skillsText(draft.skills, org) },
  ].filter((change) => change.after !== '');
  return {
    ...plan,
    action: 'create',
    create: {
      name: row.name,
      email: row.email,
      divisionId,
      ...(title !== '' ? { title } : {}),
      ...(department !== '' ? { department } : {}),
      addresses: workPhoneContact(phoneWork, extension),
    },
    manager,
    location: draft.location,
    grants: draft.grants,
    queueIds: draft.queueIds,
    skills: draft.skills,
    changes,
    warnings: privilegedWarnings(row, draft.grants, org, privileged),
  };
}

function planUpdate(
  plan: PersonPlan,
  draft: Draft,
  user: SnapshotUser,
  manager: ManagerRef | null,
  org: OrgIndex,
  privileged: (roleName: string) => boolean,
): PersonPlan {
  const { row } = draft;
  const changes: Change[] = [];
  const warnings: Finding[] = [];
  const patch: UserPatch = {};

  if (row.name !== user.name) {
    patch.name = row.name;
    changes.push({ field: 'name', before: user.name, after: row.name });
  }

  let moveToDivisionId: string | null = null;
  if (draft.divisionId !== null && draft.divisionId !== user.divisionId) {
    moveToDivisionId = draft.divisionId;
    const before = org.divisions.nameOf(user.divisionId);
    const after = org.divisions.nameOf(draft.divisionId);
    changes.push({ field: 'division', before, after });
    warnings.push(
      warning(row, 'division', 'division-move', `Moves ${row.email} from division "${before}" to "${after}"`),
    );
  }

  // Blank title/department/phone_work/extension clear the field, but only when the file has the column.
  const cleared = (field: string, before: string) =>
    warnings.push(
      warning(
        row,
        field,
        'field-cleared',
        `Clears ${field} of ${row.email} (was "${before}"): the cell is blank`,
      ),
    );
  for (const field of ['title', 'department'] as const) {
    const wanted = row[field];
    if (wanted === undefined || wanted === user[field]) continue;
    patch[field] = wanted;
    changes.push({ field, before: user[field], after: wanted });
    if (wanted === '') cleared(field, user[field]);
  }

  // Genesys stores the number in E.164 with the org's default country and returns it in one of four
  // shapes (snapshot: readWorkPhone), so `215 555 0110` is unchanged against `+12155550110`.
  const country = org.snapshot.defaultCountryCode;
  const phoneChanges = row.phoneWork !== undefined && !sameNumber(row.phoneWork, user.phoneWork, country);
  const extensionChanges = row.extension !== undefined && !sameExtension(row.extension, user.extension);
  if (phoneChanges || extensionChanges) {
    // The side that does not change is rewritten as stored: a number read from `display` in E.164.
    const phoneWork = phoneChanges
      ? (row.phoneWork ?? '')
      : (toE164(user.phoneWork, country) ?? user.phoneWork);
    const extension = extensionChanges ? (row.extension ?? '') : user.extension;
    patch.addresses = withWorkPhone(user.addresses, phoneWork, extension);
    if (phoneChanges) {
      changes.push({ field: 'phone_work', before: user.phoneWork, after: phoneWork });
      if (phoneWork === '') cleared('phone_work', user.phoneWork);
    }
    if (extensionChanges) {
      changes.push({ field: 'extension', before: user.extension, after: extension });
      if (extension === '') cleared('extension', user.extension);
    }
  }

  const managerChanges = manager !== null && (manager.userId === null || manager.userId !== user.managerId);
  if (managerChanges) {
    const current = user.managerId === null ? undefined : org.users.byId(user.managerId);
    const before = user.managerId === null ? '' : (current?.email ?? user.managerId);
    changes.push({ field: 'email_manager', before, after: manager.email });
  }

  const location = draft.location;
  const locationChanges =
    location !== null &&
    (location.locationId === null ||
      user.locationIds.length !== 1 ||
      user.locationIds[0] !== location.locationId);
  if (locationChanges) {
    const before = user.locationIds.map((id) => org.locations.nameOf(id)).join(', ');
    changes.push({ field: 'location_work', before, after: location.name });
    // The import sets one work location; a person who has several loses the others.
    if (user.locationIds.some((id) => id !== location.locationId)) {
      warnings.push(
        warning(
          row,
          'location_work',
          'locations-replaced',
          `Replaces the locations of ${row.email} (was "${before}") with "${location.name}" alone`,
        ),
      );
    }
  }

  // Roles and queues are only ever added; the snapshot holds the user's grants and memberships
  // for the roles and queues the import names, so "before" lists those.
  const held = (grant: Grant) =>
    user.grants.some((mine) => mine.roleId === grant.roleId && mine.divisionId === grant.divisionId);
  const grants = draft.grants.filter((grant) => !held(grant));
  if (grants.length > 0) {
    const kept = draft.grants.filter(held);
    changes.push({
      field: 'roles_divisions',
      before: grantsText(kept, org),
      after: grantsText([...kept, ...grants], org),
    });
    warnings.push(...privilegedWarnings(row, grants, org, privileged));
  }

  const queueIds = draft.queueIds.filter((id) => !user.queueIds.includes(id));
  if (queueIds.length > 0) {
    const kept = draft.queueIds.filter((id) => user.queueIds.includes(id));
    const names = (ids: string[]) => ids.map((id) => org.queues.nameOf(id)).join(', ');
    changes.push({ field: 'queues', before: names(kept), after: names([...kept, ...queueIds]) });
  }

  const skills = draft.skills.filter(
    (skill) =>
      !user.skills.some((mine) => mine.skillId === skill.skillId && mine.proficiency === skill.proficiency),
  );
  if (skills.length > 0) {
    const merged = [
      ...user.skills.filter((mine) => !skills.some((skill) => skill.skillId === mine.skillId)),
      ...skills,
    ];
    changes.push({ field: 'skills', before: skillsText(user.skills, org), after: skillsText(merged, org) });
  }

  const inactive =
    user.state === 'inactive'
      ? [
          warning(
            row,
            'email',
            'inactive-user',
            `${row.email} is an inactive user: the row is applied, but the user stays inactive and is not invited on the training day`,
          ),
        ]
      : [];
  const existing = { ...plan, userId: user.id, version: user.version, warnings: inactive };
  if (changes.length === 0) return { ...existing, action: 'unchanged' };
  // Like the UI's unticked "update existing people": show what differs, change nothing.
  if (!draft.updateExisting) return { ...existing, action: 'skip', changes };
  return {
    ...existing,
    action: 'update',
    patch,
    moveToDivisionId,
    manager: managerChanges ? manager : null,
    location: locationChanges ? location : null,
    grants,
    queueIds,
    skills,
    changes,
    warnings: [...warnings, ...inactive],
  };
}
