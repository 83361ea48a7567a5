// The transport's mechanics against a small loopback server written here, driven through the real
// SDK (connect → ApiClient → UsersApi → our transport), so every test also proves the SDK's calls
// and its login go through the transport.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect, LoginError, type ConnectOptions, type GenesysClient } from '../../src/genesys/client.js';
import { resolveConnection } from '../../src/genesys/connection.js';
import {
  GenesysApiError,
  routeFamily,
  routeTemplate,
  tokenLimit,
  type TransportOptions,
} from '../../src/genesys/transport.js';

interface Seen {
  method: string;
  path: string;
  authorization: string;
  /** Virtual (or real) time when the request arrived. */
  at: number;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'drop' | 'hang';
type Handler = (request: Seen, index: number) => Reply;

interface TestServer {
  url: string;
  seen: Seen[];
  /** Tokens issued. */
  logins: number;
  /** Logins asked for, refused ones included. */
  loginAttempts: number;
  /** From now on every login is refused with 401 invalid_client (a revoked client). */
  refuseLogins: boolean;
  /** Tokens the API accepts; login adds the token it issues. */
  valid: Set<string>;
  close(): Promise<void>;
}

const USER_ID = '6f1c2a4e-1b2c-4d5e-8f90-0123456789ab';
const QUEUE_ID = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

async function startServer(
  handler: Handler,
  options: {
    clock?: () => number;
    rejectLogin?: boolean;
    /** Real milliseconds before the 401 of an unknown token is sent (0: at once). */
    slow401?: (request: Seen) => number;
  } = {},
): Promise<TestServer> {
  const clock = options.clock ?? (() => performance.now());
  const state = {
    seen: [] as Seen[],
    logins: 0,
    loginAttempts: 0,
    refuseLogins: options.rejectLogin ?? false,
    valid: new Set<string>(),
  };
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (path === '/oauth/token') {
        state.loginAttempts += 1;
        if (state.refuseLogins) {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'invalid_client', description: 'client not found' }));
          return;
        }
        state.logins += 1;
        // Long enough to be scrubbed (see MIN_SECRET_LENGTH).
        const token = `access-token-${state.logins}`;
        state.valid.add(token);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: token, token_type: 'bearer', expires_in: 86400 }));
        return;
      }
      const seen: Seen = {
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization ?? '',
        at: clock(),
      };
      state.seen.push(seen);
      const token = seen.authorization.replace(/^Bearer /, '');
      const valid = state.valid.has(token);
      const reply: Reply = valid
        ? handler(seen, state.seen.length - 1)
        : {
            status: 401,
            body: { message: 'Invalid login credentials.', code: 'bad.credentials', status: 401 },
          };
      if (reply === 'hang') return;
      if (reply === 'drop') {
        req.socket.destroy();
        return;
      }
      const answer = () => {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      };
      const delay = valid ? 0 : (options.slow401?.(seen) ?? 0);
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen: state.seen,
    get logins() {
      return state.logins;
    },
    get loginAttempts() {
      return state.loginAttempts;
    },
    get refuseLogins() {
      return state.refuseLogins;
    },
    set refuseLogins(refuse: boolean) {
      state.refuseLogins = refuse;
    },
    valid: state.valid,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A clock that only moves when someone sleeps: waits are recorded, not spent. It moves only once every
 * request sent so far has reached the server, so the server stamps each with the time it was sent at,
 * and not for a sleep cut short (the pacer wakes early when a probe answers).
 */
function virtualTime() {
  let now = 0;
  const sleeps: number[] = [];
  let arrived: () => boolean = () => true;
  return {
    sleeps,
    now: () => now,
    waitForArrivals(check: () => boolean) {
      arrived = check;
    },
    sleep: async (ms: number, signal: AbortSignal) => {
      // First let a request just let through count itself, then wait for it on the server.
      await new Promise((resolve) => setImmediate(resolve));
      for (let spins = 0; !arrived() && spins < 500; spins += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      if (signal.aborted) return;
      sleeps.push(ms);
      now += ms;
    },
  };
}

const ok = (body: unknown = { entities: [], pageCount: 1, total: 0 }): Reply => ({ status: 200, body });

/** The real clock, for tests where one family must keep moving while another waits. */
const realTime: Pick<TransportOptions, 'now' | 'sleep'> = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    }),
};

const limitHeaders = (allowed: number) => ({
  'inin-ratelimit-allowed': String(allowed),
  'inin-ratelimit-count': '1',
  'inin-ratelimit-reset': '60',
});

const tooMany = (headers: Record<string, string> = {}): Reply => ({
  status: 429,
  headers,
  body: { message: 'Rate limit exceeded', code: 'too.many.requests' },
});

