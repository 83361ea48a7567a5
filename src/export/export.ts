// The org as people.csv and phones.csv, in exactly the templates validate and plan read, so that
// planning the export against the same org gives all `unchanged`. Pure.
//
// Every value is written as the org holds it. What a re-import would not read back as the same value
// is reported as a finding at its file, line and column: a cell a spreadsheet would run as a formula
// (written as is: the row then fails validate until someone changes it), a name the list columns
// cannot hold (left out: roles, queues and skills are only ever added, so leaving one out changes
// nothing), a manager, location or phone the file cannot express (left blank or out, which leaves it
// as it is). The text is then read back with the import's own parser as a final check.

import { checkFormula, isCalendarDate, parseQueues, parseRoles, parseSkills } from '../csv/cells.js';
import { DEFAULT_BATCH_CONFIG } from '../csv/batch-config.js';
import { quote } from '../csv/findings.js';
import { parsePeople, PEOPLE_COLUMNS, type PeopleColumn } from '../csv/people.js';
import { parsePhones, PHONE_COLUMNS, type PhoneColumn } from '../csv/phones.js';
import type { Finding, PersonRow, Severity } from '../csv/types.js';
import type { ExportData, ExportUser } from '../genesys/export-read.js';
import { nameLookup, type NameLookup } from '../plan/lookup.js';
import type { Named, SnapshotBaseSettings, SnapshotPhone } from '../plan/snapshot.js';
import { matchesFilter, resolveFilter, type ExportFilter } from './filter.js';

export type { ExportFilter } from './filter.js';

export interface ExportFiles {
  /** As findings name them; default `people.csv` and `phones.csv`. */
  people: string;
  phones: string;
}

export interface ExportCsv {
  /** UTF-8 text with a byte-order mark (so Excel shows accents), LF line ends. */
  peopleCsv: string;
  /** The header alone when nobody exported has a WebRTC phone (`phones` is 0). */
  phonesCsv: string;
  /** Rows written. */
  people: number;
  phones: number;
  findings: Finding[];
}

/** Excel reads a CSV as UTF-8 only when it starts with this; validate strips it. */
const BOM = '\uFEFF';

interface Note {
  column: string | null;
  severity: Severity;
  code: string;
  message: string;
}

interface Row<C extends string> {
  cells: Record<C, string>;
  notes: Note[];
}

/** What the row means, to compare with what the import's parser reads back. */
interface Intended {
  user: ExportUser;
  managerEmail: string;
  locationId: string | null;
  divisionId: string | null;
  grants: string[];
  queueIds: string[];
  skills: string[];
}

interface Org {
  divisions: NameLookup<Named>;
  roles: NameLookup<Named>;
  queues: NameLookup<Named>;
  skills: NameLookup<Named>;
  locations: NameLookup<Named>;
  sites: NameLookup<Named>;
  baseSettings: NameLookup<Named>;
  items: {
    divisions: Map<string, Named>;
    roles: Map<string, Named>;
    queues: Map<string, Named>;
    skills: Map<string, Named>;
    locations: Map<string, Named>;
    sites: Map<string, Named>;
    baseSettings: Map<string, SnapshotBaseSettings>;
  };
  usersById: Map<string, ExportUser>;
  /** Every phone whose WebRTC user is this user. */
  phonesByUser: Map<string, SnapshotPhone[]>;
}

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

