// Records → the JSON models of the Platform API (shapes from the SDK's index.d.ts), so the real
// SDK and any HTTP client read what they would read from Genesys.

import type {
  DivisionRec,
  LineBaseRec,
  LocationRec,
  OrgStore,
  PhoneRec,
  StationRec,
  UserRec,
} from './store.js';
import { WEBRTC_META_BASE } from './store.js';
import { permissionPolicies } from './permissions.js';
import { readBackShape } from './phone-numbers.js';
import type { SeedNamed, SeedPhoneBaseSettings, SeedQueue, SeedRole, SeedSite } from './types.js';

const EDGES = '/api/v2/telephony/providers/edges';

export const selfUris = {
  user: (id: string) => `/api/v2/users/${id}`,
  division: (id: string) => `/api/v2/authorization/divisions/${id}`,
  role: (id: string) => `/api/v2/authorization/roles/${id}`,
  queue: (id: string) => `/api/v2/routing/queues/${id}`,
  skill: (id: string) => `/api/v2/routing/skills/${id}`,
  location: (id: string) => `/api/v2/locations/${id}`,
  site: (id: string) => `${EDGES}/sites/${id}`,
  phoneBase: (id: string) => `${EDGES}/phonebasesettings/${id}`,
  lineBase: (id: string) => `${EDGES}/linebasesettings/${id}`,
  phone: (id: string) => `${EDGES}/phones/${id}`,
  line: (id: string) => `${EDGES}/lines/${id}`,
  station: (id: string) => `/api/v2/stations/${id}`,
};

/** Every expand value GET /users, GET /users/{id} and users/search accept; others are a 400. */
export const USER_EXPANDS: ReadonlySet<string> = new Set([
  'routingStatus',
  'presence',
  'integrationPresence',
  'conversationSummary',
  'outOfOffice',
  'geolocation',
  'station',
  'authorization',
  'lasttokenissued',
  'dateLastLogin',
  'authorization.unusedRoles',
  'team',
  'workPlanBidRanks',
  'profileSkills',
  'certifications',
  'locations',
  'groups',
  'skills',
  'languages',
  'languagePreference',
  'employerInfo',
  'biography',
  'customAttributes',
  'externalContactsSettings',
  'dateWelcomeSent',
]);

export function divisionRef(store: OrgStore, id: string): Record<string, unknown> {
  return { id, name: store.divisions.get(id)?.name ?? '', selfUri: selfUris.division(id) };
}

export function renderDivision(d: DivisionRec): Record<string, unknown> {
  return {
    id: d.id,
    name: d.name,
    description: d.description ?? '',
    homeDivision: d.home,
    selfUri: selfUris.division(d.id),
  };
}

export function renderRole(r: SeedRole): Record<string, unknown> {
  const permissions = r.permissions ?? [];
  return {
    id: r.id,
    name: r.name,
    description: r.description ?? '',
    permissions,
    permissionPolicies: permissionPolicies(permissions),
    default: false,
    base: false,
    selfUri: selfUris.role(r.id),
  };
}

function stationOfUser(store: OrgStore, stationId: string | null): Record<string, unknown> | undefined {
  const station = stationId ? store.stations.get(stationId) : undefined;
  if (!station) return undefined;
  const result: Record<string, unknown> = { id: station.id, name: station.name, type: station.type };
  if (station.defaultUserId) result.defaultUser = { id: station.defaultUserId };
  if (station.associatedUserId) {
    result.associatedUser = { id: station.associatedUserId };
    if (station.associatedDate) result.associatedDate = station.associatedDate;
  }
  result.webRtcCallAppearances = 100;
  return result;
}

/** UserStations: associated, effective (associated, else default), default and last associated. */
export function renderUserStations(store: OrgStore, u: UserRec): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const associated = stationOfUser(store, u.associatedStationId);
  const def = stationOfUser(store, u.defaultStationId);
  const last = stationOfUser(store, u.lastAssociatedStationId);
  if (associated) result.associatedStation = associated;
  if (associated ?? def) result.effectiveStation = associated ?? def;
  if (def) result.defaultStation = def;
  if (last) result.lastAssociatedStation = last;
  return result;
}

export function renderUserSkill(
  store: OrgStore,
  skillId: string,
  proficiency: number,
): Record<string, unknown> {
  return {
    id: skillId,
    name: store.skills.get(skillId)?.name ?? '',
    proficiency,
    state: 'active',
    skillUri: selfUris.skill(skillId),
    selfUri: `${selfUris.skill(skillId)}`,
  };
}

