// The child process of the bench and the soak: what `gc-onboard apply` does, timed phase by phase.
// Connects to a sandbox URL, loads an imports folder, reads the snapshot, plans, and (unless
// --plan-only) applies, then reports its figures to the parent over IPC (or prints them as JSON).
// A child of its own, so that its peak RSS is its own and a SIGKILL hits only the apply.
//
//   node --import tsx bench/worker.ts URL IMPORTS_DIR [--plan-only] [--plan-out FILE]

import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

import { applyPlan } from '../src/apply/apply.js';
import { collectorFor } from '../src/run/memory.js';
import { applyAtSpeed } from './lib.js';
import { countResults, type ResultCounts } from '../src/apply/results.js';
import { connect } from '../src/genesys/client.js';
import { resolveConnection } from '../src/genesys/connection.js';
import { loadSnapshot } from '../src/genesys/snapshot.js';
import type { TransportStats } from '../src/genesys/transport.js';
import { orgWriter } from '../src/genesys/writer.js';
import { loadImports } from '../src/imports.js';
import { snapshotNeed } from '../src/plan/need.js';
import { buildPlan } from '../src/plan/plan.js';
import type { PlanSummary } from '../src/plan/types.js';

export interface PhaseCalls {
  ms: number;
  /** API requests sent in the phase, every attempt counted, logins not. */
  calls: number;
  retries: number;
  /** 429 responses received. */
  rateLimited: number;
  byRoute: Record<string, number>;
}

export interface WorkerReport {
  ok: boolean;
  load: { ms: number; people: number; phones: number; errors: number };
  snapshot: PhaseCalls;
  plan: { ms: number; summary: PlanSummary };
  apply: (PhaseCalls & { people: ResultCounts; phones: ResultCounts; errors: string[] }) | null;
  /** The rate limit the transport learned from inin-ratelimit-allowed, per minute. */
  learnedLimit: number;
  /** Peak resident set size, MiB: after planning, and at the end. */
  rssAfterPlanMb: number;
  rssPeakMb: number;
}

export interface WorkerOptions {
  url: string;
  imports: string;
  planOnly?: boolean;
  /** Write the plan here as JSON (the soak and the bench check against it). */
  planOut?: string;
  /** How many times faster than a real org the run goes: apply's own waits are shortened by it. */
  speed?: number;
  /** Apply's rowWindow and maxCallsInFlight, when not its defaults. */
  rowWindow?: number;
  maxCallsInFlight?: number;
  /** No full collection per window (run/memory.ts), to measure what it saves. */
  noCollect?: boolean;
  /** GC_ONBOARD_ROLE_GRANT_PAGE: subjects per bulk role grant call, when not the default. */
  roleGrantPage?: number;
}

const mib = (kib: number) => Math.round(kib / 1024);

function diff(before: TransportStats, after: TransportStats, ms: number): PhaseCalls {
  const byRoute: Record<string, number> = {};
  for (const [route, n] of Object.entries(after.byRoute)) {
    const d = n - (before.byRoute[route] ?? 0);
    if (d > 0 && !route.endsWith('/oauth/token')) byRoute[route] = d;
  }
  return {
    ms: Math.round(ms),
    calls: Object.values(byRoute).reduce((sum, n) => sum + n, 0),
    retries: after.retries - before.retries,
    rateLimited: after.rateLimited - before.rateLimited,
    byRoute,
  };
}

