import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../../src/cli/args.js';

const usage = (argv: string[]) => {
  try {
    parseCommand(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
};

describe('parseCommand', () => {
  it('gives each command its defaults', () => {
    expect(parseCommand(['validate'])).toEqual({
      name: 'validate',
      imports: 'imports',
      format: 'text',
      debug: false,
    });
    expect(parseCommand(['plan', '--sandbox', '--format', 'json', '--out', 'p.json'])).toEqual({
      name: 'plan',
      imports: 'imports',
      sandbox: true,
      format: 'json',
      out: 'p.json',
      labels: [],
      debug: false,
    });
    expect(parseCommand(['invite', '--date', '2028-02-29', '--batch', 'cs', '--force'])).toEqual({
      name: 'invite',
      imports: 'imports',
      sandbox: false,
      date: '2028-02-29',
      batch: 'cs',
      force: true,
      expired: false,
      format: 'text',
      debug: false,
    });
    // --timezone given; left out, the org's (orgs.yml) or UTC decides at run time.
    expect(parseCommand(['invite', '--timezone', 'Europe/London'])).toMatchObject({
      timezone: 'Europe/London',
    });
    expect(parseCommand(['drift', '--org', 'test'])).toMatchObject({ name: 'drift', org: 'test' });
    expect(parseCommand(['sandbox', '--port', '8080', '--fault-rate', '0.1'])).toMatchObject({
      name: 'sandbox',
      port: 8080,
      rateLimit: 300,
      latencyMs: 0,
      faultRate: 0.1,
      seed: 1,
    });
    expect(parseCommand(['export', '--division', 'A', '--division', 'B', '--email-domain', 'x.edu'])).toEqual(
      {
        name: 'export',
        imports: 'imports',
        sandbox: false,
        divisions: ['A', 'B'],
        emailDomain: 'x.edu',
        out: 'export',
        debug: false,
      },
    );
    expect(parseCommand(['apply', '--no-review', '--label', 'large-import', '--label', 'ok'])).toMatchObject({
      name: 'apply',
      labels: ['large-import', 'ok'],
    });
    // --policy FILE judges with another policy file (a CI script passes the base branch's).
    expect(parseCommand(['plan', '--policy', 'base-policy.yml'])).toMatchObject({
      name: 'plan',
      policy: 'base-policy.yml',
    });
    expect(parseCommand(['apply', '--no-review', '--policy', 'base-policy.yml'])).toMatchObject({
      name: 'apply',
      policy: 'base-policy.yml',
      review: 'none',
    });
    // apply writes what was reviewed: the preview's plan file, or --no-review said out loud.
    expect(parseCommand(['apply', '--reviewed', 'plan.json'])).toMatchObject({
      name: 'apply',
      review: { file: 'plan.json' },
    });
    expect(parseCommand(['plan'])).not.toHaveProperty('policy');
    expect(parseCommand(['init'])).toEqual({ name: 'init', dir: '.', orgs: [], debug: false });
    expect(parseCommand(['init', '../team-repo', '--debug', '--orgs', 'test, production'])).toEqual({
      name: 'init',
      dir: '../team-repo',
      orgs: ['test', 'production'],
      debug: true,
    });
    expect(parseCommand([])).toEqual({ name: 'help' });
    expect(parseCommand(['--version'])).toEqual({ name: 'version' });
  });

  it('refuses what it does not understand instead of ignoring it', () => {
    expect(usage(['plan', '--results', 'r.json'])).toBe('--results is not an option of "plan"');
    expect(usage(['apply'])).toBe(
      'apply writes only what was reviewed: give --reviewed FILE (the plan file of the preview) or --no-review',
    );
    expect(usage(['apply', '--no-review', '--reviewed', 'plan.json'])).toBe(
      '--reviewed and --no-review do not go together',
    );
    expect(usage(['apply', '--no-review', '--format', 'markdown'])).toBe(
      '--format must be one of text, json, got "markdown"',
    );
    expect(usage(['invite', '--date', '2026-02-30'])).toBe(
      '--date must be a calendar date YYYY-MM-DD, got "2026-02-30"',
    );
    expect(usage(['sandbox', '--fault-rate', '2'])).toBe(
      '--fault-rate must be a number from 0 to 1, got "2"',
    );
    expect(usage(['sandbox', '--port', '70000'])).toBe(
      '--port must be a whole number from 0 to 65535, got "70000"',
    );
    expect(usage(['validate', 'extra'])).toBe('unexpected argument "extra"');
    expect(usage(['frobnicate'])).toBe('unknown command "frobnicate"');
    // Names every object inherits are not commands (they once fell through to demo).
    expect(usage(['constructor'])).toBe('unknown command "constructor"');
    expect(usage(['toString'])).toBe('unknown command "toString"');
    expect(usage(['init', 'a', 'b'])).toBe('unexpected argument "b"');
    expect(usage(['init', '--imports', 'x'])).toBe('--imports is not an option of "init"');
    expect(usage(['plan', '--bogus'])).toBe('unknown option --bogus');
    expect(usage(['validate', '--policy', 'p.yml'])).toBe('--policy is not an option of "validate"');
    expect(usage(['invite', '--timezone', 'Mars/Base'])).toBe(
      '--timezone must be an IANA time zone such as America/New_York or UTC, got "Mars/Base"',
    );
  });

  it('parses doctor, which takes only --imports and --sandbox', () => {
    expect(parseCommand(['doctor'])).toEqual({
      name: 'doctor',
      imports: 'imports',
      sandbox: false,
      debug: false,
    });
    expect(parseCommand(['doctor', '--imports', 'x', '--sandbox'])).toEqual({
      name: 'doctor',
      imports: 'x',
      sandbox: true,
      debug: false,
    });
    expect(usage(['doctor', '--format', 'json'])).toBe('--format is not an option of "doctor"');
  });

  it('parses probe (consent and domain are checked by the probe) and sandbox --profile', () => {
    expect(
      parseCommand([
        'probe',
        '--email-domain',
        'test.example.edu',
        '--yes-write-to-this-org',
        '--org-name-contains',
        'Test',
      ]),
    ).toEqual({
      name: 'probe',
      sandbox: false,
      emailDomain: 'test.example.edu',
      consent: true,
      orgNameContains: 'Test',
      includeInvite: false,
      out: 'org-profile.json',
      debug: false,
    });
    expect(parseCommand(['probe'])).toMatchObject({ name: 'probe', consent: false });
    expect(parseCommand(['sandbox', '--profile', 'p.json'])).toMatchObject({ profile: 'p.json' });
    expect(usage(['probe', '--imports', 'x'])).toBe('--imports is not an option of "probe"');
    expect(usage(['plan', '--profile', 'p.json'])).toBe('--profile is not an option of "plan"');
  });

  it('refuses a --date that is not a calendar date', () => {
    expect(usage(['invite', '--date', '2026-02-30'])).toBe(
      '--date must be a calendar date YYYY-MM-DD, got "2026-02-30"',
    );
  });
});
