// The sandbox's OAuth clients (src/sandbox/clients.ts, `sandbox --clients N`): sandbox, sandbox-2 …
// sandbox-N, secret equal to the id, each with its own tokens and so its own rate window (as Genesys
// limits each OAuth client), its own identity answers and its own roles; expiring one client's
// tokens leaves the others'. Plain HTTP, so every status and header is the sandbox's own.
import { afterEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { serveSandbox } from '../../src/sandbox/cli.js';
import { DEMO_IDS, sandboxClients, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { oauthLogin } from '../helpers/sandbox.js';

const sandboxes: Sandbox[] = [];
afterEach(async () => {
  for (const sandbox of sandboxes.splice(0)) await sandbox.close();
});

async function started(options: Parameters<typeof startSandbox>[0]): Promise<Sandbox> {
  const sandbox = await startSandbox(options);
  sandboxes.push(sandbox);
  return sandbox;
}

const login = (sandbox: Sandbox, id: string, secret = id) => oauthLogin(sandbox.url, id, secret);

async function get(sandbox: Sandbox, token: string, path: string) {
  const response = await fetch(`${sandbox.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('sandbox clients', () => {
  it('names the clients sandbox, sandbox-2 … sandbox-N, each secret its id', () => {
    expect(sandboxClients()).toEqual([{ id: 'sandbox', secret: 'sandbox' }]);
    expect(sandboxClients({ clients: 3 })).toEqual([
      { id: 'sandbox', secret: 'sandbox' },
      { id: 'sandbox-2', secret: 'sandbox-2' },
      { id: 'sandbox-3', secret: 'sandbox-3' },
    ]);
    expect(() => sandboxClients({ clients: 0 })).toThrow('clients must be a whole number from 1 to 16');
    expect(() => sandboxClients({ clients: 1.5 })).toThrow('clients must be a whole number');
  });

  it('logs in each client with its own secret and no other', async () => {
    const sandbox = await started({ clients: 3 });
    for (const id of ['sandbox', 'sandbox-2', 'sandbox-3'])
      expect((await login(sandbox, id)).status).toBe(200);
    expect((await login(sandbox, 'sandbox-2', 'sandbox')).status).toBe(401);
    expect((await login(sandbox, 'sandbox-4')).status).toBe(401);
    // One client (the default): only `sandbox`.
    const single = await started({});
    expect((await login(single, 'sandbox-2')).status).toBe(401);
  });

  it('gives each client a rate window of its own: one spent, the others still answer', async () => {
    const sandbox = await started({ clients: 3, rateLimitPerMinute: 5, real: false });
    const [first, second, third] = await Promise.all(
      ['sandbox', 'sandbox-2', 'sandbox-3'].map(async (id) => (await login(sandbox, id)).token),
    );
    const path = `/api/v2/users/${DEMO_IDS.users.james}`;
    for (let n = 1; n <= 5; n += 1) {
      const answer = await get(sandbox, first!, path);
      expect(answer.status).toBe(200);
      expect(answer.headers['inin-ratelimit-count']).toBe(String(n));
    }
    const refused = await get(sandbox, first!, path);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('too.many.requests');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The other clients' windows are untouched.
    for (const token of [second!, third!]) {
      const answer = await get(sandbox, token, path);
      expect(answer.status).toBe(200);
      expect(answer.headers['inin-ratelimit-count']).toBe('1');
      expect(answer.headers['inin-ratelimit-allowed']).toBe('5');
    }
  });

  it('answers tokens/me and oauth/clients/{id} as the client whose token it is', async () => {
    const sandbox = await started({ clients: 2 });
    const token = (await login(sandbox, 'sandbox-2')).token;
    const me = await get(sandbox, token, '/api/v2/tokens/me');
    expect((me.body.OAuthClient as { id: string }).id).toBe('sandbox-2');
    expect((await get(sandbox, token, '/api/v2/oauth/clients/sandbox-2')).status).toBe(200);
  });

  it('gives a pool client its own roles when asked (poolClients), else those of the main client', async () => {
    const sandbox = await started({
      clients: 3,
      poolClients: {
        'sandbox-3': { name: 'narrow', roles: [{ name: 'Telephony Admin', divisionIds: ['*'] }] },
      },
    });
    const path = '/api/v2/routing/queues';
    expect((await get(sandbox, (await login(sandbox, 'sandbox-2')).token, path)).status).toBe(200);
    const denied = await get(sandbox, (await login(sandbox, 'sandbox-3')).token, path);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('missing.permissions');
    expect(denied.body.messageParams).toEqual({ permissions: 'routing:queue:view' });
  });

  it("expires one client's tokens when asked, and leaves the others'", async () => {
    const sandbox = await started({ clients: 2 });
    const first = (await login(sandbox, 'sandbox')).token;
    const second = (await login(sandbox, 'sandbox-2')).token;
    await fetch(`${sandbox.url}/__sandbox/expire-tokens?client=sandbox-2`, { method: 'POST' });
    const path = '/api/v2/authorization/divisions/home';
    expect((await get(sandbox, first, path)).status).toBe(200);
    const expired = await get(sandbox, second, path);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('bad.credentials');
    await fetch(`${sandbox.url}/__sandbox/expire-tokens`, { method: 'POST' });
    expect((await get(sandbox, first, path)).status).toBe(401);
  });

  it('gc-onboard sandbox --clients N starts N clients and prints the pool to use', async () => {
    const command = parseCommand(['sandbox', '--clients', '3']);
    expect(command).toMatchObject({ name: 'sandbox', clients: 3 });
    expect(parseCommand(['sandbox'])).toMatchObject({ clients: 1 });
    expect(() => parseCommand(['sandbox', '--clients', '0'])).toThrow(
      '--clients must be a whole number from 1 to 16, got "0"',
    );
    const lines: string[] = [];
    const sandbox = await serveSandbox({ clients: 3 }, (line) => lines.push(line));
    sandboxes.push(sandbox);
    expect(lines.join('\n')).toContain('3 OAuth clients');
    expect(lines.join('\n')).toContain(
      'GENESYSCLOUD_OAUTHCLIENT_POOL=sandbox-2:sandbox-2,sandbox-3:sandbox-3',
    );
    expect((await login(sandbox, 'sandbox-3')).status).toBe(200);
  });
});
