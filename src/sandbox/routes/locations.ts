// /api/v2/locations: list, create (unique names), search.

import { conflict, invalidValue } from '../errors.js';
import { byName, checkPaging, listParam, pageListing, readAscDesc, readPaging, sliceOf } from '../paging.js';
import { renderLocation } from '../render.js';
import type { ApiResult, HandlerContext, Route } from '../router.js';
import { ok, route } from '../router.js';
import type { LocationRec } from '../store.js';
import { asObject, optionalString, rejectUnknownFields, requiredString } from '../validate.js';
import { LOCATION_SEARCH_TYPES, matchesAll, readCriteria, readSearchSortOrder } from '../search.js';
import { searchResponse } from './users.js';

const MAX_PAGE = 100;

const CREATE_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'version',
  'state',
  'path',
  'notes',
  'contactUser',
  'emergencyNumber',
  'address',
]);
const LOCATION_SEARCH = { fields: new Set(['name', 'id']), types: LOCATION_SEARCH_TYPES };
const SEARCH_FIELDS: ReadonlySet<string> = new Set([
  'sortOrder',
  'sortBy',
  'pageSize',
  'pageNumber',
  'sort',
  'expand',
  'query',
]);

function sortedLocations(ctx: HandlerContext): LocationRec[] {
  return [...ctx.store.locations.values()].sort(byName);
}

function getLocations(ctx: HandlerContext): ApiResult {
  const paging = readPaging(ctx.query, MAX_PAGE);
  const ids = listParam(ctx.query, 'id');
  const locations = sortedLocations(ctx)
    .filter((l) => !ids || ids.includes(l.id))
    .map(renderLocation);
  if (readAscDesc(ctx) === 'desc') locations.reverse();
  return ok(pageListing(ctx.path, ctx.query, paging, locations));
}

function postLocations(ctx: HandlerContext): ApiResult {
  const { store } = ctx;
  const body = asObject(ctx.body, 'LocationCreateDefinition');
  rejectUnknownFields(body, CREATE_FIELDS, 'LocationCreateDefinition');
  const name = requiredString(body, 'name');
  const notes = optionalString(body, 'notes');
  const address = body.address;
  if (address !== undefined && (typeof address !== 'object' || address === null || Array.isArray(address))) {
    throw invalidValue('address', 'address must be an object.');
  }
  if (store.locationByName.has(name.toLowerCase())) {
    throw conflict(`A location named ${name} already exists.`, store.locationByName.get(name.toLowerCase()));
  }
  const location: LocationRec = {
    id: ctx.newId(),
    name,
    version: 1,
    dateCreated: new Date(ctx.now).toISOString(),
    ...(notes !== undefined ? { notes } : {}),
    ...(address !== undefined ? { address: address as Record<string, unknown> } : {}),
  };
  store.addLocation(location);
  return ok(renderLocation(location));
}

function postLocationsSearch(ctx: HandlerContext): ApiResult {
  const body = asObject(ctx.body, 'LocationSearchRequest');
  rejectUnknownFields(body, SEARCH_FIELDS, 'LocationSearchRequest');
  const paging = checkPaging(body.pageSize, body.pageNumber, MAX_PAGE);
  const criteria = readCriteria(body.query, LOCATION_SEARCH);
  const descending = readSearchSortOrder(body.sortOrder, ctx.real.behaviours.specContract) === 'DESC';
  const found = sortedLocations(ctx).filter((l) =>
    matchesAll(criteria, (f) => (f === 'name' ? l.name : l.id), ['name', 'id']),
  );
  if (descending) found.reverse();
  return ok(searchResponse('locations', paging, found.length, sliceOf(found, paging).map(renderLocation)));
}

export const locationRoutes: Route[] = [
  route('GET', '/api/v2/locations', getLocations),
  route('POST', '/api/v2/locations', postLocations),
  route('POST', '/api/v2/locations/search', postLocationsSearch),
];