export function renderUser(
  store: OrgStore,
  u: UserRec,
  expand: ReadonlySet<string>,
): Record<string, unknown> {
  const user: Record<string, unknown> = {
    id: u.id,
    name: u.name,
    division: divisionRef(store, u.divisionId),
    chat: { jabberId: `${u.id}@northfield.orgspan.com` },
    email: u.email,
    primaryContactInfo: [{ address: u.email, mediaType: 'EMAIL', type: 'PRIMARY' }],
    addresses: u.addresses.map((a) =>
      store.real.addressShapes && a.mediaType === 'PHONE'
        ? readBackShape(a, store.extensionPools, store.callingCode)
        : { ...a },
    ),
    state: u.state,
    username: u.email,
    images: [],
    version: u.version,
    acdAutoAnswer: u.acdAutoAnswer,
    selfUri: selfUris.user(u.id),
  };
  if (u.department) user.department = u.department;
  if (u.title) user.title = u.title;
  if (u.managerId) user.manager = { id: u.managerId, selfUri: selfUris.user(u.managerId) };
  const datesNeedExpand = store.real.datesOnlyWithExpand;
  if (u.dateWelcomeSent && (!datesNeedExpand || expand.has('dateWelcomeSent')))
    user.dateWelcomeSent = u.dateWelcomeSent;
  if (expand.has('employerInfo')) user.employerInfo = u.dateHire ? { dateHire: u.dateHire } : {};
  if (expand.has('skills')) {
    user.skills = [...u.skills].map(([id, proficiency]) => renderUserSkill(store, id, proficiency));
  }
  if (expand.has('locations')) {
    user.locations = u.locations.map((l) => {
      const definition = store.locations.get(l.id);
      return {
        id: l.id,
        ...(l.notes !== undefined ? { notes: l.notes } : {}),
        locationDefinition: { id: l.id, name: definition?.name ?? '', selfUri: selfUris.location(l.id) },
      };
    });
  }
  if (expand.has('station')) user.station = renderUserStations(store, u);
  if (expand.has('dateLastLogin') && u.dateLastLogin) user.dateLastLogin = u.dateLastLogin;
  if (expand.has('authorization')) {
    const roleIds = [...new Set(store.grantsOf(u.id).map((g) => g.roleId))];
    user.authorization = {
      roles: roleIds.map((id) => ({ id, name: store.roles.get(id)?.name ?? '' })),
      permissions: [],
    };
  }
  if (expand.has('routingStatus')) user.routingStatus = { userId: u.id, status: 'OFF_QUEUE' };
  if (expand.has('groups')) user.groups = [];
  if (expand.has('languages')) user.languages = [];
  if (expand.has('profileSkills')) user.profileSkills = [];
  if (expand.has('certifications')) user.certifications = [];
  return user;
}

export function renderQueue(store: OrgStore, q: SeedQueue): Record<string, unknown> {
  const members = store.queueMembers.get(q.id)?.size ?? 0;
  return {
    id: q.id,
    name: q.name,
    division: divisionRef(store, q.divisionId),
    description: q.description ?? '',
    dateCreated: '2025-01-01T00:00:00.000Z',
    memberCount: members,
    userMemberCount: members,
    joinedMemberCount: members,
    scoringMethod: 'TimestampAndPriority',
    skillEvaluationMethod: 'ALL',
    selfUri: selfUris.queue(q.id),
  };
}

export function renderSkill(s: SeedNamed): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    state: 'active',
    version: '1',
    dateModified: '2025-01-01T00:00:00.000Z',
    selfUri: selfUris.skill(s.id),
  };
}

export function renderLocation(l: LocationRec): Record<string, unknown> {
  const result: Record<string, unknown> = {
    id: l.id,
    name: l.name,
    state: 'active',
    version: l.version,
    path: [],
    selfUri: selfUris.location(l.id),
  };
  if (l.notes !== undefined) result.notes = l.notes;
  if (l.address !== undefined) result.address = l.address;
  return result;
}

export function renderSite(store: OrgStore, s: SeedSite): Record<string, unknown> {
  const location = s.locationId ? store.locations.get(s.locationId) : undefined;
  return {
    id: s.id,
    name: s.name,
    description: s.description ?? '',
    state: 'active',
    version: 1,
    location: location
      ? { id: location.id, name: location.name, selfUri: selfUris.location(location.id) }
      : undefined,
    managed: false,
    mediaModel: 'Cloud',
    coreSite: false,
    selfUri: selfUris.site(s.id),
  };
}

export function renderLineBase(l: { id: string; name: string }): Record<string, unknown> {
  return {
    id: l.id,
    name: l.name,
    state: 'active',
    version: 1,
    lineMetaBase: { id: 'inin_line.json', name: 'Line' },
    selfUri: selfUris.lineBase(l.id),
  };
}

