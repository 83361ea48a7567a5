// Several orgs at once: one sandbox server per org, as real orgs in different regions have
// different API URLs. Each has its own port, store, OAuth clients, tokens and rate windows, so a
// test can prove from each org's state() that nothing meant for one reached the other.

import { demoOrg, orgTagOf } from './demo-org.js';
import { sandboxClients } from './clients.js';
import { startSandbox } from './server.js';
import type { Sandbox, SandboxOptions } from './types.js';

export interface SandboxOrgs<Name extends string> {
  /** The sandboxes by org name, in the order given. */
  orgs: Record<Name, Sandbox>;
  names: Name[];
  /** Closes every org's server. */
  close(): Promise<void>;
}

/**
 * The options of org `name`'s sandbox: its own demo org (`demoOrg({org: name})`: "Northfield
 * University (name)", ids of its own) and its OAuth client named after it (id and secret `name`),
 * under whatever `options` set themselves.
 */
export function orgSandboxOptions(name: string, options: SandboxOptions = {}): SandboxOptions {
  orgTagOf(name); // refuses a name that is no short org name
  return { org: demoOrg({ org: name }), clientId: name, clientSecret: name, ...options };
}

/** Two orgs must not share an id space, an org id or an OAuth client id: a test could not tell them apart. */
function checkDistinct(all: Array<[string, SandboxOptions]>): void {
  const seen = new Map<string, string>();
  const claim = (what: string, value: string | undefined, org: string): void => {
    if (value === undefined) return;
    const key = `${what}=${value}`;
    const other = seen.get(key);
    if (other !== undefined) {
      throw new Error(`sandbox: orgs ${other} and ${org} have the same ${what} ${value}; rename one`);
    }
    seen.set(key, org);
  };
  for (const [name, options] of all) {
    claim('id tag', options.org?.idTag, name);
    claim('org id', options.org?.id, name);
    for (const client of sandboxClients(options)) claim('OAuth client', client.id, name);
  }
}

/**
 * Starts one sandbox per org (`{test: {}, production: {rateLimitPerMinute: 600}}`), each with
 * orgSandboxOptions; a failure to start one closes the others.
 */
export async function startSandboxes<Name extends string>(
  orgs: Record<Name, SandboxOptions>,
): Promise<SandboxOrgs<Name>> {
  const names = Object.keys(orgs) as Name[];
  if (names.length === 0) throw new Error('sandbox: name at least one org');
  const all = names.map((name): [Name, SandboxOptions] => [name, orgSandboxOptions(name, orgs[name])]);
  checkDistinct(all);
  const started = await Promise.allSettled(all.map(([, options]) => startSandbox(options)));
  const sandboxes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const closeAll = async (): Promise<void> => {
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await closeAll();
    throw failed.reason;
  }
  const byName = Object.fromEntries(names.map((name, i) => [name, sandboxes[i]])) as Record<Name, Sandbox>;
  return { orgs: byName, names, close: closeAll };
}
