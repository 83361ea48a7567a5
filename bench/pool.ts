// npm run bench -- --pool (or: node --import tsx bench/pool.ts [--quick] [--rows N] [--rate PER_MIN]
//                          [--clients 1,2,4] [--latency-ms 30])
//
// A pool of OAuth clients (src/genesys/pool.ts) against the sandbox: N new people with phones applied
// with 1, 2 and 4 clients, each client at the same limit (a scaled run: bench/lib.ts realAtSpeed and
// applyAtSpeed shorten every real-org wait by the speed-up, so the run stands for one at 300 a minute
// per client). Each apply runs in a child process (this file with --child); the org is checked against
// the CSVs after it (every row right, no duplicates, no invite). The floor is the calls that counted
// against the limits ÷ the sum of the limits: a pool of k clients should take 1/k of the time.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

import { applyPlan } from '../src/apply/apply.js';
import { connect } from '../src/genesys/client.js';
import { resolveConnection } from '../src/genesys/connection.js';
import { loadSnapshot } from '../src/genesys/snapshot.js';
import type { TransportStats } from '../src/genesys/transport.js';
import { orgWriter } from '../src/genesys/writer.js';
import { loadImports } from '../src/imports.js';
import { snapshotNeed } from '../src/plan/need.js';
import { buildPlan } from '../src/plan/plan.js';
import { sandboxClients, startSandbox } from '../src/sandbox/index.js';
import { checkOrg } from './check.js';
import { writeImports } from './generate.js';
import {
  applyAtSpeed,
  fixed,
  listFlag,
  numberFlag,
  parseFlags,
  realAtSpeed,
  runChild,
  speedOf,
  table,
  thousands,
  UsageError,
} from './lib.js';

export interface PoolSettings {
  /** New people, each with a WebRTC phone. */
  rows: number;
  /** Each client's limit per 60 s window. */
  rate: number;
  /** Pool sizes to run, e.g. [1, 2, 4]. */
  clients: number[];
  latencyMs: number;
}

/** The full run: 1,000 people at 10× a real org (3,000 a minute per client), 1, 2 and 4 clients. */
export const POOL_DEFAULTS: PoolSettings = { rows: 1_000, rate: 3_000, clients: [1, 2, 4], latencyMs: 30 };
/** --quick: 100 people, a pool of two at 6,000 a minute each: about 3 s of apply. */
export const POOL_QUICK: PoolSettings = { rows: 100, rate: 6_000, clients: [2], latencyMs: 30 };

/** What the child reports: the apply's calls, time and 429s, and each client's share. */
interface ChildReport {
  calls: number;
  ms: number;
  rateLimited: number;
  retries: number;
  /** API requests each client sent during the apply (logins not counted). */
  perClient: Array<{ clientId: string; requests: number }>;
  errors: string[];
}

export interface PoolCase {
  clients: number;
  rows: number;
  /** Each client's limit per minute; the pool's is clients × rate. */
  rate: number;
  calls: number;
  ms: number;
  floorMs: number;
  rateLimited: number;
  retries: number;
  perClient: number[];
  problems: string[];
}

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** Runs every pool size on a fresh sandbox and batch; the org is checked after each apply. */
export async function runPoolBench(settings: PoolSettings): Promise<PoolCase[]> {
  const cases: PoolCase[] = [];
  for (const clients of settings.clients) cases.push(await runPoolCase(settings, clients));
  return cases;
}

