// plan and validate modes, in process, against the sandbox and a loopback fake GitHub: the sticky
// comment, annotations, job summary, outputs, the fork and no-secrets fallbacks.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUICK_SANDBOX } from '../helpers/sandbox.js';
import {
  INVITE_ROUTE,
  OWNER,
  REPO_NAME,
  makeWorkspace,
  orgWrites,
  removeWorkspace,
  runAction,
  sandboxInputs,
  useActionWorld,
} from './harness.js';

const PREVIEW_MARKER = '<!-- gc-onboard:preview -->';

const world = useActionWorld(QUICK_SANDBOX, { readOnlyTokens: ['ghs_fork_token'] });

const planOnPullRequest = (inputs: Record<string, string> = {}, event = 'pull_request.json') =>
  runAction({
    workspace: world.workspace,
    eventName: 'pull_request',
    event,
    inputs: { mode: 'plan', ...sandboxInputs(world.sandbox.url), ...inputs },
    env: { GITHUB_API_URL: world.github.url, GITHUB_RUN_ID: '777' },
  });

const peopleCsv = () => path.join(world.workspace, 'imports', 'student-services', 'people.csv');

describe('plan on a pull request from a branch of the repository', () => {
  it('posts one comment with the plan, then leaves it alone, then updates it in place', async () => {
    world.github.setPullRequestFiles(OWNER, REPO_NAME, 42, [
      { filename: 'imports/student-services/people.csv', status: 'added' },
      { filename: 'imports/student-services/phones.csv', status: 'added' },
      { filename: 'README.md', status: 'modified' },
    ]);
    const first = await planOnPullRequest();
    expect(first.failed).toBe(false);
    const comments = world.github.commentsOn(OWNER, REPO_NAME, 42);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body.startsWith(PREVIEW_MARKER)).toBe(true);
    expect(body).toContain('### gc-onboard plan');
    expect(body).toContain('Aisha Rahman');
    expect(body).toContain('changes the batch <code>student-services</code>');
    expect(body).toContain('The plan covers every batch under <code>imports</code>');

    // Outputs: the plan's summary counts and where the plan is.
    expect(first.outputs).toMatchObject({
      'people-create': '9',
      'people-update': '1',
      'people-unchanged': '0',
      'people-error': '0',
      'phones-create': '10',
      'phones-error': '0',
      errors: '0',
      'plan-file': 'gc-onboard-plan.json',
      'results-file': '',
    });
    const plan = JSON.parse(await readFile(path.join(world.workspace, 'gc-onboard-plan.json'), 'utf8'));
    expect(plan.summary.people.create).toBe(9);
    expect(first.summary).toContain('### gc-onboard plan');
    expect(first.summary).toContain('Ben Carter');
    expect(first.annotations.filter((a) => a.level === 'error')).toEqual([]);
    // The access token was masked as soon as it was issued.
    expect(first.stdout).toMatch(/^::add-mask::/m);

    const second = await planOnPullRequest();
    expect(second.failed).toBe(false);
    expect(second.stdout).toContain('Left unchanged the comment on pull request #42');
    expect(world.github.writes().filter((r) => r.method === 'PATCH')).toHaveLength(0);

    const csv = await readFile(peopleCsv(), 'utf8');
    await writeFile(peopleCsv(), csv.replace('Registrar Specialist', 'Registrar Team Lead'));
    const third = await planOnPullRequest();
    expect(third.failed).toBe(false);
    expect(world.github.commentsOn(OWNER, REPO_NAME, 42)).toHaveLength(1);
    expect(world.github.writes().map((r) => r.method)).toEqual(['POST', 'PATCH']);
    expect(body).not.toContain('Registrar Team Lead');
    expect(world.github.commentsOn(OWNER, REPO_NAME, 42)[0]!.body).toContain('Registrar Team Lead');

    // Planning reads: no write, and never an invite.
    const byRoute = world.sandbox.stats().requests.byRoute;
    expect(orgWrites(byRoute)).toBe(0);
    expect(byRoute[INVITE_ROUTE]).toBeUndefined();
  });

  it('annotates the CSV line in error, lists it in the comment, and fails the check', async () => {
    const csv = await readFile(peopleCsv(), 'utf8');
    await writeFile(peopleCsv(), csv.replace('ben.carter@northfield.edu', 'ben.carter@@northfield'));
    const ran = await planOnPullRequest();
    expect(ran.failed).toBe(true);
    const errors = ran.annotations.filter((a) => a.level === 'error');
    const finding = errors.find((a) => a.properties.title?.startsWith('invalid-email'));
    expect(finding?.properties).toMatchObject({
      file: 'imports/student-services/people.csv',
      line: '3',
      endLine: '3',
    });
    // The last error is setFailed's one line.
    expect(errors.at(-1)!.message).toMatch(
      /^\d+ errors? in the plan: see the annotations and the job summary\.$/,
    );
    expect(ran.outputs['errors']).not.toBe('0');
    const body = world.github.commentsOn(OWNER, REPO_NAME, 42)[0]!.body;
    expect(body).toContain('people.csv:3');
    expect(orgWrites(world.sandbox.stats().requests.byRoute)).toBe(0);
  });

  it('says there is nothing to import when there is no batch', async () => {
    await removeWorkspace(world.workspace);
    world.workspace = await makeWorkspace({ empty: true });
    const ran = await planOnPullRequest();
    expect(ran.failed).toBe(false);
    const body = world.github.commentsOn(OWNER, REPO_NAME, 42)[0]!.body;
    expect(body).toContain('Nothing to import');
    expect(ran.outputs).toMatchObject({ 'people-create': '0', 'phones-create': '0', errors: '0' });
  });
});

