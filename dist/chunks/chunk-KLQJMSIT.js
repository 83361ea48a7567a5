import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);
import {
  ALL_DIVISIONS,
  DIVISION_AWARE,
  SPEC_PERMISSIONS,
  denialOf,
  external_exports,
  holds,
  requirementOf,
  scopeOf
} from "./chunk-462IHIBZ.js";

// src/sandbox/clients.ts
import { randomBytes } from "node:crypto";

// src/sandbox/errors.ts
var ApiError = class extends Error {
  status;
  code;
  details;
  headers;
  constructor(status, code, message, details = [], headers = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }
};
function errorBody(status, code, message, contextId, details = []) {
  return {
    message,
    code,
    status,
    messageWithParams: message,
    messageParams: {},
    contextId,
    details,
    errors: []
  };
}
function badRequest(message, fieldName) {
  return new ApiError(
    400,
    "bad.request",
    message,
    fieldName ? [{ errorCode: "bad.request", fieldName }] : []
  );
}
function invalidValue(fieldName, message) {
  return new ApiError(400, "invalid.value", message, [{ errorCode: "invalid.value", fieldName }]);
}
function notFound(message, entityId) {
  return new ApiError(404, "not.found", message, entityId ? [{ errorCode: "not.found", entityId }] : []);
}
function conflict(message, entityId) {
  return new ApiError(
    409,
    "general.conflict",
    message,
    entityId ? [{ errorCode: "general.conflict", entityId }] : []
  );
}

// src/sandbox/access.ts
var ForbiddenError = class extends ApiError {
  constructor(message, code, messageWithParams, messageParams) {
    super(403, code, message);
    this.messageWithParams = messageWithParams;
    this.messageParams = messageParams;
  }
  messageWithParams;
  messageParams;
};
var PREFIX = "Unable to perform the requested action.";
function forbidden(denial) {
  const permissions = denial.permissions.join(", ");
  if (denial.code === "missing.division.permission") {
    const divisionId = denial.divisionId ?? "";
    return new ForbiddenError(
      `${PREFIX} You are missing the following permission(s) in division ${divisionId}: ${permissions}`,
      denial.code,
      `${PREFIX} You are missing the following permission(s) in division {divisionId}: {permissions}`,
      { permissions, divisionId }
    );
  }
  const wording = denial.code === "missing.any.permissions" ? "You must have at least one of the following permissions assigned:" : "You are missing the following permission(s):";
  return new ForbiddenError(
    `${PREFIX} ${wording} ${permissions}`,
    denial.code,
    `${PREFIX} ${wording} {permissions}`,
    {
      permissions
    }
  );
}
var DEFAULT_ROLE = "Master Admin";
var DEFAULT_CLIENT_NAME = "gc-onboard";
function clientRolesToSeed(seed, client) {
  const known = new Set(seed.roles.map((role2) => role2.name.toLowerCase()));
  return (client?.roles ?? []).filter((role2) => role2.roleId === void 0 && role2.permissions !== void 0 && role2.name !== void 0).filter((role2) => !known.has((role2.name ?? "").toLowerCase())).map((role2, i) => ({
    // In the org's id space (seed.idTag), as its seeded roles are, so two orgs' roles differ.
    id: `5eed${seed.idTag ?? "0000"}-00c1-4000-8000-${(i + 1).toString().padStart(12, "0")}`,
    name: role2.name ?? "",
    description: "Role of the sandbox OAuth client",
    permissions: [...role2.permissions ?? []]
  }));
}
function clientAccessOf(seed, client) {
  const name = client?.name ?? DEFAULT_CLIENT_NAME;
  const roleByName = (wanted) => seed.roles.find((r) => r.name.toLowerCase() === wanted.toLowerCase());
  const divisionOf = (value) => {
    if (value === ALL_DIVISIONS) return value;
    const division = seed.divisions.find(
      (d) => d.id === value || d.name.toLowerCase() === value.toLowerCase()
    );
    if (!division) throw new Error(`sandbox: client division "${value}" is not in the org`);
    return division.id;
  };
  if (!client?.roles) {
    const admin2 = roleByName(DEFAULT_ROLE);
    return { name, roleDivisions: admin2 ? [{ roleId: admin2.id, divisionId: ALL_DIVISIONS }] : null };
  }
  const roleDivisions = client.roles.flatMap((entry) => {
    const role2 = entry.roleId ? seed.roles.find((r) => r.id === entry.roleId) : roleByName(entry.name ?? "");
    if (!role2)
      throw new Error(`sandbox: client role "${entry.roleId ?? entry.name ?? ""}" is not in the org`);
    return entry.divisionIds.map((d) => ({ roleId: role2.id, divisionId: divisionOf(d) }));
  });
  return { name, roleDivisions };
}
function heldGrants(access, store) {
  return (access.roleDivisions ?? []).map(({ roleId, divisionId }) => ({
    roleId,
    divisionId,
    permissions: store.roles.get(roleId)?.permissions ?? []
  }));
}
function parse(text) {
  try {
    return text.trim() === "" ? void 0 : JSON.parse(text);
  } catch {
    return void 0;
  }
}
var record = (value) => typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
var strings = (value) => Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
function divisionsOf(routeKey, params, text, store) {
  const scope = scopeOf(routeKey);
  if (scope === null) return null;
  const body = record(parse(text));
  const known = (ids) => {
    const found = ids.filter((id) => store.divisions.has(id));
    return found.length > 0 ? [...new Set(found)] : null;
  };
  switch (scope) {
    case "user": {
      const userId = params.userId;
      if (userId === void 0) {
        const given = typeof body.divisionId === "string" ? body.divisionId : store.homeDivisionId;
        return known([given]);
      }
      const user = store.users.get(userId);
      return user ? [user.divisionId] : null;
    }
    case "grant": {
      const fromGrants = Array.isArray(body.grants) ? body.grants.map((g) => record(g).divisionId) : [];
      return known([...strings(fromGrants), ...strings(body.divisionIds)]);
    }
    case "queue": {
      const queue = store.queues.get(params.queueId ?? "");
      return queue ? [queue.divisionId] : null;
    }
  }
}
function accessCheck(access, store, routeKey, params, text) {
  if (access.roleDivisions === null) return null;
  const requirement = requirementOf(routeKey);
  if (requirement === null) return null;
  const denial = denialOf(requirement, heldGrants(access, store), divisionsOf(routeKey, params, text, store));
  return denial ? forbidden(denial) : null;
}

// src/sandbox/router.ts
function route(method, template, handler, options = {}) {
  const paramNames = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_m, name) => {
    paramNames.push(name);
    return "([^/]+)";
  });
  const statsKey = `${method} ${template.replace(/\{\w+\}/, "{id}")}`;
  return {
    method,
    template,
    statsKey,
    handler,
    regex: new RegExp(`^${pattern}$`),
    paramNames,
    userWrite: options.userWrite ?? false,
    rateFamily: options.rateFamily ?? null
  };
}
var Router = class {
  byMethod = /* @__PURE__ */ new Map();
  constructor(routes) {
    for (const r of routes) {
      const list = this.byMethod.get(r.method) ?? [];
      list.push(r);
      this.byMethod.set(r.method, list);
    }
  }
  match(method, path) {
    for (const r of this.byMethod.get(method) ?? []) {
      const m = r.regex.exec(path);
      if (!m) continue;
      const params = {};
      r.paramNames.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? "");
      });
      return { route: r, params };
    }
    return null;
  }
};
var ok = (body) => ({ status: 200, body });
var noContent = () => ({ status: 204 });
var accepted = () => ({ status: 202 });

