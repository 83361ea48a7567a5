// The org as the plan sees it: plain data read in bulk by src/genesys/snapshot.ts, no SDK types.
// Only what the batch names is in here (the users it mentions, the roles and queues it uses),
// plus the reference lists that "did you mean" needs.

export interface Named {
  id: string;
  name: string;
}

export interface SnapshotBaseSettings extends Named {
  /** phoneMetaBase is the WebRTC softphone (`inin_webrtc_softphone.json`). */
  webRtc: boolean;
  /** `lines[0].id`: the line base settings a phone made from this base settings uses. */
  lineBaseSettingsId: string | null;
}

/** A role with what it grants: `domain:entity:action` (`*` wildcards), null when the org's listing did not say. */
export interface SnapshotRole extends Named {
  permissions: string[] | null;
}

export interface Grant {
  roleId: string;
  divisionId: string;
}

export interface SnapshotSkill {
  skillId: string;
  proficiency: number;
}

/** A Genesys Contact (User.addresses entry), kept whole so an update can rewrite one and keep the rest. */
export interface Contact {
  address?: string;
  display?: string;
  mediaType?: string;
  type?: string;
  extension?: string;
  countryCode?: string;
}

export interface SnapshotUser {
  id: string;
  name: string;
  email: string;
  state: 'active' | 'inactive' | 'deleted';
  version: number;
  divisionId: string;
  title: string;
  department: string;
  /** The WORK PHONE contact's number and extension ('' when none), read through its four shapes (phone-number.ts). */
  phoneWork: string;
  extension: string;
  addresses: Contact[];
  managerId: string | null;
  locationIds: string[];
  /** Only the grants on roles the batch names (read per role), unless the loader read them all (grantsComplete). */
  grants: Grant[];
  /** True when `grants` holds every grant of the user (read from GET /authorization/subjects/{id}). */
  grantsComplete: boolean;
  /** Only membership of queues the batch names (read per queue). */
  queueIds: string[];
  skills: SnapshotSkill[];
  defaultStationId: string | null;
  dateWelcomeSent: string | null;
  dateLastLogin: string | null;
  /**
   * Whether a null dateWelcomeSent means "never welcomed". The expand is best effort (real-api.md §6):
   * a listing or search that leaves it out says nothing, a read of the user by id does.
   */
  welcomeKnown: boolean;
}

export interface SnapshotPhone {
  id: string;
  name: string;
  siteId: string;
  baseSettingsId: string;
  webRtcUserId: string | null;
  /** The station the phone created, when the (lagging) station index shows it. */
  stationId: string | null;
}

export interface OrgSnapshot {
  homeDivisionId: string;
  /** The org's default country (ISO, e.g. `US`): work phones are stored in E.164 with it. Null when not read. */
  defaultCountryCode: string | null;
  divisions: Named[];
  roles: SnapshotRole[];
  sites: Named[];
  phoneBaseSettings: SnapshotBaseSettings[];
  queues: Named[];
  skills: Named[];
  locations: Named[];
  /** Users named by the batch (people, managers, phone owners), active or inactive, plus deleted ones whose email the batch names. */
  users: SnapshotUser[];
  /** Phones whose name the batch uses, and the WebRTC phones of the users above. */
  phones: SnapshotPhone[];
}
