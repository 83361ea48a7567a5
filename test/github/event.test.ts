import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEventContext, loadEventPayload, readEventContext, runUrl } from '../../src/github/event.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/events');

async function fixture(name: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(FIXTURES, name), 'utf8'));
}

function actionsEnv(eventName: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_REPOSITORY: 'northfield-it/gc-onboarding',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '12345678901',
    GITHUB_SHA: 'e8d1c4b7a0f3e6d9c2b5a8f1e4d7c0b3a6f9e2d5',
    ...extra,
  };
}

describe('readEventContext', () => {
  it('reads a same-repository pull_request', async () => {
    const context = readEventContext(actionsEnv('pull_request'), await fixture('pull_request.json'));
    expect(context).toEqual({
      eventName: 'pull_request',
      rawEventName: 'pull_request',
      owner: 'northfield-it',
      repo: 'gc-onboarding',
      sha: 'e8d1c4b7a0f3e6d9c2b5a8f1e4d7c0b3a6f9e2d5',
      pullRequest: {
        number: 42,
        headSha: '9f2b7c4e1a8d3f6b0c5e2a9d7b4f1c8e3a6d0b52',
        baseSha: '5c1a0e0d4f5b8a3e2c7d9b1f0a6e4c2d8b3a7f19',
        headRef: 'student-services-batch',
        baseRef: 'main',
        headRepo: 'northfield-it/gc-onboarding',
        isFork: false,
        labels: ['onboarding'],
      },
      push: null,
      dispatch: null,
      schedule: null,
      runUrl: 'https://github.com/northfield-it/gc-onboarding/actions/runs/12345678901',
    });
  });

  it('reads the label names of a labeled event (the one just added included)', async () => {
    const context = readEventContext(actionsEnv('pull_request'), await fixture('pull_request-labeled.json'));
    expect(context.pullRequest?.labels).toEqual(['onboarding', 'large-import']);
  });

  it('gives no labels when the payload has none, null, or odd entries, and names each label once', async () => {
    const payload = (await fixture('pull_request.json')) as { pull_request: Record<string, unknown> };
    const labelsOf = (labels: unknown) => {
      const copy = structuredClone(payload);
      if (labels === undefined) delete copy.pull_request.labels;
      else copy.pull_request.labels = labels;
      return readEventContext(actionsEnv('pull_request'), copy).pullRequest?.labels;
    };
    expect(labelsOf(undefined)).toEqual([]);
    expect(labelsOf(null)).toEqual([]);
    expect(labelsOf([])).toEqual([]);
    expect(
      labelsOf([{ name: 'Large-Import' }, { id: 1 }, null, 'bare', { name: '' }, { name: 'Large-Import' }]),
    ).toEqual(['Large-Import']);
  });

  it('marks a pull request from a fork', async () => {
    const context = readEventContext(actionsEnv('pull_request'), await fixture('pull_request-fork.json'));
    expect(context.pullRequest).toMatchObject({
      number: 43,
      headRepo: 'jane-contractor/gc-onboarding',
      isFork: true,
      labels: [],
    });
  });

  it('treats a pull request whose head repository was deleted as a fork', async () => {
    const payload = (await fixture('pull_request-fork.json')) as {
      pull_request: { head: { repo: unknown } };
    };
    payload.pull_request.head.repo = null;
    const context = readEventContext(actionsEnv('pull_request'), payload);
    expect(context.pullRequest).toMatchObject({ headRepo: null, isFork: true });
  });

  it('compares repository names without regard to case', async () => {
    const payload = (await fixture('pull_request.json')) as {
      pull_request: { head: { repo: { full_name: string } } };
    };
    payload.pull_request.head.repo.full_name = 'Northfield-IT/GC-Onboarding';
    expect(readEventContext(actionsEnv('pull_request'), payload).pullRequest?.isFork).toBe(false);
  });

  it('reads a push to main', async () => {
    const context = readEventContext(actionsEnv('push'), await fixture('push.json'));
    expect(context.eventName).toBe('push');
    expect(context.pullRequest).toBeNull();
    expect(context.push).toEqual({
      ref: 'refs/heads/main',
      before: '0a1b7c4e1a8d3f6b0c5e2a9d7b4f1c8e3a6d0b52',
      after: '3b8e1f4a7c0d3e6f9a2b5c8d1e4f7a0b3c6d9e27',
      created: false,
    });
  });

  it('flags a push that created the branch (before is all zeros)', async () => {
    const context = readEventContext(actionsEnv('push'), await fixture('push-created.json'));
    expect(context.push?.created).toBe(true);
  });

  it('reads a schedule run, with the full and with the bare payload', async () => {
    const full = readEventContext(actionsEnv('schedule'), await fixture('schedule.json'));
    expect(full).toMatchObject({
      eventName: 'schedule',
      schedule: '17 7 * * *',
      pullRequest: null,
      push: null,
    });
    const bare = readEventContext(actionsEnv('schedule'), { schedule: '17 7 * * *' });
    expect(bare).toMatchObject({ owner: 'northfield-it', repo: 'gc-onboarding', schedule: '17 7 * * *' });
  });

  it('reads workflow_dispatch inputs (booleans arrive as strings)', async () => {
    const context = readEventContext(
      actionsEnv('workflow_dispatch'),
      await fixture('workflow_dispatch.json'),
    );
    expect(context.dispatch).toEqual({ date: '2026-12-01', batch: 'student-services', force: true });
  });

  it('leaves blank dispatch inputs out and reads real booleans too', () => {
    const env = actionsEnv('workflow_dispatch');
    expect(readEventContext(env, { inputs: { date: ' ', batch: '', force: 'false' } }).dispatch).toEqual({
      force: false,
    });
    expect(readEventContext(env, { inputs: { force: true } }).dispatch).toEqual({ force: true });
    expect(readEventContext(env, {}).dispatch).toEqual({ force: false });
  });

  it('calls unknown events "other" but keeps the raw name and any pull request', async () => {
    const context = readEventContext(
      actionsEnv('pull_request_target'),
      await fixture('pull_request-fork.json'),
    );
    expect(context.eventName).toBe('other');
    expect(context.rawEventName).toBe('pull_request_target');
    expect(context.pullRequest?.number).toBe(43);
  });

  it('falls back to the payload repository when GITHUB_REPOSITORY is unset', async () => {
    const env = actionsEnv('push');
    delete env.GITHUB_REPOSITORY;
    const context = readEventContext(env, await fixture('push.json'));
    expect([context.owner, context.repo]).toEqual(['northfield-it', 'gc-onboarding']);
    expect(context.runUrl).toBeNull();
  });

  it('refuses a pull_request event without a pull_request object', () => {
    expect(() => readEventContext(actionsEnv('pull_request'), { action: 'opened' })).toThrow(
      /pull_request event payload has no usable pull_request object/,
    );
  });

  it('refuses when no repository can be found', () => {
    expect(() => readEventContext({ GITHUB_EVENT_NAME: 'schedule' }, { schedule: '17 7 * * *' })).toThrow(
      /GITHUB_REPOSITORY is not set/,
    );
  });
});

