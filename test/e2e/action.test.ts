// The bundled Action run as GitHub runs it: `node dist/index.js` in the workspace, inputs as INPUT_*
// variables, the event as a file, summary and outputs as files, against a loopback fake GitHub API
// and the sandbox. The bundle is built once from the source by scripts/build.mjs (check-dist.test.ts
// proves that build is the committed dist/). The bundle reaches the sandbox through the contract
// proxy, so every exchange of these runs is also checked against the Platform API spec.
import { execFile } from 'node:child_process';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { summarizeViolations } from '../helpers/contract.js';
import { startContractProxy, type ContractProxy } from '../helpers/contract-proxy.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { QUICK_SANDBOX } from '../helpers/sandbox.js';
import {
  EVENTS,
  INVITE_ROUTE,
  OWNER,
  REPO_NAME,
  makeWorkspace,
  orgWrites,
  parseAnnotations,
  parseOutputs,
  removeWorkspace,
} from '../action/harness.js';
import { buildBundle } from './bundle.js';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

let build: string;
let bundle: string;
let sandbox: Sandbox;
let proxy: ContractProxy;
let github: FakeGitHub;
let workspace: string;

beforeAll(async () => {
  build = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-bundle-'));
  [sandbox, github, workspace] = await Promise.all([
    startSandbox(QUICK_SANDBOX),
    startFakeGitHub(),
    makeWorkspace(),
    buildBundle(path.join(build, 'dist')),
  ]);
  bundle = path.join(build, 'dist', 'index.js');
  proxy = await startContractProxy(sandbox.url);
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await Promise.all([
    sandbox?.close(),
    github?.close(),
    removeWorkspace(workspace),
    rm(build, { recursive: true, force: true }),
  ]);
});

let runs = 0;

/** Starts the bundle like the runner does: a fresh process, everything in its environment. */
async function runBundle(eventName: string, eventFile: string, inputs: Record<string, string>): Promise<Ran> {
  const id = ++runs;
  const summaryFile = path.join(workspace, `summary-${id}.md`);
  const outputFile = path.join(workspace, `output-${id}.txt`);
  await Promise.all([writeFile(summaryFile, ''), writeFile(outputFile, '')]);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: os.tmpdir(),
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path.join(EVENTS, eventFile),
    GITHUB_REPOSITORY: `${OWNER}/${REPO_NAME}`,
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: String(9000 + id),
    'INPUT_GITHUB-TOKEN': 'ghs_e2e_token',
    'INPUT_COMMENT-AUTHOR': 'github-actions[bot]',
    INPUT_IMPORTS: 'imports',
    INPUT_COMMENT: 'true',
    INPUT_TIMEZONE: 'UTC',
    INPUT_FORCE: 'false',
    'INPUT_RESULTS-FILE': 'gc-onboard-results.json',
    'INPUT_PLAN-FILE': 'gc-onboard-plan.json',
    // The Genesys connection the way apply.yml passes it: the CX as Code variables, inputs empty.
    GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
    GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox',
    GENESYSCLOUD_API_REGION: proxy.url,
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
  };
  const ran = await promisify(execFile)(process.execPath, [bundle], { cwd: workspace, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: typeof error.code === 'number' ? error.code : -1,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }),
  );
  return {
    ...ran,
    outputs: parseOutputs(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
  };
}

