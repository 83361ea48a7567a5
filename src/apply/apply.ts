// Carries out a Plan: people are created a window at a time, and each person's follow-ups (PATCH,
// skills) and phone start as soon as that person and their manager exist, so that creates and
// follow-ups share the rate limit (the phone writes' own lower limit never leaves it idle); the writes
// that span people (role grants, queue joins, division moves) go in bulk; last, the default stations
// of new phones, whose stations are listed once.
// Every write is reconciled so that a retry after a dropped response, a crash or a kill converges
// instead of duplicating: a 409 on create means "find it and continue", a stale version means "read
// it again and check". Never an invite, never a delete.
// A real org is eventually consistent (real-api.md §2, §3): follow-ups to a user created in this run
// retry 404 while it reaches the other services, version-checked writes to one user (PATCH, skills,
// default station, division move) run one at a time and retry a lost version race.
import { permissionGate } from '../permissions/forbidden.js';
import type { Plan, PersonPlan, PhonePlan } from '../plan/types.js';
import { counted, inFlightAtMost, inWindow, type Phase } from './bounds.js';
import { planGrantCalls, ROLE_GRANT_PAGE, sendGrants, usersOf, type GrantNeed } from './grants.js';
import type { OrgWriter, UserRecord } from './org.js';
import { ensurePhone, findStations, STATION_PAGE } from './phones.js';
import { ProgressCounter, type Progress } from './progress.js';
import { RowResults, type ApplyResult } from './results.js';
import { errorLine, retrying, UserLanes, type RetrySettings, type WriteKind } from './retry.js';
import { ensureLocation, ensureUser, managerKey, patchPerson, RowFailure } from './users.js';

export type { Progress } from './progress.js';

export interface ApplyOptions {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** For the jitter of version-race pauses. */
  random?: () => number;
  /** First look for new phones' stations this long after the last phone was created (the station index lags). */
  stationFirstPollMs?: number;
  /** Give up on a station (or on a user the search index does not show yet) after this long. */
  indexWaitMs?: number;
  /** Retry a 404 on a follow-up to a user created in this run for this long (all tries; default 30 s). */
  newUserWaitMs?: number;
  /** Tries of a PATCH, skills or default-station write that loses version races (default 5). */
  versionTries?: number;
  /** Mean pause before retrying a version race, jittered ±50 % (default 2 s, as Terraform waits on stations). */
  versionRetryMs?: number;
  /** Least time between two version-checked writes to one user (default 1 s): close ones race more. */
  userWriteGapMs?: number;
  /**
   * Calls started and not yet answered, at most (default 128): enough to keep a pool of clients busy
   * at any limit (the transport puts 16 a client on the wire), few enough to bound memory.
   */
  maxCallsInFlight?: number;
  /**
   * Rows whose writes are under way at once, at most (default 256): follow-ups (beside at most half
   * of maxCallsInFlight creates), then default stations each start a row as another finishes. Enough
   * rows to keep the calls in flight
   * busy while some rows wait (a new user's 404, the gap between one user's writes); few enough that
   * memory does not grow with the batch.
   */
  rowWindow?: number;
  /**
   * Called after every `rowWindow` rows finish a step: the CLI and the Action pass a full garbage
   * collection for large plans (run/memory.ts), which keeps peak memory near the live heap.
   */
  collectGarbage?: () => void;
  /** Subjects per bulk role grant call (default ROLE_GRANT_PAGE, 100; the org's cap when the team set it). */
  roleGrantPage?: number;
  onProgress?: (progress: Progress) => void;
}

const defaults = {
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  random: () => Math.random(),
  stationFirstPollMs: 2_000,
  indexWaitMs: 60_000,
  newUserWaitMs: 30_000,
  versionTries: 5,
  versionRetryMs: 2_000,
  userWriteGapMs: 1_000,
  maxCallsInFlight: 128,
  rowWindow: 256,
  roleGrantPage: ROLE_GRANT_PAGE,
};
type Settings = typeof defaults & RetrySettings & Pick<ApplyOptions, 'onProgress' | 'collectGarbage'>;

