// The writes apply and invite make, over the SDK and our transport. Thin on purpose: reconciling
// (409 → find, stale version → re-read) is apply's job; here each method is one API call.
import type platformClient from 'purecloud-platform-client-v2';
import {
  userRecordOf,
  type NewPhone,
  type OrgWriter,
  type PhoneRecord,
  type UserRecord,
  type UserUpdate,
} from '../apply/org.js';
import type { Inviter } from '../invite/invite.js';
import type { Grant, SnapshotSkill } from '../plan/snapshot.js';
import type { NewUser } from '../plan/types.js';
import type { GenesysClient } from './client.js';
import { phonesPage, toSnapshotUser } from './snapshot.js';

type User = platformClient.Models.User;
type Phone = platformClient.Models.Phone;

const USER_EXPAND = ['locations'];

/** The OrgWriter over the SDK, one builder per kind of thing written. */
export function orgWriter(client: GenesysClient, homeDivisionId: string): OrgWriter {
  return {
    ...locationWrites(client),
    ...userWrites(client, homeDivisionId),
    ...accessWrites(client),
    ...phoneWrites(client),
  };
}

/** Locations: one created by name, or found by exact name after a 409. */
function locationWrites(client: GenesysClient): Pick<OrgWriter, 'createLocation' | 'findLocation'> {
  return {
    async createLocation(name: string) {
      const location = await client.locations.postLocations({ name });
      return location.id ?? '';
    },
    async findLocation(name: string) {
      const found = await client.locations.postLocationsSearch({
        pageSize: 25,
        query: [{ type: 'EXACT', fields: ['name'], value: name }],
      });
      return found.results?.find((location) => location.name === name)?.id ?? null;
    },
  };
}

/** People, each answer read back as the UserRecord apply compares. */
function userWrites(
  client: GenesysClient,
  homeDivisionId: string,
): Pick<OrgWriter, 'createUser' | 'findUserByEmail' | 'getUser' | 'defaultCountryCode' | 'patchUser'> {
  const record = (user: User): UserRecord => userRecordOf(toSnapshotUser(user, homeDivisionId));
  return {
    async createUser(user: NewUser) {
      return record(await client.users.postUsers({ ...user }));
    },
    async findUserByEmail(email: string) {
      const found = await client.users.postUsersSearch({
        pageSize: 25,
        expand: USER_EXPAND,
        query: [
          { type: 'EXACT', fields: ['email'], value: email },
          { type: 'EXACT', fields: ['state'], values: ['active', 'inactive', 'deleted'] },
        ],
      });
      const users = (found.results ?? []).filter((user) => user.email?.toLowerCase() === email.toLowerCase());
      // A live user wins over a deleted one with the same email.
      const user = users.find((u) => u.state !== 'deleted') ?? users[0];
      return user ? record(user) : null;
    },
    async getUser(id: string) {
      return record(await client.users.getUser(id, { expand: USER_EXPAND }));
    },
    async defaultCountryCode() {
      return (await client.organization.getOrganizationsMe()).defaultCountryCode ?? null;
    },
    async patchUser(id: string, version: number, update: UserUpdate) {
      const { managerId, locationIds, ...fields } = update;
      const body: platformClient.Models.UpdateUser = { ...fields, version };
      if (managerId !== undefined) body.manager = managerId;
      if (locationIds !== undefined) body.locations = locationIds.map((locationId) => ({ id: locationId }));
      return record(await client.users.patchUser(id, body));
    },
  };
}

