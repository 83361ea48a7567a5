// Opening the org a command works on: a real one from the GENESYSCLOUD_* settings, or an in-process
// sandbox on an ephemeral loopback port (--sandbox, the demo). Both go through the same SDK client.
// The client (and with it the Genesys SDK) and the sandbox are loaded only here, when a command
// talks to an org, so offline commands start without them.
import type { ConnectOptions, GenesysClient } from '../genesys/client.js';
import { ENV, resolveConnection } from '../genesys/connection.js';
import type { OrgSpec } from '../csv/types.js';
import type { Sandbox, SandboxOptions } from '../sandbox/index.js';
import { checkOrgIdentity, orgEnv, withRoleGrantPage } from './orgs.js';

export interface OrgSession {
  client: GenesysClient;
  /** Where the calls go, for messages: `https://api.mypurecloud.ie`, `sandbox http://127.0.0.1:PORT`. */
  target: string;
  /** Set when the org is an in-process sandbox. */
  sandbox?: Sandbox;
  close(): Promise<void>;
}

export interface OpenOrgOptions extends ConnectOptions {
  /** Start an in-process sandbox (with these options) instead of reading the connection from `env`. */
  sandbox?: SandboxOptions | false;
  env?: Record<string, string | undefined>;
  /** orgs.yml's entry for the org: its region fills the connection, its genesys_org is checked. */
  org?: OrgSpec;
}

/** Opens the org and, with orgs.yml's genesys_org, checks the credentials reach it before anything else. */
export async function openOrg(options: OpenOrgOptions): Promise<OrgSession> {
  const session = await openConnection(options);
  try {
    await checkOrgIdentity(session.client, options.org);
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}

async function openConnection(options: OpenOrgOptions): Promise<OrgSession> {
  const { connect } = await import('../genesys/client.js');
  if (options.sandbox) {
    const { startSandbox, sandboxClients } = await import('../sandbox/index.js');
    const sandbox = await startSandbox(options.sandbox);
    try {
      // Every client the sandbox has (--clients N) joins the pool.
      const [main, ...pool] = sandboxClients(options.sandbox);
      const connection = resolveConnection({
        GENESYSCLOUD_OAUTHCLIENT_ID: main?.id ?? 'sandbox',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: main?.secret ?? 'sandbox',
        GENESYSCLOUD_API_REGION: sandbox.url,
        GENESYSCLOUD_OAUTHCLIENT_POOL: pool.map(({ id, secret }) => `${id}:${secret}`).join(','),
        // As against an org: a page over the sandbox's cap is refused and split, as an org would.
        [ENV.roleGrantPage]: withRoleGrantPage(options.org, options.env ?? process.env)[ENV.roleGrantPage],
      });
      const client = await connect(connection, options);
      return {
        client,
        target: `sandbox ${sandbox.url}`,
        sandbox,
        close: async () => {
          client.close();
          await sandbox.close();
        },
      };
    } catch (error) {
      await sandbox.close();
      throw error;
    }
  }
  const connection = resolveConnection(orgEnv(options.org, options.env ?? process.env));
  const client = await connect(connection, options);
  return { client, target: connection.apiBaseUrl, close: () => Promise.resolve(client.close()) };
}