export async function applyPlan(
  plan: Plan,
  writer: OrgWriter,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const invalid = plan.findings.filter((finding) => finding.severity === 'error');
  if (invalid.length > 0) {
    return {
      ok: false,
      refused: `${invalid.length} validation error${invalid.length === 1 ? '' : 's'} in the imports: nothing was changed`,
      rows: [],
      locationsCreated: [],
      seconds: 0,
    };
  }
  return new ApplyRun(plan, writer, { ...defaults, ...withoutUndefined(options) }).run();
}

/** A person's row and their phone rows: one user, whose writes go in order. */
interface Unit {
  person: PersonPlan | null;
  phones: PhonePlan[];
}

/** A phone row waiting for the station of its new phone, which is looked up once for all. */
interface StationWanted {
  phone: PhonePlan;
  userId: string;
}

/** A bulk write across people (queue join, division move), sent once all its people have started. */
interface BulkChunk {
  left: number;
  send: () => Promise<void>;
}

const writes = (action: string) => action === 'create' || action === 'update';

/** One apply: what it knows of the org so far, and the bookkeeping of rows, calls and progress. */
class ApplyRun {
  private readonly started: number;
  private readonly people: PersonPlan[];
  private readonly phones: PhonePlan[];
  private readonly rows: RowResults;
  private readonly progress: ProgressCounter;
  private readonly org: OrgWriter;
  private readonly gate: { denied: () => unknown };
  private readonly lanes: UserLanes;
  private readonly locations = { ids: new Map<string, string>(), errors: new Map<string, unknown>() };
  private readonly locationsCreated: string[] = [];
  /** Every person's user id by email key: existing people's from the plan, new ones' once created. */
  private readonly userIds = new Map<string, string>();
  /** Users this run created (or whose lost create it met): only their 404s mean "not there yet". */
  private readonly newUsers = new Set<string>();
  /** What the create returned, until that row's PATCH has used it. */
  private readonly records = new Map<PersonPlan, UserRecord>();
  /** Creates that met their own earlier write (409): that user may lack part of the create body. */
  private readonly adopted = new Set<PersonPlan>();
  private grants = new Map<string, Promise<void>>();
  /** Settles once every create has and the role grants are sent (a person's follow-ups wait on it). */
  private readonly grantsSent = deferred();
  /** Each new person's create, settled when it has succeeded or failed: follow-ups wait on it. */
  private readonly creates = new Map<string, Deferred>();
  /** People whose writes are done and whose row waits only for their grants' answers. */
  private readonly settling: Array<Promise<void>> = [];
  private readonly bulkOf = new Map<PersonPlan, BulkChunk[]>();
  private readonly bulkWork: Array<Promise<void>> = [];
  private readonly stationsWanted: StationWanted[] = [];
  private countryRead: Promise<string | null> | undefined;
  /** Rows that finished a windowed step, for the collector every `rowWindow` of them. */
  private finished = 0;

  constructor(
    private readonly plan: Plan,
    writer: OrgWriter,
    private readonly settings: Settings,
  ) {
    this.started = settings.now();
    this.people = plan.batches.flatMap((batch) => batch.people);
    this.phones = plan.batches.flatMap((batch) => batch.phones);
    this.rows = new RowResults(this.people, this.phones);
    this.progress = new ProgressCounter(
      {
        people: this.people.filter((p) => writes(p.action)).length,
        phones: this.phones.filter((p) => writes(p.action)).length,
      },
      plannedCalls(plan, settings.roleGrantPage),
      { now: settings.now, started: this.started },
      settings.onProgress,
    );
    const bounded = inFlightAtMost(writer, settings.maxCallsInFlight);
    // The first 403 stops the run: later calls fail at once instead of meeting it row after row.
    const gate = permissionGate(counted(bounded, (phase) => this.progress.callAnswered(phase)));
    this.org = gate.wrapped;
    this.gate = gate;
    this.lanes = new UserLanes({ now: settings.now, sleep: settings.sleep, gapMs: settings.userWriteGapMs });
  }

