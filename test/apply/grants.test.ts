// Role grants in the fewest calls (src/apply/grants.ts): grouping by (role, division set), pages of
// 100, bulkadd where it is cheaper; a failing bulk call split until the person it is about is found;
// and, through apply on a fake org, each person's order of writes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { applyPlan } from '../../src/apply/apply.js';
import {
  planGrantCalls,
  sendGrants,
  ROLE_GRANT_PAGE,
  type GrantCall,
  type GrantNeed,
} from '../../src/apply/grants.js';
import type { ApplyResult } from '../../src/apply/results.js';
import type { Grant } from '../../src/plan/snapshot.js';
import { connect } from '../../src/genesys/client.js';
import { resolveConnection } from '../../src/genesys/connection.js';
import { applyImports } from '../../src/run/commands.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { FAST_APPLY, FAST_REAL, QUICK_SANDBOX, sandboxEnv } from '../helpers/sandbox.js';
import { apiError, existingPerson, FakeOrg, newPerson, phoneOf, planOf } from './fake-org.js';
import { TODAY } from './fixtures.js';

const g = (roleId: string, divisionId: string): Grant => ({ roleId, divisionId });
const need = (userId: string, ...grants: Grant[]): GrantNeed => ({ userId, grants });

describe('planGrantCalls', () => {
  it('groups people by role and division set: one call per group, whatever order the grants come in', () => {
    const calls = planGrantCalls([
      need('ada', g('employee', 'd1'), g('user', 'd1')),
      need('ben', g('user', 'd1'), g('employee', 'd1')),
      need('cy', g('employee', 'd1'), g('user', 'd1'), g('supervisor', 'd2'), g('supervisor', 'd1')),
      need('dee', g('employee', 'd1'), g('user', 'd1'), g('supervisor', 'd1'), g('supervisor', 'd2')),
      // A different division set for the same role is another group.
      need('eve', g('employee', 'd1'), g('user', 'd1'), g('supervisor', 'd1')),
      need('fay', g('employee', 'd1'), g('user', 'd1'), g('supervisor', 'd1')),
    ]);
    expect(calls).toEqual([
      {
        kind: 'role',
        roleId: 'employee',
        divisionIds: ['d1'],
        userIds: ['ada', 'ben', 'cy', 'dee', 'eve', 'fay'],
      },
      { kind: 'role', roleId: 'supervisor', divisionIds: ['d1'], userIds: ['eve', 'fay'] },
      { kind: 'role', roleId: 'supervisor', divisionIds: ['d1', 'd2'], userIds: ['cy', 'dee'] },
      {
        kind: 'role',
        roleId: 'user',
        divisionIds: ['d1'],
        userIds: ['ada', 'ben', 'cy', 'dee', 'eve', 'fay'],
      },
    ]);
  });

  it('keeps a role new to one person in a call of its own when the rest of their roles are shared', () => {
    // Ada alone gets `supervisor`: one call for her there, and she stays in the shared calls (a bulkadd
    // with all three grants would cost the same call and more work for the org).
    const calls = planGrantCalls([
      need('ada', g('employee', 'd1'), g('supervisor', 'd1')),
      need('ben', g('employee', 'd1')),
      need('cy', g('employee', 'd1')),
    ]);
    expect(calls).toEqual([
      { kind: 'role', roleId: 'employee', divisionIds: ['d1'], userIds: ['ada', 'ben', 'cy'] },
      { kind: 'role', roleId: 'supervisor', divisionIds: ['d1'], userIds: ['ada'] },
    ]);
  });

  it('grants someone whose roles nobody shares in one bulkadd, and leaves out who needs none', () => {
    const calls = planGrantCalls([
      need('ada', g('employee', 'd1'), g('user', 'd1')),
      need('ben', g('employee', 'd1'), g('user', 'd1')),
      // Cy's two roles are in divisions nobody else gets: two calls for him alone, or one bulkadd.
      need('cy', g('employee', 'd9'), g('user', 'd9'), g('user', 'd8')),
      // Dee already holds everything the row names (the plan left her grants empty).
      need('dee'),
      // Eve's only role is hers alone: one call either way, a bulkadd naming her only.
      need('eve', g('supervisor', 'd3')),
    ]);
    expect(calls).toEqual([
      { kind: 'role', roleId: 'employee', divisionIds: ['d1'], userIds: ['ada', 'ben'] },
      { kind: 'role', roleId: 'user', divisionIds: ['d1'], userIds: ['ada', 'ben'] },
      { kind: 'subject', userId: 'cy', grants: [g('employee', 'd9'), g('user', 'd9'), g('user', 'd8')] },
      { kind: 'subject', userId: 'eve', grants: [g('supervisor', 'd3')] },
    ]);
  });

  it('pages a group by ROLE_GRANT_PAGE people, and costs no more than one bulkadd a person', () => {
    const people = Array.from({ length: 250 }, (_, i) =>
      need(`u${i}`, g('employee', 'd1'), g('user', i % 2 === 0 ? 'd1' : 'd2')),
    );
    const calls = planGrantCalls(people);
    expect(ROLE_GRANT_PAGE).toBe(100);
    expect(
      calls.map((c) =>
        c.kind === 'role' ? `${c.roleId}:${c.divisionIds.join(',')}:${c.userIds.length}` : c.userId,
      ),
    ).toEqual([
      'employee:d1:100',
      'employee:d1:100',
      'employee:d1:50',
      'user:d1:100',
      'user:d1:25',
      'user:d2:100',
      'user:d2:25',
    ]);
    // Every grant made exactly once.
    const made = calls.flatMap((c) =>
      c.kind === 'role'
        ? c.userIds.flatMap((u) => c.divisionIds.map((d) => `${u}/${c.roleId}/${d}`))
        : c.grants.map((x) => `${c.userId}/${x.roleId}/${x.divisionId}`),
    );
    const wanted = people.flatMap((p) => p.grants.map((x) => `${p.userId}/${x.roleId}/${x.divisionId}`));
    expect(made.sort()).toEqual(wanted.sort());
    // 101 people of one group: a page of 100, and the last one alone costs a call either way.
    expect(planGrantCalls(people.slice(0, 101).map((p) => need(p.userId, g('employee', 'd1')))).length).toBe(
      2,
    );
  });

  it('merges one user named by two rows', () => {
    expect(
      planGrantCalls([need('ada', g('employee', 'd1')), need('ada', g('employee', 'd1'), g('user', 'd1'))]),
    ).toEqual([{ kind: 'subject', userId: 'ada', grants: [g('employee', 'd1'), g('user', 'd1')] }]);
  });
});

