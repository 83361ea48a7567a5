import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parsePeople, PEOPLE_COLUMNS } from '../../src/csv/people.js';
import { PHONE_COLUMNS } from '../../src/csv/phones.js';
import { csvCell, exportCsv } from '../../src/export/export.js';
import { ExportFilterError } from '../../src/export/filter.js';
import { ConfigError } from '../../src/genesys/connection.js';
import { expectedExportCalls } from '../../src/genesys/export-read.js';
import { data, ids, user } from './fixtures.js';

/** Records of a CSV text as arrays of cells (header first). */
const records = (text: string): string[][] => parse(text, { bom: true });
const codes = (findings: { line: number; column: string | null; code: string }[]) =>
  findings.map((f) => `${f.line}:${f.column ?? '-'}:${f.code}`);

const maria = user({
  id: 'u-maria',
  name: 'Maria Gonzalez',
  email: 'maria.gonzalez@northfield.edu',
  title: 'Director',
  department: 'Student Services',
});

describe('exportCsv: the templates', () => {
  const aisha = user({
    id: 'u-aisha',
    name: 'Aisha Rahman',
    email: 'Aisha.Rahman@northfield.edu',
    phoneWork: '+12155550101',
    extension: '4101',
    title: 'Advisor',
    department: 'Student Services',
    managerId: maria.id,
    locationIds: [ids.welcome],
    grants: [
      { roleId: ids.supervisor, divisionId: ids.services },
      { roleId: ids.employee, divisionId: ids.services },
      { roleId: ids.supervisor, divisionId: ids.admissions },
    ],
    queueIds: [ids.general, ids.aid],
    skills: [
      { skillId: ids.french, proficiency: 4.5 },
      { skillId: ids.english, proficiency: 5 },
    ],
    hireDate: '2024-09-01',
  });
  const result = exportCsv(data([maria, aisha]));

  it('writes the people.csv header in template order, a BOM, LF line ends and one row per person sorted by email', () => {
    expect(result.peopleCsv.startsWith(`\uFEFF${PEOPLE_COLUMNS.join(',')}\n`)).toBe(true);
    expect(result.peopleCsv).not.toContain('\r');
    const rows = records(result.peopleCsv);
    expect(rows[0]).toEqual([...PEOPLE_COLUMNS]);
    expect(rows.slice(1).map((row) => row[1])).toEqual([
      'Aisha.Rahman@northfield.edu',
      'maria.gonzalez@northfield.edu',
    ]);
    expect(result.people).toBe(2);
    expect(result.findings).toEqual([]);
  });

  it('fills every column: roles grouped by role, queues, skills with proficiency, manager email, location and division names', () => {
    const row = records(result.peopleCsv)[1] ?? [];
    expect(Object.fromEntries(PEOPLE_COLUMNS.map((column, i) => [column, row[i]]))).toEqual({
      name: 'Aisha Rahman',
      email: 'Aisha.Rahman@northfield.edu',
      phone_work: '+12155550101',
      extension: '4101',
      title: 'Advisor',
      department: 'Student Services',
      email_manager: 'maria.gonzalez@northfield.edu',
      location_work: 'Welcome Center',
      roles_divisions: 'employee:[Student Services], PureCloud Supervisor:[Admissions, Student Services]',
      queues: 'Financial Aid, General',
      division: 'Student Services',
      skills: 'English:5, French:4.5',
      hire_date: '2024-09-01',
    });
  });

  it('leaves optional cells blank for a person who has nothing in them', () => {
    expect(records(result.peopleCsv)[2]).toEqual([
      'Maria Gonzalez',
      'maria.gonzalez@northfield.edu',
      '',
      '',
      'Director',
      'Student Services',
      '',
      '',
      '',
      '',
      'Student Services',
      '',
      '',
    ]);
  });

  it('writes phones.csv as the header alone when nobody has a WebRTC phone', () => {
    expect(result.phones).toBe(0);
    expect(result.phonesCsv).toBe(`\uFEFF${PHONE_COLUMNS.join(',')}\n`);
  });
});

