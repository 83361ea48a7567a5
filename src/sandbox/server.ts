// The HTTP server: one loopback origin serving /oauth/token, /api/v2/… and /__sandbox/….
// Every /api/v2 request goes: stats → fault draw → latency → auth (401) → rate limit (429) →
// injected fault (drop, 503, 429) → the OAuth client's permissions (403, access.ts) → handler →
// response (or, for commitThenDrop, a reset socket).

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { accessCheck, clientRolesToSeed, ForbiddenError } from './access.js';
import { ClientRegistry, type SandboxClientState } from './clients.js';
import { demoOrg } from './demo-org.js';
import { ApiError, errorBody } from './errors.js';
import { bearerOf, readBody, splitTarget, writeAdmin, writeJson } from './http.js';
import { FaultGenerator, RateLimiter, type FaultDecision } from './limits.js';
import { oauthToken } from './oauth.js';
import { RealRuntime, realBehavioursOf } from './real.js';
import type { ApiResult, HandlerContext, RateFamily, RouteMatch } from './router.js';
import { Router } from './router.js';
import { authorizationRoutes } from './routes/authorization.js';
import { locationRoutes } from './routes/locations.js';
import { organizationRoutes } from './routes/organization.js';
import { routingRoutes } from './routes/routing.js';
import { telephonyRoutes } from './routes/telephony.js';
import { userRoutes } from './routes/users.js';
import { StatsCounter } from './stats.js';
import { OrgStore } from './store.js';
import type { OrgSeed, Sandbox, SandboxOptions, SandboxStats } from './types.js';

const router = new Router([
  ...userRoutes,
  ...authorizationRoutes,
  ...locationRoutes,
  ...routingRoutes,
  ...telephonyRoutes,
  ...organizationRoutes,
]);

/** Retry-After of an injected 429, in seconds. */
const INJECTED_RETRY_AFTER_SECONDS = 1;

interface Settings {
  port: number;
  rateLimit: number;
  rateWindowMs: number;
  latencyMs: number;
  userSearchLagMs: number;
  stationLagMs: number;
  tokenTtlSeconds: number;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (!(Number.isFinite(n) && n >= 0)) throw new Error(`sandbox: ${name} must be a number ≥ 0`);
  return n;
}

function settingsOf(options: SandboxOptions): Settings {
  const rateLimit = nonNegative('rateLimitPerMinute', options.rateLimitPerMinute, 300);
  const windowSeconds = nonNegative('rateWindowSeconds', options.rateWindowSeconds, 60);
  if (rateLimit < 1 || windowSeconds <= 0)
    throw new Error('sandbox: the rate limit and its window must be positive');
  return {
    port: nonNegative('port', options.port, 0),
    rateLimit,
    rateWindowMs: windowSeconds * 1000,
    latencyMs: nonNegative('latencyMs', options.latencyMs, 0),
    userSearchLagMs: nonNegative('userSearchLagMs', options.userSearchLagMs, 2000),
    stationLagMs: nonNegative('stationLagMs', options.stationLagMs, 2000),
    tokenTtlSeconds: nonNegative('tokenTtlSeconds', options.tokenTtlSeconds, 86_400),
  };
}

/** Everything one sandbox (one org) holds between requests; `store` is replaced on reset. */
interface Runtime {
  settings: Settings;
  seed: OrgSeed;
  clients: ClientRegistry;
  real: RealRuntime;
  store: OrgStore;
  stats: StatsCounter;
  limiter: RateLimiter;
  /** Resource limits below the token's (real-api.md §9): a request of a family takes from both. */
  familyLimiters: Map<RateFamily, RateLimiter>;
  faults: FaultGenerator;
  /** Ids of created objects: random, or beginning with the org's idTag so two orgs never share one. */
  newId: () => string;
}

