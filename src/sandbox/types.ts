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
}

export interface SandboxStats {
  requests: { total: number; byRoute: Record<string, number> };
  /** Responses sent, by HTTP status ("200", "429", ...). Dropped connections have no status. */
  status: Record<string, number>;
  /** Injected faults by kind: rate429, rate503, drop, commitThenDrop, latencySpike. */
  faults: Record<string, number>;
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
}

export interface OrgSeed {
  name: string;
  divisions: SeedDivision[];
  roles: SeedNamed[];
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
  org: { name: string; homeDivisionId: string };
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