describe('runUrl', () => {
  it('uses GITHUB_SERVER_URL (GitHub Enterprise Server) and drops a trailing slash', () => {
    expect(
      runUrl({
        GITHUB_SERVER_URL: 'https://ghe.example.edu/',
        GITHUB_REPOSITORY: 'it/onboard',
        GITHUB_RUN_ID: '7',
      }),
    ).toBe('https://ghe.example.edu/it/onboard/actions/runs/7');
  });
});

describe('loadEventPayload / loadEventContext', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('reads GITHUB_EVENT_PATH', async () => {
    const env = actionsEnv('pull_request', { GITHUB_EVENT_PATH: path.join(FIXTURES, 'pull_request.json') });
    const context = await loadEventContext(env);
    expect(context.pullRequest?.number).toBe(42);
  });

  it('gives {} when GITHUB_EVENT_PATH is unset (a local run)', async () => {
    expect(await loadEventPayload({})).toEqual({});
  });

  it('names the file when it is missing or not JSON', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gc-event-'));
    const missing = path.join(dir, 'missing.json');
    await expect(loadEventPayload({ GITHUB_EVENT_PATH: missing })).rejects.toThrow(missing);
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{"action": ');
    await expect(loadEventPayload({ GITHUB_EVENT_PATH: broken })).rejects.toThrow(/is not JSON/);
  });
});