describe('plan without access to the org', () => {
  it('validates offline on a fork, says the preview needs a branch here, writes nothing and does not fail', async () => {
    const ran = await planOnPullRequest(
      { 'github-token': 'ghs_fork_token', 'genesys-client-id': '', 'genesys-client-secret': '' },
      'pull_request-fork.json',
    );
    expect(ran.failed).toBe(false);
    expect(ran.summary).toContain('The preview needs a branch in this repository');
    expect(ran.summary).toContain('GitHub gives no secrets to workflows run for forks');
    expect(ran.summary).toContain('### gc-onboard validate');
    expect(ran.annotations).toContainEqual(expect.objectContaining({ level: 'notice' }));
    expect(ran.outputs).toMatchObject({ errors: '0', 'plan-file': '' });
    expect(world.github.writes()).toEqual([]);
    expect(world.sandbox.stats().requests.total).toBe(0);
  });

  it('still reports CSV errors on a fork (the check fails on them, not on the missing secrets)', async () => {
    const csv = await readFile(peopleCsv(), 'utf8');
    await writeFile(peopleCsv(), csv.replace('ben.carter@northfield.edu', 'ben.carter@@northfield'));
    const ran = await planOnPullRequest({ 'github-token': 'ghs_fork_token' }, 'pull_request-fork.json');
    expect(ran.failed).toBe(true);
    expect(ran.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', properties: expect.objectContaining({ line: '3' }) }),
    );
    expect(world.github.writes()).toEqual([]);
    expect(world.sandbox.stats().requests.total).toBe(0);
  });

  it('validates offline on a branch when no credentials are set, and says so in the comment', async () => {
    const ran = await planOnPullRequest({
      'genesys-client-id': '',
      'genesys-client-secret': '',
      'genesys-api-url': '',
    });
    expect(ran.failed).toBe(false);
    expect(ran.summary).toContain('No Genesys Cloud credentials were available');
    const comments = world.github.commentsOn(OWNER, REPO_NAME, 42);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(PREVIEW_MARKER);
    expect(comments[0]!.body).toContain('The preview needs a branch in this repository');
    expect(world.sandbox.stats().requests.total).toBe(0);
  });

  it('fails with one line outside a pull request when there are no credentials', async () => {
    const ran = await runAction({
      workspace: world.workspace,
      eventName: 'push',
      event: 'push.json',
      inputs: { mode: 'plan' },
      env: { GITHUB_API_URL: world.github.url },
    });
    expect(ran.failed).toBe(true);
    const last = ran.annotations.at(-1)!;
    expect(last.message).toBe(
      'GENESYSCLOUD_OAUTHCLIENT_ID is not set; it must hold your Genesys Cloud OAuth client credentials.',
    );
  });
});

