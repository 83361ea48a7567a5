// `gc-onboard doctor`: read-only checks of a connection, the OAuth client's permissions per mode and
// division, and the imports' names against the org. The I/O edge: every read is here, every
// decision in checks.ts. A handful of calls, well under a minute at the default rate limit. With a
// pool of OAuth clients, each client's own roles are read with its own token and checked like the
// main client's.
import type platformClient from 'purecloud-platform-client-v2';
import type { ImportSet } from '../csv/types.js';
import { pageAll, type GenesysClient } from '../genesys/client.js';
import { loadSnapshot, toRoles } from '../genesys/snapshot.js';
import type { TransportOptions, TransportStats } from '../genesys/transport.js';
import { snapshotNeed } from '../plan/need.js';
import { validateImports } from '../run/commands.js';
import { fatalLine } from '../run/errors.js';
import { openOrg, type OpenOrgOptions, type OrgSession } from '../run/org.js';
import type { OrgSpec } from '../csv/types.js';
import {
  describeGrants,
  fail,
  importLines,
  importScopes,
  ok,
  permissionLines,
  warn,
  type DoctorLine,
  type OrgRole,
} from './checks.js';
import { forbiddenLine, missingPermissionOf } from '../permissions/forbidden.js';
import {
  ALL_DIVISIONS,
  DIVISION_AWARE,
  MODES,
  modePermissions,
  type DivisionScope,
  type HeldGrant,
} from '../permissions/operations.js';
import { doctorExitCode, renderDoctor, type Section } from './render.js';

export interface DoctorOptions {
  imports: string;
  /** orgs.yml's org: its region, the check that the credentials reach it, and only its batches. */
  org?: OrgSpec;
  /** An in-process sandbox with these options instead of the GENESYSCLOUD_* settings. */
  sandbox: NonNullable<OpenOrgOptions['sandbox']>;
  env?: Record<string, string | undefined>;
  onToken?: (token: string) => void;
  /** Give up after this long (default a minute): doctor is a quick look, not a long job. */
  deadlineMs?: number;
  /** Pacing settings (tests scale the window down). */
  transport?: Partial<TransportOptions>;
}

export interface DoctorReport {
  sections: Section[];
  exitCode: number;
  text: string;
}

const DEADLINE_MS = 60_000;

type ApiClient = InstanceType<typeof platformClient.ApiClientClass>;

/** The SDK ApiClient under our client's API objects (every *Api keeps it as `apiClient`). */
const apiClientOf = (client: GenesysClient) =>
  (client.users as unknown as { apiClient: ApiClient }).apiClient;

/** One line for a failed read: a 403 names the permission. */
const why = (error: unknown) => {
  const missing = missingPermissionOf(error);
  return missing ? forbiddenLine(missing) : fatalLine(error);
};

const hours = (seconds: number) =>
  seconds % 3600 === 0 ? `${seconds / 3600} h` : `${Math.round(seconds / 60)} min`;

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  let org: OrgSession;
  try {
    org = await openOrg({
      sandbox: options.sandbox,
      env: options.env ?? process.env,
      ...(options.org ? { org: options.org } : {}),
      ...(options.onToken ? { onToken: options.onToken } : {}),
      ...(options.transport ? { transport: options.transport } : {}),
    });
  } catch (error) {
    const sections = [
      {
        title: 'Connection',
        lines: [
          fail(
            `login: ${fatalLine(error)}`,
            'check GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION (or GENESYSCLOUD_API_REGION)',
          ),
        ],
      },
    ];
    return { sections, exitCode: 2, text: renderDoctor(sections, 2) };
  }
  try {
    // tokens/me names the client; the configured id is the fallback when it does not.
    const configuredId = options.sandbox
      ? (options.sandbox.clientId ?? 'sandbox')
      : ((options.env ?? process.env).GENESYSCLOUD_OAUTHCLIENT_ID?.trim() ?? null);
    const deadline = options.deadlineMs ?? DEADLINE_MS;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), deadline);
    });
    const sections = await Promise.race([
      diagnose(
        org.client,
        org.target,
        { root: options.imports, org: options.org?.name },
        configuredId || null,
      ),
      late,
    ]).finally(() => clearTimeout(timer));
    if (sections === null) {
      // Closing the client below stops what is still in flight.
      const stopped = [
        {
          title: 'Connection',
          lines: [
            fail(
              `doctor stopped after ${Math.round(deadline / 1000)} s: the org answers too slowly`,
              'run doctor again; if it keeps timing out, check the region and the rate limit',
            ),
          ],
        },
      ];
      return { sections: stopped, exitCode: 2, text: renderDoctor(stopped, 2) };
    }
    const exitCode = doctorExitCode(sections, true);
    return { sections, exitCode, text: renderDoctor(sections, exitCode) };
  } finally {
    await org.close();
  }
}

