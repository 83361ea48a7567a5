import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { DEMO_IDS } from '../../src/sandbox/index.js';
import type { Harness } from './helpers.js';
import { accessToken, apiError, ext, harness, http } from './helpers.js';

const D = DEMO_IDS;
let h: Harness;
let token: string;

beforeAll(async () => {
  h = await harness({ rateLimitPerMinute: 100_000 });
  token = await accessToken(h.sandbox);
});
afterAll(async () => {
  await h.sandbox.close();
});
beforeEach(() => {
  h.sandbox.reset();
});

const userIn = (id: string) => h.sandbox.state().users.find((u) => u.id === id)!;

describe('divisions', () => {
  it('lists the four demo divisions by name, pages them, and filters by id and name', async () => {
    const all = (await ext(h.authz.getAuthorizationDivisions({ pageSize: 100 }))).body;
    expect(all.total).toBe(4);
    expect(all.entities?.map((d) => [d.name, d.homeDivision])).toEqual([
      ['Admissions', false],
      ['Home', true],
      ['IT Help Desk', false],
      ['Student Services', false],
    ]);
    const page2 = (await ext(h.authz.getAuthorizationDivisions({ pageSize: 3, pageNumber: 2 }))).body;
    expect(page2).toMatchObject({ pageCount: 2, total: 4 });
    expect(page2.entities?.map((d) => d.name)).toEqual(['Student Services']);

    const byId = (
      await ext(h.authz.getAuthorizationDivisions({ id: [D.divisions.admissions, D.divisions.home] }))
    ).body;
    expect(byId.entities?.map((d) => d.id)).toEqual([D.divisions.admissions, D.divisions.home]);
    // The name filter is not exact: clients must compare names themselves.
    const byName = (await ext(h.authz.getAuthorizationDivisions({ name: 'services' }))).body;
    expect(byName.entities?.map((d) => d.name)).toEqual(['Student Services']);
    await apiError(h.authz.getAuthorizationDivisions({ pageSize: 101 }), 400, 'invalid.value');
  });

  it('serves the home division', async () => {
    const home = (await ext(h.authz.getAuthorizationDivisionsHome())).body;
    expect(home).toMatchObject({ id: D.divisions.home, name: 'Home', homeDivision: true });
  });

  it('moves users with POST …/divisions/{id}/objects/USER (204), bumping their version', async () => {
    const res = await ext(
      h.authz.postAuthorizationDivisionObject(D.divisions.admissions, 'USER', [D.users.james, D.users.priya]),
    );
    expect(res.status).toBe(204);
    expect(userIn(D.users.james)).toMatchObject({ divisionId: D.divisions.admissions, version: 2 });
    expect(userIn(D.users.priya).divisionId).toBe(D.divisions.admissions);
    const james = (await ext(h.users.getUser(D.users.james))).body;
    expect(james.division).toMatchObject({ id: D.divisions.admissions, name: 'Admissions' });
    // Moving a user to the division they are in changes nothing.
    await ext(h.authz.postAuthorizationDivisionObject(D.divisions.admissions, 'USER', [D.users.james]));
    expect(userIn(D.users.james).version).toBe(2);
  });

  it('refuses an unknown division (404), object type (400), user (400) and an empty list (400), moving no one', async () => {
    await apiError(
      h.authz.postAuthorizationDivisionObject('nope', 'USER', [D.users.james]),
      404,
      'not.found',
    );
    const bogus = await http(
      h.sandbox,
      'POST',
      `/api/v2/authorization/divisions/${D.divisions.admissions}/objects/BOGUS`,
      {
        token,
        body: [D.users.james],
      },
    );
    expect(bogus.status).toBe(400);
    expect(bogus.json.details[0].fieldName).toBe('objectType');
    await apiError(
      h.authz.postAuthorizationDivisionObject(D.divisions.admissions, 'USER', [D.users.james, 'nobody']),
      400,
      'invalid.value',
    );
    await apiError(
      h.authz.postAuthorizationDivisionObject(D.divisions.admissions, 'USER', [D.users.sam]),
      400,
      'invalid.value',
    );
    await apiError(
      h.authz.postAuthorizationDivisionObject(D.divisions.admissions, 'USER', []),
      400,
      'bad.request',
    );
    expect(userIn(D.users.james).divisionId).toBe(D.divisions.studentServices);
  });
});

describe('roles', () => {
  it('filters by name fuzzily (substring, any case), as the real API does, so clients must match exactly', async () => {
    const names = async (name: string) =>
      (await ext(h.authz.getAuthorizationRoles({ name, pageSize: 100 }))).body.entities?.map((r) => r.name);
    expect(await names('supervisor')).toEqual(['PureCloud Supervisor', 'Supervisor']);
    expect(await names('PureCloud')).toEqual(['PureCloud Supervisor', 'PureCloud User']);
    expect(await names('employee')).toEqual(['employee']);
    expect(await names('Master  Admin')).toEqual([]);
  });

  it('lists the eight demo roles, filters by id, and refuses pageSize over 100', async () => {
    const all = (await ext(h.authz.getAuthorizationRoles({ pageSize: 100 }))).body;
    expect(all.total).toBe(8);
    expect(all.entities?.map((r) => r.name)).toContain('Master Admin');
    const byId = (await ext(h.authz.getAuthorizationRoles({ id: [D.roles.employee] }))).body;
    expect(byId.entities?.map((r) => r.name)).toEqual(['employee']);
    await apiError(h.authz.getAuthorizationRoles({ pageSize: 101 }), 400, 'invalid.value');
  });
});

