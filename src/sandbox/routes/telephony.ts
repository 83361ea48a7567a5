// /api/v2/telephony/providers/edges…: sites, phone and line base settings, phones (create with every
// check, a station as side effect, update by version) and /api/v2/stations.

import { badRequest, conflict, invalidValue, notFound } from '../errors.js';
import {
  byName,
  listing,
  listParam,
  pageListing,
  readPaging,
  sliceOf,
  textParam,
  wildcardMatcher,
} from '../paging.js';
import type { PhoneView } from '../render.js';
import {
  FULL_PHONE,
  isWebRtcBase,
  renderLineBase,
  renderPhone,
  renderPhoneBase,
  renderSite,
  renderStation,
} from '../render.js';
import type { ApiResult, HandlerContext, Route } from '../router.js';
import { ok, route } from '../router.js';
import type { LineRec, PhoneRec, StationRec } from '../store.js';
import type { Json } from '../validate.js';
import {
  asArray,
  asObject,
  optionalRefId,
  rejectUnknownFields,
  requiredRefId,
  requiredString,
} from '../validate.js';

const EDGES = '/api/v2/telephony/providers/edges';
const MAX_PAGE = 100;

function nameFilter(ctx: HandlerContext): (name: string) => boolean {
  const name = textParam(ctx.query, 'name');
  return name ? wildcardMatcher(name) : () => true;
}

function getSites(ctx: HandlerContext): ApiResult {
  const paging = readPaging(ctx.query, MAX_PAGE);
  const matches = nameFilter(ctx);
  const sites = [...ctx.store.sites.values()]
    .filter((s) => matches(s.name))
    .sort(byName)
    .map((s) => renderSite(ctx.store, s));
  return ok(pageListing(ctx.path, ctx.query, paging, sites));
}

function getPhoneBaseSettingsList(ctx: HandlerContext): ApiResult {
  const paging = readPaging(ctx.query, MAX_PAGE);
  const matches = nameFilter(ctx);
  const bases = [...ctx.store.phoneBases.values()]
    .filter((b) => matches(b.name))
    .sort(byName)
    .map(renderPhoneBase);
  return ok(pageListing(ctx.path, ctx.query, paging, bases));
}

function getPhoneBaseSettings(ctx: HandlerContext): ApiResult {
  const id = ctx.params.phoneBaseId ?? '';
  const base = ctx.store.phoneBases.get(id);
  if (!base) throw notFound(`The phone base settings ${id} could not be found.`, id);
  return ok(renderPhoneBase(base));
}

function getLineBaseSettingsList(ctx: HandlerContext): ApiResult {
  const paging = readPaging(ctx.query, MAX_PAGE);
  const lines = [...ctx.store.lineBases.values()].sort(byName).map(renderLineBase);
  return ok(pageListing(ctx.path, ctx.query, paging, lines));
}

// --- phones -------------------------------------------------------------------------------------

const PHONE_EXPANDS: ReadonlySet<string> = new Set([
  'properties',
  'site',
  'status',
  'status.primaryEdgesStatus',
  'status.secondaryEdgesStatus',
  'phoneBaseSettings',
  'lines',
]);
const PHONE_FIELDS_PARAM: ReadonlySet<string> = new Set([
  'webRtcUser',
  'properties.*',
  'lines.loggedInUser',
  'lines.defaultForUser',
]);
const PHONE_SORT_BY: ReadonlySet<string> = new Set([
  'id',
  'name',
  'status.operationalStatus',
  'secondaryStatus.operationalStatus',
]);
/** Query parameters that filter the phone list (each one triggers the result cap). */
const PHONE_FILTERS = [
  'name',
  'site.id',
  'webRtcUser.id',
  'phoneBaseSettings.id',
  'lines.loggedInUser.id',
  'lines.defaultForUser.id',
  'phone_hardwareId',
  'lines.id',
  'lines.name',
  'status.operationalStatus',
  'secondaryStatus.operationalStatus',
] as const;

/** A list parameter's values; with the spec contract on, values outside its enum are a 400. */
function enumList(ctx: HandlerContext, name: string, allowed: ReadonlySet<string>): Set<string> {
  const values = listParam(ctx.query, name) ?? [];
  if (ctx.real.behaviours.specContract) {
    for (const v of values) {
      if (!allowed.has(v)) {
        throw invalidValue(
          name,
          `Value [${v}] is not valid for ${name}. Allowable values are: ${[...allowed].join(', ')}`,
        );
      }
    }
  }
  return new Set(values);
}

