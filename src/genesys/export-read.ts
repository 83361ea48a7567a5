// The whole org as `gc-onboard export` needs it: every active user with their grants, queues,
// skills, location and default station, plus the names everything refers to. Bulk listings only,
// through the same paced client as the plan; the call count is expectedExportCalls, never one per person.
import type platformClient from 'purecloud-platform-client-v2';
import type { Grant, Named, OrgSnapshot, SnapshotUser } from '../plan/snapshot.js';
import { pageAll, type GenesysClient } from './client.js';
import {
  IDS_PER_CALL,
  livePhones,
  PAGE_SIZE,
  phonesPage,
  queueMemberships,
  rereadDropped,
  type Rereads,
  toBaseSettings,
  toNamed,
  toRoles,
  toSnapshotPhones,
  toSnapshotUser,
  userGrants,
} from './snapshot.js';

type User = platformClient.Models.User;

/** skills, locations and the default station are what the CSVs hold; employerInfo carries the hire date. */
export const EXPORT_USER_EXPAND = ['skills', 'locations', 'station', 'employerInfo'];

export interface ExportUser extends SnapshotUser {
  /** employerInfo.dateHire, '' when unset. */
  hireDate: string;
}

/** What the call count depends on, as the listings reported it. */
export interface ExportSizes {
  divisions: number;
  /** The divisions listing flagged no home division, so it was read on its own. */
  homeReadSeparately: boolean;
  roles: number;
  queues: number;
  skills: number;
  locations: number;
  sites: number;
  phoneBaseSettings: number;
  activeUsers: number;
  /** Per role: subjects holding it (the listing's total). */
  subjectsPerRole: number[];
  /** Per queue: members (the listing's total). */
  membersPerQueue: number[];
  phones: number;
  /** Phones that belong to a WebRTC user; stations are read only when there is one. */
  webRtcPhones: number;
  stations: number;
  /** Managers of active users who are not active users themselves (read by id). */
  otherManagers: number;
  /** Active users whose listing dropped skills, locations or station, read again (rereadDropped). */
  rereads: Rereads;
}

/** What export writes from the expands: a dropped one would blank a column, so those users are read again. */
const EXPORTED_EXPANDS = ['skills', 'locations', 'station'] as const;

/**
 * The org in the shape the plan reads (an OrgSnapshot), but whole: `users` holds every active user,
 * each with all their grants and queue memberships, plus the inactive or deleted managers they name;
 * `phones` every phone with the station it created.
 */
export interface ExportData extends OrgSnapshot {
  users: ExportUser[];
  sizes: ExportSizes;
}

const pages = (count: number, pageSize: number) => Math.max(1, Math.ceil(count / pageSize));

/**
 * API calls readOrgForExport makes (login excluded), with p(n, s) = max(1, ⌈n/s⌉):
 *
 *   calls = p(Dv,100) + h + p(R,100) + p(Q,500) + p(K,500) + p(L,100) + p(Si,100) + p(B,100)
 *         + p(U,500)                      active users, expanded
 *         + Σ over all roles  p(s_r,100)  subject grants
 *         + Σ over all queues p(m_q,100)  members
 *         + p(Ph,100) + (W > 0 ? p(St,100) : 0)
 *         + ⌈X/100⌉                       managers that are not active users, by id
 *         + r                             re-reads of users whose listing dropped an expand (the org's
 *                                         choice: a few by-id listing pages, then single reads)
 *
 * h = 1 only when the divisions listing flags no home division; W = phones with a WebRTC user;
 * X = such managers. Per person it costs 1/500 of a call for the listing plus 1/100 per role grant
 * and per queue membership.
 */
export function expectedExportCalls(sizes: ExportSizes): number {
  const sum = (counts: number[], pageSize: number) =>
    counts.reduce((total, n) => total + pages(n, pageSize), 0);
  return (
    pages(sizes.divisions, PAGE_SIZE.divisions) +
    (sizes.homeReadSeparately ? 1 : 0) +
    pages(sizes.roles, PAGE_SIZE.roles) +
    pages(sizes.queues, PAGE_SIZE.queues) +
    pages(sizes.skills, PAGE_SIZE.skills) +
    pages(sizes.locations, PAGE_SIZE.locations) +
    pages(sizes.sites, PAGE_SIZE.sites) +
    pages(sizes.phoneBaseSettings, PAGE_SIZE.phoneBaseSettings) +
    pages(sizes.activeUsers, PAGE_SIZE.users) +
    sum(sizes.subjectsPerRole, PAGE_SIZE.subjectGrants) +
    sum(sizes.membersPerQueue, PAGE_SIZE.queueMembers) +
    pages(sizes.phones, PAGE_SIZE.phones) +
    (sizes.webRtcPhones > 0 ? pages(sizes.stations, PAGE_SIZE.stations) : 0) +
    Math.ceil(sizes.otherManagers / IDS_PER_CALL) +
    sizes.rereads.listings +
    sizes.rereads.singles
  );
}

