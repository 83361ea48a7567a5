// imports/policy.yml through the Action, in process, against the sandbox and a loopback fake GitHub:
// a breach annotated at its CSV cell, max_changes lifted by the pull request's label (from the event
// on plan, from GitHub's merged pull request on apply), and the policy's changes atop the preview.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUICK_SANDBOX } from '../helpers/sandbox.js';
import {
  OWNER,
  REPO_NAME,
  orgWrites,
  runAction,
  sandboxInputs,
  type RunRequest,
  FIXTURE_SHAS,
  useActionWorld,
} from './harness.js';

const PREVIEW_MARKER = '<!-- gc-onboard:preview -->';
const HEADING = '### Policy changes in this pull request';
// The policy at `before` judges a push, the one at the merge commit's parent a manual run.
const { base: BASE_SHA, head: MERGE_SHA, before: BEFORE_SHA, parent: PARENT_SHA } = FIXTURE_SHAS;
const PEOPLE = 'imports/student-services/people.csv';
/** The demo batch asks for 20 writes: 9 people created, 1 updated, 10 phones created. */
const LIMITED = 'max_changes: 3\noverride_label: large-import\n';

const world = useActionWorld(QUICK_SANDBOX);

const writePolicy = (text: string) => writeFile(path.join(world.workspace, 'imports', 'policy.yml'), text);

const action = (mode: string, eventName: string, event: RunRequest['event']) =>
  runAction({
    workspace: world.workspace,
    eventName,
    event,
    // Apply without a preview to compare: the reviewed plan has its own tests (review.test.ts).
    inputs: {
      mode,
      ...sandboxInputs(world.sandbox.url),
      ...(mode === 'apply' ? { reviewed: 'none-required' } : {}),
    },
    env: { GITHUB_API_URL: world.github.url, GITHUB_RUN_ID: '777' },
    options: { apply: { stationFirstPollMs: 50 } },
  });
const plan = (event = 'pull_request.json') => action('plan', 'pull_request', event);
const comment = () => world.github.commentsOn(OWNER, REPO_NAME, 42)[0]?.body ?? '';
const errorsAt = (ran: { annotations: Array<{ level: string; properties: Record<string, string> }> }) =>
  ran.annotations.filter((a) => a.level === 'error' && a.properties.file);

