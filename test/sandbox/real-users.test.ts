// Real-org users: work phones in E.164 and the four read-back shapes (real-api.md §4), the org's
// default country, dates only with expand and best-effort expands (§5, §6), and the spec (§11).

import { afterEach, describe, expect, it } from 'vitest';

import type { SandboxOptions } from '../../src/sandbox/index.js';
import { DEMO_IDS, demoOrg } from '../../src/sandbox/index.js';
import type { Api } from './helpers.js';
import { api, newUserBody } from './helpers.js';

const D = DEMO_IDS;
const open: Api[] = [];

async function start(options: SandboxOptions = {}): Promise<Api> {
  const a = await api({ userSearchLagMs: 0, ...options });
  open.push(a);
  return a;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((a) => a.sandbox.close()));
});

const work = (fields: Record<string, string>) => ({ mediaType: 'PHONE', type: 'WORK', ...fields });

describe('work phones (§4)', () => {
  it('stores numbers in E.164 with the org’s country and reads back the four shapes', async () => {
    const a = await start();
    const created = await a.call(
      'POST',
      '/api/v2/users',
      newUserBody('Shape Person', {
        addresses: [
          work({ address: '(215) 555-0111', display: 'ignored: read-only' }),
          { mediaType: 'PHONE', type: 'WORK2', address: '215 555 0112', extension: '4112' },
          { mediaType: 'PHONE', type: 'WORK3', extension: '4113' },
          { mediaType: 'PHONE', type: 'WORK4', extension: '7000' },
        ],
      }),
    );
    expect(created.status).toBe(200);
    const expected = [
      work({ address: '+12155550111', display: '+1 215-555-0111' }),
      { mediaType: 'PHONE', type: 'WORK2', extension: '4112', display: '+1 215-555-0112' },
      { mediaType: 'PHONE', type: 'WORK3', address: '+14113', extension: '4113', display: '4113' },
      { mediaType: 'PHONE', type: 'WORK4', display: '7000' },
    ];
    expect(created.json.addresses).toEqual(expected);
    expect((await a.call('GET', `/api/v2/users/${created.json.id}`)).json.addresses).toEqual(expected);
    expect(a.sandbox.state().users.at(-1)?.addresses).toEqual([
      work({ address: '+12155550111' }),
      { mediaType: 'PHONE', type: 'WORK2', address: '+12155550112', extension: '4112' },
      { mediaType: 'PHONE', type: 'WORK3', extension: '4113' },
      { mediaType: 'PHONE', type: 'WORK4', extension: '7000' },
    ]);
    // The seeded James: number and extension → shape (c).
    const james = (await a.call('GET', `/api/v2/users/${D.users.james}`)).json;
    expect(james.addresses).toEqual([work({ extension: '4110', display: '+1 215-555-0110' })]);
  });

  it('refuses with 400 a number it cannot read in the org’s country', async () => {
    const a = await start();
    const res = await a.call('PATCH', `/api/v2/users/${D.users.james}`, {
      version: 1,
      addresses: [work({ address: '555 0110' })],
    });
    expect([res.status, res.json.code, res.json.details[0].fieldName]).toEqual([
      400,
      'invalid.value',
      'addresses[0].address',
    ]);
    expect(res.json.message).toContain('read as US');
  });

  it('reads numbers as British in a GB org, and GET /organizations/me says which country', async () => {
    const gb = await start({ org: demoOrg({ defaultCountryCode: 'GB' }) });
    const org = (await gb.call('GET', '/api/v2/organizations/me')).json;
    expect(org).toMatchObject({ name: 'Northfield University', defaultCountryCode: 'GB', state: 'active' });
    const ok = await gb.call('PATCH', `/api/v2/users/${D.users.james}`, {
      version: 1,
      addresses: [work({ address: '020 7946 0958' })],
    });
    expect(ok.json.addresses).toEqual([work({ address: '+442079460958', display: '+44 20 7946 0958' })]);
    const us = await gb.call('PATCH', `/api/v2/users/${D.users.james}`, {
      version: 2,
      addresses: [work({ address: '215 555 0110' })],
    });
    expect(us.status).toBe(400);

    const home = await start();
    const me = (await home.call('GET', '/api/v2/organizations/me')).json;
    expect(me).toMatchObject({ id: expect.any(String), defaultCountryCode: 'US', version: 1 });
    expect(me.selfUri).toBe(`/api/v2/organizations/${me.id}`);
  });

  it('switch off (addressShapes: false): stored and read back as sent, display kept, 10 digits as +1', async () => {
    const a = await start({ real: { addressShapes: false } });
    const res = await a.call('PATCH', `/api/v2/users/${D.users.james}`, {
      version: 1,
      addresses: [work({ address: '215 555 0111', extension: '4111' })],
    });
    expect(res.json.addresses).toEqual([
      work({ address: '+12155550111', display: '215 555 0111', extension: '4111' }),
    ]);
  });
});

