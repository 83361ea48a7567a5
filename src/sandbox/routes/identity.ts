// Who the sandbox's OAuth client is and what it holds: GET /tokens/me, GET /oauth/clients/{id},
// GET /authorization/permissions (with divisionAware) and GET /authorization/divisionspermitted/paged/me.
// Built per sandbox (they read its client), so not in the shared route table.
import { ALL_DIVISIONS, DIVISION_AWARE, holds } from '../../permissions/operations.js';
import { SPEC_PERMISSIONS } from '../../permissions/spec-permissions.generated.js';
import { heldGrants, type ClientAccess } from '../access.js';
import { badRequest, notFound } from '../errors.js';
import { byName, listing, readPaging, sliceOf } from '../paging.js';
import { renderDivision } from '../render.js';
import type { ApiResult, HandlerContext, Route } from '../router.js';
import { ok, route } from '../router.js';

export interface IdentitySettings {
  clientId: string;
  tokenTtlSeconds: number;
  access: ClientAccess;
}

const org = (ctx: HandlerContext) => ({ id: ctx.store.orgId, name: ctx.store.orgName });

/** Every concrete permission the sandbox knows: the spec's and the roles' (wildcards left out). */
function knownPermissions(ctx: HandlerContext): string[] {
  const all = new Set<string>();
  for (const requirement of Object.values(SPEC_PERMISSIONS))
    for (const p of requirement.permissions) all.add(p);
  for (const role of ctx.store.roles.values()) for (const p of role.permissions ?? []) all.add(p);
  return [...all].filter((p) => p.split(':').length === 3 && !p.includes('*')).sort();
}

/** The sandbox's one OAuth client, as tokens/me and oauth/clients show it. */
function clientOf(settings: IdentitySettings, ctx: HandlerContext) {
  return {
    id: settings.clientId,
    name: settings.access.name,
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    state: 'active',
    organization: org(ctx),
  };
}

// Whether a client-credentials token's tokens/me fills roleDivisions is unverified (real-api.md
// §11): the stricter reading leaves it out, so a caller must ask GET /oauth/clients/{id}.
function getTokensMe(settings: IdentitySettings, ctx: HandlerContext): ApiResult {
  return ok({
    organization: org(ctx),
    homeOrganization: org(ctx),
    authorizedScope: [],
    OAuthClient: clientOf(settings, ctx),
  });
}

function getOauthClient(settings: IdentitySettings, ctx: HandlerContext): ApiResult {
  const { access } = settings;
  const id = ctx.params.clientId ?? '';
  if (id !== settings.clientId) throw notFound(`The OAuth client ${id} could not be found.`, id);
  return ok({
    ...clientOf(settings, ctx),
    accessTokenValiditySeconds: settings.tokenTtlSeconds,
    description: 'The sandbox OAuth client',
    registeredRedirectUri: [],
    roleIds: [...new Set((access.roleDivisions ?? []).map((g) => g.roleId))],
    roleDivisions: (access.roleDivisions ?? []).map((g) => ({ ...g })),
    scope: [],
    selfUri: `/api/v2/oauth/clients/${id}`,
  });
}

type PermissionEntry = Record<string, unknown>;

/** The known permissions the query asks for (all without one), by domain then entity type. */
function permissionsByDomain(ctx: HandlerContext): Map<string, Map<string, PermissionEntry[]>> {
  const queryType = ctx.query.get('queryType');
  const wanted = (ctx.query.get('query') ?? '')
    .split(',')
    .map((q) => q.trim())
    .filter(Boolean);
  const byDomain = new Map<string, Map<string, PermissionEntry[]>>();
  for (const permission of knownPermissions(ctx)) {
    const [domain = '', entityType = '', action = ''] = permission.split(':');
    if (
      wanted.length > 0 &&
      !(queryType === 'domain' ? wanted.includes(domain) : wanted.includes(permission))
    )
      continue;
    const entities = byDomain.get(domain) ?? new Map<string, PermissionEntry[]>();
    const list = entities.get(entityType) ?? [];
    list.push({
      domain,
      entityType,
      action,
      label: action,
      allowsConditions: false,
      divisionAware: DIVISION_AWARE.has(permission),
    });
    entities.set(entityType, list);
    byDomain.set(domain, entities);
  }
  return byDomain;
}

function getPermissions(ctx: HandlerContext): ApiResult {
  const paging = readPaging(ctx.query, 100);
  const collections = [...permissionsByDomain(ctx).entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([domain, entities]) => ({
      id: domain,
      name: domain,
      domain,
      permissionMap: Object.fromEntries(entities),
      selfUri: `/api/v2/authorization/permissions/${domain}`,
    }));
  return ok(listing(ctx.path, ctx.query, paging, collections.length, sliceOf(collections, paging)));
}

function getDivisionsPermitted(access: ClientAccess, ctx: HandlerContext): ApiResult {
  const permission = ctx.query.get('permission');
  if (!permission) throw badRequest('permission is required.', 'permission');
  const paging = readPaging(ctx.query, 100);
  const grants = heldGrants(access, ctx.store);
  const everywhere =
    access.roleDivisions === null ||
    holds(
      grants.filter((g) => g.divisionId === ALL_DIVISIONS),
      permission,
      null,
    );
  const divisions = [...ctx.store.divisions.values()]
    .filter((d) => everywhere || holds(grants, permission, d.id))
    .sort(byName)
    .map(renderDivision);
  return ok({
    ...listing(ctx.path, ctx.query, paging, divisions.length, sliceOf(divisions, paging)),
    allDivsPermitted: everywhere,
  });
}

export function identityRoutes(settings: IdentitySettings): Route[] {
  return [
    route('GET', '/api/v2/tokens/me', (ctx) => getTokensMe(settings, ctx)),
    route('GET', '/api/v2/oauth/clients/{clientId}', (ctx) => getOauthClient(settings, ctx)),
    route('GET', '/api/v2/authorization/permissions', getPermissions),
    route('GET', '/api/v2/authorization/divisionspermitted/paged/me', (ctx) =>
      getDivisionsPermitted(settings.access, ctx),
    ),
  ];
}
