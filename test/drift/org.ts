// Changing the sandbox org by hand, as an admin would after the merge. Through the sandbox's HTTP API
// where Genesys Cloud has the route and the sandbox serves it (PATCH a user's title or state, take a
// user out of a queue, add a grant); otherwise (remove a grant, delete a phone, a login, welcome dates)
// by restarting the sandbox from its own state with the change made: the org as the next run finds it.
import { sandboxToken } from '../helpers/sandbox.js';
import { connectTo } from '../apply/fixtures.js';
import type { GenesysClient } from '../../src/genesys/client.js';
import {
  demoOrg,
  startSandbox,
  type OrgSeed,
  type Sandbox,
  type SandboxOptions,
  type SandboxStateDump,
  type SeedUser,
} from '../../src/sandbox/index.js';

/** Fast but real: every real-org behaviour on except the new-user lags (apply waits them out anyway). */
export const SANDBOX: SandboxOptions = {
  rateLimitPerMinute: 6000,
  rateWindowSeconds: 60,
  userSearchLagMs: 100,
  stationLagMs: 100,
  real: { authorizationLagMs: 0, routingLagMs: 0, telephonyLagMs: 0 },
};

export interface Org {
  sandbox: Sandbox;
  client: GenesysClient;
  close(): Promise<void>;
}

export async function startOrg(org: OrgSeed = demoOrg()): Promise<Org> {
  const sandbox = await startSandbox({ ...SANDBOX, org });
  const client = await connectTo(sandbox.url, { limit: 6000, windowMs: 60_000 });
  return {
    sandbox,
    client,
    close: async () => {
      client.close();
      await sandbox.close();
    },
  };
}

const token = (sandbox: Sandbox): Promise<string> => sandboxToken(sandbox.url);

/** One admin call; throws with Genesys's error body when the API refuses it. */
export async function admin(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${await token(sandbox)}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text === '' ? null : JSON.parse(text);
}

export const userOf = (sandbox: Sandbox, email: string) => {
  const user = sandbox.state().users.find((candidate) => candidate.email.toLowerCase() === email);
  if (!user) throw new Error(`no user ${email} in the sandbox`);
  return user;
};

/** PATCH /api/v2/users/{id} with the user's current version, as the admin UI does. */
export async function patchUser(
  sandbox: Sandbox,
  email: string,
  change: Record<string, unknown>,
): Promise<void> {
  const user = userOf(sandbox, email);
  await admin(sandbox, 'PATCH', `/api/v2/users/${user.id}`, { version: user.version, ...change });
}

/** POST /api/v2/routing/queues/{id}/members?delete=true: the person leaves the queue. */
export async function leaveQueue(sandbox: Sandbox, email: string, queueId: string): Promise<void> {
  const user = userOf(sandbox, email);
  await admin(sandbox, 'POST', `/api/v2/routing/queues/${queueId}/members?delete=true`, [{ id: user.id }]);
}

/** POST /api/v2/authorization/subjects/{id}/bulkadd: a grant beyond the CSV's. */
export async function addGrant(
  sandbox: Sandbox,
  email: string,
  roleId: string,
  divisionId: string,
): Promise<void> {
  const user = userOf(sandbox, email);
  await admin(sandbox, 'POST', `/api/v2/authorization/subjects/${user.id}/bulkadd`, {
    grants: [{ roleId, divisionId }],
  });
}

/** The org a sandbox holds now, as a seed another sandbox starts from (reference lists from `base`). */
export function seedFromState(state: SandboxStateDump, base: OrgSeed): OrgSeed {
  const defaultStation = new Map(state.users.map((user) => [user.defaultStationId, user.id]));
  return {
    ...base,
    locations: state.locations.map(({ id, name }) => ({ id, name })),
    users: state.users.map((user): SeedUser => {
      const seed: SeedUser = {
        id: user.id,
        name: user.name,
        email: user.email,
        state: user.state,
        divisionId: user.divisionId,
        title: user.title,
        department: user.department,
        addresses: user.addresses,
        locationIds: user.locations.map((location) => location.id),
        grants: state.grants
          .filter((grant) => grant.subjectId === user.id)
          .map(({ roleId, divisionId }) => ({ roleId, divisionId })),
        queueIds: state.queueMembers.filter((m) => m.userId === user.id).map((m) => m.queueId),
        skills: user.skills.map((skill) => ({ skillId: skill.id, proficiency: skill.proficiency })),
      };
      if (user.managerId) seed.managerId = user.managerId;
      if (user.dateWelcomeSent) seed.dateWelcomeSent = user.dateWelcomeSent;
      if (user.dateLastLogin) seed.dateLastLogin = user.dateLastLogin;
      if (user.dateHire) seed.dateHire = user.dateHire;
      return seed;
    }),
    phones: state.phones.map((phone) => ({
      id: phone.id,
      name: phone.name,
      siteId: phone.siteId,
      phoneBaseSettingsId: phone.phoneBaseSettingsId,
      lineId: phone.lines[0]?.id ?? `${phone.id}-line`,
      ...(phone.webRtcUserId ? { webRtcUserId: phone.webRtcUserId } : {}),
      ...(phone.stationId ? { stationId: phone.stationId } : {}),
      defaultForUser: phone.stationId !== null && defaultStation.get(phone.stationId) === phone.webRtcUserId,
      state: phone.state,
    })),
  };
}

/**
 * Restarts the org from its own state with `edit` made to it (what the API of the sandbox cannot
 * do: take a grant away, delete a phone, a person logging in). Returns the new org; the old one is closed.
 */
export async function changeByRestart(
  org: Org,
  edit: (seed: OrgSeed) => void,
  base = demoOrg(),
): Promise<Org> {
  const seed = seedFromState(org.sandbox.state(), base);
  edit(seed);
  await org.close();
  return startOrg(seed);
}

export function seedUser(seed: OrgSeed, email: string): SeedUser {
  const user = seed.users.find((candidate) => candidate.email.toLowerCase() === email);
  if (!user) throw new Error(`no user ${email} in the seed`);
  return user;
}
