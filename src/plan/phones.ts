// phones.csv rows → PhonePlan: create a WebRTC phone and make it its person's default, make an
// existing one default (update), leave it (unchanged), or error.

import type { Finding } from '../csv/findings.js';
import { secondPhone } from '../csv/phones.js';
import type { Batch, PhoneRow } from '../csv/types.js';
import { nameKey, type OrgIndex, type UserMatch } from './lookup.js';
import { anyPermissions, DEFAULT_PHONE_PERMISSION, grantsPermission, rolesGrant } from './permissions.js';
import { rowError as error, rowFinding } from './rows.js';
import type { Named, SnapshotBaseSettings, SnapshotPhone, SnapshotUser } from './snapshot.js';
import type { Change, PersonPlan, PhonePlan } from './types.js';

/** What planning one phone row reads: the org, the people of this import, and the rows before it. */
interface PhoneContext {
  org: OrgIndex;
  /** Each email's first people.csv row, as planned. */
  people: ReadonlyMap<string, PersonPlan>;
  phonesByName: Map<string, SnapshotPhone[]>;
  phoneOfStation: Map<string, SnapshotPhone>;
  /** The first row of each phone name, across batches. */
  firstByName: Map<string, PhoneRow>;
}

/** One phone row with its names resolved. */
interface PhoneDraft {
  row: PhoneRow;
  batch: Batch;
  name: string;
  match: UserMatch;
  user: SnapshotUser | undefined;
  person: PersonPlan | undefined;
  site: Named | undefined;
  baseSettings: SnapshotBaseSettings | undefined;
  /** The user's existing phone of this name. */
  mine: SnapshotPhone | undefined;
}

/** Plans every phones.csv row of the batches (in plan order), one list per batch. `people` holds each email's first people.csv row. */
export function planPhones(
  batches: readonly Batch[],
  people: ReadonlyMap<string, PersonPlan>,
  org: OrgIndex,
): PhonePlan[][] {
  const context = phoneContext(people, org);
  return batches.map((batch) =>
    batch.phones.map((row) => planPhone(resolvePhone(row, batch, context), context)),
  );
}

function phoneContext(people: ReadonlyMap<string, PersonPlan>, org: OrgIndex): PhoneContext {
  const phonesByName = new Map<string, SnapshotPhone[]>();
  const phoneOfStation = new Map<string, SnapshotPhone>();
  for (const phone of org.snapshot.phones) {
    const same = phonesByName.get(nameKey(phone.name)) ?? [];
    same.push(phone);
    phonesByName.set(nameKey(phone.name), same);
    if (phone.stationId) phoneOfStation.set(phone.stationId, phone);
  }
  return { org, people, phonesByName, phoneOfStation, firstByName: new Map() };
}

function resolvePhone(row: PhoneRow, batch: Batch, context: PhoneContext): PhoneDraft {
  const { org } = context;
  const person = context.people.get(row.emailKey);
  const match = org.users.match(row.emailKey);
  const user = match.kind === 'one' ? match.user : undefined;
  const name = row.name.trim() || person?.name || user?.name || '';
  const sameName = name === '' ? [] : (context.phonesByName.get(nameKey(name)) ?? []);
  return {
    row,
    batch,
    name,
    match,
    user,
    person,
    site: org.sites.find(row.site),
    baseSettings: org.baseSettings.find(row.baseSettings),
    mine: user ? sameName.find((phone) => phone.webRtcUserId === user.id) : undefined,
  };
}

