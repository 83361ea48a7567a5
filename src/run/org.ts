// Opening the org a command works on: a real one from the GENESYSCLOUD_* settings, or an in-process
// sandbox on an ephemeral loopback port (--sandbox, the demo). Both go through the same SDK client.
import { connect, type ConnectOptions, type GenesysClient } from '../genesys/client.js';
import { resolveConnection } from '../genesys/connection.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/index.js';

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
}

export async function openOrg(options: OpenOrgOptions): Promise<OrgSession> {
  if (options.sandbox) {
    const sandbox = await startSandbox(options.sandbox);
    try {
      const connection = resolveConnection({
        GENESYSCLOUD_OAUTHCLIENT_ID: options.sandbox.clientId ?? 'sandbox',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: options.sandbox.clientSecret ?? 'sandbox',
        GENESYSCLOUD_API_REGION: sandbox.url,
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
  const connection = resolveConnection(options.env ?? process.env);
  const client = await connect(connection, options);
  return { client, target: connection.apiBaseUrl, close: () => Promise.resolve(client.close()) };
}
