// The labels of a pushed commit's merged pull request and a file at a ref, through the real octokit
// against the loopback fake GitHub (its shapes, paging and errors are GitHub's).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/github/octokit.js';
import { fileAtRef, labelsOfMergedPullRequests, mergedPullRequestsOfCommit } from '../../src/github/pulls.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';

const OWNER = 'northfield-it';
const REPO = 'gc-onboarding';
const SHA = '3b8e1f4a7c0d3e6f9a2b5c8d1e4f7a0b3c6d9e27';
const BASE = '5c1a0e0d4f5b8a3e2c7d9b1f0a6e4c2d8b3a7f19';
const where = { owner: OWNER, repo: REPO };

let github: FakeGitHub;
beforeEach(async () => {
  github = await startFakeGitHub();
});
afterEach(async () => {
  await github.close();
});
const octokit = (token = 'ghs_test') => createOctokit(token, { GITHUB_API_URL: github.url });

describe('labelsOfMergedPullRequests', () => {
  it('keeps the labels of merged pull requests only, each once', async () => {
    github.setCommitPullRequests(OWNER, REPO, SHA, [
      { number: 57, mergedAt: '2026-11-20T15:04:05Z', labels: ['onboarding', 'large-import'] },
      // Still open, or closed without merging: the commit is in it, but it was not merged from it.
      { number: 58, labels: ['large-import', 'do-not-merge'] },
      { number: 59, state: 'closed', labels: ['wontfix'] },
      { number: 60, mergedAt: '2026-11-19T10:00:00Z', labels: ['onboarding', 'urgent'] },
    ]);
    expect(await labelsOfMergedPullRequests(octokit(), { ...where, sha: SHA })).toEqual([
      'onboarding',
      'large-import',
      'urgent',
    ]);
    expect(await mergedPullRequestsOfCommit(octokit(), { ...where, sha: SHA })).toEqual([
      { number: 57, labels: ['onboarding', 'large-import'] },
      { number: 60, labels: ['onboarding', 'urgent'] },
    ]);
    expect(github.requests[0]).toMatchObject({
      method: 'GET',
      path: `/repos/${OWNER}/${REPO}/commits/${SHA}/pulls`,
      query: { per_page: '100' },
      status: 200,
    });
  });

  it('gives no labels for a commit pushed without a pull request', async () => {
    github.setCommitPullRequests(OWNER, REPO, SHA, []);
    expect(await labelsOfMergedPullRequests(octokit(), { ...where, sha: SHA })).toEqual([]);
  });

  it('pages through every associated pull request', async () => {
    const pulls = Array.from({ length: 130 }, (_, i) => ({
      number: i + 1,
      mergedAt: i === 128 ? '2026-11-20T15:04:05Z' : null,
      labels: [`label-${i + 1}`],
    }));
    github.setCommitPullRequests(OWNER, REPO, SHA, pulls);
    expect(await labelsOfMergedPullRequests(octokit(), { ...where, sha: SHA })).toEqual(['label-129']);
    expect(github.requests.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
  });

  it("rejects with GitHub's status when the commit is unknown or the token may not read pull requests", async () => {
    await expect(
      labelsOfMergedPullRequests(octokit(), { ...where, sha: 'f'.repeat(40) }),
    ).rejects.toMatchObject({ status: 422, message: expect.stringContaining('No commit found for SHA') });

    github.setCommitPullRequests(OWNER, REPO, SHA, [{ number: 57, mergedAt: '2026-11-20T15:04:05Z' }]);
    github.failRequests({ path: /\/pulls$/, status: 403, times: 1 });
    await expect(labelsOfMergedPullRequests(octokit(), { ...where, sha: SHA })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    // The failure was for one request only.
    expect(await labelsOfMergedPullRequests(octokit(), { ...where, sha: SHA })).toEqual([]);
  });
});

describe('fileAtRef', () => {
  const policy = '# Guardrails\nforbidden_roles:\n  - Master Admin\nmax_changes: 200\n';

  it('decodes the base64 content GitHub sends in 60-column lines', async () => {
    // Long and with non-ASCII text, so the base64 spans several lines and multi-byte characters.
    const long = `${policy}# ${'Équipe de l’accueil, '.repeat(20)}\n`;
    github.setFiles(OWNER, REPO, BASE, { 'imports/policy.yml': long });
    expect(await fileAtRef(octokit(), { ...where, path: 'imports/policy.yml', ref: BASE })).toBe(long);
    // octokit sends the path's slashes as %2F; GitHub reads them either way.
    const [request] = github.requests;
    expect(decodeURIComponent(request?.path ?? '')).toBe(
      `/repos/${OWNER}/${REPO}/contents/imports/policy.yml`,
    );
    expect(request?.query).toEqual({ ref: BASE });
  });

  it('accepts a path written ./imports/policy.yml or with backslashes', async () => {
    github.setFiles(OWNER, REPO, BASE, { 'data/onboarding/policy.yml': policy });
    for (const path of ['./data/onboarding/policy.yml', 'data\\onboarding\\policy.yml']) {
      expect(await fileAtRef(octokit(), { ...where, path, ref: BASE })).toBe(policy);
    }
  });

  it('gives null when the file is not there at that commit', async () => {
    github.setFiles(OWNER, REPO, BASE, { 'imports/student-services/people.csv': 'name,email\n' });
    expect(await fileAtRef(octokit(), { ...where, path: 'imports/policy.yml', ref: BASE })).toBeNull();
    expect(github.requests[0]?.status).toBe(404);
  });

  it('rejects an unknown ref instead of calling the file absent', async () => {
    github.setFiles(OWNER, REPO, BASE, { 'imports/policy.yml': policy });
    await expect(
      fileAtRef(octokit(), { ...where, path: 'imports/policy.yml', ref: '0'.repeat(40) }),
    ).rejects.toMatchObject({ status: 404, message: expect.stringContaining('No commit found for the ref') });
  });

  it('rejects a folder and a file too large for the contents API', async () => {
    github.setFiles(OWNER, REPO, BASE, {
      'imports/policy.yml/notes.md': 'a folder by that name',
      'imports/huge/policy.yml': `# ${'x'.repeat(1_100_000)}\n`,
    });
    await expect(fileAtRef(octokit(), { ...where, path: 'imports/policy.yml', ref: BASE })).rejects.toThrow(
      'imports/policy.yml at 5c1a0e0d4f5b is a folder, not a file.',
    );
    await expect(
      fileAtRef(octokit(), { ...where, path: 'imports/huge/policy.yml', ref: BASE }),
    ).rejects.toThrow(
      /has 1,100,003 bytes: GitHub's contents API does not return the text of files above 1 MB/,
    );
  });

  it('lets other failures through', async () => {
    github.setFiles(OWNER, REPO, BASE, { 'imports/policy.yml': policy });
    github.failRequests({ method: 'GET', path: /\/contents\//, status: 503 });
    await expect(
      fileAtRef(octokit(), { ...where, path: 'imports/policy.yml', ref: BASE }),
    ).rejects.toMatchObject({ status: 503 });
    const strict = await startFakeGitHub({ tokens: { ghs_good: 'github-actions[bot]' } });
    try {
      strict.setFiles(OWNER, REPO, BASE, { 'imports/policy.yml': policy });
      const bad = createOctokit('ghs_revoked', { GITHUB_API_URL: strict.url });
      await expect(fileAtRef(bad, { ...where, path: 'imports/policy.yml', ref: BASE })).rejects.toMatchObject(
        { status: 401 },
      );
    } finally {
      await strict.close();
    }
  });
});