interface Counted<T> {
  entities: T[];
  total: number;
}

/** pageAll, keeping the listing's total (the count the formula needs). */
async function listAll<T>(
  fetchPage: (
    pageNumber: number,
    pageSize: number,
  ) => Promise<{ entities?: T[]; pageCount?: number; total?: number }>,
  pageSize: number,
): Promise<Counted<T>> {
  const first = await fetchPage(1, pageSize);
  const entities = await pageAll(fetchPage, pageSize, first);
  return { entities, total: first.total ?? entities.length };
}

/**
 * Reads the org for an export. `checkDivisions` sees the org's divisions before anything else is read
 * (the export's filter throws there for a division the org lacks). The filter does not narrow the
 * reads: managers outside it still need their emails, and the API filters users by none of its fields.
 */
export async function readOrgForExport(
  client: GenesysClient,
  checkDivisions?: (divisions: Named[]) => void,
): Promise<ExportData> {
  const divisionsRead = listDivisions(client);
  // A bad filter fails before the reads that cost.
  if (checkDivisions) checkDivisions(toNamed((await divisionsRead).entities));
  const read = await readAll(client, divisionsRead);
  const flagged = read.divisions.entities.find((division) => division.homeDivision)?.id;
  const homeDivisionId = flagged ?? (await client.authorization.getAuthorizationDivisionsHome()).id ?? '';
  return toExportData(read, homeDivisionId, flagged === undefined);
}

const listDivisions = (client: GenesysClient) =>
  listAll(
    (pageNumber, pageSize) => client.authorization.getAuthorizationDivisions({ pageNumber, pageSize }),
    PAGE_SIZE.divisions,
  );

type OrgRead = Awaited<ReturnType<typeof readAll>>;

/** Every listing at once: grants, members and other managers start as soon as what they need arrives. */
async function readAll(client: GenesysClient, divisionsRead: ReturnType<typeof listDivisions>) {
  const rolesRead = listAll(
    (pageNumber, pageSize) => client.authorization.getAuthorizationRoles({ pageNumber, pageSize }),
    PAGE_SIZE.roles,
  );
  const queuesRead = listAll(
    (pageNumber, pageSize) => client.routing.getRoutingQueues({ pageNumber, pageSize }),
    PAGE_SIZE.queues,
  );
  const usersRead = readActiveUsers(client);
  const [divisions, roles, queues, catalog, telephony, users, grants, members, managers] = await Promise.all([
    divisionsRead,
    rolesRead,
    queuesRead,
    readCatalog(client),
    readPhones(client),
    usersRead,
    rolesRead.then(({ entities }) => readGrants(client, toNamed(entities))),
    queuesRead.then(({ entities }) => readMembers(client, toNamed(entities))),
    usersRead.then(({ entities }) => readOtherManagers(client, entities)),
  ]);
  return { divisions, roles, queues, ...catalog, ...telephony, users, grants, members, managers };
}

/** The names the CSVs use that need nothing else first: skills, locations, sites, base settings. */
async function readCatalog(client: GenesysClient) {
  const { routing, telephony } = client;
  const [skills, locations, sites, baseSettings] = await Promise.all([
    listAll((pageNumber, pageSize) => routing.getRoutingSkills({ pageNumber, pageSize }), PAGE_SIZE.skills),
    listAll(
      (pageNumber, pageSize) => client.locations.getLocations({ pageNumber, pageSize }),
      PAGE_SIZE.locations,
    ),
    listAll(
      (pageNumber, pageSize) => telephony.getTelephonyProvidersEdgesSites({ pageNumber, pageSize }),
      PAGE_SIZE.sites,
    ),
    listAll(
      (pageNumber, pageSize) =>
        telephony.getTelephonyProvidersEdgesPhonebasesettings({ pageNumber, pageSize, expand: ['lines'] }),
      PAGE_SIZE.phoneBaseSettings,
    ),
  ]);
  return { skills, locations, sites, baseSettings };
}

/** Phones as the snapshot lists them (PHONE_LISTING), then stations when some phone has a WebRTC user. */
async function readPhones(client: GenesysClient) {
  const listed = await listAll(
    (pageNumber, pageSize) => phonesPage(client, pageNumber, pageSize),
    PAGE_SIZE.phones,
  );
  // Deleted phones are counted in the total, then dropped.
  const phones = { entities: livePhones(listed.entities), total: listed.total };
  const stations = phones.entities.some((phone) => phone.webRtcUser?.id)
    ? await listAll(
        (pageNumber, pageSize) => client.stations.getStations({ pageNumber, pageSize }),
        PAGE_SIZE.stations,
      )
    : { entities: [], total: 0 };
  return { phones, stations };
}

