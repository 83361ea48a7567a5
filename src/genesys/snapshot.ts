// The org snapshot: everything the plan needs, read in bulk, mapped to the plain types of
// src/plan/snapshot.ts. The number of calls depends on the org's size and on how many roles, queues
// and distinct emails the batch names, never on one read per person: see expectedSnapshotCalls.
import type { SnapshotNeed } from '../plan/need.js';
import type platformClient from 'purecloud-platform-client-v2';
import type {
  Contact,
  Grant,
  Named,
  OrgSnapshot,
  SnapshotBaseSettings,
  SnapshotPhone,
  SnapshotUser,
} from '../plan/snapshot.js';
import { pageAll, type GenesysClient } from './client.js';

type User = platformClient.Models.User;

export type { SnapshotNeed } from '../plan/need.js';

/** Largest page sizes the API allows per listing. */
export const PAGE_SIZE = {
  divisions: 100,
  roles: 100,
  sites: 100,
  phoneBaseSettings: 100,
  queues: 500,
  skills: 500,
  locations: 100,
  users: 500,
  userSearch: 100,
  subjectGrants: 100,
  queueMembers: 100,
  phones: 100,
  stations: 100,
} as const;

/** GET /api/v2/users answers 400 for inactive users past the 10,000th. */
const INACTIVE_LISTING_CAP = 10_000;
const WEBRTC_META_BASE = 'inin_webrtc_softphone.json';
const USER_EXPAND = ['skills', 'locations', 'station', 'dateLastLogin'];

export type UserStrategy = 'none' | 'search' | 'page' | 'search-after-probe';

/**
 * How the users the batch names are found. Searching costs S = ⌈E/100⌉ calls and finds every state
 * at once. Paging costs p(Ma,500) + p(Mi,500) for the active and inactive listings, plus ⌈D/100⌉
 * searches among deleted users for the D emails no live user has. The rule, so that knowing costs at
 * most two calls:
 * - E ≤ 200: search (S ≤ 2, and paging needs at least those 2 listing calls);
 * - else read the first page of active and of inactive users (500 each; paging needs them anyway).
 *   Their totals give the paging cost. At least E − Ma − Mi emails are certainly new, so page only if
 *   p(Ma,500) + p(Mi,500) − 2 + ⌈(E − Ma − Mi)⁺/100⌉ < S (and Mi ≤ 10,000, the listing's cap);
 *   otherwise search, and the two pages were the price of knowing.
 */
export function chooseUserStrategy(
  emails: number,
  activeUsers?: number,
  inactiveUsers?: number,
): UserStrategy {
  if (emails === 0) return 'none';
  const searchCalls = Math.ceil(emails / PAGE_SIZE.userSearch);
  if (searchCalls <= 2) return 'search';
  if (activeUsers === undefined || inactiveUsers === undefined) return 'search-after-probe'; // not known yet
  if (inactiveUsers > INACTIVE_LISTING_CAP) return 'search-after-probe';
  const certainlyNew = Math.max(0, emails - activeUsers - inactiveUsers);
  const pagingCalls =
    pages(activeUsers, PAGE_SIZE.users) +
    pages(inactiveUsers, PAGE_SIZE.users) +
    Math.ceil(certainlyNew / PAGE_SIZE.userSearch);
  // Ties go to search: its cost is exact, the paging cost is a lower bound.
  return pagingCalls - 2 < searchCalls ? 'page' : 'search-after-probe';
}

/** What the org holds that the call count depends on. */
export interface SnapshotSizes {
  divisions: number;
  roles: number;
  sites: number;
  phoneBaseSettings: number;
  /** Base settings whose listing entry came without `lines` (each read by id). */
  phoneBaseSettingsWithoutLines: number;
  queues: number;
  skills: number;
  locations: number;
  /** Distinct emails the batch names. */
  emails: number;
  activeUsers: number;
  inactiveUsers: number;
  /** Of those emails, how many no active or inactive user has (searched among deleted users when paging). */
  emailsWithoutLiveUser: number;
  /** For each role the batch names that exists: how many subjects hold it. */
  subjectsPerRole: number[];
  /** For each queue the batch names that exists: how many members it has. */
  membersPerQueue: number[];
  /** Whether the batch has phones (phones and stations are read only then). */
  withPhones: boolean;
  phones: number;
  stations: number;
}