// src/sandbox/paging.ts
var DEFAULT_PAGE_SIZE = 25;
function toInteger(value) {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) ? n : null;
}
function checkPaging(pageSize, pageNumber, maxPageSize) {
  const size = pageSize === void 0 || pageSize === null ? DEFAULT_PAGE_SIZE : toInteger(pageSize);
  if (size === null || size < 1 || size > maxPageSize) {
    throw invalidValue(
      "pageSize",
      `Value [${String(pageSize)}] is not valid for field pageSize. Allowable values are: 1-${maxPageSize}`
    );
  }
  const number = pageNumber === void 0 || pageNumber === null ? 1 : toInteger(pageNumber);
  if (number === null || number < 1) {
    throw invalidValue("pageNumber", `Value [${String(pageNumber)}] is not valid for field pageNumber`);
  }
  return { pageSize: size, pageNumber: number };
}
function readPaging(query, maxPageSize) {
  return checkPaging(query.get("pageSize") ?? void 0, query.get("pageNumber") ?? void 0, maxPageSize);
}
function pageCountOf(total, pageSize) {
  return Math.ceil(total / pageSize);
}
function sliceOf(items, paging) {
  const start = (paging.pageNumber - 1) * paging.pageSize;
  return items.slice(start, start + paging.pageSize);
}
function listing(path, query, paging, total, entities) {
  const rest = new URLSearchParams(query);
  rest.delete("pageSize");
  rest.delete("pageNumber");
  const restText = rest.toString();
  const uri = (n) => `${path}?pageSize=${paging.pageSize}&pageNumber=${n}${restText ? `&${restText}` : ""}`;
  const pageCount = pageCountOf(total, paging.pageSize);
  const result = {
    entities,
    pageSize: paging.pageSize,
    pageNumber: paging.pageNumber,
    total,
    pageCount,
    firstUri: uri(1),
    selfUri: uri(paging.pageNumber),
    lastUri: uri(Math.max(pageCount, 1))
  };
  if (paging.pageNumber < pageCount) result.nextUri = uri(paging.pageNumber + 1);
  if (paging.pageNumber > 1)
    result.previousUri = uri(Math.min(paging.pageNumber - 1, Math.max(pageCount, 1)));
  return result;
}
function pageListing(path, query, paging, items) {
  return listing(path, query, paging, items.length, sliceOf(items, paging));
}
function listParam(query, name) {
  const raw = query.getAll(name);
  if (raw.length === 0) return null;
  return raw.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
}
function textParam(query, name) {
  const value = query.get(name)?.trim();
  return value ? value : null;
}
function wildcardMatcher(pattern) {
  const lower = pattern.toLowerCase();
  if (!lower.includes("*")) return (name) => name.toLowerCase() === lower;
  const parts = lower.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  const regex = new RegExp(`^${parts.join(".*")}$`);
  return (name) => regex.test(name.toLowerCase());
}
function byName(a, b) {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
function readAscDesc(ctx) {
  const raw = ctx.query.get("sortOrder");
  if (raw === null || raw === "" || raw === "asc") return "asc";
  if (raw === "desc") return "desc";
  if (!ctx.real.behaviours.specContract) return "asc";
  throw invalidValue(
    "sortOrder",
    `Value [${raw}] is not valid for field sortOrder. Allowable values are: asc, desc`
  );
}

// src/sandbox/phone-numbers.ts
var COUNTRIES = {
  US: { callingCode: "1", trunk: "1", exit: "011" },
  CA: { callingCode: "1", trunk: "1", exit: "011" },
  GB: { callingCode: "44", trunk: "0", exit: "00" }
};
var SUPPORTED_COUNTRIES = Object.keys(COUNTRIES);
function callingCodeOf(country) {
  const found = COUNTRIES[country];
  if (!found)
    throw new Error(`sandbox: unsupported default country ${country} (${SUPPORTED_COUNTRIES.join(", ")})`);
  return found.callingCode;
}
var NANP = /^[2-9]\d{2}[2-9]\d{6}$/;
var GB_NSN = /^[1-9]\d{8,9}$/;
function international(digits) {
  if (digits.startsWith("1")) return NANP.test(digits.slice(1)) ? `+${digits}` : null;
  if (digits.startsWith("44")) {
    const nsn = digits.slice(2).replace(/^0/, "");
    return GB_NSN.test(nsn) ? `+44${nsn}` : null;
  }
  return digits.length >= 8 && digits.length <= 15 && !digits.startsWith("0") ? `+${digits}` : null;
}
function toE164(raw, country) {
  const plan = COUNTRIES[country];
  if (!plan) return null;
  const trimmed = raw.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, "");
  if (trimmed.startsWith("+")) return international(digits);
  if (digits.startsWith(plan.exit)) return international(digits.slice(plan.exit.length));
  if (plan.callingCode === "1") {
    const national = digits.length === 11 && digits.startsWith(plan.trunk) ? digits.slice(1) : digits;
    return NANP.test(national) ? `+1${national}` : null;
  }
  if (!digits.startsWith(plan.trunk)) return null;
  const nsn = digits.slice(plan.trunk.length);
  return GB_NSN.test(nsn) ? `+${plan.callingCode}${nsn}` : null;
}
function displayOf(e164) {
  const d = e164.slice(1);
  if (d.startsWith("1") && d.length === 11) return `+1 ${d.slice(1, 4)}-${d.slice(4, 7)}-${d.slice(7)}`;
  if (d.startsWith("44")) {
    const n = d.slice(2);
    if (n.length !== 10) return `+44 ${n}`;
    if (n.startsWith("2")) return `+44 ${n.slice(0, 2)} ${n.slice(2, 6)} ${n.slice(6)}`;
    if (n.startsWith("7") || n.startsWith("1")) {
      if (/^1(\d1|1\d)/.test(n)) return `+44 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
      return `+44 ${n.slice(0, 4)} ${n.slice(4)}`;
    }
    return `+44 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
  }
  return e164;
}
function inExtensionPool(extension, pools) {
  const n = Number(extension);
  return pools.some(
    (p) => p.startNumber.length === extension.length && n >= Number(p.startNumber) && n <= Number(p.endNumber)
  );
}
function readBackShape(stored, pools, callingCode) {
  const { address, extension, display: _display, ...rest } = stored;
  if (address && !extension) return { ...rest, address, display: displayOf(address) };
  if (address && extension) return { ...rest, extension, display: displayOf(address) };
  if (!extension) return { ...rest };
  if (inExtensionPool(extension, pools)) {
    return { ...rest, address: `+${callingCode}${extension}`, extension, display: extension };
  }
  return { ...rest, display: extension };
}

// src/sandbox/store.ts
var WEBRTC_META_BASE = "inin_webrtc_softphone.json";
var WEBRTC_STATION_TYPE = "inin_webrtc_softphone";
var SEED_DATE = "2025-01-01T00:00:00.000Z";
function orgIdOf(name) {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return `0e9a0000-0000-4000-8000-${h.toString(16).padStart(12, "0")}`;
}
function indexById(items) {
  return new Map(items.map((item) => [item.id, item]));
}
var OrgStore = class {
  constructor(seed, real) {
    this.real = real;
    this.orgId = seed.id ?? orgIdOf(seed.name);
    this.orgName = seed.name;
    this.defaultCountryCode = seed.defaultCountryCode ?? "US";
    this.callingCode = callingCodeOf(this.defaultCountryCode);
    this.extensionPools = (seed.extensionPools ?? []).map((p) => ({ ...p }));
    const homes = seed.divisions.filter((d) => d.home);
    const home = homes[0];
    if (!home || homes.length > 1) throw new Error("sandbox seed: exactly one division must be home");
    this.homeDivisionId = home.id;
    this.divisions = new Map(seed.divisions.map((d) => [d.id, { ...d, home: d.home === true }]));
    this.roles = indexById(seed.roles);
    this.sites = indexById(seed.sites);
    this.phoneBases = indexById(seed.phoneBaseSettings);
    this.lineBases = new Map(
      seed.phoneBaseSettings.flatMap(
        (base) => base.lines.map((line) => [line.id, { ...line, phoneBaseSettingsId: base.id }])
      )
    );
    this.queues = indexById(seed.queues);
    this.skills = indexById(seed.skills);
    for (const queue of seed.queues) this.queueMembers.set(queue.id, /* @__PURE__ */ new Set());
    for (const location of seed.locations) {
      this.addLocation({ id: location.id, name: location.name, version: 1, dateCreated: SEED_DATE });
    }
    this.loadUsers(seed);
    this.loadPhones(seed);
  }
  real;
  orgId;
  orgName;
  defaultCountryCode;
  /** The calling code of the default country, e.g. `1`. */
  callingCode;
  extensionPools;
  homeDivisionId;
  divisions;
  roles;
  sites;
  phoneBases;
  lineBases;
  queues;
  skills;
  locations = /* @__PURE__ */ new Map();
  locationByName = /* @__PURE__ */ new Map();
  users = /* @__PURE__ */ new Map();
  userByEmail = /* @__PURE__ */ new Map();
  /** user id → (roleId|divisionId → grant) */
  grants = /* @__PURE__ */ new Map();
  /** role id → user id → division ids */
  roleSubjects = /* @__PURE__ */ new Map();
  queueMembers = /* @__PURE__ */ new Map();
  userQueues = /* @__PURE__ */ new Map();
  phones = /* @__PURE__ */ new Map();
  phoneByName = /* @__PURE__ */ new Map();
  phoneByWebRtcUser = /* @__PURE__ */ new Map();
  /** Deleted phones, which the name and user indexes leave out. */
  deletedPhones = [];
  stations = /* @__PURE__ */ new Map();
  invites = [];
  userStamp = 0;
  sortedUsers = null;
  need(map, id, what) {
    const found = map.get(id);
    if (!found) throw new Error(`sandbox seed: unknown ${what} ${id}`);
    return found;
  }
  loadUsers(seed) {
    for (const u of seed.users) {
      this.need(this.divisions, u.divisionId, "division");
      if (this.userByEmail.has(u.email.toLowerCase()))
        throw new Error(`sandbox seed: duplicate email ${u.email}`);
      this.addUser({
        id: u.id,
        name: u.name,
        email: u.email,
        state: u.state ?? "active",
        version: 1,
        divisionId: u.divisionId,
        title: u.title ?? "",
        department: u.department ?? "",
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
        lastAssociatedStationId: null
      });
    }
    for (const u of seed.users) {
      if (u.managerId) this.need(this.users, u.managerId, "manager");
      for (const id of u.locationIds ?? []) this.need(this.locations, id, "location");
      for (const s of u.skills ?? []) this.need(this.skills, s.skillId, "skill");
      for (const g of u.grants ?? []) {
        this.need(this.roles, g.roleId, "role");
        this.need(this.divisions, g.divisionId, "division");
        this.addGrant(u.id, g.roleId, g.divisionId, SEED_DATE);
      }
      for (const q of u.queueIds ?? []) {
        this.need(this.queues, q, "queue");
        this.addQueueMember(q, u.id);
      }
    }
  }
  loadPhones(seed) {
    for (const p of seed.phones) {
      const deleted = p.state === "deleted";
      if (deleted && !this.real.deletedPhones) continue;
      const base = this.need(this.phoneBases, p.phoneBaseSettingsId, "phone base settings");
      this.need(this.sites, p.siteId, "site");
      const lineBase = base.lines[0];
      if (!lineBase) throw new Error(`sandbox seed: base settings ${base.id} has no line`);
      if (p.webRtcUserId) this.need(this.users, p.webRtcUserId, "WebRTC user");
      const phone = {
        id: p.id,
        name: p.name,
        siteId: p.siteId,
        phoneBaseSettingsId: base.id,
        lines: [{ id: p.lineId, name: `${p.name}_1`, lineBaseSettingsId: lineBase.id }],
        webRtcUserId: p.webRtcUserId ?? null,
        stationId: null,
        state: deleted ? "deleted" : "active",
        version: 1,
        dateCreated: SEED_DATE,
        dateModified: SEED_DATE
      };
      this.addPhone(phone);
      if (!deleted && p.stationId && p.webRtcUserId && base.phoneMetaBase.id === WEBRTC_META_BASE) {
        this.addStation(phone, p.stationId, SEED_DATE, 0);
        if (p.defaultForUser) this.setDefaultStation(p.webRtcUserId, p.stationId);
      }
    }
  }
  // --- users -------------------------------------------------------------------------------
  addUser(user) {
    this.users.set(user.id, user);
    this.userByEmail.set(user.email.toLowerCase(), user.id);
    this.grants.set(user.id, /* @__PURE__ */ new Map());
    this.userQueues.set(user.id, /* @__PURE__ */ new Set());
    this.usersChanged();
  }
  /** Call after a change that moves a user in the sorted lists (name, state, new user). */
  usersChanged() {
    this.userStamp++;
  }
  changeEmail(user, email) {
    this.userByEmail.delete(user.email.toLowerCase());
    user.email = email;
    this.userByEmail.set(email.toLowerCase(), user.id);
  }
  userByEmailKey(email) {
    const id = this.userByEmail.get(email.toLowerCase());
    return id === void 0 ? void 0 : this.users.get(id);
  }
  /** Users of a state ('any' for all) sorted by name then id; cached until users change. */
  usersSorted(state) {
    if (!this.sortedUsers || this.sortedUsers.stamp !== this.userStamp) {
      this.sortedUsers = { stamp: this.userStamp, byState: /* @__PURE__ */ new Map() };
    }
    const cached = this.sortedUsers.byState.get(state);
    if (cached) return cached;
    const all = [...this.users.values()].filter((u) => state === "any" || u.state === state);
    all.sort((a, b) => byName(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.sortedUsers.byState.set(state, all);
    return all;
  }
  // --- grants ------------------------------------------------------------------------------
  /** Adds a grant; false when the user already held it. */
  addGrant(userId, roleId, divisionId, at) {
    const mine = this.grants.get(userId);
    if (!mine) throw new Error(`no grants map for ${userId}`);
    const key = `${roleId}|${divisionId}`;
    if (mine.has(key)) return false;
    mine.set(key, { roleId, divisionId, grantMadeAt: at });
    const subjects = this.roleSubjects.get(roleId) ?? /* @__PURE__ */ new Map();
    this.roleSubjects.set(roleId, subjects);
    const divisions = subjects.get(userId) ?? /* @__PURE__ */ new Set();
    subjects.set(userId, divisions);
    divisions.add(divisionId);
    return true;
  }
  grantsOf(userId) {
    return [...this.grants.get(userId)?.values() ?? []];
  }
  // --- queues ------------------------------------------------------------------------------
  addQueueMember(queueId, userId) {
    this.queueMembers.get(queueId)?.add(userId);
    this.userQueues.get(userId)?.add(queueId);
  }
  removeQueueMember(queueId, userId) {
    this.queueMembers.get(queueId)?.delete(userId);
    this.userQueues.get(userId)?.delete(queueId);
  }
  // --- locations ---------------------------------------------------------------------------
  addLocation(location) {
    this.locations.set(location.id, location);
    this.locationByName.set(location.name.toLowerCase(), location.id);
  }
  // --- phones and stations -----------------------------------------------------------------
  addPhone(phone) {
    this.phones.set(phone.id, phone);
    if (phone.state === "deleted") {
      this.deletedPhones.push(phone);
      return;
    }
    this.phoneByName.set(phone.name.toLowerCase(), phone.id);
    if (phone.webRtcUserId) this.phoneByWebRtcUser.set(phone.webRtcUserId, phone.id);
  }
  /** Re-indexes a phone after its name or WebRTC user changed. */
  reindexPhone(phone, oldName, oldWebRtcUserId) {
    this.phoneByName.delete(oldName.toLowerCase());
    this.phoneByName.set(phone.name.toLowerCase(), phone.id);
    if (oldWebRtcUserId) this.phoneByWebRtcUser.delete(oldWebRtcUserId);
    if (phone.webRtcUserId) this.phoneByWebRtcUser.set(phone.webRtcUserId, phone.id);
  }
  addStation(phone, stationId, dateCreated, visibleFrom) {
    const station = {
      id: stationId,
      name: phone.name,
      type: WEBRTC_STATION_TYPE,
      phoneId: phone.id,
      webRtcUserId: phone.webRtcUserId,
      lineAppearanceId: phone.lines[0]?.id ?? "",
      defaultUserId: null,
      associatedUserId: null,
      associatedDate: null,
      dateCreated,
      visibleFrom
    };
    this.stations.set(station.id, station);
    phone.stationId = station.id;
    return station;
  }
  setDefaultStation(userId, stationId) {
    const user = this.users.get(userId);
    const station = this.stations.get(stationId);
    if (!user || !station) throw new Error("setDefaultStation: unknown user or station");
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
  clearDefaultStation(user) {
    if (!user.defaultStationId) return;
    const station = this.stations.get(user.defaultStationId);
    if (station) station.defaultUserId = null;
    user.defaultStationId = null;
  }
  associateStation(userId, stationId, at) {
    const user = this.users.get(userId);
    const station = this.stations.get(stationId);
    if (!user || !station) throw new Error("associateStation: unknown user or station");
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
  dump() {
    const named = (m) => [...m.values()].map((x) => ({ id: x.id, name: x.name }));
    return {
      org: {
        id: this.orgId,
        name: this.orgName,
        homeDivisionId: this.homeDivisionId,
        defaultCountryCode: this.defaultCountryCode
      },
      divisions: [...this.divisions.values()].map((d) => ({ id: d.id, name: d.name, homeDivision: d.home })),
      roles: named(this.roles),
      sites: [...this.sites.values()].map((s) => ({
        id: s.id,
        name: s.name,
        locationId: s.locationId ?? null
      })),
      phoneBaseSettings: [...this.phoneBases.values()].map((b) => ({
        id: b.id,
        name: b.name,
        phoneMetaBaseId: b.phoneMetaBase.id,
        webRtc: b.phoneMetaBase.id === WEBRTC_META_BASE,
        lines: b.lines.map((l) => ({ id: l.id, name: l.name }))
      })),
      queues: [...this.queues.values()].map((q) => ({ id: q.id, name: q.name, divisionId: q.divisionId })),
      skills: named(this.skills),
      locations: [...this.locations.values()].map((l) => ({
        id: l.id,
        name: l.name,
        dateCreated: l.dateCreated
      })),
      users: [...this.users.values()].map(dumpUser),
      grants: [...this.grants].flatMap(
        ([subjectId, mine]) => [...mine.values()].map((g) => ({ subjectId, ...g }))
      ),
      queueMembers: [...this.queueMembers].flatMap(
        ([queueId, members]) => [...members].map((userId) => ({ queueId, userId }))
      ),
      phones: [...this.phones.values()].map(dumpPhone),
      stations: [...this.stations.values()].map(dumpStation),
      invites: this.invites.map((i) => ({ ...i }))
    };
  }
};
function dumpUser(u) {
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
    associatedStationId: u.associatedStationId
  };
}
function dumpPhone(p) {
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
    dateCreated: p.dateCreated
  };
}
function dumpStation(s) {
  return {
    id: s.id,
    name: s.name,
    type: s.type,
    status: s.associatedUserId ? "ASSOCIATED" : "AVAILABLE",
    phoneId: s.phoneId,
    webRtcUserId: s.webRtcUserId,
    lineAppearanceId: s.lineAppearanceId,
    defaultUserId: s.defaultUserId,
    associatedUserId: s.associatedUserId,
    dateCreated: s.dateCreated,
    visibleInIndexFrom: new Date(s.visibleFrom).toISOString()
  };
}

// src/sandbox/permissions.ts
var CALL_ADD = "conversation:call:add";
function permissionCovers(held, wanted) {
  const h = held.split(":");
  const w = wanted.split(":");
  if (h.length !== 3 || w.length !== 3) return false;
  return h.every((segment, i) => segment === "*" || segment === w[i]);
}
function holdsPermission(held, wanted) {
  for (const p of held) if (permissionCovers(p, wanted)) return true;
  return false;
}
function permissionPolicies(permissions) {
  const byEntity = /* @__PURE__ */ new Map();
  for (const p of permissions) {
    const [domain = "", entityName = "", action = ""] = p.split(":");
    const key = `${domain}:${entityName}`;
    const entry = byEntity.get(key) ?? { domain, entityName, actionSet: [] };
    if (!entry.actionSet.includes(action)) entry.actionSet.push(action);
    byEntity.set(key, entry);
  }
  return [...byEntity.values()].map((e) => ({ ...e, allowConditions: false }));
}

// src/sandbox/render.ts
var EDGES = "/api/v2/telephony/providers/edges";
var selfUris = {
  user: (id) => `/api/v2/users/${id}`,
  division: (id) => `/api/v2/authorization/divisions/${id}`,
  role: (id) => `/api/v2/authorization/roles/${id}`,
  queue: (id) => `/api/v2/routing/queues/${id}`,
  skill: (id) => `/api/v2/routing/skills/${id}`,
  location: (id) => `/api/v2/locations/${id}`,
  site: (id) => `${EDGES}/sites/${id}`,
  phoneBase: (id) => `${EDGES}/phonebasesettings/${id}`,
  lineBase: (id) => `${EDGES}/linebasesettings/${id}`,
  phone: (id) => `${EDGES}/phones/${id}`,
  line: (id) => `${EDGES}/lines/${id}`,
  station: (id) => `/api/v2/stations/${id}`
};
var USER_EXPANDS = /* @__PURE__ */ new Set([
  "routingStatus",
  "presence",
  "integrationPresence",
  "conversationSummary",
  "outOfOffice",
  "geolocation",
  "station",
  "authorization",
  "lasttokenissued",
  "dateLastLogin",
  "authorization.unusedRoles",
  "team",
  "workPlanBidRanks",
  "profileSkills",
  "certifications",
  "locations",
  "groups",
  "skills",
  "languages",
  "languagePreference",
  "employerInfo",
  "biography",
  "customAttributes",
  "externalContactsSettings",
  "dateWelcomeSent"
]);
function divisionRef(store, id) {
  return { id, name: store.divisions.get(id)?.name ?? "", selfUri: selfUris.division(id) };
}
function renderDivision(d) {
  return {
    id: d.id,
    name: d.name,
    description: d.description ?? "",
    homeDivision: d.home,
    selfUri: selfUris.division(d.id)
  };
}
function renderRole(r) {
  const permissions = r.permissions ?? [];
  return {
    id: r.id,
    name: r.name,
    description: r.description ?? "",
    permissions,
    permissionPolicies: permissionPolicies(permissions),
    default: false,
    base: false,
    selfUri: selfUris.role(r.id)
  };
}
function stationOfUser(store, stationId) {
  const station = stationId ? store.stations.get(stationId) : void 0;
  if (!station) return void 0;
  const result = { id: station.id, name: station.name, type: station.type };
  if (station.defaultUserId) result.defaultUser = { id: station.defaultUserId };
  if (station.associatedUserId) {
    result.associatedUser = { id: station.associatedUserId };
    if (station.associatedDate) result.associatedDate = station.associatedDate;
  }
  result.webRtcCallAppearances = 100;
  return result;
}
function renderUserStations(store, u) {
  const result = {};
  const associated = stationOfUser(store, u.associatedStationId);
  const def = stationOfUser(store, u.defaultStationId);
  const last = stationOfUser(store, u.lastAssociatedStationId);
  if (associated) result.associatedStation = associated;
  if (associated ?? def) result.effectiveStation = associated ?? def;
  if (def) result.defaultStation = def;
  if (last) result.lastAssociatedStation = last;
  return result;
}
function renderUserSkill(store, skillId, proficiency) {
  return {
    id: skillId,
    name: store.skills.get(skillId)?.name ?? "",
    proficiency,
    state: "active",
    skillUri: selfUris.skill(skillId),
    selfUri: `${selfUris.skill(skillId)}`
  };
}
function renderUser(store, u, expand) {
  const user = {
    id: u.id,
    name: u.name,
    division: divisionRef(store, u.divisionId),
    chat: { jabberId: `${u.id}@northfield.orgspan.com` },
    email: u.email,
    primaryContactInfo: [{ address: u.email, mediaType: "EMAIL", type: "PRIMARY" }],
    addresses: u.addresses.map(
      (a) => store.real.addressShapes && a.mediaType === "PHONE" ? readBackShape(a, store.extensionPools, store.callingCode) : { ...a }
    ),
    state: u.state,
    username: u.email,
    images: [],
    version: u.version,
    acdAutoAnswer: u.acdAutoAnswer,
    selfUri: selfUris.user(u.id)
  };
  if (u.department) user.department = u.department;
  if (u.title) user.title = u.title;
  if (u.managerId) user.manager = { id: u.managerId, selfUri: selfUris.user(u.managerId) };
  const datesNeedExpand = store.real.datesOnlyWithExpand;
  if (u.dateWelcomeSent && (!datesNeedExpand || expand.has("dateWelcomeSent")))
    user.dateWelcomeSent = u.dateWelcomeSent;
  if (expand.has("employerInfo")) user.employerInfo = u.dateHire ? { dateHire: u.dateHire } : {};
  if (expand.has("skills")) {
    user.skills = [...u.skills].map(([id, proficiency]) => renderUserSkill(store, id, proficiency));
  }
  if (expand.has("locations")) {
    user.locations = u.locations.map((l) => {
      const definition = store.locations.get(l.id);
      return {
        id: l.id,
        ...l.notes !== void 0 ? { notes: l.notes } : {},
        locationDefinition: { id: l.id, name: definition?.name ?? "", selfUri: selfUris.location(l.id) }
      };
    });
  }
  if (expand.has("station")) user.station = renderUserStations(store, u);
  if (expand.has("dateLastLogin") && u.dateLastLogin) user.dateLastLogin = u.dateLastLogin;
  if (expand.has("authorization")) {
    const roleIds = [...new Set(store.grantsOf(u.id).map((g) => g.roleId))];
    user.authorization = {
      roles: roleIds.map((id) => ({ id, name: store.roles.get(id)?.name ?? "" })),
      permissions: []
    };
  }
  if (expand.has("routingStatus")) user.routingStatus = { userId: u.id, status: "OFF_QUEUE" };
  if (expand.has("groups")) user.groups = [];
  if (expand.has("languages")) user.languages = [];
  if (expand.has("profileSkills")) user.profileSkills = [];
  if (expand.has("certifications")) user.certifications = [];
  return user;
}
function renderQueue(store, q) {
  const members = store.queueMembers.get(q.id)?.size ?? 0;
  return {
    id: q.id,
    name: q.name,
    division: divisionRef(store, q.divisionId),
    description: q.description ?? "",
    dateCreated: "2025-01-01T00:00:00.000Z",
    memberCount: members,
    userMemberCount: members,
    joinedMemberCount: members,
    scoringMethod: "TimestampAndPriority",
    skillEvaluationMethod: "ALL",
    selfUri: selfUris.queue(q.id)
  };
}
function renderSkill(s) {
  return {
    id: s.id,
    name: s.name,
    state: "active",
    version: "1",
    dateModified: "2025-01-01T00:00:00.000Z",
    selfUri: selfUris.skill(s.id)
  };
}
function renderLocation(l) {
  const result = {
    id: l.id,
    name: l.name,
    state: "active",
    version: l.version,
    path: [],
    selfUri: selfUris.location(l.id)
  };
  if (l.notes !== void 0) result.notes = l.notes;
  if (l.address !== void 0) result.address = l.address;
  return result;
}
function renderSite(store, s) {
  const location = s.locationId ? store.locations.get(s.locationId) : void 0;
  return {
    id: s.id,
    name: s.name,
    description: s.description ?? "",
    state: "active",
    version: 1,
    location: location ? { id: location.id, name: location.name, selfUri: selfUris.location(location.id) } : void 0,
    managed: false,
    mediaModel: "Cloud",
    coreSite: false,
    selfUri: selfUris.site(s.id)
  };
}
function renderLineBase(l) {
  return {
    id: l.id,
    name: l.name,
    state: "active",
    version: 1,
    lineMetaBase: { id: "inin_line.json", name: "Line" },
    selfUri: selfUris.lineBase(l.id)
  };
}
function renderPhoneBase(b) {
  return {
    id: b.id,
    name: b.name,
    description: b.description ?? "",
    state: "active",
    version: 1,
    phoneMetaBase: { id: b.phoneMetaBase.id, name: b.phoneMetaBase.name },
    lines: b.lines.map(renderLineBase),
    selfUri: selfUris.phoneBase(b.id)
  };
}
function nameRef(id, name, selfUri) {
  return { id, name, selfUri };
}
var FULL_PHONE = { webRtcUser: true, lines: true, lineDefaultForUser: true };
function renderPhone(store, p, view = FULL_PHONE) {
  const base = store.phoneBases.get(p.phoneBaseSettingsId);
  const site = store.sites.get(p.siteId);
  const siteRef = nameRef(p.siteId, site?.name ?? "", selfUris.site(p.siteId));
  const firstLineBase = p.lines[0] ? store.lineBases.get(p.lines[0].lineBaseSettingsId) : void 0;
  const station = p.stationId ? store.stations.get(p.stationId) : void 0;
  const phone = {
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
      base?.name ?? "",
      selfUris.phoneBase(p.phoneBaseSettingsId)
    ),
    phoneMetaBase: base ? { id: base.phoneMetaBase.id, name: base.phoneMetaBase.name } : void 0,
    lines: p.lines.map((line) => {
      const lineBase = store.lineBases.get(line.lineBaseSettingsId);
      const result = {
        id: line.id,
        name: line.name,
        state: "active",
        version: 1,
        site: siteRef,
        lineBaseSettings: nameRef(
          line.lineBaseSettingsId,
          lineBase?.name ?? "",
          selfUris.lineBase(line.lineBaseSettingsId)
        ),
        selfUri: selfUris.line(line.id)
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
      mediaCodecs: ["audio/opus", store.real.specContract ? "audio/pcmu" : "audio/PCMU"],
      cdm: true
    },
    selfUri: selfUris.phone(p.id)
  };
  if (firstLineBase) {
    phone.lineBaseSettings = nameRef(
      firstLineBase.id,
      firstLineBase.name,
      selfUris.lineBase(firstLineBase.id)
    );
  }
  if (!view.lines) delete phone.lines;
  if (view.webRtcUser && p.webRtcUserId) {
    const user = store.users.get(p.webRtcUserId);
    phone.webRtcUser = nameRef(p.webRtcUserId, user?.name ?? "", selfUris.user(p.webRtcUserId));
  }
  return phone;
}
function isWebRtcBase(b) {
  return b.phoneMetaBase.id === WEBRTC_META_BASE;
}
function renderStation(s) {
  const station = {
    id: s.id,
    name: s.name,
    status: s.associatedUserId ? "ASSOCIATED" : "AVAILABLE",
    type: s.type,
    lineAppearanceId: s.lineAppearanceId,
    webRtcPersistentEnabled: false,
    webRtcForceTurn: false,
    webRtcCallAppearances: 100,
    selfUri: selfUris.station(s.id)
  };
  if (s.webRtcUserId) station.webRtcUserId = s.webRtcUserId;
  if (s.associatedUserId) station.userId = s.associatedUserId;
  return station;
}

// src/sandbox/routes/identity.ts
var org = (ctx) => ({ id: ctx.store.orgId, name: ctx.store.orgName });
function knownPermissions(ctx) {
  const all = /* @__PURE__ */ new Set();
  for (const requirement of Object.values(SPEC_PERMISSIONS))
    for (const p of requirement.permissions) all.add(p);
  for (const role2 of ctx.store.roles.values()) for (const p of role2.permissions ?? []) all.add(p);
  return [...all].filter((p) => p.split(":").length === 3 && !p.includes("*")).sort();
}
function clientOf(settings, ctx) {
  return {
    id: settings.clientId,
    name: settings.access.name,
    authorizedGrantType: "CLIENT-CREDENTIALS",
    state: "active",
    organization: org(ctx)
  };
}
function getTokensMe(settings, ctx) {
  return ok({
    organization: org(ctx),
    homeOrganization: org(ctx),
    authorizedScope: [],
    OAuthClient: clientOf(settings, ctx)
  });
}
function getOauthClient(settings, ctx) {
  const { access } = settings;
  const id = ctx.params.clientId ?? "";
  if (id !== settings.clientId) throw notFound(`The OAuth client ${id} could not be found.`, id);
  return ok({
    ...clientOf(settings, ctx),
    accessTokenValiditySeconds: settings.tokenTtlSeconds,
    description: "The sandbox OAuth client",
    registeredRedirectUri: [],
    roleIds: [...new Set((access.roleDivisions ?? []).map((g) => g.roleId))],
    roleDivisions: (access.roleDivisions ?? []).map((g) => ({ ...g })),
    scope: [],
    selfUri: `/api/v2/oauth/clients/${id}`
  });
}
function permissionsByDomain(ctx) {
  const queryType = ctx.query.get("queryType");
  const wanted = (ctx.query.get("query") ?? "").split(",").map((q) => q.trim()).filter(Boolean);
  const byDomain = /* @__PURE__ */ new Map();
  for (const permission of knownPermissions(ctx)) {
    const [domain = "", entityType = "", action = ""] = permission.split(":");
    if (wanted.length > 0 && !(queryType === "domain" ? wanted.includes(domain) : wanted.includes(permission)))
      continue;
    const entities = byDomain.get(domain) ?? /* @__PURE__ */ new Map();
    const list = entities.get(entityType) ?? [];
    list.push({
      domain,
      entityType,
      action,
      label: action,
      allowsConditions: false,
      divisionAware: DIVISION_AWARE.has(permission)
    });
    entities.set(entityType, list);
    byDomain.set(domain, entities);
  }
  return byDomain;
}
function getPermissions(ctx) {
  const paging = readPaging(ctx.query, 100);
  const collections = [...permissionsByDomain(ctx).entries()].sort(([a], [b]) => a < b ? -1 : 1).map(([domain, entities]) => ({
    id: domain,
    name: domain,
    domain,
    permissionMap: Object.fromEntries(entities),
    selfUri: `/api/v2/authorization/permissions/${domain}`
  }));
  return ok(listing(ctx.path, ctx.query, paging, collections.length, sliceOf(collections, paging)));
}
function getDivisionsPermitted(access, ctx) {
  const permission = ctx.query.get("permission");
  if (!permission) throw badRequest("permission is required.", "permission");
  const paging = readPaging(ctx.query, 100);
  const grants = heldGrants(access, ctx.store);
  const everywhere = access.roleDivisions === null || holds(
    grants.filter((g) => g.divisionId === ALL_DIVISIONS),
    permission,
    null
  );
  const divisions = [...ctx.store.divisions.values()].filter((d) => everywhere || holds(grants, permission, d.id)).sort(byName).map(renderDivision);
  return ok({
    ...listing(ctx.path, ctx.query, paging, divisions.length, sliceOf(divisions, paging)),
    allDivsPermitted: everywhere
  });
}
function identityRoutes(settings) {
  return [
    route("GET", "/api/v2/tokens/me", (ctx) => getTokensMe(settings, ctx)),
    route("GET", "/api/v2/oauth/clients/{clientId}", (ctx) => getOauthClient(settings, ctx)),
    route("GET", "/api/v2/authorization/permissions", getPermissions),
    route(
      "GET",
      "/api/v2/authorization/divisionspermitted/paged/me",
      (ctx) => getDivisionsPermitted(settings.access, ctx)
    )
  ];
}

// src/sandbox/clients.ts
var MAX_SANDBOX_CLIENTS = 16;
function sandboxClients(options = {}) {
  const count2 = options.clients ?? 1;
  if (!(Number.isInteger(count2) && count2 >= 1 && count2 <= MAX_SANDBOX_CLIENTS)) {
    throw new Error(`sandbox: clients must be a whole number from 1 to ${MAX_SANDBOX_CLIENTS}`);
  }
  const main = { id: options.clientId ?? "sandbox", secret: options.clientSecret ?? "sandbox" };
  const pool = Array.from({ length: count2 - 1 }, (_, i) => ({
    id: `${main.id}-${i + 2}`,
    secret: `${main.id}-${i + 2}`
  }));
  return [main, ...pool];
}
var ClientRegistry = class {
  constructor(seed, options, tokenTtlSeconds) {
    this.tokenTtlSeconds = tokenTtlSeconds;
    this.clients = sandboxClients(options).map((credentials, index) => {
      const own = index === 0 ? void 0 : options.poolClients?.[credentials.id];
      const access = clientAccessOf(seed, own ?? options.client);
      const identity = new Router(identityRoutes({ clientId: credentials.id, tokenTtlSeconds, access }));
      return { ...credentials, access, identity };
    });
  }
  tokenTtlSeconds;
  clients;
  /** Token → its client and when it expires (epoch ms). */
  tokens = /* @__PURE__ */ new Map();
  /** A new token for a client whose id and secret match, else null. */
  login(id, secret, now) {
    const client = this.clients.find((c) => c.id === id && c.secret === secret);
    if (!client) return null;
    const token = randomBytes(24).toString("base64url");
    this.tokens.set(token, { client, expiresAt: now + this.tokenTtlSeconds * 1e3 });
    return token;
  }
  /** The client of a token still valid at `now`, else null (unknown, expired or expired by hand). */
  clientOf(token, now) {
    const entry = token === null ? void 0 : this.tokens.get(token);
    return entry && entry.expiresAt > now ? entry.client : null;
  }
  /** Every token of one client, or of all when `clientId` is null, stops working (a token expiry). */
  expire(clientId) {
    let expired = 0;
    for (const [token, { client }] of this.tokens) {
      if (clientId === null || client.id === clientId) {
        this.tokens.delete(token);
        expired += 1;
      }
    }
    return expired;
  }
  get main() {
    return this.clients[0];
  }
};

// src/sandbox/demo-org.ts
var DEFAULT_TAG = "0000";
var RESERVED_TAGS = /* @__PURE__ */ new Set([DEFAULT_TAG, "5eed"]);
var ORG_NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/i;
function orgTagOf(org2) {
  if (!ORG_NAME.test(org2)) {
    throw new Error(`sandbox: an org name is 1 to 32 letters, digits, "-" or "_", not "${org2}"`);
  }
  let h = 2166136261;
  for (const ch of org2.toLowerCase()) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  for (let step = 0; ; step++) {
    const tag = ((h >>> 16 ^ h & 65535 ^ step) & 65535).toString(16).padStart(4, "0");
    if (!RESERVED_TAGS.has(tag)) return tag;
  }
}
function seedId(tag, kind, n) {
  return `5eed${tag}-${kind.toString(16).padStart(4, "0")}-4000-8000-${n.toString().padStart(12, "0")}`;
}
var KIND = {
  org: 0,
  division: 1,
  role: 2,
  site: 3,
  phoneBase: 4,
  lineBase: 5,
  queue: 6,
  skill: 7,
  location: 8,
  user: 9,
  phone: 10,
  station: 11,
  line: 12
};
function idsOf(tag) {
  const id = (kind, n) => seedId(tag, kind, n);
  return {
    divisions: {
      home: id(KIND.division, 1),
      studentServices: id(KIND.division, 2),
      admissions: id(KIND.division, 3),
      itHelpDesk: id(KIND.division, 4)
    },
    roles: {
      employee: id(KIND.role, 1),
      pureCloudUser: id(KIND.role, 2),
      pureCloudSupervisor: id(KIND.role, 3),
      masterAdmin: id(KIND.role, 4),
      communicateUser: id(KIND.role, 5),
      qualityEvaluator: id(KIND.role, 6),
      telephonyAdmin: id(KIND.role, 7),
      supervisor: id(KIND.role, 8)
    },
    sites: { mainCampus: id(KIND.site, 1), downtown: id(KIND.site, 2) },
    phoneBaseSettings: { webRtc: id(KIND.phoneBase, 1), polycom: id(KIND.phoneBase, 2) },
    lineBaseSettings: { webRtc: id(KIND.lineBase, 1), polycom: id(KIND.lineBase, 2) },
    queues: {
      studentServicesGeneral: id(KIND.queue, 1),
      financialAid: id(KIND.queue, 2),
      registrar: id(KIND.queue, 3),
      admissionsInquiries: id(KIND.queue, 4),
      itHelpDeskTier1: id(KIND.queue, 5)
    },
    skills: {
      english: id(KIND.skill, 1),
      spanish: id(KIND.skill, 2),
      french: id(KIND.skill, 3),
      financialAid: id(KIND.skill, 4),
      registration: id(KIND.skill, 5),
      passwordReset: id(KIND.skill, 6)
    },
    locations: { welcomeCenter: id(KIND.location, 1), downtown: id(KIND.location, 2) },
    users: {
      admin: id(KIND.user, 1),
      maria: id(KIND.user, 2),
      james: id(KIND.user, 3),
      priya: id(KIND.user, 4),
      tom: id(KIND.user, 5),
      sam: id(KIND.user, 6)
    },
    phones: { maria: id(KIND.phone, 1), jamesDeleted: id(KIND.phone, 2) },
    stations: { maria: id(KIND.station, 1) },
    lines: { maria: id(KIND.line, 1), jamesDeleted: id(KIND.line, 2) }
  };
}
function demoIds(org2) {
  return idsOf(org2 === void 0 ? DEFAULT_TAG : orgTagOf(org2));
}
var DEMO_IDS = demoIds();
function demoOrgId(org2) {
  return seedId(orgTagOf(org2), KIND.org, 1);
}
var DEMO_ROLE_PERMISSIONS = {
  employee: ["directory:user:view", "directory:location:view", "authorization:division:view"],
  "PureCloud User": [
    "conversation:call:add",
    "conversation:call:accept",
    "conversation:communication:*",
    "routing:queue:join",
    "telephony:station:*"
  ],
  "PureCloud Supervisor": ["conversation:*:*", "routing:queue:*", "analytics:*:view"],
  "Master Admin": ["*:*:*"],
  "Communicate User": ["conversation:call:*", "directory:user:view"],
  "Quality Evaluator": ["quality:evaluation:*", "recording:recording:view"],
  "Telephony Admin": ["telephony:*:*"],
  Supervisor: ["routing:queue:*", "analytics:*:view"]
};
function role(id, name, description) {
  return { id, name, description, permissions: [...DEMO_ROLE_PERMISSIONS[name] ?? []] };
}
function baseOrg(D) {
  return {
    name: "Northfield University",
    defaultCountryCode: "US",
    // Campus extensions 4000–4999 (the demo batch's 4101–4110 among them).
    extensionPools: [{ startNumber: "4000", endNumber: "4999" }],
    divisions: [
      { id: D.divisions.home, name: "Home", description: "Home division", home: true },
      { id: D.divisions.studentServices, name: "Student Services", description: "Student Services" },
      { id: D.divisions.admissions, name: "Admissions", description: "Admissions office" },
      { id: D.divisions.itHelpDesk, name: "IT Help Desk", description: "IT Help Desk" }
    ],
    roles: [
      role(D.roles.employee, "employee", "Default role for every person"),
      role(D.roles.pureCloudUser, "PureCloud User", "Agent basics"),
      role(D.roles.pureCloudSupervisor, "PureCloud Supervisor", "Supervisor basics"),
      role(D.roles.masterAdmin, "Master Admin", "Everything"),
      role(D.roles.communicateUser, "Communicate User", "Communicate"),
      role(D.roles.qualityEvaluator, "Quality Evaluator", "Evaluations"),
      role(D.roles.telephonyAdmin, "Telephony Admin", "Telephony"),
      role(D.roles.supervisor, "Supervisor", "Custom supervisor role")
    ],
    sites: [
      { id: D.sites.mainCampus, name: "Northfield Main Campus", locationId: D.locations.welcomeCenter },
      { id: D.sites.downtown, name: "Northfield Downtown Center", locationId: D.locations.downtown }
    ],
    phoneBaseSettings: [
      {
        id: D.phoneBaseSettings.webRtc,
        name: "WebRTC Softphone",
        phoneMetaBase: { id: "inin_webrtc_softphone.json", name: "PureCloud WebRTC Phone" },
        lines: [{ id: D.lineBaseSettings.webRtc, name: "WebRTC Softphone_1" }]
      },
      {
        id: D.phoneBaseSettings.polycom,
        name: "Polycom VVX 411",
        phoneMetaBase: { id: "polycom_vvx_411.json", name: "Polycom VVX 411" },
        lines: [{ id: D.lineBaseSettings.polycom, name: "Polycom VVX 411_1" }]
      }
    ],
    queues: [
      {
        id: D.queues.studentServicesGeneral,
        name: "Student Services General",
        divisionId: D.divisions.studentServices
      },
      { id: D.queues.financialAid, name: "Financial Aid", divisionId: D.divisions.studentServices },
      { id: D.queues.registrar, name: "Registrar", divisionId: D.divisions.studentServices },
      { id: D.queues.admissionsInquiries, name: "Admissions Inquiries", divisionId: D.divisions.admissions },
      { id: D.queues.itHelpDeskTier1, name: "IT Help Desk Tier 1", divisionId: D.divisions.itHelpDesk }
    ],
    skills: [
      { id: D.skills.english, name: "English" },
      { id: D.skills.spanish, name: "Spanish" },
      { id: D.skills.french, name: "French" },
      { id: D.skills.financialAid, name: "Financial Aid" },
      { id: D.skills.registration, name: "Registration" },
      { id: D.skills.passwordReset, name: "Password Reset" }
    ],
    locations: [
      { id: D.locations.welcomeCenter, name: "Northfield Main Campus - Welcome Center" },
      { id: D.locations.downtown, name: "Northfield Downtown Center" }
    ],
    users: [
      {
        id: D.users.admin,
        name: "Northfield Admin",
        email: "admin@northfield.edu",
        divisionId: D.divisions.home,
        title: "Genesys Cloud Administrator",
        department: "IT",
        grants: [{ roleId: D.roles.masterAdmin, divisionId: D.divisions.home }],
        dateWelcomeSent: "2025-01-06T09:00:00.000Z",
        dateLastLogin: "2026-11-20T14:05:00.000Z"
      },
      {
        id: D.users.maria,
        name: "Maria Gonzalez",
        email: "maria.gonzalez@northfield.edu",
        divisionId: D.divisions.studentServices,
        title: "Director of Student Services",
        department: "Student Services",
        locationIds: [D.locations.welcomeCenter],
        grants: [
          { roleId: D.roles.employee, divisionId: D.divisions.studentServices },
          { roleId: D.roles.pureCloudUser, divisionId: D.divisions.studentServices },
          { roleId: D.roles.pureCloudSupervisor, divisionId: D.divisions.studentServices }
        ],
        queueIds: [D.queues.studentServicesGeneral],
        skills: [{ skillId: D.skills.english, proficiency: 5 }],
        dateWelcomeSent: "2025-03-03T09:00:00.000Z",
        dateLastLogin: "2026-11-21T08:30:00.000Z"
      },
      {
        id: D.users.james,
        name: "James Okafor",
        email: "james.okafor@northfield.edu",
        divisionId: D.divisions.studentServices,
        title: "Student Services Advisor",
        department: "Student Services",
        addresses: [
          {
            address: "+12155550110",
            display: "+1 215 555 0110",
            mediaType: "PHONE",
            type: "WORK",
            extension: "4110"
          }
        ],
        managerId: D.users.maria,
        locationIds: [D.locations.welcomeCenter],
        grants: [
          { roleId: D.roles.employee, divisionId: D.divisions.studentServices },
          { roleId: D.roles.pureCloudUser, divisionId: D.divisions.studentServices }
        ],
        queueIds: [D.queues.studentServicesGeneral],
        skills: [{ skillId: D.skills.english, proficiency: 5 }]
      },
      {
        id: D.users.priya,
        name: "Priya Patel",
        email: "priya.patel@northfield.edu",
        divisionId: D.divisions.itHelpDesk,
        title: "IT Support Specialist",
        department: "IT Help Desk",
        grants: [
          { roleId: D.roles.employee, divisionId: D.divisions.itHelpDesk },
          { roleId: D.roles.pureCloudUser, divisionId: D.divisions.itHelpDesk }
        ],
        queueIds: [D.queues.itHelpDeskTier1],
        skills: [{ skillId: D.skills.passwordReset, proficiency: 4 }],
        dateWelcomeSent: "2025-05-12T09:00:00.000Z",
        dateLastLogin: "2026-11-19T16:45:00.000Z"
      },
      {
        id: D.users.tom,
        name: "Tom Reyes",
        email: "tom.reyes@northfield.edu",
        state: "inactive",
        divisionId: D.divisions.admissions,
        title: "Admissions Counselor",
        department: "Admissions",
        grants: [{ roleId: D.roles.employee, divisionId: D.divisions.admissions }],
        dateWelcomeSent: "2024-09-02T09:00:00.000Z",
        dateLastLogin: "2025-06-30T17:00:00.000Z"
      },
      {
        id: D.users.sam,
        name: "Sam Former",
        email: "sam.former@northfield.edu",
        state: "deleted",
        divisionId: D.divisions.studentServices,
        title: "Student Services Advisor",
        department: "Student Services",
        dateWelcomeSent: "2024-01-08T09:00:00.000Z",
        dateLastLogin: "2025-02-28T12:00:00.000Z"
      }
    ],
    phones: [
      {
        id: D.phones.maria,
        name: "Maria Gonzalez",
        siteId: D.sites.mainCampus,
        phoneBaseSettingsId: D.phoneBaseSettings.webRtc,
        lineId: D.lines.maria,
        webRtcUserId: D.users.maria,
        stationId: D.stations.maria,
        defaultForUser: true
      },
      {
        // James's first WebRTC phone, deleted: still listed (state "deleted"), and the demo batch
        // creates a new phone under the same name.
        id: D.phones.jamesDeleted,
        name: "James Okafor WebRTC",
        siteId: D.sites.mainCampus,
        phoneBaseSettingsId: D.phoneBaseSettings.webRtc,
        lineId: D.lines.jamesDeleted,
        webRtcUserId: D.users.james,
        state: "deleted"
      }
    ]
  };
}
function placeOf(D, i) {
  const rotation = [
    { divisionId: D.divisions.studentServices, queueId: D.queues.studentServicesGeneral },
    { divisionId: D.divisions.admissions, queueId: D.queues.admissionsInquiries },
    { divisionId: D.divisions.itHelpDesk, queueId: D.queues.itHelpDeskTier1 },
    { divisionId: D.divisions.home, queueId: D.queues.studentServicesGeneral }
  ];
  return rotation[i % rotation.length] ?? rotation[0];
}
function syntheticUser(D, tag, i) {
  const n = 1e5 + i;
  const label = i.toString().padStart(5, "0");
  const { divisionId, queueId } = placeOf(D, i);
  const user = {
    id: seedId(tag, KIND.user, n),
    name: `Person ${label}`,
    email: `person.${label}@staff.northfield.edu`,
    divisionId,
    title: i % 2 === 0 ? "Staff" : "Advisor",
    department: "Operations"
  };
  if (i % 3 === 0) {
    user.grants = [
      { roleId: D.roles.employee, divisionId },
      { roleId: D.roles.pureCloudUser, divisionId }
    ];
  }
  if (i % 4 === 0) user.queueIds = [queueId];
  if (i % 5 === 0) user.skills = [{ skillId: D.skills.english, proficiency: 3 + Math.floor(i / 5) % 3 }];
  if (i % 7 === 0) {
    user.addresses = [
      { address: `+1215556${(i % 1e4).toString().padStart(4, "0")}`, mediaType: "PHONE", type: "WORK" }
    ];
  }
  if (i % 2 === 1) user.dateWelcomeSent = "2025-02-03T09:00:00.000Z";
  const phone = i % 10 === 0 ? {
    id: seedId(tag, KIND.phone, n),
    name: `Person ${label} WebRTC`,
    siteId: i % 20 === 0 ? D.sites.downtown : D.sites.mainCampus,
    phoneBaseSettingsId: D.phoneBaseSettings.webRtc,
    lineId: seedId(tag, KIND.line, n),
    webRtcUserId: user.id,
    stationId: seedId(tag, KIND.station, n),
    defaultForUser: true
  } : null;
  return { user, phone };
}
function renameDivisions(divisions, how, org2) {
  if (how === void 0 || how === "same") return divisions;
  if (how === "suffixed") {
    if (org2 === void 0) throw new Error('sandbox: divisionNames "suffixed" needs an org name');
    return divisions.map((d) => ({ ...d, name: `${d.name} (${org2})` }));
  }
  const unknown = Object.keys(how).filter((name) => !divisions.some((d) => d.name === name));
  if (unknown.length > 0) throw new Error(`sandbox: no demo division named ${unknown.join(", ")}`);
  return divisions.map((d) => ({ ...d, name: how[d.name] ?? d.name }));
}
function demoOrg(options = {}) {
  const tag = options.org === void 0 ? DEFAULT_TAG : orgTagOf(options.org);
  const D = idsOf(tag);
  const org2 = baseOrg(D);
  if (options.org !== void 0) {
    org2.name = `${org2.name} (${options.org})`;
    org2.id = demoOrgId(options.org);
    org2.idTag = tag;
  }
  org2.divisions = renameDivisions(org2.divisions, options.divisionNames, options.org);
  if (options.defaultCountryCode) org2.defaultCountryCode = options.defaultCountryCode;
  const extra = options.extraUsers ?? 0;
  for (let i = 1; i <= extra; i++) {
    const { user, phone } = syntheticUser(D, tag, i);
    org2.users.push(user);
    if (phone) org2.phones.push(phone);
  }
  return org2;
}

// src/sandbox/limits.ts
var RateLimiter = class {
  constructor(limit, windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
  }
  limit;
  windowMs;
  windows = /* @__PURE__ */ new Map();
  take(key, now) {
    let window = this.windows.get(key);
    if (!window || now >= window.start + this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    const resetSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1e3));
    if (window.count >= this.limit)
      return { allowed: false, limit: this.limit, count: window.count, resetSeconds };
    window.count++;
    return { allowed: true, limit: this.limit, count: window.count, resetSeconds };
  }
  clear() {
    this.windows.clear();
  }
};
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
var KINDS = ["drop", "commitThenDrop", "rate503", "rate429"];
function checkShare(name, value) {
  const share2 = value ?? 0;
  if (!(share2 >= 0 && share2 <= 1)) throw new Error(`sandbox: faults.${name} must be a share from 0 to 1`);
  return share2;
}
var FaultGenerator = class {
  constructor(faults, seed) {
    this.seed = seed;
    this.shares = {
      drop: checkShare("drop", faults.drop),
      commitThenDrop: checkShare("commitThenDrop", faults.commitThenDrop),
      rate503: checkShare("rate503", faults.rate503),
      rate429: checkShare("rate429", faults.rate429)
    };
    if (KINDS.reduce((sum, k) => sum + this.shares[k], 0) > 1 + 1e-9) {
      throw new Error("sandbox: the fault shares add up to more than 1");
    }
    this.spikeRate = checkShare("latencySpikeRate", faults.latencySpikeRate);
    this.spikeMs = Math.max(0, faults.latencySpikeMs ?? 0);
    this.random = mulberry32(seed);
  }
  seed;
  random;
  shares;
  spikeRate;
  spikeMs;
  next() {
    const roll = this.random();
    const spikeRoll = this.random();
    let kind = null;
    let edge = 0;
    for (const k of KINDS) {
      edge += this.shares[k];
      if (roll < edge) {
        kind = k;
        break;
      }
    }
    return { kind, spikeMs: spikeRoll < this.spikeRate ? this.spikeMs : 0 };
  }
  reset() {
    this.random = mulberry32(this.seed);
  }
};

// src/sandbox/real.ts
var REAL_DEFAULTS = Object.freeze({
  phoneFieldsOnRequest: true,
  phoneListCap: 1e4,
  deletedPhones: true,
  authorizationLagMs: 2e3,
  routingLagMs: 3e3,
  telephonyLagMs: 4e3,
  versionRaces: true,
  versionRaceWindowMs: 500,
  versionRaceRate: 0.2,
  staleVersion400Share: 0.5,
  addressShapes: true,
  datesOnlyWithExpand: true,
  expandDropRate: 0.02,
  defaultStationNeedsCallAdd: true,
  usersSearchPerMinute: 180,
  phoneWritesPerMinute: 180,
  roleGrantSubjectCap: 100,
  specContract: true
});
var REAL_OFF = Object.freeze({
  phoneFieldsOnRequest: false,
  phoneListCap: 0,
  deletedPhones: false,
  authorizationLagMs: 0,
  routingLagMs: 0,
  telephonyLagMs: 0,
  versionRaces: false,
  versionRaceWindowMs: 0,
  versionRaceRate: 0,
  staleVersion400Share: 0,
  addressShapes: false,
  datesOnlyWithExpand: false,
  expandDropRate: 0,
  defaultStationNeedsCallAdd: false,
  usersSearchPerMinute: 0,
  phoneWritesPerMinute: 0,
  roleGrantSubjectCap: 0,
  specContract: false
});
var SHARES = ["versionRaceRate", "staleVersion400Share", "expandDropRate"];
var AMOUNTS = [
  "phoneListCap",
  "authorizationLagMs",
  "routingLagMs",
  "telephonyLagMs",
  "versionRaceWindowMs",
  "usersSearchPerMinute",
  "phoneWritesPerMinute",
  "roleGrantSubjectCap"
];
function realBehavioursOf(option) {
  const given = Object.fromEntries(Object.entries(option || {}).filter(([, v]) => v !== void 0));
  const real = option === false ? { ...REAL_OFF } : { ...REAL_DEFAULTS, ...given };
  for (const key of SHARES) {
    if (!(real[key] >= 0 && real[key] <= 1))
      throw new Error(`sandbox: real.${key} must be a share from 0 to 1`);
  }
  for (const key of AMOUNTS) {
    if (!(Number.isFinite(real[key]) && real[key] >= 0))
      throw new Error(`sandbox: real.${key} must be a number \u2265 0`);
  }
  return real;
}
var VERSION_RACE_MESSAGE = "The version number of the modified resource must match the version number in the database.";
var STREAM = { race: 2654435769, stale: 2246822507, expand: 3266489909 };
var RealRuntime = class {
  constructor(behaviours, seed) {
    this.behaviours = behaviours;
    this.seed = seed;
    this.raceDraw = mulberry32(seed ^ STREAM.race);
    this.staleDraw = mulberry32(seed ^ STREAM.stale);
    this.expandDraw = mulberry32(seed ^ STREAM.expand);
  }
  behaviours;
  seed;
  /** How often each behaviour answered in place of the plain result (for stats: what a client paid). */
  answered = { newUserLag: 0, versionRace: 0, stale400: 0, expandDropped: 0 };
  inFlight = /* @__PURE__ */ new Map();
  lastWrite = /* @__PURE__ */ new Map();
  raceDraw;
  staleDraw;
  expandDraw;
  reset() {
    for (const key of Object.keys(this.answered)) this.answered[key] = 0;
    this.inFlight.clear();
    this.lastWrite.clear();
    this.raceDraw = mulberry32(this.seed ^ STREAM.race);
    this.staleDraw = mulberry32(this.seed ^ STREAM.stale);
    this.expandDraw = mulberry32(this.seed ^ STREAM.expand);
  }
  lagMs(service) {
    const b = this.behaviours;
    return service === "authorization" ? b.authorizationLagMs : service === "routing" ? b.routingLagMs : b.telephonyLagMs;
  }
  /** 404 as for an unknown user while `service` has not yet heard of a user created here. */
  assertKnownTo(service, user, now) {
    if (user.createdAtMs === null || now >= user.createdAtMs + this.lagMs(service)) return;
    this.answered.newUserLag += 1;
    throw notFound(`The user ${user.id} could not be found.`, user.id);
  }
  // --- version races (server side: a version-checked write to a user, arrival to response) -----------
  beginWrite(userId) {
    if (!this.behaviours.versionRaces) return;
    this.inFlight.set(userId, (this.inFlight.get(userId) ?? 0) + 1);
  }
  endWrite(userId, succeeded, now) {
    if (!this.behaviours.versionRaces) return;
    const left = (this.inFlight.get(userId) ?? 1) - 1;
    if (left > 0) this.inFlight.set(userId, left);
    else this.inFlight.delete(userId);
    if (succeeded) this.lastWrite.set(userId, now);
  }
  /** 409 for skills bulk and station PUTs racing another write to the same user's version. */
  assertNoRace(userId, now) {
    if (!this.behaviours.versionRaces) return;
    const raced = (this.inFlight.get(userId) ?? 0) > 1 || this.drawInWindow(userId, now);
    if (!raced) return;
    this.answered.versionRace += 1;
    throw conflict(VERSION_RACE_MESSAGE, userId);
  }
  drawInWindow(userId, now) {
    const last = this.lastWrite.get(userId);
    if (last === void 0 || now - last > this.behaviours.versionRaceWindowMs) return false;
    return this.raceDraw() < this.behaviours.versionRaceRate;
  }
  /** A stale PATCH: 409 `general.conflict`, or (seeded share) 400 with the same message. */
  staleVersion(message, userId) {
    const as400 = this.behaviours.versionRaces && this.staleDraw() < this.behaviours.staleVersion400Share;
    if (!as400) return conflict(message, userId);
    this.answered.stale400 += 1;
    return new ApiError(400, "bad.request", message, [{ errorCode: "bad.request", entityId: userId }]);
  }
  /** Best-effort expands: true when this requested expand is left out of this user in a listing. */
  dropsExpand() {
    const rate = this.behaviours.expandDropRate;
    const dropped = rate > 0 && this.expandDraw() < rate;
    if (dropped) this.answered.expandDropped += 1;
    return dropped;
  }
};

// src/sandbox/server.ts
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

// src/sandbox/http.ts
function splitTarget(rawUrl) {
  const q = rawUrl.indexOf("?");
  return {
    path: q === -1 ? rawUrl : rawUrl.slice(0, q),
    query: new URLSearchParams(q === -1 ? "" : rawUrl.slice(q + 1))
  };
}
function readBody(req) {
  if (req.method === "GET" || req.method === "HEAD") {
    req.resume();
    return Promise.resolve("");
  }
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
function bearerOf(headers) {
  const value = headers.authorization;
  if (!value) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  return match?.[1] ?? null;
}
function basicOf(headers) {
  const match = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
function writeJson(res, status, body, headers) {
  if (status === 204 || body === void 0) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=UTF-8",
    "content-length": String(Buffer.byteLength(payload))
  });
  res.end(payload);
}
function writeAdmin(res, status, body) {
  const payload = body === void 0 ? "" : JSON.stringify(body);
  res.writeHead(status, body === void 0 ? {} : { "content-type": "application/json; charset=UTF-8" });
  res.end(payload);
}

// src/sandbox/oauth.ts
var oauthError = (status, error, description) => ({
  status,
  body: { error, description }
});
function oauthToken(clients, tokenTtlSeconds, request) {
  if (request.method !== "POST") return oauthError(405, "invalid_request", "Use POST.");
  const client = basicOf(request.headers);
  const known = client && clients.clients.some((c) => c.id === client.id && c.secret === client.secret);
  if (!client || !known) return oauthError(401, "invalid_client", "client not found or bad secret");
  if (!(request.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded")) {
    return oauthError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
  }
  const grant = new URLSearchParams(request.text).get("grant_type");
  if (!grant) return oauthError(400, "invalid_request", "grant_type is required");
  if (grant !== "client_credentials") {
    return oauthError(400, "unsupported_grant_type", `unsupported grant ${grant}`);
  }
  const token = clients.login(client.id, client.secret, request.now);
  return {
    status: 200,
    body: { access_token: token, token_type: "bearer", expires_in: tokenTtlSeconds }
  };
}

// src/sandbox/validate.ts
function asObject(body, what) {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest(`The request body must be a JSON object (${what}).`);
  }
  return body;
}
function asArray(body, what) {
  if (!Array.isArray(body)) throw badRequest(`The request body must be a JSON array (${what}).`);
  return body;
}
function rejectUnknownFields(obj, allowed, model) {
  for (const key of Object.keys(obj)) {
    if (!allowed.has(key)) throw badRequest(`Unrecognized field "${key}" for ${model}.`, key);
  }
}
function optionalString(obj, field) {
  const value = obj[field];
  if (value === void 0) return void 0;
  if (typeof value !== "string") throw invalidValue(field, `${field} must be a string.`);
  return value;
}
function requiredString(obj, field) {
  const value = optionalString(obj, field);
  if (value === void 0 || value.trim() === "") throw badRequest(`${field} is required.`, field);
  return value.trim();
}
function optionalRefId(obj, field) {
  const value = obj[field];
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "object" || Array.isArray(value))
    throw invalidValue(field, `${field} must be an object with an id.`);
  const id = value.id;
  if (typeof id !== "string" || id === "") throw invalidValue(`${field}.id`, `${field}.id is required.`);
  return id;
}
function requiredRefId(obj, field) {
  const id = optionalRefId(obj, field);
  if (id === void 0) throw badRequest(`${field} is required.`, field);
  return id;
}
var EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
function isEmail(value) {
  return EMAIL.test(value);
}
var MEDIA_TYPES = /* @__PURE__ */ new Set(["PHONE", "EMAIL", "SMS"]);
var CONTACT_TYPES = /* @__PURE__ */ new Set([
  "PRIMARY",
  "WORK",
  "WORK2",
  "WORK3",
  "WORK4",
  "HOME",
  "MOBILE",
  "MAIN",
  "OTHER"
]);
var CONTACT_FIELDS = /* @__PURE__ */ new Set([
  "address",
  "display",
  "mediaType",
  "type",
  "extension",
  "countryCode",
  "integration"
]);
function normalisePhoneNumber(raw) {
  const trimmed = raw.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, "");
  if (trimmed.startsWith("+")) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith("1")) return `+${digits}`;
  return null;
}
function readContacts(value, field, country) {
  if (!Array.isArray(value)) throw invalidValue(field, `${field} must be an array of contacts.`);
  return value.map((item, i) => {
    const where = `${field}[${i}]`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw invalidValue(where, `${where} must be a contact object.`);
    }
    const c = item;
    rejectUnknownFields(c, CONTACT_FIELDS, "Contact");
    for (const key of Object.keys(c)) {
      if (typeof c[key] !== "string")
        throw invalidValue(`${where}.${key}`, `${where}.${key} must be a string.`);
    }
    const contact = { ...c };
    if (!contact.mediaType || !MEDIA_TYPES.has(contact.mediaType)) {
      throw invalidValue(`${where}.mediaType`, `${where}.mediaType must be one of PHONE, EMAIL, SMS.`);
    }
    if (!contact.type || !CONTACT_TYPES.has(contact.type)) {
      throw invalidValue(`${where}.type`, `${where}.type must be one of ${[...CONTACT_TYPES].join(", ")}.`);
    }
    if (contact.mediaType === "EMAIL") {
      if (!contact.address || !isEmail(contact.address)) {
        throw invalidValue(`${where}.address`, `${where}.address must be an email address.`);
      }
      return contact;
    }
    if (contact.extension !== void 0 && !/^\d{1,15}$/.test(contact.extension)) {
      throw invalidValue(`${where}.extension`, `${where}.extension must be digits.`);
    }
    if (country !== null) delete contact.display;
    if (contact.address !== void 0 && contact.address !== "") {
      const e164 = country === null ? normalisePhoneNumber(contact.address) : toE164(contact.address, country);
      if (!e164) {
        const plan = country === null ? "" : ` (numbers without a country code are read as ${country})`;
        throw invalidValue(`${where}.address`, `${where}.address is not a valid phone number${plan}.`);
      }
      if (country === null) contact.display = contact.display ?? contact.address;
      contact.address = e164;
    } else {
      delete contact.address;
      if (!contact.extension) {
        throw badRequest(`${where} needs an address or an extension.`, `${where}.address`);
      }
    }
    return contact;
  });
}