  async run(): Promise<ApplyResult> {
    // Locations first: the people who name them need their ids.
    await Promise.all(this.plan.locationsToCreate.map((location) => this.createLocation(location.name)));
    const writing = this.people.filter((p) => writes(p.action));
    this.planBulk(writing);
    const units = unitsOf(
      writing,
      this.phones.filter((phone) => writes(phone.action)),
    );
    // Creates and follow-ups in two windows side by side: a row's follow-ups wait for its person and
    // their manager, and queue behind the creates already under way, which gives a new user time to
    // reach the other services before its first write there.
    const creating = this.createPeople();
    const following = inWindow(
      units,
      this.settings.rowWindow,
      this.tidied((unit) => this.followUp(unit)),
    );
    following.catch(noop); // awaited below, once the creates are done
    try {
      await creating;
      // Grants group people across the batch: sent once everyone who can be granted exists.
      this.sendGrants(writing.filter((person) => this.userIds.has(person.emailKey)));
    } finally {
      // Released whatever happened, so that no follow-up waits for grants forever.
      this.grantsSent.resolve();
    }
    await following;
    await Promise.all([...this.settling, ...this.bulkWork]);
    await this.setNewDefaultStations();
    // The very error the first 403 rejected with, as it was (the gate keeps it as an Error).
    const denied = this.gate.denied();
    if (denied instanceof Error) throw denied;
    const rows = this.rows.all();
    return {
      ok: rows.every((row) => row.outcome !== 'failed' && row.outcome !== 'held'),
      refused: null,
      rows,
      locationsCreated: this.locationsCreated.sort(),
      seconds: (this.settings.now() - this.started) / 1000,
    };
  }

  private async createLocation(name: string): Promise<void> {
    try {
      this.locations.ids.set(name, await ensureLocation(this.org, name));
      this.locationsCreated.push(name);
    } catch (error) {
      this.locations.errors.set(name, error);
    }
  }

  private async createPeople(): Promise<void> {
    for (const person of this.people) {
      if (person.userId !== null && person.action !== 'error')
        this.userIds.set(person.emailKey, person.userId);
    }
    const creates = this.people.filter((person) => person.action === 'create');
    for (const person of creates) this.creates.set(person.emailKey, deferred());
    // Half the calls in flight at most: the other half stays open to the follow-ups, whose phones wait
    // on their own lower limit; creates running further ahead would only leave the limit idle later.
    await inWindow(
      creates,
      Math.min(this.settings.rowWindow, Math.max(1, Math.floor(this.settings.maxCallsInFlight / 2))),
      this.tidied(async (person) => {
        try {
          const { record, adopted } = await ensureUser(this.org, person, this.settings);
          this.records.set(person, record);
          if (adopted) this.adopted.add(person);
          this.userIds.set(person.emailKey, record.id);
          this.newUsers.add(record.id);
          this.rows.of(person).userId = record.id;
        } catch (error) {
          this.rows.fail(person, [error]);
          this.progress.rowDone('people');
        } finally {
          this.creates.get(person.emailKey)?.resolve();
        }
      }),
    );
  }

  /** Once this person's create and their manager's (when the run creates them) have settled. */
  private async exists(person: PersonPlan): Promise<void> {
    const manager = person.manager && !person.manager.userId ? managerKey(person.manager) : null;
    await Promise.all([
      this.creates.get(person.emailKey)?.promise,
      manager ? this.creates.get(manager)?.promise : undefined,
    ]);
  }

  /** A person's role grants: settled when every grant call naming them has answered. */
  private async grantsOf(userId: string): Promise<void> {
    await this.grantsSent.promise;
    await this.grants.get(userId);
  }

  /** `work`, and after every `rowWindow` rows that finish it, the collector large plans are given. */
  private tidied<T>(work: (item: T) => Promise<void>): (item: T) => Promise<void> {
    return async (item) => {
      await work(item);
      this.finished += 1;
      if (this.finished % this.settings.rowWindow === 0) this.settings.collectGarbage?.();
    };
  }

