// An org of 10,000 extra people: the export costs the calls expectedExportCalls says (a few hundred,
// nothing per person), paced without a single 429, and plans back as all unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedExportCalls, readOrgForExport, type ExportSizes } from '../../src/genesys/export-read.js';
import { demoOrg, type OrgSeed } from '../../src/sandbox/index.js';
import { exportAndPlan, openSession, type Session } from './helpers.js';

/** The sizes the call count depends on, counted from the seed (not from what the export read). */
function seedSizes(org: OrgSeed): ExportSizes {
  const live = org.users.filter((user) => user.state !== 'deleted');
  const active = org.users.filter((user) => (user.state ?? 'active') === 'active');
  const activeIds = new Set(active.map((user) => user.id));
  const webRtcBases = new Set(
    org.phoneBaseSettings
      .filter((base) => base.phoneMetaBase.id === 'inin_webrtc_softphone.json')
      .map((b) => b.id),
  );
  return {
    divisions: org.divisions.length,
    homeReadSeparately: false,
    roles: org.roles.length,
    queues: org.queues.length,
    skills: org.skills.length,
    locations: org.locations.length,
    sites: org.sites.length,
    phoneBaseSettings: org.phoneBaseSettings.length,
    activeUsers: active.length,
    subjectsPerRole: org.roles.map(
      (role) => live.filter((user) => (user.grants ?? []).some((grant) => grant.roleId === role.id)).length,
    ),
    membersPerQueue: org.queues.map(
      (queue) => live.filter((user) => (user.queueIds ?? []).includes(queue.id)).length,
    ),
    phones: org.phones.length,
    // A deleted phone stays listed but has no user any more.
    webRtcPhones: org.phones.filter((phone) => phone.webRtcUserId && phone.state !== 'deleted').length,
    stations: org.phones.filter((phone) => phone.stationId && webRtcBases.has(phone.phoneBaseSettingsId))
      .length,
    otherManagers: new Set(
      active.flatMap((user) => (user.managerId && !activeIds.has(user.managerId) ? [user.managerId] : [])),
    ).size,
    rereads: { listings: 0, singles: 0 },
  };
}

// CPU-bound (10,000 people exported, parsed and planned back: about 10 s of one core alone), so it
// gets the time it needs when the other test files share the cores with it.
describe('export of an org with 10,000 more people', { timeout: 90_000 }, () => {
  const org = demoOrg({ extraUsers: 10_000 });
  const expected = seedSizes(org);
  let session: Session;
  beforeAll(async () => {
    // 300 calls per 1-second window: the real limit per minute, with time scaled 60 times.
    session = await openSession({ org, rateLimitPerMinute: 300, rateWindowSeconds: 1 });
  });
  afterAll(async () => session.close());

  it('takes the calls of the formula, a few hundred, paced without a 429', async () => {
    const before = session.sandbox.stats().requests.total;
    const data = await readOrgForExport(session.client);
    const calls = session.sandbox.stats().requests.total - before;

    expect({
      ...data.sizes,
      subjectsPerRole: [...data.sizes.subjectsPerRole].sort(),
      membersPerQueue: [...data.sizes.membersPerQueue].sort(),
    }).toEqual({
      ...expected,
      subjectsPerRole: [...expected.subjectsPerRole].sort(),
      membersPerQueue: [...expected.membersPerQueue].sort(),
      // Which users' expands the org drops (2 % each, seeded) is its choice: re-read in a few calls.
      rereads: data.sizes.rereads,
    });
    const { listings, singles } = data.sizes.rereads;
    expect(listings).toBeLessThanOrEqual(3 * Math.ceil((expected.activeUsers * 0.1) / 100));
    expect(singles).toBeLessThanOrEqual(5);
    expect(calls).toBe(expectedExportCalls(data.sizes));
    // 7 reference listings + 21 user pages + 74 grant pages + 30 member pages + 11 phone + 11 station
    // pages, plus the re-reads.
    expect(calls).toBe(154 + listings + singles);
    expect(session.sandbox.stats().status['429']).toBeUndefined();
    expect(session.client.stats().rateLimited).toBe(0);
    expect(data.users.filter((user) => user.state === 'active')).toHaveLength(expected.activeUsers);
  });

  it('plans the whole export back as unchanged', async () => {
    const { result, imports, plan } = await exportAndPlan(session);
    expect(result).toMatchObject({ people: expected.activeUsers, phones: 1001, findings: [] });
    expect(imports.findings).toEqual([]);
    expect(plan.summary.people).toEqual({
      create: 0,
      update: 0,
      unchanged: expected.activeUsers,
      skip: 0,
      error: 0,
    });
    expect(plan.summary.phones).toEqual({ create: 0, update: 0, unchanged: 1001, error: 0 });
  });
});
