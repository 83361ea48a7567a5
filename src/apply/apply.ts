// Carries out a Plan: people are created first; then each person's phone (and default station) and
// the follow-ups that need other users or ids (manager, grants, queues, skills, moves). Every write is reconciled so that a retry after a dropped response, a
// crash or a kill converges instead of duplicating: a 409 on create means "find it and continue", a
// stale version means "read it again and check". Never an invite, never a delete.
// A real org is eventually consistent (real-api.md §2, §3): follow-ups to a user created in this run
// retry 404 while it reaches the other services, version-checked writes to one user (PATCH, skills,
// default station, division move) run one at a time and retry a lost version race.
import { permissionGate } from '../doctor/forbidden.js';
import { isWorkPhone, readWorkPhone, sameExtension, sameNumber } from '../phone-number.js';
import type { Contact } from '../plan/snapshot.js';
import type { Plan, PersonPlan, PhonePlan } from '../plan/types.js';
import type { OrgWriter, PhoneRecord, UserRecord, UserUpdate } from './org.js';
import { planGrantCalls, sendGrants, usersOf, type GrantNeed } from './grants.js';
import type { ApplyResult, RowResult } from './results.js';
import { errorLine, retrying, statusOf, UserLanes, type RetrySettings, type WriteKind } from './retry.js';

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
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  /** The phase whose row just finished, or whose call just answered. */
  phase: 'people' | 'phones';
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

/** A row that cannot go on, with a message for the results. */
class RowFailure extends Error {}

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
};
type Settings = typeof defaults & RetrySettings & Pick<ApplyOptions, 'onProgress'>;

/** Listing stations costs a call per 100; below that many waiting phones, ask per user. */
const STATION_PAGE = 100;

