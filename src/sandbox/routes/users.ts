// /api/v2/users…: list, get, search, create, patch, invite, queues, routing skills, stations.

import { ApiError, badRequest, conflict, invalidValue, notFound } from '../errors.js';
import { CALL_ADD, holdsPermission } from '../permissions.js';
import type { Paging } from '../paging.js';
import { byName, checkPaging, listing, listParam, readPaging, sliceOf } from '../paging.js';
import { renderQueue, renderUser, renderUserSkill, renderUserStations, USER_EXPANDS } from '../render.js';
import type { ApiResult, HandlerContext, Route } from '../router.js';
import { accepted, noContent, ok, route } from '../router.js';
import type { Criterion } from '../search.js';
import {
  matchesAll,
  mentionsField,
  readCriteria,
  readSearchSortOrder,
  USER_SEARCH_TYPES,
} from '../search.js';
import type { OrgStore, UserRec, UserState } from '../store.js';
import type { Json } from '../validate.js';
import {
  asArray,
  asObject,
  isEmail,
  optionalString,
  readContacts,
  rejectUnknownFields,
  requiredString,
} from '../validate.js';

const MAX_USERS_PAGE = 500;
const MAX_SEARCH_PAGE = 100;
const MAX_USER_SUBLIST_PAGE = 100;
const MAX_IDS = 100;
const INACTIVE_LISTING_CAP = 10_000;
const MAX_SKILLS_PER_CALL = 50;
const MAX_SKILLS_PER_USER = 50;

const iso = (ms: number): string => new Date(ms).toISOString();

/** A user that is not deleted, else 404. */
export function liveUser(store: OrgStore, id: string): UserRec {
  const user = store.users.get(id);
  if (!user || user.state === 'deleted') throw notFound(`The user ${id} could not be found.`, id);
  return user;
}

function readExpand(values: readonly unknown[] | null): Set<string> {
  const expand = new Set<string>();
  for (const value of values ?? []) {
    if (typeof value !== 'string' || !USER_EXPANDS.has(value)) {
      throw invalidValue('expand', `Invalid expand value [${String(value)}].`);
    }
    expand.add(value);
  }
  return expand;
}

function readStateFilter(
  raw: string | null,
  fallback: UserState | 'any' | 'live',
): UserState | 'any' | 'live' {
  if (raw === null || raw === '') return fallback;
  if (raw === 'active' || raw === 'inactive' || raw === 'deleted' || raw === 'any') return raw;
  throw invalidValue(
    'state',
    `Value [${raw}] is not valid for field state. Allowable values are: active, inactive, deleted, any`,
  );
}

function matchesState(user: UserRec, state: UserState | 'any' | 'live'): boolean {
  if (state === 'any') return true;
  if (state === 'live') return user.state !== 'deleted';
  return user.state === state;
}

/**
 * sortOrder of GET /users and GET /users/{id}/routingskills: the spec's enum is ascending and
 * descending (default declared as ASC). With the spec contract on, those three only; lenient, also
 * ASC and DESC in any case (the sandbox's old reading).
 */
export function readSortOrder(ctx: HandlerContext): 'ASC' | 'DESC' {
  const raw = ctx.query.get('sortOrder');
  if (raw === null || raw === '' || raw === 'ascending' || raw === 'ASC') return 'ASC';
  if (raw === 'descending') return 'DESC';
  const upper = raw.toUpperCase();
  if (!ctx.real.behaviours.specContract && (upper === 'ASC' || upper === 'DESC')) return upper;
  throw invalidValue(
    'sortOrder',
    `Value [${raw}] is not valid for field sortOrder. Allowable values are: ascending, descending`,
  );
}

/** Best effort (real-api.md §6): in a listing, each requested expand may be left out of a user. */
function listingExpand(ctx: HandlerContext, expand: ReadonlySet<string>): ReadonlySet<string> {
  if (expand.size === 0 || ctx.real.behaviours.expandDropRate === 0) return expand;
  return new Set([...expand].filter(() => !ctx.real.dropsExpand()));
}