function indexData(data: ExportData): Org {
  const phonesByUser = new Map<string, SnapshotPhone[]>();
  for (const phone of data.phones) {
    if (!phone.webRtcUserId) continue;
    const list = phonesByUser.get(phone.webRtcUserId) ?? [];
    list.push(phone);
    phonesByUser.set(phone.webRtcUserId, list);
  }
  return {
    divisions: nameLookup(data.divisions),
    roles: nameLookup(data.roles),
    queues: nameLookup(data.queues),
    skills: nameLookup(data.skills),
    locations: nameLookup(data.locations),
    sites: nameLookup(data.sites),
    baseSettings: nameLookup(data.phoneBaseSettings),
    items: {
      divisions: byId(data.divisions),
      roles: byId(data.roles),
      queues: byId(data.queues),
      skills: byId(data.skills),
      locations: byId(data.locations),
      sites: byId(data.sites),
      baseSettings: byId(data.phoneBaseSettings),
    },
    usersById: byId(data.users),
    phonesByUser,
  };
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Names in a cell read like a list a person would write: ignoring case first, then code points. */
const byFoldedName = (a: string, b: string) => byName(a.toLowerCase(), b.toLowerCase()) || byName(a, b);

/**
 * Why a name does not come back as the same object through a list cell: the separators the import
 * splits on, surrounding spaces it trims, or another object it would pick instead.
 */
function whyNot(name: string, kind: string, lookup: NameLookup<Named>, separators: string): string {
  if (name.trim() === '') return `the ${kind} has no name`;
  const found = [...separators].filter((char) => name.includes(char));
  if (found.length > 0) {
    const shown = found.map((char) => `"${char}"`).join(' and ');
    return `its name holds ${shown}, which this column uses between items`;
  }
  if (lookup.find(name.trim()) === undefined) return `another ${kind} has the same name apart from case`;
  return `the import would read it as another ${kind} of the same name`;
}

/** The name of an object, if the import reads it back (trimmed, looked up) as this very object. */
function readsBack(lookup: NameLookup<Named>, items: Map<string, Named>, id: string): string | undefined {
  const item = items.get(id);
  if (!item) return undefined;
  return lookup.find(item.name.trim())?.id === id ? item.name : undefined;
}

function personRow(user: ExportUser, org: Org): { row: Row<PeopleColumn>; intended: Intended } {
  const notes: Note[] = [];
  const note = (column: PeopleColumn | null, severity: Severity, code: string, message: string) =>
    notes.push({ column, severity, code, message });
  const who = user.email;

  let managerEmail = '';
  if (user.managerId !== null) {
    const manager = org.usersById.get(user.managerId);
    if (!manager) {
      note(
        'email_manager',
        'warning',
        'manager-not-found',
        `The manager of ${who} (user ${user.managerId}) was not found; the cell is left blank, so a re-import leaves the manager as it is.`,
      );
    } else if (manager.state === 'deleted') {
      note(
        'email_manager',
        'warning',
        'manager-deleted',
        `The manager of ${who}, ${manager.email}, is a deleted user, which the import cannot name; the cell is left blank, so a re-import leaves the manager as it is.`,
      );
    } else managerEmail = manager.email;
  }

  let locationId: string | null = null;
  let location = '';
  if (user.locationIds.length > 1) {
    const names = user.locationIds.map((id) => quote(org.items.locations.get(id)?.name ?? id)).join(', ');
    note(
      'location_work',
      'warning',
      'several-locations',
      `${who} has ${user.locationIds.length} locations (${names}) and location_work holds one; the cell is left blank, so a re-import leaves them as they are.`,
    );
  } else if (user.locationIds.length === 1) {
    const id = user.locationIds[0] ?? '';
    const name = readsBack(org.locations, org.items.locations, id);
    if (name === undefined) {
      const item = org.items.locations.get(id);
      note(
        'location_work',
        'warning',
        item ? 'name-not-exportable' : 'unknown-location',
        item
          ? `Location ${quote(item.name)} of ${who} is left out: ${whyNot(item.name, 'location', org.locations, '')}. A re-import leaves the location as it is.`
          : `Location ${id} of ${who} is not in the org's location list; the cell is left blank, so a re-import leaves it as it is.`,
      );
    } else {
      location = name;
      locationId = id;
    }
  }

  let division = '';
  let divisionId: string | null = null;
  const divisionName = readsBack(org.divisions, org.items.divisions, user.divisionId);
  if (divisionName === undefined) {
    const item = org.items.divisions.get(user.divisionId);
    note(
      'division',
      'warning',
      'name-not-exportable',
      `The division of ${who} (${item ? quote(item.name) : user.divisionId}) is left out: ${item ? whyNot(item.name, 'division', org.divisions, '') : 'it is not in the org'}. A re-import leaves the division as it is.`,
    );
  } else {
    division = divisionName;
    divisionId = user.divisionId;
  }

  // Roles: one `role:[d1, d2]` pair per role. A grant the cell cannot carry is left out (grants are only added).
  const divisionsByRole = new Map<string, string[]>();
  const grants: string[] = [];
  for (const grant of user.grants) {
    const role = org.items.roles.get(grant.roleId);
    const target = org.items.divisions.get(grant.divisionId);
    const roleName = role ? readsBack(org.roles, org.items.roles, role.id) : undefined;
    const targetName = target ? readsBack(org.divisions, org.items.divisions, target.id) : undefined;
    const parsed = roleName && targetName ? parseRoles(`${roleName}:[${targetName}]`) : undefined;
    const back = parsed && 'value' in parsed && parsed.value.length === 1 ? parsed.value[0] : undefined;
    if (
      roleName === undefined ||
      targetName === undefined ||
      back?.divisions.length !== 1 ||
      org.roles.find(back.role)?.id !== grant.roleId ||
      org.divisions.find(back.divisions[0] ?? '')?.id !== grant.divisionId
    ) {
      const shownRole = role ? quote(role.name) : `role ${grant.roleId}`;
      const shownDivision = target ? quote(target.name) : `division ${grant.divisionId}`;
      const reason = !role
        ? 'the role is not in the org'
        : !target
          ? 'the division is not in the org (a grant on all divisions cannot be written)'
          : roleName === undefined || back === undefined || org.roles.find(back.role)?.id !== grant.roleId
            ? `the role ${whyNot(role.name, 'role', org.roles, ',[]')}`
            : `the division ${whyNot(target.name, 'division', org.divisions, ',[]')}`;
      note(
        'roles_divisions',
        'warning',
        'name-not-exportable',
        `Grant ${shownRole} in ${shownDivision} of ${who} is left out: ${reason}. A re-import leaves it as it is.`,
      );
      continue;
    }
    const list = divisionsByRole.get(roleName) ?? [];
    if (!list.includes(targetName)) list.push(targetName);
    divisionsByRole.set(roleName, list);
    grants.push(`${grant.roleId}|${grant.divisionId}`);
  }
  const roles = [...divisionsByRole]
    .sort(([a], [b]) => byFoldedName(a, b))
    .map(([role, divisions]) => `${role}:[${divisions.sort(byFoldedName).join(', ')}]`)
    .join(', ');

  const queueNames: string[] = [];
  const queueIds: string[] = [];
  for (const id of user.queueIds) {
    const name = readsBack(org.queues, org.items.queues, id);
    const parsed = name === undefined ? undefined : parseQueues(name);
    if (name === undefined || !parsed || !('value' in parsed) || parsed.value.length !== 1) {
      const item = org.items.queues.get(id);
      note(
        'queues',
        'warning',
        'name-not-exportable',
        `Queue ${item ? quote(item.name) : id} of ${who} is left out: ${item ? whyNot(item.name, 'queue', org.queues, ',') : 'it is not in the org'}. A re-import leaves the membership as it is.`,
      );
      continue;
    }
    queueNames.push(name);
    queueIds.push(id);
  }

  const skillCells: string[] = [];
  const skills: string[] = [];
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
        `Skill ${item ? quote(item.name) : skill.skillId} of ${who} is left out: ${reason}. A re-import leaves it as it is.`,
      );
      continue;
    }
    skillCells.push(text);
    skills.push(`${skill.skillId}|${skill.proficiency}`);
  }

  const cells: Record<PeopleColumn, string> = {
    name: user.name,
    email: user.email,
    phone_work: user.phoneWork,
    extension: user.extension,
    title: user.title,
    department: user.department,
    email_manager: managerEmail,
    location_work: location,
    roles_divisions: roles,
    queues: [...queueNames].sort(byFoldedName).join(', '),
    division,
    skills: skillCells.sort(byFoldedName).join(', '),
    hire_date: isCalendarDate(user.hireDate) ? user.hireDate : '',
  };
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
  notes.push(...formulaNotes(cells, who, 'phone_work'));

  return {
    row: { cells, notes },
    intended: { user, managerEmail, locationId, divisionId, grants, queueIds, skills },
  };
}

