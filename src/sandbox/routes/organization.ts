// /api/v2/organizations/me: the org, for its default country (how numbers without one are read).

import type { ApiResult, HandlerContext, Route } from '../router.js';
import { ok, route } from '../router.js';

function getOrganizationsMe(ctx: HandlerContext): ApiResult {
  const { store } = ctx;
  return ok({
    id: store.orgId,
    name: store.orgName,
    defaultLanguage: 'en',
    defaultCountryCode: store.defaultCountryCode,
    thirdPartyOrgName: store.orgName.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    domain: 'mypurecloud.com',
    version: 1,
    state: 'active',
    productPlatform: 'GenesysCloud',
    features: {},
    voicemailEnabled: true,
    selfUri: `/api/v2/organizations/${store.orgId}`,
  });
}

export const organizationRoutes: Route[] = [route('GET', '/api/v2/organizations/me', getOrganizationsMe)];