/** What one OAuth client is and holds, read with its own token. */
interface ClientFindings {
  clientName: string;
  grants: HeldGrant[];
  /** Its roles and divisions, or why they could not be read. */
  who: DoctorLine[];
  /** Its id (from tokens/me, else as configured), and how long its tokens last. */
  connection: DoctorLine[];
}

interface OrgNames {
  divisionIds: string[];
  orgRoles: OrgRole[];
  roleName: (id: string) => string;
  divisionName: (id: string) => string;
}

async function diagnose(
  client: GenesysClient,
  target: string,
  imports: { root: string; org: string | undefined },
  configuredId: string | null,
): Promise<Section[]> {
  const connection: DoctorLine[] = [ok(`API ${target}`)];
  const { orgInfo, names, home } = await readOrgNames(client);
  // Each client with its own token: the main client first, then the pool's.
  const [main, ...pooled] = await Promise.all(
    client.clientIds.map((id, index) =>
      client.onClient(id, () => clientFindings(client, index === 0 ? configuredId : id, names)),
    ),
  );
  const mainClient = main as ClientFindings;
  connection.push(...mainClient.connection.slice(0, 1));
  if (orgInfo instanceof Error) connection.push(warn(`cannot read the org: ${why(orgInfo)}`));
  else
    connection.push(
      ok(
        `org '${orgInfo.name ?? ''}'${orgInfo.defaultCountryCode ? `, default country ${orgInfo.defaultCountryCode}` : ''}`,
      ),
    );
  connection.push(...mainClient.connection.slice(1));
  const aware = await divisionAwareness(client);

  const { lines: importSection, scopes } = await importChecks(client, imports, home);

  const checkOf = (findings: ClientFindings) =>
    permissionLines({
      clientName: findings.clientName,
      grants: findings.grants,
      roles: names.orgRoles,
      scopes,
      divisionName: names.divisionName,
      divisionAware: (p) => aware?.has(p) ?? DIVISION_AWARE.has(p),
    });
  connection.push(rateLimitLine(client.stats()));
  const pool =
    pooled.length === 0
      ? []
      : [
          {
            title: poolTitle(client.clientIds.length),
            lines: poolLines(client.clientIds.slice(1), pooled, checkOf),
          },
        ];
  return [
    { title: 'Connection', lines: connection },
    { title: 'Who we are', lines: mainClient.who },
    {
      title: `Permissions per mode (${MODES.join(', ')}), per division the imports use`,
      lines: checkOf(mainClient),
    },
    ...pool,
    { title: 'Imports against the org', lines: importSection },
  ];
}

/** The org, its divisions and roles: the names every line uses. A failed org or roles read is kept as its error. */
async function readOrgNames(
  client: GenesysClient,
): Promise<{ orgInfo: platformClient.Models.Organization | Error; names: OrgNames; home: string }> {
  const [orgInfo, divisions, roles] = await Promise.all([
    client.organization.getOrganizationsMe().catch((error: unknown) => error as Error),
    pageAll(
      (pageNumber, pageSize) => client.authorization.getAuthorizationDivisions({ pageNumber, pageSize }),
      100,
    ),
    pageAll(
      (pageNumber, pageSize) => client.authorization.getAuthorizationRoles({ pageNumber, pageSize }),
      100,
    )
      .then((list): OrgRole[] => toRoles(list))
      .catch((error: unknown) => error as Error),
  ]);
  const divisionNames = new Map(divisions.flatMap((d) => (d.id ? [[d.id, d.name ?? d.id] as const] : [])));
  const orgRoles: OrgRole[] = roles instanceof Error ? [] : roles;
  const names: OrgNames = {
    divisionIds: divisions.flatMap((d) => (d.id ? [d.id] : [])),
    orgRoles,
    roleName: (id: string) => orgRoles.find((r) => r.id === id)?.name ?? id,
    divisionName: (id: string) => (id === ALL_DIVISIONS ? 'all divisions' : (divisionNames.get(id) ?? id)),
  };
  return { orgInfo, names, home: divisions.find((d) => d.homeDivision)?.id ?? '' };
}

