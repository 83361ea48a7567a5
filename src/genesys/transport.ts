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
//
// Requests go out through Node's fetch. The SDK's own axios is never used.
import platformClient from 'purecloud-platform-client-v2';

type HttpRequestOptions = InstanceType<typeof platformClient.HttpRequestOptions>;

/** What the SDK's callApi and login read from a resolved request (the shape axios gives it). */
export interface TransportResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  data: unknown;
}

export interface TransportOptions {
  /** Requests per window until the server's `inin-ratelimit-allowed` says otherwise. Default 300. */
  limit: number;
  /** The rate limit's window. Default 60,000 ms (Genesys: per minute). Tests scale it down. */
  windowMs: number;
  /** Attempts per call, the first included, before its error is final. Default 6. */
  maxTries: number;
  /** Backoff before retry n is baseBackoffMs × 2^(n−1), at most maxBackoffMs, times a jitter of 0.5–1. */
  baseBackoffMs: number;
  maxBackoffMs: number;
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
  /** Successful logins (the first one and any re-login after a 401). */
  logins: number;
  /** The limit the pacing uses now (learned from `inin-ratelimit-allowed`), per `windowMs`. */
  limit: number;
  windowMs: number;
}

/** A Genesys Cloud call that failed for good. `message` is one line: `409 general.conflict: … (POST /api/v2/users)`. */
export class GenesysApiError extends Error {
  override name = 'GenesysApiError';
  constructor(
    /** HTTP status; 0 when no response came (connection refused or dropped, timeout). */
    readonly status: number,
    /** Genesys error code (`general.conflict`), OAuth error (`invalid_client`) or network code (`ECONNRESET`). */
    readonly code: string,
    /** The server's message, on one line. */
    readonly detail: string,
    readonly method: string,
    /** Route template: `/api/v2/users/{id}`. */
    readonly route: string,
    /** Genesys contextId (correlation id) of the failed response, when given. */
    readonly contextId: string | null,
    /** Attempts made. */
    readonly tries: number,
  ) {
    super(formatErrorLine(status, code, detail, method, route, tries));
  }
}

