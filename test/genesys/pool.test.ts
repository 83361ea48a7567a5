// A pool of OAuth clients (src/genesys/pool.ts) through the real SDK against a loopback server that
// knows several clients, each with its own tokens: work spreads over the clients, every call about
// one person goes to one client in order, and a client whose token expires or that gets 429s
// troubles none of the others. Plus the pure parts: the pool's syntax, person keys, least-loaded.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect, LoginError, type GenesysClient } from '../../src/genesys/client.js';
import { ConfigError, parsePool, resolveConnection } from '../../src/genesys/connection.js';
import { leastLoaded, personKeyOf, sumStats } from '../../src/genesys/pool.js';
import type { TransportStats } from '../../src/genesys/transport.js';
import { secrets } from '../../src/secrets.js';

const SECRETS: Record<string, string> = {
  main: 'main-secret-0123456789',
  second: 'second-secret-0123456789',
  third: 'third-secret-0123456789',
};
const POOL = 'second:second-secret-0123456789,third:third-secret-0123456789';

interface Seen {
  client: string;
  method: string;
  path: string;
  body: unknown;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

interface PoolServer {
  url: string;
  seen: Seen[];
  /** Logins per client id. */
  logins: Map<string, number>;
  /** The tokens of this client stop working (its token expired). */
  expire(clientId: string): void;
  close(): Promise<void>;
}

/** A Genesys stand-in with several OAuth clients; `answer` sees which client sent each API call. */
async function startPoolServer(answer: (seen: Seen) => Reply | null = () => null): Promise<PoolServer> {
  const seen: Seen[] = [];
  const logins = new Map<string, number>();
  const tokens = new Map<string, string>();
  let users = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (path === '/oauth/token') {
        const basic = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64');
        const [id = '', secret = ''] = basic.toString('utf8').split(/:(.*)/s);
        if (SECRETS[id] !== secret) return reply(401, { error: 'invalid_client', description: 'bad client' });
        const count = (logins.get(id) ?? 0) + 1;
        logins.set(id, count);
        const token = `token-of-${id}-${count}`;
        tokens.set(token, id);
        return reply(200, { access_token: token, token_type: 'bearer', expires_in: 86400 });
      }
      const client = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (client === undefined)
        return reply(401, { code: 'bad.credentials', message: 'Invalid login credentials.' });
      const request: Seen = {
        client,
        method: req.method ?? '',
        path: req.url ?? '',
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
      seen.push(request);
      const given = answer(request);
      if (given) return reply(given.status, given.body, given.headers);
      if (request.method === 'POST' && path === '/api/v2/users') {
        users += 1;
        return reply(200, { id: `00000000-0000-4000-8000-${String(users).padStart(12, '0')}`, version: 1 });
      }
      reply(200, { entities: [], pageCount: 1, total: 0 }, { 'inin-ratelimit-allowed': '300' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    logins,
    expire: (clientId) => {
      for (const [token, owner] of tokens) if (owner === clientId) tokens.delete(token);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A pool of three clients, paced per second (300 per second each) so a test takes milliseconds. */
async function setUp(answer?: (seen: Seen) => Reply | null) {
  const server = await startPoolServer(answer);
  cleanups.push(() => server.close());
  const client = await connect(
    resolveConnection({
      GENESYSCLOUD_OAUTHCLIENT_ID: 'main',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRETS.main,
      GENESYSCLOUD_API_REGION: server.url,
      GENESYSCLOUD_OAUTHCLIENT_POOL: POOL,
    }),
    { transport: { windowMs: 1000, random: () => 1 } },
  );
  cleanups.push(() => client.close());
  return { server, client };
}

const userId = (n: number) => `6f1c2a4e-1b2c-4d5e-8f90-${String(n).padStart(12, '0')}`;

/** What apply does for one new person, in order: create, then the follow-ups that name the new id. */
async function onboard(client: GenesysClient, n: number): Promise<string> {
  const created = await client.users.postUsers({
    name: `Person ${n}`,
    email: `p${n}@example.com`,
    divisionId: 'home',
  });
  const id = created.id as string;
  await client.users.patchUser(id, { version: 1, title: 'Agent' });
  await client.authorization.postAuthorizationSubjectBulkadd(id, { grants: [] });
  await client.users.patchUserRoutingskillsBulk(id, []);
  await client.telephony.postTelephonyProvidersEdgesPhones({
    name: `phone ${n}`,
    site: { id: 'site' },
    phoneBaseSettings: { id: 'base' },
    lines: [],
    webRtcUser: { id },
  });
  await client.stations.getStations({ webRtcUserId: id });
  await client.users.putUserStationDefaultstationStationId(id, 'station-1');
  return id;
}

/** The user id a request is about, read the way a reviewer would: from the path or the body. */
function personOf(request: Seen): string | null {
  const path = /\/api\/v2\/(?:users|authorization\/subjects)\/([0-9a-f-]{36})/.exec(request.path);
  if (path?.[1]) return path[1];
  const station = /webRtcUserId=([0-9a-f-]{36})/.exec(request.path);
  if (station?.[1]) return station[1];
  const body = request.body as { webRtcUser?: { id?: string } } | undefined;
  return body?.webRtcUser?.id ?? null;
}

describe('a pool of OAuth clients', () => {
  it('gives a new person to the client with the fewest creates for its limit, whatever it has queued', async () => {
    const { server, client } = await setUp();
    // A second's worth of reads queued on the main client: the calls waiting do not steer new people
    // away from it (their follow-ups would make its share of the run the smaller one).
    const reads = client.onClient('main', () =>
      Promise.all(Array.from({ length: 300 }, () => client.locations.getLocations({ pageSize: 1 }))),
    );
    await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        client.users.postUsers({ name: `Person ${n}`, email: `p${n}@example.com`, divisionId: 'home' }),
      ),
    );
    const creates = server.seen.filter((r) => r.method === 'POST' && r.path === '/api/v2/users');
    const perClient = new Map<string, number>();
    for (const create of creates) perClient.set(create.client, (perClient.get(create.client) ?? 0) + 1);
    expect(Object.fromEntries(perClient)).toEqual({ main: 10, second: 10, third: 10 });
    await reads;
  });

  it('spreads new people over every client, and keeps each person on the client that created them, in order', async () => {
    const { server, client } = await setUp();
    const ids = await Promise.all(Array.from({ length: 30 }, (_, n) => onboard(client, n + 1)));

    const byPerson = new Map<string, Seen[]>();
    for (const request of server.seen) {
      const person =
        request.method === 'POST' && request.path === '/api/v2/users'
          ? null // the create: matched to its id below
          : personOf(request);
      if (person) byPerson.set(person, [...(byPerson.get(person) ?? []), request]);
    }
    const creators = new Map<string, string>();
    // The server numbered the creates in arrival order; the ids tell which create each was.
    const creates = server.seen.filter((r) => r.method === 'POST' && r.path === '/api/v2/users');
    for (const [index, create] of creates.entries())
      creators.set(`00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`, create.client);

    for (const id of ids) {
      const calls = byPerson.get(id) ?? [];
      expect(calls.map((r) => r.method + ' ' + r.path.split('?')[0]!.replace(id, '{id}'))).toEqual([
        'PATCH /api/v2/users/{id}',
        'POST /api/v2/authorization/subjects/{id}/bulkadd',
        'PATCH /api/v2/users/{id}/routingskills/bulk',
        'POST /api/v2/telephony/providers/edges/phones',
        'GET /api/v2/stations',
        'PUT /api/v2/users/{id}/station/defaultstation/station-1',
      ]);
      // Every write to one person on one client: the one that created them.
      expect(new Set(calls.map((r) => r.client)), id).toEqual(new Set([creators.get(id)]));
    }
    // And the work is spread: new people go to the client with the fewest creates for its limit
    // (equal limits here), whatever each has queued, so each created exactly a third.
    const perClient = new Map<string, number>();
    for (const create of creates) perClient.set(create.client, (perClient.get(create.client) ?? 0) + 1);
    expect([...perClient.keys()].sort()).toEqual(['main', 'second', 'third']);
    expect([...perClient.values()]).toEqual([10, 10, 10]);

    const stats = client.stats();
    expect(stats.clients?.map((c) => c.clientId)).toEqual(['main', 'second', 'third']);
    expect(stats.requests).toBe(stats.clients!.reduce((sum, c) => sum + c.requests, 0));
    expect(stats.limit).toBe(900); // each client's own 300, added up
  });

  it('sends the calls about an existing person to one client, whoever is least loaded when they first come', async () => {
    const { server, client } = await setUp();
    await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        (async () => {
          await client.users.patchUser(userId(n), { version: 1, title: 'A' });
          await client.users.patchUser(userId(n), { version: 2, department: 'B' });
          await client.users.getUser(userId(n));
        })(),
      ),
    );
    for (let n = 0; n < 12; n += 1) {
      const calls = server.seen.filter((r) => r.path.startsWith(`/api/v2/users/${userId(n)}`));
      expect(calls).toHaveLength(3);
      expect(new Set(calls.map((r) => r.client)).size).toBe(1);
    }
    expect(new Set(server.seen.map((r) => r.client))).toEqual(new Set(['main', 'second', 'third']));
  });

  it('re-logs in only the client whose token expired; the others go on with theirs', async () => {
    const { server, client } = await setUp();
    await Promise.all(Array.from({ length: 9 }, (_, n) => client.users.getUser(userId(n))));
    server.expire('second');
    await Promise.all(Array.from({ length: 30 }, (_, n) => client.users.getUser(userId(n))));
    expect(Object.fromEntries(server.logins)).toEqual({ main: 1, second: 2, third: 1 });
    const stats = client.stats();
    expect(stats.clients?.map((c) => [c.clientId, c.logins])).toEqual([
      ['main', 1],
      ['second', 2],
      ['third', 1],
    ]);
    // Every call answered once with a valid token; the second client's 401s were retried with its new one.
    expect(server.seen).toHaveLength(39);
    expect(stats.retries).toBeGreaterThanOrEqual(1);
  });

  it('lets a client that gets 429s wait on its own, while the others take the new work', async () => {
    let armed = false;
    let limited = 0;
    const { server, client } = await setUp((request) => {
      // Once armed, the second client's window is spent for a while: it must wait, the others need not.
      if (armed && request.client === 'second' && limited < 5) {
        limited += 1;
        return {
          status: 429,
          body: { code: 'too.many.requests', message: 'Rate limit exceeded' },
          headers: { 'retry-after': '6', 'inin-ratelimit-allowed': '300' },
        };
      }
      return null;
    });
    // Three people at once: one to each client (the least loaded takes the next).
    const early = [0, 1, 2].map((n) => userId(n));
    await Promise.all(early.map((id) => client.users.patchUser(id, { version: 1 })));
    const onSecond = early.filter((id) =>
      server.seen.some((r) => r.client === 'second' && r.path.includes(id)),
    );
    expect(onSecond).toHaveLength(1);

    armed = true;
    // The second client's person stays on it, even while it waits out its 429s (100 ms each here).
    const waiting = onSecond.map((id) => client.users.patchUser(id, { version: 2 }));
    await vi.waitFor(() => expect(client.stats().rateLimited).toBeGreaterThan(0), { interval: 1 });
    // Reads of lists (about no one) while it waits: they go to the others.
    const reads: Promise<unknown>[] = [];
    for (let n = 0; n < 20; n += 1) {
      reads.push(client.users.getUsers({ pageNumber: n + 1 }));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await Promise.all([...reads, ...waiting]);

    const stats = client.stats();
    expect(stats.clients?.map((c) => [c.clientId, c.rateLimited])).toEqual([
      ['main', 0],
      ['second', 5],
      ['third', 0],
    ]);
    const lists = server.seen.filter((r) => r.path.startsWith('/api/v2/users?'));
    expect(lists.length).toBeGreaterThanOrEqual(20);
    expect(lists.filter((r) => r.client === 'second').length).toBeLessThanOrEqual(2);
    // Its person's writes: the first, five refused with 429, the second: all on the second client.
    const writes = server.seen.filter((r) => r.path.includes(onSecond[0]!));
    expect(writes).toHaveLength(7);
    expect(new Set(writes.map((r) => r.client))).toEqual(new Set(['second']));
  });

  it('runs work on one named client (doctor checks each with its own token)', async () => {
    const { server, client } = await setUp();
    expect(client.clientIds).toEqual(['main', 'second', 'third']);
    for (const id of client.clientIds) await client.onClient(id, () => client.users.getUsers());
    expect(server.seen.map((r) => r.client)).toEqual(['main', 'second', 'third']);
    expect(() => client.onClient('nobody', () => Promise.resolve())).toThrow('no OAuth client nobody');
  });

  it('refuses a pool client it cannot log in with one line naming it and the variable, never its secret', async () => {
    const server = await startPoolServer();
    cleanups.push(() => server.close());
    const attempt = connect(
      resolveConnection({
        GENESYSCLOUD_OAUTHCLIENT_ID: 'main',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRETS.main,
        GENESYSCLOUD_API_REGION: server.url,
        GENESYSCLOUD_OAUTHCLIENT_POOL: 'second:wrong-secret-0123456789',
      }),
      { transport: { windowMs: 1000 } },
    );
    await expect(attempt).rejects.toThrow(LoginError);
    await expect(attempt).rejects.toThrow(
      `Login to ${server.url} as pool client second was refused (401 invalid_client): check that client's id:secret in GENESYSCLOUD_OAUTHCLIENT_POOL.`,
    );
    expect(secrets.scrub('wrong-secret-0123456789 and second-secret-0123456789')).not.toContain('secret-0');
  });

  it('blanks every pool secret and every pool token in output', async () => {
    const { client } = await setUp();
    await client.users.getUsers();
    for (const secret of Object.values(SECRETS)) expect(secrets.scrub(`x ${secret} y`)).toBe('x *** y');
    for (const token of ['token-of-main-1', 'token-of-second-1', 'token-of-third-1'])
      expect(secrets.scrub(token)).toBe('***');
  });
});

describe('GENESYSCLOUD_OAUTHCLIENT_POOL', () => {
  const base = {
    GENESYSCLOUD_OAUTHCLIENT_ID: 'main',
    GENESYSCLOUD_OAUTHCLIENT_SECRET: 'main-secret',
    GENESYSCLOUD_REGION: 'eu-west-1',
  };
  const errorOf = (value: string, variable = 'GENESYSCLOUD_OAUTHCLIENT_POOL') => {
    try {
      parsePool(value, variable, 'main');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it('is empty by default: one client', () => {
    expect(resolveConnection(base).pool).toEqual([]);
    expect(resolveConnection({ ...base, GENESYSCLOUD_OAUTHCLIENT_POOL: ' ' }).pool).toEqual([]);
  });

  it('reads id:secret pairs, spaces and a trailing comma allowed, a colon allowed in a secret', () => {
    const pool = parsePool(' a:s1 , b:s2:with:colons ,', 'P', 'main');
    expect(pool.map((c) => [c.clientId, c.clientSecret])).toEqual([
      ['a', 's1'],
      ['b', 's2:with:colons'],
    ]);
    // The secrets stay out of logs and JSON.
    expect(JSON.stringify(pool)).not.toContain('s1');
    expect(inspect(pool)).not.toContain('s2');
  });

  it('says in one line what is wrong with which entry, naming the variable and never a secret', () => {
    expect(errorOf('a:s1,just-a-secret-value')).toBe(
      'GENESYSCLOUD_OAUTHCLIENT_POOL: entry 2 of 2 is not id:secret; write the OAuth clients as id:secret,id:secret.',
    );
    expect(errorOf(':secret-value', 'TEAM_POOL')).toBe(
      'TEAM_POOL: entry 1 of 1 has no client id before the colon.',
    );
    expect(errorOf('b:')).toBe(
      'GENESYSCLOUD_OAUTHCLIENT_POOL: entry 1 of 1 (client b) has no secret after the colon.',
    );
    expect(errorOf('a:s1,a:s2')).toBe(
      'GENESYSCLOUD_OAUTHCLIENT_POOL: entry 2 of 2 repeats client a, already an earlier entry; each client counts once.',
    );
    expect(errorOf('main:s1')).toContain('repeats client main, already the main client');
    expect(errorOf('x y:secret-value')).toContain('characters an OAuth client id never has');
    for (const message of [errorOf('a:s1,just-a-secret-value'), errorOf('b c:hidden-value')]) {
      expect(message).not.toContain('just-a-secret-value');
      expect(message).not.toContain('hidden-value');
    }
  });

  it('is read from the variable the CLI names with --client-pool-env', () => {
    const connection = resolveConnection({
      ...base,
      GC_ONBOARD_CLIENT_POOL_ENV: 'TEAM_POOL',
      TEAM_POOL: 'x:secret-x',
      GENESYSCLOUD_OAUTHCLIENT_POOL: 'ignored:secret',
    });
    expect(connection.pool.map((c) => c.clientId)).toEqual(['x']);
    expect(connection.poolVariable).toBe('TEAM_POOL');
    expect(() =>
      resolveConnection({ ...base, GC_ONBOARD_CLIENT_POOL_ENV: 'TEAM_POOL', TEAM_POOL: 'oops' }),
    ).toThrow(/^TEAM_POOL: entry 1 of 1 is not id:secret/);
  });
});

describe('who sends a call', () => {
  const request = (url: string, data?: unknown, params?: Record<string, unknown>) => ({
    url: `https://api.mypurecloud.ie${url}`,
    data,
    params,
  });
  const id = userId(7);

  it('keys every call about one person by their id, and nothing else', () => {
    expect(personKeyOf(request(`/api/v2/users/${id}`))).toBe(`user:${id}`);
    expect(personKeyOf(request(`/api/v2/users/${id}/routingskills/bulk`))).toBe(`user:${id}`);
    expect(personKeyOf(request(`/api/v2/users/${id}/station/defaultstation/s1`))).toBe(`user:${id}`);
    expect(personKeyOf(request(`/api/v2/authorization/subjects/${id}/bulkadd`))).toBe(`user:${id}`);
    expect(personKeyOf(request('/api/v2/telephony/providers/edges/phones', { webRtcUser: { id } }))).toBe(
      `user:${id}`,
    );
    expect(personKeyOf(request('/api/v2/stations', undefined, { webRtcUserId: id }))).toBe(`user:${id}`);
    // Through a gateway's path prefix too.
    expect(personKeyOf({ url: `http://127.0.0.1:9/prefix/api/v2/users/${id}`, data: undefined })).toBe(
      `user:${id}`,
    );
    for (const none of [
      request('/api/v2/users'),
      request('/api/v2/users/search', { query: [] }),
      request('/api/v2/authorization/roles/r1', { subjectIds: [id] }),
      request('/api/v2/routing/queues/q1/members', [{ id }]),
      request('/api/v2/authorization/divisions/d1/objects/USER', [id]),
      request('/api/v2/stations'),
      request('/api/v2/locations'),
    ])
      expect(personKeyOf(none), none.url).toBeNull();
  });

  it('gives new work to the usable client with the shortest wait for its limit', () => {
    expect(
      leastLoaded([
        { outstanding: 4, limit: 300, usable: true },
        { outstanding: 1, limit: 300, usable: true },
      ]),
    ).toBe(1);
    // Twice the limit takes twice the calls for the same wait.
    expect(
      leastLoaded([
        { outstanding: 3, limit: 300, usable: true },
        { outstanding: 5, limit: 600, usable: true },
      ]),
    ).toBe(1);
    expect(
      leastLoaded([
        { outstanding: 0, limit: 300, usable: false },
        { outstanding: 9, limit: 300, usable: true },
      ]),
    ).toBe(1);
    expect(leastLoaded([{ outstanding: 0, limit: 300, usable: false }])).toBe(0);
    // A client waiting out a 429 (a tenth of its window) is further off than one with calls queued.
    expect(
      leastLoaded([
        { outstanding: 1, limit: 300, usable: true, pausedWindows: 0.1 },
        { outstanding: 20, limit: 300, usable: true, pausedWindows: 0 },
      ]),
    ).toBe(1);
  });

  it('adds up the figures of every client', () => {
    const one = (
      requests: number,
      limit: number,
      byRoute: Record<string, number>,
      limits: Record<string, number> = { users: limit },
    ): TransportStats => ({
      requests,
      byRoute,
      retries: 1,
      rateLimited: 2,
      rateLimitedByFamily: { users: 2 },
      logins: 1,
      limit,
      limits,
      windowMs: 60_000,
    });
    const sum = sumStats([
      one(3, 300, { 'GET /a': 3 }, { users: 180 }),
      one(4, 200, { 'GET /a': 1, 'GET /b': 3 }, { routing: 60 }),
    ]);
    expect(sum).toEqual({
      requests: 7,
      byRoute: { 'GET /a': 4, 'GET /b': 3 },
      retries: 2,
      rateLimited: 4,
      rateLimitedByFamily: { users: 4 },
      logins: 2,
      limit: 500,
      // A client that never called a family counts at what another learned for it.
      limits: { routing: 120, users: 360 },
      windowMs: 60_000,
    });
  });
});