/** Gaps between consecutive requests. */
function gaps(requests: Seen[]): number[] {
  return requests.slice(1).map((request, index) => request.at - requests[index]!.at);
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(
  handler: Handler,
  transport: Partial<TransportOptions> = {},
  extra: ConnectOptions = {},
  slow401?: (request: Seen) => number,
) {
  const time = virtualTime();
  const server = await startServer(handler, {
    clock: transport.now ?? time.now,
    ...(slow401 ? { slow401 } : {}),
  });
  cleanups.push(() => server.close());
  const client = await connect(
    resolveConnection({
      GENESYSCLOUD_OAUTHCLIENT_ID: 'transport-client',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'transport-secret-4d1f',
      GENESYSCLOUD_API_REGION: server.url,
    }),
    { transport: { now: time.now, sleep: time.sleep, random: () => 1, ...transport }, ...extra },
  );
  cleanups.push(() => client.close());
  time.waitForArrivals(() => server.seen.length + server.logins >= client.stats().requests);
  return { server, client, time };
}

async function failure(promise: Promise<unknown>): Promise<GenesysApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GenesysApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('routeTemplate', () => {
  it('replaces ids with {id} and drops the query and any gateway prefix', () => {
    expect(routeTemplate(`https://api.mypurecloud.com/api/v2/users/${USER_ID}?expand=skills`)).toBe(
      '/api/v2/users/{id}',
    );
    expect(routeTemplate(`http://127.0.0.1:1/api/v2/routing/queues/${QUEUE_ID}/members`)).toBe(
      '/api/v2/routing/queues/{id}/members',
    );
    expect(
      routeTemplate(`https://gw.example.com/genesys/api/v2/authorization/divisions/${QUEUE_ID}/objects/USER`),
    ).toBe('/api/v2/authorization/divisions/{id}/objects/{id}');
    expect(routeTemplate('http://127.0.0.1:1/oauth/token')).toBe('/oauth/token');
  });
});

describe('routeFamily', () => {
  it('is the service: the first segment after /api/vN, or telephony/providers/edges', () => {
    expect(
      [
        '/api/v2/users',
        '/api/v2/users/search',
        '/api/v2/users/{id}/routingskills/bulk',
        '/api/v2/users/{id}/station/defaultstation/{id}',
        '/api/v2/routing/queues/{id}/members',
        '/api/v2/authorization/subjects/{id}/bulkadd',
        '/api/v2/telephony/providers/edges/phones/{id}',
        '/api/v2/telephony/providers/edges/phonebasesettings',
        '/api/v2/stations',
        '/api/v2/locations',
        '/oauth/token',
      ].map(routeFamily),
    ).toEqual([
      'users',
      'users',
      'users',
      'users',
      'routing',
      'authorization',
      'telephony/providers/edges',
      'telephony/providers/edges',
      'stations',
      'locations',
      'oauth',
    ]);
  });
});

describe('tokenLimit', () => {
  it('is the highest answer, above the configured limit only when two families agree', () => {
    expect(tokenLimit([], 300)).toBe(300);
    expect(tokenLimit([200], 300)).toBe(200); // the first answer, as every family will give it
    expect(tokenLimit([200, 200, 200], 300)).toBe(200);
    expect(tokenLimit([60, 300], 300)).toBe(300); // 60 is that family's own
    expect(tokenLimit([300, 1000], 300)).toBe(300); // one family's high header
    expect(tokenLimit([600, 600, 60], 300)).toBe(600); // a raised token limit
  });
});

describe('GenesysTransport through the SDK', () => {
  it('waits for Retry-After on a 429 and then retries', async () => {
    const { server, client, time } = await setUp((_, index) =>
      index === 0
        ? {
            status: 429,
            headers: { 'retry-after': '7' },
            body: { message: 'Rate limit exceeded', code: 'too.many.requests' },
          }
        : ok(),
    );
    await client.users.getUsers({ pageSize: 1 });
    expect(server.seen).toHaveLength(2);
    // The retry arrived no earlier than 7 s (virtual) after the 429.
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(7000);
    expect(time.sleeps).toContain(7000);
    expect(client.stats()).toMatchObject({ rateLimited: 1, retries: 1, requests: 3 });
  });

  it('makes every waiting call wait out a 429, not only the one that got it', async () => {
    const { server, client } = await setUp((_, index) =>
      index === 0
        ? { status: 429, headers: { 'retry-after': '3' }, body: { code: 'too.many.requests' } }
        : ok(),
    );
    await Promise.all([1, 2, 3].map((pageNumber) => client.users.getUsers({ pageNumber })));
    const [first, ...rest] = server.seen;
    expect(rest).toHaveLength(3);
    for (const later of rest) expect(later.at - first!.at).toBeGreaterThanOrEqual(3000);
  });

  it('retries a 503 with exponential backoff and jitter', async () => {
    const { server, client, time } = await setUp(
      (_, index) =>
        index < 3
          ? { status: 503, body: { message: 'Service unavailable', code: 'service.unavailable' } }
          : ok(),
      { random: () => 0, baseBackoffMs: 400 },
    );
    await client.users.getUsers();
    expect(server.seen).toHaveLength(4);
    // random() = 0 gives the low end of the jitter: half of 400 × 2^(n−1).
    expect(time.sleeps.filter((ms) => ms >= 100)).toEqual([200, 400, 800]);
    expect(client.stats().retries).toBe(3);
  });

  it('caps the backoff', async () => {
    const { client, time } = await setUp((_, index) => (index < 4 ? { status: 500 } : ok()), {
      baseBackoffMs: 1000,
      maxBackoffMs: 3000,
    });
    await client.users.getUsers();
    expect(time.sleeps.filter((ms) => ms >= 500)).toEqual([1000, 2000, 3000, 3000]);
  });

  it('retries a dropped connection, a write included', async () => {
    const { server, client } = await setUp((request, index) =>
      index === 0 ? 'drop' : ok({ id: USER_ID, name: 'A', version: 1, method: request.method }),
    );
    const user = await client.users.postUsers({ name: 'A', email: 'a@example.com', divisionId: 'd' });
    expect(user.id).toBe(USER_ID);
    expect(server.seen.map((request) => request.method)).toEqual(['POST', 'POST']);
    expect(client.stats().byRoute['POST /api/v2/users']).toBe(2);
  });

  it('retries a request that times out', async () => {
    const { server, client } = await setUp((_, index) => (index === 0 ? 'hang' : ok()), { timeoutMs: 150 });
    await client.users.getUsers();
    expect(server.seen).toHaveLength(2);
  });

  it('logs in again once on a 401 and retries with the new token', async () => {
    const tokens: string[] = [];
    const { server, client } = await setUp(() => ok(), {}, { onToken: (token) => tokens.push(token) });
    server.valid.delete('access-token-1'); // the token expires
    await client.users.getUsers();
    expect(server.seen.map((request) => request.authorization)).toEqual([
      'Bearer access-token-1',
      'Bearer access-token-2',
    ]);
    expect(server.logins).toBe(2);
    expect(tokens).toEqual(['access-token-1', 'access-token-2']);
    expect(client.stats()).toMatchObject({ logins: 2, retries: 1 });
  });

  it('shares one re-login among the calls that hit 401 together', async () => {
    const { server, client } = await setUp(() => ok());
    server.valid.delete('access-token-1');
    await Promise.all([1, 2, 3, 4, 5].map((pageNumber) => client.users.getUsers({ pageNumber })));
    expect(server.logins).toBe(2);
    expect(server.seen.filter((request) => request.authorization === 'Bearer access-token-2')).toHaveLength(
      5,
    );
  });

  it('gives up after maxTries and says how many tries it made', async () => {
    const { server, client } = await setUp(() => ({
      status: 503,
      body: { message: 'The service is\n  unavailable', code: 'service.unavailable', contextId: 'ctx-9' },
    }));
    const error = await failure(client.users.getUser(USER_ID));
    expect(server.seen).toHaveLength(6);
    expect(error.message).toBe(
      '503 service.unavailable: The service is unavailable (GET /api/v2/users/{id}) after 6 tries',
    );
    expect(error).toMatchObject({ status: 503, code: 'service.unavailable', contextId: 'ctx-9', tries: 6 });
  });

  it('honours a configured number of tries and says when nothing answered', async () => {
    const { server, client } = await setUp(() => 'drop', { maxTries: 3 });
    const error = await failure(client.users.getUsers());
    expect(server.seen).toHaveLength(3);
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/^no response \(\w+\): .+ \(GET \/api\/v2\/users\) after 3 tries$/);
  });

  it('does not retry a 4xx answer', async () => {
    const { server, client } = await setUp(() => ({
      status: 404,
      body: { message: 'User not found', code: 'not.found' },
    }));
    await failure(client.users.getUser(USER_ID));
    expect(server.seen).toHaveLength(1);
  });

  it('reports an error as one line with no headers and no token, even if the server echoes it', async () => {
    const { client } = await setUp((request) => ({
      status: 409,
      headers: { 'set-cookie': 'session=abc', 'inin-correlation-id': 'corr-1' },
      body: {
        message: `The email\nis already in use`,
        code: 'general.conflict',
        status: 409,
        details: [{ errorCode: 'x', fieldName: request.authorization }],
      },
    }));
    const error = await failure(
      client.users.postUsers({ name: 'A', email: 'a@example.com', divisionId: 'd' }),
    );
    expect(error.message).toBe('409 general.conflict: The email is already in use (POST /api/v2/users)');
    expect(error.contextId).toBe('corr-1');
    for (const shown of [
      error.message,
      JSON.stringify(error),
      inspect(error, { depth: 5 }),
      String(error.stack),
    ]) {
      expect(shown).not.toContain('access-token-1');
      expect(shown).not.toContain('session=abc');
      expect(shown).not.toMatch(/authorization/i);
    }
    expect(error).not.toHaveProperty('response');

    const echo = await setUp((request) => ({
      status: 400,
      body: { message: `bad token ${request.authorization}` },
    }));
    const echoed = await failure(echo.client.users.getUsers());
    expect(echoed.message).toBe('400: bad token Bearer *** (GET /api/v2/users)');
  });

  it('scrubs a token echoed in any field of an error body, not only its message', async () => {
    const { client } = await setUp((request) => {
      const token = request.authorization.replace('Bearer ', '');
      return {
        status: 400,
        body: {
          code: token,
          error: token,
          message: `token ${encodeURIComponent(token)} or ${Buffer.from(token).toString('base64')}`,
          contextId: token,
        },
      };
    });
    const error = await failure(client.users.getUsers());
    expect(error.message).toBe('400 ***: token *** or *** (GET /api/v2/users)');
    expect(error.code).toBe('***');
    expect(error.contextId).toBe('***');
    expect(JSON.stringify(error) + inspect(error, { depth: 5 })).not.toContain('access-token');
  });

  it('scrubs an earlier token and credentials that a server echoes back', async () => {
    const { server, client } = await setUp((request) => ({
      status: 400,
      body: {
        message: `got ${request.authorization}, before that access-token-1, login Basic aWQ6c2VjcmV0LXNlY3JldC12YWx1ZQ==`,
      },
    }));
    server.valid.delete('access-token-1'); // the first call gets a 401, logs in again and sends token-2
    const error = await failure(client.users.getUsers());
    expect(error.message).toBe('400: got Bearer ***, before that ***, login Basic *** (GET /api/v2/users)');
  });

  it('turns refused credentials into one fatal LoginError line', async () => {
    const server = await startServer(() => ok(), { rejectLogin: true });
    cleanups.push(() => server.close());
    const attempt = connect(
      resolveConnection({
        GENESYSCLOUD_OAUTHCLIENT_ID: 'transport-client',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'very-secret',
        GENESYSCLOUD_API_REGION: server.url,
      }),
    );
    await expect(attempt).rejects.toThrow(LoginError);
    await expect(attempt).rejects.toThrow(
      `Login to ${server.url} was refused (401 invalid_client): check GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION.`,
    );
  });

  it('says when the login host cannot be reached', async () => {
    const server = await startServer(() => ok());
    await server.close(); // nothing listens on that port any more
    const attempt = connect(
      resolveConnection({
        GENESYSCLOUD_OAUTHCLIENT_ID: 'transport-client',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'transport-secret-4d1f',
        GENESYSCLOUD_API_REGION: server.url,
      }),
      { transport: { maxTries: 2, baseBackoffMs: 1 } },
    );
    await expect(attempt).rejects.toThrow(
      new RegExp(`^Cannot reach ${server.url} to log in \\(ECONNREFUSED: `),
    );
  });

  it('counts requests by route template, with totals', async () => {
    const { client } = await setUp(() => ok());
    await Promise.all([
      client.users.getUser(USER_ID),
      client.users.getUser('7a1c2a4e-1b2c-4d5e-8f90-0123456789ab'),
      client.users.getUserQueues(USER_ID),
      client.routing.getRoutingQueueMembers(QUEUE_ID),
      client.users.getUsers(),
    ]);
    expect(client.stats()).toEqual({
      requests: 6,
      retries: 0,
      rateLimited: 0,
      rateLimitedByFamily: {},
      logins: 1,
      limit: 300,
      limits: {},
      windowMs: 60_000,
      byRoute: {
        'GET /api/v2/routing/queues/{id}/members': 1,
        'GET /api/v2/users': 1,
        'GET /api/v2/users/{id}': 2,
        'GET /api/v2/users/{id}/queues': 1,
        'POST /oauth/token': 1,
      },
      // One client (no pool): its own figures are the totals.
      clients: [{ clientId: 'transport-client', requests: 6, rateLimited: 0, logins: 1, limit: 300 }],
    });
  });

  it('waits for the window to reset when the headers say it is used up', async () => {
    // Another client already spent this token's window: count = allowed, 30 "seconds" to go (half of a 1 s test window).
    const { server, client } = await setUp(
      (_, index) => ({
        status: 200,
        body: { entities: [] },
        headers:
          index === 0
            ? { 'inin-ratelimit-allowed': '50', 'inin-ratelimit-count': '50', 'inin-ratelimit-reset': '30' }
            : { 'inin-ratelimit-allowed': '50', 'inin-ratelimit-count': '1', 'inin-ratelimit-reset': '59' },
      }),
      { windowMs: 1000 },
    );
    await Promise.all([1, 2].map((pageNumber) => client.users.getUsers({ pageNumber })));
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(500);
  });
});