describe('validate mode', () => {
  it('checks offline, comments the findings, and fails on errors without reaching the org', async () => {
    const csv = await readFile(peopleCsv(), 'utf8');
    await writeFile(peopleCsv(), csv.replace('ben.carter@northfield.edu', 'ben.carter@@northfield'));
    const ran = await runAction({
      workspace: world.workspace,
      eventName: 'pull_request',
      event: 'pull_request.json',
      inputs: { mode: 'validate', ...sandboxInputs(world.sandbox.url) },
      env: { GITHUB_API_URL: world.github.url },
    });
    expect(ran.failed).toBe(true);
    expect(ran.outputs).toEqual({ errors: '1', 'plan-file': '', 'results-file': '' });
    expect(ran.summary).toContain('### gc-onboard validate');
    const comments = world.github.commentsOn(OWNER, REPO_NAME, 42);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.startsWith('<!-- gc-onboard:validate -->')).toBe(true);
    expect(world.sandbox.stats().requests.total).toBe(0);
  });

  it('annotates the first ten errors in file order and notes that the rest are in the summary', async () => {
    const csv = await readFile(peopleCsv(), 'utf8');
    // Every person row (lines 2-11) gets a bad email: with the findings that follow, more than GitHub shows inline.
    await writeFile(peopleCsv(), csv.replace(/@northfield\.edu,/g, '@@northfield,'));
    const ran = await runAction({
      workspace: world.workspace,
      eventName: 'push',
      event: 'push.json',
      inputs: { mode: 'validate' },
      env: { GITHUB_API_URL: world.github.url },
    });
    expect(ran.failed).toBe(true);
    const onLines = ran.annotations.filter((a) => a.level === 'error' && a.properties.file);
    expect(onLines).toHaveLength(10);
    expect(onLines.map((a) => Number(a.properties.line))).toEqual(
      [...onLines.map((a) => Number(a.properties.line))].sort((a, b) => a - b),
    );
    expect(onLines[0]!.properties).toMatchObject({ file: 'imports/student-services/people.csv', line: '2' });
    const notice = ran.annotations.find((a) => a.level === 'notice');
    expect(notice?.message).toMatch(/^\d+ more findings are not shown inline/);
    const total = Number(ran.outputs['errors']);
    expect(total).toBeGreaterThan(10);
    expect(ran.summary.match(/invalid-email/g)?.length).toBeGreaterThanOrEqual(10);
    expect(ran.annotations.at(-1)!.message).toBe(
      `${total} errors in the imports: see the annotations and the job summary.`,
    );
  });

  it('does not try to comment on a fork (its token is read-only)', async () => {
    const ran = await runAction({
      workspace: world.workspace,
      eventName: 'pull_request',
      event: 'pull_request-fork.json',
      inputs: { mode: 'validate', 'github-token': 'ghs_fork_token' },
      env: { GITHUB_API_URL: world.github.url },
    });
    expect(ran.failed).toBe(false);
    expect(ran.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
    expect(world.github.requests).toEqual([]);
  });

  it('names the real login when comment-author is not who the token comments as', async () => {
    const ran = await runAction({
      workspace: world.workspace,
      eventName: 'pull_request',
      event: 'pull_request.json',
      // The App's bot account is gc-onboard-app[bot]; without the suffix it is another account.
      inputs: { mode: 'validate', 'comment-author': 'gc-onboard-app' },
      env: { GITHUB_API_URL: world.github.url },
    });
    expect(ran.failed).toBe(false);
    expect(world.github.comments).toHaveLength(1);
    const warning = ran.annotations.find((a) => a.level === 'warning');
    expect(warning?.message).toBe(
      'The github-token comments as github-actions[bot], but comment-author is gc-onboard-app: set comment-author: github-actions[bot] so that later runs update this comment instead of posting another.',
    );
  });

  it('passes the demo batch and only notes a comment it may not write', async () => {
    const ran = await runAction({
      workspace: world.workspace,
      eventName: 'pull_request',
      event: 'pull_request.json',
      inputs: { mode: 'validate', 'github-token': 'ghs_fork_token' },
      env: { GITHUB_API_URL: world.github.url },
    });
    expect(ran.failed).toBe(false);
    expect(ran.summary).toContain('No problems found.');
    const warning = ran.annotations.find((a) => a.level === 'warning');
    expect(warning?.message).toContain('pull-requests: write');
    expect(world.github.comments).toEqual([]);
  });
});

describe('inputs', () => {
  it('fails with a clear message for an unknown mode, before reading anything', async () => {
    const ran = await runAction({
      workspace: world.workspace,
      eventName: 'pull_request',
      event: 'pull_request.json',
      inputs: { mode: 'deploy', ...sandboxInputs(world.sandbox.url) },
      env: { GITHUB_API_URL: world.github.url },
    });
    expect(ran.failed).toBe(true);
    expect(ran.annotations.at(-1)!.message).toBe(
      'The mode input must be one of validate, plan, apply, invite, doctor, drift, orgs or comment, not "deploy".',
    );
    expect(world.github.requests).toEqual([]);
    expect(world.sandbox.stats().requests.total).toBe(0);
  });
});
