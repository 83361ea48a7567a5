// phones.csv rows → PhonePlan: create a WebRTC phone and make it its person's default, make an
// existing one default (update), leave it (unchanged), or error.

import type { Batch, Finding, PhoneRow } from '../csv/types.js';
import { nameKey, type OrgIndex } from './lookup.js';
import { rowFinding } from './people.js';
import { anyPermissions, DEFAULT_PHONE_PERMISSION, grantsPermission, rolesGrant } from './permissions.js';
import type { SnapshotPhone, SnapshotUser } from './snapshot.js';
import type { Change, PersonPlan, PersonRef, PhonePlan } from './types.js';

const error = (row: PhoneRow, column: string | null, code: string, message: string) =>
  rowFinding('error', row, column, code, message);

/** Plans every phones.csv row of the batches (in plan order), one list per batch. `people` holds each email's first people.csv row. */
export function planPhones(
  batches: readonly Batch[],
  people: ReadonlyMap<string, PersonPlan>,
  org: OrgIndex,
): PhonePlan[][] {
  const firstByName = new Map<string, PhoneRow>();
  const firstByPerson = new Map<string, PhoneRow>();
  const phonesByName = new Map<string, SnapshotPhone[]>();
  for (const phone of org.snapshot.phones) {
    const same = phonesByName.get(nameKey(phone.name)) ?? [];
    same.push(phone);
    phonesByName.set(nameKey(phone.name), same);
  }
  const phoneOfStation = new Map<string, SnapshotPhone>();
  for (const phone of org.snapshot.phones) if (phone.stationId) phoneOfStation.set(phone.stationId, phone);

  return batches.map((batch) => {
    const plans: PhonePlan[] = [];
    for (const row of batch.phones) {
      const errors: Finding[] = [];
      const person = people.get(row.emailKey);
      const match = org.users.match(row.emailKey);
      const user = match.kind === 'one' ? match.user : undefined;
      const name = row.name.trim() || person?.name || user?.name || '';

      if (match.kind === 'ambiguous') {
        errors.push(
          error(
            row,
            'email',
            'person-ambiguous',
            `${row.email} matches ${match.users.length} users in the org`,
          ),
        );
      } else if (!user && person?.action === 'error') {
        errors.push(
          error(
            row,
            'email',
            'person-not-created',
            `${row.email} will not be created: their row (${person.file}:${person.line}) has errors`,
          ),
        );
      } else if (!user && !person) {
        errors.push(
          match.kind === 'deleted'
            ? error(row, 'email', 'person-deleted', `${row.email} belongs to a deleted user`)
            : error(
                row,
                'email',
                'person-not-found',
                `${row.email} is not in the org and not in any people.csv of this import`,
              ),
        );
      }

      const earlierName = firstByName.get(nameKey(name));
      if (name !== '' && earlierName) {
        errors.push(
          error(
            row,
            'phone_name',
            'duplicate-phone-name',
            `Phone name "${name}" is also used at ${earlierName.file}:${earlierName.line}`,
          ),
        );
      } else if (name !== '') firstByName.set(nameKey(name), row);
      const earlierPerson = firstByPerson.get(row.emailKey);
      if (earlierPerson) {
        errors.push(
          error(
            row,
            'email',
            'duplicate-phone-person',
            `${row.email} already gets a phone at ${earlierPerson.file}:${earlierPerson.line}`,
          ),
        );
      } else firstByPerson.set(row.emailKey, row);

      const site = org.sites.find(row.site);
      if (!site) {
        errors.push(
          row.site.trim() === ''
            ? error(
                row,
                'site',
                'unknown-site',
                'No site: the cell is blank and batch.yml sets no phone_defaults.site',
              )
            : error(row, 'site', 'unknown-site', `Unknown site "${row.site}"${org.sites.suggest(row.site)}`),
        );
      }
      const baseSettings = org.baseSettings.find(row.baseSettings);
      if (!baseSettings) {
        errors.push(
          row.baseSettings.trim() === ''
            ? error(
                row,
                'base_settings',
                'unknown-base-settings',
                'No base settings: the cell is blank and batch.yml sets no phone_defaults.base_settings',
              )
            : error(
                row,
                'base_settings',
                'unknown-base-settings',
                `Unknown phone base settings "${row.baseSettings}"${org.baseSettings.suggest(row.baseSettings)}`,
              ),
        );
      } else if (!baseSettings.webRtc) {
        errors.push(
          error(
            row,
            'base_settings',
            'not-webrtc-base-settings',
            `Base settings "${baseSettings.name}" is not a WebRTC softphone`,
          ),
        );
      } else if (baseSettings.lineBaseSettingsId === null) {
        errors.push(
          error(
            row,
            'base_settings',
            'no-line-base-settings',
            `Base settings "${baseSettings.name}" has no line`,
          ),
        );
      }

      const sameName = name === '' ? [] : (phonesByName.get(nameKey(name)) ?? []);
      const mine = user ? sameName.find((phone) => phone.webRtcUserId === user.id) : undefined;
      if (!mine && sameName.length > 0) {
        errors.push(
          error(
            row,
            'phone_name',
            'phone-name-taken',
            `Phone name "${name}" is taken by ${describeOwner(sameName[0], org)}`,
          ),
        );
      }
      const other = user
        ? org.snapshot.phones.find((phone) => phone.webRtcUserId === user.id && phone !== mine)
        : undefined;
      if (other) {
        errors.push(
          error(row, 'email', 'user-has-phone', `${row.email} already has WebRTC phone "${other.name}"`),
        );
      }

      const personRef: PersonRef = {
        email: row.email,
        emailKey: row.emailKey,
        userId: user?.id ?? null,
        row: person ? { batch: person.batch, file: person.file, line: person.line } : null,
      };
      const common = {
        batch: batch.name,
        file: row.file,
        line: row.line,
        name,
        person: personRef,
        siteId: site?.id ?? null,
        baseSettingsId: baseSettings?.id ?? null,
        lineBaseSettingsId: baseSettings?.lineBaseSettingsId ?? null,
      };
      if (errors.length > 0) {
        plans.push({
          ...common,
          action: 'error',
          phoneId: null,
          stationId: null,
          changes: [],
          errors,
          warnings: [],
        });
        continue;
      }

      const defaultBefore = defaultPhoneText(user, phoneOfStation);
      const isDefault =
        mine !== undefined && mine.stationId !== null && user?.defaultStationId === mine.stationId;
      // Only a phone still to be made default needs the calling permission (nothing is assigned otherwise).
      const calling = isDefault ? 'holds' : callingPermission(user, person, org);
      if (calling === 'lacks') {
        plans.push({
          ...common,
          action: 'error',
          phoneId: null,
          stationId: null,
          changes: [],
          errors: [
            error(
              row,
              'email',
              'no-call-permission',
              `${row.email} lacks ${DEFAULT_PHONE_PERMISSION}, which a default phone needs; roles that grant it: ${grantingRoles(org)}`,
            ),
          ],
          warnings: [],
        });
        continue;
      }
      const unsure =
        calling === 'unknown'
          ? [
              rowFinding(
                'warning',
                row,
                'email',
                'call-permission-unknown',
                `Could not check that ${row.email} holds ${DEFAULT_PHONE_PERMISSION}, which a default phone needs: their roles were not read`,
              ),
            ]
          : [];
      if (mine) {
        const warnings =
          mine.siteId !== site?.id || mine.baseSettingsId !== baseSettings?.id
            ? [
                rowFinding(
                  'warning',
                  row,
                  'phone_name',
                  'phone-differs',
                  `Phone "${mine.name}" exists with site "${org.sites.nameOf(mine.siteId)}" and base settings "${org.baseSettings.nameOf(mine.baseSettingsId)}"; gc-onboard does not change existing phones`,
                ),
              ]
            : [];
        const changes: Change[] = isDefault
          ? []
          : [{ field: 'default_phone', before: defaultBefore, after: name }];
        plans.push({
          ...common,
          action: isDefault ? 'unchanged' : 'update',
          phoneId: mine.id,
          stationId: mine.stationId,
          changes,
          errors: [],
          warnings: [...warnings, ...unsure],
        });
        continue;
      }
      plans.push({
        ...common,
        action: 'create',
        phoneId: null,
        stationId: null,
        changes: [
          { field: 'site', before: '', after: site?.name ?? '' },
          { field: 'base_settings', before: '', after: baseSettings?.name ?? '' },
          { field: 'default_phone', before: defaultBefore, after: name },
        ],
        errors: [],
        warnings: unsure,
      });
    }
    return plans;
  });
}