/** ASC (default) or DESC, any case: the phones list declares no enum. */
function phoneSortOrder(ctx: HandlerContext): 'ASC' | 'DESC' {
  const raw = textParam(ctx.query, 'sortOrder');
  const upper = raw?.toUpperCase() ?? 'ASC';
  if (upper === 'ASC' || upper === 'DESC') return upper;
  if (!ctx.real.behaviours.specContract) return 'ASC';
  throw invalidValue(
    'sortOrder',
    `Value [${raw ?? ''}] is not valid for sortOrder. Allowable values are: ASC, DESC`,
  );
}

/** Active phones from the indexes plus the deleted ones that match, for an exact lookup. */
function phoneCandidates(
  ctx: HandlerContext,
  patterns: string[] | null,
  webRtcUserId: string | null,
): PhoneRec[] {
  const { store } = ctx;
  const pick = (id: string | undefined): PhoneRec[] => {
    const phone = id === undefined ? undefined : store.phones.get(id);
    return phone ? [phone] : [];
  };
  if (webRtcUserId) {
    return [
      ...pick(store.phoneByWebRtcUser.get(webRtcUserId)),
      ...store.deletedPhones.filter((p) => p.webRtcUserId === webRtcUserId),
    ];
  }
  if (patterns && patterns.every((p) => !p.includes('*'))) {
    const names = new Set(patterns.map((p) => p.toLowerCase()));
    return [
      ...patterns.flatMap((p) => pick(store.phoneByName.get(p.toLowerCase()))),
      ...store.deletedPhones.filter((p) => names.has(p.name.toLowerCase())),
    ];
  }
  return [...store.phones.values()];
}

function getPhones(ctx: HandlerContext): ApiResult {
  const { store, query, real } = ctx;
  const paging = readPaging(query, MAX_PAGE);
  const expand = enumList(ctx, 'expand', PHONE_EXPANDS);
  const fields = enumList(ctx, 'fields', PHONE_FIELDS_PARAM);
  const sortBy = textParam(query, 'sortBy') ?? 'name';
  if (real.behaviours.specContract && !PHONE_SORT_BY.has(sortBy)) {
    throw invalidValue(
      'sortBy',
      `Value [${sortBy}] is not valid for sortBy. Allowable values are: ${[...PHONE_SORT_BY].join(', ')}`,
    );
  }
  const descending = phoneSortOrder(ctx) === 'DESC';
  const patterns = listParam(query, 'name');
  const webRtcUserId = textParam(query, 'webRtcUser.id');
  const siteId = textParam(query, 'site.id');
  const baseId = textParam(query, 'phoneBaseSettings.id');
  const nameMatchers = patterns?.map(wildcardMatcher);
  const byId = (a: PhoneRec, b: PhoneRec): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const phones = [...new Set(phoneCandidates(ctx, patterns, webRtcUserId))]
    .filter(
      (p) =>
        (!nameMatchers || nameMatchers.some((m) => m(p.name))) &&
        (!siteId || p.siteId === siteId) &&
        (!baseId || p.phoneBaseSettingsId === baseId),
    )
    .sort(sortBy === 'id' ? byId : (a, b) => byName(a, b) || byId(a, b));
  if (descending) phones.reverse();
  // SDK doc: "A maximum of 10,000 results is returned when filtering the results or sorting by a
  // field other than the ID." The total says so too, and pages past the cap are empty.
  const cap = real.behaviours.phoneListCap;
  const filtered = PHONE_FILTERS.some((f) => query.has(f));
  const capped = cap > 0 && (filtered || sortBy !== 'id') ? phones.slice(0, cap) : phones;
  const view: PhoneView = real.behaviours.phoneFieldsOnRequest
    ? {
        webRtcUser: fields.has('webRtcUser'),
        lines: expand.has('lines'),
        lineDefaultForUser: fields.has('lines.defaultForUser'),
      }
    : FULL_PHONE;
  const page = sliceOf(capped, paging).map((p) => renderPhone(store, p, view));
  return ok(listing(ctx.path, query, paging, capped.length, page));
}

function phoneOf(ctx: HandlerContext): PhoneRec {
  const id = ctx.params.phoneId ?? '';
  const phone = ctx.store.phones.get(id);
  if (!phone) throw notFound(`The phone ${id} could not be found.`, id);
  return phone;
}

function livePhoneOf(ctx: HandlerContext): PhoneRec {
  const phone = phoneOf(ctx);
  if (phone.state === 'deleted') throw notFound(`The phone ${phone.id} could not be found.`, phone.id);
  return phone;
}

