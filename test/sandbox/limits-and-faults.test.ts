import platformClient from 'purecloud-platform-client-v2';
import { afterEach, describe, expect, it } from 'vitest';

import type { Sandbox, SandboxOptions } from '../../src/sandbox/index.js';
import { DEMO_IDS, startSandbox } from '../../src/sandbox/index.js';
import { mulberry32 } from '../../src/sandbox/limits.js';
import { accessToken, failure, sdkClient, sleep } from './helpers.js';

const D = DEMO_IDS;
const open: Sandbox[] = [];

async function start(options: SandboxOptions): Promise<Sandbox> {
  // The lenient sandbox: these tests isolate the limiter and the faults (real-org ones are in real-*.test.ts).
  const sandbox = await startSandbox({ real: false, ...options });
  open.push(sandbox);
  return sandbox;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function get(
  sandbox: Sandbox,
  token: string,
  path = `/api/v2/users/${D.users.james}`,
): Promise<Response> {
  const res = await fetch(`${sandbox.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  return res;
}

const rateHeaders = (res: Response) => ({
  allowed: res.headers.get('inin-ratelimit-allowed'),
  count: res.headers.get('inin-ratelimit-count'),
  reset: res.headers.get('inin-ratelimit-reset'),
});

describe('rate limiting per token', () => {
  it('counts each token’s requests in the window and says so on every response', async () => {
    const sandbox = await start({ rateLimitPerMinute: 3, rateWindowSeconds: 10 });
    const token = await accessToken(sandbox);
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push(rateHeaders(await get(sandbox, token)));
    expect(seen.map((h) => [h.allowed, h.count])).toEqual([
      ['3', '1'],
      ['3', '2'],
      ['3', '3'],
    ]);
    // Whole seconds until the window resets.
    for (const h of seen)
      expect(Number(h.reset)).toSatisfy((n: number) => Number.isInteger(n) && n >= 1 && n <= 10);
  });

  it('answers 429 too.many.requests with a whole-second Retry-After when over, then lets the next window through', async () => {
    const sandbox = await start({ rateLimitPerMinute: 2, rateWindowSeconds: 2 });
    const token = await accessToken(sandbox);
    await get(sandbox, token);
    await get(sandbox, token);
    const res = await fetch(`${sandbox.url}/api/v2/users/${D.users.james}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(429);
    const retryAfter = res.headers.get('retry-after') ?? '';
    expect(retryAfter).toMatch(/^[12]$/);
    expect(rateHeaders(res)).toEqual({ allowed: '2', count: '2', reset: retryAfter });
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ status: 429, code: 'too.many.requests' });
    expect(body.message).toContain('[2] requests for [2] seconds');
    // A refused request does not count: still refused, still count 2.
    const again = await get(sandbox, token);
    expect([again.status, rateHeaders(again).count]).toEqual([429, '2']);

    // Waiting Retry-After seconds is enough.
    await sleep(Number(retryAfter) * 1000 + 20);
    const after = await get(sandbox, token);
    expect(after.status).toBe(200);
    expect(rateHeaders(after).count).toBe('1');
    expect(sandbox.stats().status['429']).toBe(2);
  });

  it('gives every token its own budget', async () => {
    const sandbox = await start({ rateLimitPerMinute: 1, rateWindowSeconds: 60 });
    const first = await accessToken(sandbox);
    const second = await accessToken(sandbox);
    expect((await get(sandbox, first)).status).toBe(200);
    expect((await get(sandbox, first)).status).toBe(429);
    const other = await get(sandbox, second);
    expect(other.status).toBe(200);
    expect(rateHeaders(other)).toEqual({ allowed: '1', count: '1', reset: '60' });
  });

  it('puts the headers on errors too: 400, 404 and 401 (which counts nothing)', async () => {
    const sandbox = await start({ rateLimitPerMinute: 10, rateWindowSeconds: 60 });
    const token = await accessToken(sandbox);
    const notFound = await get(sandbox, token, '/api/v2/users/nobody');
    expect(notFound.status).toBe(404);
    expect(rateHeaders(notFound)).toEqual({ allowed: '10', count: '1', reset: '60' });
    const bad = await get(sandbox, token, '/api/v2/users?pageSize=501');
    expect(bad.status).toBe(400);
    expect(rateHeaders(bad).count).toBe('2');
    const unauthorised = await get(sandbox, 'wrong');
    expect(unauthorised.status).toBe(401);
    expect(rateHeaders(unauthorised)).toEqual({ allowed: '10', count: '0', reset: '60' });
  });

  it('reaches the SDK (extended responses) with the status, Retry-After and ErrorBody', async () => {
    const sandbox = await start({ rateLimitPerMinute: 1, rateWindowSeconds: 5 });
    const users = new platformClient.UsersApi(await sdkClient(sandbox));
    await users.getUser(D.users.james);
    const err = await failure(users.getUser(D.users.james));
    expect(err.status).toBe(429);
    expect(err.headers?.['retry-after']).toMatch(/^[1-5]$/);
    expect(err.body.code).toBe('too.many.requests');
  });
});

