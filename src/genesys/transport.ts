// The one HTTP transport under every Genesys Cloud SDK call: pacing, retries, re-login, call counts
// and one-line errors.
//
// Why an injected HTTP client (`apiClient.setHttpClient`) and not wrappers around the API objects:
// - The SDK routes every request of every *Api class, and its own login, through `httpClient.request`,
//   so nothing can bypass the pacing or the counts, including API classes we start using later.
// - It sees the raw status and headers (Retry-After, inin-ratelimit-*) of every response without
//   switching the SDK to extended responses, so every SDK method keeps the return type its d.ts states.
// - A retry re-sends the same prepared request; wrappers would have to re-enter the SDK per method.
// - Errors it rejects with carry no `response` property, so the SDK passes them through untouched:
//   callers get a GenesysApiError, never an AxiosError with headers and the bearer token inside.
// - It stamps every attempt with the newest token, so a call that waited in the pacer across a
//   re-login does not send a token already known dead (see request() for the 401 rules).
//
// Requests go out through Node's fetch. The SDK's own axios is never used. The SDK itself is not
// loaded here (types only), so offline commands that import GenesysApiError never load it: pool.ts
// hands this transport to the SDK, whose setHttpClient takes only its own AbstractHttpClient.
import type platformClient from 'purecloud-platform-client-v2';
import { secrets } from '../secrets.js';

type HttpRequestOptions = InstanceType<typeof platformClient.HttpRequestOptions>;

/** What the SDK's callApi and login read from a resolved request (the shape axios gives it). */
export interface TransportResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  data: unknown;
}

