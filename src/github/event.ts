// What started this run, as one typed value: the event, the repository, the pull request or push,
// the manual inputs. readEventContext is pure; loadEventContext reads GITHUB_EVENT_PATH.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export type EventName = 'pull_request' | 'push' | 'schedule' | 'workflow_dispatch' | 'other';

export interface PullRequestInfo {
  number: number;
  headSha: string;
  baseSha: string;
  headRef: string;
  baseRef: string;
  /** `owner/name` of the repository the head branch lives in; null when that fork was deleted. */
  headRepo: string | null;
  /** The head branch is not in this repository: the run gets no secrets and a read-only token. */
  isFork: boolean;
  /** Label names as the event saw them (one may be the policy's override_label); [] when the payload has none. */
  labels: string[];
}

export interface PushInfo {
  ref: string;
  before: string;
  after: string;
  /** `before` is all zeros: the push created the branch, so there is nothing to compare with. */
  created: boolean;
}

/** workflow_dispatch inputs of the training-day workflow; blank inputs are left out. */
export interface DispatchInputs {
  date?: string;
  batch?: string;
  force: boolean;
}

export interface EventContext {
  eventName: EventName;
  /** GITHUB_EVENT_NAME exactly as given (e.g. `pull_request_target`), for messages. */
  rawEventName: string;
  owner: string;
  repo: string;
  /** GITHUB_SHA, the commit the run checked out. */
  sha: string | null;
  pullRequest: PullRequestInfo | null;
  push: PushInfo | null;
  dispatch: DispatchInputs | null;
  /** The cron line of a `schedule` run. */
  schedule: string | null;
  /** Link to this run's page (and its job summary); null outside Actions. */
  runUrl: string | null;
}

const KNOWN_EVENTS: readonly EventName[] = ['pull_request', 'push', 'schedule', 'workflow_dispatch'];

// Only the fields we use; GitHub's payloads carry many more, so the objects stay loose.
const repoRef = z.looseObject({ full_name: z.string() });
const pullRequestSchema = z.looseObject({
  number: z.number().int().positive(),
  head: z.looseObject({ sha: z.string(), ref: z.string(), repo: repoRef.nullable().optional() }),
  base: z.looseObject({ sha: z.string(), ref: z.string(), repo: repoRef }),
  // Read leniently: a label is information for the policy, never a reason to reject the payload.
  labels: z.array(z.unknown()).nullish(),
});
const pushSchema = z.looseObject({ ref: z.string(), before: z.string(), after: z.string() });
const inputValue = z.union([z.string(), z.boolean(), z.number()]).nullable().optional();
const dispatchSchema = z.looseObject({
  inputs: z.looseObject({ date: inputValue, batch: inputValue, force: inputValue }).nullable().optional(),
});
const payloadSchema = z.looseObject({
  pull_request: z.unknown().optional(),
  repository: z.looseObject({ full_name: z.string() }).optional(),
  schedule: z.string().optional(),
});

/** Turns the runner's environment and the event payload into an EventContext. Throws on a payload that does not fit its event. */
export function readEventContext(env: NodeJS.ProcessEnv, payload: unknown): EventContext {
  const rawEventName = env.GITHUB_EVENT_NAME?.trim() ?? '';
  const eventName = KNOWN_EVENTS.find((name) => name === rawEventName) ?? 'other';
  const top = payloadSchema.safeParse(payload ?? {});
  const topData = top.success ? top.data : {};
  const [owner, repo] = splitRepository(env.GITHUB_REPOSITORY?.trim() || topData.repository?.full_name);

  return {
    eventName,
    rawEventName,
    owner,
    repo,
    sha: env.GITHUB_SHA?.trim() || null,
    // pull_request_target and friends carry a pull_request too; read it whatever the event is.
    pullRequest:
      eventName === 'pull_request' || topData.pull_request !== undefined
        ? readPullRequest(topData.pull_request, rawEventName)
        : null,
    push: eventName === 'push' ? readPush(payload) : null,
    dispatch: eventName === 'workflow_dispatch' ? readDispatch(payload) : null,
    schedule: eventName === 'schedule' ? (topData.schedule ?? null) : null,
    runUrl: runUrl(env),
  };
}

/** Reads and parses the JSON at GITHUB_EVENT_PATH; `{}` when the variable is unset (a local run). */
export async function loadEventPayload(env: NodeJS.ProcessEnv = process.env): Promise<unknown> {
  const path = env.GITHUB_EVENT_PATH?.trim();
  if (!path) return {};
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH (${path}): ${messageOf(error)}`, {
      cause: error,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`The event payload at GITHUB_EVENT_PATH (${path}) is not JSON: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

export async function loadEventContext(env: NodeJS.ProcessEnv = process.env): Promise<EventContext> {
  return readEventContext(env, await loadEventPayload(env));
}

/** `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`, or null without a run id. */
export function runUrl(env: NodeJS.ProcessEnv): string | null {
  const runId = env.GITHUB_RUN_ID?.trim();
  const repository = env.GITHUB_REPOSITORY?.trim();
  if (!runId || !repository) return null;
  const server = (env.GITHUB_SERVER_URL?.trim() || 'https://github.com').replace(/\/+$/, '');
  return `${server}/${repository}/actions/runs/${runId}`;
}

function splitRepository(fullName: string | undefined): [string, string] {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName ?? '');
  if (!match?.[1] || !match[2]) {
    throw new Error(
      'Cannot tell which repository this run is for: GITHUB_REPOSITORY is not set (or not owner/name) ' +
        'and the event payload has no repository.full_name.',
    );
  }
  return [match[1], match[2]];
}

function readPullRequest(value: unknown, rawEventName: string): PullRequestInfo {
  const parsed = pullRequestSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `The ${rawEventName} event payload has no usable pull_request object (${z.prettifyError(parsed.error)}).`,
    );
  }
  const pr = parsed.data;
  const headRepo = pr.head.repo?.full_name ?? null;
  return {
    number: pr.number,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    headRef: pr.head.ref,
    baseRef: pr.base.ref,
    headRepo,
    // Repository names are case-insensitive on GitHub. A deleted head repository can only be a fork.
    isFork: headRepo === null || headRepo.toLowerCase() !== pr.base.repo.full_name.toLowerCase(),
    labels: labelNames(pr.labels ?? []),
  };
}

/** The `name` of each label object, each once, in payload order; entries without a name are skipped. */
export function labelNames(labels: readonly unknown[]): string[] {
  const names = new Set<string>();
  for (const label of labels) {
    const name = (label as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && name.trim() !== '') names.add(name);
  }
  return [...names];
}

function readPush(payload: unknown): PushInfo {
  const parsed = pushSchema.safeParse(payload);
  if (!parsed.success) {
    throw new Error(`The push event payload has no ref/before/after (${z.prettifyError(parsed.error)}).`);
  }
  const { ref, before, after } = parsed.data;
  return { ref, before, after, created: /^0+$/.test(before) };
}

function readDispatch(payload: unknown): DispatchInputs {
  const parsed = dispatchSchema.safeParse(payload ?? {});
  const inputs = parsed.success ? (parsed.data.inputs ?? {}) : {};
  const date = inputText(inputs.date);
  const batch = inputText(inputs.batch);
  // github.event.inputs carries booleans as the strings 'true'/'false'; accept either form.
  const force = inputText(inputs.force)?.toLowerCase() === 'true';
  return { ...(date ? { date } : {}), ...(batch ? { batch } : {}), force };
}

function inputText(value: string | boolean | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
