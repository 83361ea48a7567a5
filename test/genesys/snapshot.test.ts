// The org snapshot against the sandbox with 5,000 extra people: what it reads (checked against the
// sandbox's own state dump), what the plan makes of it, and how many calls it costs (checked route by
// route against snapshotCallPlan, and against the sandbox's request counter).
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect, type GenesysClient } from '../../src/genesys/client.js';
import { resolveConnection } from '../../src/genesys/connection.js';
import {
  chooseUserStrategy,
  expectedSnapshotCalls,
  LISTING_CAP,
  loadSnapshot,
  snapshotCallPlan,
  toSnapshotUser,
  userCalls,
  type Rereads,
  type SnapshotSizes,
} from '../../src/genesys/snapshot.js';
import { GenesysApiError } from '../../src/genesys/transport.js';
import { loadImports } from '../../src/imports.js';
import { snapshotNeed, type SnapshotNeed } from '../../src/plan/need.js';
import { connectTo } from '../helpers/sandbox.js';
import { DEFAULT_PHONE_PERMISSION, rolesGrant } from '../../src/plan/permissions.js';
import { buildPlan } from '../../src/plan/plan.js';
import type { OrgSnapshot, SnapshotUser } from '../../src/plan/snapshot.js';
import {
  DEMO_IDS,
  demoOrg,
  startSandbox,
  type DumpUser,
  type OrgSeed,
  type Sandbox,
  type SandboxStateDump,
} from '../../src/sandbox/index.js';

const EXTRA_USERS = 5000;
const label = (i: number) => i.toString().padStart(5, '0');
const synthetic = (i: number) => `person.${label(i)}@staff.northfield.edu`;

/** Synthetic person i's state: every 20th from 5 inactive, every 20th from 13 deleted, and 4990 (who has a phone) deleted. */
function stateOf(i: number): 'active' | 'inactive' | 'deleted' {
  if (i % 20 === 5) return 'inactive';
  if (i % 20 === 13 || i === 4990) return 'deleted';
  return 'active';
}

function org(): OrgSeed {
  const seed = demoOrg({ extraUsers: EXTRA_USERS });
  for (const user of seed.users) {
    const match = /^person\.(\d{5})@/.exec(user.email);
    if (match) user.state = stateOf(Number(match[1]));
  }
  return seed;
}

const PEOPLE_HEADER =
  'name,email,phone_work,extension,title,department,email_manager,location_work,roles_divisions,queues,division,skills';
/** Rows every batch starts with: the demo people in each state, and a deleted person with a phone. */
const FIXED_ROWS = [
  'Maria Gonzalez,maria.gonzalez@northfield.edu,,,Director of Student Services,Student Services,,,"employee:[Student Services]",Student Services General,Student Services,English:5',
  'James Okafor,JAMES.OKAFOR@northfield.edu,+1 215 555 0110,4110,Student Services Advisor,Student Services,maria.gonzalez@northfield.edu,,"PureCloud User:[Student Services]",Registrar,Student Services,',
  'Tom Reyes,tom.reyes@northfield.edu,,,Admissions Counselor,Admissions,,,,,,',
  'Sam Former,sam.former@northfield.edu,,,Student Services Advisor,Student Services,,,,,,',
  `Person 04990,${synthetic(4990)},,,Staff,Operations,,,,,,`,
];
const PHONES_CSV = [
  'phone_name,base_settings,site,email',
  'Maria Gonzalez,WebRTC Softphone,Northfield Main Campus,maria.gonzalez@northfield.edu',
  `Person 00010 WebRTC,WebRTC Softphone,Northfield Main Campus,${synthetic(10)}`,
  'New Hire Phone,WebRTC Softphone,Northfield Main Campus,new.00001@staff.northfield.edu',
].join('\n');

/**
 * A people.csv of `rows` rows, distinct emails: the fixed rows, then by row number mod 10 five
 * existing active people, one inactive, one deleted and three new ones.
 */
function peopleCsv(rows: number): {
  csv: string;
  kinds: Map<string, 'active' | 'inactive' | 'deleted' | 'new'>;
} {
  const pools = { active: [] as number[], inactive: [] as number[], deleted: [] as number[] };
  for (let i = 1; i <= EXTRA_USERS; i++) if (i !== 4990) pools[stateOf(i)].push(i);
  const kinds = new Map<string, 'active' | 'inactive' | 'deleted' | 'new'>([
    ['maria.gonzalez@northfield.edu', 'active'],
    ['james.okafor@northfield.edu', 'active'],
    ['tom.reyes@northfield.edu', 'inactive'],
    ['sam.former@northfield.edu', 'deleted'],
    [synthetic(4990), 'deleted'],
  ]);
  const lines = [PEOPLE_HEADER, ...FIXED_ROWS];
  let fresh = 0;
  for (let row = FIXED_ROWS.length; row < rows; row++) {
    const slot = row % 10;
    const kind = slot < 5 ? 'active' : slot === 5 ? 'inactive' : slot === 6 ? 'deleted' : 'new';
    const i = kind === 'new' ? undefined : pools[kind].shift();
    if (i === undefined) {
      fresh += 1;
      const email = `new.${label(fresh)}@staff.northfield.edu`;
      kinds.set(email, 'new');
      lines.push(
        `New Hire ${label(fresh)},${email},,,Advisor,Student Services,maria.gonzalez@northfield.edu,,"employee:[Student Services], PureCloud User:[Student Services]","Student Services General, Registrar",Student Services,English:4`,
      );
    } else {
      kinds.set(synthetic(i), kind);
      lines.push(
        `Person ${label(i)},${synthetic(i)},,,Advisor,Operations,,,"employee:[Student Services]",Registrar,,`,
      );
    }
  }
  return { csv: lines.join('\n'), kinds };
}