/** A cell a spreadsheet would run is written as it is and reported (validate refuses it too). */
function formulaNotes<C extends string>(cells: Record<C, string>, who: string, phoneColumn?: C): Note[] {
  const notes: Note[] = [];
  for (const [column, value] of Object.entries(cells) as [C, string][]) {
    const issue = value === '' ? undefined : checkFormula(value, column === phoneColumn);
    if (!issue) continue;
    notes.push({
      column,
      severity: 'error',
      code: 'formula-cell',
      message: `${column} ${quote(value)} of ${who} starts with "${value[0] ?? ''}", so a spreadsheet would run it as a formula. It is written as Genesys Cloud holds it; validate refuses this row until the value is changed (in Genesys Cloud, or in the file).`,
    });
  }
  return notes;
}

/** The phones.csv row of a user's WebRTC phone, or a note on why it cannot be one. */
function phoneRow(user: ExportUser, org: Org): Row<PhoneColumn> | Note | undefined {
  const phones = org.phonesByUser.get(user.id) ?? [];
  const phone = phones[0];
  if (!phone) return undefined;
  const who = user.email;
  const skip = (code: string, message: string): Note => ({
    column: null,
    severity: 'warning',
    code,
    message,
  });
  if (phones.length > 1) {
    const names = phones.map((p) => quote(p.name)).join(', ');
    return skip(
      'several-phones',
      `${who} has ${phones.length} WebRTC phones (${names}) and the import gives a person one; none is written.`,
    );
  }
  const base = org.items.baseSettings.get(phone.baseSettingsId);
  if (!base?.webRtc) {
    return skip(
      'phone-not-webrtc',
      `Phone ${quote(phone.name)} of ${who} is not made from WebRTC base settings; it is not written.`,
    );
  }
  if (phone.stationId === null || phone.stationId !== user.defaultStationId) {
    return skip(
      'phone-not-default',
      `WebRTC phone ${quote(phone.name)} of ${who} is not their default phone; it is not written, because importing it would make it the default. Add the row to do that.`,
    );
  }
  const site = readsBack(org.sites, org.items.sites, phone.siteId);
  const baseName = readsBack(org.baseSettings, org.items.baseSettings, phone.baseSettingsId);
  if (site === undefined || baseName === undefined) {
    const [kind, name] =
      site === undefined
        ? (['site', org.items.sites.get(phone.siteId)?.name] as const)
        : (['base settings', base.name] as const);
    return skip(
      'name-not-exportable',
      `WebRTC phone ${quote(phone.name)} of ${who} is not written: its ${kind} ${name === undefined ? 'is not in the org' : `${quote(name)} does not read back (another ${kind} has the same name)`}.`,
    );
  }
  const cells: Record<PhoneColumn, string> = {
    phone_name: phone.name,
    base_settings: baseName,
    site,
    email: user.email,
  };
  return { cells, notes: formulaNotes(cells, who) };
}