/**
 * The number of API calls loadSnapshot makes (logins excluded), with p(n, s) = max(1, ⌈n/s⌉):
 *
 *   calls = 1 (home division) + p(Dv,100) + p(R,100) + p(Si,100) + p(B,100) + B₀ + p(Q,500) + p(K,500) + p(L,100)
 *         + users
 *         + Σ over named roles  p(subjects_r, 100)
 *         + Σ over named queues p(members_q, 100)
 *         + (batch has phones ? p(Ph,100) + p(St,100) : 0)
 *
 *   users = 0                                  when E = 0
 *         = ⌈E/100⌉                            search, when E ≤ 200
 *         = p(Ma,500) + p(Mi,500) + ⌈D/100⌉    page all users, when chooseUserStrategy says so
 *         = 2 + ⌈E/100⌉                        otherwise (first pages read, then search)
 *
 * E = distinct emails, Ma/Mi = active/inactive users in the org, D = emails no active or inactive user
 * has (searched among deleted users), B₀ = base settings listed without lines. Assumes at most one
 * user per email and state (so a search chunk is one page). Nothing grows with the number of rows.
 */
export function expectedSnapshotCalls(sizes: SnapshotSizes): number {
  const fixed =
    1 +
    pages(sizes.divisions, PAGE_SIZE.divisions) +
    pages(sizes.roles, PAGE_SIZE.roles) +
    pages(sizes.sites, PAGE_SIZE.sites) +
    pages(sizes.phoneBaseSettings, PAGE_SIZE.phoneBaseSettings) +
    sizes.phoneBaseSettingsWithoutLines +
    pages(sizes.queues, PAGE_SIZE.queues) +
    pages(sizes.skills, PAGE_SIZE.skills) +
    pages(sizes.locations, PAGE_SIZE.locations);
  const searchCalls = Math.ceil(sizes.emails / PAGE_SIZE.userSearch);
  const strategy = chooseUserStrategy(sizes.emails, sizes.activeUsers, sizes.inactiveUsers);
  const users =
    strategy === 'none'
      ? 0
      : strategy === 'search'
        ? searchCalls
        : strategy === 'page'
          ? pages(sizes.activeUsers, PAGE_SIZE.users) +
            pages(sizes.inactiveUsers, PAGE_SIZE.users) +
            Math.ceil(sizes.emailsWithoutLiveUser / PAGE_SIZE.userSearch)
          : 2 + searchCalls;
  const grants = sizes.subjectsPerRole.reduce((sum, n) => sum + pages(n, PAGE_SIZE.subjectGrants), 0);
  const members = sizes.membersPerQueue.reduce((sum, n) => sum + pages(n, PAGE_SIZE.queueMembers), 0);
  const phones = sizes.withPhones
    ? pages(sizes.phones, PAGE_SIZE.phones) + pages(sizes.stations, PAGE_SIZE.stations)
    : 0;
  return fixed + users + grants + members + phones;
}

function pages(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}

