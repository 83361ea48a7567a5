// The HTTP server: one loopback origin serving /oauth/token, /api/v2/… and /__sandbox/….
// Every /api/v2 request goes: stats → fault draw → latency → auth (401) → rate limit (429) →
// injected fault (drop, 503, 429) → the OAuth client's permissions (403, access.ts) → handler →
// response (or, for commitThenDrop, a reset socket).

import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { accessCheck, clientRolesToSeed, ForbiddenError } from './access.js';
import { ClientRegistry } from './clients.js';
import { demoOrg } from './demo-org.js';
import { ApiError, errorBody } from './errors.js';
import { FaultGenerator, RateLimiter } from './limits.js';
import { RealRuntime, realBehavioursOf } from './real.js';
import type { ApiResult, HandlerContext, RateFamily } from './router.js';
import { Router } from './router.js';
import { authorizationRoutes } from './routes/authorization.js';
import { locationRoutes } from './routes/locations.js';
import { organizationRoutes } from './routes/organization.js';
import { routingRoutes } from './routes/routing.js';
import { telephonyRoutes } from './routes/telephony.js';
import { userRoutes } from './routes/users.js';
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

class StatsCounter {
  total = 0;
  byRoute = new Map<string, number>();
  status = new Map<string, number>();
  faults = new Map<string, number>();

