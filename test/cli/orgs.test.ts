// --org on the command line (imports/orgs.yml): a command that talks to an org must name one that
// exists, works on that org's batches only, takes its region, and stops before reading anything
// when the credentials reach another org. init --orgs writes a layout that validates.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoImportsDir } from '../../src/cli/demo.js';
import { startSandboxes, type SandboxOrgs } from '../../src/sandbox/index.js';
import type { OrgSpec } from '../../src/csv/types.js';
import { openOrg } from '../../src/run/org.js';
import { OrgChoiceError, orgEnv } from '../../src/run/orgs.js';
import { runCliCaptured } from '../helpers/cli.js';
import { QUICK_SANDBOX } from '../helpers/sandbox.js';

let dir: string;
let imports: string;
let orgs: SandboxOrgs<'test' | 'production'>;

const ORGS_YML = [
  'orgs:',
  '  test:',
  '    timezone: America/New_York',
  '  production:',
  '    after: test',
  '    region: us-east-1',
  '    genesys_org: Northfield University (production)',
  '',
].join('\n');

const envOf = (org: 'test' | 'production', extra: Record<string, string> = {}) => ({
  GENESYSCLOUD_OAUTHCLIENT_ID: org,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: org,
  GENESYSCLOUD_API_REGION: orgs.orgs[org].url,
  ...extra,
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-orgs-cli-'));
  imports = path.join(dir, 'imports');
  await cp(path.join(demoImportsDir(), 'student-services'), path.join(imports, 'student-services'), {
    recursive: true,
  });
  await mkdir(path.join(imports, 'pilot'));
  await writeFile(
    path.join(imports, 'pilot', 'people.csv'),
    'name,email\nPat Pilot,pat.pilot@northfield.edu\n',
  );
  await writeFile(path.join(imports, 'pilot', 'batch.yml'), 'orgs: [test]\n');
  await writeFile(path.join(imports, 'orgs.yml'), ORGS_YML);
  orgs = await startSandboxes({ test: QUICK_SANDBOX, production: QUICK_SANDBOX });
});
afterAll(async () => {
  await orgs.close();
  await rm(dir, { recursive: true, force: true });
});

