// Apply starts rows a window at a time (rowWindow), so that memory does not grow with the batch: at
// most that many rows have writes under way, and each user's writes still go in their order (create,
// PATCH, skills, division move, default station), never two version-checked ones at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { applyPlan, type ApplyOptions } from '../../src/apply/apply.js';
import type { ApplyResult } from '../../src/apply/results.js';
import type { PersonPlan, PhonePlan } from '../../src/plan/types.js';
import { existingPerson, FakeOrg, newPerson, phoneOf, planOf, type Call, type Method } from './fake-org.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

async function apply(people: PersonPlan[], phones: PhonePlan[], org: FakeOrg, options: ApplyOptions) {
  const running = applyPlan(planOf(people, phones), org, {
    stationFirstPollMs: 100,
    random: () => 0.5,
    userWriteGapMs: 5,
    ...options,
  });
  await vi.runAllTimersAsync();
  const result: ApplyResult = await running;
  expect(result.rows.filter((row) => row.outcome !== 'done')).toEqual([]);
  return result;
}

/** A batch of new people with phones who report to an existing manager. */
function batch(org: FakeOrg, count: number) {
  const manager = org.seedUser('Maria Manager');
  const people = Array.from({ length: count }, (_, i) => newPerson(`Person ${i} Window`, manager));
  return { people, phones: people.map(phoneOf) };
}

/** The most calls of `methods` on the wire at once. */
function peakCalls(calls: Call[], methods: Method[]): number {
  const mine = calls.filter((c) => methods.includes(c.method));
  return Math.max(0, ...mine.map((c) => mine.filter((o) => o.start <= c.start && o.end > c.start).length));
}

/**
 * The most users whose row follow-ups (PATCH, skills, phone) were under way at once: a user counts
 * from the start of their first such call to the end of their last.
 */
function peakRows(calls: Call[]): number {
  const spans = new Map<string, { start: number; end: number }>();
  for (const call of calls) {
    if (!['patchUser', 'setSkills', 'createPhone'].includes(call.method)) continue;
    for (const id of call.userIds) {
      const span = spans.get(id) ?? { start: call.start, end: call.end };
      spans.set(id, { start: Math.min(span.start, call.start), end: Math.max(span.end, call.end) });
    }
  }
  const all = [...spans.values()];
  return Math.max(0, ...all.map((s) => all.filter((o) => o.start <= s.start && o.end > s.start).length));
}

