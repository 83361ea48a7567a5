// The I/O edge of `gc-onboard probe`: on a test org, by explicit consent, create a few throwaway
// objects named gc-onboard-probe-<time>, observe how the org answers, and hand the observations to
// measure.ts. It writes only to what it created, never invites unless asked, never deletes.
import type { GenesysClient } from '../genesys/client.js';
import { isTooLarge } from '../apply/retry.js';
import { GenesysApiError } from '../genesys/transport.js';
import type { OrgProfile } from '../sandbox/profile.js';
import {
  renderReport,
  searchSubjectCap,
  toProfile,
  withoutPersonalData,
  type Lags,
  type Observations,
  type PageTry,
  type RoleGrantSearch,
} from './measure.js';

export interface ProbeOptions {
  emailDomain?: string;
  /** --yes-write-to-this-org */
  consent: boolean;
  orgNameContains?: string;
  includeInvite: boolean;
  /** Polling step and bound of the lag waits (default 250 ms, 30 s). */
  pollMs?: number;
  maxWaitMs?: number;
  /** Rounds of parallel writes looking for a version race (default 12). */
  raceRounds?: number;
  /** Listings with expand sampled for the drop rate (default 20). */
  expandSamples?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

export interface ProbeResult {
  profile: OrgProfile;
  /** What the probe created, for an admin to delete in the UI. */
  created: string[];
  report: string;
}

/** A refusal before anything is written: one line, exit 2. */
export class ProbeRefused extends Error {}

/** The consent checks that need no org (pure). */
export function refusalOf(options: Pick<ProbeOptions, 'emailDomain' | 'consent'>): string | null {
  if (!options.consent)
    return 'probe writes throwaway users, a phone and a location to the org: pass --yes-write-to-this-org to agree.';
  if (!options.emailDomain) return 'probe needs --email-domain DOMAIN for its throwaway users.';
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(options.emailDomain))
    return `--email-domain must be a domain such as test.example.edu, got "${options.emailDomain}".`;
  return null;
}

/** The HTTP status of a call: 2xx as 200, an API error's status, anything else rethrown. */
async function statusOf(call: () => Promise<unknown>): Promise<number> {
  try {
    await call();
    return 200;
  } catch (error) {
    if (error instanceof GenesysApiError && error.status > 0) return error.status;
    throw error;
  }
}

export function probeStamp(ms: number): string {
  return `gc-onboard-probe-${new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'z')
    .toLowerCase()}`;
}

/** What every step of one probe shares: the client, the clock and its polling, and what it made and saw. */
interface ProbeRun {
  client: GenesysClient;
  stamp: string;
  domain: string;
  pollMs: number;
  maxWaitMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  log: (line: string) => void;
  created: string[];
  statuses: Record<string, number>;
  notes: string[];
}

interface ProbeUser {
  id: string;
  email: string;
  name: string;
}

/** The probe phone: when its creation answered (lags count from there) and its id. */
interface ProbePhone {
  name: string;
  id: string;
  createdAt: number;
}

type TelephonySetup = { siteId: string; baseId: string; lineBaseId: string };

export async function runProbe(client: GenesysClient, options: ProbeOptions): Promise<ProbeResult> {
  const refusal = refusalOf(options);
  if (refusal) throw new ProbeRefused(refusal);
  const run = startRun(client, options);
  const org = await client.organization.getOrganizationsMe();
  if (options.orgNameContains !== undefined && !(org.name ?? '').includes(options.orgNameContains)) {
    throw new ProbeRefused(
      `the org is "${org.name ?? ''}", which does not contain "${options.orgNameContains}": probe refused.`,
    );
  }
  await probeLocationNames(run);
  const users = await createProbeUsers(run);
  let observations: Observations;
  try {
    observations = await observe(run, options, org.defaultCountryCode ?? null, users);
  } finally {
    // Whatever happened, the throwaway users go inactive: none is left able to log in.
    await deactivate(run, [users.first, users.second]);
  }
  const profile = toProfile(observations);
  return {
    profile,
    created: run.created,
    report: renderReport(profile, run.created, run.pollMs, observations.roleGrant),
  };
}

