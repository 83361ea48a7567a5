// The one way this project builds a GitHub REST client.
import { getOctokit } from '@actions/github';

export type Octokit = ReturnType<typeof getOctokit>;

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/** The REST API root for this run: `GITHUB_API_URL` (set by the runner, and on GHES) or github.com. */
export function githubApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_API_URL?.trim() || DEFAULT_GITHUB_API_URL;
}

/**
 * An octokit (REST methods + paginate) for `token`. The base URL is read from `env` now, at call
 * time: @actions/github reads GITHUB_API_URL once when first imported, which is too early for
 * local-action (it loads .env after its imports) and for tests that start a fake server later.
 */
export function createOctokit(token: string, env: NodeJS.ProcessEnv = process.env): Octokit {
  if (token.trim() === '') {
    throw new Error('No GitHub token: set the github-token input (its default is ${{ github.token }}).');
  }
  return getOctokit(token, { baseUrl: githubApiUrl(env) });
}
