import platformClient from 'purecloud-platform-client-v2';
import { afterEach, describe, expect, it } from 'vitest';

import type { Sandbox } from '../../src/sandbox/index.js';
import { DEMO_IDS, startSandbox } from '../../src/sandbox/index.js';
import { apiError, ext, failure, http, sdkClient } from './helpers.js';

let sandbox: Sandbox;
afterEach(async () => {
  await sandbox.close();
});

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

async function token(
  sb: Sandbox,
  body = 'grant_type=client_credentials',
  auth = basic('sandbox', 'sandbox'),
) {
  const res = await fetch(`${sb.url}/oauth/token`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  return { status: res.status, json: (await res.json()) as any };
}

describe('POST /oauth/token', () => {
  it('issues a bearer token that the SDK logs in with', async () => {
    sandbox = await startSandbox({ tokenTtlSeconds: 3600 });
    const direct = await token(sandbox);
    expect(direct.status).toBe(200);
    expect(direct.json).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    expect(typeof direct.json.access_token).toBe('string');

    const client = await sdkClient(sandbox, false);
    const auth = await client.loginClientCredentialsGrant('sandbox', 'sandbox');
    expect(auth.accessToken).toMatch(/\S{20,}/);
    const users = new platformClient.UsersApi(client);
    expect((await ext(users.getUser(DEMO_IDS.users.admin))).body.email).toBe('admin@northfield.edu');
  });

  it('refuses a bad client with 401 invalid_client (the SDK rejects with the raw AxiosError)', async () => {
    sandbox = await startSandbox();
    const bad = await token(sandbox, 'grant_type=client_credentials', basic('sandbox', 'wrong'));
    expect(bad.status).toBe(401);
    expect(bad.json.error).toBe('invalid_client');
    expect(typeof bad.json.description).toBe('string');

    const client = await sdkClient(sandbox, false);
    const err = (await failure(client.loginClientCredentialsGrant('someone', 'sandbox'))) as any;
    expect(err.response.status).toBe(401);
    expect(err.response.data.error).toBe('invalid_client');
  });

  it('refuses a missing or wrong grant type with 400, and honours custom client credentials', async () => {
    sandbox = await startSandbox({ clientId: 'ci', clientSecret: 's3cret' });
    expect((await token(sandbox, 'grant_type=password', basic('ci', 's3cret'))).status).toBe(400);
    expect((await token(sandbox, 'grant_type=password', basic('ci', 's3cret'))).json.error).toBe(
      'unsupported_grant_type',
    );
    expect((await token(sandbox, '', basic('ci', 's3cret'))).json.error).toBe('invalid_request');
    expect((await token(sandbox, 'grant_type=client_credentials', basic('sandbox', 'sandbox'))).status).toBe(
      401,
    );
    expect((await token(sandbox, 'grant_type=client_credentials', basic('ci', 's3cret'))).status).toBe(200);
  });
});

describe('bearer checks on /api/v2', () => {
  it('answers 401 authentication.required without a token and bad.credentials for an unknown one', async () => {
    sandbox = await startSandbox();
    const none = await http(sandbox, 'GET', '/api/v2/users');
    expect(none.status).toBe(401);
    expect(none.json.code).toBe('authentication.required');
    expect(none.headers.get('inin-correlation-id')).toBeTruthy();
    expect(none.headers.get('inin-ratelimit-allowed')).toBe('300');

    const client = await sdkClient(sandbox, false);
    client.setAccessToken('not-a-token');
    await apiError(new platformClient.UsersApi(client).getUsers(), 401, 'bad.credentials');
  });

  it('expires every token on POST /__sandbox/expire-tokens, and a new login works again', async () => {
    sandbox = await startSandbox();
    const client = await sdkClient(sandbox);
    const users = new platformClient.UsersApi(client);
    expect((await ext(users.getUsers())).status).toBe(200);
    expect((await http(sandbox, 'POST', '/__sandbox/expire-tokens')).status).toBe(204);
    await apiError(users.getUsers(), 401, 'bad.credentials');
    await client.loginClientCredentialsGrant('sandbox', 'sandbox');
    expect((await ext(users.getUsers())).status).toBe(200);
  });

  it('rejects a token past its expires_in', async () => {
    sandbox = await startSandbox({ tokenTtlSeconds: 0 });
    const client = await sdkClient(sandbox);
    await apiError(new platformClient.UsersApi(client).getUsers(), 401, 'bad.credentials');
  });

  it('answers 404 not.found (with rate-limit headers) for a route it does not serve', async () => {
    sandbox = await startSandbox();
    const { json } = await token(sandbox);
    const res = await http(sandbox, 'GET', '/api/v2/nothing/here', { token: json.access_token });
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('not.found');
    expect(res.headers.get('inin-ratelimit-count')).toBe('1');
    expect(sandbox.stats().requests.byRoute['GET (unknown route)']).toBe(1);
  });

  it('answers 400 bad.request for a body that is not JSON', async () => {
    sandbox = await startSandbox();
    const { json } = await token(sandbox);
    const res = await fetch(`${sandbox.url}/api/v2/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${json.access_token}`, 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).code).toBe('bad.request');
  });
});