/** Everything the probe measures with its two throwaway users (it deactivates them after). */
async function observe(
  run: ProbeRun,
  options: ProbeOptions,
  country: string | null,
  { first, second, createdAt, divisionId }: ProbeUsers,
): Promise<Observations> {
  const client = run.client;
  const setup = await phoneSetup(client);
  if (!setup) run.notes.push('no WebRTC phone base settings or site: telephony not measured.');
  const { lags, phone, stationId } = await measureLags(run, first, createdAt, setup);
  const defaultStationStatus = stationId === null ? null : await setDefaultStation(run, first.id, stationId);
  if (setup && phone) await probeTakenPhoneName(run, setup, phone, second);
  const phoneFields = phone ? await readPhoneFields(client, phone.name, phone.id) : null;
  const welcome = await readWelcomeDates(client);
  const expands = await sampleExpands(client, [first.id, second.id], options.expandSamples ?? 20);
  const written = country === 'GB' ? '02079460123' : '3175550123';
  const workPhone = await writeAndReadWorkPhone(client, first.id, written, run.notes);
  const raceRounds = await versionRaces(run, first.id, stationId, options.raceRounds ?? 12);
  if (options.includeInvite) await probeInvites(run, first.id);
  else run.notes.push('invites not tried (pass --include-invite).');
  // Last of the writes: a role granted earlier could change what the station PUT above answers.
  const roleGrant =
    lags.authorization === null
      ? null
      : await roleGrantCap(client, first.id, divisionId, run.notes).catch(unmeasured(run));
  const limits = learnedLimits(run);
  return {
    measuredAt: new Date(run.now()).toISOString(),
    defaultCountryCode: country,
    lags,
    pollMs: run.pollMs,
    phoneFields,
    welcomeDates: welcome,
    expands,
    workPhone,
    raceRounds,
    defaultStationStatus,
    roleGrant,
    limits,
    statuses: run.statuses,
    notes: run.notes,
  };
}

/** A role-grant cap search that met an error: a note, and no cap (the rest of the probe stands). */
function unmeasured(run: ProbeRun): (error: unknown) => null {
  return (error) => {
    const said = error instanceof Error ? error.message : String(error);
    run.notes.push(`roleGrantSubjectCap: not measured (${withoutPersonalData(said)}).`);
    return null;
  };
}

function startRun(client: GenesysClient, options: ProbeOptions): ProbeRun {
  const now = options.now ?? Date.now;
  return {
    client,
    stamp: probeStamp(now()),
    domain: options.emailDomain ?? '',
    pollMs: options.pollMs ?? 250,
    maxWaitMs: options.maxWaitMs ?? 30_000,
    now,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms))),
    log: options.log ?? (() => undefined),
    created: [],
    statuses: {},
    notes: [],
  };
}

/**
 * Polls `attempt` every pollMs until it says done. The lag is when the winning answer came back: the
 * transport may pace a call (a route's own rate limit), so the time we asked is not when it was sent.
 */
async function lagUntil(
  run: ProbeRun,
  since: number,
  attempt: () => Promise<boolean>,
): Promise<number | null> {
  for (;;) {
    if (await attempt()) return Math.max(0, run.now() - since);
    if (run.now() - since > run.maxWaitMs) return null;
    await run.sleep(run.pollMs);
  }
}

const past404 = (call: () => Promise<unknown>) => async () => (await statusOf(call)) !== 404;

/** A location, twice with one name: may two share it? */
async function probeLocationNames(run: ProbeRun): Promise<void> {
  const { client, stamp } = run;
  const location = await client.locations.postLocations({ name: stamp });
  run.created.push(`location ${stamp} (${location.id ?? '?'})`);
  run.statuses.duplicateLocationName = await statusOf(() => client.locations.postLocations({ name: stamp }));
  if (run.statuses.duplicateLocationName < 300)
    run.created.push(`location ${stamp} (a second one: duplicate names allowed)`);
}

/** The two throwaway users, when the first was created, and the home division they are in. */
interface ProbeUsers {
  first: ProbeUser;
  second: ProbeUser;
  createdAt: number;
  divisionId: string;
}

/** Two throwaway users in the home division; the lags count from `createdAt`. */
async function createProbeUsers(run: ProbeRun): Promise<ProbeUsers> {
  const divisionId = (await run.client.authorization.getAuthorizationDivisionsHome()).id ?? '';
  const createUser = async (n: number): Promise<ProbeUser> => {
    const name = `${run.stamp}-${n}`;
    const email = `${name}@${run.domain}`;
    const user = await run.client.users.postUsers({ name, email, divisionId });
    run.created.push(`user ${email} (${user.id ?? '?'})`);
    return { id: user.id ?? '', email, name };
  };
  const createdAt = run.now();
  const first = await createUser(1);
  const second = await createUser(2);
  run.log(
    `probe: created ${first.name} and ${second.name}; measuring lags (every ${run.pollMs} ms, up to ${run.maxWaitMs} ms)`,
  );
  return { first, second, createdAt, divisionId };
}

