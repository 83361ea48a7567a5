// The org snapshot: everything the plan needs, read in bulk, mapped to the plain types of
// src/plan/snapshot.ts. The number of calls depends on the org's size and on how many roles, queues
// and distinct emails the batch names, never on one read per person: see snapshotCallPlan.
import type { ExpandedField, SnapshotNeed } from '../plan/need.js';
import type platformClient from 'purecloud-platform-client-v2';
import {
  anyPermissions,
  DEFAULT_PHONE_PERMISSION,
  rolePermissions,
  rolesGrant,
} from '../plan/permissions.js';
import { isWorkPhone, readWorkPhone, toE164 } from '../phone-number.js';
import type {
  Contact,
  Grant,
  Named,
  OrgSnapshot,
  SnapshotBaseSettings,
  SnapshotPhone,
  SnapshotRole,
  SnapshotUser,
} from '../plan/snapshot.js';
import { pageAll, type GenesysClient, type Page } from './client.js';

type User = platformClient.Models.User;
type UserState = 'active' | 'inactive' | 'deleted';

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

/**
 * GET /api/v2/users answers 400 for inactive users past the 10,000th (reference/genesys.md §7.14).
 * The same cap is assumed for deleted users: past it, the users are searched instead of paged.
 */
export const LISTING_CAP = 10_000;
const WEBRTC_META_BASE = 'inin_webrtc_softphone.json';
/** The welcome and last-login dates come back only when asked for (real-api.md §5). */
export const USER_EXPAND = ['skills', 'locations', 'station', 'dateWelcomeSent', 'dateLastLogin'];
/**
 * Phones are listed with the WebRTC user (only given with `fields`, real-api.md §1), their lines (the
 * station they made is found by line), sorted by id (no 10,000-result cap, §8).
 */
export const PHONE_LISTING = { fields: ['webRtcUser'], expand: ['lines'], sortBy: 'id' } as const;

/**
 * One page of phones as PHONE_LISTING asks for them, optionally filtered (by name, by WebRTC user):
 * the one way every reader (snapshot, export, apply's lookups) lists phones.
 */
export function phonesPage(
  client: GenesysClient,
  pageNumber: number,
  pageSize: number,
  filter: { name?: string; webRtcUserId?: string } = {},
): Promise<platformClient.Models.PhoneEntityListing> {
  return client.telephony.getTelephonyProvidersEdgesPhones({
    ...filter,
    pageNumber,
    pageSize,
    fields: [...PHONE_LISTING.fields],
    expand: [...PHONE_LISTING.expand],
    sortBy: PHONE_LISTING.sortBy,
  });
}

/** Users in each state, as far as known (the totals of the first page of each listing). */
export interface UserCounts {
  active?: number;
  inactive?: number;
  deleted?: number;
}

/**
 * The next step in finding the users with E given emails, from what is known so far.
 * - search: POST /api/v2/users/search, 100 emails per call, all states at once: S = ⌈E/100⌉ calls.
 * - page: list every active, inactive and deleted user, 500 per call: p(Ma) + p(Mi) + p(Md) calls.
 * - probe: read the first page of a listing to learn its total (the page is kept if paging follows).
 * Both ways find every email; the cheaper one is chosen, paying at most 3 calls to learn the org's size:
 * 1. S ≤ 3: search (paging costs at least 3 calls, one per state).
 * 2. Active total unknown: probe it (1 call).
 * 3. p(Ma) − 1 + 2 ≥ S: search (the rest of paging costs at least that much).
 * 4. Inactive and deleted totals unknown: probe both (2 calls, in parallel).
 * 5. Page if (p(Ma) − 1) + (p(Mi) − 1) + (p(Md) − 1) < S and neither Mi nor Md exceeds LISTING_CAP; else search.
 * Ties go to search: it returns only the users asked for.
 */
export function chooseUserStrategy(
  emails: number,
  counts: UserCounts = {},
): 'none' | 'search' | 'probe-active' | 'probe-others' | 'page' {
  if (emails === 0) return 'none';
  const search = Math.ceil(emails / PAGE_SIZE.userSearch);
  if (search <= 3) return 'search';
  if (counts.active === undefined) return 'probe-active';
  const activePages = pages(counts.active, PAGE_SIZE.users);
  if (activePages + 1 >= search) return 'search';
  if (counts.inactive === undefined || counts.deleted === undefined) return 'probe-others';
  if (counts.inactive > LISTING_CAP || counts.deleted > LISTING_CAP) return 'search';
  // What paging still costs: every page but the three first ones, already read.
  const rest = [counts.active, counts.inactive, counts.deleted].reduce(
    (sum, users) => sum + pages(users, PAGE_SIZE.users) - 1,
    0,
  );
  return rest < search ? 'page' : 'search';
}

