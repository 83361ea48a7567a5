// Apply runs in a child process that is SIGKILLed part-way, several times, at different points (while
// creating people, during their follow-ups, while creating phones); each rerun re-plans against the org
// as the killed run left it. The runs must converge to exactly the rows, with nothing duplicated.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ImportSet } from '../../src/csv/types.js';
import { loadImports } from '../../src/imports.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { duplicates, FAST_REAL, isWrite, orgProblems, writeGeneratedImports } from './fixtures.js';

const ROWS = 40;
/**
 * The child's own pauses (the 1 s gap between one user's writes, the 2 s wait after a version race)
 * shortened 10 times, as the sandbox's lags are (FAST_REAL): what is killed is the same work, sooner.
 */
const SPEED = 10;
/** Kill the run when the org has seen this many writes in all (each run starts below the next mark). */
const KILL_AT = [12, 45, 100, 135, 180];

let sandbox: Sandbox;
let root: string;
/** test/helpers/apply-child.ts bundled once: a child then starts in 0.4 s instead of 1.3 s with tsx. */
let childScript: string;
let imports: ImportSet;

const writes = () =>
  Object.entries(sandbox.stats().requests.byRoute)
    .filter(([route]) => isWrite(route))
    .reduce((sum, [, n]) => sum + n, 0);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  writesAtKill: number | null;
  /** What the org held when the run had ended. */
  after: Stage;
}

interface Stage {
  users: number;
  /** People whose follow-up PATCH (manager, location) has landed. */
  managed: number;
  phones: number;
  defaults: number;
}

function stage(): Stage {
  const state = sandbox.state();
  const ours = state.users.filter((u) => u.email.startsWith('load.person.'));
  return {
    users: ours.length,
    managed: ours.filter((u) => u.managerId !== null).length,
    phones: state.phones.filter((p) => p.name.startsWith('Load Person')).length,
    defaults: ours.filter((u) => u.defaultStationId !== null).length,
  };
}

/** Starts the child; kills it with SIGKILL as soon as the org has seen `killAt` writes. */
function run(killAt: number | null): Promise<Run> {
  const child: ChildProcess = spawn(
    process.execPath,
    [childScript, sandbox.url, path.join(root, 'imports'), '300', String(SPEED)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let writesAtKill: number | null = null;
  const watch =
    killAt === null
      ? null
      : setInterval(() => {
          if (writesAtKill === null && writes() >= killAt) {
            writesAtKill = writes();
            child.kill('SIGKILL');
          }
        }, 1);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      if (watch) clearInterval(watch);
      resolve({ code, signal, stdout, stderr, writesAtKill, after: stage() });
    });
  });
}

/** One ESM file with every dependency, as scripts/build.mjs bundles the CLI (the SDK calls require()). */
async function bundleChild(outfile: string): Promise<void> {
  await build({
    entryPoints: ['test/helpers/apply-child.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);",
    },
  });
}

const runs: Run[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    rateLimitPerMinute: 6000,
    rateWindowSeconds: 60,
    userSearchLagMs: 200,
    stationLagMs: 200,
    real: FAST_REAL,
  });
  root = await mkdtemp(path.join(tmpdir(), 'gc-onboard-kill-'));
  childScript = path.join(root, 'apply-child.mjs');
  await bundleChild(childScript);
  await writeGeneratedImports(path.join(root, 'imports'), ROWS);
  imports = await loadImports(path.join(root, 'imports'));
  for (const mark of KILL_AT) runs.push(await run(mark));
  // Then until a run ends by itself (the first one should).
  for (let i = 0; i < 3; i += 1) {
    const last = await run(null);
    runs.push(last);
    if (last.code === 0) break;
  }
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a run killed part-way, then run again', () => {
  it('was really killed at every mark, part-way through each kind of work', () => {
    const killed = runs.slice(0, KILL_AT.length);
    for (const [i, r] of killed.entries()) {
      expect(r.signal, `run ${i + 1}: ${r.stderr}`).toBe('SIGKILL');
      expect(r.writesAtKill).toBeGreaterThanOrEqual(KILL_AT[i] ?? 0);
    }
    const stages = killed.map((r) => r.after);
    // While creating people; while their follow-ups ran; while creating phones; before every default was set.
    const seen = JSON.stringify(stages);
    expect(
      stages.some((s) => s.users > 0 && s.users < ROWS),
      seen,
    ).toBe(true);
    // (Follow-ups run beside the creates: some people managed, not all.)
    expect(
      stages.some((s) => s.managed > 0 && s.managed < ROWS),
      seen,
    ).toBe(true);
    expect(
      stages.some((s) => s.phones > 0 && s.phones < ROWS),
      seen,
    ).toBe(true);
    expect(
      stages.some((s) => s.phones === ROWS && s.defaults < ROWS),
      seen,
    ).toBe(true);
  });

  it('finishes on the first run after the kills, with every row done', () => {
    const last = runs[KILL_AT.length];
    expect(last?.code, last?.stderr).toBe(0);
    const report = JSON.parse(last?.stdout ?? '{}');
    expect(report.ok).toBe(true);
    expect(report.failed).toEqual([]);
    // The last killed run left work behind: the rerun had something left to do, and only that.
    expect(
      report.summary.people.create +
        report.summary.people.update +
        report.summary.phones.create +
        report.summary.phones.update,
    ).toBeGreaterThan(0);
  });

  it('converges to exactly the rows, with no duplicate user, phone, grant or membership', () => {
    const state = sandbox.state();
    expect(duplicates(state)).toEqual([]);
    expect(orgProblems(state, imports)).toEqual([]);
    expect(state.users.filter((u) => u.email.startsWith('load.person.'))).toHaveLength(ROWS);
    expect(state.invites).toEqual([]);
  });

  it('makes no write on one more run', async () => {
    const before = writes();
    const again = await run(null);
    expect(again.code, again.stderr).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report.summary.people).toMatchObject({ create: 0, update: 0, unchanged: ROWS });
    expect(report.summary.phones).toMatchObject({ create: 0, update: 0, unchanged: ROWS });
    expect(writes()).toBe(before);
  });
});