let sandbox: Sandbox;
let client: GenesysClient;
/** The seed's role permissions: the oracle of which phone owners the snapshot must check. */
const seedRoles = org().roles.map((role) => ({
  id: role.id,
  name: role.name,
  permissions: (role as { permissions?: string[] }).permissions ?? null,
}));
let dump: SandboxStateDump;
let root: string;

beforeAll(async () => {
  sandbox = await startSandbox({ org: org(), rateLimitPerMinute: 10_000_000 });
  client = await connect(
    resolveConnection({
      GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox',
      GENESYSCLOUD_API_REGION: sandbox.url,
    }),
  );
  dump = sandbox.state();
  root = await mkdtemp(join(tmpdir(), 'gc-onboard-snapshot-'));
});

afterAll(async () => {
  client.close();
  await sandbox.close();
  await rm(root, { recursive: true, force: true });
});

/** Writes a batch of `rows` people (and the three phones) and reads it back the way the CLI does. */
async function batch(rows: number) {
  const { csv, kinds } = peopleCsv(rows);
  const dir = join(root, `rows-${rows}`);
  await mkdir(join(dir, 'new-hires'), { recursive: true });
  await writeFile(join(dir, 'new-hires', 'people.csv'), `${csv}\n`);
  await writeFile(join(dir, 'new-hires', 'phones.csv'), `${PHONES_CSV}\n`);
  const imports = await loadImports(dir);
  expect(imports.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  return { imports, need: snapshotNeed(imports), kinds };
}

/** The state dump, indexed (the oracle would otherwise scan 5,000 users per row). */
let indexed: ReturnType<typeof buildIndex> | undefined;
function buildIndex() {
  const grantsOf = new Map<string, SandboxStateDump['grants']>();
  for (const grant of dump.grants)
    grantsOf.set(grant.subjectId, [...(grantsOf.get(grant.subjectId) ?? []), grant]);
  const queuesOf = new Map<string, string[]>();
  for (const member of dump.queueMembers)
    queuesOf.set(member.userId, [...(queuesOf.get(member.userId) ?? []), member.queueId]);
  return {
    byId: new Map(dump.users.map((user) => [user.id, user])),
    byEmail: new Map(dump.users.map((user) => [user.email.toLowerCase(), user])),
    grantsOf,
    queuesOf,
  };
}
const index = () => (indexed ??= buildIndex());

const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
const byKey =
  <T>(key: (value: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));

/** What the snapshot must hold, from the sandbox's state dump (not from the API the snapshot reads). */
function expectedSnapshot(need: SnapshotNeed, rereads: Rereads = { listings: 0, singles: 0 }) {
  const emails = new Set(need.emails);
  const roleIds = new Set(
    dump.roles
      .filter((role) => need.roleNames.map(normalise).includes(normalise(role.name)))
      .map((r) => r.id),
  );
  const queueIds = new Set(
    dump.queues
      .filter((queue) => need.queueNames.map(normalise).includes(normalise(queue.name)))
      .map((q) => q.id),
  );
  const users = dump.users.filter((user) => emails.has(user.email.toLowerCase()));
  // Grants and members are read for people the batch may update (its rows and phone owners), and
  // phones kept for its phone owners: never for a manager alone.
  const owners = new Set(need.phoneOwners);
  const updated = new Set([...need.peopleEmails, ...owners]);
  const live = users.some((user) => user.state !== 'deleted' && updated.has(user.email.toLowerCase()));
  const userIds = new Set(
    users.filter((user) => owners.has(user.email.toLowerCase())).map((user) => user.id),
  );
  const phoneNames = new Set(need.phoneNames.map(normalise));
  // Deleted phones stay listed (they count in the listing's pages) but are never kept.
  const phones = dump.phones.filter(
    (phone) =>
      phone.state !== 'deleted' &&
      (phoneNames.has(normalise(phone.name)) || userIds.has(phone.webRtcUserId ?? '')),
  );
  const notDeleted = (id: string) => index().byId.get(id)?.state !== 'deleted';
  // Live phone owners whose phone is not their default yet and whose grants on the named roles (and
  // employee) do not hold conversation:call:add: their grants are read whole.
  const checked = new Set(
    users
      .filter((user) => user.state !== 'deleted' && owners.has(user.email.toLowerCase()))
      .filter(
        (user) =>
          !dump.phones.some(
            (phone) =>
              phone.state !== 'deleted' &&
              phone.webRtcUserId === user.id &&
              phone.stationId !== null &&
              phone.stationId === user.defaultStationId,
          ),
      )
      .filter((user) => {
        const held = (index().grantsOf.get(user.id) ?? [])
          .filter((grant) => roleIds.has(grant.roleId))
          .map((grant) => grant.roleId);
        return (
          seedRoles.some((role) => role.permissions?.length) &&
          !rolesGrant(seedRoles, held, DEFAULT_PHONE_PERMISSION)
        );
      })
      .map((user) => user.id),
  );
  const sizes: SnapshotSizes = {
    divisions: dump.divisions.length,
    roles: dump.roles.length,
    sites: dump.sites.length,
    phoneBaseSettings: dump.phoneBaseSettings.length,
    phoneBaseSettingsWithoutLines: dump.phoneBaseSettings.filter((base) => base.lines.length === 0).length,
    queues: dump.queues.length,
    skills: dump.skills.length,
    locations: dump.locations.length,
    emails: emails.size,
    activeUsers: dump.users.filter((user) => user.state === 'active').length,
    inactiveUsers: dump.users.filter((user) => user.state === 'inactive').length,
    deletedUsers: dump.users.filter((user) => user.state === 'deleted').length,
    liveUsersFound: live,
    subjectsPerRole: [...roleIds].map(
      (roleId) =>
        new Set(
          dump.grants.filter((g) => g.roleId === roleId && notDeleted(g.subjectId)).map((g) => g.subjectId),
        ).size,
    ),
    membersPerQueue: [...queueIds].map(
      (queueId) => dump.queueMembers.filter((m) => m.queueId === queueId && notDeleted(m.userId)).length,
    ),
    withPhones: need.phoneNames.length > 0,
    phones: dump.phones.length,
    phonesKept: phones.length,
    stations: dump.stations.length,
    workPhones: need.workPhones,
    rereads,
    ownersToCheck: checked.size,
  };
  return { users, roleIds, queueIds, phones, checked, sizes };
}

/**
 * What the snapshot holds of a live user, from the state dump. Left out: the addresses (read back in
 * the org's shapes, see phone-number.test.ts) and the welcome and login dates (expands a listing may
 * drop: see comparable and checkDates).
 */
function expectedUser(
  user: DumpUser,
  roleIds: Set<string>,
  queueIds: Set<string>,
  checked: Set<string>,
): Comparable {
  const work = user.addresses.find((contact) => contact.mediaType === 'PHONE' && contact.type === 'WORK');
  const whole = checked.has(user.id);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    state: user.state,
    version: user.version,
    divisionId: user.divisionId,
    title: user.title,
    department: user.department,
    // Stored in E.164 (`address`) beside the extension: the snapshot reads either back whatever the shape.
    phoneWork: work?.address ?? '',
    extension: work?.extension ?? '',
    managerId: user.managerId,
    locationIds: user.locations.map((location) => location.id),
    grants: (index().grantsOf.get(user.id) ?? [])
      .filter((grant) => whole || roleIds.has(grant.roleId))
      .map(({ roleId, divisionId }) => ({ roleId, divisionId }))
      .sort(byKey((grant) => grant.roleId + grant.divisionId)),
    grantsComplete: whole,
    queueIds: (index().queuesOf.get(user.id) ?? []).filter((queueId) => queueIds.has(queueId)).sort(),
    skills: user.skills
      .map((skill) => ({ skillId: skill.id, proficiency: skill.proficiency }))
      .sort(byKey((skill) => skill.skillId)),
    defaultStationId: user.defaultStationId,
  };
}