describe('exportCsv: CSV quoting', () => {
  it('quotes commas, quotes and line breaks only, keeps non-ASCII, and reads back to the same values', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
    const tricky = user({
      id: 'u-1',
      name: 'O\'Brien, "Danny"',
      email: 'danny@northfield.edu',
      title: 'Advisor\nEvening shift',
      department: 'Études supérieures',
    });
    const cjk = user({
      id: 'u-2',
      name: '李小龍',
      email: 'lee@northfield.edu',
      title: 'Line one\r\nLine two',
    });
    const zoe = user({ id: 'u-3', name: 'Zoë Ångström', email: 'zoe@northfield.edu' });
    const result = exportCsv(data([zoe, cjk, tricky]));
    expect(result.findings).toEqual([]);
    expect(result.peopleCsv).toContain('"O\'Brien, ""Danny""",danny@northfield.edu');
    const { rows, findings } = parsePeople(result.peopleCsv, 'people.csv', 'export');
    expect(findings).toEqual([]);
    // Lines: header 1, danny 2-3 (two-line title), lee 4-5, zoe 6.
    expect(rows.map((row) => [row.line, row.name, row.title, row.department])).toEqual([
      [2, 'O\'Brien, "Danny"', 'Advisor\nEvening shift', 'Études supérieures'],
      [4, '李小龍', 'Line one\r\nLine two', ''],
      [6, 'Zoë Ångström', '', ''],
    ]);
  });
});

describe('exportCsv: values a spreadsheet would run', () => {
  const people = [
    user({ id: 'u-1', name: 'Ann', email: 'ann@northfield.edu', title: 'Advisor\nNights' }),
    user({ id: 'u-2', name: 'Bob', email: 'bob@northfield.edu', title: '=HYPERLINK("http://x","y")' }),
    user({
      id: 'u-3',
      name: '@Carl',
      email: 'carl@northfield.edu',
      department: '-Ops',
      phoneWork: '+1 215 555 0100',
    }),
    user({ id: 'u-4', name: 'Dee', email: 'dee@northfield.edu', phoneWork: '+1' }),
  ];
  const result = exportCsv(data(people));

  it('reports each at its line and column and writes it as it is; a phone number with + is not one', () => {
    expect(codes(result.findings)).toEqual([
      '4:title:formula-cell',
      '5:department:formula-cell',
      '5:name:formula-cell',
      '6:phone_work:formula-cell',
    ]);
    expect(result.findings.every((f) => f.severity === 'error' && f.file === 'people.csv')).toBe(true);
    expect(result.findings[0]?.message).toContain(
      '"=HYPERLINK(\\"http://x\\",\\"y\\")" of bob@northfield.edu starts with "="',
    );
    const rows = records(result.peopleCsv);
    expect(rows[2]?.[4]).toBe('=HYPERLINK("http://x","y")');
    expect(rows[3]?.[0]).toBe('@Carl');
    expect(rows[3]?.[2]).toBe('+1 215 555 0100');
  });

  it('agrees with validate: the same places are refused when the file is read back', () => {
    const { findings } = parsePeople(result.peopleCsv, 'people.csv', 'export');
    expect(codes(findings.filter((f) => f.code === 'formula-cell')).sort()).toEqual(
      codes(result.findings).sort(),
    );
  });
});

