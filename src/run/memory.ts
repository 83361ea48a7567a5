// Keeping a large apply's memory near what it holds. V8 lets the heap grow to 2–4 times its live size
// before a full collection, so a 10,000-person apply that holds 60–100 MB peaked at 665 MiB. A full
// collection after every window of rows keeps the heap close to its live size, at a few tens of ms
// each. The collector is reached the way Jest's leak detector reaches it: the --expose-gc flag set at
// run time, and the `gc` it defines read from a new context. Where that fails, nothing is collected.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Plan } from '../plan/types.js';

/** Below this many rows the heap stays small anyway: no forced collection. */
export const TIDY_FROM_ROWS = 1_000;

let collector: (() => void) | null | undefined;

/** A full garbage collection, or null when this runtime does not give one. */
export function fullCollection(): (() => void) | null {
  if (collector !== undefined) return collector;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    collector = typeof gc === 'function' ? () => (gc as () => void)() : null;
  } catch {
    collector = null;
  }
  return collector;
}

/** The collector apply calls after each window of rows of `plan` (none for a small plan). */
export function collectorFor(plan: Plan): { collectGarbage: () => void } | Record<string, never> {
  const rows = plan.batches.reduce((sum, batch) => sum + batch.people.length + batch.phones.length, 0);
  const collect = rows >= TIDY_FROM_ROWS ? fullCollection() : null;
  return collect ? { collectGarbage: collect } : {};
}
