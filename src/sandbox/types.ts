// Public types of the sandbox: its options, its seed (an org to start from), its stats and the
// state dump that tests assert on. Plain data only.

/** Shares (0..1) of /api/v2 requests that meet each injected fault. Their sum must not exceed 1. */
export interface SandboxFaults {
  /** Answer 429 `too.many.requests` (with Retry-After) before doing the work. */
  rate429?: number;
  /** Answer 503 before doing the work. */
  rate503?: number;
  /** Destroy the socket without a response, before doing the work. */
  drop?: number;
  /** Do the work (commit the write), then destroy the socket without a response. */
  commitThenDrop?: number;
  /** Extra delay added to a latency spike. */
  latencySpikeMs?: number;
  /** Share of requests that get the latency spike (drawn independently of the faults above). */
  latencySpikeRate?: number;
}

/**
 * The ways a real Genesys Cloud org is stricter than a lenient emulator, each on by default. Sources
 * are sections of real-api.md (../shared/reference). `real: false` turns all of them off; a partial
 * object overrides single ones. Numbers that mean "how much" turn a behaviour off at 0.
 */
export interface RealBehaviours {
  /** §1 (TF PR #1194): the phones list gives `webRtcUser` only with `fields=webRtcUser`, `lines` only with `expand=lines`, a line's `defaultForUser` only with `fields=lines.defaultForUser`. Default true. */
  phoneFieldsOnRequest: boolean;
  /** §8 (SDK getTelephonyProvidersEdgesPhones doc): the phones list stops at this many results unless sorted by id alone without filters (total capped, pages past it empty). Default 10000; 0 = no cap. */
  phoneListCap: number;
  /** §8 (TF PR #2386): deleted phones stay listed with `state: "deleted"`; their name and WebRTC user are free again. Default true; false = seeded deleted phones are not loaded. */
  deletedPhones: boolean;
  /** §2 (TF bulkadd retry, "auth service cache"): for this long after POST /users, bulkadd and the bulk role grant answer 404 for the new user. Default 2000 ms; 0 = none. */
  authorizationLagMs: number;
  /** §2 (TF queue-member retry): for this long after POST /users, skills bulk and queue members answer 404 for the new user. Default 3000 ms; 0 = none. */
  routingLagMs: number;
  /** §2 (TF phone-create retry, ≈27 s budget): for this long after POST /users, phone create/update with the new user as webRtcUser and the user's station PUTs answer 404. Default 4000 ms; 0 = none. */
  telephonyLagMs: number;
  /** §3 (TF IsVersionMismatch, issue #1461): skills bulk and station PUTs answer 409 while another version-checked write to the same user is in flight. Default true; false also makes a stale PATCH always 409. */
  versionRaces: boolean;
  /** §3: after a version-checked write to a user succeeds, skills bulk and station PUTs to that user may still 409 for this long. Default 500 ms. */
  versionRaceWindowMs: number;
  /** §3: share (0..1, seeded) of skills bulk and station PUTs inside that window that answer 409. Default 0.2. */
  versionRaceRate: number;
  /** §3 (TF IsVersionMismatch "a 409 or 400"): share (0..1, seeded) of stale-version PATCH /users/{id} answered 400 instead of 409. Default 0.5. */
  staleVersion400Share: number;
  /** §4 (TF flattenUserAddresses, PRs #183, #1687, #2181): PHONE addresses stored in E.164 with the org's default country and read back in the four real shapes. Default true. */
  addressShapes: boolean;
  /** §5 (SDK getUsers expand enum): `dateWelcomeSent` and `dateLastLogin` only with `expand`. Default true. */
  datesOnlyWithExpand: boolean;
  /** §6 (SDK getUsers doc, "best effort"): share (0..1, seeded) of each requested expand left out per user on GET /users and users/search (never on GET /users/{id}). Default 0.02. */
  expandDropRate: number;
  /** §7 (help "Assign a default phone"): PUT default station refused (400) unless the person's roles hold conversation:call:add. Default true. */
  defaultStationNeedsCallAdd: boolean;
  /** §9 (real logs: inin-ratelimit-allowed 180): POST /users/search per token per window, with its own inin-ratelimit-* headers. Default 180; 0 = only the token limit. */
  usersSearchPerMinute: number;
  /** §9: POST and PUT of phones per token per window, with their own inin-ratelimit-* headers. Default 180; 0 = only the token limit. */
  phoneWritesPerMinute: number;
  /**
   * Our choice (the docs name no limit): POST /authorization/roles/{roleId} takes at most this many
   * `subjectIds` per call, else 400 `bad.request`, as queue members take 100. Default 100; 0 = no cap.
   */
  roleGrantSubjectCap: number;
  /** §11 (spec-subset.json): 202 on station PUT/DELETE, lower-case codecs, `divisionId` required on POST /users, only the spec's sortOrder and phone expand/fields values. Default true. */
  specContract: boolean;
}

