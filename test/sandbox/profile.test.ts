// The org profile format: the repository's defaults profile is what the sandbox does with no
// profile, errors name the field, and `gc-onboard sandbox --profile` loads it or refuses in one line.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { REAL_DEFAULTS } from '../../src/sandbox/index.js';
import { parseProfile, profileToOptions, type OrgProfile } from '../../src/sandbox/profile.js';

const DEFAULTS_FILE = 'src/sandbox/profiles/defaults.json';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'gc-profile-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const readDefaults = async (): Promise<OrgProfile> =>
  parseProfile(JSON.parse(await readFile(DEFAULTS_FILE, 'utf8')), DEFAULTS_FILE);

const valid = (): Record<string, unknown> => ({
  version: 1,
  measuredAt: '2026-12-02T07:00:00.000Z',
  org: { defaultCountryCode: 'US' },
  real: { routingLagMs: 900 },
  notes: [],
});

function errorOf(value: unknown): string {
  try {
    parseProfile(value, 'org-profile.json');
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('the defaults profile', () => {
  it('equals REAL_DEFAULTS on every field it has, and the sandbox defaults for the rest', async () => {
    const profile = await readDefaults();
    const keys = Object.keys(profile.real) as (keyof typeof profile.real)[];
    expect(keys.length).toBeGreaterThanOrEqual(11);
    for (const key of keys) expect(profile.real[key], key).toBe(REAL_DEFAULTS[key]);
    expect(profile.userSearchLagMs).toBe(2000);
    expect(profile.stationLagMs).toBe(2000);
    expect(profile.rateLimitPerMinute).toBe(300);
    expect(profile.org.defaultCountryCode).toBe('US');
  });
});

describe('parseProfile', () => {
  it('accepts a minimal profile', () => {
    expect(parseProfile(valid()).real.routingLagMs).toBe(900);
  });

  it('names the bad field', () => {
    expect(errorOf({ ...valid(), real: { routingLagMs: -1 } })).toMatch(
      /^org-profile\.json: real\.routingLagMs: /,
    );
    expect(errorOf({ ...valid(), real: { expandDropRate: 2 } })).toContain('real.expandDropRate');
    expect(errorOf({ ...valid(), version: 2 })).toContain('version');
    expect(errorOf({ ...valid(), org: { defaultCountryCode: 'usa' } })).toContain('org.defaultCountryCode');
    expect(errorOf({ ...valid(), measuredAt: 'yesterday' })).toContain('measuredAt');
  });

  it('refuses fields it does not know, so no personal data can ride along', () => {
    expect(errorOf({ ...valid(), users: [{ email: 'a@b.edu' }] })).toContain('users');
    expect(errorOf({ ...valid(), real: { specContract: false } })).toContain('specContract');
  });
});

describe('profileToOptions', () => {
  it('maps a profile to sandbox options without touching its input', () => {
    const profile = parseProfile({
      ...valid(),
      real: { authorizationLagMs: 600, expandDropRate: 0 },
      userSearchLagMs: 500,
      stationLagMs: 250,
      rateLimitPerMinute: 600,
    });
    const copy = structuredClone(profile);
    expect(profileToOptions(profile, { port: 0, seed: 3 })).toEqual({
      port: 0,
      seed: 3,
      real: { authorizationLagMs: 600, expandDropRate: 0 },
      userSearchLagMs: 500,
      stationLagMs: 250,
      rateLimitPerMinute: 600,
    });
    expect(profile).toEqual(copy);
  });
});

describe('gc-onboard sandbox --profile', () => {
  async function cli(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      env: {},
      now: () => new Date(),
      interrupted: () => Promise.resolve(),
    };
    return { code: await runCli(argv, io), stdout, stderr };
  }

  it('starts the sandbox as the profile says', async () => {
    const ran = await cli(['sandbox', '--profile', DEFAULTS_FILE]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('behaving as the profile measured 2026-12-02T00:00:00.000Z');
  });

  it('refuses a bad profile in one line naming the field, exit 2', async () => {
    const file = path.join(tmp, 'bad.json');
    await writeFile(file, JSON.stringify({ ...valid(), real: { telephonyLagMs: 'slow' } }));
    const ran = await cli(['sandbox', '--profile', file]);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stderr).toContain('real.telephonyLagMs');
  });

  it('refuses a file that is not JSON or not there', async () => {
    const file = path.join(tmp, 'not.json');
    await writeFile(file, '{ nope');
    expect((await cli(['sandbox', '--profile', file])).stderr).toContain('not JSON');
    expect((await cli(['sandbox', '--profile', path.join(tmp, 'missing.json')])).code).toBe(2);
  });
});