describe('sendGrants', () => {
  /** A sender for an org where `gone` users answer 404 in any call that names them. */
  function orgWithout(gone: string[], status = 404) {
    const sent: string[][] = [];
    const firstTries: boolean[] = [];
    const send = async (call: GrantCall, firstTry: boolean) => {
      const users = call.kind === 'role' ? call.userIds : [call.userId];
      sent.push(users);
      firstTries.push(firstTry);
      await Promise.resolve();
      const missing = users.find((id) => gone.includes(id));
      if (missing)
        throw apiError(
          status,
          status === 404 ? 'not.found' : 'bad.request',
          `The user ${missing} could not be found.`,
        );
    };
    return { sent, firstTries, send };
  }

  const outcome = async (work: Map<string, Promise<void>>) =>
    Object.fromEntries(
      await Promise.all(
        [...work].map(
          async ([id, p]) =>
            [
              id,
              await p.then(
                () => 'ok',
                (e: Error) => e.message,
              ),
            ] as const,
        ),
      ),
    );

  it('splits a call that 404s in halves until the one person it is about is found; the others are granted', async () => {
    const org = orgWithout(['u5']);
    const users = Array.from({ length: 8 }, (_, i) => `u${i}`);
    const work = sendGrants([{ kind: 'role', roleId: 'employee', divisionIds: ['d1'], userIds: users }], org);
    const result = await outcome(work);
    expect(result.u5).toBe('404 not.found: The user u5 could not be found.');
    expect(
      Object.entries(result)
        .filter(([, r]) => r === 'ok')
        .map(([id]) => id),
    ).toEqual(users.filter((id) => id !== 'u5'));
    // 8 → 4 + 4 → 2 + 2 → 1 + 1: 7 calls rather than 8 one by one, and nobody granted twice.
    expect(org.sent).toEqual([
      users,
      users.slice(0, 4),
      users.slice(4),
      ['u4', 'u5'],
      ['u6', 'u7'],
      ['u4'],
      ['u5'],
    ]);
    // The first call waited out a new user's 404 already: its halves do not wait again.
    expect(org.firstTries).toEqual([true, false, false, false, false, false, false]);
  });

  it('fails everyone of a call that fails otherwise, without splitting it', async () => {
    const org = orgWithout(['u1'], 400);
    const work = sendGrants(
      [{ kind: 'role', roleId: 'employee', divisionIds: ['d1'], userIds: ['u0', 'u1', 'u2'] }],
      org,
    );
    expect(Object.values(await outcome(work))).toEqual([
      '400 bad.request: The user u1 could not be found.',
      '400 bad.request: The user u1 could not be found.',
      '400 bad.request: The user u1 could not be found.',
    ]);
    expect(org.sent).toHaveLength(1);
  });

  it('splits a call over a lower subject cap than its page until the halves fit, each still a first try', async () => {
    const sent: number[] = [];
    const firstTries: boolean[] = [];
    const work = sendGrants(
      [{ kind: 'role', roleId: 'employee', divisionIds: ['d1'], userIds: ['u0', 'u1', 'u2', 'u3', 'u4'] }],
      {
        send: async (call, firstTry) => {
          const count = call.kind === 'role' ? call.userIds.length : 1;
          sent.push(count);
          firstTries.push(firstTry);
          await Promise.resolve();
          if (count > 2)
            throw apiError(
              400,
              'bad.request',
              `At most 2 subjects may be granted a role per request (got ${count}).`,
            );
        },
      },
    );
    expect(Object.values(await outcome(work))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(sent).toEqual([5, 3, 2, 2, 1]);
    // The org refused them before looking at the subjects: the halves may still wait out a new user.
    expect(firstTries).toEqual([true, true, true, true, true]);
  });

  it("settles a person's grants when all their calls have, with every message of theirs", async () => {
    const org = orgWithout(['u1']);
    const work = sendGrants(
      [
        { kind: 'role', roleId: 'employee', divisionIds: ['d1'], userIds: ['u0', 'u1'] },
        { kind: 'role', roleId: 'user', divisionIds: ['d2'], userIds: ['u1', 'u2'] },
        { kind: 'subject', userId: 'u3', grants: [g('employee', 'd1')] },
      ],
      org,
    );
    expect(await outcome(work)).toEqual({
      u0: 'ok',
      u1: '404 not.found: The user u1 could not be found.',
      u2: 'ok',
      u3: 'ok',
    });
  });
});

describe('grants in apply', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function apply(org: FakeOrg, ...args: Parameters<typeof planOf>) {
    const running = applyPlan(planOf(...args), org, { stationFirstPollMs: 100, random: () => 0.5 });
    await vi.runAllTimersAsync();
    return running;
  }
  const rowOf = (result: ApplyResult, kind: 'person' | 'phone', email: string) =>
    result.rows.find((r) => r.kind === kind && r.email === email);

  it('grants new people together, waiting out their 404s, and makes each default station after its grants', async () => {
    const org = new FakeOrg();
    const manager = org.seedUser('Maria Manager');
    org.lagMs = { grantRole: 1500 };
    const people = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'].map((name) => newPerson(name, manager));
    const result = await apply(org, people, people.map(phoneOf));
    expect(result.ok).toBe(true);
    // Two roles, each one call for all three (retried while the new users were unknown), no bulkadd.
    expect(org.callsOf('addGrants')).toEqual([]);
    const succeeded = org.callsOf('grantRole').filter((c) => c.status === null);
    expect(succeeded.map((c) => c.userIds.length)).toEqual([3, 3]);
    for (const row of result.rows.filter((r) => r.kind === 'person')) {
      const userId = row.userId ?? '';
      expect(org.users.get(userId)?.grants).toEqual([
        { roleId: 'role-employee', divisionId: 'div-home' },
        { roleId: 'role-user', divisionId: 'div-home' },
      ]);
      // Each person's writes in order: create, then the PATCH and the grants, the phone, and only
      // once every grant call naming them has answered, the default station.
      const mine = org.calls.filter((c) => c.userIds.includes(userId));
      const lastGrant = Math.max(...mine.filter((c) => c.method === 'grantRole').map((c) => c.end));
      const station = mine.find((c) => c.method === 'setDefaultStation');
      expect(station && station.start >= lastGrant).toBe(true);
      const order = mine.map((c) => c.method).filter((m) => m !== 'grantRole' && m !== 'addQueueMembers');
      expect(order).toEqual(['patchUser', 'createPhone', 'setSkills', 'setDefaultStation']);
    }
  });

  it('on a 404 of one existing person, fails that person alone; the others of the call are granted', async () => {
    const org = new FakeOrg();
    const ids = ['James Okafor', 'Priya Patel', 'Tom Reyes', 'Sam Former'].map((name) => org.seedUser(name));
    const grants = [{ roleId: 'role-user', divisionId: 'div-2' }];
    const people = ids.map((id) => existingPerson(org, id, { patch: {}, grants }));
    // Sam was deleted after the plan: any call naming him is a 404.
    org.users.delete(ids[3] ?? '');
    const result = await apply(org, people);
    expect(rowOf(result, 'person', people[3]?.email ?? '')).toMatchObject({
      outcome: 'failed',
      error: `404 not.found: The user ${ids[3]} could not be found.`,
    });
    for (const person of people.slice(0, 3)) {
      expect(rowOf(result, 'person', person.email)?.outcome).toBe('done');
      expect(org.users.get(person.userId ?? '')?.grants).toEqual(grants);
    }
    // Not waited on (none of them is new): the call of four, its halves, then Sam alone with Tom.
    expect(org.callsOf('grantRole').map((c) => c.userIds.length)).toEqual([4, 2, 2, 1, 1]);
  });
});

