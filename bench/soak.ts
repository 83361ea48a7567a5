// npm run soak [-- --rounds R] [-- --seed S] [-- --rows N] [-- --rate PER_MINUTE] [-- --kills K]
//              [-- --rate429 x] [-- --rate503 x] [-- --drop x] [-- --commit-then-drop x]
//              [-- --spike-rate x] [-- --spike-ms N] [-- --latency-ms N] [-- --out FILE]
//
// Is apply safe to repeat? One sandbox (in this process) with faults on: injected 429s, 503s, dropped
// connections, writes committed and then dropped, latency spikes. Each round writes a new batch of N
// people, each with a WebRTC phone, plans it, and applies it in a child process (bench/soak-worker.ts)
// that is SIGKILLed after a seeded number of requests, up to K times, and then run again until it
// converges. Then the org is checked: no duplicate users, phones, grants, queue memberships or skills,
// no invite, every row of the batch correct, and a new plan has nothing left to do.
//
// Seeded and repeatable: the batches, the kill points and the sandbox's fault sequence all follow
// from --seed (the exact requests that meet a fault also depend on the order concurrent calls reach
// the sandbox). Prints a table per round; writes the figures as JSON; exits 1 on any violation.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { connect, type GenesysClient } from '../src/genesys/client.js';
import { resolveConnection } from '../src/genesys/connection.js';
import { loadSnapshot } from '../src/genesys/snapshot.js';
import { loadImports } from '../src/imports.js';
import { snapshotNeed } from '../src/plan/need.js';
import { buildPlan } from '../src/plan/plan.js';
import type { PlanSummary } from '../src/plan/types.js';
import { mulberry32 } from '../src/sandbox/limits.js';
import { startSandbox, type Sandbox, type SandboxFaults, type SandboxStats } from '../src/sandbox/index.js';
import { checkOrg } from './check.js';
import { writeImports } from './generate.js';
import {
  BENCH_DIR,
  fixed,
  numberFlag,
  parseFlags,
  realAtSpeed,
  runChild,
  stamp,
  table,
  thousands,
  UsageError,
  sourceVersion,
  speedOf,
  writeJson,
} from './lib.js';
import type { WorkerReport } from './worker.js';

const FLAGS = {
  rounds: 'value',
  seed: 'value',
  rows: 'value',
  rate: 'value',
  kills: 'value',
  rate429: 'value',
  rate503: 'value',
  drop: 'value',
  'commit-then-drop': 'value',
  'spike-rate': 'value',
  'spike-ms': 'value',
  'latency-ms': 'value',
  out: 'value',
} as const;

/** Runs of one round after its kills before it counts as not converging. */
const MAX_RUNS_AFTER_KILLS = 5;
/** Requests per row of a first apply with faults (about 6.3), until a round has measured it. */
const REQUESTS_PER_ROW = 6.3;

interface Settings {
  rounds: number;
  seed: number;
  rows: number;
  rate: number;
  kills: number;
  latencyMs: number;
  faults: SandboxFaults;
  out: string;
}

interface Attempt {
  /** Requests (its login included) after which the worker was to be killed (null: left to finish). */
  killAt: number | null;
  killed: boolean;
  exit: number | null;
  /** Requests the sandbox received during the attempt (its login included). */
  requests: number;
  seconds: number;
  report: WorkerReport | null;
}

interface Round {
  round: number;
  batch: string;
  planned: PlanSummary['people'] & { phones: number };
  attempts: Attempt[];
  kills: number;
  faults: Record<string, number>;
  /** 429 responses the sandbox sent in the round (limit and injected). */
  status429: number;
  /** Answers of the real-org behaviours in the round (each one a call the client had to repeat). */
  real: SandboxStats['real'];
  seconds: number;
  violations: string[];
}