// src/sandbox/search.ts
var USER_SEARCH_TYPES = [
  "EXACT",
  "STARTS_WITH",
  "CONTAINS",
  "REGEX",
  "TERM",
  "TERMS",
  "REQUIRED_FIELDS",
  "MATCH_ALL",
  "QUERY_STRING",
  "RANGE",
  "LESS_THAN",
  "LESS_THAN_EQUAL_TO",
  "GREATER_THAN",
  "GREATER_THAN_EQUAL_TO"
];
var LOCATION_SEARCH_TYPES = USER_SEARCH_TYPES.slice(0, 8);
var CRITERION_FIELDS = /* @__PURE__ */ new Set([
  "type",
  "fields",
  "value",
  "values",
  "operator",
  "group",
  "startValue",
  "endValue",
  "dateFormat"
]);
var NEEDS_NO_FIELDS = /* @__PURE__ */ new Set(["MATCH_ALL", "QUERY_STRING"]);
var NEEDS_NO_VALUE = /* @__PURE__ */ new Set(["MATCH_ALL", "REQUIRED_FIELDS", "RANGE"]);
function readValues(c, where) {
  const raw = c.values !== void 0 ? asArray(c.values, `${where}.values`) : c.value === void 0 ? [] : [c.value];
  if (raw.some((v) => typeof v !== "string")) {
    throw badRequest(`${where} values must be strings.`, `${where}.value`);
  }
  return raw.map((v) => v.toLowerCase());
}
function readOne(item, where, spec) {
  const c = asObject(item, where);
  rejectUnknownFields(c, CRITERION_FIELDS, "SearchCriteria");
  const type = c.type;
  if (typeof type !== "string" || !spec.types.includes(type)) {
    throw invalidValue(`${where}.type`, `${where}.type must be one of ${spec.types.join(", ")}.`);
  }
  const operator = c.operator ?? "AND";
  if (operator !== "AND" && operator !== "OR" && operator !== "NOT") {
    throw invalidValue(`${where}.operator`, `${where}.operator must be one of AND, OR, NOT.`);
  }
  if (c.group !== void 0) {
    return { type, operator, fields: [], values: [], group: readCriteria(c.group, spec, `${where}.group`) };
  }
  const fields = c.fields ?? [];
  if (!Array.isArray(fields)) throw badRequest(`${where}.fields must be an array.`, `${where}.fields`);
  if (fields.length === 0 && !NEEDS_NO_FIELDS.has(type)) {
    throw badRequest(`${where}.fields must be a non-empty array for ${type}.`, `${where}.fields`);
  }
  for (const f of fields) {
    if (typeof f !== "string" || !spec.fields.has(f)) {
      throw invalidValue(
        `${where}.fields`,
        `Field [${String(f)}] is not searchable here; the sandbox supports ${[...spec.fields].join(", ")}.`
      );
    }
  }
  const values = readValues(c, where);
  const criterion = { type, operator, fields, values };
  if (type === "RANGE") {
    for (const key of ["startValue", "endValue"]) {
      const v = c[key];
      if (v !== void 0 && typeof v !== "string")
        throw invalidValue(`${where}.${key}`, `${key} must be a string.`);
    }
    if (c.startValue === void 0 && c.endValue === void 0) {
      throw badRequest(`${where}: RANGE needs startValue, endValue or both.`, `${where}.startValue`);
    }
    if (typeof c.startValue === "string") criterion.start = c.startValue.toLowerCase();
    if (typeof c.endValue === "string") criterion.end = c.endValue.toLowerCase();
  } else if (c.startValue !== void 0 || c.endValue !== void 0) {
    throw badRequest(
      `${where}: startValue and endValue belong to RANGE, not ${type}.`,
      `${where}.startValue`
    );
  }
  if (!NEEDS_NO_VALUE.has(type) && values.length === 0) {
    throw badRequest(
      `${where} needs a string value or a non-empty array of string values for ${type}.`,
      `${where}.value`
    );
  }
  if (type === "REGEX") {
    try {
      criterion.regex = new RegExp(`^(?:${values.join("|")})$`, "i");
    } catch {
      throw invalidValue(`${where}.value`, `${where}.value is not a valid regular expression.`);
    }
  }
  return criterion;
}
function readCriteria(raw, spec, where = "query") {
  if (!Array.isArray(raw) || raw.length === 0)
    throw badRequest(`${where} must be a non-empty array of criteria.`, where);
  return raw.map((item, i) => readOne(item, `${where}[${i}]`, spec));
}
function wordsOf(value) {
  return value.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
}
function termMatches(actual, term) {
  return actual === term || wordsOf(actual).includes(term);
}
function queryStringMatches(c, words) {
  return c.values.every(
    (query) => query.split(/\s+/).filter((token) => token !== "").every((token) => {
      const parts = wordsOf(token);
      const prefix = token.endsWith("*");
      return parts.every(
        (part, i) => prefix && i === parts.length - 1 ? words.some((w) => w.startsWith(part)) : words.includes(part)
      );
    })
  );
}
function matchesOne(c, fieldValue, allFields) {
  if (c.group) return matchesAll(c.group, fieldValue, allFields);
  if (c.type === "MATCH_ALL") return true;
  const fields = c.fields.length > 0 ? c.fields : allFields;
  const actuals = fields.map((f) => fieldValue(f).toLowerCase());
  if (c.type === "QUERY_STRING") return queryStringMatches(c, actuals.flatMap(wordsOf));
  if (c.type === "REQUIRED_FIELDS") return actuals.every((a) => a !== "");
  return actuals.some((actual) => {
    switch (c.type) {
      case "EXACT":
        return c.values.includes(actual);
      case "STARTS_WITH":
        return c.values.some((v) => actual.startsWith(v));
      case "CONTAINS":
        return c.values.some((v) => actual.includes(v));
      case "REGEX":
        return c.regex?.test(actual) ?? false;
      case "TERM":
      case "TERMS":
        return c.values.some((v) => termMatches(actual, v));
      case "RANGE":
        return (c.start === void 0 || actual >= c.start) && (c.end === void 0 || actual <= c.end);
      case "LESS_THAN":
        return c.values.some((v) => actual < v);
      case "LESS_THAN_EQUAL_TO":
        return c.values.some((v) => actual <= v);
      case "GREATER_THAN":
        return c.values.some((v) => actual > v);
      default:
        return c.values.some((v) => actual >= v);
    }
  });
}
function matchesAll(criteria, fieldValue, allFields) {
  const ors = criteria.filter((c) => c.operator === "OR");
  return criteria.every((c) => c.operator !== "AND" || matchesOne(c, fieldValue, allFields)) && criteria.every((c) => c.operator !== "NOT" || !matchesOne(c, fieldValue, allFields)) && (ors.length === 0 || ors.some((c) => matchesOne(c, fieldValue, allFields)));
}
function mentionsField(criteria, field) {
  return criteria.some(
    (c) => c.fields.includes(field) || c.group !== void 0 && mentionsField(c.group, field)
  );
}
function readSearchSortOrder(raw, strict) {
  if (raw === void 0 || raw === "ASC" || raw === "SCORE") return "ASC";
  if (raw === "DESC") return "DESC";
  if (!strict) return "ASC";
  throw invalidValue(
    "sortOrder",
    `Value [${JSON.stringify(raw)}] is not valid for sortOrder. Allowable values are: ASC, DESC, SCORE`
  );
}

