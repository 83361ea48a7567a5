// Several orgs at once (issue 20): each org its own name, ids, clients, store and rate windows, so a
// test can prove from each org's state that nothing meant for one reached the other.
import { afterEach, describe, expect, it } from 'vitest';

import { connect, type GenesysClient } from '../../src/genesys/client.js';
import { resolveConnection } from '../../src/genesys/connection.js';
import { parseOrgNames, serveSandboxes } from '../../src/sandbox/cli.js';
import {
  DEMO_IDS,
  demoIds,
  demoOrg,
  demoOrgId,
  orgTagOf,
  startSandbox,
  startSandboxes,
  type Sandbox,
  type SandboxOrgs,
} from '../../src/sandbox/index.js';
import { http } from './helpers.js';
import { oauthLogin } from '../helpers/sandbox.js';

let running: Array<SandboxOrgs<string> | Sandbox> = [];
const clients: GenesysClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(running.map((r) => r.close()));
  running = [];
});

async function orgs<Name extends string>(
  ...args: Parameters<typeof startSandboxes<Name>>
): Promise<SandboxOrgs<Name>> {
  const started = await startSandboxes<Name>(...args);
  running.push(started);
  return started;
}

/** gc-onboard's own client, logged in with the org's client (id and secret = the org's name). */
async function clientOf(sandbox: Sandbox, clientId: string): Promise<GenesysClient> {
  const client = await connect(
    resolveConnection({
      GENESYSCLOUD_API_REGION: sandbox.url,
      GENESYSCLOUD_OAUTHCLIENT_ID: clientId,
      GENESYSCLOUD_OAUTHCLIENT_SECRET: clientId,
    }),
  );
  clients.push(client);
  return client;
}

const login = (sandbox: Sandbox, id: string, secret = id) => oauthLogin(sandbox.url, id, secret);

/**
 * Every `id` anywhere in a JSON value (a seed, a state dump) but a phone model's (`phoneMetaBase`:
 * the id of a Genesys product, the same in every org).
 */
function idsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) idsIn(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'phoneMetaBase') continue;
      if (key === 'id' && typeof inner === 'string') into.add(inner);
      else idsIn(inner, into);
    }
  }
  return into;
}

const overlap = (a: Set<string>, b: Set<string>): string[] => [...a].filter((id) => b.has(id));

describe('demoOrg({org})', () => {
  it('leaves the unnamed demo org as it was: its name, DEMO_IDS, no org id or id tag of its own', () => {
    const org = demoOrg();
    expect(org.name).toBe('Northfield University');
    expect(org.id).toBeUndefined();
    expect(org.idTag).toBeUndefined();
    expect(demoIds()).toEqual(DEMO_IDS);
    expect(DEMO_IDS.users.james).toBe('5eed0000-0009-4000-8000-000000000003');
    expect(org.users.find((u) => u.name === 'James Okafor')?.id).toBe(DEMO_IDS.users.james);
  });

  it('is the same university under its own name and ids: only the tag in the ids differs', () => {
    const plain = demoOrg({ extraUsers: 30 });
    const test = demoOrg({ org: 'test', extraUsers: 30 });
    const tag = orgTagOf('test');
    expect(test.name).toBe('Northfield University (test)');
    expect(test.id).toBe(demoOrgId('test'));
    expect(test.idTag).toBe(tag);
    expect(demoIds('test').users.james).toBe(`5eed${tag}-0009-4000-8000-000000000003`);
    const { name: _n, id: _i, idTag: _t, ...rest } = test;
    const untagged = JSON.parse(JSON.stringify(rest).replaceAll(`5eed${tag}`, '5eed0000'));
    expect({ ...untagged, name: plain.name }).toEqual(plain);
    expect(overlap(idsIn(test), idsIn(plain))).toEqual([]);
    expect(overlap(idsIn(test), idsIn(demoOrg({ org: 'production', extraUsers: 30 })))).toEqual([]);
    // A test org mirrors production: the same division names unless asked otherwise.
    expect(test.divisions.map((d) => d.name)).toEqual(plain.divisions.map((d) => d.name));
  });

  it('renames divisions on request: suffixed with the org, or by a map', () => {
    const suffixed = demoOrg({ org: 'test', divisionNames: 'suffixed' }).divisions.map((d) => d.name);
    expect(suffixed).toEqual([
      'Home (test)',
      'Student Services (test)',
      'Admissions (test)',
      'IT Help Desk (test)',
    ]);
    const mapped = demoOrg({ org: 'emea', divisionNames: { Admissions: 'Admissions EMEA' } }).divisions;
    expect(mapped.map((d) => d.name)).toEqual([
      'Home',
      'Student Services',
      'Admissions EMEA',
      'IT Help Desk',
    ]);
    expect(() => demoOrg({ divisionNames: 'suffixed' })).toThrow(/needs an org name/);
    expect(() => demoOrg({ org: 'test', divisionNames: { Admisions: 'x' } })).toThrow(/Admisions/);
  });

  it('takes short org names only, and gives different names different tags', () => {
    expect(() => demoOrg({ org: 'two words' })).toThrow(/org name/);
    expect(() => demoOrg({ org: '' })).toThrow(/org name/);
    const tags = ['test', 'production', 'staging', 'emea', 'apac', 'campus-1', 'campus-2'].map(orgTagOf);
    expect(new Set(tags).size).toBe(tags.length);
    for (const tag of tags) expect(tag).toMatch(/^[0-9a-f]{4}$/);
    expect(tags).not.toContain('0000');
    expect(orgTagOf('Test')).toBe(orgTagOf('test'));
  });
});

