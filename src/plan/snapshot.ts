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
  /** WORK PHONE contact's address and extension ('' when none). */
  phoneWork: string;
  extension: string;
  addresses: Contact[];
  managerId: string | null;
  locationIds: string[];
  /** Only the grants on roles the batch names (read per role), unless the loader read them all. */
  grants: Grant[];
  /** Only membership of queues the batch names (read per queue). */
  queueIds: string[];
  skills: SnapshotSkill[];
  defaultStationId: string | null;
  dateWelcomeSent: string | null;
  dateLastLogin: string | null;
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
  divisions: Named[];
  roles: Named[];
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