export async function runWorker(options: WorkerOptions): Promise<WorkerReport> {
  let t = performance.now();
  const imports = await loadImports(options.imports);
  const load = {
    ms: Math.round(performance.now() - t),
    people: imports.batches.reduce((n, b) => n + b.people.length, 0),
    phones: imports.batches.reduce((n, b) => n + b.phones.length, 0),
    errors: imports.findings.filter((f) => f.severity === 'error').length,
  };

  const connection = resolveConnection({
    GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
    GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox',
    GENESYSCLOUD_API_REGION: options.url,
    GC_ONBOARD_ROLE_GRANT_PAGE: options.roleGrantPage?.toString(),
  });
  // Default transport settings: the pacing and retries a real run gets; the limit is learned from the sandbox.
  const client = await connect(connection);
  try {
    let before = client.stats();
    t = performance.now();
    const snapshot = await loadSnapshot(client, snapshotNeed(imports));
    const snapshotCalls = diff(before, client.stats(), performance.now() - t);
    t = performance.now();
    const plan = buildPlan(imports, snapshot);
    const planMs = Math.round(performance.now() - t);
    if (options.planOut) await writeFile(options.planOut, JSON.stringify(plan));
    const rssAfterPlanMb = mib(process.resourceUsage().maxRSS);

    let apply: WorkerReport['apply'] = null;
    if (!options.planOnly) {
      before = client.stats();
      t = performance.now();
      const result = await applyPlan(plan, orgWriter(client, snapshot.homeDivisionId), {
        ...applyAtSpeed(options.speed ?? 1),
        rowWindow: options.rowWindow,
        maxCallsInFlight: options.maxCallsInFlight,
        // As applyImports does for the CLI and the Action: a full collection per window of a large
        // plan, and the role grant page of the connection.
        ...(options.noCollect ? {} : collectorFor(plan)),
        roleGrantPage: client.roleGrantPage,
      });
      apply = {
        ...diff(before, client.stats(), performance.now() - t),
        people: countResults(result.rows, 'person'),
        phones: countResults(result.rows, 'phone'),
        errors: [
          ...(result.refused ? [result.refused] : []),
          ...result.rows.filter((row) => row.error).map((row) => `${row.file}:${row.line}: ${row.error}`),
        ].slice(0, 10),
      };
    }
    return {
      ok:
        load.errors === 0 &&
        (apply === null || (apply.errors.length === 0 && apply.people.failed + apply.phones.failed === 0)),
      load,
      snapshot: snapshotCalls,
      plan: { ms: planMs, summary: plan.summary },
      apply,
      learnedLimit: Math.round((client.stats().limit * 60_000) / client.stats().windowMs),
      rssAfterPlanMb,
      rssPeakMb: mib(process.resourceUsage().maxRSS),
    };
  } finally {
    client.close();
  }
}

export function parseWorkerArgs(argv: string[]): WorkerOptions {
  const [url, imports, ...rest] = argv;
  if (!url || !imports)
    throw new Error(
      'usage: worker URL IMPORTS_DIR [--plan-only] [--plan-out FILE] [--speed N] [--row-window N] [--max-calls-in-flight N] [--no-collect] [--role-grant-page N]',
    );
  const options: WorkerOptions = { url, imports };
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--plan-only') options.planOnly = true;
    else if (rest[i] === '--plan-out') options.planOut = rest[++i];
    else if (rest[i] === '--speed') options.speed = Number(rest[++i]);
    else if (rest[i] === '--row-window') options.rowWindow = Number(rest[++i]);
    else if (rest[i] === '--max-calls-in-flight') options.maxCallsInFlight = Number(rest[++i]);
    else if (rest[i] === '--no-collect') options.noCollect = true;
    else if (rest[i] === '--role-grant-page') options.roleGrantPage = Number(rest[++i]);
    else throw new Error(`worker: unknown argument ${rest[i]}`);
  }
  return options;
}

/** Sends the report to the parent (IPC) or prints it; exit code 0 ok, 1 rows failed, 2 crashed. */
export async function main(run: (options: WorkerOptions) => Promise<WorkerReport>): Promise<void> {
  try {
    const report = await run(parseWorkerArgs(process.argv.slice(2)));
    if (process.send) await new Promise<void>((resolve) => process.send!(report, () => resolve()));
    else console.log(JSON.stringify(report, null, 2));
    process.exitCode = report.ok ? 0 : 1;
  } catch (error) {
    console.error(`worker: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(runWorker);