export interface TransportOptions {
  /**
   * Requests per window until the server's `inin-ratelimit-allowed` says otherwise; one family's higher
   * answer does not lift the pace above it (see tokenLimit). Default 300.
   */
  limit: number;
  /** The rate limit's window. Default 60,000 ms (Genesys: per minute). Tests scale it down. */
  windowMs: number;
  /** Attempts per call that end in a 5xx, 408 or dropped connection (the first included) before its error is final. Default 6. 429s do not count. */
  maxTries: number;
  /** Backoff before retry n is baseBackoffMs × 2^(n−1), at most maxBackoffMs, times a jitter of 0.5–1. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /**
   * 429 answers a call takes before its 429 is final; its own budget, apart from maxTries.
   * Default 20, as Genesys's Terraform provider.
   */
  maxRateLimitedTries: number;
  /**
   * Wait after a 429 without Retry-After: rateLimitBackoffMs × 2^(n−1), at most maxRateLimitBackoffMs,
   * times a jitter of 0.5–1, never under rateLimitBackoffMs. Defaults 1,000 and 30,000 ms (Terraform
   * waits 1–30 s). Like Retry-After, they are times of a one-minute window: scaled by windowMs ÷ 60,000.
   */
  rateLimitBackoffMs: number;
  maxRateLimitBackoffMs: number;
  /** Per attempt; a timeout counts as a dropped connection and is retried. Default 30,000 ms. */
  timeoutMs: number;
  /** Requests on the wire at once. Pacing decides the rate; this only bounds sockets. Default 16. */
  maxInFlight: number;
  random: () => number;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface TransportStats {
  /** HTTP requests sent: every attempt, logins included. */
  requests: number;
  /** Requests per route template, e.g. `GET /api/v2/users/{id}`, `POST /oauth/token`. */
  byRoute: Record<string, number>;
  /** Attempts after the first of a call (429, 5xx, dropped connection, re-login). */
  retries: number;
  /** 429 responses received. */
  rateLimited: number;
  /** 429 responses per route family (see routeFamily), e.g. `{ users: 2 }`. */
  rateLimitedByFamily: Record<string, number>;
  /** Successful logins (the first one and any re-login after a 401): one per token generation. */
  logins: number;
  /** The token-wide limit the pacing uses now (learned from `inin-ratelimit-allowed`), per `windowMs`. */
  limit: number;
  /**
   * Limits learned per `windowMs`, by route family (the highest its routes answered: `users: 300`) and
   * by route for a route that answered lower than its family (`POST /api/v2/users/search: 180`). Each
   * runs at the lower of that and `limit`; routes of a family with the same lower limit share one pace.
   */
  limits: Record<string, number>;
  windowMs: number;
  /** Per OAuth client, when several share the work (pool.ts); the figures above are their sums. */
  clients?: ClientStats[];
}

export interface ClientStats {
  clientId: string;
  requests: number;
  rateLimited: number;
  logins: number;
  /** The token-wide limit this client's own headers report, per `windowMs`. */
  limit: number;
}

/**
 * A Genesys Cloud call that failed for good. `message` is one line: `409 general.conflict: … (POST /api/v2/users)`.
 * Every text field is scrubbed here, since servers echo what they were sent into any of them.
 */
/** What a failed call is known by; `contextId` and `rateLimited` may be left out (none, 0). */
export interface GenesysApiErrorFields {
  /** HTTP status; 0 when no response came (connection refused or dropped, timeout). */
  status: number;
  code: string;
  detail: string;
  method: string;
  /** Route template: `/api/v2/users/{id}`. */
  route: string;
  contextId?: string | null;
  /** Attempts made. */
  tries: number;
  /** How many of them were answered 429. */
  rateLimited?: number;
}

export class GenesysApiError extends Error {
  override name = 'GenesysApiError';
  /** HTTP status; 0 when no response came (connection refused or dropped, timeout). */
  readonly status: number;
  /** Genesys error code (`general.conflict`), OAuth error (`invalid_client`) or network code (`ECONNRESET`). */
  readonly code: string;
  /** The server's message, on one line. */
  readonly detail: string;
  readonly method: string;
  /** Route template: `/api/v2/users/{id}`. */
  readonly route: string;
  /** Genesys contextId (correlation id) of the failed response, when given. */
  readonly contextId: string | null;
  /** Attempts made. */
  readonly tries: number;
  /** How many of them were answered 429. */
  readonly rateLimited: number;
  /** The error body's messageParams (e.g. the missing permission and division of a 403), scrubbed. */
  messageParams: Record<string, string> | null = null;
  constructor(fields: GenesysApiErrorFields) {
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
}

function formatErrorLine(
  status: number,
  code: string,
  detail: string,
  method: string,
  route: string,
  tries: number,
  rateLimited: number,
) {
  const head = status === 0 ? `no response (${code})` : code ? `${status} ${code}` : `${status}`;
  const after = tries > 1 ? ` after ${tries} tries` : '';
  // 429s have their own budget: say how much of it the call spent.
  const limited = tries > 1 && rateLimited > 0 ? `, ${rateLimited} of them rate limited (429)` : '';
  return `${head}: ${detail} (${method} ${route})${after}${limited}`;
}

/** Retried on the maxTries budget; 429 has a budget of its own. */
const RETRYABLE_STATUS = new Set([408, 500, 502, 503, 504]);
/**
 * Re-logins a call may start or join before its 401 is final; and fresh tokens the API may refuse in
 * a row (no call answered with one before it was refused) before the client is taken to be revoked.
 */
const MAX_LOGINS_PER_CALL = 3;
const MAX_REFUSED_TOKENS_IN_A_ROW = 3;
/** 401s a call may retry because a newer token had come meanwhile (no login needed). */
const MAX_STALE_RETRIES_PER_CALL = 5;

/** Network failures that say nothing about the request itself; anything else (e.g. ENOTFOUND) is final. */
const FINAL_NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL', 'CERT_HAS_EXPIRED']);

const defaults: TransportOptions = {
  limit: 300,
  windowMs: 60_000,
  maxTries: 6,
  baseBackoffMs: 500,
  maxBackoffMs: 30_000,
  maxRateLimitedTries: 20,
  rateLimitBackoffMs: 1000,
  maxRateLimitBackoffMs: 30_000,
  timeoutMs: 30_000,
  maxInFlight: 16,
  random: Math.random,
  now: () => performance.now(),
  sleep: abortableSleep,
};

export class GenesysTransport {
  private readonly options: TransportOptions;
  private readonly pacer: Pacer;
  private readonly slots: Semaphore;
  private readonly closing = new AbortController();
  private reauthenticate: (() => Promise<string>) | null = null;
  /** The one login under way, which every call that needs a new token joins. */
  private pendingLogin: Promise<void> | null = null;
  /** The newest token, and its generation: 1 for the first login, one more for each re-login. */
  private token: string | null = null;
  private generation = 0;
  /** Logins since an answer other than 401 came to a request sent with the newest token. */
  private loginsInARow = 0;
  /** Set once a re-login fails (or fresh tokens keep being refused): every later call fails with it. */
  private loginFailure: Error | null = null;
  private readonly counts = { requests: 0, retries: 0, rateLimited: 0, logins: 0 };
  private readonly byRoute = new Map<string, number>();
  private readonly rateLimitedByFamily = new Map<string, number>();

