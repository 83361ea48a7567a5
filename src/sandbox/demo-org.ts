// The demo org, "Northfield University": the seed every sandbox starts from unless told otherwise.
// The demo batch in ./demo/student-services plans against it as 9 creates and 1 update (James Okafor).
// `demoOrg({org: 'test'})` is the same university as another org (a test org beside production):
// its own name, org id and ids for everything, so a test can tell which org a write reached.

import type { OrgSeed, SeedDivision, SeedPhone, SeedRole, SeedUser } from './types.js';

/** The id tag of the unnamed demo org: its ids are the ones the demo and the tests know. */
const DEFAULT_TAG = '0000';
/** Tags an org may not have: the default org's, and the prefix every seeded id starts with. */
const RESERVED_TAGS = new Set([DEFAULT_TAG, '5eed']);
/** A short org name: what a person types after --orgs and what a client id can be. */
const ORG_NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/i;

/**
 * Four hex digits standing for an org name, in every id of that org (seeded: `5eed<tag>-…`; created:
 * `<tag>…`), so ids of two orgs differ where they are made. FNV-1a of the name; two names with one
 * tag are refused by startSandboxes.
 */
export function orgTagOf(org: string): string {
  if (!ORG_NAME.test(org)) {
    throw new Error(`sandbox: an org name is 1 to 32 letters, digits, "-" or "_", not "${org}"`);
  }
  let h = 0x811c9dc5;
  for (const ch of org.toLowerCase()) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  for (let step = 0; ; step++) {
    const tag = (((h >>> 16) ^ (h & 0xffff) ^ step) & 0xffff).toString(16).padStart(4, '0');
    if (!RESERVED_TAGS.has(tag)) return tag;
  }
}

/** Stable, readable, UUID-shaped ids for seeded objects: `5eed<org tag>-<kind>-4000-8000-<n>`. */
function seedId(tag: string, kind: number, n: number): string {
  return `5eed${tag}-${kind.toString(16).padStart(4, '0')}-4000-8000-${n.toString().padStart(12, '0')}`;
}

const KIND = {
  org: 0,
  division: 1,
  role: 2,
  site: 3,
  phoneBase: 4,
  lineBase: 5,
  queue: 6,
  skill: 7,
  location: 8,
  user: 9,
  phone: 10,
  station: 11,
  line: 12,
} as const;

// Long, but one flat table of names to ids, the shape tests read (DEMO_IDS.users.james).
function idsOf(tag: string) {
  const id = (kind: number, n: number) => seedId(tag, kind, n);
  return {
    divisions: {
      home: id(KIND.division, 1),
      studentServices: id(KIND.division, 2),
      admissions: id(KIND.division, 3),
      itHelpDesk: id(KIND.division, 4),
    },
    roles: {
      employee: id(KIND.role, 1),
      pureCloudUser: id(KIND.role, 2),
      pureCloudSupervisor: id(KIND.role, 3),
      masterAdmin: id(KIND.role, 4),
      communicateUser: id(KIND.role, 5),
      qualityEvaluator: id(KIND.role, 6),
      telephonyAdmin: id(KIND.role, 7),
      supervisor: id(KIND.role, 8),
    },
    sites: { mainCampus: id(KIND.site, 1), downtown: id(KIND.site, 2) },
    phoneBaseSettings: { webRtc: id(KIND.phoneBase, 1), polycom: id(KIND.phoneBase, 2) },
    lineBaseSettings: { webRtc: id(KIND.lineBase, 1), polycom: id(KIND.lineBase, 2) },
    queues: {
      studentServicesGeneral: id(KIND.queue, 1),
      financialAid: id(KIND.queue, 2),
      registrar: id(KIND.queue, 3),
      admissionsInquiries: id(KIND.queue, 4),
      itHelpDeskTier1: id(KIND.queue, 5),
    },
    skills: {
      english: id(KIND.skill, 1),
      spanish: id(KIND.skill, 2),
      french: id(KIND.skill, 3),
      financialAid: id(KIND.skill, 4),
      registration: id(KIND.skill, 5),
      passwordReset: id(KIND.skill, 6),
    },
    locations: { welcomeCenter: id(KIND.location, 1), downtown: id(KIND.location, 2) },
    users: {
      admin: id(KIND.user, 1),
      maria: id(KIND.user, 2),
      james: id(KIND.user, 3),
      priya: id(KIND.user, 4),
      tom: id(KIND.user, 5),
      sam: id(KIND.user, 6),
    },
    phones: { maria: id(KIND.phone, 1), jamesDeleted: id(KIND.phone, 2) },
    stations: { maria: id(KIND.station, 1) },
    lines: { maria: id(KIND.line, 1), jamesDeleted: id(KIND.line, 2) },
  } as const;
}