/** The imports, read and resolved; their divisions decide where each write's permissions are checked. */
async function importChecks(
  client: GenesysClient,
  { root, org }: { root: string; org: string | undefined },
  home: string,
): Promise<{ lines: DoctorLine[]; scopes: Record<DivisionScope, string[]> }> {
  const importSection: DoctorLine[] = [];
  let imports: ImportSet | null = null;
  try {
    imports = await validateImports(root, undefined, org);
    const errors = imports.findings.filter((f) => f.severity === 'error').length;
    const people = imports.batches.reduce((n, b) => n + b.people.length, 0);
    const phones = imports.batches.reduce((n, b) => n + b.phones.length, 0);
    if (errors > 0)
      importSection.push(
        fail(
          `${errors} validation error${errors === 1 ? '' : 's'} in ${root}`,
          `run gc-onboard validate --imports ${root}`,
        ),
      );
    else
      importSection.push(
        ok(
          `${root}: ${imports.batches.length} batch${imports.batches.length === 1 ? '' : 'es'}, ${people} people, ${phones} phones, valid`,
        ),
      );
  } catch (error) {
    importSection.push(warn(`no imports checked: ${fatalLine(error)}`, 'pass --imports DIR'));
  }
  let scopes = { user: home ? [home] : [], grant: home ? [home] : [], queue: [] as string[] };
  if (imports && imports.batches.length > 0) {
    try {
      const snapshot = await loadSnapshot(client, snapshotNeed(imports));
      const queueDivisions = await readQueueDivisions(client, imports);
      scopes = importScopes(imports, snapshot, queueDivisions);
      importSection.push(...importLines(imports, snapshot));
    } catch (error) {
      importSection.push(
        fail(
          `cannot read the org for the imports: ${why(error)}`,
          'fix the permissions above, then run doctor again',
        ),
      );
    }
  }
  return { lines: importSection, scopes };
}

/** The limit learned from the headers; for a pool, the sum and each client's own. */
function rateLimitLine(stats: TransportStats): DoctorLine {
  const lower = Object.entries(stats.limits).filter(([, n]) => n < stats.limit);
  const clients = stats.clients ?? [];
  const pool =
    clients.length > 1
      ? ` over ${clients.length} OAuth clients (${clients.map((c) => `${c.clientId} ${c.limit}`).join(', ')})`
      : '';
  return ok(
    `rate limit ${stats.limit} requests per ${stats.windowMs / 1000} s${pool}${lower.length > 0 ? `; lower for ${lower.map(([k, n]) => `${k} ${n}`).join(', ')}` : ''} (from inin-ratelimit-allowed)`,
  );
}

const poolTitle = (count: number) =>
  `Pool of ${count} OAuth clients: any call may go to any of them, so each needs what the main client needs`;

/** One ✓ line per pool client that holds everything; else its ✗ (and !) lines, each naming it. */
function poolLines(
  ids: string[],
  findings: ClientFindings[],
  checkOf: (findings: ClientFindings) => DoctorLine[],
): DoctorLine[] {
  return findings.flatMap((found, index) => {
    const id = ids[index] ?? '';
    const unread = found.who.filter((line) => line.mark !== '✓');
    const gaps = checkOf(found).filter((line) => line.mark !== '✓');
    if (unread.length === 0 && gaps.length === 0) {
      const roles = found.who[0]?.text.replace(/^OAuth client /, '') ?? '';
      return [ok(`client ${id}: ${roles}; holds what every mode needs`)];
    }
    return [...unread, ...gaps].map((line) => ({ ...line, text: `client ${id}: ${line.text}` }));
  });
}

/**
 * Who the client is (tokens/me) and what it holds (GET /oauth/clients/{id}, else the org per
 * permission), read by whichever client the caller pinned.
 */
