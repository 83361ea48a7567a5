import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);

// src/genesys/connection.ts
var ConfigError = class extends Error {
  name = "ConfigError";
};
var LoginError = class extends ConfigError {
  name = "LoginError";
};
var REGIONS = {
  "us-east-1": "mypurecloud.com",
  "us-east-2": "use2.us-gov-pure.cloud",
  "us-west-2": "usw2.pure.cloud",
  "ca-central-1": "cac1.pure.cloud",
  "sa-east-1": "sae1.pure.cloud",
  "mx-central-1": "mxc1.pure.cloud",
  "eu-west-1": "mypurecloud.ie",
  "eu-west-2": "euw2.pure.cloud",
  "eu-central-1": "mypurecloud.de",
  "eu-central-2": "euc2.pure.cloud",
  "eusc-de-east-1": "edee1.eusc-pure.cloud",
  "me-central-1": "mec1.pure.cloud",
  "ap-south-1": "aps1.pure.cloud",
  "ap-southeast-1": "apse1.pure.cloud",
  "ap-southeast-2": "mypurecloud.com.au",
  "ap-northeast-1": "mypurecloud.jp",
  "ap-northeast-2": "apne2.pure.cloud",
  "ap-northeast-3": "apne3.pure.cloud"
};
var ENV = {
  id: "GENESYSCLOUD_OAUTHCLIENT_ID",
  secret: "GENESYSCLOUD_OAUTHCLIENT_SECRET",
  region: "GENESYSCLOUD_REGION",
  apiRegion: "GENESYSCLOUD_API_REGION",
  pool: "GENESYSCLOUD_OAUTHCLIENT_POOL",
  /** The name of the variable that holds the pool when a team named it otherwise (`--client-pool-env`). */
  poolName: "GC_ONBOARD_CLIENT_POOL_ENV",
  /** Subjects per bulk role grant call (the docs name no cap; probe measures the org's). */
  roleGrantPage: "GC_ONBOARD_ROLE_GRANT_PAGE"
};
var MAX_ROLE_GRANT_PAGE = 1e4;
var POOL_ENV_NAME = ENV.poolName;
var LOOPBACK_HOSTS = /* @__PURE__ */ new Set(["127.0.0.1", "localhost", "[::1]"]);
function resolveConnection(env) {
  const clientId = required(env, ENV.id);
  const clientSecret = required(env, ENV.secret);
  const regionValue = env[ENV.region]?.trim() ?? "";
  const apiRegionValue = env[ENV.apiRegion]?.trim() ?? "";
  const fromRegion = regionValue ? endpointFromRegion(regionValue) : null;
  const endpoint = apiRegionValue ? endpointFromBaseUrl(apiRegionValue) : fromRegion;
  if (!endpoint) {
    throw new ConfigError(
      `${ENV.region} is not set; set it to your Genesys Cloud region (e.g. us-east-1) or its domain (e.g. mypurecloud.com).`
    );
  }
  const poolVariable = env[ENV.poolName]?.trim() || ENV.pool;
  const pool = parsePool(env[poolVariable] ?? "", poolVariable, clientId);
  const roleGrantPage = parseRoleGrantPage(env[ENV.roleGrantPage]);
  const connection = {
    clientId,
    endpoint,
    apiBaseUrl: apiBaseUrl(endpoint),
    pool,
    poolVariable,
    ...roleGrantPage === void 0 ? {} : { roleGrantPage }
  };
  Object.defineProperty(connection, "clientSecret", { value: clientSecret, enumerable: false });
  return connection;
}
function parseRoleGrantPage(value) {
  const text = value?.trim() ?? "";
  if (text === "") return void 0;
  const page = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(page >= 1 && page <= MAX_ROLE_GRANT_PAGE)) {
    throw new ConfigError(
      `${ENV.roleGrantPage} must be a whole number of subjects per role grant call, 1 to ${MAX_ROLE_GRANT_PAGE}, not "${text}".`
    );
  }
  return page;
}
function credentialsOf(clientId, clientSecret) {
  const credentials = { clientId };
  Object.defineProperty(credentials, "clientSecret", { value: clientSecret, enumerable: false });
  return credentials;
}
function parsePool(value, variable, mainClientId) {
  const seen = /* @__PURE__ */ new Set([mainClientId]);
  const entries = value.split(",").map((entry) => entry.trim());
  const pool = [];
  for (const [index, entry] of entries.entries()) {
    if (entry === "") continue;
    const where = `${variable}: entry ${index + 1} of ${entries.length}`;
    const colon = entry.indexOf(":");
    if (colon < 0)
      throw new ConfigError(`${where} is not id:secret; write the OAuth clients as id:secret,id:secret.`);
    const id = entry.slice(0, colon).trim();
    const secret = entry.slice(colon + 1).trim();
    if (!id) throw new ConfigError(`${where} has no client id before the colon.`);
    if (!/^[\w.~-]+$/.test(id))
      throw new ConfigError(`${where} has a client id with characters an OAuth client id never has.`);
    if (!secret) throw new ConfigError(`${where} (client ${id}) has no secret after the colon.`);
    if (seen.has(id)) {
      const which = id === mainClientId ? "the main client (GENESYSCLOUD_OAUTHCLIENT_ID)" : "an earlier entry";
      throw new ConfigError(`${where} repeats client ${id}, already ${which}; each client counts once.`);
    }
    seen.add(id);
    pool.push(credentialsOf(id, secret));
  }
  return pool;
}
function required(env, name) {
  const value = env[name]?.trim();
  if (!value)
    throw new ConfigError(`${name} is not set; it must hold your Genesys Cloud OAuth client credentials.`);
  return value;
}
function regionBaseUrl(value) {
  return apiBaseUrl(endpointFromRegion(value));
}
function endpointFromRegion(value) {
  const cleaned = value.toLowerCase().replace(/^https?:\/\//, "").replace(/\/+$/, "").replace(/^(api|login)\./, "");
  const asRegion = cleaned.replace(/_/g, "-");
  const byName = REGIONS[asRegion];
  if (byName) return { kind: "environment", environment: byName, region: asRegion };
  const byDomain = Object.entries(REGIONS).find(([, domain]) => domain === cleaned);
  if (byDomain) return { kind: "environment", environment: cleaned, region: byDomain[0] };
  throw new ConfigError(
    `${ENV.region} "${value}" is not a Genesys Cloud region; use a region name such as eu-west-1 or its domain such as mypurecloud.ie.`
  );
}
function endpointFromBaseUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      `${ENV.apiRegion} "${value}" is not a URL; use https://api.<domain> or http://127.0.0.1:PORT.`
    );
  }
  const protocol = url.protocol.replace(/:$/, "");
  if (protocol !== "https" && protocol !== "http") {
    throw new ConfigError(`${ENV.apiRegion} "${value}" must start with https:// (or http:// for 127.0.0.1).`);
  }
  if (protocol === "http" && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new ConfigError(
      `${ENV.apiRegion} "${value}" must use https:// unless it points at 127.0.0.1 or localhost.`
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigError(
      `${ENV.apiRegion} must be a plain base URL without credentials, query or fragment.`
    );
  }
  const path = url.pathname.replace(/\/+$/, "");
  if (protocol === "https" && url.hostname.startsWith("api.") && !url.port && !path) {
    const environment = url.hostname.slice("api.".length);
    const region = Object.entries(REGIONS).find(([, domain]) => domain === environment)?.[0] ?? null;
    return { kind: "environment", environment, region };
  }
  return { kind: "gateway", protocol, host: url.hostname, port: url.port ? Number(url.port) : null, path };
}
function apiBaseUrl(endpoint) {
  if (endpoint.kind === "environment") return `https://api.${endpoint.environment}`;
  const port = endpoint.port === null ? "" : `:${endpoint.port}`;
  return `${endpoint.protocol}://${endpoint.host}${port}${endpoint.path}`;
}

export {
  ConfigError,
  LoginError,
  ENV,
  POOL_ENV_NAME,
  resolveConnection,
  regionBaseUrl
};
