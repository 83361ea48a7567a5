// The users an invite run reads: in bulk with the welcome and login expands, and by id only for an
// active person whose dates both came back missing (the expand is best effort, real-api.md §6).
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type GenesysClient } from '../../src/genesys/client.js';
import { resolveConnection } from '../../src/genesys/connection.js';
import { loadUsers } from '../../src/genesys/snapshot.js';
import { selectInvitees } from '../../src/invite/invite.js';
import { DEMO_IDS, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { batch, personRow } from '../plan/fixtures.js';

const EMAILS = [
  'maria.gonzalez@northfield.edu',
  'james.okafor@northfield.edu',
  'priya.patel@northfield.edu',
  'tom.reyes@northfield.edu',
  'sam.former@northfield.edu',
];

let sandbox: Sandbox | undefined;
let client: GenesysClient | undefined;
afterEach(async () => {
  client?.close();
  await sandbox?.close();
});

async function read(expandDropRate: number, confirmWelcome?: boolean) {
  sandbox = await startSandbox({ rateLimitPerMinute: 10_000_000, real: { expandDropRate } });
  client = await connect(
    resolveConnection({
      GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox',
      GENESYSCLOUD_API_REGION: sandbox.url,
    }),
  );
  const users = await loadUsers(client, EMAILS, confirmWelcome === undefined ? {} : { confirmWelcome });
  return { users, byRoute: client.stats().byRoute };
}

describe('loadUsers', () => {
  it('reads by id only the active people the listing left without a welcome date or a login', async () => {
    const { users, byRoute } = await read(0);
    // James is active and was never welcomed: one call to confirm it; the others decide from the search.
    expect(byRoute['GET /api/v2/users/{id}']).toBe(1);
    expect(byRoute['POST /api/v2/users/search']).toBe(1);
    const james = users.find((user) => user.id === DEMO_IDS.users.james);
    expect(james).toMatchObject({ dateWelcomeSent: null, welcomeKnown: true });
    expect(users.find((user) => user.id === DEMO_IDS.users.maria)?.welcomeKnown).toBe(true);
  });

  it('confirms every active person whose expands were all dropped, then decides as if none were', async () => {
    const { users, byRoute } = await read(1);
    expect(byRoute['GET /api/v2/users/{id}']).toBe(users.filter((user) => user.state === 'active').length);
    const people = [
      personRow({ line: 2, name: 'Maria Gonzalez' }),
      personRow({ line: 3, name: 'James Okafor' }),
      personRow({ line: 4, name: 'Priya Patel' }),
    ];
    const selection = selectInvitees([batch(people)], users, { date: '2026-12-01', force: false });
    expect(selection.invite.map((person) => person.email)).toEqual(['james.okafor@northfield.edu']);
    expect(selection.skipped.map((person) => person.reason)).toEqual(['already-invited', 'already-invited']);
  });

  it('reads nothing by id when asked not to (a forced run decides on no date)', async () => {
    const { byRoute } = await read(1, false);
    expect(byRoute['GET /api/v2/users/{id}']).toBeUndefined();
  });
});