describe('plan under a policy', () => {
  it('fails on a role the policy forbids, at the roles_divisions cell, and shows it in the comment', async () => {
    await writePolicy('forbidden_roles:\n  - PureCloud Supervisor\n');
    const ran = await plan();
    expect(ran.failed).toBe(true);
    // Emily Nguyen (line 6) is the one row granted PureCloud Supervisor.
    const breach = errorsAt(ran).find((a) => a.properties.title?.startsWith('policy-role-forbidden'));
    expect(breach).toEqual({
      level: 'error',
      properties: {
        title: 'policy-role-forbidden (column roles_divisions)',
        file: PEOPLE,
        line: '6',
        endLine: '6',
      },
      message:
        'Role "PureCloud Supervisor" may not be granted through imports (forbidden_roles in imports/policy.yml)',
    });
    const body = comment();
    expect(body).toContain('policy-role-forbidden');
    expect(body).toContain('people.csv:6');
    expect(body).toContain('forbidden\\_roles in imports/policy.yml');
    expect(ran.summary).toContain('policy-role-forbidden');
    expect(Number(ran.outputs['errors'])).toBeGreaterThan(0);
    expect(ran.outputs['people-create']).not.toBe('9');
    expect(orgWrites(world.sandbox.stats().requests.byRoute)).toBe(0);
    // GitHub did not know the base commit: a note in the log, no policy block, and no failure for it.
    expect(ran.stdout).toContain(
      'Cannot compare imports/policy.yml with the base of the pull request (No commit found for the ref',
    );
    expect(body).not.toContain(HEADING);
    expect(ran.annotations.at(-1)!.message).toMatch(/^\d+ errors in the plan: see the annotations/);
  });

  it('fails above max_changes without the override label, and passes with it on the pull request', async () => {
    await writePolicy(LIMITED);
    // The same policy at the base: nothing to show atop the preview.
    world.github.setFiles(OWNER, REPO_NAME, BASE_SHA, { 'imports/policy.yml': LIMITED });

    const without = await plan('pull_request.json');
    expect(without.failed).toBe(true);
    const limit = errorsAt(without);
    expect(limit).toHaveLength(1);
    expect(limit[0]).toMatchObject({
      properties: { title: 'max-changes (column max_changes)', file: 'imports/policy.yml', line: '1' },
      message: expect.stringContaining(
        'This change creates or updates 20 rows (10 people, 10 phones), more than max_changes (3); to go ahead, add the label "large-import" to the pull request',
      ),
    });
    expect(comment()).toContain('max-changes');
    expect(comment()).not.toContain(HEADING);
    expect(orgWrites(world.sandbox.stats().requests.byRoute)).toBe(0);

    // The labeled event: the payload's labels now include large-import.
    const labeled = await plan('pull_request-labeled.json');
    expect(labeled.failed).toBe(false);
    expect(errorsAt(labeled)).toEqual([]);
    expect(labeled.outputs).toMatchObject({ errors: '0', 'people-create': '9', 'phones-create': '10' });
    expect(labeled.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        properties: expect.objectContaining({ title: 'max-changes-overridden (column max_changes)' }),
        message: expect.stringContaining('allowed by the pull request label "large-import"'),
      }),
    );
    const body = comment();
    expect(world.github.commentsOn(OWNER, REPO_NAME, 42)).toHaveLength(1);
    expect(body).toContain('max-changes-overridden');
    expect(body).not.toContain('max-changes (');
    expect(orgWrites(world.sandbox.stats().requests.byRoute)).toBe(0);
  });

  it('shows what the pull request changes in the policy at the top of the comment and the summary, escaped', async () => {
    world.github.setFiles(OWNER, REPO_NAME, BASE_SHA, {
      'imports/policy.yml': 'forbidden_roles:\n  - Master Admin\nmax_changes: 500\n',
      'imports/student-services/batch.yml': 'training_day: 2026-12-01\n',
    });
    // CRLF, as a Windows checkout may write it; the unchanged forbidden_roles is not listed.
    await writePolicy(
      'forbidden_roles:\r\n  - Master Admin\r\nallowed_email_domains:\r\n  - northfield.edu\r\n' +
        'max_changes: 50\r\noverride_label: "@it-admins <large>"\r\n',
    );
    const ran = await plan();
    const body = comment();
    expect(ran.failed).toBe(false);
    const block = [
      HEADING,
      '',
      '> [!IMPORTANT]',
      '> This pull request changes <code>imports/policy.yml</code>, the guardrails every import is checked against; ' +
        'its rows are judged by the policy of <code>main</code> at <code>5c1a0e0</code>. ' +
        'The new policy applies from the next change: review it as closely as the CSVs.',
      '',
      '- allowed\\_email\\_domains added: "northfield.edu"',
      '- max\\_changes: 500 → 50',
      '- override\\_label: not set → `"@it-admins` &lt;large&gt;"',
    ].join('\n');
    // The marker, our reviewed-plan block under it, then the policy block, then the plan.
    expect(body.startsWith(`${PREVIEW_MARKER}\n<!-- gc-onboard:reviewed v1 `)).toBe(true);
    expect(body).toContain(`\n-->\n\n${block}\n\n### gc-onboard plan`);
    expect(body).not.toContain('<large>');
    expect(ran.summary.startsWith(`${block}\n\n### gc-onboard plan`)).toBe(true);
    const [contents] = world.github.requests.filter((r) => r.path.includes('/contents/'));
    expect(decodeURIComponent(contents?.path ?? '')).toBe(
      `/repos/${OWNER}/${REPO_NAME}/contents/imports/policy.yml`,
    );
    expect(contents?.query).toEqual({ ref: BASE_SHA });
  });

  it('says a policy file that the pull request adds is new, also in the offline preview', async () => {
    world.github.setFiles(OWNER, REPO_NAME, BASE_SHA, { 'imports/student-services/batch.yml': 'x: 1\n' });
    await writePolicy('forbidden_roles:\n  - Master Admin\n');
    const ran = await runAction({
      workspace: world.workspace,
      eventName: 'pull_request',
      event: 'pull_request.json',
      inputs: { mode: 'plan' },
      env: { GITHUB_API_URL: world.github.url },
    });
    expect(ran.failed).toBe(false);
    const body = comment();
    expect(body).toContain('No Genesys Cloud credentials were available');
    expect(body.startsWith(`${PREVIEW_MARKER}\n\n${HEADING}\n`)).toBe(true);
    expect(body).toContain('- policy.yml is new\n- forbidden\\_roles added: "Master Admin"');
    expect(ran.summary.startsWith(HEADING)).toBe(true);
    expect(world.sandbox.stats().requests.total).toBe(0);
  });
});

