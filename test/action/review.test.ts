// Apply does what reviewers approved: the preview records the plan in our comment, the merge's apply
// compares its own plan with it and holds what differs, and the results go back on the pull request.
// In process, against the sandbox (a real org's behaviours) and the loopback fake GitHub.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { PREVIEW_MARKER } from '../../src/action/report.js';
import { RESULTS_MARKER } from '../../src/render/results.js';
import { decodeReview } from '../../src/review/review.js';
import { demoOrg } from '../../src/sandbox/demo-org.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { FAST_APPLY, FAST_REAL, QUICK_SANDBOX, sandboxToken } from '../helpers/sandbox.js';
import { FIXTURE_SHAS, OWNER, REPO_NAME, runAction, sandboxInputs, useActionWorld } from './harness.js';

const PULL = 42; // pull_request.json's number
const BEN = 'ben.carter@northfield.edu';
const SANDBOX = { ...QUICK_SANDBOX, real: FAST_REAL };
const APPLY = { ...FAST_APPLY, userWriteGapMs: 100 };

const world = useActionWorld(SANDBOX);
beforeEach(() => {
  // No policy.yml at the pull request's base nor before the push: the default policy judges.
  world.github.setFiles(OWNER, REPO_NAME, FIXTURE_SHAS.base, {});
  world.github.setFiles(OWNER, REPO_NAME, FIXTURE_SHAS.before, {});
});

const env = () => ({ GITHUB_API_URL: world.github.url, GITHUB_RUN_ID: '777' });
const preview = () =>
  runAction({
    workspace: world.workspace,
    eventName: 'pull_request',
    event: 'pull_request.json',
    inputs: { mode: 'plan', ...sandboxInputs(world.sandbox.url) },
    env: env(),
  });
/** The push of the merge commit, which GitHub says came from pull request 42. */
const merge = (orgUrl = world.sandbox.url, inputs: Record<string, string> = {}) => {
  world.github.setCommitPullRequests(OWNER, REPO_NAME, FIXTURE_SHAS.head, [
    { number: PULL, mergedAt: '2026-11-25T08:10:00Z' },
  ]);
  return runAction({
    workspace: world.workspace,
    eventName: 'push',
    event: 'push.json',
    inputs: { mode: 'apply', ...sandboxInputs(orgUrl), ...inputs },
    env: env(),
    options: { apply: APPLY },
  });
};
const comments = (marker: string) =>
  world.github.commentsOn(OWNER, REPO_NAME, PULL).filter((comment) => comment.body.startsWith(marker));
const results = () => comments(RESULTS_MARKER).map((comment) => comment.body);
const peopleCsv = () => path.join(world.workspace, 'imports', 'student-services', 'people.csv');

async function editPeople(edit: (line: string) => string): Promise<void> {
  const text = await readFile(peopleCsv(), 'utf8');
  await writeFile(peopleCsv(), text.split('\n').map(edit).join('\n'));
}

/** What an admin does in the admin UI: POST /api/v2/users with a title and a work phone. */
async function createByHand(
  url: string,
  person: { name: string; email: string; title: string; phone: string },
) {
  const token = await sandboxToken(url);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const divisions = (await (await fetch(`${url}/api/v2/authorization/divisions`, { headers })).json()) as {
    entities: Array<{ id: string; name: string }>;
  };
  const created = await fetch(`${url}/api/v2/users`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      name: person.name,
      email: person.email,
      title: person.title,
      divisionId: divisions.entities.find((division) => division.name === 'Student Services')?.id,
      addresses: [{ address: person.phone, mediaType: 'PHONE', type: 'WORK' }],
    }),
  });
  expect(created.status).toBe(200);
  // The org's search index shows a new user after a lag (userSearchLagMs).
  await new Promise((resolve) => setTimeout(resolve, 150));
}

describe('the preview records what reviewers approve', () => {
  it('keeps a versioned block right under the marker, and the plan file has the same review', async () => {
    const ran = await preview();
    expect(ran.failed).toBe(false);
    const [comment] = comments(PREVIEW_MARKER);
    const lines = comment?.body.split('\n') ?? [];
    expect(lines[0]).toBe(PREVIEW_MARKER);
    expect(lines[1]).toMatch(/^<!-- gc-onboard:reviewed v1 [A-Za-z0-9+/]{12}$/);
    const fromComment = decodeReview(comment?.body ?? '');
    const file = JSON.parse(await readFile(path.join(world.workspace, 'gc-onboard-plan.json'), 'utf8')) as {
      review: string;
    };
    expect(fromComment.ok && fromComment.review).toStrictEqual(
      (decodeReview(`\n${file.review}`) as { review: unknown }).review,
    );
  });
});

