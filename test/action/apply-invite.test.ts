// apply and invite modes, in process, against one sandbox org (the tests run in order: apply creates
// the people that invite then invites) and a loopback fake GitHub.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
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
  type RunRequest,
  FIXTURE_SHAS,
} from './harness.js';

const TRAINING_DAY = new Date('2026-12-01T08:30:00Z');

let sandbox: Sandbox;
let github: FakeGitHub;
let workspace: string;

beforeAll(async () => {
  sandbox = await startSandbox(QUICK_SANDBOX);
  github = await startFakeGitHub();
  // The commit before the push (push.json's `before`), without a policy.yml: apply reads the policy there.
  github.setFiles(OWNER, REPO_NAME, FIXTURE_SHAS.before, {});
  workspace = await makeWorkspace();
});
afterAll(async () => {
  await sandbox.close();
  await github.close();
  await removeWorkspace(workspace);
});

const action = (
  mode: string,
  eventName: string,
  event: RunRequest['event'],
  extra: Partial<RunRequest> = {},
) =>
  runAction({
    workspace,
    eventName,
    event,
    // Apply without a preview to compare: the reviewed plan has its own tests (review.test.ts).
    inputs: {
      mode,
      ...sandboxInputs(sandbox.url),
      ...(mode === 'apply' ? { reviewed: 'none-required' } : {}),
      ...extra.inputs,
    },
    env: { GITHUB_API_URL: github.url },
    options: { apply: { stationFirstPollMs: 50 } },
    ...(extra.now ? { now: extra.now } : {}),
  });

const invites = () => sandbox.stats().requests.byRoute[INVITE_ROUTE] ?? 0;
const before = FIXTURE_SHAS.before;
const after = '3b8e1f4a7c0d3e6f9a2b5c8d1e4f7a0b3c6d9e27';

describe('invite outside its events', () => {
  it.each<[string, RunRequest['event']]>([
    ['pull_request', 'pull_request.json'],
    ['pull_request_target', 'pull_request.json'],
    ['push', 'push.json'],
    ['workflow_run', { workflow_run: { head_branch: 'main', event: 'schedule' } }],
  ])('refuses on %s without one call to the org', async (eventName, event) => {
    sandbox.reset();
    const ran = await action('invite', eventName, event, { now: TRAINING_DAY });
    expect(ran.failed).toBe(true);
    expect(ran.annotations.at(-1)!.message).toBe(
      `invite mode sends invitations only from a schedule or workflow_dispatch run (training-day.yml), not from "${eventName}". Nothing was sent.`,
    );
    expect(ran.outputs).toEqual({});
    expect(sandbox.stats().requests.total).toBe(0);
  });
});

describe('apply outside its events', () => {
  // Allow-listed, not "anything without a pull request": a schedule, a workflow_run or a
  // pull_request_target run must not change the org either.
  it.each<[string, RunRequest['event']]>([
    ['pull_request', 'pull_request.json'],
    ['pull_request_target', 'pull_request.json'],
    ['schedule', 'schedule.json'],
    ['workflow_run', { workflow_run: { head_branch: 'main', event: 'push' } }],
    ['repository_dispatch', { action: 'apply' }],
    ['issue_comment', { issue: { number: 7 }, comment: { body: '/apply' } }],
  ])('refuses on %s with one line, without one call to the org', async (eventName, event) => {
    sandbox.reset();
    const ran = await action('apply', eventName, event);
    expect(ran.failed).toBe(true);
    expect(ran.annotations.at(-1)!.message).toBe(
      `apply mode changes the org only from a push or a workflow_dispatch run (apply.yml), not from "${eventName}". Nothing was changed.`,
    );
    expect(ran.outputs).toEqual({});
    expect(sandbox.stats().requests.total).toBe(0);
  });
});

