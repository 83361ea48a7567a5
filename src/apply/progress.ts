// What apply tells its caller as it goes: rows and calls done, retries, new users waited for, and the
// time left at the pace of the calls so far.
import type { Phase } from './bounds.js';

export interface Progress {
  /** The phase whose row just finished, or whose call just answered. */
  phase: Phase;
  /** Rows of this phase finished (done or failed) and rows it has to write. */
  done: number;
  total: number;
  people: { done: number; total: number };
  phones: { done: number; total: number };
  /**
   * API calls answered so far (retries included), about how many the plan needs when nothing is
   * retried (reconciling reads aside), and the calls made again so far because a new user was not
   * visible yet or a version race was lost (re-reads included): planned + retries − done are left.
   */
  calls: { done: number; planned: number; retries: number };
  /** Calls pausing right now until a user created in this run reaches their service (404 so far). */
  waitingForNewUsers: number;
  /** Seconds since apply started. */
  elapsedSeconds: number;
  /** Seconds left at the pace of the calls so far (they are paced to the rate limit); null before the first. */
  etaSeconds: number | null;
}

/** The counters behind Progress; reports after every change when the caller listens. */
export class ProgressCounter {
  private readonly rows: Record<Phase, { done: number; total: number }>;
  private readonly calls: Progress['calls'];
  private waitingForNewUsers = 0;

  constructor(
    totals: Record<Phase, number>,
    plannedCalls: number,
    private readonly clock: { now: () => number; started: number },
    private readonly listener?: (progress: Progress) => void,
  ) {
    this.rows = { people: { done: 0, total: totals.people }, phones: { done: 0, total: totals.phones } };
    this.calls = { done: 0, planned: plannedCalls, retries: 0 };
  }

  /** A row of `phase` finished (done or failed). */
  rowDone(phase: Phase): void {
    this.rows[phase].done += 1;
    this.report(phase);
  }

  callAnswered(phase: Phase): void {
    this.calls.done += 1;
    this.report(phase);
  }

  /** A call sent again (or a re-read) because of a new user's 404 or a version race. */
  retried(): void {
    this.calls.retries += 1;
  }

  /** A call starts (+1) or stops (−1) waiting for a new user; reported when one starts. */
  waiting(delta: 1 | -1, phase: Phase): void {
    this.waitingForNewUsers += delta;
    if (delta > 0) this.report(phase);
  }

  private report(phase: Phase): void {
    if (!this.listener) return;
    const elapsed = (this.clock.now() - this.clock.started) / 1000;
    const { done, planned, retries } = this.calls;
    const left = Math.max(0, planned + retries - done);
    this.listener({
      phase,
      done: this.rows[phase].done,
      total: this.rows[phase].total,
      people: { ...this.rows.people },
      phones: { ...this.rows.phones },
      calls: { ...this.calls },
      waitingForNewUsers: this.waitingForNewUsers,
      elapsedSeconds: elapsed,
      etaSeconds: done === 0 ? null : (elapsed / done) * left,
    });
  }
}
