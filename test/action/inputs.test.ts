// The inputs of action.yml as a typed value: defaults, the GENESYSCLOUD_* fallback, and one clear
// sentence per invalid input.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES, InputError, parseInputs, type InputName } from '../../src/action/inputs.js';
import { REPO } from './harness.js';

/** What the runner passes when a workflow gives only `mode`: action.yml's defaults (github-token expanded). */
const defaults: Record<InputName, string> = {
  mode: 'plan',
  imports: 'imports',
  'genesys-client-id': '',
  'genesys-client-secret': '',
  'genesys-region': '',
  'genesys-api-url': '',
  'genesys-client-pool': '',
  'github-token': 'ghs_x',
  comment: 'true',
  'comment-author': 'github-actions[bot]',
  timezone: '',
  org: '',
  sections: '.',
  date: '',
  batch: '',
  force: 'false',
  'results-file': 'gc-onboard-results.json',
  'plan-file': 'gc-onboard-plan.json',
  'fail-on-drift': 'false',
  reviewed: 'required',
};

const parseWith = (inputs: Partial<Record<InputName, string>>, env: Record<string, string> = {}) =>
  parseInputs({ ...defaults, ...inputs }, env);

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
};

describe('parseInputs', () => {
  it('reads exactly the inputs action.yml declares', async () => {
    const action = parse(await readFile(path.join(REPO, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    expect([...INPUT_NAMES].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it('turns the defaults into a typed value', () => {
    expect(parseWith({})).toEqual({
      mode: 'plan',
      imports: 'imports',
      genesys: {},
      hasCredentials: false,
      githubToken: 'ghs_x',
      comment: true,
      commentAuthor: 'github-actions[bot]',
      sections: '.',
      force: false,
      resultsFile: 'gc-onboard-results.json',
      planFile: 'gc-onboard-plan.json',
      failOnDrift: false,
      reviewed: 'required',
    });
  });

  it('treats blank inputs as their defaults (a workflow expression that evaluates to nothing)', () => {
    const inputs = parseWith({ imports: '', comment: '', timezone: '', force: '', 'plan-file': '' });
    // A blank timezone is "not given": the org's time zone (orgs.yml) or UTC decides later.
    expect(inputs).toMatchObject({ imports: 'imports', comment: true, force: false });
    expect(inputs.timezone).toBeUndefined();
    expect(inputs.org).toBeUndefined();
    expect(inputs.planFile).toBe('gc-onboard-plan.json');
  });

  it('fills the Genesys connection from GENESYSCLOUD_* where the inputs are empty', () => {
    const env = {
      GENESYSCLOUD_OAUTHCLIENT_ID: 'env-id',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'env-secret',
      GENESYSCLOUD_REGION: 'eu-west-1',
      GENESYSCLOUD_API_REGION: ' ',
      // No input of its own: a workflow's env (or a GitHub environment's variable) sets it.
      GC_ONBOARD_ROLE_GRANT_PAGE: ' 500 ',
    };
    const inputs = parseWith({ 'genesys-client-id': 'input-id' }, env);
    expect(inputs.genesys).toEqual({
      GENESYSCLOUD_OAUTHCLIENT_ID: 'input-id',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'env-secret',
      GENESYSCLOUD_REGION: 'eu-west-1',
      GC_ONBOARD_ROLE_GRANT_PAGE: '500',
    });
    expect(inputs.hasCredentials).toBe(true);
    expect(parseWith({ 'genesys-client-id': 'only-id' }).hasCredentials).toBe(false);
  });

  it('accepts booleans in any case and the invite options', () => {
    const inputs = parseWith({
      mode: 'invite',
      force: 'TRUE',
      comment: 'False',
      date: '2026-12-01',
      batch: 'nursing',
    });
    expect(inputs).toMatchObject({
      mode: 'invite',
      force: true,
      comment: false,
      date: '2026-12-01',
      batch: 'nursing',
    });
  });

  it('names the input and the accepted values when one is invalid', () => {
    expect(errorOf(() => parseWith({ mode: 'deploy' }))).toBe(
      'The mode input must be one of validate, plan, apply, invite, doctor, drift, orgs or comment, not "deploy".',
    );
    expect(errorOf(() => parseWith({ mode: '' }))).toBe(
      'The mode input must be one of validate, plan, apply, invite, doctor, drift, orgs or comment.',
    );
    expect(errorOf(() => parseWith({ comment: 'yes' }))).toBe(
      'The comment input must be true or false, not "yes".',
    );
    expect(errorOf(() => parseWith({ date: '2026-02-30' }))).toBe(
      'The date input must be a calendar date written YYYY-MM-DD, not "2026-02-30".',
    );
    expect(errorOf(() => parseWith({ timezone: 'Mars/Olympus' }))).toBe(
      'The timezone input must be an IANA time zone such as UTC or America/New_York, not "Mars/Olympus".',
    );
  });

  it('reports every invalid input at once', () => {
    const message = errorOf(() => parseWith({ mode: 'x', force: 'maybe' }));
    expect(message).toContain('The mode input');
    expect(message).toContain('The force input must be true or false, not "maybe".');
  });
});