/**
 * Whether the org's roles listing gave any permissions at all: an older org or sandbox gives no fields,
 * or empty ones for every role (a real org's roles always hold some).
 */
export function permissionsListed(org: OrgIndex): boolean {
  return anyPermissions(org.snapshot.roles);
}

/**
 * Whether the phone's person will hold `conversation:call:add` after apply: their grants (the snapshot
 * read them whole when the roles the batch names did not show it), the reserved employee role, and the
 * grants their row adds. 'not-listed' when the org's roles listing says nothing about permissions (the
 * plan warns once, not per row); 'unknown' when the person's grants were not read whole.
 */
export function callingPermission(
  user: SnapshotUser | undefined,
  person: PersonPlan | undefined,
  org: OrgIndex,
): 'holds' | 'lacks' | 'unknown' | 'not-listed' {
  if (!permissionsListed(org)) return 'not-listed';
  const roleIds = [
    ...(user?.grants ?? []).map((grant) => grant.roleId),
    // A row in error or skipped adds nothing; an update adds its grants, a create all of them.
    ...(person && (person.action === 'create' || person.action === 'update') ? person.grants : []).map(
      (grant) => grant.roleId,
    ),
  ];
  if (rolesGrant(org.snapshot.roles, roleIds, DEFAULT_PHONE_PERMISSION)) return 'holds';
  return user && !user.grantsComplete ? 'unknown' : 'lacks';
}

/** `PureCloud User, Supervisor` (up to five, by name), or a hint when no role grants it. */
function grantingRoles(org: OrgIndex): string {
  const names = org.snapshot.roles
    .filter((role) => grantsPermission([role.permissions ?? []], DEFAULT_PHONE_PERMISSION))
    .map((role) => role.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) return `none in this org (give a role ${DEFAULT_PHONE_PERMISSION} first)`;
  return names.length > 5 ? `${names.slice(0, 5).join(', ')}, …` : names.join(', ');
}

function describeOwner(phone: SnapshotPhone | undefined, org: OrgIndex): string {
  if (!phone?.webRtcUserId) return 'a phone that is not a WebRTC phone';
  const owner = org.users.byId(phone.webRtcUserId);
  return `the WebRTC phone of ${owner ? owner.email : 'another user'}`;
}

/** The user's current default phone by name when the snapshot knows it. */
function defaultPhoneText(
  user: SnapshotUser | undefined,
  phoneOfStation: ReadonlyMap<string, SnapshotPhone>,
): string {
  if (!user?.defaultStationId) return '';
  return phoneOfStation.get(user.defaultStationId)?.name ?? 'another station';
}
