import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);

// src/secrets.ts
var MASK = "***";
var MIN_SECRET_LENGTH = 8;
var MIN_FRAGMENT_LENGTH = 8;
var SecretScrubber = class {
  secrets = /* @__PURE__ */ new Set();
  /** Every form of every secret, longest first; null when nothing is registered. */
  pattern = null;
  /** Registers a secret (a token, a client secret); later output never shows it. */
  add(secret) {
    if (secret.length < MIN_SECRET_LENGTH || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    const forms = /* @__PURE__ */ new Set();
    for (const value of this.secrets) for (const form of formsOf(value)) forms.add(form);
    const sorted = [...forms].sort((a, b) => b.length - a.length).map(asRendered);
    this.pattern = new RegExp(sorted.join("|"), "g");
  }
  /** An OAuth client: its secret, and the `id:secret` pair the login sends as Basic credentials. */
  addClient(id, secret) {
    this.add(secret);
    this.add(`${id}:${secret}`);
  }
  /** `text` with every registered secret, in any of its forms, replaced by `***`. */
  scrub(text) {
    return this.pattern === null ? text : text.replace(this.pattern, MASK);
  }
  /**
   * What a server said (an error body): also blanks credentials we never issued, after `Bearer` or
   * `Basic`. Not used on our own output, where "Basic Administrative-Assistant" is a job title.
   */
  scrubEchoed(text) {
    return this.scrub(text.replace(/\b(Bearer|Basic)\s+[\w.~+/=-]{16,}/gi, `$1 ${MASK}`));
  }
  /** A copy of a JSON-able value with every string in it, keys included, scrubbed. */
  scrubDeep(value) {
    return this.pattern === null ? value : this.deep(value);
  }
  deep(value) {
    if (typeof value === "string") return this.scrub(value);
    if (Array.isArray(value)) return value.map((item) => this.deep(item));
    if (isPlainObject(value)) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [this.scrub(key), this.deep(item)])
      );
    }
    return value;
  }
};
var secrets = new SecretScrubber();
function formsOf(secret) {
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1)
  ];
  const bytes = Buffer.from(secret, "utf8");
  const whole = bytes.toString("base64");
  forms.push(whole, whole.replace(/=+$/, ""), bytes.toString("base64url"));
  for (let shift = 0; shift < 3; shift += 1) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
    const start = Math.ceil(8 * shift / 6);
    const end = Math.floor(8 * (shift + bytes.length) / 6);
    const fragment = encoded.slice(start, end);
    if (fragment.length < MIN_FRAGMENT_LENGTH) continue;
    forms.push(fragment, fragment.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return forms;
}
var REWRITTEN = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': '""' };
function asRendered(text) {
  let pattern = "";
  for (const char of text) {
    const literal = char.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    const rewritten = REWRITTEN[char];
    if (rewritten) pattern += `(?:\\\\?${literal}|${rewritten})`;
    else if (/[!-/:-@[-`{-~]/.test(char)) pattern += `\\\\?${literal}`;
    else pattern += literal;
  }
  return pattern;
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// src/genesys/transport.ts
var GenesysApiError = class extends Error {
  name = "GenesysApiError";
  /** HTTP status; 0 when no response came (connection refused or dropped, timeout). */
  status;
  /** Genesys error code (`general.conflict`), OAuth error (`invalid_client`) or network code (`ECONNRESET`). */
  code;
  /** The server's message, on one line. */
  detail;
  method;
  /** Route template: `/api/v2/users/{id}`. */
  route;
  /** Genesys contextId (correlation id) of the failed response, when given. */
  contextId;
  /** Attempts made. */
  tries;
  /** How many of them were answered 429. */
  rateLimited;
  /** The error body's messageParams (e.g. the missing permission and division of a 403), scrubbed. */
  messageParams = null;
  constructor(fields) {
    const { status, method, route, tries, rateLimited = 0 } = fields;
    const clean = { code: secrets.scrubEchoed(fields.code), detail: secrets.scrubEchoed(fields.detail) };
    super(formatErrorLine(status, clean.code, clean.detail, method, route, tries, rateLimited));
    this.status = status;
    this.code = clean.code;
    this.detail = clean.detail;
    this.method = method;
    this.route = route;
    const contextId = fields.contextId ?? null;
    this.contextId = contextId === null ? null : secrets.scrubEchoed(contextId);
    this.tries = tries;
    this.rateLimited = rateLimited;
  }
};
function formatErrorLine(status, code, detail, method, route, tries, rateLimited) {
  const head = status === 0 ? `no response (${code})` : code ? `${status} ${code}` : `${status}`;
  const after = tries > 1 ? ` after ${tries} tries` : "";
  const limited = tries > 1 && rateLimited > 0 ? `, ${rateLimited} of them rate limited (429)` : "";
  return `${head}: ${detail} (${method} ${route})${after}${limited}`;
}
var RETRYABLE_STATUS = /* @__PURE__ */ new Set([408, 500, 502, 503, 504]);
var MAX_LOGINS_PER_CALL = 3;
var MAX_REFUSED_TOKENS_IN_A_ROW = 3;
var MAX_STALE_RETRIES_PER_CALL = 5;
var FINAL_NETWORK_CODES = /* @__PURE__ */ new Set(["ENOTFOUND", "EAI_AGAIN", "ERR_INVALID_URL", "CERT_HAS_EXPIRED"]);
var defaults = {
  limit: 300,
  windowMs: 6e4,
  maxTries: 6,
  baseBackoffMs: 500,
  maxBackoffMs: 3e4,
  maxRateLimitedTries: 20,
  rateLimitBackoffMs: 1e3,
  maxRateLimitBackoffMs: 3e4,
  timeoutMs: 3e4,
  maxInFlight: 16,
  random: Math.random,
  now: () => performance.now(),
  sleep: abortableSleep
};
var GenesysTransport = class {
  options;
  pacer;
  slots;
  closing = new AbortController();
  reauthenticate = null;
  /** The one login under way, which every call that needs a new token joins. */
  pendingLogin = null;
  /** The newest token, and its generation: 1 for the first login, one more for each re-login. */
  token = null;
  generation = 0;
  /** Logins since an answer other than 401 came to a request sent with the newest token. */
  loginsInARow = 0;
  /** Set once a re-login fails (or fresh tokens keep being refused): every later call fails with it. */
  loginFailure = null;
  counts = { requests: 0, retries: 0, rateLimited: 0, logins: 0 };
  byRoute = /* @__PURE__ */ new Map();
  rateLimitedByFamily = /* @__PURE__ */ new Map();
  constructor(options = {}) {
    this.options = { ...defaults, ...options };
    this.pacer = new Pacer(this.options, this.closing.signal);
    this.slots = new Semaphore(this.options.maxInFlight);
  }
  /** How to get a fresh token after a 401 (the client's login, which calls setToken). One at a time. */
  setReauthenticate(login) {
    this.reauthenticate = login;
  }
  /** A new token: every request from now on is sent with it, and no output ever shows it. */
  setToken(token) {
    secrets.add(token);
    this.token = token;
    this.generation += 1;
    this.counts.logins += 1;
  }
  stats() {
    return {
      ...this.counts,
      byRoute: sortedRecord(this.byRoute),
      rateLimitedByFamily: sortedRecord(this.rateLimitedByFamily),
      limit: this.pacer.limit,
      limits: sortedRecord(this.pacer.limits()),
      windowMs: this.options.windowMs
    };
  }
  /** Stops waiting timers and in-flight requests so the process can exit; later calls fail at once. */
  close() {
    this.closing.abort();
  }
  /** The token-wide limit the pacing uses now, per `windowMs` (cheaper than stats()). */
  get limit() {
    return this.pacer.limit;
  }
  /** How long every call of this client still waits out a 429 or a spent window, as a share of `windowMs`. */
  get pausedWindows() {
    return this.pacer.pausedFor(this.options.now()) / this.options.windowMs;
  }
  /** False once closed, or once a re-login failed for good: no call can succeed on it any more. */
  get usable() {
    return !this.closing.signal.aborted && this.loginFailure === null;
  }
  async request(request) {
    const method = request.method.toUpperCase();
    const route = routeTemplate(request.url);
    const family = routeFamily(route);
    const isLogin = route.endsWith("/oauth/token");
    let tries = 0;
    let attempts = 0;
    let failures = 0;
    let rateLimited = 0;
    let logins = 0;
    let staleRetries = 0;
    for (; ; ) {
      if (this.closing.signal.aborted)
        throw new GenesysApiError({
          status: 0,
          code: "closed",
          detail: "the client was closed",
          method,
          route,
          tries,
          rateLimited
        });
      tries += 1;
      attempts += 1;
      if (attempts > 1) this.counts.retries += 1;
      const outcome = await this.attempt(request, method, route, family, isLogin);
      if ("refused" in outcome) throw outcome.refused;
      if ("response" in outcome && outcome.response.status < 400) return outcome.response;
      if ("response" in outcome && outcome.response.status === 401 && !isLogin && this.reauthenticate) {
        tries -= 1;
        if (outcome.generation < this.generation) {
          staleRetries += 1;
          if (staleRetries > MAX_STALE_RETRIES_PER_CALL)
            throw this.toError(outcome, method, route, tries, rateLimited);
          continue;
        }
        if (this.loginsInARow >= MAX_REFUSED_TOKENS_IN_A_ROW && !this.pendingLogin) {
          this.loginFailure ??= this.toError(outcome, method, route, tries, rateLimited, REVOKED);
          throw this.loginFailure;
        }
        logins += 1;
        if (logins > MAX_LOGINS_PER_CALL) throw this.toError(outcome, method, route, tries, rateLimited);
        await this.relogin();
        continue;
      }
      if ("response" in outcome && outcome.response.status === 429) {
        rateLimited += 1;
        this.counts.rateLimited += 1;
        this.rateLimitedByFamily.set(family, (this.rateLimitedByFamily.get(family) ?? 0) + 1);
        if (rateLimited >= this.options.maxRateLimitedTries)
          throw this.toError(outcome, method, route, tries, rateLimited);
        const { headers } = outcome.response;
        const waitMs = this.rateLimitWaitMs(headers, rateLimited);
        if (!isLogin) {
          this.pacer.rateLimited(`${method} ${route}`, family, headers, waitMs);
          continue;
        }
        await this.options.sleep(waitMs, this.closing.signal).catch(() => void 0);
        continue;
      }
      const error = this.toError(outcome, method, route, tries, rateLimited);
      const retryable = "response" in outcome ? RETRYABLE_STATUS.has(outcome.response.status) : outcome.retryable;
      failures += 1;
      if (!retryable || failures >= this.options.maxTries) throw error;
      await this.options.sleep(this.backoffMs(failures), this.closing.signal).catch(() => void 0);
    }
  }
  async attempt(request, method, route, family, isLogin) {
    let settle = () => {
    };
    if (!isLogin) {
      try {
        settle = await this.pacer.acquire(`${method} ${route}`, family);
      } catch {
        return { networkCode: "closed", networkDetail: "the client was closed", retryable: false };
      }
    }
    try {
      if (!isLogin) {
        await this.pendingLogin;
        if (this.loginFailure) return { refused: this.loginFailure };
      }
      await this.slots.acquire();
      const generation = this.generation;
      if (!isLogin) stampBearer(request, this.token);
      this.counts.requests += 1;
      this.byRoute.set(`${method} ${route}`, (this.byRoute.get(`${method} ${route}`) ?? 0) + 1);
      try {
        const response = await send(request, method, this.options.timeoutMs, this.closing.signal);
        if (!isLogin) {
          this.pacer.learn(`${method} ${route}`, family, response.headers);
          if (response.status !== 401 && generation === this.generation) this.loginsInARow = 0;
        }
        return { response, generation };
      } catch (error) {
        const { code, detail } = describeNetworkError(error);
        const closed = this.closing.signal.aborted;
        return {
          networkCode: closed ? "closed" : code,
          networkDetail: detail,
          retryable: !closed && !FINAL_NETWORK_CODES.has(code)
        };
      } finally {
        this.slots.release();
      }
    } finally {
      settle();
    }
  }
  /**
   * Starts a login, or joins the one under way, so that all the calls that hit 401 together make one.
   * Resolves when it is over, never rejects: a failed login is kept in loginFailure, which fails this
   * call and every later one at once (a revoked client would refuse every login alike).
   */
  relogin() {
    if (this.loginFailure) return Promise.resolve();
    if (!this.pendingLogin) {
      this.loginsInARow += 1;
      const login = this.reauthenticate;
      this.pendingLogin = login().then(
        () => {
          this.pendingLogin = null;
        },
        (error) => {
          this.loginFailure = error instanceof Error ? error : new Error(String(error));
          this.pendingLogin = null;
        }
      );
    }
    return this.pendingLogin;
  }
  backoffMs(failures) {
    const exponential = Math.min(this.options.maxBackoffMs, this.options.baseBackoffMs * 2 ** (failures - 1));
    return Math.round(exponential * (0.5 + this.options.random() / 2));
  }
  /** As long as Retry-After says; without one, 1–30 s growing with each 429 of the call. */
  rateLimitWaitMs(headers, rateLimited) {
    const scale = this.options.windowMs / 6e4;
    const retryAfter = retryAfterMs(headers);
    if (retryAfter !== null) return retryAfter * scale;
    const { rateLimitBackoffMs: base, maxRateLimitBackoffMs: max } = this.options;
    const exponential = Math.min(max, base * 2 ** (rateLimited - 1));
    return Math.round(Math.max(base, exponential * (0.5 + this.options.random() / 2)) * scale);
  }
  toError(outcome, method, route, tries, rateLimited, note = "") {
    if (!("response" in outcome)) {
      return new GenesysApiError({
        status: 0,
        code: outcome.networkCode,
        detail: outcome.networkDetail,
        method,
        route,
        tries,
        rateLimited
      });
    }
    const { status, statusText, data, headers } = outcome.response;
    const body = isRecord(data) ? data : {};
    const code = firstString(body.code, body.error) ?? "";
    const plain = typeof data === "string" && data.length < 200 && !data.includes("<") ? data : "";
    const text = firstString(body.message, body.error_description, body.description) ?? plain;
    const detail = oneLine(`${text || statusText || "no message"}${note ? ` ${note}` : ""}`);
    const contextId = firstString(body.contextId, headers["inin-correlation-id"]) ?? null;
    const error = new GenesysApiError({ status, code, detail, method, route, contextId, tries, rateLimited });
    if (isRecord(body.messageParams)) {
      error.messageParams = Object.fromEntries(
        Object.entries(body.messageParams).map(([key, value]) => [key, secrets.scrubEchoed(String(value))])
      );
    }
    return error;
  }
};
var REVOKED = `${MAX_REFUSED_TOKENS_IN_A_ROW} new tokens in a row were refused: the OAuth client may have been revoked or lost its roles.`;
function routeTemplate(url) {
  const { pathname } = new URL(url);
  const start = pathname.search(/\/(api\/v\d+|oauth)\//);
  const path = start > 0 ? pathname.slice(start) : pathname;
  return path.split("/").map((segment) => isIdSegment(segment) ? "{id}" : segment).join("/");
}
function isIdSegment(segment) {
  return segment !== "" && !/^[a-z]+$/.test(segment) && !/^v\d+$/.test(segment);
}
function routeFamily(route) {
  const api = /^\/api\/v\d+\/(telephony\/providers\/edges|[^/]+)/.exec(route);
  if (api?.[1]) return api[1];
  return route.split("/").find((segment) => segment !== "") ?? "";
}
function stampBearer(request, token) {
  if (token === null) return;
  const headers = { ...request.headers ?? {} };
  delete headers.authorization;
  request.headers = { ...headers, Authorization: `Bearer ${token}` };
}
async function send(request, method, timeoutMs, closing) {
  const url = new URL(request.url);
  const query = queryString(request.params);
  if (query) url.search = query;
  const headers = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value !== void 0 && value !== null) headers[name] = String(value);
  }
  let body;
  const data = request.data;
  if (typeof data === "string") {
    body = data;
    if (!Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
    }
  } else if (data instanceof FormData) {
    body = data;
  } else if (data !== void 0 && data !== null) {
    body = JSON.stringify(data);
  }
  const response = await fetch(url, {
    method,
    headers,
    body,
    signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), closing])
  });
  const text = await response.text();
  const responseHeaders = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name.toLowerCase()] = value;
  });
  return {
    status: response.status,
    statusText: response.statusText,
    headers: responseHeaders,
    data: parseBody(text)
  };
}
function queryString(params) {
  if (!params) return "";
  const parts = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === void 0 || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) {
      parts.push(`${name}=${encodeURIComponent(String(one)).replace(/%2C/gi, ",")}`);
    }
  }
  return parts.join("&");
}
function parseBody(text) {
  if (!text) return void 0;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
function describeNetworkError(error) {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return { code: "timeout", detail: "the request timed out" };
    if (error.name === "AbortError") return { code: "aborted", detail: "the request was aborted" };
    const cause = error.cause;
    if (isRecord(cause)) {
      const code = firstString(cause.code, cause.name) ?? "network";
      return { code, detail: oneLine(firstString(cause.message) ?? error.message) };
    }
    return { code: "network", detail: oneLine(error.message) };
  }
  return { code: "network", detail: "the request failed" };
}
function retryAfterMs(headers) {
  const value = headers["retry-after"];
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}
var SPACING_MARGIN = 1.01;
var CATCH_UP = 5e-3;
function spacing(windowMs, limit) {
  return windowMs / limit * SPACING_MARGIN;
}
function newLane() {
  return { slotStart: null, pausedUntil: 0 };
}
function positiveNumber(value) {
  const number = Number(value);
  return value !== void 0 && value !== "" && Number.isFinite(number) && number > 0 ? number : null;
}
function tokenLimit(answered, configured) {
  const [highest, second] = [...answered].sort((a, b) => b - a);
  if (highest === void 0) return configured;
  return Math.min(highest, Math.max(configured, second ?? 0));
}
var Pacer = class {
  constructor(options, closing) {
    this.options = options;
    this.closing = closing;
    closing.addEventListener("abort", () => this.poke(), { once: true });
  }
  options;
  closing;
  token = newLane();
  tokenProbe = "idle";
  routes = /* @__PURE__ */ new Map();
  /** Keyed `family allowed`: one per lower limit a family's routes answered. */
  lanes = /* @__PURE__ */ new Map();
  queue = [];
  pumping = false;
  wake = null;
  /** The token-wide limit (see tokenLimit). */
  get limit() {
    const highest = /* @__PURE__ */ new Map();
    for (const { family, allowed } of this.routes.values()) {
      if (allowed !== null) highest.set(family, Math.max(highest.get(family) ?? 0, allowed));
    }
    return tokenLimit([...highest.values()], this.options.limit);
  }
  /**
   * What was learned, by family (the highest its routes answered) and by route for a route that
   * answered lower than its family. Each runs at the lower of that and `limit`.
   */
  limits() {
    const limits = /* @__PURE__ */ new Map();
    for (const { family, allowed } of this.routes.values()) {
      if (allowed !== null) limits.set(family, Math.max(limits.get(family) ?? 0, allowed));
    }
    for (const [key, { family, allowed }] of this.routes) {
      if (allowed !== null && allowed < (limits.get(family) ?? 0)) limits.set(key, allowed);
    }
    return limits;
  }
  /** Milliseconds the token's lane is still paused (a 429, a spent window): no call of it goes before. */
  pausedFor(now) {
    return Math.max(0, this.token.pausedUntil - now);
  }
  /** Resolves when the request may go, with the function to call once it has an answer (or none). */
  acquire(route, family) {
    if (this.closing.aborted) return Promise.reject(new Error("closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ route, family, resolve, reject });
      this.poke();
    });
  }
  /** Learns the route's limit from `inin-ratelimit-allowed`; if `-count` says its window is used up, waits for `-reset`. */
  learn(route, family, headers) {
    const state = this.route(route, family);
    const allowed = positiveNumber(headers["inin-ratelimit-allowed"]);
    if (allowed !== null && allowed < (state.allowed ?? Infinity)) {
      state.allowed = allowed;
      if (state.lastAt !== null)
        this.take(this.lane(state, allowed), Math.min(allowed, this.limit), state.lastAt);
    }
    const count = Number(headers["inin-ratelimit-count"]);
    const reset = Number(headers["inin-ratelimit-reset"]);
    const cap = allowed ?? this.ownLimit(state, this.limit) ?? this.limit;
    if (Number.isFinite(count) && Number.isFinite(reset) && reset > 0 && count >= cap) {
      this.pause(state, allowed, reset * 1e3 * (this.options.windowMs / 6e4));
    }
  }
  /** A 429: the routes of its lower limit wait, or everything if it was the token's limit that ran out. */
  rateLimited(route, family, headers, waitMs) {
    this.pause(this.route(route, family), positiveNumber(headers["inin-ratelimit-allowed"]), waitMs);
  }
  /**
   * Whose window is used up: the route's lower limit's if the answer carried a limit below the
   * token's, or carried none and the route has a lower limit; otherwise the token's.
   */
  pause(route, allowed, ms) {
    const limit = this.limit;
    const own = this.ownLimit(route, limit);
    const lane = own !== null && (allowed === null || allowed < limit) ? this.lane(route, own) : this.token;
    lane.pausedUntil = Math.max(lane.pausedUntil, this.options.now() + ms);
  }
  /** A route's pace when it is below the token-wide one; null when it runs at the token's. */
  ownLimit(route, limit) {
    return route.allowed !== null && route.allowed < limit ? route.allowed : null;
  }
  route(key, family) {
    let route = this.routes.get(key);
    if (!route) {
      route = { family, allowed: null, probe: "idle", lastAt: null };
      this.routes.set(key, route);
    }
    return route;
  }
  /** The pace the routes of `route`'s family that answered `allowed` share. */
  lane(route, allowed) {
    const key = `${route.family} ${allowed}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = newLane();
      this.lanes.set(key, lane);
    }
    return lane;
  }
  poke() {
    const wake = this.wake;
    this.wake = null;
    wake?.();
    if (!this.pumping) void this.pump();
  }
  async pump() {
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        if (this.closing.aborted) {
          for (const waiter2 of this.queue.splice(0)) waiter2.reject(new Error("closed"));
          return;
        }
        const now = this.options.now();
        const { index, at } = this.next(now);
        const waiter = index >= 0 ? this.queue.splice(index, 1)[0] : void 0;
        if (waiter) waiter.resolve(this.grant(this.route(waiter.route, waiter.family), now));
        else await this.waitUntil(at, now);
      }
    } finally {
      this.pumping = false;
    }
  }
  /** The first waiter in arrival order that may go now, or when the earliest may. */
  next(now) {
    if (this.tokenProbe === "probing") return { index: -1, at: Infinity };
    const limit = this.limit;
    const tokenAt = this.readyAt(this.token, limit);
    let at = Infinity;
    for (const [index, waiter] of this.queue.entries()) {
      const route = this.route(waiter.route, waiter.family);
      if (route.probe === "probing") continue;
      const own = this.ownLimit(route, limit);
      const ready = Math.max(tokenAt, own === null ? 0 : this.readyAt(this.lane(route, own), own));
      if (ready <= now) return { index, at: now };
      at = Math.min(at, ready);
    }
    return { index: -1, at };
  }
  readyAt(lane, limit) {
    return Math.max(this.slotAfter(lane, limit), lane.pausedUntil);
  }
  slotAfter(lane, limit) {
    return lane.slotStart === null ? 0 : lane.slotStart + spacing(this.options.windowMs, limit);
  }
  grant(route, now) {
    const probes = [];
    if (this.tokenProbe === "idle") {
      this.tokenProbe = "probing";
      probes.push((probe) => this.tokenProbe = probe);
    }
    if (route.probe === "idle") {
      route.probe = "probing";
      probes.push((probe) => route.probe = probe);
    }
    const limit = this.limit;
    route.lastAt = now;
    this.take(this.token, limit, now);
    if (route.allowed !== null)
      this.take(this.lane(route, route.allowed), Math.min(route.allowed, limit), now);
    let settled = false;
    return () => {
      if (settled || probes.length === 0) return;
      settled = true;
      for (const done of probes) done("done");
      this.poke();
    };
  }
  /**
   * Counts from the previous slot, not from `now`, so that a timer firing late is not added to every
   * gap (13 % of the limit lost at 3,000/min), but catches up by at most 0.5 % of the window: with the
   * 1 % margin a window still never holds more than the limit.
   */
  take(lane, limit, now) {
    lane.slotStart = Math.max(this.slotAfter(lane, limit), now - CATCH_UP * this.options.windowMs);
  }
  /** Sleeps until `at` (or until poked, if nothing may go before a probe answers), waking early when poked. */
  async waitUntil(at, now) {
    const poked = new Promise((resolve) => this.wake = resolve);
    if (at === Infinity) return poked;
    const stop = new AbortController();
    const slept = this.options.sleep(at - now, AbortSignal.any([this.closing, stop.signal])).catch(() => void 0);
    await Promise.race([slept, poked]);
    stop.abort();
    this.wake = null;
  }
};
var Semaphore = class {
  constructor(size) {
    this.size = size;
  }
  size;
  active = 0;
  waiting = [];
  async acquire() {
    if (this.active < this.size) {
      this.active += 1;
      return;
    }
    await new Promise((resolve) => this.waiting.push(resolve));
  }
  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
};
function abortableSleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error("closed"));
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error("closed"));
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
function sortedRecord(map) {
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function firstString(...values) {
  return values.find((value) => typeof value === "string" && value.trim() !== "");
}
function oneLine(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 299)}\u2026` : flat;
}

export {
  secrets,
  GenesysApiError,
  GenesysTransport
};
