import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isOurComment,
  startsWithMarker,
  stickyCommentBody,
  truncateBody,
  upsertStickyComment,
} from '../../src/github/comment.js';
import { COMMENT_MAX_CHARS as MAX_COMMENT_LENGTH } from '../../src/render/limits.js';
import { createOctokit } from '../../src/github/octokit.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';

const MARKER = '<!-- gc-onboard:preview -->';
const where = { owner: 'northfield-it', repo: 'gc-onboarding', issueNumber: 42, marker: MARKER };

describe('pure helpers', () => {
  it('startsWithMarker: the marker must open the body, alone on its line', () => {
    expect(startsWithMarker(`${MARKER}\nrest`, MARKER)).toBe(true);
    expect(startsWithMarker(`${MARKER}\r\nrest`, MARKER)).toBe(true);
    expect(startsWithMarker(MARKER, MARKER)).toBe(true);
    // Quoted, indented, after other text, or run into more text: not ours.
    expect(startsWithMarker(`intro\n${MARKER}\nrest`, MARKER)).toBe(false);
    expect(startsWithMarker(`> ${MARKER}\nrest`, MARKER)).toBe(false);
    expect(startsWithMarker(` ${MARKER}\nrest`, MARKER)).toBe(false);
    expect(startsWithMarker(`${MARKER}x\nrest`, MARKER)).toBe(false);
    expect(startsWithMarker('<!-- gc-onboard:other -->', MARKER)).toBe(false);
    expect(startsWithMarker(null, MARKER)).toBe(false);
    expect(startsWithMarker('anything', '')).toBe(false);
  });

  it('isOurComment: exactly the configured login (case aside), never a look-alike without [bot]', () => {
    const by = (login: string) => ({ user: { login }, body: `${MARKER}\npreview` });
    expect(isOurComment(by('github-actions[bot]'), MARKER, 'github-actions[bot]')).toBe(true);
    expect(isOurComment(by('GitHub-Actions[bot]'), MARKER, 'github-actions[bot]')).toBe(true);
    // A human account named like the App (no [bot]) is someone else.
    expect(isOurComment(by('gc-onboard-app'), MARKER, 'gc-onboard-app[bot]')).toBe(false);
    expect(isOurComment(by('github-actions'), MARKER, 'github-actions[bot]')).toBe(false);
    expect(isOurComment(by('github-actions-helper'), MARKER, 'github-actions[bot]')).toBe(false);
    expect(isOurComment({ user: null, body: `${MARKER}\n` }, MARKER, 'github-actions[bot]')).toBe(false);
    expect(
      isOurComment(
        { user: { login: 'github-actions[bot]' }, body: `quote:\n${MARKER}` },
        MARKER,
        'github-actions[bot]',
      ),
    ).toBe(false);
  });

  it('truncateBody leaves a body that fits untouched', () => {
    const body = 'x'.repeat(MAX_COMMENT_LENGTH);
    expect(truncateBody(body)).toBe(body);
  });

  it('truncateBody cuts at a line break, within the limit, with a visible note naming the run', () => {
    const lines = Array.from({ length: 3_000 }, (_, i) => `| row ${i} | create | someone${i}@example.edu |`);
    const body = lines.join('\n');
    expect(body.length).toBeGreaterThan(MAX_COMMENT_LENGTH);
    const cut = truncateBody(body, MAX_COMMENT_LENGTH, 'https://github.com/o/r/actions/runs/9');
    expect(cut.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(cut).toContain('This comment was cut short');
    expect(cut).toContain('[the job summary](https://github.com/o/r/actions/runs/9)');
    const kept = cut.slice(0, cut.indexOf('\n\n---\n'));
    expect(kept.endsWith('|')).toBe(true); // ended on a whole table row
    expect(body.startsWith(kept)).toBe(true);
  });

  it('truncateBody closes a code fence left open so the note is not swallowed', () => {
    const body = `## Errors\n\`\`\`\n${'line of log\n'.repeat(200)}`;
    const cut = truncateBody(body, 1_000);
    expect(cut.length).toBeLessThanOrEqual(1_000);
    expect(cut.match(/^```/gm)?.length).toBe(2);
    expect(cut.indexOf('cut short')).toBeGreaterThan(cut.lastIndexOf('```'));
  });

  it('truncateBody never leaves half of a surrogate pair', () => {
    const body = '😀'.repeat(40_000); // 80,000 UTF-16 code units, no line breaks
    const cut = truncateBody(body);
    expect(cut.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('stickyCommentBody puts the marker first exactly once, and keeps it when truncating', () => {
    expect(stickyCommentBody('hello', MARKER)).toBe(`${MARKER}\nhello`);
    expect(stickyCommentBody(`${MARKER}\nhello`, MARKER)).toBe(`${MARKER}\nhello`);
    const long = stickyCommentBody('y'.repeat(100_000), MARKER);
    expect(long.startsWith(MARKER)).toBe(true);
    expect(long.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
  });
});

describe('upsertStickyComment against a loopback GitHub', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(async () => {
    await github.close();
  });
  const octokit = () => createOctokit('ghs_test', { GITHUB_API_URL: github.url });

  it('creates the comment once, then updates it in place instead of posting another', async () => {
    const first = await upsertStickyComment(octokit(), { ...where, body: '## Preview\n3 people to create' });
    expect(first.action).toBe('created');
    const second = await upsertStickyComment(octokit(), { ...where, body: '## Preview\n4 people to create' });
    expect(second).toMatchObject({ action: 'updated', id: first.id });

    const onPr = github.commentsOn('northfield-it', 'gc-onboarding', 42);
    expect(onPr).toHaveLength(1);
    expect(onPr[0]!.body).toBe(`${MARKER}\n## Preview\n4 people to create`);
    expect(onPr[0]!.user.login).toBe('github-actions[bot]');
    expect(github.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /repos/northfield-it/gc-onboarding/issues/42/comments',
      `PATCH /repos/northfield-it/gc-onboarding/issues/comments/${first.id}`,
    ]);
  });

  it('sends no PATCH when the body is unchanged', async () => {
    const created = await upsertStickyComment(octokit(), { ...where, body: 'same' });
    const again = await upsertStickyComment(octokit(), { ...where, body: 'same' });
    expect(again).toMatchObject({ action: 'unchanged', id: created.id });
    expect(github.writes()).toHaveLength(1);
    expect(github.comments[0]!.updatedAt).toBe(github.comments[0]!.createdAt);
  });

  it('ignores our marker pasted by someone else, and bot comments without it', async () => {
    const pasted = github.seedComment({
      ...where,
      login: 'maria-gonzalez-nc',
      body: `Quoting the bot:\n${MARKER}\nlooks wrong?`,
    });
    github.seedComment({ ...where, login: 'github-actions[bot]', body: 'Coverage report: 91%' });

    const result = await upsertStickyComment(octokit(), { ...where, body: 'preview' });

    expect(result.action).toBe('created');
    expect(result.id).not.toBe(pasted.id);
    expect(pasted.body).toBe(`Quoting the bot:\n${MARKER}\nlooks wrong?`);
    expect(github.writes().map((r) => r.method)).toEqual(['POST']);
    expect(github.commentsOn('northfield-it', 'gc-onboarding', 42)).toHaveLength(3);
  });

  it('pages past 100 comments to find ours and stops at the page that has it', async () => {
    for (let i = 0; i < 130; i++) {
      github.seedComment({ ...where, login: i % 2 ? 'reviewer-one' : 'reviewer-two', body: `comment ${i}` });
    }
    const ours = github.seedComment({
      ...where,
      login: 'github-actions[bot]',
      body: `${MARKER}\nold preview`,
    });
    for (let i = 0; i < 120; i++) github.seedComment({ ...where, login: 'reviewer-one', body: `later ${i}` });

    const result = await upsertStickyComment(octokit(), { ...where, body: 'new preview' });

    expect(result).toMatchObject({ action: 'updated', id: ours.id });
    const listed = github.requests.filter((r) => r.method === 'GET');
    expect(listed.map((r) => [r.query.per_page, r.query.page ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
    ]);
    expect(github.writes().map((r) => r.method)).toEqual(['PATCH']);
  });

  it('pages through every comment when ours is not there, then creates it', async () => {
    for (let i = 0; i < 205; i++)
      github.seedComment({ ...where, login: 'reviewer-one', body: `comment ${i}` });
    const result = await upsertStickyComment(octokit(), { ...where, body: 'preview' });
    expect(result.action).toBe('created');
    expect(github.requests.filter((r) => r.method === 'GET')).toHaveLength(3);
  });

  it('matches a configured GitHub App login exactly, and not github-actions', async () => {
    const app = await startFakeGitHub({ tokens: { ghs_app: 'gc-onboard-app[bot]' } });
    try {
      app.seedComment({ ...where, login: 'github-actions[bot]', body: `${MARKER}\nfrom another workflow` });
      const appComment = app.seedComment({ ...where, login: 'gc-onboard-app[bot]', body: `${MARKER}\nold` });
      const result = await upsertStickyComment(createOctokit('ghs_app', { GITHUB_API_URL: app.url }), {
        ...where,
        body: 'new',
        botLogin: 'gc-onboard-app[bot]',
      });
      expect(result).toEqual({ action: 'updated', id: appComment.id, author: 'gc-onboard-app[bot]' });
    } finally {
      await app.close();
    }
  });

  it('never overwrites another comment of our bot that quotes the marker below its first line', async () => {
    // Every workflow using GITHUB_TOKEN comments as github-actions[bot]: author alone proves nothing.
    const coverage = github.seedComment({
      ...where,
      login: 'github-actions[bot]',
      body: `Coverage bot: the preview said\n> ${MARKER}\n> 3 people to create`,
    });
    const result = await upsertStickyComment(octokit(), { ...where, body: 'preview' });
    expect(result.action).toBe('created');
    expect(coverage.body).toBe(`Coverage bot: the preview said\n> ${MARKER}\n> 3 people to create`);
    expect(github.writes().map((r) => r.method)).toEqual(['POST']);
  });

  it('ignores a forged preview by a user named like our App, and says nothing was "unchanged"', async () => {
    const app = await startFakeGitHub({ tokens: { ghs_app: 'gc-onboard-app[bot]' } });
    try {
      const forged = app.seedComment({ ...where, login: 'gc-onboard-app', body: `${MARKER}\npreview` });
      const result = await upsertStickyComment(createOctokit('ghs_app', { GITHUB_API_URL: app.url }), {
        ...where,
        body: 'preview',
        botLogin: 'gc-onboard-app[bot]',
      });
      expect(result.action).toBe('created');
      expect(result.id).not.toBe(forged.id);
      expect(app.writes().map((r) => r.method)).toEqual(['POST']);
    } finally {
      await app.close();
    }
  });

  it('reports who the token commented as, so a wrong comment-author can be named', async () => {
    const app = await startFakeGitHub({ tokens: { ghs_app: 'gc-onboard-app[bot]' } });
    try {
      const result = await upsertStickyComment(createOctokit('ghs_app', { GITHUB_API_URL: app.url }), {
        ...where,
        body: 'preview',
        botLogin: 'gc-onboard-app',
      });
      expect(result).toMatchObject({ action: 'created', author: 'gc-onboard-app[bot]' });
    } finally {
      await app.close();
    }
  });

  it('the fake rejects an oversized body exactly as GitHub does', async () => {
    const error = await octokit()
      .rest.issues.createComment({
        owner: where.owner,
        repo: where.repo,
        issue_number: 42,
        body: 'z'.repeat(70_000),
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422 });
    expect((error as { response: { data: unknown } }).response.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
    });
  });

  it('truncates an oversized body on create and on update, and GitHub accepts both', async () => {
    const created = await upsertStickyComment(octokit(), {
      ...where,
      body: 'a'.repeat(70_000),
      fullReportUrl: 'https://github.com/northfield-it/gc-onboarding/actions/runs/1',
    });
    expect(created.action).toBe('created');
    const updated = await upsertStickyComment(octokit(), { ...where, body: 'b'.repeat(90_000) });
    expect(updated).toMatchObject({ action: 'updated', id: created.id });

    const writes = github.writes();
    expect(writes.map((r) => [r.method, r.status])).toEqual([
      ['POST', 201],
      ['PATCH', 200],
    ]);
    for (const write of writes) {
      const body = (write.body as { body: string }).body;
      expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
      expect(body.startsWith(MARKER)).toBe(true);
      expect(body).toContain('This comment was cut short');
    }
  });

  it('a truncated body that did not change is left alone', async () => {
    await upsertStickyComment(octokit(), { ...where, body: 'c'.repeat(70_000) });
    const again = await upsertStickyComment(octokit(), { ...where, body: 'c'.repeat(70_000) });
    expect(again.action).toBe('unchanged');
    expect(github.writes()).toHaveLength(1);
  });

  it('explains a 403 from a read-only token (a fork pull request)', async () => {
    const readOnly = await startFakeGitHub({ readOnlyTokens: ['ghs_fork'] });
    try {
      const attempt = upsertStickyComment(createOctokit('ghs_fork', { GITHUB_API_URL: readOnly.url }), {
        ...where,
        body: 'preview',
      });
      await expect(attempt).rejects.toThrow(/permissions: pull-requests: write/);
      expect(readOnly.requests.map((r) => [r.method, r.status])).toEqual([
        ['GET', 200],
        ['POST', 403],
      ]);
    } finally {
      await readOnly.close();
    }
  });

  it('reports a rejected token as a 401', async () => {
    const strict = await startFakeGitHub({ tokens: { ghs_good: 'github-actions[bot]' } });
    try {
      const attempt = upsertStickyComment(createOctokit('ghs_revoked', { GITHUB_API_URL: strict.url }), {
        ...where,
        body: 'preview',
      });
      await expect(attempt).rejects.toThrow(/rejected the token .*401: Bad credentials/);
    } finally {
      await strict.close();
    }
  });
});