function planPhone(draft: PhoneDraft, context: PhoneContext): PhonePlan {
  const { row, person, user, site, baseSettings } = draft;
  const errors = [
    ...ownerErrors(draft),
    ...importErrors(draft, context),
    ...siteErrors(draft, context.org),
    ...baseSettingsErrors(draft, context.org),
    ...orgErrors(draft, context),
  ];
  const common = {
    batch: draft.batch.name,
    file: row.file,
    line: row.line,
    name: draft.name,
    person: {
      email: row.email,
      emailKey: row.emailKey,
      userId: user?.id ?? null,
      row: person ? { batch: person.batch, file: person.file, line: person.line } : null,
    },
    siteId: site?.id ?? null,
    baseSettingsId: baseSettings?.id ?? null,
    lineBaseSettingsId: baseSettings?.lineBaseSettingsId ?? null,
  };
  const failed = (errors: Finding[]): PhonePlan => ({
    ...common,
    action: 'error',
    phoneId: null,
    stationId: null,
    changes: [],
    errors,
    warnings: [],
  });
  if (errors.length > 0) return failed(errors);
  const isDefault =
    draft.mine !== undefined &&
    draft.mine.stationId !== null &&
    user?.defaultStationId === draft.mine.stationId;
  // Only a phone still to be made default needs the calling permission (nothing is assigned otherwise).
  const calling = isDefault ? 'holds' : callingPermission(user, person, context.org);
  if (calling === 'lacks') return failed([noCallPermission(row, context.org)]);
  const unsure = calling === 'unknown' ? [callPermissionUnknown(row)] : [];
  const defaultBefore = defaultPhoneText(user, context.phoneOfStation);
  if (draft.mine)
    return existingPhone(draft, draft.mine, { common, isDefault, defaultBefore, unsure }, context.org);
  return {
    ...common,
    action: 'create',
    phoneId: null,
    stationId: null,
    changes: [
      { field: 'site', before: '', after: site?.name ?? '' },
      { field: 'base_settings', before: '', after: baseSettings?.name ?? '' },
      { field: 'default_phone', before: defaultBefore, after: draft.name },
    ],
    errors: [],
    warnings: unsure,
  };
}

/** The person the phone is for: one user, or a people.csv row of this import that will be created. */
function ownerErrors({ row, match, user, person }: PhoneDraft): Finding[] {
  if (match.kind === 'ambiguous')
    return [
      error(row, 'email', 'person-ambiguous', `${row.email} matches ${match.users.length} users in the org`),
    ];
  if (!user && person?.action === 'error') {
    return [
      error(
        row,
        'email',
        'person-not-created',
        `${row.email} will not be created: their row (${person.file}:${person.line}) has errors`,
      ),
    ];
  }
  if (user || person) return [];
  return match.kind === 'deleted'
    ? [error(row, 'email', 'person-deleted', `${row.email} belongs to a deleted user`)]
    : [
        error(
          row,
          'email',
          'person-not-found',
          `${row.email} is not in the org and not in any people.csv of this import`,
        ),
      ];
}

/**
 * A phone name once across the whole import, counting names a blank cell takes from the org user.
 * (A person's second phone row never gets here: validate refuses it, csv/phones.ts secondPhone.)
 */
function importErrors({ row, name }: PhoneDraft, context: PhoneContext): Finding[] {
  if (name === '') return [];
  const earlierName = context.firstByName.get(nameKey(name));
  if (!earlierName) {
    context.firstByName.set(nameKey(name), row);
    return [];
  }
  return [
    error(
      row,
      'phone_name',
      'duplicate-phone-name',
      `Phone name "${name}" is also used at ${earlierName.file}:${earlierName.line}`,
    ),
  ];
}

/** Where a site or base settings problem is fixed: batch.yml's phone_defaults when the row took the default. */
function placeOf(
  { row, batch }: PhoneDraft,
  key: 'site' | 'baseSettings',
  column: 'site' | 'base_settings',
): { at: { file: string; line: number }; column: string; fromDefault: boolean } {
  const line = batch.config.phoneDefaultLines?.[key];
  const fromDefault = line !== undefined && row[key] === batch.config.phoneDefaults[key];
  if (!fromDefault) return { at: row, column, fromDefault };
  const file = batch.files.batch ?? `${batch.dir}/batch.yml`;
  return { at: { file, line }, column: `phone_defaults.${column}`, fromDefault };
}

const ofDefault = (fromDefault: boolean, column: string) =>
  fromDefault
    ? ` (batch.yml's phone_defaults.${column}, which blank ${column} cells of phones.csv take)`
    : '';

