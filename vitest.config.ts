import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The suites that take 20–40 s of mostly waiting (real-org lags, child processes, 10,000-person
 * orgs), measured with `npx vitest run --reporter=verbose`. Started first, they overlap the many
 * short files instead of running alone at the end. A file missing here only loses its head start.
 */
const LONG_SUITES = [
  'test/realorg/merges.test.ts',
  'test/e2e/action.test.ts',
  'test/apply/kill.test.ts',
  'test/apply/token-expiry.test.ts',
  'test/export/scale.test.ts',
  'test/action/policy-judge.test.ts',
  'test/genesys/snapshot.test.ts',
];

/**
 * Vitest's order (slowest first by the last run's durations, kept in node_modules/.vite; larger
 * files first in a fresh clone, where there are none), with the long suites moved to the front.
 */
class LongSuitesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isLong = (file: TestSpecification) =>
      LONG_SUITES.some((suite) => file.moduleId.replaceAll('\\', '/').endsWith(suite));
    return [...sorted.filter(isLong), ...sorted.filter((file) => !isLong(file))];
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Forks, not threads: some tests change the working directory (process.chdir), which a worker
    // thread may not do.
    pool: 'forks',
    // Files share a worker's module cache instead of re-importing src/ and the Genesys SDK each: this
    // halves the suite's CPU time (docs/development.md). Safe because no test mocks a module; the
    // tests that stub env, stdout, timers or the working directory undo it in finally or afterEach,
    // and what stays process-wide (the secret scrubber) only ever learns more secrets.
    isolate: false,
    // Vitest's default is one worker per core less one: a single worker on a 2-core machine. Most of
    // our suites wait on a sandbox's lags and pacing rather than compute, so several files side by
    // side finish in a fraction of the time.
    maxWorkers: 4,
    sequence: { sequencer: LongSuitesFirst },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
