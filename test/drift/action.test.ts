// drift mode end to end: the Action as the runner starts it (test/action/harness.ts), against the
// sandbox and the loopback fake GitHub API. The one drift issue is opened once, edited while the drift
// changes, left alone when it does not, closed with a comment when everything matches, and reopened
// (never a second one) when drift comes back. The step passes with drift unless fail-on-drift is true.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIFT_LABEL } from '../../src/action/drift.js';
import { DRIFT_MARKER } from '../../src/render/drift.js';
import { applyImports } from '../../src/run/commands.js';
import { DEMO_IDS } from '../../src/sandbox/index.js';
import {
  makeWorkspace,
  OWNER,
  removeWorkspace,
  REPO_NAME,
  runAction,
  sandboxInputs,
} from '../action/harness.js';
import { FAST_APPLY } from '../apply/fixtures.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { leaveQueue, patchUser, startOrg, type Org } from './org.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const AISHA = 'aisha.rahman@northfield.edu';
const BEN = 'ben.carter@northfield.edu';

let org: Org;
let github: FakeGitHub;
let workspace: string;

const drift = (inputs: Record<string, string> = {}) =>
  runAction({
    workspace,
    inputs: { mode: 'drift', ...sandboxInputs(org.sandbox.url), ...inputs },
    eventName: 'schedule',
    event: 'schedule.json',
    env: { GITHUB_API_URL: github.url, GITHUB_RUN_ID: '7001' },
    now: NOW,
  });

const issueWrites = () =>
  github
    .writes()
    .map((request) => `${request.method} ${request.path.replace(`/repos/${OWNER}/${REPO_NAME}`, '')}`);

beforeAll(async () => {
  [org, github, workspace] = await Promise.all([startOrg(), startFakeGitHub(), makeWorkspace()]);
  const { result } = await applyImports(path.join(workspace, 'imports'), org.client, FAST_APPLY);
  expect(result.ok).toBe(true);
});

afterAll(async () => {
  await Promise.all([org?.close(), github?.close(), removeWorkspace(workspace)]);
});

describe('drift mode', () => {
  it('writes nothing to GitHub while everything matches', async () => {
    const ran = await drift();
    expect(ran.failed).toBe(false);
    expect(ran.outputs).toMatchObject({ drifted: '0', expired: '0', never_invited: '0', 'issue-number': '' });
    expect(ran.summary).toContain('No drift');
    expect(github.writes()).toEqual([]);
  });

  it('opens one labelled issue when something drifts, and passes: it is a report', async () => {
    await patchUser(org.sandbox, AISHA, { title: 'Team Lead' });
    const ran = await drift();
    expect(ran.failed).toBe(false);
    expect(ran.outputs).toMatchObject({
      drifted: '1',
      expired: '0',
      never_invited: '0',
      'issue-number': '101',
    });
    expect(github.issues).toHaveLength(1);
    const [issue] = github.issues;
    expect(issue).toMatchObject({
      number: 101,
      state: 'open',
      labels: [DRIFT_LABEL],
      login: 'github-actions[bot]',
    });
    expect(issue?.body.startsWith(`${DRIFT_MARKER}\n`)).toBe(true);
    expect(issue?.body).toContain('title: CSV "Student Services Advisor", org "Team Lead"');
    expect(ran.summary).toContain('title: CSV "Student Services Advisor", org "Team Lead"');
    expect(issueWrites()).toEqual(['POST /issues']);
  });

  it('edits the same issue while the drift changes, and leaves it alone when it does not', async () => {
    await leaveQueue(org.sandbox, BEN, DEMO_IDS.queues.registrar);
    const ran = await drift();
    expect(ran.outputs).toMatchObject({ drifted: '2', 'issue-number': '101' });
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]?.body).toContain('queues: gone Registrar');
    const again = await drift();
    expect(again.outputs['issue-number']).toBe('101');
    expect(issueWrites()).toEqual(['POST /issues', 'PATCH /issues/101']);
  });

  it('closes the issue with a comment when everything matches again', async () => {
    const { result } = await applyImports(path.join(workspace, 'imports'), org.client, FAST_APPLY);
    expect(result.ok).toBe(true);
    const ran = await drift();
    expect(ran.outputs).toMatchObject({ drifted: '0', 'issue-number': '101' });
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({ state: 'closed', stateReason: 'completed' });
    const comments = github.commentsOn(OWNER, REPO_NAME, 101);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('Everything matches again');
    expect(issueWrites().slice(2)).toEqual(['POST /issues/101/comments', 'PATCH /issues/101']);
    // Closed and clean: the next clean run writes nothing.
    await drift();
    expect(issueWrites()).toHaveLength(4);
  });

  it('reopens the same issue when drift comes back, and fails only with fail-on-drift', async () => {
    await patchUser(org.sandbox, AISHA, { department: 'Registrar' });
    const ran = await drift({ 'fail-on-drift': 'true' });
    expect(ran.failed).toBe(true);
    expect(ran.annotations.some((annotation) => annotation.message.includes('fail-on-drift is true'))).toBe(
      true,
    );
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({ number: 101, state: 'open', stateReason: 'reopened' });
    expect(github.issues[0]?.body).toContain('department: CSV "Student Services", org "Registrar"');
  });

  it('ignores an issue not by comment-author, and says how to stop a second one', async () => {
    const other = await drift({ 'comment-author': 'gc-onboard-app[bot]' });
    // The token still writes as github-actions[bot], so the issue it finds is not "ours": a new one,
    // which is why comment-author must be the token's login (the README says so).
    expect(other.outputs['issue-number']).toBe('102');
    expect(github.issues).toHaveLength(2);
    expect(other.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('set comment-author: github-actions[bot]') as unknown,
      }),
    );
  });
});