const phoneBody = (setup: TelephonySetup | null, name: string, userId: string) => ({
  name,
  site: { id: setup?.siteId ?? '' },
  phoneBaseSettings: { id: setup?.baseId ?? '' },
  lines: [{ name: `${name}_1`, lineBaseSettings: { id: setup?.lineBaseId ?? '' } }],
  webRtcUser: { id: userId },
});

/** How long each service takes to know the new user (all at once), then the phone's station. */
async function measureLags(
  run: ProbeRun,
  user: ProbeUser,
  since: number,
  setup: TelephonySetup | null,
): Promise<{ lags: Lags; phone: ProbePhone | null; stationId: string | null }> {
  const { client } = run;
  const [search, authorization, routing, telephony] = await Promise.all([
    lagUntil(run, since, async () => {
      const found = await client.users.postUsersSearch({
        pageSize: 25,
        query: [{ type: 'EXACT', fields: ['email'], value: user.email }],
      });
      return (found.results ?? []).some((hit) => hit.id === user.id);
    }),
    // Empty grants: past the "unknown user" 404 it answers 400, and nothing is granted.
    lagUntil(
      run,
      since,
      past404(() =>
        client.authorization.postAuthorizationSubjectBulkadd(
          user.id,
          { grants: [] },
          { subjectType: 'PC_USER' },
        ),
      ),
    ),
    lagUntil(
      run,
      since,
      past404(() => client.users.patchUserRoutingskillsBulk(user.id, [])),
    ),
    setup ? phoneLag(run, setup, user, since) : Promise.resolve({ lag: null, phone: null }),
  ]);
  const { phone } = telephony;
  const station = phone ? await stationLag(run, user.id, phone) : { lag: null, stationId: null };
  return {
    lags: { search, authorization, routing, telephony: telephony.lag, station: station.lag },
    phone,
    stationId: station.stationId,
  };
}

/** Creates the user's WebRTC phone as soon as telephony knows the user. */
async function phoneLag(
  run: ProbeRun,
  setup: TelephonySetup,
  user: ProbeUser,
  since: number,
): Promise<{ lag: number | null; phone: ProbePhone | null }> {
  const name = `${run.stamp}-1`;
  let phone: ProbePhone | null = null;
  const lag = await lagUntil(run, since, async () => {
    try {
      const created = await run.client.telephony.postTelephonyProvidersEdgesPhones(
        phoneBody(setup, name, user.id),
      );
      run.created.push(`phone ${name} (${created.id ?? '?'})`);
      if (created.id) phone = { name, id: created.id, createdAt: run.now() };
      return true;
    } catch (error) {
      if (error instanceof GenesysApiError && error.status === 404) return false;
      throw error;
    }
  });
  return { lag, phone };
}

/** From the phone's creation to its station being listed for the user. */
async function stationLag(
  run: ProbeRun,
  userId: string,
  phone: ProbePhone,
): Promise<{ lag: number | null; stationId: string | null }> {
  let stationId: string | null = null;
  const lag = await lagUntil(run, phone.createdAt, async () => {
    const page = await run.client.stations.getStations({ webRtcUserId: userId, pageSize: 25, pageNumber: 1 });
    stationId = page.entities?.find((s) => s.webRtcUserId === userId)?.id ?? null;
    return stationId !== null;
  });
  return { lag, stationId };
}

/** PUT default station for a user without a calling role: its status. */
async function setDefaultStation(run: ProbeRun, userId: string, stationId: string): Promise<number> {
  let status = 0;
  // A 409 here is a version race from the polling writes above, not the answer we look for.
  for (let tries = 0; tries < 5; tries += 1) {
    status = await statusOf(() => run.client.users.putUserStationDefaultstationStationId(userId, stationId));
    if (status !== 409) break;
    await run.sleep(Math.max(run.pollMs, 600));
  }
  return status;
}

