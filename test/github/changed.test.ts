import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  batchOfPath,
  batchesOfFiles,
  changedBatchesInPullRequest,
  changedBatchesInPush,
} from '../../src/github/changed.js';
import { createOctokit } from '../../src/github/octokit.js';
import { startFakeGitHub, type FakeFile, type FakeGitHub } from '../helpers/fake-github.js';

const OWNER = 'northfield-it';
const REPO = 'gc-onboarding';
const BEFORE = '0a1b7c4e1a8d3f6b0c5e2a9d7b4f1c8e3a6d0b52';
const AFTER = '3b8e1f4a7c0d3e6f9a2b5c8d1e4f7a0b3c6d9e27';

describe('batchOfPath', () => {
  it.each([
    ['imports/student-services/people.csv', 'student-services'],
    ['imports/student-services/batch.yml', 'student-services'],
    ['./imports/admissions/phones.csv', 'admissions'],
    ['imports/templates/people.csv', null],
    ['imports/_draft-history/people.csv', null],
    ['imports/.hidden/people.csv', null],
    ['imports/policy.yml', null],
    ['imports/README.md', null],
    ['imports/admissions/old/people.csv', null],
    ['src/imports/admissions/people.csv', null],
    ['importsx/admissions/people.csv', null],
  ])('%s → %s', (file, batch) => {
    expect(batchOfPath(file)).toBe(batch);
  });

  it('honours another imports folder, given with ./ or a trailing slash', () => {
    expect(batchOfPath('data/onboarding/finance/people.csv', './data/onboarding/')).toBe('finance');
    expect(batchOfPath('imports/finance/people.csv', 'data/onboarding')).toBeNull();
  });
});

describe('batchesOfFiles', () => {
  it('sorts, dedupes, and skips batches whose files were only removed', () => {
    const files: FakeFile[] = [
      { filename: 'imports/b/people.csv', status: 'modified' },
      { filename: 'imports/a/phones.csv', status: 'added' },
      { filename: 'imports/b/phones.csv', status: 'added' },
      { filename: 'imports/gone/people.csv', status: 'removed' },
      {
        filename: 'imports/renamed-to/people.csv',
        status: 'renamed',
        previous_filename: 'imports/renamed-from/people.csv',
      },
    ];
    expect(batchesOfFiles(files)).toEqual(['a', 'b', 'renamed-to']);
  });
});

describe('changed batches from the GitHub API', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(async () => {
    await github.close();
  });
  const octokit = () => createOctokit('ghs_test', { GITHUB_API_URL: github.url });

  it('pages through all files of a pull request', async () => {
    const files: FakeFile[] = Array.from({ length: 230 }, (_, i) => ({
      filename: `src/file-${i}.ts`,
      status: 'modified',
    }));
    files.push(
      { filename: 'imports/templates/people.csv', status: 'modified' },
      { filename: 'imports/_parked/people.csv', status: 'added' },
      { filename: 'imports/student-services/people.csv', status: 'added' },
    );
    files.splice(5, 0, { filename: 'imports/admissions/batch.yml', status: 'modified' });
    github.setPullRequestFiles(OWNER, REPO, 42, files);

    const changed = await changedBatchesInPullRequest(octokit(), {
      owner: OWNER,
      repo: REPO,
      pullNumber: 42,
    });

    expect(changed).toEqual({ batches: ['admissions', 'student-services'], complete: true });
    const pages = github.requests.map(
      (r) => `${r.path}?page=${r.query.page ?? '1'}&per_page=${r.query.per_page}`,
    );
    expect(pages).toEqual([
      `/repos/${OWNER}/${REPO}/pulls/42/files?page=1&per_page=100`,
      `/repos/${OWNER}/${REPO}/pulls/42/files?page=2&per_page=100`,
      `/repos/${OWNER}/${REPO}/pulls/42/files?page=3&per_page=100`,
    ]);
  });

  it('reads a push from the compare API', async () => {
    github.setCompare(OWNER, REPO, `${BEFORE}...${AFTER}`, [
      { filename: 'imports/student-services/people.csv', status: 'modified' },
      { filename: 'imports/student-services/phones.csv', status: 'added' },
      { filename: 'README.md', status: 'modified' },
    ]);
    const changed = await changedBatchesInPush(octokit(), {
      owner: OWNER,
      repo: REPO,
      before: BEFORE,
      after: AFTER,
    });
    expect(changed).toEqual({ batches: ['student-services'], complete: true });
    expect(github.requests.map((r) => r.path)).toEqual([
      `/repos/${OWNER}/${REPO}/compare/${BEFORE}...${AFTER}`,
    ]);
  });

  it('says the list is incomplete when the compare API may have cut it at 300 files', async () => {
    const files: FakeFile[] = Array.from({ length: 320 }, (_, i) => ({
      filename: `imports/batch-${String(i).padStart(3, '0')}/people.csv`,
      status: 'added',
    }));
    github.setCompare(OWNER, REPO, `${BEFORE}...${AFTER}`, files);
    const changed = await changedBatchesInPush(octokit(), {
      owner: OWNER,
      repo: REPO,
      before: BEFORE,
      after: AFTER,
    });
    expect(changed.complete).toBe(false);
    expect(changed.batches).toHaveLength(300);
    expect(changed.reason).toMatch(/300 or more files/);
  });

  it('does not ask GitHub when the push created the branch', async () => {
    const changed = await changedBatchesInPush(octokit(), {
      owner: OWNER,
      repo: REPO,
      before: '0'.repeat(40),
      after: AFTER,
    });
    expect(changed).toMatchObject({ batches: [], complete: false });
    expect(github.requests).toHaveLength(0);
  });

  it('falls back (incomplete) when GitHub cannot compare, e.g. after a force-push', async () => {
    const changed = await changedBatchesInPush(octokit(), {
      owner: OWNER,
      repo: REPO,
      before: BEFORE,
      after: AFTER,
    });
    expect(changed).toMatchObject({ batches: [], complete: false });
    expect(changed.reason).toMatch(/cannot compare .*\(404\)/);
  });

  it('lets other failures through (a rejected token is not "nothing changed")', async () => {
    const strict = await startFakeGitHub({ tokens: { ghs_good: 'github-actions[bot]' } });
    try {
      const attempt = changedBatchesInPush(createOctokit('ghs_revoked', { GITHUB_API_URL: strict.url }), {
        owner: OWNER,
        repo: REPO,
        before: BEFORE,
        after: AFTER,
      });
      await expect(attempt).rejects.toMatchObject({ status: 401 });
    } finally {
      await strict.close();
    }
  });
});