const PHONE_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'division',
  'description',
  'version',
  'dateCreated',
  'dateModified',
  'modifiedBy',
  'createdBy',
  'state',
  'modifiedByApp',
  'createdByApp',
  'site',
  'phoneBaseSettings',
  'lineBaseSettings',
  'phoneMetaBase',
  'lines',
  'status',
  'secondaryStatus',
  'userAgentInfo',
  'properties',
  'capabilities',
  'webRtcUser',
  'standAlone',
  'primaryEdge',
  'secondaryEdge',
  'selfUri',
]);

const LINE_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'division',
  'description',
  'version',
  'dateCreated',
  'dateModified',
  'modifiedBy',
  'createdBy',
  'state',
  'modifiedByApp',
  'createdByApp',
  'properties',
  'edgeGroup',
  'template',
  'site',
  'lineBaseSettings',
  'primaryEdge',
  'secondaryEdge',
  'loggedInUser',
  'defaultForUser',
  'selfUri',
]);

interface PhoneInput {
  name: string;
  siteId: string;
  phoneBaseSettingsId: string;
  lines: LineRec[];
  webRtcUserId: string | null;
}

/** Every check of POST and PUT phones; `existing` is the phone a PUT replaces. */
function readPhone(ctx: HandlerContext, body: Json, existing?: PhoneRec): PhoneInput {
  const { store } = ctx;
  rejectUnknownFields(body, PHONE_FIELDS, 'Phone');
  const name = requiredString(body, 'name');
  const siteId = requiredRefId(body, 'site');
  if (!store.sites.has(siteId)) throw invalidValue('site.id', `The site ${siteId} does not exist.`);
  const baseId = requiredRefId(body, 'phoneBaseSettings');
  const base = store.phoneBases.get(baseId);
  if (!base) throw invalidValue('phoneBaseSettings.id', `The phone base settings ${baseId} do not exist.`);
  if (existing && existing.phoneBaseSettingsId !== baseId) {
    throw badRequest('The base settings of an existing phone cannot be changed.', 'phoneBaseSettings');
  }
  const allowedLineBases = new Set(base.lines.map((l) => l.id));
  const topLineBase = optionalRefId(body, 'lineBaseSettings');
  if (topLineBase !== undefined && !allowedLineBases.has(topLineBase)) {
    throw invalidValue(
      'lineBaseSettings.id',
      `The line base settings ${topLineBase} do not belong to ${base.name}.`,
    );
  }
  if (body.lines === undefined) throw badRequest('lines is required.', 'lines');
  const rawLines = asArray(body.lines, 'lines');
  if (rawLines.length === 0) throw badRequest('A phone needs at least one line.', 'lines');
  const oldLineIds = new Set(existing?.lines.map((l) => l.id));
  const lines = rawLines.map((item, i): LineRec => {
    const line = asObject(item, `lines[${i}]`);
    rejectUnknownFields(line, LINE_FIELDS, 'Line');
    const lineName = requiredString(line, 'name');
    const lineBaseId = requiredRefId(line, 'lineBaseSettings');
    if (!allowedLineBases.has(lineBaseId)) {
      throw invalidValue(
        `lines[${i}].lineBaseSettings.id`,
        `The line base settings ${lineBaseId} do not belong to ${base.name}.`,
      );
    }
    const keepId = typeof line.id === 'string' && oldLineIds.has(line.id) ? line.id : null;
    return { id: keepId ?? ctx.newId(), name: lineName, lineBaseSettingsId: lineBaseId };
  });
  const webRtcUserId = optionalRefId(body, 'webRtcUser') ?? null;
  if (isWebRtcBase(base) && !webRtcUserId) throw badRequest('A WebRTC phone needs webRtcUser.', 'webRtcUser');
  if (!isWebRtcBase(base) && webRtcUserId) {
    throw badRequest(`${base.name} is not a WebRTC base settings; webRtcUser is not allowed.`, 'webRtcUser');
  }
  if (webRtcUserId) {
    const user = store.users.get(webRtcUserId);
    if (!user || user.state === 'deleted')
      throw invalidValue('webRtcUser.id', `The user ${webRtcUserId} does not exist.`);
    if (webRtcUserId !== existing?.webRtcUserId) ctx.real.assertKnownTo('telephony', user, ctx.now);
    const other = store.phoneByWebRtcUser.get(webRtcUserId);
    if (other && other !== existing?.id) {
      throw badRequest(`The user ${webRtcUserId} already has a WebRTC phone (${other}).`, 'webRtcUser');
    }
  }
  const sameName = store.phoneByName.get(name.toLowerCase());
  if (sameName && sameName !== existing?.id)
    throw conflict(`A phone named ${name} already exists.`, sameName);
  return { name, siteId, phoneBaseSettingsId: baseId, lines, webRtcUserId };
}