export interface SandboxOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Requests allowed per token per window (default 300). */
  rateLimitPerMinute?: number;
  /** Length of the rate-limit window in seconds (default 60). Tests scale it down, e.g. 300 per 1 s. */
  rateWindowSeconds?: number;
  /** Delay added to every /oauth and /api/v2 request. */
  latencyMs?: number;
  faults?: SandboxFaults;
  /** Seed of the fault generator (default 1): same seed + same request sequence → same faults. */
  seed?: number;
  /** A new user is invisible to POST /api/v2/users/search for this long (default 2000). */
  userSearchLagMs?: number;
  /** A new station is invisible to GET /api/v2/stations for this long (default 2000). */
  stationLagMs?: number;
  clientId?: string;
  clientSecret?: string;
  /** `expires_in` of issued tokens (default 86400). */
  tokenTtlSeconds?: number;
  /** The org to start from (and to restore on reset); default the Northfield University demo org. */
  org?: OrgSeed;
  /** Real-org behaviours: all on by default; `false` = the lenient sandbox; a partial object tunes single ones. */
  real?: false | Partial<RealBehaviours>;
  /**
   * The OAuth client's roles and divisions (src/sandbox/access.ts). Default: the role "Master Admin"
   * in every division (`*`), so it may do everything gc-onboard needs; give roles to restrict it.
   */
  client?: SandboxClient;
  /**
   * OAuth clients the sandbox knows (default 1): `sandbox` (or clientId) and `sandbox-2` … `sandbox-N`
   * (`<clientId>-2` … when clientId is set),
   * each secret equal to its id, each with its own tokens and so its own rate window (src/sandbox/clients.ts).
   */
  clients?: number;
  /** Roles of the extra clients by id (`sandbox-2`), roles the org has; default those of `client`. */
  poolClients?: Record<string, SandboxClient>;
}

/** One role of the sandbox's OAuth client: an org role by id or name, or a new one (name + permissions). */
export interface SandboxClientRole {
  roleId?: string;
  name?: string;
  /** A role the org does not have: added to the org's roles with these permissions. */
  permissions?: string[];
  /** Division ids or names where the client holds the role; `*` is every division. */
  divisionIds: string[];
}

export interface SandboxClient {
  /** The OAuth client's name (default `gc-onboard`). */
  name?: string;
  roles?: SandboxClientRole[];
}

