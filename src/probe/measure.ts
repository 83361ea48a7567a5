// The pure half of `gc-onboard probe`: from what the I/O edge (run.ts) observed on the org to an
// org profile (src/sandbox/profile.ts) and a short report. No I/O, no clock.
import type { MeasuredReal, OrgProfile } from '../sandbox/profile.js';

/** ms from the user's creation answer to the first call that got past "unknown user" (null: never in time). */
export interface Lags {
  search: number | null;
  authorization: number | null;
  routing: number | null;
  telephony: number | null;
  /** From the phone's creation answer to the station being listed. */
  station: number | null;
}

export interface Observations {
  measuredAt: string;
  defaultCountryCode: string | null;
  lags: Lags;
  /** Polling step, ms: lags are accurate to about one step. */
  pollMs: number;
  /** Did the probe phone in the phones list carry webRtcUser / lines, plain and when asked? */
  phoneFields: {
    plain: { webRtcUser: boolean; lines: boolean };
    asked: { webRtcUser: boolean; lines: boolean };
  } | null;
  /** Users in the first listing page with dateWelcomeSent, without and with expand=dateWelcomeSent. */
  welcomeDates: { plain: number; expanded: number };
  /** Requested expands on our users in listings, and how many came back missing. */
  expands: { requested: number; dropped: number };
  /** A WORK phone written without a country code, and its address and display as read back. */
  workPhone: { written: string; address: string | null; display: string | null } | null;
  /** Statuses of each parallel write round (PATCH, skills bulk, station PUT). */
  raceRounds: number[][];
  /** Status of PUT default station for a user without a calling role (null: not tried). */
  defaultStationStatus: number | null;
  /** Learned limits per minute: token-wide, users search, phone writes (0: no own limit seen). */
  limits: { token: number | null; usersSearch: number; phoneWrites: number };
  /** The search for the role-grant subject cap (null: not tried, with a note saying why). */
  roleGrant: RoleGrantSearch | null;
  /** Other statuses: takenPhoneName, duplicateLocationName, secondInvite… */
  statuses: Record<string, number>;
  notes: string[];
}

const ok = (status: number) => status >= 200 && status < 300;

/** How one bulk role grant of `k` subjects went: taken, refused as too many, or refused otherwise (its line). */
export type PageTry = 'ok' | 'too-large' | { other: string };

export interface RoleGrantSearch {
  /** Largest subject count the org took in one call (0: none taken). */
  accepted: number;
  /** Smallest subject count it refused as too many (null: none refused). */
  refused: number | null;
  calls: number;
  /** A refusal for another reason, which ends the search unmeasured. */
  other: string | null;
}

/** Sizes tried in order until one is refused as too many; the docs name no cap, apply's page is 100. */
export const ROLE_GRANT_LADDER = [100, 250, 500, 1000, 2500, 5000] as const;
/** The ladder's 6 calls, then halving between the last size taken and the first refused, up to this many. */
export const ROLE_GRANT_MAX_CALLS = 8;

/**
 * Finds the org's role-grant subject cap in at most ROLE_GRANT_MAX_CALLS tries: up the ladder to the
 * first size refused as too many, then bisecting below it with the calls left. The cap found is a
 * lower bound: the largest size taken.
 */
export async function searchSubjectCap(tryPage: (k: number) => Promise<PageTry>): Promise<RoleGrantSearch> {
  const search: RoleGrantSearch = { accepted: 0, refused: null, calls: 0, other: null };
  const attempt = async (k: number): Promise<boolean> => {
    search.calls += 1;
    const outcome = await tryPage(k);
    if (outcome === 'ok') search.accepted = k;
    else if (outcome === 'too-large') search.refused = k;
    else search.other = outcome.other;
    return outcome === 'ok';
  };
  for (const k of ROLE_GRANT_LADDER) {
    if (!(await attempt(k))) break;
  }
  while (
    search.other === null &&
    search.refused !== null &&
    search.refused - search.accepted > 1 &&
    search.calls < ROLE_GRANT_MAX_CALLS
  ) {
    await attempt(Math.floor((search.accepted + search.refused) / 2));
  }
  return search;
}

