// The Action's inputs (action.yml) as one typed, checked value. Reading is separate from checking so
// the check is pure: parseInputs takes the raw strings and the environment and returns the inputs or
// throws an InputError whose message names the input and what it accepts.
import { z } from 'zod';
import { isCalendarDate, isTimeZone } from '../csv/cells.js';

export const MODES = ['validate', 'plan', 'apply', 'invite', 'doctor', 'drift', 'orgs', 'comment'] as const;
export type Mode = (typeof MODES)[number];

/** The Genesys Cloud connection, in the variables of Genesys CX as Code (what resolveConnection reads). */
export interface GenesysEnv {
  GENESYSCLOUD_OAUTHCLIENT_ID?: string;
  GENESYSCLOUD_OAUTHCLIENT_SECRET?: string;
  GENESYSCLOUD_REGION?: string;
  GENESYSCLOUD_API_REGION?: string;
  /** More OAuth clients of the org, `id:secret,id:secret` (connection.ts parses it). */
  GENESYSCLOUD_OAUTHCLIENT_POOL?: string;
  /** Subjects per bulk role grant call: from the environment only (a workflow's `env:`). */
  GC_ONBOARD_ROLE_GRANT_PAGE?: string;
}

export interface ActionInputs {
  mode: Mode;
  /** Folder of the batches, as given (relative to the workspace, the runner's working directory). */
  imports: string;
  /** Each value from its input, else from the GENESYSCLOUD_* environment variable; unset when both are empty. */
  genesys: GenesysEnv;
  /** True when both the client id and the secret are known: the org can be read. */
  hasCredentials: boolean;
  githubToken: string;
  comment: boolean;
  commentAuthor: string;
  /** Unset: the org's time zone (orgs.yml), else UTC. */
  timezone?: string;
  /** orgs.yml: the org this job works on (its batches, settings and comment section). */
  org?: string;
  /** comment: the folder that holds the plan jobs' section files (gc-onboard-preview-<org>.md). */
  sections: string;
  /** invite: YYYY-MM-DD, or undefined for today (or the workflow_dispatch input). */
  date?: string;
  batch?: string;
  force: boolean;
  resultsFile: string;
  planFile: string;
  /** apply: `required` (compare with the merged pull request's preview) or `none-required` (apply the plan as it is). */
  reviewed: 'required' | 'none-required';
  /** drift: fail the step when something drifted or an invitation expired (default: it is a report, exit 0). */
  failOnDrift: boolean;
}

/** An input is missing or not one of its accepted values. main reports it with core.setFailed. */
export class InputError extends Error {
  override name = 'InputError';
}