describe('apply on push', () => {
  it('applies every batch, writes the results as JSON and CSV and the summary, and invites nobody', async () => {
    sandbox.reset();
    github.setCompare(OWNER, REPO_NAME, `${before}...${after}`, [
      { filename: 'imports/student-services/people.csv', status: 'added' },
      { filename: 'imports/README.md', status: 'modified' },
    ]);
    const ran = await action('apply', 'push', 'push.json');
    expect(ran.failed).toBe(false);
    expect(ran.outputs).toEqual({
      'people-create': '9',
      'people-update': '1',
      'people-unchanged': '0',
      'people-error': '0',
      'phones-create': '10',
      'phones-update': '0',
      'phones-unchanged': '0',
      'phones-error': '0',
      errors: '0',
      'plan-file': 'gc-onboard-plan.json',
      'results-file': 'gc-onboard-results.json',
    });
    const results = JSON.parse(await readFile(path.join(workspace, 'gc-onboard-results.json'), 'utf8'));
    expect(results.ok).toBe(true);
    expect(results.rows).toHaveLength(20);
    const csv = await readFile(path.join(workspace, 'gc-onboard-results.csv'), 'utf8');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(21);
    expect(ran.summary).toContain('### gc-onboard apply');
    expect(ran.summary).toContain('Apply covered every batch under <code>imports</code> (1 batch)');
    expect(ran.summary).toContain('_This push changes the batch <code>student-services</code>._');
    expect(ran.summary).toContain('| People | 10 | 0 | 0 | 0 |');

    // The org has the people and their default phones.
    const state = sandbox.state();
    const aisha = state.users.find((user) => user.email === 'aisha.rahman@northfield.edu');
    expect(aisha?.state).toBe('active');
    const phone = state.phones.find((p) => p.webRtcUserId === aisha?.id);
    expect(state.stations.find((station) => station.id === phone?.stationId)?.defaultUserId).toBe(aisha?.id);
    expect(invites()).toBe(0);
  });

  it('changes nothing on a second run', async () => {
    const writes = orgWrites(sandbox.stats().requests.byRoute);
    const ran = await action('apply', 'push', 'push.json');
    expect(ran.failed).toBe(false);
    expect(ran.outputs).toMatchObject({
      'people-create': '0',
      'people-unchanged': '10',
      'phones-unchanged': '10',
    });
    expect(orgWrites(sandbox.stats().requests.byRoute)).toBe(writes);
    expect(invites()).toBe(0);
  });
});

describe('invite on training day', () => {
  it('sends nothing on a schedule run on another day', async () => {
    const ran = await action('invite', 'schedule', 'schedule.json', {
      now: new Date('2026-11-30T08:30:00Z'),
    });
    expect(ran.failed).toBe(false);
    expect(ran.outputs).toMatchObject({ invited: '0', errors: '0' });
    expect(ran.summary).toContain('No batch has its training day on Mon 30 Nov 2026');
    expect(invites()).toBe(0);
  });

  it('invites everyone once on the scheduled run of the day; a second run sends none', async () => {
    const first = await action('invite', 'schedule', 'schedule.json', { now: TRAINING_DAY });
    expect(first.failed).toBe(false);
    expect(first.outputs).toEqual({
      invited: '10',
      errors: '0',
      'results-file': 'gc-onboard-results.json',
      'plan-file': '',
    });
    expect(invites()).toBe(10);
    const report = JSON.parse(await readFile(path.join(workspace, 'gc-onboard-results.json'), 'utf8'));
    expect(report.invited).toHaveLength(10);
    expect(first.summary).toContain('## gc-onboard training-day invites');

    const second = await action('invite', 'schedule', 'schedule.json', { now: TRAINING_DAY });
    expect(second.failed).toBe(false);
    expect(second.outputs).toMatchObject({ invited: '0' });
    expect(second.summary).toContain('0 invites sent · 10 people skipped');
    expect(invites()).toBe(10);
  });

  it('takes date, batch and force from a workflow_dispatch payload', async () => {
    // The fixture asks for student-services on 2026-12-01 with force: everyone is invited again.
    const ran = await action('invite', 'workflow_dispatch', 'workflow_dispatch.json');
    expect(ran.failed).toBe(false);
    expect(ran.outputs).toMatchObject({ invited: '10' });
    expect(ran.summary).toContain('forced');
    expect(invites()).toBe(20);
  });

  it('refuses a dispatch naming a batch that does not exist, sending nothing', async () => {
    const ran = await action('invite', 'workflow_dispatch', {
      inputs: { batch: 'nursing', date: '', force: 'false' },
    });
    expect(ran.failed).toBe(true);
    expect(ran.annotations.at(-1)!.message).toBe(
      'There is no batch "nursing" under imports. Nothing was sent.',
    );
    expect(invites()).toBe(20);
  });

  it('refuses a dispatch date that is not on the calendar, as the CLI does, sending nothing', async () => {
    const ran = await action('invite', 'workflow_dispatch', {
      inputs: { batch: '', date: '2026-02-30', force: 'false' },
    });
    expect(ran.failed).toBe(true);
    expect(ran.annotations.at(-1)!.message).toContain(
      'The date input of the dispatch must be a calendar date written YYYY-MM-DD, not "2026-02-30".',
    );
    expect(invites()).toBe(20);
  });
});
