// A user as a people.csv row, one column at a time, with a note for each value the row cannot carry
// as the org holds it; and, once the text is read back, the columns that would not plan unchanged.
import { isCalendarDate, parseQueues, parseRoles, parseSkills } from '../csv/cells.js';
import { quote, type Severity } from '../csv/findings.js';
import type { PeopleColumn } from '../csv/people.js';
import type { PersonRow } from '../csv/types.js';
import type { ExportUser } from '../genesys/export-read.js';
import type { Named } from '../plan/snapshot.js';
import { byFoldedName, readsBack, whyNot, type Org } from './org.js';
import { formulaNotes, type Note, type Row } from './row.js';

/** What the row means, to compare with what the import's parser reads back. */
export interface Intended {
  user: ExportUser;
  managerEmail: string;
  locationId: string | null;
  divisionId: string | null;
  /** `roleId|divisionId` of each grant written. */
  grants: string[];
  queueIds: string[];
  /** `skillId|proficiency` of each skill written. */
  skills: string[];
}

/** Adds a note on one column of the row being built. */
type Noter = (column: PeopleColumn | null, severity: Severity, code: string, message: string) => void;

/** A column's cell and the ids it stands for. */
interface Cell<T> {
  text: string;
  value: T;
}

export function personRow(user: ExportUser, org: Org): { row: Row<PeopleColumn>; intended: Intended } {
  const notes: Note[] = [];
  const note: Noter = (column, severity, code, message) => notes.push({ column, severity, code, message });
  const managerEmail = managerCell(user, org, note);
  const location = locationCell(user, org, note);
  const division = divisionCell(user, org, note);
  const roles = rolesCell(user, org, note);
  const queues = queuesCell(user, org, note);
  const skills = skillsCell(user, org, note);
  const cells: Record<PeopleColumn, string> = {
    name: user.name,
    email: user.email,
    phone_work: user.phoneWork,
    extension: user.extension,
    title: user.title,
    department: user.department,
    email_manager: managerEmail,
    location_work: location.text,
    roles_divisions: roles.text,
    queues: queues.text,
    division: division.text,
    skills: skills.text,
    hire_date: isCalendarDate(user.hireDate) ? user.hireDate : '',
  };
  plainCellNotes(user, cells, note);
  notes.push(...formulaNotes(cells, user.email, 'phone_work'));
  return {
    row: { cells, notes },
    intended: {
      user,
      managerEmail,
      locationId: location.value,
      divisionId: division.value,
      grants: roles.value,
      queueIds: queues.value,
      skills: skills.value,
    },
  };
}

/** The manager's email; blank (the manager left as it is) when the manager cannot be named. */
function managerCell(user: ExportUser, org: Org, note: Noter): string {
  if (user.managerId === null) return '';
  const manager = org.usersById.get(user.managerId);
  const leftBlank = 'the cell is left blank, so a re-import leaves the manager as it is.';
  if (!manager) {
    note(
      'email_manager',
      'warning',
      'manager-not-found',
      `The manager of ${user.email} (user ${user.managerId}) was not found; ${leftBlank}`,
    );
    return '';
  }
  if (manager.state === 'deleted') {
    note(
      'email_manager',
      'warning',
      'manager-deleted',
      `The manager of ${user.email}, ${manager.email}, is a deleted user, which the import cannot name; ${leftBlank}`,
    );
    return '';
  }
  return manager.email;
}

/** location_work holds one location, by a name that reads back. */
function locationCell(user: ExportUser, org: Org, note: Noter): Cell<string | null> {
  const who = user.email;
  if (user.locationIds.length > 1) {
    const names = user.locationIds.map((id) => quote(org.items.locations.get(id)?.name ?? id)).join(', ');
    note(
      'location_work',
      'warning',
      'several-locations',
      `${who} has ${user.locationIds.length} locations (${names}) and location_work holds one; the cell is left blank, so a re-import leaves them as they are.`,
    );
    return { text: '', value: null };
  }
  const id = user.locationIds[0];
  if (id === undefined) return { text: '', value: null };
  const name = readsBack(org.locations, org.items.locations, id);
  if (name !== undefined) return { text: name, value: id };
  const item = org.items.locations.get(id);
  note(
    'location_work',
    'warning',
    item ? 'name-not-exportable' : 'unknown-location',
    item
      ? `Location ${quote(item.name)} of ${who} is left out: ${whyNot(item.name, 'location', org.locations, '')}. A re-import leaves the location as it is.`
      : `Location ${id} of ${who} is not in the org's location list; the cell is left blank, so a re-import leaves it as it is.`,
  );
  return { text: '', value: null };
}