export async function applyPlan(
  plan: Plan,
  writer: OrgWriter,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  let org = writer;
  const settings: Settings = { ...defaults, ...withoutUndefined(options) };
  const started = settings.now();
  const people = plan.batches.flatMap((batch) => batch.people);
  const phones = plan.batches.flatMap((batch) => batch.phones);

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

  const results = new Map<PersonPlan | PhonePlan, RowResult>();
  for (const person of people) results.set(person, personResult(person));
  for (const phone of phones) results.set(phone, phoneResult(phone));
  const resultOf = (row: PersonPlan | PhonePlan) => results.get(row) as RowResult;
  const messagesOf = new Map<RowResult, string[]>();
  const fail = (row: PersonPlan | PhonePlan, errors: unknown[]) => {
    const result = resultOf(row);
    const messages = messagesOf.get(result) ?? (result.error ? [result.error] : []);
    for (const message of errors.map(errorLine)) if (!messages.includes(message)) messages.push(message);
    messagesOf.set(result, messages);
    result.outcome = 'failed';
    result.error = messages.join('; ');
  };

  const writes = (action: string) => action === 'create' || action === 'update';
  const rows = {
    people: { done: 0, total: people.filter((p) => writes(p.action)).length },
    phones: { done: 0, total: phones.filter((p) => writes(p.action)).length },
  };
  const calls = { done: 0, planned: plannedCalls(plan), retries: 0 };
  let waitingForNewUsers = 0;
  const report = (phase: 'people' | 'phones') => {
    if (!settings.onProgress) return;
    const elapsed = (settings.now() - started) / 1000;
    const left = Math.max(0, calls.planned + calls.retries - calls.done);
    settings.onProgress({
      phase,
      done: rows[phase].done,
      total: rows[phase].total,
      people: { ...rows.people },
      phones: { ...rows.phones },
      calls: { ...calls },
      waitingForNewUsers,
      elapsedSeconds: elapsed,
      etaSeconds: calls.done === 0 ? null : (elapsed / calls.done) * left,
    });
  };
  const tick = (phase: 'people' | 'phones') => {
    rows[phase].done += 1;
    report(phase);
  };
  // Bounded, so that a high limit does not queue every row's calls (and their request objects) at once.
  org = counted(inFlightAtMost(writer, settings.maxCallsInFlight), (phase) => {
    calls.done += 1;
    report(phase);
  });
  // The first 403 stops the run: later calls fail at once instead of meeting it row after row.
  const gate = permissionGate(org);
  org = gate.wrapped;
  /** A write with the retries its kind allows, counted for progress. */
  const retried = <T>(
    phase: 'people' | 'phones',
    kind: WriteKind,
    write: (afterRace: boolean) => Promise<T>,
  ) =>
    retrying(write, kind, settings, {
      retried: () => {
        calls.retries += 1;
      },
      waiting: (delta) => {
        waitingForNewUsers += delta;
        if (delta > 0) report(phase);
      },
    });
  /** The org's default country, read at most once and only to compare a work phone (real-api.md §4). */
  let countryRead: Promise<string | null> | undefined;
  const country = () => (countryRead ??= org.defaultCountryCode());
  const lanes = new UserLanes({ now: settings.now, sleep: settings.sleep, gapMs: settings.userWriteGapMs });

  // Locations first: the people who name them need their ids.
  const locationIds = new Map<string, string>();
  const locationErrors = new Map<string, unknown>();
  const locationsCreated: string[] = [];
  await Promise.all(
    plan.locationsToCreate.map(async (location) => {
      try {
        locationIds.set(location.name, await ensureLocation(org, location.name));
        locationsCreated.push(location.name);
      } catch (error) {
        locationErrors.set(location.name, error);
      }
    }),
  );

  // 1. Create every new person, so that managers and phones can refer to them.
  const userIds = new Map<string, string>();
  const records = new Map<PersonPlan, UserRecord>();
  /** Creates that met their own earlier write (409): that user may lack part of the create body. */
  const adoptedUsers = new Set<PersonPlan>();
  /** Users this run created (or whose lost create it met): only their 404s mean "not there yet". */
  const newUsers = new Set<string>();
  for (const person of people) {
    if (person.userId !== null && person.action !== 'error') userIds.set(person.emailKey, person.userId);
  }
  await Promise.all(
    people
      .filter((person) => person.action === 'create')
      .map(async (person) => {
        try {
          const { record, adopted } = await ensureUser(org, person, settings);
          records.set(person, record);
          if (adopted) adoptedUsers.add(person);
          userIds.set(person.emailKey, record.id);
          newUsers.add(record.id);
          resultOf(person).userId = record.id;
        } catch (error) {
          fail(person, [error]);
          tick('people');
        }
      }),
  );

  const followUps = people.filter((person) => writes(person.action) && resultOf(person).outcome !== 'failed');
  const idOf = (person: PersonPlan) => userIds.get(person.emailKey) as string;
  const isNew = (person: PersonPlan) => newUsers.has(idOf(person));

  // 2. Role grants (not version-checked, so alongside everything else): one call per role, division
  // set and 100 people, or one bulkadd for someone whose roles nobody else shares (grants.ts). A
  // default station needs the person to hold conversation:call:add, which a new person gets here:
  // their station waits for it.
  const grantCalls = planGrantCalls(
    followUps.map((person) => ({ userId: idOf(person), grants: person.grants })),
  );
  const grantWork = sendGrants(grantCalls, {
    send: (call, firstTry) =>
      retried(
        'people',
        { newUser: firstTry && usersOf(call).some((id) => newUsers.has(id)), versioned: false },
        () =>
          call.kind === 'role'
            ? org.grantRole(call.roleId, call.divisionIds, call.userIds)
            : org.addGrants(call.userId, call.grants),
      ),
  });
  // Awaited by each person's row (and its phone's), which report it.
  for (const work of grantWork.values()) work.catch(() => undefined);

  // 3. The other follow-ups of every created or updated person: one PATCH, skills in 50s, one after
  // the other (they race on the user's version); queue joins in 100s per queue at once, division
  // moves in 100s per division after their people's PATCHes (a move bumps the version too).
  const personWork = followUps.map(async (person) => {
    const userId = idOf(person);
    const newUser = isNew(person);
    const outcomes = await Promise.allSettled([
      lanes.run([userId], () =>
        patchPerson(
          org,
          person,
          userId,
          records.get(person),
          adoptedUsers.has(person),
          userIds,
          locationIds,
          locationErrors,
          country,
          // After a race the PATCH re-reads the user first: one more call, counted with the retries.
          (patch) =>
            retried('people', { newUser: false, versioned: true }, (afterRace) => {
              if (afterRace) calls.retries += 1;
              return patch(afterRace);
            }),
        ),
      ),
      grantWork.get(userId),
      ...chunks(person.skills, 50).map((skills) =>
        lanes.run([userId], () =>
          retried('people', { newUser, versioned: true }, () => org.setSkills(userId, skills)),
        ),
      ),
    ]);
    const errors = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    if (errors.length > 0) fail(person, errors);
    tick('people');
  });
  const bulk = (
    groups: Map<string, PersonPlan[]>,
    write: (key: string, chunk: PersonPlan[], ids: string[]) => Promise<void>,
  ) =>
    [...groups].flatMap(([key, members]) =>
      chunks(members, 100).map((chunk) =>
        write(key, chunk, chunk.map(idOf)).catch((error: unknown) => chunk.forEach((p) => fail(p, [error]))),
      ),
    );
  const joins = groupBy(followUps, (person) => person.queueIds);
  const moves = groupBy(followUps, (person) => (person.moveToDivisionId ? [person.moveToDivisionId] : []));
  const joinWork = bulk(joins, (queueId, chunk, ids) =>
    retried('people', { newUser: chunk.some(isNew), versioned: false }, () =>
      org.addQueueMembers(queueId, ids),
    ),
  );
  const moveWork = bulk(moves, (divisionId, _chunk, ids) =>
    lanes.run(ids, () => org.moveUsers(divisionId, ids)),
  );

  // 4. Phones, each as soon as its person exists (all of them exist after step 1), queued behind the
  // grants, PATCHes and queue joins (which give a new user time to reach telephony) and before the
  // skills, which wait for their PATCH (so that the station index lag passes while those run). New
  // phones' stations are looked up together once every phone is created: one listing instead of one
  // call per phone. The default station joins its user's lane after the PATCH, skills and move above.
  const phoneRows = phones.filter((phone) => writes(phone.action));
  const stations = new StationLookup(phoneRows.length, (ids) => findStations(org, ids, settings));
  const phoneWork = phoneRows.map(async (phone) => {
    const result = resultOf(phone);
    let waited = false;
    try {
      const userId = phone.person.userId ?? userIds.get(phone.person.emailKey);
      if (!userId) {
        const owner = phone.person.row
          ? `its person (${phone.person.row.file}:${phone.person.row.line})`
          : 'its person';
        result.outcome = 'skip';
        result.error = `not created: ${owner} ${phone.person.email} was not created`;
        return;
      }
      result.userId = userId;
      const newUser = newUsers.has(userId);
      if (phone.action === 'create') {
        const created = await ensurePhone(org, phone, userId, (create) =>
          retried('phones', { newUser, versioned: false }, create),
        );
        result.phoneId = created.id;
      }
      let stationId = phone.stationId;
      if (stationId === null) {
        waited = true;
        stationId = await stations.find(userId);
      }
      result.stationId = stationId;
      const grants = grantWork.get(userId);
      if (grants) {
        await grants.catch((error: unknown) => {
          throw new RowFailure(
            `not made the default phone: its person's role grants failed, and a default phone needs the person to hold conversation:call:add (${errorLine(error)})`,
          );
        });
      }
      const station = stationId;
      await lanes.run([userId], () =>
        retried('phones', { newUser, versioned: true }, () => org.setDefaultStation(userId, station)),
      );
    } catch (error) {
      fail(phone, [error]);
    } finally {
      if (!waited) stations.skip();
      tick('phones');
    }
  });

  await Promise.all([...personWork, ...joinWork, ...moveWork, ...phoneWork]);
  if (gate.denied() !== null) throw gate.denied();

  const rowResults = [...results.values()];
  return {
    ok: rowResults.every((row) => row.outcome !== 'failed' && row.outcome !== 'held'),
    refused: null,
    rows: rowResults,
    locationsCreated: locationsCreated.sort(),
    seconds: (settings.now() - started) / 1000,
  };
}