  constructor(options: Partial<TransportOptions> = {}) {
    this.options = { ...defaults, ...options };
    this.pacer = new Pacer(this.options, this.closing.signal);
    this.slots = new Semaphore(this.options.maxInFlight);
  }

  /** How to get a fresh token after a 401 (the client's login, which calls setToken). One at a time. */
  setReauthenticate(login: () => Promise<string>): void {
    this.reauthenticate = login;
  }

  /** A new token: every request from now on is sent with it, and no output ever shows it. */
  setToken(token: string): void {
    secrets.add(token);
    this.token = token;
    this.generation += 1;
    this.counts.logins += 1;
  }

  stats(): TransportStats {
    return {
      ...this.counts,
      byRoute: sortedRecord(this.byRoute),
      rateLimitedByFamily: sortedRecord(this.rateLimitedByFamily),
      limit: this.pacer.limit,
      limits: sortedRecord(this.pacer.limits()),
      windowMs: this.options.windowMs,
    };
  }

  /** Stops waiting timers and in-flight requests so the process can exit; later calls fail at once. */
  close(): void {
    this.closing.abort();
  }

  /** The token-wide limit the pacing uses now, per `windowMs` (cheaper than stats()). */
  get limit(): number {
    return this.pacer.limit;
  }

  /** How long every call of this client still waits out a 429 or a spent window, as a share of `windowMs`. */
  get pausedWindows(): number {
    return this.pacer.pausedFor(this.options.now()) / this.options.windowMs;
  }

  /** False once closed, or once a re-login failed for good: no call can succeed on it any more. */
  get usable(): boolean {
    return !this.closing.signal.aborted && this.loginFailure === null;
  }

