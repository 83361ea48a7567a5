// /api/v2/routing…: queues (list, members read and write) and skills.

import { badRequest, invalidValue, notFound } from '../errors.js';
import {
  byName,
  listing,
  listParam,
  pageListing,
  readAscDesc,
  readPaging,
  sliceOf,
  textParam,
  wildcardMatcher,
} from '../paging.js';
import { divisionRef, renderQueue, renderSkill, selfUris } from '../render.js';
import type { ApiResult, HandlerContext, Route } from '../router.js';
import { noContent, ok, route } from '../router.js';
import type { UserRec } from '../store.js';
import { asArray, asObject, rejectUnknownFields } from '../validate.js';

const MAX_QUEUES_PAGE = 500;
const MAX_SKILLS_PAGE = 500;
const MAX_MEMBERS_PAGE = 100;
const MAX_MEMBERS_PER_CALL = 100;

function getQueues(ctx: HandlerContext): ApiResult {
  const { store, query } = ctx;
  const paging = readPaging(query, MAX_QUEUES_PAGE);
  const name = textParam(query, 'name');
  const nameMatches = name ? wildcardMatcher(name) : () => true;
  const ids = listParam(query, 'id');
  const divisions = listParam(query, 'divisionId');
  const queues = [...store.queues.values()]
    .filter(
      (q) =>
        nameMatches(q.name) &&
        (!ids || ids.includes(q.id)) &&
        (!divisions || divisions.includes(q.divisionId)),
    )
    .sort(byName)
    .map((q) => renderQueue(store, q));
  if (readAscDesc(ctx) === 'desc') queues.reverse();
  return ok(pageListing(ctx.path, query, paging, queues));
}

function queueOf(ctx: HandlerContext): string {
  const queueId = ctx.params.queueId ?? '';
  if (!ctx.store.queues.has(queueId)) throw notFound(`The queue ${queueId} could not be found.`, queueId);
  return queueId;
}

function getQueueMembers(ctx: HandlerContext): ApiResult {
  const { store, query } = ctx;
  const queueId = queueOf(ctx);
  const paging = readPaging(query, MAX_MEMBERS_PAGE);
  const name = textParam(query, 'name')?.toLowerCase();
  const joined = query.get('joined') !== 'false';
  const members = joined
    ? [...(store.queueMembers.get(queueId) ?? [])]
        .map((id) => store.users.get(id))
        .filter((u): u is UserRec => u !== undefined && u.state !== 'deleted')
        .filter((u) => !name || u.name.toLowerCase().includes(name))
    : [];
  if (readAscDesc(ctx) === 'desc') members.reverse();
  const page = sliceOf(members, paging).map((u) => ({
    id: u.id,
    name: u.name,
    user: {
      id: u.id,
      name: u.name,
      email: u.email,
      state: u.state,
      division: divisionRef(store, u.divisionId),
      version: u.version,
      selfUri: selfUris.user(u.id),
    },
    ringNumber: 1,
    joined: true,
    memberBy: 'user',
    selfUri: `${selfUris.queue(queueId)}/members/${u.id}`,
  }));
  return ok(memberListing(listing(ctx.path, query, paging, members.length, page)));
}

/**
 * QueueMemberEntityListing has no total, pageCount or lastUri (unlike every other listing here), so a
 * client must page on until a short page; the sandbox leaves them out too, lest a client lean on them.
 */
function memberListing(full: Record<string, unknown>): Record<string, unknown> {
  const { total: _total, pageCount: _pageCount, lastUri: _lastUri, ...rest } = full;
  return rest;
}

function postQueueMembers(ctx: HandlerContext): ApiResult {
  const { store } = ctx;
  const queueId = queueOf(ctx);
  const remove = ctx.query.get('delete') === 'true';
  const list = asArray(ctx.body, 'WritableEntity[]');
  if (list.length === 0) throw badRequest('The member list must not be empty.');
  if (list.length > MAX_MEMBERS_PER_CALL) {
    throw badRequest(`At most ${MAX_MEMBERS_PER_CALL} members may be sent per request (got ${list.length}).`);
  }
  const users = list.map((item, i) => {
    const entry = asObject(item, `[${i}]`);
    rejectUnknownFields(entry, new Set(['id', 'name', 'selfUri']), 'WritableEntity');
    const id = entry.id;
    const user = typeof id === 'string' ? store.users.get(id) : undefined;
    if (!user || user.state === 'deleted')
      throw invalidValue(`[${i}].id`, `The user ${String(id)} does not exist.`);
    return user;
  });
  // A user routing has not heard of yet fails the whole call (real-api.md §2).
  for (const user of users) ctx.real.assertKnownTo('routing', user, ctx.now);
  for (const user of users) {
    if (remove) store.removeQueueMember(queueId, user.id);
    else store.addQueueMember(queueId, user.id);
  }
  return noContent();
}

function getSkills(ctx: HandlerContext): ApiResult {
  const paging = readPaging(ctx.query, MAX_SKILLS_PAGE);
  const prefix = textParam(ctx.query, 'name')?.toLowerCase();
  const ids = listParam(ctx.query, 'id');
  const skills = [...ctx.store.skills.values()]
    .filter((s) => (!prefix || s.name.toLowerCase().startsWith(prefix)) && (!ids || ids.includes(s.id)))
    .sort(byName)
    .map(renderSkill);
  return ok(pageListing(ctx.path, ctx.query, paging, skills));
}

export const routingRoutes: Route[] = [
  route('GET', '/api/v2/routing/queues', getQueues),
  route('GET', '/api/v2/routing/queues/{queueId}/members', getQueueMembers),
  route('POST', '/api/v2/routing/queues/{queueId}/members', postQueueMembers),
  route('GET', '/api/v2/routing/skills', getSkills),
];