export type DemoIds = ReturnType<typeof idsOf>;

/** The seeded ids of the demo org named `org` (none: the unnamed demo org, DEMO_IDS). */
export function demoIds(org?: string): DemoIds {
  return idsOf(org === undefined ? DEFAULT_TAG : orgTagOf(org));
}

export const DEMO_IDS: DemoIds = demoIds();

/** The org id of the demo org named `org`; the unnamed one keeps the id derived from its name. */
export function demoOrgId(org: string): string {
  return seedId(orgTagOf(org), KIND.org, 1);
}

/**
 * Role permissions. Our sources do not list the default roles' permissions (real-api.md §7); the
 * assumption: `employee` lacks conversation:call:add, the agent, supervisor, Communicate and admin
 * roles hold it, the specialist roles do not.
 */
export const DEMO_ROLE_PERMISSIONS: Record<string, string[]> = {
  employee: ['directory:user:view', 'directory:location:view', 'authorization:division:view'],
  'PureCloud User': [
    'conversation:call:add',
    'conversation:call:accept',
    'conversation:communication:*',
    'routing:queue:join',
    'telephony:station:*',
  ],
  'PureCloud Supervisor': ['conversation:*:*', 'routing:queue:*', 'analytics:*:view'],
  'Master Admin': ['*:*:*'],
  'Communicate User': ['conversation:call:*', 'directory:user:view'],
  'Quality Evaluator': ['quality:evaluation:*', 'recording:recording:view'],
  'Telephony Admin': ['telephony:*:*'],
  Supervisor: ['routing:queue:*', 'analytics:*:view'],
};

function role(id: string, name: string, description: string): SeedRole {
  return { id, name, description, permissions: [...(DEMO_ROLE_PERMISSIONS[name] ?? [])] };
}