function getUsers(ctx: HandlerContext): ApiResult {
  const { store, query } = ctx;
  const paging = readPaging(query, MAX_USERS_PAGE);
  const expand = readExpand(listParam(query, 'expand'));
  const state = readStateFilter(query.get('state'), 'active');
  if (state === 'inactive' && paging.pageNumber * paging.pageSize > INACTIVE_LISTING_CAP) {
    throw badRequest(
      `Listing inactive users is limited to the first ${INACTIVE_LISTING_CAP} results; use search instead.`,
      'pageNumber',
    );
  }
  const ids = listParam(query, 'id');
  let users: UserRec[];
  if (ids) {
    if (ids.length > MAX_IDS) throw invalidValue('id', `At most ${MAX_IDS} ids may be requested at once.`);
    users = [...new Set(ids)]
      .map((id) => store.users.get(id))
      .filter((u): u is UserRec => u !== undefined && matchesState(u, state))
      .sort(byName);
  } else {
    users = store.usersSorted(state === 'live' ? 'any' : state);
  }
  if (readSortOrder(ctx) === 'DESC') users = [...users].reverse();
  const page = sliceOf(users, paging).map((u) => renderUser(store, u, listingExpand(ctx, expand)));
  return ok(listing(ctx.path, query, paging, users.length, page));
}

function getUser(ctx: HandlerContext): ApiResult {
  const { store, query } = ctx;
  const id = ctx.params.userId ?? '';
  const expand = readExpand(listParam(query, 'expand'));
  const state = readStateFilter(query.get('state'), 'live');
  const user = store.users.get(id);
  if (!user || !matchesState(user, state)) throw notFound(`The user ${id} could not be found.`, id);
  return ok(renderUser(store, user, expand));
}

// --- search ------------------------------------------------------------------------------------

const SEARCH_REQUEST_FIELDS: ReadonlySet<string> = new Set([
  'sortOrder',
  'sortBy',
  'pageSize',
  'pageNumber',
  'sort',
  'expand',
  'query',
  'integrationPresenceSource',
  'enforcePermissions',
]);
const USER_SEARCH_FIELDS: ReadonlySet<string> = new Set(['email', 'name', 'state', 'id']);
const USER_SEARCH = { fields: USER_SEARCH_FIELDS, types: USER_SEARCH_TYPES };

function userField(u: UserRec, field: string): string {
  if (field === 'email') return u.email;
  if (field === 'name') return u.name;
  if (field === 'state') return u.state;
  return u.id;
}

function unique(users: Array<UserRec | undefined>): UserRec[] {
  return [...new Set(users)].filter((u): u is UserRec => u !== undefined);
}

/** Candidates from an index when an AND criterion is EXACT on email or id alone, else everyone. */
function searchCandidates(store: OrgStore, criteria: Criterion[]): UserRec[] {
  for (const c of criteria) {
    if (c.type !== 'EXACT' || c.operator !== 'AND' || c.group || c.fields.length !== 1) continue;
    if (c.fields[0] === 'email') {
      return unique(c.values.map((v) => store.userByEmailKey(v)));
    }
    if (c.fields[0] === 'id') {
      return unique(c.values.map((v) => store.users.get(v)));
    }
  }
  return store.usersSorted('any');
}

function postUsersSearch(ctx: HandlerContext): ApiResult {
  const { store } = ctx;
  const body = asObject(ctx.body, 'UserSearchRequest');
  rejectUnknownFields(body, SEARCH_REQUEST_FIELDS, 'UserSearchRequest');
  const paging = checkPaging(body.pageSize, body.pageNumber, MAX_SEARCH_PAGE);
  const expand = readExpand(body.expand === undefined ? null : asArray(body.expand, 'expand'));
  const criteria = readCriteria(body.query, USER_SEARCH);
  const strict = ctx.real.behaviours.specContract;
  const descending = readSearchSortOrder(body.sortOrder, strict) === 'DESC';
  const sortBy = optionalString(body, 'sortBy');
  const asksForState = mentionsField(criteria, 'state');
  const fields = [...USER_SEARCH_FIELDS];
  const found = searchCandidates(store, criteria)
    .filter((u) => u.searchableFrom <= ctx.now)
    .filter((u) => asksForState || u.state !== 'deleted')
    .filter((u) => matchesAll(criteria, (f) => userField(u, f), fields))
    .sort(
      sortBy && USER_SEARCH_FIELDS.has(sortBy)
        ? (a, b) => userField(a, sortBy).localeCompare(userField(b, sortBy)) || byName(a, b)
        : byName,
    );
  if (descending) found.reverse();
  const results = sliceOf(found, paging).map((u) => renderUser(store, u, listingExpand(ctx, expand)));
  return ok(searchResponse('users', paging, found.length, results));
}