  /**
   * Role grants (not version-checked, so alongside everything else): one call per role, division set
   * and page of people (`roleGrantPage`), or one bulkadd for someone whose roles nobody else shares
   * (grants.ts). Sent at once after the last create (they group people across the batch): they are
   * few, and a default station waits for its person's.
   */
  private sendGrants(followUps: PersonPlan[]): void {
    const calls = planGrantCalls(
      followUps.map((person) => ({ userId: this.idOf(person), grants: person.grants })),
      this.settings.roleGrantPage,
    );
    this.grants = sendGrants(calls, {
      send: (call, firstTry) =>
        this.retried(
          'people',
          { newUser: firstTry && usersOf(call).some((id) => this.newUsers.has(id)), versioned: false },
          () =>
            call.kind === 'role'
              ? this.org.grantRole(call.roleId, call.divisionIds, call.userIds)
              : this.org.addGrants(call.userId, call.grants),
        ),
    });
    // Awaited by each person's row (and its phone's), which report it.
    for (const work of this.grants.values()) work.catch(() => undefined);
  }

  /**
   * Queue joins in 100s per queue, division moves in 100s per division. Each is sent once every person
   * in it has started their follow-ups (or failed to be created), so that a move joins its people's
   * lanes after their PATCH and skills (a move bumps the version too) and a join goes out after their
   * PATCH, like theirs. Someone whose create failed is left out.
   */
  private planBulk(people: PersonPlan[]): void {
    const isNew = (person: PersonPlan) => this.newUsers.has(this.idOf(person));
    const joins = groupBy(people, (person) => person.queueIds);
    const moves = groupBy(people, (person) => (person.moveToDivisionId ? [person.moveToDivisionId] : []));
    this.addBulk(joins, (queueId, chunk, ids) =>
      this.retried('people', { newUser: chunk.some(isNew), versioned: false }, () =>
        this.org.addQueueMembers(queueId, ids),
      ),
    );
    this.addBulk(moves, (divisionId, _chunk, ids) =>
      this.lanes.run(ids, () => this.org.moveUsers(divisionId, ids)),
    );
  }

  private addBulk(
    groups: Map<string, PersonPlan[]>,
    write: (key: string, chunk: PersonPlan[], ids: string[]) => Promise<void>,
  ): void {
    for (const [key, members] of groups) {
      for (const planned of chunks(members, 100)) {
        const bulk: BulkChunk = {
          left: planned.length,
          send: async () => {
            const chunk = planned.filter((person) => this.userIds.has(person.emailKey));
            if (chunk.length === 0) return;
            await write(
              key,
              chunk,
              chunk.map((person) => this.idOf(person)),
            ).catch((error: unknown) => chunk.forEach((person) => this.rows.fail(person, [error])));
          },
        };
        for (const person of planned) this.bulkOf.set(person, [...(this.bulkOf.get(person) ?? []), bulk]);
      }
    }
  }

  /** The person has started their follow-ups: send the bulk writes that waited only for them. */
  private bulkReady(person: PersonPlan): void {
    for (const bulk of this.bulkOf.get(person) ?? []) {
      bulk.left -= 1;
      if (bulk.left === 0) this.bulkWork.push(bulk.send());
    }
    this.bulkOf.delete(person);
  }

  /**
   * One user's follow-ups: the PATCH, then (in the user's lane) skills; the phone once the PATCH has
   * answered, so that a new user has had a moment to reach telephony and a batch's calls interleave
   * (the phone writes' own lower limit never holds back the other calls). The default station of a
   * new phone waits for the one station listing after every row.
   */
  private async followUp(unit: Unit): Promise<void> {
    if (unit.person) await this.exists(unit.person);
    // A person whose create failed has no follow-ups; their phones are skipped as not created.
    const created = unit.person !== null && this.userIds.has(unit.person.emailKey);
    const person = unit.person && created ? this.personFollowUps(unit.person) : null;
    if (unit.person) this.bulkReady(unit.person);
    await person?.patched;
    await Promise.all([person?.written, ...unit.phones.map((phone) => this.phoneRow(phone))]);
    // The row is finished once its grants have answered too; they go after the last create, and the
    // window moves on meanwhile.
    if (person) this.settling.push(person.done);
  }

