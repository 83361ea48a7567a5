// What the CLI writes besides its report: progress on stderr and the results files.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resultsToCsv, type ApplyResult } from '../apply/results.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  now: () => Date;
  /** Resolves when the user stops a long-running command (the sandbox server): Ctrl-C. */
  interrupted: () => Promise<void>;
}

/** Progress on stderr, so that stdout stays the report (and JSON stays parseable). */
export function progressPrinter(io: Pick<CliIo, 'stderr'>) {
  const shown = new Map<string, number>();
  return ({ phase, done, total }: { phase: string; done: number; total: number }) => {
    const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
    if ((shown.get(phase) ?? -1) >= tenth) return;
    shown.set(phase, tenth);
    io.stderr(`  ${phase}: ${done}/${total}\n`);
  };
}

export async function writeFileMaking(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, content);
}

/** `--results out/results.json` writes that JSON and `out/results.csv` beside it. */
export async function writeResults(file: string, result: ApplyResult, io: Pick<CliIo, 'stderr'>): Promise<string[]> {
  const stem = file.replace(/\.(json|csv)$/i, '');
  const json = `${stem}.json`;
  const csv = `${stem}.csv`;
  await writeFileMaking(json, `${JSON.stringify(result, null, 2)}\n`);
  await writeFileMaking(csv, resultsToCsv(result.rows));
  io.stderr(`Results written to ${json} and ${csv}\n`);
  return [json, csv];
}
