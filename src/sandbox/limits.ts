// The rate limiter (fixed window per token) and the seeded fault generator.

import type { SandboxFaults } from './types.js';

export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Requests counted in the current window, this one included when allowed. */
  count: number;
  /** Whole seconds until the window resets (at least 1). */
  resetSeconds: number;
}

/** N requests per window per key; requests over the limit are refused and not counted. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  take(key: string, now: number): RateDecision {
    let window = this.windows.get(key);
    if (!window || now >= window.start + this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    const resetSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    if (window.count >= this.limit)
      return { allowed: false, limit: this.limit, count: window.count, resetSeconds };
    window.count++;
    return { allowed: true, limit: this.limit, count: window.count, resetSeconds };
  }

  clear(): void {
    this.windows.clear();
  }
}

/** mulberry32: a tiny seeded PRNG, enough to make fault sequences reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type FaultKind = 'drop' | 'commitThenDrop' | 'rate503' | 'rate429';

export interface FaultDecision {
  kind: FaultKind | null;
  spikeMs: number;
}

const KINDS: readonly FaultKind[] = ['drop', 'commitThenDrop', 'rate503', 'rate429'];

function checkShare(name: string, value: number | undefined): number {
  const share = value ?? 0;
  if (!(share >= 0 && share <= 1)) throw new Error(`sandbox: faults.${name} must be a share from 0 to 1`);
  return share;
}

/**
 * Draws exactly two numbers per /api/v2 request (fault, spike), whatever the outcome, so the
 * same seed and the same request sequence always give the same faults.
 */
export class FaultGenerator {
  private random: () => number;
  private readonly shares: Record<FaultKind, number>;
  private readonly spikeRate: number;
  private readonly spikeMs: number;

  constructor(
    faults: SandboxFaults,
    private readonly seed: number,
  ) {
    this.shares = {
      drop: checkShare('drop', faults.drop),
      commitThenDrop: checkShare('commitThenDrop', faults.commitThenDrop),
      rate503: checkShare('rate503', faults.rate503),
      rate429: checkShare('rate429', faults.rate429),
    };
    if (KINDS.reduce((sum, k) => sum + this.shares[k], 0) > 1 + 1e-9) {
      throw new Error('sandbox: the fault shares add up to more than 1');
    }
    this.spikeRate = checkShare('latencySpikeRate', faults.latencySpikeRate);
    this.spikeMs = Math.max(0, faults.latencySpikeMs ?? 0);
    this.random = mulberry32(seed);
  }

  next(): FaultDecision {
    const roll = this.random();
    const spikeRoll = this.random();
    let kind: FaultKind | null = null;
    let edge = 0;
    for (const k of KINDS) {
      edge += this.shares[k];
      if (roll < edge) {
        kind = k;
        break;
      }
    }
    return { kind, spikeMs: spikeRoll < this.spikeRate ? this.spikeMs : 0 };
  }

  reset(): void {
    this.random = mulberry32(this.seed);
  }
}
