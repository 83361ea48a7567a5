// An in-memory OrgWriter for unit tests of apply's retries and ordering, run under vitest's fake
// timers: every call takes `latencyMs` of (fake) time, so concurrent calls really overlap. It can make
// a new user invisible to some methods for a while (404), script the errors of the next calls, and
// it records every call with its start and end, and every overlap of version-checked writes per user.
import {
  userRecordOf,
  type NewPhone,
  type OrgWriter,
  type PhoneRecord,
  type StationPage,
  type UserRecord,
  type UserUpdate,
} from '../../src/apply/org.js';
import type { Grant, SnapshotSkill } from '../../src/plan/snapshot.js';
import type { NewUser, PersonPlan, PhonePlan, Plan } from '../../src/plan/types.js';

export type Method = keyof OrgWriter;

/** The writes a real org checks against the user's version (real-api.md §3); a move bumps it. */
const VERSIONED: ReadonlySet<Method> = new Set<Method>([
  'patchUser',
  'setSkills',
  'setDefaultStation',
  'moveUsers',
]);

export interface Call {
  method: Method;
  userIds: string[];
  start: number;
  end: number;
  /** The error it answered, if any. */
  status: number | null;
}

/** An error as the transport throws it (GenesysApiError's shape). */
export function apiError(
  status: number,
  code: string,
  detail: string,
): Error & { status: number; code: string; detail: string } {
  return Object.assign(new Error(`${status} ${code}: ${detail}`), { status, code, detail });
}

export const notFound = (id: string) => apiError(404, 'not.found', `The user ${id} could not be found.`);
export const race409 = () =>
  apiError(
    409,
    'general.conflict',
    'The version number of the modified resource must match the version number in the database.',
  );
export const stale400 = () =>
  apiError(
    400,
    'bad.request',
    'The version supplied (3) does not match the current version of the user (4).',
  );

interface FakeUser extends UserRecord {
  createdAt: number | null;
  skills: SnapshotSkill[];
  grants: Grant[];
  stationId: string | null;
}

export class FakeOrg implements OrgWriter {
  latencyMs = 10;
  /** A user created here answers 404 to these methods for this long after its creation. */
  lagMs: Partial<Record<Method, number>> = {};
  readonly users = new Map<string, FakeUser>();
  readonly phones: Array<PhoneRecord & { stationId: string }> = [];
  readonly queueMembers: Array<{ queueId: string; userId: string }> = [];
  readonly calls: Call[] = [];
  readonly overlaps: string[] = [];
  private readonly inFlight = new Map<string, Method>();
  /** Errors the next calls of a method answer, one per call (a function runs the write first: a lost answer). */
  private readonly scripted = new Map<Method, Array<Error | ((run: () => void) => Error)>>();
  private next = 1;

  /** An existing user (created before this run). */
  seedUser(name: string, version = 1): string {
    const id = `user-${this.next++}`;
    this.users.set(id, {
      ...blankUser(id, name, `${name.toLowerCase().replace(/ /g, '.')}@example.edu`),
      version,
      createdAt: null,
    });
    return id;
  }

  failNext(method: Method, ...errors: Array<Error | ((run: () => void) => Error)>): void {
    this.scripted.set(method, [...(this.scripted.get(method) ?? []), ...errors]);
  }

  callsOf(method: Method, userId?: string): Call[] {
    return this.calls.filter(
      (c) => c.method === method && (userId === undefined || c.userIds.includes(userId)),
    );
  }

  private async call<T>(method: Method, userIds: string[], work: () => T): Promise<T> {
    const record: Call = { method, userIds, start: Date.now(), end: Number.NaN, status: null };
    this.calls.push(record);
    if (VERSIONED.has(method)) {
      for (const id of userIds) {
        const other = this.inFlight.get(id);
        if (other) this.overlaps.push(`${method} on ${id} while ${other} was in flight`);
        this.inFlight.set(id, method);
      }
    }
    try {
      await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      const script = this.scripted.get(method)?.shift();
      if (script) throw typeof script === 'function' ? script(() => work()) : script;
      const lag = this.lagMs[method];
      for (const id of userIds) {
        const createdAt = this.users.get(id)?.createdAt;
        if (
          lag !== undefined &&
          createdAt !== null &&
          createdAt !== undefined &&
          Date.now() < createdAt + lag
        )
          throw notFound(id);
      }
      return work();
    } catch (error) {
      record.status = (error as { status?: number }).status ?? 0;
      throw error;
    } finally {
      record.end = Date.now();
      if (VERSIONED.has(method)) for (const id of userIds) this.inFlight.delete(id);
    }
  }

