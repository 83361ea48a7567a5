// Role permissions from the roles listing, wildcard matching, and the reserved employee role.
import { describe, expect, it } from 'vitest';
import {
  anyPermissions,
  grantsPermission,
  permissionCovers,
  rolePermissions,
  rolesGrant,
} from '../../src/plan/permissions.js';

describe('rolePermissions', () => {
  it('reads permissions and permission policies, one string per action', () => {
    expect(
      rolePermissions({
        permissions: ['directory:user:view'],
        permissionPolicies: [
          { domain: 'conversation', entityName: 'call', actionSet: ['add', 'accept'] },
          { domain: 'directory', entityName: 'user', actionSet: ['view'] },
        ],
      }),
    ).toEqual(['conversation:call:accept', 'conversation:call:add', 'directory:user:view']);
  });

  it('says null when the listing gives neither field, [] when it gives empty ones', () => {
    expect(rolePermissions({})).toBeNull();
    expect(rolePermissions({ permissions: [], permissionPolicies: [] })).toEqual([]);
  });
});

describe('permissionCovers', () => {
  it.each([
    ['conversation:call:add', 'conversation:call:add', true],
    ['conversation:call:*', 'conversation:call:add', true],
    ['conversation:*:add', 'conversation:call:add', true],
    ['conversation:*:*', 'conversation:call:add', true],
    ['*:*:*', 'conversation:call:add', true],
    ['*', 'conversation:call:add', true],
    ['conversation:*', 'conversation:call:add', true],
    ['Conversation:Call:Add', 'conversation:call:add', true],
    ['conversation:call:accept', 'conversation:call:add', false],
    ['conversation:callback:add', 'conversation:call:add', false],
    ['conversation', 'conversation:call:add', false],
    ['telephony:*:*', 'conversation:call:add', false],
    ['conversation:call:add:extra', 'conversation:call:add', false],
  ])('%s covers %s: %s', (held, wanted, covers) => {
    expect(permissionCovers(held, wanted)).toBe(covers);
  });

  it('looks through every list', () => {
    expect(grantsPermission([['directory:user:view'], ['conversation:*:*']], 'conversation:call:add')).toBe(
      true,
    );
    expect(grantsPermission([], 'conversation:call:add')).toBe(false);
  });
});

describe('rolesGrant', () => {
  const roles = [
    { id: 'r-emp', name: 'employee', permissions: ['directory:user:view'] },
    { id: 'r-user', name: 'User', permissions: ['conversation:call:add'] },
    { id: 'r-rep', name: 'Reporting', permissions: ['analytics:*:view'] },
    { id: 'r-old', name: 'Legacy', permissions: null },
  ];

  it('counts the roles held and nothing else', () => {
    expect(rolesGrant(roles, ['r-user'], 'conversation:call:add')).toBe(true);
    expect(rolesGrant(roles, ['r-rep', 'r-old'], 'conversation:call:add')).toBe(false);
    expect(rolesGrant(roles, [], 'conversation:call:add')).toBe(false);
  });

  it('counts the employee role for everyone, with what the org says it holds', () => {
    expect(rolesGrant(roles, [], 'directory:user:view')).toBe(true);
    const generous = [{ id: 'r-emp', name: 'Employee', permissions: ['conversation:call:add'] }];
    expect(rolesGrant(generous, [], 'conversation:call:add')).toBe(true);
  });

  it('tells a listing that says nothing from one that does', () => {
    expect(anyPermissions(roles)).toBe(true);
    expect(anyPermissions([{ permissions: null }, { permissions: [] }])).toBe(false);
  });
});
