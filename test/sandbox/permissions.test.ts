// The sandbox knows permissions: the OAuth client's roles and divisions, the spec's
// x-inin-requires-permissions checked per request (division-aware for writes on users, grants and
// queues), 403 bodies that name what is missing, and the identity routes doctor reads.
import platformClient from 'purecloud-platform-client-v2';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/sandbox/index.js';
import type { SandboxOptions } from '../../src/sandbox/index.js';
import { apiError, ext, harness, type Harness } from './helpers.js';

const D = DEMO_IDS;
let h: Harness | undefined;
afterEach(async () => {
  await h?.sandbox.close();
  h = undefined;
});

async function start(options: SandboxOptions = {}): Promise<Harness> {
  h = await harness({ real: false, ...options });
  return h;
}

const newUser = (divisionId: string) => ({
  name: 'New Person',
  email: `new.${divisionId.slice(-2)}@northfield.edu`,
  divisionId,
});
const homeOnly: SandboxOptions = { client: { roles: [{ name: 'Master Admin', divisionIds: ['Home'] }] } };

describe('the default OAuth client', () => {
  it('is gc-onboard with Master Admin in every division, and may do what gc-onboard does', async () => {
    const { client, users, telephony } = await start({ tokenTtlSeconds: 3600 });
    const me = (await ext(new platformClient.TokensApi(client).getTokensMe())).body;
    expect(me.OAuthClient).toMatchObject({
      id: 'sandbox',
      name: 'gc-onboard',
      authorizedGrantType: 'CLIENT-CREDENTIALS',
    });
    // Whether tokens/me fills roleDivisions for client credentials is unverified: left out.
    expect(me.OAuthClient?.roleDivisions).toBeUndefined();
    const details = (await ext(new platformClient.OAuthApi(client).getOauthClient('sandbox'))).body;
    expect(details.roleDivisions).toEqual([{ roleId: D.roles.masterAdmin, divisionId: '*' }]);
    expect(details.accessTokenValiditySeconds).toBe(3600);
    await users.postUsers(newUser(D.divisions.admissions));
    await telephony.getTelephonyProvidersEdgesPhones({ fields: ['webRtcUser'] });
  });

  it('answers 404 for another OAuth client', async () => {
    const { client } = await start();
    await apiError(new platformClient.OAuthApi(client).getOauthClient('someone-else'), 404, 'not.found');
  });
});

describe('a restricted client', () => {
  it('holding Master Admin only in Home creates people in Home, and gets missing.division.permission elsewhere', async () => {
    const { users } = await start(homeOnly);
    await users.postUsers(newUser(D.divisions.home));
    const body = await apiError(
      users.postUsers(newUser(D.divisions.admissions)),
      403,
      'missing.division.permission',
    );
    expect(body.messageParams).toEqual({
      permissions: 'directory:user:add',
      divisionId: D.divisions.admissions,
    });
    expect(body.message).toContain(`in division ${D.divisions.admissions}: directory:user:add`);
    expect(body.messageWithParams).toContain('{permissions}');
  });

  it('checks a grant in the divisions granted, queue members in the queue division, a PATCH in the user division', async () => {
    const { authz, routing, users } = await start(homeOnly);
    const grant = (divisionId: string) => ({ grants: [{ roleId: D.roles.pureCloudUser, divisionId }] });
    await authz.postAuthorizationSubjectBulkadd(D.users.james, grant(D.divisions.home));
    const g = await apiError(
      authz.postAuthorizationSubjectBulkadd(D.users.james, grant(D.divisions.admissions)),
      403,
      'missing.division.permission',
    );
    expect(g.messageParams).toEqual({
      permissions: 'authorization:grant:add',
      divisionId: D.divisions.admissions,
    });
    const q = await apiError(
      routing.postRoutingQueueMembers(D.queues.registrar, [{ id: D.users.james }]),
      403,
      'missing.division.permission',
    );
    expect(q.messageParams.divisionId).toBe(D.divisions.studentServices);
    const p = await apiError(
      users.patchUser(D.users.james, { version: 1, title: 'x' }),
      403,
      'missing.division.permission',
    );
    expect(p.messageParams).toEqual({
      permissions: 'directory:user:edit',
      divisionId: D.divisions.studentServices,
    });
  });

  it('without a permission anywhere gets missing.permissions, or missing.any.permissions for a choice', async () => {
    const { telephony, routing } = await start({
      client: {
        roles: [
          { name: 'Reader', permissions: ['directory:user:view', 'routing:queue:view'], divisionIds: ['*'] },
        ],
      },
    });
    const t = await apiError(telephony.getTelephonyProvidersEdgesPhones(), 403, 'missing.permissions');
    expect(t.messageParams).toEqual({ permissions: 'telephony:plugin:all' });
    expect(t.message).toBe(
      'Unable to perform the requested action. You are missing the following permission(s): telephony:plugin:all',
    );
    const any = await apiError(
      routing.postRoutingQueueMembers(D.queues.registrar, [{ id: D.users.james }]),
      403,
      'missing.any.permissions',
    );
    expect(any.messageParams).toEqual({ permissions: 'routing:queue:edit, routing:queueMember:manage' });
    // A role the option defines joins the org's roles.
    expect(h!.sandbox.state().roles.map((r) => r.name)).toContain('Reader');
  });

  it('reports where it holds a permission and which permissions are division-aware', async () => {
    const { authz } = await start(homeOnly);
    const permitted = (await ext(authz.getAuthorizationDivisionspermittedPagedMe('directory:user:add'))).body;
    expect(permitted.allDivsPermitted).toBe(false);
    expect(permitted.entities?.map((d) => d.name)).toEqual(['Home']);
    const listing = (
      await ext(
        authz.getAuthorizationPermissions({
          queryType: 'permission',
          query: 'directory:user:add,telephony:plugin:all',
          pageSize: 100,
        }),
      )
    ).body;
    const flags = Object.fromEntries(
      (listing.entities ?? []).flatMap((c) =>
        Object.values(c.permissionMap ?? {}).flatMap((list) =>
          list.map((p) => [`${p.domain}:${p.entityType}:${p.action}`, p.divisionAware]),
        ),
      ),
    );
    expect(flags).toEqual({ 'directory:user:add': true, 'telephony:plugin:all': false });
  });

  it('a 403 comes before the handler: nothing is written', async () => {
    const { users, sandbox } = await start(homeOnly);
    const before = sandbox.state().users.length;
    const res = await ext(users.postUsers(newUser(D.divisions.admissions)).catch((e) => e));
    expect(res.status).toBe(403);
    expect(sandbox.state().users.length).toBe(before);
    expect(sandbox.stats().status['403']).toBe(1);
  });
});
