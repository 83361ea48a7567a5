// The I/O edge of `gc-onboard probe`: on a test org, by explicit consent, create a few throwaway
// objects named gc-onboard-probe-<time>, observe how the org answers, and hand the observations to
// measure.ts. It writes only to what it created, never invites unless asked, never deletes.
import type { GenesysClient } from '../genesys/client.js';
import { GenesysApiError } from '../genesys/transport.js';
import type { OrgProfile } from '../sandbox/profile.js';
import { renderReport, toProfile, type Lags, type Observations } from './measure.js';

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

export async function runProbe(client: GenesysClient, options: ProbeOptions): Promise<ProbeResult> {
  const refusal = refusalOf(options);
  if (refusal) throw new ProbeRefused(refusal);
  const domain = options.emailDomain ?? '';
  const pollMs = options.pollMs ?? 250;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const log = options.log ?? (() => undefined);

  const org = await client.organization.getOrganizationsMe();
  if (options.orgNameContains !== undefined && !(org.name ?? '').includes(options.orgNameContains)) {
    throw new ProbeRefused(
      `the org is "${org.name ?? ''}", which does not contain "${options.orgNameContains}": probe refused.`,
    );
  }

  const created: string[] = [];
  const statuses: Record<string, number> = {};
  const notes: string[] = [];
  const stamp = probeStamp(now());
  const users = client.users;

  /**
   * Polls `attempt` every pollMs until it says done. The lag is when the winning answer came back: the
   * transport may pace a call (a route's own rate limit), so the time we asked is not when it was sent.
   */
  const lagUntil = async (since: number, attempt: () => Promise<boolean>): Promise<number | null> => {
    for (;;) {
      if (await attempt()) return Math.max(0, now() - since);
      if (now() - since > maxWaitMs) return null;
      await sleep(pollMs);
    }
  };
  const past404 = (call: () => Promise<unknown>) => async () => (await statusOf(call)) !== 404;

  // --- a location, twice with one name -------------------------------------------------------------
  const location = await client.locations.postLocations({ name: stamp });
  created.push(`location ${stamp} (${location.id ?? '?'})`);
  statuses.duplicateLocationName = await statusOf(() => client.locations.postLocations({ name: stamp }));
  if (statuses.duplicateLocationName < 300)
    created.push(`location ${stamp} (a second one: duplicate names allowed)`);

  // --- two users, and how long each service takes to know the first ------------------------------
  const divisionId = (await client.authorization.getAuthorizationDivisionsHome()).id ?? '';
  const createUser = async (n: number) => {
    const name = `${stamp}-${n}`;
    const user = await users.postUsers({ name, email: `${name}@${domain}`, divisionId });
    created.push(`user ${name}@${domain} (${user.id ?? '?'})`);
    return { id: user.id ?? '', email: `${name}@${domain}`, name };
  };
  const t0 = now();
  const first = await createUser(1);
  const second = await createUser(2);
  log(
    `probe: created ${first.name} and ${second.name}; measuring lags (every ${pollMs} ms, up to ${maxWaitMs} ms)`,
  );

  const telephonySetup = await phoneSetup(client);
  if (!telephonySetup) notes.push('no WebRTC phone base settings or site: telephony not measured.');
  const phoneName = `${stamp}-1`;
  let phoneCreatedAt = 0;
  let phoneId: string | null = null;
  const phoneBody = (name: string, userId: string) => ({
    name,
    site: { id: telephonySetup?.siteId ?? '' },
    phoneBaseSettings: { id: telephonySetup?.baseId ?? '' },
    lines: [{ name: `${name}_1`, lineBaseSettings: { id: telephonySetup?.lineBaseId ?? '' } }],
    webRtcUser: { id: userId },
  });

  const [search, authorization, routing, telephony] = await Promise.all([
    lagUntil(t0, async () => {
      const found = await users.postUsersSearch({
        pageSize: 25,
        query: [{ type: 'EXACT', fields: ['email'], value: first.email }],
      });
      return (found.results ?? []).some((user) => user.id === first.id);
    }),
    // Empty grants: past the "unknown user" 404 it answers 400, and nothing is granted.
    lagUntil(
      t0,
      past404(() =>
        client.authorization.postAuthorizationSubjectBulkadd(
          first.id,
          { grants: [] },
          { subjectType: 'PC_USER' },
        ),
      ),
    ),
    lagUntil(
      t0,
      past404(() => users.patchUserRoutingskillsBulk(first.id, [])),
    ),
    telephonySetup
      ? lagUntil(t0, async () => {
          try {
            const phone = await client.telephony.postTelephonyProvidersEdgesPhones(
              phoneBody(phoneName, first.id),
            );
            phoneCreatedAt = now();
            phoneId = phone.id ?? null;
            created.push(`phone ${phoneName} (${phoneId ?? '?'})`);
            return true;
          } catch (error) {
            if (error instanceof GenesysApiError && error.status === 404) return false;
            throw error;
          }
        })
      : Promise.resolve(null),
  ]);

  // --- the station, and a default station for a user without a calling role ----------------------
  let stationId: string | null = null;
  const station =
    phoneId === null
      ? null
      : await lagUntil(phoneCreatedAt, async () => {
          const page = await client.stations.getStations({
            webRtcUserId: first.id,
            pageSize: 25,
            pageNumber: 1,
          });
          stationId = page.entities?.find((s) => s.webRtcUserId === first.id)?.id ?? null;
          return stationId !== null;
        });
  const lags: Lags = { search, authorization, routing, telephony, station };
  let defaultStationStatus: number | null = null;
  // Assigned inside the poll's closure, which TypeScript's narrowing does not see.
  const foundStation: string | null = stationId;
  if (foundStation !== null) {
    // A 409 here is a version race from the polling writes above, not the answer we look for.
    for (let tries = 0; tries < 5; tries += 1) {
      defaultStationStatus = await statusOf(() =>
        users.putUserStationDefaultstationStationId(first.id, foundStation),
      );
      if (defaultStationStatus !== 409) break;
      await sleep(Math.max(pollMs, 600));
    }
  }

  // --- a taken phone name ---------------------------------------------------------------------------
  if (telephonySetup && phoneId !== null) {
    await lagUntil(
      now(),
      past404(() => users.getUser(second.id)),
    );
    let status = 404;
    const since = now();
    while (status === 404 && now() - since <= maxWaitMs) {
      status = await statusOf(() =>
        client.telephony.postTelephonyProvidersEdgesPhones(phoneBody(phoneName, second.id)),
      );
      if (status === 404) await sleep(pollMs);
    }
    statuses.takenPhoneName = status;
    if (status < 300) created.push(`phone ${phoneName} (a second one: duplicate names allowed)`);
  }

  // --- which fields come back with and without fields/expand ---------------------------------------
  const phoneFields = phoneId === null ? null : await readPhoneFields(client, phoneName, phoneId);
  const welcome = await readWelcomeDates(client);
  const expands = await sampleExpands(client, [first.id, second.id], options.expandSamples ?? 20);

  // --- work phone and extension read-back ------------------------------------------------------------
  const country = org.defaultCountryCode ?? null;
  const written = country === 'GB' ? '02079460123' : '3175550123';
  const workPhone = await writeAndReadWorkPhone(client, first.id, written, notes);

  // --- version conflicts under parallel writes ------------------------------------------------------
  const raceRounds: number[][] = [];
  for (let round = 0; round < (options.raceRounds ?? 12); round += 1) {
    const user = await users.getUser(first.id);
    const version = user.version ?? 1;
    const calls: Array<() => Promise<unknown>> = [
      () => users.patchUser(first.id, { version, title: `probe round ${round + 1}` }),
      () => users.patchUserRoutingskillsBulk(first.id, []),
    ];
    if (foundStation !== null)
      calls.push(() => users.putUserStationDefaultstationStationId(first.id, foundStation));
    const result = await Promise.all(calls.map((call) => statusOf(call)));
    raceRounds.push(result);
    if (result.includes(409)) break;
  }

  // --- invites, only when asked --------------------------------------------------------------------
  if (options.includeInvite) {
    statuses.firstInvite = await statusOf(() => users.postUserInvite(first.id, { force: false }));
    statuses.secondInviteWithoutForce = await statusOf(() =>
      users.postUserInvite(first.id, { force: false }),
    );
  } else notes.push('invites not tried (pass --include-invite).');

  // --- rate limits per route family, from inin-ratelimit-allowed -------------------------------------
  const stats = client.stats();
  const perMinute = (value: number | undefined) =>
    value === undefined ? 0 : Math.round((value * 60_000) / stats.windowMs);
  const families = Object.entries(stats.limits).map(([key, value]) => `${key} ${perMinute(value)}`);
  notes.push(`inin-ratelimit-allowed per minute: ${families.join(', ') || 'none seen'}.`);
  const limits = {
    token: perMinute(stats.limit) || null,
    usersSearch: perMinute(stats.limits['POST /api/v2/users/search']),
    phoneWrites: perMinute(stats.limits['POST /api/v2/telephony/providers/edges/phones']),
  };

  // --- leave the probe users inactive -----------------------------------------------------------------
  for (const user of [first, second]) {
    for (let tries = 0; tries < 3; tries += 1) {
      const version = (await users.getUser(user.id)).version ?? 1;
      const status = await statusOf(() => users.patchUser(user.id, { version, state: 'inactive' }));
      if (status < 300) break;
      await sleep(Math.max(pollMs, 600));
    }
  }

  const observations: Observations = {
    measuredAt: new Date(now()).toISOString(),
    defaultCountryCode: country,
    lags,
    pollMs,
    phoneFields,
    welcomeDates: welcome,
    expands,
    workPhone,
    raceRounds,
    defaultStationStatus,
    limits,
    statuses,
    notes,
  };
  const profile = toProfile(observations);
  return { profile, created, report: renderReport(profile, created, pollMs) };
}

async function phoneSetup(
  client: GenesysClient,
): Promise<{ siteId: string; baseId: string; lineBaseId: string } | null> {
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
