import { describe, expect, it } from 'vitest';
import type { Progress } from '../../src/apply/apply.js';
import { progressLine, progressPrinter } from '../../src/run/output.js';

const progress = (overrides: Partial<Progress>): Progress => ({
  phase: 'people',
  done: 0,
  total: 1000,
  people: { done: 0, total: 1000 },
  phones: { done: 0, total: 1000 },
  calls: { done: 0, planned: 6025, retries: 0 },
  waitingForNewUsers: 0,
  elapsedSeconds: 0,
  etaSeconds: null,
  ...overrides,
});

describe('progress', () => {
  it('says rows per phase, calls against the plan and the time left', () => {
    expect(
      progressLine(
        progress({
          people: { done: 120, total: 1000 },
          calls: { done: 1420, planned: 6025, retries: 0 },
          etaSeconds: 900,
        }),
      ),
    ).toBe('people 120/1000 · phones 0/1000 · calls 1,420/6,025 · about 15 min left');
    expect(progressLine(progress({ etaSeconds: 42.2 }))).toBe(
      'people 0/1000 · phones 0/1000 · calls 0/6,025 · about 43 s left',
    );
  });

  it('counts retried calls and says when calls wait for new users to appear', () => {
    expect(
      progressLine(
        progress({ calls: { done: 30, planned: 63, retries: 6 }, waitingForNewUsers: 3, etaSeconds: 12 }),
      ),
    ).toBe(
      'people 0/1000 · phones 0/1000 · calls 30/69 (6 retried) · 3 waiting for new users to appear · about 12 s left',
    );
  });

  it('prints at each tenth of a phase and otherwise at most every 10 s', () => {
    let clock = 0;
    const lines: string[] = [];
    const print = progressPrinter({ stderr: (text) => lines.push(text) }, () => clock);
    print(progress({ done: 0 })); // first tenth (0)
    print(progress({ done: 5 })); // same tenth, no time passed
    clock = 11_000;
    print(progress({ done: 6 })); // same tenth, 11 s later: a heartbeat
    print(progress({ done: 100 })); // next tenth
    print(progress({ done: 150 }));
    print(progress({ phase: 'phones', done: 0 })); // a new phase
    expect(lines).toHaveLength(4);
  });
});