function settingsOf(argv: string[]): Settings {
  const flags = parseFlags(argv, FLAGS);
  const share = (name: string, fallback: number) => {
    const value = numberFlag(flags, name, fallback);
    if (value > 1) throw new UsageError(`--${name} is a share from 0 to 1`);
    return value;
  };
  const out = flags.get('out');
  return {
    rounds: numberFlag(flags, 'rounds', 3, 1),
    seed: numberFlag(flags, 'seed', 1),
    rows: numberFlag(flags, 'rows', 1_000, 1),
    rate: numberFlag(flags, 'rate', 12_000, 1),
    kills: numberFlag(flags, 'kills', 2),
    latencyMs: numberFlag(flags, 'latency-ms', 30),
    faults: {
      // Each injected 429 pauses the whole client for its Retry-After (1 s), as a real one must.
      rate429: share('rate429', 0.003),
      rate503: share('rate503', 0.01),
      drop: share('drop', 0.005),
      commitThenDrop: share('commit-then-drop', 0.01),
      latencySpikeRate: share('spike-rate', 0.02),
      latencySpikeMs: numberFlag(flags, 'spike-ms', 400),
    },
    out:
      typeof out === 'string' ? path.resolve(out) : path.join(BENCH_DIR, 'results', `soak-${stamp()}.json`),
  };
}

const log = (message: string) => process.stderr.write(`soak: ${message}\n`);

function faultsSince(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([kind, n]) => [kind, n - (before[kind] ?? 0)]));
}

async function planOf(client: GenesysClient, imports: string): Promise<PlanSummary> {
  const set = await loadImports(imports);
  return buildPlan(set, await loadSnapshot(client, snapshotNeed(set))).summary;
}

async function runRound(
  sandbox: Sandbox,
  client: GenesysClient,
  settings: Settings,
  round: number,
  random: () => number,
  imports: string,
  expectedRequests: number,
): Promise<Round> {
  const started = performance.now();
  const batch = `soak-${settings.seed}-${round}`;
  await writeImports(imports, settings.rows, { tag: batch });
  const before = sandbox.stats();
  const violations: string[] = [];

  // The plan this round must reach, made before any write: every person and phone a create.
  const planned = await planOf(client, imports);
  if (planned.people.create !== settings.rows || planned.phones.create !== settings.rows) {
    violations.push(
      `plan: expected ${settings.rows} people and phones to create, got ${JSON.stringify(planned)}`,
    );
  }

  const attempts: Attempt[] = [];
  let roundRequests = 0;
  for (let run = 0; ; run++) {
    const killing = run < settings.kills;
    // A kill point anywhere in what is left of the round's requests (as many as the last round made).
    const left = Math.max(50, expectedRequests - roundRequests);
    const killAt = killing ? 1 + Math.floor(random() * left) : null;
    const base = sandbox.stats().requests.total;
    const t = performance.now();
    const outcome = await runChild<WorkerReport>(
      'soak-worker.ts',
      [sandbox.url, imports, '--speed', String(speedOf(settings.rate))],
      killAt === null ? undefined : () => sandbox.stats().requests.total - base >= killAt,
    );
    const requests = sandbox.stats().requests.total - base;
    roundRequests += requests;
    attempts.push({
      killAt,
      killed: outcome.killed,
      exit: outcome.code,
      requests,
      seconds: Math.round((performance.now() - t) / 100) / 10,
      report: outcome.report,
    });
    const what = outcome.killed ? `killed after ${requests} requests` : `exit ${outcome.code}`;
    log(`round ${round} run ${run + 1}: ${what} (${fixed((performance.now() - t) / 1000)} s)`);
    if (outcome.code === 2) log(outcome.stderr.trim());
    if (!outcome.killed && outcome.code === 0) break;
    if (!outcome.killed && run >= settings.kills + MAX_RUNS_AFTER_KILLS - 1) {
      violations.push(
        `did not converge in ${run + 1} runs: ${outcome.report?.apply?.errors.join('; ') ?? outcome.stderr.trim()}`,
      );
      break;
    }
  }

  const { violations: wrong } = checkOrg(await loadImports(imports), sandbox.state());
  violations.push(...wrong.slice(0, 20));
  if (wrong.length > 20) violations.push(`… and ${wrong.length - 20} more`);
  // Converged means nothing left to do: a new plan is all unchanged.
  const after = await planOf(client, imports);
  const left = after.people.create + after.people.update + after.phones.create + after.phones.update;
  if (left > 0) violations.push(`a new plan still has ${left} changes: ${JSON.stringify(after)}`);
  const stats = sandbox.stats();
  const invites = Object.entries(stats.requests.byRoute).filter(([route]) => route.includes('/invite'));
  if (invites.length > 0) violations.push(`invite calls: ${JSON.stringify(invites)}`);

  return {
    round,
    batch,
    planned: { ...planned.people, phones: planned.phones.create },
    attempts,
    kills: attempts.filter((a) => a.killed).length,
    faults: faultsSince(before.faults, stats.faults),
    status429: (stats.status['429'] ?? 0) - (before.status['429'] ?? 0),
    real: {
      newUserLag: stats.real.newUserLag - before.real.newUserLag,
      versionRace: stats.real.versionRace - before.real.versionRace,
      stale400: stats.real.stale400 - before.real.stale400,
      expandDropped: stats.real.expandDropped - before.real.expandDropped,
    },
    seconds: Math.round((performance.now() - started) / 1000),
    violations,
  };
}