/** The calls chooseUserStrategy leads to, probes included, for E emails against an org of these sizes. */
export function userCalls(
  emails: number,
  active: number,
  inactive: number,
  deleted: number,
): { listing: number; search: number } {
  const search = Math.ceil(emails / PAGE_SIZE.userSearch);
  const counts: UserCounts = {};
  let listing = 0;
  for (;;) {
    const step = chooseUserStrategy(emails, counts);
    if (step === 'none') return { listing: 0, search: 0 };
    if (step === 'search') return { listing, search };
    if (step === 'page')
      return {
        listing:
          pages(active, PAGE_SIZE.users) + pages(inactive, PAGE_SIZE.users) + pages(deleted, PAGE_SIZE.users),
        search: 0,
      };
    if (step === 'probe-active') {
      counts.active = active;
      listing += 1;
    } else {
      counts.inactive = inactive;
      counts.deleted = deleted;
      listing += 2;
    }
  }
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
  /** Distinct emails the batch names (people, managers, phone owners). */
  emails: number;
  activeUsers: number;
  inactiveUsers: number;
  deletedUsers: number;
  /** Whether a people.csv row or a phone owner is an active or inactive user: grants and members are read only then. */
  liveUsersFound: boolean;
  /** For each role the batch names that exists: how many subjects hold it. */
  subjectsPerRole: number[];
  /** For each queue the batch names that exists: how many members it has. */
  membersPerQueue: number[];
  /** Whether the batch has phones: phones are read only then. */
  withPhones: boolean;
  phones: number;
  /** Phones named by the batch or owned by its phone owners: stations are read only when there are some. */
  phonesKept: number;
  stations: number;
  /** Some row gives a work phone: the org's default country is read once. */
  workPhones: boolean;
  /** Users whose listing or search dropped an expand their rows decide on, read again (rereadDropped). */
  rereads: Rereads;
  /** Existing phone owners whose roles the batch names do not show `conversation:call:add`: each one's grants read. */
  ownersToCheck: number;
}

/**
 * The API calls loadSnapshot makes (logins excluded), by route, with p(n, s) = max(1, ⌈n/s⌉):
 *
 *   fixed   = 1 (home division) + p(Dv,100) + p(R,100) + p(Si,100) + p(B,100) + B₀ + p(Q,500) + p(K,500) + p(L,100)
 *   users   = userCalls(E, Ma, Mi, Md): ⌈E/100⌉ searches, or p(Ma,500) + p(Mi,500) + p(Md,500) listing pages,
 *             plus at most 3 probe pages when searching wins after probing
 *   grants  = Σ over named roles  p(subjects_r, 100)      } only when a people.csv row or a phone owner
 *   members = Σ over named queues p(members_q, 100)       } is a live user (never for a manager alone)
 *   phones  = p(Ph,100) + (phones kept ? p(St,100) : 0)   only when the batch has phones
 *   country = 1 (GET /organizations/me)                    only when a row gives a work phone
 *   rereads = X (GET /users?id= pages, then GET /users/{id}) users whose listing dropped an expand their
 *                                                          rows decide on (skills, location_work, a phone)
 *   owners  = O (GET /authorization/subjects/{id})         existing phone owners not shown to hold
 *                                                          conversation:call:add by the roles the batch names
 *
 * E = distinct emails, Ma/Mi/Md = active/inactive/deleted users in the org, B₀ = base settings listed
 * without lines. Assumes at most one user per email (Genesys refuses a second), so a search is one page.
 * Nothing but X and O grows with the number of rows, and those only with people the org answered
 * incompletely about (X) or who get a phone without a calling role the batch shows (O).
 */
