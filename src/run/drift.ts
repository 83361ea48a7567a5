// The weeks after the merge, as the CLI and the Action share them: `drift` (the plan of every batch
// against today's org, read as a report, plus the invite follow-up) and `invite --expired` (re-send
// the invitations that expired). Read-only but for the re-sends. Rendering stays with the callers.
import { driftReport, type DriftReport } from '../drift/report.js';
import { usersToConfirm } from '../drift/follow-up.js';
import type { GenesysClient } from '../genesys/client.js';
import { loadUsers, toSnapshotUser } from '../genesys/snapshot.js';
import { orgInviter } from '../genesys/writer.js';
import { loadImports } from '../imports.js';
import { expiredBatches, selectExpired } from '../invite/expired.js';
import { sendInvites, type InviteRequest } from '../invite/invite.js';
import type { SnapshotUser } from '../plan/snapshot.js';
import { namedBatch, planImports, type InviteRun, type Planned } from './commands.js';

/** What an invitation decides on; GET /users/{id} never leaves an expand out (a listing may). */
const INVITE_EXPAND = ['dateWelcomeSent', 'dateLastLogin'];
/** GET /users takes at most 100 ids per call. */
const IDS_PER_CALL = 100;
/** Fewer people than this are read one by one at once: a listing would not save a call. */
const LIST_FROM = 3;

type Dates = Pick<SnapshotUser, 'state' | 'dateWelcomeSent' | 'dateLastLogin' | 'welcomeKnown'>;

/**
 * Each user's state and dates, known for sure. A listing by id (100 a call) settles everyone it shows
 * as logged in (a date it gives is a fact; only a missing one may be a dropped expand); the rest are
 * read one by one with GET /users/{id}, which never drops an expand.
 */
async function readDates(client: GenesysClient, ids: readonly string[]): Promise<Map<string, Dates>> {
  const known = new Map<string, Dates>();
  // Only the state and the two dates are taken from these reads (no division needed).
  const dates = (user: Parameters<typeof toSnapshotUser>[0], byId: boolean): Dates => {
    const { state, dateWelcomeSent, dateLastLogin, welcomeKnown } = toSnapshotUser(user, '', byId);
    return { state, dateWelcomeSent, dateLastLogin, welcomeKnown };
  };
  if (ids.length >= LIST_FROM) {
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_CALL) chunks.push(ids.slice(i, i + IDS_PER_CALL));
    const pages = await Promise.all(
      chunks.map((id) =>
        client.users.getUsers({
          id,
          state: 'any',
          expand: INVITE_EXPAND,
          pageSize: IDS_PER_CALL,
          pageNumber: 1,
        }),
      ),
    );
    for (const user of pages.flatMap((page) => page.entities ?? [])) {
      if (user.id && user.dateLastLogin) known.set(user.id, dates(user, false));
    }
  }
  await Promise.all(
    ids
      .filter((id) => !known.has(id))
      .map(async (id) =>
        known.set(id, dates(await client.users.getUser(id, { expand: INVITE_EXPAND }), true)),
      ),
  );
  return known;
}

/** The users again, with the state and dates of `confirm` read so that they are known for sure. */
async function confirmByReading(
  client: GenesysClient,
  users: readonly SnapshotUser[],
  confirm: readonly SnapshotUser[],
): Promise<SnapshotUser[]> {
  if (confirm.length === 0) return [...users];
  const read = await readDates(
    client,
    confirm.map((user) => user.id),
  );
  return users.map((user) => {
    const dates = read.get(user.id);
    return dates ? { ...user, ...dates } : user;
  });
}

export interface DriftOptions {
  /** Today (YYYY-MM-DD) where the team is: which training days have passed. */
  today: string;
  /** The clock: which invitations have expired. */
  now: Date;
  /** orgs.yml: only the batches that go to this org. */
  org?: string;
}

/**
 * The drift report of everything under `root`: the same bulk reads as a plan, plus the people the invite
 * follow-up would list as expired or never invited read again (a listing's dates are best effort):
 * listed by id, 100 a call, then one by one for those still without a login.
 */
export async function driftImports(
  root: string,
  client: GenesysClient,
  options: DriftOptions,
): Promise<Planned & { report: DriftReport }> {
  const planned = await planImports(root, client, {
    today: options.today,
    ...(options.org !== undefined ? { org: options.org } : {}),
  });
  const { imports, snapshot, plan } = planned;
  const confirm = usersToConfirm(imports, snapshot.users, options.today, options.now);
  const users = await confirmByReading(client, snapshot.users, confirm);
  return { ...planned, report: driftReport(plan, snapshot, imports, users, options) };
}

/**
 * `invite --expired`: re-sends the invitations that expired (sent over 30 days before `now`, never
 * logged in) in the batches whose training day is on or before `request.date`, or in the one named.
 * Each person to re-send to is read by id first, so a login a listing left out sends nothing.
 */
export async function reinviteExpired(
  root: string,
  client: GenesysClient,
  request: InviteRequest,
  now: Date,
): Promise<InviteRun> {
  const imports = await loadImports(root, request.org);
  const batches = expiredBatches(imports, request);
  const { unknownBatch, otherOrgBatch } = await namedBatch(root, request, batches);
  const emails = batches.flatMap((batch) => batch.people.map((person) => person.emailKey));
  const listed = emails.length === 0 ? [] : await loadUsers(client, emails);
  const candidates = new Set(selectExpired(batches, listed, request, now).invite.map((p) => p.userId));
  const users = await confirmByReading(
    client,
    listed,
    listed.filter((user) => candidates.has(user.id)),
  );
  const report = await sendInvites(selectExpired(batches, users, request, now), orgInviter(client));
  return { imports, report, unknownBatch, otherOrgBatch };
}
