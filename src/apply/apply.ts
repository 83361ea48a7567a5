// Carries out a Plan: people are created first; then each person's phone (and default station) and
// the follow-ups that need other users or ids (manager, grants, queues, skills, moves). Every write is reconciled so that a retry after a dropped response, a
// crash or a kill converges instead of duplicating: a 409 on create means "find it and continue", a
// stale version means "read it again and check". Never an invite, never a delete.
import type { Plan, PersonPlan, PhonePlan } from '../plan/types.js';
import type { OrgWriter, UserRecord, UserUpdate } from './org.js';
import type { ApplyResult, RowResult } from './results.js';

export interface ApplyOptions {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** First look for new phones' stations this long after the last phone was created (the station index lags). */
  stationFirstPollMs?: number;
  /** Give up on a station (or on a user the search index does not show yet) after this long. */
  indexWaitMs?: number;
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
  /** API calls answered so far, and about how many the plan needs (retries and reconciling reads aside). */
  calls: { done: number; planned: number };
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
  stationFirstPollMs: 2_000,
  indexWaitMs: 60_000,
};
type Settings = typeof defaults & Pick<ApplyOptions, 'onProgress'>;

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
  const fail = (row: PersonPlan | PhonePlan, errors: unknown[]) => {
    const result = resultOf(row);
    const messages = [...new Set(errors.map(errorLine))];
    result.outcome = 'failed';
    result.error = [result.error, ...messages].filter(Boolean).join('; ');
  };

  const writes = (action: string) => action === 'create' || action === 'update';
  const rows = {
    people: { done: 0, total: people.filter((p) => writes(p.action)).length },
    phones: { done: 0, total: phones.filter((p) => writes(p.action)).length },
  };
  const calls = { done: 0, planned: plannedCalls(plan) };
  const report = (phase: 'people' | 'phones') => {
    if (!settings.onProgress) return;
    const elapsed = (settings.now() - started) / 1000;
    const left = Math.max(0, calls.planned - calls.done);
    settings.onProgress({
      phase,
      done: rows[phase].done,
      total: rows[phase].total,
      people: { ...rows.people },
      phones: { ...rows.phones },
      calls: { ...calls },
      elapsedSeconds: elapsed,
      etaSeconds: calls.done === 0 ? null : (elapsed / calls.done) * left,
    });
  };
  const tick = (phase: 'people' | 'phones') => {
    rows[phase].done += 1;
    report(phase);
  };
  org = counted(org, (phase) => {
    calls.done += 1;
    report(phase);
  });

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
          resultOf(person).userId = record.id;
        } catch (error) {
          fail(person, [error]);
          tick('people');
        }
      }),
  );

  // 2. Phones, each as soon as its person exists (all of them exist after step 1), queued before the
  // follow-ups so that the station index lag passes while those run. New phones' stations are looked
  // up together once every phone is created: one listing instead of one call per phone.
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
      if (phone.action === 'create') {
        const created = await ensurePhone(org, phone, userId);
        result.phoneId = created.id;
      }
      let stationId = phone.stationId;
      if (stationId === null) {
        waited = true;
        stationId = await stations.find(userId);
      }
      result.stationId = stationId;
      await org.setDefaultStation(userId, stationId);
    } catch (error) {
      fail(phone, [error]);
    } finally {
      if (!waited) stations.skip();
      tick('phones');
    }
  });

  // 3. The follow-ups of every created or updated person: one PATCH, one grant call, skills in 50s;
  // queue joins in 100s per queue at once, division moves in 100s per division after the PATCHes
  // (a move bumps the user's version, and a PATCH racing it would need a re-read).
  const followUps = people.filter((person) => writes(person.action) && resultOf(person).outcome !== 'failed');
  const idOf = (person: PersonPlan) => userIds.get(person.emailKey) as string;
  const personWork = followUps.map(async (person) => {
    const userId = idOf(person);
    const outcomes = await Promise.allSettled([
      patchPerson(
        org,
        person,
        userId,
        records.get(person),
        adoptedUsers.has(person),
        userIds,
        locationIds,
        locationErrors,
      ),
      person.grants.length > 0 ? org.addGrants(userId, person.grants) : undefined,
      ...chunks(person.skills, 50).map((skills) => org.setSkills(userId, skills)),
    ]);
    const errors = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    if (errors.length > 0) fail(person, errors);
    tick('people');
  });
  const bulk = (groups: Map<string, PersonPlan[]>, write: (key: string, ids: string[]) => Promise<void>) =>
    [...groups].flatMap(([key, members]) =>
      chunks(members, 100).map((chunk) =>
        write(key, chunk.map(idOf)).catch((error: unknown) => chunk.forEach((p) => fail(p, [error]))),
      ),
    );
  const joins = groupBy(followUps, (person) => person.queueIds);
  const moves = groupBy(followUps, (person) => (person.moveToDivisionId ? [person.moveToDivisionId] : []));
  const joinWork = bulk(joins, (queueId, ids) => org.addQueueMembers(queueId, ids));
  const moveWork = Promise.allSettled(personWork).then(() =>
    Promise.all(bulk(moves, (divisionId, ids) => org.moveUsers(divisionId, ids))),
  );
  const peopleDone = Promise.all([...personWork, ...joinWork, moveWork]);

  await Promise.all([peopleDone, ...phoneWork]);

  const rowResults = [...results.values()];
  return {
    ok: rowResults.every((row) => row.outcome !== 'failed'),
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
  patchUser: 'people',
  moveUsers: 'people',
  addGrants: 'people',
  addQueueMembers: 'people',
  setSkills: 'people',
  createPhone: 'phones',
  findPhoneByName: 'phones',
  findPhoneByUser: 'phones',
  findStation: 'phones',
  listStations: 'phones',
  setDefaultStation: 'phones',
};

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
  for (const batch of plan.batches) {
    for (const person of batch.people) {
      if (person.action !== 'create' && person.action !== 'update') continue;
      if (person.action === 'create') calls += 1;
      if (Object.keys(person.patch).length > 0 || person.manager || person.location) calls += 1;
      if (person.grants.length > 0) calls += 1;
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
): Promise<void> {
  const update: UserUpdate = { ...person.patch };
  if (adopted && created && person.create && !sameContacts(created.addresses, person.create.addresses)) {
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

  let version = created?.version ?? person.version;
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (version === null) version = (await org.getUser(userId)).version;
      await org.patchUser(userId, version, update);
      return;
    } catch (error) {
      // A stale version: someone (or our own retried write whose answer was lost) changed the user.
      if (statusOf(error) !== 409 || attempt >= 3) throw error;
      const current = await org.getUser(userId);
      if (reflects(current, update)) return;
      version = current.version;
    }
  }
}