/** Genesys search responses leave `results` out when there are none. */
export function searchResponse(
  type: string,
  paging: { pageSize: number; pageNumber: number },
  total: number,
  results: unknown[],
): Json {
  const response: Json = {
    total,
    pageCount: Math.ceil(total / paging.pageSize),
    pageSize: paging.pageSize,
    pageNumber: paging.pageNumber,
    types: [type],
  };
  if (results.length > 0) response.results = results;
  return response;
}

// --- create and update --------------------------------------------------------------------------

const CREATE_USER_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'department',
  'email',
  'addresses',
  'title',
  'password',
  'divisionId',
  'state',
]);

const UPDATE_USER_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'chat',
  'department',
  'email',
  'primaryContactInfo',
  'addresses',
  'title',
  'username',
  'preferredName',
  'manager',
  'images',
  'version',
  'profileSkills',
  'locations',
  'groups',
  'state',
  'acdAutoAnswer',
  'certifications',
  'biography',
  'employerInfo',
  'selfUri',
]);

function readEmail(obj: Json): string {
  const email = requiredString(obj, 'email');
  if (!isEmail(email)) throw invalidValue('email', `[${email}] is not a valid email address.`);
  return email;
}

function assertEmailFree(store: OrgStore, email: string, exceptUserId?: string): void {
  const holder = store.userByEmailKey(email);
  if (holder && holder.id !== exceptUserId) {
    throw conflict(`The email address ${email} is already in use by another user (state: ${holder.state}).`);
  }
}

function readActiveState(obj: Json): 'active' | 'inactive' | undefined {
  const state = optionalString(obj, 'state');
  if (state === undefined) return undefined;
  if (state !== 'active' && state !== 'inactive') {
    throw invalidValue(
      'state',
      `Value [${state}] is not valid for field state. Allowable values are: active, inactive`,
    );
  }
  return state;
}

function postUsers(ctx: HandlerContext): ApiResult {
  const { store } = ctx;
  const body = asObject(ctx.body, 'CreateUser');
  rejectUnknownFields(body, CREATE_USER_FIELDS, 'CreateUser');
  const name = requiredString(body, 'name');
  const email = readEmail(body);
  // The spec requires divisionId; the lenient sandbox defaults it to the home division.
  const divisionId = ctx.real.behaviours.specContract
    ? requiredString(body, 'divisionId')
    : optionalString(body, 'divisionId') || store.homeDivisionId;
  if (!store.divisions.has(divisionId))
    throw invalidValue('divisionId', `The division ${divisionId} does not exist.`);
  const title = optionalString(body, 'title') ?? '';
  const department = optionalString(body, 'department') ?? '';
  const addresses =
    body.addresses === undefined ? [] : readContacts(body.addresses, 'addresses', countryOf(ctx));
  optionalString(body, 'password');
  const state = readActiveState(body) ?? 'active';
  assertEmailFree(store, email);
  const user: UserRec = {
    id: ctx.newId(),
    name,
    email,
    state,
    version: 1,
    divisionId,
    title,
    department,
    addresses,
    managerId: null,
    locations: [],
    skills: new Map(),
    acdAutoAnswer: false,
    dateCreated: iso(ctx.now),
    createdAtMs: ctx.now,
    searchableFrom: ctx.now + ctx.userSearchLagMs,
    dateHire: null,
    dateWelcomeSent: null,
    dateLastLogin: null,
    defaultStationId: null,
    associatedStationId: null,
    lastAssociatedStationId: null,
  };
  store.addUser(user);
  return ok(renderUser(store, user, new Set()));
}

/** The country numbers are read in: the org's with real-org addresses, none (lenient) without. */
function countryOf(ctx: HandlerContext): string | null {
  return ctx.store.real.addressShapes ? ctx.store.defaultCountryCode : null;
}

/** employerInfo (EmployerInfo): only dateHire is kept, as `YYYY-MM-DD`; `{}` or null clears it. */
function readDateHire(body: Json): string | null | undefined {
  if (body.employerInfo === undefined) return undefined;
  if (body.employerInfo === null) return null;
  const info = asObject(body.employerInfo, 'employerInfo');
  rejectUnknownFields(
    info,
    new Set(['officialName', 'employeeId', 'employeeType', 'dateHire']),
    'EmployerInfo',
  );
  const date = info.dateHire;
  if (date === undefined || date === null || date === '') return null;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw invalidValue('employerInfo.dateHire', 'employerInfo.dateHire must be a date, YYYY-MM-DD.');
  }
  return date;
}

