// The invite follow-up against the sandbox, with the clock injected: who logged in, who waits, whose
// invitation expired (sent over 30 days ago, never logged in), who was never invited; and
// `invite --expired`, which re-sends to the expired ones once per expiry.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { needsAttention } from '../../src/drift/report.js';
import { renderDriftMarkdown } from '../../src/render/drift.js';
import { applyImports } from '../../src/run/commands.js';
import { driftImports, reinviteExpired } from '../../src/run/drift.js';
import { diffCounts, FAST_APPLY } from '../apply/fixtures.js';
import { changeByRestart, seedUser, startOrg, type Org } from './org.js';

const DAY = 86_400_000;
// The sandbox stamps a re-send with its own clock, so the tests' clock starts at the real time and
// the dates the org holds are moved back from it.
const NOW = new Date();
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const later = (days: number) => new Date(NOW.getTime() + days * DAY);
const INVITE = 'POST /api/v2/users/{id}/invite';

const AISHA = 'aisha.rahman@northfield.edu';
const BEN = 'ben.carter@northfield.edu';
const CHLOE = 'chloe.dubois@northfield.edu';
const DIEGO = 'diego.fernandez@northfield.edu';
const OTHERS = [
  'emily.nguyen@northfield.edu',
  'farah.haddad@northfield.edu',
  'george.lin@northfield.edu',
  'hannah.schmidt@northfield.edu',
  'isaac.mensah@northfield.edu',
  'james.okafor@northfield.edu',
];

let org: Org;
let root: string;

const invitesSent = () => org.sandbox.stats().requests.byRoute[INVITE] ?? 0;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-follow-up-'));
  await cp('src/sandbox/demo', root, { recursive: true });
  // Trained 35 days ago.
  await writeFile(
    path.join(root, 'student-services/batch.yml'),
    `training_day: ${dayOf(new Date(NOW.getTime() - 35 * DAY))}\nphone_defaults:\n  base_settings: WebRTC Softphone\n  site: Northfield Main Campus\n`,
  );
  org = await startOrg();
  const { result } = await applyImports(root, org.client, { ...FAST_APPLY });
  expect(result.ok).toBe(true);
  org = await changeByRestart(org, (seed) => {
    Object.assign(seedUser(seed, AISHA), { dateWelcomeSent: ago(31) });
    Object.assign(seedUser(seed, BEN), { dateWelcomeSent: ago(31), dateLastLogin: ago(20) });
    Object.assign(seedUser(seed, CHLOE), { dateWelcomeSent: ago(20) });
    const diego = seedUser(seed, DIEGO);
    delete diego.dateWelcomeSent;
    delete diego.dateLastLogin;
    for (const email of OTHERS)
      Object.assign(seedUser(seed, email), { dateWelcomeSent: ago(34), dateLastLogin: ago(33) });
  });
});

afterAll(async () => {
  await org?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the invite follow-up of drift', () => {
  it('sorts the people of a past training day by their invitation, reading by id only those it lists', async () => {
    const before = org.sandbox.stats().requests.byRoute;
    const { report } = await driftImports(root, org.client, { today: dayOf(NOW), now: NOW });
    const calls = diffCounts(org.sandbox.stats().requests.byRoute, before);
    const [followUp] = report.followUp;
    expect(report.followUp).toHaveLength(1);
    expect(followUp?.loggedIn).toBe(7);
    expect(followUp?.waiting.map((person) => person.email)).toEqual([CHLOE]);
    expect(followUp?.expired.map((person) => person.email)).toEqual([AISHA]);
    expect(followUp?.neverInvited.map((person) => person.email)).toEqual([DIEGO]);
    expect(followUp?.unknown).toEqual([]);
    expect(followUp?.expired[0]?.expiresAt?.slice(0, 10)).toBe(dayOf(new Date(NOW.getTime() - DAY)));
    expect(report.counts).toMatchObject({ drifted: 0, expired: 1, neverInvited: 1 });
    expect(needsAttention(report)).toBe(true);
    // Aisha and Diego are confirmed by id (a listing's dates are best effort); nobody else is.
    expect(calls['GET /api/v2/users/{id}']).toBeGreaterThanOrEqual(2);
    expect(calls[INVITE]).toBeUndefined();
    const markdown = renderDriftMarkdown(report);
    expect(markdown).toContain('7 logged in · 1 invited and waiting · 1 expired · 1 never invited');
    expect(markdown).toContain('<code>gc-onboard invite --expired --batch student-services</code>');
  });

  it('re-sends an expired invitation once: a second run sends nothing', async () => {
    const request = { date: dayOf(NOW), force: false, expired: true };
    const first = await reinviteExpired(root, org.client, request, NOW);
    expect(first.report.invited.map((person) => [person.email, person.sent])).toEqual([[AISHA, true]]);
    expect(first.report.skipped.map((person) => [person.email, person.reason])).toEqual([
      [DIEGO, 'never-invited'],
    ]);
    expect(invitesSent()).toBe(1);
    const invite = org.sandbox.state().invites.at(-1);
    expect(invite).toMatchObject({ email: AISHA, force: true, sent: true, outcome: 'resent' });

    const second = await reinviteExpired(root, org.client, request, NOW);
    expect(second.report.invited).toEqual([]);
    expect(invitesSent()).toBe(1);
  });

  it('moves with the clock: 11 days on, the invitation sent 20 days ago has expired too', async () => {
    const { report } = await driftImports(root, org.client, { today: dayOf(later(11)), now: later(11) });
    expect(report.followUp[0]?.expired.map((person) => person.email)).toEqual([CHLOE]);
    // Aisha's re-send is 11 days old: waiting again.
    expect(report.followUp[0]?.waiting.map((person) => person.email)).toEqual([AISHA]);
  });

  it('gc-onboard invite --expired and drift on the command line', async () => {
    let stdout = '';
    const io: CliIo = {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      env: {
        GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox',
        GENESYSCLOUD_API_REGION: org.sandbox.url,
      },
      now: () => later(11),
      interrupted: () => Promise.resolve(),
    };
    expect(await runCli(['drift', '--imports', root, '--fail-on-drift'], io)).toBe(1);
    expect(stdout).toContain('1 expired invitation');
    expect(stdout).toContain('Chloé Dubois <chloe.dubois@northfield.edu>  invited');
    stdout = '';
    expect(await runCli(['invite', '--expired', '--imports', root], io)).toBe(0);
    expect(stdout).toContain('1 expired invitation re-sent');
    expect(stdout).toContain(
      'Chloé Dubois <chloe.dubois@northfield.edu>  re-sent (the invitation had expired)',
    );
    stdout = '';
    expect(await runCli(['invite', '--expired', '--imports', root], io)).toBe(0);
    expect(stdout).toContain('0 expired invitations re-sent');
    expect(invitesSent()).toBe(2);
    expect(await runCli(['invite', '--expired', '--force'], io)).toBe(2);
  });
});
