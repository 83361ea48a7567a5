// Every write is safe to repeat: updates with division moves make exactly their writes, and a run in
// which every write is made twice (the first answer lost, as after a dropped connection or a timeout)
// still converges, reconciling each conflict instead of failing or duplicating.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { applyPlan } from '../../src/apply/apply.js';
import type { OrgWriter } from '../../src/apply/org.js';
import type { ImportSet } from '../../src/csv/types.js';
import { validateImportSet } from '../../src/csv/validate.js';
import type { GenesysClient } from '../../src/genesys/client.js';
import { orgWriter } from '../../src/genesys/writer.js';
import { loadImports } from '../../src/imports.js';
import { DEMO_IDS, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import {
  connectTo,
  FAST_APPLY,
  FAST_REAL,
  diffCounts,
  duplicates,
  generatedImports,
  orgProblems,
  planAndApply,
  planFor,
  writesByRoute,
} from './fixtures.js';

const D = DEMO_IDS;
const APPLY = FAST_APPLY;

// Priya moves from IT Help Desk to Student Services with a new title, manager, location, roles, queue
// and skill; Tom (inactive) moves too and gains a role and a queue. Columns left out are left alone.
const UPDATES = `name,email,title,department,email_manager,location_work,roles_divisions,queues,division,skills
Priya Patel,priya.patel@northfield.edu,Student Services Advisor,Student Services,maria.gonzalez@northfield.edu,Northfield Main Campus - Welcome Center,"employee:[Student Services], PureCloud User:[Student Services]",Student Services General,Student Services,English:4
Tom Reyes,tom.reyes@northfield.edu,Admissions Counselor,Admissions,,,PureCloud User:[Admissions],Admissions Inquiries,Student Services,
`;
const updates: ImportSet = validateImportSet({
  root: 'imports',
  batches: [{ name: 'moves', files: { people: { path: 'imports/moves/people.csv', content: UPDATES } } }],
});

let sandbox: Sandbox;
let client: GenesysClient;

beforeAll(async () => {
  sandbox = await startSandbox({
    rateLimitPerMinute: 6000,
    rateWindowSeconds: 60,
    userSearchLagMs: 200,
    stationLagMs: 200,
    // Races stay on, at a quarter of the default rate: the doubled writes below send each versioned
    // write twice back to back, so at 20 % a write could lose all five tries to the test's own echo.
    real: { ...FAST_REAL, versionRaceRate: 0.05 },
  });
  client = await connectTo(sandbox.url, { limit: 6000, windowMs: 60_000 });
});

beforeEach(() => sandbox.reset());

afterAll(async () => {
  client?.close();
  await sandbox?.close();
});

const WRITES: Array<keyof OrgWriter> = [
  'createLocation',
  'createUser',
  'patchUser',
  'moveUsers',
  'addGrants',
  'grantRole',
  'addQueueMembers',
  'setSkills',
  'createPhone',
  'setDefaultStation',
];

/** The writer, with every write sent twice and only the second answer seen. */
function answersLost(real: OrgWriter): OrgWriter {
  const writer: Record<string, unknown> = { ...real };
  const call = real as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of WRITES) {
    writer[name] = async (...args: unknown[]) => {
      await call[name]!(...args).catch(() => undefined);
      return call[name]!(...args);
    };
  }
  return writer as unknown as OrgWriter;
}

