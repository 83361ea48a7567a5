// /api/v2/authorization…: divisions (list, home, move objects), roles (fuzzy name filter, subject
// grants per role), subjects (read, bulkadd).

import { badRequest, invalidValue, notFound } from '../errors.js';
import { byName, listing, listParam, pageListing, readPaging, sliceOf, textParam } from '../paging.js';
import { divisionRef, renderDivision, renderRole, selfUris } from '../render.js';
import type { ApiResult, HandlerContext, Route } from '../router.js';
import { noContent, ok, route } from '../router.js';
import type { SeedRole } from '../types.js';
import type { Json } from '../validate.js';
import { asArray, asObject, rejectUnknownFields } from '../validate.js';
import { liveUser } from './users.js';

const MAX_PAGE = 100;
const OBJECT_TYPES: ReadonlySet<string> = new Set([
  'CAMPAIGN',
  'MANAGEMENTUNIT',
  'FLOW',
  'QUEUE',
  'DATATABLES',
  'USER',
]);

/** Case-insensitive substring: the real name filters on divisions and roles are fuzzy. */
function fuzzy(pattern: string | null): (name: string) => boolean {
  const lower = pattern?.toLowerCase();
  return (name) => lower === undefined || name.toLowerCase().includes(lower);
}

function getDivisions(ctx: HandlerContext): ApiResult {
  const paging = readPaging(ctx.query, MAX_PAGE);
  const ids = listParam(ctx.query, 'id');
  const nameMatches = fuzzy(textParam(ctx.query, 'name'));
  const divisions = [...ctx.store.divisions.values()]
    .filter((d) => (!ids || ids.includes(d.id)) && nameMatches(d.name))
    .sort(byName)
    .map(renderDivision);
  return ok(pageListing(ctx.path, ctx.query, paging, divisions));
}

function getHomeDivision(ctx: HandlerContext): ApiResult {
  const home = ctx.store.divisions.get(ctx.store.homeDivisionId);
  if (!home) throw notFound('No home division.');
  return ok(renderDivision(home));
}

function postDivisionObjects(ctx: HandlerContext): ApiResult {
  const { store } = ctx;
  const divisionId = ctx.params.divisionId ?? '';
  const objectType = ctx.params.objectType ?? '';
  if (!store.divisions.has(divisionId))
    throw notFound(`The division ${divisionId} could not be found.`, divisionId);
  if (!OBJECT_TYPES.has(objectType)) {
    throw invalidValue(
      'objectType',
      `[${objectType}] is not a valid object type: ${[...OBJECT_TYPES].join(', ')}.`,
    );
  }
  if (objectType !== 'USER')
    throw badRequest(`The sandbox moves USER objects only, not ${objectType}.`, 'objectType');
  const ids = asArray(ctx.body, 'object id list');
  if (ids.length === 0) throw badRequest('The list of object ids must not be empty.');
  const users = ids.map((id, i) => {
    const user = typeof id === 'string' ? store.users.get(id) : undefined;
    if (!user || user.state === 'deleted') {
      throw invalidValue(`[${i}]`, `The user ${String(id)} does not exist.`);
    }
    return user;
  });
  for (const user of users) {
    if (user.divisionId === divisionId) continue;
    user.divisionId = divisionId;
    user.version++;
  }
  return noContent();
}

function getRoles(ctx: HandlerContext): ApiResult {
  const paging = readPaging(ctx.query, MAX_PAGE);
  const ids = listParam(ctx.query, 'id');
  const nameMatches = fuzzy(textParam(ctx.query, 'name'));
  const roles = [...ctx.store.roles.values()]
    .filter((r) => (!ids || ids.includes(r.id)) && nameMatches(r.name))
    .sort(byName)
    .map(renderRole);
  return ok(pageListing(ctx.path, ctx.query, paging, roles));
}

/** SubjectDivisionGrantsEntityListing: each entity is a subject with its divisions for this role. */
function getRoleSubjectGrants(ctx: HandlerContext): ApiResult {
  const { store } = ctx;
  const roleId = ctx.params.roleId ?? '';
  if (!store.roles.has(roleId)) throw notFound(`The role ${roleId} could not be found.`, roleId);
  const paging = readPaging(ctx.query, MAX_PAGE);
  const subjects = [...(store.roleSubjects.get(roleId) ?? [])].filter(
    ([userId]) => store.users.get(userId)?.state !== 'deleted',
  );
  const page = sliceOf(subjects, paging).map(([userId, divisions]) => ({
    id: userId,
    name: store.users.get(userId)?.name ?? '',
    type: 'PC_USER',
    divisions: [...divisions].map((id) => divisionRef(store, id)),
    selfUri: selfUris.user(userId),
  }));
  return ok(listing(ctx.path, ctx.query, paging, subjects.length, page));
}

function getSubject(ctx: HandlerContext): ApiResult {
  const { store } = ctx;
  const user = liveUser(store, ctx.params.subjectId ?? '');
  const grants = store.grantsOf(user.id).map((g) => {
    const division = store.divisions.get(g.divisionId);
    const role = store.roles.get(g.roleId);
    return {
      subjectId: user.id,
      division: division ? renderDivision(division) : { id: g.divisionId },
      role: role ? renderRole(role) : { id: g.roleId },
      grantMadeAt: g.grantMadeAt,
    };
  });
  return ok({
    id: user.id,
    name: user.name,
    grants,
    version: 1,
    selfUri: `/api/v2/authorization/subjects/${user.id}`,
  });
}

