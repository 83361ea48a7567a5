// Apply against an eventually consistent org (real-api.md §2, §3), with a fake OrgWriter on fake
// timers: 404s retried only for users this run created, and only for so long; version races retried
// with a re-read; version-checked writes to one user never overlap; a default station only after the
// grants that let the person hold a default phone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { applyPlan, type ApplyOptions, type Progress } from '../../src/apply/apply.js';
import type { ApplyResult } from '../../src/apply/results.js';
import type { Plan } from '../../src/plan/types.js';
import {
  apiError,
  existingPerson,
  FakeOrg,
  newPerson,
  notFound,
  phoneOf,
  planOf,
  race409,
  stale400,
} from './fake-org.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Applies with a fake clock that runs as fast as the work allows; progress collected. */
async function apply(plan: Plan, org: FakeOrg, options: ApplyOptions = {}) {
  const progress: Progress[] = [];
  const running = applyPlan(plan, org, {
    stationFirstPollMs: 100,
    random: () => 0.5,
    onProgress: (p) => progress.push(p),
    ...options,
  });
  await vi.runAllTimersAsync();
  const result: ApplyResult = await running;
  return { result, progress };
}

const rowOf = (result: ApplyResult, kind: 'person' | 'phone', email: string) =>
  result.rows.find((r) => r.kind === kind && r.email === email);

describe('a user created in this run, not yet visible to the other services', () => {
  it('gets its grants, skills, queue, phone and default station once it appears, and progress says it waited', async () => {
    const org = new FakeOrg();
    const manager = org.seedUser('Maria Manager');
    // Auth 2 s, routing 3 s, telephony 4 s behind the create, as the sandbox's defaults.
    org.lagMs = {
      addGrants: 2000,
      setSkills: 3000,
      addQueueMembers: 3000,
      createPhone: 4000,
      setDefaultStation: 4000,
    };
    const ada = newPerson('Ada Lovelace', manager);
    const { result, progress } = await apply(planOf([ada], [phoneOf(ada)]), org);

    expect(result.rows.map((r) => [r.kind, r.outcome, r.error])).toEqual([
      ['person', 'done', null],
      ['phone', 'done', null],
    ]);
    const userId = rowOf(result, 'person', ada.email)?.userId ?? '';
    const user = org.users.get(userId);
    expect(user?.grants).toHaveLength(2);
    expect(user?.skills).toHaveLength(1);
    expect(user?.stationId).toBe(org.phones[0]?.stationId);
    expect(org.queueMembers).toEqual([{ queueId: 'queue-1', userId }]);
    expect(org.phones).toHaveLength(1);
    // Each write was tried until it was seen: 404s, then one success.
    for (const method of ['addGrants', 'setSkills', 'addQueueMembers', 'createPhone'] as const) {
      const calls = org.callsOf(method);
      expect(calls.at(-1)?.status, method).toBeNull();
      expect(
        calls.slice(0, -1).every((c) => c.status === 404),
        method,
      ).toBe(true);
      expect(calls.length, method).toBeGreaterThan(1);
    }
    const extra = org.calls.filter((c) => c.status === 404).length;
    const last = progress.at(-1);
    expect(last?.calls.retries).toBe(extra);
    expect(last?.calls.done).toBe(org.calls.length);
    // The plan's estimate plus the retries is what was made: the estimate stays honest.
    expect(last?.calls.planned).toBe(org.calls.length - extra);
    expect(last?.waitingForNewUsers).toBe(0);
    expect(Math.max(...progress.map((p) => p.waitingForNewUsers))).toBeGreaterThan(0);
  });

  it('gives up after newUserWaitMs: the row fails with the 404 and the tries, its phone is not made default', async () => {
    const org = new FakeOrg();
    const manager = org.seedUser('Maria Manager');
    org.lagMs = { addGrants: 600_000 };
    const ada = newPerson('Ada Lovelace', manager);
    const { result } = await apply(planOf([ada], [phoneOf(ada)]), org, { newUserWaitMs: 5_000 });

    // Pauses of 0.5, 1 and 2 s fit in 5 s, the next (4 s) does not: 4 tries.
    expect(org.callsOf('addGrants')).toHaveLength(4);
    const person = rowOf(result, 'person', ada.email);
    expect(person?.outcome).toBe('failed');
    expect(person?.error).toMatch(
      /^404 not\.found: The user user-\d+ could not be found\.; still not found after 4 tries in 3\.\d s \(a new user takes a while to reach every service\): run apply again$/,
    );
    const phone = rowOf(result, 'phone', ada.email);
    expect(phone?.outcome).toBe('failed');
    expect(phone?.phoneId).not.toBeNull();
    expect(phone?.error).toMatch(
      /^not made the default phone: its person's role grants failed, and a default phone needs the person to hold conversation:call:add \(404 not\.found/,
    );
    expect(org.callsOf('setDefaultStation')).toEqual([]);
    expect(result.ok).toBe(false);
  });

  it('never retries a 404 on a user that existed before the run', async () => {
    const org = new FakeOrg();
    const james = org.seedUser('James Okafor');
    const person = existingPerson(org, james, {
      grants: [{ roleId: 'role-user', divisionId: 'div-home' }],
      skills: [{ skillId: 'skill-english', proficiency: 5 }],
      queueIds: ['queue-1'],
    });
    org.failNext('addGrants', notFound(james));
    org.failNext('setSkills', notFound(james));
    org.failNext('addQueueMembers', notFound(james));
    org.failNext('createPhone', notFound(james));
    const { result, progress } = await apply(planOf([person], [phoneOf(person)]), org);

    for (const method of ['addGrants', 'setSkills', 'addQueueMembers', 'createPhone'] as const)
      expect(org.callsOf(method), method).toHaveLength(1);
    expect(rowOf(result, 'person', person.email)?.error).toBe(
      `404 not.found: The user ${james} could not be found.`,
    );
    expect(rowOf(result, 'phone', person.email)?.error).toBe(
      `404 not.found: The user ${james} could not be found.`,
    );
    expect(progress.at(-1)?.calls.retries).toBe(0);
  });

  it('retries a queue join whose 100 include a new user, and not one of existing users only', async () => {
    const org = new FakeOrg();
    const manager = org.seedUser('Maria Manager');
    const james = org.seedUser('James Okafor');
    org.lagMs = { addQueueMembers: 300 };
    const ada = newPerson('Ada Lovelace', manager, { grants: [], skills: [] });
    const jamesRow = existingPerson(org, james, { patch: {}, queueIds: ['queue-1', 'queue-2'] });
    // James exists, so his follow-ups start at once: queue-2 (James alone) is ready before queue-1,
    // which waits for Ada's create.
    org.failNext('addQueueMembers', notFound(james)); // queue-2 (James alone): final
    org.failNext('addQueueMembers', notFound(james)); // queue-1 (Ada and James): retried
    const { result } = await apply(planOf([ada, jamesRow]), org);

    expect(org.callsOf('addQueueMembers').map((c) => [c.userIds.length, c.status])).toEqual([
      [1, 404],
      [2, 404],
      [2, null],
    ]);
    expect(rowOf(result, 'person', ada.email)?.outcome).toBe('done');
    expect(rowOf(result, 'person', jamesRow.email)?.outcome).toBe('failed');
  });
});

