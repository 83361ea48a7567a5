import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/csv/findings.js';
import { DEFAULT_POLICY, parsePolicy } from '../../src/policy/policy.js';

const FIXTURES = path.join('test', 'fixtures', 'policy');

const read = (name: string) => {
  const file = path.join(FIXTURES, name);
  return { file, ...parsePolicy(readFileSync(file, 'utf8'), file) };
};

/** `[severity, line, column, code]` per finding. */
const places = (findings: readonly Finding[]) => findings.map((f) => [f.severity, f.line, f.column, f.code]);

describe('parsePolicy', () => {
  it('good.yml: reads every key, with the line of each key and each entry', () => {
    const { policy, findings } = read('good.yml');
    expect(findings).toEqual([]);
    expect(policy).toEqual({
      allowedEmailDomains: [
        { value: 'northfield.edu', line: 3 },
        { value: '*.northfield.edu', line: 4 },
      ],
      allowedRoles: [
        { value: 'employee', line: 6 },
        { value: 'PureCloud User', line: 7 },
        { value: 'purecloud supervisor', line: 8 },
      ],
      forbiddenRoles: null,
      allowedDivisions: [
        { value: 'Student Services', line: 9 },
        { value: 'Admissions', line: 9 },
      ],
      privilegedRoles: [{ value: 'PureCloud Supervisor', line: 11 }],
      maxChanges: 50,
      overrideLabel: 'large-import',
      reinviteExpired: false,
      lines: {
        allowed_email_domains: 2,
        allowed_roles: 5,
        allowed_divisions: 9,
        privileged_roles: 10,
        max_changes: 12,
        override_label: 13,
      },
    });
  });

  it('an empty file, or one with only comments, sets no rules and keeps max_changes at 500', () => {
    expect(parsePolicy('', 'imports/policy.yml')).toEqual({ policy: DEFAULT_POLICY, findings: [] });
    expect(parsePolicy('\uFEFF# rules to come\n', 'imports/policy.yml')).toEqual({
      policy: DEFAULT_POLICY,
      findings: [],
    });
    expect(DEFAULT_POLICY.maxChanges).toBe(500);
  });

  it('short-forms.yml: one bare value is a one-entry list, a blank list allows none, a blank max_changes is the default', () => {
    const { policy, findings } = read('short-forms.yml');
    expect(findings).toEqual([]);
    expect(policy).toMatchObject({
      allowedEmailDomains: [{ value: 'northfield.edu', line: 1 }],
      allowedRoles: null,
      forbiddenRoles: [{ value: 'Master Admin', line: 2 }],
      allowedDivisions: [],
      privilegedRoles: [],
      maxChanges: 500,
      overrideLabel: 'Large Import',
    });
  });

  it('unknown-key.yml: unknown keys are errors at their line with "did you mean", and the good keys still count', () => {
    const { policy, findings, file } = read('unknown-key.yml');
    expect(places(findings)).toEqual([
      ['error', 3, 'forbiden_roles', 'unknown-key'],
      ['error', 5, 'max_change', 'unknown-key'],
    ]);
    expect(findings[0]).toMatchObject({
      file,
      message:
        '"forbiden_roles" is not a policy.yml key (did you mean "forbidden_roles"?). Allowed keys: allowed_email_domains, allowed_roles, forbidden_roles, allowed_divisions, privileged_roles, max_changes, override_label, reinvite_expired.',
    });
    expect(findings[1]?.message).toContain('(did you mean "max_changes"?)');
    expect(policy).toMatchObject({
      allowedRoles: [{ value: 'employee', line: 2 }],
      forbiddenRoles: null,
      maxChanges: 500,
      overrideLabel: 'big-batch',
    });
  });

  it('a key nothing like a policy key gets no suggestion, and a non-text key is named as written', () => {
    const { findings } = parsePolicy('colour: blue\n5: five\n', 'p.yml');
    expect(places(findings)).toEqual([
      ['error', 1, 'colour', 'unknown-key'],
      ['error', 2, '5', 'unknown-key'],
    ]);
    expect(findings[0]?.message).not.toContain('did you mean');
  });

  it('conflicting.yml: allowed_roles and forbidden_roles together are an error at the later key; both still apply', () => {
    const { policy, findings } = read('conflicting.yml');
    expect(places(findings)).toEqual([['error', 3, 'allowed_roles', 'conflicting-keys']]);
    expect(findings[0]?.message).toBe(
      'Use allowed_roles or forbidden_roles, not both: forbidden_roles is set on line 1. Remove one of them.',
    );
    expect(policy?.allowedRoles).toEqual([{ value: 'employee', line: 4 }]);
    expect(policy?.forbiddenRoles).toEqual([{ value: 'Master Admin', line: 2 }]);
  });

  it('invalid-values.yml: each bad entry or value is an error at its own line; the good entries are kept', () => {
    const { policy, findings } = read('invalid-values.yml');
    expect(places(findings)).toEqual([
      ['error', 3, 'allowed_email_domains', 'invalid-value'],
      ['error', 4, 'allowed_email_domains', 'invalid-value'],
      ['error', 7, 'allowed_roles', 'invalid-value'],
      ['error', 8, 'allowed_roles', 'invalid-value'],
      ['error', 9, 'allowed_divisions', 'invalid-value'],
      ['error', 11, 'max_changes', 'invalid-value'],
      ['error', 12, 'override_label', 'invalid-value'],
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      '"gmail" in allowed_email_domains is not an email domain; write the part after the @, e.g. northfield.edu (or *.northfield.edu for its subdomains).',
      '"42" in allowed_email_domains is not an email domain; write the part after the @, e.g. northfield.edu (or *.northfield.edu for its subdomains).',
      '"true" in allowed_roles is not a role name; e.g. employee.',
      '"" in allowed_roles is not a role name; e.g. employee.',
      'allowed_divisions must be a list, one "- value" line each (a division name, e.g. Student Services).',
      'max_changes must be a whole number above 0, e.g. 500; got "1.5". Until it is fixed the default 500 applies.',
      'override_label must be the name of a pull-request label (1 to 50 characters), e.g. large-import; got "7".',
    ]);
    expect(policy).toMatchObject({
      allowedEmailDomains: [{ value: 'northfield.edu', line: 2 }],
      allowedRoles: [{ value: 'employee', line: 6 }],
      allowedDivisions: null,
      maxChanges: 500,
      overrideLabel: null,
    });
  });

  it.each([
    ['0', '"0"'],
    ['-3', '"-3"'],
    ['lots', '"lots"'],
    ['"500"', '"500"'],
  ])('max_changes: %s is refused', (value, shown) => {
    const { policy, findings } = parsePolicy(`max_changes: ${value}\n`, 'p.yml');
    expect(places(findings)).toEqual([['error', 1, 'max_changes', 'invalid-value']]);
    expect(findings[0]?.message).toContain(`got ${shown}`);
    expect(policy?.maxChanges).toBe(500);
  });

  it('an override_label longer than GitHub allows (50 characters) is refused', () => {
    const { findings } = parsePolicy(`override_label: ${'x'.repeat(51)}\n`, 'p.yml');
    expect(places(findings)).toEqual([['error', 1, 'override_label', 'invalid-value']]);
  });

  it('not-yaml.yml: broken YAML is one error at its line and no policy', () => {
    const { policy, findings } = read('not-yaml.yml');
    expect(policy).toBeNull();
    expect(places(findings)).toEqual([['error', 4, null, 'invalid-yaml']]);
    expect(findings[0]?.message).toBe('policy.yml is not valid YAML: Map keys must be unique.');
  });

  it('list.yml: a file that is not "key: value" lines is an error and no policy', () => {
    const { policy, findings } = read('list.yml');
    expect(policy).toBeNull();
    expect(places(findings)).toEqual([['error', 1, null, 'invalid-policy']]);
  });

  it('an alias stands for the list it names', () => {
    const { policy, findings } = parsePolicy(
      'allowed_roles: &agents\n  - employee\n  - PureCloud User\nprivileged_roles: *agents\n',
      'p.yml',
    );
    expect(findings).toEqual([]);
    expect(policy?.privilegedRoles.map((entry) => entry.value)).toEqual(['employee', 'PureCloud User']);
  });

  it('imports/policy.example.yml, the documented example, is a valid policy', () => {
    const file = path.join('imports', 'policy.example.yml');
    const { policy, findings } = parsePolicy(readFileSync(file, 'utf8'), file);
    expect(findings).toEqual([]);
    expect(policy).toMatchObject({
      allowedEmailDomains: [{ value: 'northfield.edu' }],
      forbiddenRoles: null,
      maxChanges: 500,
      overrideLabel: 'large-import',
    });
    expect(policy?.allowedRoles?.map((entry) => entry.value)).toContain('employee');
  });
});