describe('admin endpoints', () => {
  it('counts requests by route template and status, without counting or limiting itself', async () => {
    sandbox = await startSandbox({ rateLimitPerMinute: 2 });
    const client = await sdkClient(sandbox);
    const users = new platformClient.UsersApi(client);
    await users.getUser(DEMO_IDS.users.james);
    await users.getUser(DEMO_IDS.users.maria);
    await apiError(users.getUsers(), 429, 'too.many.requests');
    for (let i = 0; i < 3; i++) expect((await http(sandbox, 'GET', '/__sandbox/stats')).status).toBe(200);

    const stats = (await http(sandbox, 'GET', '/__sandbox/stats')).json;
    expect(stats).toEqual(sandbox.stats());
    expect(stats.requests.total).toBe(4);
    expect(stats.requests.byRoute).toEqual({
      'POST /oauth/token': 1,
      'GET /api/v2/users/{id}': 2,
      'GET /api/v2/users': 1,
    });
    expect(stats.status).toEqual({ '200': 3, '429': 1 });
    expect(stats.faults).toEqual({});
  });

  it('dumps the whole state and restores the seed on reset', async () => {
    sandbox = await startSandbox();
    const client = await sdkClient(sandbox);
    const users = new platformClient.UsersApi(client);
    await users.postUsers({
      name: 'New Person',
      email: 'new.person@northfield.edu',
      divisionId: DEMO_IDS.divisions.home,
    });

    const state = (await http(sandbox, 'GET', '/__sandbox/state')).json;
    expect(state).toEqual(sandbox.state());
    expect(state.users.map((u: any) => u.email)).toContain('new.person@northfield.edu');
    expect(state.users.find((u: any) => u.email === 'sam.former@northfield.edu').state).toBe('deleted');
    for (const key of [
      'divisions',
      'roles',
      'sites',
      'phoneBaseSettings',
      'queues',
      'skills',
      'locations',
      'grants',
      'queueMembers',
      'phones',
      'stations',
      'invites',
    ]) {
      expect(Array.isArray(state[key])).toBe(true);
    }

    expect((await http(sandbox, 'POST', '/__sandbox/reset')).status).toBe(204);
    expect(sandbox.state().users.map((u) => u.email)).not.toContain('new.person@northfield.edu');
    expect(sandbox.stats().requests.total).toBe(0);
    // Tokens survive a reset.
    expect((await ext(users.getUsers())).status).toBe(200);

    await users.postUsers({
      name: 'Another',
      email: 'another@northfield.edu',
      divisionId: DEMO_IDS.divisions.home,
    });
    sandbox.reset();
    expect(sandbox.state().users).toHaveLength(6);
  });

  it('answers 404 for an unknown admin route', async () => {
    sandbox = await startSandbox();
    expect((await http(sandbox, 'GET', '/__sandbox/nothing')).status).toBe(404);
  });
});