/** Every OrgWriter method (the type makes sure none is missed), and the phase its calls belong to. */
const PHASE_OF: Record<keyof OrgWriter, 'people' | 'phones'> = {
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

/**
 * The same writer, with at most `limit` calls started and not yet answered; the others wait their turn
 * in the order they were made. Started calls are what the transport holds (a request and its body
 * each): unbounded, a 10,000-person apply at a high limit started 60,000 at once (peak RSS 1.37 GB,
 * 1.06 GB with this).
 */
function inFlightAtMost(org: OrgWriter, limit: number): OrgWriter {
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
  const wrapped: Record<string, unknown> = {};
  for (const name of Object.keys(PHASE_OF)) {
    const call = org as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
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
function counted(org: OrgWriter, answered: (phase: 'people' | 'phones') => void): OrgWriter {
  const wrapped: Record<string, unknown> = {};
  for (const [name, phase] of Object.entries(PHASE_OF)) {
    const call = org as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    wrapped[name] = (...args: unknown[]) => call[name]!(...args).finally(() => answered(phase));
  }
  return wrapped as unknown as OrgWriter;
}

/** The calls the plan needs when nothing fails and no answer is lost: the basis of the time-left estimate. */
export function plannedCalls(plan: Plan): number {
  let calls = plan.locationsToCreate.length;
  const queueMembers = new Map<string, number>();
  const divisionMoves = new Map<string, number>();
  let newPhones = 0;
  const grants: GrantNeed[] = [];
  for (const batch of plan.batches) {
    for (const person of batch.people) {
      if (person.action !== 'create' && person.action !== 'update') continue;
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
      if (phone.action === 'create' || phone.action === 'update') calls += 1;
      if (phone.action === 'update' && phone.stationId === null) calls += 1;
    }
  }
  calls += planGrantCalls(grants).length;
  for (const n of [...queueMembers.values(), ...divisionMoves.values()]) calls += Math.ceil(n / 100);
  calls += newPhones + (newPhones > 1 ? Math.ceil(newPhones / STATION_PAGE) : newPhones);
  return calls;
}

async function ensureLocation(org: OrgWriter, name: string): Promise<string> {
  try {
    return await org.createLocation(name);
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
    const id = await org.findLocation(name);
    if (!id) throw error;
    return id;
  }
}

/**
 * POST the user. On 409 the email exists: when that user is exactly what this row creates it is our own
 * earlier write whose answer was lost (or a killed run's), so carry on with it; anyone else is not
 * taken over, since the reviewed plan said "create", not "change this user".
 */
async function ensureUser(
  org: OrgWriter,
  person: PersonPlan,
  settings: Settings,
): Promise<{ record: UserRecord; adopted: boolean }> {
  const create = person.create;
  if (!create) throw new RowFailure('nothing to create');
  try {
    return { record: await org.createUser(create), adopted: false };
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
    const found = await waitForIndex(() => org.findUserByEmail(person.email), settings);
    if (!found) throw error;
    if (found.state === 'deleted') {
      throw new RowFailure(
        `${person.email} belongs to a deleted user; restore or rename it in Genesys Cloud`,
      );
    }
    // Addresses are left out: the server may store a number in another form than the CSV gave it.
    const same =
      found.state === 'active' &&
      found.name === create.name &&
      found.divisionId === create.divisionId &&
      found.title === (create.title ?? '') &&
      found.department === (create.department ?? '');
    if (!same) {
      throw new RowFailure(
        `${person.email} now belongs to another user, "${found.name}" (${found.state}, id ${found.id}), who appeared after the plan; plan again to review the change`,
      );
    }
    return { record: found, adopted: true };
  }
}

/**
 * One PATCH with everything the row sets on the user: the update's fields, the manager, the location,
 * and for a create that met its own earlier write the work phone if that user lacks it.
 */
async function patchPerson(
  org: OrgWriter,
  person: PersonPlan,
  userId: string,
  created: UserRecord | undefined,
  adopted: boolean,
  userIds: Map<string, string>,
  locationIds: Map<string, string>,
  locationErrors: Map<string, unknown>,
  country: () => Promise<string | null>,
  retry: (patch: (afterRace: boolean) => Promise<void>) => Promise<void>,
): Promise<void> {
  const update: UserUpdate = { ...person.patch };
  if (
    adopted &&
    created &&
    person.create &&
    !sameWorkPhone(created.addresses, person.create.addresses, await country())
  ) {
    update.addresses = person.create.addresses;
  }
  if (person.manager) {
    const managerId = person.manager.userId ?? userIds.get(person.manager.email.toLowerCase());
    if (!managerId) throw new RowFailure(`manager ${person.manager.email} was not created`);
    if (created?.managerId !== managerId) update.managerId = managerId;
  }
  if (person.location) {
    const name = person.location.name;
    const locationId = person.location.locationId ?? locationIds.get(name);
    if (!locationId) {
      const why = locationErrors.get(name);
      throw new RowFailure(`location "${name}" could not be created${why ? `: ${errorLine(why)}` : ''}`);
    }
    if (!(created?.locationIds.length === 1 && created.locationIds[0] === locationId))
      update.locationIds = [locationId];
  }
  if (Object.keys(update).length === 0) return;

  // A stale version: someone (or our own retried write whose answer was lost) changed the user, or
  // the directory has not caught up. Read it again: the update may be there already.
  let version = created?.version ?? person.version;
  await retry(async (afterRace) => {
    if (afterRace || version === null) {
      const current = await org.getUser(userId);
      if (afterRace && reflects(current, update, update.addresses ? await country() : null)) return;
      version = current.version;
    }
    await org.patchUser(userId, version, update);
  });
}

function reflects(user: UserRecord, update: UserUpdate, country: string | null): boolean {
  return (
    (update.name === undefined || user.name === update.name) &&
    (update.title === undefined || user.title === update.title) &&
    (update.department === undefined || user.department === update.department) &&
    (update.addresses === undefined || sameWorkPhone(user.addresses, update.addresses, country)) &&
    (update.managerId === undefined || user.managerId === update.managerId) &&
    (update.locationIds === undefined || user.locationIds.join() === update.locationIds.join())
  );
}

/**
 * The WORK PHONE the row writes is the one the user holds, in whichever of the four shapes the org
 * reads it back and in E.164 with the org's default country (real-api.md §4); other contacts are
 * not the row's to write.
 */
function sameWorkPhone(held: Contact[], written: Contact[], country: string | null): boolean {
  const readBack = held.find(isWorkPhone);
  const wanted = written.find(isWorkPhone);
  const a = readBack ? readWorkPhone(readBack) : { number: '', extension: '' };
  const b = { number: wanted?.address ?? '', extension: wanted?.extension ?? '' };
  return sameNumber(a.number, b.number, country) && sameExtension(a.extension, b.extension);
}

/**
 * POST the phone (through `retry`, which waits for a new user to reach telephony); if its name or its
 * user is taken (maybe by our own earlier write), take it when it is this phone.
 */
async function ensurePhone(
  org: OrgWriter,
  phone: PhonePlan,
  userId: string,
  retry: (create: () => Promise<PhoneRecord>) => Promise<PhoneRecord>,
): Promise<PhoneRecord> {
  if (!phone.siteId || !phone.baseSettingsId || !phone.lineBaseSettingsId) {
    throw new RowFailure('site or base settings unresolved');
  }
  const body = {
    name: phone.name,
    siteId: phone.siteId,
    baseSettingsId: phone.baseSettingsId,
    lineBaseSettingsId: phone.lineBaseSettingsId,
    webRtcUserId: userId,
  };
  try {
    return await retry(() => org.createPhone(body));
  } catch (error) {
    const status = statusOf(error);
    if (status !== 409 && status !== 400) throw error;
    // A name filter may match other phones (it takes `*` wildcards and comma lists), so a hit by name
    // counts only when the name is exactly ours; otherwise look for the user's phone.
    const byName = await org.findPhoneByName(phone.name);
    const existing = byName?.name === phone.name ? byName : await org.findPhoneByUser(userId);
    if (existing && existing.webRtcUserId === userId && existing.name === phone.name) return existing;
    throw error;
  }
}

/**
 * Hands out the stations of new phones. Every phone row either asks for its user's station (find) or
 * says it will not (skip); once all have, one lookup serves them all, since the phones now exist.
 */
class StationLookup {
  private left: number;
  private readonly waiting = new Map<string, Array<(found: string | Error) => void>>();

  constructor(
    rows: number,
    private readonly lookup: (userIds: string[]) => Promise<Map<string, string | Error>>,
  ) {
    this.left = rows;
  }

  find(userId: string): Promise<string> {
    const answer = new Promise<string | Error>((resolve) => {
      const list = this.waiting.get(userId) ?? [];
      list.push(resolve);
      this.waiting.set(userId, list);
    });
    this.arrive();
    return answer.then((found) => {
      if (found instanceof Error) throw found;
      return found;
    });
  }

  skip(): void {
    this.arrive();
  }

  private arrive(): void {
    this.left -= 1;
    if (this.left === 0 && this.waiting.size > 0) void this.flush();
  }

  private async flush(): Promise<void> {
    const userIds = [...this.waiting.keys()];
    let found: Map<string, string | Error>;
    try {
      found = await this.lookup(userIds);
    } catch (error) {
      found = new Map(userIds.map((id) => [id, error instanceof Error ? error : new Error(String(error))]));
    }
    for (const [userId, resolvers] of this.waiting) {
      const answer = found.get(userId) ?? new RowFailure('its station was not found; run apply again');
      for (const resolve of resolvers) resolve(answer);
    }
  }
}

/**
 * The stations of these users' WebRTC phones. After the first pause, one page of the station list
 * tells how many pages there are: when reading them all costs fewer calls than asking per user, read
 * them all; whoever is still missing (the index lags) is then asked for alone, with growing pauses.
 */
async function findStations(
  org: OrgWriter,
  userIds: string[],
  settings: Settings,
): Promise<Map<string, string | Error>> {
  const found = new Map<string, string | Error>();
  const wanted = new Set(userIds);
  const take = (stations: Array<{ id: string; webRtcUserId: string | null }>) => {
    for (const station of stations) {
      if (station.webRtcUserId && wanted.has(station.webRtcUserId))
        found.set(station.webRtcUserId, station.id);
    }
  };
  await settings.sleep(settings.stationFirstPollMs);
  if (userIds.length > 1) {
    try {
      const first = await org.listStations(1, STATION_PAGE);
      take(first.stations);
      const missing = userIds.length - found.size;
      if (first.pageCount - 1 < missing) {
        const rest = await Promise.all(
          Array.from({ length: first.pageCount - 1 }, (_, i) => org.listStations(i + 2, STATION_PAGE)),
        );
        for (const page of rest) take(page.stations);
      }
    } catch {
      // The per-user lookups below cover whatever the listing did not give.
    }
  }
  await Promise.all(
    userIds
      .filter((userId) => !found.has(userId))
      .map(async (userId) => {
        try {
          const stationId = await waitForIndex(() => org.findStation(userId), settings);
          found.set(
            userId,
            stationId ??
              new RowFailure(
                `its station did not appear within ${settings.indexWaitMs / 1000} s; run apply again`,
              ),
          );
        } catch (error) {
          found.set(userId, error instanceof Error ? error : new Error(String(error)));
        }
      }),
  );
  return found;
}

/** Polls a lagging index with growing pauses until it answers or indexWaitMs has passed. */
async function waitForIndex<T>(read: () => Promise<T | null>, settings: Settings): Promise<T | null> {
  const deadline = settings.now() + settings.indexWaitMs;
  for (let pause = 500; ; pause = Math.min(pause * 2, 8_000)) {
    const value = await read();
    if (value !== null) return value;
    if (settings.now() + pause > deadline) return null;
    await settings.sleep(pause);
  }
}

function personResult(person: PersonPlan): RowResult {
  return {
    kind: 'person',
    batch: person.batch,
    file: person.file,
    line: person.line,
    email: person.email,
    name: person.name,
    planned: person.action,
    // A row in error at apply (an unknown role found only now, or held by the review) is not written.
    outcome:
      person.action === 'error'
        ? 'held'
        : person.action === 'create' || person.action === 'update'
          ? 'done'
          : person.action,
    userId: person.userId,
    phoneId: null,
    stationId: null,
    error: person.action === 'error' ? person.errors.map((e) => e.message).join('; ') : null,
  };
}

function phoneResult(phone: PhonePlan): RowResult {
  return {
    kind: 'phone',
    batch: phone.batch,
    file: phone.file,
    line: phone.line,
    email: phone.person.email,
    name: phone.name,
    planned: phone.action,
    outcome: phone.action === 'error' ? 'held' : phone.action === 'unchanged' ? 'unchanged' : 'done',
    userId: phone.person.userId,
    phoneId: phone.phoneId,
    stationId: phone.stationId,
    error: phone.action === 'error' ? phone.errors.map((e) => e.message).join('; ') : null,
  };
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

/** `{...defaults, ...options}` must not let an explicit `undefined` replace a default. */
function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