// src/sandbox/routes/users.ts
var MAX_USERS_PAGE = 500;
var MAX_SEARCH_PAGE = 100;
var MAX_USER_SUBLIST_PAGE = 100;
var MAX_IDS = 100;
var INACTIVE_LISTING_CAP = 1e4;
var MAX_SKILLS_PER_CALL = 50;
var MAX_SKILLS_PER_USER = 50;
var iso = (ms2) => new Date(ms2).toISOString();
function liveUser(store, id) {
  const user = store.users.get(id);
  if (!user || user.state === "deleted") throw notFound(`The user ${id} could not be found.`, id);
  return user;
}
function readExpand(values) {
  const expand = /* @__PURE__ */ new Set();
  for (const value of values ?? []) {
    if (typeof value !== "string" || !USER_EXPANDS.has(value)) {
      throw invalidValue("expand", `Invalid expand value [${String(value)}].`);
    }
    expand.add(value);
  }
  return expand;
}
function readStateFilter(raw, fallback) {
  if (raw === null || raw === "") return fallback;
  if (raw === "active" || raw === "inactive" || raw === "deleted" || raw === "any") return raw;
  throw invalidValue(
    "state",
    `Value [${raw}] is not valid for field state. Allowable values are: active, inactive, deleted, any`
  );
}
function matchesState(user, state) {
  if (state === "any") return true;
  if (state === "live") return user.state !== "deleted";
  return user.state === state;
}
function readSortOrder(ctx) {
  const raw = ctx.query.get("sortOrder");
  if (raw === null || raw === "" || raw === "ascending" || raw === "ASC") return "ASC";
  if (raw === "descending") return "DESC";
  const upper = raw.toUpperCase();
  if (!ctx.real.behaviours.specContract && (upper === "ASC" || upper === "DESC")) return upper;
  throw invalidValue(
    "sortOrder",
    `Value [${raw}] is not valid for field sortOrder. Allowable values are: ascending, descending`
  );
}
function listingExpand(ctx, expand) {
  if (expand.size === 0 || ctx.real.behaviours.expandDropRate === 0) return expand;
  return new Set([...expand].filter(() => !ctx.real.dropsExpand()));
}
function getUsers(ctx) {
  const { store, query } = ctx;
  const paging = readPaging(query, MAX_USERS_PAGE);
  const expand = readExpand(listParam(query, "expand"));
  const state = readStateFilter(query.get("state"), "active");
  if (state === "inactive" && paging.pageNumber * paging.pageSize > INACTIVE_LISTING_CAP) {
    throw badRequest(
      `Listing inactive users is limited to the first ${INACTIVE_LISTING_CAP} results; use search instead.`,
      "pageNumber"
    );
  }
  const ids = listParam(query, "id");
  let users;
  if (ids) {
    if (ids.length > MAX_IDS) throw invalidValue("id", `At most ${MAX_IDS} ids may be requested at once.`);
    users = [...new Set(ids)].map((id) => store.users.get(id)).filter((u) => u !== void 0 && matchesState(u, state)).sort(byName);
  } else {
    users = store.usersSorted(state === "live" ? "any" : state);
  }
  if (readSortOrder(ctx) === "DESC") users = [...users].reverse();
  const page = sliceOf(users, paging).map((u) => renderUser(store, u, listingExpand(ctx, expand)));
  return ok(listing(ctx.path, query, paging, users.length, page));
}
function getUser(ctx) {
  const { store, query } = ctx;
  const id = ctx.params.userId ?? "";
  const expand = readExpand(listParam(query, "expand"));
  const state = readStateFilter(query.get("state"), "live");
  const user = store.users.get(id);
  if (!user || !matchesState(user, state)) throw notFound(`The user ${id} could not be found.`, id);
  return ok(renderUser(store, user, expand));
}
var SEARCH_REQUEST_FIELDS = /* @__PURE__ */ new Set([
  "sortOrder",
  "sortBy",
  "pageSize",
  "pageNumber",
  "sort",
  "expand",
  "query",
  "integrationPresenceSource",
  "enforcePermissions"
]);
var USER_SEARCH_FIELDS = /* @__PURE__ */ new Set(["email", "name", "state", "id"]);
var USER_SEARCH = { fields: USER_SEARCH_FIELDS, types: USER_SEARCH_TYPES };
function userField(u, field) {
  if (field === "email") return u.email;
  if (field === "name") return u.name;
  if (field === "state") return u.state;
  return u.id;
}
function unique(users) {
  return [...new Set(users)].filter((u) => u !== void 0);
}
function searchCandidates(store, criteria) {
  for (const c of criteria) {
    if (c.type !== "EXACT" || c.operator !== "AND" || c.group || c.fields.length !== 1) continue;
    if (c.fields[0] === "email") {
      return unique(c.values.map((v) => store.userByEmailKey(v)));
    }
    if (c.fields[0] === "id") {
      return unique(c.values.map((v) => store.users.get(v)));
    }
  }
  return store.usersSorted("any");
}
function postUsersSearch(ctx) {
  const { store } = ctx;
  const body = asObject(ctx.body, "UserSearchRequest");
  rejectUnknownFields(body, SEARCH_REQUEST_FIELDS, "UserSearchRequest");
  const paging = checkPaging(body.pageSize, body.pageNumber, MAX_SEARCH_PAGE);
  const expand = readExpand(body.expand === void 0 ? null : asArray(body.expand, "expand"));
  const criteria = readCriteria(body.query, USER_SEARCH);
  const strict = ctx.real.behaviours.specContract;
  const descending = readSearchSortOrder(body.sortOrder, strict) === "DESC";
  const sortBy = optionalString(body, "sortBy");
  const asksForState = mentionsField(criteria, "state");
  const fields = [...USER_SEARCH_FIELDS];
  const found = searchCandidates(store, criteria).filter((u) => u.searchableFrom <= ctx.now).filter((u) => asksForState || u.state !== "deleted").filter((u) => matchesAll(criteria, (f) => userField(u, f), fields)).sort(
    sortBy && USER_SEARCH_FIELDS.has(sortBy) ? (a, b) => userField(a, sortBy).localeCompare(userField(b, sortBy)) || byName(a, b) : byName
  );
  if (descending) found.reverse();
  const results = sliceOf(found, paging).map((u) => renderUser(store, u, listingExpand(ctx, expand)));
  return ok(searchResponse("users", paging, found.length, results));
}
function searchResponse(type, paging, total, results) {
  const response = {
    total,
    pageCount: Math.ceil(total / paging.pageSize),
    pageSize: paging.pageSize,
    pageNumber: paging.pageNumber,
    types: [type]
  };
  if (results.length > 0) response.results = results;
  return response;
}
var CREATE_USER_FIELDS = /* @__PURE__ */ new Set([
  "name",
  "department",
  "email",
  "addresses",
  "title",
  "password",
  "divisionId",
  "state"
]);
var UPDATE_USER_FIELDS = /* @__PURE__ */ new Set([
  "id",
  "name",
  "chat",
  "department",
  "email",
  "primaryContactInfo",
  "addresses",
  "title",
  "username",
  "preferredName",
  "manager",
  "images",
  "version",
  "profileSkills",
  "locations",
  "groups",
  "state",
  "acdAutoAnswer",
  "certifications",
  "biography",
  "employerInfo",
  "selfUri"
]);
function readEmail(obj) {
  const email = requiredString(obj, "email");
  if (!isEmail(email)) throw invalidValue("email", `[${email}] is not a valid email address.`);
  return email;
}
function assertEmailFree(store, email, exceptUserId) {
  const holder = store.userByEmailKey(email);
  if (holder && holder.id !== exceptUserId) {
    throw conflict(`The email address ${email} is already in use by another user (state: ${holder.state}).`);
  }
}
function readActiveState(obj) {
  const state = optionalString(obj, "state");
  if (state === void 0) return void 0;
  if (state !== "active" && state !== "inactive") {
    throw invalidValue(
      "state",
      `Value [${state}] is not valid for field state. Allowable values are: active, inactive`
    );
  }
  return state;
}
function postUsers(ctx) {
  const { store } = ctx;
  const body = asObject(ctx.body, "CreateUser");
  rejectUnknownFields(body, CREATE_USER_FIELDS, "CreateUser");
  const name = requiredString(body, "name");
  const email = readEmail(body);
  const divisionId = ctx.real.behaviours.specContract ? requiredString(body, "divisionId") : optionalString(body, "divisionId") || store.homeDivisionId;
  if (!store.divisions.has(divisionId))
    throw invalidValue("divisionId", `The division ${divisionId} does not exist.`);
  const title = optionalString(body, "title") ?? "";
  const department = optionalString(body, "department") ?? "";
  const addresses = body.addresses === void 0 ? [] : readContacts(body.addresses, "addresses", countryOf(ctx));
  optionalString(body, "password");
  const state = readActiveState(body) ?? "active";
  assertEmailFree(store, email);
  const user = {
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
    skills: /* @__PURE__ */ new Map(),
    acdAutoAnswer: false,
    dateCreated: iso(ctx.now),
    createdAtMs: ctx.now,
    searchableFrom: ctx.now + ctx.userSearchLagMs,
    dateHire: null,
    dateWelcomeSent: null,
    dateLastLogin: null,
    defaultStationId: null,
    associatedStationId: null,
    lastAssociatedStationId: null
  };
  store.addUser(user);
  return ok(renderUser(store, user, /* @__PURE__ */ new Set()));
}
function countryOf(ctx) {
  return ctx.store.real.addressShapes ? ctx.store.defaultCountryCode : null;
}
function readDateHire(body) {
  if (body.employerInfo === void 0) return void 0;
  if (body.employerInfo === null) return null;
  const info = asObject(body.employerInfo, "employerInfo");
  rejectUnknownFields(
    info,
    /* @__PURE__ */ new Set(["officialName", "employeeId", "employeeType", "dateHire"]),
    "EmployerInfo"
  );
  const date = info.dateHire;
  if (date === void 0 || date === null || date === "") return null;
  if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw invalidValue("employerInfo.dateHire", "employerInfo.dateHire must be a date, YYYY-MM-DD.");
  }
  return date;
}
function readManager(store, body, self) {
  if (!("manager" in body)) return void 0;
  const manager = body.manager;
  if (manager === null || manager === "") return null;
  if (typeof manager !== "string") throw invalidValue("manager", "manager must be a user id (string).");
  const found = store.users.get(manager);
  if (!found || found.state === "deleted")
    throw invalidValue("manager", `The manager ${manager} does not exist.`);
  if (found.id === self.id) throw invalidValue("manager", "A user cannot be their own manager.");
  return manager;
}
function readLocations(store, body) {
  if (body.locations === void 0) return void 0;
  const list = asArray(body.locations, "locations");
  const seen = /* @__PURE__ */ new Set();
  const result = [];
  list.forEach((item, i) => {
    const entry = asObject(item, `locations[${i}]`);
    const id = entry.id;
    if (typeof id !== "string" || !store.locations.has(id)) {
      throw invalidValue(`locations[${i}].id`, `The location ${String(id)} does not exist.`);
    }
    const notes = optionalString(entry, "notes");
    if (seen.has(id)) return;
    seen.add(id);
    result.push(notes === void 0 ? { id } : { id, notes });
  });
  return result;
}
function patchUser(ctx) {
  const { store } = ctx;
  const id = ctx.params.userId ?? "";
  const user = store.users.get(id);
  if (!user) throw notFound(`The user ${id} could not be found.`, id);
  const body = asObject(ctx.body, "UpdateUser");
  rejectUnknownFields(body, UPDATE_USER_FIELDS, "UpdateUser");
  const version = body.version;
  if (typeof version !== "number" || !Number.isInteger(version)) {
    throw badRequest("version is required and must be the current version of the user.", "version");
  }
  const state = readActiveState(body);
  if (user.state === "deleted" && state !== "active")
    throw notFound(`The user ${id} could not be found.`, id);
  if (version !== user.version) {
    throw ctx.real.staleVersion(
      `The version supplied (${version}) does not match the current version of the user (${user.version}).`,
      id
    );
  }
  const name = body.name === void 0 ? void 0 : requiredString(body, "name");
  const email = body.email === void 0 ? void 0 : readEmail(body);
  if (email !== void 0) assertEmailFree(store, email, user.id);
  const title = optionalString(body, "title");
  const department = optionalString(body, "department");
  const addresses = body.addresses === void 0 ? void 0 : readContacts(body.addresses, "addresses", countryOf(ctx));
  const managerId = readManager(store, body, user);
  const dateHire = readDateHire(body);
  const locations = readLocations(store, body);
  const acdAutoAnswer = body.acdAutoAnswer;
  if (acdAutoAnswer !== void 0 && typeof acdAutoAnswer !== "boolean") {
    throw invalidValue("acdAutoAnswer", "acdAutoAnswer must be a boolean.");
  }
  if (name !== void 0) user.name = name;
  if (email !== void 0) store.changeEmail(user, email);
  if (title !== void 0) user.title = title;
  if (department !== void 0) user.department = department;
  if (addresses !== void 0) user.addresses = addresses;
  if (managerId !== void 0) user.managerId = managerId;
  if (locations !== void 0) user.locations = locations;
  if (acdAutoAnswer !== void 0) user.acdAutoAnswer = acdAutoAnswer;
  if (dateHire !== void 0) user.dateHire = dateHire;
  if (state !== void 0) user.state = state;
  user.version++;
  store.usersChanged();
  return ok(renderUser(store, user, /* @__PURE__ */ new Set()));
}
function postUserInvite(ctx) {
  const { store } = ctx;
  const id = ctx.params.userId ?? "";
  const user = store.users.get(id);
  if (!user) throw notFound(`The user ${id} could not be found.`, id);
  if (user.state === "deleted") throw badRequest(`The user ${id} is deleted and cannot be invited.`);
  const force = ctx.query.get("force") === "true";
  const at = iso(ctx.now);
  const base = { userId: user.id, email: user.email, at, force };
  if (user.dateWelcomeSent && !force) {
    store.invites.push({ ...base, sent: false, outcome: "skipped-already-sent" });
    return noContent();
  }
  store.invites.push({ ...base, sent: true, outcome: user.dateWelcomeSent ? "resent" : "sent" });
  user.dateWelcomeSent = at;
  if (user.state === "inactive") {
    user.state = "active";
    user.version++;
    store.usersChanged();
  }
  return noContent();
}
function getUserQueues(ctx) {
  const { store, query } = ctx;
  const user = liveUser(store, ctx.params.userId ?? "");
  const paging = readPaging(query, MAX_USER_SUBLIST_PAGE);
  const joined = query.get("joined") !== "false";
  const divisions = listParam(query, "divisionId");
  const queues = joined ? [...store.userQueues.get(user.id) ?? []].map((qid) => store.queues.get(qid)).filter((q) => q !== void 0).filter((q) => !divisions || divisions.includes(q.divisionId)).sort(byName) : [];
  const page = sliceOf(queues, paging).map((q) => ({ ...renderQueue(store, q), joined: true }));
  return ok(listing(ctx.path, query, paging, queues.length, page));
}
function sortedUserSkills(ctx, user) {
  return [...user.skills].map(([id, proficiency]) => renderUserSkill(ctx.store, id, proficiency)).sort((a, b) => byName(a, b));
}
function skillListing(user, paging, skills) {
  const path = `/api/v2/users/${user.id}/routingskills`;
  return listing(path, new URLSearchParams(), paging, skills.length, sliceOf(skills, paging));
}
function getUserRoutingskills(ctx) {
  const user = liveUser(ctx.store, ctx.params.userId ?? "");
  const paging = readPaging(ctx.query, MAX_USER_SUBLIST_PAGE);
  const skills = sortedUserSkills(ctx, user);
  if (readSortOrder(ctx) === "DESC") skills.reverse();
  return ok(skillListing(user, paging, skills));
}
function readSkillPosts(ctx) {
  const list = asArray(ctx.body, "UserRoutingSkillPost[]");
  if (list.length > MAX_SKILLS_PER_CALL) {
    throw badRequest(`At most ${MAX_SKILLS_PER_CALL} skills may be sent per request (got ${list.length}).`);
  }
  const skills = /* @__PURE__ */ new Map();
  list.forEach((item, i) => {
    const entry = asObject(item, `[${i}]`);
    rejectUnknownFields(entry, /* @__PURE__ */ new Set(["id", "proficiency", "skillUri", "selfUri"]), "UserRoutingSkillPost");
    const id = entry.id;
    if (typeof id !== "string" || !ctx.store.skills.has(id)) {
      throw invalidValue(`[${i}].id`, `The skill ${String(id)} does not exist.`);
    }
    const proficiency = entry.proficiency;
    if (typeof proficiency !== "number" || !(proficiency >= 0 && proficiency <= 5)) {
      throw invalidValue(`[${i}].proficiency`, "proficiency must be a number from 0 to 5.");
    }
    if (skills.has(id)) throw badRequest(`The skill ${id} appears twice in the request.`, `[${i}].id`);
    skills.set(id, proficiency);
  });
  return skills;
}
function writeSkills(ctx, replace) {
  const user = liveUser(ctx.store, ctx.params.userId ?? "");
  ctx.real.assertKnownTo("routing", user, ctx.now);
  const posted = readSkillPosts(ctx);
  ctx.real.assertNoRace(user.id, ctx.now);
  const next = replace ? /* @__PURE__ */ new Map() : new Map(user.skills);
  for (const [id, proficiency] of posted) next.set(id, proficiency);
  if (next.size > MAX_SKILLS_PER_USER) {
    throw badRequest(`A user may hold at most ${MAX_SKILLS_PER_USER} skills (this would make ${next.size}).`);
  }
  user.skills = next;
  return ok(
    skillListing(user, { pageSize: MAX_SKILLS_PER_USER, pageNumber: 1 }, sortedUserSkills(ctx, user))
  );
}
function getUserStation(ctx) {
  const user = liveUser(ctx.store, ctx.params.userId ?? "");
  return ok(renderUserStations(ctx.store, user));
}
function stationForUser(ctx) {
  const user = liveUser(ctx.store, ctx.params.userId ?? "");
  ctx.real.assertKnownTo("telephony", user, ctx.now);
  const stationId = ctx.params.stationId ?? "";
  const station = ctx.store.stations.get(stationId);
  if (!station) throw notFound(`The station ${stationId} could not be found.`, stationId);
  if (station.webRtcUserId && station.webRtcUserId !== user.id) {
    throw badRequest(`The station ${stationId} is the WebRTC station of another user.`);
  }
  return { user, stationId };
}
function stationDone(ctx) {
  return ctx.real.behaviours.specContract ? accepted() : noContent();
}
function assertMayHaveDefaultPhone(ctx, user) {
  if (!ctx.real.behaviours.defaultStationNeedsCallAdd) return;
  const held = ctx.store.grantsOf(user.id).flatMap((g) => ctx.store.roles.get(g.roleId)?.permissions ?? []);
  if (holdsPermission(held, CALL_ADD)) return;
  throw new ApiError(
    400,
    "bad.request",
    `The user ${user.id} cannot have a default phone: none of their roles holds the permission ${CALL_ADD}.`,
    [{ errorCode: "missing.permissions", entityId: user.id, fieldName: CALL_ADD }]
  );
}
function putDefaultStation(ctx) {
  const { user, stationId } = stationForUser(ctx);
  assertMayHaveDefaultPhone(ctx, user);
  ctx.real.assertNoRace(user.id, ctx.now);
  ctx.store.setDefaultStation(user.id, stationId);
  return stationDone(ctx);
}
function deleteDefaultStation(ctx) {
  const user = liveUser(ctx.store, ctx.params.userId ?? "");
  ctx.store.clearDefaultStation(user);
  return stationDone(ctx);
}
function putAssociatedStation(ctx) {
  const { user, stationId } = stationForUser(ctx);
  ctx.real.assertNoRace(user.id, ctx.now);
  ctx.store.associateStation(user.id, stationId, iso(ctx.now));
  return stationDone(ctx);
}
var userRoutes = [
  route("GET", "/api/v2/users", getUsers),
  route("POST", "/api/v2/users", postUsers),
  route("POST", "/api/v2/users/search", postUsersSearch, { rateFamily: "users.search" }),
  route("GET", "/api/v2/users/{userId}", getUser),
  route("PATCH", "/api/v2/users/{userId}", patchUser, { userWrite: true }),
  route("POST", "/api/v2/users/{userId}/invite", postUserInvite),
  route("GET", "/api/v2/users/{userId}/queues", getUserQueues),
  route("GET", "/api/v2/users/{userId}/routingskills", getUserRoutingskills),
  route("PATCH", "/api/v2/users/{userId}/routingskills/bulk", (ctx) => writeSkills(ctx, false), {
    userWrite: true
  }),
  route("PUT", "/api/v2/users/{userId}/routingskills/bulk", (ctx) => writeSkills(ctx, true), {
    userWrite: true
  }),
  route("GET", "/api/v2/users/{userId}/station", getUserStation),
  route("PUT", "/api/v2/users/{userId}/station/defaultstation/{stationId}", putDefaultStation, {
    userWrite: true
  }),
  route("DELETE", "/api/v2/users/{userId}/station/defaultstation", deleteDefaultStation),
  route("PUT", "/api/v2/users/{userId}/station/associatedstation/{stationId}", putAssociatedStation, {
    userWrite: true
  })
];

