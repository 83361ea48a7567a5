// What the sandbox's OAuth client may do: its roles and divisions (SandboxOptions.client), and the
// check every /api/v2 request passes before its handler: the operation's x-inin-requires-permissions
// (the spec's, via src/permissions/operations.ts) against the client's grants, in the divisions the
// request acts in. A refusal is a 403 with the Genesys ErrorBody and messageParams naming what is
// missing. Division-aware reads are checked as "held in some division" (a real org would filter the
// listing instead; the sandbox does not).
import {
  ALL_DIVISIONS,
  denialOf,
  requirementOf,
  scopeOf,
  type Denial,
  type HeldGrant,
} from '../permissions/operations.js';
import { ApiError } from './errors.js';
import type { OrgStore } from './store.js';
import type { OrgSeed, SandboxClient, SeedRole } from './types.js';

/** A 403 whose body carries messageWithParams and messageParams (server.ts renders them). */
export class ForbiddenError extends ApiError {
  constructor(
    message: string,
    code: string,
    readonly messageWithParams: string,
    readonly messageParams: Record<string, string>,
  ) {
    super(403, code, message);
  }
}

const PREFIX = 'Unable to perform the requested action.';

/** The body Genesys sends: the first two wordings are the spec's x-inin-error-codes; the third is ours. */
export function forbidden(denial: Denial): ForbiddenError {
  const permissions = denial.permissions.join(', ');
  if (denial.code === 'missing.division.permission') {
    const divisionId = denial.divisionId ?? '';
    return new ForbiddenError(
      `${PREFIX} You are missing the following permission(s) in division ${divisionId}: ${permissions}`,
      denial.code,
      `${PREFIX} You are missing the following permission(s) in division {divisionId}: {permissions}`,
      { permissions, divisionId },
    );
  }
  const wording =
    denial.code === 'missing.any.permissions'
      ? 'You must have at least one of the following permissions assigned:'
      : 'You are missing the following permission(s):';
  return new ForbiddenError(
    `${PREFIX} ${wording} ${permissions}`,
    denial.code,
    `${PREFIX} ${wording} {permissions}`,
    {
      permissions,
    },
  );
}

/** Name of the role the default client holds in every division, when the org has it. */
const DEFAULT_ROLE = 'Master Admin';
const DEFAULT_CLIENT_NAME = 'gc-onboard';

export interface ClientRoleDivision {
  roleId: string;
  divisionId: string;
}

export interface ClientAccess {
  /** The client's display name (OAuth client `name`). */
  name: string;
  /** Null: no restriction at all (a custom org without the default role). */
  roleDivisions: ClientRoleDivision[] | null;
}

/** Extra roles the option defines (a name and permissions of a role the org does not have). */
export function clientRolesToSeed(seed: OrgSeed, client: SandboxClient | undefined): SeedRole[] {
  const known = new Set(seed.roles.map((role) => role.name.toLowerCase()));
  return (client?.roles ?? [])
    .filter((role) => role.roleId === undefined && role.permissions !== undefined && role.name !== undefined)
    .filter((role) => !known.has((role.name ?? '').toLowerCase()))
    .map((role, i) => ({
      // In the org's id space (seed.idTag), as its seeded roles are, so two orgs' roles differ.
      id: `5eed${seed.idTag ?? '0000'}-00c1-4000-8000-${(i + 1).toString().padStart(12, '0')}`,
      name: role.name ?? '',
      description: 'Role of the sandbox OAuth client',
      permissions: [...(role.permissions ?? [])],
    }));
}

/** Resolves the option against the seed (extra roles included): ids, names and `*` for divisions. */
export function clientAccessOf(seed: OrgSeed, client: SandboxClient | undefined): ClientAccess {
  const name = client?.name ?? DEFAULT_CLIENT_NAME;
  const roleByName = (wanted: string) =>
    seed.roles.find((r) => r.name.toLowerCase() === wanted.toLowerCase());
  const divisionOf = (value: string): string => {
    if (value === ALL_DIVISIONS) return value;
    const division = seed.divisions.find(
      (d) => d.id === value || d.name.toLowerCase() === value.toLowerCase(),
    );
    if (!division) throw new Error(`sandbox: client division "${value}" is not in the org`);
    return division.id;
  };
  if (!client?.roles) {
    const admin = roleByName(DEFAULT_ROLE);
    return { name, roleDivisions: admin ? [{ roleId: admin.id, divisionId: ALL_DIVISIONS }] : null };
  }
  const roleDivisions = client.roles.flatMap((entry) => {
    const role = entry.roleId ? seed.roles.find((r) => r.id === entry.roleId) : roleByName(entry.name ?? '');
    if (!role)
      throw new Error(`sandbox: client role "${entry.roleId ?? entry.name ?? ''}" is not in the org`);
    return entry.divisionIds.map((d) => ({ roleId: role.id, divisionId: divisionOf(d) }));
  });
  return { name, roleDivisions };
}

/** The client's grants with each role's permissions as the store has them now. */
export function heldGrants(access: ClientAccess, store: OrgStore): HeldGrant[] {
  return (access.roleDivisions ?? []).map(({ roleId, divisionId }) => ({
    roleId,
    divisionId,
    permissions: store.roles.get(roleId)?.permissions ?? [],
  }));
}

function parse(text: string): unknown {
  try {
    return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The divisions a request acts in, or null when the operation acts in none (or they are unknown). */
export function divisionsOf(
  routeKey: string,
  params: Record<string, string>,
  text: string,
  store: OrgStore,
): string[] | null {
  const scope = scopeOf(routeKey);
  if (scope === null) return null;
  const body = record(parse(text));
  const known = (ids: string[]) => {
    const found = ids.filter((id) => store.divisions.has(id));
    return found.length > 0 ? [...new Set(found)] : null;
  };
  switch (scope) {
    case 'user': {
      const userId = params.userId;
      if (userId === undefined) {
        const given = typeof body.divisionId === 'string' ? body.divisionId : store.homeDivisionId;
        return known([given]);
      }
      const user = store.users.get(userId);
      return user ? [user.divisionId] : null;
    }
    case 'grant': {
      const fromGrants = Array.isArray(body.grants) ? body.grants.map((g) => record(g).divisionId) : [];
      return known([...strings(fromGrants), ...strings(body.divisionIds)]);
    }
    case 'queue': {
      const queue = store.queues.get(params.queueId ?? '');
      return queue ? [queue.divisionId] : null;
    }
  }
}

/** The 403 for this request, or null when the client may make it. */
export function accessCheck(
  access: ClientAccess,
  store: OrgStore,
  routeKey: string,
  params: Record<string, string>,
  text: string,
): ForbiddenError | null {
  if (access.roleDivisions === null) return null;
  const requirement = requirementOf(routeKey);
  if (requirement === null) return null;
  const denial = denialOf(requirement, heldGrants(access, store), divisionsOf(routeKey, params, text, store));
  return denial ? forbidden(denial) : null;
}
