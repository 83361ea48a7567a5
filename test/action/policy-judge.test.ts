// Which policy judges a change (issue 15): the one in force before it. A pull request that loosens
// imports/policy.yml is judged by its base's policy, the push that merges it by the policy of the
// commit before the push, a manual apply by the parent of the checked-out commit; the looser rules
// judge from the next change on. In process, against the sandbox and a loopback fake GitHub.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAST_REAL, QUICK_SANDBOX } from '../helpers/sandbox.js';
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

const { base: BASE_SHA, before: BEFORE_SHA, head: HEAD_SHA, parent: PARENT_SHA } = FIXTURE_SHAS;
const POLICY = 'imports/policy.yml';
const PEOPLE = 'imports/student-services/people.csv';
/** Emily Nguyen (people.csv line 6) is the one row granted PureCloud Supervisor. */
const EMILY = 'emily.nguyen@northfield.edu';
const STRICT = 'forbidden_roles:\n  - Master Admin\n  - PureCloud Supervisor\n';
const LOOSE = 'forbidden_roles:\n  - Master Admin\n';

// Real-org behaviours on, their lags shortened: these tests are about which policy judges a change.
const world = useActionWorld({ ...QUICK_SANDBOX, real: FAST_REAL });

const policyFile = () => path.join(world.workspace, 'imports', 'policy.yml');
const writePolicy = (text: string) => writeFile(policyFile(), text);
const action = (mode: string, eventName: string, event: RunRequest['event'], inputs = {}) =>
  runAction({
    workspace: world.workspace,
    eventName,
    event,
    // Apply without a preview to compare: the reviewed plan has its own tests (review.test.ts).
    inputs: {
      mode,
      ...sandboxInputs(world.sandbox.url),
      ...(mode === 'apply' ? { reviewed: 'none-required' } : {}),
      ...inputs,
    },
    env: { GITHUB_API_URL: world.github.url, GITHUB_RUN_ID: '777' },
    options: { apply: { stationFirstPollMs: 50 } },
  });
const preview = () => action('plan', 'pull_request', 'pull_request.json');
const push = (event: string = 'push.json') => action('apply', 'push', event);
const comment = () => world.github.commentsOn(OWNER, REPO_NAME, 42)[0]?.body ?? '';
const annotationsOf = (ran: Awaited<ReturnType<typeof runAction>>, title: string) =>
  ran.annotations.filter((a) => a.properties.title?.startsWith(title));
const userExists = (email: string) => world.sandbox.state().users.some((user) => user.email === email);

describe('a pull request that loosens the policy and uses it at once', () => {
  it('(a) the preview judges its rows by the base branch policy, and says so atop the comment', async () => {
    world.github.setFiles(OWNER, REPO_NAME, BASE_SHA, { [POLICY]: STRICT });
    await writePolicy(LOOSE);
    const ran = await preview();
    expect(ran.failed).toBe(true);
    const [breach, ...more] = annotationsOf(ran, 'policy-role-forbidden');
    expect(more).toEqual([]);
    expect(breach).toMatchObject({
      level: 'error',
      properties: { file: PEOPLE, line: '6' },
      message: `Role "PureCloud Supervisor" may not be granted through imports (forbidden_roles in ${POLICY} of main (5c1a0e0))`,
    });
    expect(ran.stdout).toContain(
      `The rows of this pull request are judged by ${POLICY} of main (5c1a0e0), the policy in force before it.`,
    );
    const body = comment();
    expect(body).toContain('- forbidden\\_roles: removed "PureCloud Supervisor"');
    expect(body).toContain(
      'its rows are judged by the policy of <code>main</code> at <code>5c1a0e0</code>. The new policy applies from the next change',
    );
    expect(body).toContain('policy-role-forbidden');
    expect(orgWrites(world.sandbox.stats().requests.byRoute)).toBe(0);
  });

  it('(b) the push that merges it applies nothing of that row: the policy before the push judges', async () => {
    world.github.setFiles(OWNER, REPO_NAME, BEFORE_SHA, { [POLICY]: STRICT });
    await writePolicy(LOOSE);
    const ran = await push();
    expect(ran.failed).toBe(true);
    expect(ran.stdout).toContain(
      `The rows are judged by ${POLICY} of 0a1b7c4 (the commit before the push), the policy in force before this change.`,
    );
    expect(annotationsOf(ran, 'policy-role-forbidden')).toHaveLength(1);
    expect(userExists(EMILY)).toBe(false);
    // The other new people are created: only the breach (and who reports to Emily) waits.
    expect(userExists('aisha.rahman@northfield.edu')).toBe(true);
  });

  it('(c) the next pull request, with the looser policy on main, is judged by it; so is its push', async () => {
    world.github.setFiles(OWNER, REPO_NAME, BASE_SHA, { [POLICY]: LOOSE });
    world.github.setFiles(OWNER, REPO_NAME, BEFORE_SHA, { [POLICY]: LOOSE });
    await writePolicy(LOOSE);
    const ran = await preview();
    expect(ran.failed).toBe(false);
    expect(annotationsOf(ran, 'policy-')).toEqual([]);
    expect(ran.outputs).toMatchObject({ errors: '0', 'people-create': '9' });
    // The policy did not change in this pull request: no block, no sentence.
    expect(comment()).not.toContain('Policy changes in this pull request');

    const applied = await push();
    expect(applied.failed).toBe(false);
    expect(userExists(EMILY)).toBe(true);
  });

  it('a pull request that deletes the policy is judged by the base policy too', async () => {
    world.github.setFiles(OWNER, REPO_NAME, BASE_SHA, { [POLICY]: STRICT });
    await rm(policyFile(), { force: true });
    const ran = await preview();
    expect(ran.failed).toBe(true);
    expect(annotationsOf(ran, 'policy-role-forbidden')).toHaveLength(1);
    expect(comment()).toContain('policy.yml is deleted');
  });

  it('a pull request that breaks the policy file gets its errors; the base policy still judges the rows', async () => {
    world.github.setFiles(OWNER, REPO_NAME, BASE_SHA, { [POLICY]: STRICT });
    await writePolicy('forbidden_roles: [Master Admin\n');
    const ran = await preview();
    expect(ran.failed).toBe(true);
    expect(annotationsOf(ran, 'invalid-yaml')).toMatchObject([{ properties: { file: POLICY } }]);
    expect(annotationsOf(ran, 'policy-role-forbidden')).toHaveLength(1);
  });

  it('when the base policy cannot be read, the preview says it judges by the pull request policy', async () => {
    // No files set for the base commit: GitHub answers "No commit found for the ref".
    await writePolicy(LOOSE);
    const ran = await preview();
    expect(ran.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        properties: { title: 'Policy' },
        message: expect.stringContaining(
          `so this preview judges the rows by the pull request's own ${POLICY}. Apply judges them by the policy in force before the merge.`,
        ),
      }),
    );
    expect(annotationsOf(ran, 'policy-role-forbidden')).toEqual([]);
  });
});