// Each run starts a fresh Node on the 4 MB bundle (about 1.5 s of CPU before its first request), and
// a test makes up to two runs: on a loaded machine that outgrows the default 30 s.
describe('dist/index.js', { timeout: 60_000 }, () => {
  it('plans on a pull request: one comment, annotations on the CSV line, summary, outputs, exit 1 on errors', async () => {
    github.setPullRequestFiles(OWNER, REPO_NAME, 42, [
      { filename: 'imports/student-services/people.csv', status: 'modified' },
    ]);
    const first = await runBundle('pull_request', 'pull_request.json', { mode: 'plan' });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ 'people-create': '9', 'phones-create': '10', errors: '0' });
    expect(first.summary).toContain('### gc-onboard plan');
    const comments = github.commentsOn(OWNER, REPO_NAME, 42);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('<!-- gc-onboard:preview -->');
    expect(comments[0]!.body).toContain('changes the batch <code>student-services</code>');
    // Never the secret nor a token in the log; the access token is masked.
    expect(first.stdout).toMatch(/^::add-mask::\S+$/m);

    // A broken email: the same comment is updated, the line is annotated, and the step fails.
    const people = path.join(workspace, 'imports', 'student-services', 'people.csv');
    const csv = await readFile(people, 'utf8');
    await writeFile(people, csv.replace('chloe.dubois@northfield.edu', 'chloe.dubois(at)northfield.edu'));
    const second = await runBundle('pull_request', 'pull_request.json', { mode: 'plan' });
    expect(second.code).toBe(1);
    const annotations = parseAnnotations(second.stdout);
    expect(annotations).toContainEqual({
      level: 'error',
      properties: expect.objectContaining({ file: 'imports/student-services/people.csv', line: '4' }),
      message: expect.stringContaining('chloe.dubois(at)northfield.edu'),
    });
    expect(annotations.at(-1)!.message).toMatch(/in the plan: see the annotations and the job summary\.$/);
    expect(github.commentsOn(OWNER, REPO_NAME, 42)).toHaveLength(1);
    expect(github.writes().map((request) => request.method)).toEqual(['POST', 'PATCH']);
    expect(github.commentsOn(OWNER, REPO_NAME, 42)[0]!.body).toContain('people.csv:4');
    await writeFile(people, csv);

    expect(orgWrites(sandbox.stats().requests.byRoute)).toBe(0);
  });

  it('applies on push: the org gets the planned people and phones, results files and summary', async () => {
    // The commit before the push (push.json's `before`), whose policy judges the push: none there.
    github.setFiles(OWNER, REPO_NAME, '0a1b7c4e1a8d3f6b0c5e2a9d7b4f1c8e3a6d0b52', {});
    // The last preview of pull request 42 shows the files as merged (the broken email was put back),
    // and the pushed commit (push.json's `after`) was merged from it: apply compares with that preview.
    expect((await runBundle('pull_request', 'pull_request.json', { mode: 'plan' })).code).toBe(0);
    github.setCommitPullRequests(OWNER, REPO_NAME, '3b8e1f4a7c0d3e6f9a2b5c8d1e4f7a0b3c6d9e27', [
      { number: 42, mergedAt: '2026-11-25T08:10:00Z' },
    ]);
    const ran = await runBundle('push', 'push.json', { mode: 'apply' });
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.outputs).toMatchObject({
      'people-create': '9',
      'people-update': '1',
      'phones-create': '10',
      errors: '0',
      'results-file': 'gc-onboard-results.json',
    });
    const results = JSON.parse(await readFile(path.join(workspace, 'gc-onboard-results.json'), 'utf8'));
    expect(results.rows.filter((row: { outcome: string }) => row.outcome === 'done')).toHaveLength(20);
    expect(await readFile(path.join(workspace, 'gc-onboard-results.csv'), 'utf8')).toMatch(
      /^kind,batch,file,line/,
    );
    expect(ran.summary).toContain('Apply covered every batch');
    expect(ran.stdout).toContain('Comparing the plan with the preview reviewed on pull request #42');
    const resultsComments = github
      .commentsOn(OWNER, REPO_NAME, 42)
      .filter((comment) => comment.body.startsWith('<!-- gc-onboard:results -->'));
    expect(resultsComments).toHaveLength(1);
    expect(resultsComments[0]!.body).toContain('| student-services | 20 | 0 | 0 | 0 | 0 |');
    const state = sandbox.state();
    const emails = new Set(state.users.map((user) => user.email));
    expect(emails.has('chloe.dubois@northfield.edu')).toBe(true);
    expect(state.phones.filter((phone) => phone.webRtcUserId !== null).length).toBeGreaterThanOrEqual(10);
    expect(sandbox.stats().requests.byRoute[INVITE_ROUTE]).toBeUndefined();
  });

  it('refuses to invite on push with one line and no call to the org', async () => {
    const total = sandbox.stats().requests.total;
    const ran = await runBundle('push', 'push.json', { mode: 'invite' });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain(
      '::error::invite mode sends invitations only from a schedule or workflow_dispatch run',
    );
    expect(ran.stdout).not.toMatch(/\n\s+at /);
    expect(sandbox.stats().requests.total).toBe(total);
  });

  it('sent and got only what the Platform API spec allows', () => {
    expect(Object.keys(proxy.checked()).length).toBeGreaterThan(10);
    expect(summarizeViolations(proxy.violations())).toEqual([]);
  });
});