/**
 * An expand no row decides on may come back dropped (the org's seeded choice) and is not read again:
 * there, an empty value in the snapshot is accepted. Fields a row decides on must be exact.
 */
function allowDropped(
  expected: Comparable,
  actual: Comparable | undefined,
  deciding: string[] = [],
): Comparable {
  if (!actual || actual.id !== expected.id) return expected;
  const result = { ...expected };
  if (!deciding.includes('skills') && actual.skills.length === 0) result.skills = [];
  if (!deciding.includes('locations') && actual.locationIds.length === 0) result.locationIds = [];
  if (!deciding.includes('station') && actual.defaultStationId === null) result.defaultStationId = null;
  return result;
}

type Comparable = Omit<SnapshotUser, 'addresses' | 'dateWelcomeSent' | 'dateLastLogin' | 'welcomeKnown'>;

function comparable(user: SnapshotUser): Comparable {
  const { addresses: _a, dateWelcomeSent: _w, dateLastLogin: _l, welcomeKnown: _k, ...rest } = user;
  return rest;
}

/** A date the snapshot holds is the org's; a missing one is the org's or a dropped expand, never "known" then. */
function checkDates(user: SnapshotUser, stored: DumpUser | undefined): void {
  expect(stored, user.email).toBeDefined();
  if (user.dateWelcomeSent !== null) expect(user.dateWelcomeSent, user.email).toBe(stored?.dateWelcomeSent);
  if (user.dateLastLogin !== null) expect(user.dateLastLogin, user.email).toBe(stored?.dateLastLogin);
  if (user.welcomeKnown) expect(user.dateWelcomeSent, user.email).toBe(stored?.dateWelcomeSent ?? null);
  if (stored?.dateWelcomeSent) expect(user.welcomeKnown, user.email).toBe(user.dateWelcomeSent !== null);
}

/** The snapshot's users in a comparable order, list fields sorted. */
function sortedUsers(snapshot: OrgSnapshot): SnapshotUser[] {
  return snapshot.users
    .map((user) => ({
      ...user,
      addresses: [...user.addresses],
      grants: [...user.grants].sort(byKey((grant) => grant.roleId + grant.divisionId)),
      queueIds: [...user.queueIds].sort(),
      skills: [...user.skills].sort(byKey((skill) => skill.skillId)),
    }))
    .sort(byKey((user) => user.id));
}

/**
 * The re-reads of users whose listing dropped an expand a row decides on: which users is the org's
 * (seeded) choice, so they are taken from the calls made, and bounded by the caller.
 */
function measuredRereads(byRoute: Record<string, number>, need: SnapshotNeed): Rereads {
  const count = (state: string) => dump.users.filter((user) => user.state === state).length;
  const listing = userCalls(need.emails.length, count('active'), count('inactive'), count('deleted')).listing;
  return {
    listings: (byRoute['GET /api/v2/users'] ?? 0) - listing,
    singles: byRoute['GET /api/v2/users/{id}'] ?? 0,
  };
}

