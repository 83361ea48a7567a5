// The demo org, "Northfield University": the seed every sandbox starts from unless told otherwise.
// The demo batch in ./demo/student-services plans against it as 9 creates and 1 update (James Okafor).

import type { OrgSeed, SeedPhone, SeedRole, SeedUser } from './types.js';

/** Stable, readable, UUID-shaped ids for seeded objects: `5eed0000-<kind>-4000-8000-<n>`. */
function seedId(kind: number, n: number): string {
  return `5eed0000-${kind.toString(16).padStart(4, '0')}-4000-8000-${n.toString().padStart(12, '0')}`;
}

const KIND = {
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

export const DEMO_IDS = {
  divisions: {
    home: seedId(KIND.division, 1),
    studentServices: seedId(KIND.division, 2),
    admissions: seedId(KIND.division, 3),
    itHelpDesk: seedId(KIND.division, 4),
  },
  roles: {
    employee: seedId(KIND.role, 1),
    pureCloudUser: seedId(KIND.role, 2),
    pureCloudSupervisor: seedId(KIND.role, 3),
    masterAdmin: seedId(KIND.role, 4),
    communicateUser: seedId(KIND.role, 5),
    qualityEvaluator: seedId(KIND.role, 6),
    telephonyAdmin: seedId(KIND.role, 7),
    supervisor: seedId(KIND.role, 8),
  },
  sites: { mainCampus: seedId(KIND.site, 1), downtown: seedId(KIND.site, 2) },
  phoneBaseSettings: { webRtc: seedId(KIND.phoneBase, 1), polycom: seedId(KIND.phoneBase, 2) },
  lineBaseSettings: { webRtc: seedId(KIND.lineBase, 1), polycom: seedId(KIND.lineBase, 2) },
  queues: {
    studentServicesGeneral: seedId(KIND.queue, 1),
    financialAid: seedId(KIND.queue, 2),
    registrar: seedId(KIND.queue, 3),
    admissionsInquiries: seedId(KIND.queue, 4),
    itHelpDeskTier1: seedId(KIND.queue, 5),
  },
  skills: {
    english: seedId(KIND.skill, 1),
    spanish: seedId(KIND.skill, 2),
    french: seedId(KIND.skill, 3),
    financialAid: seedId(KIND.skill, 4),
    registration: seedId(KIND.skill, 5),
    passwordReset: seedId(KIND.skill, 6),
  },
  locations: { welcomeCenter: seedId(KIND.location, 1), downtown: seedId(KIND.location, 2) },
  users: {
    admin: seedId(KIND.user, 1),
    maria: seedId(KIND.user, 2),
    james: seedId(KIND.user, 3),
    priya: seedId(KIND.user, 4),
    tom: seedId(KIND.user, 5),
    sam: seedId(KIND.user, 6),
  },
  phones: { maria: seedId(KIND.phone, 1), jamesDeleted: seedId(KIND.phone, 2) },
  stations: { maria: seedId(KIND.station, 1) },
  lines: { maria: seedId(KIND.line, 1), jamesDeleted: seedId(KIND.line, 2) },
} as const;

const D = DEMO_IDS;

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

function baseOrg(): OrgSeed {
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

const DIVISION_ROTATION = [
  D.divisions.studentServices,
  D.divisions.admissions,
  D.divisions.itHelpDesk,
  D.divisions.home,
] as const;

const QUEUE_OF_DIVISION: Record<string, string> = {
  [D.divisions.studentServices]: D.queues.studentServicesGeneral,
  [D.divisions.admissions]: D.queues.admissionsInquiries,
  [D.divisions.itHelpDesk]: D.queues.itHelpDeskTier1,
  [D.divisions.home]: D.queues.studentServicesGeneral,
};

/** Synthetic person number i (1-based): deterministic, so big-org tests are reproducible. */
function syntheticUser(i: number): { user: SeedUser; phone: SeedPhone | null } {
  const n = 100_000 + i;
  const label = i.toString().padStart(5, '0');
  const divisionId = DIVISION_ROTATION[i % DIVISION_ROTATION.length] ?? D.divisions.home;
  const user: SeedUser = {
    id: seedId(KIND.user, n),
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
  if (i % 4 === 0) user.queueIds = [QUEUE_OF_DIVISION[divisionId] ?? D.queues.studentServicesGeneral];
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
          id: seedId(KIND.phone, n),
          name: `Person ${label} WebRTC`,
          siteId: i % 20 === 0 ? D.sites.downtown : D.sites.mainCampus,
          phoneBaseSettingsId: D.phoneBaseSettings.webRtc,
          lineId: seedId(KIND.line, n),
          webRtcUserId: user.id,
          stationId: seedId(KIND.station, n),
          defaultForUser: true,
        }
      : null;
  return { user, phone };
}

/**
 * The Northfield University demo org, optionally with `extraUsers` synthetic active people
 * (`Person 00001` … `person.00001@staff.northfield.edu`), spread over the four divisions: every
 * 3rd has grants, every 4th a queue, every 5th a skill, every 7th a work phone, every 10th a WebRTC
 * phone whose station is their default, every odd one a welcome already sent. `defaultCountryCode`
 * makes it an org elsewhere (e.g. `GB`: numbers without a country code are read as British).
 */
export function demoOrg(options: { extraUsers?: number; defaultCountryCode?: string } = {}): OrgSeed {
  const org = baseOrg();
  if (options.defaultCountryCode) org.defaultCountryCode = options.defaultCountryCode;
  const extra = options.extraUsers ?? 0;
  for (let i = 1; i <= extra; i++) {
    const { user, phone } = syntheticUser(i);
    org.users.push(user);
    if (phone) org.phones.push(phone);
  }
  return org;
}
