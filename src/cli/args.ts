// Command-line parsing for `gc-onboard`: turns argv into one typed command, or a UsageError.
import { parseArgs } from 'node:util';

import { isCalendarDate, isTimeZone } from '../csv/cells.js';
import { isOrgName } from '../csv/orgs.js';
import { didYouMeanSuffix } from '../csv/suggest.js';

export class UsageError extends Error {}

export type Format = 'text' | 'json' | 'markdown';

type CommandBody =
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
      /** --reviewed FILE: the plan file reviewers approved (rows that differ are held); --no-review: none. */
      review: { file: string } | 'none';
      debug: boolean;
    }
  | {
      name: 'invite';
      imports: string;
      sandbox: boolean;
      date?: string;
      batch?: string;
      force: boolean;
      /** --expired: re-send only the invitations that expired (sent over 30 days ago, never logged in). */
      expired: boolean;
      format: 'text' | 'json';
      /** --timezone; unset: the org's (orgs.yml), else UTC. */
      timezone?: string;
      debug: boolean;
    }
  | {
      name: 'drift';
      imports: string;
      sandbox: boolean;
      format: Format;
      timezone?: string;
      /** --fail-on-drift: exit 1 when something drifted or an invitation expired (default: a report, exit 0). */
      failOnDrift: boolean;
      debug: boolean;
    }
  | {
      name: 'sandbox';
      port: number;
      rateLimit: number;
      latencyMs: number;
      faultRate: number;
      seed: number;
      /** --clients N: OAuth clients sandbox, sandbox-2 … sandbox-N, each with its own rate window. */
      clients: number;
      /** --profile FILE: an org profile (org-profile.json) the sandbox behaves like. */
      profile?: string;
      /** --orgs a,b: one sandbox org per name (its own port, ids and client), for orgs.yml. */
      orgs?: string;
      debug: boolean;
    }
  | {
      name: 'export';
      /** Read only for orgs.yml, with --org. */
      imports: string;
      sandbox: boolean;
      divisions: string[];
      department?: string;
      emailDomain?: string;
      out: string;
      debug: boolean;
    }
  | { name: 'init'; dir: string; /** --orgs a,b: the multi-org layout. */ orgs: string[]; debug: boolean }
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

/**
 * Options every command that talks to an org shares: --client-pool-env NAME (the pool of OAuth
 * clients is in NAME) and --org NAME (orgs.yml: that org's batches and settings).
 */
export type Command = CommandBody & { clientPoolEnv?: string; org?: string };

export const USAGE = `Usage:
  gc-onboard validate [--imports DIR] [--format text|json|markdown]
  gc-onboard plan     [--imports DIR] [--sandbox] [--format text|json|markdown] [--out FILE] [--label NAME]... [--policy FILE]
  gc-onboard apply    --reviewed PLAN.json | --no-review  [--imports DIR] [--sandbox] [--format text|json] [--results FILE] [--label NAME]... [--policy FILE]
  gc-onboard invite   [--imports DIR] [--date YYYY-MM-DD] [--batch NAME] [--force | --expired] [--sandbox] [--timezone TZ] [--format text|json]
  gc-onboard drift    [--imports DIR] [--sandbox] [--timezone TZ] [--format text|json|markdown] [--fail-on-drift]
  gc-onboard export   [--division NAME]... [--department NAME] [--email-domain D] [--out DIR] [--sandbox]
  gc-onboard init     [DIR] [--orgs test,production]
  gc-onboard doctor   [--imports DIR] [--sandbox]
  gc-onboard sandbox  [--port N] [--rate-limit PER_MINUTE] [--latency-ms N] [--fault-rate 0..1] [--seed N] [--clients N] [--profile FILE] [--orgs test,production]
  gc-onboard probe    --email-domain D --yes-write-to-this-org [--org-name-contains S] [--include-invite] [--out FILE] [--sandbox]
  gc-onboard demo

init writes what a team's own repository needs (imports/, workflows, .gitignore lines) into DIR
(default .), never overwriting a file. doctor checks the login, the OAuth client's permissions per
mode and division, and the names the imports use (read-only; exit 1 when plan or apply lacks something).
drift compares the org with every batch (read-only) and follows up invitations: who logged in, whose
invitation expired, who was never invited; invite --expired re-sends the expired ones, once per expiry.
probe measures a TEST org with throwaway gc-onboard-probe-* objects and writes org-profile.json
(no personal data); sandbox --profile FILE behaves like the org it measured.
--label NAME: a pull-request label, e.g. the policy's override_label that lifts max_changes.
--policy FILE: judge the rows by this policy file (e.g. the base branch's) instead of <imports>/policy.yml,
which is then only checked for errors.
--reviewed PLAN.json: the plan file reviewers approved (plan --format json --out PLAN.json); apply holds
every row that would now do more than, or other than, it showed. --no-review: apply the plan as it is.
Every command takes --debug (stack traces on fatal errors).
Exit codes: 0 all good; 1 findings or failed rows; 2 usage, configuration or fatal error.
Connection: GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET, GENESYSCLOUD_REGION,
GENESYSCLOUD_API_REGION (base URL override), or --sandbox for an in-process demo org.
GENESYSCLOUD_OAUTHCLIENT_POOL: more OAuth clients of the org (id:secret,id:secret), each paced at its
own limit; --client-pool-env NAME reads them from NAME instead.
--org NAME (plan, apply, invite, drift, doctor, export): with <imports>/orgs.yml, work on that org only:
the batches that go to it, its region and time zone; the GENESYSCLOUD_* variables hold its credentials.`;