describe('dateWelcomeSent and dateLastLogin only with expand (§5)', () => {
  it('leaves both out unless expanded, comma-joined or repeated', async () => {
    const a = await start();
    const plain = (await a.call('GET', `/api/v2/users/${D.users.admin}`)).json;
    expect([plain.dateWelcomeSent, plain.dateLastLogin]).toEqual([undefined, undefined]);
    const joined = (
      await a.call('GET', `/api/v2/users/${D.users.admin}?expand=dateWelcomeSent,dateLastLogin`)
    ).json;
    expect([joined.dateWelcomeSent, joined.dateLastLogin]).toEqual([
      '2025-01-06T09:00:00.000Z',
      '2026-11-20T14:05:00.000Z',
    ]);
    const repeated = (await a.call('GET', `/api/v2/users?expand=dateWelcomeSent&expand=dateLastLogin`)).json;
    const admin = repeated.entities.find((u: any) => u.id === D.users.admin);
    expect(admin.dateWelcomeSent).toBe('2025-01-06T09:00:00.000Z');
    const search = (
      await a.call('POST', '/api/v2/users/search', {
        query: [{ type: 'EXACT', fields: ['email'], value: 'admin@northfield.edu' }],
      })
    ).json;
    expect(search.results[0].dateWelcomeSent).toBeUndefined();
  });

  it('switch off (datesOnlyWithExpand: false): dateWelcomeSent always, as the lenient sandbox did', async () => {
    const a = await start({ real: { datesOnlyWithExpand: false } });
    const plain = (await a.call('GET', `/api/v2/users/${D.users.admin}`)).json;
    expect(plain.dateWelcomeSent).toBe('2025-01-06T09:00:00.000Z');
  });
});

describe('expand is best effort on listings (§6)', () => {
  const org = demoOrg({ extraUsers: 400 });
  /** Ids of the active users a listing left `skills` out of (every user has the field when expanded). */
  const dropped = async (a: Api): Promise<string[]> => {
    const body = (await a.call('GET', '/api/v2/users?expand=skills&pageSize=500')).json;
    expect(body.entities).toHaveLength(404);
    return body.entities.filter((u: any) => u.skills === undefined).map((u: any) => u.id);
  };

  it('drops a requested expand from a few users at the default rate, reproducibly; GET by id always honours it', async () => {
    const a = await start({ org });
    const seen = await dropped(a);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(404 * 0.06);
    const b = await start({ org });
    expect(await dropped(b)).toEqual(seen);
    const c = await start({ org, seed: 9 });
    expect(await dropped(c)).not.toEqual(seen);
    const one = (await a.call('GET', `/api/v2/users/${seen[0]}?expand=skills`)).json;
    expect(one.skills).toEqual(expect.any(Array));
  });

  it('expandDropRate 1 drops every expand from listings and searches, never from GET /users/{id}', async () => {
    const a = await start({ real: { expandDropRate: 1 } });
    const list = (await a.call('GET', '/api/v2/users?expand=dateWelcomeSent,skills')).json;
    expect(list.entities.every((u: any) => u.dateWelcomeSent === undefined && u.skills === undefined)).toBe(
      true,
    );
    const search = (
      await a.call('POST', '/api/v2/users/search', {
        expand: ['skills'],
        query: [{ type: 'EXACT', fields: ['email'], value: 'james.okafor@northfield.edu' }],
      })
    ).json;
    expect(search.results[0].skills).toBeUndefined();
    const one = (await a.call('GET', `/api/v2/users/${D.users.admin}?expand=dateWelcomeSent`)).json;
    expect(one.dateWelcomeSent).toBe('2025-01-06T09:00:00.000Z');
  });

  it('switch off (expandDropRate: 0): every expand comes back', async () => {
    const a = await start({ org, real: { expandDropRate: 0 } });
    expect(await dropped(a)).toEqual([]);
  });
});

