// Runs the Action's run() in this process the way the runner would start it: INPUT_* and GITHUB_*
// variables, an event payload file, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files, the workspace as
// the working directory. Captures what it printed (annotations, masks) and what it wrote.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { run, type RunOptions } from '../../src/main.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../helpers/fake-github.js';

/** Commits the event fixtures name: pull_request base.sha (base.ref main), push.json's `before`, the
 * GITHUB_SHA the harness sets (the merge commit a push checks out) and that commit's parent. */
export const FIXTURE_SHAS = {
  base: '5c1a0e0d4f5b8a3e2c7d9b1f0a6e4c2d8b3a7f19',
  before: '0a1b7c4e1a8d3f6b0c5e2a9d7b4f1c8e3a6d0b52',
  head: 'e8d1c4b7a0f3e6d9c2b5a8f1e4d7c0b3a6f9e2d5',
  parent: '7f3c2b1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b',
} as const;

export const REPO = path.resolve(import.meta.dirname, '../..');
export const DEMO = path.join(REPO, 'src/sandbox/demo');
export const EVENTS = path.join(REPO, 'test/fixtures/events');
export const OWNER = 'northfield-it';
export const REPO_NAME = 'gc-onboarding';
export const INVITE_ROUTE = 'POST /api/v2/users/{id}/invite';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  properties: Record<string, string>;
  message: string;
}

export interface Ran {
  /** process.exitCode after the run: 1 when core.setFailed was called. */
  failed: boolean;
  stdout: string;
  annotations: Annotation[];
  /** Outputs written to GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** What this run appended to the job summary. */
  summary: string;
}

/** A temporary workspace holding `imports/` (a copy of the demo batch unless `empty`). */
export async function makeWorkspace(options: { empty?: boolean } = {}): Promise<string> {
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-action-'));
  await mkdir(path.join(workspace, 'imports', 'templates'), { recursive: true });
  if (!options.empty) await cp(DEMO, path.join(workspace, 'imports'), { recursive: true });
  return workspace;
}

export async function removeWorkspace(workspace: string): Promise<void> {
  await rm(workspace, { recursive: true, force: true });
}

/** `::error title=…,file=…::message` lines, decoded as @actions/core encodes them. */
export function parseAnnotations(stdout: string): Annotation[] {
  const unescape = (text: string) =>
    text
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%');
  const annotations: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
    }
    annotations.push({
      level: match[1] as Annotation['level'],
      properties,
      message: unescape(match[3] ?? ''),
    });
  }
  return annotations;
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const block = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm;
  for (const match of text.matchAll(block)) outputs[match[1]!] = match[3]!;
  return outputs;
}

export interface RunRequest {
  workspace: string;
  /** Input name (as in action.yml) → value. */
  inputs: Record<string, string>;
  eventName: string;
  /** Fixture file name under test/fixtures/events, or a payload object. */
  event: string | object;
  /** Extra environment (GITHUB_API_URL, GENESYSCLOUD_*). */
  env?: Record<string, string>;
  now?: Date;
  options?: RunOptions;
}

const CLEARED = [
  'GENESYSCLOUD_OAUTHCLIENT_ID',
  'GENESYSCLOUD_OAUTHCLIENT_SECRET',
  'GENESYSCLOUD_REGION',
  'GENESYSCLOUD_API_REGION',
  'GITHUB_RUN_ID',
  'RUNNER_DEBUG',
];

let runs = 0;

export async function runAction(request: RunRequest): Promise<Ran> {
  const { workspace } = request;
  const id = ++runs;
  const eventPath =
    typeof request.event === 'string'
      ? path.join(EVENTS, request.event)
      : path.join(workspace, `event-${id}.json`);
  if (typeof request.event !== 'string') await writeFile(eventPath, JSON.stringify(request.event));
  const summaryFile = path.join(workspace, `summary-${id}.md`);
  const outputFile = path.join(workspace, `output-${id}.txt`);
  await writeFile(summaryFile, '');
  await writeFile(outputFile, '');

  for (const name of CLEARED) vi.stubEnv(name, '');
  // Every input of action.yml arrives, as on a runner (empty when the workflow leaves it out).
  for (const [name, value] of Object.entries({ ...DEFAULT_INPUTS, ...request.inputs })) {
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
  }
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: request.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${OWNER}/${REPO_NAME}`,
    GITHUB_SHA: FIXTURE_SHAS.head,
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_SERVER_URL: 'https://github.com',
    ...request.env,
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);

  let stdout = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const cwd = process.cwd();
  process.chdir(workspace);
  process.exitCode = undefined;
  try {
    const now = request.now ?? new Date('2026-11-25T12:00:00Z');
    await run({ now: () => now, ...request.options });
  } finally {
    process.chdir(cwd);
    write.mockRestore();
    vi.unstubAllEnvs();
  }
  const failed = process.exitCode === 1;
  process.exitCode = undefined;
  return {
    failed,
    stdout,
    annotations: parseAnnotations(stdout),
    outputs: parseOutputs(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
  };
}

const DEFAULT_INPUTS: Record<string, string> = {
  mode: '',
  imports: 'imports',
  'genesys-client-id': '',
  'genesys-client-secret': '',
  'genesys-region': '',
  'genesys-api-url': '',
  'github-token': 'ghs_test_token',
  comment: 'true',
  'comment-author': 'github-actions[bot]',
  // As action.yml: blank means the org's time zone (orgs.yml), else UTC.
  timezone: '',
  org: '',
  sections: '.',
  date: '',
  batch: '',
  force: 'false',
  'results-file': 'gc-onboard-results.json',
  'plan-file': 'gc-onboard-plan.json',
};

/** The sandbox as the Genesys inputs point at it. */
export const sandboxInputs = (url: string) => ({
  'genesys-client-id': 'sandbox',
  'genesys-client-secret': 'sandbox',
  'genesys-api-url': url,
});

/** Writes outside GET, the token and the user search (a read that is a POST). */
export function orgWrites(byRoute: Record<string, number>): number {
  return Object.entries(byRoute)
    .filter(
      ([route]) =>
        !route.startsWith('GET ') && route !== 'POST /oauth/token' && route !== 'POST /api/v2/users/search',
    )
    .reduce((sum, [, count]) => sum + count, 0);
}

/** What an Action test runs against: a sandbox org, a fake GitHub API and a team's workspace. */
export interface ActionWorld {
  sandbox: Sandbox;
  github: FakeGitHub;
  workspace: string;
}

/**
 * Registers the hooks every Action suite shares: one sandbox for the file (started once, reset
 * before each test), and a fresh fake GitHub and workspace (a copy of the demo batch) per test. The
 * fields are set once the hooks have run, so read them inside tests and hooks, not at load time.
 */
export function useActionWorld(
  sandboxOptions: SandboxOptions,
  githubOptions: FakeGitHubOptions = {},
): ActionWorld {
  const world = {} as ActionWorld;
  beforeAll(async () => {
    world.sandbox = await startSandbox(sandboxOptions);
  });
  afterAll(async () => {
    await world.sandbox.close();
  });
  beforeEach(async () => {
    world.sandbox.reset();
    world.github = await startFakeGitHub(githubOptions);
    world.workspace = await makeWorkspace();
  });
  afterEach(async () => {
    await world.github.close();
    await removeWorkspace(world.workspace);
  });
  return world;
}
