// `gc-onboard` on the command line: parse, run one mode through the shared command layer, print,
// and return the exit code (0 good; 1 findings or failed rows; 2 usage, configuration or fatal).
import { resultsToText } from '../apply/results.js';
import { hasErrors, type Finding } from '../csv/findings.js';
import type { OrgSpec } from '../csv/types.js';
import { runDoctor } from '../doctor/run.js';
import { needsAttention } from '../drift/report.js';
import { POOL_ENV_NAME } from '../genesys/connection.js';
import { runInit } from '../init/init.js';
import { todayIn, type InviteRequest } from '../invite/invite.js';
import { probeCommand } from '../probe/cli.js';
import { driftToJson, renderDriftMarkdown, renderDriftText } from '../render/drift.js';
import { inviteToJson, renderInviteText } from '../render/invite.js';
import { findingsToJson, planToJson } from '../render/json.js';
import { renderFindingsMarkdown, renderSummary } from '../render/summary.js';
import { renderFindingsText, renderPlanText } from '../render/text.js';
import {
  applyImports,
  inviteImports,
  planImports,
  readJudgingPolicy,
  readReviewedPlan,
  validateImports,
} from '../run/commands.js';
import { driftImports, reinviteExpired } from '../run/drift.js';
import { fatalLine, planHasErrors } from '../run/errors.js';
import { exportExitCode, exportOrg, renderExportText } from '../run/export.js';
import { openOrg, type OrgSession } from '../run/org.js';
import { chooseOrg, readOrgs } from '../run/orgs.js';
import { progressPrinter, writeFileMaking, writeResults, type CliIo } from '../run/output.js';
import { parseOrgNames, serveSandbox, serveSandboxes } from '../sandbox/cli.js';
import { demoOrg } from '../sandbox/demo-org.js';
import { loadProfile } from '../sandbox/profile.js';
import { secrets } from '../secrets.js';
import { COMMANDS, parseCommand, USAGE, UsageError, type Command } from './args.js';
import { runDemo } from './demo.js';

export { fatalLine, planHasErrors };
export type { CliIo };

export const VERSION = '0.1.0';

export async function runCli(argv: string[], given: CliIo): Promise<number> {
  // Everything the CLI prints, --debug stacks included, passes the one scrubber (src/secrets.ts).
  const io: CliIo = {
    ...given,
    stdout: (text) => given.stdout(secrets.scrub(text)),
    stderr: (text) => given.stderr(secrets.scrub(text)),
  };
  // No command is a usage error: the usage, on stderr, exit 2 (--help asks for it: stdout, exit 0).
  if (argv.length === 0) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`gc-onboard: ${error.message}; run gc-onboard --help\n`);
      return 2;
    }
    throw error;
  }
  // connection.ts reads the pool from the variable POOL_ENV_NAME names.
  if (command.clientPoolEnv) io.env = { ...io.env, [POOL_ENV_NAME]: command.clientPoolEnv };
  try {
    return await dispatch(command.name, command, io);
  } catch (error) {
    io.stderr(`gc-onboard: ${fatalLine(error)}\n`);
    if ('debug' in command && command.debug && error instanceof Error && error.stack)
      io.stderr(`${error.stack}\n`);
    return 2;
  }
}

type CommandName = Command['name'];

/** The parsed command named K, with exactly its own fields. */
type CommandOf<K extends CommandName> = Extract<Command, { name: K }>;

type Handler<K extends CommandName> = (command: CommandOf<K>, io: CliIo) => number | Promise<number>;

/** Each command's handler, in the order of USAGE; each returns the exit code. */
const handlers: { [K in CommandName]: Handler<K> } = {
  help: (_command, io) => {
    io.stdout(`${USAGE}\n`);
    return 0;
  },
  version: (_command, io) => {
    io.stdout(`gc-onboard ${VERSION}\n`);
    return 0;
  },
  validate: validateCommand,
  plan: planCommand,
  apply: applyCommand,
  invite: inviteCommand,
  drift: driftCommand,
  export: exportCommand,
  init: (command, io) => runInit(command.dir, io, COMMANDS.includes('doctor'), command.orgs),
  doctor: doctorCommand,
  sandbox: sandboxCommand,
  probe: probeCommand,
  demo: (_command, io) => runDemo(io),
};

