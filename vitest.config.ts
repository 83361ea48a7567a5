import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Vitest's default is one worker per core less one: a single worker on a 2-core machine. Most of
    // our suites wait on a sandbox's lags and pacing rather than compute, so three files side by side
    // finish in about half the time.
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
