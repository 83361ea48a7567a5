// The one scrubber (src/secrets.ts): which forms of a secret it blanks, in strings and in JSON values;
// and the CLI's login error, which must not print a secret the token endpoint echoes back (issue 15).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { escapeMarkdown } from '../../src/render/escape.js';
import { MIN_SECRET_LENGTH, SecretScrubber } from '../../src/secrets.js';

const SECRET = 'Zx9/Secret+Value=With&Chars-0123456789';
const ID = '4a3b2c1d-0000-4e5f-8a9b-0123456789ab';

/** Every way a secret was seen to travel: plain, URL-encoded, form-encoded, JSON-escaped, base64. */
function disguises(secret: string, id = ID): string[] {
  const basic = Buffer.from(`${id}:${secret}`).toString('base64');
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    basic,
    // Inside a longer base64 run, at each of the three alignments.
    Buffer.from(`x${secret}`).toString('base64'),
    Buffer.from(`xy${secret}`).toString('base64'),
    Buffer.from(`xyz${secret}`).toString('base64url'),
  ];
}

describe('SecretScrubber', () => {
  it('blanks a secret in plain, URL-encoded and base64 form, and the Basic credential', () => {
    const scrubber = new SecretScrubber();
    scrubber.addClient(ID, SECRET);
    for (const form of disguises(SECRET)) {
      const scrubbed = scrubber.scrub(`before ${form} after`);
      expect(scrubbed, form).toMatch(/^before \S*\*\*\*\S* after$/);
      // What is left of a shifted base64 run can carry at most a few bits of the secret.
      expect(scrubbed.length, form).toBeLessThan(`before  after`.length + 3 + 8);
    }
    expect(scrubber.scrub(`Basic ${Buffer.from(`${ID}:${SECRET}`).toString('base64')}`)).toBe('Basic ***');
    expect(scrubber.scrub(JSON.stringify({ secret: `say "${SECRET}"` }))).toBe('{"secret":"say \\"***\\""}');
  });

  it('blanks a secret as markdown and HTML escaping left it in a summary or comment', () => {
    const scrubber = new SecretScrubber();
    const secret = 'a_b*c|d&e<f>g~h[i]j`k\\l$m';
    scrubber.add(secret);
    expect(scrubber.scrub(`| ${escapeMarkdown(secret)} |`)).toBe('| *** |');
    expect(scrubber.scrub(`\`${secret.replace(/\|/g, '\\|')}\``)).toBe('`***`');
    const quoted = 'say "hello" to my-secret-value';
    scrubber.add(quoted);
    expect(scrubber.scrub(`x,"${quoted.replace(/"/g, '""')}",y`)).toBe('x,"***",y'); // a CSV cell
  });

  it('blanks every registered token, the newest and the old ones', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('first-token-aaaaaaaaaaaaaaaa');
    scrubber.add('second-token-bbbbbbbbbbbbbbbb');
    expect(scrubber.scrub('first-token-aaaaaaaaaaaaaaaa then second-token-bbbbbbbbbbbbbbbb')).toBe(
      '*** then ***',
    );
  });

  it('scrubs any field of a JSON value, keys and nested error bodies included, without changing the rest', () => {
    const scrubber = new SecretScrubber();
    scrubber.add(SECRET);
    const value = {
      ok: false,
      count: 3,
      none: null,
      rows: [
        { error: `400 ${SECRET}: bad`, code: SECRET, nested: { [SECRET]: [encodeURIComponent(SECRET)] } },
      ],
    };
    expect(scrubber.scrubDeep(value)).toEqual({
      ok: false,
      count: 3,
      none: null,
      rows: [{ error: '400 ***: bad', code: '***', nested: { '***': ['***'] } }],
    });
    expect(value.rows[0]?.code).toBe(SECRET); // a copy: the caller's value is untouched
  });

  it(`leaves values shorter than ${MIN_SECRET_LENGTH} characters alone (the sandbox's "sandbox")`, () => {
    const scrubber = new SecretScrubber();
    scrubber.addClient('sandbox', 'sandbox');
    expect(scrubber.scrub('gc-onboard apply --sandbox')).toBe('gc-onboard apply --sandbox');
    expect(scrubber.scrub(Buffer.from('sandbox:sandbox').toString('base64'))).toBe('***');
  });

  it('blanks unknown bearer and basic credentials only in what a server said', () => {
    const scrubber = new SecretScrubber();
    const text = 'got Bearer abcdefghijklmnopqrstuvwxyz, job title Basic Administrative-Assistant';
    expect(scrubber.scrubEchoed(text)).toBe('got Bearer ***, job title Basic ***');
    expect(scrubber.scrub(text)).toBe(text);
  });
});

describe('the CLI when the token endpoint echoes the secret', () => {
  let server: http.Server;
  let url = '';
  let reply: { status: number; body: unknown } = { status: 401, body: {} };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const echoes = (secret: string) =>
    `client ${ID} with secret ${secret} (${encodeURIComponent(secret)}, ${Buffer.from(`${ID}:${secret}`).toString('base64')}) not found`;

  it.each([
    [
      'in error_description of a 422',
      { status: 422, body: { error: 'invalid_request', error_description: echoes(SECRET) } },
    ],
    ['in error of a 401', { status: 401, body: { error: SECRET, error_description: echoes(SECRET) } }],
    [
      'in description and code of a 404',
      { status: 404, body: { code: SECRET, description: echoes(SECRET) } },
    ],
  ])('prints one line without the secret when it comes %s', async (_, answer) => {
    reply = answer;
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      env: {
        GENESYSCLOUD_OAUTHCLIENT_ID: ID,
        GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET,
        GENESYSCLOUD_API_REGION: url,
      },
      now: () => new Date('2026-11-25T12:00:00Z'),
      interrupted: () => Promise.resolve(),
    };
    const code = await runCli(['plan', '--imports', 'src/sandbox/demo'], io);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^gc-onboard: Login to ${url} (was refused|failed)`));
    for (const form of disguises(SECRET)) {
      expect(stdout + stderr, form).not.toContain(form);
    }
  });
});
