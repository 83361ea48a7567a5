import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { OrgSeed } from '../../src/sandbox/index.js';
import { DEMO_IDS, demoOrg } from '../../src/sandbox/index.js';
import type { Harness } from './helpers.js';
import { apiError, ext, harness } from './helpers.js';

const D = DEMO_IDS;
const EXTRA_SKILLS = 55;
let h: Harness;
/** Ids of the 120 synthetic people, in order. */
let people: string[];

/** The demo org with 120 more people and 55 more skills (`Skill 00` … `Skill 54`): enough to hit the limits. */
function bigOrg(): OrgSeed {
  const org = demoOrg({ extraUsers: 120 });
  for (let i = 0; i < EXTRA_SKILLS; i++) {
    const n = String(i).padStart(2, '0');
    org.skills.push({ id: `5eed0000-0007-4000-8000-9999999999${n}`, name: `Skill ${n}` });
  }
  return org;
}

const extraSkillIds = (count: number, from = 0): string[] =>
  Array.from(
    { length: count },
    (_, i) => `5eed0000-0007-4000-8000-9999999999${String(from + i).padStart(2, '0')}`,
  );

beforeAll(async () => {
  h = await harness({ org: bigOrg(), rateLimitPerMinute: 100_000, real: false });
  people = h.sandbox
    .state()
    .users.filter((u) => u.email.endsWith('@staff.northfield.edu'))
    .map((u) => u.id);
});
afterAll(async () => {
  await h.sandbox.close();
});
beforeEach(() => {
  h.sandbox.reset();
});

const membersOf = (queueId: string) =>
  h.sandbox
    .state()
    .queueMembers.filter((m) => m.queueId === queueId)
    .map((m) => m.userId);

describe('GET /api/v2/routing/queues', () => {
  it('pages the five demo queues by name with the Genesys paging fields', async () => {
    const first = (await ext(h.routing.getRoutingQueues({ pageSize: 2, pageNumber: 1 }))).body;
    expect(first).toMatchObject({ total: 5, pageCount: 3, pageSize: 2, pageNumber: 1 });
    expect(first.entities?.map((q) => q.name)).toEqual(['Admissions Inquiries', 'Financial Aid']);
    expect(first.nextUri).toBe('/api/v2/routing/queues?pageSize=2&pageNumber=2');
    expect(first.lastUri).toBe('/api/v2/routing/queues?pageSize=2&pageNumber=3');
    const last = (await ext(h.routing.getRoutingQueues({ pageSize: 2, pageNumber: 3 }))).body;
    expect(last.entities?.map((q) => q.name)).toEqual(['Student Services General']);
    expect(last.nextUri).toBeUndefined();
    expect(last.previousUri).toBe('/api/v2/routing/queues?pageSize=2&pageNumber=2');
    expect(first.entities![1]).toMatchObject({
      id: D.queues.financialAid,
      division: { id: D.divisions.studentServices, name: 'Student Services' },
    });
  });

  it('filters by exact name, * wildcards, id and division; refuses pageSize over 500', async () => {
    const names = async (opts: Parameters<typeof h.routing.getRoutingQueues>[0]) =>
      (await ext(h.routing.getRoutingQueues(opts))).body.entities?.map((q) => q.name);
    expect(await names({ name: 'registrar' })).toEqual(['Registrar']);
    expect(await names({ name: 'Financial' })).toEqual([]);
    expect(await names({ name: 'Financial*' })).toEqual(['Financial Aid']);
    expect(await names({ name: '*Help*' })).toEqual(['IT Help Desk Tier 1']);
    expect(await names({ id: [D.queues.registrar, D.queues.admissionsInquiries] })).toEqual([
      'Admissions Inquiries',
      'Registrar',
    ]);
    expect(await names({ divisionId: [D.divisions.admissions] })).toEqual(['Admissions Inquiries']);
    expect((await ext(h.routing.getRoutingQueues({ pageSize: 500 }))).status).toBe(200);
    await apiError(h.routing.getRoutingQueues({ pageSize: 501 }), 400, 'invalid.value');
  });
});