// src/sandbox/routes/authorization.ts
var MAX_PAGE = 100;
var OBJECT_TYPES = /* @__PURE__ */ new Set([
  "CAMPAIGN",
  "MANAGEMENTUNIT",
  "FLOW",
  "QUEUE",
  "DATATABLES",
  "USER"
]);
function fuzzy(pattern) {
  const lower = pattern?.toLowerCase();
  return (name) => lower === void 0 || name.toLowerCase().includes(lower);
}
function getDivisions(ctx) {
  const paging = readPaging(ctx.query, MAX_PAGE);
  const ids = listParam(ctx.query, "id");
  const nameMatches = fuzzy(textParam(ctx.query, "name"));
  const divisions = [...ctx.store.divisions.values()].filter((d) => (!ids || ids.includes(d.id)) && nameMatches(d.name)).sort(byName).map(renderDivision);
  return ok(pageListing(ctx.path, ctx.query, paging, divisions));
}
function getHomeDivision(ctx) {
  const home = ctx.store.divisions.get(ctx.store.homeDivisionId);
  if (!home) throw notFound("No home division.");
  return ok(renderDivision(home));
}
function postDivisionObjects(ctx) {
  const { store } = ctx;
  const divisionId = ctx.params.divisionId ?? "";
  const objectType = ctx.params.objectType ?? "";
  if (!store.divisions.has(divisionId))
    throw notFound(`The division ${divisionId} could not be found.`, divisionId);
  if (!OBJECT_TYPES.has(objectType)) {
    throw invalidValue(
      "objectType",
      `[${objectType}] is not a valid object type: ${[...OBJECT_TYPES].join(", ")}.`
    );
  }
  if (objectType !== "USER")
    throw badRequest(`The sandbox moves USER objects only, not ${objectType}.`, "objectType");
  const ids = asArray(ctx.body, "object id list");
  if (ids.length === 0) throw badRequest("The list of object ids must not be empty.");
  const users = ids.map((id, i) => {
    const user = typeof id === "string" ? store.users.get(id) : void 0;
    if (!user || user.state === "deleted") {
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
function getRoles(ctx) {
  const paging = readPaging(ctx.query, MAX_PAGE);
  const ids = listParam(ctx.query, "id");
  const nameMatches = fuzzy(textParam(ctx.query, "name"));
  const roles = [...ctx.store.roles.values()].filter((r) => (!ids || ids.includes(r.id)) && nameMatches(r.name)).sort(byName).map(renderRole);
  return ok(pageListing(ctx.path, ctx.query, paging, roles));
}
function getRoleSubjectGrants(ctx) {
  const { store } = ctx;
  const roleId = ctx.params.roleId ?? "";
  if (!store.roles.has(roleId)) throw notFound(`The role ${roleId} could not be found.`, roleId);
  const paging = readPaging(ctx.query, MAX_PAGE);
  const subjects = [...store.roleSubjects.get(roleId) ?? []].filter(
    ([userId]) => store.users.get(userId)?.state !== "deleted"
  );
  const page = sliceOf(subjects, paging).map(([userId, divisions]) => ({
    id: userId,
    name: store.users.get(userId)?.name ?? "",
    type: "PC_USER",
    divisions: [...divisions].map((id) => divisionRef(store, id)),
    selfUri: selfUris.user(userId)
  }));
  return ok(listing(ctx.path, ctx.query, paging, subjects.length, page));
}
function getSubject(ctx) {
  const { store } = ctx;
  const user = liveUser(store, ctx.params.subjectId ?? "");
  const grants = store.grantsOf(user.id).map((g) => {
    const division = store.divisions.get(g.divisionId);
    const role2 = store.roles.get(g.roleId);
    return {
      subjectId: user.id,
      division: division ? renderDivision(division) : { id: g.divisionId },
      role: role2 ? renderRole(role2) : { id: g.roleId },
      grantMadeAt: g.grantMadeAt
    };
  });
  return ok({
    id: user.id,
    name: user.name,
    grants,
    version: 1,
    selfUri: `/api/v2/authorization/subjects/${user.id}`
  });
}
function postSubjectBulkadd(ctx) {
  const { store } = ctx;
  const subjectType = ctx.query.get("subjectType") ?? "PC_USER";
  if (subjectType !== "PC_USER") {
    throw invalidValue(
      "subjectType",
      `The sandbox grants roles to PC_USER subjects only, not ${subjectType}.`
    );
  }
  const user = liveUser(store, ctx.params.subjectId ?? "");
  ctx.real.assertKnownTo("authorization", user, ctx.now);
  const body = asObject(ctx.body, "RoleDivisionGrants");
  rejectUnknownFields(body, /* @__PURE__ */ new Set(["grants"]), "RoleDivisionGrants");
  const grants = asArray(body.grants, "grants");
  if (grants.length === 0) throw badRequest("grants must not be empty.", "grants");
  const pairs = grants.map((item, i) => {
    const g = asObject(item, `grants[${i}]`);
    const { roleId, divisionId } = g;
    if (typeof roleId !== "string" || !store.roles.has(roleId)) {
      throw invalidValue(`grants[${i}].roleId`, `The role ${String(roleId)} does not exist.`);
    }
    if (typeof divisionId !== "string" || !store.divisions.has(divisionId)) {
      throw invalidValue(`grants[${i}].divisionId`, `The division ${String(divisionId)} does not exist.`);
    }
    return { roleId, divisionId };
  });
  const at = new Date(ctx.now).toISOString();
  for (const p of pairs) store.addGrant(user.id, p.roleId, p.divisionId, at);
  return noContent();
}
function roleOf(ctx) {
  const roleId = ctx.params.roleId ?? "";
  const role2 = ctx.store.roles.get(roleId);
  if (!role2) throw notFound(`The role ${roleId} could not be found.`, roleId);
  return role2;
}
function getRole(ctx) {
  const role2 = roleOf(ctx);
  const userCount = [
    ...(ctx.store.roleSubjects.get(role2.id) ?? /* @__PURE__ */ new Map()).keys()
  ].filter((id) => ctx.store.users.get(id)?.state !== "deleted").length;
  return ok({ ...renderRole(role2), userCount });
}
function idList(body, field) {
  if (body[field] === void 0) throw badRequest(`${field} is required.`, field);
  const list = asArray(body[field], field);
  if (list.length === 0) throw badRequest(`${field} must not be empty.`, field);
  return list.map((id, i) => {
    if (typeof id !== "string" || id === "")
      throw invalidValue(`${field}[${i}]`, `${field}[${i}] must be an id.`);
    return id;
  });
}
function postRoleBulkGrant(ctx) {
  const { store } = ctx;
  const role2 = roleOf(ctx);
  const subjectType = ctx.query.get("subjectType") ?? "PC_USER";
  if (subjectType !== "PC_USER") {
    throw invalidValue(
      "subjectType",
      `The sandbox grants roles to PC_USER subjects only, not ${subjectType}.`
    );
  }
  const body = asObject(ctx.body, "SubjectDivisions");
  rejectUnknownFields(body, /* @__PURE__ */ new Set(["subjectIds", "divisionIds"]), "SubjectDivisions");
  const subjectIds = idList(body, "subjectIds");
  const divisionIds = idList(body, "divisionIds");
  const cap = ctx.real.behaviours.roleGrantSubjectCap;
  if (cap > 0 && subjectIds.length > cap) {
    throw badRequest(
      `At most ${cap} subjects may be granted a role per request (got ${subjectIds.length}).`,
      "subjectIds"
    );
  }
  for (const id of divisionIds) {
    if (!store.divisions.has(id)) throw notFound(`The division ${id} could not be found.`, id);
  }
  const users = subjectIds.map((id) => liveUser(store, id));
  for (const user of users) ctx.real.assertKnownTo("authorization", user, ctx.now);
  const at = new Date(ctx.now).toISOString();
  for (const user of users)
    for (const divisionId of divisionIds) store.addGrant(user.id, role2.id, divisionId, at);
  return noContent();
}
var authorizationRoutes = [
  route("GET", "/api/v2/authorization/divisions", getDivisions),
  route("GET", "/api/v2/authorization/divisions/home", getHomeDivision),
  route("POST", "/api/v2/authorization/divisions/{divisionId}/objects/{objectType}", postDivisionObjects),
  route("GET", "/api/v2/authorization/roles", getRoles),
  route("GET", "/api/v2/authorization/roles/{roleId}", getRole),
  route("POST", "/api/v2/authorization/roles/{roleId}", postRoleBulkGrant),
  route("GET", "/api/v2/authorization/roles/{roleId}/subjectgrants", getRoleSubjectGrants),
  route("GET", "/api/v2/authorization/subjects/{subjectId}", getSubject),
  route("POST", "/api/v2/authorization/subjects/{subjectId}/bulkadd", postSubjectBulkadd)
];

// src/sandbox/routes/locations.ts
var MAX_PAGE2 = 100;
var CREATE_FIELDS = /* @__PURE__ */ new Set([
  "name",
  "version",
  "state",
  "path",
  "notes",
  "contactUser",
  "emergencyNumber",
  "address"
]);
var LOCATION_SEARCH = { fields: /* @__PURE__ */ new Set(["name", "id"]), types: LOCATION_SEARCH_TYPES };
var SEARCH_FIELDS = /* @__PURE__ */ new Set([
  "sortOrder",
  "sortBy",
  "pageSize",
  "pageNumber",
  "sort",
  "expand",
  "query"
]);
function sortedLocations(ctx) {
  return [...ctx.store.locations.values()].sort(byName);
}
function getLocations(ctx) {
  const paging = readPaging(ctx.query, MAX_PAGE2);
  const ids = listParam(ctx.query, "id");
  const locations = sortedLocations(ctx).filter((l) => !ids || ids.includes(l.id)).map(renderLocation);
  if (readAscDesc(ctx) === "desc") locations.reverse();
  return ok(pageListing(ctx.path, ctx.query, paging, locations));
}
function postLocations(ctx) {
  const { store } = ctx;
  const body = asObject(ctx.body, "LocationCreateDefinition");
  rejectUnknownFields(body, CREATE_FIELDS, "LocationCreateDefinition");
  const name = requiredString(body, "name");
  const notes = optionalString(body, "notes");
  const address = body.address;
  if (address !== void 0 && (typeof address !== "object" || address === null || Array.isArray(address))) {
    throw invalidValue("address", "address must be an object.");
  }
  if (store.locationByName.has(name.toLowerCase())) {
    throw conflict(`A location named ${name} already exists.`, store.locationByName.get(name.toLowerCase()));
  }
  const location = {
    id: ctx.newId(),
    name,
    version: 1,
    dateCreated: new Date(ctx.now).toISOString(),
    ...notes !== void 0 ? { notes } : {},
    ...address !== void 0 ? { address } : {}
  };
  store.addLocation(location);
  return ok(renderLocation(location));
}
function postLocationsSearch(ctx) {
  const body = asObject(ctx.body, "LocationSearchRequest");
  rejectUnknownFields(body, SEARCH_FIELDS, "LocationSearchRequest");
  const paging = checkPaging(body.pageSize, body.pageNumber, MAX_PAGE2);
  const criteria = readCriteria(body.query, LOCATION_SEARCH);
  const descending = readSearchSortOrder(body.sortOrder, ctx.real.behaviours.specContract) === "DESC";
  const found = sortedLocations(ctx).filter(
    (l) => matchesAll(criteria, (f) => f === "name" ? l.name : l.id, ["name", "id"])
  );
  if (descending) found.reverse();
  return ok(searchResponse("locations", paging, found.length, sliceOf(found, paging).map(renderLocation)));
}
var locationRoutes = [
  route("GET", "/api/v2/locations", getLocations),
  route("POST", "/api/v2/locations", postLocations),
  route("POST", "/api/v2/locations/search", postLocationsSearch)
];

// src/sandbox/routes/organization.ts
function getOrganizationsMe(ctx) {
  const { store } = ctx;
  return ok({
    id: store.orgId,
    name: store.orgName,
    defaultLanguage: "en",
    defaultCountryCode: store.defaultCountryCode,
    thirdPartyOrgName: store.orgName.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    domain: "mypurecloud.com",
    version: 1,
    state: "active",
    productPlatform: "GenesysCloud",
    features: {},
    voicemailEnabled: true,
    selfUri: `/api/v2/organizations/${store.orgId}`
  });
}
var organizationRoutes = [route("GET", "/api/v2/organizations/me", getOrganizationsMe)];

// src/sandbox/routes/routing.ts
var MAX_QUEUES_PAGE = 500;
var MAX_SKILLS_PAGE = 500;
var MAX_MEMBERS_PAGE = 100;
var MAX_MEMBERS_PER_CALL = 100;
function getQueues(ctx) {
  const { store, query } = ctx;
  const paging = readPaging(query, MAX_QUEUES_PAGE);
  const name = textParam(query, "name");
  const nameMatches = name ? wildcardMatcher(name) : () => true;
  const ids = listParam(query, "id");
  const divisions = listParam(query, "divisionId");
  const queues = [...store.queues.values()].filter(
    (q) => nameMatches(q.name) && (!ids || ids.includes(q.id)) && (!divisions || divisions.includes(q.divisionId))
  ).sort(byName).map((q) => renderQueue(store, q));
  if (readAscDesc(ctx) === "desc") queues.reverse();
  return ok(pageListing(ctx.path, query, paging, queues));
}
function queueOf(ctx) {
  const queueId = ctx.params.queueId ?? "";
  if (!ctx.store.queues.has(queueId)) throw notFound(`The queue ${queueId} could not be found.`, queueId);
  return queueId;
}
function getQueueMembers(ctx) {
  const { store, query } = ctx;
  const queueId = queueOf(ctx);
  const paging = readPaging(query, MAX_MEMBERS_PAGE);
  const name = textParam(query, "name")?.toLowerCase();
  const joined = query.get("joined") !== "false";
  const members = joined ? [...store.queueMembers.get(queueId) ?? []].map((id) => store.users.get(id)).filter((u) => u !== void 0 && u.state !== "deleted").filter((u) => !name || u.name.toLowerCase().includes(name)) : [];
  if (readAscDesc(ctx) === "desc") members.reverse();
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
      selfUri: selfUris.user(u.id)
    },
    ringNumber: 1,
    joined: true,
    memberBy: "user",
    selfUri: `${selfUris.queue(queueId)}/members/${u.id}`
  }));
  return ok(memberListing(listing(ctx.path, query, paging, members.length, page)));
}
function memberListing(full) {
  const { total: _total, pageCount: _pageCount, lastUri: _lastUri, ...rest } = full;
  return rest;
}
function postQueueMembers(ctx) {
  const { store } = ctx;
  const queueId = queueOf(ctx);
  const remove = ctx.query.get("delete") === "true";
  const list = asArray(ctx.body, "WritableEntity[]");
  if (list.length === 0) throw badRequest("The member list must not be empty.");
  if (list.length > MAX_MEMBERS_PER_CALL) {
    throw badRequest(`At most ${MAX_MEMBERS_PER_CALL} members may be sent per request (got ${list.length}).`);
  }
  const users = list.map((item, i) => {
    const entry = asObject(item, `[${i}]`);
    rejectUnknownFields(entry, /* @__PURE__ */ new Set(["id", "name", "selfUri"]), "WritableEntity");
    const id = entry.id;
    const user = typeof id === "string" ? store.users.get(id) : void 0;
    if (!user || user.state === "deleted")
      throw invalidValue(`[${i}].id`, `The user ${String(id)} does not exist.`);
    return user;
  });
  for (const user of users) ctx.real.assertKnownTo("routing", user, ctx.now);
  for (const user of users) {
    if (remove) store.removeQueueMember(queueId, user.id);
    else store.addQueueMember(queueId, user.id);
  }
  return noContent();
}
function getSkills(ctx) {
  const paging = readPaging(ctx.query, MAX_SKILLS_PAGE);
  const prefix = textParam(ctx.query, "name")?.toLowerCase();
  const ids = listParam(ctx.query, "id");
  const skills = [...ctx.store.skills.values()].filter((s) => (!prefix || s.name.toLowerCase().startsWith(prefix)) && (!ids || ids.includes(s.id))).sort(byName).map(renderSkill);
  return ok(pageListing(ctx.path, ctx.query, paging, skills));
}
var routingRoutes = [
  route("GET", "/api/v2/routing/queues", getQueues),
  route("GET", "/api/v2/routing/queues/{queueId}/members", getQueueMembers),
  route("POST", "/api/v2/routing/queues/{queueId}/members", postQueueMembers),
  route("GET", "/api/v2/routing/skills", getSkills)
];

