// Small builders for realistic import sets and org snapshots (the Northfield demo org), so that each
// test states only what it is about.

import type { Batch, BatchConfig, ImportSet, PersonRow, PhoneRow } from '../../src/csv/types.js';
import type { OrgSnapshot, SnapshotPhone, SnapshotUser } from '../../src/plan/snapshot.js';

export const BATCH = 'student-services';
export const PEOPLE_FILE = `imports/${BATCH}/people.csv`;
export const PHONES_FILE = `imports/${BATCH}/phones.csv`;

export const ids = {
  home: 'div-home',
  studentServices: 'div-ss',
  admissions: 'div-adm',
  employee: 'role-employee',
  user: 'role-user',
  supervisor: 'role-supervisor',
  masterAdmin: 'role-master-admin',
  reporting: 'role-reporting',
  general: 'queue-general',
  financialAid: 'queue-fa',
  registrar: 'queue-registrar',
  inquiries: 'queue-inquiries',
  english: 'skill-english',
  spanish: 'skill-spanish',
  french: 'skill-french',
  aidSkill: 'skill-fa',
  registration: 'skill-registration',
  welcomeCenter: 'loc-welcome',
  library: 'loc-library',
  site: 'site-main',
  webrtc: 'pbs-webrtc',
  webrtcLine: 'lbs-webrtc-1',
  deskPhone: 'pbs-polycom',
  maria: 'user-maria',
} as const;

/** A user of the org with the fields a never-touched, welcomed user has; override what matters. */
export function orgUser(
  overrides: Partial<SnapshotUser> & { id: string; name: string; email: string },
): SnapshotUser {
  return {
    state: 'active',
    version: 3,
    divisionId: ids.studentServices,
    title: '',
    department: '',
    phoneWork: '',
    extension: '',
    addresses: [],
    managerId: null,
    locationIds: [],
    grants: [],
    grantsComplete: false,
    queueIds: [],
    skills: [],
    defaultStationId: null,
    dateWelcomeSent: '2025-08-01T12:00:00.000Z',
    dateLastLogin: '2025-08-02T09:00:00.000Z',
    welcomeKnown: true,
    ...overrides,
  };
}

export const maria = orgUser({
  id: ids.maria,
  name: 'Maria Gonzalez',
  email: 'maria.gonzalez@northfield.edu',
  title: 'Director of Student Services',
  department: 'Student Services',
});

/** The demo org: the names the demo batch uses, plus a few neighbours for "did you mean". */
export function snapshot(overrides: Partial<OrgSnapshot> = {}): OrgSnapshot {
  return {
    homeDivisionId: ids.home,
    defaultCountryCode: 'US',
    divisions: [
      { id: ids.home, name: 'Home' },
      { id: ids.studentServices, name: 'Student Services' },
      { id: ids.admissions, name: 'Admissions' },
    ],
    roles: [
      // As a roles listing gives them: employee holds nothing that calls, User and Supervisor do.
      { id: ids.employee, name: 'employee', permissions: ['directory:user:view'] },
      { id: ids.user, name: 'PureCloud User', permissions: ['conversation:call:add', 'directory:user:view'] },
      { id: ids.supervisor, name: 'PureCloud Supervisor', permissions: ['conversation:*:*'] },
      { id: ids.masterAdmin, name: 'Master Admin', permissions: ['*'] },
      { id: ids.reporting, name: 'Reporting Viewer', permissions: ['analytics:*:view'] },
    ],
    sites: [{ id: ids.site, name: 'Northfield Main Campus' }],
    phoneBaseSettings: [
      { id: ids.webrtc, name: 'WebRTC Softphone', webRtc: true, lineBaseSettingsId: ids.webrtcLine },
      { id: ids.deskPhone, name: 'Polycom VVX 411', webRtc: false, lineBaseSettingsId: 'lbs-polycom-1' },
    ],
    queues: [
      { id: ids.general, name: 'Student Services General' },
      { id: ids.financialAid, name: 'Financial Aid' },
      { id: ids.registrar, name: 'Registrar' },
      { id: ids.inquiries, name: 'Admissions Inquiries' },
    ],
    skills: [
      { id: ids.english, name: 'English' },
      { id: ids.spanish, name: 'Spanish' },
      { id: ids.french, name: 'French' },
      { id: ids.aidSkill, name: 'Financial Aid' },
      { id: ids.registration, name: 'Registration' },
    ],
    locations: [
      { id: ids.welcomeCenter, name: 'Northfield Main Campus - Welcome Center' },
      { id: ids.library, name: 'Northfield Library' },
    ],
    users: [maria],
    phones: [],
    ...overrides,
  };
}

