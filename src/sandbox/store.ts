// The org in memory: records plus the indexes that keep every lookup O(1) (by id, by email, by
// phone name, by WebRTC user, members per queue and queues per user, subjects per role).
// Handlers validate; the store only holds and indexes.

import type {
  DumpInvite,
  DumpPhone,
  DumpStation,
  DumpUser,
  OrgSeed,
  RealBehaviours,
  SandboxContact,
  SandboxStateDump,
  SeedNamed,
  SeedPhoneBaseSettings,
  SeedQueue,
  SeedRole,
  SeedSite,
} from './types.js';
import { byName } from './paging.js';
import type { ExtensionPool } from './phone-numbers.js';
import { callingCodeOf } from './phone-numbers.js';

export type UserState = 'active' | 'inactive' | 'deleted';

export interface UserRec {
  id: string;
  name: string;
  email: string;
  state: UserState;
  version: number;
  divisionId: string;
  title: string;
  department: string;
  addresses: SandboxContact[];
  managerId: string | null;
  locations: Array<{ id: string; notes?: string }>;
  /** skill id → proficiency */
  skills: Map<string, number>;
  acdAutoAnswer: boolean;
  dateCreated: string;
  /** Epoch ms of its POST /users here; null for seeded users (no service lag). */
  createdAtMs: number | null;
  /** Epoch ms from which POST /users/search can see the user (search index lag). */
  searchableFrom: number;
  /** employerInfo.dateHire (`YYYY-MM-DD`). */
  dateHire: string | null;
  dateWelcomeSent: string | null;
  dateLastLogin: string | null;
  defaultStationId: string | null;
  associatedStationId: string | null;
  lastAssociatedStationId: string | null;
}

export interface GrantRec {
  roleId: string;
  divisionId: string;
  grantMadeAt: string;
}

export interface LineRec {
  id: string;
  name: string;
  lineBaseSettingsId: string;
}

export interface PhoneRec {
  id: string;
  name: string;
  siteId: string;
  phoneBaseSettingsId: string;
  lines: LineRec[];
  webRtcUserId: string | null;
  stationId: string | null;
  /** A deleted phone stays listed; its name and user are free (not indexed). */
  state: 'active' | 'deleted';
  version: number;
  dateCreated: string;
  dateModified: string;
}

export interface StationRec {
  id: string;
  name: string;
  type: string;
  phoneId: string;
  webRtcUserId: string | null;
  lineAppearanceId: string;
  defaultUserId: string | null;
  associatedUserId: string | null;
  associatedDate: string | null;
  dateCreated: string;
  /** Epoch ms from which GET /api/v2/stations shows it (station index lag). */
  visibleFrom: number;
}

export interface LocationRec {
  id: string;
  name: string;
  version: number;
  notes?: string;
  address?: Record<string, unknown>;
  dateCreated: string;
}

export interface DivisionRec extends SeedNamed {
  home: boolean;
}

export interface LineBaseRec extends SeedNamed {
  phoneBaseSettingsId: string;
}

export const WEBRTC_META_BASE = 'inin_webrtc_softphone.json';
export const WEBRTC_STATION_TYPE = 'inin_webrtc_softphone';
/** Timestamp given to seeded objects that the seed does not date. */
const SEED_DATE = '2025-01-01T00:00:00.000Z';

/** A stable UUID-shaped org id from the org's name, so a seed without one still reads the same. */
function orgIdOf(name: string): string {
  let h = 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `0e9a0000-0000-4000-8000-${h.toString(16).padStart(12, '0')}`;
}