describe('the row window', () => {
  it('has at most rowWindow rows of follow-ups, and creates, under way at once', async () => {
    const org = new FakeOrg();
    const { people, phones } = batch(org, 40);
    await apply(people, phones, org, { rowWindow: 4 });
    expect(peakRows(org.calls)).toBeLessThanOrEqual(4);
    expect(peakCalls(org.calls, ['createUser'])).toBeLessThanOrEqual(4);
    expect(peakCalls(org.calls, ['setDefaultStation'])).toBeLessThanOrEqual(4);
    // The window is used, not one row after the other.
    expect(peakRows(org.calls)).toBeGreaterThan(1);
  });

  it('is what bounds them: with a window as large as the batch, every row is under way at once', async () => {
    const org = new FakeOrg();
    const { people, phones } = batch(org, 40);
    await apply(people, phones, org, { rowWindow: 1_000 });
    expect(peakRows(org.calls)).toBeGreaterThan(20);
    expect(peakCalls(org.calls, ['createUser'])).toBeGreaterThan(20);
  });

  it('runs follow-ups beside the creates, even behind phones whose default waits for the grants', async () => {
    const org = new FakeOrg();
    // Existing agents first, each with a phone whose station is known: its default waits for the
    // grants, which go after the last create. Their rows must not hold the window meanwhile.
    const agents = Array.from({ length: 4 }, (_, i) =>
      existingPerson(org, org.seedUser(`Agent ${i} Rehomed`), { patch: {}, queueIds: [] }),
    );
    const agentPhones = agents.map((agent) => ({
      ...phoneOf(agent),
      action: 'update' as const,
      phoneId: `phone-of-${agent.userId}`,
      stationId: `station-of-${agent.userId}`,
    }));
    const { people, phones } = batch(org, 20);
    await apply([...agents, ...people], [...agentPhones, ...phones], org, {
      rowWindow: 4,
      maxCallsInFlight: 4,
    });
    const lastCreate = Math.max(...org.callsOf('createUser').map((c) => c.end));
    const agentIds = new Set(agents.map((agent) => agent.userId));
    const newPatches = org.callsOf('patchUser').filter((c) => !c.userIds.some((id) => agentIds.has(id)));
    expect(newPatches).toHaveLength(20);
    const firstNewPatch = Math.min(...newPatches.map((c) => c.start));
    expect(firstNewPatch).toBeLessThan(lastCreate);
    // And those defaults still came after every grant call naming their person.
    for (const agent of agents) {
      const grants = org.callsOf('grantRole', agent.userId ?? '').map((c) => c.end);
      const station = org.callsOf('setDefaultStation', agent.userId ?? '')[0];
      expect(station?.start).toBeGreaterThanOrEqual(Math.max(...grants));
    }
  });

  it("keeps each user's writes in order, whatever the window", async () => {
    const org = new FakeOrg();
    const { people, phones } = batch(org, 12);
    const movers = Array.from({ length: 6 }, (_, i) =>
      existingPerson(org, org.seedUser(`Existing ${i} Mover`), {
        moveToDivisionId: 'div-2',
        skills: [{ skillId: 'skill-english', proficiency: 3 }],
      }),
    );
    const moverPhones = movers.map(phoneOf);
    await apply([...people, ...movers], [...phones, ...moverPhones], org, { rowWindow: 3 });

    expect(org.overlaps).toEqual([]);
    const order: Method[] = ['createUser', 'patchUser', 'setSkills', 'moveUsers', 'setDefaultStation'];
    for (const user of org.users.values()) {
      if (user.name === 'Maria Manager') continue;
      const calls = org.calls.filter(
        (c) => c.userIds.includes(user.id) && order.includes(c.method) && c.status === null,
      );
      const methods = calls.map((c) => c.method);
      // Each write ends before the next one of that user starts, in this order.
      expect(methods, user.name).toEqual([...methods].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
      for (let i = 1; i < calls.length; i += 1)
        expect(calls[i]!.start, user.name).toBeGreaterThanOrEqual(calls[i - 1]!.end);
      // Its phone went out once its PATCH had answered.
      const patch = calls.find((c) => c.method === 'patchUser');
      const phone = org.calls.find((c) => c.method === 'createPhone' && c.userIds.includes(user.id));
      expect(phone?.start, user.name).toBeGreaterThanOrEqual(patch?.end ?? 0);
    }
    // The six movers in one call, after every one of their PATCHes and skills.
    expect(org.callsOf('moveUsers')).toHaveLength(1);
  });
});

describe('the collector a large plan is given', () => {
  it('runs once per window of rows that finish a step, and changes no write', async () => {
    const collected: number[] = [];
    const org = new FakeOrg();
    const { people, phones } = batch(org, 40);
    await apply(people, phones, org, {
      rowWindow: 8,
      collectGarbage: () => collected.push(org.calls.length),
    });
    // 40 creates, 40 follow-up rows (a person with their phone) and 40 default stations, 8 at a time.
    expect(collected).toHaveLength(15);
    // Between windows, while calls go on: not all at the start or the end.
    expect(new Set(collected).size).toBeGreaterThan(3);

    const plain = new FakeOrg();
    const again = batch(plain, 40);
    await apply(again.people, again.phones, plain, { rowWindow: 8 });
    const methods = (calls: Call[]) => calls.map((call) => call.method).sort();
    expect(methods(org.calls)).toEqual(methods(plain.calls));
  });
});

describe('fullCollection (run/memory.ts)', () => {
  it('gives a working full garbage collection, and only large plans get it', async () => {
    const { collectorFor, fullCollection, TIDY_FROM_ROWS } = await import('../../src/run/memory.js');
    const collect = fullCollection();
    expect(collect).toBeTypeOf('function');
    expect(() => collect?.()).not.toThrow();
    // Rows are people and phones: half of the threshold in people, with their phones, is just enough.
    const planFor = (people: number) => {
      const org = new FakeOrg();
      const { people: rows, phones } = batch(org, people);
      return planOf(rows, phones);
    };
    expect(collectorFor(planFor(TIDY_FROM_ROWS / 2 - 1))).toEqual({});
    expect(collectorFor(planFor(TIDY_FROM_ROWS / 2)).collectGarbage).toBe(collect);
  });
});