describe('version races', () => {
  it('PATCH: a 409 or a 400 "does not match the current version" re-reads the user and retries with its version', async () => {
    for (const error of [race409(), stale400()]) {
      const org = new FakeOrg();
      const james = org.seedUser('James Okafor', 3);
      const person = existingPerson(org, james);
      org.failNext('patchUser', () => {
        org.bumpVersion(james); // another admin's write got in first
        return error;
      });
      const { result, progress } = await apply(planOf([person]), org, { versionRetryMs: 1_000 });

      expect(result.ok).toBe(true);
      expect(org.users.get(james)).toMatchObject({ title: 'Senior Advisor', version: 5 });
      expect(org.calls.map((c) => [c.method, c.status])).toEqual([
        ['patchUser', error.status],
        ['getUser', null],
        ['patchUser', null],
      ]);
      // The re-read waited a jittered pause (0.5 + random 0.5 = 1 × versionRetryMs).
      expect((org.callsOf('getUser')[0]?.start ?? 0) - (org.callsOf('patchUser')[0]?.end ?? 0)).toBe(1_000);
      expect(progress.at(-1)?.calls).toMatchObject({ retries: 2, done: 3, planned: 1 });
    }
  });

  it('PATCH: stops when the re-read shows the update already there (its own lost answer)', async () => {
    const org = new FakeOrg();
    const james = org.seedUser('James Okafor');
    const person = existingPerson(org, james);
    org.failNext('patchUser', (run) => {
      run();
      return race409();
    });
    const { result } = await apply(planOf([person]), org);
    expect(result.ok).toBe(true);
    expect(org.calls.map((c) => c.method)).toEqual(['patchUser', 'getUser']);
  });

  it('skills and default station: a race is retried after a pause, with no re-read', async () => {
    const org = new FakeOrg();
    const james = org.seedUser('James Okafor');
    const person = existingPerson(org, james, {
      patch: {},
      skills: [{ skillId: 'skill-english', proficiency: 5 }],
    });
    org.failNext('setSkills', race409(), stale400());
    org.failNext('setDefaultStation', race409(), apiError(408, 'request.timeout', 'The request timed out.'));
    const { result } = await apply(planOf([person], [phoneOf(person)]), org);

    expect(result.ok).toBe(true);
    expect(org.callsOf('setSkills').map((c) => c.status)).toEqual([409, 400, null]);
    expect(org.callsOf('setDefaultStation').map((c) => c.status)).toEqual([409, 408, null]);
    expect(org.callsOf('getUser')).toEqual([]);
    expect(org.users.get(james)?.stationId).toBe(org.phones[0]?.stationId);
  });

  it('gives up after versionTries, with the last answer', async () => {
    const org = new FakeOrg();
    const james = org.seedUser('James Okafor');
    const person = existingPerson(org, james, {
      patch: {},
      skills: [{ skillId: 'skill-english', proficiency: 5 }],
    });
    org.failNext('setSkills', ...Array.from({ length: 10 }, () => race409()));
    const { result } = await apply(planOf([person]), org, { versionTries: 3 });
    expect(org.callsOf('setSkills')).toHaveLength(3);
    expect(rowOf(result, 'person', person.email)?.error).toBe(
      "409 general.conflict: The version number of the modified resource must match the version number in the database.; the user's version kept changing (3 tries): run apply again",
    );
  });

  it('a 400 about something else is final', async () => {
    const org = new FakeOrg();
    const james = org.seedUser('James Okafor');
    const person = existingPerson(org, james, {
      patch: {},
      skills: [{ skillId: 'skill-gone', proficiency: 5 }],
    });
    org.failNext('setSkills', apiError(400, 'bad.request', 'The skill skill-gone does not exist.'));
    const { result } = await apply(planOf([person]), org);
    expect(org.callsOf('setSkills')).toHaveLength(1);
    expect(rowOf(result, 'person', person.email)?.outcome).toBe('failed');
  });
});