/** Active users, expanded; those whose listing dropped an expand export needs are read again. */
async function readActiveUsers(client: GenesysClient) {
  const { entities, total } = await listAll(
    (pageNumber, pageSize) =>
      client.users.getUsers({ pageNumber, pageSize, state: 'active', expand: EXPORT_USER_EXPAND }),
    PAGE_SIZE.users,
  );
  const { read, calls } = await rereadDropped(client, entities, EXPORT_USER_EXPAND, () => EXPORTED_EXPANDS);
  return { entities: read.map(({ user }) => user), total, rereads: calls };
}

function toExportData(read: OrgRead, homeDivisionId: string, homeReadSeparately: boolean): ExportData {
  const { divisions, roles, queues, skills, locations, sites, baseSettings, users, phones, stations } = read;
  return {
    homeDivisionId,
    // Export writes numbers as the org stores them and compares nothing: the country is not read.
    defaultCountryCode: null,
    divisions: toNamed(divisions.entities),
    roles: toRoles(roles.entities),
    sites: toNamed(sites.entities),
    phoneBaseSettings: toBaseSettings(baseSettings.entities),
    queues: toNamed(queues.entities),
    skills: toNamed(skills.entities),
    locations: toNamed(locations.entities),
    users: exportUsers(read, homeDivisionId),
    phones: toSnapshotPhones(phones.entities, stations.entities),
    sizes: {
      divisions: divisions.total,
      homeReadSeparately,
      roles: roles.total,
      queues: queues.total,
      skills: skills.total,
      locations: locations.total,
      sites: sites.total,
      phoneBaseSettings: baseSettings.total,
      activeUsers: users.total,
      subjectsPerRole: read.grants.totals,
      membersPerQueue: read.members.totals,
      phones: phones.total,
      webRtcPhones: phones.entities.filter((phone) => phone.webRtcUser?.id).length,
      stations: stations.total,
      otherManagers: otherManagerIds(users.entities).length,
      rereads: users.rereads,
    },
  };
}

/** The active users and the other managers, each with their grants and queue memberships. */
function exportUsers(read: OrgRead, homeDivisionId: string): ExportUser[] {
  const byId = new Map<string, ExportUser>();
  for (const user of [...read.users.entities, ...read.managers]) {
    if (!user.id || byId.has(user.id)) continue; // pages read while the org changes may overlap
    byId.set(user.id, {
      ...toSnapshotUser(user, homeDivisionId),
      hireDate: user.employerInfo?.dateHire ?? '',
    });
  }
  for (const { subjectId, grant } of read.grants.grants) byId.get(subjectId)?.grants.push(grant);
  for (const { userId, queueId } of read.members.members) {
    const user = byId.get(userId);
    if (user && !user.queueIds.includes(queueId)) user.queueIds.push(queueId);
  }
  return [...byId.values()];
}

function otherManagerIds(active: User[]): string[] {
  const ids = new Set(active.flatMap((user) => (user.id ? [user.id] : [])));
  const missing = new Set<string>();
  for (const user of active) {
    const managerId = user.manager?.id;
    if (managerId && !ids.has(managerId)) missing.add(managerId);
  }
  return [...missing].sort();
}

/** Managers who are not active users (inactive, or deleted since): GET /users?id=…&state=any, 100 ids a call. */
async function readOtherManagers(client: GenesysClient, active: User[]): Promise<User[]> {
  const ids = otherManagerIds(active);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_CALL) chunks.push(ids.slice(i, i + IDS_PER_CALL));
  const found = await Promise.all(
    chunks.map((id) => client.users.getUsers({ id, state: 'any', pageSize: IDS_PER_CALL, pageNumber: 1 })),
  );
  return found.flatMap((listing) => listing.entities ?? []);
}

async function readGrants(
  client: GenesysClient,
  roles: Named[],
): Promise<{ grants: { subjectId: string; grant: Grant }[]; totals: number[] }> {
  const perRole = await Promise.all(
    roles.map(async (role) => {
      const subjects = await listAll(
        (pageNumber, pageSize) =>
          client.authorization.getAuthorizationRoleSubjectgrants(role.id, { pageNumber, pageSize }),
        PAGE_SIZE.subjectGrants,
      );
      return { grants: userGrants(role, subjects.entities), total: subjects.total };
    }),
  );
  return { grants: perRole.flatMap((role) => role.grants), totals: perRole.map((role) => role.total) };
}

async function readMembers(
  client: GenesysClient,
  queues: Named[],
): Promise<{ members: { userId: string; queueId: string }[]; totals: number[] }> {
  const perQueue = await Promise.all(
    queues.map(async (queue) => {
      const members = await listAll(
        (pageNumber, pageSize) =>
          client.routing.getRoutingQueueMembers(queue.id, { pageNumber, pageSize, memberBy: 'user' }),
        PAGE_SIZE.queueMembers,
      );
      return { members: queueMemberships(queue, members.entities), total: members.total };
    }),
  );
  return {
    members: perQueue.flatMap((queue) => queue.members),
    totals: perQueue.map((queue) => queue.total),
  };
}