// src/sandbox/routes/telephony.ts
var EDGES2 = "/api/v2/telephony/providers/edges";
var MAX_PAGE3 = 100;
function nameFilter(ctx) {
  const name = textParam(ctx.query, "name");
  return name ? wildcardMatcher(name) : () => true;
}
function getSites(ctx) {
  const paging = readPaging(ctx.query, MAX_PAGE3);
  const matches = nameFilter(ctx);
  const sites = [...ctx.store.sites.values()].filter((s) => matches(s.name)).sort(byName).map((s) => renderSite(ctx.store, s));
  return ok(pageListing(ctx.path, ctx.query, paging, sites));
}
function getPhoneBaseSettingsList(ctx) {
  const paging = readPaging(ctx.query, MAX_PAGE3);
  const matches = nameFilter(ctx);
  const bases = [...ctx.store.phoneBases.values()].filter((b) => matches(b.name)).sort(byName).map(renderPhoneBase);
  return ok(pageListing(ctx.path, ctx.query, paging, bases));
}
function getPhoneBaseSettings(ctx) {
  const id = ctx.params.phoneBaseId ?? "";
  const base = ctx.store.phoneBases.get(id);
  if (!base) throw notFound(`The phone base settings ${id} could not be found.`, id);
  return ok(renderPhoneBase(base));
}
function getLineBaseSettingsList(ctx) {
  const paging = readPaging(ctx.query, MAX_PAGE3);
  const lines = [...ctx.store.lineBases.values()].sort(byName).map(renderLineBase);
  return ok(pageListing(ctx.path, ctx.query, paging, lines));
}
var PHONE_EXPANDS = /* @__PURE__ */ new Set([
  "properties",
  "site",
  "status",
  "status.primaryEdgesStatus",
  "status.secondaryEdgesStatus",
  "phoneBaseSettings",
  "lines"
]);
var PHONE_FIELDS_PARAM = /* @__PURE__ */ new Set([
  "webRtcUser",
  "properties.*",
  "lines.loggedInUser",
  "lines.defaultForUser"
]);
var PHONE_SORT_BY = /* @__PURE__ */ new Set([
  "id",
  "name",
  "status.operationalStatus",
  "secondaryStatus.operationalStatus"
]);
var PHONE_FILTERS = [
  "name",
  "site.id",
  "webRtcUser.id",
  "phoneBaseSettings.id",
  "lines.loggedInUser.id",
  "lines.defaultForUser.id",
  "phone_hardwareId",
  "lines.id",
  "lines.name",
  "status.operationalStatus",
  "secondaryStatus.operationalStatus"
];
function enumList(ctx, name, allowed) {
  const values = listParam(ctx.query, name) ?? [];
  if (ctx.real.behaviours.specContract) {
    for (const v of values) {
      if (!allowed.has(v)) {
        throw invalidValue(
          name,
          `Value [${v}] is not valid for ${name}. Allowable values are: ${[...allowed].join(", ")}`
        );
      }
    }
  }
  return new Set(values);
}
function phoneSortOrder(ctx) {
  const raw = textParam(ctx.query, "sortOrder");
  const upper = raw?.toUpperCase() ?? "ASC";
  if (upper === "ASC" || upper === "DESC") return upper;
  if (!ctx.real.behaviours.specContract) return "ASC";
  throw invalidValue(
    "sortOrder",
    `Value [${raw ?? ""}] is not valid for sortOrder. Allowable values are: ASC, DESC`
  );
}
function phoneCandidates(ctx, patterns, webRtcUserId) {
  const { store } = ctx;
  const pick = (id) => {
    const phone = id === void 0 ? void 0 : store.phones.get(id);
    return phone ? [phone] : [];
  };
  if (webRtcUserId) {
    return [
      ...pick(store.phoneByWebRtcUser.get(webRtcUserId)),
      ...store.deletedPhones.filter((p) => p.webRtcUserId === webRtcUserId)
    ];
  }
  if (patterns && patterns.every((p) => !p.includes("*"))) {
    const names = new Set(patterns.map((p) => p.toLowerCase()));
    return [
      ...patterns.flatMap((p) => pick(store.phoneByName.get(p.toLowerCase()))),
      ...store.deletedPhones.filter((p) => names.has(p.name.toLowerCase()))
    ];
  }
  return [...store.phones.values()];
}
function getPhones(ctx) {
  const { store, query, real } = ctx;
  const paging = readPaging(query, MAX_PAGE3);
  const expand = enumList(ctx, "expand", PHONE_EXPANDS);
  const fields = enumList(ctx, "fields", PHONE_FIELDS_PARAM);
  const sortBy = textParam(query, "sortBy") ?? "name";
  if (real.behaviours.specContract && !PHONE_SORT_BY.has(sortBy)) {
    throw invalidValue(
      "sortBy",
      `Value [${sortBy}] is not valid for sortBy. Allowable values are: ${[...PHONE_SORT_BY].join(", ")}`
    );
  }
  const descending = phoneSortOrder(ctx) === "DESC";
  const patterns = listParam(query, "name");
  const webRtcUserId = textParam(query, "webRtcUser.id");
  const siteId = textParam(query, "site.id");
  const baseId = textParam(query, "phoneBaseSettings.id");
  const nameMatchers = patterns?.map(wildcardMatcher);
  const byId = (a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  const phones = [...new Set(phoneCandidates(ctx, patterns, webRtcUserId))].filter(
    (p) => (!nameMatchers || nameMatchers.some((m) => m(p.name))) && (!siteId || p.siteId === siteId) && (!baseId || p.phoneBaseSettingsId === baseId)
  ).sort(sortBy === "id" ? byId : (a, b) => byName(a, b) || byId(a, b));
  if (descending) phones.reverse();
  const cap = real.behaviours.phoneListCap;
  const filtered = PHONE_FILTERS.some((f) => query.has(f));
  const capped = cap > 0 && (filtered || sortBy !== "id") ? phones.slice(0, cap) : phones;
  const view = real.behaviours.phoneFieldsOnRequest ? {
    webRtcUser: fields.has("webRtcUser"),
    lines: expand.has("lines"),
    lineDefaultForUser: fields.has("lines.defaultForUser")
  } : FULL_PHONE;
  const page = sliceOf(capped, paging).map((p) => renderPhone(store, p, view));
  return ok(listing(ctx.path, query, paging, capped.length, page));
}
function phoneOf(ctx) {
  const id = ctx.params.phoneId ?? "";
  const phone = ctx.store.phones.get(id);
  if (!phone) throw notFound(`The phone ${id} could not be found.`, id);
  return phone;
}
function livePhoneOf(ctx) {
  const phone = phoneOf(ctx);
  if (phone.state === "deleted") throw notFound(`The phone ${phone.id} could not be found.`, phone.id);
  return phone;
}
var PHONE_FIELDS = /* @__PURE__ */ new Set([
  "id",
  "name",
  "division",
  "description",
  "version",
  "dateCreated",
  "dateModified",
  "modifiedBy",
  "createdBy",
  "state",
  "modifiedByApp",
  "createdByApp",
  "site",
  "phoneBaseSettings",
  "lineBaseSettings",
  "phoneMetaBase",
  "lines",
  "status",
  "secondaryStatus",
  "userAgentInfo",
  "properties",
  "capabilities",
  "webRtcUser",
  "standAlone",
  "primaryEdge",
  "secondaryEdge",
  "selfUri"
]);
var LINE_FIELDS = /* @__PURE__ */ new Set([
  "id",
  "name",
  "division",
  "description",
  "version",
  "dateCreated",
  "dateModified",
  "modifiedBy",
  "createdBy",
  "state",
  "modifiedByApp",
  "createdByApp",
  "properties",
  "edgeGroup",
  "template",
  "site",
  "lineBaseSettings",
  "primaryEdge",
  "secondaryEdge",
  "loggedInUser",
  "defaultForUser",
  "selfUri"
]);
function readPhone(ctx, body, existing) {
  const { store } = ctx;
  rejectUnknownFields(body, PHONE_FIELDS, "Phone");
  const name = requiredString(body, "name");
  const siteId = requiredRefId(body, "site");
  if (!store.sites.has(siteId)) throw invalidValue("site.id", `The site ${siteId} does not exist.`);
  const baseId = requiredRefId(body, "phoneBaseSettings");
  const base = store.phoneBases.get(baseId);
  if (!base) throw invalidValue("phoneBaseSettings.id", `The phone base settings ${baseId} do not exist.`);
  if (existing && existing.phoneBaseSettingsId !== baseId) {
    throw badRequest("The base settings of an existing phone cannot be changed.", "phoneBaseSettings");
  }
  const allowedLineBases = new Set(base.lines.map((l) => l.id));
  const topLineBase = optionalRefId(body, "lineBaseSettings");
  if (topLineBase !== void 0 && !allowedLineBases.has(topLineBase)) {
    throw invalidValue(
      "lineBaseSettings.id",
      `The line base settings ${topLineBase} do not belong to ${base.name}.`
    );
  }
  if (body.lines === void 0) throw badRequest("lines is required.", "lines");
  const rawLines = asArray(body.lines, "lines");
  if (rawLines.length === 0) throw badRequest("A phone needs at least one line.", "lines");
  const oldLineIds = new Set(existing?.lines.map((l) => l.id));
  const lines = rawLines.map((item, i) => {
    const line = asObject(item, `lines[${i}]`);
    rejectUnknownFields(line, LINE_FIELDS, "Line");
    const lineName = requiredString(line, "name");
    const lineBaseId = requiredRefId(line, "lineBaseSettings");
    if (!allowedLineBases.has(lineBaseId)) {
      throw invalidValue(
        `lines[${i}].lineBaseSettings.id`,
        `The line base settings ${lineBaseId} do not belong to ${base.name}.`
      );
    }
    const keepId = typeof line.id === "string" && oldLineIds.has(line.id) ? line.id : null;
    return { id: keepId ?? ctx.newId(), name: lineName, lineBaseSettingsId: lineBaseId };
  });
  const webRtcUserId = optionalRefId(body, "webRtcUser") ?? null;
  if (isWebRtcBase(base) && !webRtcUserId) throw badRequest("A WebRTC phone needs webRtcUser.", "webRtcUser");
  if (!isWebRtcBase(base) && webRtcUserId) {
    throw badRequest(`${base.name} is not a WebRTC base settings; webRtcUser is not allowed.`, "webRtcUser");
  }
  if (webRtcUserId) {
    const user = store.users.get(webRtcUserId);
    if (!user || user.state === "deleted")
      throw invalidValue("webRtcUser.id", `The user ${webRtcUserId} does not exist.`);
    if (webRtcUserId !== existing?.webRtcUserId) ctx.real.assertKnownTo("telephony", user, ctx.now);
    const other = store.phoneByWebRtcUser.get(webRtcUserId);
    if (other && other !== existing?.id) {
      throw badRequest(`The user ${webRtcUserId} already has a WebRTC phone (${other}).`, "webRtcUser");
    }
  }
  const sameName = store.phoneByName.get(name.toLowerCase());
  if (sameName && sameName !== existing?.id)
    throw conflict(`A phone named ${name} already exists.`, sameName);
  return { name, siteId, phoneBaseSettingsId: baseId, lines, webRtcUserId };
}
function postPhones(ctx) {
  const { store } = ctx;
  const input = readPhone(ctx, asObject(ctx.body, "Phone"));
  const at = new Date(ctx.now).toISOString();
  const phone = {
    id: ctx.newId(),
    ...input,
    stationId: null,
    state: "active",
    version: 1,
    dateCreated: at,
    dateModified: at
  };
  store.addPhone(phone);
  if (phone.webRtcUserId) store.addStation(phone, ctx.newId(), at, ctx.now + ctx.stationLagMs);
  return ok(renderPhone(store, phone));
}
function getPhone(ctx) {
  return ok(renderPhone(ctx.store, phoneOf(ctx)));
}
function putPhone(ctx) {
  const { store } = ctx;
  const phone = livePhoneOf(ctx);
  const body = asObject(ctx.body, "Phone");
  const version = body.version;
  if (typeof version !== "number" || !Number.isInteger(version)) {
    throw badRequest("version is required and must be the current version of the phone.", "version");
  }
  if (version !== phone.version) {
    throw conflict(
      `The version supplied (${version}) does not match the current version of the phone (${phone.version}).`,
      phone.id
    );
  }
  const input = readPhone(ctx, body, phone);
  const oldName = phone.name;
  const oldUser = phone.webRtcUserId;
  Object.assign(phone, input);
  phone.version++;
  phone.dateModified = new Date(ctx.now).toISOString();
  store.reindexPhone(phone, oldName, oldUser);
  const station = phone.stationId ? store.stations.get(phone.stationId) : void 0;
  if (station) {
    station.name = phone.name;
    station.lineAppearanceId = phone.lines[0]?.id ?? station.lineAppearanceId;
    if (oldUser !== phone.webRtcUserId) {
      const previous = station.defaultUserId ? store.users.get(station.defaultUserId) : void 0;
      if (previous) store.clearDefaultStation(previous);
      station.webRtcUserId = phone.webRtcUserId;
    }
  }
  return ok(renderPhone(store, phone));
}
function getStations(ctx) {
  const { store, query } = ctx;
  const paging = readPaging(query, MAX_PAGE3);
  const webRtcUserId = textParam(query, "webRtcUserId");
  const ids = listParam(query, "id");
  const lineAppearanceId = textParam(query, "lineAppearanceId");
  const matches = nameFilter(ctx);
  let candidates;
  if (webRtcUserId) {
    const phoneId = store.phoneByWebRtcUser.get(webRtcUserId);
    const stationId = phoneId ? store.phones.get(phoneId)?.stationId : void 0;
    candidates = [stationId ? store.stations.get(stationId) : void 0];
  } else if (ids) {
    candidates = ids.map((id) => store.stations.get(id));
  } else {
    candidates = [...store.stations.values()];
  }
  const stations = [...new Set(candidates)].filter((s) => s !== void 0 && s.visibleFrom <= ctx.now).filter(
    (s) => matches(s.name) && (!ids || ids.includes(s.id)) && (!lineAppearanceId || s.lineAppearanceId === lineAppearanceId)
  ).sort(byName).map(renderStation);
  return ok(pageListing(ctx.path, query, paging, stations));
}
var telephonyRoutes = [
  route("GET", `${EDGES2}/sites`, getSites),
  route("GET", `${EDGES2}/phonebasesettings`, getPhoneBaseSettingsList),
  route("GET", `${EDGES2}/phonebasesettings/{phoneBaseId}`, getPhoneBaseSettings),
  route("GET", `${EDGES2}/linebasesettings`, getLineBaseSettingsList),
  route("GET", `${EDGES2}/phones`, getPhones),
  route("POST", `${EDGES2}/phones`, postPhones, { rateFamily: "telephony.phones.write" }),
  route("GET", `${EDGES2}/phones/{phoneId}`, getPhone),
  route("PUT", `${EDGES2}/phones/{phoneId}`, putPhone, { rateFamily: "telephony.phones.write" }),
  route("GET", "/api/v2/stations", getStations)
];

// src/sandbox/stats.ts
var StatsCounter = class _StatsCounter {
  total = 0;
  byRoute = /* @__PURE__ */ new Map();
  status = /* @__PURE__ */ new Map();
  faults = /* @__PURE__ */ new Map();
  static bump(map, key) {
    map.set(key, (map.get(key) ?? 0) + 1);
  }
  request(routeKey) {
    this.total++;
    _StatsCounter.bump(this.byRoute, routeKey);
  }
  response(status) {
    _StatsCounter.bump(this.status, String(status));
  }
  fault(kind) {
    _StatsCounter.bump(this.faults, kind);
  }
  snapshot() {
    return {
      requests: { total: this.total, byRoute: Object.fromEntries(this.byRoute) },
      status: Object.fromEntries(this.status),
      faults: Object.fromEntries(this.faults)
    };
  }
  reset() {
    this.total = 0;
    this.byRoute.clear();
    this.status.clear();
    this.faults.clear();
  }
};

// src/sandbox/server.ts
var router = new Router([
  ...userRoutes,
  ...authorizationRoutes,
  ...locationRoutes,
  ...routingRoutes,
  ...telephonyRoutes,
  ...organizationRoutes
]);
var INJECTED_RETRY_AFTER_SECONDS = 1;
function nonNegative(name, value, fallback) {
  const n = value ?? fallback;
  if (!(Number.isFinite(n) && n >= 0)) throw new Error(`sandbox: ${name} must be a number \u2265 0`);
  return n;
}
function settingsOf(options) {
  const rateLimit = nonNegative("rateLimitPerMinute", options.rateLimitPerMinute, 300);
  const windowSeconds = nonNegative("rateWindowSeconds", options.rateWindowSeconds, 60);
  if (rateLimit < 1 || windowSeconds <= 0)
    throw new Error("sandbox: the rate limit and its window must be positive");
  return {
    port: nonNegative("port", options.port, 0),
    rateLimit,
    rateWindowMs: windowSeconds * 1e3,
    latencyMs: nonNegative("latencyMs", options.latencyMs, 0),
    userSearchLagMs: nonNegative("userSearchLagMs", options.userSearchLagMs, 2e3),
    stationLagMs: nonNegative("stationLagMs", options.stationLagMs, 2e3),
    tokenTtlSeconds: nonNegative("tokenTtlSeconds", options.tokenTtlSeconds, 86400)
  };
}
function familyLimitersOf(real, windowMs) {
  const familyLimits = [
    ["users.search", real.behaviours.usersSearchPerMinute],
    ["telephony.phones.write", real.behaviours.phoneWritesPerMinute]
  ];
  return new Map(
    familyLimits.filter(([, perWindow]) => perWindow > 0).map(([family, perWindow]) => [family, new RateLimiter(Math.max(1, Math.floor(perWindow)), windowMs)])
  );
}
function idFactoryOf(seed) {
  const tag = seed.idTag;
  if (tag === void 0) return randomUUID;
  if (!/^[0-9a-f]{4}$/.test(tag) || tag === "0000" || tag === "5eed") {
    throw new Error(`sandbox: idTag must be 4 lower-case hex digits other than 0000 and 5eed, not "${tag}"`);
  }
  return () => `${tag}${randomUUID().slice(4)}`;
}
function createRuntime(options) {
  const settings = settingsOf(options);
  const given = options.org ?? demoOrg();
  const seed = { ...given, roles: [...given.roles, ...clientRolesToSeed(given, options.client)] };
  const real = new RealRuntime(realBehavioursOf(options.real), options.seed ?? 1);
  return {
    settings,
    seed,
    // Each OAuth client (`clients: N`) has its own tokens, so its own rate windows, and its own roles.
    clients: new ClientRegistry(seed, options, settings.tokenTtlSeconds),
    real,
    store: new OrgStore(seed, real.behaviours),
    stats: new StatsCounter(),
    limiter: new RateLimiter(settings.rateLimit, settings.rateWindowMs),
    familyLimiters: familyLimitersOf(real, settings.rateWindowMs),
    faults: new FaultGenerator(options.faults ?? {}, options.seed ?? 1),
    newId: idFactoryOf(seed)
  };
}
function resetRuntime(rt) {
  rt.store = new OrgStore(rt.seed, rt.real.behaviours);
  rt.stats.reset();
  rt.limiter.clear();
  for (const family of rt.familyLimiters.values()) family.clear();
  rt.faults.reset();
  rt.real.reset();
}
var statsOf = (rt) => ({ ...rt.stats.snapshot(), real: { ...rt.real.answered } });
function send(rt, res, status, body, headers) {
  rt.stats.response(status);
  writeJson(res, status, body, headers);
  return status;
}
function sendError(rt, res, err, headers) {
  const contextId = headers["inin-correlation-id"] ?? randomUUID();
  const body = errorBody(err.status, err.code, err.message, contextId, err.details);
  if (err instanceof ForbiddenError) {
    body.messageWithParams = err.messageWithParams;
    body.messageParams = err.messageParams;
  }
  return send(rt, res, err.status, body, { ...headers, ...err.headers });
}
function admin(rt, method, path, query, res) {
  const key = `${method} ${path}`;
  if (key === "GET /__sandbox/stats") return writeAdmin(res, 200, statsOf(rt));
  if (key === "GET /__sandbox/state") return writeAdmin(res, 200, rt.store.dump());
  if (key === "POST /__sandbox/reset") {
    resetRuntime(rt);
    return writeAdmin(res, 204);
  }
  if (key === "POST /__sandbox/expire-tokens") {
    rt.clients.expire(query.get("client"));
    return writeAdmin(res, 204);
  }
  writeAdmin(res, 404, { message: `No sandbox admin route ${key}`, code: "not.found", status: 404 });
}
function runHandler(rt, ex, match, text) {
  let body;
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(400, "bad.request", "The request body is not valid JSON.");
    }
  }
  const ctx = {
    method: ex.method,
    path: ex.path,
    params: match.params,
    query: ex.query,
    body,
    store: rt.store,
    now: Date.now(),
    userSearchLagMs: rt.settings.userSearchLagMs,
    stationLagMs: rt.settings.stationLagMs,
    real: rt.real,
    newId: rt.newId
  };
  return match.route.handler(ctx);
}
async function handle(rt, req, res) {
  const method = req.method ?? "GET";
  const { path, query } = splitTarget(req.url ?? "/");
  if (path.startsWith("/__sandbox/")) {
    await readBody(req);
    return admin(rt, method, path, query, res);
  }
  const caller = rt.clients.clientOf(bearerOf(req.headers), Date.now()) ?? rt.clients.main;
  const match = path.startsWith("/api/v2/") ? caller.identity.match(method, path) ?? router.match(method, path) : null;
  const routeKey = path === "/oauth/token" ? `${method} /oauth/token` : match ? match.route.statsKey : `${method} (unknown route)`;
  rt.stats.request(routeKey);
  const ex = { req, res, method, path, query, match };
  const writeUserId = match?.route.userWrite ? match.params.userId : void 0;
  if (writeUserId === void 0) {
    await serve(rt, ex);
    return;
  }
  rt.real.beginWrite(writeUserId);
  let status = null;
  try {
    status = await serve(rt, ex);
  } finally {
    rt.real.endWrite(writeUserId, status !== null && status < 300, Date.now());
  }
}
async function serve(rt, ex) {
  const isApi = ex.path.startsWith("/api/v2/");
  const fault = isApi ? rt.faults.next() : { kind: null, spikeMs: 0 };
  const text = await readBody(ex.req);
  if (fault.spikeMs > 0) rt.stats.fault("latencySpike");
  const delay = rt.settings.latencyMs + fault.spikeMs;
  if (delay > 0) await sleep(delay);
  const correlationId = randomUUID();
  if (ex.path === "/oauth/token") {
    const request = { method: ex.method, headers: ex.req.headers, text, now: Date.now() };
    const result = oauthToken(rt.clients, rt.settings.tokenTtlSeconds, request);
    return send(rt, ex.res, result.status, result.body, { "inin-correlation-id": correlationId });
  }
  if (!isApi) {
    const body = errorBody(404, "not.found", `No route for ${ex.method} ${ex.path}`, correlationId);
    return send(rt, ex.res, 404, body, { "inin-correlation-id": correlationId });
  }
  return serveApi(rt, ex, fault, text, correlationId);
}
function serveApi(rt, ex, fault, text, correlationId) {
  const headers = {
    "inin-correlation-id": correlationId,
    "inin-ratelimit-allowed": String(rt.settings.rateLimit),
    "inin-ratelimit-count": "0",
    "inin-ratelimit-reset": String(Math.ceil(rt.settings.rateWindowMs / 1e3))
  };
  const caller = authenticate(rt, ex);
  if (caller instanceof ApiError) return sendError(rt, ex.res, caller, headers);
  const limited = rateLimitGate(rt, caller.token, ex.match, headers);
  if (limited) return sendError(rt, ex.res, limited, headers);
  if (fault.kind) rt.stats.fault(fault.kind);
  if (fault.kind === "drop") {
    ex.req.socket.destroy();
    return null;
  }
  const injected = injectedError(fault);
  if (injected) return sendError(rt, ex.res, injected, headers);
  if (!ex.match) {
    const notFound2 = new ApiError(404, "not.found", `No route for ${ex.method} ${ex.path} in the sandbox.`);
    return sendError(rt, ex.res, notFound2, headers);
  }
  const operation = `${ex.method} ${ex.match.route.template}`;
  const denied = accessCheck(caller.client.access, rt.store, operation, ex.match.params, text);
  if (denied) return sendError(rt, ex.res, denied, headers);
  return answer(rt, ex, ex.match, text, fault, headers);
}
function authenticate(rt, ex) {
  const token = bearerOf(ex.req.headers);
  if (!token) {
    return new ApiError(
      401,
      "authentication.required",
      "No authentication bearer token specified in authorization header."
    );
  }
  const client = rt.clients.clientOf(token, Date.now());
  if (client === null) return new ApiError(401, "bad.credentials", "Invalid login credentials.");
  return { token, client };
}
function rateLimitGate(rt, token, match, headers) {
  const seconds = Math.ceil(rt.settings.rateWindowMs / 1e3);
  const overLimit = (limit, resetSeconds, what) => new ApiError(
    429,
    "too.many.requests",
    `Rate limit exceeded the maximum${what}. [${limit}] requests for [${seconds}] seconds`,
    [],
    { "retry-after": String(resetSeconds) }
  );
  const rate = rt.limiter.take(token, Date.now());
  headers["inin-ratelimit-count"] = String(rate.count);
  headers["inin-ratelimit-reset"] = String(rate.resetSeconds);
  if (!rate.allowed) return overLimit(rt.settings.rateLimit, rate.resetSeconds, "");
  const family = match ? match.route.rateFamily : null;
  const familyLimiter = family ? rt.familyLimiters.get(family) : void 0;
  if (!family || !familyLimiter) return null;
  const own = familyLimiter.take(token, Date.now());
  headers["inin-ratelimit-allowed"] = String(familyLimiter.limit);
  headers["inin-ratelimit-count"] = String(own.count);
  headers["inin-ratelimit-reset"] = String(own.resetSeconds);
  return own.allowed ? null : overLimit(familyLimiter.limit, own.resetSeconds, ` for ${family}`);
}
function injectedError(fault) {
  if (fault.kind === "rate503") {
    return new ApiError(503, "service.unavailable", "Service unavailable (injected by the sandbox).");
  }
  if (fault.kind === "rate429") {
    return new ApiError(429, "too.many.requests", "Rate limit exceeded (injected by the sandbox).", [], {
      "retry-after": String(INJECTED_RETRY_AFTER_SECONDS)
    });
  }
  return null;
}
function answer(rt, ex, match, text, fault, headers) {
  let result;
  try {
    result = runHandler(rt, ex, match, text);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    result = err;
  }
  if (fault.kind === "commitThenDrop") {
    ex.req.socket.destroy();
    return result.status;
  }
  if (result instanceof ApiError) return sendError(rt, ex.res, result, headers);
  return send(rt, ex.res, result.status, result.body, headers);
}
function serverOf(rt) {
  return createServer((req, res) => {
    handle(rt, req, res).catch((err) => {
      if (res.headersSent || req.socket.destroyed) return;
      const message = err instanceof Error ? err.message : String(err);
      const body = errorBody(500, "internal.server.error", `Sandbox error: ${message}`, randomUUID());
      send(rt, res, 500, body, {});
    });
  });
}
async function listen(server, port) {
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return server.address().port;
}
async function startSandbox(options = {}) {
  const rt = createRuntime(options);
  const server = serverOf(rt);
  const port = await listen(server, rt.settings.port);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats: () => statsOf(rt),
    state: () => rt.store.dump(),
    reset: () => resetRuntime(rt),
    close: () => new Promise((resolve, reject) => {
      server.close((err) => err ? reject(err) : resolve());
      server.closeAllConnections();
    })
  };
}