  private user(id: string): FakeUser {
    const user = this.users.get(id);
    if (!user) throw notFound(id);
    return user;
  }

  createLocation(name: string): Promise<string> {
    return this.call('createLocation', [], () => `location-${name}`);
  }
  findLocation(name: string): Promise<string | null> {
    return this.call('findLocation', [], () => `location-${name}`);
  }
  createUser(user: NewUser): Promise<UserRecord> {
    return this.call('createUser', [], () => {
      const id = `user-${this.next++}`;
      const created: FakeUser = {
        ...blankUser(id, user.name, user.email),
        divisionId: user.divisionId,
        title: user.title ?? '',
        department: user.department ?? '',
        addresses: user.addresses,
        createdAt: Date.now(),
      };
      this.users.set(id, created);
      return record(created);
    });
  }
  findUserByEmail(email: string): Promise<UserRecord | null> {
    return this.call('findUserByEmail', [], () => {
      const user = [...this.users.values()].find((u) => u.email === email);
      return user ? record(user) : null;
    });
  }
  getUser(id: string): Promise<UserRecord> {
    return this.call('getUser', [id], () => record(this.user(id)));
  }
  defaultCountryCode(): Promise<string | null> {
    return this.call('defaultCountryCode', [], () => 'US');
  }
  patchUser(id: string, version: number, update: UserUpdate): Promise<UserRecord> {
    return this.call('patchUser', [id], () => {
      const user = this.user(id);
      if (version !== user.version) throw race409();
      Object.assign(user, update, { version: user.version + 1 });
      return record(user);
    });
  }
  /** Another admin's write: the user's version moves on. */
  bumpVersion(id: string): void {
    this.user(id).version += 1;
  }
  moveUsers(divisionId: string, userIds: string[]): Promise<void> {
    return this.call('moveUsers', userIds, () => {
      for (const id of userIds)
        Object.assign(this.user(id), { divisionId, version: this.user(id).version + 1 });
    });
  }
  addGrants(userId: string, grants: Grant[]): Promise<void> {
    return this.call('addGrants', [userId], () => {
      this.user(userId).grants.push(...grants);
    });
  }
  /** All or nothing, as the real call: an unknown (or not yet visible) subject is a 404 for every one. */
  grantRole(roleId: string, divisionIds: string[], userIds: string[]): Promise<void> {
    return this.call('grantRole', userIds, () => {
      const users = userIds.map((id) => this.user(id));
      for (const user of users)
        user.grants.push(...divisionIds.map((divisionId) => ({ roleId, divisionId })));
    });
  }
  addQueueMembers(queueId: string, userIds: string[]): Promise<void> {
    return this.call('addQueueMembers', userIds, () => {
      for (const userId of userIds) this.queueMembers.push({ queueId, userId });
    });
  }
  setSkills(userId: string, skills: SnapshotSkill[]): Promise<void> {
    return this.call('setSkills', [userId], () => {
      this.user(userId).skills.push(...skills);
    });
  }
  createPhone(phone: NewPhone): Promise<PhoneRecord> {
    return this.call('createPhone', [phone.webRtcUserId], () => {
      const created = {
        id: `phone-${this.next++}`,
        name: phone.name,
        webRtcUserId: phone.webRtcUserId,
        stationId: `station-${this.next++}`,
      };
      this.phones.push(created);
      return { id: created.id, name: created.name, webRtcUserId: created.webRtcUserId };
    });
  }
  findPhoneByName(name: string): Promise<PhoneRecord | null> {
    return this.call('findPhoneByName', [], () => this.phones.find((p) => p.name === name) ?? null);
  }
  findPhoneByUser(userId: string): Promise<PhoneRecord | null> {
    return this.call(
      'findPhoneByUser',
      [userId],
      () => this.phones.find((p) => p.webRtcUserId === userId) ?? null,
    );
  }
  findStation(userId: string): Promise<string | null> {
    return this.call(
      'findStation',
      [],
      () => this.phones.find((p) => p.webRtcUserId === userId)?.stationId ?? null,
    );
  }
  listStations(pageNumber: number, pageSize: number): Promise<StationPage> {
    return this.call('listStations', [], () => ({
      stations: this.phones
        .slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
        .map((p) => ({ id: p.stationId, webRtcUserId: p.webRtcUserId })),
      pageCount: Math.max(1, Math.ceil(this.phones.length / pageSize)),
    }));
  }
  setDefaultStation(userId: string, stationId: string): Promise<void> {
    return this.call('setDefaultStation', [userId], () => {
      this.user(userId).stationId = stationId;
    });
  }
}