describe('exportCsv: what the file cannot hold is left as it is and reported', () => {
  const tom = user({ id: 'u-tom', name: 'Tom', email: 'tom@northfield.edu', state: 'inactive' });
  const sam = user({ id: 'u-sam', name: 'Sam', email: 'sam@northfield.edu', state: 'deleted' });
  const people = [
    user({
      id: 'u-1',
      name: 'Ann',
      email: 'ann@northfield.edu',
      managerId: tom.id,
      divisionId: ids.comma,
      grants: [
        { roleId: ids.employee, divisionId: ids.comma },
        { roleId: ids.employee, divisionId: ids.services },
        { roleId: ids.agent, divisionId: '*' },
      ],
      queueIds: [ids.billing, ids.general],
    }),
    user({
      id: 'u-2',
      name: 'Bob',
      email: 'bob@northfield.edu',
      managerId: sam.id,
      locationIds: [ids.welcome, ids.library],
    }),
    user({
      id: 'u-3',
      name: 'Cy',
      email: 'cy@northfield.edu',
      managerId: 'u-gone',
      title: 'Advisor ',
      hireDate: '2024-13-01',
    }),
    tom,
    sam,
  ];
  const result = exportCsv(data(people));
  const rows = records(result.peopleCsv);

  it('exports active people only', () => {
    expect(rows.slice(1).map((row) => row[1])).toEqual([
      'ann@northfield.edu',
      'bob@northfield.edu',
      'cy@northfield.edu',
    ]);
  });

  it('writes an inactive manager, a division whose name has a comma, and the grants and queues the cells can carry', () => {
    expect(rows[1]?.slice(6, 12)).toEqual([
      'tom@northfield.edu',
      '',
      'employee:[Student Services]',
      'General',
      'Research, Labs',
      '',
    ]);
  });

  it('leaves out grants and queues whose names hold separators, blanks deleted or unknown managers and several locations', () => {
    expect(codes(result.findings)).toEqual([
      '2:queues:name-not-exportable',
      '2:roles_divisions:name-not-exportable',
      '2:roles_divisions:name-not-exportable',
      '3:email_manager:manager-deleted',
      '3:location_work:several-locations',
      '4:email_manager:manager-not-found',
      '4:hire_date:hire-date-not-exportable',
      '4:title:trimmed-on-import',
    ]);
    expect(result.findings.every((f) => f.severity === 'warning')).toBe(true);
    const messages = result.findings.map((f) => f.message);
    expect(messages[0]).toBe(
      'Queue "Billing, East" of ann@northfield.edu is left out: its name holds ",", which this column uses between items. A re-import leaves the membership as it is.',
    );
    expect(messages).toContain(
      'Grant "employee" in "Research, Labs" of ann@northfield.edu is left out: the division its name holds ",", which this column uses between items. A re-import leaves it as it is.',
    );
    expect(messages).toContain(
      'Grant "PureCloud User" in division * of ann@northfield.edu is left out: the division is not in the org (a grant on all divisions cannot be written). A re-import leaves it as it is.',
    );
    expect(rows[2]?.slice(6, 8)).toEqual(['', '']);
    expect(rows[3]?.[6]).toBe('');
  });
});

describe('exportCsv: phones', () => {
  const phone = (id: string, userId: string, overrides = {}) => ({
    id,
    name: `${id} WebRTC`,
    siteId: ids.site,
    baseSettingsId: ids.webrtc,
    webRtcUserId: userId,
    stationId: `st-${id}`,
    ...overrides,
  });
  const people = [
    user({ id: 'u-a', name: 'Ann', email: 'ann@northfield.edu', defaultStationId: 'st-p1' }),
    user({ id: 'u-b', name: 'Bob', email: 'bob@northfield.edu', defaultStationId: null }),
    user({ id: 'u-c', name: 'Cy', email: 'cy@northfield.edu', defaultStationId: 'st-p3' }),
    user({ id: 'u-d', name: 'Dee', email: 'dee@northfield.edu', defaultStationId: 'st-p5' }),
    user({ id: 'u-e', name: 'Eve', email: 'eve@northfield.edu' }),
    user({
      id: 'u-f',
      name: 'Fay',
      email: 'fay@northfield.edu',
      defaultStationId: 'st-p6',
      divisionId: ids.admissions,
    }),
  ];
  const phones = [
    phone('p1', 'u-a'),
    phone('p2', 'u-b'),
    phone('p3', 'u-c'),
    phone('p4', 'u-c'),
    phone('p5', 'u-d', { baseSettingsId: ids.desk }),
    phone('p6', 'u-f', { name: '=p6' }),
  ];
  const result = exportCsv(data(people, { phones }));

  it('writes the default WebRTC phone of each person, sorted by email, with site and base settings names', () => {
    expect(records(result.phonesCsv)).toEqual([
      [...PHONE_COLUMNS],
      ['p1 WebRTC', 'WebRTC Softphone', 'Main Campus', 'ann@northfield.edu'],
      ['=p6', 'WebRTC Softphone', 'Main Campus', 'fay@northfield.edu'],
    ]);
    expect(result.phones).toBe(2);
  });

  it('reports, at the person’s people.csv line, phones a row would change: not default, several, not WebRTC', () => {
    expect(codes(result.findings)).toEqual([
      '3:-:phone-not-default',
      '4:-:several-phones',
      '5:-:phone-not-webrtc',
      '3:phone_name:formula-cell',
    ]);
    expect(result.findings.map((f) => f.file)).toEqual([
      'people.csv',
      'people.csv',
      'people.csv',
      'phones.csv',
    ]);
  });

  it('exports only the phones of the people the filter selects', () => {
    const some = exportCsv(data(people, { phones }), { divisions: ['admissions'] });
    expect(records(some.peopleCsv).map((row) => row[1])).toEqual(['email', 'fay@northfield.edu']);
    expect(records(some.phonesCsv).map((row) => row[3])).toEqual(['email', 'fay@northfield.edu']);
  });
});

