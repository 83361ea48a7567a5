// The one drift issue against the loopback fake GitHub: only an issue with our label, our marker first
// and our author is ours; an open one wins over a closed one; a closed one is reopened, never doubled.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findDriftIssue, syncDriftIssue, type DriftIssueRequest } from '../../src/github/issue.js';
import { createOctokit } from '../../src/github/octokit.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';

const MARKER = '<!-- gc-onboard:drift -->';
const where = { owner: 'northfield-it', repo: 'gc-onboarding' };
let github: FakeGitHub;

const octokit = (token: string) => createOctokit(token, { GITHUB_API_URL: github.url });
const request = (open: boolean, body = `${MARKER}\nreport`): DriftIssueRequest => ({
  ...where,
  label: 'gc-onboard-drift',
  marker: MARKER,
  title: 'gc-onboard drift',
  open,
  body,
  closeComment: 'Everything matches again.',
  botLogin: 'github-actions[bot]',
});
const human = (body: string, labels = ['gc-onboard-drift']) =>
  octokit('t_human').rest.issues.create({ ...where, title: 'copied', body, labels });

beforeEach(async () => {
  github = await startFakeGitHub({ tokens: { t_bot: 'github-actions[bot]', t_human: 'jordan-admin' } });
});
afterEach(async () => {
  await github.close();
});

describe('syncDriftIssue', () => {
  it('leaves alone an issue by someone else that carries our label and marker', async () => {
    await human(`${MARKER}\nI pasted the report here`);
    const result = await syncDriftIssue(octokit('t_bot'), request(true));
    expect(result).toMatchObject({ action: 'created', number: 102, author: 'github-actions[bot]' });
    expect(github.issues.map((issue) => [issue.number, issue.login, issue.body])).toEqual([
      [101, 'jordan-admin', `${MARKER}\nI pasted the report here`],
      [102, 'github-actions[bot]', `${MARKER}\nreport`],
    ]);
  });

  it('needs the marker first and the label: a quote of the marker, or no label, is not ours', async () => {
    const bot = octokit('t_bot');
    await bot.rest.issues.create({
      ...where,
      title: 'x',
      body: `see ${MARKER}`,
      labels: ['gc-onboard-drift'],
    });
    await bot.rest.issues.create({ ...where, title: 'y', body: `${MARKER}\nold`, labels: [] });
    expect(
      await findDriftIssue(bot, {
        ...where,
        label: 'gc-onboard-drift',
        marker: MARKER,
        botLogin: 'github-actions[bot]',
      }),
    ).toBeNull();
  });

  it('adds the marker when the body lacks it, does nothing when closed and clean, reopens when drift returns', async () => {
    const bot = octokit('t_bot');
    expect(await syncDriftIssue(bot, request(false))).toMatchObject({ action: 'none', number: null });
    const created = await syncDriftIssue(bot, request(true, 'no marker'));
    expect(github.issues[0]?.body).toBe(`${MARKER}\nno marker`);
    expect(await syncDriftIssue(bot, request(false))).toMatchObject({
      action: 'closed',
      number: created.number,
    });
    expect(await syncDriftIssue(bot, request(false))).toMatchObject({
      action: 'none',
      number: created.number,
    });
    expect(await syncDriftIssue(bot, request(true))).toMatchObject({
      action: 'reopened',
      number: created.number,
    });
    expect(github.issues).toHaveLength(1);
    expect(github.commentsOn(where.owner, where.repo, created.number ?? 0).map((c) => c.body)).toEqual([
      'Everything matches again.',
    ]);
  });

  it('a refused write (no issues: write) is the caller’s to report', async () => {
    github.failRequests({ method: 'POST', path: /\/issues$/, status: 403 });
    await expect(syncDriftIssue(octokit('t_bot'), request(true))).rejects.toMatchObject({ status: 403 });
  });
});
