// probe asks for consent, checks the org's name when told to, invites no one unless asked, and
// writes to nothing it did not create; `gc-onboard probe` end to end through the CLI.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { refusalOf } from '../../src/probe/run.js';
import { startSandbox, type Sandbox, type SandboxStateDump } from '../../src/sandbox/index.js';
import { parseProfile, profileToOptions } from '../../src/sandbox/profile.js';
import { runCliCaptured } from '../helpers/cli.js';
import { sandboxEnv } from '../helpers/sandbox.js';

const INVITE_ROUTE = 'POST /api/v2/users/{id}/invite';
const FAST_ORG = profileToOptions(
  parseProfile({
    version: 1,
    measuredAt: '2026-12-02T00:00:00.000Z',
    org: {},
    real: { authorizationLagMs: 100, routingLagMs: 150, telephonyLagMs: 200 },
    userSearchLagMs: 100,
    stationLagMs: 100,
    rateLimitPerMinute: 6000,
    notes: [],
  }),
);

let sandbox: Sandbox | undefined;
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'gc-probe-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function cli(argv: string[]) {
  sandbox ??= await startSandbox(FAST_ORG);
  return { ...(await runCliCaptured(argv, { env: sandboxEnv(sandbox.url) })), sandbox };
}

const apiCalls = (s: Sandbox) =>
  Object.entries(s.stats().requests.byRoute)
    .filter(([route]) => route.includes('/api/v2/'))
    .reduce((sum, [, n]) => sum + n, 0);

/** Everything in the dump except what the probe created (its objects are named gc-onboard-probe-*). */
function preExisting(state: SandboxStateDump) {
  const ours = new Set(state.users.filter((u) => u.name.startsWith('gc-onboard-probe-')).map((u) => u.id));
  return {
    users: state.users.filter((u) => !ours.has(u.id)),
    phones: state.phones.filter((p) => !p.name.startsWith('gc-onboard-probe-')),
    stations: state.stations.filter((s) => !ours.has(s.webRtcUserId ?? '')),
    grants: state.grants.filter((g) => !ours.has(g.subjectId)),
    queueMembers: state.queueMembers.filter((m) => !ours.has(m.userId)),
    locations: state.locations.filter((l) => !l.name.startsWith('gc-onboard-probe-')),
  };
}

describe('probe refuses', () => {
  it('without --yes-write-to-this-org or --email-domain (pure check)', () => {
    expect(refusalOf({ consent: false, emailDomain: 'x.edu' })).toContain('--yes-write-to-this-org');
    expect(refusalOf({ consent: true })).toContain('--email-domain');
    expect(refusalOf({ consent: true, emailDomain: 'not a domain' })).toContain('--email-domain');
    expect(refusalOf({ consent: true, emailDomain: 'probe.example.edu' })).toBeNull();
  });

  it('without the flag: one line, exit 2, not a single API call', async () => {
    const ran = await cli(['probe', '--email-domain', 'probe.example.edu']);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stderr).toContain('--yes-write-to-this-org');
    expect(apiCalls(ran.sandbox)).toBe(0);
  });

  it('without --email-domain: one line, exit 2', async () => {
    const ran = await cli(['probe', '--yes-write-to-this-org']);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stderr).toContain('--email-domain');
  });

  it('on an org whose name does not contain --org-name-contains: one line, exit 2, no writes', async () => {
    const ran = await cli([
      'probe',
      '--email-domain',
      'probe.example.edu',
      '--yes-write-to-this-org',
      '--org-name-contains',
      'Test Org',
    ]);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stderr).toContain('does not contain "Test Org"');
    const writes = Object.keys(ran.sandbox.stats().requests.byRoute).filter(
      (route) => !route.startsWith('GET ') && route !== 'POST /oauth/token',
    );
    expect(writes).toEqual([]);
  });
});

describe('probe on the org', () => {
  it('writes the profile, invites no one, leaves everything it did not create as it was', async () => {
    sandbox = await startSandbox(FAST_ORG);
    const before = preExisting(sandbox.state());
    const out = path.join(tmp, 'org-profile.json');
    const ran = await cli([
      'probe',
      '--email-domain',
      'probe.example.edu',
      '--yes-write-to-this-org',
      '--org-name-contains',
      'Northfield',
      '--out',
      out,
    ]);
    expect(ran.stderr).not.toContain('gc-onboard:');
    expect(ran.code).toBe(0);
    const profile = parseProfile(JSON.parse(await readFile(out, 'utf8')));
    expect(profile.real.telephonyLagMs).toBeGreaterThanOrEqual(200);
    // No personal data: neither the probe's own names nor ids nor emails.
    const text = await readFile(out, 'utf8');
    expect(text).not.toMatch(/@|gc-onboard-probe-|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(ran.sandbox.stats().requests.byRoute[INVITE_ROUTE]).toBeUndefined();
    expect(Object.keys(ran.sandbox.stats().requests.byRoute).filter((r) => r.startsWith('DELETE '))).toEqual(
      [],
    );
    const after = ran.sandbox.state();
    expect(preExisting(after)).toEqual(before);
    // Its users are left inactive, and the report lists what it created.
    const ours = after.users.filter((u) => u.name.startsWith('gc-onboard-probe-'));
    expect(ours).toHaveLength(2);
    expect(ours.every((u) => u.state === 'inactive')).toBe(true);
    expect(ran.stdout).toContain('delete these in the admin UI');
    for (const user of ours) expect(ran.stdout).toContain(user.email);
  }, 30_000);

  it('invites only with --include-invite, and records the second invite without force', async () => {
    const ran = await cli([
      'probe',
      '--email-domain',
      'probe.example.edu',
      '--yes-write-to-this-org',
      '--include-invite',
      '--out',
      path.join(tmp, 'with-invite.json'),
    ]);
    expect(ran.code).toBe(0);
    expect(ran.sandbox.stats().requests.byRoute[INVITE_ROUTE]).toBe(2);
    const profile = parseProfile(JSON.parse(await readFile(path.join(tmp, 'with-invite.json'), 'utf8')));
    expect(profile.statuses?.secondInviteWithoutForce).toBeTypeOf('number');
  }, 30_000);
});