function familyLimitersOf(real: RealRuntime, windowMs: number): Map<RateFamily, RateLimiter> {
  const familyLimits: Array<[RateFamily, number]> = [
    ['users.search', real.behaviours.usersSearchPerMinute],
    ['telephony.phones.write', real.behaviours.phoneWritesPerMinute],
  ];
  return new Map(
    familyLimits
      .filter(([, perWindow]) => perWindow > 0)
      .map(([family, perWindow]) => [family, new RateLimiter(Math.max(1, Math.floor(perWindow)), windowMs)]),
  );
}

function idFactoryOf(seed: OrgSeed): () => string {
  const tag = seed.idTag;
  if (tag === undefined) return randomUUID;
  if (!/^[0-9a-f]{4}$/.test(tag) || tag === '0000' || tag === '5eed') {
    throw new Error(`sandbox: idTag must be 4 lower-case hex digits other than 0000 and 5eed, not "${tag}"`);
  }
  return () => `${tag}${randomUUID().slice(4)}`;
}

function createRuntime(options: SandboxOptions): Runtime {
  const settings = settingsOf(options);
  const given: OrgSeed = options.org ?? demoOrg();
  // Roles the client option defines join the org's roles; the client's grants are checked per request.
  const seed: OrgSeed = { ...given, roles: [...given.roles, ...clientRolesToSeed(given, options.client)] };
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
    newId: idFactoryOf(seed),
  };
}

function resetRuntime(rt: Runtime): void {
  rt.store = new OrgStore(rt.seed, rt.real.behaviours);
  rt.stats.reset();
  rt.limiter.clear();
  for (const family of rt.familyLimiters.values()) family.clear();
  rt.faults.reset();
  rt.real.reset();
}

const statsOf = (rt: Runtime): SandboxStats => ({ ...rt.stats.snapshot(), real: { ...rt.real.answered } });

/** Sends a counted response; its status, for the in-flight write tracking. */
function send(
  rt: Runtime,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
): number {
  rt.stats.response(status);
  writeJson(res, status, body, headers);
  return status;
}

function sendError(rt: Runtime, res: ServerResponse, err: ApiError, headers: Record<string, string>): number {
  const contextId = headers['inin-correlation-id'] ?? randomUUID();
  const body = errorBody(err.status, err.code, err.message, contextId, err.details);
  if (err instanceof ForbiddenError) {
    body.messageWithParams = err.messageWithParams;
    body.messageParams = err.messageParams;
  }
  return send(rt, res, err.status, body, { ...headers, ...err.headers });
}

function admin(rt: Runtime, method: string, path: string, query: URLSearchParams, res: ServerResponse): void {
  const key = `${method} ${path}`;
  if (key === 'GET /__sandbox/stats') return writeAdmin(res, 200, statsOf(rt));
  if (key === 'GET /__sandbox/state') return writeAdmin(res, 200, rt.store.dump());
  if (key === 'POST /__sandbox/reset') {
    resetRuntime(rt);
    return writeAdmin(res, 204);
  }
  if (key === 'POST /__sandbox/expire-tokens') {
    // ?client=ID: only that client's tokens (one client of a pool whose token expires).
    rt.clients.expire(query.get('client'));
    return writeAdmin(res, 204);
  }
  writeAdmin(res, 404, { message: `No sandbox admin route ${key}`, code: 'not.found', status: 404 });
}