export function renderPhoneBase(b: SeedPhoneBaseSettings): Record<string, unknown> {
  return {
    id: b.id,
    name: b.name,
    description: b.description ?? '',
    state: 'active',
    version: 1,
    phoneMetaBase: { id: b.phoneMetaBase.id, name: b.phoneMetaBase.name },
    lines: b.lines.map(renderLineBase),
    selfUri: selfUris.phoneBase(b.id),
  };
}

function nameRef(id: string, name: string, selfUri: string): Record<string, unknown> {
  return { id, name, selfUri };
}

/** What a phone response carries beyond the basics (real-api.md §1: the list hides some unless asked). */
export interface PhoneView {
  webRtcUser: boolean;
  lines: boolean;
  lineDefaultForUser: boolean;
}

export const FULL_PHONE: PhoneView = { webRtcUser: true, lines: true, lineDefaultForUser: true };

export function renderPhone(
  store: OrgStore,
  p: PhoneRec,
  view: PhoneView = FULL_PHONE,
): Record<string, unknown> {
  const base = store.phoneBases.get(p.phoneBaseSettingsId);
  const site = store.sites.get(p.siteId);
  const siteRef = nameRef(p.siteId, site?.name ?? '', selfUris.site(p.siteId));
  const firstLineBase: LineBaseRec | undefined = p.lines[0]
    ? store.lineBases.get(p.lines[0].lineBaseSettingsId)
    : undefined;
  const station = p.stationId ? store.stations.get(p.stationId) : undefined;
  const phone: Record<string, unknown> = {
    id: p.id,
    name: p.name,
    division: divisionRef(store, store.homeDivisionId),
    state: p.state,
    version: p.version,
    dateCreated: p.dateCreated,
    dateModified: p.dateModified,
    site: siteRef,
    phoneBaseSettings: nameRef(
      p.phoneBaseSettingsId,
      base?.name ?? '',
      selfUris.phoneBase(p.phoneBaseSettingsId),
    ),
    phoneMetaBase: base ? { id: base.phoneMetaBase.id, name: base.phoneMetaBase.name } : undefined,
    lines: p.lines.map((line) => {
      const lineBase = store.lineBases.get(line.lineBaseSettingsId);
      const result: Record<string, unknown> = {
        id: line.id,
        name: line.name,
        state: 'active',
        version: 1,
        site: siteRef,
        lineBaseSettings: nameRef(
          line.lineBaseSettingsId,
          lineBase?.name ?? '',
          selfUris.lineBase(line.lineBaseSettingsId),
        ),
        selfUri: selfUris.line(line.id),
      };
      if (view.lineDefaultForUser && station?.defaultUserId && station.lineAppearanceId === line.id) {
        result.defaultForUser = { id: station.defaultUserId, selfUri: selfUris.user(station.defaultUserId) };
      }
      return result;
    }),
    capabilities: {
      provisions: false,
      registers: false,
      dualRegisters: false,
      allowReboot: false,
      noRebalance: false,
      noCloudProvisioning: false,
      // The spec's enum is lower case; the lenient sandbox kept its old upper-case PCMU.
      mediaCodecs: ['audio/opus', store.real.specContract ? 'audio/pcmu' : 'audio/PCMU'],
      cdm: true,
    },
    selfUri: selfUris.phone(p.id),
  };
  if (firstLineBase) {
    phone.lineBaseSettings = nameRef(
      firstLineBase.id,
      firstLineBase.name,
      selfUris.lineBase(firstLineBase.id),
    );
  }
  if (!view.lines) delete phone.lines;
  if (view.webRtcUser && p.webRtcUserId) {
    const user = store.users.get(p.webRtcUserId);
    phone.webRtcUser = nameRef(p.webRtcUserId, user?.name ?? '', selfUris.user(p.webRtcUserId));
  }
  return phone;
}

export function isWebRtcBase(b: SeedPhoneBaseSettings): boolean {
  return b.phoneMetaBase.id === WEBRTC_META_BASE;
}

export function renderStation(s: StationRec): Record<string, unknown> {
  const station: Record<string, unknown> = {
    id: s.id,
    name: s.name,
    status: s.associatedUserId ? 'ASSOCIATED' : 'AVAILABLE',
    type: s.type,
    lineAppearanceId: s.lineAppearanceId,
    webRtcPersistentEnabled: false,
    webRtcForceTurn: false,
    webRtcCallAppearances: 100,
    selfUri: selfUris.station(s.id),
  };
  if (s.webRtcUserId) station.webRtcUserId = s.webRtcUserId;
  if (s.associatedUserId) station.userId = s.associatedUserId;
  return station;
}
