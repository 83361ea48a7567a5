// What the bench and the soak share: command-line flags, child processes, tables and result files.

import { execFileSync, fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { markdownTable } from 'markdown-table';

import type { ApplyOptions } from '../src/apply/apply.js';
import { REAL_DEFAULTS, type SandboxOptions } from '../src/sandbox/index.js';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

/** `--name value` and `--flag` pairs; anything else is a usage error. */
export function parseFlags(
  argv: string[],
  known: Record<string, 'value' | 'flag'>,
): Map<string, string | true> {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s, 2) : [undefined, undefined];
    const kind = name === undefined ? undefined : known[name];
    if (name === undefined || kind === undefined) throw new UsageError(`unknown argument ${arg}`);
    if (kind === 'flag') flags.set(name, true);
    else {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    }
  }
  return flags;
}

export class UsageError extends Error {}

export function numberFlag(
  flags: Map<string, string | true>,
  name: string,
  fallback: number,
  min = 0,
): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!(Number.isFinite(value) && value >= min)) throw new UsageError(`--${name} must be a number ≥ ${min}`);
  return value;
}

export function listFlag(flags: Map<string, string | true>, name: string, fallback: number[]): number[] {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const values = String(raw)
    .split(',')
    .map((part) => Number(part.replace(/_/g, '').trim()));
  if (values.some((n) => !(Number.isInteger(n) && n > 0))) {
    throw new UsageError(`--${name} takes positive whole numbers separated by commas`);
  }
  return values;
}

export interface ChildOutcome<T> {
  /** The message the child sent (its report), or null when it sent none (killed, crashed). */
  report: T | null;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when `killWhen` fired and the child was SIGKILLed. */
  killed: boolean;
  stderr: string;
}

/**
 * Runs `bench/<script>` in a child Node process (with tsx) and waits for it. `killWhen` is polled every
 * few milliseconds; when it returns true the child gets SIGKILL, like a runner that loses its machine.
 */
export function runChild<T>(
  script: string,
  args: string[],
  killWhen?: () => boolean,
  nodeFlags: string[] = [],
): Promise<ChildOutcome<T>> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(BENCH_DIR, script), args, {
      execArgv: [...nodeFlags, '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let report: T | null = null;
    let killed = false;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('message', (message) => {
      report = message as T;
    });
    const timer = killWhen
      ? setInterval(() => {
          if (!killed && killWhen()) {
            killed = true;
            child.kill('SIGKILL');
          }
        }, 2)
      : undefined;
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      resolve({ report, code, signal, killed, stderr });
    });
  });
}

/** A markdown table (it reads well in a terminal and pastes into the README as it is). */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  return markdownTable([header, ...rows.map((row) => row.map(String))], {
    align: header.map((_, i) => (i === 0 ? 'l' : 'r')),
  });
}

export const fixed = (value: number, digits = 1) => value.toFixed(digits);

/** `1234567` → `1,234,567`. */
export const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

export async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** `2026-11-25T16-46-53` for file names. */
export function stamp(date = new Date()): string {
  return date.toISOString().slice(0, 19).replace(/:/g, '-');
}

/** Which code made the figures: the commit, and the files under src/ changed since it (read-only git). */
export function sourceVersion(): { commit: string; changedSrc: string[] } {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: path.dirname(BENCH_DIR),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  try {
    return {
      commit: git('rev-parse', '--short', 'HEAD').trim(),
      changedSrc: git('status', '--porcelain', '--', 'src')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(3)),
    };
  } catch {
    return { commit: 'unknown', changedSrc: [] };
  }
}

// ---------------------------------------------------------------------------------------------
// Scaled runs. The benchmarks run at many times a real org's 300 calls a minute so that 1,000 people
// take a minute, not twenty. A real org's lags and waits (a new user reaching each service, the station
// index, version races, apply's own pauses) are in seconds of wall time; left as they are, a 20× run
// would see them 20 times larger against its calls than a real run does. So every wait is shortened
// by the same speed-up, and the per-resource limits raised by it: a scaled run stands for a real one.

/** The per-token limit of a real org (real-api.md §9), which a scaled run stands for. */
export const REAL_RATE = 300;

/** How many times faster than a real org a run at `rate` calls a minute goes (at least 1). */
export const speedOf = (rate: number) => Math.max(1, rate / REAL_RATE);

/** The sandbox's real-org behaviours, all on, with their waits shortened and limits raised by `speed`. */
export function realAtSpeed(
  speed: number,
): Pick<SandboxOptions, 'real' | 'userSearchLagMs' | 'stationLagMs'> {
  const d = REAL_DEFAULTS;
  const shorter = (ms: number) => Math.round(ms / speed);
  return {
    real: {
      authorizationLagMs: shorter(d.authorizationLagMs),
      routingLagMs: shorter(d.routingLagMs),
      telephonyLagMs: shorter(d.telephonyLagMs),
      versionRaceWindowMs: shorter(d.versionRaceWindowMs),
      usersSearchPerMinute: Math.round(d.usersSearchPerMinute * speed),
      phoneWritesPerMinute: Math.round(d.phoneWritesPerMinute * speed),
    },
    userSearchLagMs: shorter(2000),
    stationLagMs: shorter(2000),
  };
}

/** Apply's own waits (src/apply/apply.ts defaults), shortened by `speed`. */
export function applyAtSpeed(speed: number): ApplyOptions {
  const shorter = (ms: number) => Math.round(ms / speed);
  return {
    stationFirstPollMs: shorter(2_000),
    indexWaitMs: shorter(60_000),
    newUserWaitMs: shorter(30_000),
    versionRetryMs: shorter(2_000),
    userWriteGapMs: shorter(1_000),
  };
}