export function snapshotCallPlan(sizes: SnapshotSizes): Record<string, number> {
  const users = userCalls(sizes.emails, sizes.activeUsers, sizes.inactiveUsers, sizes.deletedUsers);
  const sum = (counts: number[], pageSize: number) =>
    sizes.liveUsersFound ? counts.reduce((total, n) => total + pages(n, pageSize), 0) : 0;
  const plan: Record<string, number> = {
    'GET /api/v2/authorization/divisions/home': 1,
    'GET /api/v2/authorization/divisions': pages(sizes.divisions, PAGE_SIZE.divisions),
    'GET /api/v2/authorization/roles': pages(sizes.roles, PAGE_SIZE.roles),
    'GET /api/v2/telephony/providers/edges/sites': pages(sizes.sites, PAGE_SIZE.sites),
    'GET /api/v2/telephony/providers/edges/phonebasesettings': pages(
      sizes.phoneBaseSettings,
      PAGE_SIZE.phoneBaseSettings,
    ),
    'GET /api/v2/telephony/providers/edges/phonebasesettings/{id}': sizes.phoneBaseSettingsWithoutLines,
    'GET /api/v2/routing/queues': pages(sizes.queues, PAGE_SIZE.queues),
    'GET /api/v2/routing/skills': pages(sizes.skills, PAGE_SIZE.skills),
    'GET /api/v2/locations': pages(sizes.locations, PAGE_SIZE.locations),
    'GET /api/v2/users': users.listing + sizes.rereads.listings,
    'POST /api/v2/users/search': users.search,
    'GET /api/v2/authorization/roles/{id}/subjectgrants': sum(sizes.subjectsPerRole, PAGE_SIZE.subjectGrants),
    'GET /api/v2/routing/queues/{id}/members': sum(sizes.membersPerQueue, PAGE_SIZE.queueMembers),
    'GET /api/v2/telephony/providers/edges/phones': sizes.withPhones
      ? pages(sizes.phones, PAGE_SIZE.phones)
      : 0,
    'GET /api/v2/stations':
      sizes.withPhones && sizes.phonesKept > 0 ? pages(sizes.stations, PAGE_SIZE.stations) : 0,
    'GET /api/v2/organizations/me': sizes.workPhones ? 1 : 0,
    'GET /api/v2/users/{id}': sizes.rereads.singles,
    'GET /api/v2/authorization/subjects/{id}': sizes.ownersToCheck,
  };
  return Object.fromEntries(Object.entries(plan).filter(([, calls]) => calls > 0));
}

/** The total of snapshotCallPlan. */
export function expectedSnapshotCalls(sizes: SnapshotSizes): number {
  return Object.values(snapshotCallPlan(sizes)).reduce((total, calls) => total + calls, 0);
}

function pages(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}

/** Reads the org in bulk: every listing at its largest page size, all at once under the transport's pacing. */
export async function loadSnapshot(client: GenesysClient, need: SnapshotNeed): Promise<OrgSnapshot> {
  // Each starts all its calls before awaiting any: the batch's reads first, then the org-wide listings.
  const [batch, listings] = await Promise.all([readForBatch(client, need), readListings(client)]);
  const { users, roles } = batch;
  const byId = new Map(users.map((user) => [user.id, user]));
  for (const { subjectId, grant } of batch.grants) byId.get(subjectId)?.grants.push(grant);
  for (const { userId, queueId } of batch.members) byId.get(userId)?.queueIds.push(queueId);
  const phones = toSnapshotPhones(batch.kept, batch.stations);
  await readOwnerGrants(client, ownersToCheck(users, need.phoneOwners, roles, phones));

  return {
    homeDivisionId: batch.homeDivisionId,
    defaultCountryCode: batch.defaultCountryCode,
    divisions: toNamed(listings.divisions),
    roles,
    sites: toNamed(listings.sites),
    phoneBaseSettings: listings.baseSettings,
    queues: toNamed(batch.queues),
    skills: toNamed(listings.skills),
    locations: toNamed(listings.locations),
    users,
    phones,
  };
}

const emailKey = (email: string) => email.trim().toLowerCase();

/**
 * The reads the batch decides (its emails, roles, queues, phones, work phones): roles, queues, the home
 * division, users, phones and the country start at once; grants, members and stations when what they
 * depend on is in.
 */
