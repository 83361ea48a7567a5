import { afterEach, describe, expect, it } from 'vitest';

import { connect } from '../../src/genesys/client.js';
import { resolveConnection } from '../../src/genesys/connection.js';
import { faultsOf, sandboxOptionsOf, serveSandbox } from '../../src/sandbox/cli.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { DEMO_IDS } from '../../src/sandbox/index.js';
import { accessToken } from './helpers.js';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('faultsOf', () => {
  it('splits the fault rate 60% 429, 20% 503, 10% drop, 10% commit-then-drop', () => {
    const faults = faultsOf(0.5);
    expect(faults.rate429).toBeCloseTo(0.3);
    expect(faults.rate503).toBeCloseTo(0.1);
    expect(faults.drop).toBeCloseTo(0.05);
    expect(faults.commitThenDrop).toBeCloseTo(0.05);
    expect(faultsOf(0)).toEqual({ rate429: 0, rate503: 0, drop: 0, commitThenDrop: 0 });
  });

  it('refuses rates outside 0..1', () => {
    expect(() => faultsOf(1.5)).toThrow(/from 0 to 1/);
    expect(() => faultsOf(-0.1)).toThrow(/from 0 to 1/);
    expect(() => faultsOf(Number.NaN)).toThrow(/from 0 to 1/);
  });

  it('maps the CLI knobs onto startSandbox options, leaving absent ones to the defaults', () => {
    expect(sandboxOptionsOf({})).toEqual({});
    expect(
      sandboxOptionsOf({ port: 8080, rateLimitPerMinute: 600, latencyMs: 20, faultRate: 0.1, seed: 9 }),
    ).toEqual({
      port: 8080,
      rateLimitPerMinute: 600,
      latencyMs: 20,
      faults: faultsOf(0.1),
      seed: 9,
    });
  });
});

describe('serveSandbox', () => {
  it('logs one line with the URL and the settings that point gc-onboard at it, and those settings work', async () => {
    const lines: string[] = [];
    sandbox = await serveSandbox({ rateLimitPerMinute: 1000 }, (line) => lines.push(line));
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).not.toContain('\n');
    expect(line).toContain(sandbox.url);
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    // Take the variables from the line itself, as a user would copy them.
    const env = Object.fromEntries(
      [...line.matchAll(/\b(GENESYSCLOUD_[A-Z_]+)=(\S+?)(?=[;\s]|$)/g)].map((m) => [m[1]!, m[2]!]),
    );
    expect(env).toEqual({
      GENESYSCLOUD_API_REGION: sandbox.url,
      GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox',
    });
    const client = await connect(resolveConnection(env));
    try {
      const home = await client.authorization.getAuthorizationDivisionsHome();
      expect(home.id).toBe(DEMO_IDS.divisions.home);
    } finally {
      client.close();
    }
  });

  it('applies the rate limit, latency, fault rate and seed it is given', async () => {
    sandbox = await serveSandbox(
      { rateLimitPerMinute: 5000, latencyMs: 30, faultRate: 1, seed: 3 },
      () => {},
    );
    const token = await accessToken(sandbox);
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const started = performance.now();
      try {
        const res = await fetch(`${sandbox.url}/api/v2/authorization/divisions/home`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await res.arrayBuffer();
        seen.add(String(res.status));
        expect(res.headers.get('inin-ratelimit-allowed')).toBe('5000');
      } catch {
        seen.add('reset');
      }
      expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    }
    // Every request meets a fault at rate 1: never a 200.
    expect([...seen].sort()).toEqual(['429', '503', 'reset']);
    const faults = sandbox.stats().faults;
    expect(Object.keys(faults).sort()).toEqual(['commitThenDrop', 'drop', 'rate429', 'rate503']);
    expect(faults.rate429).toBeGreaterThan(faults.rate503!);
  });
});