  /** PATCH and skills in the user's lane, one after the other (they race on the user's version). */
  private personFollowUps(person: PersonPlan): {
    patched: Promise<void>;
    written: Promise<void>;
    done: Promise<void>;
  } {
    const userId = this.idOf(person);
    const newUser = this.newUsers.has(userId);
    const patched = this.lanes.run([userId], () =>
      patchPerson({
        org: this.org,
        person,
        userId,
        created: this.records.get(person),
        adopted: this.adopted.has(person),
        userIds: this.userIds,
        locations: this.locations,
        country: () => (this.countryRead ??= this.org.defaultCountryCode()),
        // After a race the PATCH re-reads the user first: one more call, counted with the retries.
        retry: (patch) =>
          this.retried('people', { newUser: false, versioned: true }, (afterRace) => {
            if (afterRace) this.progress.retried();
            return patch(afterRace);
          }),
      }),
    );
    const skills = chunks(person.skills, 50).map((part) =>
      this.lanes.run([userId], () =>
        this.retried('people', { newUser, versioned: true }, () => this.org.setSkills(userId, part)),
      ),
    );
    const written = Promise.allSettled([patched, ...skills]);
    const done = Promise.all([written, Promise.allSettled([this.grantsOf(userId)])]).then(
      ([outcomes, grants]) => {
        const errors = [...outcomes, ...grants].flatMap((o) =>
          o.status === 'rejected' ? [o.reason as unknown] : [],
        );
        if (errors.length > 0) this.rows.fail(person, errors);
        this.progress.rowDone('people');
      },
    );
    return {
      patched: patched.then(noop, noop),
      written: written.then(() => void this.records.delete(person)),
      done,
    };
  }

  /** A phone row: its phone, and its default station unless its station must be looked up first. */
  private async phoneRow(phone: PhonePlan): Promise<void> {
    try {
      const userId = this.placePhone(phone);
      if (userId === null) return this.progress.rowDone('phones');
      const newUser = this.newUsers.has(userId);
      if (phone.action === 'create') {
        const created = await ensurePhone(this.org, phone, userId, (create) =>
          this.retried('phones', { newUser, versioned: false }, create),
        );
        this.rows.of(phone).phoneId = created.id;
      }
      if (phone.stationId === null) {
        this.stationsWanted.push({ phone, userId });
        return;
      }
      // Its default waits for the grants, which go after the last create: outside the window, so
      // the row's lane moves on meanwhile.
      const stationId = phone.stationId;
      this.settling.push(
        this.makeDefault(phone, userId, stationId)
          .catch((error: unknown) => this.rows.fail(phone, [error]))
          .then(() => this.progress.rowDone('phones')),
      );
      return;
    } catch (error) {
      this.rows.fail(phone, [error]);
    }
    this.progress.rowDone('phones');
  }

  /** The phone's user id, or null (and the row skipped) when its person was not created. */
  private placePhone(phone: PhonePlan): string | null {
    const result = this.rows.of(phone);
    const userId = phone.person.userId ?? this.userIds.get(phone.person.emailKey);
    if (userId) {
      result.userId = userId;
      return userId;
    }
    const owner = phone.person.row
      ? `its person (${phone.person.row.file}:${phone.person.row.line})`
      : 'its person';
    result.outcome = 'skip';
    result.error = `not created: ${owner} ${phone.person.email} was not created`;
    return null;
  }

  /** New phones' stations, looked up together (one listing instead of a call each), then made default. */
  private async setNewDefaultStations(): Promise<void> {
    const wanted = this.stationsWanted.splice(0);
    if (wanted.length === 0) return;
    const userIds = [...new Set(wanted.map((w) => w.userId))];
    const found = await findStations(this.org, userIds, this.settings);
    await inWindow(
      wanted,
      this.settings.rowWindow,
      this.tidied(async ({ phone, userId }) => {
        try {
          const station = found.get(userId) ?? new RowFailure('its station was not found; run apply again');
          if (station instanceof Error) throw station;
          await this.makeDefault(phone, userId, station);
        } catch (error) {
          this.rows.fail(phone, [error]);
        }
        this.progress.rowDone('phones');
      }),
    );
  }

