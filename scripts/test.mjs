// `npm test`: the typecheck and lint (scripts/check.mjs, one TypeScript program for both) side by
// side with vitest instead of before it. The check keeps one core busy, and vitest's files spend much
// of their time waiting on the sandbox's lags and pacing, so on 2 cores the two together finish well
// before the sum of their times (figures in docs/development.md). vitest prints as it runs; the
// check's output is held and printed after it, so the two never interleave. Any extra arguments go to
// vitest (`npm test -- test/csv`). The exit code is the first non-zero one.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** A package's command-line script, run with this Node (no shell, no .bin shims: the same on every OS). */
const script = (file) => fileURLToPath(new URL(`../node_modules/${file}`, import.meta.url));

/** Runs a command; `held` keeps its output until the end instead of streaming it. */
function run(label, args, held) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  let output = '';
  if (held) {
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
  }
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ label, code: 1, output: `${error.message}\n`, seconds: 0 }));
    child.on('close', (code, signal) =>
      resolve({
        label,
        code: code ?? (signal ? 1 : 0),
        output,
        seconds: (performance.now() - started) / 1000,
      }),
    );
  });
}

const results = await Promise.all([
  run('vitest', [script('vitest/vitest.mjs'), 'run', ...process.argv.slice(2)], false),
  run('typecheck and lint (scripts/check.mjs)', [fileURLToPath(new URL('check.mjs', import.meta.url))], true),
]);

for (const { label, code, output, seconds } of results) {
  const verdict = code === 0 ? 'passed' : `failed (exit ${code})`;
  process.stdout.write(`\n${label}: ${verdict} in ${seconds.toFixed(1)} s\n${output}`);
}
process.exitCode = results.find((result) => result.code !== 0)?.code ?? 0;
