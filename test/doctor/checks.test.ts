// The pure parts of doctor: denials per division, the ✗ lines and their fixes, and reading a 403.
import { describe, expect, it } from 'vitest';
import { permissionLines, type OrgRole } from '../../src/doctor/checks.js';
import { forbiddenLine, missingPermissionOf, permissionGate } from '../../src/permissions/forbidden.js';
import { denialOf, type HeldGrant } from '../../src/permissions/operations.js';

const grant = (permissions: string[], divisionId: string, roleId = 'r'): HeldGrant => ({
  roleId,
  permissions,
  divisionId,
});

describe('denialOf', () => {
  const add = { type: 'ANY' as const, permissions: ['directory:user:add'] };
  it('a division-scoped permission held only in Home does not cover Admissions', () => {
    const grants = [grant(['directory:*:*'], 'home')];
    expect(denialOf(add, grants, ['home'])).toBeNull();
    expect(denialOf(add, grants, ['admissions'])).toEqual({
      code: 'missing.division.permission',
      permissions: ['directory:user:add'],
      divisionId: 'admissions',
    });
    expect(denialOf(add, [grant(['*:*:*'], '*')], ['admissions'])).toBeNull();
  });

  it('held nowhere is missing.permissions; a choice held nowhere is missing.any.permissions', () => {
    expect(denialOf(add, [], ['home'])?.code).toBe('missing.permissions');
    const members = {
      type: 'ANY' as const,
      permissions: ['routing:queue:edit', 'routing:queueMember:manage'],
    };
    expect(denialOf(members, [], null)).toEqual({
      code: 'missing.any.permissions',
      permissions: members.permissions,
      divisionId: null,
    });
    expect(denialOf(members, [grant(['routing:queueMember:manage'], 'q')], ['q'])).toBeNull();
  });

  it('a permission that is not division-aware is held in any division', () => {
    const phones = { type: 'ANY' as const, permissions: ['telephony:plugin:all'] };
    expect(denialOf(phones, [grant(['telephony:*:*'], 'home')], ['admissions'])).toBeNull();
  });
});

describe('permissionLines', () => {
  const roles: OrgRole[] = [
    { id: 'admin', name: 'Master Admin', permissions: ['*:*:*'] },
    { id: 'tel', name: 'Telephony Admin', permissions: ['telephony:*:*'] },
  ];
  it('names the narrowest role that grants what is missing', () => {
    const lines = permissionLines({
      clientName: 'gc-onboard',
      grants: [grant(['*:*:view', 'directory:*:*', 'routing:*:*', 'authorization:*:*'], '*', 'custom')],
      roles,
      scopes: { user: ['home'], grant: ['home'], queue: [] },
      divisionName: (id) => (id === 'home' ? 'Home' : id),
      divisionAware: () => false,
    });
    const failures = lines.filter((l) => l.mark === '✗');
    expect(failures.map((l) => l.fix)).toContain(
      "give the OAuth client 'gc-onboard' the role 'Telephony Admin' (needs telephony:plugin:all)",
    );
    expect(failures.every((l) => l.blocks)).toBe(true);
  });
});

describe('a 403 in one line', () => {
  const error = {
    status: 403,
    code: 'missing.division.permission',
    detail:
      'Unable to perform the requested action. You are missing the following permission(s) in division d-2: directory:user:add',
    method: 'POST',
    route: '/api/v2/users',
  };
  it('reads the permission and division from the message, or from messageParams when given', () => {
    expect(missingPermissionOf(error)).toEqual({
      code: 'missing.division.permission',
      permissions: ['directory:user:add'],
      divisionId: 'd-2',
      call: 'POST /api/v2/users',
    });
    expect(
      missingPermissionOf({
        ...error,
        detail: 'x',
        messageParams: { permissions: 'a:b:c', divisionId: 'd' },
      }),
    ).toMatchObject({
      permissions: ['a:b:c'],
      divisionId: 'd',
    });
    expect(missingPermissionOf({ ...error, status: 404 })).toBeNull();
    expect(forbiddenLine(missingPermissionOf(error)!, () => 'Admissions')).toBe(
      "The OAuth client lacks directory:user:add in division 'Admissions' (403 missing.division.permission on POST /api/v2/users): give it a role with it in that division, then run again (gc-onboard doctor checks every permission).",
    );
  });

  it('the gate lets the first call of a method go alone and fails the rest at once after a 403', async () => {
    let sent = 0;
    const target = {
      create: async (n: number) => {
        sent += 1;
        await Promise.resolve();
        if (n >= 0) throw Object.assign(new Error(error.detail), error);
        return n;
      },
    };
    const { wrapped, denied } = permissionGate(target);
    const results = await Promise.allSettled([1, 2, 3].map((n) => wrapped.create(n)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(sent).toBe(1);
    expect(denied()).toMatchObject({ status: 403 });
  });
});
