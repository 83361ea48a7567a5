// An org whose error bodies echo the credentials back (issue 15): the access token in `code`, `error`
// and `contextId`, the token and the client secret URL-encoded and in base64 in `message`. An apply
// through the CLI and through the Action must not let any of them out: not on stdout or stderr, not
// in the results JSON and CSV (kept 90 days as an artifact) or the plan file, not in the job summary,
// the outputs or the annotations.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { EVENTS, makeWorkspace, removeWorkspace, runAction } from '../action/harness.js';

const CLIENT_ID = 'sandbox';
const SECRET = 'Echo/Secret+Value=0123456789-abcdefghij';
/** Grants (bulk per role, or bulkadd): every demo person has some, so every person's row meets the echo. */
const ECHOED = /^POST \/api\/v2\/authorization\/(subjects\/[^/]+\/bulkadd|roles\/[^/]+)$/;

interface EchoProxy {
  url: string;
  /** Every bearer token that went through. */
  tokens: Set<string>;
  echoed: number;
  close(): Promise<void>;
}

/** Forwards to the sandbox, but answers the grants with a 400 that echoes every credential it can. */
async function startEchoProxy(upstream: string): Promise<EchoProxy> {
  const state = { tokens: new Set<string>(), echoed: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (req.headers.authorization?.startsWith('Bearer ')) state.tokens.add(token);
      const pathname = (req.url ?? '').split('?')[0] ?? '';
      if (ECHOED.test(`${req.method} ${pathname}`)) {
        state.echoed += 1;
        const basic = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64');
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            code: token,
            error: token,
            contextId: token,
            status: 400,
            message: `token ${encodeURIComponent(token)} ${Buffer.from(token).toString('base64')}; client ${encodeURIComponent(SECRET)} ${basic}`,
          }),
        );
        return;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
          headers[name] = value;
      }
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      fetch(`${upstream}${req.url ?? ''}`, { method: req.method ?? 'GET', headers, body })
        .then(async (answer) => {
          const text = await answer.text();
          const out: Record<string, string> = {};
          answer.headers.forEach((value, name) => {
            if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(name))
              out[name] = value;
          });
          res.writeHead(answer.status, out);
          res.end(text);
        })
        .catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tokens: state.tokens,
    get echoed() {
      return state.echoed;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The credentials in every form the proxy echoed them in. */
function leaks(proxy: EchoProxy): string[] {
  const forms = (value: string) => [
    value,
    encodeURIComponent(value),
    Buffer.from(value).toString('base64').replace(/=+$/, ''),
  ];
  return [
    ...[...proxy.tokens].flatMap(forms),
    ...forms(SECRET),
    Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64'),
  ];
}

function expectNoLeak(where: string, text: string, proxy: EchoProxy): void {
  for (const leak of leaks(proxy)) expect(text, `${where} shows ${leak}`).not.toContain(leak);
}

let sandbox: Sandbox;
let proxy: EchoProxy;
let tmp: string;

beforeAll(async () => {
  sandbox = await startSandbox({
    rateLimitPerMinute: 6000,
    userSearchLagMs: 50,
    stationLagMs: 50,
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    real: false,
  });
  proxy = await startEchoProxy(sandbox.url);
  tmp = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-echo-'));
});
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('the CLI applying against an org that echoes credentials in error bodies', () => {
  it.each(['text', 'json'])(
    'keeps them out of stdout, stderr and the results files (--format %s)',
    async (format) => {
      sandbox.reset();
      const echoedBefore = proxy.echoed;
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        env: {
          GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT_ID,
          GENESYSCLOUD_OAUTHCLIENT_SECRET: SECRET,
          GENESYSCLOUD_API_REGION: proxy.url,
        },
        now: () => new Date('2026-11-25T12:00:00Z'),
        interrupted: () => Promise.resolve(),
      };
      const results = path.join(tmp, format, 'results.json');
      const code = await runCli(
        ['apply', '--no-review', '--imports', 'src/sandbox/demo', '--format', format, '--results', results],
        io,
      );
      expect(code).toBe(1);
      expect(proxy.echoed).toBeGreaterThan(echoedBefore);
      expect(proxy.tokens.size).toBeGreaterThan(0);
      const json = await readFile(results, 'utf8');
      const csv = await readFile(results.replace(/\.json$/, '.csv'), 'utf8');
      // The rows failed, and say why, with the credentials blanked.
      expect(json).toContain('400 ***: token *** ***');
      expect(csv).toContain('400 ***: token *** ***');
      expectNoLeak('stdout', stdout, proxy);
      expectNoLeak('stderr', stderr, proxy);
      expectNoLeak('results JSON', json, proxy);
      expectNoLeak('results CSV', csv, proxy);
    },
  );
});

describe('the Action applying against an org that echoes credentials in error bodies', () => {
  let github: FakeGitHub;
  let workspace: string;
  beforeAll(async () => {
    github = await startFakeGitHub();
    workspace = await makeWorkspace();
  });
  afterAll(async () => {
    await github?.close();
    await removeWorkspace(workspace);
  });

  it('keeps them out of the summary, outputs, annotations, log and files', async () => {
    sandbox.reset();
    const echoedBefore = proxy.echoed;
    // A push that created the branch: the default policy judges the rows, with no call to GitHub.
    const push = JSON.parse(await readFile(path.join(EVENTS, 'push.json'), 'utf8'));
    const ran = await runAction({
      workspace,
      inputs: {
        mode: 'apply',
        reviewed: 'none-required',
        'genesys-client-id': CLIENT_ID,
        'genesys-client-secret': SECRET,
        'genesys-api-url': proxy.url,
      },
      eventName: 'push',
      event: { ...push, before: '0'.repeat(40), created: true },
      env: { GITHUB_API_URL: github.url },
      options: { apply: { stationFirstPollMs: 50 } },
    });
    expect(ran.failed).toBe(true);
    expect(proxy.echoed).toBeGreaterThan(echoedBefore);
    expect(ran.summary).toContain('400 \\*\\*\\*: token \\*\\*\\* \\*\\*\\*'); // markdown-escaped
    expectNoLeak('job summary', ran.summary, proxy);
    expectNoLeak('outputs', JSON.stringify(ran.outputs), proxy);
    expectNoLeak('annotations', JSON.stringify(ran.annotations), proxy);
    // The log, but for the lines that register the masks with the runner.
    const log = ran.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expectNoLeak('log', log, proxy);
    for (const file of await readdir(workspace)) {
      if (!/\.(json|csv|md|txt)$/.test(file)) continue;
      expectNoLeak(file, await readFile(path.join(workspace, file), 'utf8'), proxy);
    }
  });
});