async function runPoolCase(settings: PoolSettings, clients: number): Promise<PoolCase> {
  const { rows, rate, latencyMs } = settings;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-pool-'));
  const imports = path.join(dir, 'imports');
  const speed = speedOf(rate);
  const sandbox = await startSandbox({
    clients,
    rateLimitPerMinute: rate,
    rateWindowSeconds: 60,
    latencyMs,
    ...realAtSpeed(speed),
  });
  const problems: string[] = [];
  try {
    await writeImports(imports, rows, { tag: 'pool' });
    log(`pool of ${clients} at ${thousands(rate)}/min each, N=${thousands(rows)}: apply creates…`);
    const started = performance.now();
    const outcome = await runChild<ChildReport>('pool.ts', [
      '--child',
      sandbox.url,
      imports,
      String(clients),
      String(speed),
    ]);
    log(`  took ${fixed((performance.now() - started) / 1000)} s`);
    const report = outcome.report;
    if (!report || outcome.code !== 0)
      problems.push(
        `apply: child exit ${outcome.code}: ${report?.errors.join('; ') ?? outcome.stderr.trim()}`,
      );
    const { violations } = checkOrg(await loadImports(imports), sandbox.state());
    problems.push(...violations.slice(0, 5));
    const invites = Object.keys(sandbox.stats().requests.byRoute).filter((route) => route.includes('invite'));
    if (invites.length > 0) problems.push(`invite calls made: ${invites.join(', ')}`);
    const calls = report?.calls ?? 0;
    const rateLimited = report?.rateLimited ?? 0;
    return {
      clients,
      rows,
      rate,
      calls,
      ms: Math.round(report?.ms ?? 0),
      // The least time the limits allow: every call that counted against one, at the sum of the limits.
      floorMs: Math.round(((calls - rateLimited) / (rate * clients)) * 60_000),
      rateLimited,
      retries: report?.retries ?? 0,
      perClient: report?.perClient.map((c) => c.requests) ?? [],
      problems,
    };
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function poolTable(cases: readonly PoolCase[]): string {
  return table(
    [
      'clients',
      'limit/min (sum)',
      'N',
      'API calls',
      'calls/row',
      'wall s',
      'floor s',
      'wall/floor',
      '429s',
      'calls per client',
    ],
    cases.map((c) => [
      c.clients,
      `${thousands(c.rate * c.clients)} (${c.clients} × ${thousands(c.rate)})`,
      thousands(c.rows),
      thousands(c.calls),
      fixed(c.calls / c.rows, 2),
      fixed(c.ms / 1000),
      fixed(c.floorMs / 1000),
      c.floorMs > 0 ? fixed(c.ms / c.floorMs, 2) : '–',
      c.rateLimited,
      c.perClient.map(thousands).join(' / '),
    ]),
  );
}

/** Cases whose wall time is more than 10 % over their floor (the pool must scale with the clients). */
export function poolProblems(cases: readonly PoolCase[]): string[] {
  return cases.flatMap((c) => [
    ...c.problems.map((p) => `pool of ${c.clients}: ${p}`),
    ...(c.floorMs > 0 && c.ms > c.floorMs * 1.1
      ? [
          `pool of ${c.clients}: ${fixed(c.ms / 1000)} s is over 10 % above its floor of ${fixed(c.floorMs / 1000)} s`,
        ]
      : []),
  ]);
}

/** Prints the pool table; returns its problems. */
export function printPool(cases: readonly PoolCase[]): string[] {
  // The pool's cases run at up to 200 calls a second, client and sandbox on one machine: CPU-bound
  // if other work shares it, so the load is printed with the table.
  const load = os
    .loadavg()
    .map((n) => fixed(n, 1))
    .join(', ');
  console.log(
    `\nA pool of OAuth clients (N new people with phones; floor = calls ÷ sum of the limits; load average ${load})\n`,
  );
  console.log(`${poolTable(cases)}\n`);
  return poolProblems(cases);
}

// ---------------------------------------------------------------------------------------------
// The child: logs every client of the sandbox in as one pool, plans, applies, reports over IPC.

function callsOf(stats: TransportStats): number {
  return Object.entries(stats.byRoute)
    .filter(([route]) => !route.endsWith('/oauth/token'))
    .reduce((sum, [, n]) => sum + n, 0);
}

async function child(url: string, imports: string, clients: number, speed: number): Promise<ChildReport> {
  const importSet = await loadImports(imports);
  const pool = sandboxClients({ clients })
    .slice(1)
    .map(({ id, secret }) => `${id}:${secret}`)
    .join(',');
  const client = await connect(
    resolveConnection({
      GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox',
      GENESYSCLOUD_API_REGION: url,
      GENESYSCLOUD_OAUTHCLIENT_POOL: pool,
    }),
  );
  try {
    const snapshot = await loadSnapshot(client, snapshotNeed(importSet));
    const plan = buildPlan(importSet, snapshot);
    const before = client.stats();
    const started = performance.now();
    const result = await applyPlan(plan, orgWriter(client, snapshot.homeDivisionId), applyAtSpeed(speed));
    const ms = performance.now() - started;
    const after = client.stats();
    const sent = (stats: TransportStats, index: number) =>
      (stats.clients?.[index]?.requests ?? 0) - (stats.clients?.[index]?.logins ?? 0);
    return {
      calls: callsOf(after) - callsOf(before),
      ms,
      rateLimited: after.rateLimited - before.rateLimited,
      retries: after.retries - before.retries,
      perClient: (after.clients ?? []).map((c, index) => ({
        clientId: c.clientId,
        requests: sent(after, index) - sent(before, index),
      })),
      errors: [
        ...(result.refused ? [result.refused] : []),
        ...result.rows.filter((row) => row.error).map((row) => `${row.file}:${row.line}: ${row.error}`),
      ].slice(0, 10),
    };
  } finally {
    client.close();
  }
}

async function childMain(args: string[]): Promise<void> {
  const [url, imports, clients, speed] = args;
  if (!url || !imports || !clients || !speed)
    throw new UsageError('usage: pool.ts --child URL IMPORTS CLIENTS SPEED');
  const report = await child(url, imports, Number(clients), Number(speed));
  await new Promise<void>((resolve) => (process.send ? process.send(report, () => resolve()) : resolve()));
  process.exitCode = report.errors.length === 0 ? 0 : 1;
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') return childMain(argv.slice(1));
  const flags = parseFlags(argv, {
    quick: 'flag',
    rows: 'value',
    rate: 'value',
    clients: 'value',
    'latency-ms': 'value',
  });
  const base = flags.has('quick') ? POOL_QUICK : POOL_DEFAULTS;
  const settings: PoolSettings = {
    rows: numberFlag(flags, 'rows', base.rows, 1),
    rate: numberFlag(flags, 'rate', base.rate, 1),
    clients: listFlag(flags, 'clients', base.clients),
    latencyMs: numberFlag(flags, 'latency-ms', base.latencyMs),
  };
  const problems = printPool(await runPoolBench(settings));
  console.log(
    problems.length === 0
      ? 'pool: every case within 10 % of its floor, org checks green'
      : `PROBLEMS:\n${problems.join('\n')}`,
  );
  process.exitCode = problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof UsageError ? `bench: ${error.message}` : error);
    process.exitCode = 2;
  });
}