describe('exportCsv: filters', () => {
  const people = [
    user({ id: 'u-1', name: 'A', email: 'a@northfield.edu', department: 'IT', divisionId: ids.home }),
    user({
      id: 'u-2',
      name: 'B',
      email: 'b@staff.northfield.edu',
      department: 'it ',
      divisionId: ids.services,
    }),
    user({
      id: 'u-3',
      name: 'C',
      email: 'c@NORTHFIELD.EDU',
      department: 'Sales',
      divisionId: ids.admissions,
    }),
    user({ id: 'u-4', name: 'D', email: 'd@other.org', department: 'IT', divisionId: ids.admissions }),
  ];
  const emails = (filter: Parameters<typeof exportCsv>[1]) =>
    records(exportCsv(data(people), filter).peopleCsv)
      .slice(1)
      .map((row) => row[1]);

  it('selects by any of the divisions, by department and by email domain, all together', () => {
    expect(emails({})).toEqual([
      'a@northfield.edu',
      'b@staff.northfield.edu',
      'c@NORTHFIELD.EDU',
      'd@other.org',
    ]);
    expect(emails({ divisions: ['Admissions', 'home'] })).toEqual([
      'a@northfield.edu',
      'c@NORTHFIELD.EDU',
      'd@other.org',
    ]);
    expect(emails({ department: 'It' })).toEqual([
      'a@northfield.edu',
      'b@staff.northfield.edu',
      'd@other.org',
    ]);
    expect(emails({ emailDomain: '@northfield.edu' })).toEqual(['a@northfield.edu', 'c@NORTHFIELD.EDU']);
    expect(emails({ emailDomain: 'northfield.edu', department: 'IT', divisions: ['Home'] })).toEqual([
      'a@northfield.edu',
    ]);
  });

  it('refuses a division the org does not have, with a suggestion, as a configuration error', () => {
    const run = () => exportCsv(data(people), { divisions: ['Admisions'] });
    expect(run).toThrow(ExportFilterError);
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(
      'There is no division "Admisions" (did you mean "Admissions"?); the org has "Home", "Student Services", "Admissions", "Research, Labs".',
    );
    expect(() => exportCsv(data(people), { emailDomain: ' ' })).toThrow('--email-domain needs a domain');
    expect(() => exportCsv(data(people), { department: '' })).toThrow(
      '--department needs a department name.',
    );
  });
});

describe('expectedExportCalls', () => {
  it('counts one call per page of every listing and nothing per person', () => {
    expect(
      expectedExportCalls({
        divisions: 4,
        homeReadSeparately: false,
        roles: 8,
        queues: 5,
        skills: 6,
        locations: 2,
        sites: 2,
        phoneBaseSettings: 2,
        activeUsers: 10_004,
        subjectsPerRole: [3340, 3338, 1, 1, 0, 0, 0, 0],
        membersPerQueue: [1252, 0, 0, 625, 625],
        phones: 1001,
        webRtcPhones: 1001,
        stations: 1001,
        otherManagers: 150,
        rereads: { listings: 0, singles: 0 },
      }),
    ).toBe(
      7 + // divisions, roles, queues, skills, locations, sites, base settings
        21 + // users, 500 a page
        (34 + 34 + 6) + // grants
        (13 + 1 + 1 + 7 + 7) + // members
        (11 + 11) + // phones, stations
        2, // managers by id
    );
  });
});