/** A people.csv row; the email is made from the name unless given. Lines start at 2 (1 is the header). */
export function personRow(overrides: Partial<PersonRow> & { line: number; name: string }): PersonRow {
  const email = overrides.email ?? `${overrides.name.toLowerCase().replace(/[^a-z]+/g, '.')}@northfield.edu`;
  return {
    batch: BATCH,
    file: PEOPLE_FILE,
    roles: [],
    queues: [],
    skills: [],
    ...overrides,
    email,
    emailKey: overrides.emailKey ?? email.toLowerCase(),
  };
}

/** A phones.csv row with the batch's defaults filled in. */
export function phoneRow(overrides: Partial<PhoneRow> & { line: number; email: string }): PhoneRow {
  return {
    batch: BATCH,
    file: PHONES_FILE,
    name: '',
    baseSettings: 'WebRTC Softphone',
    site: 'Northfield Main Campus',
    personInBatch: true,
    ...overrides,
    emailKey: overrides.emailKey ?? overrides.email.toLowerCase(),
  };
}

export function batch(
  people: PersonRow[],
  phones: PhoneRow[] = [],
  config: Partial<BatchConfig> = {},
  name = BATCH,
): Batch {
  return {
    name,
    dir: `imports/${name}`,
    config: { trainingDay: '2026-12-01', updateExisting: true, phoneDefaults: {}, ...config },
    files: {
      ...(people.length > 0 ? { people: `imports/${name}/people.csv` } : {}),
      ...(phones.length > 0 ? { phones: `imports/${name}/phones.csv` } : {}),
      batch: `imports/${name}/batch.yml`,
    },
    people,
    phones,
  };
}

export function importSet(batches: Batch[], findings: ImportSet['findings'] = []): ImportSet {
  return { root: 'imports', batches, findings };
}

/** A WebRTC phone of the org. */
export function orgPhone(overrides: Partial<SnapshotPhone> & { id: string; name: string }): SnapshotPhone {
  return {
    siteId: ids.site,
    baseSettingsId: ids.webrtc,
    webRtcUserId: null,
    stationId: null,
    ...overrides,
  };
}

/** The demo batch's first advisor as the CSV has her. */
export function aishaRow(overrides: Partial<PersonRow> = {}): PersonRow {
  return personRow({
    line: 2,
    name: 'Aisha Rahman',
    phoneWork: '+1 215 555 0101',
    extension: '4101',
    title: 'Student Services Advisor',
    department: 'Student Services',
    managerEmail: 'maria.gonzalez@northfield.edu',
    location: 'Northfield Main Campus - Welcome Center',
    roles: [
      { role: 'employee', divisions: ['Student Services'] },
      { role: 'PureCloud User', divisions: ['Student Services'] },
    ],
    queues: ['Student Services General', 'Financial Aid'],
    division: 'Student Services',
    skills: [
      { skill: 'English', proficiency: 5 },
      { skill: 'Financial Aid', proficiency: 4 },
    ],
    ...overrides,
  });
}

/** Aisha as she is in the org after the demo batch was applied once (nothing left to change). */
export function aishaUser(overrides: Partial<SnapshotUser> = {}): SnapshotUser {
  return orgUser({
    id: 'user-aisha',
    name: 'Aisha Rahman',
    email: 'aisha.rahman@northfield.edu',
    version: 7,
    title: 'Student Services Advisor',
    department: 'Student Services',
    phoneWork: '+12155550101',
    extension: '4101',
    addresses: [
      {
        address: '+12155550101',
        display: '+1 215-555-0101',
        mediaType: 'PHONE',
        type: 'WORK',
        extension: '4101',
      },
      { address: '+12155550199', mediaType: 'PHONE', type: 'MOBILE' },
    ],
    managerId: ids.maria,
    locationIds: [ids.welcomeCenter],
    grants: [
      { roleId: ids.employee, divisionId: ids.studentServices },
      { roleId: ids.user, divisionId: ids.studentServices },
    ],
    queueIds: [ids.general, ids.financialAid],
    skills: [
      { skillId: ids.english, proficiency: 5 },
      { skillId: ids.aidSkill, proficiency: 4 },
    ],
    dateWelcomeSent: null,
    dateLastLogin: null,
    ...overrides,
  });
}
