// Per-service visibility lag for a new user (real-api.md §2) and version races on one user's
// writes (§3). Lags and windows are tuned down so the tests stay fast.

import { describe, expect, it } from 'vitest';

import type { SandboxOptions } from '../../src/sandbox/index.js';
import { DEMO_IDS } from '../../src/sandbox/index.js';
import type { Api, Raw } from './helpers.js';
import { newUserBody, sandboxPerTest, sleep } from './helpers.js';

const D = DEMO_IDS;
const PHONES = '/api/v2/telephony/providers/edges/phones';
const start = sandboxPerTest();

/** The five follow-ups gc-onboard sends for a new person, by service. */
function followUps(a: Api, userId: string): Record<string, () => Promise<Raw>> {
  return {
    bulkadd: () =>
      a.call('POST', `/api/v2/authorization/subjects/${userId}/bulkadd`, {
        grants: [{ roleId: D.roles.pureCloudUser, divisionId: D.divisions.studentServices }],
      }),
    roleGrant: () =>
      a.call('POST', `/api/v2/authorization/roles/${D.roles.employee}`, {
        subjectIds: [D.users.james, userId],
        divisionIds: [D.divisions.studentServices],
      }),
    skills: () =>
      a.call('PATCH', `/api/v2/users/${userId}/routingskills/bulk`, [
        { id: D.skills.english, proficiency: 4 },
      ]),
    queue: () =>
      a.call('POST', `/api/v2/routing/queues/${D.queues.financialAid}/members`, [
        { id: D.users.james },
        { id: userId },
      ]),
    phone: () =>
      a.call('POST', PHONES, {
        name: `Phone of ${userId}`,
        site: { id: D.sites.mainCampus },
        phoneBaseSettings: { id: D.phoneBaseSettings.webRtc },
        lines: [{ name: `Phone of ${userId}_1`, lineBaseSettings: { id: D.lineBaseSettings.webRtc } }],
        webRtcUser: { id: userId },
      }),
    // Maria's station: once telephony knows the user, this is a 400 (another user's station).
    station: () => a.call('PUT', `/api/v2/users/${userId}/station/defaultstation/${D.stations.maria}`),
  };
}

async function statuses(calls: Record<string, () => Promise<Raw>>): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const [name, call] of Object.entries(calls)) result[name] = (await call()).status;
  return result;
}

async function createUser(a: Api, name: string): Promise<string> {
  const res = await a.call('POST', '/api/v2/users', newUserBody(name));
  expect(res.status).toBe(200);
  return res.json.id as string;
}

describe('a new user reaches each service late (§2)', () => {
  it('answers 404 not.found per service until its lag is over, then does the work', async () => {
    const a = await start({ real: { authorizationLagMs: 700, routingLagMs: 1500, telephonyLagMs: 1500 } });
    const createdAt = Date.now();
    const id = await createUser(a, 'Lagged Person');
    const until = (ms: number): Promise<void> => sleep(Math.max(0, createdAt + ms - Date.now()));
    const calls = followUps(a, id);
    const early = await a.call('POST', `/api/v2/authorization/subjects/${id}/bulkadd`, {
      grants: [{ roleId: D.roles.pureCloudUser, divisionId: D.divisions.studentServices }],
    });
    expect([early.status, early.json.code, early.json.message]).toEqual([
      404,
      'not.found',
      `The user ${id} could not be found.`,
    ]);
    expect(await statuses(calls)).toEqual({
      bulkadd: 404,
      roleGrant: 404,
      skills: 404,
      queue: 404,
      phone: 404,
      station: 404,
    });
    // The whole call failed: James got nothing from the bulk role grant or the queue call.
    const state = a.sandbox.state();
    expect(
      state.grants.filter((g) => g.subjectId === D.users.james && g.roleId === D.roles.employee),
    ).toHaveLength(1);
    expect(state.queueMembers.filter((m) => m.queueId === D.queues.financialAid)).toEqual([]);
    // Stats count what the client paid: the 7 lag 404s so far, nothing else.
    expect(a.sandbox.stats().real).toEqual({ newUserLag: 7, versionRace: 0, stale400: 0, expandDropped: 0 });

    await until(800);
    expect((await calls.bulkadd!()).status).toBe(204);
    expect((await calls.skills!()).status).toBe(404);
    await until(1600);
    expect(await statuses(calls)).toEqual({
      bulkadd: 204,
      roleGrant: 204,
      skills: 200,
      queue: 204,
      phone: 200,
      station: 400,
    });
  });

  it('never lags a seeded user, and the lags are off with real: false or at 0', async () => {
    const a = await start();
    expect((await followUps(a, D.users.james).skills!()).status).toBe(200);
    for (const real of [false as const, { authorizationLagMs: 0, routingLagMs: 0, telephonyLagMs: 0 }]) {
      const b = await start({ real });
      const id = await createUser(b, 'Prompt Person');
      const result = await statuses(followUps(b, id));
      expect(result).toEqual({
        bulkadd: 204,
        roleGrant: 204,
        skills: 200,
        queue: 204,
        phone: 200,
        station: 400,
      });
    }
  });

  it('lags by default for a few seconds', async () => {
    const a = await start();
    const id = await createUser(a, 'Default Lag');
    expect(await statuses(followUps(a, id))).toEqual({
      bulkadd: 404,
      roleGrant: 404,
      skills: 404,
      queue: 404,
      phone: 404,
      station: 404,
    });
  });
});

