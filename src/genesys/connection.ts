// Where to connect and with which OAuth client, from the same environment variables Genesys CX as
// Code uses, so existing secrets work unchanged. Pure: takes the environment as a value.
import { MAX_ROLE_GRANT_PAGE, roleGrantPageOf } from '../csv/cells.js';

/** A setting is missing or invalid. One sentence that names the variable; the CLI exits with code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Login failed: bad credentials, an unknown host, a login server that does not answer. Fatal (exit code 2). */
export class LoginError extends ConfigError {
  override name = 'LoginError';
}

/** The 18 Genesys Cloud regions and their environment domains (API at `https://api.<domain>`). */
export const REGIONS: Readonly<Record<string, string>> = {
  'us-east-1': 'mypurecloud.com',
  'us-east-2': 'use2.us-gov-pure.cloud',
  'us-west-2': 'usw2.pure.cloud',
  'ca-central-1': 'cac1.pure.cloud',
  'sa-east-1': 'sae1.pure.cloud',
  'mx-central-1': 'mxc1.pure.cloud',
  'eu-west-1': 'mypurecloud.ie',
  'eu-west-2': 'euw2.pure.cloud',
  'eu-central-1': 'mypurecloud.de',
  'eu-central-2': 'euc2.pure.cloud',
  'eusc-de-east-1': 'edee1.eusc-pure.cloud',
  'me-central-1': 'mec1.pure.cloud',
  'ap-south-1': 'aps1.pure.cloud',
  'ap-southeast-1': 'apse1.pure.cloud',
  'ap-southeast-2': 'mypurecloud.com.au',
  'ap-northeast-1': 'mypurecloud.jp',
  'ap-northeast-2': 'apne2.pure.cloud',
  'ap-northeast-3': 'apne3.pure.cloud',
};

/**
 * Where requests go. `environment`: a Genesys Cloud domain, API at `https://api.<domain>` and login at
 * `https://login.<domain>` (the SDK's `setEnvironment`). `gateway`: one origin (plus an optional path
 * prefix) that serves both `/oauth/token` and `/api/v2/...`, e.g. the sandbox on 127.0.0.1 (`setGateway`).
 */
export type Endpoint =
  | { kind: 'environment'; environment: string; region: string | null }
  | { kind: 'gateway'; protocol: 'http' | 'https'; host: string; port: number | null; path: string };

/** One OAuth client (client-credentials grant). */
export interface Credentials {
  clientId: string;
  /** Not enumerable, so logging or JSON-serialising credentials never shows it. */
  readonly clientSecret: string;
}

export interface Connection extends Credentials {
  endpoint: Endpoint;
  /** The API base URL, for messages: `https://api.mypurecloud.ie`, `http://127.0.0.1:8080`. */
  apiBaseUrl: string;
  /** More OAuth clients of the same org, each with its own rate limit (opt-in; usually none). */
  pool: Credentials[];
  /** The variable the pool was read from, for messages. */
  poolVariable: string;
  /**
   * Subjects per bulk role grant call, when the team set it (`GC_ONBOARD_ROLE_GRANT_PAGE`, the cap
   * `gc-onboard probe` measured on their org); absent: apply's default (ROLE_GRANT_PAGE, 100).
   */
  roleGrantPage?: number;
}

/** The connection's environment variables (those of Genesys CX as Code), by role. */
export const ENV = {
  id: 'GENESYSCLOUD_OAUTHCLIENT_ID',
  secret: 'GENESYSCLOUD_OAUTHCLIENT_SECRET',
  region: 'GENESYSCLOUD_REGION',
  apiRegion: 'GENESYSCLOUD_API_REGION',
  pool: 'GENESYSCLOUD_OAUTHCLIENT_POOL',
  /** The name of the variable that holds the pool when a team named it otherwise (`--client-pool-env`). */
  poolName: 'GC_ONBOARD_CLIENT_POOL_ENV',
  /** Subjects per bulk role grant call (the docs name no cap; probe measures the org's). */
  roleGrantPage: 'GC_ONBOARD_ROLE_GRANT_PAGE',
} as const;

export const POOL_ENV_NAME = ENV.poolName;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function resolveConnection(env: Record<string, string | undefined>): Connection {
  const clientId = required(env, ENV.id);
  const clientSecret = required(env, ENV.secret);
  const regionValue = env[ENV.region]?.trim() ?? '';
  const apiRegionValue = env[ENV.apiRegion]?.trim() ?? '';
  // An invalid region is reported even when the override makes it unused: it is still a mistake.
  const fromRegion = regionValue ? endpointFromRegion(regionValue) : null;
  const endpoint = apiRegionValue ? endpointFromBaseUrl(apiRegionValue) : fromRegion;
  if (!endpoint) {
    throw new ConfigError(
      `${ENV.region} is not set; set it to your Genesys Cloud region (e.g. us-east-1) or its domain (e.g. mypurecloud.com).`,
    );
  }
  const poolVariable = env[ENV.poolName]?.trim() || ENV.pool;
  const pool = parsePool(env[poolVariable] ?? '', poolVariable, clientId);
  const roleGrantPage = parseRoleGrantPage(env[ENV.roleGrantPage]);
  const connection = {
    clientId,
    endpoint,
    apiBaseUrl: apiBaseUrl(endpoint),
    pool,
    poolVariable,
    ...(roleGrantPage === undefined ? {} : { roleGrantPage }),
  } as Connection;
  Object.defineProperty(connection, 'clientSecret', { value: clientSecret, enumerable: false });
  return connection;
}

