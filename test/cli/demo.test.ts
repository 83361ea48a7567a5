// `gc-onboard demo` (npm start) reads the same whatever day it runs: its calendar is pinned
// (DEMO_TODAY), so a clock years past the demo batch's training day changes nothing it plans or invites.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_TODAY, runDemo } from '../../src/cli/demo.js';
import type { CliIo } from '../../src/cli/run.js';
import { FAST_APPLY, FAST_REAL, QUICK_SANDBOX } from '../helpers/sandbox.js';

afterEach(() => {
  vi.useRealTimers();
});

async function demoOutput(): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
    env: {},
    now: () => new Date(),
    interrupted: () => Promise.resolve(),
  };
  const code = await runDemo(io, { sandbox: { ...QUICK_SANDBOX, real: FAST_REAL }, apply: FAST_APPLY });
  return { code, stdout };
}

describe('gc-onboard demo', () => {
  it('plans as on its pinned day and invites on the training day, even years later', async () => {
    // Only Date is faked (timers stay real, and the fake clock moves with them): the sandbox's
    // lags and the transport's pacing run as usual, but "now" is in 2031.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-06-01T09:00:00Z'), shouldAdvanceTime: true });
    const { code, stdout } = await demoOutput();
    expect(code).toBe(0);
    expect(stdout).toContain(`it plans as on ${DEMO_TODAY} and invites on the training day`);
    expect(stdout).not.toContain('in the past');
    expect(stdout).not.toContain('days away');
    expect(stdout).toContain('invite on the training day (2026-12-01)');
    expect(stdout).toContain('student-services: 10 invites sent · 0 people skipped.');
    // The second scheduled run skips everyone: invites go out once.
    expect(stdout).toContain('student-services: 0 invites sent · 10 people skipped.');
  }, 60_000);
});