describe('updates', () => {
  it('make exactly their writes, moving both people in one call after their PATCH, with no re-read', async () => {
    expect(updates.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const before = sandbox.stats().requests.byRoute;
    const { plan, result } = await planAndApply(client, updates, APPLY);
    expect(plan.summary.people).toMatchObject({ update: 2 });
    expect(result.ok).toBe(true);
    expect(writesByRoute(sandbox)).toEqual({
      'PATCH /api/v2/users/{id}': 1, // Priya: title, department, manager, location; Tom has none of those
      'POST /api/v2/authorization/subjects/{id}/bulkadd': 2,
      'PATCH /api/v2/users/{id}/routingskills/bulk': 1,
      'POST /api/v2/routing/queues/{id}/members': 2,
      'POST /api/v2/authorization/divisions/{id}/objects/{objectType}': 1,
    });
    // The move bumps the user's version; made after the PATCH, it never makes the PATCH stale.
    const calls = diffCounts(sandbox.stats().requests.byRoute, before);
    expect(calls['GET /api/v2/users/{id}']).toBeUndefined();
    expect(sandbox.stats().status['409']).toBeUndefined();

    const state = sandbox.state();
    expect(orgProblems(state, updates)).toEqual([]);
    const priya = state.users.find((u) => u.id === D.users.priya);
    expect(priya).toMatchObject({
      divisionId: D.divisions.studentServices,
      managerId: D.users.maria,
      state: 'active',
    });
    // Add-only: her old skill and her IT Help Desk grants stay.
    expect(priya?.skills).toEqual(
      expect.arrayContaining([
        { id: D.skills.passwordReset, proficiency: 4 },
        { id: D.skills.english, proficiency: 4 },
      ]),
    );
    expect(state.grants.filter((g) => g.subjectId === D.users.priya)).toHaveLength(4);
    expect(state.users.find((u) => u.id === D.users.tom)).toMatchObject({
      divisionId: D.divisions.studentServices,
      state: 'inactive',
    });

    const writesBefore = writesByRoute(sandbox);
    const again = await planAndApply(client, updates, APPLY);
    expect(again.plan.summary.people).toMatchObject({ update: 0, unchanged: 2 });
    expect(writesByRoute(sandbox)).toEqual(writesBefore);
  });
});

describe('a run in which every write is made twice, the first answer lost', () => {
  it('converges on the demo batch, the updates and a new location, with nothing twice', async () => {
    const demo = await loadImports('src/sandbox/demo');
    const generated = generatedImports(10, 'imports', 'annex');
    const imports: ImportSet = {
      root: 'imports',
      batches: [...demo.batches, ...updates.batches, ...generated.batches],
      findings: [],
    };
    const { plan, homeDivisionId } = await planFor(client, imports);
    expect(plan.summary.people).toMatchObject({ create: 19, update: 3, error: 0 });
    expect(plan.locationsToCreate).toHaveLength(1);

    const result = await applyPlan(plan, answersLost(orgWriter(client, homeDivisionId)), APPLY);

    expect(result.rows.filter((r) => r.outcome !== 'done')).toEqual([]);
    expect(result.locationsCreated).toHaveLength(1);
    const state = sandbox.state();
    expect(duplicates(state)).toEqual([]);
    expect(orgProblems(state, imports)).toEqual([]);
    // Every second create met its first: users (409), the location (409), phones (400: the user has one);
    // every second PATCH met a newer version (409, or 400 "does not match the current version") and was
    // found already applied. Each second skills or station write may also lose a version race (409) to
    // its twin, which just finished: those are retried.
    const stats = sandbox.stats();
    expect(stats.requests.byRoute['POST /api/v2/users']).toBe(38);
    // 19 users, the location, 21 PATCHes (19 new people, Priya, James), 20 phones; one re-read per PATCH.
    expect((stats.status['409'] ?? 0) + (stats.status['400'] ?? 0)).toBeGreaterThanOrEqual(19 + 1 + 21 + 20);
    expect(stats.requests.byRoute['GET /api/v2/users/{id}']).toBe(21);
    expect(result.rows.filter((r) => r.kind === 'person').every((r) => r.userId !== null)).toBe(true);

    const again = await planFor(client, imports);
    expect(again.plan.summary.people).toMatchObject({ create: 0, update: 0, unchanged: 22 });
    expect(again.plan.summary.phones).toMatchObject({ create: 0, update: 0, unchanged: 20 });
  });
});