const options = {
  imports: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  results: { type: 'string' },
  sandbox: { type: 'boolean' },
  date: { type: 'string' },
  batch: { type: 'string' },
  force: { type: 'boolean' },
  expired: { type: 'boolean' },
  'fail-on-drift': { type: 'boolean' },
  timezone: { type: 'string' },
  port: { type: 'string' },
  'rate-limit': { type: 'string' },
  'latency-ms': { type: 'string' },
  'fault-rate': { type: 'string' },
  seed: { type: 'string' },
  clients: { type: 'string' },
  'client-pool-env': { type: 'string' },
  org: { type: 'string' },
  orgs: { type: 'string' },
  division: { type: 'string', multiple: true },
  label: { type: 'string', multiple: true },
  policy: { type: 'string' },
  reviewed: { type: 'string' },
  'no-review': { type: 'boolean' },
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

type Option = keyof typeof options;
type Values = ReturnType<typeof parseFlags>['values'];

/** The commands a name on the command line selects (help and version are flags as well). */
type CommandName = Exclude<CommandBody['name'], 'help' | 'version'>;

/** The command named K, with exactly its own fields. */
type Body<K extends CommandName> = Extract<CommandBody, { name: K }>;

/** What most commands default alike: --imports, --sandbox, --debug. */
interface Common {
  imports: string;
  sandbox: boolean;
  debug: boolean;
}

/** One command's parser: gets exactly the flags its entry allows, returns exactly its own command. */
type Parser<K extends CommandName> = (
  values: Values,
  common: Common,
  positionals: readonly string[],
) => Body<K>;

/**
 * Each command's flags (anything else is a usage error rather than silently ignored) and its parser.
 * --debug, --client-pool-env and --org are shared: see isShared.
 */
const commands: { [K in CommandName]: { flags: readonly Option[]; parse: Parser<K> } } = {
  validate: { flags: ['imports', 'format'], parse: parseValidate },
  plan: { flags: ['imports', 'sandbox', 'format', 'out', 'label', 'policy'], parse: parsePlan },
  apply: {
    flags: ['imports', 'sandbox', 'format', 'results', 'label', 'policy', 'reviewed', 'no-review'],
    parse: parseApply,
  },
  invite: {
    flags: ['imports', 'sandbox', 'date', 'batch', 'force', 'expired', 'format', 'timezone'],
    parse: parseInvite,
  },
  drift: { flags: ['imports', 'sandbox', 'format', 'timezone', 'fail-on-drift'], parse: parseDrift },
  export: {
    flags: ['imports', 'sandbox', 'division', 'department', 'email-domain', 'out'],
    parse: parseExport,
  },
  init: { flags: ['orgs'], parse: parseInit },
  doctor: { flags: ['imports', 'sandbox'], parse: parseDoctor },
  sandbox: {
    flags: ['port', 'rate-limit', 'latency-ms', 'fault-rate', 'seed', 'clients', 'profile', 'orgs'],
    parse: parseSandbox,
  },
  probe: {
    flags: ['sandbox', 'email-domain', 'yes-write-to-this-org', 'org-name-contains', 'include-invite', 'out'],
    parse: parseProbe,
  },
  demo: { flags: [], parse: parseDemo },
};

/** The commands this CLI has (init's next steps say whether doctor is one of them yet). */
export const COMMANDS: readonly string[] = Object.keys(commands);

/** The commands that log in to an org, and so may take --client-pool-env. */
const TALKS_TO_ORG = new Set(['plan', 'apply', 'invite', 'drift', 'export', 'doctor', 'probe']);
/** The commands that may take --org (probe measures whatever org it is pointed at, on purpose). */
const ORG_COMMANDS = new Set(['plan', 'apply', 'invite', 'drift', 'export', 'doctor']);

export function parseCommand(argv: string[]): Command {
  const { values, positionals } = parseFlags(argv);
  const command = parseCommandBody(values, positionals);
  // The options every org command shares (parseCommandBody checked that this command takes them).
  const poolEnv = values['client-pool-env'];
  if (poolEnv !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(poolEnv))
    throw new UsageError(`--client-pool-env must name an environment variable, got "${poolEnv}"`);
  return {
    ...command,
    ...(poolEnv === undefined ? {} : { clientPoolEnv: poolEnv }),
    ...(values.org === undefined ? {} : { org: values.org }),
  };
}

function parseFlags(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's own wording for an unknown option suggests `-- "--x"`, which means nothing here.
    const unknown = /^Unknown option '([^']+)'/.exec((error as Error).message);
    if (!unknown) throw new UsageError((error as Error).message);
    const flags = Object.keys(options).map((name) => `--${name}`);
    throw new UsageError(`unknown option ${unknown[1]}${didYouMeanSuffix(unknown[1] ?? '', flags)}`);
  }
}

