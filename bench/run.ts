// npm run bench [-- --quick] [-- --pool] [-- --out FILE] [-- --sizes 100,1000] [-- --rates 300,3000]
//               [-- --latency-ms 30] [-- --max-minutes 10] [-- --apply-only] [-- --steps creates,updates]
//
// How fast gc-onboard is, against the sandbox with a fixed latency and rate limit (a 60 s window, as
// Genesys Cloud has). For every size N: validation speed next to csv-parse alone on the same files.
// For every rate limit and size: the plan (API calls, wall time against the floor calls ÷ limit), the
// apply of N new people each with a WebRTC phone, the apply of N updates (new title, department and
// one more queue on every row), a rerun that must write nothing, and the apply of N bare new people
// (a phone, roles and queues, but no manager, location or skills); for each, calls per row, wall
// time, floor, wall/floor, 429s received and peak RSS. Each apply runs in a child process (its own
// RSS, its own token and rate window) and the org is checked against the CSVs after it. Then the plan
// of new hires who report to existing managers, against an org of 5,000 people (10, 1,000 and 10,000
// rows), and (full run) 10,000 people applied at 100,000 calls a minute, with the apply's peak RSS.
//
// A (limit, size) pair whose apply would take longer than --max-minutes at the limit is skipped and
// listed, so the default run finishes in minutes; raise the limit (a scaled run) or --max-minutes.
// --apply-only runs just the apply cases (no validation, no new-hire plans, no pool); --steps picks
// which of a case's applies run (creates, updates, rerun, bare; updates and rerun need creates first).
// The high-limit memory case alone: --apply-only --steps creates --sizes 10000 --rates 100000.
// Prints markdown tables and writes the same figures as JSON (default bench/results/bench-<time>.json).

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { loadImports } from '../src/imports.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { checkOrg } from './check.js';
import { writeImports, writeNewHires } from './generate.js';
import {
  BENCH_DIR,
  fixed,
  listFlag,
  numberFlag,
  parseFlags,
  realAtSpeed,
  REAL_RATE,
  runChild,
  stamp,
  table,
  thousands,
  UsageError,
  sourceVersion,
  speedOf,
  writeJson,
} from './lib.js';
import { demoOrg } from '../src/sandbox/index.js';
import { POOL_DEFAULTS, printPool, runPoolBench } from './pool.js';
import { benchSandbox } from './sandbox.js';
import type { ValidateBenchResult } from './validate.js';
import type { PhaseCalls, WorkerReport } from './worker.js';

const FLAGS = {
  quick: 'flag',
  /** Only the pool of OAuth clients (bench/pool.ts); the default run includes it, --quick does not. */
  pool: 'flag',
  out: 'value',
  sizes: 'value',
  rates: 'value',
  'latency-ms': 'value',
  'max-minutes': 'value',
  'apply-only': 'flag',
  steps: 'value',
  /** Apply's rowWindow and maxCallsInFlight (src/apply/apply.ts), to measure their effect on memory. */
  'row-window': 'value',
  'max-calls-in-flight': 'value',
  /** The apply worker's V8 old space in MiB (--max-old-space-size): what a capped heap costs and saves. */
  'worker-heap-mb': 'value',
  /** Apply without its full collection per window of a large plan (src/run/memory.ts). */
  'no-collect': 'flag',
  /**
   * An org that takes N subjects per bulk role grant (the docs name no cap; the sandbox's is 100, and
   * `gc-onboard probe` measures a real org's): the sandbox's cap and apply's page (GC_ONBOARD_ROLE_GRANT_PAGE).
   */
  'role-grant-cap': 'value',
} as const;

const STEPS = ['creates', 'updates', 'rerun', 'bare'] as const;
type StepName = (typeof STEPS)[number];

/** Calls per row of a create plus an update, until a run has measured it (for skipping slow pairs). */
const GUESSED_CALLS_PER_ROW = 8.5;

