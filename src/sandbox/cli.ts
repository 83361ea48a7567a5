// `gc-onboard sandbox`: start the sandbox from the CLI's few knobs and say, in one line, where it is
// and how to point gc-onboard at it. The caller keeps it running until interrupted, then closes it.

import { sandboxClients } from './clients.js';
import { orgTagOf } from './demo-org.js';
import { orgSandboxOptions, startSandboxes, type SandboxOrgs } from './orgs.js';
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

function behaviourNote(options: ServeSandboxOptions): string {
  return options.profile
    ? `behaving as the profile measured ${options.profile.measuredAt}`
    : 'real-org behaviours on';
}

/** The variables that point gc-onboard at a sandbox, its main client's and its pool's. */
function connectionSettings(url: string, options: SandboxOptions): string {
  const [main] = sandboxClients(options);
  return (
    `GENESYSCLOUD_API_REGION=${url} GENESYSCLOUD_OAUTHCLIENT_ID=${main?.id ?? 'sandbox'} ` +
    `GENESYSCLOUD_OAUTHCLIENT_SECRET=${main?.secret ?? 'sandbox'}${poolSetting(options)}`
  );
}

export async function serveSandbox(
  options: ServeSandboxOptions,
  log: (line: string) => void,
): Promise<Sandbox> {
  const base = sandboxOptionsOf(options);
  const sandbox = await startSandbox(options.profile ? profileToOptions(options.profile, base) : base);
  log(
    `Sandbox Genesys Cloud (Northfield University demo org, ${behaviourNote(options)}; ${settingsLine(options)}) at ${sandbox.url}: ` +
      `run gc-onboard with ${connectionSettings(sandbox.url, base)}; stats at ${sandbox.url}/__sandbox/stats.`,
  );
  return sandbox;
}

/** The most orgs `--orgs` starts: more says nothing a test of promotion needs. */
export const MAX_SANDBOX_ORGS = 8;

/** `--orgs test,production` → `['test', 'production']`: short org names, no repeats. */
export function parseOrgNames(value: string): string[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0 || names.length > MAX_SANDBOX_ORGS) {
    throw new Error(`sandbox: --orgs takes 1 to ${MAX_SANDBOX_ORGS} org names, e.g. test,production`);
  }
  for (const name of names) orgTagOf(name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw new Error(`sandbox: --orgs names ${repeated} twice`);
  return names;
}

/**
 * `gc-onboard sandbox --orgs test,production`: one sandbox per org with the same knobs (`--port N`
 * gives the first org N, the next N+1, …), and one line per org saying where it is and which
 * variables point gc-onboard at it; the caller closes them all on interrupt.
 */
export async function serveSandboxes(
  orgNames: readonly string[],
  options: ServeSandboxOptions,
  log: (line: string) => void,
): Promise<SandboxOrgs<string>> {
  const optionsOf = (name: string, i: number): SandboxOptions => {
    const base: SandboxOptions = { ...sandboxOptionsOf(options), port: options.port ? options.port + i : 0 };
    const own = orgSandboxOptions(name, base);
    return options.profile ? profileToOptions(options.profile, own) : own;
  };
  const all = orgNames.map((name, i): [string, SandboxOptions] => [name, optionsOf(name, i)]);
  const started = await startSandboxes(Object.fromEntries(all));
  for (const [name, orgOptions] of all) {
    const sandbox = started.orgs[name];
    if (!sandbox) continue;
    log(
      `Sandbox org ${name} (${orgOptions.org?.name ?? name}, ${behaviourNote(options)}; ${settingsLine(options)}) at ${sandbox.url}: ` +
        `for org ${name} run gc-onboard with ${connectionSettings(sandbox.url, orgOptions)}; stats at ${sandbox.url}/__sandbox/stats.`,
    );
  }
  return started;
}