/** Generic in the name, so that the table's handler and the command it gets match. */
function dispatch<K extends CommandName>(
  name: K,
  command: CommandOf<K>,
  io: CliIo,
): number | Promise<number> {
  return handlers[name](command, io);
}

async function validateCommand(command: CommandOf<'validate'>, io: CliIo): Promise<number> {
  const imports = await validateImports(command.imports);
  io.stdout(renderFindings(imports.findings, command.format, `${command.imports}: `));
  return hasErrors(imports.findings) ? 1 : 0;
}

async function planCommand(command: CommandOf<'plan'>, io: CliIo): Promise<number> {
  // Read before logging in: a wrong path is exit 2 with nothing asked of the org.
  const judgeBy = command.policy === undefined ? undefined : await readJudgingPolicy(command.policy);
  return withOrg(command, io, async (org, spec) => {
    const { plan, review } = await planImports(command.imports, org.client, {
      ...orgName(spec),
      today: todayIn(zoneOf(undefined, spec), io.now()),
      labels: command.labels,
      ...(judgeBy ? { judgeBy } : {}),
    });
    const output =
      command.format === 'json'
        ? planToJson(plan, review)
        : command.format === 'markdown'
          ? withNewline(renderSummary(plan, []))
          : renderPlanText(plan, []);
    if (command.out) {
      await writeFileMaking(command.out, output);
      io.stderr(`Plan written to ${command.out}\n`);
    } else io.stdout(output);
    return planHasErrors(plan) ? 1 : 0;
  });
}