function readManager(store: OrgStore, body: Json, self: UserRec): string | null | undefined {
  if (!('manager' in body)) return undefined;
  const manager = body.manager;
  if (manager === null || manager === '') return null;
  if (typeof manager !== 'string') throw invalidValue('manager', 'manager must be a user id (string).');
  const found = store.users.get(manager);
  if (!found || found.state === 'deleted')
    throw invalidValue('manager', `The manager ${manager} does not exist.`);
  if (found.id === self.id) throw invalidValue('manager', 'A user cannot be their own manager.');
  return manager;
}

function readLocations(store: OrgStore, body: Json): Array<{ id: string; notes?: string }> | undefined {
  if (body.locations === undefined) return undefined;
  const list = asArray(body.locations, 'locations');
  const seen = new Set<string>();
  const result: Array<{ id: string; notes?: string }> = [];
  list.forEach((item, i) => {
    const entry = asObject(item, `locations[${i}]`);
    const id = entry.id;
    if (typeof id !== 'string' || !store.locations.has(id)) {
      throw invalidValue(`locations[${i}].id`, `The location ${String(id)} does not exist.`);
    }
    const notes = optionalString(entry, 'notes');
    if (seen.has(id)) return;
    seen.add(id);
    result.push(notes === undefined ? { id } : { id, notes });
  });
  return result;
}

function patchUser(ctx: HandlerContext): ApiResult {
  const { store } = ctx;
  const id = ctx.params.userId ?? '';
  const user = store.users.get(id);
  if (!user) throw notFound(`The user ${id} could not be found.`, id);
  const body = asObject(ctx.body, 'UpdateUser');
  rejectUnknownFields(body, UPDATE_USER_FIELDS, 'UpdateUser');
  const version = body.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw badRequest('version is required and must be the current version of the user.', 'version');
  }
  const state = readActiveState(body);
  if (user.state === 'deleted' && state !== 'active')
    throw notFound(`The user ${id} could not be found.`, id);
  if (version !== user.version) {
    throw ctx.real.staleVersion(
      `The version supplied (${version}) does not match the current version of the user (${user.version}).`,
      id,
    );
  }
  // Read and check everything first: a failed PATCH changes nothing.
  const name = body.name === undefined ? undefined : requiredString(body, 'name');
  const email = body.email === undefined ? undefined : readEmail(body);
  if (email !== undefined) assertEmailFree(store, email, user.id);
  const title = optionalString(body, 'title');
  const department = optionalString(body, 'department');
  const addresses =
    body.addresses === undefined ? undefined : readContacts(body.addresses, 'addresses', countryOf(ctx));
  const managerId = readManager(store, body, user);
  const dateHire = readDateHire(body);
  const locations = readLocations(store, body);
  const acdAutoAnswer = body.acdAutoAnswer;
  if (acdAutoAnswer !== undefined && typeof acdAutoAnswer !== 'boolean') {
    throw invalidValue('acdAutoAnswer', 'acdAutoAnswer must be a boolean.');
  }

  if (name !== undefined) user.name = name;
  if (email !== undefined) store.changeEmail(user, email);
  if (title !== undefined) user.title = title;
  if (department !== undefined) user.department = department;
  if (addresses !== undefined) user.addresses = addresses;
  if (managerId !== undefined) user.managerId = managerId;
  if (locations !== undefined) user.locations = locations;
  if (acdAutoAnswer !== undefined) user.acdAutoAnswer = acdAutoAnswer;
  if (dateHire !== undefined) user.dateHire = dateHire;
  if (state !== undefined) user.state = state;
  user.version++;
  store.usersChanged();
  return ok(renderUser(store, user, new Set()));
}

// --- invite ---------------------------------------------------------------------------------------

function postUserInvite(ctx: HandlerContext): ApiResult {
  const { store } = ctx;
  const id = ctx.params.userId ?? '';
  const user = store.users.get(id);
  if (!user) throw notFound(`The user ${id} could not be found.`, id);
  if (user.state === 'deleted') throw badRequest(`The user ${id} is deleted and cannot be invited.`);
  const force = ctx.query.get('force') === 'true';
  const at = iso(ctx.now);
  const base = { userId: user.id, email: user.email, at, force };
  if (user.dateWelcomeSent && !force) {
    store.invites.push({ ...base, sent: false, outcome: 'skipped-already-sent' });
    return noContent();
  }
  store.invites.push({ ...base, sent: true, outcome: user.dateWelcomeSent ? 'resent' : 'sent' });
  user.dateWelcomeSent = at;
  if (user.state === 'inactive') {
    user.state = 'active';
    user.version++;
    store.usersChanged();
  }
  return noContent();
}