/** A second phone with the first one's name, for the second user: is a taken name refused? */
async function probeTakenPhoneName(
  run: ProbeRun,
  setup: TelephonySetup,
  phone: ProbePhone,
  user: ProbeUser,
): Promise<void> {
  await lagUntil(
    run,
    run.now(),
    past404(() => run.client.users.getUser(user.id)),
  );
  let status = 404;
  const since = run.now();
  while (status === 404 && run.now() - since <= run.maxWaitMs) {
    status = await statusOf(() =>
      run.client.telephony.postTelephonyProvidersEdgesPhones(phoneBody(setup, phone.name, user.id)),
    );
    if (status === 404) await run.sleep(run.pollMs);
  }
  run.statuses.takenPhoneName = status;
  if (status < 300) run.created.push(`phone ${phone.name} (a second one: duplicate names allowed)`);
}

/** Rounds of parallel writes to one user until one answers 409 (a version race), each round's statuses. */
async function versionRaces(
  run: ProbeRun,
  userId: string,
  stationId: string | null,
  rounds: number,
): Promise<number[][]> {
  const users = run.client.users;
  const statuses: number[][] = [];
  for (let round = 0; round < rounds; round += 1) {
    const version = (await users.getUser(userId)).version ?? 1;
    const calls: Array<() => Promise<unknown>> = [
      () => users.patchUser(userId, { version, title: `probe round ${round + 1}` }),
      () => users.patchUserRoutingskillsBulk(userId, []),
    ];
    if (stationId !== null) calls.push(() => users.putUserStationDefaultstationStationId(userId, stationId));
    const result = await Promise.all(calls.map((call) => statusOf(call)));
    statuses.push(result);
    if (result.includes(409)) break;
  }
  return statuses;
}

/**
 * The org's cap on subjects per bulk role grant: the `employee` role every user holds, in the home
 * division, granted to the probe's own user repeated k times (so nothing but that user is written).
 * Called once the authorization service knows the user; at most ROLE_GRANT_MAX_CALLS calls.
 */
export async function roleGrantCap(
  client: GenesysClient,
  userId: string,
  divisionId: string,
  notes: string[],
): Promise<RoleGrantSearch | null> {
  const authorization = client.authorization;
  const roles = await authorization.getAuthorizationRoles({ name: 'employee', pageSize: 25, pageNumber: 1 });
  const roleId = roles.entities?.find((role) => role.name === 'employee')?.id;
  if (!roleId) {
    notes.push('roleGrantSubjectCap: no role named employee to grant.');
    return null;
  }
  const tryPage = async (k: number): Promise<PageTry> => {
    try {
      const subjectIds = Array.from({ length: k }, () => userId);
      await authorization.postAuthorizationRole(
        roleId,
        { subjectIds, divisionIds: [divisionId] },
        { subjectType: 'PC_USER' },
      );
      return 'ok';
    } catch (error) {
      if (isTooLarge(error)) return 'too-large';
      if (error instanceof GenesysApiError && error.status > 0) return { other: error.message };
      throw error;
    }
  };
  return searchSubjectCap(tryPage);
}

/** An invite, then a second one without force (asked for with --include-invite only). */
async function probeInvites(run: ProbeRun, userId: string): Promise<void> {
  const users = run.client.users;
  run.statuses.firstInvite = await statusOf(() => users.postUserInvite(userId, { force: false }));
  run.statuses.secondInviteWithoutForce = await statusOf(() =>
    users.postUserInvite(userId, { force: false }),
  );
}

/** Rate limits per route family, per minute, from the inin-ratelimit-allowed headers seen. */
function learnedLimits(run: ProbeRun): Observations['limits'] {
  const stats = run.client.stats();
  const perMinute = (value: number | undefined) =>
    value === undefined ? 0 : Math.round((value * 60_000) / stats.windowMs);
  const families = Object.entries(stats.limits).map(([key, value]) => `${key} ${perMinute(value)}`);
  run.notes.push(`inin-ratelimit-allowed per minute: ${families.join(', ') || 'none seen'}.`);
  return {
    token: perMinute(stats.limit) || null,
    usersSearch: perMinute(stats.limits['POST /api/v2/users/search']),
    phoneWrites: perMinute(stats.limits['POST /api/v2/telephony/providers/edges/phones']),
  };
}