async function readForBatch(client: GenesysClient, need: SnapshotNeed) {
  const { authorization, routing } = client;
  const emails = [...new Set(need.emails.map(emailKey).filter(Boolean))];
  const rolesRead = pageAll(
    (pageNumber, pageSize) => authorization.getAuthorizationRoles({ pageNumber, pageSize }),
    PAGE_SIZE.roles,
  ).then(toRoles);
  const queuesRead = pageAll(
    (pageNumber, pageSize) => routing.getRoutingQueues({ pageNumber, pageSize }),
    PAGE_SIZE.queues,
  );
  const homeRead = authorization.getAuthorizationDivisionsHome();
  const usersRead = Promise.all([readUsers(client, emails), homeRead]).then(([users, home]) =>
    completeUsers(client, users, home.id ?? '', need.decidingFields),
  );
  const owners = new Set(need.phoneOwners.map(emailKey));
  const access = readAccess(client, need, owners, { roles: rolesRead, queues: queuesRead, users: usersRead });
  const batchPhones = readBatchPhones(client, need, owners, usersRead);
  const countryRead = need.workPhones
    ? client.organization.getOrganizationsMe().then((org) => org.defaultCountryCode ?? null)
    : Promise.resolve(null);

  const [home, roles, queues, users, grants, members, kept, stations, defaultCountryCode] = await Promise.all(
    [
      homeRead,
      rolesRead,
      queuesRead,
      usersRead,
      access.grants,
      access.members,
      batchPhones.kept,
      batchPhones.stations,
      countryRead,
    ],
  );
  return {
    homeDivisionId: home.id ?? '',
    roles,
    queues,
    users,
    grants,
    members,
    kept,
    stations,
    defaultCountryCode,
  };
}

/**
 * Grants and members matter only for people the batch may update (existing people.csv rows and phone
 * owners), never for a manager alone: a batch of new hires naming existing managers skips them (a role
 * such as `employee` is held by everyone, so its subject grants cost ~M/100 calls).
 */
function readAccess(
  client: GenesysClient,
  need: SnapshotNeed,
  owners: ReadonlySet<string>,
  reads: {
    roles: Promise<SnapshotRole[]>;
    queues: Promise<platformClient.Models.Queue[]>;
    users: Promise<SnapshotUser[]>;
  },
) {
  const updated = new Set([...need.peopleEmails.map(emailKey), ...owners]);
  const liveRead = reads.users.then((users) =>
    users.some((user) => user.state !== 'deleted' && updated.has(emailKey(user.email))),
  );
  return {
    grants: Promise.all([reads.roles, liveRead]).then(([roles, live]) =>
      live ? readGrants(client, named(roles, need.roleNames)) : [],
    ),
    members: Promise.all([reads.queues, liveRead]).then(([queues, live]) =>
      live ? readMembers(client, named(queues, need.queueNames)) : [],
    ),
  };
}

/**
 * Only the batch's phones are kept (named by it, or its phone owners'); stations are read only to pair
 * those with the station they made, so new hires' phones read none.
 */
function readBatchPhones(
  client: GenesysClient,
  need: SnapshotNeed,
  owners: ReadonlySet<string>,
  usersRead: Promise<SnapshotUser[]>,
) {
  const phonesRead = need.phoneNames.length > 0 ? listPhones(client, need.phoneNames) : Promise.resolve([]);
  const kept = Promise.all([phonesRead, usersRead]).then(([phones, users]) =>
    keptPhones(
      phones,
      need.phoneNames,
      new Set(users.filter((user) => owners.has(emailKey(user.email))).map((user) => user.id)),
    ),
  );
  const stations = kept.then((phones) =>
    phones.length > 0
      ? pageAll(
          (pageNumber, pageSize) => client.stations.getStations({ pageNumber, pageSize }),
          PAGE_SIZE.stations,
        )
      : [],
  );
  return { kept, stations };
}

/** The org-wide listings: the plan looks any name a row gives up in them. */
async function readListings(client: GenesysClient) {
  const { authorization, routing, telephony } = client;
  const [divisions, sites, baseSettings, skills, locations] = await Promise.all([
    pageAll(
      (pageNumber, pageSize) => authorization.getAuthorizationDivisions({ pageNumber, pageSize }),
      PAGE_SIZE.divisions,
    ),
    pageAll(
      (pageNumber, pageSize) => telephony.getTelephonyProvidersEdgesSites({ pageNumber, pageSize }),
      PAGE_SIZE.sites,
    ),
    readBaseSettings(client),
    pageAll((pageNumber, pageSize) => routing.getRoutingSkills({ pageNumber, pageSize }), PAGE_SIZE.skills),
    pageAll(
      (pageNumber, pageSize) => client.locations.getLocations({ pageNumber, pageSize }),
      PAGE_SIZE.locations,
    ),
  ]);
  return { divisions, sites, baseSettings, skills, locations };
}