  private static bump(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  request(routeKey: string): void {
    this.total++;
    StatsCounter.bump(this.byRoute, routeKey);
  }

  response(status: number): void {
    StatsCounter.bump(this.status, String(status));
  }

  fault(kind: string): void {
    StatsCounter.bump(this.faults, kind);
  }

  snapshot(): Omit<SandboxStats, 'real'> {
    return {
      requests: { total: this.total, byRoute: Object.fromEntries(this.byRoute) },
      status: Object.fromEntries(this.status),
      faults: Object.fromEntries(this.faults),
    };
  }

  reset(): void {
    this.total = 0;
    this.byRoute.clear();
    this.status.clear();
    this.faults.clear();
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  if (req.method === 'GET' || req.method === 'HEAD') {
    req.resume();
    return Promise.resolve('');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function bearerOf(headers: IncomingHttpHeaders): string | null {
  const value = headers.authorization;
  if (!value) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  return match?.[1] ?? null;
}

function basicOf(headers: IncomingHttpHeaders): { id: string; secret: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const settings = settingsOf(options);
  const given: OrgSeed = options.org ?? demoOrg();
  // Roles the client option defines join the org's roles; the client's grants are checked per request.
  const seed: OrgSeed = { ...given, roles: [...given.roles, ...clientRolesToSeed(given, options.client)] };
  // Each OAuth client (`clients: N`) has its own tokens, so its own rate windows, and its own roles.
  const clients = new ClientRegistry(seed, options, settings.tokenTtlSeconds);
  const real = new RealRuntime(realBehavioursOf(options.real), options.seed ?? 1);
  const statsNow = (): SandboxStats => ({ ...stats.snapshot(), real: { ...real.answered } });
  let store = new OrgStore(seed, real.behaviours);
  const stats = new StatsCounter();
  const limiter = new RateLimiter(settings.rateLimit, settings.rateWindowMs);
  // Resource limits below the token's (real-api.md §9): a request of a family takes from both.
  const familyLimits: Array<[RateFamily, number]> = [
    ['users.search', real.behaviours.usersSearchPerMinute],
    ['telephony.phones.write', real.behaviours.phoneWritesPerMinute],
  ];
  const familyLimiters = new Map(
    familyLimits
      .filter(([, perWindow]) => perWindow > 0)
      .map(([family, perWindow]) => [
        family,
        new RateLimiter(Math.max(1, Math.floor(perWindow)), settings.rateWindowMs),
      ]),
  );
  const faults = new FaultGenerator(options.faults ?? {}, options.seed ?? 1);

  function reset(): void {
    store = new OrgStore(seed, real.behaviours);
    stats.reset();
    limiter.clear();
    for (const family of familyLimiters.values()) family.clear();
    faults.reset();
    real.reset();
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): number {
    stats.response(status);
    if (status === 204 || body === undefined) {
      res.writeHead(status, headers);
      res.end();
      return status;
    }
    const payload = JSON.stringify(body);
    res.writeHead(status, {
      ...headers,
      'content-type': 'application/json; charset=UTF-8',
      'content-length': String(Buffer.byteLength(payload)),
    });
    res.end(payload);
    return status;
  }

  function sendAdmin(res: ServerResponse, status: number, body?: unknown): void {
    const payload = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' });
    res.end(payload);
  }

  function admin(method: string, path: string, query: URLSearchParams, res: ServerResponse): void {
    const key = `${method} ${path}`;
    if (key === 'GET /__sandbox/stats') return sendAdmin(res, 200, statsNow());
    if (key === 'GET /__sandbox/state') return sendAdmin(res, 200, store.dump());
    if (key === 'POST /__sandbox/reset') {
      reset();
      return sendAdmin(res, 204);
    }
    if (key === 'POST /__sandbox/expire-tokens') {
      // ?client=ID: only that client's tokens (one client of a pool whose token expires).
      clients.expire(query.get('client'));
      return sendAdmin(res, 204);
    }
    sendAdmin(res, 404, { message: `No sandbox admin route ${key}`, code: 'not.found', status: 404 });
  }

  function oauthToken(method: string, headers: IncomingHttpHeaders, text: string): ApiResult {
    if (method !== 'POST')
      return { status: 405, body: { error: 'invalid_request', description: 'Use POST.' } };
    const client = basicOf(headers);
    if (!client || !clients.clients.some((c) => c.id === client.id && c.secret === client.secret)) {
      return {
        status: 401,
        body: { error: 'invalid_client', description: 'client not found or bad secret' },
      };
    }
    if (!(headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
      return {
        status: 400,
        body: {
          error: 'invalid_request',
          description: 'Content-Type must be application/x-www-form-urlencoded',
        },
      };
    }
    const grant = new URLSearchParams(text).get('grant_type');
    if (!grant)
      return { status: 400, body: { error: 'invalid_request', description: 'grant_type is required' } };
    if (grant !== 'client_credentials') {
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', description: `unsupported grant ${grant}` },
      };
    }
    const token = clients.login(client.id, client.secret, Date.now()) as string;
    return {
      status: 200,
      body: { access_token: token, token_type: 'bearer', expires_in: settings.tokenTtlSeconds },
    };
  }

  function apiError(res: ServerResponse, err: ApiError, headers: Record<string, string>): number {
    const contextId = headers['inin-correlation-id'] ?? randomUUID();
    const body = errorBody(err.status, err.code, err.message, contextId, err.details);
    if (err instanceof ForbiddenError) {
      body.messageWithParams = err.messageWithParams;
      body.messageParams = err.messageParams;
    }
    return send(res, err.status, body, {
      ...headers,
      ...err.headers,
    });
  }

  function runHandler(
    match: NonNullable<ReturnType<Router['match']>>,
    method: string,
    path: string,
    query: URLSearchParams,
    text: string,
  ): ApiResult {
    let body: unknown;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ApiError(400, 'bad.request', 'The request body is not valid JSON.');
      }
    }
    const ctx: HandlerContext = {
      method,
      path,
      params: match.params,
      query,
      body,
      store,
      now: Date.now(),
      userSearchLagMs: settings.userSearchLagMs,
      stationLagMs: settings.stationLagMs,
      real,
      newId: randomUUID,
    };
    return match.route.handler(ctx);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const query = new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1));
    if (path.startsWith('/__sandbox/')) {
      await readBody(req);
      return admin(method, path, query, res);
    }

    const isApi = path.startsWith('/api/v2/');
    // Who the token belongs to decides what /tokens/me and /oauth/clients/{id} say; an unknown
    // token gets the main client's answers to match, and its 401 below.
    const caller = clients.clientOf(bearerOf(req.headers), Date.now()) ?? clients.main;
    const match = isApi ? (caller.identity.match(method, path) ?? router.match(method, path)) : null;
    const routeKey =
      path === '/oauth/token'
        ? `${method} /oauth/token`
        : match
          ? match.route.statsKey
          : `${method} (unknown route)`;
    stats.request(routeKey);
    // A version-checked write is in flight from its arrival to its response (latency included).
    const writeUserId = match?.route.userWrite ? match.params.userId : undefined;
    if (writeUserId === undefined) {
      await serve(req, res, method, path, query, match);
      return;
    }
    real.beginWrite(writeUserId);
    let status: number | null = null;
    try {
      status = await serve(req, res, method, path, query, match);
    } finally {
      real.endWrite(writeUserId, status !== null && status < 300, Date.now());
    }
  }

