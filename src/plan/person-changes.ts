// A resolved people.csv row → its PersonPlan: create, update (field by field, Genesys blank-cell and
// add-only rules), unchanged, skip, or error when its names did not resolve.

import type { Finding } from '../csv/findings.js';
import type { PersonRow } from '../csv/types.js';
import { isWorkPhone, sameExtension, sameNumber, toE164 } from '../phone-number.js';
import type { OrgIndex } from './lookup.js';
import { rowWarning as warning, type Draft } from './rows.js';
import type { Contact, Grant, SnapshotSkill, SnapshotUser } from './snapshot.js';
import type { Change, ManagerRef, PersonPlan, UserPatch } from './types.js';

/** Whether granting a role by this name is worth a warning in the preview. */
export type PrivilegedTest = (roleName: string) => boolean;

export function privilegedTest(extra: readonly string[]): PrivilegedTest {
  const names = new Set(extra.map((name) => name.trim().toLowerCase()));
  return (roleName) => roleName.toLowerCase().includes('admin') || names.has(roleName.trim().toLowerCase());
}

export interface DraftContext {
  firstByEmail: ReadonlyMap<string, Draft>;
  org: OrgIndex;
  privileged: PrivilegedTest;
}

export function planDraft(draft: Draft, context: DraftContext): PersonPlan {
  const plan = emptyPlan(draft);
  if (draft.errors.length > 0) return { ...plan, errors: draft.errors };
  const manager = managerRef(draft.row, context);
  if (draft.match.kind === 'one') return planUpdate(plan, draft, draft.match.user, manager, context);
  return planCreate(plan, draft, manager, context);
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

function managerRef(row: PersonRow, { firstByEmail, org }: DraftContext): ManagerRef | null {
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

function privilegedWarnings(row: PersonRow, grants: readonly Grant[], context: DraftContext): Finding[] {
  const { org, privileged } = context;
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
  context: DraftContext,
): PersonPlan {
  const { row } = draft;
  const { org } = context;
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
    warnings: privilegedWarnings(row, draft.grants, context),
  };
}

/** What an update of one user collects, field group by field group. */
interface Update {
  draft: Draft;
  user: SnapshotUser;
  context: DraftContext;
  changes: Change[];
  warnings: Finding[];
  patch: UserPatch;
}

function planUpdate(
  plan: PersonPlan,
  draft: Draft,
  user: SnapshotUser,
  manager: ManagerRef | null,
  context: DraftContext,
): PersonPlan {
  const update: Update = { draft, user, context, changes: [], warnings: [], patch: {} };
  updateName(update);
  const moveToDivisionId = updateDivision(update);
  updateTextFields(update);
  updateWorkPhone(update);
  const managerChanges = updateManager(update, manager);
  const locationChanges = updateLocation(update);
  const grants = updateGrants(update);
  const queueIds = updateQueues(update);
  const skills = updateSkills(update);

  const inactive = inactiveWarning(draft.row, user);
  const existing = { ...plan, userId: user.id, version: user.version, warnings: inactive };
  const { changes } = update;
  if (changes.length === 0) return { ...existing, action: 'unchanged' };
  // Like the UI's unticked "update existing people": show what differs, change nothing.
  if (!draft.updateExisting) return { ...existing, action: 'skip', changes };
  return {
    ...existing,
    action: 'update',
    patch: update.patch,
    moveToDivisionId,
    manager: managerChanges ? manager : null,
    location: locationChanges ? draft.location : null,
    grants,
    queueIds,
    skills,
    changes,
    warnings: [...update.warnings, ...inactive],
  };
}

function inactiveWarning(row: PersonRow, user: SnapshotUser): Finding[] {
  if (user.state !== 'inactive') return [];
  return [
    warning(
      row,
      'email',
      'inactive-user',
      `${row.email} is an inactive user: the row is applied, but the user stays inactive and is not invited on the training day`,
    ),
  ];
}

function updateName({ draft: { row }, user, patch, changes }: Update): void {
  if (row.name === user.name) return;
  patch.name = row.name;
  changes.push({ field: 'name', before: user.name, after: row.name });
}

/** The division to move the user into, or null when it stays. */
function updateDivision({ draft, user, context, changes, warnings }: Update): string | null {
  if (draft.divisionId === null || draft.divisionId === user.divisionId) return null;
  const before = context.org.divisions.nameOf(user.divisionId);
  const after = context.org.divisions.nameOf(draft.divisionId);
  changes.push({ field: 'division', before, after });
  warnings.push(
    warning(
      draft.row,
      'division',
      'division-move',
      `Moves ${draft.row.email} from division "${before}" to "${after}"`,
    ),
  );
  return draft.divisionId;
}

/** Blank title/department/phone_work/extension clear the field, but only when the file has the column. */
function cleared({ draft: { row }, warnings }: Update, field: string, before: string): void {
  warnings.push(
    warning(
      row,
      field,
      'field-cleared',
      `Clears ${field} of ${row.email} (was "${before}"): the cell is blank`,
    ),
  );
}

function updateTextFields(update: Update): void {
  const { draft, user, patch, changes } = update;
  for (const field of ['title', 'department'] as const) {
    const wanted = draft.row[field];
    if (wanted === undefined || wanted === user[field]) continue;
    patch[field] = wanted;
    changes.push({ field, before: user[field], after: wanted });
    if (wanted === '') cleared(update, field, user[field]);
  }
}

// Genesys stores the number in E.164 with the org's default country and returns it in one of four
// shapes (snapshot: readWorkPhone), so `215 555 0110` is unchanged against `+12155550110`.
function updateWorkPhone(update: Update): void {
  const {
    draft: { row },
    user,
    context,
    patch,
    changes,
  } = update;
  const country = context.org.snapshot.defaultCountryCode;
  const phoneChanges = row.phoneWork !== undefined && !sameNumber(row.phoneWork, user.phoneWork, country);
  const extensionChanges = row.extension !== undefined && !sameExtension(row.extension, user.extension);
  if (!phoneChanges && !extensionChanges) return;
  // The side that does not change is rewritten as stored: a number read from `display` in E.164.
  const phoneWork = phoneChanges
    ? (row.phoneWork ?? '')
    : (toE164(user.phoneWork, country) ?? user.phoneWork);
  const extension = extensionChanges ? (row.extension ?? '') : user.extension;
  patch.addresses = withWorkPhone(user.addresses, phoneWork, extension);
  if (phoneChanges) {
    changes.push({ field: 'phone_work', before: user.phoneWork, after: phoneWork });
    if (phoneWork === '') cleared(update, 'phone_work', user.phoneWork);
  }
  if (extensionChanges) {
    changes.push({ field: 'extension', before: user.extension, after: extension });
    if (extension === '') cleared(update, 'extension', user.extension);
  }
}

function updateManager({ user, context, changes }: Update, manager: ManagerRef | null): boolean {
  const managerChanges = manager !== null && (manager.userId === null || manager.userId !== user.managerId);
  if (!managerChanges) return false;
  const current = user.managerId === null ? undefined : context.org.users.byId(user.managerId);
  const before = user.managerId === null ? '' : (current?.email ?? user.managerId);
  changes.push({ field: 'email_manager', before, after: manager.email });
  return true;
}

function updateLocation({ draft, user, context, changes, warnings }: Update): boolean {
  const location = draft.location;
  const locationChanges =
    location !== null &&
    (location.locationId === null ||
      user.locationIds.length !== 1 ||
      user.locationIds[0] !== location.locationId);
  if (!locationChanges) return false;
  const before = user.locationIds.map((id) => context.org.locations.nameOf(id)).join(', ');
  changes.push({ field: 'location_work', before, after: location.name });
  // The import sets one work location; a person who has several loses the others.
  if (user.locationIds.some((id) => id !== location.locationId)) {
    warnings.push(
      warning(
        draft.row,
        'location_work',
        'locations-replaced',
        `Replaces the locations of ${draft.row.email} (was "${before}") with "${location.name}" alone`,
      ),
    );
  }
  return true;
}

// Roles and queues are only ever added; the snapshot holds the user's grants and memberships
// for the roles and queues the import names, so "before" lists those.
function updateGrants({ draft, user, context, changes, warnings }: Update): Grant[] {
  const held = (grant: Grant) =>
    user.grants.some((mine) => mine.roleId === grant.roleId && mine.divisionId === grant.divisionId);
  const grants = draft.grants.filter((grant) => !held(grant));
  if (grants.length === 0) return grants;
  const kept = draft.grants.filter(held);
  changes.push({
    field: 'roles_divisions',
    before: grantsText(kept, context.org),
    after: grantsText([...kept, ...grants], context.org),
  });
  warnings.push(...privilegedWarnings(draft.row, grants, context));
  return grants;
}

function updateQueues({ draft, user, context, changes }: Update): string[] {
  const queueIds = draft.queueIds.filter((id) => !user.queueIds.includes(id));
  if (queueIds.length === 0) return queueIds;
  const kept = draft.queueIds.filter((id) => user.queueIds.includes(id));
  const names = (ids: string[]) => ids.map((id) => context.org.queues.nameOf(id)).join(', ');
  changes.push({ field: 'queues', before: names(kept), after: names([...kept, ...queueIds]) });
  return queueIds;
}

function updateSkills({ draft, user, context, changes }: Update): SnapshotSkill[] {
  const skills = draft.skills.filter(
    (skill) =>
      !user.skills.some((mine) => mine.skillId === skill.skillId && mine.proficiency === skill.proficiency),
  );
  if (skills.length === 0) return skills;
  const merged = [
    ...user.skills.filter((mine) => !skills.some((skill) => skill.skillId === mine.skillId)),
    ...skills,
  ];
  changes.push({
    field: 'skills',
    before: skillsText(user.skills, context.org),
    after: skillsText(merged, context.org),
  });
  return skills;
}
