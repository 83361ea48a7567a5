// The Action's genesys-client-pool input: the same `id:secret,id:secret` as GENESYSCLOUD_OAUTHCLIENT_POOL
// (its fallback), handed to the connection, and every secret in it masked before anything can print it.
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES, parseInputs, secretsOf, type InputName } from '../../src/action/inputs.js';
import { resolveConnection } from '../../src/genesys/connection.js';

const raw = (given: Partial<Record<InputName, string>>): Record<InputName, string> => ({
  ...(Object.fromEntries(INPUT_NAMES.map((name) => [name, ''])) as Record<InputName, string>),
  mode: 'plan',
  ...given,
});

describe('genesys-client-pool', () => {
  it('is passed on as GENESYSCLOUD_OAUTHCLIENT_POOL, from the input or else the environment', () => {
    const fromInput = parseInputs(raw({ 'genesys-client-pool': 'a:secret-a,b:secret-b' }), {});
    expect(fromInput.genesys.GENESYSCLOUD_OAUTHCLIENT_POOL).toBe('a:secret-a,b:secret-b');
    const fromEnv = parseInputs(raw({}), { GENESYSCLOUD_OAUTHCLIENT_POOL: ' c:secret-c ' });
    expect(fromEnv.genesys.GENESYSCLOUD_OAUTHCLIENT_POOL).toBe('c:secret-c');
    expect(parseInputs(raw({}), {}).genesys).not.toHaveProperty('GENESYSCLOUD_OAUTHCLIENT_POOL');

    const connection = resolveConnection({
      ...fromInput.genesys,
      GENESYSCLOUD_OAUTHCLIENT_ID: 'main',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'main-secret',
      GENESYSCLOUD_REGION: 'eu-west-1',
    });
    expect(connection.pool.map((client) => client.clientId)).toEqual(['a', 'b']);
  });

  it('gives the runner every secret to mask: the client secret, each pool secret and the whole pool', () => {
    expect(
      secretsOf({
        GENESYSCLOUD_OAUTHCLIENT_SECRET: 'main-secret',
        GENESYSCLOUD_OAUTHCLIENT_POOL: 'a:secret-a, b:secret:b ,',
      }),
    ).toEqual(['main-secret', 'a:secret-a, b:secret:b ,', 'secret-a', 'secret:b']);
    // A pool that will not parse is masked all the same: an entry without a colon may be a bare secret.
    expect(secretsOf({ GENESYSCLOUD_OAUTHCLIENT_POOL: 'bare-secret-value' })).toEqual(['bare-secret-value']);
    expect(secretsOf({})).toEqual([]);
  });
});