  /** Everything after routing; the status of the work (null when the socket was dropped before it). */
  async function serve(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string,
    query: URLSearchParams,
    match: ReturnType<Router['match']>,
  ): Promise<number | null> {
    const isApi = path.startsWith('/api/v2/');
    const fault = isApi ? faults.next() : { kind: null, spikeMs: 0 };
    const text = await readBody(req);
    if (fault.spikeMs > 0) stats.fault('latencySpike');
    const delay = settings.latencyMs + fault.spikeMs;
    if (delay > 0) await sleep(delay);

    const correlationId = randomUUID();
    if (path === '/oauth/token') {
      const result = oauthToken(method, req.headers, text);
      return send(res, result.status, result.body, { 'inin-correlation-id': correlationId });
    }
    if (!isApi) {
      return send(res, 404, errorBody(404, 'not.found', `No route for ${method} ${path}`, correlationId), {
        'inin-correlation-id': correlationId,
      });
    }

    const headers: Record<string, string> = {
      'inin-correlation-id': correlationId,
      'inin-ratelimit-allowed': String(settings.rateLimit),
      'inin-ratelimit-count': '0',
      'inin-ratelimit-reset': String(Math.ceil(settings.rateWindowMs / 1000)),
    };
    const token = bearerOf(req.headers);
    if (!token) {
      return apiError(
        res,
        new ApiError(
          401,
          'authentication.required',
          'No authentication bearer token specified in authorization header.',
        ),
        headers,
      );
    }
    const client = clients.clientOf(token, Date.now());
    if (client === null) {
      return apiError(res, new ApiError(401, 'bad.credentials', 'Invalid login credentials.'), headers);
    }
    const seconds = Math.ceil(settings.rateWindowMs / 1000);
    const overLimit = (limit: number, resetSeconds: number, what: string): ApiError =>
      new ApiError(
        429,
        'too.many.requests',
        `Rate limit exceeded the maximum${what}. [${limit}] requests for [${seconds}] seconds`,
        [],
        { 'retry-after': String(resetSeconds) },
      );
    const rate = limiter.take(token, Date.now());
    headers['inin-ratelimit-count'] = String(rate.count);
    headers['inin-ratelimit-reset'] = String(rate.resetSeconds);
    if (!rate.allowed) return apiError(res, overLimit(settings.rateLimit, rate.resetSeconds, ''), headers);
    // A route family with its own limit answers with that limiter's headers, so a client can learn
    // each family's limit; its 429 waits until the family's window resets.
    const family = match ? match.route.rateFamily : null;
    const familyLimiter = family ? familyLimiters.get(family) : undefined;
    if (family && familyLimiter) {
      const own = familyLimiter.take(token, Date.now());
      headers['inin-ratelimit-allowed'] = String(familyLimiter.limit);
      headers['inin-ratelimit-count'] = String(own.count);
      headers['inin-ratelimit-reset'] = String(own.resetSeconds);
      if (!own.allowed) {
        return apiError(res, overLimit(familyLimiter.limit, own.resetSeconds, ` for ${family}`), headers);
      }
    }

    if (fault.kind) stats.fault(fault.kind);
    if (fault.kind === 'drop') {
      req.socket.destroy();
      return null;
    }
    if (fault.kind === 'rate503') {
      return apiError(
        res,
        new ApiError(503, 'service.unavailable', 'Service unavailable (injected by the sandbox).'),
        headers,
      );
    }
    if (fault.kind === 'rate429') {
      return apiError(
        res,
        new ApiError(429, 'too.many.requests', 'Rate limit exceeded (injected by the sandbox).', [], {
          'retry-after': String(INJECTED_RETRY_AFTER_SECONDS),
        }),
        headers,
      );
    }
    if (!match) {
      return apiError(
        res,
        new ApiError(404, 'not.found', `No route for ${method} ${path} in the sandbox.`),
        headers,
      );
    }

    const denied = accessCheck(client.access, store, `${method} ${match.route.template}`, match.params, text);
    if (denied) return apiError(res, denied, headers);

    let result: ApiResult | ApiError;
    try {
      result = runHandler(match, method, path, query, text);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      result = err;
    }
    if (fault.kind === 'commitThenDrop') {
      req.socket.destroy();
      // The work happened: a version-checked write still opens its race window.
      return result.status;
    }
    if (result instanceof ApiError) return apiError(res, result, headers);
    return send(res, result.status, result.body, headers);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent || req.socket.destroyed) return;
      const message = err instanceof Error ? err.message : String(err);
      send(res, 500, errorBody(500, 'internal.server.error', `Sandbox error: ${message}`, randomUUID()), {});
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats: statsNow,
    state: () => store.dump(),
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