function postPhones(ctx: HandlerContext): ApiResult {
  const { store } = ctx;
  const input = readPhone(ctx, asObject(ctx.body, 'Phone'));
  const at = new Date(ctx.now).toISOString();
  const phone: PhoneRec = {
    id: ctx.newId(),
    ...input,
    stationId: null,
    state: 'active',
    version: 1,
    dateCreated: at,
    dateModified: at,
  };
  store.addPhone(phone);
  // Creating a WebRTC phone creates its station; the station index only shows it after a lag.
  if (phone.webRtcUserId) store.addStation(phone, ctx.newId(), at, ctx.now + ctx.stationLagMs);
  return ok(renderPhone(store, phone));
}

/** The spec gives GET /phones/{id} no `fields` or `expand`: it answers the whole phone (TF reads
 * web_rtc_user_id and lines from it), deleted ones included with their state. */
function getPhone(ctx: HandlerContext): ApiResult {
  return ok(renderPhone(ctx.store, phoneOf(ctx)));
}

function putPhone(ctx: HandlerContext): ApiResult {
  const { store } = ctx;
  const phone = livePhoneOf(ctx);
  const body = asObject(ctx.body, 'Phone');
  const version = body.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw badRequest('version is required and must be the current version of the phone.', 'version');
  }
  if (version !== phone.version) {
    throw conflict(
      `The version supplied (${version}) does not match the current version of the phone (${phone.version}).`,
      phone.id,
    );
  }
  const input = readPhone(ctx, body, phone);
  const oldName = phone.name;
  const oldUser = phone.webRtcUserId;
  Object.assign(phone, input);
  phone.version++;
  phone.dateModified = new Date(ctx.now).toISOString();
  store.reindexPhone(phone, oldName, oldUser);
  const station = phone.stationId ? store.stations.get(phone.stationId) : undefined;
  if (station) {
    station.name = phone.name;
    station.lineAppearanceId = phone.lines[0]?.id ?? station.lineAppearanceId;
    if (oldUser !== phone.webRtcUserId) {
      const previous = station.defaultUserId ? store.users.get(station.defaultUserId) : undefined;
      if (previous) store.clearDefaultStation(previous);
      station.webRtcUserId = phone.webRtcUserId;
    }
  }
  return ok(renderPhone(store, phone));
}

// --- stations ---------------------------------------------------------------------------------------

function getStations(ctx: HandlerContext): ApiResult {
  const { store, query } = ctx;
  const paging = readPaging(query, MAX_PAGE);
  const webRtcUserId = textParam(query, 'webRtcUserId');
  const ids = listParam(query, 'id');
  const lineAppearanceId = textParam(query, 'lineAppearanceId');
  const matches = nameFilter(ctx);
  let candidates: Array<StationRec | undefined>;
  if (webRtcUserId) {
    const phoneId = store.phoneByWebRtcUser.get(webRtcUserId);
    const stationId = phoneId ? store.phones.get(phoneId)?.stationId : undefined;
    candidates = [stationId ? store.stations.get(stationId) : undefined];
  } else if (ids) {
    candidates = ids.map((id) => store.stations.get(id));
  } else {
    candidates = [...store.stations.values()];
  }
  const stations = [...new Set(candidates)]
    .filter((s): s is StationRec => s !== undefined && s.visibleFrom <= ctx.now)
    .filter(
      (s) =>
        matches(s.name) &&
        (!ids || ids.includes(s.id)) &&
        (!lineAppearanceId || s.lineAppearanceId === lineAppearanceId),
    )
    .sort(byName)
    .map(renderStation);
  return ok(pageListing(ctx.path, query, paging, stations));
}

export const telephonyRoutes: Route[] = [
  route('GET', `${EDGES}/sites`, getSites),
  route('GET', `${EDGES}/phonebasesettings`, getPhoneBaseSettingsList),
  route('GET', `${EDGES}/phonebasesettings/{phoneBaseId}`, getPhoneBaseSettings),
  route('GET', `${EDGES}/linebasesettings`, getLineBaseSettingsList),
  route('GET', `${EDGES}/phones`, getPhones),
  route('POST', `${EDGES}/phones`, postPhones, { rateFamily: 'telephony.phones.write' }),
  route('GET', `${EDGES}/phones/{phoneId}`, getPhone),
  route('PUT', `${EDGES}/phones/{phoneId}`, putPhone, { rateFamily: 'telephony.phones.write' }),
  route('GET', '/api/v2/stations', getStations),
];