describe('startSandboxes', () => {
  it('starts one server per org, each answering organizations/me with its own name and id', async () => {
    const { orgs: byName, names } = await orgs({ test: {}, production: {} });
    expect(names).toEqual(['test', 'production']);
    expect(byName.test.port).not.toBe(byName.production.port);
    const test = await (await clientOf(byName.test, 'test')).organization.getOrganizationsMe();
    const production = await (
      await clientOf(byName.production, 'production')
    ).organization.getOrganizationsMe();
    expect([test.name, test.id]).toEqual(['Northfield University (test)', demoOrgId('test')]);
    expect([production.name, production.id]).toEqual([
      'Northfield University (production)',
      demoOrgId('production'),
    ]);
    expect(byName.test.state().org).toMatchObject({ name: test.name, id: test.id });
  });

  it('refuses a login with another org’s client as it refuses any unknown client', async () => {
    const { orgs: byName } = await orgs({ test: { clients: 2 }, production: { clients: 2 } });
    const unknown = await login(byName.production, 'nobody');
    expect(unknown).toEqual({
      status: 401,
      json: { error: 'invalid_client', description: 'client not found or bad secret' },
      token: '',
    });
    for (const stranger of ['test', 'test-2', 'sandbox']) {
      expect(await login(byName.production, stranger)).toEqual(unknown);
    }
    for (const stranger of ['production', 'production-2']) {
      expect(await login(byName.test, stranger)).toEqual(unknown);
    }
    expect((await login(byName.test, 'test-2')).status).toBe(200);
    expect((await login(byName.production, 'production')).status).toBe(200);
    // A token of test's means nothing to production.
    const testToken = (await login(byName.test, 'test')).token;
    const across = await http(byName.production, 'GET', '/api/v2/organizations/me', { token: testToken });
    expect([across.status, across.json.code]).toEqual([401, 'bad.credentials']);
  });

  it('writes to one org only: the user created in test is absent from production, ids never overlap', async () => {
    const { orgs: byName } = await orgs({ test: {}, production: {} });
    const ids = demoIds('test');
    const created = await (
      await clientOf(byName.test, 'test')
    ).users.postUsers({
      name: 'Lena Fischer',
      email: 'lena.fischer@northfield.edu',
      divisionId: ids.divisions.admissions,
    });
    const test = byName.test.state();
    const production = byName.production.state();
    expect(test.users.find((u) => u.email === 'lena.fischer@northfield.edu')?.id).toBe(created.id);
    expect(production.users.some((u) => u.email === 'lena.fischer@northfield.edu')).toBe(false);
    expect(production.users).toHaveLength(test.users.length - 1);
    // Created ids begin with the org's tag, so no other org can ever hand out the same one.
    expect(created.id?.slice(0, 4)).toBe(orgTagOf('test'));
    expect(overlap(idsIn(test), idsIn(production))).toEqual([]);

    // The same person created in production gets an id of production's.
    const again = await (
      await clientOf(byName.production, 'production')
    ).users.postUsers({
      name: 'Lena Fischer',
      email: 'lena.fischer@northfield.edu',
      divisionId: demoIds('production').divisions.admissions,
    });
    expect(again.id?.slice(0, 4)).toBe(orgTagOf('production'));
    expect(overlap(idsIn(byName.test.state()), idsIn(byName.production.state()))).toEqual([]);
  });

  it('refuses in one org the ids of the other: test’s division is unknown to production', async () => {
    const { orgs: byName } = await orgs({ test: {}, production: {} });
    const production = await clientOf(byName.production, 'production');
    await expect(
      production.users.postUsers({
        name: 'Lena Fischer',
        email: 'lena.fischer@northfield.edu',
        divisionId: demoIds('test').divisions.admissions,
      }),
    ).rejects.toMatchObject({ status: 400 });
    expect(byName.production.state().users.some((u) => u.name === 'Lena Fischer')).toBe(false);
  });

  it('keeps a rate window and a reset per org', async () => {
    const { orgs: byName } = await orgs({
      test: { rateLimitPerMinute: 2 },
      production: { rateLimitPerMinute: 2 },
    });
    const token = async (sandbox: Sandbox, id: string) => (await login(sandbox, id)).token;
    const testToken = await token(byName.test, 'test');
    const productionToken = await token(byName.production, 'production');
    const home = '/api/v2/authorization/divisions/home';
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await http(byName.test, 'GET', home, { token: testToken })).status);
    expect(statuses).toEqual([200, 200, 429]);
    const there = await http(byName.production, 'GET', home, { token: productionToken });
    expect(there.status).toBe(200);
    expect(there.json.id).toBe(demoIds('production').divisions.home);

    byName.test.reset();
    expect(byName.test.stats().requests.total).toBe(0);
    expect(byName.production.stats().requests.total).toBe(2);
  });

  it('lets options override the defaults, and refuses two orgs that would share a client or ids', async () => {
    const { orgs: byName } = await orgs({ a: { clientId: 'ci-a', clientSecret: 's3cret' }, b: {} });
    expect((await login(byName.a, 'ci-a', 's3cret')).status).toBe(200);
    expect((await login(byName.a, 'a')).status).toBe(401);
    await expect(startSandboxes({ a: { clientId: 'shared' }, b: { clientId: 'shared' } })).rejects.toThrow(
      /orgs a and b have the same OAuth client shared/,
    );
    await expect(startSandboxes({ a: {}, b: { org: demoOrg({ org: 'a' }) } })).rejects.toThrow(/same id tag/);
    await expect(startSandboxes({})).rejects.toThrow(/at least one org/);
    await expect(startSandboxes({ 'no spaces': {} })).rejects.toThrow(/org name/);
  });

  it('closes the orgs it started when one cannot start', async () => {
    const taken = await startSandbox();
    running.push(taken);
    // A port known to be free: a sandbox's, closed again.
    const probe = await startSandbox();
    const freePort = probe.port;
    await probe.close();
    await expect(
      startSandboxes({ test: { port: freePort }, production: { port: taken.port } }),
    ).rejects.toThrow(/EADDRINUSE/);
    // test did start on its port, and is closed again: nothing answers there.
    await expect(fetch(`http://127.0.0.1:${freePort}/__sandbox/stats`)).rejects.toThrow();
  });
});