async function applyCommand(command: CommandOf<'apply'>, io: CliIo): Promise<number> {
  const judgeBy = command.policy === undefined ? undefined : await readJudgingPolicy(command.policy);
  const review = command.review === 'none' ? undefined : await readReviewedPlan(command.review.file);
  return withOrg(command, io, async (org, spec) => {
    const { plan, result } = await applyImports(command.imports, org.client, {
      ...orgName(spec),
      today: todayIn(zoneOf(undefined, spec), io.now()),
      labels: command.labels,
      ...(judgeBy ? { judgeBy } : {}),
      ...(review ? { review } : {}),
      onProgress: progressPrinter(io),
    });
    if (command.results) await writeResults(command.results, result, io);
    if (command.format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else {
      if (result.refused) io.stdout(renderFindingsText(plan.findings));
      io.stdout(resultsToText(result));
    }
    return result.ok ? 0 : 1;
  });
}

function inviteCommand(command: CommandOf<'invite'>, io: CliIo): Promise<number> {
  return withOrg(command, io, async (org, spec) => {
    const request: InviteRequest = {
      date: command.date ?? todayIn(zoneOf(command.timezone, spec), io.now()),
      force: command.force,
      expired: command.expired,
      ...orgName(spec),
      ...(command.batch === undefined ? {} : { batch: command.batch }),
    };
    const { report, unknownBatch, otherOrgBatch } = command.expired
      ? await reinviteExpired(command.imports, org.client, request, io.now())
      : await inviteImports(command.imports, org.client, request);
    if (unknownBatch) {
      io.stderr(`gc-onboard: there is no batch "${command.batch ?? ''}" under ${command.imports}\n`);
      return 2;
    }
    if (otherOrgBatch) {
      io.stderr(
        `gc-onboard: batch "${command.batch ?? ''}" does not go to org ${spec?.name ?? ''}: nothing to invite\n`,
      );
      return 0;
    }
    io.stdout(command.format === 'json' ? inviteToJson(report) : renderInviteText(report));
    return report.ok ? 0 : 1;
  });
}

function driftCommand(command: CommandOf<'drift'>, io: CliIo): Promise<number> {
  return withOrg(command, io, async (org, spec) => {
    const now = io.now();
    const { report } = await driftImports(command.imports, org.client, {
      ...orgName(spec),
      today: todayIn(zoneOf(command.timezone, spec), now),
      now,
    });
    io.stdout(
      command.format === 'json'
        ? driftToJson(report)
        : command.format === 'markdown'
          ? renderDriftMarkdown(report)
          : renderDriftText(report),
    );
    return command.failOnDrift && needsAttention(report) ? 1 : 0;
  });
}

function exportCommand(command: CommandOf<'export'>, io: CliIo): Promise<number> {
  return withOrg(command, io, async (org) => {
    const result = await exportOrg(
      org.client,
      {
        ...(command.divisions.length > 0 ? { divisions: command.divisions } : {}),
        ...(command.department === undefined ? {} : { department: command.department }),
        ...(command.emailDomain === undefined ? {} : { emailDomain: command.emailDomain }),
      },
      command.out,
    );
    io.stdout(renderExportText(result));
    return exportExitCode(result);
  });
}

async function doctorCommand(command: CommandOf<'doctor'>, io: CliIo): Promise<number> {
  const spec = await chosenOrg(command);
  const report = await runDoctor({
    imports: command.imports,
    sandbox: command.sandbox ? sandboxFor(spec) : false,
    env: io.env,
    ...(spec ? { org: spec } : {}),
  });
  io.stdout(report.text);
  return report.exitCode;
}

async function sandboxCommand(command: CommandOf<'sandbox'>, io: CliIo): Promise<number> {
  // A bad profile is one line naming the field, exit 2 (runCli's catch).
  const profile = command.profile === undefined ? undefined : await loadProfile(command.profile);
  const options = {
    port: command.port,
    rateLimitPerMinute: command.rateLimit,
    latencyMs: command.latencyMs,
    faultRate: command.faultRate,
    seed: command.seed,
    clients: command.clients,
    ...(profile ? { profile } : {}),
  };
  const print = (line: string) => io.stdout(`${line}\n`);
  // --orgs: one sandbox org per name, on consecutive ports (orgs.yml's orgs, tried locally).
  const sandbox =
    command.orgs === undefined
      ? await serveSandbox(options, print)
      : await serveSandboxes(parseOrgNames(command.orgs), options, print);
  await io.interrupted();
  await sandbox.close();
  return 0;
}

/** orgs.yml's entry for --org, read before any login; undefined when there is no orgs.yml. */
async function chosenOrg(command: { imports: string; org?: string }): Promise<OrgSpec | undefined> {
  return chooseOrg(await readOrgs(command.imports), command.org, '--org');
}

async function withOrg<T>(
  command: { sandbox: boolean; imports: string; org?: string },
  io: CliIo,
  work: (org: OrgSession, spec: OrgSpec | undefined) => Promise<T>,
): Promise<T> {
  const spec = await chosenOrg(command);
  const org = await openOrg({
    sandbox: command.sandbox ? sandboxFor(spec) : false,
    env: io.env,
    ...(spec ? { org: spec } : {}),
  });
  try {
    return await work(org, spec);
  } finally {
    await org.close();
  }
}

/** --sandbox with --org: the demo org under that org's name, so orgs never share names or ids. */
const sandboxFor = (spec: OrgSpec | undefined) => (spec ? { org: demoOrg({ org: spec.name }) } : {});

/** The time zone of training days: --timezone, else the org's (orgs.yml), else UTC. */
const zoneOf = (given: string | undefined, spec: OrgSpec | undefined) => given ?? spec?.timezone ?? 'UTC';

/** `{ org }` for the run options when orgs.yml chose one. */
const orgName = (spec: OrgSpec | undefined) => (spec ? { org: spec.name } : {});

function renderFindings(
  findings: readonly Finding[],
  format: 'text' | 'json' | 'markdown',
  label: string,
): string {
  if (format === 'json') return findingsToJson(findings);
  if (format === 'markdown') return withNewline(renderFindingsMarkdown(findings));
  return findings.length === 0 ? `${label}no problems found.\n` : renderFindingsText(findings);
}

/** Terminal output ends with a line break, whatever the renderer left. */
const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