/** One request on its way through serve(): where it goes and what answers it. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  query: URLSearchParams;
  match: RouteMatch | null;
}

function runHandler(rt: Runtime, ex: Exchange, match: RouteMatch, text: string): ApiResult {
  let body: unknown;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'bad.request', 'The request body is not valid JSON.');
    }
  }
  const ctx: HandlerContext = {
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
    newId: rt.newId,
  };
  return match.route.handler(ctx);
}

async function handle(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const { path, query } = splitTarget(req.url ?? '/');
  if (path.startsWith('/__sandbox/')) {
    await readBody(req);
    return admin(rt, method, path, query, res);
  }
  // Who the token belongs to decides what /tokens/me and /oauth/clients/{id} say; an unknown
  // token gets the main client's answers to match, and its 401 in serve().
  const caller = rt.clients.clientOf(bearerOf(req.headers), Date.now()) ?? rt.clients.main;
  const match = path.startsWith('/api/v2/')
    ? (caller.identity.match(method, path) ?? router.match(method, path))
    : null;
  const routeKey =
    path === '/oauth/token'
      ? `${method} /oauth/token`
      : match
        ? match.route.statsKey
        : `${method} (unknown route)`;
  rt.stats.request(routeKey);
  const ex: Exchange = { req, res, method, path, query, match };
  // A version-checked write is in flight from its arrival to its response (latency included).
  const writeUserId = match?.route.userWrite ? match.params.userId : undefined;
  if (writeUserId === undefined) {
    await serve(rt, ex);
    return;
  }
  rt.real.beginWrite(writeUserId);
  let status: number | null = null;
  try {
    status = await serve(rt, ex);
  } finally {
    rt.real.endWrite(writeUserId, status !== null && status < 300, Date.now());
  }
}

/** Everything after routing; the status of the work (null when the socket was dropped before it). */
async function serve(rt: Runtime, ex: Exchange): Promise<number | null> {
  const isApi = ex.path.startsWith('/api/v2/');
  const fault: FaultDecision = isApi ? rt.faults.next() : { kind: null, spikeMs: 0 };
  const text = await readBody(ex.req);
  if (fault.spikeMs > 0) rt.stats.fault('latencySpike');
  const delay = rt.settings.latencyMs + fault.spikeMs;
  if (delay > 0) await sleep(delay);

  const correlationId = randomUUID();
  if (ex.path === '/oauth/token') {
    const request = { method: ex.method, headers: ex.req.headers, text, now: Date.now() };
    const result = oauthToken(rt.clients, rt.settings.tokenTtlSeconds, request);
    return send(rt, ex.res, result.status, result.body, { 'inin-correlation-id': correlationId });
  }
  if (!isApi) {
    const body = errorBody(404, 'not.found', `No route for ${ex.method} ${ex.path}`, correlationId);
    return send(rt, ex.res, 404, body, { 'inin-correlation-id': correlationId });
  }
  return serveApi(rt, ex, fault, text, correlationId);
}

/** An /api/v2 request past the latency: the gates in order, then the handler. */
function serveApi(
  rt: Runtime,
  ex: Exchange,
  fault: FaultDecision,
  text: string,
  correlationId: string,
): number | null {
  const headers: Record<string, string> = {
    'inin-correlation-id': correlationId,
    'inin-ratelimit-allowed': String(rt.settings.rateLimit),
    'inin-ratelimit-count': '0',
    'inin-ratelimit-reset': String(Math.ceil(rt.settings.rateWindowMs / 1000)),
  };
  const caller = authenticate(rt, ex);
  if (caller instanceof ApiError) return sendError(rt, ex.res, caller, headers);
  const limited = rateLimitGate(rt, caller.token, ex.match, headers);
  if (limited) return sendError(rt, ex.res, limited, headers);
  if (fault.kind) rt.stats.fault(fault.kind);
  if (fault.kind === 'drop') {
    ex.req.socket.destroy();
    return null;
  }
  const injected = injectedError(fault);
  if (injected) return sendError(rt, ex.res, injected, headers);
  if (!ex.match) {
    const notFound = new ApiError(404, 'not.found', `No route for ${ex.method} ${ex.path} in the sandbox.`);
    return sendError(rt, ex.res, notFound, headers);
  }
  const operation = `${ex.method} ${ex.match.route.template}`;
  const denied = accessCheck(caller.client.access, rt.store, operation, ex.match.params, text);
  if (denied) return sendError(rt, ex.res, denied, headers);
  return answer(rt, ex, ex.match, text, fault, headers);
}