// Long, but one literal: the org as data, read top to bottom like the tables in docs/sandbox.md.
function baseOrg(D: DemoIds): OrgSeed {
  return {
    name: 'Northfield University',
    defaultCountryCode: 'US',
    // Campus extensions 4000–4999 (the demo batch's 4101–4110 among them).
    extensionPools: [{ startNumber: '4000', endNumber: '4999' }],
    divisions: [
      { id: D.divisions.home, name: 'Home', description: 'Home division', home: true },
      { id: D.divisions.studentServices, name: 'Student Services', description: 'Student Services' },
      { id: D.divisions.admissions, name: 'Admissions', description: 'Admissions office' },
      { id: D.divisions.itHelpDesk, name: 'IT Help Desk', description: 'IT Help Desk' },
    ],
    roles: [
      role(D.roles.employee, 'employee', 'Default role for every person'),
      role(D.roles.pureCloudUser, 'PureCloud User', 'Agent basics'),
      role(D.roles.pureCloudSupervisor, 'PureCloud Supervisor', 'Supervisor basics'),
      role(D.roles.masterAdmin, 'Master Admin', 'Everything'),
      role(D.roles.communicateUser, 'Communicate User', 'Communicate'),
      role(D.roles.qualityEvaluator, 'Quality Evaluator', 'Evaluations'),
      role(D.roles.telephonyAdmin, 'Telephony Admin', 'Telephony'),
      role(D.roles.supervisor, 'Supervisor', 'Custom supervisor role'),
    ],
    sites: [
      { id: D.sites.mainCampus, name: 'Northfield Main Campus', locationId: D.locations.welcomeCenter },
      { id: D.sites.downtown, name: 'Northfield Downtown Center', locationId: D.locations.downtown },
    ],
    phoneBaseSettings: [
      {
        id: D.phoneBaseSettings.webRtc,
        name: 'WebRTC Softphone',
        phoneMetaBase: { id: 'inin_webrtc_softphone.json', name: 'PureCloud WebRTC Phone' },
        lines: [{ id: D.lineBaseSettings.webRtc, name: 'WebRTC Softphone_1' }],
      },
      {
        id: D.phoneBaseSettings.polycom,
        name: 'Polycom VVX 411',
        phoneMetaBase: { id: 'polycom_vvx_411.json', name: 'Polycom VVX 411' },
        lines: [{ id: D.lineBaseSettings.polycom, name: 'Polycom VVX 411_1' }],
      },
    ],
    queues: [
      {
        id: D.queues.studentServicesGeneral,
        name: 'Student Services General',
        divisionId: D.divisions.studentServices,
      },
      { id: D.queues.financialAid, name: 'Financial Aid', divisionId: D.divisions.studentServices },
      { id: D.queues.registrar, name: 'Registrar', divisionId: D.divisions.studentServices },
      { id: D.queues.admissionsInquiries, name: 'Admissions Inquiries', divisionId: D.divisions.admissions },
      { id: D.queues.itHelpDeskTier1, name: 'IT Help Desk Tier 1', divisionId: D.divisions.itHelpDesk },
    ],
    skills: [
      { id: D.skills.english, name: 'English' },
      { id: D.skills.spanish, name: 'Spanish' },
      { id: D.skills.french, name: 'French' },
      { id: D.skills.financialAid, name: 'Financial Aid' },
      { id: D.skills.registration, name: 'Registration' },
      { id: D.skills.passwordReset, name: 'Password Reset' },
    ],
    locations: [
      { id: D.locations.welcomeCenter, name: 'Northfield Main Campus - Welcome Center' },
      { id: D.locations.downtown, name: 'Northfield Downtown Center' },
    ],
    users: [
      {
        id: D.users.admin,
        name: 'Northfield Admin',
        email: 'admin@northfield.edu',
        divisionId: D.divisions.home,
        title: 'Genesys Cloud Administrator',
        department: 'IT',
        grants: [{ roleId: D.roles.masterAdmin, divisionId: D.divisions.home }],
        dateWelcomeSent: '2025-01-06T09:00:00.000Z',
        dateLastLogin: '2026-11-20T14:05:00.000Z',
      },
      {
        id: D.users.maria,
        name: 'Maria Gonzalez',
        email: 'maria.gonzalez@northfield.edu',
        divisionId: D.divisions.studentServices,
        title: 'Director of Student Services',
        department: 'Student Services',
        locationIds: [D.locations.welcomeCenter],
        grants: [
          { roleId: D.roles.employee, divisionId: D.divisions.studentServices },
          { roleId: D.roles.pureCloudUser, divisionId: D.divisions.studentServices },
          { roleId: D.roles.pureCloudSupervisor, divisionId: D.divisions.studentServices },
        ],
        queueIds: [D.queues.studentServicesGeneral],
        skills: [{ skillId: D.skills.english, proficiency: 5 }],
        dateWelcomeSent: '2025-03-03T09:00:00.000Z',
        dateLastLogin: '2026-11-21T08:30:00.000Z',
      },
      {
        id: D.users.james,
        name: 'James Okafor',
        email: 'james.okafor@northfield.edu',
        divisionId: D.divisions.studentServices,
        title: 'Student Services Advisor',
        department: 'Student Services',
        addresses: [
          {
            address: '+12155550110',
            display: '+1 215 555 0110',
            mediaType: 'PHONE',
            type: 'WORK',
            extension: '4110',
          },
        ],
        managerId: D.users.maria,
        locationIds: [D.locations.welcomeCenter],
        grants: [
          { roleId: D.roles.employee, divisionId: D.divisions.studentServices },
          { roleId: D.roles.pureCloudUser, divisionId: D.divisions.studentServices },
        ],
        queueIds: [D.queues.studentServicesGeneral],
        skills: [{ skillId: D.skills.english, proficiency: 5 }],
      },
      {
        id: D.users.priya,
        name: 'Priya Patel',
        email: 'priya.patel@northfield.edu',
        divisionId: D.divisions.itHelpDesk,
        title: 'IT Support Specialist',
        department: 'IT Help Desk',
        grants: [
          { roleId: D.roles.employee, divisionId: D.divisions.itHelpDesk },
          { roleId: D.roles.pureCloudUser, divisionId: D.divisions.itHelpDesk },
        ],
        queueIds: [D.queues.itHelpDeskTier1],
        skills: [{ skillId: D.skills.passwordReset, proficiency: 4 }],
        dateWelcomeSent: '2025-05-12T09:00:00.000Z',
        dateLastLogin: '2026-11-19T16:45:00.000Z',
      },
      {
        id: D.users.tom,
        name: 'Tom Reyes',
        email: 'tom.reyes@northfield.edu',
        state: 'inactive',
        divisionId: D.divisions.admissions,
        title: 'Admissions Counselor',
        department: 'Admissions',
        grants: [{ roleId: D.roles.employee, divisionId: D.divisions.admissions }],
        dateWelcomeSent: '2024-09-02T09:00:00.000Z',
        dateLastLogin: '2025-06-30T17:00:00.000Z',
      },
      {
        id: D.users.sam,
        name: 'Sam Former',
        email: 'sam.former@northfield.edu',
        state: 'deleted',
        divisionId: D.divisions.studentServices,
        title: 'Student Services Advisor',
        department: 'Student Services',
        dateWelcomeSent: '2024-01-08T09:00:00.000Z',
        dateLastLogin: '2025-02-28T12:00:00.000Z',
      },
    ],
    phones: [
      {
        id: D.phones.maria,
        name: 'Maria Gonzalez',
        siteId: D.sites.mainCampus,
        phoneBaseSettingsId: D.phoneBaseSettings.webRtc,
        lineId: D.lines.maria,
        webRtcUserId: D.users.maria,
        stationId: D.stations.maria,
        defaultForUser: true,
      },
      {
        // James's first WebRTC phone, deleted: still listed (state "deleted"), and the demo batch
        // creates a new phone under the same name.
        id: D.phones.jamesDeleted,
        name: 'James Okafor WebRTC',
        siteId: D.sites.mainCampus,
        phoneBaseSettingsId: D.phoneBaseSettings.webRtc,
        lineId: D.lines.jamesDeleted,
        webRtcUserId: D.users.james,
        state: 'deleted',
      },
    ],
  };
}

