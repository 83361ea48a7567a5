// Several orgs end to end: the workflows `init --orgs test,production` writes, their gc-onboard steps
// run in process as a runner would run each job (its matrix entry, its environment's secrets),
// against two sandbox orgs and the fake GitHub API. A batch for both orgs and a batch for test only:
// the preview shows both orgs (production offline while its secrets are missing), apply to test
// creates both batches there, apply to production (stage 2, after test) only the first, and each
// sandbox's state shows nothing reached the wrong org.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_REF } from '../../src/init/action-ref.js';
import { initRepository } from '../../src/init/init.js';
import { startSandboxes, type SandboxOrgs } from '../../src/sandbox/index.js';
import { OWNER, REPO_NAME, orgWrites, removeWorkspace, runAction, type Ran } from '../action/harness.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { FAST_APPLY, FAST_REAL, QUICK_SANDBOX } from '../helpers/sandbox.js';
import { readWorkflow, stepInputs, type Context, type Workflow } from '../helpers/workflow.js';

type Org = 'test' | 'production';
const PR = 42;
const MERGE_SHA = 'e8d1c4b7a0f3e6d9c2b5a8f1e4d7c0b3a6f9e2d5';

let orgs: SandboxOrgs<Org>;
let github: FakeGitHub;
let workspace: string;

const ORGS_YML = `orgs:
  test:
    environment: genesys-test
    timezone: America/New_York
    genesys_org: Northfield University (test)
  production:
    environment: genesys-production
    after: test
    genesys_org: Northfield University (production)
`;

beforeAll(async () => {
  const options = { ...QUICK_SANDBOX, real: FAST_REAL };
  orgs = await startSandboxes({ test: options, production: options });
  for (const org of ['test', 'production'] as const) seeded.set(org, new Set(activeEmails(org)));
  github = await startFakeGitHub();
  workspace = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-orgs-e2e-'));
  await initRepository(workspace, {
    now: () => new Date('2026-12-02T09:00:00Z'),
    doctorAvailable: true,
    orgs: ['test', 'production'],
  });
  const imports = path.join(workspace, 'imports');
  await writeFile(path.join(imports, 'orgs.yml'), ORGS_YML);
  // "both": the example batch as it is (no orgs key: every org). "pilot": its people under other
  // addresses, no phones, for the test org only.
  await cp(path.join(imports, '_example'), path.join(imports, 'both'), { recursive: true });
  await cp(path.join(imports, '_example'), path.join(imports, 'pilot'), { recursive: true });
  const people = await readFile(path.join(imports, 'pilot/people.csv'), 'utf8');
  await writeFile(
    path.join(imports, 'pilot/people.csv'),
    people.replaceAll('@northfield.edu', '.pilot@northfield.edu'),
  );
  await writeFile(path.join(imports, 'pilot/phones.csv'), 'phone_name,email\n');
  const batch = await readFile(path.join(imports, 'pilot/batch.yml'), 'utf8');
  await writeFile(path.join(imports, 'pilot/batch.yml'), `${batch.trimEnd()}\norgs: [test]\n`);
  github.setPullRequestFiles(OWNER, REPO_NAME, PR, [
    { filename: 'imports/both/people.csv', status: 'added' },
    { filename: 'imports/pilot/people.csv', status: 'added' },
  ]);
});
afterAll(async () => {
  await orgs.close();
  await github.close();
  await removeWorkspace(workspace);
});

const workflow = (name: string): Promise<Workflow> =>
  readWorkflow(path.join(workspace, '.github/workflows', name));

/** The secrets of an org's environment: that org's own client, or none (not set up yet). */
const secretsOf = (org: Org, present = true): Context =>
  present ? { GENESYSCLOUD_OAUTHCLIENT_ID: org, GENESYSCLOUD_OAUTHCLIENT_SECRET: org } : {};

/** Runs one job's gc-onboard step as the runner would for this matrix entry and environment. */
async function runJob(
  file: string,
  jobName: string,
  run: {
    org?: Org;
    secrets?: boolean;
    eventName: string;
    event: string | object;
    env?: Record<string, string>;
    /** The workflow_dispatch inputs (`inputs.` in the workflow's expressions). */
    inputs?: Context;
  },
): Promise<Ran> {
  const job = (await workflow(file)).jobs[jobName];
  if (!job) throw new Error(`${file} has no job ${jobName}`);
  const contexts = {
    secrets: run.org ? secretsOf(run.org, run.secrets ?? true) : {},
    vars: run.org ? { GENESYSCLOUD_API_REGION: orgs.orgs[run.org].url } : {},
    matrix: run.org ? { org: run.org } : {},
    inputs: run.inputs ?? {},
  };
  return runAction({
    workspace,
    eventName: run.eventName,
    event: run.event,
    inputs: stepInputs(job, ACTION_REF, contexts),
    env: { GITHUB_API_URL: github.url, ...run.env },
    options: { apply: FAST_APPLY },
  });
}

