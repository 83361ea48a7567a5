// The CLI as a test drives it: argv in, the exit code and everything printed out, with the env, the
// clock and Ctrl-C given by the test instead of the process.
import { runCli, type CliIo } from '../../src/cli/run.js';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  /** The CLI's clock (today, the invite date); a fixed instant unless a test needs another. */
  now?: Date;
  /** Resolves when the user presses Ctrl-C: at once by default, so a sandbox server stops at once. */
  interrupted?: () => Promise<void>;
  /** Sees stdout as it grows, for a test that must read it while the command still runs. */
  onStdout?: (stdoutSoFar: string) => void;
}

/** 2026-11-25 12:00 UTC: a week before the demo batch's training day (2026-12-01). */
export const CLI_NOW = new Date('2026-11-25T12:00:00Z');

/** Runs `gc-onboard <argv>` in process and returns what it printed and its exit code. */
export async function runCliCaptured(argv: string[], options: CliOptions = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const now = options.now ?? CLI_NOW;
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
      options.onStdout?.(stdout);
    },
    stderr: (text) => (stderr += text),
    env: options.env ?? {},
    now: () => now,
    interrupted: options.interrupted ?? (() => Promise.resolve()),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