/** Leaves the probe users inactive (never deleted: an admin removes them in the UI). */
async function deactivate(run: ProbeRun, users: readonly ProbeUser[]): Promise<void> {
  for (const user of users) {
    for (let tries = 0; tries < 3; tries += 1) {
      const version = (await run.client.users.getUser(user.id)).version ?? 1;
      const status = await statusOf(() =>
        run.client.users.patchUser(user.id, { version, state: 'inactive' }),
      );
      if (status < 300) break;
      await run.sleep(Math.max(run.pollMs, 600));
    }
  }
}

async function phoneSetup(client: GenesysClient): Promise<TelephonySetup | null> {
  const bases = await client.telephony.getTelephonyProvidersEdgesPhonebasesettings({
    pageSize: 100,
    pageNumber: 1,
    expand: ['lines'],
  });
  const base = (bases.entities ?? []).find((b) => /webrtc/i.test(b.phoneMetaBase?.id ?? ''));
  const sites = await client.telephony.getTelephonyProvidersEdgesSites({ pageSize: 1, pageNumber: 1 });
  const siteId = sites.entities?.[0]?.id;
  const lineBaseId = base?.lines?.[0]?.id;
  if (!base?.id || !siteId || !lineBaseId) return null;
  return { siteId, baseId: base.id, lineBaseId };
}

async function readPhoneFields(
  client: GenesysClient,
  name: string,
  id: string,
): Promise<NonNullable<Observations['phoneFields']>> {
  const shape = async (asked: boolean) => {
    const page = await client.telephony.getTelephonyProvidersEdgesPhones({
      name,
      pageSize: 25,
      pageNumber: 1,
      ...(asked ? { fields: ['webRtcUser'], expand: ['lines'] } : {}),
    });
    const phone = page.entities?.find((p) => p.id === id);
    return { webRtcUser: phone?.webRtcUser !== undefined, lines: (phone?.lines?.length ?? 0) > 0 };
  };
  return { plain: await shape(false), asked: await shape(true) };
}

/** Counts only (no names kept): users on the first page with dateWelcomeSent, plain and expanded. */
async function readWelcomeDates(client: GenesysClient): Promise<Observations['welcomeDates']> {
  const count = async (expand: boolean) => {
    const page = await client.users.getUsers({
      pageSize: 100,
      pageNumber: 1,
      ...(expand ? { expand: ['dateWelcomeSent'] } : {}),
    });
    return (page.entities ?? []).filter((user) => user.dateWelcomeSent !== undefined).length;
  };
  return { plain: await count(false), expanded: await count(true) };
}

const SAMPLED_EXPANDS = ['skills', 'locations', 'employerInfo', 'groups', 'languages'] as const;

/** The listing (GET /users?id=…) may leave a requested expand out; count how often, on our users. */
async function sampleExpands(
  client: GenesysClient,
  ids: string[],
  samples: number,
): Promise<Observations['expands']> {
  let requested = 0;
  let dropped = 0;
  for (let i = 0; i < samples; i += 1) {
    const page = await client.users.getUsers({
      id: ids,
      pageSize: ids.length,
      pageNumber: 1,
      expand: [...SAMPLED_EXPANDS],
    });
    for (const user of page.entities ?? []) {
      const fields = user as unknown as Record<string, unknown>;
      for (const expand of SAMPLED_EXPANDS) {
        requested += 1;
        if (fields[expand] === undefined) dropped += 1;
      }
    }
  }
  return { requested, dropped };
}

async function writeAndReadWorkPhone(
  client: GenesysClient,
  userId: string,
  written: string,
  notes: string[],
): Promise<Observations['workPhone']> {
  const version = (await client.users.getUser(userId)).version ?? 1;
  const status = await statusOf(() =>
    client.users.patchUser(userId, {
      version,
      addresses: [
        { address: written, mediaType: 'PHONE', type: 'WORK' },
        { extension: '4321', mediaType: 'PHONE', type: 'WORK2' },
      ],
    }),
  );
  if (status >= 300) {
    notes.push(`writing a work phone answered ${status}.`);
    return { written, address: null, display: null };
  }
  const user = await client.users.getUser(userId);
  const phones = (user.addresses ?? []).filter((a) => a.mediaType === 'PHONE');
  for (const phone of phones) {
    const { type, address, display, extension, countryCode } = phone;
    notes.push(`read back ${type ?? '?'}: ${JSON.stringify({ address, display, extension, countryCode })}`);
  }
  const work = phones.find((a) => a.type === 'WORK');
  return { written, address: work?.address ?? null, display: work?.display ?? null };
}