/**
 * The live phones the batch may meet, as PHONE_LISTING asks for them, without the deleted ones (they
 * stay listed: real-api.md §8): those it names and those with a WebRTC user (one may be a phone
 * owner's), each with only the fields the plan reads.
 */
export async function listPhones(client: GenesysClient, phoneNames: string[]): Promise<Phone[]> {
  const names = new Set(phoneNames.map(normalise));
  return pageAll(
    (pageNumber, pageSize) => phonesPage(client, pageNumber, pageSize),
    PAGE_SIZE.phones,
    undefined,
    (page) =>
      livePhones(page)
        .filter((phone) => phone.id && (names.has(normalise(phone.name)) || phone.webRtcUser?.id))
        .map(planFields),
  );
}

/** What keptPhones and toSnapshotPhones read of a phone. */
function planFields(phone: Phone): Phone {
  return {
    id: phone.id,
    name: phone.name,
    ...(phone.site?.id ? { site: { id: phone.site.id } } : {}),
    ...(phone.phoneBaseSettings?.id ? { phoneBaseSettings: { id: phone.phoneBaseSettings.id } } : {}),
    ...(phone.webRtcUser?.id ? { webRtcUser: { id: phone.webRtcUser.id } } : {}),
    ...(phone.lines ? { lines: phone.lines.map((line) => ({ id: line.id })) } : {}),
  } as Phone;
}

/** A deleted phone holds no name and no user any more. */
export function livePhones<T extends { state?: string }>(phones: T[]): T[] {
  return phones.filter((phone) => phone.state !== 'deleted');
}

/** The roles with what each grants (null when the listing gives no permission fields). */
export function toRoles(roles: platformClient.Models.DomainOrganizationRole[]): SnapshotRole[] {
  return roles.flatMap((role) =>
    role.id ? [{ id: role.id, name: role.name ?? '', permissions: rolePermissions(role) }] : [],
  );
}

/**
 * The users mapped for the plan. A live user whose listing or search dropped an expand that one of
 * their rows decides on is read again (rereadDropped): the plan must not take "no skills" or "no
 * default station" from a missing field. A dropped expand nobody decides on costs nothing.
 */
async function completeUsers(
  client: GenesysClient,
  users: User[],
  homeDivisionId: string,
  decidingFields: SnapshotNeed['decidingFields'],
): Promise<SnapshotUser[]> {
  const fieldsOf = (user: User) => decidingFields[emailOf(user)] ?? [];
  const { read } = await rereadDropped(client, users, USER_EXPAND, fieldsOf);
  return read.map(({ user, byId }) => toSnapshotUser(user, homeDivisionId, byId));
}

/** The calls rereadDropped made: by-id listing pages, then single reads. The org's drops decide them. */
export interface Rereads {
  listings: number;
  singles: number;
}

/** GET /users takes at most 100 ids per call. */
export const IDS_PER_CALL = 100;
/** Listing rounds before the rest is read one by one; fewer than LIST_FROM left are read one by one at once. */
const LIST_ROUNDS = 3;
const LIST_FROM = 3;

/**
 * Users read again where their listing dropped an expanded field they need (`fieldsOf`), cheapest first:
 * listed again by id, 100 a call (`GET /users?id=…`, itself best effort, so up to LIST_ROUNDS rounds),
 * then one by one (`GET /users/{id}`, which the SDK doc names as the reliable read). Random drops
 * shrink the remainder ~15-fold a round; a remainder that does not halve is an org that leaves the field
 * out when empty, and is taken as empty without more calls. `byId`: read with GET /users/{id}.
 */