describe('apply under a policy', () => {
  const pullsOfMerge = () =>
    world.github.requests.filter((r) => r.path === `/repos/${OWNER}/${REPO_NAME}/commits/${MERGE_SHA}/pulls`);

  // The same policy before the change as after it: these tests are about labels, not about which policy judges.
  const limitedBefore = () => {
    world.github.setFiles(OWNER, REPO_NAME, BEFORE_SHA, { 'imports/policy.yml': LIMITED });
    world.github.setCommitParents(OWNER, REPO_NAME, MERGE_SHA, [PARENT_SHA]);
    world.github.setFiles(OWNER, REPO_NAME, PARENT_SHA, { 'imports/policy.yml': LIMITED });
  };

  it('refuses above max_changes when the merged pull request has no override label', async () => {
    await writePolicy(LIMITED);
    limitedBefore();
    world.github.setCommitPullRequests(OWNER, REPO_NAME, MERGE_SHA, [
      { number: 42, mergedAt: '2026-11-24T16:20:00Z', labels: ['onboarding'] },
      // Open pull requests that contain the commit do not count.
      { number: 44, labels: ['large-import'] },
    ]);
    const ran = await action('apply', 'push', 'push.json');
    expect(ran.failed).toBe(true);
    expect(ran.stdout).toContain('Labels of the merged pull request #42: onboarding.');
    expect(ran.annotations.at(-1)!.message).toMatch(/^Apply refused: /);
    expect(ran.summary).toContain('max-changes');
    expect(pullsOfMerge()).toHaveLength(1);
    expect(orgWrites(world.sandbox.stats().requests.byRoute)).toBe(0);
  });

  it("applies when the merged pull request's labels include the override label, read from GitHub", async () => {
    await writePolicy(LIMITED);
    limitedBefore();
    world.github.setCommitPullRequests(OWNER, REPO_NAME, MERGE_SHA, [
      { number: 42, mergedAt: '2026-11-24T16:20:00Z', labels: ['onboarding', 'Large-Import'] },
    ]);
    const ran = await action('apply', 'push', 'push.json');
    expect(ran.failed).toBe(false);
    expect(ran.stdout).toContain('Labels of the merged pull request #42: onboarding, Large-Import.');
    expect(pullsOfMerge()).toHaveLength(1);
    expect(ran.outputs).toMatchObject({ 'people-create': '9', 'phones-create': '10', errors: '0' });
    expect(world.sandbox.state().users.some((user) => user.email === 'aisha.rahman@northfield.edu')).toBe(
      true,
    );
  });

  it('applies with no labels on a manual run, and warns when GitHub would not give the labels', async () => {
    await writePolicy(LIMITED);
    limitedBefore();
    const manual = await action('apply', 'workflow_dispatch', 'workflow_dispatch.json');
    expect(manual.failed).toBe(true);
    expect(manual.stdout).toContain(
      "A workflow_dispatch run comes from no pull request: no labels. The policy's max_changes applies without its override_label.",
    );
    expect(manual.annotations.at(-1)!.message).toMatch(/^Apply refused: /);

    world.github.setCommitPullRequests(OWNER, REPO_NAME, MERGE_SHA, [
      { number: 42, mergedAt: '2026-11-24T16:20:00Z', labels: ['large-import'] },
    ]);
    world.github.failRequests({ path: /\/commits\/[^/]+\/pulls$/, status: 403 });
    const denied = await action('apply', 'push', 'push.json');
    expect(denied.failed).toBe(true);
    expect(denied.stdout).toContain('applying as if it had none');
    expect(denied.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        properties: { title: 'Pull request labels' },
        message: expect.stringContaining('`permissions: pull-requests: read`'),
      }),
    );
    expect(world.github.requests.filter((r) => /\/commits\/[^/]+\/pulls$/.test(r.path))).toHaveLength(1);
    expect(orgWrites(world.sandbox.stats().requests.byRoute)).toBe(0);
  });
});
