// A person's WebRTC phone and its station: the create that reconciles with an earlier write of its
// own, and the lookup of new phones' stations, which lag behind the phones in the station index.
import type { PhonePlan } from '../plan/types.js';
import type { OrgWriter, PhoneRecord } from './org.js';
import { isTaken } from './retry.js';
import { RowFailure, waitForIndex, type IndexWait } from './users.js';

/** Listing stations costs a call per 100; below that many waiting phones, ask per user. */
export const STATION_PAGE = 100;

/**
 * POST the phone (through `retry`, which waits for a new user to reach telephony); if its name or its
 * user is taken (maybe by our own earlier write), take it when it is this phone.
 */
export async function ensurePhone(
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
    if (!isTaken(error)) throw error;
    // A name filter may match other phones (it takes `*` wildcards and comma lists), so a hit by name
    // counts only when the name is exactly ours; otherwise look for the user's phone.
    const byName = await org.findPhoneByName(phone.name);
    const existing = byName?.name === phone.name ? byName : await org.findPhoneByUser(userId);
    if (existing && existing.webRtcUserId === userId && existing.name === phone.name) return existing;
    throw error;
  }
}

export interface StationWait extends IndexWait {
  /** First look this long after the last phone was created (the station index lags). */
  stationFirstPollMs: number;
}

/**
 * The stations of these users' WebRTC phones (an Error for a user whose station could not be found).
 * After the first pause, one page of the station list tells how many pages there are: when reading
 * them all costs fewer calls than asking per user, read them all; whoever is still missing (the index
 * lags) is then asked for alone, with growing pauses.
 */
export async function findStations(
  org: OrgWriter,
  userIds: string[],
  wait: StationWait,
): Promise<Map<string, string | Error>> {
  const found = new Map<string, string | Error>();
  await wait.sleep(wait.stationFirstPollMs);
  if (userIds.length > 1) await listStations(org, new Set(userIds), found);
  await Promise.all(
    userIds
      .filter((userId) => !found.has(userId))
      .map(async (userId) => {
        try {
          const stationId = await waitForIndex(() => org.findStation(userId), wait);
          found.set(
            userId,
            stationId ??
              new RowFailure(
                `its station did not appear within ${wait.indexWaitMs / 1000} s; run apply again`,
              ),
          );
        } catch (error) {
          found.set(userId, error instanceof Error ? error : new Error(String(error)));
        }
      }),
  );
  return found;
}

/** Reads the station list when that is cheaper than asking per user; fills `found` for `wanted`. */
async function listStations(org: OrgWriter, wanted: Set<string>, found: Map<string, string | Error>) {
  const take = (stations: Array<{ id: string; webRtcUserId: string | null }>) => {
    for (const station of stations) {
      if (station.webRtcUserId && wanted.has(station.webRtcUserId))
        found.set(station.webRtcUserId, station.id);
    }
  };
  try {
    const first = await org.listStations(1, STATION_PAGE);
    take(first.stations);
    const missing = wanted.size - found.size;
    if (first.pageCount - 1 < missing) {
      // Each page is taken as it comes and let go: an org's stations (tens of thousands) never sit
      // in memory together.
      await Promise.all(
        Array.from({ length: first.pageCount - 1 }, async (_, i) =>
          take((await org.listStations(i + 2, STATION_PAGE)).stations),
        ),
      );
    }
  } catch {
    // The per-user lookups cover whatever the listing did not give.
  }
}