const badCredentials: Reply = {
  status: 401,
  body: { message: 'Invalid login credentials.', code: 'bad.credentials', status: 401 },
};

// Issue 15: three token invalidations in one apply failed 91 of 100 rows. Every call in flight must
// survive any number of them, each costing one login, and a client whose logins stop working must
// fail at once with one line.
describe('re-login when tokens are invalidated', () => {
  it('logs in again each time the token is invalidated during one call, up to three times', async () => {
    let expiries = 0;
    const { server, client } = await setUp((request) => {
      // The API drops the token the call was just retried with, twice.
      if (expiries >= 2) return ok();
      expiries += 1;
      server.valid.delete(request.authorization.replace('Bearer ', ''));
      return badCredentials;
    });
    server.valid.delete('access-token-1');
    await client.users.getUsers();
    expect(server.seen.map((request) => request.authorization)).toEqual([
      'Bearer access-token-1',
      'Bearer access-token-2',
      'Bearer access-token-3',
      'Bearer access-token-4',
    ]);
    expect(client.stats().logins).toBe(4);
  });

  it('retries a 401 on a token that was already replaced at once, without another login', async () => {
    const { server, client } = await setUp(
      () => ok(),
      {},
      {},
      // The 401 of page 1 arrives after page 2's has already brought a new token.
      (request) => (request.path.includes('pageNumber=1') ? 150 : 0),
    );
    await client.users.getUsers(); // the route's first call goes alone; now both go together
    server.valid.delete('access-token-1');
    await Promise.all([client.users.getUsers({ pageNumber: 1 }), client.users.getUsers({ pageNumber: 2 })]);
    expect(server.loginAttempts).toBe(2);
    expect(
      server.seen.filter((request) => request.path.includes('pageNumber=1')).map((r) => r.authorization),
    ).toEqual(['Bearer access-token-1', 'Bearer access-token-2']);
  });

  it('sends the calls that were waiting during a re-login with the new token', async () => {
    const { server, client } = await setUp(() => ok());
    server.valid.delete('access-token-1');
    await Promise.all([1, 2, 3, 4, 5].map((pageNumber) => client.users.getUsers({ pageNumber })));
    // The first call learnt of the expiry; the four paced behind it never sent the dead token.
    expect(server.seen.filter((request) => request.authorization === 'Bearer access-token-1')).toHaveLength(
      1,
    );
    expect(server.seen.filter((request) => request.authorization === 'Bearer access-token-2')).toHaveLength(
      5,
    );
    expect(server.logins).toBe(2);
  });

  it('spends neither the 5xx nor the 429 budget on re-logins', async () => {
    const { server, client } = await setUp(
      (request, index) => {
        if (index === 0) return { status: 503, body: { code: 'service.unavailable' } };
        if (index === 2) return tooMany({ 'retry-after': '0' });
        if (index === 1 || index === 3) {
          server.valid.delete(request.authorization.replace('Bearer ', ''));
          return badCredentials;
        }
        return ok();
      },
      { maxTries: 2, maxRateLimitedTries: 2 },
    );
    await client.users.getUsers();
    expect(server.seen).toHaveLength(5);
    expect(server.logins).toBe(3);
  });

  it("fails every call with the login's one line once a re-login is refused, and logs in no more", async () => {
    const { server, client } = await setUp(() => ok());
    await client.users.getUsers();
    server.refuseLogins = true; // the client is revoked: its token stops working, and so does its login
    server.valid.clear();
    const calls = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((pageNumber) => client.users.getUsers({ pageNumber })),
    );
    const line = `Login to ${server.url} was refused (401 invalid_client): check GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION.`;
    for (const call of calls) {
      expect(call.status).toBe('rejected');
      expect(call.status === 'rejected' && String((call.reason as Error).message)).toBe(line);
    }
    expect(server.loginAttempts).toBe(2);
    const seen = server.seen.length;
    await expect(client.users.getUsers()).rejects.toThrow(line);
    expect(server.seen).toHaveLength(seen); // not even sent
    expect(server.loginAttempts).toBe(2);
  });

  it('gives up with one line when three fresh tokens in a row are refused, and fails later calls at once', async () => {
    const { server, client } = await setUp(() => badCredentials);
    const error = await failure(client.users.getUsers());
    expect(error.message).toBe(
      '401 bad.credentials: Invalid login credentials. 3 new tokens in a row were refused: the OAuth client may have been revoked or lost its roles. (GET /api/v2/users)',
    );
    expect(server.logins).toBe(4);
    expect(server.seen).toHaveLength(4);
    const again = await failure(client.users.getUser(USER_ID));
    expect(again.status).toBe(401);
    expect(server.seen).toHaveLength(4);
    expect(server.logins).toBe(4);
  });

  it('starts counting again after a fresh token works', async () => {
    let calls = 0;
    const { server, client } = await setUp((request) => {
      calls += 1;
      // Every other answer, the token just used expires: a long run with many expiries.
      if (calls % 2 === 1) {
        server.valid.delete(request.authorization.replace('Bearer ', ''));
        return badCredentials;
      }
      return ok();
    });
    for (let i = 0; i < 6; i += 1) await client.users.getUsers();
    expect(server.logins).toBe(7);
  });
});