/** A cell as CSV: in double quotes (inner quotes doubled) when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Line breaks (LF, CRLF or a lone CR) in a value: a quoted record spans that many more lines. */
function lineBreaks(value: string): number {
  return (value.match(/\r\n|\r|\n/g) ?? []).length;
}

/** The CSV text and the physical line each row starts on (the header is line 1). */
function writeCsv<C extends string>(
  columns: readonly C[],
  rows: readonly Row<C>[],
): { text: string; lines: number[] } {
  const out = [columns.join(',')];
  const lines: number[] = [];
  let line = 2;
  for (const row of rows) {
    const values = columns.map((column) => row.cells[column]);
    lines.push(line);
    line += 1 + values.reduce((sum, value) => sum + lineBreaks(value), 0);
    out.push(values.map(csvCell).join(','));
  }
  return { text: `${BOM}${out.join('\n')}\n`, lines };
}

/** The export's findings, then the parser's own findings and any value it reads back differently. */
function collectFindings<C extends string>(
  file: string,
  rows: readonly Row<C>[],
  lines: readonly number[],
  parsed: { findings: Finding[] },
  differences: (line: number) => Note[],
): Finding[] {
  const findings: Finding[] = [];
  const covered = new Set<string>();
  const place = (line: number, column: string | null) => `${line}|${column ?? ''}`;
  rows.forEach((row, index) => {
    const line = lines[index] ?? 0;
    for (const note of row.notes) {
      findings.push({ ...note, file, line });
      covered.add(place(line, note.column));
    }
  });
  for (const finding of parsed.findings) {
    if (covered.has(place(finding.line, finding.column))) continue;
    findings.push({ ...finding, file });
    covered.add(place(finding.line, finding.column));
  }
  for (const line of lines) {
    for (const note of differences(line)) {
      if (covered.has(place(line, note.column))) continue;
      findings.push({ ...note, file, line });
      covered.add(place(line, note.column));
    }
  }
  return findings;
}