async function main(): Promise<void> {
  const settings = settingsOf(process.argv.slice(2));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-soak-'));
  const imports = path.join(dir, 'imports');
  const sandbox = await startSandbox({
    rateLimitPerMinute: settings.rate,
    rateWindowSeconds: 60,
    latencyMs: settings.latencyMs,
    faults: settings.faults,
    seed: settings.seed,
    // Every real-org behaviour on, its waits shortened by the run's speed-up (bench/lib.ts realAtSpeed).
    ...realAtSpeed(speedOf(settings.rate)),
  });
  const random = mulberry32(settings.seed);
  const client = await connect(
    resolveConnection({
      GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox',
      GENESYSCLOUD_API_REGION: sandbox.url,
    }),
  );
  const rounds: Round[] = [];
  const started = performance.now();
  try {
    let expectedRequests = settings.rows * REQUESTS_PER_ROW;
    for (let round = 1; round <= settings.rounds; round++) {
      const result = await runRound(sandbox, client, settings, round, random, imports, expectedRequests);
      rounds.push(result);
      expectedRequests = result.attempts.reduce((sum, a) => sum + a.requests, 0);
    }
  } finally {
    client.close();
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }

  const kinds = ['rate429', 'rate503', 'drop', 'commitThenDrop', 'latencySpike'];
  console.log(
    `\nSoak: ${settings.rounds} rounds of ${thousands(settings.rows)} new people with phones, limit ${thousands(settings.rate)}/min, ` +
      `latency ${settings.latencyMs} ms, seed ${settings.seed}, faults ${JSON.stringify(settings.faults)}\n`,
  );
  console.log(
    table(
      [
        'round',
        'runs',
        'kills (after n requests)',
        'requests',
        ...kinds,
        '429s sent',
        'new-user 404s',
        'version races',
        'seconds',
        'result',
      ],
      rounds.map((r) => [
        r.round,
        r.attempts.length,
        r.attempts
          .filter((a) => a.killed)
          .map((a) => a.requests)
          .join(', ') || '–',
        thousands(r.attempts.reduce((sum, a) => sum + a.requests, 0)),
        ...kinds.map((kind) => r.faults[kind] ?? 0),
        r.status429,
        r.real.newUserLag,
        r.real.versionRace + r.real.stale400,
        r.seconds,
        r.violations.length === 0 ? 'ok' : `${r.violations.length} violations`,
      ]),
    ),
  );
  // Every 404 to a new user and every version race is one call the client sends again.
  const people = settings.rounds * settings.rows;
  const perThousand = (n: number) => fixed((n / people) * 1000);
  const lag404 = rounds.reduce((sum, r) => sum + r.real.newUserLag, 0);
  const races = rounds.reduce((sum, r) => sum + r.real.versionRace + r.real.stale400, 0);
  console.log(
    `\nReal-org retries per 1,000 people: ${perThousand(lag404)} new-user 404s, ${perThousand(races)} version races ` +
      `(${perThousand(rounds.reduce((sum, r) => sum + r.real.expandDropped, 0))} expands dropped in listings)`,
  );
  const violations = rounds.flatMap((r) => r.violations.map((v) => `round ${r.round}: ${v}`));
  const kills = rounds.reduce((sum, r) => sum + r.kills, 0);
  console.log(
    violations.length === 0
      ? `\nok: ${rounds.length} rounds, ${kills} kills, every row correct, no duplicates, no invites, nothing left to do`
      : `\nVIOLATIONS:\n${violations.join('\n')}`,
  );
  await writeJson(settings.out, {
    command: `npm run soak -- ${process.argv.slice(2).join(' ')}`.trim(),
    date: new Date().toISOString(),
    source: sourceVersion(),
    settings,
    seconds: Math.round((performance.now() - started) / 1000),
    rounds,
    violations,
  });
  console.log(`figures written to ${path.relative(process.cwd(), settings.out)}`);
  process.exitCode = violations.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `soak: ${error.message}` : error);
  process.exitCode = 2;
});
