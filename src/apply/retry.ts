// How apply survives a real org's eventual consistency (see real-api.md §2, §3): a user created a
// moment ago answers 404 in the other services for a few seconds, and writes to one user's
// version-checked resources race each other. Pure rules here; apply.ts wires them to its counters.

/**
 * The HTTP status an error carries (GenesysApiError and the fakes of the tests), if any; for a write
 * whose retries ran out, the status of its last try.
 */
export function statusOf(error: unknown): number | undefined {
  if (error instanceof RetriesExhausted) return error.lastStatus;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

// The reconcile rules of apply, named once. Every place that decides what an error means reads them.

/** The thing exists already (409): a create met someone's earlier write, maybe our own lost one. */
export function isConflict(error: unknown): boolean {
  return statusOf(error) === 409;
}

/**
 * A phone's name or user is taken: 409, or the 400 telephony answers for a name in use. Either may be
 * our own earlier write whose answer was lost.
 */
export function isTaken(error: unknown): boolean {
  const status = statusOf(error);
  return status === 409 || status === 400;
}

/** Not found (404): a new user not yet in a service, or one unknown subject in a bulk call. */
export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

/**
 * A bulk call over the org's subject cap, whatever it is (the docs name none): 413, or a 400 that says
 * "at most" or the like.
 */
export function isTooLarge(error: unknown): boolean {
  const status = statusOf(error);
  return status === 413 || (status === 400 && /at most|too many|maximum|exceed/i.test(errorLine(error)));
}

/**
 * A write that lost a race on the user's version: 409 or 408, or a 400 that says so (Terraform's
 * IsVersionMismatch; a stale PATCH may answer 400 "… does not match the current version", the
 * station PUT 409 "The version number of the modified resource must match …").
 */
export function isVersionRace(error: unknown): boolean {
  const status = statusOf(error);
  if (status === 409 || status === 408) return true;
  if (status !== 400) return false;
  const { detail, message } = (error ?? {}) as { detail?: unknown; message?: unknown };
  const text = [detail, message].filter((part) => typeof part === 'string').join(' ');
  return /does not match the current version|version[^.]*must match/i.test(text);
}

/**
 * Why a write of this kind is worth sending again after `error`, or null when the error is final: a
 * 404 about a user created in this run (not there yet), or a lost version race on a versioned write.
 */
export function retryWhen(error: unknown, kind: WriteKind): 'new user' | 'version race' | null {
  if (kind.newUser && isNotFound(error)) return 'new user';
  if (kind.versioned && isVersionRace(error)) return 'version race';
  return null;
}

/** Pauses between tries while a new user is not visible yet: 0.5 s doubling, at most 4 s each. */
export function newUserPause(tries: number): number {
  return Math.min(500 * 2 ** (tries - 1), 4_000);
}

export interface RetrySettings {
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** 0 ≤ x < 1, for the jitter of race pauses. */
  random: () => number;
  /** How long a 404 on a user created in this run is retried, all tries together. */
  newUserWaitMs: number;
  /** Tries of a version-checked write (the first included) before a version race is final. */
  versionTries: number;
  /** Mean pause before retrying a version race (jittered ±50 %). */
  versionRetryMs: number;
}

export interface RetryEvents {
  /** A call is sent again (or re-read) because of a 404 on a new user or a version race. */
  retried: () => void;
  /** A call starts (+1) or stops (-1) waiting for a new user to reach its service. */
  waiting: (delta: 1 | -1) => void;
}

export interface WriteKind {
  /** The write names a user created in this run: a 404 means "not there yet", not "gone". */
  newUser: boolean;
  /** The write is checked against the user's version: a race is retried. */
  versioned: boolean;
}

/** Why a row failed after its retries ran out; `lastStatus` is the status of the last try. */
export class RetriesExhausted extends Error {
  constructor(
    message: string,
    readonly lastStatus?: number,
  ) {
    super(message);
  }
}

/**
 * Runs `write` until it succeeds, retrying only what `kind` allows: a 404 on a new user with growing
 * pauses for `newUserWaitMs` in all, a version race `versionTries` times with jittered pauses.
 * `write` learns whether the previous try lost a version race, so that it can re-read first.
 */
export async function retrying<T>(
  write: (afterRace: boolean) => Promise<T>,
  kind: WriteKind,
  settings: RetrySettings,
  events: RetryEvents,
): Promise<T> {
  const started = settings.now();
  let tries = 0;
  let races = 0;
  let afterRace = false;
  for (;;) {
    tries += 1;
    try {
      return await write(afterRace);
    } catch (error) {
      afterRace = false;
      const why = retryWhen(error, kind);
      if (why === 'new user') {
        const pause = newUserPause(tries - races);
        const waited = settings.now() - started;
        if (waited + pause > settings.newUserWaitMs) {
          throw new RetriesExhausted(
            `${errorLine(error)}; still not found after ${tries} tries in ${(waited / 1000).toFixed(1)} s (a new user takes a while to reach every service): run apply again`,
            404,
          );
        }
        events.waiting(1);
        try {
          await settings.sleep(pause);
        } finally {
          events.waiting(-1);
        }
      } else if (why === 'version race') {
        races += 1;
        if (races >= settings.versionTries) {
          throw new RetriesExhausted(
            `${errorLine(error)}; the user's version kept changing (${races} tries): run apply again`,
            statusOf(error),
          );
        }
        await settings.sleep(settings.versionRetryMs * (0.5 + settings.random()));
        afterRace = true;
      } else {
        throw error;
      }
      events.retried();
    }
  }
}

export function errorLine(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One queue of version-checked writes per user: a write starts when every earlier write to each of its
 * users has settled, and `gapMs` after the last of them (a real org may still be settling the previous
 * version: writes that follow it closely race more often), so no two run at once on one user. The
 * order is the order of `run` calls; a write's own retries happen inside it, so nothing overtakes them.
 */
export class UserLanes {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastDone = new Map<string, number>();

  constructor(
    private readonly pace: { now: () => number; sleep: (ms: number) => Promise<void>; gapMs: number },
  ) {}

  run<T>(userIds: string[], write: () => Promise<T>): Promise<T> {
    const before = userIds.flatMap((id) => this.tails.get(id) ?? []);
    const start = (): Promise<T> => {
      const last = Math.max(...userIds.map((id) => this.lastDone.get(id) ?? -Infinity));
      const wait = last + this.pace.gapMs - this.pace.now();
      return wait > 0 ? this.pace.sleep(wait).then(write) : write();
    };
    // A free lane starts the write at once, so calls reach the transport in the order they are made.
    const result = before.length === 0 ? startNow(start) : Promise.all(before).then(start);
    const done = () => {
      for (const id of userIds) this.lastDone.set(id, this.pace.now());
    };
    const settled = result.then(done, done);
    for (const id of userIds) this.tails.set(id, settled);
    // A lane with nothing queued keeps only its last time: a finished user holds no promise.
    void settled.then(() => {
      for (const id of userIds) if (this.tails.get(id) === settled) this.tails.delete(id);
    });
    return result;
  }
}

function startNow<T>(write: () => Promise<T>): Promise<T> {
  try {
    return write();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