function parseCommandBody(values: Values, positionals: readonly string[]): CommandBody {
  if (values.version) return { name: 'version' };
  const name = positionals[0];
  if (values.help || name === undefined || name === 'help') return { name: 'help' };
  // Only init takes an argument: the folder.
  const extra = name === 'init' ? 2 : 1;
  if (positionals.length > extra) throw new UsageError(`unexpected argument "${positionals[extra]}"`);
  if (!isCommandName(name))
    throw new UsageError(`unknown command "${name}"${didYouMeanSuffix(name, COMMANDS)}`);
  for (const key of Object.keys(values)) {
    if (!isShared(key, name) && !commands[name].flags.some((flag) => flag === key)) {
      throw new UsageError(`--${key} is not an option of "${name}"`);
    }
  }
  const common = {
    imports: values.imports ?? 'imports',
    sandbox: values.sandbox ?? false,
    debug: values.debug ?? false,
  };
  return parseAs(name, values, common, positionals);
}

/** Own keys only: `constructor` or `toString` is an unknown command like any other word. */
const isCommandName = (name: string): name is CommandName => Object.hasOwn(commands, name);

/** --debug goes with every command, --client-pool-env and --org with those that log in. */
const isShared = (key: string, name: CommandName) =>
  key === 'debug' ||
  (key === 'client-pool-env' && TALKS_TO_ORG.has(name)) ||
  (key === 'org' && ORG_COMMANDS.has(name));

/** Generic in the name, so that the table's parser and the command it returns match. */
function parseAs<K extends CommandName>(
  name: K,
  values: Values,
  common: Common,
  positionals: readonly string[],
): CommandBody {
  return commands[name].parse(values, common, positionals);
}

// One parser per command, in the order of USAGE.

function parseValidate(values: Values, { imports, debug }: Common): Body<'validate'> {
  return { name: 'validate', imports, format: format(values.format, ['text', 'json', 'markdown']), debug };
}

function parsePlan(values: Values, { imports, sandbox, debug }: Common): Body<'plan'> {
  return {
    name: 'plan',
    imports,
    sandbox,
    format: format(values.format, ['text', 'json', 'markdown']),
    labels: values.label ?? [],
    debug,
    ...(values.out === undefined ? {} : { out: values.out }),
    ...(values.policy === undefined ? {} : { policy: values.policy }),
  };
}

function parseApply(values: Values, { imports, sandbox, debug }: Common): Body<'apply'> {
  if ((values.reviewed === undefined) === (values['no-review'] !== true)) {
    throw new UsageError(
      values.reviewed === undefined
        ? 'apply writes only what was reviewed: give --reviewed FILE (the plan file of the preview) or --no-review'
        : '--reviewed and --no-review do not go together',
    );
  }
  return {
    name: 'apply',
    review: values.reviewed === undefined ? 'none' : { file: values.reviewed },
    imports,
    sandbox,
    format: format(values.format, ['text', 'json']),
    labels: values.label ?? [],
    debug,
    ...(values.results === undefined ? {} : { results: values.results }),
    ...(values.policy === undefined ? {} : { policy: values.policy }),
  };
}