interface Settings {
  quick: boolean;
  sizes: number[];
  rates: number[];
  /** Rows of the new-hire plans against the 5,000-person org, and the limit they run at. */
  planSizes: number[];
  planRate: number;
  /** One more (limit, size) case, past --max-minutes on purpose: the high-limit memory case. */
  highLimit: { rate: number; rows: number } | null;
  latencyMs: number;
  maxMinutes: number;
  out: string;
  /** Only the apply cases: no validation, no new-hire plans, no pool. */
  applyOnly: boolean;
  /** The applies each case runs. */
  steps: Set<StepName>;
  /** Extra worker arguments: apply's row window and calls in flight, when given. */
  applyArgs: string[];
  /** Node flags of the apply worker (a capped heap), when given. */
  workerFlags: string[];
  /** --role-grant-cap: the sandbox's subject cap and apply's page; null for the defaults (100). */
  roleGrantCap: number | null;
}

/** The subject cap of role grants, in the API table's title, when not the default. */
const grantCapNote = (settings: Settings) =>
  settings.roleGrantCap === null
    ? ''
    : `; role grants: the org takes ${thousands(settings.roleGrantCap)} subjects a call, apply pages at that`;

/** One line of the API table. */
interface Step {
  rate: number;
  rows: number;
  step:
    | 'plan (new people)'
    | 'apply creates'
    | 'plan (existing people)'
    | 'apply updates'
    | 'rerun'
    | 'apply bare creates';
  calls: number;
  ms: number;
  floorMs: number;
  rateLimited: number;
  retries: number;
  peakRssMb: number;
  byRoute: Record<string, number>;
}

interface CaseResult {
  rate: number;
  rows: number;
  steps: Step[];
  /** Sandbox side: responses by status and requests in total, over the whole case. */
  sandbox: { requests: number; status: Record<string, number> };
  /** Problems: worker failures, org check violations, writes on the rerun. */
  problems: string[];
  reports: Record<string, WorkerReport | null>;
}

function settingsOf(argv: string[]): Settings {
  const flags = parseFlags(argv, FLAGS);
  const quick = flags.has('quick');
  return {
    quick,
    // Quick: the smallest size at a scaled limit, for CI (well under 30 s).
    sizes: listFlag(flags, 'sizes', quick ? [100] : [100, 1_000, 10_000]),
    rates: listFlag(flags, 'rates', quick ? [6_000] : [300, 3_000]),
    planSizes: quick ? [1_000] : [10, 1_000, 10_000],
    planRate: quick ? 6_000 : REAL_RATE,
    // Only when the sizes and rates are the defaults: a run that names them wants just those.
    highLimit: quick || flags.has('sizes') || flags.has('rates') ? null : { rate: 100_000, rows: 10_000 },
    latencyMs: numberFlag(flags, 'latency-ms', 30),
    maxMinutes: numberFlag(flags, 'max-minutes', 10),
    applyOnly: flags.has('apply-only'),
    steps: stepsOf(flags.get('steps')),
    applyArgs: [
      ...(['row-window', 'max-calls-in-flight'] as const).flatMap((name) =>
        flags.has(name) ? [`--${name}`, String(numberFlag(flags, name, 0, 1))] : [],
      ),
      ...(flags.has('no-collect') ? ['--no-collect'] : []),
    ],
    roleGrantCap: flags.has('role-grant-cap') ? numberFlag(flags, 'role-grant-cap', 0, 1) : null,
    workerFlags: flags.has('worker-heap-mb')
      ? [`--max-old-space-size=${numberFlag(flags, 'worker-heap-mb', 0, 16)}`]
      : [],
    out:
      typeof flags.get('out') === 'string'
        ? path.resolve(flags.get('out') as string)
        : path.join(BENCH_DIR, 'results', `bench-${stamp()}.json`),
  };
}