describe('the policy in force before an apply', () => {
  it('a push that created the branch, or a commit before it without the file: the default policy, said in the log', async () => {
    await writePolicy(STRICT);
    const created = await push('push-created.json');
    expect(created.stdout).toContain(
      'The push created the branch, so no commit is before it: the default policy judges the rows (no rules but max_changes 500).',
    );
    expect(annotationsOf(created, 'policy-role-forbidden')).toEqual([]);
    expect(userExists(EMILY)).toBe(true);

    world.sandbox.reset();
    world.github.setFiles(OWNER, REPO_NAME, BEFORE_SHA, { 'imports/README.md': 'notes\n' });
    const missing = await push();
    expect(missing.stdout).toContain(
      `${POLICY} does not exist at 0a1b7c4 (the commit before the push): the default policy judges the rows`,
    );
    expect(userExists(EMILY)).toBe(true);
  });

  it('applies nothing, before logging in, when GitHub cannot give the policy before the push', async () => {
    await writePolicy(LOOSE);
    world.github.setFiles(OWNER, REPO_NAME, BEFORE_SHA, { [POLICY]: STRICT });
    world.github.failRequests({ path: /\/contents\//, status: 500 });
    const ran = await push();
    expect(ran.failed).toBe(true);
    expect(ran.annotations.at(-1)?.message).toMatch(
      new RegExp(
        `^Cannot read ${POLICY} as it was before this change \\(.*\\), and apply judges the rows only by the policy in force before them. Nothing was changed`,
      ),
    );
    expect(world.sandbox.stats().requests.total).toBe(0);
  });

  it('a manual run is judged by the policy of the parent of the checked-out commit', async () => {
    world.github.setCommitParents(OWNER, REPO_NAME, HEAD_SHA, [PARENT_SHA]);
    world.github.setFiles(OWNER, REPO_NAME, PARENT_SHA, { [POLICY]: STRICT });
    await writePolicy(LOOSE);
    const ran = await action('apply', 'workflow_dispatch', 'workflow_dispatch.json');
    expect(ran.failed).toBe(true);
    expect(ran.stdout).toContain(
      `The rows are judged by ${POLICY} of 7f3c2b1 (the parent of the checked-out commit), the policy in force before this change.`,
    );
    expect(annotationsOf(ran, 'policy-role-forbidden')).toHaveLength(1);
    expect(userExists(EMILY)).toBe(false);
  });

  it('a policy in force that has errors lets no row be written (its fix, writing nothing, passes: test/policy)', async () => {
    world.github.setFiles(OWNER, REPO_NAME, BASE_SHA, { [POLICY]: 'forbidden_roles: [Master Admin\n' });
    await writePolicy(STRICT);
    const ran = await preview();
    expect(ran.failed).toBe(true);
    expect(annotationsOf(ran, 'policy-in-force-invalid')).toMatchObject([
      {
        properties: { file: POLICY, line: '1' },
        message: expect.stringContaining(
          `The policy that judges this change (${POLICY} of main (5c1a0e0)) has an error (line 2: policy.yml is not valid YAML`,
        ),
      },
    ]);
  });
});

describe('allowed_email_domains and phones.csv', () => {
  it('refuses a phone for an existing user of another domain', async () => {
    const policy = 'allowed_email_domains:\n  - northfield.edu\n';
    world.github.setFiles(OWNER, REPO_NAME, BASE_SHA, { [POLICY]: policy });
    await writePolicy(policy);
    // Maria Gonzalez exists in the demo org; her phone row now names a partner's existing account.
    await writeFile(
      path.join(world.workspace, 'imports', 'student-services', 'phones.csv'),
      'phone_name,base_settings,site,email\n,,,aisha.rahman@northfield.edu\nPartner desk,,,other@partner.org\n',
    );
    const ran = await preview();
    expect(annotationsOf(ran, 'policy-email-domain')).toMatchObject([
      {
        properties: { file: 'imports/student-services/phones.csv', line: '3' },
        message: expect.stringContaining('other@partner.org: the domain "partner.org" is not allowed'),
      },
    ]);
  });
});