describe('gc-onboard sandbox --orgs', () => {
  it('parses org names: trimmed, no repeats, short names only', () => {
    expect(parseOrgNames('test, production')).toEqual(['test', 'production']);
    expect(() => parseOrgNames('test,test')).toThrow(/test twice/);
    expect(() => parseOrgNames(' , ')).toThrow(/1 to 8 org names/);
    expect(() => parseOrgNames('test,pro duction')).toThrow(/org name/);
  });

  it('logs one line per org whose variables reach that org and no other', async () => {
    const lines: string[] = [];
    const started = await serveSandboxes(['test', 'production'], { clients: 2 }, (line) => lines.push(line));
    running.push(started);
    expect(lines).toHaveLength(2);
    for (const [i, name] of ['test', 'production'].entries()) {
      const line = lines[i] ?? '';
      const sandbox = started.orgs[name]!;
      expect(line).toContain(`Sandbox org ${name} (Northfield University (${name}),`);
      const env = Object.fromEntries(
        [...line.matchAll(/\b(GENESYSCLOUD_[A-Z_]+)=(\S+?)(?=[;\s]|$)/g)].map((m) => [m[1]!, m[2]!]),
      );
      expect(env).toEqual({
        GENESYSCLOUD_API_REGION: sandbox.url,
        GENESYSCLOUD_OAUTHCLIENT_ID: name,
        GENESYSCLOUD_OAUTHCLIENT_SECRET: name,
        GENESYSCLOUD_OAUTHCLIENT_POOL: `${name}-2:${name}-2`,
      });
      const client = await connect(resolveConnection(env));
      clients.push(client);
      expect((await client.organization.getOrganizationsMe()).name).toBe(`Northfield University (${name})`);
    }
  });
});
