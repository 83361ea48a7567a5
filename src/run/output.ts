// What the CLI and the Action write besides their reports: progress lines and the results files.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Progress } from '../apply/apply.js';
import { resultsToCsv, type ApplyResult } from '../apply/results.js';
import { secrets } from '../secrets.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  now: () => Date;
  /** Resolves when the user stops a long-running command (the sandbox server): Ctrl-C. */
  interrupted: () => Promise<void>;
}

/**
 * Progress on stderr, so that stdout stays the report (and JSON stays parseable): a line at each
 * tenth of a phase's rows, and at least every 10 s while calls are being answered (a large create
 * phase takes minutes before its first row finishes).
 */
export function progressPrinter(io: Pick<CliIo, 'stderr'>, now: () => number = Date.now) {
  const shown = new Map<string, number>();
  let lastAt = now();
  return (progress: Progress) => {
    const { phase, done, total } = progress;
    const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
    const newTenth = (shown.get(phase) ?? -1) < tenth;
    if (!newTenth && now() - lastAt < 10_000) return;
    shown.set(phase, Math.max(tenth, shown.get(phase) ?? -1));
    lastAt = now();
    io.stderr(`  ${progressLine(progress)}\n`);
  };
}

/** `people 120/1000 · phones 0/1000 · calls 1,420/6,031 (6 retried) · 3 waiting for new users to appear · about 15 min left` */
export function progressLine(progress: Progress): string {
  const { people, phones, calls, waitingForNewUsers, etaSeconds } = progress;
  const retried = calls.retries > 0 ? ` (${calls.retries.toLocaleString('en-US')} retried)` : '';
  const parts = [
    `people ${people.done}/${people.total}`,
    `phones ${phones.done}/${phones.total}`,
    `calls ${calls.done.toLocaleString('en-US')}/${(calls.planned + calls.retries).toLocaleString('en-US')}${retried}`,
  ];
  // A new user reaches authorization, routing and telephony seconds after its create: say why we wait.
  if (waitingForNewUsers > 0) parts.push(`${waitingForNewUsers} waiting for new users to appear`);
  if (etaSeconds !== null) {
    parts.push(
      etaSeconds < 90
        ? `about ${Math.ceil(etaSeconds)} s left`
        : `about ${Math.ceil(etaSeconds / 60)} min left`,
    );
  }
  return parts.join(' · ');
}

/** Every file the CLI and the Action write (plan, results, invite report) passes the one scrubber. */
export async function writeFileMaking(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, secrets.scrub(content));
}

/** `--results out/results.json` writes that JSON and `out/results.csv` beside it. */
export async function writeResults(
  file: string,
  result: ApplyResult,
  io: Pick<CliIo, 'stderr'>,
): Promise<string[]> {
  const stem = file.replace(/\.(json|csv)$/i, '');
  const json = `${stem}.json`;
  const csv = `${stem}.csv`;
  await writeFileMaking(json, `${JSON.stringify(result, null, 2)}\n`);
  await writeFileMaking(csv, resultsToCsv(result.rows));
  io.stderr(`Results written to ${json} and ${csv}\n`);
  return [json, csv];
}
