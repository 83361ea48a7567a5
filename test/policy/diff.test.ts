import { describe, expect, it } from 'vitest';
import { diffPolicy } from '../../src/policy/diff.js';

const BASE = [
  '# Northfield guardrails',
  'allowed_email_domains: [northfield.edu]',
  'allowed_roles:',
  '  - employee',
  '  - PureCloud User',
  'max_changes: 500',
  '',
].join('\n');

describe('diffPolicy', () => {
  it('no file on either side, or the same text, is no change', () => {
    expect(diffPolicy(null, null)).toEqual([]);
    expect(diffPolicy(BASE, BASE)).toEqual([]);
  });

  it('lists what each rule gains and loses, and old → new values', () => {
    const head = [
      'allowed_email_domains: [northfield.edu]',
      'allowed_roles:',
      '  - employee',
      '  - Master Admin',
      'privileged_roles: [Master Admin]',
      'max_changes: 2000',
      'override_label: large-import',
    ].join('\n');
    expect(diffPolicy(BASE, head)).toEqual([
      'allowed_roles: added "Master Admin"; removed "PureCloud User"',
      'privileged_roles added: "Master Admin"',
      'max_changes: 500 → 2000',
      'override_label: not set → "large-import"',
    ]);
  });

  it('a rule removed, or emptied, says what it was and what an empty list means', () => {
    expect(diffPolicy(BASE, 'allowed_roles: []\nmax_changes: 500\n')).toEqual([
      'allowed_email_domains removed (was "northfield.edu")',
      'allowed_roles: removed "employee", "PureCloud User" (the list is now empty: it allows none)',
    ]);
    expect(diffPolicy('max_changes: 100\n', '# back to the default\n')).toEqual([
      'max_changes: 100 → not set (default 500)',
    ]);
  });

  it('comments and layout only: says the rules are the same', () => {
    const reflowed = [
      '# Northfield guardrails (reviewed by IT security)',
      'allowed_email_domains:',
      '  - northfield.edu',
      'allowed_roles: [employee, PureCloud User]',
      'max_changes: 500',
    ].join('\n');
    expect(diffPolicy(BASE, reflowed)).toEqual([
      'policy.yml changed only in comments or layout: the rules are the same',
    ]);
  });

  it('a new file lists the rules it sets; an empty new file says it sets none', () => {
    expect(diffPolicy(null, 'forbidden_roles: [Master Admin]\noverride_label: big\n')).toEqual([
      'policy.yml is new',
      'forbidden_roles added: "Master Admin"',
      'override_label: not set → "big"',
    ]);
    expect(diffPolicy(null, '# to do\n')).toEqual([
      'policy.yml is new and sets no rules: only the default max_changes of 500 applies',
    ]);
  });

  it('a deleted file says the guardrails are gone', () => {
    expect(diffPolicy(BASE, null)).toEqual([
      'policy.yml is deleted: no guardrails apply any more, except the default max_changes of 500',
    ]);
  });

  it('an unreadable head says where; an unreadable base is compared as if it set nothing', () => {
    expect(diffPolicy(BASE, 'allowed_roles: [employee\n')).toEqual([
      'policy.yml changed and has an error at line 2: policy.yml is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ].',
    ]);
    expect(diffPolicy('- not a map\n', 'max_changes: 10\n')).toEqual([
      'policy.yml could not be read before this change; its rules now are:',
      'max_changes: not set (default 500) → 10',
    ]);
  });

  it("lists a change to an org's own section, and not a top-level change again for an org that follows it", () => {
    const before = 'max_changes: 500\norgs:\n  production:\n    max_changes: 50\n';
    expect(
      diffPolicy(
        before,
        'max_changes: 500\norgs:\n  production:\n    max_changes: 5000\n    allowed_email_domains: [evil.com]\n',
      ),
    ).toEqual([
      'for org production: allowed_email_domains added: "evil.com"',
      'for org production: max_changes: 50 → 5000',
    ]);
    expect(diffPolicy(before, 'max_changes: 600\norgs:\n  production:\n    max_changes: 50\n')).toEqual([
      'max_changes: 500 → 600',
    ]);
  });
});