/** Where synthetic person i works, and the queue of that division. */
function placeOf(D: DemoIds, i: number): { divisionId: string; queueId: string } {
  const rotation = [
    { divisionId: D.divisions.studentServices, queueId: D.queues.studentServicesGeneral },
    { divisionId: D.divisions.admissions, queueId: D.queues.admissionsInquiries },
    { divisionId: D.divisions.itHelpDesk, queueId: D.queues.itHelpDeskTier1 },
    { divisionId: D.divisions.home, queueId: D.queues.studentServicesGeneral },
  ] as const;
  return rotation[i % rotation.length] ?? rotation[0];
}

/** Synthetic person number i (1-based): deterministic, so big-org tests are reproducible. */
function syntheticUser(D: DemoIds, tag: string, i: number): { user: SeedUser; phone: SeedPhone | null } {
  const n = 100_000 + i;
  const label = i.toString().padStart(5, '0');
  const { divisionId, queueId } = placeOf(D, i);
  const user: SeedUser = {
    id: seedId(tag, KIND.user, n),
    name: `Person ${label}`,
    email: `person.${label}@staff.northfield.edu`,
    divisionId,
    title: i % 2 === 0 ? 'Staff' : 'Advisor',
    department: 'Operations',
  };
  if (i % 3 === 0) {
    user.grants = [
      { roleId: D.roles.employee, divisionId },
      { roleId: D.roles.pureCloudUser, divisionId },
    ];
  }
  if (i % 4 === 0) user.queueIds = [queueId];
  if (i % 5 === 0) user.skills = [{ skillId: D.skills.english, proficiency: 3 + (Math.floor(i / 5) % 3) }];
  if (i % 7 === 0) {
    user.addresses = [
      { address: `+1215556${(i % 10_000).toString().padStart(4, '0')}`, mediaType: 'PHONE', type: 'WORK' },
    ];
  }
  if (i % 2 === 1) user.dateWelcomeSent = '2025-02-03T09:00:00.000Z';
  const phone: SeedPhone | null =
    i % 10 === 0
      ? {
          id: seedId(tag, KIND.phone, n),
          name: `Person ${label} WebRTC`,
          siteId: i % 20 === 0 ? D.sites.downtown : D.sites.mainCampus,
          phoneBaseSettingsId: D.phoneBaseSettings.webRtc,
          lineId: seedId(tag, KIND.line, n),
          webRtcUserId: user.id,
          stationId: seedId(tag, KIND.station, n),
          defaultForUser: true,
        }
      : null;
  return { user, phone };
}

