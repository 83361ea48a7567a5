// The CLI as a user meets it: argv in, text out, exit codes 0/1/2, against a real sandbox on loopback.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { runCliCaptured, type Ran } from '../helpers/cli.js';
import { QUICK_SANDBOX, sandboxEnv } from '../helpers/sandbox.js';

const DEMO = 'src/sandbox/demo';
const INVITE_ROUTE = 'POST /api/v2/users/{id}/invite';

let lastStdout = '';

function cli(
  argv: string[],
  env: Record<string, string | undefined> = {},
  interrupted?: () => Promise<void>,
): Promise<Ran> {
  return runCliCaptured(argv, { env, interrupted, onStdout: (stdout) => (lastStdout = stdout) });
}

const writes = (sandbox: Sandbox) =>
  Object.entries(sandbox.stats().requests.byRoute)
    .filter(
      ([route]) =>
        !route.startsWith('GET ') && route !== 'POST /oauth/token' && route !== 'POST /api/v2/users/search',
    )
    .reduce((sum, [, count]) => sum + count, 0);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('usage', () => {
  it('says a usage error in one line, with did-you-mean, and exits 2; no arguments print the usage, exit 2', async () => {
    const unknown = await cli(['valdiate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'gc-onboard: unknown command "valdiate" (did you mean "validate"?); run gc-onboard --help\n',
    );
    const misspelt = await cli(['validate', '--imprts', 'x']);
    expect(misspelt.stderr).toBe(
      'gc-onboard: unknown option --imprts (did you mean "--imports"?); run gc-onboard --help\n',
    );
    const option = await cli(['validate', '--sandbox']);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe(
      'gc-onboard: --sandbox is not an option of "validate"; run gc-onboard --help\n',
    );
    const bare = await cli([]);
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr).toContain('gc-onboard validate');
    const help = await cli(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('gc-onboard validate');
  });

  it('says a port in use in one line, not as a raw system error', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as net.AddressInfo;
    try {
      const ran = await cli(['sandbox', '--port', String(port)]);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toBe(
        `gc-onboard: port ${port} is already in use: stop what uses it, or choose another with --port.\n`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('exits 2 with one line when the imports folder does not exist', async () => {
    const ran = await cli(['validate', '--imports', path.join(tmp, 'nope')]);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stderr).toContain('does not exist');
  });
});

describe('validate', () => {
  it('passes the demo batch', async () => {
    const ran = await cli(['validate', '--imports', DEMO]);
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expect(ran.stdout).toBe(`${DEMO}: no problems found.\n`);
  });

  it('prints findings as the JSON contract and exits 1', async () => {
    const root = path.join(tmp, 'bad');
    await cp(DEMO, root, { recursive: true });
    const people = path.join(root, 'student-services', 'people.csv');
    const text = await readFile(people, 'utf8');
    await writeFile(people, text.replace('aisha.rahman@northfield.edu', 'aisha.rahman@@northfield'));
    const ran = await cli(['validate', '--imports', root, '--format', 'json']);
    expect(ran.code).toBe(1);
    const report = JSON.parse(ran.stdout);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      expect.objectContaining({ file: people, line: 2, column: 'email', code: 'invalid-email' }),
    ]);
    expect(Object.keys(report.errors[0]).sort()).toEqual(['code', 'column', 'file', 'line', 'message']);
  });
});

describe('connection errors', () => {
  it('exits 2 with one line naming the variable when credentials are missing', async () => {
    const ran = await cli(['plan', '--imports', DEMO], { GENESYSCLOUD_REGION: 'eu-west-1' });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(
      'gc-onboard: GENESYSCLOUD_OAUTHCLIENT_ID is not set; it must hold your Genesys Cloud OAuth client credentials.\n',
    );
  });

  it('exits 2 with one line, no stack and no secret, when the login is refused', async () => {
    const sandbox = await startSandbox();
    try {
      const ran = await cli(['plan', '--imports', DEMO], {
        ...sandboxEnv(sandbox.url),
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'wrong-secret-value',
      });
      expect(ran.code).toBe(2);
      expect(ran.stderr.trim().split('\n')).toHaveLength(1);
      expect(ran.stderr).toContain('was refused (401');
      expect(ran.stderr).not.toContain('wrong-secret-value');
      expect(ran.stdout).toBe('');
    } finally {
      await sandbox.close();
    }
  });
});

describe('plan --sandbox', () => {
  it('prints the Plan as JSON with the summary DESIGN.md promises, and invites nobody', async () => {
    const ran = await cli(['plan', '--sandbox', '--imports', DEMO, '--format', 'json']);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    const plan = JSON.parse(ran.stdout);
    expect(plan.summary.people).toEqual({ create: 9, update: 1, unchanged: 0, skip: 0, error: 0 });
    expect(plan.summary.phones).toEqual({ create: 10, update: 0, unchanged: 0, error: 0 });
    // James Okafor exists and was never invited: a real org leaves his dateWelcomeSent out, which
    // cannot be told from a dropped expand, so the count is "up to 10" until the invite run reads him.
    expect(plan.summary.invites).toEqual([
      { batch: 'student-services', date: '2026-12-01', count: 10, unconfirmed: 1 },
    ]);
    expect(plan.invitesNow).toBe(0);
  });
});

describe('apply and invite against an org', () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;
  beforeAll(async () => {
    sandbox = await startSandbox(QUICK_SANDBOX);
    env = sandboxEnv(sandbox.url);
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('applies the demo, writes the results as JSON and CSV, and a rerun writes nothing', async () => {
    const results = path.join(tmp, 'out', 'results.json');
    const first = await cli(['apply', '--no-review', '--imports', DEMO, '--results', results], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('People: 10 done · 0 unchanged · 0 skipped · 0 held · 0 failed');
    expect(first.stdout).toContain('Phones: 10 done · 0 unchanged · 0 skipped · 0 held · 0 failed');
    expect(first.stderr).toMatch(/people 10\/10 · phones 10\/10 · calls \d+\/\d+/);
    const json = JSON.parse(await readFile(results, 'utf8'));
    expect(json.ok).toBe(true);
    expect(json.rows).toHaveLength(20);
    expect(json.rows.every((row: { userId: string | null }) => row.userId)).toBe(true);
    const csv = await readFile(path.join(tmp, 'out', 'results.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'kind,batch,file,line,email,name,planned,outcome,userId,phoneId,stationId,error',
    );
    expect(csv.trimEnd().split('\r\n')).toHaveLength(21);

    const before = writes(sandbox);
    const second = await cli(['apply', '--no-review', '--imports', DEMO], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('People: 0 done · 10 unchanged');
    expect(writes(sandbox)).toBe(before);
    expect(sandbox.stats().requests.byRoute[INVITE_ROUTE]).toBeUndefined();
  });

  it('invites on the training day once; a repeated run and another day invite nobody', async () => {
    const otherDay = await cli(['invite', '--imports', DEMO, '--date', '2026-11-30'], env);
    expect(otherDay.code).toBe(0);
    expect(otherDay.stdout).toContain('No batch has its training day on Mon 30 Nov 2026');

    const first = await cli(['invite', '--imports', DEMO, '--date', '2026-12-01', '--format', 'json'], env);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.invited).toHaveLength(10);
    expect(report.invited.every((person: { sent: boolean }) => person.sent)).toBe(true);
    expect(sandbox.stats().requests.byRoute[INVITE_ROUTE]).toBe(10);

    const again = await cli(['invite', '--imports', DEMO, '--date', '2026-12-01'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 invites sent · 10 people skipped');
    expect(sandbox.stats().requests.byRoute[INVITE_ROUTE]).toBe(10);
  });

  it('refuses an unknown --batch with exit 2', async () => {
    const ran = await cli(['invite', '--imports', DEMO, '--batch', 'nursing'], env);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('there is no batch "nursing"');
  });
});

describe('sandbox', () => {
  it('serves the demo org on the given knobs until interrupted, and says how to point gc-onboard at it', async () => {
    let url = '';
    const ran = await cli(['sandbox', '--rate-limit', '1000', '--seed', '7'], {}, async () => {
      // By the time the CLI waits for Ctrl-C it has printed where it listens; use it like a client would.
      await new Promise((resolve) => setImmediate(resolve));
      url = /http:\/\/127\.0\.0\.1:\d+/.exec(lastStdout)?.[0] ?? '';
      const token = await fetch(`${url}/oauth/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from('sandbox:sandbox').toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      expect(token.status).toBe(200);
      const stats = (await (await fetch(`${url}/__sandbox/stats`)).json()) as { requests: { total: number } };
      expect(stats.requests.total).toBe(1);
    });
    expect(ran.code).toBe(0);
    expect(url).not.toBe('');
    expect(ran.stdout).toContain('1000 requests/min per token');
    await expect(fetch(`${url}/__sandbox/stats`)).rejects.toThrow();
  });
});
