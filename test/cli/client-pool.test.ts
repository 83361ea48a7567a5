// The CLI with a pool of OAuth clients: GENESYSCLOUD_OAUTHCLIENT_POOL, or the variable a team names
// with --client-pool-env. A plan logs in every client of the pool; a pool with bad syntax is one line
// naming the variable, never a secret, exit 2, before anything is asked of the org.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../../src/cli/args.js';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';

const DEMO = 'src/sandbox/demo';

async function cli(argv: string[], env: Record<string, string | undefined>) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    now: () => new Date('2026-11-25T12:00:00Z'),
    interrupted: () => Promise.resolve(),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ clients: 3 });
});
afterAll(async () => {
  await sandbox.close();
});

const connection = () => ({
  GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
  GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox',
  GENESYSCLOUD_API_REGION: sandbox.url,
});

describe('--client-pool-env', () => {
  it('is an option of every command that talks to an org, and only of those', () => {
    for (const name of ['plan', 'invite', 'export', 'doctor'])
      expect(parseCommand([name, '--client-pool-env', 'TEAM_POOL'])).toMatchObject({
        name,
        clientPoolEnv: 'TEAM_POOL',
      });
    expect(parseCommand(['apply', '--no-review', '--client-pool-env', 'P'])).toMatchObject({
      clientPoolEnv: 'P',
    });
    expect(parseCommand(['plan'])).not.toHaveProperty('clientPoolEnv');
    expect(() => parseCommand(['validate', '--client-pool-env', 'TEAM_POOL'])).toThrow(
      '--client-pool-env is not an option of "validate"',
    );
    expect(() => parseCommand(['plan', '--client-pool-env', 'not a name'])).toThrow(UsageError);
  });

  it('plans with every client of the pool logged in', async () => {
    sandbox.reset();
    const ran = await cli(['plan', '--imports', DEMO, '--client-pool-env', 'TEAM_POOL'], {
      ...connection(),
      TEAM_POOL: 'sandbox-2:sandbox-2,sandbox-3:sandbox-3',
    });
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(sandbox.stats().requests.byRoute['POST /oauth/token']).toBe(3);
  });

  it('reads GENESYSCLOUD_OAUTHCLIENT_POOL without the flag', async () => {
    sandbox.reset();
    const ran = await cli(['plan', '--imports', DEMO], {
      ...connection(),
      GENESYSCLOUD_OAUTHCLIENT_POOL: 'sandbox-2:sandbox-2',
    });
    expect(ran.code).toBe(0);
    expect(sandbox.stats().requests.byRoute['POST /oauth/token']).toBe(2);
  });

  it('says in one line which entry of which variable is wrong, never its secret, exit 2', async () => {
    sandbox.reset();
    const ran = await cli(['plan', '--imports', DEMO, '--client-pool-env', 'TEAM_POOL'], {
      ...connection(),
      TEAM_POOL: 'sandbox-2:sandbox-2,Very-Secret-Value-42',
    });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(
      'gc-onboard: TEAM_POOL: entry 2 of 2 is not id:secret; write the OAuth clients as id:secret,id:secret.\n',
    );
    expect(ran.stdout).toBe('');
    expect(sandbox.stats().requests.total).toBe(0);
  });

  it('names a pool client whose login is refused, and its variable', async () => {
    const ran = await cli(['plan', '--imports', DEMO], {
      ...connection(),
      GENESYSCLOUD_OAUTHCLIENT_POOL: 'sandbox-2:wrong-secret-value',
    });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(
      "as pool client sandbox-2 was refused (401 invalid_client): check that client's id:secret in GENESYSCLOUD_OAUTHCLIENT_POOL.",
    );
    expect(ran.stderr).not.toContain('wrong-secret-value');
  });
});