/** Divisions, roles, queues and skills: what a person may do and take. */
function accessWrites(
  client: GenesysClient,
): Pick<OrgWriter, 'moveUsers' | 'addGrants' | 'grantRole' | 'addQueueMembers' | 'setSkills'> {
  return {
    async moveUsers(divisionId: string, userIds: string[]) {
      await client.authorization.postAuthorizationDivisionObject(divisionId, 'USER', userIds);
    },
    async addGrants(userId: string, grants: Grant[]) {
      await client.authorization.postAuthorizationSubjectBulkadd(
        userId,
        { grants },
        { subjectType: 'PC_USER' },
      );
    },
    async grantRole(roleId: string, divisionIds: string[], userIds: string[]) {
      await client.authorization.postAuthorizationRole(
        roleId,
        { subjectIds: userIds, divisionIds },
        { subjectType: 'PC_USER' },
      );
    },
    async addQueueMembers(queueId: string, userIds: string[]) {
      await client.routing.postRoutingQueueMembers(
        queueId,
        userIds.map((id) => ({ id })),
        { _delete: false },
      );
    },
    async setSkills(userId: string, skills: SnapshotSkill[]) {
      await client.users.patchUserRoutingskillsBulk(
        userId,
        skills.map((skill) => ({ id: skill.skillId, proficiency: skill.proficiency })),
      );
    },
  };
}

/** WebRTC phones and the stations they make. */
function phoneWrites(
  client: GenesysClient,
): Pick<
  OrgWriter,
  'createPhone' | 'findPhoneByName' | 'findPhoneByUser' | 'findStation' | 'listStations' | 'setDefaultStation'
> {
  return {
    async createPhone(phone: NewPhone) {
      const created = await client.telephony.postTelephonyProvidersEdgesPhones({
        name: phone.name,
        site: { id: phone.siteId },
        phoneBaseSettings: { id: phone.baseSettingsId },
        lines: [{ name: `${phone.name}_1`, lineBaseSettings: { id: phone.lineBaseSettingsId } }],
        webRtcUser: { id: phone.webRtcUserId },
      });
      return phoneRecord(created);
    },
    findPhoneByName: (name: string) => firstPhone(client, { name }),
    findPhoneByUser: (userId: string) => firstPhone(client, { webRtcUserId: userId }),
    async findStation(userId: string) {
      const page = await client.stations.getStations({ webRtcUserId: userId, pageSize: 25, pageNumber: 1 });
      return page.entities?.find((station) => station.webRtcUserId === userId)?.id ?? null;
    },
    async listStations(pageNumber: number, pageSize: number) {
      const page = await client.stations.getStations({ pageNumber, pageSize });
      return {
        stations: (page.entities ?? []).flatMap((station) =>
          station.id ? [{ id: station.id, webRtcUserId: station.webRtcUserId ?? null }] : [],
        ),
        pageCount: page.pageCount ?? 1,
      };
    },
    async setDefaultStation(userId: string, stationId: string) {
      await client.users.putUserStationDefaultstationStationId(userId, stationId);
    },
  };
}

function phoneRecord(phone: Phone): PhoneRecord {
  return { id: phone.id ?? '', name: phone.name ?? '', webRtcUserId: phone.webRtcUser?.id ?? null };
}

/**
 * The first live phone with this name or WebRTC user. A real org lists `webRtcUser` only when asked for
 * it and lines only when expanded; past 10,000 results only a sort by id lists them all; deleted phones
 * stay listed (real-api.md §1, §8), and a deleted phone never counts as found: its name may be reused.
 */
async function firstPhone(
  client: GenesysClient,
  opts: { name?: string; webRtcUserId?: string },
): Promise<PhoneRecord | null> {
  const page = await phonesPage(client, 1, 25, opts);
  const phones = (page.entities ?? []).filter(
    (phone) =>
      phone.state !== 'deleted' &&
      (opts.name === undefined || phone.name === opts.name) &&
      (opts.webRtcUserId === undefined || phone.webRtcUser?.id === opts.webRtcUserId),
  );
  return phones[0] ? phoneRecord(phones[0]) : null;
}

/** The only code that calls the invite endpoint; handed to the invite mode and nothing else. */
export function orgInviter(client: GenesysClient): Inviter {
  return {
    async invite(userId: string, force: boolean) {
      await client.users.postUserInvite(userId, { force });
    },
  };
}
