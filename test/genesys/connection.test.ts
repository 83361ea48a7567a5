import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, REGIONS, resolveConnection } from '../../src/genesys/connection.js';

const credentials = {
  GENESYSCLOUD_OAUTHCLIENT_ID: 'client-id',
  GENESYSCLOUD_OAUTHCLIENT_SECRET: 's3cr3t-value',
};

function errorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    resolveConnection(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

// The table in reference/genesys.md §4, typed out again so a wrong entry in the code cannot agree with itself.
const TABLE: [string, string][] = [
  ['us-east-1', 'mypurecloud.com'],
  ['us-east-2', 'use2.us-gov-pure.cloud'],
  ['us-west-2', 'usw2.pure.cloud'],
  ['ca-central-1', 'cac1.pure.cloud'],
  ['sa-east-1', 'sae1.pure.cloud'],
  ['mx-central-1', 'mxc1.pure.cloud'],
  ['eu-west-1', 'mypurecloud.ie'],
  ['eu-west-2', 'euw2.pure.cloud'],
  ['eu-central-1', 'mypurecloud.de'],
  ['eu-central-2', 'euc2.pure.cloud'],
  ['eusc-de-east-1', 'edee1.eusc-pure.cloud'],
  ['me-central-1', 'mec1.pure.cloud'],
  ['ap-south-1', 'aps1.pure.cloud'],
  ['ap-southeast-1', 'apse1.pure.cloud'],
  ['ap-southeast-2', 'mypurecloud.com.au'],
  ['ap-northeast-1', 'mypurecloud.jp'],
  ['ap-northeast-2', 'apne2.pure.cloud'],
  ['ap-northeast-3', 'apne3.pure.cloud'],
];

describe('resolveConnection', () => {
  it('knows exactly the 18 regions', () => {
    expect(Object.entries(REGIONS).sort()).toEqual([...TABLE].sort());
  });

  it.each(TABLE)('accepts region %s and its domain %s in every spelling', (region, domain) => {
    const expected = { kind: 'environment', environment: domain, region };
    for (const value of [
      region,
      region.toUpperCase().replace(/-/g, '_'),
      ` ${region} `,
      domain,
      `api.${domain}`,
      `https://api.${domain}`,
      `https://api.${domain}/`,
      `login.${domain}`,
    ]) {
      const connection = resolveConnection({ ...credentials, GENESYSCLOUD_REGION: value });
      expect(connection.endpoint, value).toEqual(expected);
      expect(connection.apiBaseUrl).toBe(`https://api.${domain}`);
    }
  });

  it('reads the credentials, trimmed', () => {
    const connection = resolveConnection({
      GENESYSCLOUD_OAUTHCLIENT_ID: ' id ',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: ' secret\n',
      GENESYSCLOUD_REGION: 'eu-west-1',
    });
    expect(connection.clientId).toBe('id');
    expect(connection.clientSecret).toBe('secret');
  });

  it('takes the role grant page from GC_ONBOARD_ROLE_GRANT_PAGE, 1 to 10,000, and nothing when blank', () => {
    const env = { ...credentials, GENESYSCLOUD_REGION: 'us-east-1' };
    expect(resolveConnection(env).roleGrantPage).toBeUndefined();
    expect(resolveConnection({ ...env, GC_ONBOARD_ROLE_GRANT_PAGE: ' ' }).roleGrantPage).toBeUndefined();
    expect(resolveConnection({ ...env, GC_ONBOARD_ROLE_GRANT_PAGE: ' 500 ' }).roleGrantPage).toBe(500);
    expect(resolveConnection({ ...env, GC_ONBOARD_ROLE_GRANT_PAGE: '10000' }).roleGrantPage).toBe(10_000);
    for (const bad of ['0', '10001', '2.5', '-3', '1e3', 'many']) {
      expect(errorOf({ ...env, GC_ONBOARD_ROLE_GRANT_PAGE: bad }).message).toBe(
        `GC_ONBOARD_ROLE_GRANT_PAGE must be a whole number of subjects per role grant call, 1 to 10000, not "${bad}".`,
      );
    }
  });

  it('never shows the secret when the connection is logged or serialised', () => {
    const connection = resolveConnection({ ...credentials, GENESYSCLOUD_REGION: 'eu-west-1' });
    expect(JSON.stringify(connection)).not.toContain('s3cr3t');
    expect(inspect(connection, { depth: 5 })).not.toContain('s3cr3t');
    expect(connection.clientSecret).toBe('s3cr3t-value');
  });

  it('lets GENESYSCLOUD_API_REGION point at the sandbox on loopback', () => {
    const connection = resolveConnection({
      ...credentials,
      GENESYSCLOUD_API_REGION: 'http://127.0.0.1:8123',
    });
    expect(connection.endpoint).toEqual({
      kind: 'gateway',
      protocol: 'http',
      host: '127.0.0.1',
      port: 8123,
      path: '',
    });
    expect(connection.apiBaseUrl).toBe('http://127.0.0.1:8123');
  });

  it('lets GENESYSCLOUD_API_REGION override GENESYSCLOUD_REGION', () => {
    const toSandbox = resolveConnection({
      ...credentials,
      GENESYSCLOUD_REGION: 'eu-west-1',
      GENESYSCLOUD_API_REGION: 'http://localhost:9000/',
    });
    expect(toSandbox.endpoint).toEqual({
      kind: 'gateway',
      protocol: 'http',
      host: 'localhost',
      port: 9000,
      path: '',
    });
    const toRegion = resolveConnection({
      ...credentials,
      GENESYSCLOUD_REGION: 'us-east-1',
      GENESYSCLOUD_API_REGION: 'https://api.mypurecloud.de',
    });
    expect(toRegion.endpoint).toEqual({
      kind: 'environment',
      environment: 'mypurecloud.de',
      region: 'eu-central-1',
    });
  });

  it('takes an https://api.<domain> override outside the table as an environment, and other URLs as a gateway', () => {
    expect(
      resolveConnection({ ...credentials, GENESYSCLOUD_API_REGION: 'https://api.inindca.com' }).endpoint,
    ).toEqual({ kind: 'environment', environment: 'inindca.com', region: null });
    const gateway = resolveConnection({
      ...credentials,
      GENESYSCLOUD_API_REGION: 'https://gw.example.com:8443/genesys/',
    });
    expect(gateway.endpoint).toEqual({
      kind: 'gateway',
      protocol: 'https',
      host: 'gw.example.com',
      port: 8443,
      path: '/genesys',
    });
    expect(gateway.apiBaseUrl).toBe('https://gw.example.com:8443/genesys');
  });

  it.each([
    [
      { GENESYSCLOUD_OAUTHCLIENT_SECRET: 'x', GENESYSCLOUD_REGION: 'eu-west-1' },
      'GENESYSCLOUD_OAUTHCLIENT_ID is not set',
    ],
    [
      { GENESYSCLOUD_OAUTHCLIENT_ID: 'x', GENESYSCLOUD_REGION: 'eu-west-1' },
      'GENESYSCLOUD_OAUTHCLIENT_SECRET is not set',
    ],
    [
      { ...credentials, GENESYSCLOUD_OAUTHCLIENT_ID: '  ', GENESYSCLOUD_REGION: 'x' },
      'GENESYSCLOUD_OAUTHCLIENT_ID is not set',
    ],
    [credentials, 'GENESYSCLOUD_REGION is not set'],
    [{ ...credentials, GENESYSCLOUD_REGION: '' }, 'GENESYSCLOUD_REGION is not set'],
    [
      { ...credentials, GENESYSCLOUD_REGION: 'eu-west-9' },
      'GENESYSCLOUD_REGION "eu-west-9" is not a Genesys Cloud region',
    ],
    [
      { ...credentials, GENESYSCLOUD_REGION: 'example.com' },
      'GENESYSCLOUD_REGION "example.com" is not a Genesys Cloud region',
    ],
    [
      { ...credentials, GENESYSCLOUD_REGION: 'nowhere', GENESYSCLOUD_API_REGION: 'http://127.0.0.1:1' },
      'GENESYSCLOUD_REGION "nowhere"',
    ],
    [
      { ...credentials, GENESYSCLOUD_API_REGION: 'api.mypurecloud.com' },
      'GENESYSCLOUD_API_REGION "api.mypurecloud.com" is not a URL',
    ],
    [
      { ...credentials, GENESYSCLOUD_API_REGION: 'ftp://127.0.0.1' },
      'GENESYSCLOUD_API_REGION "ftp://127.0.0.1" must start with https://',
    ],
    [
      { ...credentials, GENESYSCLOUD_API_REGION: 'http://api.mypurecloud.com' },
      'GENESYSCLOUD_API_REGION "http://api.mypurecloud.com" must use https:// unless it points at 127.0.0.1',
    ],
    [
      { ...credentials, GENESYSCLOUD_API_REGION: 'https://u:p@api.mypurecloud.com' },
      'GENESYSCLOUD_API_REGION must be a plain base URL',
    ],
  ])('rejects %o with one sentence naming the variable', (env, start) => {
    const error = errorOf(env);
    expect(error.message.startsWith(start)).toBe(true);
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain('s3cr3t');
  });
});