function parseInvite(values: Values, { imports, sandbox, debug }: Common): Body<'invite'> {
  if (values.date !== undefined && !isCalendarDate(values.date)) {
    throw new UsageError(`--date must be a calendar date YYYY-MM-DD, got "${values.date}"`);
  }
  if (values.force && values.expired) throw new UsageError('--force and --expired do not go together');
  return {
    name: 'invite',
    imports,
    sandbox,
    force: values.force ?? false,
    expired: values.expired ?? false,
    format: format(values.format, ['text', 'json']),
    debug,
    ...(values.timezone === undefined ? {} : { timezone: timeZone(values.timezone) }),
    ...(values.date === undefined ? {} : { date: values.date }),
    ...(values.batch === undefined ? {} : { batch: values.batch }),
  };
}

function parseDrift(values: Values, { imports, sandbox, debug }: Common): Body<'drift'> {
  return {
    name: 'drift',
    imports,
    sandbox,
    format: format(values.format, ['text', 'json', 'markdown']),
    ...(values.timezone === undefined ? {} : { timezone: timeZone(values.timezone) }),
    failOnDrift: values['fail-on-drift'] ?? false,
    debug,
  };
}

function parseExport(values: Values, { imports, sandbox, debug }: Common): Body<'export'> {
  return {
    name: 'export',
    imports,
    sandbox,
    divisions: values.division ?? [],
    out: values.out ?? 'export',
    debug,
    ...(values.department === undefined ? {} : { department: values.department }),
    ...(values['email-domain'] === undefined ? {} : { emailDomain: values['email-domain'] }),
  };
}

function parseInit(values: Values, { debug }: Common, positionals: readonly string[]): Body<'init'> {
  return { name: 'init', dir: positionals[1] ?? '.', orgs: orgNames(values.orgs), debug };
}

function parseDoctor(_values: Values, { imports, sandbox, debug }: Common): Body<'doctor'> {
  return { name: 'doctor', imports, sandbox, debug };
}

function parseSandbox(values: Values, { debug }: Common): Body<'sandbox'> {
  return {
    name: 'sandbox',
    port: integer(values.port, 'port', 0, 0, 65535),
    rateLimit: integer(values['rate-limit'], 'rate-limit', 300, 1, 1_000_000),
    latencyMs: integer(values['latency-ms'], 'latency-ms', 0, 0, 60_000),
    faultRate: share(values['fault-rate']),
    seed: integer(values.seed, 'seed', 1, 0, 2 ** 31),
    clients: integer(values.clients, 'clients', 1, 1, 16),
    debug,
    ...(values.profile === undefined ? {} : { profile: values.profile }),
    ...(values.orgs === undefined ? {} : { orgs: values.orgs }),
  };
}

function parseProbe(values: Values, { sandbox, debug }: Common): Body<'probe'> {
  // Missing consent or domain is refused by the probe itself (one line, exit 2).
  return {
    name: 'probe',
    sandbox,
    consent: values['yes-write-to-this-org'] ?? false,
    includeInvite: values['include-invite'] ?? false,
    out: values.out ?? 'org-profile.json',
    debug,
    ...(values['email-domain'] === undefined ? {} : { emailDomain: values['email-domain'] }),
    ...(values['org-name-contains'] === undefined ? {} : { orgNameContains: values['org-name-contains'] }),
  };
}

function parseDemo(_values: Values, { debug }: Common): Body<'demo'> {
  return { name: 'demo', debug };
}

/** init --orgs test,production: names orgs.yml can hold, at least two (one org needs no orgs.yml). */
function orgNames(value: string | undefined): string[] {
  if (value === undefined) return [];
  const names = value.split(',').map((name) => name.trim());
  const bad = names.find((name) => !isOrgName(name));
  if (bad !== undefined)
    throw new UsageError(
      `--orgs takes org names such as test,production (lower-case letters, digits, -), got "${bad}"`,
    );
  if (new Set(names).size !== names.length) throw new UsageError(`--orgs names an org twice: "${value}"`);
  if (names.length < 2) throw new UsageError('--orgs takes two or more orgs; one org needs no orgs.yml');
  return names;
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
  if (isTimeZone(value)) return value;
  throw new UsageError(
    `--timezone must be an IANA time zone such as America/New_York or UTC, got "${value}"`,
  );
}