  async request(request: HttpRequestOptions): Promise<TransportResponse> {
    const method = request.method.toUpperCase();
    const route = routeTemplate(request.url);
    const family = routeFamily(route);
    const isLogin = route.endsWith('/oauth/token');
    let tries = 0;
    let attempts = 0;
    // Two budgets: a 429 says "later", not "broken", and real per-resource limits answer with waits of
    // tens of seconds, so 429s must not spend the retries meant for 5xx and dropped connections.
    let failures = 0;
    let rateLimited = 0;
    let logins = 0;
    let staleRetries = 0;
    for (;;) {
      if (this.closing.signal.aborted)
        throw new GenesysApiError({
          status: 0,
          code: 'closed',
          detail: 'the client was closed',
          method,
          route,
          tries,
          rateLimited,
        });
      tries += 1;
      attempts += 1;
      if (attempts > 1) this.counts.retries += 1;
      const outcome = await this.attempt(request, method, route, family, isLogin);
      if ('refused' in outcome) throw outcome.refused;
      if ('response' in outcome && outcome.response.status < 400) return outcome.response;

      // A 401 is the token's fault, not the call's: it spends neither the 5xx nor the 429 budget.
      if ('response' in outcome && outcome.response.status === 401 && !isLogin && this.reauthenticate) {
        tries -= 1;
        if (outcome.generation < this.generation) {
          // Sent with a token that another call has already replaced: try again with the new one.
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

      if ('response' in outcome && outcome.response.status === 429) {
        rateLimited += 1;
        this.counts.rateLimited += 1;
        this.rateLimitedByFamily.set(family, (this.rateLimitedByFamily.get(family) ?? 0) + 1);
        if (rateLimited >= this.options.maxRateLimitedTries)
          throw this.toError(outcome, method, route, tries, rateLimited);
        const { headers } = outcome.response;
        const waitMs = this.rateLimitWaitMs(headers, rateLimited);
        // API calls wait in the pacer, with every other call the 429 speaks for; a login is not paced,
        // so it waits here.
        if (!isLogin) {
          this.pacer.rateLimited(`${method} ${route}`, family, headers, waitMs);
          continue;
        }
        await this.options.sleep(waitMs, this.closing.signal).catch(() => undefined);
        continue;
      }

      const error = this.toError(outcome, method, route, tries, rateLimited);
      const retryable =
        'response' in outcome ? RETRYABLE_STATUS.has(outcome.response.status) : outcome.retryable;
      failures += 1;
      if (!retryable || failures >= this.options.maxTries) throw error;
      await this.options.sleep(this.backoffMs(failures), this.closing.signal).catch(() => undefined);
    }
  }

  private async attempt(
    request: HttpRequestOptions,
    method: string,
    route: string,
    family: string,
    isLogin: boolean,
  ): Promise<Outcome> {
    let settle = () => {};
    // Logins are limited separately from API calls and must never wait behind them.
    if (!isLogin) {
      try {
        settle = await this.pacer.acquire(`${method} ${route}`, family);
      } catch {
        return { networkCode: 'closed', networkDetail: 'the client was closed', retryable: false };
      }
    }
    try {
      if (!isLogin) {
        // Before taking a socket slot: the login needs one too. Never rejects (see relogin).
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
          // The newest token works: refused tokens are counted from here.
          if (response.status !== 401 && generation === this.generation) this.loginsInARow = 0;
        }
        return { response, generation };
      } catch (error) {
        const { code, detail } = describeNetworkError(error);
        const closed = this.closing.signal.aborted;
        return {
          networkCode: closed ? 'closed' : code,
          networkDetail: detail,
          retryable: !closed && !FINAL_NETWORK_CODES.has(code),
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
  private relogin(): Promise<void> {
    if (this.loginFailure) return Promise.resolve();
    if (!this.pendingLogin) {
      this.loginsInARow += 1;
      const login = this.reauthenticate as () => Promise<string>;
      this.pendingLogin = login().then(
        () => {
          this.pendingLogin = null;
        },
        (error: unknown) => {
          this.loginFailure = error instanceof Error ? error : new Error(String(error));
          this.pendingLogin = null;
        },
      );
    }
    return this.pendingLogin;
  }

  private backoffMs(failures: number): number {
    const exponential = Math.min(this.options.maxBackoffMs, this.options.baseBackoffMs * 2 ** (failures - 1));
    return Math.round(exponential * (0.5 + this.options.random() / 2));
  }

  /** As long as Retry-After says; without one, 1–30 s growing with each 429 of the call. */
  private rateLimitWaitMs(headers: Record<string, string>, rateLimited: number): number {
    // Seconds of a one-minute window, like inin-ratelimit-reset: a scaled test window scales them too.
    const scale = this.options.windowMs / 60_000;
    const retryAfter = retryAfterMs(headers);
    if (retryAfter !== null) return retryAfter * scale;
    const { rateLimitBackoffMs: base, maxRateLimitBackoffMs: max } = this.options;
    const exponential = Math.min(max, base * 2 ** (rateLimited - 1));
    return Math.round(Math.max(base, exponential * (0.5 + this.options.random() / 2)) * scale);
  }

  private toError(
    outcome: { response: TransportResponse } | { networkCode: string; networkDetail: string },
    method: string,
    route: string,
    tries: number,
    rateLimited: number,
    /** A sentence added to the server's message. */
    note = '',
  ): GenesysApiError {
    if (!('response' in outcome)) {
      return new GenesysApiError({
        status: 0,
        code: outcome.networkCode,
        detail: outcome.networkDetail,
        method,
        route,
        tries,
        rateLimited,
      });
    }
    const { status, statusText, data, headers } = outcome.response;
    const body = isRecord(data) ? data : {};
    const code = firstString(body.code, body.error) ?? '';
    // A short plain-text body is a message; an HTML error page from a proxy is not.
    const plain = typeof data === 'string' && data.length < 200 && !data.includes('<') ? data : '';
    const text = firstString(body.message, body.error_description, body.description) ?? plain;
    const detail = oneLine(`${text || statusText || 'no message'}${note ? ` ${note}` : ''}`);
    const contextId = firstString(body.contextId, headers['inin-correlation-id']) ?? null;
    const error = new GenesysApiError({ status, code, detail, method, route, contextId, tries, rateLimited });
    if (isRecord(body.messageParams)) {
      error.messageParams = Object.fromEntries(
        Object.entries(body.messageParams).map(([key, value]) => [key, secrets.scrubEchoed(String(value))]),
      );
    }
    return error;
  }
}

type Outcome =
  | { response: TransportResponse; generation: number }
  | { networkCode: string; networkDetail: string; retryable: boolean }
  /** A re-login failed earlier: nothing was sent. */
  | { refused: Error };

const REVOKED = `${MAX_REFUSED_TOKENS_IN_A_ROW} new tokens in a row were refused: the OAuth client may have been revoked or lost its roles.`;

/** `GET https://api.x/api/v2/users/6f1…/queues?x=1` → `/api/v2/users/{id}/queues` (ids become `{id}`). */
export function routeTemplate(url: string): string {
  const { pathname } = new URL(url);
  // Drop a gateway's path prefix so routes read the same everywhere.
  const start = pathname.search(/\/(api\/v\d+|oauth)\//);
  const path = start > 0 ? pathname.slice(start) : pathname;
  return path
    .split('/')
    .map((segment) => (isIdSegment(segment) ? '{id}' : segment))
    .join('/');
}

/** Fixed segments of Genesys routes are lower-case words (`users`, `phonebasesettings`) or `v2`; anything else is a value. */
function isIdSegment(segment: string): boolean {
  return segment !== '' && !/^[a-z]+$/.test(segment) && !/^v\d+$/.test(segment);
}

/**
 * The rate-limit family of a route template: the service it belongs to, i.e. the first segment after
 * `/api/vN` (`users`, `routing`, `authorization`, `stations`, `locations`), or `telephony/providers/edges`
 * for the Edge service, whose routes all start so (the SDK's API classes split the API the same way).
 * Anything else (the login) is its first segment.
 *
 * Each route learns its own limit; the family groups them: the routes of one family that answered the
 * same lower limit share one pace (a resource group lies within one service), and 429s are counted by it.
 */
export function routeFamily(route: string): string {
  const api = /^\/api\/v\d+\/(telephony\/providers\/edges|[^/]+)/.exec(route);
  if (api?.[1]) return api[1];
  return route.split('/').find((segment) => segment !== '') ?? '';
}

/**
 * Puts this client's newest token in an API request: the SDK stamped it with the token of its own
 * ApiClient, which may be older by now, or, under a pool (pool.ts), with none at all.
 */
function stampBearer(request: HttpRequestOptions, token: string | null): void {
  if (token === null) return;
  const headers = { ...(request.headers ?? {}) };
  delete headers.authorization;
  request.headers = { ...headers, Authorization: `Bearer ${token}` };
}

async function send(
  request: HttpRequestOptions,
  method: string,
  timeoutMs: number,
  closing: AbortSignal,
): Promise<TransportResponse> {
  const url = new URL(request.url);
  const query = queryString(request.params);
  if (query) url.search = query;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value !== undefined && value !== null) headers[name] = String(value);
  }
  let body: string | FormData | undefined;
  const data: unknown = request.data;
  if (typeof data === 'string') {
    body = data;
    // The SDK's login posts a form string and relies on axios to label it.
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
  } else if (data instanceof FormData) {
    body = data;
  } else if (data !== undefined && data !== null) {
    body = JSON.stringify(data);
  }
  const response = await fetch(url, {
    method,
    headers,
    body,
    signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), closing]),
  });
  const text = await response.text();
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name.toLowerCase()] = value;
  });
  return {
    status: response.status,
    statusText: response.statusText,
    headers: responseHeaders,
    data: parseBody(text),
  };
}