function blankUser(id: string, name: string, email: string): FakeUser {
  return {
    id,
    version: 1,
    state: 'active',
    divisionId: 'div-home',
    name,
    email,
    title: '',
    department: '',
    addresses: [],
    managerId: null,
    locationIds: [],
    createdAt: null,
    skills: [],
    grants: [],
    stationId: null,
  };
}

const record = (user: FakeUser): UserRecord => userRecordOf(user);

// ---------------------------------------------------------------------------------------------
// Plans by hand.

const GRANTS: Grant[] = [
  { roleId: 'role-employee', divisionId: 'div-home' },
  { roleId: 'role-user', divisionId: 'div-home' },
];
const SKILLS: SnapshotSkill[] = [{ skillId: 'skill-english', proficiency: 4 }];

let line = 1;

/** A new person with a title, a manager (an existing user), two grants, a queue and a skill. */
export function newPerson(name: string, managerId: string, overrides: Partial<PersonPlan> = {}): PersonPlan {
  const email = `${name.toLowerCase().replace(/ /g, '.')}@example.edu`;
  line += 1;
  return {
    batch: 'b',
    file: 'imports/b/people.csv',
    line,
    name,
    email,
    emailKey: email,
    action: 'create',
    userId: null,
    version: null,
    create: { name, email, divisionId: 'div-home', title: 'Advisor', addresses: [] },
    patch: {},
    moveToDivisionId: null,
    manager: { email: 'manager@example.edu', userId: managerId },
    location: null,
    grants: GRANTS,
    queueIds: ['queue-1'],
    skills: SKILLS,
    changes: [],
    errors: [],
    warnings: [],
    ...overrides,
  };
}

/** An update of an existing user: a new title, and whatever `overrides` add. */
export function existingPerson(
  org: FakeOrg,
  userId: string,
  overrides: Partial<PersonPlan> = {},
): PersonPlan {
  const user = org.users.get(userId);
  if (!user) throw new Error(`no ${userId}`);
  line += 1;
  return {
    ...newPerson(user.name, 'none'),
    line,
    email: user.email,
    emailKey: user.email,
    action: 'update',
    userId,
    version: user.version,
    create: null,
    patch: { title: 'Senior Advisor' },
    manager: null,
    grants: [],
    queueIds: [],
    skills: [],
    ...overrides,
  };
}

export function phoneOf(person: PersonPlan): PhonePlan {
  return {
    batch: 'b',
    file: 'imports/b/phones.csv',
    line: person.line,
    name: `${person.name} WebRTC`,
    action: 'create',
    person: { email: person.email, emailKey: person.emailKey, userId: person.userId, row: null },
    phoneId: null,
    siteId: 'site-1',
    baseSettingsId: 'base-webrtc',
    lineBaseSettingsId: 'line-webrtc',
    stationId: null,
    changes: [],
    errors: [],
    warnings: [],
  };
}

export function planOf(people: PersonPlan[], phones: PhonePlan[] = []): Plan {
  return {
    root: 'imports',
    batches: [{ name: 'b', dir: 'imports/b', trainingDay: null, updateExisting: true, people, phones }],
    locationsToCreate: [],
    findings: [],
    warnings: [],
    invitesNow: 0,
    summary: {
      people: { create: 0, update: 0, unchanged: 0, skip: 0, error: 0 },
      phones: { create: 0, update: 0, unchanged: 0, error: 0 },
      invites: [],
      warnings: 0,
    },
  };
}
