// What bounds apply's memory at a high rate limit: rows start their follow-ups in a window of a few
// hundred (inWindow), and at most so many calls are started and not yet answered (inFlightAtMost).
// Unbounded, a 10,000-person apply at 100,000 calls a minute held every row's pending work and
// request at once (peak RSS 1.37 GB).
import type { OrgWriter } from './org.js';

export type Phase = 'people' | 'phones';

/** Every OrgWriter method (the type makes sure none is missed), and the phase its calls belong to. */
export const PHASE_OF: Record<keyof OrgWriter, Phase> = {
  createLocation: 'people',
  findLocation: 'people',
  createUser: 'people',
  findUserByEmail: 'people',
  getUser: 'people',
  defaultCountryCode: 'people',
  patchUser: 'people',
  moveUsers: 'people',
  addGrants: 'people',
  grantRole: 'people',
  addQueueMembers: 'people',
  setSkills: 'people',
  createPhone: 'phones',
  findPhoneByName: 'phones',
  findPhoneByUser: 'phones',
  findStation: 'phones',
  listStations: 'phones',
  setDefaultStation: 'phones',
};

type Calls = Record<string, (...args: unknown[]) => Promise<unknown>>;

/**
 * Runs `work` for every item, at most `size` at once, starting them in order: the next starts as soon
 * as one settles. `work` keeps its own failures (a rejection stops no other item, but is passed on).
 */
export async function inWindow<T>(
  items: Iterable<T>,
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const next = items[Symbol.iterator]();
  const lane = async () => {
    for (let item = next.next(); !item.done; item = next.next()) await work(item.value);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.floor(size)) }, lane));
}

/**
 * The same writer, with at most `limit` calls started and not yet answered; the others wait their turn
 * in the order they were made. Started calls are what the transport holds (a request and its body
 * each).
 */
export function inFlightAtMost(org: OrgWriter, limit: number): OrgWriter {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  const slot = (): Promise<void> => {
    if (running < limit) {
      running += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) =>
      waiting.push(() => {
        running += 1;
        resolve();
      }),
    );
  };
  const call = org as unknown as Calls;
  const wrapped: Calls = {};
  for (const name of Object.keys(PHASE_OF)) {
    wrapped[name] = async (...args: unknown[]) => {
      await slot();
      try {
        return await call[name]!(...args);
      } finally {
        release();
      }
    };
  }
  return wrapped as unknown as OrgWriter;
}

/** The same writer, telling `answered` after each call settles (for progress and the time left). */
export function counted(org: OrgWriter, answered: (phase: Phase) => void): OrgWriter {
  const call = org as unknown as Calls;
  const wrapped: Calls = {};
  for (const [name, phase] of Object.entries(PHASE_OF)) {
    wrapped[name] = (...args: unknown[]) => call[name]!(...args).finally(() => answered(phase));
  }
  return wrapped as unknown as OrgWriter;
}