describe('--org', () => {
  it('is required with orgs.yml, must name one of its orgs, and means nothing without it', async () => {
    const none = await runCliCaptured(['plan', '--imports', imports], { env: envOf('test') });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('names several orgs (test, production): say which with --org');
    const typo = await runCliCaptured(['plan', '--imports', imports, '--org', 'prodution'], {
      env: envOf('test'),
    });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "production"');
    const alone = await runCliCaptured(['plan', '--imports', demoImportsDir(), '--org', 'test', '--sandbox']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('has no orgs.yml');
    expect((await runCliCaptured(['validate', '--org', 'test'])).stderr).toContain(
      '--org is not an option of "validate"',
    );
    // Nothing reached either org.
    expect(orgs.orgs.test.stats().requests.total + orgs.orgs.production.stats().requests.total).toBe(0);
  });

  it('plans only the batches that go to the org, against that org', async () => {
    const test = await runCliCaptured(['plan', '--imports', imports, '--org', 'test', '--format', 'json'], {
      env: envOf('test'),
    });
    expect(test.stderr).toBe('');
    expect(test.code).toBe(0);
    const batches = (text: string) =>
      (JSON.parse(text) as { batches: { name: string }[] }).batches.map((b) => b.name);
    expect(batches(test.stdout)).toEqual(['pilot', 'student-services']);
    const production = await runCliCaptured(
      ['plan', '--imports', imports, '--org', 'production', '--format', 'json'],
      { env: envOf('production') },
    );
    expect(production.code).toBe(0);
    expect(batches(production.stdout)).toEqual(['student-services']);
  });

  it("invite --batch of another org's batch has nothing to do there; an unknown batch is a usage error", async () => {
    const elsewhere = await runCliCaptured(
      ['invite', '--imports', imports, '--org', 'production', '--batch', 'pilot'],
      { env: envOf('production') },
    );
    expect(elsewhere.stderr).toBe(
      'gc-onboard: batch "pilot" does not go to org production: nothing to invite\n',
    );
    expect(elsewhere.code).toBe(0);
    const nowhere = await runCliCaptured(
      ['invite', '--imports', imports, '--org', 'production', '--batch', 'pilo'],
      {
        env: envOf('production'),
      },
    );
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('there is no batch "pilo"');
  });

  it('stops before any other read when the credentials reach another org than genesys_org says', async () => {
    const before = orgs.orgs.test.stats().requests.byRoute;
    // production's settings, but the test org's URL and client: the wrong environment's secrets.
    const wrong = await runCliCaptured(['plan', '--imports', imports, '--org', 'production'], {
      env: envOf('test'),
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      'The credentials for org production reach the Genesys Cloud org "Northfield University (test)"',
    );
    const after = orgs.orgs.test.stats().requests.byRoute;
    const grew = Object.keys(after).filter((route) => after[route] !== before[route]);
    expect(grew.sort()).toEqual(['GET /api/v2/organizations/me', 'POST /oauth/token']);
  });

  it('refuses a region that is not the org’s, and fills it in when the environment has none', async () => {
    const other = await runCliCaptured(['plan', '--imports', imports, '--org', 'production'], {
      env: {
        GENESYSCLOUD_OAUTHCLIENT_ID: 'orgs-test-client',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'orgs-test-secret-7c2e',
        GENESYSCLOUD_REGION: 'eu-west-1',
      },
    });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(
      'GENESYSCLOUD_REGION is eu-west-1 but orgs.yml puts org production in us-east-1',
    );
    const test = await runCliCaptured(['plan', '--imports', imports, '--org', 'test'], {
      env: {
        GENESYSCLOUD_OAUTHCLIENT_ID: 'orgs-test-client',
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'orgs-test-secret-7c2e',
      },
    });
    // The test org names no region and neither does the environment.
    expect(test.code).toBe(2);
    expect(test.stderr).toContain('GENESYSCLOUD_REGION is not set');
  });

  it('--sandbox --org starts that org’s sandbox: distinct name and ids', async () => {
    const ran = await runCliCaptured(['drift', '--imports', imports, '--org', 'production', '--sandbox']);
    // genesys_org names the production org, and the in-process sandbox for --org production is it.
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
  });
});

describe('orgEnv: the connection settings of an org', () => {
  const spec = (extra: Partial<OrgSpec>): OrgSpec => ({
    name: 'production',
    environment: 'genesys-production',
    previewEnvironment: 'genesys-production',
    timezone: 'UTC',
    after: [],
    stage: 1,
    ...extra,
  });
  it('takes a region and its domain as one place, and refuses another', () => {
    const env = { GENESYSCLOUD_REGION: 'mypurecloud.ie' };
    expect(orgEnv(spec({ region: 'eu-west-1' }), env)).toEqual(env);
    expect(() => orgEnv(spec({ region: 'us-east-1' }), env)).toThrow(OrgChoiceError);
    expect(orgEnv(spec({ region: 'eu-west-1' }), {})).toEqual({ GENESYSCLOUD_REGION: 'eu-west-1' });
  });
  it("uses orgs.yml's api_url over a region, and an explicit GENESYSCLOUD_API_REGION over both", () => {
    const apiUrl = 'https://api.proxy.example.edu';
    expect(orgEnv(spec({ apiUrl }), { GENESYSCLOUD_REGION: 'eu-west-1' })).toEqual({
      GENESYSCLOUD_REGION: 'eu-west-1',
      GENESYSCLOUD_API_REGION: apiUrl,
    });
    const sandbox = { GENESYSCLOUD_API_REGION: 'http://127.0.0.1:9' };
    expect(orgEnv(spec({ apiUrl }), sandbox)).toEqual(sandbox);
  });
  it("gives orgs.yml's role_grant_page as GC_ONBOARD_ROLE_GRANT_PAGE unless the environment sets one", () => {
    expect(orgEnv(spec({ roleGrantPage: 500 }), {})).toEqual({ GC_ONBOARD_ROLE_GRANT_PAGE: '500' });
    const own = { GC_ONBOARD_ROLE_GRANT_PAGE: '250' };
    expect(orgEnv(spec({ roleGrantPage: 500 }), own)).toEqual(own);
    expect(orgEnv(spec({}), {})).toEqual({});
  });
  it('takes the page for a sandbox run of the org too (--sandbox --org)', async () => {
    const session = await openOrg({ sandbox: QUICK_SANDBOX, org: spec({ roleGrantPage: 3 }), env: {} });
    try {
      expect(session.client.roleGrantPage).toBe(3);
    } finally {
      await session.close();
    }
  });
});

describe("policy.yml's orgs sections", () => {
  it('replace the top-level keys for their org only, and name only orgs of orgs.yml', async () => {
    const policy = path.join(imports, 'policy.yml');
    await writeFile(policy, 'max_changes: 500\norgs:\n  production:\n    max_changes: 2\n');
    try {
      const json = async (org: 'test' | 'production') => {
        const ran = await runCliCaptured(['plan', '--imports', imports, '--org', org, '--format', 'json'], {
          env: envOf(org),
        });
        return {
          code: ran.code,
          codes: (JSON.parse(ran.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code),
        };
      };
      expect(await json('test')).toMatchObject({ code: 0 });
      expect((await json('test')).codes).not.toContain('max-changes');
      const production = await json('production');
      expect(production.code).toBe(1);
      expect(production.codes).toContain('max-changes');

      await writeFile(policy, 'orgs:\n  prodution:\n    max_changes: 2\n    max_change: 3\n');
      const valid = await runCliCaptured(['validate', '--imports', imports, '--format', 'json']);
      expect(valid.code).toBe(1);
      const { errors: findings } = JSON.parse(valid.stdout) as {
        errors: { line: number; code: string; message: string }[];
      };
      expect(findings.map((f) => [f.line, f.code])).toEqual([
        [2, 'unknown-org'],
        [4, 'unknown-key'],
      ]);
      expect(findings[0]?.message).toContain('did you mean "production"');
    } finally {
      await rm(policy);
    }
  });
});

describe('init --orgs', () => {
  it('writes orgs.yml and the multi-org workflows, and the layout validates', async () => {
    const repo = path.join(dir, 'repo');
    const init = await runCliCaptured(['init', repo, '--orgs', 'test,production']);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('wrote imports/orgs.yml');
    expect(init.stdout).toContain('environment genesys-<org>');
    const orgsYml = await readFile(path.join(repo, 'imports/orgs.yml'), 'utf8');
    expect(orgsYml).toContain('  production:\n    environment: genesys-production');
    expect(orgsYml).toContain('    after: test');
    const apply = await readFile(path.join(repo, '.github/workflows/apply.yml'), 'utf8');
    expect(apply).toContain('needs: [orgs, stage1]');
    await cp(path.join(repo, 'imports/_example'), path.join(repo, 'imports/first'), { recursive: true });
    const valid = await runCliCaptured(['validate', '--imports', path.join(repo, 'imports')]);
    expect(valid.stdout).toContain('no problems found');
    expect(valid.code).toBe(0);
    for (const bad of ['test', 'test,Test', 'test,test', 'a b,c']) {
      const refused = await runCliCaptured(['init', repo, '--orgs', bad]);
      expect(refused.code, bad).toBe(2);
    }
  });
});