// src/sandbox/orgs.ts
function orgSandboxOptions(name, options = {}) {
  orgTagOf(name);
  return { org: demoOrg({ org: name }), clientId: name, clientSecret: name, ...options };
}
function checkDistinct(all) {
  const seen = /* @__PURE__ */ new Map();
  const claim = (what, value, org2) => {
    if (value === void 0) return;
    const key = `${what}=${value}`;
    const other = seen.get(key);
    if (other !== void 0) {
      throw new Error(`sandbox: orgs ${other} and ${org2} have the same ${what} ${value}; rename one`);
    }
    seen.set(key, org2);
  };
  for (const [name, options] of all) {
    claim("id tag", options.org?.idTag, name);
    claim("org id", options.org?.id, name);
    for (const client of sandboxClients(options)) claim("OAuth client", client.id, name);
  }
}
async function startSandboxes(orgs) {
  const names = Object.keys(orgs);
  if (names.length === 0) throw new Error("sandbox: name at least one org");
  const all = names.map((name) => [name, orgSandboxOptions(name, orgs[name])]);
  checkDistinct(all);
  const started = await Promise.allSettled(all.map(([, options]) => startSandbox(options)));
  const sandboxes = started.flatMap((s) => s.status === "fulfilled" ? [s.value] : []);
  const closeAll = async () => {
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  };
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await closeAll();
    throw failed.reason;
  }
  const byName2 = Object.fromEntries(names.map((name, i) => [name, sandboxes[i]]));
  return { orgs: byName2, names, close: closeAll };
}

