// The writes about one person that reconcile with what the org already holds: a location or a user
// whose create meets an earlier write (409: maybe our own, whose answer was lost, or a killed run's),
// and the one PATCH of a row, which re-reads the user after a lost version race.
import { isWorkPhone, readWorkPhone, sameExtension, sameNumber } from '../phone-number.js';
import type { Contact } from '../plan/snapshot.js';
import type { PersonPlan } from '../plan/types.js';
import type { OrgWriter, UserRecord, UserUpdate } from './org.js';
import { errorLine, isConflict } from './retry.js';

/** A row that cannot go on, with a message for the results. */
export class RowFailure extends Error {}

/** How long to poll an index that lags behind writes (user search, stations). */
export interface IndexWait {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Give up after this long. */
  indexWaitMs: number;
}

/** Polls a lagging index with growing pauses until it answers or indexWaitMs has passed. */
export async function waitForIndex<T>(read: () => Promise<T | null>, wait: IndexWait): Promise<T | null> {
  const deadline = wait.now() + wait.indexWaitMs;
  for (let pause = 500; ; pause = Math.min(pause * 2, 8_000)) {
    const value = await read();
    if (value !== null) return value;
    if (wait.now() + pause > deadline) return null;
    await wait.sleep(pause);
  }
}

export async function ensureLocation(org: OrgWriter, name: string): Promise<string> {
  try {
    return await org.createLocation(name);
  } catch (error) {
    if (!isConflict(error)) throw error;
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
export async function ensureUser(
  org: OrgWriter,
  person: PersonPlan,
  wait: IndexWait,
): Promise<{ record: UserRecord; adopted: boolean }> {
  const create = person.create;
  if (!create) throw new RowFailure('nothing to create');
  try {
    return { record: await org.createUser(create), adopted: false };
  } catch (error) {
    if (!isConflict(error)) throw error;
    const found = await waitForIndex(() => org.findUserByEmail(person.email), wait);
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

/** Locations this run created (by name), and why the others could not be. */
export interface CreatedLocations {
  ids: ReadonlyMap<string, string>;
  errors: ReadonlyMap<string, unknown>;
}

export interface PatchRequest {
  org: OrgWriter;
  person: PersonPlan;
  userId: string;
  /** The user as this run's create returned it (or the earlier write it adopted), when it created them. */
  created?: UserRecord;
  /** The create met its own earlier write (409): that user may lack part of the create body. */
  adopted: boolean;
  /** Ids of the people this run created, by email key: a manager may be one of them. */
  userIds: ReadonlyMap<string, string>;
  locations: CreatedLocations;
  /** The org's default country, read at most once, to compare a work phone (real-api.md §4). */
  country: () => Promise<string | null>;
  /** Sends the PATCH with the retries a versioned write allows; `afterRace` asks for a re-read first. */
  retry: (patch: (afterRace: boolean) => Promise<void>) => Promise<void>;
}

/** The key of a manager among the people this run creates (the userIds map's keys are email keys). */
export function managerKey(manager: { email: string }): string {
  return manager.email.toLowerCase();
}

/**
 * One PATCH with everything the row sets on the user: the update's fields, the manager, the location,
 * and for a create that met its own earlier write the work phone if that user lacks it.
 */
export async function patchPerson(request: PatchRequest): Promise<void> {
  const { org, person, userId, created, country } = request;
  const update = await updateOf(request);
  if (Object.keys(update).length === 0) return;

  // A stale version: someone (or our own retried write whose answer was lost) changed the user, or
  // the directory has not caught up. Read it again: the update may be there already.
  let version = created?.version ?? person.version;
  await request.retry(async (afterRace) => {
    if (afterRace || version === null) {
      const current = await org.getUser(userId);
      if (afterRace && reflects(current, update, update.addresses ? await country() : null)) return;
      version = current.version;
    }
    await org.patchUser(userId, version, update);
  });
}

/** What the row's PATCH sets: the plan's fields, and the manager and location the user lacks. */
async function updateOf(request: PatchRequest): Promise<UserUpdate> {
  const { person, created, adopted } = request;
  const update: UserUpdate = { ...person.patch };
  if (
    adopted &&
    created &&
    person.create &&
    !sameWorkPhone(created.addresses, person.create.addresses, await request.country())
  ) {
    update.addresses = person.create.addresses;
  }
  if (person.manager) {
    const managerId = person.manager.userId ?? request.userIds.get(managerKey(person.manager));
    if (!managerId) throw new RowFailure(`manager ${person.manager.email} was not created`);
    if (created?.managerId !== managerId) update.managerId = managerId;
  }
  if (person.location) {
    const name = person.location.name;
    const locationId = person.location.locationId ?? request.locations.ids.get(name);
    if (!locationId) {
      const why = request.locations.errors.get(name);
      throw new RowFailure(`location "${name}" could not be created${why ? `: ${errorLine(why)}` : ''}`);
    }
    if (!(created?.locationIds.length === 1 && created.locationIds[0] === locationId))
      update.locationIds = [locationId];
  }
  return update;
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