/** The comment job's download step: every plan job's artifact merged into one folder. */
async function downloadSections(): Promise<void> {
  for (const org of ['test', 'production']) {
    const file = `gc-onboard-preview-${org}.md`;
    await cp(path.join(workspace, file), path.join(workspace, 'gc-onboard-previews', file)).catch(
      () => undefined,
    );
  }
}

/** The people of an org that were not there when the test began: what the applies created. */
const seeded = new Map<Org, Set<string>>();
const activeEmails = (org: Org) =>
  orgs.orgs[org]
    .state()
    .users.filter((user) => user.state === 'active')
    .map((user) => user.email);
const people = (org: Org) =>
  activeEmails(org)
    .filter((email) => !seeded.get(org)?.has(email))
    .sort();

describe('two orgs, promoted test → production', () => {
  it('the orgs job gives the matrix and the stages from orgs.yml', async () => {
    const ran = await runJob('apply.yml', 'orgs', { eventName: 'push', event: 'push.json' });
    expect(ran.failed).toBe(false);
    expect(JSON.parse(ran.outputs.stage1 ?? '')).toEqual([
      { org: 'test', environment: 'genesys-test', preview_environment: 'genesys-test', stage: 1 },
    ]);
    expect(JSON.parse(ran.outputs.stage2 ?? '')).toEqual([
      {
        org: 'production',
        environment: 'genesys-production',
        preview_environment: 'genesys-production',
        stage: 2,
      },
    ]);
    expect(ran.outputs.stage3).toBe('[]');
    // Production's jobs wait for test's and run only if it succeeded.
    const apply = await workflow('apply.yml');
    expect(apply.jobs.stage2?.needs).toEqual(['orgs', 'stage1']);
    expect(apply.jobs.stage2?.if).toContain('!failure()');
    expect(apply.jobs.stage2?.environment).toBe('${{ matrix.environment }}');
  });

  it('the preview shows both orgs in one comment, production offline while its secrets are missing', async () => {
    const test = await runJob('preview.yml', 'plan', {
      org: 'test',
      eventName: 'pull_request',
      event: 'pull_request.json',
    });
    expect(test.failed).toBe(false);
    expect(test.outputs).toMatchObject({
      'people-create': '6',
      'section-file': 'gc-onboard-preview-test.md',
    });
    const production = await runJob('preview.yml', 'plan', {
      org: 'production',
      secrets: false,
      eventName: 'pull_request',
      event: 'pull_request.json',
    });
    expect(production.failed).toBe(false);
    await downloadSections();
    const comment = await runJob('preview.yml', 'comment', {
      eventName: 'pull_request',
      event: 'pull_request.json',
    });
    expect(comment.failed).toBe(false);
    const comments = github.commentsOn(OWNER, REPO_NAME, PR);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body.indexOf('### Org `test`')).toBeLessThan(body.indexOf('### Org `production`'));
    const [testPart, productionPart] = body.split('### Org `production`');
    expect(testPart).toContain('pilot');
    expect(productionPart).toContain('Validated offline: no preview of the changes in org production');
    expect(productionPart).toContain('genesys-production environment');
    // Findings are not split by org (a warning about the pilot batch's empty phones.csv shows in both).
    expect(orgWrites(orgs.orgs.test.stats().requests.byRoute)).toBe(0);
    expect(orgs.orgs.production.stats().requests.total).toBe(0);
  });

  it('a preview of production with its secrets replaces its section, and the comment stays one', async () => {
    const production = await runJob('preview.yml', 'plan', {
      org: 'production',
      eventName: 'pull_request',
      event: 'pull_request.json',
    });
    expect(production.outputs).toMatchObject({ 'people-create': '3' });
    await downloadSections();
    await runJob('preview.yml', 'comment', { eventName: 'pull_request', event: 'pull_request.json' });
    const comments = github.commentsOn(OWNER, REPO_NAME, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).not.toContain('Validated offline');
    // Each org's section plans its own batches: the pilot batch only in test's.
    const [testPart, productionPart] = comments[0]!.body.split('### Org `production`');
    expect(testPart).toContain('#### Batch pilot');
    expect(productionPart).toContain('#### Batch both');
    expect(productionPart).not.toContain('#### Batch pilot');
    expect(orgWrites(orgs.orgs.production.stats().requests.byRoute)).toBe(0);
  });

  it('apply to test (stage 1) creates both batches there and nothing in production', async () => {
    github.setCommitPullRequests(OWNER, REPO_NAME, MERGE_SHA, [
      { number: PR, mergedAt: '2026-12-02T10:00:00Z', labels: [] },
    ]);
    github.setFiles(OWNER, REPO_NAME, '0a1b7c4e1a8d3f6b0c5e2a9d7b4f1c8e3a6d0b52', {});
    const productionWrites = orgWrites(orgs.orgs.production.stats().requests.byRoute);
    const ran = await runJob('apply.yml', 'stage1', {
      org: 'test',
      eventName: 'push',
      event: 'push.json',
      env: { GITHUB_SHA: MERGE_SHA },
    });
    expect(ran.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(ran.failed).toBe(false);
    expect(ran.outputs).toMatchObject({
      'people-create': '6',
      'results-file': 'gc-onboard-results-test.json',
    });
    expect(people('test').filter((email) => email.includes('.pilot@'))).toHaveLength(3);
    expect(people('test').filter((email) => !email.includes('.pilot@'))).toHaveLength(3);
    expect(orgWrites(orgs.orgs.production.stats().requests.byRoute)).toBe(productionWrites);
    const results = github
      .commentsOn(OWNER, REPO_NAME, PR)
      .filter((c) => c.body.startsWith('<!-- gc-onboard:results org=test -->'));
    expect(results).toHaveLength(1);
  });

  it('apply to production (stage 2) creates only the batch for both orgs', async () => {
    const testState = JSON.stringify(orgs.orgs.test.state().users);
    const ran = await runJob('apply.yml', 'stage2', {
      org: 'production',
      eventName: 'push',
      event: 'push.json',
      env: { GITHUB_SHA: MERGE_SHA },
    });
    expect(ran.failed).toBe(false);
    expect(ran.outputs).toMatchObject({ 'people-create': '3', 'phones-create': '3' });
    expect(people('production').filter((email) => email.includes('.pilot@'))).toEqual([]);
    expect(people('production').filter((email) => !email.includes('.pilot@'))).toHaveLength(3);
    // Production's run changed nothing in test.
    expect(JSON.stringify(orgs.orgs.test.state().users)).toBe(testState);
    // Ids never cross: no user id of one org is in the other.
    const ids = new Set(orgs.orgs.test.state().users.map((user) => user.id));
    expect(orgs.orgs.production.state().users.filter((user) => ids.has(user.id))).toEqual([]);
    const bodies = github.commentsOn(OWNER, REPO_NAME, PR).map((c) => c.body.split('\n')[0]);
    expect(bodies.sort()).toEqual([
      '<!-- gc-onboard:preview -->',
      '<!-- gc-onboard:results org=production -->',
      '<!-- gc-onboard:results org=test -->',
    ]);
  });

  it('apply to an org whose preview was offline refuses, changing nothing', async () => {
    // A new pull request whose production section was validated offline only.
    await cp(path.join(workspace, 'gc-onboard-preview-test.md'), path.join(workspace, 'keep-test.md'));
    const offline = await runJob('preview.yml', 'plan', {
      org: 'production',
      secrets: false,
      eventName: 'pull_request',
      event: 'pull_request.json',
    });
    expect(offline.failed).toBe(false);
    await downloadSections();
    await runJob('preview.yml', 'comment', { eventName: 'pull_request', event: 'pull_request.json' });
    const before = orgs.orgs.production.stats().requests.total;
    const ran = await runJob('apply.yml', 'stage2', {
      org: 'production',
      eventName: 'push',
      event: 'push.json',
      env: { GITHUB_SHA: MERGE_SHA },
    });
    expect(ran.failed).toBe(true);
    expect(ran.stdout).toContain('The preview of org production on pull request #42 cannot be used');
    expect(orgs.orgs.production.stats().requests.total).toBe(before);
  });

  it('a manual training-day run for the pilot batch invites in test, and production has nothing to do', async () => {
    const inputs = { org: '', date: '', batch: 'pilot', force: false };
    const event = { inputs };
    const test = await runJob('training-day.yml', 'invite', {
      org: 'test',
      eventName: 'workflow_dispatch',
      event,
      inputs,
    });
    expect(test.failed).toBe(false);
    expect(test.outputs).toMatchObject({ invited: '3', errors: '0' });
    const production = await runJob('training-day.yml', 'invite', {
      org: 'production',
      eventName: 'workflow_dispatch',
      event,
      inputs,
    });
    expect(production.failed).toBe(false);
    expect(production.annotations.map((a) => a.message)).toContain(
      'Batch "pilot" does not go to org production: nothing to invite here.',
    );
    expect(orgs.orgs.production.state().invites ?? []).toEqual([]);
  });
});