// --- queues of a user ------------------------------------------------------------------------------

function getUserQueues(ctx: HandlerContext): ApiResult {
  const { store, query } = ctx;
  const user = liveUser(store, ctx.params.userId ?? '');
  const paging = readPaging(query, MAX_USER_SUBLIST_PAGE);
  // Every member the API adds is joined, so joined=false lists nothing.
  const joined = query.get('joined') !== 'false';
  const divisions = listParam(query, 'divisionId');
  const queues = joined
    ? [...(store.userQueues.get(user.id) ?? [])]
        .map((qid) => store.queues.get(qid))
        .filter((q) => q !== undefined)
        .filter((q) => !divisions || divisions.includes(q.divisionId))
        .sort(byName)
    : [];
  const page = sliceOf(queues, paging).map((q) => ({ ...renderQueue(store, q), joined: true }));
  return ok(listing(ctx.path, query, paging, queues.length, page));
}

// --- routing skills ---------------------------------------------------------------------------------

function sortedUserSkills(ctx: HandlerContext, user: UserRec): Json[] {
  return [...user.skills]
    .map(([id, proficiency]) => renderUserSkill(ctx.store, id, proficiency))
    .sort((a, b) => byName(a as { name: string }, b as { name: string }));
}

function skillListing(user: UserRec, paging: Paging, skills: Json[]): Json {
  const path = `/api/v2/users/${user.id}/routingskills`;
  return listing(path, new URLSearchParams(), paging, skills.length, sliceOf(skills, paging));
}

function getUserRoutingskills(ctx: HandlerContext): ApiResult {
  const user = liveUser(ctx.store, ctx.params.userId ?? '');
  const paging = readPaging(ctx.query, MAX_USER_SUBLIST_PAGE);
  const skills = sortedUserSkills(ctx, user);
  if (readSortOrder(ctx) === 'DESC') skills.reverse();
  return ok(skillListing(user, paging, skills));
}

function readSkillPosts(ctx: HandlerContext): Map<string, number> {
  const list = asArray(ctx.body, 'UserRoutingSkillPost[]');
  if (list.length > MAX_SKILLS_PER_CALL) {
    throw badRequest(`At most ${MAX_SKILLS_PER_CALL} skills may be sent per request (got ${list.length}).`);
  }
  const skills = new Map<string, number>();
  list.forEach((item, i) => {
    const entry = asObject(item, `[${i}]`);
    rejectUnknownFields(entry, new Set(['id', 'proficiency', 'skillUri', 'selfUri']), 'UserRoutingSkillPost');
    const id = entry.id;
    if (typeof id !== 'string' || !ctx.store.skills.has(id)) {
      throw invalidValue(`[${i}].id`, `The skill ${String(id)} does not exist.`);
    }
    const proficiency = entry.proficiency;
    if (typeof proficiency !== 'number' || !(proficiency >= 0 && proficiency <= 5)) {
      throw invalidValue(`[${i}].proficiency`, 'proficiency must be a number from 0 to 5.');
    }
    if (skills.has(id)) throw badRequest(`The skill ${id} appears twice in the request.`, `[${i}].id`);
    skills.set(id, proficiency);
  });
  return skills;
}

function writeSkills(ctx: HandlerContext, replace: boolean): ApiResult {
  const user = liveUser(ctx.store, ctx.params.userId ?? '');
  ctx.real.assertKnownTo('routing', user, ctx.now);
  const posted = readSkillPosts(ctx);
  ctx.real.assertNoRace(user.id, ctx.now);
  const next = replace ? new Map<string, number>() : new Map(user.skills);
  for (const [id, proficiency] of posted) next.set(id, proficiency);
  if (next.size > MAX_SKILLS_PER_USER) {
    throw badRequest(`A user may hold at most ${MAX_SKILLS_PER_USER} skills (this would make ${next.size}).`);
  }
  user.skills = next;
  return ok(
    skillListing(user, { pageSize: MAX_SKILLS_PER_USER, pageNumber: 1 }, sortedUserSkills(ctx, user)),
  );
}