/** The input names of action.yml, as `getInput` takes them. */
export const INPUT_NAMES = [
  'mode',
  'imports',
  'genesys-client-id',
  'genesys-client-secret',
  'genesys-region',
  'genesys-api-url',
  'genesys-client-pool',
  'github-token',
  'comment',
  'comment-author',
  'timezone',
  'org',
  'sections',
  'date',
  'batch',
  'force',
  'results-file',
  'plan-file',
  'reviewed',
  'fail-on-drift',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

const boolean = (name: InputName) =>
  z
    .string()
    .transform((value) => value.toLowerCase())
    .refine((value) => value === 'true' || value === 'false', {
      message: `The ${name} input must be true or false`,
    })
    .transform((value) => value === 'true');

/** Blank means "not given": action.yml defaults arrive as '' when a workflow passes an empty expression. */
const withDefault = (fallback: string) => z.string().transform((value) => (value === '' ? fallback : value));
const optional = z.string().transform((value) => (value === '' ? undefined : value));

const schema = z.object({
  mode: z.string().refine((value): value is Mode => (MODES as readonly string[]).includes(value), {
    message: 'The mode input must be one of validate, plan, apply, invite, doctor, drift, orgs or comment',
  }),
  imports: withDefault('imports'),
  'github-token': z.string(),
  comment: withDefault('true').pipe(boolean('comment')),
  'comment-author': withDefault('github-actions[bot]'),
  timezone: optional.refine((value) => value === undefined || isTimeZone(value), {
    message: 'The timezone input must be an IANA time zone such as UTC or America/New_York',
  }),
  org: optional,
  sections: withDefault('.'),
  date: optional.refine((value) => value === undefined || isCalendarDate(value), {
    message: 'The date input must be a calendar date written YYYY-MM-DD',
  }),
  batch: optional,
  force: withDefault('false').pipe(boolean('force')),
  'results-file': withDefault('gc-onboard-results.json'),
  'plan-file': withDefault('gc-onboard-plan.json'),
  reviewed: withDefault('required').refine(
    (value): value is 'required' | 'none-required' => value === 'required' || value === 'none-required',
    { message: 'The reviewed input must be required or none-required' },
  ),
  'fail-on-drift': withDefault('false').pipe(boolean('fail-on-drift')),
});

/**
 * Checks the raw input strings (already trimmed, '' when not given) and fills the Genesys connection
 * from `env` where its inputs are empty. Throws InputError with every problem, one sentence each.
 */
export function parseInputs(
  raw: Record<InputName, string>,
  env: Record<string, string | undefined>,
): ActionInputs {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      const value = name in raw ? raw[name as InputName] : '';
      // Say what was given (never for secrets, which are not in this schema).
      return value === '' ? `${issue.message}.` : `${issue.message}, not "${value}".`;
    });
    throw new InputError(problems.join(' '));
  }
  const inputs = parsed.data;
  const fromEnv = (variable: keyof GenesysEnv, value = env[variable]?.trim() || '') =>
    value === '' ? {} : { [variable]: value };
  const pick = (input: InputName, variable: keyof GenesysEnv) => fromEnv(variable, raw[input] || undefined);
  const genesys: GenesysEnv = {
    ...pick('genesys-client-id', 'GENESYSCLOUD_OAUTHCLIENT_ID'),
    ...pick('genesys-client-secret', 'GENESYSCLOUD_OAUTHCLIENT_SECRET'),
    ...pick('genesys-region', 'GENESYSCLOUD_REGION'),
    ...pick('genesys-api-url', 'GENESYSCLOUD_API_REGION'),
    ...pick('genesys-client-pool', 'GENESYSCLOUD_OAUTHCLIENT_POOL'),
    ...fromEnv('GC_ONBOARD_ROLE_GRANT_PAGE'),
  };
  return {
    mode: inputs.mode,
    imports: inputs.imports,
    genesys,
    hasCredentials:
      genesys.GENESYSCLOUD_OAUTHCLIENT_ID !== undefined &&
      genesys.GENESYSCLOUD_OAUTHCLIENT_SECRET !== undefined,
    githubToken: inputs['github-token'],
    comment: inputs.comment,
    commentAuthor: inputs['comment-author'],
    ...(inputs.timezone === undefined ? {} : { timezone: inputs.timezone }),
    ...(inputs.org === undefined ? {} : { org: inputs.org }),
    sections: inputs.sections,
    ...(inputs.date === undefined ? {} : { date: inputs.date }),
    ...(inputs.batch === undefined ? {} : { batch: inputs.batch }),
    force: inputs.force,
    resultsFile: inputs['results-file'],
    planFile: inputs['plan-file'],
    reviewed: inputs.reviewed,
    failOnDrift: inputs['fail-on-drift'],
  };
}

/**
 * Every secret the inputs carry, for the runner to mask before anything can print it: the client
 * secret, and each secret of the pool (the part after each entry's first colon; read loosely, so a
 * pool that will fail to parse is masked too) and the pool's whole value.
 */
export function secretsOf(genesys: GenesysEnv): string[] {
  const pool = genesys.GENESYSCLOUD_OAUTHCLIENT_POOL ?? '';
  const pooled = pool
    .split(',')
    .map((entry) => entry.slice(entry.indexOf(':') + 1).trim())
    .filter((secret) => secret !== '');
  const all = [genesys.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? '', pool, ...pooled];
  return [...new Set(all.filter((secret) => secret !== ''))];
}

/** Reads every input with `getInput` (core.getInput: `INPUT_<NAME>`, trimmed) and checks them. */
export function readInputs(
  getInput: (name: string) => string,
  env: Record<string, string | undefined>,
): ActionInputs {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, getInput(name)])) as Record<
    InputName,
    string
  >;
  return parseInputs(raw, env);
}