describe('queue members', () => {
  const add = (queueId: string, ids: string[]) =>
    ext(
      h.routing.postRoutingQueueMembers(
        queueId,
        ids.map((id) => ({ id })),
      ),
    );

  it('adds 100 members in one call, and reads them back in pages without counts, as Genesys does', async () => {
    const hundred = people.slice(0, 100);
    expect((await add(D.queues.financialAid, hundred)).status).toBe(204);
    expect(membersOf(D.queues.financialAid).sort()).toEqual([...hundred].sort());

    const page1 = (
      await ext(h.routing.getRoutingQueueMembers(D.queues.financialAid, { pageSize: 60, pageNumber: 1 }))
    ).body;
    expect(page1.entities).toHaveLength(60);
    expect(page1.nextUri).toContain('pageNumber=2');
    // QueueMemberEntityListing has no total, pageCount or lastUri.
    expect(page1).not.toHaveProperty('total');
    expect(page1).not.toHaveProperty('pageCount');
    expect(page1).not.toHaveProperty('lastUri');
    const page2 = (
      await ext(h.routing.getRoutingQueueMembers(D.queues.financialAid, { pageSize: 60, pageNumber: 2 }))
    ).body;
    expect(page2.entities).toHaveLength(40);
    expect(page2.nextUri).toBeUndefined();
    const seen = [...page1.entities!, ...page2.entities!].map((m) => m.id);
    expect(new Set(seen).size).toBe(100);
    expect(page1.entities![0]).toMatchObject({ joined: true, memberBy: 'user' });
    expect(page1.entities![0]!.user?.id).toBe(page1.entities![0]!.id);

    await apiError(
      h.routing.getRoutingQueueMembers(D.queues.financialAid, { pageSize: 101 }),
      400,
      'invalid.value',
    );
  });

  it('refuses 101 members in one call with 400 and adds none of them', async () => {
    const body = await apiError(add(D.queues.financialAid, people.slice(0, 101)), 400, 'bad.request');
    expect(body.message).toContain('100');
    expect(membersOf(D.queues.financialAid)).toEqual([]);
  });

  it('is idempotent, removes with delete=true, and shows membership on GET /users/{id}/queues', async () => {
    await add(D.queues.registrar, [D.users.james, D.users.priya]);
    await add(D.queues.registrar, [D.users.james]);
    expect(membersOf(D.queues.registrar).sort()).toEqual([D.users.james, D.users.priya].sort());

    const james = (await ext(h.users.getUserQueues(D.users.james))).body;
    expect(james.entities?.map((q) => q.name)).toEqual(['Registrar', 'Student Services General']);
    expect(james.entities?.every((q) => q.joined)).toBe(true);

    const removed = await ext(
      h.routing.postRoutingQueueMembers(D.queues.registrar, [{ id: D.users.priya }], { _delete: true }),
    );
    expect(removed.status).toBe(204);
    expect(membersOf(D.queues.registrar)).toEqual([D.users.james]);
    // Removing someone who is not a member is harmless too.
    await ext(
      h.routing.postRoutingQueueMembers(D.queues.registrar, [{ id: D.users.priya }], { _delete: true }),
    );
    expect(membersOf(D.queues.registrar)).toEqual([D.users.james]);
  });

  it('answers 404 for an unknown queue, 400 for an unknown or deleted user (adding no one) and an empty list', async () => {
    await apiError(add('nope', [D.users.james]), 404, 'not.found');
    const body = await apiError(add(D.queues.registrar, [D.users.james, 'nobody']), 400, 'invalid.value');
    expect(body.details[0].fieldName).toBe('[1].id');
    await apiError(add(D.queues.registrar, [D.users.sam]), 400, 'invalid.value');
    await apiError(add(D.queues.registrar, []), 400, 'bad.request');
    expect(membersOf(D.queues.registrar)).toEqual([]);
  });
});