// --- stations -----------------------------------------------------------------------------------------

function getUserStation(ctx: HandlerContext): ApiResult {
  const user = liveUser(ctx.store, ctx.params.userId ?? '');
  return ok(renderUserStations(ctx.store, user));
}

function stationForUser(ctx: HandlerContext): { user: UserRec; stationId: string } {
  const user = liveUser(ctx.store, ctx.params.userId ?? '');
  ctx.real.assertKnownTo('telephony', user, ctx.now);
  const stationId = ctx.params.stationId ?? '';
  const station = ctx.store.stations.get(stationId);
  if (!station) throw notFound(`The station ${stationId} could not be found.`, stationId);
  if (station.webRtcUserId && station.webRtcUserId !== user.id) {
    throw badRequest(`The station ${stationId} is the WebRTC station of another user.`);
  }
  return { user, stationId };
}

/** The station calls answer 202 in the spec; the lenient sandbox kept its old 204. */
function stationDone(ctx: HandlerContext): ApiResult {
  return ctx.real.behaviours.specContract ? accepted() : noContent();
}

/**
 * Help "Assign a default phone": the person needs Conversation > Call > Add. The status is unknown
 * (real-api.md §7); the sandbox answers 400, a refusal about the target person that no client can
 * mistake for its own token lacking a permission (403) or for something to retry.
 */
function assertMayHaveDefaultPhone(ctx: HandlerContext, user: UserRec): void {
  if (!ctx.real.behaviours.defaultStationNeedsCallAdd) return;
  const held = ctx.store.grantsOf(user.id).flatMap((g) => ctx.store.roles.get(g.roleId)?.permissions ?? []);
  if (holdsPermission(held, CALL_ADD)) return;
  throw new ApiError(
    400,
    'bad.request',
    `The user ${user.id} cannot have a default phone: none of their roles holds the permission ${CALL_ADD}.`,
    [{ errorCode: 'missing.permissions', entityId: user.id, fieldName: CALL_ADD }],
  );
}

function putDefaultStation(ctx: HandlerContext): ApiResult {
  const { user, stationId } = stationForUser(ctx);
  assertMayHaveDefaultPhone(ctx, user);
  ctx.real.assertNoRace(user.id, ctx.now);
  ctx.store.setDefaultStation(user.id, stationId);
  return stationDone(ctx);
}

function deleteDefaultStation(ctx: HandlerContext): ApiResult {
  const user = liveUser(ctx.store, ctx.params.userId ?? '');
  ctx.store.clearDefaultStation(user);
  return stationDone(ctx);
}

function putAssociatedStation(ctx: HandlerContext): ApiResult {
  const { user, stationId } = stationForUser(ctx);
  ctx.real.assertNoRace(user.id, ctx.now);
  ctx.store.associateStation(user.id, stationId, iso(ctx.now));
  return stationDone(ctx);
}

export const userRoutes: Route[] = [
  route('GET', '/api/v2/users', getUsers),
  route('POST', '/api/v2/users', postUsers),
  route('POST', '/api/v2/users/search', postUsersSearch, { rateFamily: 'users.search' }),
  route('GET', '/api/v2/users/{userId}', getUser),
  route('PATCH', '/api/v2/users/{userId}', patchUser, { userWrite: true }),
  route('POST', '/api/v2/users/{userId}/invite', postUserInvite),
  route('GET', '/api/v2/users/{userId}/queues', getUserQueues),
  route('GET', '/api/v2/users/{userId}/routingskills', getUserRoutingskills),
  route('PATCH', '/api/v2/users/{userId}/routingskills/bulk', (ctx) => writeSkills(ctx, false), {
    userWrite: true,
  }),
  route('PUT', '/api/v2/users/{userId}/routingskills/bulk', (ctx) => writeSkills(ctx, true), {
    userWrite: true,
  }),
  route('GET', '/api/v2/users/{userId}/station', getUserStation),
  route('PUT', '/api/v2/users/{userId}/station/defaultstation/{stationId}', putDefaultStation, {
    userWrite: true,
  }),
  route('DELETE', '/api/v2/users/{userId}/station/defaultstation', deleteDefaultStation),
  route('PUT', '/api/v2/users/{userId}/station/associatedstation/{stationId}', putAssociatedStation, {
    userWrite: true,
  }),
];