describe('writes to one user', () => {
  /** Three new people and a moved existing one, each with a PATCH, 60 skills (2 calls), grants, a queue, a phone. */
  function busyPlan(org: FakeOrg) {
    const manager = org.seedUser('Maria Manager');
    const skills = Array.from({ length: 60 }, (_, i) => ({ skillId: `skill-${i}`, proficiency: 3 }));
    const people = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'].map((name) =>
      newPerson(name, manager, { skills }),
    );
    const james = org.seedUser('James Okafor');
    people.push(
      existingPerson(org, james, {
        skills,
        grants: [{ roleId: 'role-user', divisionId: 'div-2' }],
        moveToDivisionId: 'div-2',
      }),
    );
    return planOf(people, people.map(phoneOf));
  }

  it('never overlap on its version-checked resources, while grants and queue joins run alongside', async () => {
    const org = new FakeOrg();
    org.latencyMs = 200;
    const { result } = await apply(busyPlan(org), org);
    expect(result.rows.filter((r) => r.outcome !== 'done')).toEqual([]);
    expect(org.overlaps).toEqual([]);
    // Grants are not version-checked: none waited in its people's lanes (where skills wait behind the
    // PATCH and the gap after it). The three new people share a call per role; James, alone with his
    // role, gets a bulkadd.
    const grants = [...org.callsOf('grantRole'), ...org.callsOf('addGrants')];
    expect(grants.map((c) => [c.method, c.userIds.length])).toEqual([
      ['grantRole', 3],
      ['grantRole', 3],
      ['addGrants', 1],
    ]);
    for (const grant of grants) {
      for (const userId of grant.userIds) {
        const skills = org.callsOf('setSkills', userId)[0];
        expect(skills && grant.start < skills.start, userId).toBe(true);
      }
    }
    // James: PATCH, skills ×2, then the move (after the PATCH, so it never made the PATCH stale), then his station.
    const james = result.rows.find((r) => r.kind === 'person' && r.email.startsWith('james'))?.userId ?? '';
    const order = org.calls
      .filter(
        (c) =>
          c.userIds.includes(james) &&
          ['patchUser', 'setSkills', 'moveUsers', 'setDefaultStation'].includes(c.method),
      )
      .map((c) => c.method);
    expect(order).toEqual(['patchUser', 'setSkills', 'setSkills', 'moveUsers', 'setDefaultStation']);
    expect(org.callsOf('getUser')).toEqual([]);
  });

  it('leave userWriteGapMs between two version-checked writes to one user', async () => {
    const org = new FakeOrg();
    const { result } = await apply(busyPlan(org), org, { userWriteGapMs: 700 });
    expect(result.ok).toBe(true);
    for (const row of result.rows.filter((r) => r.kind === 'person')) {
      const writes = org.calls.filter(
        (c) =>
          c.userIds.includes(row.userId ?? '') &&
          ['patchUser', 'setSkills', 'moveUsers', 'setDefaultStation'].includes(c.method),
      );
      for (let i = 1; i < writes.length; i += 1)
        expect((writes[i]?.start ?? 0) - (writes[i - 1]?.end ?? 0), row.email).toBeGreaterThanOrEqual(700);
    }
  });

  it('make the default station only after the grants that give the person conversation:call:add', async () => {
    const org = new FakeOrg();
    const manager = org.seedUser('Maria Manager');
    const ada = newPerson('Ada Lovelace', manager, { skills: [] });
    // Slow grants: without the wait, the station (ready after ~0.1 s) would go first.
    org.lagMs = { addGrants: 5_000 };
    const { result } = await apply(planOf([ada], [phoneOf(ada)]), org);
    expect(result.ok).toBe(true);
    const grantsDone = org.callsOf('addGrants').at(-1)?.end ?? Infinity;
    expect(org.callsOf('setDefaultStation')[0]?.start).toBeGreaterThanOrEqual(grantsDone);
  });
});