export interface DemoOrgOptions {
  /** Synthetic active people added to the six named ones. */
  extraUsers?: number;
  /** ISO alpha-2 of the org's country (default US). */
  defaultCountryCode?: string;
  /**
   * A short name (`test`, `production`, `emea`) making this the university's org of that name:
   * "Northfield University (test)", its own org id and seeded ids (`demoIds('test')`), and ids of
   * created objects that begin with its tag. Absent: the one demo org, ids as DEMO_IDS.
   */
  org?: string;
  /**
   * Division names: `same` (the default: a test org mirrors production), `suffixed` ("Admissions
   * (test)", for a test that needs names to differ; needs `org`), or a map from the demo's names
   * to new ones.
   */
  divisionNames?: 'same' | 'suffixed' | Record<string, string>;
}

function renameDivisions(
  divisions: SeedDivision[],
  how: DemoOrgOptions['divisionNames'],
  org: string | undefined,
): SeedDivision[] {
  if (how === undefined || how === 'same') return divisions;
  if (how === 'suffixed') {
    if (org === undefined) throw new Error('sandbox: divisionNames "suffixed" needs an org name');
    return divisions.map((d) => ({ ...d, name: `${d.name} (${org})` }));
  }
  const unknown = Object.keys(how).filter((name) => !divisions.some((d) => d.name === name));
  if (unknown.length > 0) throw new Error(`sandbox: no demo division named ${unknown.join(', ')}`);
  return divisions.map((d) => ({ ...d, name: how[d.name] ?? d.name }));
}

/**
 * The Northfield University demo org, optionally with `extraUsers` synthetic active people
 * (`Person 00001` … `person.00001@staff.northfield.edu`), spread over the four divisions: every
 * 3rd has grants, every 4th a queue, every 5th a skill, every 7th a work phone, every 10th a WebRTC
 * phone whose station is their default, every odd one a welcome already sent. `defaultCountryCode`
 * makes it an org elsewhere (e.g. `GB`: numbers without a country code are read as British); `org`
 * one of several orgs (DemoOrgOptions).
 */
export function demoOrg(options: DemoOrgOptions = {}): OrgSeed {
  const tag = options.org === undefined ? DEFAULT_TAG : orgTagOf(options.org);
  const D = idsOf(tag);
  const org = baseOrg(D);
  if (options.org !== undefined) {
    org.name = `${org.name} (${options.org})`;
    org.id = demoOrgId(options.org);
    org.idTag = tag;
  }
  org.divisions = renameDivisions(org.divisions, options.divisionNames, options.org);
  if (options.defaultCountryCode) org.defaultCountryCode = options.defaultCountryCode;
  const extra = options.extraUsers ?? 0;
  for (let i = 1; i <= extra; i++) {
    const { user, phone } = syntheticUser(D, tag, i);
    org.users.push(user);
    if (phone) org.phones.push(phone);
  }
  return org;
}
