// Default phone needs conversation:call:add (real-api.md §7), roles with permissions and the bulk
// role grant, 202 on station calls (§11), and rate limits in layers (§9).

import { describe, expect, it } from 'vitest';

import { DEMO_IDS } from '../../src/sandbox/index.js';
import type { Api } from './helpers.js';
import { sandboxPerTest } from './helpers.js';

const D = DEMO_IDS;
const PHONES = '/api/v2/telephony/providers/edges/phones';
const start = sandboxPerTest();

/** A WebRTC phone for a seeded user; returns its station id. */
async function phoneFor(a: Api, userId: string, name: string): Promise<string> {
  const res = await a.call('POST', PHONES, {
    name,
    site: { id: D.sites.mainCampus },
    phoneBaseSettings: { id: D.phoneBaseSettings.webRtc },
    lines: [{ name: `${name}_1`, lineBaseSettings: { id: D.lineBaseSettings.webRtc } }],
    webRtcUser: { id: userId },
  });
  expect(res.status).toBe(200);
  const station = a.sandbox.state().stations.find((s) => s.phoneId === res.json.id);
  return station?.id ?? '';
}

const grant = (a: Api, roleId: string, userId: string) =>
  a.call('POST', `/api/v2/authorization/roles/${roleId}`, {
    subjectIds: [userId],
    divisionIds: [D.divisions.admissions],
  });

describe('a default phone needs conversation:call:add (§7)', () => {
  it('refuses 400 for a person with only employee, then accepts once a role grants it (202)', async () => {
    const a = await start();
    const stationId = await phoneFor(a, D.users.tom, 'Tom Reyes');
    const put = () => a.call('PUT', `/api/v2/users/${D.users.tom}/station/defaultstation/${stationId}`);
    const refused = await put();
    expect([refused.status, refused.json.code]).toEqual([400, 'bad.request']);
    expect(refused.json.message).toContain('conversation:call:add');
    expect(refused.json.details[0]).toMatchObject({
      errorCode: 'missing.permissions',
      entityId: D.users.tom,
    });
    expect(a.sandbox.state().users.find((u) => u.id === D.users.tom)?.defaultStationId).toBeNull();

    // Telephony Admin (telephony:*:*) is not enough; the supervisor's conversation:*:* is.
    expect((await grant(a, D.roles.telephonyAdmin, D.users.tom)).status).toBe(204);
    expect((await put()).status).toBe(400);
    expect((await grant(a, D.roles.pureCloudSupervisor, D.users.tom)).status).toBe(204);
    const done = await put();
    expect([done.status, done.json]).toEqual([202, undefined]);
    expect(a.sandbox.state().users.find((u) => u.id === D.users.tom)?.defaultStationId).toBe(stationId);
  });

  it('switch off (defaultStationNeedsCallAdd: false): anyone may have a default phone', async () => {
    const a = await start({ real: { defaultStationNeedsCallAdd: false } });
    const stationId = await phoneFor(a, D.users.tom, 'Tom Reyes');
    expect(
      (await a.call('PUT', `/api/v2/users/${D.users.tom}/station/defaultstation/${stationId}`)).status,
    ).toBe(202);
  });
});

describe('station calls answer 202 as the spec says (§11)', () => {
  it('202 on default station PUT and DELETE and on association; 204 with specContract off', async () => {
    // Rate 0: back-to-back writes to one user may otherwise meet a version race (§3).
    const a = await start({ real: { versionRaceRate: 0 } });
    const base = `/api/v2/users/${D.users.maria}/station`;
    expect((await a.call('PUT', `${base}/associatedstation/${D.stations.maria}`)).status).toBe(202);
    expect((await a.call('DELETE', `${base}/defaultstation`)).status).toBe(202);
    expect((await a.call('PUT', `${base}/defaultstation/${D.stations.maria}`)).status).toBe(202);
    const lenient = await start({ real: { specContract: false } });
    expect((await lenient.call('PUT', `${base}/associatedstation/${D.stations.maria}`)).status).toBe(204);
  });
});