describe('the role grant page (GC_ONBOARD_ROLE_GRANT_PAGE) against the sandbox', () => {
  const ROUTE = 'POST /api/v2/authorization/roles/{id}';

  /** The demo batch applied as the CLI applies it, to a sandbox that takes `cap` subjects a call. */
  async function applyDemo(cap: number, page?: string) {
    const sandbox = await startSandbox({
      ...QUICK_SANDBOX,
      real: { ...FAST_REAL, roleGrantSubjectCap: cap },
    });
    const client = await connect(
      resolveConnection({ ...sandboxEnv(sandbox.url), GC_ONBOARD_ROLE_GRANT_PAGE: page }),
    );
    try {
      const { result } = await applyImports('src/sandbox/demo', client, { ...FAST_APPLY, today: TODAY });
      const grants = sandbox.stats().requests.byRoute[ROUTE] ?? 0;
      const refused = sandbox.stats().status['400'] ?? 0;
      return { result, grants, refused, pageOfClient: client.roleGrantPage };
    } finally {
      client.close();
      await sandbox.close();
    }
  }

  it('pages grants at the setting, so an org that takes fewer subjects is never refused', async () => {
    const asSet = await applyDemo(2, '2');
    expect(asSet.pageOfClient).toBe(2);
    expect(asSet.result.ok).toBe(true);
    expect(asSet.refused).toBe(0);
    // Left at its default of 100, the same org refuses the larger calls (400), and apply splits them
    // until they fit: every grant still lands (the halves of a refused call still wait out a new
    // user's 404), for more calls.
    const byDefault = await applyDemo(2);
    expect(byDefault.pageOfClient).toBeUndefined();
    expect(byDefault.result.ok).toBe(true);
    expect(byDefault.refused).toBeGreaterThan(0);
    expect(byDefault.grants).toBeGreaterThan(asSet.grants);
  }, 30_000);
});
