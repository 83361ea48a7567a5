// Command-line parsing for `gc-onboard`: turns argv into one typed command, or a UsageError.
import { parseArgs } from 'node:util';

import { isCalendarDate } from '../csv/cells.js';

export class UsageError extends Error {}

export type Format = 'text' | 'json' | 'markdown';

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'validate'; imports: string; format: Format; debug: boolean }
  | {
      name: 'plan';
      imports: string;
      sandbox: boolean;
      format: Format;
      out?: string;
      labels: string[];
      /** --policy FILE: judge with this policy file instead of <imports>/policy.yml (which is then only checked). */
      policy?: string;
      debug: boolean;
    }
  | {
      name: 'apply';
      imports: string;
      sandbox: boolean;
      format: 'text' | 'json';
      results?: string;
      labels: string[];
      policy?: string;
      debug: boolean;
    }
  | {
      name: 'invite';
      imports: string;
      sandbox: boolean;
      date?: string;
      batch?: string;
      force: boolean;
      format: 'text' | 'json';
      timezone: string;
      debug: boolean;
    }
  | {
      name: 'sandbox';
      port: number;
      rateLimit: number;
      latencyMs: number;
      faultRate: number;
      seed: number;
      /** --profile FILE: an org profile (org-profile.json) the sandbox behaves like. */
      profile?: string;
      debug: boolean;
    }
  | {
      name: 'export';
      sandbox: boolean;
      divisions: string[];
      department?: string;
      emailDomain?: string;
      out: string;
      debug: boolean;
    }
  | { name: 'init'; dir: string; debug: boolean }
  | { name: 'doctor'; imports: string; sandbox: boolean; debug: boolean }
  | {
      name: 'probe';
      sandbox: boolean;
      emailDomain?: string;
      consent: boolean;
      orgNameContains?: string;
      includeInvite: boolean;
      out: string;
      debug: boolean;
    }
  | { name: 'demo'; debug: boolean };

export const USAGE = `Usage:
  gc-onboard validate [--imports DIR] [--format text|json|markdown]
  gc-onboard plan     [--imports DIR] [--sandbox] [--format text|json|markdown] [--out FILE] [--label NAME]... [--policy FILE]
  gc-onboard apply    [--imports DIR] [--sandbox] [--format text|json] [--results FILE] [--label NAME]... [--policy FILE]
  gc-onboard invite   [--imports DIR] [--date YYYY-MM-DD] [--batch NAME] [--force] [--sandbox] [--timezone TZ] [--format text|json]
  gc-onboard export   [--division NAME]... [--department NAME] [--email-domain D] [--out DIR] [--sandbox]
  gc-onboard init     [DIR]
  gc-onboard doctor   [--imports DIR] [--sandbox]
  gc-onboard sandbox  [--port N] [--rate-limit PER_MINUTE] [--latency-ms N] [--fault-rate 0..1] [--seed N] [--profile FILE]
  gc-onboard probe    --email-domain D --yes-write-to-this-org [--org-name-contains S] [--include-invite] [--out FILE] [--sandbox]
  gc-onboard demo

init writes what a team's own repository needs (imports/, workflows, .gitignore lines) into DIR
(default .), never overwriting a file. doctor checks the login, the OAuth client's permissions per
mode and division, and the names the imports use (read-only; exit 1 when plan or apply lacks something).
probe measures a TEST org with throwaway gc-onboard-probe-* objects and writes org-profile.json
(no personal data); sandbox --profile FILE behaves like the org it measured.
--label NAME: a pull-request label, e.g. the policy's override_label that lifts max_changes.
--policy FILE: judge the rows by this policy file (e.g. the base branch's) instead of <imports>/policy.yml,
which is then only checked for errors.
Every command takes --debug (stack traces on fatal errors).
Exit codes: 0 all good; 1 findings or failed rows; 2 usage, configuration or fatal error.
Connection: GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET, GENESYSCLOUD_REGION,
GENESYSCLOUD_API_REGION (base URL override), or --sandbox for an in-process demo org.`;

