// The one home of how tests reach a sandbox: its login (the `sandbox`/`sandbox` client) as the env a
// connection reads, a client connected through the real connection code, and the option presets the
// suites share so that "a quick demo org" means the same thing everywhere.
import type { ApplyOptions } from '../../src/apply/apply.js';
import { connect, type GenesysClient } from '../../src/genesys/client.js';
import { resolveConnection } from '../../src/genesys/connection.js';
import type { TransportOptions } from '../../src/genesys/transport.js';
import type { RealBehaviours, SandboxOptions } from '../../src/sandbox/index.js';

/** The env a login reads to reach the sandbox at `url` with its default client. */
export function sandboxEnv(url: string): Record<string, string> {
  return {
    GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
    GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox',
    GENESYSCLOUD_API_REGION: url,
  };
}

/**
 * POST /oauth/token at `url` as client `id` (secret = id, as the sandbox's clients have): the status,
 * the body as sent, and its access token ('' when refused).
 */
export async function oauthLogin(
  url: string,
  id: string,
  secret = id,
): Promise<{ status: number; json: unknown; token: string }> {
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  const json: unknown = await response.json();
  const token = (json as { access_token?: unknown }).access_token;
  return { status: response.status, json, token: typeof token === 'string' ? token : '' };
}

/** A fresh access token from POST /oauth/token with the default client, for plain fetch calls. */
export async function sandboxToken(url: string): Promise<string> {
  const { status, token } = await oauthLogin(url, 'sandbox');
  if (status !== 200) throw new Error(`login to the sandbox failed: ${status}`);
  return token;
}

/** A client of the sandbox at `url`, logged in through resolveConnection and connect as the CLI does. */
export function connectTo(url: string, transport: Partial<TransportOptions> = {}): Promise<GenesysClient> {
  return connect(resolveConnection(sandboxEnv(url)), { transport });
}

/**
 * The demo org for tests that need it quickly: the token limit raised to 6000/min, and users search
 * and station lookups that lag 50 ms instead of 2 s. Every other real-org behaviour stays at its default.
 */
export const QUICK_SANDBOX: SandboxOptions = {
  rateLimitPerMinute: 6000,
  userSearchLagMs: 50,
  stationLagMs: 50,
};

/**
 * The real-org service lags shortened for test speed: new users reach the other services after a few
 * hundred ms instead of seconds (still longer than apply's first tries with FAST_APPLY, so those meet
 * the 404s), and the per-resource limits scaled up with the token limit of 6000/min (the defaults
 * are 180 against 300).
 */
export const FAST_REAL: Partial<RealBehaviours> = {
  authorizationLagMs: 300,
  routingLagMs: 400,
  telephonyLagMs: 500,
  usersSearchPerMinute: 3600,
  phoneWritesPerMinute: 3600,
};

/** Apply's waits for FAST_REAL: stations polled, and version races retried, after about 0.2 s instead of 2 s. */
export const FAST_APPLY: ApplyOptions = { stationFirstPollMs: 250, versionRetryMs: 200 };