function formatErrorLine(
  status: number,
  code: string,
  detail: string,
  method: string,
  route: string,
  tries: number,
) {
  const head = status === 0 ? `no response (${code})` : code ? `${status} ${code}` : `${status}`;
  const after = tries > 1 ? ` after ${tries} tries` : '';
  return `${head}: ${detail} (${method} ${route})${after}`;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
/** Network failures that say nothing about the request itself; anything else (e.g. ENOTFOUND) is final. */
const FINAL_NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL', 'CERT_HAS_EXPIRED']);

const defaults: TransportOptions = {
  limit: 300,
  windowMs: 60_000,
  maxTries: 6,
  baseBackoffMs: 500,
  maxBackoffMs: 30_000,
  timeoutMs: 30_000,
  maxInFlight: 16,
  random: Math.random,
  now: () => performance.now(),
  sleep: abortableSleep,
};

export class GenesysTransport extends platformClient.AbstractHttpClient {
  private readonly options: TransportOptions;
  private readonly pacer: Pacer;
  private readonly slots: Semaphore;
  private readonly closing = new AbortController();
  private reauthenticate: (() => Promise<string>) | null = null;
  private pendingLogin: Promise<string> | null = null;
  private token: string | null = null;
  /** Every token issued so far: a server may echo an expired one too. */
  private readonly tokens = new Set<string>();
  private readonly counts = { requests: 0, retries: 0, rateLimited: 0, logins: 0 };
  private readonly byRoute = new Map<string, number>();

  constructor(options: Partial<TransportOptions> = {}) {
    super();
    this.options = { ...defaults, ...options };
    this.pacer = new Pacer(this.options);
    this.slots = new Semaphore(this.options.maxInFlight);
  }

  /** How to get a fresh token after a 401 (the client's login). Called at most once per call. */
  setReauthenticate(login: () => Promise<string>): void {
    this.reauthenticate = login;
  }

  /** The token the SDK now sends; kept only to recognise a 401 already fixed by another call, and to scrub messages. */
  setToken(token: string): void {
    this.token = token;
    this.tokens.add(token);
    this.counts.logins += 1;
  }

  stats(): TransportStats {
    return {
      ...this.counts,
      byRoute: Object.fromEntries([...this.byRoute].sort(([a], [b]) => a.localeCompare(b))),
      limit: this.pacer.limit,
      windowMs: this.options.windowMs,
    };
  }

  /** Stops waiting timers and in-flight requests so the process can exit; later calls fail at once. */
  close(): void {
    this.closing.abort();
    this.pacer.settle();
  }

  // The SDK calls this for hooks; we have none.
  override enableHooks(): void {}

  override async request(request: HttpRequestOptions): Promise<TransportResponse> {
    const method = request.method.toUpperCase();
    const route = routeTemplate(request.url);
    const isLogin = route.endsWith('/oauth/token');
    let tries = 0;
    let attempts = 0;
    let reloggedIn = false;
    for (;;) {
      if (this.closing.signal.aborted)
        throw new GenesysApiError(0, 'closed', 'the client was closed', method, route, null, tries);
      tries += 1;
      attempts += 1;
      if (attempts > 1) this.counts.retries += 1;
      const outcome = await this.attempt(request, method, route, isLogin);
      if ('response' in outcome && outcome.response.status < 400) return outcome.response;

      if (
        'response' in outcome &&
        outcome.response.status === 401 &&
        !isLogin &&
        !reloggedIn &&
        this.reauthenticate
      ) {
        reloggedIn = true;
        tries -= 1; // a re-login is not a failed try
        const sentToken = bearerOf(request);
        const fresh = await this.freshToken(sentToken);
        request.headers = { ...request.headers, Authorization: `Bearer ${fresh}` };
        continue;
      }

      const error = this.toError(outcome, method, route, tries);
      const retryable =
        'response' in outcome ? RETRYABLE_STATUS.has(outcome.response.status) : outcome.retryable;
      if (!retryable || tries >= this.options.maxTries) throw error;

      let waitMs = this.backoffMs(tries);
      if ('response' in outcome && outcome.response.status === 429) {
        this.counts.rateLimited += 1;
        const retryAfter = retryAfterMs(outcome.response.headers);
        // Seconds of a one-minute window, like inin-ratelimit-reset: a scaled test window scales them too.
        if (retryAfter !== null) waitMs = retryAfter * (this.options.windowMs / 60_000);
        // Every call waits, not only this one: the whole token is over its limit.
        this.pacer.pauseFor(waitMs);
        // API calls wait in the pacer; a login is not paced, so it waits here.
        if (!isLogin) continue;
      }
      await this.options.sleep(waitMs, this.closing.signal).catch(() => undefined);
    }
  }

  private async attempt(
    request: HttpRequestOptions,
    method: string,
    route: string,
    isLogin: boolean,
  ): Promise<
    { response: TransportResponse } | { networkCode: string; networkDetail: string; retryable: boolean }
  > {
    // Logins are limited separately from API calls and must never wait behind them.
    if (!isLogin) await this.pacer.acquire(this.closing.signal);
    await this.slots.acquire();
    this.counts.requests += 1;
    this.byRoute.set(`${method} ${route}`, (this.byRoute.get(`${method} ${route}`) ?? 0) + 1);
    try {
      const response = await send(request, method, this.options.timeoutMs, this.closing.signal);
      if (!isLogin) this.pacer.learn(response.headers);
      return { response };
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
      if (!isLogin) this.pacer.settle();
    }
  }

  /** One login for all the calls that hit 401 together; a call whose token was already replaced just retries. */
  private async freshToken(sentToken: string | null): Promise<string> {
    if (this.token && sentToken !== this.token) return this.token;
    this.pendingLogin ??= (this.reauthenticate as () => Promise<string>)().finally(() => {
      this.pendingLogin = null;
    });
    return this.pendingLogin;
  }

  private backoffMs(tries: number): number {
    const exponential = Math.min(this.options.maxBackoffMs, this.options.baseBackoffMs * 2 ** (tries - 1));
    return Math.round(exponential * (0.5 + this.options.random() / 2));
  }

  private toError(
    outcome: { response: TransportResponse } | { networkCode: string; networkDetail: string },
    method: string,
    route: string,
    tries: number,
  ): GenesysApiError {
    if (!('response' in outcome)) {
      return new GenesysApiError(
        0,
        outcome.networkCode,
        this.scrub(outcome.networkDetail),
        method,
        route,
        null,
        tries,
      );
    }
    const { status, statusText, data, headers } = outcome.response;
    const body = isRecord(data) ? data : {};
    const code = firstString(body.code, body.error) ?? '';
    // A short plain-text body is a message; an HTML error page from a proxy is not.
    const plain = typeof data === 'string' && data.length < 200 && !data.includes('<') ? data : '';
    const text = firstString(body.message, body.error_description, body.description) ?? plain;
    const detail = oneLine(this.scrub(text || statusText || 'no message'));
    const contextId = firstString(body.contextId, headers['inin-correlation-id']) ?? null;
    return new GenesysApiError(status, code, detail, method, route, contextId, tries);
  }

  /** Belt and braces: a server that echoes a token or credentials back must not put them in our messages. */
  private scrub(text: string): string {
    let scrubbed = text;
    for (const token of this.tokens) scrubbed = scrubbed.split(token).join('***');
    return scrubbed.replace(/\b(Bearer|Basic)\s+[\w.~+/=-]{16,}/gi, '$1 ***');
  }
}

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

function bearerOf(request: HttpRequestOptions): string | null {
  const header: unknown = request.headers?.Authorization ?? request.headers?.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
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

/**
 * Spaces requests evenly at window ÷ limit (plus a 1 % margin), slot after slot, so no window of the
 * server's limiter ever holds more than `limit` requests and a steady stream runs at the limit.
 * It does not burst into the unused part of a window: the API does not document whether its
 * window is fixed or sliding, and under a sliding one a burst would be paid for in 429s.
 * The first request goes alone: its response tells the real limit before the rest start.
 */
class Pacer {
  limit: number;
  private readonly windowMs: number;
  private nextAt = 0;
  private pausedUntil = 0;
  private chain: Promise<void> = Promise.resolve();
  private probe: { done: Promise<void>; resolve: () => void } | null = null;
  private probed = false;

  constructor(private readonly options: TransportOptions) {
    this.limit = options.limit;
    this.windowMs = options.windowMs;
  }

  acquire(signal: AbortSignal): Promise<void> {
    const turn = this.chain.then(() => this.waitTurn(signal));
    this.chain = turn.catch(() => undefined);
    return turn;
  }

  /** Learns the limit from `inin-ratelimit-allowed`; if `-count` says the window is used up, waits for `-reset`. */
  learn(headers: Record<string, string>): void {
    const allowed = Number(headers['inin-ratelimit-allowed']);
    if (Number.isFinite(allowed) && allowed > 0) this.limit = allowed;
    const count = Number(headers['inin-ratelimit-count']);
    const reset = Number(headers['inin-ratelimit-reset']);
    if (Number.isFinite(count) && Number.isFinite(reset) && count >= this.limit && reset > 0) {
      // The headers count seconds of a one-minute window; a scaled test window scales them too.
      this.pauseFor(reset * 1000 * (this.windowMs / 60_000));
    }
  }

  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.options.now() + ms);
  }

  /** A request finished: the probe is over. */
  settle(): void {
    if (this.probed) return;
    this.probed = true;
    this.probe?.resolve();
  }

  private async waitTurn(signal: AbortSignal): Promise<void> {
    if (!this.probed) {
      if (this.probe) await this.probe.done;
      else {
        let resolve = () => {};
        const done = new Promise<void>((r) => (resolve = r));
        this.probe = { done, resolve };
      }
    }
    for (;;) {
      const wait = Math.max(this.nextAt, this.pausedUntil) - this.options.now();
      if (wait <= 0) break;
      await this.options.sleep(wait, signal);
      if (signal.aborted) throw new Error('closed');
    }
    // Count from the previous slot, so that a timer firing late is not added to every gap (13 % of
    // the limit lost at 3,000/min), but catch up by at most 0.5 % of the window: with the 1 % margin a
    // window still never holds more than the limit.
    const slot = (this.windowMs / this.limit) * SPACING_MARGIN;
    this.nextAt = Math.max(this.nextAt, this.options.now() - CATCH_UP * this.windowMs) + slot;
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
