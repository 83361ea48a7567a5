// Nothing silently passes (issue 19 §5): a wrong --imports, files where no batch is, a batch without
// its files are errors at their path; an empty imports folder is a warning; validate applies every
// policy rule that needs no org; and the CLI's apply takes the preview's plan file (--reviewed).
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkImportsOffline } from '../../src/policy/offline.js';
import { parsePolicy } from '../../src/policy/policy.js';
import { runCliCaptured as cli } from '../helpers/cli.js';
import { batch, importSet, personRow, phoneRow } from '../plan/fixtures.js';

const DEMO = path.resolve(import.meta.dirname, '../../src/sandbox/demo');
let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'gc-onboard-strict-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('the imports folder', () => {
  it('refuses --imports pointing at a batch folder, with the folder to use instead', async () => {
    const ran = await cli(['validate', '--imports', path.join(DEMO, 'student-services')]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('imports-is-a-batch');
    expect(ran.stdout).toContain(`point --imports (or the imports input) at "${DEMO}"`);
  });

  it('refuses a batch with neither CSV; an imports folder with no batch is a warning, exit 0', async () => {
    await mkdir(path.join(tmp, 'nursing'));
    await writeFile(path.join(tmp, 'nursing', 'batch.yml'), 'training_day: 2026-12-01\n');
    const empty = await cli(['validate', '--imports', tmp]);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain('Batch "nursing" has neither people.csv nor phones.csv');
    await rm(path.join(tmp, 'nursing'), { recursive: true });
    await mkdir(path.join(tmp, 'templates'));
    const none = await cli(['validate', '--imports', tmp]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('holds no batch: nothing to do');
  });
});

describe('the policy rules that need no org', () => {
  const policy = (text: string) => parsePolicy(text, 'imports/policy.yml').policy!;
  const rows = importSet([
    batch(
      [
        personRow({
          line: 2,
          name: 'Ada Outside',
          email: 'ada@gmail.com',
          managerEmail: 'boss@contractor.example',
          roles: [
            { role: 'Master Admin', divisions: ['Student Services'] },
            { role: 'employee', divisions: ['Admissions'] },
          ],
          division: 'Admissions',
        }),
        personRow({
          line: 3,
          name: 'Bo Inside',
          roles: [{ role: 'employee', divisions: ['Student Services'] }],
        }),
      ],
      [phoneRow({ line: 2, email: 'ada@gmail.com' })],
    ),
  ]);

  it('judges domains, roles and divisions by name, at the cell', () => {
    const found = checkImportsOffline(
      rows,
      policy(
        'allowed_email_domains: [northfield.edu]\nforbidden_roles: [master admin]\nallowed_divisions: [Student Services]\n',
      ),
      'imports/policy.yml',
    );
    expect(found.map((f) => [f.file, f.line, f.column, f.code])).toEqual([
      ['imports/student-services/people.csv', 2, 'email', 'policy-email-domain'],
      ['imports/student-services/people.csv', 2, 'email_manager', 'policy-email-domain'],
      ['imports/student-services/people.csv', 2, 'roles_divisions', 'policy-role-forbidden'],
      ['imports/student-services/people.csv', 2, 'roles_divisions', 'policy-division-not-allowed'],
      ['imports/student-services/people.csv', 2, 'division', 'policy-division-not-allowed'],
      ['imports/student-services/phones.csv', 2, 'email', 'policy-email-domain'],
    ]);
    expect(found[2]?.message).toBe(
      'Role "Master Admin" may not be granted through imports (forbidden_roles in imports/policy.yml)',
    );
    expect(checkImportsOffline(rows, policy('allowed_roles: [employee]\n'), 'p')).toEqual([
      expect.objectContaining({ line: 2, code: 'policy-role-not-allowed' }),
    ]);
  });

  it('warns about a batch larger than max_changes, naming the override label', () => {
    expect(
      checkImportsOffline(rows, policy('max_changes: 2\noverride_label: big-import\n'), 'imports/policy.yml'),
    ).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'policy-max-changes-rows',
        message:
          'Batch "student-services" has 3 rows, more than max_changes (2) in imports/policy.yml: if they are new, the preview refuses them unless the pull request has the label "big-import".',
      }),
    ]);
  });

  it('validate applies them: a fork pull request meets the guardrails offline', async () => {
    await cp(DEMO, tmp, { recursive: true });
    await writeFile(path.join(tmp, 'policy.yml'), 'forbidden_roles: [PureCloud Supervisor]\n');
    const ran = await cli(['validate', '--imports', tmp, '--format', 'json']);
    expect(ran.code).toBe(1);
    const report = JSON.parse(ran.stdout) as { errors: Array<{ code: string; line: number }> };
    expect(report.errors).toEqual([expect.objectContaining({ code: 'policy-role-forbidden', line: 6 })]);
  });
});

describe('apply --reviewed outside Actions', () => {
  it('holds a batch edited since the plan file, and says plainly when the file is not a plan', async () => {
    await cp(DEMO, tmp, { recursive: true });
    const planFile = path.join(tmp, 'plan.json');
    const sandbox = ['--sandbox', '--imports', tmp];
    expect((await cli(['plan', ...sandbox, '--format', 'json', '--out', planFile])).code).toBe(0);
    const people = path.join(tmp, 'student-services', 'people.csv');
    await writeFile(people, (await readFile(people, 'utf8')).replace('Student Services Advisor', 'Advisor'));
    const ran = await cli(['apply', ...sandbox, '--reviewed', planFile]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('People: 0 done · 0 unchanged · 0 skipped · 10 held · 0 failed');
    expect(ran.stdout).toContain('held: preview is stale: the batch changed after the last preview');

    const broken = await cli(['apply', ...sandbox, '--reviewed', people]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`Cannot use "${people}" given with --reviewed: it is not JSON`);
  });
});