describe('routing skills', () => {
  const patch = (userId: string, skills: Array<{ id: string; proficiency: number }>) =>
    ext(h.users.patchUserRoutingskillsBulk(userId, skills));

  it('lists skills with a case-insensitive name prefix filter', async () => {
    const names = async (name: string) =>
      (await ext(h.routing.getRoutingSkills({ name, pageSize: 100 }))).body.entities?.map((s) => s.name);
    expect(await names('fr')).toEqual(['French']);
    expect(await names('Skill 5')).toEqual(['Skill 50', 'Skill 51', 'Skill 52', 'Skill 53', 'Skill 54']);
    expect(await names('rench')).toEqual([]);
    const all = (await ext(h.routing.getRoutingSkills({ pageSize: 500 }))).body;
    expect(all.total).toBe(6 + EXTRA_SKILLS);
    await apiError(h.routing.getRoutingSkills({ pageSize: 501 }), 400, 'invalid.value');
  });

  it('adds and updates with PATCH …/routingskills/bulk, replaces with PUT, and reads back', async () => {
    const res = await patch(D.users.james, [
      { id: D.skills.spanish, proficiency: 3 },
      { id: D.skills.english, proficiency: 4.5 },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.entities?.map((s) => [s.name, s.proficiency])).toEqual([
      ['English', 4.5],
      ['Spanish', 3],
    ]);
    const read = (await ext(h.users.getUserRoutingskills(D.users.james))).body;
    expect(read.total).toBe(2);
    expect(read.entities?.[0]).toMatchObject({ id: D.skills.english, state: 'active' });

    const replaced = await ext(
      h.users.putUserRoutingskillsBulk(D.users.james, [{ id: D.skills.french, proficiency: 1 }]),
    );
    expect(replaced.body.entities?.map((s) => s.name)).toEqual(['French']);
    expect(h.sandbox.state().users.find((u) => u.id === D.users.james)?.skills).toEqual([
      { id: D.skills.french, proficiency: 1 },
    ]);
  });

  it('takes at most 50 skills per call and lets a user hold at most 50, with 400 past either', async () => {
    const fiftyOne = extraSkillIds(51).map((id) => ({ id, proficiency: 2 }));
    const perCall = await apiError(patch(D.users.priya, fiftyOne), 400, 'bad.request');
    expect(perCall.message).toContain('50');
    expect(h.sandbox.state().users.find((u) => u.id === D.users.priya)?.skills).toHaveLength(1);

    // Priya holds Password Reset; 49 more make 50.
    expect((await patch(D.users.priya, fiftyOne.slice(0, 49))).body.total).toBe(50);
    const perUser = await apiError(
      patch(D.users.priya, [{ id: extraSkillIds(1, 49)[0]!, proficiency: 1 }]),
      400,
      'bad.request',
    );
    expect(perUser.message).toContain('50');
    // Updating a skill she holds is still fine at 50.
    const updated = await patch(D.users.priya, [{ id: D.skills.passwordReset, proficiency: 5 }]);
    expect(updated.body.entities?.find((s) => s.id === D.skills.passwordReset)?.proficiency).toBe(5);
    expect((await ext(h.users.getUserRoutingskills(D.users.priya, { pageSize: 100 }))).body.total).toBe(50);
    // PUT of 51 is refused the same way.
    await apiError(ext(h.users.putUserRoutingskillsBulk(D.users.priya, fiftyOne)), 400, 'bad.request');
  });

  it('refuses unknown skills, proficiency outside 0–5, a skill twice, and unknown users', async () => {
    await apiError(patch(D.users.james, [{ id: 'nope', proficiency: 1 }]), 400, 'invalid.value');
    await apiError(patch(D.users.james, [{ id: D.skills.french, proficiency: 6 }]), 400, 'invalid.value');
    await apiError(patch(D.users.james, [{ id: D.skills.french, proficiency: -1 }]), 400, 'invalid.value');
    await apiError(
      patch(D.users.james, [
        { id: D.skills.french, proficiency: 1 },
        { id: D.skills.french, proficiency: 2 },
      ]),
      400,
      'bad.request',
    );
    await apiError(patch('nobody', [{ id: D.skills.french, proficiency: 1 }]), 404, 'not.found');
    expect(h.sandbox.state().users.find((u) => u.id === D.users.james)?.skills).toEqual([
      { id: D.skills.english, proficiency: 5 },
    ]);
  });
});
