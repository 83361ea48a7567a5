// Role permissions: `domain:entity:action` strings where a held segment may be `*`. Pure functions.

/** What a person needs before an admin can give them a default phone (help "Assign a default phone"). */
export const CALL_ADD = 'conversation:call:add';

/** True when a held permission covers the wanted one: each of the three segments equal or `*`. */
export function permissionCovers(held: string, wanted: string): boolean {
  const h = held.split(':');
  const w = wanted.split(':');
  if (h.length !== 3 || w.length !== 3) return false;
  return h.every((segment, i) => segment === '*' || segment === w[i]);
}

export function holdsPermission(held: Iterable<string>, wanted: string): boolean {
  for (const p of held) if (permissionCovers(p, wanted)) return true;
  return false;
}

/** DomainPermissionPolicy entries for a role's permissions: one per domain:entity, actions merged. */
export function permissionPolicies(
  permissions: readonly string[],
): Array<{ domain: string; entityName: string; actionSet: string[]; allowConditions: boolean }> {
  const byEntity = new Map<string, { domain: string; entityName: string; actionSet: string[] }>();
  for (const p of permissions) {
    const [domain = '', entityName = '', action = ''] = p.split(':');
    const key = `${domain}:${entityName}`;
    const entry = byEntity.get(key) ?? { domain, entityName, actionSet: [] };
    if (!entry.actionSet.includes(action)) entry.actionSet.push(action);
    byEntity.set(key, entry);
  }
  return [...byEntity.values()].map((e) => ({ ...e, allowConditions: false }));
}