// src/sandbox/profile.ts
var ms = external_exports.number().int().min(0).max(6e5);
var share = external_exports.number().min(0).max(1);
var perMinute = external_exports.number().int().min(0).max(1e6);
var count = external_exports.number().int().min(0).max(1e6);
var measuredRealSchema = external_exports.object({
  /** ms after POST /users that bulkadd answers 404 for the new user (default 2000). */
  authorizationLagMs: ms,
  /** ms after POST /users that skills bulk / queue members answer 404 (default 3000). */
  routingLagMs: ms,
  /** ms after POST /users that phone create with the user as webRtcUser answers 404 (default 4000). */
  telephonyLagMs: ms,
  /** Phones list gives webRtcUser / lines only when asked with fields / expand (default true). */
  phoneFieldsOnRequest: external_exports.boolean(),
  /** dateWelcomeSent only with expand=dateWelcomeSent (default true). */
  datesOnlyWithExpand: external_exports.boolean(),
  /** Share 0..1 of requested expands left out per user in listings (default 0.02). */
  expandDropRate: share,
  /** PHONE addresses stored in E.164 with the org's default country (default true). */
  addressShapes: external_exports.boolean(),
  /** Skills bulk / station PUT answer 409 when racing a PATCH of the same user (default true). */
  versionRaces: external_exports.boolean(),
  /** PUT default station refused without conversation:call:add (default true). */
  defaultStationNeedsCallAdd: external_exports.boolean(),
  /** inin-ratelimit-allowed of POST /users/search per minute (default 180; 0 = token limit only). */
  usersSearchPerMinute: perMinute,
  /** inin-ratelimit-allowed of phone POST/PUT per minute (default 180; 0 = token limit only). */
  phoneWritesPerMinute: perMinute,
  /**
   * Most subjectIds POST /authorization/roles/{roleId} takes in one call, else 400 (default 100; 0 =
   * no cap). A probe records the largest it saw taken, a lower bound.
   */
  roleGrantSubjectCap: count
}).partial().strict();
var orgProfileSchema = external_exports.object({
  /** Format version: 1. */
  version: external_exports.literal(1),
  /** ISO time of the measurement. */
  measuredAt: external_exports.string().datetime(),
  org: external_exports.object({
    /** ISO 3166 alpha-2 default country of the org (default US). */
    defaultCountryCode: external_exports.string().regex(/^[A-Z]{2}$/)
  }).partial().strict(),
  real: measuredRealSchema,
  /** ms a new user is invisible to POST /users/search (default 2000). */
  userSearchLagMs: ms.optional(),
  /** ms a new WebRTC phone's station is invisible to GET /stations (default 2000). */
  stationLagMs: ms.optional(),
  /** token-wide inin-ratelimit-allowed per minute (default 300). */
  rateLimitPerMinute: perMinute.min(1).optional(),
  /** Statuses observed for edge cases (e.g. takenPhoneName: 400); informational. */
  statuses: external_exports.record(external_exports.string(), external_exports.number().int()).optional(),
  /** Free text: what could not be measured and why. */
  notes: external_exports.array(external_exports.string())
}).strict();
var ProfileError = class extends Error {
};
function parseProfile(value, source = "profile") {
  const result = orgProfileSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join(".") : "(root)";
  throw new ProfileError(`${source}: ${path}: ${issue?.message ?? "invalid"}`);
}
function profileToOptions(profile, base = {}) {
  const options = { ...base, real: { ...profile.real } };
  if (profile.userSearchLagMs !== void 0) options.userSearchLagMs = profile.userSearchLagMs;
  if (profile.stationLagMs !== void 0) options.stationLagMs = profile.stationLagMs;
  if (profile.rateLimitPerMinute !== void 0) options.rateLimitPerMinute = profile.rateLimitPerMinute;
  if (profile.org.defaultCountryCode !== void 0 && base.org !== void 0) {
    options.org = { ...base.org, defaultCountryCode: profile.org.defaultCountryCode };
  }
  return options;
}
async function loadProfile(path) {
  const { readFile } = await import("node:fs/promises");
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ProfileError(`${path}: cannot read (${error.code ?? "error"})`);
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProfileError(`${path}: not JSON (${error.message})`);
  }
  return parseProfile(value, path);
}

export {
  MAX_SANDBOX_CLIENTS,
  sandboxClients,
  orgTagOf,
  demoIds,
  DEMO_IDS,
  demoOrgId,
  DEMO_ROLE_PERMISSIONS,
  demoOrg,
  REAL_DEFAULTS,
  REAL_OFF,
  startSandbox,
  orgSandboxOptions,
  startSandboxes,
  orgProfileSchema,
  ProfileError,
  parseProfile,
  profileToOptions,
  loadProfile
};