export async function rereadDropped(
  client: GenesysClient,
  users: readonly User[],
  expand: string[],
  fieldsOf: (user: User) => readonly ExpandedField[],
): Promise<{ read: { user: User; byId: boolean }[]; calls: Rereads }> {
  const read = users.map((user) => ({ user, byId: false }));
  const calls: Rereads = { listings: 0, singles: 0 };
  const pending = () =>
    read.flatMap((entry, index) =>
      entry.user.id && entry.user.state !== 'deleted' && droppedExpand(entry.user, fieldsOf(entry.user))
        ? [index]
        : [],
    );
  let left = pending();
  for (let round = 0; round < LIST_ROUNDS && left.length >= LIST_FROM; round++) {
    const ids = left.map((index) => read[index]?.user.id ?? '');
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_CALL) chunks.push(ids.slice(i, i + IDS_PER_CALL));
    calls.listings += chunks.length;
    const listed = await Promise.all(
      chunks.map((id) =>
        client.users.getUsers({ id, state: 'any', expand, pageSize: IDS_PER_CALL, pageNumber: 1 }),
      ),
    );
    const byId = new Map(listed.flatMap((page) => page.entities ?? []).map((user) => [user.id, user]));
    for (const index of left) {
      const entry = read[index];
      const again = entry && byId.get(entry.user.id);
      if (entry && again) entry.user = again;
    }
    const before = left.length;
    left = pending();
    if (left.length > before / 2) return { read, calls };
  }
  calls.singles = left.length;
  await Promise.all(
    left.map(async (index) => {
      const entry = read[index];
      if (!entry?.user.id) return;
      read[index] = { user: await client.users.getUser(entry.user.id, { expand }), byId: true };
    }),
  );
  return { read, calls };
}

/**
 * Whether a user read with USER_EXPAND lacks one of these fields. The API returns them even when empty
 * (`skills: []`, `station: {}`), so absent means the expand was dropped (best effort, real-api.md §6).
 */
export function droppedExpand(user: User, fields: readonly ExpandedField[]): boolean {
  return fields.some((field) => user[field] === undefined);
}

/**
 * Existing live phone owners the roles the batch names do not show holding `conversation:call:add`,
 * and whose WebRTC phone is not already their default (then nothing is assigned): their grants are
 * read whole. None when the roles listing says nothing about permissions (the plan warns instead).
 */
export function ownersToCheck(
  users: readonly SnapshotUser[],
  phoneOwners: readonly string[],
  roles: readonly SnapshotRole[],
  phones: readonly SnapshotPhone[],
): SnapshotUser[] {
  if (!anyPermissions(roles)) return [];
  const owners = new Set(phoneOwners.map((email) => email.trim().toLowerCase()));
  return users.filter((user) => {
    if (user.state === 'deleted' || user.grantsComplete || !owners.has(user.email.trim().toLowerCase()))
      return false;
    const isDefault = phones.some(
      (phone) =>
        phone.webRtcUserId === user.id &&
        phone.stationId !== null &&
        phone.stationId === user.defaultStationId,
    );
    if (isDefault) return false;
    const held = user.grants.map((grant) => grant.roleId);
    return !rolesGrant(roles, held, DEFAULT_PHONE_PERMISSION);
  });
}

/** GET /authorization/subjects/{id} for each user: their grants, whole. */
async function readOwnerGrants(client: GenesysClient, owners: SnapshotUser[]): Promise<void> {
  await Promise.all(
    owners.map(async (user) => {
      const subject = await client.authorization.getAuthorizationSubject(user.id);
      user.grants = subjectGrants(subject);
      user.grantsComplete = true;
    }),
  );
}

/** A subject's grants as (role, division) pairs. */
export function subjectGrants(subject: platformClient.Models.AuthzSubject): Grant[] {
  return (subject.grants ?? []).flatMap((grant) =>
    grant.role?.id && grant.division?.id ? [{ roleId: grant.role.id, divisionId: grant.division.id }] : [],
  );
}

/**
 * Only the users with these emails, in every state (for invites: state, welcome and last login), without
 * the lists, grants and memberships a plan needs: the home division plus the user reads. With
 * `confirmWelcome` (the default), an active user whose welcome and last login both came back missing
 * is read by id (one call each) so that an invite is never decided on a dropped expand.
 */
