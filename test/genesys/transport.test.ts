// The transport's mechanics against a small loopback server written here, driven through the real
// SDK (connect → ApiClient → UsersApi → our transport), so every test also proves the SDK's calls
// and its login go through the transport.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, LoginError, type ConnectOptions, type GenesysClient } from '../../src/genesys/client.js';
import { resolveConnection } from '../../src/genesys/connection.js';
import { GenesysApiError, routeTemplate, type TransportOptions } from '../../src/genesys/transport.js';

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
  logins: number;
  /** Tokens the API accepts; login adds the token it issues. */
  valid: Set<string>;
  close(): Promise<void>;
}

const USER_ID = '6f1c2a4e-1b2c-4d5e-8f90-0123456789ab';
const QUEUE_ID = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

async function startServer(
  handler: Handler,
  options: { clock?: () => number; rejectLogin?: boolean } = {},
): Promise<TestServer> {
  const clock = options.clock ?? (() => performance.now());
  const state = { seen: [] as Seen[], logins: 0, valid: new Set<string>() };
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (path === '/oauth/token') {
        if (options.rejectLogin) {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'invalid_client', description: 'client not found' }));
          return;
        }
        state.logins += 1;
        const token = `token-${state.logins}`;
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
      const reply: Reply = state.valid.has(token)
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
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
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
    valid: state.valid,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A clock that only moves when someone sleeps: waits are recorded, not spent. */
function virtualTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: (ms: number) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

const ok = (body: unknown = { entities: [], pageCount: 1, total: 0 }): Reply => ({ status: 200, body });

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(
  handler: Handler,
  transport: Partial<TransportOptions> = {},
  extra: ConnectOptions = {},
) {
  const time = virtualTime();
  const server = await startServer(handler, { clock: transport.now ?? time.now });
  cleanups.push(() => server.close());
  const client = await connect(
    resolveConnection({
      GENESYSCLOUD_OAUTHCLIENT_ID: 'id',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'secret',
      GENESYSCLOUD_API_REGION: server.url,
    }),
    { transport: { now: time.now, sleep: time.sleep, random: () => 1, ...transport }, ...extra },
  );
  cleanups.push(() => client.close());
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
    server.valid.delete('token-1'); // the token expires
    await client.users.getUsers();
    expect(server.seen.map((request) => request.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(server.logins).toBe(2);
    expect(tokens).toEqual(['token-1', 'token-2']);
    expect(client.stats()).toMatchObject({ logins: 2, retries: 1 });
  });

  it('shares one re-login among the calls that hit 401 together', async () => {
    const { server, client } = await setUp(() => ok());
    server.valid.delete('token-1');
    await Promise.all([1, 2, 3, 4, 5].map((pageNumber) => client.users.getUsers({ pageNumber })));
    expect(server.logins).toBe(2);
    expect(server.seen.filter((request) => request.authorization === 'Bearer token-2')).toHaveLength(5);
  });

  it('fails on a second 401 after the re-login', async () => {
    const { server, client } = await setUp(() => ({
      status: 401,
      body: { message: 'Invalid login credentials.', code: 'bad.credentials' },
    }));
    const error = await failure(client.users.getUsers());
    expect(error.message).toBe('401 bad.credentials: Invalid login credentials. (GET /api/v2/users)');
    expect(server.logins).toBe(2);
    expect(server.seen).toHaveLength(2);
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
      expect(shown).not.toContain('token-1');
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

  it('scrubs an earlier token and credentials that a server echoes back', async () => {
    const { server, client } = await setUp((request) => ({
      status: 400,
      body: {
        message: `got ${request.authorization}, before that token-1, login Basic aWQ6c2VjcmV0LXNlY3JldC12YWx1ZQ==`,
      },
    }));
    server.valid.delete('token-1'); // the first call gets a 401, logs in again and sends token-2
    const error = await failure(client.users.getUsers());
    expect(error.message).toBe('400: got Bearer ***, before that ***, login Basic *** (GET /api/v2/users)');
  });

  it('turns refused credentials into one fatal LoginError line', async () => {
    const server = await startServer(() => ok(), { rejectLogin: true });
    cleanups.push(() => server.close());
    const attempt = connect(
      resolveConnection({
        GENESYSCLOUD_OAUTHCLIENT_ID: 'id',
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
        GENESYSCLOUD_OAUTHCLIENT_ID: 'id',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'secret',
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
      logins: 1,
      limit: 300,
      windowMs: 60_000,
      byRoute: {
        'GET /api/v2/routing/queues/{id}/members': 1,
        'GET /api/v2/users': 1,
        'GET /api/v2/users/{id}': 2,
        'GET /api/v2/users/{id}/queues': 1,
        'POST /oauth/token': 1,
      },
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

describe('pacing (real clock)', () => {
  it('learns inin-ratelimit-allowed and runs N calls in about N ÷ rate, without a 429', async () => {
    // A strict limiter: `allowed` requests per 1 s window per token, 429 past it.
    const allowed = 20;
    const windowMs = 1000;
    let windowStart = -Infinity;
    let count = 0;
    let rejected = 0;
    const server = await startServer(() => {
      const now = performance.now();
      if (now - windowStart >= windowMs) {
        windowStart = now;
        count = 0;
      }
      count += 1;
      const resetSeconds = String(Math.ceil(((windowStart + windowMs - now) * 60) / windowMs));
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
    });
    cleanups.push(() => server.close());
    // The transport starts from the default 300 per window and must learn 20 from the first response.
    const client: GenesysClient = await connect(
      resolveConnection({
        GENESYSCLOUD_OAUTHCLIENT_ID: 'id',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'secret',
        GENESYSCLOUD_API_REGION: server.url,
      }),
      { transport: { windowMs } },
    );
    cleanups.push(() => client.close());

    const calls = 30;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: calls }, (_, index) => client.users.getUsers({ pageNumber: index + 1 })),
    );
    const elapsed = performance.now() - started;

    const ideal = (calls / allowed) * windowMs;
    expect(rejected).toBe(0);
    expect(client.stats()).toMatchObject({ limit: allowed, rateLimited: 0, retries: 0 });
    expect(elapsed).toBeGreaterThan(ideal * 0.9);
    expect(elapsed).toBeLessThan(ideal * 1.1);
  });
});
