// What each mode calls and what that needs: one table of mode → operations (checked by
// test/doctor/modes.test.ts against the routes a real run of each mode sends to the sandbox), the
// spec's x-inin-requires-permissions of each operation, and which of those writes act inside a
// division. Shared by doctor and the sandbox so the two cannot disagree. Pure.
import { permissionCovers } from '../plan/permissions.js';
import { SPEC_PERMISSIONS, type PermissionRequirement } from './spec-permissions.generated.js';

export type Mode = 'plan' | 'apply' | 'invite' | 'export';
export const MODES: readonly Mode[] = ['plan', 'apply', 'invite', 'export'];

/** Reads the snapshot makes (plan, and so apply and drift). */
const SNAPSHOT_READS = [
  'GET /api/v2/authorization/divisions',
  'GET /api/v2/authorization/divisions/home',
  'GET /api/v2/authorization/roles',
  'GET /api/v2/authorization/roles/{roleId}/subjectgrants',
  'GET /api/v2/authorization/subjects/{subjectId}',
  'GET /api/v2/locations',
  'GET /api/v2/organizations/me',
  'GET /api/v2/routing/queues',
  'GET /api/v2/routing/queues/{queueId}/members',
  'GET /api/v2/routing/skills',
  'GET /api/v2/stations',
  'GET /api/v2/telephony/providers/edges/phonebasesettings',
  'GET /api/v2/telephony/providers/edges/phonebasesettings/{phoneBaseId}',
  'GET /api/v2/telephony/providers/edges/phones',
  'GET /api/v2/telephony/providers/edges/sites',
  'GET /api/v2/users',
  'GET /api/v2/users/{userId}',
  'POST /api/v2/users/search',
] as const;

export const MODE_OPERATIONS: Readonly<Record<Mode, readonly string[]>> = {
  plan: SNAPSHOT_READS,
  apply: [
    ...SNAPSHOT_READS,
    'POST /api/v2/users',
    'PATCH /api/v2/users/{userId}',
    'POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}',
    'POST /api/v2/authorization/subjects/{subjectId}/bulkadd',
    // One role to many new people at once (issue 17).
    'POST /api/v2/authorization/roles/{roleId}',
    'POST /api/v2/routing/queues/{queueId}/members',
    'PATCH /api/v2/users/{userId}/routingskills/bulk',
    'POST /api/v2/locations',
    'POST /api/v2/locations/search',
    'POST /api/v2/telephony/providers/edges/phones',
    'PUT /api/v2/users/{userId}/station/defaultstation/{stationId}',
  ],
  invite: [
    'GET /api/v2/authorization/divisions/home',
    'GET /api/v2/users',
    'GET /api/v2/users/{userId}',
    'POST /api/v2/users/search',
    'POST /api/v2/users/{userId}/invite',
  ],
  export: [
    'GET /api/v2/authorization/divisions',
    'GET /api/v2/authorization/roles',
    'GET /api/v2/authorization/roles/{roleId}/subjectgrants',
    'GET /api/v2/locations',
    'GET /api/v2/routing/queues',
    'GET /api/v2/routing/queues/{queueId}/members',
    'GET /api/v2/routing/skills',
    'GET /api/v2/stations',
    'GET /api/v2/telephony/providers/edges/phonebasesettings',
    'GET /api/v2/telephony/providers/edges/phones',
    'GET /api/v2/telephony/providers/edges/sites',
    'GET /api/v2/users',
    'GET /api/v2/users/{userId}',
  ],
};

/**
 * Where a write acts, for the permissions that are division-aware: the user's division (a new user's
 * `divisionId`, else home), the divisions a role is granted in, the queue's division. The docs do not
 * say which permissions are division-aware (real-api.md §11); the stricter reading: every permission
 * of a write on an object that lives in a division is checked in that division.
 */
export type DivisionScope = 'user' | 'grant' | 'queue';

export const OPERATION_SCOPES: Readonly<Record<string, DivisionScope>> = {
  'POST /api/v2/users': 'user',
  'PATCH /api/v2/users/{userId}': 'user',
  'POST /api/v2/users/{userId}/invite': 'user',
  'PATCH /api/v2/users/{userId}/routingskills/bulk': 'user',
  'PUT /api/v2/users/{userId}/routingskills/bulk': 'user',
  'POST /api/v2/authorization/subjects/{subjectId}/bulkadd': 'grant',
  'POST /api/v2/authorization/roles/{roleId}': 'grant',
  'PUT /api/v2/authorization/roles/{roleId}/users/add': 'grant',
  'POST /api/v2/routing/queues/{queueId}/members': 'queue',
};