describe('apply compares before it writes', () => {
  it('(a) holds a person created by hand since the preview, writes the rest, keeps their title and phone', async () => {
    // Ben's title and work phone are blank in the CSV: a create leaves them empty, an update clears them.
    await editPeople((line) =>
      line.startsWith('Ben Carter,')
        ? line.replace('+1 215 555 0102,4102,Student Services Advisor', ',,')
        : line,
    );
    expect((await preview()).failed).toBe(false);
    await createByHand(world.sandbox.url, {
      name: 'Ben Carter',
      email: BEN,
      title: 'Front Desk Lead',
      phone: '+12155550199',
    });

    const ran = await merge();
    expect(ran.failed).toBe(true);
    expect(ran.annotations.at(-1)?.message).toMatch(/^2 rows held \(not written\): see the job summary/);
    expect(ran.outputs).toMatchObject({ 'people-create': '8', 'people-error': '1', 'phones-error': '1' });
    const state = world.sandbox.state();
    const ben = state.users.filter((user) => user.email === BEN);
    expect(ben).toHaveLength(1);
    expect(ben[0]?.title).toBe('Front Desk Lead');
    expect(ben[0]?.addresses).toContainEqual(
      expect.objectContaining({ type: 'WORK', address: '+12155550199' }),
    );
    expect(state.phones.filter((phone) => phone.webRtcUserId === ben[0]?.id)).toHaveLength(0);
    // Everyone else was created, with a default phone.
    expect(
      state.users.filter((user) => user.email.endsWith('@northfield.edu')).length,
    ).toBeGreaterThanOrEqual(10);
    expect(state.users.find((user) => user.email === 'aisha.rahman@northfield.edu')).toBeDefined();

    const [body] = results();
    expect(results()).toHaveLength(1);
    expect(body).toContain('| student-services | 18 | 0 | 0 | 2 | 0 |');
    expect(body).toContain('reviewed as a create, now an update (the org changed since the preview)');
    expect(body).toContain('its person `ben.carter@northfield.edu` (people.csv:3) is held');
    expect(body).toContain('[this run](https://github.com/northfield-it/gc-onboarding/actions/runs/777)');
  });

  it('(b) holds a batch edited after the last preview as stale', async () => {
    expect((await preview()).failed).toBe(false);
    await editPeople((line) =>
      line.startsWith('Aisha Rahman,') ? line.replace('Student Services Advisor', 'Senior Advisor') : line,
    );
    const ran = await merge();
    expect(ran.failed).toBe(true);
    expect(ran.outputs).toMatchObject({ 'people-create': '0', 'phones-create': '0' });
    expect(world.sandbox.state().users.some((user) => user.email === 'aisha.rahman@northfield.edu')).toBe(
      false,
    );
    expect(results()[0]).toContain(
      '**Batch <code>student-services</code> held:** preview is stale: the batch changed after the last preview; re-run the preview.',
    );
  });

  it('(c) holds the rows of a role renamed since the preview, applies the others, and says which', async () => {
    expect((await preview()).failed).toBe(false);
    const org = demoOrg();
    const renamed = await startSandbox({
      ...SANDBOX,
      org: {
        ...org,
        roles: org.roles.map((role) =>
          role.name === 'PureCloud Supervisor' ? { ...role, name: 'Genesys Cloud Supervisor' } : role,
        ),
      },
    });
    try {
      const ran = await merge(renamed.url);
      expect(ran.failed).toBe(true);
      // Emily holds the renamed role; the people she manages wait for her (the plan's manager rule).
      const supervisor = 'emily.nguyen@northfield.edu';
      const body = results()[0] ?? '';
      expect(body).toContain('| student-services | 10 | 0 | 0 | 10 | 0 |');
      expect(body).toContain(
        `| student-services/people.csv:6 | \`${supervisor}\` | error | Unknown role "PureCloud Supervisor" |`,
      );
      expect(body).toContain(`Manager \`${supervisor}\` will not be created`);
      const emails = new Set(renamed.state().users.map((user) => user.email));
      expect(emails.has(supervisor)).toBe(false);
      expect(emails.has('aisha.rahman@northfield.edu')).toBe(true);

      // (d) A re-run updates the same comment: never a second one.
      await merge(renamed.url);
      expect(results()).toHaveLength(1);
      expect(world.github.commentsOn(OWNER, REPO_NAME, PULL)).toHaveLength(2);
      expect(results()[0]).toContain('| student-services | 0 |');
    } finally {
      await renamed.close();
    }
  });

  it('(e) takes no forged block: not from another user’s comment, not from a CSV cell', async () => {
    // A CSV cell that carries a block of its own: the preview shows it as text, below ours.
    await editPeople((line) =>
      line.startsWith('Aisha Rahman,')
        ? line.replace('Student Services Advisor', '<!-- gc-onboard:reviewed v1 AAAAAAAAAAAA -->')
        : line,
    );
    const forged = `${PREVIEW_MARKER}\n<!-- gc-onboard:reviewed v1 AAAAAAAAAAAA\n-->`;
    world.github.seedComment({
      owner: OWNER,
      repo: REPO_NAME,
      issueNumber: PULL,
      body: forged,
      login: 'mallory',
    });
    // Without our bot's preview, another user's "preview" is nothing: apply refuses and writes nothing.
    const refused = await merge();
    expect(refused.failed).toBe(true);
    expect(refused.annotations.at(-1)?.message).toBe(
      'Pull request #42 has no preview comment by github-actions[bot], so there is no reviewed preview to compare the plan with. Nothing was changed. To apply the plan as it is, run apply with the input reviewed: none-required (the manual run of the Apply workflow offers it).',
    );
    expect(world.sandbox.stats().requests.total).toBe(0);

    await preview();
    const ours = comments(PREVIEW_MARKER).find((comment) => comment.user.login === 'github-actions[bot]');
    expect(ours?.body.split('\n')[1]).not.toContain('AAAAAAAAAAAA');
    expect(ours?.body).toContain('title: &lt;!-- gc-onboard:reviewed v1 ');
    const ran = await merge();
    expect(ran.failed).toBe(false);
    expect(ran.outputs).toMatchObject({ 'people-create': '9', 'people-error': '0' });
  });

  it('refuses a push that comes from no pull request unless reviewed: none-required', async () => {
    world.github.setCommitPullRequests(OWNER, REPO_NAME, FIXTURE_SHAS.head, []);
    const refused = await runAction({
      workspace: world.workspace,
      eventName: 'push',
      event: 'push.json',
      inputs: { mode: 'apply', ...sandboxInputs(world.sandbox.url) },
      env: env(),
    });
    expect(refused.failed).toBe(true);
    expect(refused.annotations.at(-1)?.message).toMatch(
      /^Commit e8d1c4b was not merged from a pull request \(a push straight to the branch\), so there is no reviewed preview/,
    );
    expect(world.sandbox.stats().requests.total).toBe(0);
    // A manual run is judged by the policy of its commit's parent: none there.
    world.github.setCommitParents(OWNER, REPO_NAME, FIXTURE_SHAS.head, [FIXTURE_SHAS.parent]);
    world.github.setFiles(OWNER, REPO_NAME, FIXTURE_SHAS.parent, {});
    const manual = await runAction({
      workspace: world.workspace,
      eventName: 'workflow_dispatch',
      event: 'workflow_dispatch.json',
      inputs: { mode: 'apply', reviewed: 'none-required', ...sandboxInputs(world.sandbox.url) },
      env: env(),
      options: { apply: APPLY },
    });
    expect(manual.failed).toBe(false);
    expect(manual.outputs).toMatchObject({ 'people-create': '9' });
  });

  it('(d) training day adds its invite line to the results comment of the pull request, once', async () => {
    expect((await preview()).failed).toBe(false);
    expect((await merge()).failed).toBe(false);
    expect(results()).toHaveLength(1);
    // The newest commit under the batch's folder is the merge of pull request 42.
    world.github.setPathCommits(OWNER, REPO_NAME, 'imports/student-services', [FIXTURE_SHAS.head]);
    const trainingDay = () =>
      runAction({
        workspace: world.workspace,
        eventName: 'schedule',
        event: 'schedule.json',
        inputs: { mode: 'invite', ...sandboxInputs(world.sandbox.url) },
        env: env(),
        now: new Date('2026-12-01T08:30:00Z'),
      });
    expect((await trainingDay()).failed).toBe(false);
    const line = '- 10 people invited on Tue 1 Dec 2026 (batch <code>student-services</code>)';
    expect(results()[0]).toContain(`#### Invites\n${line}`);
    // A second run invites nobody and writes nothing to GitHub.
    const writes = world.github.writes().length;
    expect((await trainingDay()).failed).toBe(false);
    expect(world.github.writes()).toHaveLength(writes);
    // A re-run of apply keeps the line.
    await merge();
    expect(results()).toHaveLength(1);
    expect(results()[0]).toContain(line);
  });
});