/** The bearer token and its client, or the 401 Genesys gives without one or with a bad one. */
function authenticate(rt: Runtime, ex: Exchange): { token: string; client: SandboxClientState } | ApiError {
  const token = bearerOf(ex.req.headers);
  if (!token) {
    return new ApiError(
      401,
      'authentication.required',
      'No authentication bearer token specified in authorization header.',
    );
  }
  const client = rt.clients.clientOf(token, Date.now());
  if (client === null) return new ApiError(401, 'bad.credentials', 'Invalid login credentials.');
  return { token, client };
}

/**
 * The token's limit, then its route family's own (setting the inin-ratelimit-* headers of the one
 * that answers, so a client can learn each family's limit); the 429 of the one exceeded, else null.
 */
function rateLimitGate(
  rt: Runtime,
  token: string,
  match: RouteMatch | null,
  headers: Record<string, string>,
): ApiError | null {
  const seconds = Math.ceil(rt.settings.rateWindowMs / 1000);
  const overLimit = (limit: number, resetSeconds: number, what: string): ApiError =>
    new ApiError(
      429,
      'too.many.requests',
      `Rate limit exceeded the maximum${what}. [${limit}] requests for [${seconds}] seconds`,
      [],
      { 'retry-after': String(resetSeconds) },
    );
  const rate = rt.limiter.take(token, Date.now());
  headers['inin-ratelimit-count'] = String(rate.count);
  headers['inin-ratelimit-reset'] = String(rate.resetSeconds);
  if (!rate.allowed) return overLimit(rt.settings.rateLimit, rate.resetSeconds, '');
  const family = match ? match.route.rateFamily : null;
  const familyLimiter = family ? rt.familyLimiters.get(family) : undefined;
  if (!family || !familyLimiter) return null;
  // The family's 429 waits until the family's window resets.
  const own = familyLimiter.take(token, Date.now());
  headers['inin-ratelimit-allowed'] = String(familyLimiter.limit);
  headers['inin-ratelimit-count'] = String(own.count);
  headers['inin-ratelimit-reset'] = String(own.resetSeconds);
  return own.allowed ? null : overLimit(familyLimiter.limit, own.resetSeconds, ` for ${family}`);
}

/** The error an injected 503 or 429 answers with (drop and commitThenDrop are socket resets). */
function injectedError(fault: FaultDecision): ApiError | null {
  if (fault.kind === 'rate503') {
    return new ApiError(503, 'service.unavailable', 'Service unavailable (injected by the sandbox).');
  }
  if (fault.kind === 'rate429') {
    return new ApiError(429, 'too.many.requests', 'Rate limit exceeded (injected by the sandbox).', [], {
      'retry-after': String(INJECTED_RETRY_AFTER_SECONDS),
    });
  }
  return null;
}

/** Runs the handler and answers with its result, or resets the socket after it (commitThenDrop). */
function answer(
  rt: Runtime,
  ex: Exchange,
  match: RouteMatch,
  text: string,
  fault: FaultDecision,
  headers: Record<string, string>,
): number {
  let result: ApiResult | ApiError;
  try {
    result = runHandler(rt, ex, match, text);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    result = err;
  }
  if (fault.kind === 'commitThenDrop') {
    ex.req.socket.destroy();
    // The work happened: a version-checked write still opens its race window.
    return result.status;
  }
  if (result instanceof ApiError) return sendError(rt, ex.res, result, headers);
  return send(rt, ex.res, result.status, result.body, headers);
}

function serverOf(rt: Runtime): Server {
  return createServer((req, res) => {
    handle(rt, req, res).catch((err: unknown) => {
      if (res.headersSent || req.socket.destroyed) return;
      const message = err instanceof Error ? err.message : String(err);
      const body = errorBody(500, 'internal.server.error', `Sandbox error: ${message}`, randomUUID());
      send(rt, res, 500, body, {});
    });
  });
}

/** Listens on 127.0.0.1 (port 0: a free one) and resolves the port it got. */
async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const rt = createRuntime(options);
  const server = serverOf(rt);
  const port = await listen(server, rt.settings.port);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats: () => statsOf(rt),
    state: () => rt.store.dump(),
    reset: () => resetRuntime(rt),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