/** Reads the org in bulk: every listing at its largest page size, all at once under the transport's pacing. */
export async function loadSnapshot(client: GenesysClient, need: SnapshotNeed): Promise<OrgSnapshot> {
  const { authorization, routing, telephony } = client;
  const emails = [...new Set(need.emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
  const withPhones = need.phoneNames.length > 0;

  const rolesRead = pageAll(
    (pageNumber, pageSize) => authorization.getAuthorizationRoles({ pageNumber, pageSize }),
    PAGE_SIZE.roles,
  );
  const queuesRead = pageAll(
    (pageNumber, pageSize) => routing.getRoutingQueues({ pageNumber, pageSize }),
    PAGE_SIZE.queues,
  );
  // Grants and members start as soon as the role and queue lists arrive, alongside everything else.
  const grantsRead = rolesRead.then((roles) => readGrants(client, named(roles, need.roleNames)));
  const membersRead = queuesRead.then((queues) => readMembers(client, named(queues, need.queueNames)));

  const [
    home,
    divisions,
    roles,
    sites,
    baseSettings,
    queues,
    skills,
    locations,
    users,
    grants,
    members,
    phones,
    stations,
  ] = await Promise.all([
    authorization.getAuthorizationDivisionsHome(),
    pageAll(
      (pageNumber, pageSize) => authorization.getAuthorizationDivisions({ pageNumber, pageSize }),
      PAGE_SIZE.divisions,
    ),
    rolesRead,
    pageAll(
      (pageNumber, pageSize) => telephony.getTelephonyProvidersEdgesSites({ pageNumber, pageSize }),
      PAGE_SIZE.sites,
    ),
    readBaseSettings(client),
    queuesRead,
    pageAll((pageNumber, pageSize) => routing.getRoutingSkills({ pageNumber, pageSize }), PAGE_SIZE.skills),
    pageAll(
      (pageNumber, pageSize) => client.locations.getLocations({ pageNumber, pageSize }),
      PAGE_SIZE.locations,
    ),
    readUsers(client, emails),
    grantsRead,
    membersRead,
    withPhones
      ? pageAll(
          (pageNumber, pageSize) => telephony.getTelephonyProvidersEdgesPhones({ pageNumber, pageSize }),
          PAGE_SIZE.phones,
        )
      : Promise.resolve([]),
    withPhones
      ? pageAll(
          (pageNumber, pageSize) => client.stations.getStations({ pageNumber, pageSize }),
          PAGE_SIZE.stations,
        )
      : Promise.resolve([]),
  ]);

  const homeDivisionId = home.id ?? '';
  const snapshotUsers = users.map((user) => toSnapshotUser(user, homeDivisionId));
  const byId = new Map(snapshotUsers.map((user) => [user.id, user]));
  for (const { subjectId, grant } of grants) byId.get(subjectId)?.grants.push(grant);
  for (const { userId, queueId } of members) byId.get(userId)?.queueIds.push(queueId);

  return {
    homeDivisionId,
    divisions: toNamed(divisions),
    roles: toNamed(roles),
    sites: toNamed(sites),
    phoneBaseSettings: baseSettings,
    queues: toNamed(queues),
    skills: toNamed(skills),
    locations: toNamed(locations),
    users: snapshotUsers,
    phones: toSnapshotPhones(phones, stations, need.phoneNames, new Set(byId.keys())),
  };
}

/** Users with the given emails: at most one per email, a live (active/inactive) user before a deleted one. */
async function readUsers(client: GenesysClient, emails: string[]): Promise<User[]> {
  let strategy = chooseUserStrategy(emails.length);
  if (strategy === 'none') return [];
  if (strategy === 'search')
    return pickPerEmail(await searchUsers(client, emails, ['active', 'inactive', 'deleted']));

  const listPage = (state: 'active' | 'inactive') => (pageNumber: number, pageSize: number) =>
    client.users.getUsers({ pageNumber, pageSize, state, expand: USER_EXPAND });
  const [firstActive, firstInactive] = await Promise.all([
    listPage('active')(1, PAGE_SIZE.users),
    listPage('inactive')(1, PAGE_SIZE.users),
  ]);
  strategy = chooseUserStrategy(emails.length, firstActive.total ?? 0, firstInactive.total ?? 0);
  if (strategy !== 'page')
    return pickPerEmail(await searchUsers(client, emails, ['active', 'inactive', 'deleted']));

  const [active, inactive] = await Promise.all([
    pageAll(listPage('active'), PAGE_SIZE.users, firstActive),
    pageAll(listPage('inactive'), PAGE_SIZE.users, firstInactive),
  ]);
  const wanted = new Set(emails);
  const live = [...active, ...inactive].filter((user) => wanted.has(emailOf(user)));
  const found = new Set(live.map(emailOf));
  const missing = emails.filter((email) => !found.has(email));
  const deleted = missing.length > 0 ? await searchUsers(client, missing, ['deleted']) : [];
  return pickPerEmail([...live, ...deleted]);
}

/** POST /api/v2/users/search, 100 emails per query (EXACT on email with `values`), all chunks at once. */
async function searchUsers(client: GenesysClient, emails: string[], states: string[]): Promise<User[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < emails.length; i += PAGE_SIZE.userSearch)
    chunks.push(emails.slice(i, i + PAGE_SIZE.userSearch));
  const results = await Promise.all(
    chunks.map((chunk) =>
      pageAll<User>(async (pageNumber, pageSize) => {
        const response = await client.users.postUsersSearch({
          pageNumber,
          pageSize,
          expand: USER_EXPAND,
          query: [
            { type: 'EXACT', fields: ['email'], values: chunk },
            { type: 'EXACT', fields: ['state'], values: states },
          ],
        });
        return { entities: response.results ?? [], pageCount: response.pageCount, total: response.total };
      }, PAGE_SIZE.userSearch),
    ),
  );
  return results.flat();
}

const STATE_RANK: Record<string, number> = { active: 0, inactive: 1, deleted: 2 };

function pickPerEmail(users: User[]): User[] {
  const best = new Map<string, User>();
  for (const user of users) {
    const email = emailOf(user);
    const current = best.get(email);
    if (!current || (STATE_RANK[user.state ?? ''] ?? 3) < (STATE_RANK[current.state ?? ''] ?? 3))
      best.set(email, user);
  }
  return [...best.values()];
}

function emailOf(user: User): string {
  return (user.email ?? '').trim().toLowerCase();
}

async function readGrants(
  client: GenesysClient,
  roles: Named[],
): Promise<{ subjectId: string; grant: Grant }[]> {
  const perRole = await Promise.all(
    roles.map(async (role) => {
      const subjects = await pageAll(
        (pageNumber, pageSize) =>
          client.authorization.getAuthorizationRoleSubjectgrants(role.id, { pageNumber, pageSize }),
        PAGE_SIZE.subjectGrants,
      );
      return subjects
        .filter((subject) => subject.id && (subject.type === undefined || subject.type === 'PC_USER'))
        .flatMap((subject) =>
          (subject.divisions ?? []).flatMap((division) =>
            division.id
              ? [{ subjectId: subject.id as string, grant: { roleId: role.id, divisionId: division.id } }]
              : [],
          ),
        );
    }),
  );
  return perRole.flat();
}

async function readMembers(
  client: GenesysClient,
  queues: Named[],
): Promise<{ userId: string; queueId: string }[]> {
  const perQueue = await Promise.all(
    queues.map(async (queue) => {
      const members = await pageAll(
        (pageNumber, pageSize) =>
          client.routing.getRoutingQueueMembers(queue.id, { pageNumber, pageSize, memberBy: 'user' }),
        PAGE_SIZE.queueMembers,
      );
      return members.flatMap((member) => {
        const userId = member.user?.id ?? member.id;
        return userId ? [{ userId, queueId: queue.id }] : [];
      });
    }),
  );
  return perQueue.flat();
}

/** The listing with `expand=lines`; a base settings listed without its lines is read by id (there are few). */
async function readBaseSettings(client: GenesysClient): Promise<SnapshotBaseSettings[]> {
  const listed = await pageAll(
    (pageNumber, pageSize) =>
      client.telephony.getTelephonyProvidersEdgesPhonebasesettings({
        pageNumber,
        pageSize,
        expand: ['lines'],
      }),
    PAGE_SIZE.phoneBaseSettings,
  );
  const complete = await Promise.all(
    listed.map((base) =>
      base.id && (!base.lines || base.lines.length === 0) && base.phoneMetaBase?.id !== undefined
        ? client.telephony.getTelephonyProvidersEdgesPhonebasesetting(base.id)
        : Promise.resolve(base),
    ),
  );
  return complete
    .filter((base) => base.id)
    .map((base) => ({
      id: base.id as string,
      name: base.name,
      webRtc: base.phoneMetaBase?.id === WEBRTC_META_BASE,
      lineBaseSettingsId: base.lines?.[0]?.id ?? null,
    }));
}

/** A SDK User as the plan sees it (grants and queueIds empty: those are read per role and per queue). */
export function toSnapshotUser(user: User, homeDivisionId: string): SnapshotUser {
  const addresses: Contact[] = (user.addresses ?? []).map(toContact);
  const workPhones = addresses.filter((contact) => contact.mediaType === 'PHONE' && contact.type === 'WORK');
  return {
    id: user.id ?? '',
    name: user.name ?? '',
    email: user.email ?? '',
    state: user.state === 'inactive' || user.state === 'deleted' ? user.state : 'active',
    version: user.version,
    divisionId: user.division?.id ?? homeDivisionId,
    title: user.title ?? '',
    department: user.department ?? '',
    phoneWork: workPhones.find((contact) => contact.address)?.address ?? '',
    extension: workPhones.find((contact) => contact.extension)?.extension ?? '',
    addresses,
    managerId: user.manager?.id ?? null,
    locationIds: (user.locations ?? []).flatMap((location) => {
      const id = location.locationDefinition?.id ?? location.id;
      return id ? [id] : [];
    }),
    grants: [],
    queueIds: [],
    skills: (user.skills ?? []).flatMap((skill) =>
      skill.id ? [{ skillId: skill.id, proficiency: skill.proficiency ?? 0 }] : [],
    ),
    defaultStationId: user.station?.defaultStation?.id ?? null,
    dateWelcomeSent: user.dateWelcomeSent ?? null,
    dateLastLogin: user.dateLastLogin ?? null,
  };
}

function toContact(contact: platformClient.Models.Contact): Contact {
  const kept: Contact = {};
  for (const key of ['address', 'display', 'mediaType', 'type', 'extension', 'countryCode'] as const) {
    const value = contact[key];
    if (value !== undefined) kept[key] = value;
  }
  return kept;
}

/** Phones the batch names, and the phones of the batch's users, each with the station it created. */
function toSnapshotPhones(
  phones: platformClient.Models.Phone[],
  stations: platformClient.Models.Station[],
  phoneNames: string[],
  userIds: Set<string>,
): SnapshotPhone[] {
  const names = new Set(phoneNames.map(normalise));
  const stationByLine = new Map<string, string>();
  const stationByWebRtcUser = new Map<string, string>();
  for (const station of stations) {
    if (!station.id) continue;
    if (station.lineAppearanceId) stationByLine.set(station.lineAppearanceId, station.id);
    if (station.webRtcUserId) stationByWebRtcUser.set(station.webRtcUserId, station.id);
  }
  return phones
    .filter(
      (phone) => phone.id && (names.has(normalise(phone.name)) || userIds.has(phone.webRtcUser?.id ?? '')),
    )
    .map((phone) => {
      const webRtcUserId = phone.webRtcUser?.id ?? null;
      const byLine = (phone.lines ?? []).map((line) => stationByLine.get(line.id ?? '')).find(Boolean);
      return {
        id: phone.id as string,
        name: phone.name,
        siteId: phone.site?.id ?? '',
        baseSettingsId: phone.phoneBaseSettings?.id ?? '',
        webRtcUserId,
        stationId: byLine ?? (webRtcUserId ? (stationByWebRtcUser.get(webRtcUserId) ?? null) : null),
      };
    });
}

/** Names compare trimmed, case- and space-insensitively, so a role the plan matches loosely still has its grants read. */
function normalise(name: string | undefined): string {
  return (name ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

function named(entities: { id?: string; name?: string }[], names: string[]): Named[] {
  const wanted = new Set(names.map(normalise));
  return toNamed(entities).filter((entity) => wanted.has(normalise(entity.name)));
}

function toNamed(entities: { id?: string; name?: string }[]): Named[] {
  return entities.flatMap((entity) => (entity.id ? [{ id: entity.id, name: entity.name ?? '' }] : []));
}