function indexById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export class OrgStore {
  readonly orgId: string;
  readonly orgName: string;
  readonly defaultCountryCode: string;
  /** The calling code of the default country, e.g. `1`. */
  readonly callingCode: string;
  readonly extensionPools: readonly ExtensionPool[];
  readonly homeDivisionId: string;
  readonly divisions: Map<string, DivisionRec>;
  readonly roles: Map<string, SeedRole>;
  readonly sites: Map<string, SeedSite>;
  readonly phoneBases: Map<string, SeedPhoneBaseSettings>;
  readonly lineBases: Map<string, LineBaseRec>;
  readonly queues: Map<string, SeedQueue>;
  readonly skills: Map<string, SeedNamed>;
  readonly locations = new Map<string, LocationRec>();
  readonly locationByName = new Map<string, string>();
  readonly users = new Map<string, UserRec>();
  readonly userByEmail = new Map<string, string>();
  /** user id → (roleId|divisionId → grant) */
  readonly grants = new Map<string, Map<string, GrantRec>>();
  /** role id → user id → division ids */
  readonly roleSubjects = new Map<string, Map<string, Set<string>>>();
  readonly queueMembers = new Map<string, Set<string>>();
  readonly userQueues = new Map<string, Set<string>>();
  readonly phones = new Map<string, PhoneRec>();
  readonly phoneByName = new Map<string, string>();
  readonly phoneByWebRtcUser = new Map<string, string>();
  /** Deleted phones, which the name and user indexes leave out. */
  readonly deletedPhones: PhoneRec[] = [];
  readonly stations = new Map<string, StationRec>();
  readonly invites: DumpInvite[] = [];

  private userStamp = 0;
  private sortedUsers: { stamp: number; byState: Map<string, UserRec[]> } | null = null;

  constructor(
    seed: OrgSeed,
    readonly real: RealBehaviours,
  ) {
    this.orgId = seed.id ?? orgIdOf(seed.name);
    this.orgName = seed.name;
    this.defaultCountryCode = seed.defaultCountryCode ?? 'US';
    this.callingCode = callingCodeOf(this.defaultCountryCode);
    this.extensionPools = (seed.extensionPools ?? []).map((p) => ({ ...p }));
    const homes = seed.divisions.filter((d) => d.home);
    const home = homes[0];
    if (!home || homes.length > 1) throw new Error('sandbox seed: exactly one division must be home');
    this.homeDivisionId = home.id;
    this.divisions = new Map(seed.divisions.map((d) => [d.id, { ...d, home: d.home === true }]));
    this.roles = indexById(seed.roles);
    this.sites = indexById(seed.sites);
    this.phoneBases = indexById(seed.phoneBaseSettings);
    this.lineBases = new Map(
      seed.phoneBaseSettings.flatMap((base) =>
        base.lines.map((line): [string, LineBaseRec] => [line.id, { ...line, phoneBaseSettingsId: base.id }]),
      ),
    );
    this.queues = indexById(seed.queues);
    this.skills = indexById(seed.skills);
    for (const queue of seed.queues) this.queueMembers.set(queue.id, new Set());
    for (const location of seed.locations) {
      this.addLocation({ id: location.id, name: location.name, version: 1, dateCreated: SEED_DATE });
    }
    this.loadUsers(seed);
    this.loadPhones(seed);
  }

  private need<T>(map: Map<string, T>, id: string, what: string): T {
    const found = map.get(id);
    if (!found) throw new Error(`sandbox seed: unknown ${what} ${id}`);
    return found;
  }

  private loadUsers(seed: OrgSeed): void {
    for (const u of seed.users) {
      this.need(this.divisions, u.divisionId, 'division');
      if (this.userByEmail.has(u.email.toLowerCase()))
        throw new Error(`sandbox seed: duplicate email ${u.email}`);
      this.addUser({
        id: u.id,
        name: u.name,
        email: u.email,
        state: u.state ?? 'active',
        version: 1,
        divisionId: u.divisionId,
        title: u.title ?? '',
        department: u.department ?? '',
        addresses: (u.addresses ?? []).map((a) => ({ ...a })),
        managerId: u.managerId ?? null,
        locations: (u.locationIds ?? []).map((id) => ({ id })),
        skills: new Map((u.skills ?? []).map((s) => [s.skillId, s.proficiency])),
        acdAutoAnswer: false,
        dateCreated: SEED_DATE,
        createdAtMs: null,
        searchableFrom: 0,
        dateHire: u.dateHire ?? null,
        dateWelcomeSent: u.dateWelcomeSent ?? null,
        dateLastLogin: u.dateLastLogin ?? null,
        defaultStationId: null,
        associatedStationId: null,
        lastAssociatedStationId: null,
      });
    }
    for (const u of seed.users) {
      if (u.managerId) this.need(this.users, u.managerId, 'manager');
      for (const id of u.locationIds ?? []) this.need(this.locations, id, 'location');
      for (const s of u.skills ?? []) this.need(this.skills, s.skillId, 'skill');
      for (const g of u.grants ?? []) {
        this.need(this.roles, g.roleId, 'role');
        this.need(this.divisions, g.divisionId, 'division');
        this.addGrant(u.id, g.roleId, g.divisionId, SEED_DATE);
      }
      for (const q of u.queueIds ?? []) {
        this.need(this.queues, q, 'queue');
        this.addQueueMember(q, u.id);
      }
    }
  }

  private loadPhones(seed: OrgSeed): void {
    for (const p of seed.phones) {
      const deleted = p.state === 'deleted';
      if (deleted && !this.real.deletedPhones) continue;
      const base = this.need(this.phoneBases, p.phoneBaseSettingsId, 'phone base settings');
      this.need(this.sites, p.siteId, 'site');
      const lineBase = base.lines[0];
      if (!lineBase) throw new Error(`sandbox seed: base settings ${base.id} has no line`);
      if (p.webRtcUserId) this.need(this.users, p.webRtcUserId, 'WebRTC user');
      const phone: PhoneRec = {
        id: p.id,
        name: p.name,
        siteId: p.siteId,
        phoneBaseSettingsId: base.id,
        lines: [{ id: p.lineId, name: `${p.name}_1`, lineBaseSettingsId: lineBase.id }],
        webRtcUserId: p.webRtcUserId ?? null,
        stationId: null,
        state: deleted ? 'deleted' : 'active',
        version: 1,
        dateCreated: SEED_DATE,
        dateModified: SEED_DATE,
      };
      this.addPhone(phone);
      if (!deleted && p.stationId && p.webRtcUserId && base.phoneMetaBase.id === WEBRTC_META_BASE) {
        this.addStation(phone, p.stationId, SEED_DATE, 0);
        if (p.defaultForUser) this.setDefaultStation(p.webRtcUserId, p.stationId);
      }
    }
  }

  // --- users -------------------------------------------------------------------------------

  addUser(user: UserRec): void {
    this.users.set(user.id, user);
    this.userByEmail.set(user.email.toLowerCase(), user.id);
    this.grants.set(user.id, new Map());
    this.userQueues.set(user.id, new Set());
    this.usersChanged();
  }

  /** Call after a change that moves a user in the sorted lists (name, state, new user). */
  usersChanged(): void {
    this.userStamp++;
  }

  changeEmail(user: UserRec, email: string): void {
    this.userByEmail.delete(user.email.toLowerCase());
    user.email = email;
    this.userByEmail.set(email.toLowerCase(), user.id);
  }

  userByEmailKey(email: string): UserRec | undefined {
    const id = this.userByEmail.get(email.toLowerCase());
    return id === undefined ? undefined : this.users.get(id);
  }

  /** Users of a state ('any' for all) sorted by name then id; cached until users change. */
  usersSorted(state: UserState | 'any'): UserRec[] {
    if (!this.sortedUsers || this.sortedUsers.stamp !== this.userStamp) {
      this.sortedUsers = { stamp: this.userStamp, byState: new Map() };
    }
    const cached = this.sortedUsers.byState.get(state);
    if (cached) return cached;
    const all = [...this.users.values()].filter((u) => state === 'any' || u.state === state);
    all.sort((a, b) => byName(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.sortedUsers.byState.set(state, all);
    return all;
  }

  // --- grants ------------------------------------------------------------------------------

  /** Adds a grant; false when the user already held it. */
  addGrant(userId: string, roleId: string, divisionId: string, at: string): boolean {
    const mine = this.grants.get(userId);
    if (!mine) throw new Error(`no grants map for ${userId}`);
    const key = `${roleId}|${divisionId}`;
    if (mine.has(key)) return false;
    mine.set(key, { roleId, divisionId, grantMadeAt: at });
    const subjects = this.roleSubjects.get(roleId) ?? new Map<string, Set<string>>();
    this.roleSubjects.set(roleId, subjects);
    const divisions = subjects.get(userId) ?? new Set<string>();
    subjects.set(userId, divisions);
    divisions.add(divisionId);
    return true;
  }

  grantsOf(userId: string): GrantRec[] {
    return [...(this.grants.get(userId)?.values() ?? [])];
  }

  // --- queues ------------------------------------------------------------------------------

  addQueueMember(queueId: string, userId: string): void {
    this.queueMembers.get(queueId)?.add(userId);
    this.userQueues.get(userId)?.add(queueId);
  }

  removeQueueMember(queueId: string, userId: string): void {
    this.queueMembers.get(queueId)?.delete(userId);
    this.userQueues.get(userId)?.delete(queueId);
  }

  // --- locations ---------------------------------------------------------------------------

  addLocation(location: LocationRec): void {
    this.locations.set(location.id, location);
    this.locationByName.set(location.name.toLowerCase(), location.id);
  }

  // --- phones and stations -----------------------------------------------------------------

  addPhone(phone: PhoneRec): void {
    this.phones.set(phone.id, phone);
    if (phone.state === 'deleted') {
      this.deletedPhones.push(phone);
      return;
    }
    this.phoneByName.set(phone.name.toLowerCase(), phone.id);
    if (phone.webRtcUserId) this.phoneByWebRtcUser.set(phone.webRtcUserId, phone.id);
  }

  /** Re-indexes a phone after its name or WebRTC user changed. */
  reindexPhone(phone: PhoneRec, oldName: string, oldWebRtcUserId: string | null): void {
    this.phoneByName.delete(oldName.toLowerCase());
    this.phoneByName.set(phone.name.toLowerCase(), phone.id);
    if (oldWebRtcUserId) this.phoneByWebRtcUser.delete(oldWebRtcUserId);
    if (phone.webRtcUserId) this.phoneByWebRtcUser.set(phone.webRtcUserId, phone.id);
  }

  addStation(phone: PhoneRec, stationId: string, dateCreated: string, visibleFrom: number): StationRec {
    const station: StationRec = {
      id: stationId,
      name: phone.name,
      type: WEBRTC_STATION_TYPE,
      phoneId: phone.id,
      webRtcUserId: phone.webRtcUserId,
      lineAppearanceId: phone.lines[0]?.id ?? '',
      defaultUserId: null,
      associatedUserId: null,
      associatedDate: null,
      dateCreated,
      visibleFrom,
    };
    this.stations.set(station.id, station);
    phone.stationId = station.id;
    return station;
  }

  setDefaultStation(userId: string, stationId: string): void {
    const user = this.users.get(userId);
    const station = this.stations.get(stationId);
    if (!user || !station) throw new Error('setDefaultStation: unknown user or station');
    if (user.defaultStationId && user.defaultStationId !== stationId) {
      const previous = this.stations.get(user.defaultStationId);
      if (previous) previous.defaultUserId = null;
    }
    if (station.defaultUserId && station.defaultUserId !== userId) {
      const other = this.users.get(station.defaultUserId);
      if (other) other.defaultStationId = null;
    }
    user.defaultStationId = stationId;
    station.defaultUserId = userId;
  }

  clearDefaultStation(user: UserRec): void {
    if (!user.defaultStationId) return;
    const station = this.stations.get(user.defaultStationId);
    if (station) station.defaultUserId = null;
    user.defaultStationId = null;
  }

  associateStation(userId: string, stationId: string, at: string): void {
    const user = this.users.get(userId);
    const station = this.stations.get(stationId);
    if (!user || !station) throw new Error('associateStation: unknown user or station');
    if (user.associatedStationId && user.associatedStationId !== stationId) {
      const previous = this.stations.get(user.associatedStationId);
      if (previous) previous.associatedUserId = null;
    }
    if (station.associatedUserId && station.associatedUserId !== userId) {
      const other = this.users.get(station.associatedUserId);
      if (other) {
        other.lastAssociatedStationId = stationId;
        other.associatedStationId = null;
      }
    }
    user.associatedStationId = stationId;
    user.lastAssociatedStationId = stationId;
    station.associatedUserId = userId;
    station.associatedDate = at;
  }

  // --- dump --------------------------------------------------------------------------------

  dump(): SandboxStateDump {
    const named = (m: Map<string, SeedNamed>): Array<{ id: string; name: string }> =>
      [...m.values()].map((x) => ({ id: x.id, name: x.name }));
    return {
      org: {
        id: this.orgId,
        name: this.orgName,
        homeDivisionId: this.homeDivisionId,
        defaultCountryCode: this.defaultCountryCode,
      },
      divisions: [...this.divisions.values()].map((d) => ({ id: d.id, name: d.name, homeDivision: d.home })),
      roles: named(this.roles),
      sites: [...this.sites.values()].map((s) => ({
        id: s.id,
        name: s.name,
        locationId: s.locationId ?? null,
      })),
      phoneBaseSettings: [...this.phoneBases.values()].map((b) => ({
        id: b.id,
        name: b.name,
        phoneMetaBaseId: b.phoneMetaBase.id,
        webRtc: b.phoneMetaBase.id === WEBRTC_META_BASE,
        lines: b.lines.map((l) => ({ id: l.id, name: l.name })),
      })),
      queues: [...this.queues.values()].map((q) => ({ id: q.id, name: q.name, divisionId: q.divisionId })),
      skills: named(this.skills),
      locations: [...this.locations.values()].map((l) => ({
        id: l.id,
        name: l.name,
        dateCreated: l.dateCreated,
      })),
      users: [...this.users.values()].map(dumpUser),
      grants: [...this.grants].flatMap(([subjectId, mine]) =>
        [...mine.values()].map((g) => ({ subjectId, ...g })),
      ),
      queueMembers: [...this.queueMembers].flatMap(([queueId, members]) =>
        [...members].map((userId) => ({ queueId, userId })),
      ),
      phones: [...this.phones.values()].map(dumpPhone),
      stations: [...this.stations.values()].map(dumpStation),
      invites: this.invites.map((i) => ({ ...i })),
    };
  }
}

// The records as dump() shows them: copies, so nothing a test does to a dump reaches the store.
function dumpUser(u: UserRec): DumpUser {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    state: u.state,
    version: u.version,
    divisionId: u.divisionId,
    title: u.title,
    department: u.department,
    addresses: u.addresses.map((a) => ({ ...a })),
    managerId: u.managerId,
    locations: u.locations.map((l) => ({ ...l })),
    skills: [...u.skills].map(([id, proficiency]) => ({ id, proficiency })),
    dateCreated: u.dateCreated,
    dateHire: u.dateHire,
    dateWelcomeSent: u.dateWelcomeSent,
    dateLastLogin: u.dateLastLogin,
    defaultStationId: u.defaultStationId,
    associatedStationId: u.associatedStationId,
  };
}

function dumpPhone(p: PhoneRec): DumpPhone {
  return {
    id: p.id,
    name: p.name,
    siteId: p.siteId,
    phoneBaseSettingsId: p.phoneBaseSettingsId,
    lines: p.lines.map((l) => ({ ...l })),
    webRtcUserId: p.webRtcUserId,
    stationId: p.stationId,
    state: p.state,
    version: p.version,
    dateCreated: p.dateCreated,
  };
}

function dumpStation(s: StationRec): DumpStation {
  return {
    id: s.id,
    name: s.name,
    type: s.type,
    status: s.associatedUserId ? 'ASSOCIATED' : 'AVAILABLE',
    phoneId: s.phoneId,
    webRtcUserId: s.webRtcUserId,
    lineAppearanceId: s.lineAppearanceId,
    defaultUserId: s.defaultUserId,
    associatedUserId: s.associatedUserId,
    dateCreated: s.dateCreated,
    visibleInIndexFrom: new Date(s.visibleFrom).toISOString(),
  };
}
