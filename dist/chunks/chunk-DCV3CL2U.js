import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);

// src/genesys/client.ts
async function connect(connection, options = {}) {
  const { default: platformClient } = await import("./purecloud-platform-client-v2-HQ75PVIW.js");
  const { openPool, SdkHttpClient } = await import("./pool-B5QB7DXZ.js");
  const newApiClient = () => {
    const apiClient2 = new platformClient.ApiClientClass();
    ignoreConfigFile(apiClient2);
    pointAt(apiClient2, connection.endpoint);
    return apiClient2;
  };
  const pool = await openPool(connection, {
    newApiClient,
    ...options.onToken ? { onToken: options.onToken } : {},
    ...options.transport ? { transport: options.transport } : {}
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
    ...connection.roleGrantPage === void 0 ? {} : { roleGrantPage: connection.roleGrantPage }
  };
}
function readOnce(api) {
  const read = api.getOrganizationsMe.bind(api);
  let org;
  api.getOrganizationsMe = () => org ??= read().catch((error) => {
    org = void 0;
    throw error;
  });
  return api;
}
function ignoreConfigFile(apiClient) {
  const config = apiClient.config;
  config.live_reload_config = false;
  config.setConfigPath("");
  config.setGateway.call(config, void 0);
  config.host = "";
  config.logger.log_level = "none";
  config.logger.log_to_console = false;
  config.logger.log_file_path = "";
  config.logger.setLogger();
}
function pointAt(apiClient, endpoint) {
  if (endpoint.kind === "environment") {
    apiClient.setEnvironment(endpoint.environment);
    return;
  }
  apiClient.setGateway({
    protocol: endpoint.protocol,
    host: endpoint.host,
    ...endpoint.port === null ? {} : { port: endpoint.port },
    ...endpoint.path ? { path_params_login: endpoint.path, path_params_api: endpoint.path } : {}
  });
}
async function pageAll(fetchPage, pageSize, firstPage, select = (entities) => entities) {
  const first = firstPage ?? await fetchPage(1, pageSize);
  const entities = [...select(first.entities ?? [])];
  const pageCount = first.pageCount ?? (first.total === void 0 ? void 0 : Math.ceil(first.total / pageSize));
  if (pageCount === void 0) {
    let page = first;
    for (let number = 2; (page.entities?.length ?? 0) >= pageSize && page.nextUri; number += 1) {
      page = await fetchPage(number, pageSize);
      entities.push(...select(page.entities ?? []));
    }
    return entities;
  }
  const rest = await Promise.all(
    Array.from(
      { length: Math.max(0, pageCount - 1) },
      async (_, index) => select((await fetchPage(index + 2, pageSize)).entities ?? [])
    )
  );
  for (const page of rest) entities.push(...page);
  return entities;
}

export {
  connect,
  readOnce,
  pageAll
};