/** The permissions of the scoped writes, and the views of the same objects (listed divisionAware). */
export const DIVISION_AWARE: ReadonlySet<string> = new Set([
  ...Object.keys(OPERATION_SCOPES).flatMap((key) => SPEC_PERMISSIONS[key]?.permissions ?? []),
  'directory:user:view',
  'routing:queue:view',
  'routing:queue:readonly',
  'authorization:grant:view',
]);

/** Every permission any operation of any mode names (each choice of an "any of"). */
export function modePermissions(): string[] {
  const all = new Set<string>();
  for (const mode of MODES)
    for (const key of MODE_OPERATIONS[mode])
      for (const p of requirementOf(key)?.permissions ?? []) all.add(p);
  return [...all].sort();
}

/** `POST /api/v2/users/{id}/invite` and the spec's `{userId}` spelling compare equal. */
export const routeShape = (key: string): string => key.replace(/\{[^}]*\}/g, '{}');

const BY_SHAPE = new Map(Object.keys(SPEC_PERMISSIONS).map((key) => [routeShape(key), key]));

/** The spec's key for a route in any spelling of its parameters, or null when the spec lacks it. */
export function specKey(key: string): string | null {
  return BY_SHAPE.get(routeShape(key)) ?? null;
}

export function requirementOf(key: string): PermissionRequirement | null {
  const found = specKey(key);
  return found === null ? null : (SPEC_PERMISSIONS[found] ?? null);
}

export function scopeOf(key: string): DivisionScope | null {
  const found = specKey(key);
  return found === null ? null : (OPERATION_SCOPES[found] ?? null);
}

// ---------------------------------------------------------------------------------------------
// Whether grants satisfy a requirement.

/** A grant of a role's permissions in one division; `*` is every division. */
export interface HeldGrant {
  roleId: string;
  permissions: readonly string[];
  divisionId: string;
}

export const ALL_DIVISIONS = '*';

/** Held in that division (or, with null, in any division). */
export function holds(grants: readonly HeldGrant[], permission: string, divisionId: string | null): boolean {
  return grants.some(
    (grant) =>
      (divisionId === null || grant.divisionId === ALL_DIVISIONS || grant.divisionId === divisionId) &&
      grant.permissions.some((held) => permissionCovers(held, permission)),
  );
}

export interface Denial {
  code: 'missing.permissions' | 'missing.any.permissions' | 'missing.division.permission';
  /** The missing permission(s); for ANY, every one that would do. */
  permissions: string[];
  /** The division it is missing in (missing.division.permission only). */
  divisionId: string | null;
}

/**
 * Why these grants do not satisfy the requirement in every one of `divisions` (null: the operation
 * acts in no division), or null when they do. A division-aware permission held in some division but
 * not in the one needed is `missing.division.permission`; one held nowhere is `missing.permissions`.
 */
export function denialOf(
  requirement: PermissionRequirement,
  grants: readonly HeldGrant[],
  divisions: readonly string[] | null,
  divisionAware: (permission: string) => boolean = (p) => DIVISION_AWARE.has(p),
): Denial | null {
  const { permissions } = requirement;
  if (permissions.length === 0) return null;
  const where = (permission: string): (string | null)[] =>
    divisions !== null && divisions.length > 0 && divisionAware(permission) ? [...divisions] : [null];
  const heldEverywhere = (permission: string) => where(permission).every((d) => holds(grants, permission, d));
  const firstGap = (permission: string) =>
    where(permission).find((d) => !holds(grants, permission, d)) ?? null;
  if (requirement.type === 'ANY') {
    if (permissions.some(heldEverywhere)) return null;
    // Prefer a real permission to the legacy `admin` ones when naming what is missing.
    const legacy = (p: string) => p === 'admin' || p.endsWith(':admin');
    const ranked = [...permissions.filter((p) => !legacy(p)), ...permissions.filter(legacy)];
    const partly = ranked.find((p) => holds(grants, p, null));
    if (partly !== undefined)
      return { code: 'missing.division.permission', permissions: [partly], divisionId: firstGap(partly) };
    return permissions.length === 1
      ? { code: 'missing.permissions', permissions: [...permissions], divisionId: null }
      : { code: 'missing.any.permissions', permissions: [...permissions], divisionId: null };
  }
  const missing = permissions.filter((p) => !heldEverywhere(p));
  if (missing.length === 0) return null;
  const nowhere = missing.filter((p) => !holds(grants, p, null));
  if (nowhere.length > 0) return { code: 'missing.permissions', permissions: nowhere, divisionId: null };
  const first = missing[0] as string;
  return { code: 'missing.division.permission', permissions: [first], divisionId: firstGap(first) };
}