function siteErrors(draft: PhoneDraft, org: OrgIndex): Finding[] {
  const { row, site } = draft;
  if (site) return [];
  if (row.site.trim() === '')
    return [
      error(
        row,
        'site',
        'unknown-site',
        'No site: the cell is blank and batch.yml sets no phone_defaults.site',
      ),
    ];
  const { at, column, fromDefault } = placeOf(draft, 'site', 'site');
  const message = `Unknown site "${row.site}"${org.sites.suggest(row.site)}${ofDefault(fromDefault, 'site')}`;
  return [error(at, column, 'unknown-site', message)];
}

function baseSettingsErrors(draft: PhoneDraft, org: OrgIndex): Finding[] {
  const { row, baseSettings } = draft;
  if (row.baseSettings.trim() === '' && !baseSettings) {
    return [
      error(
        row,
        'base_settings',
        'unknown-base-settings',
        'No base settings: the cell is blank and batch.yml sets no phone_defaults.base_settings',
      ),
    ];
  }
  const { at, column, fromDefault } = placeOf(draft, 'baseSettings', 'base_settings');
  const from = ofDefault(fromDefault, 'base_settings');
  if (!baseSettings) {
    const message = `Unknown phone base settings "${row.baseSettings}"${org.baseSettings.suggest(row.baseSettings)}${from}`;
    return [error(at, column, 'unknown-base-settings', message)];
  }
  if (!baseSettings.webRtc)
    return [
      error(
        at,
        column,
        'not-webrtc-base-settings',
        `Base settings "${baseSettings.name}" is not a WebRTC softphone${from}`,
      ),
    ];
  if (baseSettings.lineBaseSettingsId === null)
    return [
      error(at, column, 'no-line-base-settings', `Base settings "${baseSettings.name}" has no line${from}`),
    ];
  return [];
}

/** The name is free (or the person's own phone), and the person has no other WebRTC phone in the org. */
function orgErrors({ row, name, user, mine }: PhoneDraft, context: PhoneContext): Finding[] {
  const errors: Finding[] = [];
  const sameName = name === '' ? [] : (context.phonesByName.get(nameKey(name)) ?? []);
  if (!mine && sameName.length > 0) {
    errors.push(
      error(
        row,
        'phone_name',
        'phone-name-taken',
        `Phone name "${name}" is taken by ${describeOwner(sameName[0], context.org)}`,
      ),
    );
  }
  const other = user
    ? context.org.snapshot.phones.find((phone) => phone.webRtcUserId === user.id && phone !== mine)
    : undefined;
  if (other) {
    const { code, message } = secondPhone(row.email, `in the org, "${other.name}"`);
    errors.push(error(row, 'email', code, message));
  }
  return errors;
}

function noCallPermission(row: PhoneRow, org: OrgIndex): Finding {
  return error(
    row,
    'email',
    'no-call-permission',
    `${row.email} lacks ${DEFAULT_PHONE_PERMISSION}, which a default phone needs; roles that grant it: ${grantingRoles(org)}`,
  );
}

function callPermissionUnknown(row: PhoneRow): Finding {
  return rowFinding(
    'warning',
    row,
    'email',
    'call-permission-unknown',
    `Could not check that ${row.email} holds ${DEFAULT_PHONE_PERMISSION}, which a default phone needs: their roles were not read`,
  );
}

/** The person's existing phone of this name: made default (update), or already theirs (unchanged). */
function existingPhone(
  { row, name, site, baseSettings }: PhoneDraft,
  mine: SnapshotPhone,
  decided: {
    common: Omit<PhonePlan, 'action' | 'phoneId' | 'stationId' | 'changes' | 'errors' | 'warnings'>;
    isDefault: boolean;
    defaultBefore: string;
    unsure: Finding[];
  },
  org: OrgIndex,
): PhonePlan {
  const differs = mine.siteId !== site?.id || mine.baseSettingsId !== baseSettings?.id;
  const warnings = differs
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
  const changes: Change[] = decided.isDefault
    ? []
    : [{ field: 'default_phone', before: decided.defaultBefore, after: name }];
  return {
    ...decided.common,
    action: decided.isDefault ? 'unchanged' : 'update',
    phoneId: mine.id,
    stationId: mine.stationId,
    changes,
    errors: [],
    warnings: [...warnings, ...decided.unsure],
  };
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
