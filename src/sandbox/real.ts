// The real-org behaviours (types.ts RealBehaviours): their defaults, and the runtime state a few of
// them need across requests (writes in flight per user, seeded draws).

import { ApiError, conflict, notFound } from './errors.js';
import { mulberry32 } from './limits.js';
import type { UserRec } from './store.js';
import type { RealBehaviours, SandboxOptions } from './types.js';

export const REAL_DEFAULTS: Readonly<RealBehaviours> = Object.freeze({
  phoneFieldsOnRequest: true,
  phoneListCap: 10_000,
  deletedPhones: true,
  authorizationLagMs: 2000,
  routingLagMs: 3000,
  telephonyLagMs: 4000,
  versionRaces: true,
  versionRaceWindowMs: 500,
  versionRaceRate: 0.2,
  staleVersion400Share: 0.5,
  addressShapes: true,
  datesOnlyWithExpand: true,
  expandDropRate: 0.02,
  defaultStationNeedsCallAdd: true,
  usersSearchPerMinute: 180,
  phoneWritesPerMinute: 180,
  roleGrantSubjectCap: 100,
  specContract: true,
});

/** Every behaviour off: the lenient sandbox (`real: false`). Spread it to isolate one behaviour. */
export const REAL_OFF: Readonly<RealBehaviours> = Object.freeze({
  phoneFieldsOnRequest: false,
  phoneListCap: 0,
  deletedPhones: false,
  authorizationLagMs: 0,
  routingLagMs: 0,
  telephonyLagMs: 0,
  versionRaces: false,
  versionRaceWindowMs: 0,
  versionRaceRate: 0,
  staleVersion400Share: 0,
  addressShapes: false,
  datesOnlyWithExpand: false,
  expandDropRate: 0,
  defaultStationNeedsCallAdd: false,
  usersSearchPerMinute: 0,
  phoneWritesPerMinute: 0,
  roleGrantSubjectCap: 0,
  specContract: false,
});

const SHARES = ['versionRaceRate', 'staleVersion400Share', 'expandDropRate'] as const;
const AMOUNTS = [
  'phoneListCap',
  'authorizationLagMs',
  'routingLagMs',
  'telephonyLagMs',
  'versionRaceWindowMs',
  'usersSearchPerMinute',
  'phoneWritesPerMinute',
  'roleGrantSubjectCap',
] as const;

export function realBehavioursOf(option: SandboxOptions['real']): RealBehaviours {
  // An explicit `undefined` keeps the default, as an absent key does.
  const given = Object.fromEntries(Object.entries(option || {}).filter(([, v]) => v !== undefined));
  const real: RealBehaviours = option === false ? { ...REAL_OFF } : { ...REAL_DEFAULTS, ...given };
  for (const key of SHARES) {
    if (!(real[key] >= 0 && real[key] <= 1))
      throw new Error(`sandbox: real.${key} must be a share from 0 to 1`);
  }
  for (const key of AMOUNTS) {
    if (!(Number.isFinite(real[key]) && real[key] >= 0))
      throw new Error(`sandbox: real.${key} must be a number ≥ 0`);
  }
  return real;
}

export type Service = 'authorization' | 'routing' | 'telephony';

export const VERSION_RACE_MESSAGE =
  'The version number of the modified resource must match the version number in the database.';

/** Distinct seeds per stream, so one behaviour's draws never shift another's (or the faults'). */
const STREAM = { race: 0x9e3779b9, stale: 0x85ebca6b, expand: 0xc2b2ae35 } as const;

export class RealRuntime {
  /** How often each behaviour answered in place of the plain result (for stats: what a client paid). */
  readonly answered = { newUserLag: 0, versionRace: 0, stale400: 0, expandDropped: 0 };
  private readonly inFlight = new Map<string, number>();
  private readonly lastWrite = new Map<string, number>();
  private raceDraw: () => number;
  private staleDraw: () => number;
  private expandDraw: () => number;

  constructor(
    readonly behaviours: RealBehaviours,
    private readonly seed: number,
  ) {
    this.raceDraw = mulberry32(seed ^ STREAM.race);
    this.staleDraw = mulberry32(seed ^ STREAM.stale);
    this.expandDraw = mulberry32(seed ^ STREAM.expand);
  }

  reset(): void {
    for (const key of Object.keys(this.answered) as (keyof RealRuntime['answered'])[]) this.answered[key] = 0;
    this.inFlight.clear();
    this.lastWrite.clear();
    this.raceDraw = mulberry32(this.seed ^ STREAM.race);
    this.staleDraw = mulberry32(this.seed ^ STREAM.stale);
    this.expandDraw = mulberry32(this.seed ^ STREAM.expand);
  }

  private lagMs(service: Service): number {
    const b = this.behaviours;
    return service === 'authorization'
      ? b.authorizationLagMs
      : service === 'routing'
        ? b.routingLagMs
        : b.telephonyLagMs;
  }

  /** 404 as for an unknown user while `service` has not yet heard of a user created here. */
  assertKnownTo(service: Service, user: UserRec, now: number): void {
    if (user.createdAtMs === null || now >= user.createdAtMs + this.lagMs(service)) return;
    this.answered.newUserLag += 1;
    throw notFound(`The user ${user.id} could not be found.`, user.id);
  }

  // --- version races (server side: a version-checked write to a user, arrival to response) -----------

  beginWrite(userId: string): void {
    if (!this.behaviours.versionRaces) return;
    this.inFlight.set(userId, (this.inFlight.get(userId) ?? 0) + 1);
  }

  endWrite(userId: string, succeeded: boolean, now: number): void {
    if (!this.behaviours.versionRaces) return;
    const left = (this.inFlight.get(userId) ?? 1) - 1;
    if (left > 0) this.inFlight.set(userId, left);
    else this.inFlight.delete(userId);
    if (succeeded) this.lastWrite.set(userId, now);
  }

  /** 409 for skills bulk and station PUTs racing another write to the same user's version. */
  assertNoRace(userId: string, now: number): void {
    if (!this.behaviours.versionRaces) return;
    const raced = (this.inFlight.get(userId) ?? 0) > 1 || this.drawInWindow(userId, now);
    if (!raced) return;
    this.answered.versionRace += 1;
    throw conflict(VERSION_RACE_MESSAGE, userId);
  }

  private drawInWindow(userId: string, now: number): boolean {
    const last = this.lastWrite.get(userId);
    if (last === undefined || now - last > this.behaviours.versionRaceWindowMs) return false;
    return this.raceDraw() < this.behaviours.versionRaceRate;
  }

  /** A stale PATCH: 409 `general.conflict`, or (seeded share) 400 with the same message. */
  staleVersion(message: string, userId: string): ApiError {
    const as400 = this.behaviours.versionRaces && this.staleDraw() < this.behaviours.staleVersion400Share;
    if (!as400) return conflict(message, userId);
    this.answered.stale400 += 1;
    return new ApiError(400, 'bad.request', message, [{ errorCode: 'bad.request', entityId: userId }]);
  }

  /** Best-effort expands: true when this requested expand is left out of this user in a listing. */
  dropsExpand(): boolean {
    const rate = this.behaviours.expandDropRate;
    const dropped = rate > 0 && this.expandDraw() < rate;
    if (dropped) this.answered.expandDropped += 1;
    return dropped;
  }
}
