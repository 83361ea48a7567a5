// Several orgs (imports/orgs.yml): which org a command talks to, its connection settings, and the
// check that the credentials reach that org and no other. Without orgs.yml none of this applies.

import path from 'node:path';
import { findOrg, ORGS_FILE, parseOrgs } from '../csv/orgs.js';
import type { OrgSpec, OrgsConfig } from '../csv/types.js';
import type { GenesysClient } from '../genesys/client.js';
import { ENV, regionBaseUrl } from '../genesys/connection.js';
import { NotAFileError, readCapped } from '../imports.js';
import { MAX_YAML_BYTES } from '../csv/yaml.js';

/** The org cannot be chosen (a usage or configuration error: exit 2, nothing read from any org). */
export class OrgChoiceError extends Error {
  override name = 'OrgChoiceError';
}

/** `<root>/orgs.yml` parsed; undefined when there is none. Errors in it are an OrgChoiceError. */
export async function readOrgs(root: string): Promise<OrgsConfig | undefined> {
  const file = path.join(root, ORGS_FILE);
  let content: Buffer;
  try {
    content = await readCapped(file, MAX_YAML_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (error instanceof NotAFileError) throw new OrgChoiceError(error.message);
    throw error;
  }
  const { orgs, findings } = parseOrgs(content, file);
  const first = findings.find((finding) => finding.severity === 'error');
  if (orgs === null || first) {
    const where = `${first?.file ?? file}:${first?.line ?? 1}`;
    throw new OrgChoiceError(
      `${where}: ${first?.message ?? 'orgs.yml is unusable'} (run gc-onboard validate)`,
    );
  }
  return orgs;
}

/**
 * The org named by --org (or the Action's org input). Without orgs.yml there is one org and no name
 * may be given; with it, a command that talks to an org must name one.
 */
export function chooseOrg(
  orgs: OrgsConfig | undefined,
  name: string | undefined,
  flag: string,
): OrgSpec | undefined {
  if (orgs === undefined) {
    if (name === undefined) return undefined;
    throw new OrgChoiceError(
      `${flag} ${name} was given, but the imports folder has no ${ORGS_FILE}: without it there is one org, set by the GENESYSCLOUD_* variables`,
    );
  }
  const names = orgs.orgs.map((org) => org.name).join(', ');
  if (name === undefined) {
    throw new OrgChoiceError(`${orgs.file} names several orgs (${names}): say which with ${flag}`);
  }
  const org = findOrg(orgs, name);
  if (typeof org === 'string') throw new OrgChoiceError(org);
  return org;
}

/**
 * The connection variables for `org`: orgs.yml's region or api_url, and its role_grant_page, fill what
 * the environment leaves blank. An explicit GENESYSCLOUD_API_REGION wins (a proxy, the sandbox); a
 * GENESYSCLOUD_REGION that names another region than orgs.yml is refused, since it means the job has
 * another org's settings.
 */
export function orgEnv<T extends Record<string, string | undefined>>(org: OrgSpec | undefined, env: T): T {
  if (!org) return env;
  const withPage = withRoleGrantPage(org, env);
  const region = withPage[ENV.region]?.trim() ?? '';
  const apiRegion = withPage[ENV.apiRegion]?.trim() ?? '';
  // Compared as the API they name: eu-west-1 and mypurecloud.ie are one place.
  if (org.region !== undefined && region !== '' && regionBaseUrl(region) !== regionBaseUrl(org.region)) {
    throw new OrgChoiceError(
      `${ENV.region} is ${region} but ${ORGS_FILE} puts org ${org.name} in ${org.region}: this job has another org's settings (check the ${org.environment} environment)`,
    );
  }
  // An explicit API URL in the environment wins (a proxy, the sandbox); orgs.yml's api_url next, which
  // overrides any region as GENESYSCLOUD_API_REGION does; its region only when the environment has none.
  if (apiRegion !== '') return withPage;
  if (org.apiUrl !== undefined) return { ...withPage, [ENV.apiRegion]: org.apiUrl };
  if (org.region !== undefined && region === '') return { ...withPage, [ENV.region]: org.region };
  return withPage;
}

/** orgs.yml's role_grant_page as GC_ONBOARD_ROLE_GRANT_PAGE, unless the environment sets its own. */
export function withRoleGrantPage<T extends Record<string, string | undefined>>(
  org: OrgSpec | undefined,
  env: T,
): T {
  if (org?.roleGrantPage === undefined || env[ENV.roleGrantPage]?.trim()) return env;
  return { ...env, [ENV.roleGrantPage]: String(org.roleGrantPage) };
}

/**
 * With `genesys_org` in orgs.yml: the credentials must reach that org (its name or id, as GET
 * /api/v2/organizations/me gives them), or the run stops before it reads or writes anything else.
 * One call, only when the key is set.
 */
export async function checkOrgIdentity(client: GenesysClient, org: OrgSpec | undefined): Promise<void> {
  const expected = org?.genesysOrg;
  if (!org || expected === undefined) return;
  const me = await client.organization.getOrganizationsMe();
  const matches = me.id === expected || (me.name ?? '').toLowerCase() === expected.toLowerCase();
  if (!matches) {
    throw new OrgChoiceError(
      `The credentials for org ${org.name} reach the Genesys Cloud org "${me.name ?? '?'}" (${me.id ?? '?'}), not "${expected}" as ${ORGS_FILE} says: nothing was read or written. Check the secrets of the ${org.environment} environment`,
    );
  }
}