export interface SandboxStats {
  requests: { total: number; byRoute: Record<string, number> };
  /** Responses sent, by HTTP status ("200", "429", ...). Dropped connections have no status. */
  status: Record<string, number>;
  /** Injected faults by kind: rate429, rate503, drop, commitThenDrop, latencySpike. */
  faults: Record<string, number>;
  /**
   * Answers of the real-org behaviours in place of the plain result: 404s to a user other services do
   * not know yet (newUserLag), version-race 409s (versionRace), stale PATCHes answered 400 (stale400),
   * expands left out of a listing (expandDropped). What a client paid for real-org faithfulness.
   */
  real: { newUserLag: number; versionRace: number; stale400: number; expandDropped: number };
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  stats(): SandboxStats;
  state(): SandboxStateDump;
  /** Restore the seed, zero the stats, re-seed the faults, clear rate-limit windows. Tokens stay valid. */
  reset(): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Seed: the org a sandbox starts from. Ids are the caller's; references must resolve.

/** A Genesys Contact (User.addresses entry). */
export interface SandboxContact {
  address?: string;
  display?: string;
  mediaType?: string;
  type?: string;
  extension?: string;
  countryCode?: string;
}

export interface SeedDivision {
  id: string;
  name: string;
  description?: string;
  /** Exactly one division of a seed is the home division. */
  home?: boolean;
}

export interface SeedNamed {
  id: string;
  name: string;
  description?: string;
}

export interface SeedRole extends SeedNamed {
  /** `domain:entity:action`, each segment may be `*`. */
  permissions?: string[];
}

export interface SeedSite extends SeedNamed {
  locationId?: string;
}

export interface SeedPhoneBaseSettings extends SeedNamed {
  phoneMetaBase: { id: string; name: string };
  /** Each line is also a line base settings. */
  lines: Array<{ id: string; name: string }>;
}

export interface SeedQueue extends SeedNamed {
  divisionId: string;
}

export interface SeedUser {
  id: string;
  name: string;
  email: string;
  state?: 'active' | 'inactive' | 'deleted';
  divisionId: string;
  title?: string;
  department?: string;
  addresses?: SandboxContact[];
  managerId?: string;
  locationIds?: string[];
  grants?: Array<{ roleId: string; divisionId: string }>;
  queueIds?: string[];
  skills?: Array<{ skillId: string; proficiency: number }>;
  dateWelcomeSent?: string;
  dateLastLogin?: string;
  /** employerInfo.dateHire, `YYYY-MM-DD`. */
  dateHire?: string;
}

export interface SeedPhone {
  id: string;
  name: string;
  siteId: string;
  phoneBaseSettingsId: string;
  /** Id of the phone's single line. */
  lineId: string;
  webRtcUserId?: string;
  /** WebRTC phones get a station with this id (visible at once: seeded stations have no lag). */
  stationId?: string;
  /** Make the station the default station of the WebRTC user. */
  defaultForUser?: boolean;
  /** A deleted phone has no station (default active). */
  state?: 'active' | 'deleted';
}

export interface OrgSeed {
  name: string;
  /** Default: derived from the name. */
  id?: string;
  /**
   * Four hex digits (not `0000` or `5eed`) that begin the id of every object the sandbox creates in
   * this org, so that ids of two orgs never collide (demoOrg({org}) sets it). Default: random UUIDs.
   */
  idTag?: string;
  /** ISO 3166 alpha-2; numbers without a country code are read in it (default US). US, CA and GB are supported. */
  defaultCountryCode?: string;
  /** Extension pools (inclusive ranges of digits): an extension in one reads back with a derived number. */
  extensionPools?: Array<{ startNumber: string; endNumber: string }>;
  divisions: SeedDivision[];
  roles: SeedRole[];
  sites: SeedSite[];
  phoneBaseSettings: SeedPhoneBaseSettings[];
  queues: SeedQueue[];
  skills: SeedNamed[];
  locations: SeedNamed[];
  users: SeedUser[];
  phones: SeedPhone[];
}

// ---------------------------------------------------------------------------------------------
// State dump: GET /__sandbox/state and Sandbox.state(). Everything, including deleted users.

export type DumpUserState = 'active' | 'inactive' | 'deleted';

export interface DumpUser {
  id: string;
  name: string;
  email: string;
  state: DumpUserState;
  version: number;
  divisionId: string;
  /** '' when unset. */
  title: string;
  department: string;
  /** As stored: PHONE addresses normalised to E.164 (`+` and digits). */
  addresses: SandboxContact[];
  managerId: string | null;
  locations: Array<{ id: string; notes?: string }>;
  skills: Array<{ id: string; proficiency: number }>;
  dateCreated: string;
  /** `YYYY-MM-DD`, from employerInfo.dateHire; null when unset. */
  dateHire: string | null;
  dateWelcomeSent: string | null;
  dateLastLogin: string | null;
  defaultStationId: string | null;
  associatedStationId: string | null;
}

export interface DumpGrant {
  subjectId: string;
  roleId: string;
  divisionId: string;
  grantMadeAt: string;
}

export interface DumpPhone {
  id: string;
  name: string;
  siteId: string;
  phoneBaseSettingsId: string;
  lines: Array<{ id: string; name: string; lineBaseSettingsId: string }>;
  webRtcUserId: string | null;
  /** The station the phone created (WebRTC phones only). */
  stationId: string | null;
  state: 'active' | 'deleted';
  version: number;
  dateCreated: string;
}

export interface DumpStation {
  id: string;
  name: string;
  type: string;
  /** AVAILABLE, or ASSOCIATED when a user is associated. */
  status: string;
  phoneId: string;
  webRtcUserId: string | null;
  lineAppearanceId: string;
  defaultUserId: string | null;
  associatedUserId: string | null;
  dateCreated: string;
  /** When GET /api/v2/stations starts to show it (station index lag). */
  visibleInIndexFrom: string;
}

/** One POST /users/{id}/invite that reached the user: `sent` false means it was skipped. */
export interface DumpInvite {
  userId: string;
  email: string;
  at: string;
  force: boolean;
  sent: boolean;
  /** `sent`, `resent` (force on a user already invited), or `skipped-already-sent`. */
  outcome: 'sent' | 'resent' | 'skipped-already-sent';
}

export interface SandboxStateDump {
  org: { id: string; name: string; homeDivisionId: string; defaultCountryCode: string };
  divisions: Array<{ id: string; name: string; homeDivision: boolean }>;
  roles: Array<{ id: string; name: string }>;
  sites: Array<{ id: string; name: string; locationId: string | null }>;
  phoneBaseSettings: Array<{
    id: string;
    name: string;
    phoneMetaBaseId: string;
    webRtc: boolean;
    lines: Array<{ id: string; name: string }>;
  }>;
  queues: Array<{ id: string; name: string; divisionId: string }>;
  skills: Array<{ id: string; name: string }>;
  locations: Array<{ id: string; name: string; dateCreated: string }>;
  /** All users, deleted ones included, in creation order. */
  users: DumpUser[];
  grants: DumpGrant[];
  queueMembers: Array<{ queueId: string; userId: string }>;
  phones: DumpPhone[];
  stations: DumpStation[];
  /** Every invite call that reached a user, in order. */
  invites: DumpInvite[];
}