describe('roles: permissions and the bulk role grant', () => {
  it('returns permissions and policies on GET /authorization/roles and /roles/{id}', async () => {
    const a = await start();
    const list = (await a.call('GET', '/api/v2/authorization/roles?pageSize=100')).json;
    const byName = Object.fromEntries(list.entities.map((r: any) => [r.name, r.permissions]));
    expect(byName['Master Admin']).toEqual(['*:*:*']);
    expect(byName.employee).not.toContain('conversation:call:add');
    const one = (await a.call('GET', `/api/v2/authorization/roles/${D.roles.pureCloudUser}`)).json;
    expect(one.permissions).toContain('conversation:call:add');
    expect(one.permissionPolicies).toContainEqual({
      domain: 'conversation',
      entityName: 'call',
      actionSet: ['add', 'accept'],
      allowConditions: false,
    });
    expect(one.userCount).toBe(3);
    expect((await a.call('GET', '/api/v2/authorization/roles/nope')).status).toBe(404);
  });

  it('grants one role in every division to every subject, and refuses the whole call for an unknown one', async () => {
    const a = await start();
    const res = await a.call('POST', `/api/v2/authorization/roles/${D.roles.qualityEvaluator}`, {
      subjectIds: [D.users.james, D.users.priya],
      divisionIds: [D.divisions.home, D.divisions.admissions],
    });
    expect(res.status).toBe(204);
    const grants = a.sandbox.state().grants.filter((g) => g.roleId === D.roles.qualityEvaluator);
    expect(
      grants.map((g) => `${g.subjectId === D.users.james ? 'james' : 'priya'}@${g.divisionId.slice(-1)}`),
    ).toEqual(['james@1', 'james@3', 'priya@1', 'priya@3']);
    const unknown = await a.call('POST', `/api/v2/authorization/roles/${D.roles.supervisor}`, {
      subjectIds: [D.users.james, 'nobody'],
      divisionIds: [D.divisions.home],
    });
    expect([unknown.status, unknown.json.code]).toEqual([404, 'not.found']);
    const empty = await a.call('POST', `/api/v2/authorization/roles/${D.roles.supervisor}`, {
      subjectIds: [],
      divisionIds: [D.divisions.home],
    });
    expect([empty.status, empty.json.details[0].fieldName]).toEqual([400, 'subjectIds']);
    expect(a.sandbox.state().grants.filter((g) => g.roleId === D.roles.supervisor)).toEqual([]);
  });
});

describe('rate limits in layers (§9)', () => {
  const search = (a: Api) =>
    a.call('POST', '/api/v2/users/search', { query: [{ type: 'EXACT', fields: ['email'], value: 'x@y.z' }] });

  it('users search has its own limit and headers; its 429 waits until its window resets', async () => {
    const a = await start({ rateLimitPerMinute: 300, real: { usersSearchPerMinute: 2 } });
    const first = await search(a);
    expect([first.headers.get('inin-ratelimit-allowed'), first.headers.get('inin-ratelimit-count')]).toEqual([
      '2',
      '1',
    ]);
    const other = await a.call('GET', `/api/v2/users/${D.users.james}`);
    expect([other.headers.get('inin-ratelimit-allowed'), other.headers.get('inin-ratelimit-count')]).toEqual([
      '300',
      '2',
    ]);
    expect((await search(a)).status).toBe(200);
    const refused = await search(a);
    expect([refused.status, refused.json.code]).toEqual([429, 'too.many.requests']);
    expect(refused.json.message).toContain('users.search');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('inin-ratelimit-reset')).toBe(String(retryAfter));
    // Other routes are not held back by the search family.
    expect((await a.call('GET', `/api/v2/users/${D.users.james}`)).status).toBe(200);
  });

  it('phone writes have their own limit; defaults are 180 for both families', async () => {
    const a = await start({ real: { phoneWritesPerMinute: 1 } });
    await phoneFor(a, D.users.priya, 'Priya Patel');
    const second = await a.call('POST', PHONES, {});
    expect([second.status, second.headers.get('inin-ratelimit-allowed')]).toEqual([429, '1']);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(50);
    const defaults = await start();
    expect((await search(defaults)).headers.get('inin-ratelimit-allowed')).toBe('180');
  });

  it('switch off (0): the token’s limit and headers only', async () => {
    const a = await start({ rateLimitPerMinute: 300, real: { usersSearchPerMinute: 0 } });
    for (let i = 0; i < 3; i++) expect((await search(a)).headers.get('inin-ratelimit-allowed')).toBe('300');
  });
});