/**
 * The snapshot for `need` as one run loads it: with a client of its own (a client reads the org once),
 * and its calls by route, logins left out, from the transport's counter.
 */
async function counted(need: SnapshotNeed) {
  const own = await connectTo(sandbox.url);
  const before = own.stats();
  const serverBefore = sandbox.stats().requests.total;
  const result = await loadSnapshot(own, need).finally(() => own.close());
  const after = own.stats();
  const byRoute: Record<string, number> = {};
  for (const [route, calls] of Object.entries(after.byRoute)) {
    const made = calls - (before.byRoute[route] ?? 0);
    if (made > 0 && route !== 'POST /oauth/token') byRoute[route] = made;
  }
  const retries = after.retries - before.retries;
  return { result, byRoute, retries, serverCalls: sandbox.stats().requests.total - serverBefore };
}

/**
 * The calls made are the planned ones, each once, plus one attempt per retry the transport counted
 * (a 429 or a dropped connection on a loaded machine is tried again; that is no extra call of ours).
 */
function expectCalls(
  run: { byRoute: Record<string, number>; retries: number },
  plan: Record<string, number>,
) {
  expect(Object.keys(run.byRoute).sort()).toEqual(Object.keys(plan).sort());
  const extra = Object.entries(run.byRoute).map(([route, calls]) => calls - (plan[route] ?? 0));
  expect(extra.every((calls) => calls >= 0)).toBe(true);
  expect(extra.reduce((sum, calls) => sum + calls, 0)).toBe(run.retries);
}

/**
 * A clock that moves only when the transport sleeps, by the time it asked for, and not for a sleep
 * cut short (the pacer wakes early when poked). Each sleep yields once first, so requests let through
 * reach the sandbox before time moves.
 */
function virtualClock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number, signal: AbortSignal) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) return;
      now += ms;
    },
  };
}

const total = (byRoute: Record<string, number>) => Object.values(byRoute).reduce((sum, n) => sum + n, 0);
const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));