export async function loadUsers(
  client: GenesysClient,
  emails: string[],
  options: { confirmWelcome?: boolean } = {},
): Promise<SnapshotUser[]> {
  const wanted = [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
  const [home, users] = await Promise.all([
    client.authorization.getAuthorizationDivisionsHome(),
    readUsers(client, wanted, INVITE_EXPAND),
  ]);
  const homeDivisionId = home.id ?? '';
  const confirm = options.confirmWelcome ?? true;
  return Promise.all(
    users.map(async (user) => {
      const mapped = toSnapshotUser(user, homeDivisionId);
      if (!confirm || !user.id || !welcomeUnknown(mapped)) return mapped;
      return toSnapshotUser(
        await client.users.getUser(user.id, { expand: INVITE_EXPAND }),
        homeDivisionId,
        true,
      );
    }),
  );
}

/** What an invite decides on. */
const INVITE_EXPAND = ['dateWelcomeSent', 'dateLastLogin'];

/** An active user the invite would go to, if the missing welcome date means "never": not known yet. */
export function welcomeUnknown(user: SnapshotUser): boolean {
  return user.state === 'active' && !user.welcomeKnown && user.dateLastLogin === null;
}

/** The users with the given emails, in every state, by search or by paging: see chooseUserStrategy. */
async function readUsers(
  client: GenesysClient,
  emails: string[],
  expand: string[] = USER_EXPAND,
): Promise<User[]> {
  const list =
    (state: UserState) =>
    (pageNumber: number, pageSize: number): Promise<Page<User>> =>
      client.users.getUsers({
        pageNumber,
        pageSize,
        state,
        // Deleted users only block their email: nothing else about them is needed.
        ...(state === 'deleted' ? {} : { expand }),
      });
  const counts: UserCounts = {};
  const first: Partial<Record<UserState, Page<User>>> = {};
  const probe = async (states: UserState[]) => {
    const read = await Promise.all(states.map((state) => list(state)(1, PAGE_SIZE.users)));
    read.forEach((page, index) => {
      const state = states[index] as UserState;
      first[state] = page;
      counts[state] = page.total ?? (page.pageCount ?? 1) * PAGE_SIZE.users;
    });
  };
  for (;;) {
    const step = chooseUserStrategy(emails.length, counts);
    if (step === 'none') return [];
    if (step === 'search') return pickPerEmail(await searchUsers(client, emails, expand));
    if (step === 'probe-active') await probe(['active']);
    else if (step === 'probe-others') await probe(['inactive', 'deleted']);
    else {
      const states: UserState[] = ['active', 'inactive', 'deleted'];
      const wanted = new Set(emails);
      const all = await Promise.all(
        states.map((state) =>
          pageAll(list(state), PAGE_SIZE.users, first[state], (users) =>
            users.filter((user) => wanted.has(emailOf(user))),
          ),
        ),
      );
      return pickPerEmail(all.flat());
    }
  }
}

/** POST /api/v2/users/search, 100 emails per query (EXACT on email with `values`) in every state, all chunks at once. */
async function searchUsers(client: GenesysClient, emails: string[], expand: string[]): Promise<User[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < emails.length; i += PAGE_SIZE.userSearch)
    chunks.push(emails.slice(i, i + PAGE_SIZE.userSearch));
  const results = await Promise.all(
    chunks.map((chunk) =>
      pageAll<User>(async (pageNumber, pageSize) => {
        const response = await client.users.postUsersSearch({
          pageNumber,
          pageSize,
          expand,
          query: [
            { type: 'EXACT', fields: ['email'], values: chunk },
            // Without this, search leaves deleted users out, and their emails must be reported as taken.
            { type: 'EXACT', fields: ['state'], values: ['active', 'inactive', 'deleted'] },
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
      return userGrants(role, subjects);
    }),
  );
  return perRole.flat();
}

/** The user grants of one role's subject listing: one per (user, division). */
export function userGrants(
  role: Named,
  subjects: platformClient.Models.SubjectDivisionGrants[],
): { subjectId: string; grant: Grant }[] {
  return subjects
    .filter((subject) => subject.id && (subject.type === undefined || subject.type === 'PC_USER'))
    .flatMap((subject) =>
      (subject.divisions ?? []).flatMap((division) =>
        division.id
          ? [{ subjectId: subject.id as string, grant: { roleId: role.id, divisionId: division.id } }]
          : [],
      ),
    );
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
      return queueMemberships(queue, members);
    }),
  );
  return perQueue.flat();
}

/** One queue's member listing as (user, queue) pairs. */
export function queueMemberships(
  queue: Named,
  members: platformClient.Models.QueueMember[],
): { userId: string; queueId: string }[] {
  return members.flatMap((member) => {
    const userId = member.user?.id ?? member.id;
    return userId ? [{ userId, queueId: queue.id }] : [];
  });
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
  return toBaseSettings(complete);
}

export function toBaseSettings(listed: platformClient.Models.PhoneBase[]): SnapshotBaseSettings[] {
  return listed
    .filter((base) => base.id)
    .map((base) => ({
      id: base.id as string,
      name: base.name,
      webRtc: base.phoneMetaBase?.id === WEBRTC_META_BASE,
      lineBaseSettingsId: base.lines?.[0]?.id ?? null,
    }));
}

/**
 * A SDK User as the plan sees it (grants and queueIds empty: those are read per role and per queue).
 * `byId`: read with GET /users/{id}, whose missing welcome date means "never" (a listing's may be a dropped expand).
 */
export function toSnapshotUser(user: User, homeDivisionId: string, byId = false): SnapshotUser {
  const addresses: Contact[] = (user.addresses ?? []).map(toContact);
  const work = addresses.find(isWorkPhone);
  const { number, extension } = work ? readWorkPhone(work) : { number: '', extension: '' };
  return {
    id: user.id ?? '',
    name: user.name ?? '',
    email: user.email ?? '',
    state: user.state === 'inactive' || user.state === 'deleted' ? user.state : 'active',
    version: user.version,
    divisionId: user.division?.id ?? homeDivisionId,
    title: user.title ?? '',
    department: user.department ?? '',
    // A number written internationally (`+1 215-555-0110` in `display`) is kept as E.164 (`+12155550110`).
    phoneWork: number.startsWith('+') ? (toE164(number, null) ?? number) : number,
    extension,
    addresses,
    managerId: user.manager?.id ?? null,
    locationIds: (user.locations ?? []).flatMap((location) => {
      const id = location.locationDefinition?.id ?? location.id;
      return id ? [id] : [];
    }),
    grants: [],
    grantsComplete: false,
    queueIds: [],
    skills: (user.skills ?? []).flatMap((skill) =>
      skill.id ? [{ skillId: skill.id, proficiency: skill.proficiency ?? 0 }] : [],
    ),
    defaultStationId: user.station?.defaultStation?.id ?? null,
    dateWelcomeSent: user.dateWelcomeSent ?? null,
    dateLastLogin: user.dateLastLogin ?? null,
    welcomeKnown: byId || user.dateWelcomeSent !== undefined,
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

type Phone = platformClient.Models.Phone;

/** Phones the batch names, and the phones of its phone owners (matched by id, so deleted users' phones too). */
function keptPhones(phones: Phone[], phoneNames: string[], userIds: Set<string>): Phone[] {
  const names = new Set(phoneNames.map(normalise));
  return phones.filter(
    (phone) => phone.id && (names.has(normalise(phone.name)) || userIds.has(phone.webRtcUser?.id ?? '')),
  );
}

/** Each kept phone with the station it created: by line appearance, else by its WebRTC user. */
export function toSnapshotPhones(
  phones: Phone[],
  stations: platformClient.Models.Station[],
): SnapshotPhone[] {
  const stationByLine = new Map<string, string>();
  const stationByWebRtcUser = new Map<string, string>();
  for (const station of stations) {
    if (!station.id) continue;
    if (station.lineAppearanceId) stationByLine.set(station.lineAppearanceId, station.id);
    if (station.webRtcUserId) stationByWebRtcUser.set(station.webRtcUserId, station.id);
  }
  return phones.flatMap((phone) => {
    if (!phone.id) return [];
    const webRtcUserId = phone.webRtcUser?.id ?? null;
    const byLine = (phone.lines ?? []).map((line) => stationByLine.get(line.id ?? '')).find(Boolean);
    return [
      {
        id: phone.id,
        name: phone.name,
        siteId: phone.site?.id ?? '',
        baseSettingsId: phone.phoneBaseSettings?.id ?? '',
        webRtcUserId,
        stationId: byLine ?? (webRtcUserId ? (stationByWebRtcUser.get(webRtcUserId) ?? null) : null),
      },
    ];
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

export function toNamed(entities: { id?: string; name?: string }[]): Named[] {
  return entities.flatMap((entity) => (entity.id ? [{ id: entity.id, name: entity.name ?? '' }] : []));
}