function stepsOf(raw: string | true | undefined): Set<StepName> {
  if (raw === undefined) return new Set(STEPS);
  const names = String(raw)
    .split(',')
    .map((name) => name.trim());
  const unknown = names.filter((name) => !(STEPS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new UsageError(`--steps takes ${STEPS.join(', ')}; not ${unknown.join(', ')}`);
  return new Set(names as StepName[]);
}

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function validateStep(rows: number): Promise<ValidateBenchResult> {
  const outcome = await runChild<ValidateBenchResult>('validate.ts', [String(rows)]);
  if (!outcome.report)
    throw new Error(`validate ${rows} failed (exit ${outcome.code}): ${outcome.stderr.trim()}`);
  return outcome.report;
}

function step(
  rate: number,
  rows: number,
  name: Step['step'],
  phase: Pick<PhaseCalls, 'calls' | 'ms' | 'rateLimited' | 'retries' | 'byRoute'>,
  peakRssMb: number,
): Step {
  return {
    rate,
    rows,
    step: name,
    calls: phase.calls,
    ms: phase.ms,
    // The least time the limit allows: every call that counted against it, at the limit.
    floorMs: Math.round(((phase.calls - phase.rateLimited) / rate) * 60_000),
    rateLimited: phase.rateLimited,
    retries: phase.retries,
    peakRssMb,
    byRoute: phase.byRoute,
  };
}

/** What each step of a case uses: its folders, the worker and the org check. */
interface CaseContext {
  rate: number;
  rows: number;
  dir: string;
  imports: string;
  result: CaseResult;
  worker: (label: string, dir?: string) => Promise<WorkerReport | null>;
  check: (label: string, dir?: string) => Promise<void>;
}

async function runCase(
  rate: number,
  rows: number,
  latencyMs: number,
  steps: Set<StepName> = new Set(STEPS),
  child: { args: string[]; flags: string[]; roleGrantCap?: number | null } = { args: [], flags: [] },
): Promise<CaseResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-bench-'));
  const imports = path.join(dir, 'imports');
  // Every real-org behaviour on, its waits shortened by the run's speed-up (bench/lib.ts realAtSpeed).
  const speed = speedOf(rate);
  const real = realAtSpeed(speed);
  const cap = child.roleGrantCap ?? null;
  const sandbox: Sandbox = await startSandbox({
    rateLimitPerMinute: rate,
    rateWindowSeconds: 60,
    latencyMs,
    ...real,
    ...(cap === null ? {} : { real: { ...real.real, roleGrantSubjectCap: cap } }),
  });
  // The org's cap is apply's page too, as GC_ONBOARD_ROLE_GRANT_PAGE would make it.
  const workerArgs = [...child.args, ...(cap === null ? [] : ['--role-grant-page', String(cap)])];
  const result: CaseResult = {
    rate,
    rows,
    steps: [],
    sandbox: { requests: 0, status: {} },
    problems: [],
    reports: {},
  };
  const worker = async (label: string, dir = imports): Promise<WorkerReport | null> => {
    const started = performance.now();
    log(`${thousands(rate)}/min, N=${thousands(rows)}: ${label}…`);
    const outcome = await runChild<WorkerReport>(
      'worker.ts',
      [sandbox.url, dir, '--speed', String(speed), ...workerArgs],
      undefined,
      child.flags,
    );
    log(`  ${label} took ${fixed((performance.now() - started) / 1000)} s`);
    result.reports[label] = outcome.report;
    if (!outcome.report || !outcome.report.ok) {
      const errors = outcome.report?.apply?.errors.join('; ') ?? outcome.stderr.trim();
      result.problems.push(`${label}: worker exit ${outcome.code}: ${errors}`);
    }
    return outcome.report;
  };
  const check = async (label: string, dir = imports) => {
    const { violations } = checkOrg(await loadImports(dir), sandbox.state());
    for (const v of violations.slice(0, 5)) result.problems.push(`${label}: ${v}`);
    if (violations.length > 5)
      result.problems.push(`${label}: … and ${violations.length - 5} more violations`);
  };

  const context: CaseContext = { rate, rows, dir, imports, result, worker, check };
  try {
    if (steps.has('creates')) await createsStep(context);
    if (steps.has('updates')) await updatesStep(context);
    if (steps.has('rerun')) await rerunStep(context);
    if (steps.has('bare')) await bareStep(context);
    const stats = sandbox.stats();
    result.sandbox = { requests: stats.requests.total, status: stats.status };
    const invites = Object.entries(stats.requests.byRoute).filter(([route]) => route.includes('invite'));
    if (invites.length > 0) result.problems.push(`invite calls made: ${JSON.stringify(invites)}`);
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
  return result;
}

async function createsStep({ rate, rows, imports, result, worker, check }: CaseContext): Promise<void> {
  await writeImports(imports, rows, { tag: 'bench' });
  const create = await worker('apply creates');
  if (create?.apply) {
    const plan = { ...create.snapshot, ms: create.snapshot.ms + create.plan.ms };
    result.steps.push(step(rate, rows, 'plan (new people)', plan, create.rssAfterPlanMb));
    result.steps.push(step(rate, rows, 'apply creates', create.apply, create.rssPeakMb));
  }
  await check('after creates');
}

async function updatesStep({ rate, rows, imports, result, worker, check }: CaseContext): Promise<void> {
  await writeImports(imports, rows, { tag: 'bench', changed: true });
  const update = await worker('apply updates');
  if (update?.apply) {
    const plan = { ...update.snapshot, ms: update.snapshot.ms + update.plan.ms };
    result.steps.push(step(rate, rows, 'plan (existing people)', plan, update.rssAfterPlanMb));
    result.steps.push(step(rate, rows, 'apply updates', update.apply, update.rssPeakMb));
  }
  await check('after updates');
}

/** A second run after success must make no write: its plan is all unchanged and its apply calls nothing. */
async function rerunStep({ rate, rows, result, worker }: CaseContext): Promise<void> {
  const rerun = await worker('rerun');
  if (!rerun?.apply) return;
  const calls = rerun.snapshot.calls + rerun.apply.calls;
  const phase = {
    calls,
    ms: rerun.snapshot.ms + rerun.plan.ms + rerun.apply.ms,
    rateLimited: rerun.snapshot.rateLimited + rerun.apply.rateLimited,
    retries: rerun.snapshot.retries + rerun.apply.retries,
    byRoute: { ...rerun.snapshot.byRoute, ...rerun.apply.byRoute },
  };
  result.steps.push(step(rate, rows, 'rerun', phase, rerun.rssPeakMb));
  const { people, phones } = rerun.plan.summary;
  const changes = people.create + people.update + phones.create + phones.update;
  if (changes > 0 || rerun.apply.calls > 0) {
    result.problems.push(
      `rerun: planned ${changes} changes and made ${rerun.apply.calls} calls; expected none`,
    );
  }
}

/**
 * New people with a phone and nothing else to set: create, phone, default station, and their share
 * of the role grant and queue calls.
 */
async function bareStep({ rate, rows, dir, result, worker, check }: CaseContext): Promise<void> {
  const bare = path.join(dir, 'bare');
  await writeImports(bare, rows, { tag: 'bare', bare: true });
  const plain = await worker('apply bare creates', bare);
  if (plain?.apply) result.steps.push(step(rate, rows, 'apply bare creates', plain.apply, plain.rssPeakMb));
  await check('after bare creates', bare);
}

/** Calls per row by route, for the creates, updates and bare creates of one case. */
function perRowTable(result: CaseResult): string {
  const steps = (['apply creates', 'apply updates', 'apply bare creates'] as const).map((name) =>
    result.steps.find((s) => s.step === name),
  );
  const routes = [...new Set(steps.flatMap((s) => Object.keys(s?.byRoute ?? {})))].sort();
  const per = (s: Step | undefined, route: string) => fixed((s?.byRoute[route] ?? 0) / result.rows, 2);
  const rows = routes.map((route) => [route, ...steps.map((s) => per(s, route))]);
  rows.push(['total', ...steps.map((s) => fixed((s?.calls ?? 0) / result.rows, 2))]);
  return table(
    [
      'route',
      'per new person with phone, manager, location, skills',
      'per updated person',
      'per new person with phone only',
    ],
    rows,
  );
}

/** One plan of the new hires against the 5,000-person org. */
interface PlanCase {
  rows: number;
  rate: number;
  calls: number;
  ms: number;
  floorMs: number;
  byRoute: Record<string, number>;
  problems: string[];
}

/** The org people already work in: 5,000 of them besides the demo org's own. */
const PLAN_ORG_PEOPLE = 5_000;

/**
 * New hires who report to existing managers (bench/generate.ts newHiresCsv), planned against an org of
 * 5,000 people: what every preview and apply reads first. Only the managers' ids are needed, never
 * their grants, queues or stations.
 */
async function planOrgCases(sizes: number[], rate: number, latencyMs: number): Promise<PlanCase[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-bench-plan-'));
  const sandbox = await startSandbox({
    org: demoOrg({ extraUsers: PLAN_ORG_PEOPLE }),
    rateLimitPerMinute: rate,
    rateWindowSeconds: 60,
    latencyMs,
    ...realAtSpeed(speedOf(rate)),
  });
  const cases: PlanCase[] = [];
  try {
    for (const rows of sizes) {
      log(`plan of ${thousands(rows)} new hires against ${thousands(PLAN_ORG_PEOPLE)} people…`);
      await writeNewHires(dir, rows, PLAN_ORG_PEOPLE);
      const outcome = await runChild<WorkerReport>('worker.ts', [sandbox.url, dir, '--plan-only']);
      const report = outcome.report;
      const problems: string[] = [];
      if (!report?.ok) problems.push(`worker exit ${outcome.code}: ${outcome.stderr.trim()}`);
      else if (report.plan.summary.people.create !== rows || report.plan.summary.phones.create !== rows)
        problems.push(`planned ${JSON.stringify(report.plan.summary)}; expected ${rows} creates of each`);
      const calls = report?.snapshot.calls ?? 0;
      cases.push({
        rows,
        rate,
        calls,
        ms: (report?.snapshot.ms ?? 0) + (report?.plan.ms ?? 0),
        floorMs: Math.round((calls / rate) * 60_000),
        byRoute: report?.snapshot.byRoute ?? {},
        problems,
      });
    }
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
  return cases;
}

async function main(): Promise<void> {
  const settings = settingsOf(process.argv.slice(2));
  if (process.argv.includes('--pool')) {
    process.exitCode = printPool(await runPoolBench(POOL_DEFAULTS)).length > 0 ? 1 : 0;
    return;
  }
  const started = performance.now();
  const sandboxThroughput = await benchSandbox();
  log(`sandbox alone: ${thousands(sandboxThroughput.requestsPerSecond)} requests/s`);

  const validate: ValidateBenchResult[] = [];
  for (const rows of settings.applyOnly ? [] : settings.sizes) {
    log(`validate N=${thousands(rows)}…`);
    validate.push(await validateStep(rows));
  }

  const cases: CaseResult[] = [];
  const skipped: Array<{ rate: number; rows: number; estimatedMinutes: number }> = [];
  let callsPerRow = GUESSED_CALLS_PER_ROW;
  for (const rate of settings.rates) {
    for (const rows of settings.sizes) {
      const estimatedMinutes = (rows * callsPerRow) / rate;
      if (estimatedMinutes > settings.maxMinutes) {
        skipped.push({ rate, rows, estimatedMinutes: Math.round(estimatedMinutes) });
        log(
          `skipping ${thousands(rate)}/min, N=${thousands(rows)}: about ${Math.round(estimatedMinutes)} min`,
        );
        continue;
      }
      const result = await runCase(rate, rows, settings.latencyMs, settings.steps, {
        args: settings.applyArgs,
        flags: settings.workerFlags,
        roleGrantCap: settings.roleGrantCap,
      });
      cases.push(result);
      const applied = result.steps.filter((s) => s.step === 'apply creates' || s.step === 'apply updates');
      if (applied.length === 2) callsPerRow = applied.reduce((sum, s) => sum + s.calls, 0) / rows;
    }
  }
  if (settings.highLimit) {
    cases.push(
      await runCase(settings.highLimit.rate, settings.highLimit.rows, settings.latencyMs, settings.steps, {
        args: settings.applyArgs,
        flags: settings.workerFlags,
        roleGrantCap: settings.roleGrantCap,
      }),
    );
  }
  const planCases = settings.applyOnly
    ? []
    : await planOrgCases(settings.planSizes, settings.planRate, settings.latencyMs);
  const poolCases = settings.quick || settings.applyOnly ? [] : await runPoolBench(POOL_DEFAULTS);

  const validateTable = table(
    [
      'N',
      'MiB',
      'csv-parse alone, rows/s',
      'validate, rows/s',
      'validate ms',
      'validate ÷ csv-parse',
      'peak RSS MiB',
    ],
    validate.map((v) => [
      thousands(v.rows),
      fixed(v.bytes / 1024 / 1024),
      thousands(v.csvParseRowsPerSecond),
      thousands(v.validateImportSetRowsPerSecond),
      fixed(v.validateImportSetMs),
      fixed(v.validateImportSetMs / v.csvParseMs, 2),
      v.peakRssMb,
    ]),
  );
  const planTable = table(
    ['rows', 'limit/min', 'API calls', 'wall s', 'floor s', 'reads of grants, members, stations'],
    planCases.map((c) => [
      thousands(c.rows),
      thousands(c.rate),
      c.calls,
      fixed(c.ms / 1000),
      fixed(c.floorMs / 1000),
      [
        'GET /api/v2/authorization/roles/{id}/subjectgrants',
        'GET /api/v2/routing/queues/{id}/members',
        'GET /api/v2/stations',
      ].reduce((sum, route) => sum + (c.byRoute[route] ?? 0), 0),
    ]),
  );
  const apiTable = table(
    [
      'limit/min',
      'N',
      'step',
      'API calls',
      'calls/row',
      'wall s',
      'floor s',
      'wall/floor',
      '429s',
      'retries',
      'peak RSS MiB',
    ],
    cases.flatMap((c) =>
      c.steps.map((s) => [
        thousands(s.rate),
        thousands(s.rows),
        s.step,
        thousands(s.calls),
        fixed(s.calls / s.rows, 2),
        fixed(s.ms / 1000),
        fixed(s.floorMs / 1000),
        s.floorMs > 0 ? fixed(s.ms / s.floorMs, 2) : '–',
        s.rateLimited,
        s.retries,
        s.peakRssMb,
      ]),
    ),
  );
  const problems = [
    ...cases.flatMap((c) => c.problems.map((p) => `${thousands(c.rate)}/min N=${thousands(c.rows)}: ${p}`)),
    ...planCases.flatMap((c) => c.problems.map((p) => `plan of ${thousands(c.rows)} new hires: ${p}`)),
    ...(poolCases.length > 0 ? printPool(poolCases) : []),
  ];
  // Calls per row by route for every case of 1,000 rows or more (shared calls are a smaller share of
  // larger batches), or the largest when all are smaller.
  const largest = [...cases].sort((a, b) => b.rows - a.rows || a.rate - b.rate)[0];
  const perRow = cases.filter((c) => c.rows >= 1_000);

  console.log(
    `\nValidation (people.csv + phones.csv, one phone per person; median run)\n\n${validateTable}\n`,
  );
  console.log(
    `Against the sandbox (latency ${settings.latencyMs} ms, limit per 60 s window, floor = calls ÷ limit${grantCapNote(settings)})\n\n${apiTable}\n`,
  );
  for (const c of perRow.length > 0 ? perRow : largest ? [largest] : []) {
    console.log(`Calls per row, N=${thousands(c.rows)} at ${thousands(c.rate)}/min\n\n${perRowTable(c)}\n`);
  }
  console.log(
    `Plan of new hires who report to existing managers, org of ${thousands(PLAN_ORG_PEOPLE)} people\n\n${planTable}\n`,
  );
  for (const s of skipped) {
    console.log(
      `skipped ${thousands(s.rate)}/min, N=${thousands(s.rows)}: about ${s.estimatedMinutes} min (--max-minutes ${settings.maxMinutes})`,
    );
  }
  console.log(
    `sandbox alone serves ${thousands(sandboxThroughput.requestsPerSecond)} requests/s on this machine`,
  );
  console.log(
    problems.length === 0
      ? 'org checks: every row correct, no duplicates, no invites'
      : `PROBLEMS:\n${problems.join('\n')}`,
  );

  await writeJson(settings.out, {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    date: new Date().toISOString(),
    source: sourceVersion(),
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? '',
      // Other work on the machine slows the CPU-bound figures (validation, sandbox), not the paced ones.
      loadAverageAtEnd: os.loadavg().map((n) => Math.round(n * 100) / 100),
    },
    settings: { ...settings, steps: [...settings.steps], rateWindowSeconds: 60 },
    seconds: Math.round((performance.now() - started) / 1000),
    sandboxRequestsPerSecond: sandboxThroughput.requestsPerSecond,
    validate,
    cases,
    planCases,
    poolCases,
    skipped,
    problems,
  });
  console.log(`figures written to ${path.relative(process.cwd(), settings.out)}`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `bench: ${error.message}` : error);
  process.exitCode = 2;
});