describe('429s have a budget of their own', () => {
  it('waits as long as Retry-After says, past the 5xx budget', async () => {
    const { server, client } = await setUp((_, index) =>
      index < 10 ? tooMany({ 'retry-after': '30' }) : ok(),
    );
    await client.users.getUsers();
    expect(server.seen).toHaveLength(11);
    // Virtual time: every retry came 30 s after the 429 before it, to the millisecond.
    expect(gaps(server.seen)).toEqual(Array.from({ length: 10 }, () => 30_000));
    expect(client.stats()).toMatchObject({
      rateLimited: 10,
      rateLimitedByFamily: { users: 10 },
      retries: 10,
    });
  });

  it('scales Retry-After with a test window', async () => {
    const { server, client } = await setUp(
      (_, index) => (index < 2 ? tooMany({ 'retry-after': '30' }) : ok()),
      {
        windowMs: 6000,
      },
    );
    await client.users.getUsers();
    expect(gaps(server.seen)).toEqual([3000, 3000]);
  });

  it('backs off 1 s, 2 s, … up to 30 s when no Retry-After comes', async () => {
    const { server, client } = await setUp((_, index) => (index < 7 ? tooMany() : ok()));
    await client.users.getUsers();
    // random() = 1: the top of the jitter.
    expect(gaps(server.seen)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('gives up after 20 429s and says so', async () => {
    const { server, client } = await setUp(() => tooMany({ 'retry-after': '1' }));
    const error = await failure(client.users.getUsers());
    expect(server.seen).toHaveLength(20);
    expect(error.message).toBe(
      '429 too.many.requests: Rate limit exceeded (GET /api/v2/users) after 20 tries, 20 of them rate limited (429)',
    );
    expect(error).toMatchObject({ status: 429, tries: 20, rateLimited: 20 });
    expect(client.stats().rateLimited).toBe(20);

    const impatient = await setUp(() => tooMany({ 'retry-after': '1' }), { maxRateLimitedTries: 3 });
    await failure(impatient.client.users.getUsers());
    expect(impatient.server.seen).toHaveLength(3);
  });

  it('keeps the 5xx budget whole after 429s, and the 429 budget after 5xx', async () => {
    const reply = (index: number, plan: [count: number, reply: Reply][]): Reply => {
      for (const [count, answer] of plan) {
        if (index < count) return answer;
        index -= count;
      }
      return ok();
    };
    const unavailable: Reply = { status: 503, body: { message: 'Unavailable', code: 'service.unavailable' } };
    const limited = tooMany({ 'retry-after': '1' });

    // 5 × 429, then 5 × 503 (one short of maxTries), then 200.
    const first = await setUp((_, index) =>
      reply(index, [
        [5, limited],
        [5, unavailable],
      ]),
    );
    await first.client.users.getUsers();
    expect(first.server.seen).toHaveLength(11);

    // 5 × 503, then 3 × 429 (one short of a budget of 4), then 200.
    const second = await setUp(
      (_, index) =>
        reply(index, [
          [5, unavailable],
          [3, limited],
        ]),
      {
        maxRateLimitedTries: 4,
      },
    );
    await second.client.users.getUsers();
    expect(second.server.seen).toHaveLength(9);

    // 3 × 429, then 503 for good: six 503s end it, and the line counts the 429s too.
    const third = await setUp((_, index) =>
      reply(index, [
        [3, limited],
        [Infinity, unavailable],
      ]),
    );
    const error = await failure(third.client.users.getUsers());
    expect(third.server.seen).toHaveLength(9);
    expect(error.message).toBe(
      '503 service.unavailable: Unavailable (GET /api/v2/users) after 9 tries, 3 of them rate limited (429)',
    );
  });
});

describe('pacing per route and route family', () => {
  const isRouting = (request: Seen) => request.path.startsWith('/api/v2/routing/');

  /**
   * Slot after slot at `spacing`: any two requests k slots apart are at least k spacings apart, less
   * the catch-up of 0.5 % of the window (300 ms) a late grant may make up.
   */
  function expectSpacedBy(requests: Seen[], spacing: number) {
    for (const [i, earlier] of requests.entries()) {
      for (const [j, later] of requests.entries()) {
        if (j > i) expect(later.at - earlier.at).toBeGreaterThanOrEqual((j - i) * spacing - 300);
      }
    }
  }

  it('paces the routes of a family that answered a lower limit together at it, the rest at the token limit', async () => {
    const { server, client } = await setUp((request) => ({
      status: 200,
      body: { entities: [] },
      headers: limitHeaders(isRouting(request) ? 60 : 300),
    }));
    // The low one answers first: its 60 is taken as everyone's until users says 300.
    await client.routing.getRoutingQueues();
    await client.routing.getRoutingSkills();
    await client.users.getUsers();
    expect(client.stats()).toMatchObject({ limit: 300, limits: { routing: 60, users: 300 } });

    const start = server.seen.length;
    // Interleaved, so both wait at once: 8 users, 4 routing/queues, 4 routing/skills.
    await Promise.all(
      Array.from({ length: 8 }, (_, index) => [
        client.users.getUsers({ pageNumber: index + 1 }),
        index % 2 === 0
          ? client.routing.getRoutingQueues({ pageNumber: index + 1 })
          : client.routing.getRoutingSkills({ pageNumber: index + 1 }),
      ]).flat(),
    );
    const batch = server.seen.slice(start);
    const routing = batch.filter(isRouting);
    const users = batch.filter((request) => !isRouting(request));
    // Both routing routes share 60 (1,010 ms apart with the 1 % margin): users' 300 sped none up.
    expectSpacedBy(routing, 1010);
    // Meanwhile users at 300 (202 ms), a routing request taking a token slot now and then: routing's 60
    // did not slow them, all eight went before the third routing request.
    expectSpacedBy(users, 202);
    expect(users.at(-1)!.at - users[0]!.at).toBeLessThanOrEqual(7 * 2 * 202);
    expect(users.at(-1)!.at).toBeLessThan(routing[2]!.at);
    expect(client.stats().rateLimited).toBe(0);
  });

  it('never speeds a route up from another header, and a low route slows no sibling', async () => {
    let searches = 0;
    const { server, client } = await setUp((request) => ({
      status: 200,
      body: { entities: [] },
      // Like the sandbox's users search: POST /users/search has 60 of its own (and later answers the
      // token's 300, as a server may); the rest of users and routing answer 300; stations says 1,000.
      headers: limitHeaders(
        request.path.startsWith('/api/v2/users/search')
          ? searches++ === 0
            ? 60
            : 300
          : request.path.startsWith('/api/v2/stations')
            ? 1000
            : 300,
      ),
    }));
    const search = (pageNumber: number) => client.users.postUsersSearch({ pageNumber, query: [] });
    await search(1);
    await client.users.getUsers();
    await client.routing.getRoutingQueues();
    await client.stations.getStations();
    // One family's 1,000 lifts neither the token's pace nor any other route.
    expect(client.stats()).toMatchObject({
      limit: 300,
      limits: { 'POST /api/v2/users/search': 60, routing: 300, stations: 1000, users: 300 },
    });

    let start = server.seen.length;
    await Promise.all([2, 3, 4, 5].map(search));
    expectSpacedBy(server.seen.slice(start), 1010);

    start = server.seen.length;
    await Promise.all([1, 2, 3, 4].map((pageNumber) => client.users.getUsers({ pageNumber })));
    expect(gaps(server.seen.slice(start)).slice(1)).toEqual([202, 202]);

    start = server.seen.length;
    await Promise.all([1, 2, 3, 4].map((pageNumber) => client.stations.getStations({ pageNumber })));
    expect(gaps(server.seen.slice(start)).slice(1)).toEqual([202, 202]);
  });

  it("sends each route's first request alone, so its answer sets the pace of the rest", async () => {
    const { server, client } = await setUp((request) => ({
      status: 200,
      body: { entities: [] },
      headers: limitHeaders(isRouting(request) ? 60 : 300),
    }));
    await client.users.getUsers(); // the token's 300
    const start = server.seen.length;
    await Promise.all([1, 2, 3].map((pageNumber) => client.routing.getRoutingQueues({ pageNumber })));
    // Without the probe the second would follow at the token's 202 ms.
    expectSpacedBy(server.seen.slice(start), 1010);
  });
});

describe('429s per route (real clock)', () => {
  // A 600 ms window: Retry-After 30 is 300 ms; routing's 60 is 10 ms apart, the token's 300 is 2 ms.
  const windowMs = 600;

  async function layeredWith429(on: 'routing' | 'users', headers: Record<string, string>) {
    let armed = false;
    const setup = await setUp(
      (request) => {
        const family = request.path.startsWith('/api/v2/routing/') ? 'routing' : 'users';
        if (armed && family === on) {
          armed = false;
          return tooMany({ ...headers, 'retry-after': '30' });
        }
        return {
          status: 200,
          body: { entities: [] },
          headers: limitHeaders(family === 'routing' ? 60 : 300),
        };
      },
      { ...realTime, windowMs },
    );
    await setup.client.users.getUsers();
    await setup.client.routing.getRoutingQueues();
    armed = true;
    return setup;
  }

  /** Starts the call that gets the 429, and once the 429 is in, a call of the other family. */
  async function race(
    client: GenesysClient,
    limitedCall: () => Promise<unknown>,
    otherCall: () => Promise<unknown>,
  ) {
    const limited = limitedCall();
    await vi.waitFor(() => expect(client.stats().rateLimited).toBe(1), { interval: 1 });
    await Promise.all([limited, otherCall()]);
  }

  it('pauses only the routes of the lower limit the 429 was for', async () => {
    const { server, client } = await layeredWith429('routing', limitHeaders(60));
    const start = server.seen.length;
    await race(
      client,
      () => client.routing.getRoutingQueues(),
      () => Promise.all([1, 2, 3].map((pageNumber) => client.users.getUsers({ pageNumber }))),
    );
    const [rejected, ...rest] = server.seen.slice(start);
    const retry = rest.find((request) => request.path.startsWith('/api/v2/routing/'))!;
    const users = rest.filter((request) => request.path.startsWith('/api/v2/users'));
    expect(retry.at - rejected!.at).toBeGreaterThanOrEqual(300 - 2);
    for (const request of users) expect(request.at).toBeLessThan(retry.at);
    expect(client.stats()).toMatchObject({ rateLimited: 1, rateLimitedByFamily: { routing: 1 } });
  });

  it('pauses everything when the 429 was for the token-wide limit, even on a route with a lower one', async () => {
    // Routing has 60 of its own, but this 429 carries the token's 300: the token's window ran out.
    const { server, client } = await layeredWith429('routing', limitHeaders(300));
    const start = server.seen.length;
    await race(
      client,
      () => client.routing.getRoutingQueues(),
      () => client.users.getUsers(),
    );
    const [rejected, ...rest] = server.seen.slice(start);
    const users = rest.find((request) => request.path.startsWith('/api/v2/users'))!;
    expect(users.at - rejected!.at).toBeGreaterThanOrEqual(300 - 2);
  });
});

describe('pacing', () => {
  it('learns inin-ratelimit-allowed and runs N calls in about N ÷ rate, without a 429', async () => {
    // A strict limiter: `allowed` requests per 1 s window per token, 429 past it. It reads the
    // injected clock (each request is stamped with it), so the band below does not depend on how
    // busy the machine is.
    const allowed = 20;
    const windowMs = 1000;
    let windowStart = -Infinity;
    let count = 0;
    let rejected = 0;
    const { client, time } = await setUp(
      (request) => {
        if (request.at - windowStart >= windowMs) {
          windowStart = request.at;
          count = 0;
        }
        count += 1;
        const resetSeconds = String(Math.ceil(((windowStart + windowMs - request.at) * 60) / windowMs));
        const headers = {
          'inin-ratelimit-allowed': String(allowed),
          'inin-ratelimit-count': String(count),
          'inin-ratelimit-reset': resetSeconds,
        };
        if (count > allowed) {
          rejected += 1;
          return {
            status: 429,
            headers: { ...headers, 'retry-after': '1' },
            body: { code: 'too.many.requests' },
          };
        }
        return { status: 200, headers, body: { entities: [] } };
      },
      // The transport starts from the default 300 per window and must learn 20 from the first response.
      { windowMs },
    );

    const calls = 30;
    const started = time.now();
    await Promise.all(
      Array.from({ length: calls }, (_, index) => client.users.getUsers({ pageNumber: index + 1 })),
    );
    const elapsed = time.now() - started;

    const ideal = (calls / allowed) * windowMs;
    expect(rejected).toBe(0);
    expect(client.stats()).toMatchObject({ limit: allowed, rateLimited: 0, retries: 0 });
    expect(elapsed).toBeGreaterThan(ideal * 0.9);
    expect(elapsed).toBeLessThan(ideal * 1.1);
  });
});