/** A server's message may name the probe's user or role: a profile keeps no ids or emails. */
export function withoutPersonalData(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/[^\s"'(<]+@[^\s"')>]+/g, '<email>');
}

/** The cap a search found, or null with why (a note); `extra` is a note to keep beside a measured cap. */
export function subjectCapOf(search: RoleGrantSearch | null): {
  cap: number | null;
  why: string;
  extra: string | null;
} {
  if (!search) {
    const why = 'no bulk grant tried: the user never reached authorization, or no employee role';
    return { cap: null, why, extra: null };
  }
  if (search.other !== null) {
    const said = withoutPersonalData(search.other);
    return { cap: null, why: `a grant of the same user repeated was refused: ${said}`, extra: null };
  }
  if (search.accepted === 0)
    return { cap: null, why: `refused as too many even at ${search.refused ?? 0} subjects`, extra: null };
  const extra =
    search.refused === null
      ? `roleGrantSubjectCap: accepted ${search.accepted}, the most tried (${search.calls} calls).`
      : `roleGrantSubjectCap: took ${search.accepted}, refused ${search.refused} as too many (${search.calls} calls).`;
  return { cap: search.accepted, why: '', extra };
}

/** Share rounded to 3 places: a probe cannot tell finer from a few hundred samples. */
export function dropRate(expands: Observations['expands']): number | null {
  if (expands.requested === 0) return null;
  return Math.round((expands.dropped / expands.requested) * 1000) / 1000;
}

/** true: fields only on request; false: always there; null: not measurable (never there at all). */
export function fieldsOnRequest(fields: NonNullable<Observations['phoneFields']>): boolean | null {
  if (!fields.asked.webRtcUser) return null;
  return !fields.plain.webRtcUser;
}

export function datesOnlyWithExpand(dates: Observations['welcomeDates']): boolean | null {
  if (dates.plain > 0) return false;
  return dates.expanded > 0 ? true : null;
}

export function sawVersionRace(rounds: number[][]): boolean | null {
  if (rounds.length === 0) return null;
  return rounds.some((round) => round.includes(409));
}

/** The org reads work phones back in its own shapes (a formatted display), not as written. */
export function readsBackShaped(workPhone: Observations['workPhone']): boolean | null {
  if (!workPhone || workPhone.address === null) return null;
  return workPhone.display !== null && workPhone.display !== workPhone.written;
}

export function toProfile(o: Observations): OrgProfile {
  const real: MeasuredReal = {};
  const notes = [...o.notes];
  const put = <K extends keyof MeasuredReal>(key: K, value: MeasuredReal[K] | null, why: string) => {
    if (value === null || value === undefined) notes.push(`${key}: not measured (${why}).`);
    else real[key] = value;
  };
  put('authorizationLagMs', o.lags.authorization, 'bulkadd never got past 404');
  put('routingLagMs', o.lags.routing, 'skills bulk never got past 404');
  put('telephonyLagMs', o.lags.telephony, 'phone create never got past 404');
  put(
    'phoneFieldsOnRequest',
    o.phoneFields ? fieldsOnRequest(o.phoneFields) : null,
    'probe phone not listed',
  );
  put(
    'datesOnlyWithExpand',
    datesOnlyWithExpand(o.welcomeDates),
    'no user with dateWelcomeSent on the first page',
  );
  put('expandDropRate', dropRate(o.expands), 'no listing with expand');
  put('addressShapes', readsBackShaped(o.workPhone), 'work phone not read back');
  put('versionRaces', sawVersionRace(o.raceRounds), 'no parallel write round');
  put(
    'defaultStationNeedsCallAdd',
    o.defaultStationStatus === null ? null : !ok(o.defaultStationStatus),
    'no station to set',
  );
  const subjectCap = subjectCapOf(o.roleGrant);
  put('roleGrantSubjectCap', subjectCap.cap, subjectCap.why);
  if (subjectCap.extra) notes.push(subjectCap.extra);
  real.usersSearchPerMinute = o.limits.usersSearch;
  real.phoneWritesPerMinute = o.limits.phoneWrites;
  return {
    version: 1,
    measuredAt: o.measuredAt,
    org: o.defaultCountryCode ? { defaultCountryCode: o.defaultCountryCode } : {},
    real,
    ...(o.lags.search === null ? {} : { userSearchLagMs: o.lags.search }),
    ...(o.lags.station === null ? {} : { stationLagMs: o.lags.station }),
    ...(o.limits.token === null ? {} : { rateLimitPerMinute: o.limits.token }),
    statuses: {
      ...o.statuses,
      ...(o.defaultStationStatus === null ? {} : { defaultStationWithoutCallAdd: o.defaultStationStatus }),
    },
    notes,
  };
}

/** What the measured cap means for apply's page size (GC_ONBOARD_ROLE_GRANT_PAGE, default 100). */
export function roleGrantLine(cap: number | undefined, search: RoleGrantSearch | null): string {
  if (cap === undefined) return 'Role grants: the subject cap was not measured (see the notes).';
  const refused = search?.refused == null ? 'the most tried' : `refused ${search.refused}`;
  const took = `Role grants: the org took ${cap} subjects in one call (${refused}).`;
  const page = 'Apply pages at GC_ONBOARD_ROLE_GRANT_PAGE (default 100)';
  if (cap > 100) return `${took} ${page}: set it to ${cap} to grant in fewer calls.`;
  if (cap === 100) return `${took} ${page}: the default fits.`;
  return `${took} ${page}: set it to ${cap}, or apply splits every refused page.`;
}

export function renderReport(
  profile: OrgProfile,
  created: string[],
  pollMs: number,
  roleGrant: RoleGrantSearch | null = null,
): string {
  const lines = [
    'gc-onboard probe',
    `  Measured (a lag is an upper bound, within one poll: ${pollMs} ms, or longer when the rate limit paces the polls):`,
  ];
  const lag = (label: string, value: number | undefined) =>
    lines.push(`    ${label}: ${value === undefined ? 'not measured' : `${value} ms`}`);
  lag('users search lag', profile.userSearchLagMs);
  lag('authorization lag', profile.real.authorizationLagMs);
  lag('routing lag', profile.real.routingLagMs);
  lag('telephony lag', profile.real.telephonyLagMs);
  lag('station lag', profile.stationLagMs);
  for (const key of [
    'phoneFieldsOnRequest',
    'datesOnlyWithExpand',
    'expandDropRate',
    'addressShapes',
    'versionRaces',
    'defaultStationNeedsCallAdd',
    'usersSearchPerMinute',
    'phoneWritesPerMinute',
  ] as const) {
    const value = profile.real[key];
    lines.push(`    ${key}: ${value === undefined ? 'not measured' : String(value)}`);
  }
  lines.push(`  ${roleGrantLine(profile.real.roleGrantSubjectCap, roleGrant)}`);
  for (const [key, status] of Object.entries(profile.statuses ?? {}))
    lines.push(`    ${key}: HTTP ${status}`);
  for (const note of profile.notes) lines.push(`  note: ${note}`);
  lines.push('  Created (probe users set inactive; delete these in the admin UI):');
  for (const item of created) lines.push(`    ${item}`);
  return `${lines.join('\n')}\n`;
}