describe('subject grants', () => {
  const bulkadd = (subjectId: string, grants: Array<{ roleId: string; divisionId: string }>) =>
    ext(h.authz.postAuthorizationSubjectBulkadd(subjectId, { grants }, { subjectType: 'PC_USER' }));

  it('adds grants with bulkadd (204) and reads them back with role and division names', async () => {
    const res = await bulkadd(D.users.james, [
      { roleId: D.roles.pureCloudSupervisor, divisionId: D.divisions.studentServices },
      { roleId: D.roles.employee, divisionId: D.divisions.admissions },
    ]);
    expect(res.status).toBe(204);
    const subject = (await ext(h.authz.getAuthorizationSubject(D.users.james))).body;
    expect(subject.id).toBe(D.users.james);
    const pairs = subject.grants?.map((g) => `${g.role?.name} @ ${g.division?.name}`).sort();
    expect(pairs).toEqual([
      'PureCloud Supervisor @ Student Services',
      'PureCloud User @ Student Services',
      'employee @ Admissions',
      'employee @ Student Services',
    ]);
    expect(subject.grants?.every((g) => g.subjectId === D.users.james)).toBe(true);

    const holders = (await ext(h.authz.getAuthorizationRoleSubjectgrants(D.roles.pureCloudSupervisor))).body;
    expect(holders.entities?.map((s) => s.id).sort()).toEqual([D.users.maria, D.users.james].sort());
  });

  it('is additive and idempotent: the same grant twice is held once', async () => {
    const grant = { roleId: D.roles.employee, divisionId: D.divisions.studentServices };
    await bulkadd(D.users.james, [grant, grant]);
    await bulkadd(D.users.james, [grant]);
    const mine = h.sandbox.state().grants.filter((g) => g.subjectId === D.users.james);
    expect(mine).toHaveLength(2);
  });

  it('refuses unknown roles or divisions (granting nothing), unknown subjects, empty grants, other subject types', async () => {
    const before = h.sandbox.state().grants.length;
    await apiError(
      bulkadd(D.users.james, [
        { roleId: D.roles.supervisor, divisionId: D.divisions.home },
        { roleId: 'nope', divisionId: D.divisions.home },
      ]),
      400,
      'invalid.value',
    );
    await apiError(
      bulkadd(D.users.james, [{ roleId: D.roles.supervisor, divisionId: 'nope' }]),
      400,
      'invalid.value',
    );
    await apiError(
      bulkadd('nobody', [{ roleId: D.roles.supervisor, divisionId: D.divisions.home }]),
      404,
      'not.found',
    );
    await apiError(
      bulkadd(D.users.sam, [{ roleId: D.roles.supervisor, divisionId: D.divisions.home }]),
      404,
      'not.found',
    );
    await apiError(bulkadd(D.users.james, []), 400, 'bad.request');
    await apiError(
      ext(
        h.authz.postAuthorizationSubjectBulkadd(
          D.users.james,
          { grants: [{ roleId: D.roles.supervisor, divisionId: D.divisions.home }] },
          { subjectType: 'PC_GROUP' },
        ),
      ),
      400,
      'invalid.value',
    );
    await apiError(h.authz.getAuthorizationSubject('nobody'), 404, 'not.found');
    expect(h.sandbox.state().grants).toHaveLength(before);
  });
});

describe('locations', () => {
  it('lists the demo locations and creates a new one that users can then be given', async () => {
    const list = (await ext(h.locations.getLocations({ pageSize: 100 }))).body;
    expect(list.entities?.map((l) => l.name)).toEqual([
      'Northfield Downtown Center',
      'Northfield Main Campus - Welcome Center',
    ]);

    const created = await ext(
      h.locations.postLocations({ name: 'Northfield Library', notes: 'Second floor' }),
    );
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: 'Northfield Library',
      notes: 'Second floor',
      state: 'active',
      version: 1,
    });
    const id = created.body.id!;
    expect((await ext(h.locations.getLocations({ pageSize: 100 }))).body.total).toBe(3);

    const patched = await ext(h.users.patchUser(D.users.priya, { version: 1, locations: [{ id }] } as any));
    expect(patched.status).toBe(200);
    expect(userIn(D.users.priya).locations).toEqual([{ id }]);
  });

  it('refuses a taken name (409, any case), a missing name (400) and unknown fields (400)', async () => {
    await apiError(
      h.locations.postLocations({ name: 'northfield downtown center' }),
      409,
      'general.conflict',
    );
    await apiError(h.locations.postLocations({ name: ' ' }), 400, 'bad.request');
    await apiError(h.locations.postLocations({ name: 'X', colour: 'red' } as any), 400, 'bad.request');
    expect(h.sandbox.state().locations).toHaveLength(2);
  });

  it('searches by exact name (any case), by CONTAINS, and pages at most 100', async () => {
    const search = (type: string, value: string) =>
      ext(
        h.locations.postLocationsSearch({ pageSize: 25, query: [{ type, fields: ['name'], value }] } as any),
      );
    const exact = (await search('EXACT', 'NORTHFIELD DOWNTOWN CENTER')).body;
    expect(exact).toMatchObject({ total: 1, pageCount: 1, types: ['locations'] });
    expect(exact.results?.[0]?.id).toBe(D.locations.downtown);
    expect((await search('CONTAINS', 'northfield')).body.total).toBe(2);
    const none = (await search('EXACT', 'Northfield')).body;
    expect(none.total).toBe(0);
    expect(none.results).toBeUndefined();
    await apiError(
      h.locations.postLocationsSearch({
        pageSize: 101,
        query: [{ type: 'EXACT', fields: ['name'], value: 'x' }],
      }),
      400,
      'invalid.value',
    );
  });
});
