// POST /api/v2/authorization/roles/{roleId}: one role in a set of divisions to many subjects, all or
// nothing. Validation (400), unknown role, subject or division (404), the subject cap (our choice:
// real.roleGrantSubjectCap), a new user the authorization service has not heard of yet (404).

import { describe, expect, it } from 'vitest';

import { DEMO_IDS } from '../../src/sandbox/index.js';
import type { Api, Raw } from './helpers.js';
import { newUserBody, sandboxPerTest, sleep } from './helpers.js';

const D = DEMO_IDS;
const start = sandboxPerTest();

const grant = (a: Api, roleId: string, body: unknown, query = ''): Promise<Raw> =>
  a.call('POST', `/api/v2/authorization/roles/${roleId}${query}`, body);

/** The grants the state dump holds for these subjects on this role, as `subject@division`. */
function held(a: Api, roleId: string, subjectIds: string[]): string[] {
  return a.sandbox
    .state()
    .grants.filter((g) => g.roleId === roleId && subjectIds.includes(g.subjectId))
    .map((g) => `${g.subjectId}@${g.divisionId}`)
    .sort();
}

function expectError(res: Raw, status: number, code: string, pattern: RegExp): void {
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  expect(res.json).toMatchObject({ status, code });
  expect(res.json.message).toMatch(pattern);
  for (const key of ['messageWithParams', 'messageParams', 'contextId', 'details', 'errors'])
    expect(res.json).toHaveProperty(key);
}

describe('POST /authorization/roles/{roleId}', () => {
  it('grants the role in every division to every subject (204), once however often it is sent', async () => {
    const a = await start({ real: false });
    const subjects = [D.users.james, D.users.priya];
    const body = { subjectIds: subjects, divisionIds: [D.divisions.admissions, D.divisions.itHelpDesk] };
    const res = await grant(a, D.roles.pureCloudSupervisor, body);
    expect(res.status).toBe(204);
    await grant(a, D.roles.pureCloudSupervisor, body, '?subjectType=PC_USER');
    expect(held(a, D.roles.pureCloudSupervisor, subjects)).toEqual(
      [
        `${D.users.james}@${D.divisions.admissions}`,
        `${D.users.james}@${D.divisions.itHelpDesk}`,
        `${D.users.priya}@${D.divisions.admissions}`,
        `${D.users.priya}@${D.divisions.itHelpDesk}`,
      ].sort(),
    );
  });

  it('refuses a body that is not SubjectDivisions with 400, granting nothing', async () => {
    const a = await start({ real: false });
    const before = a.sandbox.state().grants.length;
    const role = D.roles.pureCloudSupervisor;
    const divisions = [D.divisions.admissions];
    expectError(await grant(a, role, [D.users.james]), 400, 'bad.request', /JSON object/);
    expectError(
      await grant(a, role, { divisionIds: divisions }),
      400,
      'bad.request',
      /subjectIds is required/,
    );
    expectError(
      await grant(a, role, { subjectIds: [D.users.james] }),
      400,
      'bad.request',
      /divisionIds is required/,
    );
    expectError(
      await grant(a, role, { subjectIds: [], divisionIds: divisions }),
      400,
      'bad.request',
      /must not be empty/,
    );
    expectError(
      await grant(a, role, { subjectIds: [D.users.james], divisionIds: [] }),
      400,
      'bad.request',
      /must not be empty/,
    );
    expectError(
      await grant(a, role, { subjectIds: [42], divisionIds: divisions }),
      400,
      'invalid.value',
      /must be an id/,
    );
    expectError(
      await grant(a, role, { subjectIds: [D.users.james], divisionIds: divisions, grants: [] }),
      400,
      'bad.request',
      /Unrecognized field "grants"/,
    );
    expectError(
      await grant(a, role, { subjectIds: [D.users.james], divisionIds: divisions }, '?subjectType=PC_GROUP'),
      400,
      'invalid.value',
      /PC_USER/,
    );
    expect(a.sandbox.state().grants).toHaveLength(before);
  });

  it('answers 404 for an unknown role, division or subject, and a deleted one, granting nothing', async () => {
    const a = await start({ real: false });
    const before = a.sandbox.state().grants.length;
    const body = (subjectIds: string[], divisionIds = [D.divisions.admissions]) => ({
      subjectIds,
      divisionIds,
    });
    expectError(await grant(a, 'no-such-role', body([D.users.james])), 404, 'not.found', /role no-such-role/);
    expectError(
      await grant(a, D.roles.pureCloudSupervisor, body([D.users.james], [D.divisions.admissions, 'nowhere'])),
      404,
      'not.found',
      /division nowhere/,
    );
    // One unknown subject among good ones fails the whole call: nobody is granted.
    expectError(
      await grant(a, D.roles.pureCloudSupervisor, body([D.users.james, 'nobody', D.users.priya])),
      404,
      'not.found',
      /user nobody/,
    );
    expectError(
      await grant(a, D.roles.pureCloudSupervisor, body([D.users.james, D.users.sam])),
      404,
      'not.found',
      new RegExp(`user ${D.users.sam}`),
    );
    expect(a.sandbox.state().grants).toHaveLength(before);
  });

  it('takes at most real.roleGrantSubjectCap subjects (default 100), 400 past it; 0 lifts the cap', async () => {
    const a = await start({ real: false });
    const ids = a.sandbox
      .state()
      .users.filter((u) => u.state !== 'deleted')
      .map((u) => u.id);
    const over = Array.from({ length: 101 }, (_, i) => ids[i % ids.length] ?? '');
    const body = { subjectIds: over, divisionIds: [D.divisions.home] };
    // `real: false` has no cap (every stricter reading off); the default real org caps at 100.
    expect((await grant(a, D.roles.employee, body)).status).toBe(204);
    const capped = await start({ real: { authorizationLagMs: 0 } });
    expectError(
      await grant(capped, D.roles.employee, body),
      400,
      'bad.request',
      /At most 100 subjects .* \(got 101\)/,
    );
    const atCap = { subjectIds: over.slice(0, 100), divisionIds: [D.divisions.home] };
    expect((await grant(capped, D.roles.employee, atCap)).status).toBe(204);
    const small = await start({ real: { roleGrantSubjectCap: 2 } });
    expectError(
      await grant(small, D.roles.employee, { subjectIds: ids.slice(0, 3), divisionIds: [D.divisions.home] }),
      400,
      'bad.request',
      /At most 2 subjects/,
    );
  });

  it('answers 404 for the whole call while a new subject is unknown to authorization, then grants', async () => {
    const a = await start({ real: { authorizationLagMs: 400 } });
    const created = await a.call('POST', '/api/v2/users', newUserBody('Brand New Hire'));
    expect(created.status).toBe(200);
    const id = created.json.id as string;
    const body = { subjectIds: [D.users.james, id], divisionIds: [D.divisions.studentServices] };
    expectError(await grant(a, D.roles.pureCloudUser, body), 404, 'not.found', new RegExp(`user ${id}`));
    expect(held(a, D.roles.pureCloudUser, [id])).toEqual([]);
    expect(a.sandbox.stats().real.newUserLag).toBe(1);
    await sleep(450);
    expect((await grant(a, D.roles.pureCloudUser, body)).status).toBe(204);
    expect(held(a, D.roles.pureCloudUser, [id])).toEqual([`${id}@${D.divisions.studentServices}`]);
  });
});
