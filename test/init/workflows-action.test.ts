// The workflows init writes, run the way a runner would run their gc-onboard steps: the inputs each
// step passes (its ${{ secrets.X }} / ${{ vars.X }} / ${{ inputs.X }} expressions resolved to test
// values pointing at an in-process sandbox), the Action's run() in a workspace init made, a loopback
// fake GitHub API. Proves the preview posts its comment, apply applies and training-day invites.
import { access, cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_REF } from '../../src/init/action-ref.js';
import { initRepository } from '../../src/init/init.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { OWNER, REPO_NAME, orgWrites, removeWorkspace, runAction } from '../action/harness.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { evaluate, readWorkflow, stepInputs, type Context, type Step } from '../helpers/workflow.js';

let sandbox: Sandbox;
let github: FakeGitHub;
let workspace: string;

beforeAll(async () => {
  sandbox = await startSandbox({
    real: false,
    rateLimitPerMinute: 6000,
    userSearchLagMs: 50,
    stationLagMs: 50,
  });
  github = await startFakeGitHub();
  workspace = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-init-action-'));
  // The team's repository: what init wrote, plus a first batch copied from the example.
  await initRepository(workspace, { now: () => new Date('2026-12-02T09:00:00Z'), doctorAvailable: false });
  await cp(path.join(workspace, 'imports/_example'), path.join(workspace, 'imports/first-batch'), {
    recursive: true,
  });
});
afterAll(async () => {
  await sandbox.close();
  await github.close();
  await removeWorkspace(workspace);
});

/** The workflow's steps as written by init, parsed from the team's repository. */
async function workflowSteps(name: string): Promise<Step[]> {
  const workflow = await readWorkflow(path.join(workspace, '.github/workflows', name));
  return Object.values(workflow.jobs).flatMap((job) => job.steps);
}

/** The inputs the workflow's gc-onboard step passes, as the runner would resolve them. */
async function actionInputs(name: string, inputs: Context = {}): Promise<Record<string, string>> {
  const steps = (await workflowSteps(name)).filter((step) => step.uses === ACTION_REF);
  expect(steps, name).toHaveLength(1);
  return stepInputs({ steps }, ACTION_REF, {
    secrets: { GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox', GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox' },
    // The API URL variable points the Action at the sandbox; the region variable is overridden by it.
    vars: { GENESYSCLOUD_REGION: 'us-east-1', GENESYSCLOUD_API_REGION: sandbox.url },
    inputs,
  });
}

const MERGE_SHA = 'e8d1c4b7a0f3e6d9c2b5a8f1e4d7c0b3a6f9e2d5';
const BATCH_FILES = ['people.csv', 'phones.csv', 'batch.yml'].map((file) => ({
  filename: `imports/first-batch/${file}`,
  status: 'added' as const,
}));

describe('the workflows init writes, run against a fake GitHub and a sandbox org', () => {
  it('resolves the step inputs the way a runner would', async () => {
    expect(await actionInputs('preview.yml')).toEqual({
      mode: 'plan',
      'genesys-client-id': 'sandbox',
      'genesys-client-secret': 'sandbox',
      'genesys-region': 'us-east-1',
      'genesys-api-url': sandbox.url,
      timezone: 'UTC',
    });
    expect(evaluate("vars.X || secrets.Y || 'UTC'", { vars: {}, secrets: { Y: 'eu' } })).toBe('eu');
    expect(evaluate('inputs.force || false', { inputs: {} })).toBe('false');
    expect(() => evaluate("format('{0}', github.ref)", {})).toThrow('unsupported expression');
  });

  it('preview.yml: plans the pull request and posts its comment, writing nothing to the org', async () => {
    github.setPullRequestFiles(OWNER, REPO_NAME, 42, BATCH_FILES);
    const ran = await runAction({
      workspace,
      eventName: 'pull_request',
      event: 'pull_request.json',
      inputs: await actionInputs('preview.yml'),
      env: { GITHUB_API_URL: github.url },
    });
    expect(ran.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(ran.failed).toBe(false);
    const comments = github.commentsOn(OWNER, REPO_NAME, 42);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('### gc-onboard plan');
    expect(comments[0]!.body).toContain('Grace Lee');
    expect(comments[0]!.body).toContain('changes the batch <code>first-batch</code>');
    expect(ran.outputs).toMatchObject({ 'people-create': '3', 'phones-create': '3', errors: '0' });
    expect(orgWrites(sandbox.stats().requests.byRoute)).toBe(0);
  });

  it('apply.yml: applies the merged batch and writes every file its upload step uploads', async () => {
    github.setCommitPullRequests(OWNER, REPO_NAME, MERGE_SHA, [
      { number: 42, mergedAt: '2026-12-02T10:00:00Z', labels: [] },
    ]);
    // The commit before the push (push.json's `before`), whose policy judges the push: none there.
    github.setFiles(OWNER, REPO_NAME, '0a1b7c4e1a8d3f6b0c5e2a9d7b4f1c8e3a6d0b52', {});
    const ran = await runAction({
      workspace,
      eventName: 'push',
      event: 'push.json',
      inputs: await actionInputs('apply.yml'),
      env: { GITHUB_API_URL: github.url, GITHUB_SHA: MERGE_SHA },
    });
    expect(ran.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(ran.failed).toBe(false);
    expect(ran.outputs).toMatchObject({
      'people-create': '3',
      'phones-create': '3',
      errors: '0',
      'results-file': 'gc-onboard-results.json',
    });
    const users = sandbox.state().users.filter((user) => user.email.endsWith('@northfield.edu'));
    const grace = users.find((user) => user.email === 'grace.lee@northfield.edu');
    expect(users.find((user) => user.email === 'omar.haddad@northfield.edu')?.managerId).toBe(grace?.id);

    const upload = (await workflowSteps('apply.yml')).find((step) =>
      step.uses?.startsWith('actions/upload-artifact@'),
    );
    const uploaded = String(upload?.with?.path).trim().split('\n');
    expect(uploaded).toEqual(['gc-onboard-results.json', 'gc-onboard-results.csv', 'gc-onboard-plan.json']);
    for (const file of uploaded) await access(path.join(workspace, file));
  });

  it('training-day.yml: a manual run for the batch invites its people', async () => {
    const inputs = { date: '', batch: 'first-batch', force: false };
    const ran = await runAction({
      workspace,
      eventName: 'workflow_dispatch',
      event: { inputs },
      inputs: await actionInputs('training-day.yml', inputs),
      env: { GITHUB_API_URL: github.url },
    });
    expect(ran.failed).toBe(false);
    expect(ran.outputs).toMatchObject({
      invited: '3',
      errors: '0',
      'results-file': 'gc-onboard-invites.json',
    });
    await access(path.join(workspace, 'gc-onboard-invites.json'));
  });
});