const options = {
  imports: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  results: { type: 'string' },
  sandbox: { type: 'boolean' },
  date: { type: 'string' },
  batch: { type: 'string' },
  force: { type: 'boolean' },
  timezone: { type: 'string' },
  port: { type: 'string' },
  'rate-limit': { type: 'string' },
  'latency-ms': { type: 'string' },
  'fault-rate': { type: 'string' },
  seed: { type: 'string' },
  division: { type: 'string', multiple: true },
  label: { type: 'string', multiple: true },
  policy: { type: 'string' },
  department: { type: 'string' },
  'email-domain': { type: 'string' },
  profile: { type: 'string' },
  'yes-write-to-this-org': { type: 'boolean' },
  'org-name-contains': { type: 'string' },
  'include-invite': { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Which flags each command accepts; anything else is a usage error rather than silently ignored. */
const allowed: Record<string, readonly string[]> = {
  validate: ['imports', 'format'],
  plan: ['imports', 'sandbox', 'format', 'out', 'label', 'policy'],
  apply: ['imports', 'sandbox', 'format', 'results', 'label', 'policy'],
  invite: ['imports', 'sandbox', 'date', 'batch', 'force', 'format', 'timezone'],
  sandbox: ['port', 'rate-limit', 'latency-ms', 'fault-rate', 'seed', 'profile'],
  export: ['sandbox', 'division', 'department', 'email-domain', 'out'],
  init: [],
  doctor: ['imports', 'sandbox'],
  probe: ['sandbox', 'email-domain', 'yes-write-to-this-org', 'org-name-contains', 'include-invite', 'out'],
  demo: [],
};

/** The commands this CLI has (init's next steps say whether doctor is one of them yet). */
export const COMMANDS: readonly string[] = Object.keys(allowed);

export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's own wording for an unknown option suggests `-- "--x"`, which means nothing here.
    const unknown = /^Unknown option '([^']+)'/.exec((error as Error).message);
    throw new UsageError(unknown ? `unknown option ${unknown[1]}` : (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) return { name: 'version' };
  const name = positionals[0];
  if (values.help || name === undefined || name === 'help') return { name: 'help' };
  // Only init takes an argument: the folder.
  const extra = name === 'init' ? 2 : 1;
  if (positionals.length > extra) throw new UsageError(`unexpected argument "${positionals[extra]}"`);
  const accepted = allowed[name];
  if (!accepted) throw new UsageError(`unknown command "${name}"`);
  for (const key of Object.keys(values)) {
    if (key !== 'debug' && !accepted.includes(key)) {
      throw new UsageError(`--${key} is not an option of "${name}"`);
    }
  }
  const debug = values.debug ?? false;
  const imports = values.imports ?? 'imports';
  const sandbox = values.sandbox ?? false;
  switch (name) {
    case 'validate':
      return { name, imports, format: format(values.format, ['text', 'json', 'markdown']), debug };
    case 'plan':
      return {
        name,
        imports,
        sandbox,
        format: format(values.format, ['text', 'json', 'markdown']),
        labels: values.label ?? [],
        debug,
        ...(values.out === undefined ? {} : { out: values.out }),
        ...(values.policy === undefined ? {} : { policy: values.policy }),
      };
    case 'apply':
      return {
        name,
        imports,
        sandbox,
        format: format(values.format, ['text', 'json']),
        labels: values.label ?? [],
        debug,
        ...(values.results === undefined ? {} : { results: values.results }),
        ...(values.policy === undefined ? {} : { policy: values.policy }),
      };
    case 'invite':
      if (values.date !== undefined && !isCalendarDate(values.date)) {
        throw new UsageError(`--date must be a calendar date YYYY-MM-DD, got "${values.date}"`);
      }
      return {
        name,
        imports,
        sandbox,
        force: values.force ?? false,
        format: format(values.format, ['text', 'json']),
        timezone: timeZone(values.timezone ?? 'UTC'),
        debug,
        ...(values.date === undefined ? {} : { date: values.date }),
        ...(values.batch === undefined ? {} : { batch: values.batch }),
      };
    case 'sandbox':
      return {
        name,
        port: integer(values.port, 'port', 0, 0, 65535),
        rateLimit: integer(values['rate-limit'], 'rate-limit', 300, 1, 1_000_000),
        latencyMs: integer(values['latency-ms'], 'latency-ms', 0, 0, 60_000),
        faultRate: share(values['fault-rate']),
        seed: integer(values.seed, 'seed', 1, 0, 2 ** 31),
        debug,
        ...(values.profile === undefined ? {} : { profile: values.profile }),
      };
    case 'export':
      return {
        name,
        sandbox,
        divisions: values.division ?? [],
        out: values.out ?? 'export',
        debug,
        ...(values.department === undefined ? {} : { department: values.department }),
        ...(values['email-domain'] === undefined ? {} : { emailDomain: values['email-domain'] }),
      };
    case 'init':
      return { name, dir: positionals[1] ?? '.', debug };
    case 'doctor':
      return { name, imports, sandbox, debug };
    case 'probe':
      // Missing consent or domain is refused by the probe itself (one line, exit 2).
      return {
        name,
        sandbox,
        consent: values['yes-write-to-this-org'] ?? false,
        includeInvite: values['include-invite'] ?? false,
        out: values.out ?? 'org-profile.json',
        debug,
        ...(values['email-domain'] === undefined ? {} : { emailDomain: values['email-domain'] }),
        ...(values['org-name-contains'] === undefined
          ? {}
          : { orgNameContains: values['org-name-contains'] }),
      };
    default:
      return { name: 'demo', debug };
  }
}

function format<T extends Format>(value: string | undefined, choices: readonly T[]): T {
  if (value === undefined) return choices[0] as T;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--format must be one of ${choices.join(', ')}, got "${value}"`);
}

function integer(
  value: string | undefined,
  flag: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return number;
}

function share(value: string | undefined): number {
  if (value === undefined) return 0;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`--fault-rate must be a number from 0 to 1, got "${value}"`);
  }
  return number;
}

function timeZone(value: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value;
  } catch {
    throw new UsageError(
      `--timezone must be an IANA time zone such as America/New_York or UTC, got "${value}"`,
    );
  }
}