describe('loadSnapshot against 5,000 extra people', () => {
  const measured = new Map<number, number>();

  it.each([10, 150, 1000, 2500])('reads what %i rows need, in the calls the formula says', async (rows) => {
    const { imports, need, kinds } = await batch(rows);
    const { result: snapshot, byRoute, retries, serverCalls } = await counted(need);
    // Which users' expands the org dropped is its own (seeded) choice: each costs one read by id.
    const rereads = measuredRereads(byRoute, need);
    const expected = expectedSnapshot(need, rereads);
    // At 2 % per expand: a few listing pages and a handful of single reads, never one per person.
    expect(rereads.listings).toBeGreaterThanOrEqual(0);
    expect(rereads.listings).toBeLessThanOrEqual(3 * Math.ceil(expected.users.length / 1000));
    expect(rereads.singles).toBeLessThanOrEqual(5);

    // Every email the batch names is found in whatever state it is in, deleted ones included.
    expect(snapshot.users.map((user) => user.email.toLowerCase()).sort()).toEqual(
      expected.users.map((user) => user.email.toLowerCase()).sort(),
    );
    const live = (user: { state: string }) => user.state !== 'deleted';
    const actualUsers = sortedUsers(snapshot).filter(live).map(comparable);
    expect(actualUsers).toEqual(
      expected.users
        .filter(live)
        .map((user) => expectedUser(user, expected.roleIds, expected.queueIds, expected.checked))
        .sort(byKey((user) => user.id))
        .map((user, i) => allowDropped(user, actualUsers[i], need.decidingFields[user.email.toLowerCase()])),
    );
    for (const user of snapshot.users.filter(live)) checkDates(user, index().byId.get(user.id));
    const idEmailState = ({ id, email, state }: { id: string; email: string; state: string }) => ({
      id,
      email,
      state,
    });
    expect(
      sortedUsers(snapshot)
        .filter((user) => !live(user))
        .map(idEmailState),
    ).toEqual(
      expected.users
        .filter((user) => !live(user))
        .map(idEmailState)
        .sort(byKey((user) => user.id)),
    );
    expect(snapshot.phones.map((phone) => phone.id).sort()).toEqual(expected.phones.map((p) => p.id).sort());
    for (const phone of expected.phones) {
      expect(snapshot.phones.find((p) => p.id === phone.id)).toEqual({
        id: phone.id,
        name: phone.name,
        siteId: phone.siteId,
        baseSettingsId: phone.phoneBaseSettingsId,
        webRtcUserId: phone.webRtcUserId,
        stationId: phone.stationId,
      });
    }
    expect(snapshot.homeDivisionId).toBe(DEMO_IDS.divisions.home);
    expect(snapshot.roles).toHaveLength(dump.roles.length);
    expect(snapshot.queues).toHaveLength(dump.queues.length);
    expect(snapshot.phoneBaseSettings.find((base) => base.id === DEMO_IDS.phoneBaseSettings.webRtc)).toEqual({
      id: DEMO_IDS.phoneBaseSettings.webRtc,
      name: 'WebRTC Softphone',
      webRtc: true,
      lineBaseSettingsId: DEMO_IDS.lineBaseSettings.webRtc,
    });

    // The calls, route by route, as the formula says; the sandbox counted the same number.
    expectCalls({ byRoute, retries }, snapshotCallPlan(expected.sizes));
    expect(total(byRoute) - retries).toBe(expectedSnapshotCalls(expected.sizes));
    expect(serverCalls).toBe(total(byRoute));
    // Re-reads for dropped expands are the org's (seeded) doing: left out of the growth check below.
    measured.set(rows, total(byRoute) - retries - rereads.listings - rereads.singles);

    // The user reads are the cheaper of searching and paging, give or take the ≤ 3 calls that learn the org's size.
    const search = Math.ceil(need.emails.length / 100);
    const paging =
      pages(expected.sizes.activeUsers, 500) +
      pages(expected.sizes.inactiveUsers, 500) +
      pages(expected.sizes.deletedUsers, 500);
    const userReads = (byRoute['GET /api/v2/users'] ?? 0) + (byRoute['POST /api/v2/users/search'] ?? 0);
    expect(userReads).toBeLessThanOrEqual(Math.min(search, paging) + 3);
    if (byRoute['POST /api/v2/users/search']) expect(search).toBeLessThanOrEqual(paging);
    else expect(paging).toBeLessThan(search);

    // The plan sees each email in its state: a deleted user's email is taken, new ones are created.
    const plan = buildPlan(imports, snapshot, { today: '2026-11-25' });
    const rowsByEmail = new Map(plan.batches.flatMap((b) => b.people).map((row) => [row.emailKey, row]));
    expect(rowsByEmail.size).toBe(rows);
    for (const [email, kind] of kinds) {
      const row = rowsByEmail.get(email);
      const user = index().byEmail.get(email);
      if (kind === 'new') {
        expect(row?.action, email).toBe('create');
      } else if (kind === 'deleted') {
        expect(row?.action, email).toBe('error');
        expect(
          row?.errors.map((e) => e.code),
          email,
        ).toContain('deleted-user');
      } else {
        expect(['update', 'unchanged'], email).toContain(row?.action);
        expect(row?.userId, email).toBe(user?.id);
      }
    }
  });

  it('reads the demo people exactly', async () => {
    const { need } = await batch(10);
    const snapshot = await loadSnapshot(client, need);
    const maria = snapshot.users.find((user) => user.id === DEMO_IDS.users.maria);
    expect(maria).toMatchObject({
      state: 'active',
      divisionId: DEMO_IDS.divisions.studentServices,
      locationIds: [DEMO_IDS.locations.welcomeCenter],
      skills: [{ skillId: DEMO_IDS.skills.english, proficiency: 5 }],
      queueIds: [DEMO_IDS.queues.studentServicesGeneral],
      defaultStationId: DEMO_IDS.stations.maria,
    });
    // Only the roles the batch names are read: employee and PureCloud User, not PureCloud Supervisor.
    expect(maria?.grants).toEqual(
      expect.arrayContaining([
        { roleId: DEMO_IDS.roles.employee, divisionId: DEMO_IDS.divisions.studentServices },
        { roleId: DEMO_IDS.roles.pureCloudUser, divisionId: DEMO_IDS.divisions.studentServices },
      ]),
    );
    expect(maria?.grants).toHaveLength(2);
    expect(snapshot.users.find((user) => user.id === DEMO_IDS.users.james)).toMatchObject({
      phoneWork: '+12155550110',
      extension: '4110',
      managerId: DEMO_IDS.users.maria,
      queueIds: [DEMO_IDS.queues.studentServicesGeneral],
    });
    expect(snapshot.users.find((user) => user.id === DEMO_IDS.users.tom)?.state).toBe('inactive');
    expect(snapshot.users.find((user) => user.id === DEMO_IDS.users.sam)?.state).toBe('deleted');
    expect(snapshot.phones.find((phone) => phone.id === DEMO_IDS.phones.maria)).toEqual({
      id: DEMO_IDS.phones.maria,
      name: 'Maria Gonzalez',
      siteId: DEMO_IDS.sites.mainCampus,
      baseSettingsId: DEMO_IDS.phoneBaseSettings.webRtc,
      webRtcUserId: DEMO_IDS.users.maria,
      stationId: DEMO_IDS.stations.maria,
    });
  });

  it('does not grow per row', () => {
    const calls = (rows: number) => measured.get(rows) ?? Number.NaN;
    // From 10 to 1,000 rows only the user reads grow: 10 searches and 1 probe page instead of 1 search.
    expect(calls(1000) - calls(10)).toBe(10);
    // 2,500 rows page the org (10 + 1 + 1 pages) instead of searching 25 times: one call more than 1,000 rows.
    expect(calls(2500) - calls(1000)).toBe(1);
  });

  it('skips grants, members and stations when the batch names only new people', async () => {
    const need: SnapshotNeed = {
      emails: Array.from({ length: 300 }, (_, i) => `brand.new.${label(i)}@northfield.edu`),
      peopleEmails: Array.from({ length: 300 }, (_, i) => `brand.new.${label(i)}@northfield.edu`),
      roleNames: ['employee', 'PureCloud User'],
      queueNames: ['Student Services General'],
      phoneNames: ['A Phone Nobody Has'],
      phoneOwners: [],
      workPhones: false,
      decidingFields: {},
    };
    const { result: snapshot, byRoute, retries } = await counted(need);
    expect(snapshot.users).toEqual([]);
    expect(snapshot.phones).toEqual([]);
    expect(byRoute['GET /api/v2/authorization/roles/{id}/subjectgrants']).toBeUndefined();
    expect(byRoute['GET /api/v2/routing/queues/{id}/members']).toBeUndefined();
    expect(byRoute['GET /api/v2/stations']).toBeUndefined();
    expect(byRoute['POST /api/v2/users/search']).toBe(3);
    expectCalls({ byRoute, retries }, snapshotCallPlan(expectedSnapshot(need).sizes));
  });

  it.each([10, 1000, 10_000])(
    'plans %i new hires who report to existing managers without reading grants, members or stations',
    async (rows) => {
      const dir = join(root, `new-hires-${rows}`);
      await mkdir(join(dir, 'hires'), { recursive: true });
      const people = [PEOPLE_HEADER];
      const phones = ['phone_name,base_settings,site,email'];
      const managers = new Set<string>();
      for (let i = 0; i < rows; i++) {
        const email = `hire.${i}@staff.northfield.edu`;
        // Managers: Maria and 50 existing people of the org, none of them a row of the batch.
        const manager = i % 51 === 0 ? 'maria.gonzalez@northfield.edu' : synthetic((i % 51) * 20 + 1);
        managers.add(manager);
        people.push(
          `Hire ${i},${email},+1 215 555 ${String(i % 10_000).padStart(4, '0')},,Advisor,Student Services,${manager},,"employee:[Student Services], PureCloud User:[Student Services]","Student Services General, Registrar",Student Services,English:4`,
        );
        phones.push(`Hire ${i} WebRTC,WebRTC Softphone,Northfield Main Campus,${email}`);
      }
      await writeFile(join(dir, 'hires', 'people.csv'), `${people.join('\n')}\n`);
      await writeFile(join(dir, 'hires', 'phones.csv'), `${phones.join('\n')}\n`);
      const imports = await loadImports(dir);
      expect(imports.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
      const need = snapshotNeed(imports);
      const { result: snapshot, byRoute, retries } = await counted(need);
      // The managers are found (the plan needs their ids), but their grants, queues and phones are not read.
      expect(snapshot.users.map((user) => user.email.toLowerCase()).sort()).toEqual([...managers].sort());
      expect(byRoute['GET /api/v2/authorization/roles/{id}/subjectgrants']).toBeUndefined();
      expect(byRoute['GET /api/v2/routing/queues/{id}/members']).toBeUndefined();
      expect(byRoute['GET /api/v2/stations']).toBeUndefined();
      expectCalls(
        { byRoute, retries },
        snapshotCallPlan(expectedSnapshot(need, measuredRereads(byRoute, need)).sizes),
      );
      // Issue 17's target: at most 30 calls for 10,000 new-hire rows on a 5,000-person org.
      expect(total(byRoute) - retries).toBeLessThanOrEqual(30);
      const plan = buildPlan(imports, snapshot, { today: '2026-11-25' });
      expect(plan.summary.people).toMatchObject({ create: rows, error: 0 });
      expect(plan.summary.phones).toMatchObject({ create: rows, error: 0 });
    },
    60_000,
  );

  it("reads the grants of phone owners the batch's roles do not show calling, and the plan refuses those who lack it", async () => {
    const dir = join(root, 'owners');
    await mkdir(join(dir, 'owners'), { recursive: true });
    await writeFile(
      join(dir, 'owners', 'people.csv'),
      [
        PEOPLE_HEADER,
        'Tom Reyes,tom.reyes@northfield.edu,215 555 0120,,,,,,"employee:[Admissions]",,,',
        'Priya Patel,priya.patel@northfield.edu,,,,,,,"employee:[IT Help Desk]",,,',
      ].join('\n') + '\n',
    );
    await writeFile(
      join(dir, 'owners', 'phones.csv'),
      [
        'phone_name,base_settings,site,email',
        'Tom Reyes,WebRTC Softphone,Northfield Main Campus,tom.reyes@northfield.edu',
        'Priya Patel,WebRTC Softphone,Northfield Main Campus,priya.patel@northfield.edu',
      ].join('\n') + '\n',
    );
    const imports = await loadImports(dir);
    const need = snapshotNeed(imports);
    const { result: snapshot, byRoute, retries } = await counted(need);
    // Both hold only `employee` as far as the batch's roles show: each one's grants are read whole.
    expect(byRoute['GET /api/v2/authorization/subjects/{id}']).toBe(2);
    expect(byRoute['GET /api/v2/organizations/me']).toBe(1);
    expect(snapshot.defaultCountryCode).toBe('US');
    expectCalls(
      { byRoute, retries },
      snapshotCallPlan(expectedSnapshot(need, measuredRereads(byRoute, need)).sizes),
    );
    const priya = snapshot.users.find((user) => user.id === DEMO_IDS.users.priya);
    expect(priya?.grantsComplete).toBe(true);
    expect(priya?.grants).toContainEqual({
      roleId: DEMO_IDS.roles.pureCloudUser,
      divisionId: DEMO_IDS.divisions.itHelpDesk,
    });
    const plan = buildPlan(imports, snapshot, { today: '2026-11-25' });
    const phones = plan.batches.flatMap((batch) => batch.phones);
    expect(phones.map((phone) => [phone.name, phone.action, phone.errors.map((e) => e.code)])).toEqual([
      ['Tom Reyes', 'error', ['no-call-permission']],
      ['Priya Patel', 'create', []],
    ]);
  });

  it('reads no users, phones or stations when the batch names none', async () => {
    const need: SnapshotNeed = {
      emails: [],
      peopleEmails: [],
      roleNames: [],
      queueNames: [],
      phoneNames: [],
      phoneOwners: [],
      workPhones: false,
      decidingFields: {},
    };
    const { result: snapshot, byRoute, retries } = await counted(need);
    expect(snapshot.users).toEqual([]);
    expect(Object.keys(byRoute).sort()).toEqual([
      'GET /api/v2/authorization/divisions',
      'GET /api/v2/authorization/divisions/home',
      'GET /api/v2/authorization/roles',
      'GET /api/v2/locations',
      'GET /api/v2/routing/queues',
      'GET /api/v2/routing/skills',
      'GET /api/v2/telephony/providers/edges/phonebasesettings',
      'GET /api/v2/telephony/providers/edges/sites',
    ]);
    expect(total(byRoute) - retries).toBe(8);
  });
});

describe('chooseUserStrategy', () => {
  /** The user reads with hindsight: the cheaper of searching and paging, sizes known for free. */
  const hindsight = (emails: number, active: number, inactive: number, deleted: number) => {
    const search = Math.ceil(emails / 100);
    const capped = inactive > LISTING_CAP || deleted > LISTING_CAP;
    const paging = pages(active, 500) + pages(inactive, 500) + pages(deleted, 500);
    return capped ? search : Math.min(search, paging);
  };

  it('searches small batches without learning the org size', () => {
    expect(chooseUserStrategy(0)).toBe('none');
    expect(chooseUserStrategy(1)).toBe('search');
    expect(chooseUserStrategy(300)).toBe('search');
    expect(userCalls(300, 100_000, 0, 0)).toEqual({ listing: 0, search: 3 });
    expect(chooseUserStrategy(301)).toBe('probe-active');
  });

  it('pages small orgs and searches big ones', () => {
    // 1,000 emails, 5,000 active: paging ≥ 10 + 2 > 10 searches, known after one probe page.
    expect(userCalls(1000, 5000, 100, 100)).toEqual({ listing: 1, search: 10 });
    // 2,500 emails: 10 + 1 + 1 pages beat 25 searches.
    expect(userCalls(2500, 5000, 100, 100)).toEqual({ listing: 12, search: 0 });
    // 10,000 emails against 20,000 users: 40 + 1 + 1 pages beat 100 searches.
    expect(userCalls(10_000, 20_000, 10, 10)).toEqual({ listing: 42, search: 0 });
    // Past the inactive listing's cap, search.
    expect(userCalls(10_000, 2000, LISTING_CAP + 1, 0)).toEqual({ listing: 3, search: 100 });
  });

  it('costs at most 3 calls more than hindsight', () => {
    for (const emails of [1, 99, 250, 301, 800, 1000, 1500, 2500, 5000, 10_000, 40_000]) {
      for (const active of [0, 499, 501, 2000, 5000, 20_000, 100_000]) {
        for (const inactive of [0, 600, 12_000]) {
          for (const deleted of [0, 3000]) {
            const { listing, search } = userCalls(emails, active, inactive, deleted);
            const best = hindsight(emails, active, inactive, deleted);
            const where = `${emails} emails, ${active}/${inactive}/${deleted} users`;
            expect(listing + search, where).toBeGreaterThanOrEqual(best);
            expect(listing + search, where).toBeLessThanOrEqual(best + 3);
            // Paging follows only when what is left of it after the probes costs less than searching.
            if (search === 0) expect(listing - 3, where).toBeLessThan(Math.ceil(emails / 100));
          }
        }
      }
    }
  });
});

describe('toSnapshotUser', () => {
  it('maps a Genesys user to what the plan compares', () => {
    const user = toSnapshotUser(
      {
        id: 'u1',
        name: 'Ada',
        email: 'ada@example.com',
        state: 'inactive',
        version: 7,
        division: { id: 'd1' },
        title: 'Engineer',
        addresses: [
          { address: '+15550001', mediaType: 'PHONE', type: 'MOBILE' },
          {
            address: '+12155550002',
            display: '+1 215-555-0002',
            mediaType: 'PHONE',
            type: 'WORK',
            extension: '42',
          },
        ],
        manager: { id: 'm1', version: 1 },
        locations: [{ locationDefinition: { id: 'l1' } }, { id: 'l2' }],
        skills: [{ id: 's1', proficiency: 3 }, { id: 's2' }],
        station: { defaultStation: { id: 'st1' } },
        dateLastLogin: '2026-01-01T00:00:00.000Z',
      },
      'home',
    );
    expect(user).toEqual({
      id: 'u1',
      name: 'Ada',
      email: 'ada@example.com',
      state: 'inactive',
      version: 7,
      divisionId: 'd1',
      title: 'Engineer',
      department: '',
      // Shape (c): the number is in `display`, kept as E.164.
      phoneWork: '+12155550002',
      extension: '42',
      addresses: [
        { address: '+15550001', mediaType: 'PHONE', type: 'MOBILE' },
        {
          address: '+12155550002',
          display: '+1 215-555-0002',
          mediaType: 'PHONE',
          type: 'WORK',
          extension: '42',
        },
      ],
      managerId: 'm1',
      locationIds: ['l1', 'l2'],
      grants: [],
      grantsComplete: false,
      queueIds: [],
      skills: [
        { skillId: 's1', proficiency: 3 },
        { skillId: 's2', proficiency: 0 },
      ],
      defaultStationId: 'st1',
      dateWelcomeSent: null,
      dateLastLogin: '2026-01-01T00:00:00.000Z',
      // From a listing, a missing welcome date may be a dropped expand; read by id, it means "never".
      welcomeKnown: false,
    });
    expect(toSnapshotUser({ id: 'u1', version: 1 }, 'home', true).welcomeKnown).toBe(true);
    // No division means the home division; an unknown state reads as active.
    expect(toSnapshotUser({ id: 'u2', version: 1, state: 'whatever' }, 'home')).toMatchObject({
      divisionId: 'home',
      state: 'active',
      phoneWork: '',
      managerId: null,
      defaultStationId: null,
    });
  });
});

describe('under the rate limit, with faults', () => {
  it('paces the snapshot of 1,000 rows at the sandbox limit without a 429', async () => {
    // 200 requests per 5 s window (40/s): the transport starts at its default and learns 200 from the
    // headers. Its clock is injected: waits are counted, not spent, so the pace is measured exactly
    // (no event-loop delays), and the snapshot's ~60 calls stay under the sandbox's real-time window.
    const paced = await startSandbox({ org: org(), rateLimitPerMinute: 200, rateWindowSeconds: 5 });
    const clock = virtualClock();
    const pacedClient = await connect(
      resolveConnection({
        GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox',
        GENESYSCLOUD_API_REGION: paced.url,
      }),
      { transport: { windowMs: 5000, now: clock.now, sleep: clock.sleep } },
    );
    try {
      const { need } = await batch(1000);
      const started = clock.now();
      const snapshot = await loadSnapshot(pacedClient, need);
      const elapsed = clock.now() - started;
      const calls = paced.stats().requests.total;
      expect(snapshot.users.length).toBe(expectedSnapshot(need).users.length);
      expect(paced.stats().status['429'] ?? 0).toBe(0);
      expect(pacedClient.stats()).toMatchObject({ limit: 200, rateLimited: 0, retries: 0 });
      // At the limit: N calls take (N − 1) ÷ 40 s. The pacer may run one slot early after each pause
      // in the stream (its 0.5 % catch-up), never more, so allow 5 % below; nothing makes it slower.
      const ideal = ((calls - 1) / 40) * 1000;
      expect(elapsed).toBeGreaterThan(ideal * 0.95);
      expect(elapsed).toBeLessThanOrEqual(ideal * 1.02);
    } finally {
      pacedClient.close();
      await paced.close();
    }
  });

  it('retries injected 429s, 503s and dropped connections, and gets the same snapshot', async () => {
    const faulty = await startSandbox({
      org: org(),
      rateLimitPerMinute: 10_000_000,
      faults: { rate429: 0.03, rate503: 0.05, drop: 0.05 },
      seed: 7,
    });
    const faultyClient = await connect(
      resolveConnection({
        GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox',
        GENESYSCLOUD_API_REGION: faulty.url,
      }),
      { transport: { baseBackoffMs: 20, maxBackoffMs: 100 } },
    );
    try {
      const { need } = await batch(150);
      const clean = await loadSnapshot(client, need);
      const snapshot = await loadSnapshot(faultyClient, need);
      // Each org drops its own (seeded) expands; what a row decides on is exact in both.
      const decided = (user: SnapshotUser) => {
        const fields = need.decidingFields[user.email.toLowerCase()] ?? [];
        const { skills, locationIds, defaultStationId, ...rest } = comparable(user);
        return {
          ...rest,
          ...(fields.includes('skills') ? { skills } : {}),
          ...(fields.includes('locations') ? { locationIds } : {}),
          ...(fields.includes('station') ? { defaultStationId } : {}),
        };
      };
      expect(sortedUsers(snapshot).map(decided)).toEqual(sortedUsers(clean).map(decided));
      expect(snapshot.phones).toEqual(expect.arrayContaining(clean.phones));
      const faults = faulty.stats().faults;
      const injected = (faults.rate429 ?? 0) + (faults.rate503 ?? 0) + (faults.drop ?? 0);
      expect(injected).toBeGreaterThan(0);
      expect(faultyClient.stats().retries).toBe(injected);
      expect(faultyClient.stats().rateLimited).toBe(faults.rate429 ?? 0);
    } finally {
      faultyClient.close();
      await faulty.close();
    }
  });

  it('fails with one readable line, and the token appears in no message or output', async () => {
    const broken = await startSandbox({ org: org(), rateLimitPerMinute: 10_000_000, faults: { rate503: 1 } });
    const seen: string[] = [];
    const brokenClient = await connect(
      resolveConnection({
        GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox',
        GENESYSCLOUD_API_REGION: broken.url,
      }),
      { transport: { maxTries: 2, baseBackoffMs: 1 }, onToken: (token) => seen.push(token) },
    );
    // Everything printed meanwhile, through the console or straight to the streams.
    const output: string[] = [];
    const spies = [
      ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          output.push(args.map(String).join(' '));
        }),
      ),
      ...[process.stdout, process.stderr].map((stream) =>
        vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
          output.push(String(chunk));
          return true;
        }),
      ),
    ];
    try {
      const { need } = await batch(10);
      const error: unknown = await loadSnapshot(brokenClient, need).then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(GenesysApiError);
      const message = (error as GenesysApiError).message;
      expect(message).toMatch(
        /^503 service\.unavailable: Service unavailable \(injected by the sandbox\)\. \(GET \/api\/v2\/[a-z/{}]+\) after 2 tries$/,
      );
      expect(seen).toHaveLength(1);
      for (const text of [message, JSON.stringify(error), String((error as Error).stack), ...output]) {
        expect(text).not.toContain(seen[0]);
        expect(text).not.toMatch(/bearer\s|basic\s|authorization["']?\s*:/i);
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
      brokenClient.close();
      await broken.close();
    }
  });
});
