import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);
import {
  GenesysApiError,
  GenesysTransport,
  secrets
} from "./chunk-A7RCRAU4.js";
import {
  require_purecloud_platform_client_v2
} from "./chunk-363FRYLP.js";
import {
  LoginError
} from "./chunk-YRTHUKH5.js";
import {
  __toESM
} from "./chunk-O7LDPSYS.js";

// src/genesys/pool.ts
var import_purecloud_platform_client_v2 = __toESM(require_purecloud_platform_client_v2(), 1);
import { AsyncLocalStorage } from "node:async_hooks";
var SdkHttpClient = class extends import_purecloud_platform_client_v2.default.AbstractHttpClient {
  constructor(send) {
    super();
    this.send = send;
  }
  send;
  request(request) {
    return this.send(request);
  }
  // The SDK calls this for hooks; we have none.
  enableHooks() {
  }
};
async function openPool(connection, settings) {
  const clients = [connection, ...connection.pool];
  for (const { clientId, clientSecret } of clients) {
    if (clientSecret === clientId) secrets.add(`${clientId}:${clientSecret}`);
    else secrets.addClient(clientId, clientSecret);
  }
  const members = clients.map((credentials, index) => {
    const transport = new GenesysTransport(settings.transport);
    const apiClient = settings.newApiClient();
    apiClient.setHttpClient(new SdkHttpClient((request) => transport.request(request)));
    const login = async () => {
      let token;
      try {
        token = (await apiClient.loginClientCredentialsGrant(credentials.clientId, credentials.clientSecret)).accessToken;
      } catch (error) {
        throw loginError(error, connection, index);
      }
      transport.setToken(token);
      settings.onToken?.(token);
      return token;
    };
    transport.setReauthenticate(login);
    return { member: { clientId: credentials.clientId, transport, outstanding: 0, creates: 0 }, login };
  });
  const logins = await Promise.allSettled(members.map(({ login }) => login()));
  const failed = logins.find((result) => result.status === "rejected");
  if (failed) {
    for (const { member } of members) member.transport.close();
    throw failed.reason;
  }
  return new ClientPool(members.map(({ member }) => member));
}
var ClientPool = class {
  members;
  /** Person key → index of the client that took them. */
  owners = /* @__PURE__ */ new Map();
  pinned = new AsyncLocalStorage();
  constructor(members) {
    if (members.length === 0) throw new Error("a client pool needs at least one client");
    this.members = members;
  }
  /** The OAuth client ids, the main client first. */
  get clientIds() {
    return this.members.map((member) => member.clientId);
  }
  async request(request) {
    const index = this.pinned.getStore() ?? (isUserCreate(request) ? this.pickCreator() : this.pick(personKeyOf(request)));
    const member = this.members[index];
    member.outstanding += 1;
    try {
      const response = await member.transport.request(request);
      const created = createdUserIdOf(request, response);
      if (created !== null && !this.owners.has(created)) this.owners.set(created, index);
      return response;
    } finally {
      member.outstanding -= 1;
    }
  }
  /** Runs `work` with every call it makes sent by one client (doctor checks each client's own access). */
  onClient(clientId, work) {
    const index = this.members.findIndex((member) => member.clientId === clientId);
    if (index < 0) throw new Error(`no OAuth client ${clientId} in the pool`);
    return this.pinned.run(index, work);
  }
  /** The sums over every client, and each client's own figures. */
  stats() {
    const all = this.members.map((member) => member.transport.stats());
    return {
      ...sumStats(all),
      clients: all.map((stats, index) => ({
        clientId: this.members[index]?.clientId ?? "",
        requests: stats.requests,
        rateLimited: stats.rateLimited,
        logins: stats.logins,
        limit: stats.limit
      }))
    };
  }
  close() {
    for (const member of this.members) member.transport.close();
  }
  /**
   * The client for a new person, who stays theirs: the fewest creates for its limit. Each new person
   * brings the same follow-ups, so people spread in proportion to the limits, whatever each client
   * happens to have queued at the moment of the create.
   */
  pickCreator() {
    const index = this.leastBy((member) => member.creates);
    this.members[index].creates += 1;
    return index;
  }
  pick(key) {
    const owner = key === null ? void 0 : this.owners.get(key);
    if (owner !== void 0) return owner;
    const index = this.leastBy((member) => member.outstanding);
    if (key !== null) this.owners.set(key, index);
    return index;
  }
  /** leastLoaded, with `load` (calls outstanding, creates) counted for each client's limit. */
  leastBy(load) {
    return leastLoaded(
      this.members.map((member) => ({
        outstanding: load(member),
        limit: member.transport.limit,
        usable: member.transport.usable,
        pausedWindows: member.transport.pausedWindows
      }))
    );
  }
};
function leastLoaded(loads) {
  let best = -1;
  let bestWait = Infinity;
  for (const [index, { outstanding, limit, usable, pausedWindows = 0 }] of loads.entries()) {
    const wait = outstanding / Math.max(1, limit) + pausedWindows;
    if (usable && wait < bestWait) {
      best = index;
      bestWait = wait;
    }
  }
  return best < 0 ? 0 : best;
}
var API_PATH = /\/api\/v\d+(\/.*)$/;
var USER_WORDS = /* @__PURE__ */ new Set(["search", "me", "bulk"]);
function personKeyOf(request) {
  const path = API_PATH.exec(new URL(request.url).pathname)?.[1] ?? "";
  const segments = path.split("/").filter(Boolean);
  const [first, second, third] = segments;
  if (first === "users" && second && !USER_WORDS.has(second)) return `user:${decodeURIComponent(second)}`;
  if (first === "authorization" && second === "subjects" && third) return `user:${decodeURIComponent(third)}`;
  if (first === "routing" && second === "users" && third) return `user:${decodeURIComponent(third)}`;
  if (path.startsWith("/telephony/providers/edges/phones")) {
    const user = webRtcUserOf(request.data);
    return user === null ? null : `user:${user}`;
  }
  if (first === "stations" && segments.length === 1) {
    const user = request.params?.webRtcUserId;
    return typeof user === "string" && user !== "" ? `user:${user}` : null;
  }
  return null;
}
function webRtcUserOf(data) {
  if (typeof data !== "object" || data === null) return null;
  const user = data.webRtcUser;
  return typeof user?.id === "string" && user.id !== "" ? user.id : null;
}
function isUserCreate(request) {
  return request.method.toUpperCase() === "POST" && API_PATH.exec(new URL(request.url).pathname)?.[1] === "/users";
}
function createdUserIdOf(request, response) {
  if (response.status >= 300 || !isUserCreate(request)) return null;
  const id = response.data?.id;
  return typeof id === "string" ? `user:${id}` : null;
}
function sumStats(all) {
  const add = (records, missing = () => 0) => {
    const keys = [...new Set(records.flatMap((record) => Object.keys(record)))].sort(
      (a, b) => a.localeCompare(b)
    );
    return Object.fromEntries(
      keys.map((key) => [key, records.reduce((sum, record) => sum + (record[key] ?? missing(key)), 0)])
    );
  };
  const total = (pick) => all.reduce((sum, s) => sum + pick(s), 0);
  return {
    requests: total((s) => s.requests),
    byRoute: add(all.map((s) => s.byRoute)),
    retries: total((s) => s.retries),
    rateLimited: total((s) => s.rateLimited),
    rateLimitedByFamily: add(all.map((s) => s.rateLimitedByFamily)),
    logins: total((s) => s.logins),
    limit: total((s) => s.limit),
    limits: add(
      all.map((s) => s.limits),
      (key) => Math.min(...all.flatMap((s) => s.limits[key] === void 0 ? [] : [s.limits[key]]))
    ),
    windowMs: all[0]?.windowMs ?? 6e4
  };
}
function loginError(error, connection, index) {
  const where = connection.apiBaseUrl;
  const pooled = index > 0 ? connection.pool[index - 1]?.clientId ?? "" : null;
  const who = pooled === null ? "" : ` as pool client ${pooled}`;
  const check = pooled === null ? "check GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION." : `check that client's id:secret in ${connection.poolVariable}.`;
  if (error instanceof GenesysApiError) {
    if (error.status === 400 || error.status === 401 || error.status === 403) {
      return new LoginError(
        `Login to ${where}${who} was refused (${error.status}${error.code ? ` ${error.code}` : ""}): ${check}`
      );
    }
    if (error.status === 0) {
      return new LoginError(`Cannot reach ${where} to log in (${error.code}: ${error.detail}).`);
    }
    return new LoginError(`Login to ${where}${who} failed: ${error.message}`);
  }
  return new LoginError(
    `Login to ${where}${who} failed: ${secrets.scrubEchoed(error instanceof Error ? error.message : String(error))}`
  );
}
export {
  ClientPool,
  SdkHttpClient,
  leastLoaded,
  openPool,
  personKeyOf,
  sumStats
};
