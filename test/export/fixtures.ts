// A small org as readOrgForExport returns it, so that each pure test states only what it is about.

import type { ExportData, ExportUser } from '../../src/genesys/export-read.js';

export const ids = {
  home: 'div-home',
  services: 'div-ss',
  admissions: 'div-adm',
  comma: 'div-comma',
  employee: 'role-employee',
  agent: 'role-agent',
  supervisor: 'role-supervisor',
  general: 'queue-general',
  aid: 'queue-aid',
  billing: 'queue-billing',
  english: 'skill-english',
  french: 'skill-french',
  welcome: 'loc-welcome',
  library: 'loc-library',
  site: 'site-main',
  webrtc: 'pbs-webrtc',
  desk: 'pbs-desk',
} as const;

export function user(
  overrides: Partial<ExportUser> & { id: string; name: string; email: string },
): ExportUser {
  return {
    state: 'active',
    version: 1,
    divisionId: ids.services,
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
    dateWelcomeSent: null,
    dateLastLogin: null,
    welcomeKnown: false,
    hireDate: '',
    ...overrides,
  };
}

export function data(users: ExportUser[], overrides: Partial<ExportData> = {}): ExportData {
  return {
    homeDivisionId: ids.home,
    defaultCountryCode: null,
    divisions: [
      { id: ids.home, name: 'Home' },
      { id: ids.services, name: 'Student Services' },
      { id: ids.admissions, name: 'Admissions' },
      { id: ids.comma, name: 'Research, Labs' },
    ],
    roles: [
      { id: ids.employee, name: 'employee', permissions: null },
      { id: ids.agent, name: 'PureCloud User', permissions: null },
      { id: ids.supervisor, name: 'PureCloud Supervisor', permissions: null },
    ],
    sites: [{ id: ids.site, name: 'Main Campus' }],
    phoneBaseSettings: [
      { id: ids.webrtc, name: 'WebRTC Softphone', webRtc: true, lineBaseSettingsId: 'lbs-1' },
      { id: ids.desk, name: 'Polycom VVX', webRtc: false, lineBaseSettingsId: 'lbs-2' },
    ],
    queues: [
      { id: ids.general, name: 'General' },
      { id: ids.aid, name: 'Financial Aid' },
      { id: ids.billing, name: 'Billing, East' },
    ],
    skills: [
      { id: ids.english, name: 'English' },
      { id: ids.french, name: 'French' },
    ],
    locations: [
      { id: ids.welcome, name: 'Welcome Center' },
      { id: ids.library, name: 'Library' },
    ],
    users,
    phones: [],
    sizes: {
      divisions: 4,
      homeReadSeparately: false,
      roles: 3,
      queues: 3,
      skills: 2,
      locations: 2,
      sites: 1,
      phoneBaseSettings: 2,
      activeUsers: users.length,
      subjectsPerRole: [0, 0, 0],
      membersPerQueue: [0, 0, 0],
      phones: 0,
      webRtcPhones: 0,
      stations: 0,
      otherManagers: 0,
      rereads: { listings: 0, singles: 0 },
    },
    ...overrides,
  };
}
