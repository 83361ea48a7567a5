// The writes (and the few reconciling reads) apply makes, as apply sees them. src/genesys/writer.ts
// implements this over the SDK and our transport; apply itself never touches HTTP.
import type { Contact, Grant, SnapshotSkill } from '../plan/snapshot.js';
import type { NewUser } from '../plan/types.js';

export interface UserRecord {
  id: string;
  version: number;
  state: 'active' | 'inactive' | 'deleted';
  divisionId: string;
  name: string;
  email: string;
  title: string;
  department: string;
  addresses: Contact[];
  managerId: string | null;
  locationIds: string[];
}

/** The fields apply keeps of a user, picked from a wider one (a snapshot user, a test fake). */
export function userRecordOf(user: UserRecord): UserRecord {
  const {
    id,
    version,
    state,
    divisionId,
    name,
    email,
    title,
    department,
    addresses,
    managerId,
    locationIds,
  } = user;
  return {
    id,
    version,
    state,
    divisionId,
    name,
    email,
    title,
    department,
    addresses,
    managerId,
    locationIds,
  };
}

export interface UserUpdate {
  name?: string;
  title?: string;
  department?: string;
  addresses?: Contact[];
  managerId?: string;
  locationIds?: string[];
}

export interface NewPhone {
  name: string;
  siteId: string;
  baseSettingsId: string;
  lineBaseSettingsId: string;
  webRtcUserId: string;
}

export interface PhoneRecord {
  id: string;
  name: string;
  webRtcUserId: string | null;
}

export interface StationPage {
  stations: Array<{ id: string; webRtcUserId: string | null }>;
  pageCount: number;
}

export interface OrgWriter {
  createLocation(name: string): Promise<string>;
  /** Existing location by exact name (after a 409 on create). */
  findLocation(name: string): Promise<string | null>;
  createUser(user: NewUser): Promise<UserRecord>;
  /** By email through the search index, which lags behind writes; deleted users included. */
  findUserByEmail(email: string): Promise<UserRecord | null>;
  getUser(id: string): Promise<UserRecord>;
  /** The org's default country (ISO), which work phones are stored in E.164 with; null when unset. */
  defaultCountryCode(): Promise<string | null>;
  patchUser(id: string, version: number, update: UserUpdate): Promise<UserRecord>;
  moveUsers(divisionId: string, userIds: string[]): Promise<void>;
  /** One person's grants (bulkadd). */
  addGrants(userId: string, grants: Grant[]): Promise<void>;
  /** One role in these divisions to many people (POST /authorization/roles/{roleId}); all or nothing. */
  grantRole(roleId: string, divisionIds: string[], userIds: string[]): Promise<void>;
  addQueueMembers(queueId: string, userIds: string[]): Promise<void>;
  setSkills(userId: string, skills: SnapshotSkill[]): Promise<void>;
  createPhone(phone: NewPhone): Promise<PhoneRecord>;
  findPhoneByName(name: string): Promise<PhoneRecord | null>;
  findPhoneByUser(userId: string): Promise<PhoneRecord | null>;
  /** The WebRTC station of a user, when the (lagging) station index shows it. */
  findStation(userId: string): Promise<string | null>;
  /** One page of every station (same lagging index): cheaper than findStation for many phones. */
  listStations(pageNumber: number, pageSize: number): Promise<StationPage>;
  setDefaultStation(userId: string, stationId: string): Promise<void>;
}