function reflects(user: UserRecord, update: UserUpdate): boolean {
  return (
    (update.name === undefined || user.name === update.name) &&
    (update.title === undefined || user.title === update.title) &&
    (update.department === undefined || user.department === update.department) &&
    (update.addresses === undefined || sameContacts(user.addresses, update.addresses)) &&
    (update.managerId === undefined || user.managerId === update.managerId) &&
    (update.locationIds === undefined || user.locationIds.join() === update.locationIds.join())
  );
}

/** Same contacts in any order; the display text and the country code are the server's to fill in. */
function sameContacts(a: UserRecord['addresses'], b: UserRecord['addresses']): boolean {
  const key = (contacts: UserRecord['addresses']) =>
    contacts
      .map((c) =>
        [c.mediaType ?? '', c.type ?? '', (c.address ?? '').replace(/[^\d+]/g, ''), c.extension ?? ''].join(
          '|',
        ),
      )
      .sort()
      .join('\n');
  return key(a) === key(b);
}

/** POST the phone; if its name or its user is taken (maybe by our own earlier write), take it when it is this phone. */
async function ensurePhone(org: OrgWriter, phone: PhonePlan, userId: string) {
  if (!phone.siteId || !phone.baseSettingsId || !phone.lineBaseSettingsId) {
    throw new RowFailure('site or base settings unresolved');
  }
  try {
    return await org.createPhone({
      name: phone.name,
      siteId: phone.siteId,
      baseSettingsId: phone.baseSettingsId,
      lineBaseSettingsId: phone.lineBaseSettingsId,
      webRtcUserId: userId,
    });
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
    outcome:
      person.action === 'error'
        ? 'failed'
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
    outcome: phone.action === 'error' ? 'failed' : phone.action === 'unchanged' ? 'unchanged' : 'done',
    userId: phone.person.userId,
    phoneId: phone.phoneId,
    stationId: phone.stationId,
    error: phone.action === 'error' ? phone.errors.map((e) => e.message).join('; ') : null,
  };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function errorLine(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
