// Role permissions as the roles listing gives them, and whether a set of roles grants one.
// Pure: the plan uses this to refuse, in the preview, a default phone Genesys would refuse at apply.

/** What a default phone needs its person to hold (help article "Assign a default phone"; real-api.md §7). */
export const DEFAULT_PHONE_PERMISSION = 'conversation:call:add';

/** A DomainOrganizationRole's permission fields, as the listing returns them (both may be absent). */
export interface RolePermissionFields {
  permissions?: string[];
  permissionPolicies?: { domain?: string; entityName?: string; actionSet?: string[] }[];
}

/**
 * The role's permissions as `domain:entity:action` strings, `*` allowed in any segment; null when the
 * listing gave neither field (an org or sandbox that does not say: unknown, not "none").
 */
export function rolePermissions(role: RolePermissionFields): string[] | null {
  if (role.permissions === undefined && role.permissionPolicies === undefined) return null;
  const fromPolicies = (role.permissionPolicies ?? []).flatMap((policy) =>
    (policy.actionSet ?? []).map((action) => `${policy.domain ?? '*'}:${policy.entityName ?? '*'}:${action}`),
  );
  return [...new Set([...(role.permissions ?? []), ...fromPolicies])].sort();
}

/**
 * Whether a held permission covers a wanted one: segment by segment, `*` matches anything, and a held
 * permission with fewer segments whose last is `*` (`*`, `conversation:*`) covers the rest.
 * Case-insensitive: Genesys spells `queueMember` and `queuemember` in different places.
 */
export function permissionCovers(held: string, wanted: string): boolean {
  const have = held.trim().toLowerCase().split(':');
  const want = wanted.trim().toLowerCase().split(':');
  if (have.length > want.length) return false;
  return want.every((segment, index) => {
    const mine = have[index];
    if (mine === undefined) return have[have.length - 1] === '*';
    return mine === '*' || mine === segment;
  });
}

/** Whether any of these permission lists covers `wanted`. */
export function grantsPermission(lists: readonly (readonly string[])[], wanted: string): boolean {
  return lists.some((list) => list.some((held) => permissionCovers(held, wanted)));
}

/** Whether any role of the listing holds a permission: none at all means the listing does not say. */
export function anyPermissions(roles: readonly Pick<RoleWithPermissions, 'permissions'>[]): boolean {
  return roles.some((role) => (role.permissions?.length ?? 0) > 0);
}

/** The reserved role every user holds and cannot lose: its permissions count for everyone. */
const EMPLOYEE_ROLE = 'employee';

interface RoleWithPermissions {
  id: string;
  name: string;
  permissions: readonly string[] | null;
}

/** Whether a person who holds these roles, and the employee role as every user does, has `wanted`. */
export function rolesGrant(
  roles: readonly RoleWithPermissions[],
  roleIds: readonly string[],
  wanted: string,
): boolean {
  const held = new Set(roleIds);
  return grantsPermission(
    roles
      .filter((role) => held.has(role.id) || role.name.trim().toLowerCase() === EMPLOYEE_ROLE)
      .map((role) => role.permissions ?? []),
    wanted,
  );
}
