import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_GITHUB_API_URL, createOctokit, githubApiUrl } from '../../src/github/octokit.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';

describe('createOctokit', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await github.close();
  });

  it('reads GITHUB_API_URL when called, not when @actions/github was imported', async () => {
    // @actions/github is already loaded (this file imported it above) while GITHUB_API_URL was unset.
    vi.stubEnv('GITHUB_API_URL', github.url);
    const octokit = createOctokit('ghs_runtime');
    await octokit.rest.issues.listComments({ owner: 'o', repo: 'r', issue_number: 7 });
    expect(github.requests).toHaveLength(1);
    expect(github.requests[0]).toMatchObject({
      method: 'GET',
      path: '/repos/o/r/issues/7/comments',
      authorization: 'token ghs_runtime',
    });
  });

  it('takes the environment as a parameter', async () => {
    const octokit = createOctokit('ghs_param', { GITHUB_API_URL: github.url });
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: 'o',
      repo: 'r',
      pull_number: 1,
    });
    expect(files).toEqual([]);
    expect(github.requests[0]?.path).toBe('/repos/o/r/pulls/1/files');
  });

  it('refuses an empty token with a message that names the input', () => {
    expect(() => createOctokit('  ', { GITHUB_API_URL: github.url })).toThrow(/github-token input/);
  });
});

describe('githubApiUrl', () => {
  it('defaults to api.github.com and ignores a blank value', () => {
    expect(githubApiUrl({})).toBe(DEFAULT_GITHUB_API_URL);
    expect(githubApiUrl({ GITHUB_API_URL: ' ' })).toBe(DEFAULT_GITHUB_API_URL);
    expect(githubApiUrl({ GITHUB_API_URL: 'https://ghe.example.edu/api/v3' })).toBe(
      'https://ghe.example.edu/api/v3',
    );
  });
});

describe('the fake GitHub itself', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(async () => {
    await github.close();
  });
  const get = (path: string, token: string | null = 'ghs_test') =>
    fetch(`${github.url}${path}`, { headers: token ? { authorization: `token ${token}` } : {} });

  it('pages with per_page/page and a GitHub-style Link header', async () => {
    for (let i = 0; i < 7; i++)
      github.seedComment({ owner: 'o', repo: 'r', issueNumber: 1, body: `c${i}`, login: 'someone' });
    const first = await get('/repos/o/r/issues/1/comments?per_page=3');
    expect(((await first.json()) as { body: string }[]).map((c) => c.body)).toEqual(['c0', 'c1', 'c2']);
    expect(first.headers.get('link')).toBe(
      `<${github.url}/repos/o/r/issues/1/comments?per_page=3&page=2>; rel="next", ` +
        `<${github.url}/repos/o/r/issues/1/comments?per_page=3&page=3>; rel="last"`,
    );
    const last = await get('/repos/o/r/issues/1/comments?per_page=3&page=3');
    expect(((await last.json()) as { body: string }[]).map((c) => c.body)).toEqual(['c6']);
    expect(last.headers.get('link')).toBe(
      `<${github.url}/repos/o/r/issues/1/comments?per_page=3&page=2>; rel="prev", ` +
        `<${github.url}/repos/o/r/issues/1/comments?per_page=3&page=1>; rel="first"`,
    );
    const capped = await get('/repos/o/r/issues/1/comments?per_page=500');
    expect(capped.headers.get('link')).toBeNull();
  });

  it('answers 401 without a token and 404 for routes it does not serve, and records both', async () => {
    const anonymous = await get('/repos/o/r/issues/1/comments', null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ message: 'Requires authentication' });
    const unknown = await get('/repos/o/r/pulls/1');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ message: 'Not Found' });
    expect(github.requests.map((r) => r.status)).toEqual([401, 404]);
  });

  it('answers 404 when patching a comment that does not exist', async () => {
    const response = await fetch(`${github.url}/repos/o/r/issues/comments/999`, {
      method: 'PATCH',
      headers: { authorization: 'token ghs_test', 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'x' }),
    });
    expect(response.status).toBe(404);
  });
});