describe('users and the spec (§11)', () => {
  it('requires divisionId on POST /users', async () => {
    const a = await start();
    const { divisionId: _omit, ...body } = newUserBody('No Division');
    const res = await a.call('POST', '/api/v2/users', body);
    expect([res.status, res.json.details[0].fieldName]).toEqual([400, 'divisionId']);
    const lenient = await start({ real: { specContract: false } });
    expect((await lenient.call('POST', '/api/v2/users', body)).json.division.id).toBe(D.divisions.home);
  });

  it('stores employerInfo.dateHire on PATCH and returns it with expand=employerInfo; POST has no employerInfo', async () => {
    const a = await start();
    const res = await a.call('PATCH', `/api/v2/users/${D.users.james}`, {
      version: 1,
      employerInfo: { dateHire: '2026-12-01' },
    });
    expect(res.status).toBe(200);
    const back = (await a.call('GET', `/api/v2/users/${D.users.james}?expand=employerInfo`)).json;
    expect(back.employerInfo).toEqual({ dateHire: '2026-12-01' });
    expect((await a.call('GET', `/api/v2/users/${D.users.james}`)).json.employerInfo).toBeUndefined();
    expect(a.sandbox.state().users.find((u) => u.id === D.users.james)?.dateHire).toBe('2026-12-01');
    const bad = await a.call('PATCH', `/api/v2/users/${D.users.james}`, {
      version: 2,
      employerInfo: { dateHire: '12/01/2026' },
    });
    expect([bad.status, bad.json.details[0].fieldName]).toEqual([400, 'employerInfo.dateHire']);
    const post = await a.call(
      'POST',
      '/api/v2/users',
      newUserBody('Hired Person', { employerInfo: { dateHire: '2026-12-01' } }),
    );
    expect(post.status).toBe(400);
  });

  it('takes the spec’s sortOrder values per operation and refuses others', async () => {
    const a = await start();
    const names = async (path: string): Promise<string[]> =>
      (await a.call('GET', path)).json.entities.map((e: any) => e.name);
    expect(await names('/api/v2/users?sortOrder=descending')).toEqual([
      'Priya Patel',
      'Northfield Admin',
      'Maria Gonzalez',
      'James Okafor',
    ]);
    expect(await names('/api/v2/users?sortOrder=ASC')).toEqual(
      await names('/api/v2/users?sortOrder=ascending'),
    );
    expect((await a.call('GET', '/api/v2/users?sortOrder=DESC')).status).toBe(400);
    expect(
      (await a.call('GET', `/api/v2/users/${D.users.james}/routingskills?sortOrder=descending`)).status,
    ).toBe(200);
    expect((await names('/api/v2/routing/queues?sortOrder=desc'))[0]).toBe('Student Services General');
    expect((await a.call('GET', '/api/v2/routing/queues?sortOrder=descending')).status).toBe(400);
    expect((await names('/api/v2/locations?sortOrder=desc'))[0]).toBe(
      'Northfield Main Campus - Welcome Center',
    );
    expect(
      (await a.call('GET', `/api/v2/routing/queues/${D.queues.studentServicesGeneral}/members?sortOrder=up`))
        .status,
    ).toBe(400);
    const lenient = await start({ real: { specContract: false } });
    expect((await lenient.call('GET', '/api/v2/users?sortOrder=DESC')).status).toBe(200);
  });

  it('searches users and locations with the spec’s search types and sortOrder', async () => {
    const a = await start();
    const search = async (path: string, body: unknown) => (await a.call('POST', path, body)).json;
    const found = await search('/api/v2/users/search', {
      sortOrder: 'DESC',
      query: [
        { type: 'QUERY_STRING', value: 'northfield*' },
        { type: 'TERM', fields: ['name'], value: 'admin', operator: 'NOT' },
      ],
    });
    expect(found.results.map((u: any) => u.name)).toEqual([
      'Tom Reyes',
      'Priya Patel',
      'Maria Gonzalez',
      'James Okafor',
    ]);
    const regex = await search('/api/v2/users/search', {
      query: [{ type: 'REGEX', fields: ['email'], value: '(james|priya)\\..*' }],
    });
    expect(regex.results.map((u: any) => u.name)).toEqual(['James Okafor', 'Priya Patel']);
    const badOrder = await a.call('POST', '/api/v2/users/search', {
      sortOrder: 'up',
      query: [{ type: 'MATCH_ALL' }],
    });
    expect(badOrder.status).toBe(400);
    const locations = await search('/api/v2/locations/search', {
      query: [{ type: 'TERM', fields: ['name'], value: 'downtown' }],
    });
    expect(locations.results.map((l: any) => l.name)).toEqual(['Northfield Downtown Center']);
    const range = await a.call('POST', '/api/v2/locations/search', {
      query: [{ type: 'RANGE', fields: ['name'], startValue: 'a' }],
    });
    expect([range.status, range.json.details[0].fieldName]).toEqual([400, 'query[0].type']);
  });
});
