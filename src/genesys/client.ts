// A logged-in Genesys Cloud client: a private SDK ApiClient (never the process-wide singleton) with
// our transport under it, and the API objects gc-onboard uses, bound to it.
// The SDK (about 0.2 s to load) and the transport are loaded when connect is first called, so that
// offline commands (validate, --help) never load them; the types cost nothing.
import type platformClient from 'purecloud-platform-client-v2';
import type { Connection, Endpoint } from './connection.js';
import type { TransportOptions, TransportStats } from './transport.js';

export { LoginError } from './connection.js';

export interface ConnectOptions {
  /** Called with every access token as soon as it is issued (the Action passes `core.setSecret`). */
  onToken?: (token: string) => void;
  /** Pacing, retry and timing settings; tests scale them down. */
  transport?: Partial<TransportOptions>;
}

type ApiClient = InstanceType<typeof platformClient.ApiClientClass>;

export interface GenesysClient {
  users: InstanceType<typeof platformClient.UsersApi>;
  authorization: InstanceType<typeof platformClient.AuthorizationApi>;
  routing: InstanceType<typeof platformClient.RoutingApi>;
  telephony: InstanceType<typeof platformClient.TelephonyProvidersEdgeApi>;
  stations: InstanceType<typeof platformClient.StationsApi>;
  locations: InstanceType<typeof platformClient.LocationsApi>;
  /** GET /organizations/me: the default country work phones are stored with. */
  organization: InstanceType<typeof platformClient.OrganizationApi>;
  /** `https://api.mypurecloud.ie`, `http://127.0.0.1:PORT`: for messages. */
  apiBaseUrl: string;
  /** Requests by route, retries, 429s, the learned rate limit: summed over the pool, and per client. */
  stats(): TransportStats;
  /** The OAuth client ids that share the work (pool.ts), the main client first. */
  clientIds: string[];
  /** Runs `work` with every call it makes sent by that one client (doctor checks each client). */
  onClient<T>(clientId: string, work: () => Promise<T>): Promise<T>;
  /** Stops timers and in-flight requests so the process can exit. */
  close(): void;
  /** Subjects per bulk role grant call the team set for this org (Connection.roleGrantPage). */
  roleGrantPage?: number;
}

export async function connect(connection: Connection, options: ConnectOptions = {}): Promise<GenesysClient> {
  const { default: platformClient } = await import('purecloud-platform-client-v2');
  const { openPool, SdkHttpClient } = await import('./pool.js');
  const newApiClient = () => {
    const apiClient = new platformClient.ApiClientClass();
    ignoreConfigFile(apiClient);
    pointAt(apiClient, connection.endpoint);
    return apiClient;
  };
  // Every client of the pool (usually just the main one) logs in through an ApiClient of its own;
  // the API objects below share one whose calls the pool hands to a client.
  const pool = await openPool(connection, {
    newApiClient,
    ...(options.onToken ? { onToken: options.onToken } : {}),
    ...(options.transport ? { transport: options.transport } : {}),
  });
  const apiClient = newApiClient();
  apiClient.setHttpClient(new SdkHttpClient((request) => pool.request(request)));

  return {
    users: new platformClient.UsersApi(apiClient),
    authorization: new platformClient.AuthorizationApi(apiClient),
    routing: new platformClient.RoutingApi(apiClient),
    telephony: new platformClient.TelephonyProvidersEdgeApi(apiClient),
    stations: new platformClient.StationsApi(apiClient),
    locations: new platformClient.LocationsApi(apiClient),
    organization: readOnce(new platformClient.OrganizationApi(apiClient)),
    apiBaseUrl: connection.apiBaseUrl,
    stats: () => pool.stats(),
    clientIds: pool.clientIds,
    onClient: (clientId, work) => pool.onClient(clientId, work),
    close: () => pool.close(),
    ...(connection.roleGrantPage === undefined ? {} : { roleGrantPage: connection.roleGrantPage }),
  };
}

/**
 * The org does not change during a run: GET /organizations/me is read once per client, for the org
 * check, the plan's default country and apply's (a failed read is not kept).
 */
export function readOnce<T extends { getOrganizationsMe: () => Promise<unknown> }>(api: T): T {
  const read = api.getOrganizationsMe.bind(api);
  let org: ReturnType<T['getOrganizationsMe']> | undefined;
  api.getOrganizationsMe = () =>
    (org ??= read().catch((error: unknown) => {
      org = undefined;
      throw error;
    }) as ReturnType<T['getOrganizationsMe']>);
  return api;
}

/**
 * The SDK reads ~/.genesyscloudjavascript/config when an ApiClient is built and watches it; that file
 * may set a gateway, a host or request logging. gc-onboard takes its settings from the environment
 * only, so stop the watch, forget the path, and undo what the file may have set.
 */
function ignoreConfigFile(apiClient: ApiClient): void {
  const config = apiClient.config;
  config.live_reload_config = false;
  config.setConfigPath('');
  (config.setGateway as (gateway?: unknown) => void).call(config, undefined);
  config.host = '';
  config.logger.log_level = 'none';
  config.logger.log_to_console = false;
  config.logger.log_file_path = '';
  config.logger.setLogger();
}

function pointAt(apiClient: ApiClient, endpoint: Endpoint): void {
  if (endpoint.kind === 'environment') {
    apiClient.setEnvironment(endpoint.environment);
    return;
  }
  apiClient.setGateway({
    protocol: endpoint.protocol,
    host: endpoint.host,
    ...(endpoint.port === null ? {} : { port: endpoint.port }),
    ...(endpoint.path ? { path_params_login: endpoint.path, path_params_api: endpoint.path } : {}),
  });
}

export interface Page<T> {
  entities?: T[];
  pageCount?: number;
  total?: number;
  nextUri?: string;
}

/**
 * Every entity of a page-numbered listing, in page order. The first page (fetched here, or passed in
 * when the caller already has it) tells the page count; the other pages are then requested together
 * and the transport paces them. Listings that give no count (queue members) are followed page by page
 * until a short page. `select` keeps what the caller needs of each page as it arrives, so that a large
 * org's listing never sits in memory whole.
 */
export async function pageAll<T>(
  fetchPage: (pageNumber: number, pageSize: number) => Promise<Page<T>>,
  pageSize: number,
  firstPage?: Page<T>,
  select: (entities: T[]) => T[] = (entities) => entities,
): Promise<T[]> {
  const first = firstPage ?? (await fetchPage(1, pageSize));
  const entities = [...select(first.entities ?? [])];
  const pageCount =
    first.pageCount ?? (first.total === undefined ? undefined : Math.ceil(first.total / pageSize));
  if (pageCount === undefined) {
    let page = first;
    for (let number = 2; (page.entities?.length ?? 0) >= pageSize && page.nextUri; number += 1) {
      page = await fetchPage(number, pageSize);
      entities.push(...select(page.entities ?? []));
    }
    return entities;
  }
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pageCount - 1) }, async (_, index) =>
      select((await fetchPage(index + 2, pageSize)).entities ?? []),
    ),
  );
  for (const page of rest) entities.push(...page);
  return entities;
}
