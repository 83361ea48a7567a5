// The demo batch (9 new people + 1 update, 10 WebRTC phones) applied to the demo org through the
// real SDK and transport: the org it leaves, the rows it reports, and the exact writes it makes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Progress } from '../../src/apply/apply.js';
import type { ApplyResult } from '../../src/apply/results.js';
import { countResults, resultsToCsv, resultsToText } from '../../src/apply/results.js';
import type { ImportSet } from '../../src/csv/types.js';
import type { GenesysClient } from '../../src/genesys/client.js';
import { loadImports } from '../../src/imports.js';
import type { Plan } from '../../src/plan/types.js';
import { DEMO_IDS, startSandbox, type Sandbox, type SandboxStateDump } from '../../src/sandbox/index.js';
import {
  connectTo,
  diffCounts,
  duplicates,
  orgProblems,
  planAndApply,
  planFor,
  writesByRoute,
} from './fixtures.js';

const D = DEMO_IDS;
const APPLY = { stationFirstPollMs: 300 };

let sandbox: Sandbox;
let client: GenesysClient;
let imports: ImportSet;
let plan: Plan;
let result: ApplyResult;
let state: SandboxStateDump;
let applyRoutes: Record<string, number>;
const progress: Progress[] = [];

beforeAll(async () => {
  // The real limiter (per 60 s window) at 20 times the default 300/min, so the demo takes about a second.
  sandbox = await startSandbox({
    rateLimitPerMinute: 6000,
    rateWindowSeconds: 60,
    userSearchLagMs: 200,
    stationLagMs: 200,
    // Every real-org behaviour on but the new-user lags, so that every write below is counted exactly;
    // real-org.test.ts applies the demo with the lags too, and counts what their retries cost.
    real: { authorizationLagMs: 0, routingLagMs: 0, telephonyLagMs: 0 },
  });
  client = await connectTo(sandbox.url, { limit: 6000, windowMs: 60_000 });
  imports = await loadImports('src/sandbox/demo');
  const before = sandbox.stats().requests.byRoute;
  ({ plan, result } = await planAndApply(client, imports, { ...APPLY, onProgress: (p) => progress.push(p) }));
  applyRoutes = diffCounts(sandbox.stats().requests.byRoute, before);
  state = sandbox.state();
});

afterAll(async () => {
  client?.close();
  await sandbox?.close();
});

const userByEmail = (email: string) => {
  const user = state.users.find((u) => u.email === email);
  if (!user) throw new Error(`no user ${email}`);
  return user;
};