function divisionCell(user: ExportUser, org: Org, note: Noter): Cell<string | null> {
  const name = readsBack(org.divisions, org.items.divisions, user.divisionId);
  if (name !== undefined) return { text: name, value: user.divisionId };
  const item = org.items.divisions.get(user.divisionId);
  note(
    'division',
    'warning',
    'name-not-exportable',
    `The division of ${user.email} (${item ? quote(item.name) : user.divisionId}) is left out: ${item ? whyNot(item.name, 'division', org.divisions, '') : 'it is not in the org'}. A re-import leaves the division as it is.`,
  );
  return { text: '', value: null };
}

/** One `role:[d1, d2]` pair per role. A grant the cell cannot carry is left out (grants are only added). */
function rolesCell(user: ExportUser, org: Org, note: Noter): Cell<string[]> {
  const divisionsByRole = new Map<string, string[]>();
  const grants: string[] = [];
  for (const grant of user.grants) {
    const names = grantNames(grant, org);
    if ('reason' in names) {
      const role = org.items.roles.get(grant.roleId);
      const target = org.items.divisions.get(grant.divisionId);
      const shownRole = role ? quote(role.name) : `role ${grant.roleId}`;
      const shownDivision = target ? quote(target.name) : `division ${grant.divisionId}`;
      note(
        'roles_divisions',
        'warning',
        'name-not-exportable',
        `Grant ${shownRole} in ${shownDivision} of ${user.email} is left out: ${names.reason}. A re-import leaves it as it is.`,
      );
      continue;
    }
    const list = divisionsByRole.get(names.role) ?? [];
    if (!list.includes(names.division)) list.push(names.division);
    divisionsByRole.set(names.role, list);
    grants.push(`${grant.roleId}|${grant.divisionId}`);
  }
  const text = [...divisionsByRole]
    .sort(([a], [b]) => byFoldedName(a, b))
    .map(([role, divisions]) => `${role}:[${divisions.sort(byFoldedName).join(', ')}]`)
    .join(', ');
  return { text, value: grants };
}

/** The names a grant is written with, when `role:[division]` reads back as this very grant; else why not. */
function grantNames(
  grant: { roleId: string; divisionId: string },
  org: Org,
): { role: string; division: string } | { reason: string } {
  const role = org.items.roles.get(grant.roleId);
  const target = org.items.divisions.get(grant.divisionId);
  if (!role) return { reason: 'the role is not in the org' };
  if (!target)
    return { reason: 'the division is not in the org (a grant on all divisions cannot be written)' };
  const roleName = readsBack(org.roles, org.items.roles, role.id);
  const targetName = readsBack(org.divisions, org.items.divisions, target.id);
  const parsed = roleName && targetName ? parseRoles(`${roleName}:[${targetName}]`) : undefined;
  const back = parsed && 'value' in parsed && parsed.value.length === 1 ? parsed.value[0] : undefined;
  const roleBack =
    roleName !== undefined && back !== undefined && org.roles.find(back.role)?.id === grant.roleId;
  if (!roleBack) return { reason: `the role ${whyNot(role.name, 'role', org.roles, ',[]')}` };
  if (
    targetName === undefined ||
    back?.divisions.length !== 1 ||
    org.divisions.find(back.divisions[0] ?? '')?.id !== grant.divisionId
  )
    return { reason: `the division ${whyNot(target.name, 'division', org.divisions, ',[]')}` };
  return { role: roleName, division: targetName };
}

function queuesCell(user: ExportUser, org: Org, note: Noter): Cell<string[]> {
  const names: string[] = [];
  const ids: string[] = [];
  for (const id of user.queueIds) {
    const name = readsBack(org.queues, org.items.queues, id);
    const parsed = name === undefined ? undefined : parseQueues(name);
    if (name === undefined || !parsed || !('value' in parsed) || parsed.value.length !== 1) {
      const item = org.items.queues.get(id);
      note(
        'queues',
        'warning',
        'name-not-exportable',
        `Queue ${item ? quote(item.name) : id} of ${user.email} is left out: ${item ? whyNot(item.name, 'queue', org.queues, ',') : 'it is not in the org'}. A re-import leaves the membership as it is.`,
      );
      continue;
    }
    names.push(name);
    ids.push(id);
  }
  return { text: names.sort(byFoldedName).join(', '), value: ids };
}

function skillsCell(user: ExportUser, org: Org, note: Noter): Cell<string[]> {
  const cells: string[] = [];
  const keys: string[] = [];
  for (const skill of user.skills) {
    const name = readsBack(org.skills, org.items.skills, skill.skillId);
    const text = `${name ?? ''}:${skill.proficiency}`;
    const parsed = name === undefined ? undefined : parseSkills(text);
    const back = parsed && 'value' in parsed && parsed.value.length === 1 ? parsed.value[0] : undefined;
    if (
      !back ||
      back.proficiency !== skill.proficiency ||
      org.skills.find(back.skill)?.id !== skill.skillId
    ) {
      const item = org.items.skills.get(skill.skillId);
      const reason = !item
        ? 'it is not in the org'
        : name !== undefined && !back
          ? `its proficiency ${skill.proficiency} is not a number from 0 to 5`
          : whyNot(item.name, 'skill', org.skills, ',');
      note(
        'skills',
        'warning',
        'name-not-exportable',
        `Skill ${item ? quote(item.name) : skill.skillId} of ${user.email} is left out: ${reason}. A re-import leaves it as it is.`,
      );
      continue;
    }
    cells.push(text);
    keys.push(`${skill.skillId}|${skill.proficiency}`);
  }
  return { text: cells.sort(byFoldedName).join(', '), value: keys };
}