/** `GC_ONBOARD_ROLE_GRANT_PAGE`: a whole number of subjects, or undefined when blank. */
export function parseRoleGrantPage(value: string | undefined): number | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  const page = roleGrantPageOf(text);
  if (page === null) {
    throw new ConfigError(
      `${ENV.roleGrantPage} must be a whole number of subjects per role grant call, 1 to ${MAX_ROLE_GRANT_PAGE}, not "${text}".`,
    );
  }
  return page;
}

/** Credentials whose secret stays out of logs and JSON (spreading them drops it). */
export function credentialsOf(clientId: string, clientSecret: string): Credentials {
  const credentials = { clientId } as Credentials;
  Object.defineProperty(credentials, 'clientSecret', { value: clientSecret, enumerable: false });
  return credentials;
}

/**
 * `id:secret,id:secret`: the extra clients, each once and none the main client. Blank entries (a
 * trailing comma) are skipped. Messages name the variable and the entry, never a secret.
 */
export function parsePool(value: string, variable: string, mainClientId: string): Credentials[] {
  const seen = new Set([mainClientId]);
  const entries = value.split(',').map((entry) => entry.trim());
  const pool: Credentials[] = [];
  for (const [index, entry] of entries.entries()) {
    if (entry === '') continue;
    const where = `${variable}: entry ${index + 1} of ${entries.length}`;
    const colon = entry.indexOf(':');
    if (colon < 0)
      throw new ConfigError(`${where} is not id:secret; write the OAuth clients as id:secret,id:secret.`);
    const id = entry.slice(0, colon).trim();
    const secret = entry.slice(colon + 1).trim();
    if (!id) throw new ConfigError(`${where} has no client id before the colon.`);
    if (!/^[\w.~-]+$/.test(id))
      throw new ConfigError(`${where} has a client id with characters an OAuth client id never has.`);
    if (!secret) throw new ConfigError(`${where} (client ${id}) has no secret after the colon.`);
    if (seen.has(id)) {
      const which =
        id === mainClientId ? 'the main client (GENESYSCLOUD_OAUTHCLIENT_ID)' : 'an earlier entry';
      throw new ConfigError(`${where} repeats client ${id}, already ${which}; each client counts once.`);
    }
    seen.add(id);
    pool.push(credentialsOf(id, secret));
  }
  return pool;
}

function required(env: Record<string, string | undefined>, name: string): string {
  const value = env[name]?.trim();
  if (!value)
    throw new ConfigError(`${name} is not set; it must hold your Genesys Cloud OAuth client credentials.`);
  return value;
}

/** `eu-west-1`, `EU_WEST_1`, `mypurecloud.ie`, `api.mypurecloud.ie`, `https://api.mypurecloud.ie/`. */
/** The API base URL a region or domain names (`eu-west-1` and `mypurecloud.ie` name the same); throws ConfigError for neither. */
export function regionBaseUrl(value: string): string {
  return apiBaseUrl(endpointFromRegion(value));
}

function endpointFromRegion(value: string): Endpoint {
  const cleaned = value
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '')
    .replace(/^(api|login)\./, '');
  const asRegion = cleaned.replace(/_/g, '-');
  const byName = REGIONS[asRegion];
  if (byName) return { kind: 'environment', environment: byName, region: asRegion };
  const byDomain = Object.entries(REGIONS).find(([, domain]) => domain === cleaned);
  if (byDomain) return { kind: 'environment', environment: cleaned, region: byDomain[0] };
  throw new ConfigError(
    `${ENV.region} "${value}" is not a Genesys Cloud region; use a region name such as eu-west-1 or its domain such as mypurecloud.ie.`,
  );
}

/** `https://api.<domain>` → that environment; anything else (a gateway, the sandbox) → a gateway origin. */
function endpointFromBaseUrl(value: string): Endpoint {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      `${ENV.apiRegion} "${value}" is not a URL; use https://api.<domain> or http://127.0.0.1:PORT.`,
    );
  }
  const protocol = url.protocol.replace(/:$/, '');
  if (protocol !== 'https' && protocol !== 'http') {
    throw new ConfigError(`${ENV.apiRegion} "${value}" must start with https:// (or http:// for 127.0.0.1).`);
  }
  if (protocol === 'http' && !LOOPBACK_HOSTS.has(url.hostname)) {
    // Credentials would cross the network in clear text.
    throw new ConfigError(
      `${ENV.apiRegion} "${value}" must use https:// unless it points at 127.0.0.1 or localhost.`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigError(
      `${ENV.apiRegion} must be a plain base URL without credentials, query or fragment.`,
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (protocol === 'https' && url.hostname.startsWith('api.') && !url.port && !path) {
    const environment = url.hostname.slice('api.'.length);
    const region = Object.entries(REGIONS).find(([, domain]) => domain === environment)?.[0] ?? null;
    return { kind: 'environment', environment, region };
  }
  return { kind: 'gateway', protocol, host: url.hostname, port: url.port ? Number(url.port) : null, path };
}

function apiBaseUrl(endpoint: Endpoint): string {
  if (endpoint.kind === 'environment') return `https://api.${endpoint.environment}`;
  const port = endpoint.port === null ? '' : `:${endpoint.port}`;
  return `${endpoint.protocol}://${endpoint.host}${port}${endpoint.path}`;
}
