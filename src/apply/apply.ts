// Carries out a Plan: people first (create, then the follow-ups that need other users or ids), then
// phones and default stations. Every write is reconciled so that a retry after a dropped response, a
// crash or a kill converges instead of duplicating: a 409 on create means "find it and continue", a
// stale version means "read it again and check". Never an invite, never a delete.
import type { Plan, PersonPlan, PhonePlan } from '../plan/types.js';
import type { OrgWriter, UserRecord, UserUpdate } from './org.js';
import type { ApplyResult, RowResult } from './results.js';

export interface ApplyOptions {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** First look for a new phone's station this long after creating it (the station index lags). */
  stationFirstPollMs?: number;
  /** Give up on a station (or on a user the search index does not show yet) after this long. */
  indexWaitMs?: number;
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  phase: 'people' | 'phones';
  done: number;
  total: number;
}

/** A row that cannot go on, with a message for the results. */
class RowFailure extends Error {}

const defaults = {
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  stationFirstPollMs: 2_000,
  indexWaitMs: 60_000,
};

export async function applyPlan(plan: Plan, org: OrgWriter, options: ApplyOptions = {}): Promise<ApplyResult> {
  const settings = { ...defaults, ...options };
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
  const fail = (row: PersonPlan | PhonePlan, error: unknown) => {
    const result = results.get(row);
    if (result && result.outcome !== 'failed') {
      result.outcome = 'failed';
      result.error = errorLine(error);
    }
  };

  const writes = (action: string) => action === 'create' || action === 'update';
  const totals = { people: people.filter((p) => writes(p.action)).length, phones: phones.filter((p) => writes(p.action)).length };
  const progress = { people: 0, phones: 0 };
  const tick = (phase: 'people' | 'phones') => {
    progress[phase] += 1;
    settings.onProgress?.({ phase, done: progress[phase], total: totals[phase] });
  };

  // Locations first: the people who name them need their ids.
  const locationIds = new Map<string, string>();
  const locationsCreated: string[] = [];
  await Promise.all(
    plan.locationsToCreate.map(async (location) => {
      try {
        locationIds.set(location.name, await ensureLocation(org, location.name));
        locationsCreated.push(location.name);
      } catch (error) {
        for (const person of people) {
          if (person.location?.name === location.name) fail(person, error);
        }
      }
    }),
  );

  // 1. Create every new person, so that managers and phones can refer to them.
  const userIds = new Map<string, string>();
  const records = new Map<PersonPlan, UserRecord>();
  for (const person of people) {
    if (person.userId !== null && person.action !== 'error') userIds.set(person.emailKey, person.userId);
  }
  await Promise.all(
    people
      .filter((person) => person.action === 'create')
      .map(async (person) => {
        try {
          const record = await ensureUser(org, person, settings);
          records.set(person, record);
          userIds.set(person.emailKey, record.id);
          const result = results.get(person);
          if (result) result.userId = record.id;
        } catch (error) {
          fail(person, error);
          tick('people');
        }
      }),
  );

  // 2. The follow-ups of every created or updated person, then bulk moves and queue joins.
  const followUps = people.filter(
    (person) => (person.action === 'create' || person.action === 'update') && results.get(person)?.outcome !== 'failed',
  );
  const moves = new Map<string, PersonPlan[]>();
  const joins = new Map<string, PersonPlan[]>();
  for (const person of followUps) {
    if (person.moveToDivisionId) push(moves, person.moveToDivisionId, person);
    for (const queueId of person.queueIds) push(joins, queueId, person);
  }
  const idOf = (person: PersonPlan) => userIds.get(person.emailKey) as string;
  const personWork = followUps.map(async (person) => {
    try {
      const userId = idOf(person);
      await Promise.all([
        patchPerson(org, person, userId, records.get(person), userIds, locationIds),
        person.grants.length > 0 ? org.addGrants(userId, person.grants) : undefined,
        ...chunks(person.skills, 50).map((skills) => org.setSkills(userId, skills)),
      ]);
    } catch (error) {
      fail(person, error);
    } finally {
      tick('people');
    }
  });
  const bulkWork = [
    ...[...moves].map(([divisionId, members]) =>
      Promise.all(
        chunks(members, 100).map((chunk) =>
          org.moveUsers(divisionId, chunk.map(idOf)).catch((error: unknown) => chunk.forEach((p) => fail(p, error))),
        ),
      ),
    ),
    ...[...joins].map(([queueId, members]) =>
      Promise.all(
        chunks(members, 100).map((chunk) =>
          org.addQueueMembers(queueId, chunk.map(idOf)).catch((error: unknown) => chunk.forEach((p) => fail(p, error))),
        ),
      ),
    ),
  ];
  const peopleDone = Promise.all([...personWork, ...bulkWork]);

  // 3. Phones, each as soon as its person exists (all of them exist after step 1).
  const personOf = new Map(people.map((person) => [person.emailKey, person]));
  const phoneWork = phones.map(async (phone) => {
    if (!writes(phone.action)) return;
    try {
      const owner = personOf.get(phone.person.emailKey);
      if (owner && results.get(owner)?.outcome === 'failed' && owner.action === 'create') {
        throw new RowFailure(`its person ${phone.person.email} was not created`);
      }
      const userId = phone.person.userId ?? userIds.get(phone.person.emailKey);
      if (!userId) throw new RowFailure(`its person ${phone.person.email} does not exist`);
      const result = results.get(phone);
      if (phone.action === 'create') {
        const created = await ensurePhone(org, phone, userId);
        if (result) result.phoneId = created.id;
      }
      const stationId = phone.stationId ?? (await waitForStation(org, userId, settings));
      if (result) result.stationId = stationId;
      await org.setDefaultStation(userId, stationId);
    } catch (error) {
      fail(phone, error);
    } finally {
      tick('phones');
    }
  });

  await Promise.all([peopleDone, ...phoneWork]);

  const rows = [...results.values()];
  return {
    ok: rows.every((row) => row.outcome !== 'failed'),
    refused: null,
    rows,
    locationsCreated: locationsCreated.sort(),
    seconds: (settings.now() - started) / 1000,
  };
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

/** POST the user; on 409 the email exists (maybe our own earlier write whose response was lost): find it. */
async function ensureUser(org: OrgWriter, person: PersonPlan, settings: typeof defaults): Promise<UserRecord> {
  const create = person.create;
  if (!create) throw new RowFailure('nothing to create');
  try {
    return await org.createUser(create);
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
    const found = await waitForIndex(() => org.findUserByEmail(person.email), settings);
    if (!found) throw error;
    if (found.state === 'deleted') {
      throw new RowFailure(`${person.email} belongs to a deleted user; restore or rename it in Genesys Cloud`);
    }
    return found;
  }
}

/**
 * One PATCH with everything the row sets on the user: the update's fields, the manager, the location,
 * and for a create that met an existing user (409) whatever of the create body that user lacks.
 */
async function patchPerson(
  org: OrgWriter,
  person: PersonPlan,
  userId: string,
  created: UserRecord | undefined,
  userIds: Map<string, string>,
  locationIds: Map<string, string>,
): Promise<void> {
  const update: UserUpdate = { ...person.patch };
  if (created && person.create) {
    const want = person.create;
    if (want.title !== undefined && created.title !== want.title) update.title = want.title;
    if (want.department !== undefined && created.department !== want.department) update.department = want.department;
    if (want.addresses.length > 0 && !sameContacts(created.addresses, want.addresses)) update.addresses = want.addresses;
  }
  if (person.manager) {
    const managerId = person.manager.userId ?? userIds.get(person.manager.email.toLowerCase());
    if (!managerId) throw new RowFailure(`manager ${person.manager.email} was not created`);
    if (created?.managerId !== managerId) update.managerId = managerId;
  }
  if (person.location) {
    const locationId = person.location.locationId ?? locationIds.get(person.location.name);
    if (!locationId) throw new RowFailure(`location "${person.location.name}" could not be created`);
    if (!(created?.locationIds.length === 1 && created.locationIds[0] === locationId)) update.locationIds = [locationId];
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

function sameContacts(a: UserRecord['addresses'], b: UserRecord['addresses']): boolean {
  const key = (contacts: UserRecord['addresses']) =>
    contacts
      .map((c) => [c.mediaType ?? '', c.type ?? '', c.address ?? '', c.extension ?? ''].join('|'))
      .sort()
      .join('\n');
  return key(a) === key(b);
}

/** POST the phone; if its name is taken (maybe by our own earlier write), take it when it is this user's. */
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
    const existing = (await org.findPhoneByName(phone.name)) ?? (await org.findPhoneByUser(userId));
    if (existing && existing.webRtcUserId === userId && existing.name === phone.name) return existing;
    throw error;
  }
}

async function waitForStation(org: OrgWriter, userId: string, settings: typeof defaults): Promise<string> {
  await settings.sleep(settings.stationFirstPollMs);
  const stationId = await waitForIndex(() => org.findStation(userId), settings);
  if (!stationId) {
    throw new RowFailure(`its station did not appear within ${settings.indexWaitMs / 1000} s; run apply again`);
  }
  return stationId;
}

/** Polls a lagging index with growing pauses until it answers or indexWaitMs has passed. */
async function waitForIndex<T>(read: () => Promise<T | null>, settings: typeof defaults): Promise<T | null> {
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
    outcome: person.action === 'error' ? 'failed' : person.action === 'create' || person.action === 'update' ? 'done' : person.action,
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