/** A hire date the column cannot hold, and text cells the import would trim. */
function plainCellNotes(user: ExportUser, cells: Record<PeopleColumn, string>, note: Noter): void {
  const who = user.email;
  if (user.hireDate !== '' && cells.hire_date === '') {
    note(
      'hire_date',
      'warning',
      'hire-date-not-exportable',
      `The hire date ${quote(user.hireDate)} of ${who} is not a date written YYYY-MM-DD; the cell is left blank (gc-onboard never changes hire dates).`,
    );
  }
  for (const column of ['name', 'title', 'department', 'phone_work', 'extension'] as const) {
    const value = cells[column];
    if (value === value.trim()) continue;
    note(
      column,
      'warning',
      'trimmed-on-import',
      `${column} ${quote(value)} of ${who} starts or ends with spaces, which the import trims: a re-import would change it to ${quote(value.trim())}.`,
    );
  }
}

const samePhone = (a: string, b: string) => a.replace(/\D/g, '') === b.replace(/\D/g, '');

/** Columns whose parsed value would not plan as unchanged against the user. */
export function personDifferences(row: PersonRow, intended: Intended, org: Org): Note[] {
  const { user } = intended;
  const notes: Note[] = [];
  const differs = (column: PeopleColumn, wrote: string, read: string) =>
    notes.push({
      column,
      severity: 'warning',
      code: 'changes-on-reimport',
      message: `${column} of ${user.email} reads back as ${quote(read)}, not ${quote(wrote)}: a re-import would show a change.`,
    });
  if (row.name !== user.name) differs('name', user.name, row.name);
  if ((row.title ?? '') !== user.title) differs('title', user.title, row.title ?? '');
  if ((row.department ?? '') !== user.department)
    differs('department', user.department, row.department ?? '');
  if (!samePhone(row.phoneWork ?? '', user.phoneWork))
    differs('phone_work', user.phoneWork, row.phoneWork ?? '');
  if ((row.extension ?? '') !== user.extension) differs('extension', user.extension, row.extension ?? '');
  if ((row.managerEmail ?? '').toLowerCase() !== intended.managerEmail.toLowerCase())
    differs('email_manager', intended.managerEmail, row.managerEmail ?? '');
  const nameOf = (items: Map<string, Named>, id: string | null) =>
    id === null ? '' : (items.get(id)?.name ?? id);
  const locationId =
    row.location === undefined ? null : (org.locations.find(row.location)?.id ?? row.location);
  if (locationId !== intended.locationId)
    differs('location_work', nameOf(org.items.locations, intended.locationId), row.location ?? '');
  const divisionId =
    row.division === undefined ? null : (org.divisions.find(row.division)?.id ?? row.division);
  if (divisionId !== intended.divisionId)
    differs('division', nameOf(org.items.divisions, intended.divisionId), row.division ?? '');
  const grants = row.roles.flatMap((grant) =>
    grant.divisions.map(
      (name) => `${org.roles.find(grant.role)?.id ?? grant.role}|${org.divisions.find(name)?.id ?? name}`,
    ),
  );
  // Ids as names again, for the message: `role|division` → `role:[division]`, `skill|level` → `skill:level`.
  const shown = (keys: readonly string[], first: Map<string, Named>, second?: Map<string, Named>) =>
    keys
      .map((key) => {
        const [a = '', b = ''] = key.split('|');
        return second
          ? `${nameOf(first, a)}:[${nameOf(second, b)}]`
          : b
            ? `${nameOf(first, a)}:${b}`
            : nameOf(first, a);
      })
      .join(', ');
  if (!sameSet(grants, intended.grants)) {
    const { roles, divisions } = org.items;
    differs('roles_divisions', shown(intended.grants, roles, divisions), shown(grants, roles, divisions));
  }
  const queueIds = row.queues.map((name) => org.queues.find(name)?.id ?? name);
  if (!sameSet(queueIds, intended.queueIds))
    differs('queues', shown(intended.queueIds, org.items.queues), shown(queueIds, org.items.queues));
  const skills = row.skills.map(
    (skill) => `${org.skills.find(skill.skill)?.id ?? skill.skill}|${skill.proficiency}`,
  );
  if (!sameSet(skills, intended.skills))
    differs('skills', shown(intended.skills, org.items.skills), shown(skills, org.items.skills));
  return notes;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((item) => left.has(item));
}