describe('the Genesys ErrorBody', () => {
  const KEYS = [
    'code',
    'contextId',
    'details',
    'errors',
    'message',
    'messageParams',
    'messageWithParams',
    'status',
  ];

  it('has the same shape for 400, 401, 404, 409, 429 and 503, with contextId = inin-correlation-id', async () => {
    const sandbox = await start({ rateLimitPerMinute: 100, rateWindowSeconds: 60 });
    const token = await accessToken(sandbox);
    const call = (method: string, path: string, body?: unknown, bearer = token) =>
      fetch(`${sandbox.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const responses = [
      await call('POST', '/api/v2/users', { name: 'No Email' }),
      await call('GET', '/api/v2/users', undefined, 'wrong'),
      await call('GET', '/api/v2/users/nobody'),
      await call('POST', '/api/v2/users', { name: 'Dup', email: 'james.okafor@northfield.edu' }),
    ];
    const limited = await start({ rateLimitPerMinute: 1, rateWindowSeconds: 60, faults: {} });
    const limitedToken = await accessToken(limited);
    await get(limited, limitedToken);
    responses.push(
      await fetch(`${limited.url}/api/v2/users`, { headers: { authorization: `Bearer ${limitedToken}` } }),
    );
    const failing = await start({ faults: { rate503: 1 } });
    const failingToken = await accessToken(failing);
    responses.push(
      await fetch(`${failing.url}/api/v2/users`, { headers: { authorization: `Bearer ${failingToken}` } }),
    );

    expect(responses.map((r) => r.status)).toEqual([400, 401, 404, 409, 429, 503]);
    for (const res of responses) {
      expect(res.headers.get('content-type')).toContain('application/json');
      const body = (await res.json()) as any;
      expect(Object.keys(body).sort(), `${res.status}`).toEqual(KEYS);
      expect(body.status).toBe(res.status);
      expect(typeof body.message).toBe('string');
      expect(body.message.length).toBeGreaterThan(0);
      expect(body.code).toMatch(/^[a-z]+(\.[a-z]+)+$/);
      expect(body.contextId).toBe(res.headers.get('inin-correlation-id'));
      expect(Array.isArray(body.details)).toBe(true);
      expect(body.errors).toEqual([]);
    }
  });
});

/** What one request met: its status, or `reset` when the connection was dropped without an answer. */
async function outcome(
  sandbox: Sandbox,
  token: string,
  init: RequestInit = {},
  path = `/api/v2/users/${D.users.james}`,
) {
  try {
    const res = await fetch(`${sandbox.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    await res.arrayBuffer();
    return String(res.status);
  } catch {
    return 'reset';
  }
}

async function outcomes(sandbox: Sandbox, n: number): Promise<string[]> {
  const token = await accessToken(sandbox);
  const result: string[] = [];
  for (let i = 0; i < n; i++) result.push(await outcome(sandbox, token));
  return result;
}

describe('fault injection', () => {
  const faults = { rate429: 0.15, rate503: 0.15, drop: 0.1, commitThenDrop: 0.1 };

  it('is seeded: the same seed gives the same fault sequence, another seed another one, reset replays it', async () => {
    const a = await start({ faults, seed: 42, rateLimitPerMinute: 10_000 });
    const b = await start({ faults, seed: 42, rateLimitPerMinute: 10_000 });
    const c = await start({ faults, seed: 7, rateLimitPerMinute: 10_000 });
    const seqA = await outcomes(a, 60);
    const seqB = await outcomes(b, 60);
    const seqC = await outcomes(c, 60);
    expect(seqB).toEqual(seqA);
    expect(seqC).not.toEqual(seqA);
    expect(new Set(seqA)).toEqual(new Set(['200', '429', '503', 'reset']));
    expect(a.stats().faults).toEqual(b.stats().faults);
    const counted = a.stats().faults;
    expect((counted.drop ?? 0) + (counted.commitThenDrop ?? 0)).toBe(
      seqA.filter((o) => o === 'reset').length,
    );
    expect(counted.rate429).toBe(seqA.filter((o) => o === '429').length);

    a.reset();
    expect(await outcomes(a, 60)).toEqual(seqA);
  });

  it('commitThenDrop commits the write and then resets the connection: a blind retry meets a conflict', async () => {
    // A seed whose first request meets commitThenDrop (share 0.5) and whose second meets nothing. The
    // generator draws two numbers per request (fault, spike), so request n uses draw 2n.
    const seed = Array.from({ length: 1000 }, (_, i) => i + 1).find((s) => {
      const random = mulberry32(s);
      const draws = Array.from({ length: 4 }, () => random());
      return draws[0]! < 0.5 && draws[2]! >= 0.5;
    })!;
    const sandbox = await start({ faults: { commitThenDrop: 0.5 }, seed });
    const token = await accessToken(sandbox);
    const body = JSON.stringify({ name: 'Dana Lee', email: 'dana.lee@northfield.edu' });
    expect(await outcome(sandbox, token, { method: 'POST', body }, '/api/v2/users')).toBe('reset');
    expect(sandbox.state().users.filter((u) => u.email === 'dana.lee@northfield.edu')).toHaveLength(1);
    expect(sandbox.stats().faults).toEqual({ commitThenDrop: 1 });
    // The client saw no answer; retrying the create finds the email taken, as in a real org.
    expect(await outcome(sandbox, token, { method: 'POST', body }, '/api/v2/users')).toBe('409');
    expect(sandbox.state().users.filter((u) => u.email === 'dana.lee@northfield.edu')).toHaveLength(1);
  });

  it('drop resets the connection before the work: nothing is written', async () => {
    const sandbox = await start({ faults: { drop: 1 } });
    const token = await accessToken(sandbox);
    const body = JSON.stringify({ name: 'Dana Lee', email: 'dana.lee@northfield.edu' });
    expect(await outcome(sandbox, token, { method: 'POST', body }, '/api/v2/users')).toBe('reset');
    expect(sandbox.state().users.some((u) => u.email === 'dana.lee@northfield.edu')).toBe(false);
    expect(sandbox.stats().faults).toEqual({ drop: 1 });
  });

  it('injects 429 (Retry-After 1) and 503 before the work, and never faults the login', async () => {
    const limited = await start({ faults: { rate429: 1, drop: 0 } });
    const token = await accessToken(limited);
    const res = await fetch(`${limited.url}/api/v2/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Dana Lee', email: 'dana.lee@northfield.edu' }),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.headers.get('inin-ratelimit-allowed')).toBe('300');
    expect(((await res.json()) as any).code).toBe('too.many.requests');
    expect(limited.state().users.some((u) => u.email === 'dana.lee@northfield.edu')).toBe(false);

    const failing = await start({ faults: { rate503: 1 } });
    const res503 = await fetch(`${failing.url}/api/v2/users`, {
      headers: { authorization: `Bearer ${await accessToken(failing)}` },
    });
    expect(res503.status).toBe(503);
    expect(((await res503.json()) as any).code).toBe('service.unavailable');
    expect(failing.stats().faults).toEqual({ rate503: 1 });
  });

  it('adds latency to every request, and seeded latency spikes to a share of them', async () => {
    const slow = await start({ latencyMs: 120 });
    const token = await accessToken(slow);
    let started = performance.now();
    expect((await get(slow, token)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);

    const spiky = await start({ faults: { latencySpikeRate: 1, latencySpikeMs: 150 } });
    const spikyToken = await accessToken(spiky);
    started = performance.now();
    expect((await get(spiky, spikyToken)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(spiky.stats().faults).toEqual({ latencySpike: 1 });
  });

  it('refuses fault shares outside 0–1 or adding up to more than 1', async () => {
    await expect(startSandbox({ faults: { rate429: 1.5 } })).rejects.toThrow(/share from 0 to 1/);
    await expect(startSandbox({ faults: { rate429: 0.6, drop: 0.6 } })).rejects.toThrow(/more than 1/);
  });
});