async function clientFindings(
  client: GenesysClient,
  configuredId: string | null,
  names: OrgNames,
): Promise<ClientFindings> {
  const { default: sdk } = await import('purecloud-platform-client-v2');
  const apiClient = apiClientOf(client);
  const me = await new sdk.TokensApi(apiClient).getTokensMe().catch((error: unknown) => error as Error);
  const who: DoctorLine[] = [];
  const connection: DoctorLine[] = [];
  const clientId = (me instanceof Error ? null : (me.OAuthClient?.id ?? null)) ?? configuredId;
  const clientName = me instanceof Error ? 'gc-onboard' : (me.OAuthClient?.name ?? clientId ?? 'gc-onboard');
  connection.push(ok(`logged in (client credentials${clientId ? `, client ${clientId}` : ''})`));
  if (me instanceof Error)
    who.push(
      fail(
        `GET /api/v2/tokens/me failed: ${why(me)}`,
        'check the OAuth client in Admin > Integrations > OAuth',
        false,
      ),
    );

  // The client's roles and divisions; without oauth:client:view, ask the org per permission instead.
  let grants: HeldGrant[] | null = null;
  if (clientId) {
    try {
      const details = await new sdk.OAuthApi(apiClient).getOauthClient(clientId);
      const roleDivisions = (details.roleDivisions ?? []).flatMap((g) =>
        g.roleId && g.divisionId ? [{ roleId: g.roleId, divisionId: g.divisionId }] : [],
      );
      grants = roleDivisions.map((g) => ({
        ...g,
        permissions: names.orgRoles.find((r) => r.id === g.roleId)?.permissions ?? [],
      }));
      const ttl = details.accessTokenValiditySeconds;
      connection.push(
        ttl
          ? ok(`tokens last ${hours(ttl)} (${ttl} s); gc-onboard logs in again when one expires`)
          : warn('token lifetime not given by the OAuth client'),
      );
      who.push(
        ok(
          `OAuth client '${details.name ?? clientName}': ${describeGrants(roleDivisions, names.roleName, names.divisionName)}`,
        ),
      );
    } catch (error) {
      who.push(
        warn(
          `cannot read the OAuth client's roles (${why(error)}); asking the org per permission instead`,
          'give the OAuth client a role with oauth:client:view to see its roles here',
        ),
      );
    }
  }
  grants ??= await permittedGrants(client, names.divisionIds);
  return { clientName, grants, who, connection };
}

/** Grants as the org reports them per permission (GET /authorization/divisionspermitted/paged/me). */
async function permittedGrants(client: GenesysClient, divisionIds: string[]): Promise<HeldGrant[]> {
  const wanted = modePermissions();
  const grants: HeldGrant[] = [];
  await Promise.all(
    wanted.map(async (permission) => {
      const page = await client.authorization
        .getAuthorizationDivisionspermittedPagedMe(permission, { pageSize: 100 })
        .catch(() => null);
      if (!page) return;
      const ids = page.allDivsPermitted
        ? [ALL_DIVISIONS]
        : (page.entities ?? []).flatMap((d) => (d.id ? [d.id] : []));
      for (const divisionId of ids.filter((id) => id === ALL_DIVISIONS || divisionIds.includes(id)))
        grants.push({ roleId: '', permissions: [permission], divisionId });
    }),
  );
  return grants;
}

/** The org's divisionAware flags for the permissions the modes need; null when it will not say. */
async function divisionAwareness(client: GenesysClient): Promise<Set<string> | null> {
  const wanted = modePermissions();
  try {
    const listing = await client.authorization.getAuthorizationPermissions({
      queryType: 'permission',
      query: wanted.join(','),
      pageSize: 100,
    });
    const aware = new Set<string>();
    for (const collection of listing.entities ?? [])
      for (const list of Object.values(collection.permissionMap ?? {}))
        for (const p of list) if (p.divisionAware) aware.add(`${p.domain}:${p.entityType}:${p.action}`);
    return aware;
  } catch {
    return null;
  }
}

/** Queue id → division id, for the queues the imports name (queue members are checked there). */
async function readQueueDivisions(client: GenesysClient, imports: ImportSet): Promise<Map<string, string>> {
  const named = imports.batches.some((b) => b.people.some((p) => p.queues.length > 0));
  if (!named) return new Map();
  const queues = await pageAll(
    (pageNumber, pageSize) => client.routing.getRoutingQueues({ pageNumber, pageSize }),
    100,
  );
  return new Map(queues.flatMap((q) => (q.id && q.division?.id ? [[q.id, q.division.id] as const] : [])));
}
