// `gc-onboard sandbox`: start the sandbox from the CLI's few knobs and say, in one line, where it is
// and how to point gc-onboard at it. The caller keeps it running until interrupted, then closes it.

import { sandboxClients } from './clients.js';
import { profileToOptions, type OrgProfile } from './profile.js';
import { startSandbox } from './server.js';
import type { Sandbox, SandboxFaults, SandboxOptions } from './types.js';

export interface ServeSandboxOptions {
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** Requests per token per 60 s (default 300, as a real org). */
  rateLimitPerMinute?: number;
  /** Delay added to every request, in ms (default 0). */
  latencyMs?: number;
  /** Share (0..1) of /api/v2 requests that meet an injected fault (default 0); see faultsOf. */
  faultRate?: number;
  /** Seed of the fault sequence (default 1). */
  seed?: number;
  /** OAuth clients (default 1): sandbox, sandbox-2 … sandbox-N, each with its own rate window. */
  clients?: number;
  /** An org profile (--profile): its lags, shapes and limits win over the knobs above. */
  profile?: OrgProfile;
}

/**
 * How one `--fault-rate` splits over the fault kinds: most real failures are 429s, then 503s; a
 * tenth are dropped connections before the work, a tenth "commit then drop" (the write happens, the
 * client sees a reset), which is how duplicates are born. E.g. 0.1 → 6% 429, 2% 503, 1% + 1% drops.
 */
export function faultsOf(faultRate: number): SandboxFaults {
  if (!(Number.isFinite(faultRate) && faultRate >= 0 && faultRate <= 1)) {
    throw new Error(`sandbox: the fault rate must be a number from 0 to 1, not ${faultRate}`);
  }
  return {
    rate429: faultRate * 0.6,
    rate503: faultRate * 0.2,
    drop: faultRate * 0.1,
    commitThenDrop: faultRate * 0.1,
  };
}

/** The startSandbox options behind the CLI's knobs (absent knobs keep the sandbox defaults). */
export function sandboxOptionsOf(options: ServeSandboxOptions): SandboxOptions {
  const result: SandboxOptions = {};
  if (options.port !== undefined) result.port = options.port;
  if (options.rateLimitPerMinute !== undefined) result.rateLimitPerMinute = options.rateLimitPerMinute;
  if (options.latencyMs !== undefined) result.latencyMs = options.latencyMs;
  if (options.faultRate !== undefined && options.faultRate > 0) result.faults = faultsOf(options.faultRate);
  if (options.seed !== undefined) result.seed = options.seed;
  if (options.clients !== undefined && options.clients > 1) result.clients = options.clients;
  return result;
}

function settingsLine(options: ServeSandboxOptions): string {
  const parts = [`${options.rateLimitPerMinute ?? 300} requests/min per token`];
  if ((options.clients ?? 1) > 1) parts.push(`${options.clients} OAuth clients`);
  if (options.latencyMs) parts.push(`${options.latencyMs} ms latency`);
  parts.push(
    options.faultRate ? `fault rate ${options.faultRate} (seed ${options.seed ?? 1})` : 'no injected faults',
  );
  return parts.join(', ');
}

/** ` GENESYSCLOUD_OAUTHCLIENT_POOL=sandbox-2:sandbox-2,…` when the sandbox has more than one client. */
function poolSetting(options: SandboxOptions): string {
  const pool = sandboxClients(options).slice(1);
  return pool.length === 0
    ? ''
    : ` GENESYSCLOUD_OAUTHCLIENT_POOL=${pool.map((c) => `${c.id}:${c.secret}`).join(',')}`;
}

export async function serveSandbox(
  options: ServeSandboxOptions,
  log: (line: string) => void,
): Promise<Sandbox> {
  const base = sandboxOptionsOf(options);
  const sandbox = await startSandbox(options.profile ? profileToOptions(options.profile, base) : base);
  log(
    `Sandbox Genesys Cloud (Northfield University demo org, ${options.profile ? `behaving as the profile measured ${options.profile.measuredAt}` : 'real-org behaviours on'}; ${settingsLine(options)}) at ${sandbox.url}: ` +
      `run gc-onboard with GENESYSCLOUD_API_REGION=${sandbox.url} GENESYSCLOUD_OAUTHCLIENT_ID=sandbox ` +
      `GENESYSCLOUD_OAUTHCLIENT_SECRET=sandbox${poolSetting(base)}; stats at ${sandbox.url}/__sandbox/stats.`,
  );
  return sandbox;
}