  /**
   * The default station needs its person to hold conversation:call:add, which a new person gets from
   * this run's grants: it waits for them. Then it joins the user's lane, after the PATCH and skills.
   */
  private async makeDefault(phone: PhonePlan, userId: string, stationId: string): Promise<void> {
    this.rows.of(phone).stationId = stationId;
    await this.grantsOf(userId).catch((error: unknown) => {
      throw new RowFailure(
        `not made the default phone: its person's role grants failed, and a default phone needs the person to hold conversation:call:add (${errorLine(error)})`,
      );
    });
    const newUser = this.newUsers.has(userId);
    await this.lanes.run([userId], () =>
      this.retried('phones', { newUser, versioned: true }, () =>
        this.org.setDefaultStation(userId, stationId),
      ),
    );
  }

  /** A write with the retries its kind allows, counted for progress. */
  private retried<T>(phase: Phase, kind: WriteKind, write: (afterRace: boolean) => Promise<T>): Promise<T> {
    return retrying(write, kind, this.settings, {
      retried: () => this.progress.retried(),
      waiting: (delta) => this.progress.waiting(delta, phase),
    });
  }

  private idOf(person: PersonPlan): string {
    return this.userIds.get(person.emailKey) as string;
  }
}

/**
 * The rows' work by user, in plan order: each person to follow up with their phones, then the phones
 * of people the batch does not write (existing, unchanged people).
 */
function unitsOf(people: PersonPlan[], phoneRows: PhonePlan[]): Unit[] {
  const units: Unit[] = [];
  const byEmail = new Map<string, Unit>();
  for (const person of people) {
    const unit: Unit = { person, phones: [] };
    units.push(unit);
    byEmail.set(person.emailKey, unit);
  }
  for (const phone of phoneRows) {
    const unit = byEmail.get(phone.person.emailKey);
    if (unit) unit.phones.push(phone);
    else {
      const own: Unit = { person: null, phones: [phone] };
      units.push(own);
      byEmail.set(phone.person.emailKey, own);
    }
  }
  return units;
}

/** The calls the plan needs when nothing fails and no answer is lost: the basis of the time-left estimate. */
export function plannedCalls(plan: Plan, roleGrantPage = ROLE_GRANT_PAGE): number {
  let calls = plan.locationsToCreate.length;
  const queueMembers = new Map<string, number>();
  const divisionMoves = new Map<string, number>();
  let newPhones = 0;
  const grants: GrantNeed[] = [];
  for (const batch of plan.batches) {
    for (const person of batch.people) {
      if (!writes(person.action)) continue;
      if (person.action === 'create') calls += 1;
      if (Object.keys(person.patch).length > 0 || person.manager || person.location) calls += 1;
      grants.push({ userId: person.emailKey, grants: person.grants });
      calls += Math.ceil(person.skills.length / 50);
      for (const queueId of person.queueIds) queueMembers.set(queueId, (queueMembers.get(queueId) ?? 0) + 1);
      if (person.moveToDivisionId)
        divisionMoves.set(person.moveToDivisionId, (divisionMoves.get(person.moveToDivisionId) ?? 0) + 1);
    }
    for (const phone of batch.phones) {
      if (phone.action === 'create') newPhones += 1;
      if (writes(phone.action)) calls += 1;
      if (phone.action === 'update' && phone.stationId === null) calls += 1;
    }
  }
  calls += planGrantCalls(grants, roleGrantPage).length;
  for (const n of [...queueMembers.values(), ...divisionMoves.values()]) calls += Math.ceil(n / 100);
  calls += newPhones + (newPhones > 1 ? Math.ceil(newPhones / STATION_PAGE) : newPhones);
  return calls;
}

function groupBy<T>(items: T[], keys: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function noop(): void {}

/** `{...defaults, ...options}` must not let an explicit `undefined` replace a default. */
function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** A promise with its resolve at hand. */
interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

function deferred(): Deferred {
  let resolve: () => void = noop;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}