const samePhone = (a: string, b: string) => a.replace(/\D/g, '') === b.replace(/\D/g, '');

/** Columns whose parsed value would not plan as unchanged against the user. */
function personDifferences(row: PersonRow, intended: Intended, org: Org): Note[] {
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

/**
 * people.csv and phones.csv for the active users the filter selects, sorted by email. Throws
 * ExportFilterError for a division the org does not have.
 */
export function exportCsv(
  data: ExportData,
  filter: ExportFilter = {},
  files: ExportFiles = { people: 'people.csv', phones: 'phones.csv' },
): ExportCsv {
  const resolved = resolveFilter(filter, data.divisions);
  const org = indexData(data);
  const users = data.users
    .filter((user) => user.state === 'active' && matchesFilter(user, resolved))
    .sort((a, b) => byFoldedName(a.email, b.email));

  const people = users.map((user) => personRow(user, org));
  const peopleRows = people.map((person) => person.row);
  const peopleText = writeCsv(PEOPLE_COLUMNS, peopleRows);

  const phoneRows: Row<PhoneColumn>[] = [];
  const phoneNotes: { line: number; note: Note }[] = [];
  people.forEach((person, index) => {
    const result = phoneRow(person.intended.user, org);
    if (result === undefined) return;
    if ('cells' in result) phoneRows.push(result);
    else phoneNotes.push({ line: peopleText.lines[index] ?? 0, note: result });
  });
  const phonesText = writeCsv(PHONE_COLUMNS, phoneRows);

  // Read both files back exactly as validate does.
  const parsedPeople = parsePeople(peopleText.text, files.people, 'export');
  const byEmail = new Map(parsedPeople.rows.map((row) => [row.emailKey, row]));
  const intendedByLine = new Map(
    people.map((person, index) => [peopleText.lines[index] ?? 0, person.intended]),
  );
  // No phones: phones.csv is not written, so its "no rows" warning would be noise.
  const parsedPhones =
    phoneRows.length === 0
      ? { rows: [], findings: [] }
      : parsePhones(phonesText.text, files.phones, 'export', DEFAULT_BATCH_CONFIG, byEmail);
  const phonesByLine = new Map(parsedPhones.rows.map((row) => [row.line, row]));

  const findings = [
    ...collectFindings(files.people, peopleRows, peopleText.lines, parsedPeople, (line) => {
      const intended = intendedByLine.get(line);
      const row = intended ? byEmail.get(intended.user.email.toLowerCase()) : undefined;
      return intended && row && row.line === line ? personDifferences(row, intended, org) : [];
    }),
    // A phone that cannot be written is reported at its person's people.csv line.
    ...phoneNotes.map(({ line, note }) => ({ ...note, file: files.people, line })),
    ...collectFindings(files.phones, phoneRows, phonesText.lines, parsedPhones, (line) => {
      const row = phonesByLine.get(line);
      const index = phonesText.lines.indexOf(line);
      const wrote = phoneRows[index];
      if (!row || !wrote) return [];
      const same =
        row.name.trim().toLowerCase() === wrote.cells.phone_name.trim().toLowerCase() &&
        org.sites.find(row.site)?.id === org.sites.find(wrote.cells.site)?.id &&
        org.baseSettings.find(row.baseSettings)?.id === org.baseSettings.find(wrote.cells.base_settings)?.id;
      return same
        ? []
        : [
            {
              column: 'phone_name',
              severity: 'warning',
              code: 'changes-on-reimport',
              message: `The phone of ${wrote.cells.email} does not read back as the same phone: a re-import would show a change.`,
            },
          ];
    }),
  ].sort(
    (a, b) =>
      byName(a.file, b.file) ||
      a.line - b.line ||
      byName(a.column ?? '', b.column ?? '') ||
      byName(a.code, b.code),
  );

  return {
    peopleCsv: peopleText.text,
    phonesCsv: phonesText.text,
    people: peopleRows.length,
    phones: phoneRows.length,
    findings,
  };
}