/** The SDK has already joined arrays with commas; axios leaves commas unencoded, and so do we. */
function queryString(params: Record<string, unknown> | undefined): string {
  if (!params) return '';
  const parts: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const one of values) {
      parts.push(`${name}=${encodeURIComponent(String(one)).replace(/%2C/gi, ',')}`);
    }
  }
  return parts.join('&');
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describeNetworkError(error: unknown): { code: string; detail: string } {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return { code: 'timeout', detail: 'the request timed out' };
    if (error.name === 'AbortError') return { code: 'aborted', detail: 'the request was aborted' };
    const cause: unknown = error.cause;
    if (isRecord(cause)) {
      const code = firstString(cause.code, cause.name) ?? 'network';
      return { code, detail: oneLine(firstString(cause.message) ?? error.message) };
    }
    return { code: 'network', detail: oneLine(error.message) };
  }
  return { code: 'network', detail: 'the request failed' };
}

/** `Retry-After` in seconds (what Genesys sends) or as an HTTP date. */
function retryAfterMs(headers: Record<string, string>): number | null {
  const value = headers['retry-after'];
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** 1 % slack between requests, so network jitter cannot squeeze `limit + 1` requests into the server's window. */
const SPACING_MARGIN = 1.01;
/** Share of the window a late stream may make up. */
const CATCH_UP = 0.005;

/** Gap between two slots at `limit` per window. */
function spacing(windowMs: number, limit: number): number {
  return (windowMs / limit) * SPACING_MARGIN;
}

type Probe = 'idle' | 'probing' | 'done';

/** One pace: the token-wide one, or that of the routes of a family that answered one lower limit. */
interface Lane {
  /**
   * Start of its last slot; null before its first. The next opens one spacing later at the limit known
   * then, so a limit learned from the answer to the last request already spaces the next.
   */
  slotStart: number | null;
  pausedUntil: number;
}

/** What the pacer knows of one route (`POST /api/v2/users/search`). */
interface Route {
  family: string;
  /** The lowest `inin-ratelimit-allowed` its answers gave; null before the first. */
  allowed: number | null;
  /** Its first request goes alone and its answer tells the limit before the rest go. */
  probe: Probe;
  /** When its last request was let through: it counts in the lane its answer puts it in. */
  lastAt: number | null;
}

interface Waiter {
  route: string;
  family: string;
  resolve: (settle: () => void) => void;
  reject: (error: Error) => void;
}

function newLane(): Lane {
  return { slotStart: null, pausedUntil: 0 };
}

function positiveNumber(value: string | undefined): number | null {
  const number = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(number) && number > 0 ? number : null;
}

/**
 * The token-wide limit from what each family answered (the highest of its routes) and the configured
 * one. Resource limits are a lower layer under the token's, so the highest answer is the token's: a low
 * route does not slow the rest, and a value every route gives (the sandbox's, an org's) is learned from
 * the first answer. Above the configured limit only as far as a second family agrees: a raised token
 * limit shows on every family, while one family's high header may be its own.
 */
export function tokenLimit(answered: readonly number[], configured: number): number {
  const [highest, second] = [...answered].sort((a, b) => b - a);
  if (highest === undefined) return configured;
  return Math.min(highest, Math.max(configured, second ?? 0));
}

/**
 * Spaces requests evenly at window ÷ limit (plus a 1 % margin), slot after slot, so no window of the
 * server's limiter ever holds more than `limit` requests and a steady stream runs at the limit.
 * It does not burst into the unused part of a window: the API does not document whether its
 * window is fixed or sliding, and under a sliding one a burst would be paid for in 429s.
 *
 * Limits come in layers: the token's, and lower ones on some resources, which Genesys applies to
 * "endpoints or groups" it does not name (the sandbox: `POST /users/search`; POST and PUT of phones).
 * So every route learns what it answers, and:
 * - a route keeps the lowest `allowed` it ever answered: no header, its own or another route's, speeds
 *   it up;
 * - the token-wide limit is the highest any family answered (see tokenLimit); a route that answered it
 *   runs at the token's pace, so a low route never slows its siblings;
 * - the routes of one family that answered the same lower limit share one pace at it: they are most
 *   likely one group, and paced together they cannot overrun it, while paced apart they would;
 * - every request also takes a token-wide slot;
 * - the very first request goes alone, and so does each route's first: its answer tells the limit
 *   before the rest of that route go.
 * One pump grants slots in arrival order to whoever may go, so a route waiting for its slot never
 * holds up the others, and only the pump ever sleeps.
 */
class Pacer {
  private readonly token: Lane = newLane();
  private tokenProbe: Probe = 'idle';
  private readonly routes = new Map<string, Route>();
  /** Keyed `family allowed`: one per lower limit a family's routes answered. */
  private readonly lanes = new Map<string, Lane>();
  private readonly queue: Waiter[] = [];
  private pumping = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly options: TransportOptions,
    private readonly closing: AbortSignal,
  ) {
    closing.addEventListener('abort', () => this.poke(), { once: true });
  }

  /** The token-wide limit (see tokenLimit). */
  get limit(): number {
    const highest = new Map<string, number>();
    for (const { family, allowed } of this.routes.values()) {
      if (allowed !== null) highest.set(family, Math.max(highest.get(family) ?? 0, allowed));
    }
    return tokenLimit([...highest.values()], this.options.limit);
  }

  /**
   * What was learned, by family (the highest its routes answered) and by route for a route that
   * answered lower than its family. Each runs at the lower of that and `limit`.
   */
  limits(): Map<string, number> {
    const limits = new Map<string, number>();
    for (const { family, allowed } of this.routes.values()) {
      if (allowed !== null) limits.set(family, Math.max(limits.get(family) ?? 0, allowed));
    }
    for (const [key, { family, allowed }] of this.routes) {
      if (allowed !== null && allowed < (limits.get(family) ?? 0)) limits.set(key, allowed);
    }
    return limits;
  }

  /** Milliseconds the token's lane is still paused (a 429, a spent window): no call of it goes before. */
  pausedFor(now: number): number {
    return Math.max(0, this.token.pausedUntil - now);
  }

  /** Resolves when the request may go, with the function to call once it has an answer (or none). */
  acquire(route: string, family: string): Promise<() => void> {
    if (this.closing.aborted) return Promise.reject(new Error('closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ route, family, resolve, reject });
      this.poke();
    });
  }

  /** Learns the route's limit from `inin-ratelimit-allowed`; if `-count` says its window is used up, waits for `-reset`. */
  learn(route: string, family: string, headers: Record<string, string>): void {
    const state = this.route(route, family);
    const allowed = positiveNumber(headers['inin-ratelimit-allowed']);
    if (allowed !== null && allowed < (state.allowed ?? Infinity)) {
      state.allowed = allowed;
      // The request went before its lane was known (a route's first, a lower limit): count it there now.
      if (state.lastAt !== null)
        this.take(this.lane(state, allowed), Math.min(allowed, this.limit), state.lastAt);
    }
    const count = Number(headers['inin-ratelimit-count']);
    const reset = Number(headers['inin-ratelimit-reset']);
    const cap = allowed ?? this.ownLimit(state, this.limit) ?? this.limit;
    if (Number.isFinite(count) && Number.isFinite(reset) && reset > 0 && count >= cap) {
      // The headers count seconds of a one-minute window; a scaled test window scales them too.
      this.pause(state, allowed, reset * 1000 * (this.options.windowMs / 60_000));
    }
  }

  /** A 429: the routes of its lower limit wait, or everything if it was the token's limit that ran out. */
  rateLimited(route: string, family: string, headers: Record<string, string>, waitMs: number): void {
    this.pause(this.route(route, family), positiveNumber(headers['inin-ratelimit-allowed']), waitMs);
  }

  /**
   * Whose window is used up: the route's lower limit's if the answer carried a limit below the
   * token's, or carried none and the route has a lower limit; otherwise the token's.
   */
  private pause(route: Route, allowed: number | null, ms: number): void {
    const limit = this.limit;
    const own = this.ownLimit(route, limit);
    const lane = own !== null && (allowed === null || allowed < limit) ? this.lane(route, own) : this.token;
    lane.pausedUntil = Math.max(lane.pausedUntil, this.options.now() + ms);
  }

  /** A route's pace when it is below the token-wide one; null when it runs at the token's. */
  private ownLimit(route: Route, limit: number): number | null {
    return route.allowed !== null && route.allowed < limit ? route.allowed : null;
  }

  private route(key: string, family: string): Route {
    let route = this.routes.get(key);
    if (!route) {
      route = { family, allowed: null, probe: 'idle', lastAt: null };
      this.routes.set(key, route);
    }
    return route;
  }

  /** The pace the routes of `route`'s family that answered `allowed` share. */
  private lane(route: Route, allowed: number): Lane {
    const key = `${route.family} ${allowed}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = newLane();
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
    if (!this.pumping) void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        if (this.closing.aborted) {
          for (const waiter of this.queue.splice(0)) waiter.reject(new Error('closed'));
          return;
        }
        const now = this.options.now();
        const { index, at } = this.next(now);
        const waiter = index >= 0 ? this.queue.splice(index, 1)[0] : undefined;
        if (waiter) waiter.resolve(this.grant(this.route(waiter.route, waiter.family), now));
        else await this.waitUntil(at, now);
      }
    } finally {
      this.pumping = false;
    }
  }

  /** The first waiter in arrival order that may go now, or when the earliest may. */
  private next(now: number): { index: number; at: number } {
    if (this.tokenProbe === 'probing') return { index: -1, at: Infinity };
    const limit = this.limit;
    const tokenAt = this.readyAt(this.token, limit);
    let at = Infinity;
    for (const [index, waiter] of this.queue.entries()) {
      const route = this.route(waiter.route, waiter.family);
      if (route.probe === 'probing') continue;
      const own = this.ownLimit(route, limit);
      const ready = Math.max(tokenAt, own === null ? 0 : this.readyAt(this.lane(route, own), own));
      if (ready <= now) return { index, at: now };
      at = Math.min(at, ready);
    }
    return { index: -1, at };
  }

  private readyAt(lane: Lane, limit: number): number {
    return Math.max(this.slotAfter(lane, limit), lane.pausedUntil);
  }

  private slotAfter(lane: Lane, limit: number): number {
    return lane.slotStart === null ? 0 : lane.slotStart + spacing(this.options.windowMs, limit);
  }

  private grant(route: Route, now: number): () => void {
    const probes: ((probe: Probe) => void)[] = [];
    if (this.tokenProbe === 'idle') {
      this.tokenProbe = 'probing';
      probes.push((probe) => (this.tokenProbe = probe));
    }
    if (route.probe === 'idle') {
      route.probe = 'probing';
      probes.push((probe) => (route.probe = probe));
    }
    const limit = this.limit;
    route.lastAt = now;
    this.take(this.token, limit, now);
    // A route at the token's pace keeps its lane's slots too, ready for a token limit learned higher.
    if (route.allowed !== null)
      this.take(this.lane(route, route.allowed), Math.min(route.allowed, limit), now);
    let settled = false;
    return () => {
      if (settled || probes.length === 0) return;
      settled = true;
      for (const done of probes) done('done');
      this.poke();
    };
  }

  /**
   * Counts from the previous slot, not from `now`, so that a timer firing late is not added to every
   * gap (13 % of the limit lost at 3,000/min), but catches up by at most 0.5 % of the window: with the
   * 1 % margin a window still never holds more than the limit.
   */
  private take(lane: Lane, limit: number, now: number): void {
    lane.slotStart = Math.max(this.slotAfter(lane, limit), now - CATCH_UP * this.options.windowMs);
  }

  /** Sleeps until `at` (or until poked, if nothing may go before a probe answers), waking early when poked. */
  private async waitUntil(at: number, now: number): Promise<void> {
    const poked = new Promise<void>((resolve) => (this.wake = resolve));
    if (at === Infinity) return poked;
    const stop = new AbortController();
    const slept = this.options
      .sleep(at - now, AbortSignal.any([this.closing, stop.signal]))
      .catch(() => undefined);
    await Promise.race([slept, poked]);
    stop.abort();
    this.wake = null;
  }
}

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('closed'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('closed'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Stats read the same on every run: keys in order. */
function sortedRecord(map: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value.trim() !== '');
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}