describe('applying the demo batch', () => {
  it('plans 9 creates and 1 update of people and 10 new phones, and applies every row', () => {
    expect(imports.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(plan.summary.people).toMatchObject({ create: 9, update: 1, unchanged: 0, error: 0 });
    expect(plan.summary.phones).toMatchObject({ create: 10, update: 0, unchanged: 0, error: 0 });
    expect(result.ok).toBe(true);
    expect(result.refused).toBeNull();
    expect(countResults(result.rows, 'person')).toEqual({
      done: 10,
      unchanged: 0,
      skip: 0,
      held: 0,
      failed: 0,
    });
    expect(countResults(result.rows, 'phone')).toEqual({
      done: 10,
      unchanged: 0,
      skip: 0,
      held: 0,
      failed: 0,
    });
    expect(result.locationsCreated).toEqual([]);
  });

  it('leaves the org exactly as the rows ask, with nothing twice', () => {
    expect(orgProblems(state, imports)).toEqual([]);
    expect(duplicates(state)).toEqual([]);
  });

  it('creates each person in their division with their fields, manager and location', () => {
    const aisha = userByEmail('aisha.rahman@northfield.edu');
    expect(aisha).toMatchObject({
      name: 'Aisha Rahman',
      state: 'active',
      divisionId: D.divisions.studentServices,
      title: 'Student Services Advisor',
      department: 'Student Services',
      managerId: D.users.maria,
      locations: [{ id: D.locations.welcomeCenter }],
      dateWelcomeSent: null,
    });
    expect(aisha.addresses).toEqual([
      expect.objectContaining({
        address: '+12155550101',
        extension: '4101',
        mediaType: 'PHONE',
        type: 'WORK',
      }),
    ]);
    const emily = userByEmail('emily.nguyen@northfield.edu');
    // Farah reports to Emily, who is created by the same import.
    expect(userByEmail('farah.haddad@northfield.edu').managerId).toBe(emily.id);
    expect(userByEmail('george.lin@northfield.edu').divisionId).toBe(D.divisions.admissions);
  });

  it('grants every role in the divisions the row names, and only those', () => {
    const emily = userByEmail('emily.nguyen@northfield.edu');
    const grants = state.grants
      .filter((g) => g.subjectId === emily.id)
      .map((g) => `${g.roleId}@${g.divisionId}`)
      .sort();
    expect(grants).toEqual(
      [
        `${D.roles.employee}@${D.divisions.studentServices}`,
        `${D.roles.pureCloudUser}@${D.divisions.studentServices}`,
        `${D.roles.pureCloudSupervisor}@${D.divisions.studentServices}`,
        `${D.roles.pureCloudSupervisor}@${D.divisions.admissions}`,
      ].sort(),
    );
    const george = userByEmail('george.lin@northfield.edu');
    expect(state.grants.filter((g) => g.subjectId === george.id).map((g) => g.divisionId)).toEqual([
      D.divisions.admissions,
      D.divisions.admissions,
    ]);
  });

  it('joins queues and sets skills, adding to what an existing person has', () => {
    const emily = userByEmail('emily.nguyen@northfield.edu');
    const queuesOf = (userId: string) =>
      state.queueMembers
        .filter((m) => m.userId === userId)
        .map((m) => m.queueId)
        .sort();
    expect(queuesOf(emily.id)).toEqual(
      [D.queues.studentServicesGeneral, D.queues.financialAid, D.queues.registrar].sort(),
    );
    const diego = userByEmail('diego.fernandez@northfield.edu');
    expect(diego.skills).toEqual(
      expect.arrayContaining([
        { id: D.skills.english, proficiency: 4 },
        { id: D.skills.spanish, proficiency: 5 },
        { id: D.skills.financialAid, proficiency: 5 },
      ]),
    );
    // James existed: his title changes, he joins Financial Aid and gains a skill, and keeps the rest.
    const james = userByEmail('james.okafor@northfield.edu');
    expect(james.id).toBe(D.users.james);
    expect(james.title).toBe('Senior Student Services Advisor');
    expect(queuesOf(james.id)).toEqual([D.queues.studentServicesGeneral, D.queues.financialAid].sort());
    expect(james.skills).toEqual(
      expect.arrayContaining([
        { id: D.skills.english, proficiency: 5 },
        { id: D.skills.financialAid, proficiency: 3 },
      ]),
    );
  });

  it('gives each person a WebRTC phone on the site and base settings, as their default station', () => {
    const newPhones = state.phones.filter((p) => p.id !== D.phones.maria && p.state !== 'deleted');
    expect(newPhones).toHaveLength(10);
    for (const phone of newPhones) {
      const user = state.users.find((u) => u.id === phone.webRtcUserId);
      expect(user, phone.name).toBeDefined();
      expect(phone).toMatchObject({
        siteId: D.sites.mainCampus,
        phoneBaseSettingsId: D.phoneBaseSettings.webRtc,
        lines: [expect.objectContaining({ lineBaseSettingsId: D.lineBaseSettings.webRtc })],
      });
      expect(user?.defaultStationId).toBe(phone.stationId);
    }
    expect(newPhones.map((p) => p.name)).toContain('James Okafor WebRTC');
    expect(newPhones.map((p) => p.name)).toContain('Chloé Dubois');
  });

  it('reports every row with the ids it created or used', () => {
    const people = result.rows.filter((r) => r.kind === 'person');
    const phones = result.rows.filter((r) => r.kind === 'phone');
    for (const row of people) {
      expect(row.userId).toBe(userByEmail(row.email).id);
      expect(row.error).toBeNull();
    }
    expect(people.find((r) => r.email === 'james.okafor@northfield.edu')).toMatchObject({
      planned: 'update',
      outcome: 'done',
      userId: D.users.james,
    });
    for (const row of phones) {
      const phone = state.phones.find((p) => p.name === row.name && p.state !== 'deleted');
      expect(row).toMatchObject({
        planned: 'create',
        outcome: 'done',
        userId: userByEmail(row.email).id,
        phoneId: phone?.id,
        stationId: phone?.stationId,
        error: null,
      });
    }
    expect(resultsToText(result)).toMatch(
      /^People: 10 done · 0 unchanged · 0 skipped · 0 held · 0 failed\nPhones: 10 done/,
    );
    const csv = resultsToCsv(result.rows).split('\r\n');
    expect(csv[0]).toBe('kind,batch,file,line,email,name,planned,outcome,userId,phoneId,stationId,error');
    expect(csv).toHaveLength(22); // header, 20 rows, the final line break
  });

  it('reports progress by rows and calls, with an estimate of time left', () => {
    // One event per answered call and per finished row.
    expect(progress).toHaveLength(59 + 20);
    expect(progress.at(-1)).toMatchObject({
      people: { done: 10, total: 10 },
      phones: { done: 10, total: 10 },
      // The estimate was exact: 58 writes and one page of stations.
      calls: { done: 59, planned: 59 },
      etaSeconds: 0,
    });
    const half = progress.find((p) => p.calls.done === 29);
    expect(half?.etaSeconds).toBeGreaterThan(0);
    expect(half?.etaSeconds).toBeLessThan(10);
  });

  it('makes exactly the writes the rows need, bulk where the API allows, and never an invite', () => {
    // New person with a phone: POST user, PATCH (manager + location), skills, POST phone, PUT default
    // station = 5, plus their share of the role grant, queue and station-list calls.
    // James (update): PATCH (title), skills, POST phone, PUT default = 4 (his grants exist already).
    expect(writesByRoute(sandbox)).toEqual({
      'POST /api/v2/users': 9,
      'PATCH /api/v2/users/{id}': 10,
      // One call per role and division set for all the people who get it: employee and PureCloud User
      // in Student Services (7 people each) and in Admissions (2 each), PureCloud Supervisor in
      // Admissions and Student Services (Emily).
      'POST /api/v2/authorization/roles/{id}': 5,
      'PATCH /api/v2/users/{id}/routingskills/bulk': 10,
      // One call per queue for all its new members: General, Financial Aid, Registrar, Admissions.
      'POST /api/v2/routing/queues/{id}/members': 4,
      'POST /api/v2/telephony/providers/edges/phones': 10,
      'PUT /api/v2/users/{id}/station/defaultstation/{stationId}': 10,
    });
    // The stations of all 10 new phones come from one listing page, not 10 lookups.
    // Apply's one page; the plan reads none, since no phone of the batch exists yet.
    expect(applyRoutes['GET /api/v2/stations']).toBe(1);
    expect(applyRoutes['GET /api/v2/users/{id}']).toBeUndefined();
    expect(sandbox.stats().requests.byRoute['POST /api/v2/users/{id}/invite']).toBeUndefined();
    expect(state.invites).toEqual([]);
    expect(sandbox.stats().status['429']).toBeUndefined();
  });

  it('plans everything unchanged afterwards, and a second apply writes nothing', async () => {
    const before = sandbox.stats().requests.byRoute;
    const again = await planAndApply(client, imports, APPLY);
    expect(again.plan.summary.people).toMatchObject({ create: 0, update: 0, unchanged: 10, error: 0 });
    expect(again.plan.summary.phones).toMatchObject({ create: 0, update: 0, unchanged: 10, error: 0 });
    expect(again.result.ok).toBe(true);
    expect(countResults(again.result.rows, 'person').unchanged).toBe(10);
    expect(countResults(again.result.rows, 'phone').unchanged).toBe(10);
    const calls = diffCounts(sandbox.stats().requests.byRoute, before);
    expect(
      Object.keys(calls).filter((route) => !route.startsWith('GET ') && !route.endsWith('/search')),
    ).toEqual([]);
    expect(sandbox.state()).toEqual(state);
    const third = await planFor(client, imports);
    expect(third.plan.summary.people.unchanged).toBe(10);
  });
});
