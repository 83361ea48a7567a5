// gc-onboard doctor against the sandbox: all ✓ with the default client; with a restricted one the ✗
// lines name each missing permission and division and the exit code is 1; no login is exit 2. And
// plan/apply with that client stop at the first 403 with one line.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MissingPermissionError } from '../../src/permissions/forbidden.js';
import { runDoctor } from '../../src/doctor/run.js';
import { ConfigError } from '../../src/genesys/connection.js';
import { applyImports, planImports } from '../../src/run/commands.js';
import { fatalLine } from '../../src/run/errors.js';
import { openOrg } from '../../src/run/org.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

const DEMO = path.join(import.meta.dirname, '../../src/sandbox/demo');
/** Paced per second, not per minute: the checks are the same, the test takes a second. */
const FAST = { windowMs: 1000 };
const homeOnly: SandboxOptions = {
  client: {
    roles: [
      { name: 'Master Admin', divisionIds: ['Home'] },
      { name: 'Telephony Admin', divisionIds: ['*'] },
    ],
  },
};

describe('gc-onboard doctor', () => {
  it('says all good with the default client, one screen, exit 0', async () => {
    const report = await runDoctor({ imports: DEMO, sandbox: {}, transport: FAST });
    expect(report.exitCode).toBe(0);
    expect(report.text).not.toContain('✗');
    expect(report.text).toContain("✓ OAuth client 'gc-onboard': 'Master Admin' in all divisions");
    expect(report.text).toContain('✓ tokens last 24 h (86400 s)');
    expect(report.text).toMatch(/✓ rate limit 300 requests per 1 s; lower for users 180/);
    expect(report.text).toContain('✓ 10 people with a phone hold conversation:call:add');
    expect(report.text).toContain('doctor: all good.');
    expect(report.text.split('\n').length).toBeLessThan(40);
  });

  it('names each missing permission and division with its fix, exit 1', async () => {
    const report = await runDoctor({ imports: DEMO, sandbox: homeOnly, transport: FAST });
    expect(report.exitCode).toBe(1);
    const failures = report.text.split('\n').filter((line) => line.includes('✗'));
    for (const permission of [
      'directory:user:add',
      'directory:user:edit',
      'authorization:grant:add',
      'routing:queue:edit',
      'routing:skill:assign',
    ]) {
      expect(
        failures.some((l) => l.includes(`lacks ${permission} in divisions 'Admissions', 'Student Services'`)),
        permission,
      ).toBe(true);
    }
    expect(report.text).toContain(
      "fix: give the OAuth client 'gc-onboard' the role 'Master Admin' in divisions 'Admissions', 'Student Services' (needs directory:user:add)",
    );
    // Telephony is not division-aware: held in every division, so phones are fine.
    expect(report.text).not.toMatch(/✗.*telephony/);
    expect(report.text).toContain('✓ plan: holds');
  });

  it('exits 2 with one line when it cannot log in', async () => {
    const sandbox: Sandbox = await startSandbox();
    try {
      const report = await runDoctor({
        imports: DEMO,
        sandbox: false,
        env: {
          GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
          GENESYSCLOUD_OAUTHCLIENT_SECRET: 'wrong',
          GENESYSCLOUD_API_REGION: sandbox.url,
        },
      });
      expect(report.exitCode).toBe(2);
      expect(report.text).toMatch(
        /✗ login: Login to http:\/\/127\.0\.0\.1:\d+ was refused \(401 invalid_client\)/,
      );
      expect(report.text).toContain('doctor: could not finish');
    } finally {
      await sandbox.close();
    }
  });
});

it('stops after its deadline with exit 2', async () => {
  const report = await runDoctor({ imports: DEMO, sandbox: { latencyMs: 200 }, deadlineMs: 100 });
  expect(report.exitCode).toBe(2);
  expect(report.text).toContain('✗ doctor stopped after 0 s: the org answers too slowly');
});

describe('plan and apply with a client that lacks a permission', () => {
  let session: Awaited<ReturnType<typeof openOrg>>;
  beforeAll(async () => {
    session = await openOrg({ sandbox: homeOnly, transport: FAST });
  });
  afterAll(async () => {
    await session.close();
  });

  it('apply stops at the first 403 with one line naming the permission and division (exit 2)', async () => {
    const error = await applyImports(DEMO, session.client, { today: '2026-12-01' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingPermissionError);
    expect(error).toBeInstanceOf(ConfigError);
    expect(fatalLine(error)).toBe(
      "The OAuth client lacks directory:user:add in division 'Student Services' (403 missing.division.permission on POST /api/v2/users): give it a role with it in that division, then run again (gc-onboard doctor checks every permission).",
    );
    // Nine people to create and an update: the first create and the update's PATCH (rows that do
    // not wait for each other) each met a 403; no other write left.
    const { requests, status } = session.sandbox!.stats();
    expect(status['403']).toBe(2);
    expect(requests.byRoute['POST /api/v2/users']).toBe(1);
    expect(requests.byRoute['PATCH /api/v2/users/{id}']).toBe(1);
    expect(session.sandbox!.state().users.filter((u) => u.email.endsWith('@northfield.edu')).length).toBe(6);
  });

  it('plan names the permission its reads lack', async () => {
    const reader = await openOrg({
      sandbox: { client: { roles: [{ name: 'Telephony Admin', divisionIds: ['*'] }] } },
      transport: FAST,
    });
    try {
      const error = await planImports(DEMO, reader.client, { today: '2026-12-01' }).catch((e: unknown) => e);
      expect(fatalLine(error)).toMatch(
        /^The OAuth client lacks [a-z]+:[a-zA-Z]+:[a-z]+ \(403 missing\.permissions on GET \/api\/v2\/[^)]+\): give it a role with it, then run again/,
      );
    } finally {
      await reader.close();
    }
  });
});