const skills = (a: Api, userId = D.users.james, proficiency = 3): Promise<Raw> =>
  a.call('PATCH', `/api/v2/users/${userId}/routingskills/bulk`, [{ id: D.skills.english, proficiency }]);
const patchTitle = (a: Api, version: number, title = 'Advisor'): Promise<Raw> =>
  a.call('PATCH', `/api/v2/users/${D.users.james}`, { version, title });

describe('version races on one user (§3)', () => {
  it('answers 409 to skills bulk and station PUTs while another write to the user is in flight', async () => {
    const a = await start({ latencyMs: 300, real: { versionRaceRate: 0 } });
    const first = skills(a);
    await sleep(60);
    const second = patchTitle(a, 1);
    const [raced, patched] = await Promise.all([first, second]);
    expect([raced.status, raced.json.code]).toEqual([409, 'general.conflict']);
    expect(raced.json.message).toBe(
      'The version number of the modified resource must match the version number in the database.',
    );
    expect(patched.status).toBe(200);

    const station = a.call(
      'PUT',
      `/api/v2/users/${D.users.maria}/station/defaultstation/${D.stations.maria}`,
    );
    await sleep(60);
    const other = skills(a, D.users.maria);
    expect((await station).status).toBe(409);
    expect((await other).status).toBe(200);
    // One at a time, nothing races (rate 0 inside the window).
    expect((await skills(a)).status).toBe(200);
    expect(a.sandbox.stats().real.versionRace).toBe(2);
  });

  it('answers 409 inside the window after a write at the seeded rate, and not after it', async () => {
    const always = await start({ real: { versionRaceWindowMs: 150, versionRaceRate: 1 } });
    expect((await patchTitle(always, 1)).status).toBe(200);
    expect((await skills(always)).status).toBe(409);
    await sleep(200);
    expect((await skills(always)).status).toBe(200);
  });

  it('is reproducible: the same seed and requests give the same 409s', async () => {
    const run = async (seed: number): Promise<number[]> => {
      const a = await start({ seed, real: { versionRaceWindowMs: 60_000, versionRaceRate: 0.5 } });
      expect((await patchTitle(a, 1)).status).toBe(200);
      const seen: number[] = [];
      for (let i = 0; i < 16; i++) seen.push((await skills(a)).status);
      return seen;
    };
    const one = await run(3);
    expect(one).toEqual(await run(3));
    expect(one).toContain(409);
    expect(one).toContain(200);
    expect(await run(4)).not.toEqual(one);
  });

  it('answers a stale PATCH 409 or 400 "does not match the current version", seeded', async () => {
    const run = async (seed: number, real: SandboxOptions['real'] = {}): Promise<number[]> => {
      const a = await start({ seed, real });
      const seen: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await patchTitle(a, 99);
        expect(res.json.message).toContain('does not match the current version');
        seen.push(res.status);
      }
      return seen;
    };
    const mixed = await run(1);
    expect(new Set(mixed)).toEqual(new Set([400, 409]));
    expect(await run(1)).toEqual(mixed);
    expect(new Set(await run(1, { staleVersion400Share: 1 }))).toEqual(new Set([400]));
    expect(new Set(await run(1, { staleVersion400Share: 0 }))).toEqual(new Set([409]));
  });

  it('switch off (versionRaces: false): no race 409s, a stale PATCH is always 409', async () => {
    const a = await start({ latencyMs: 300, real: { versionRaces: false, staleVersion400Share: 1 } });
    const first = skills(a);
    await sleep(60);
    const [raced, patched] = await Promise.all([first, patchTitle(a, 1)]);
    expect([raced.status, patched.status]).toEqual([200, 200]);
    expect((await patchTitle(a, 1)).status).toBe(409);
  });
});