function postSubjectBulkadd(ctx: HandlerContext): ApiResult {
  const { store } = ctx;
  const subjectType = ctx.query.get('subjectType') ?? 'PC_USER';
  if (subjectType !== 'PC_USER') {
    throw invalidValue(
      'subjectType',
      `The sandbox grants roles to PC_USER subjects only, not ${subjectType}.`,
    );
  }
  const user = liveUser(store, ctx.params.subjectId ?? '');
  ctx.real.assertKnownTo('authorization', user, ctx.now);
  const body = asObject(ctx.body, 'RoleDivisionGrants');
  rejectUnknownFields(body, new Set(['grants']), 'RoleDivisionGrants');
  const grants = asArray(body.grants, 'grants');
  if (grants.length === 0) throw badRequest('grants must not be empty.', 'grants');
  const pairs = grants.map((item, i) => {
    const g = asObject(item, `grants[${i}]`);
    const { roleId, divisionId } = g;
    if (typeof roleId !== 'string' || !store.roles.has(roleId)) {
      throw invalidValue(`grants[${i}].roleId`, `The role ${String(roleId)} does not exist.`);
    }
    if (typeof divisionId !== 'string' || !store.divisions.has(divisionId)) {
      throw invalidValue(`grants[${i}].divisionId`, `The division ${String(divisionId)} does not exist.`);
    }
    return { roleId, divisionId };
  });
  const at = new Date(ctx.now).toISOString();
  for (const p of pairs) store.addGrant(user.id, p.roleId, p.divisionId, at);
  return noContent();
}

function roleOf(ctx: HandlerContext): SeedRole {
  const roleId = ctx.params.roleId ?? '';
  const role = ctx.store.roles.get(roleId);
  if (!role) throw notFound(`The role ${roleId} could not be found.`, roleId);
  return role;
}

function getRole(ctx: HandlerContext): ApiResult {
  const role = roleOf(ctx);
  const userCount = [
    ...(ctx.store.roleSubjects.get(role.id) ?? new Map<string, Set<string>>()).keys(),
  ].filter((id) => ctx.store.users.get(id)?.state !== 'deleted').length;
  return ok({ ...renderRole(role), userCount });
}

/** Reads a non-empty array of ids from a SubjectDivisions field. */
function idList(body: Json, field: 'subjectIds' | 'divisionIds'): string[] {
  if (body[field] === undefined) throw badRequest(`${field} is required.`, field);
  const list = asArray(body[field], field);
  if (list.length === 0) throw badRequest(`${field} must not be empty.`, field);
  return list.map((id, i) => {
    if (typeof id !== 'string' || id === '')
      throw invalidValue(`${field}[${i}]`, `${field}[${i}] must be an id.`);
    return id;
  });
}

/**
 * POST /authorization/roles/{roleId} (SubjectDivisions): grants the role in every division to every
 * subject, all or nothing. Checked in this order: the role (404), the body (400: both lists required,
 * non-empty, ids only; at most `real.roleGrantSubjectCap` subjects, our choice: the docs name no
 * limit), each division (404), each subject: unknown, deleted, or not yet known to the authorization
 * service (real-api.md §2), 404 naming it. Any failure grants nothing.
 */
function postRoleBulkGrant(ctx: HandlerContext): ApiResult {
  const { store } = ctx;
  const role = roleOf(ctx);
  const subjectType = ctx.query.get('subjectType') ?? 'PC_USER';
  if (subjectType !== 'PC_USER') {
    throw invalidValue(
      'subjectType',
      `The sandbox grants roles to PC_USER subjects only, not ${subjectType}.`,
    );
  }
  const body = asObject(ctx.body, 'SubjectDivisions');
  rejectUnknownFields(body, new Set(['subjectIds', 'divisionIds']), 'SubjectDivisions');
  const subjectIds = idList(body, 'subjectIds');
  const divisionIds = idList(body, 'divisionIds');
  const cap = ctx.real.behaviours.roleGrantSubjectCap;
  if (cap > 0 && subjectIds.length > cap) {
    throw badRequest(
      `At most ${cap} subjects may be granted a role per request (got ${subjectIds.length}).`,
      'subjectIds',
    );
  }
  for (const id of divisionIds) {
    if (!store.divisions.has(id)) throw notFound(`The division ${id} could not be found.`, id);
  }
  const users = subjectIds.map((id) => liveUser(store, id));
  for (const user of users) ctx.real.assertKnownTo('authorization', user, ctx.now);
  const at = new Date(ctx.now).toISOString();
  for (const user of users)
    for (const divisionId of divisionIds) store.addGrant(user.id, role.id, divisionId, at);
  return noContent();
}

export const authorizationRoutes: Route[] = [
  route('GET', '/api/v2/authorization/divisions', getDivisions),
  route('GET', '/api/v2/authorization/divisions/home', getHomeDivision),
  route('POST', '/api/v2/authorization/divisions/{divisionId}/objects/{objectType}', postDivisionObjects),
  route('GET', '/api/v2/authorization/roles', getRoles),
  route('GET', '/api/v2/authorization/roles/{roleId}', getRole),
  route('POST', '/api/v2/authorization/roles/{roleId}', postRoleBulkGrant),
  route('GET', '/api/v2/authorization/roles/{roleId}/subjectgrants', getRoleSubjectGrants),
  route('GET', '/api/v2/authorization/subjects/{subjectId}', getSubject),
  route('POST', '/api/v2/authorization/subjects/{subjectId}/bulkadd', postSubjectBulkadd),
];
