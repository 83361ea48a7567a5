import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/csv/findings.js';
import type { ImportSet, PersonRow, PhoneRow } from '../../src/csv/types.js';
import { buildPlan } from '../../src/plan/plan.js';
import type { OrgSnapshot } from '../../src/plan/snapshot.js';
import type { PersonPlan, Plan, PlanGate, PlanOptions } from '../../src/plan/types.js';
import {
  policyGate,
  rulesGate,
  type ParsedPolicy,
  type PolicyCheckOptions,
  type PolicyVersion,
} from '../../src/policy/check.js';
import { DEFAULT_POLICY, parsePolicy, type Policy } from '../../src/policy/policy.js';
import {
  aishaRow,
  aishaUser,
  batch,
  ids,
  importSet,
  maria,
  orgUser,
  PEOPLE_FILE,
  PHONES_FILE,
  personRow,
  phoneRow,
  snapshot,
} from '../plan/fixtures.js';

const POLICY_FILE = 'imports/policy.yml';
/** A role that holds conversation:call:add, which a default phone needs (the plan checks it). */
const CALLER = { roles: [{ role: 'PureCloud User', divisions: ['Student Services'] }] };

function policyOf(yaml: string): Policy {
  const { policy, findings } = parsePolicy(yaml, POLICY_FILE);
  expect(findings).toEqual([]);
  if (!policy) throw new Error('no policy');
  return policy;
}

/** What each plan of this file was built from, so that a test can plan the same rows with a policy's gate. */
const inputs = new WeakMap<Plan, { imports: ImportSet; options: PlanOptions }>();

function planOf(
  people: PersonRow[],
  phones: PhoneRow[] = [],
  org: OrgSnapshot = snapshot(),
  options: PlanOptions = {},
) {
  const imports = importSet([batch(people, phones)]);
  const plan = buildPlan(imports, org, options);
  inputs.set(plan, { imports, options });
  return plan;
}

/** The rows of `plan` planned again with `gate` inside planning. */
function planGated(plan: Plan, org: OrgSnapshot, gate: PlanGate): Plan {
  const input = inputs.get(plan);
  if (!input) throw new Error('not a plan of planOf');
  return buildPlan(input.imports, org, { ...input.options, gate });
}

/** One policy's gate (its rules, unknown names and max_changes). */
const checkPolicy = (plan: Plan, policy: Policy, org: OrgSnapshot, options: PolicyCheckOptions) =>
  planGated(plan, org, rulesGate(policy, options));

/** The gate the command layer passes when the change does not edit the policy. */
const enforcePolicy = (
  plan: Plan,
  parsed: ParsedPolicy | null,
  org: OrgSnapshot,
  options: { labels: string[]; policyFile: string },
) =>
  planGated(
    plan,
    org,
    policyGate({ labels: options.labels, judge: { parsed, file: options.policyFile }, changed: null }),
  );

/** The gate of a change that may also edit the policy: the version in force judges it. */
const judgeChange = (
  plan: Plan,
  org: OrgSnapshot,
  options: { labels: string[]; judge: PolicyVersion; changed: PolicyVersion | null },
) => planGated(plan, org, policyGate(options));

function check(plan: Plan, policy: Policy, org: OrgSnapshot = snapshot(), labels: string[] = []) {
  return checkPolicy(plan, policy, org, { labels, policyFile: POLICY_FILE });
}

const people = (plan: Plan) => plan.batches.flatMap((b) => b.people);
const phones = (plan: Plan) => plan.batches.flatMap((b) => b.phones);
const row = (plan: Plan, line: number): PersonPlan => {
  const found = people(plan).find((person) => person.line === line);
  if (!found) throw new Error(`no row at line ${line}`);
  return found;
};
/** `[line, action, [column, code]…]` per person row. */
const actions = (plan: Plan) =>
  people(plan).map((person) => [person.line, person.action, person.errors.map((e) => [e.column, e.code])]);

const policyError = (line: number, column: string, code: string, message: string): Finding => ({
  severity: 'error',
  file: PEOPLE_FILE,
  line,
  column,
  code,
  message,
});

describe('checkPolicy', () => {
  it('a policy that sets nothing, or allows everything the batch asks, returns the plan as it was', () => {
    const plan = planOf([aishaRow(), personRow({ line: 3, name: 'Ben Carter' })], [], snapshot(), {
      today: '2026-11-20',
    });
    expect(checkPolicy(plan, DEFAULT_POLICY, snapshot(), { labels: [], policyFile: null })).toStrictEqual(
      plan,
    );
    const permissive = policyOf(
      [
        'allowed_email_domains: [northfield.edu]',
        'allowed_roles: [employee, PureCloud User]',
        'allowed_divisions: [Home, Student Services]',
      ].join('\n'),
    );
    expect(check(plan, permissive)).toStrictEqual(plan);
  });

  it('does not modify the plan, the policy or the snapshot', () => {
    const plan = planOf([aishaRow(), personRow({ line: 3, name: 'Zoe', email: 'zoe@gmail.com' })]);
    const policy = policyOf('allowed_email_domains: [northfield.edu]\nallowed_divisions: [Admissions]\n');
    const org = snapshot();
    const before = JSON.stringify([plan, policy, org]);
    const checked = check(plan, policy, org);
    expect(JSON.stringify([plan, policy, org])).toBe(before);
    expect(JSON.parse(JSON.stringify(checked))).toStrictEqual(checked);
  });

  describe('allowed_email_domains', () => {
    const policy = () => policyOf('allowed_email_domains:\n  - northfield.edu\n  - "*.partners.org"\n');

    it('a row whose email domain is not listed is an error on its email cell, naming the rule', () => {
      const plan = planOf([
        aishaRow(),
        personRow({ line: 3, name: 'Zoe Outsider', email: 'Zoe.Outsider@Gmail.com' }),
        personRow({ line: 4, name: 'Pat Partner', email: 'pat@cs.partners.org' }),
        personRow({ line: 5, name: 'Ned Nosub', email: 'ned@partners.org' }),
      ]);
      const checked = check(plan, policy());
      expect(actions(checked)).toEqual([
        [2, 'create', []],
        [3, 'error', [['email', 'policy-email-domain']]],
        [4, 'create', []],
        [5, 'error', [['email', 'policy-email-domain']]],
      ]);
      expect(row(checked, 3).errors).toEqual([
        policyError(
          3,
          'email',
          'policy-email-domain',
          'Zoe.Outsider@Gmail.com: the domain "gmail.com" is not allowed (allowed_email_domains in imports/policy.yml: northfield.edu, *.partners.org)',
        ),
      ]);
      // The row is in error the way the plan shows one: nothing left to write.
      expect(row(checked, 3)).toMatchObject({
        create: null,
        grants: [],
        changes: [],
        manager: null,
        warnings: [],
      });
      expect(checked.summary.people).toEqual({ create: 2, update: 0, unchanged: 0, skip: 0, error: 2 });
      expect(plan.summary.people.create).toBe(4);
    });

    it('an existing person the change does not touch is no breach; one already in error gets the finding too', () => {
      const partner = orgUser({ id: 'user-old', name: 'Old Partner', email: 'old@vendor.com' });
      const org = snapshot({ users: [maria, partner] });
      const plan = planOf(
        [
          personRow({ line: 2, name: 'Old Partner', email: 'old@vendor.com' }),
          personRow({ line: 3, name: 'Bad Queue', email: 'bq@vendor.com', queues: ['Nope'] }),
        ],
        [],
        org,
      );
      const checked = check(plan, policy(), org);
      expect(actions(checked)).toEqual([
        [2, 'unchanged', []],
        [
          3,
          'error',
          [
            ['queues', 'unknown-queue'],
            ['email', 'policy-email-domain'],
          ],
        ],
      ]);
      expect(checked.summary.people.error).toBe(1);
    });
    it('covers phones.csv owners who exist already: the phone is an error on its email cell', () => {
      const partner = orgUser({
        id: 'user-partner',
        name: 'Other Partner',
        email: 'other@partner.org',
        grants: [{ roleId: ids.user, divisionId: ids.studentServices }],
        grantsComplete: true,
      });
      const org = snapshot({ users: [maria, partner] });
      const plan = planOf(
        [],
        [
          phoneRow({ line: 2, email: 'other@partner.org', personInBatch: false }),
          // In error already (a site the org lacks; a person's second phone row never gets to plan: validate refuses it).
          phoneRow({
            line: 3,
            email: 'Other@Partner.org',
            name: 'Desk 2',
            site: 'Nowhere Campus',
            personInBatch: false,
          }),
        ],
        org,
      );
      expect(phones(plan).map((p) => [p.line, p.action])).toEqual([
        [2, 'create'],
        [3, 'error'],
      ]);
      const checked = check(plan, policy(), org);
      expect(phones(checked).map((p) => [p.line, p.action, p.errors.map((e) => [e.column, e.code])])).toEqual(
        [
          [2, 'error', [['email', 'policy-email-domain']]],
          [
            3,
            'error',
            [...phones(plan)[1]!.errors.map((e) => [e.column, e.code]), ['email', 'policy-email-domain']],
          ],
        ],
      );
      expect(phones(checked)[0]?.errors[0]).toEqual({
        severity: 'error',
        file: PHONES_FILE,
        line: 2,
        column: 'email',
        code: 'policy-email-domain',
        message:
          'other@partner.org: the domain "partner.org" is not allowed (allowed_email_domains in imports/policy.yml: northfield.edu, *.partners.org)',
      });
      expect(phones(checked)[0]).toMatchObject({ phoneId: null, stationId: null, changes: [] });
      expect(checked.summary.phones).toMatchObject({ create: 0, error: 2 });
    });

    it('covers email_manager when the manager exists already (one created here has their own row checked)', () => {
      const boss = orgUser({ id: 'user-boss', name: 'Vendor Boss', email: 'boss@vendor.com' });
      const org = snapshot({ users: [maria, boss] });
      const plan = planOf(
        [
          personRow({ line: 2, name: 'Ann Able', managerEmail: 'Boss@Vendor.com' }),
          personRow({ line: 3, name: 'Bo Baker', managerEmail: 'maria.gonzalez@northfield.edu' }),
        ],
        [],
        org,
      );
      const checked = check(plan, policy(), org);
      expect(actions(checked)).toEqual([
        [2, 'error', [['email_manager', 'policy-email-domain']]],
        [3, 'create', []],
      ]);
      expect(row(checked, 2).errors[0]?.message).toBe(
        'Boss@Vendor.com: the domain "vendor.com" is not allowed (allowed_email_domains in imports/policy.yml: northfield.edu, *.partners.org)',
      );
    });
  });

  describe('allowed_roles and forbidden_roles', () => {
    it('allowed_roles: a role not listed is an error on the roles_divisions cell, once per role', () => {
      const plan = planOf([
        aishaRow(),
        personRow({
          line: 3,
          name: 'Rita Reports',
          roles: [
            { role: 'employee', divisions: ['Student Services'] },
            { role: 'Reporting Viewer', divisions: ['Student Services', 'Admissions'] },
          ],
        }),
      ]);
      const checked = check(plan, policyOf('allowed_roles:\n  - employee\n  - purecloud user\n'));
      expect(actions(checked)).toEqual([
        [2, 'create', []],
        [3, 'error', [['roles_divisions', 'policy-role-not-allowed']]],
      ]);
      expect(row(checked, 3).errors[0]?.message).toBe(
        'Role "Reporting Viewer" may not be granted through imports: it is not in allowed_roles of imports/policy.yml',
      );
    });

    it('forbidden_roles: a policy that forbids what the batch asks turns those rows into errors', () => {
      const plan = planOf([
        aishaRow(),
        personRow({
          line: 3,
          name: 'Max Admin',
          roles: [{ role: 'master admin', divisions: ['Student Services'] }],
        }),
        personRow({
          line: 4,
          name: 'Una Agent',
          roles: [{ role: 'PureCloud User', divisions: ['Student Services'] }],
        }),
      ]);
      const checked = check(plan, policyOf('forbidden_roles: [Master Admin, PureCloud User]\n'));
      expect(actions(checked)).toEqual([
        [2, 'error', [['roles_divisions', 'policy-role-forbidden']]],
        [3, 'error', [['roles_divisions', 'policy-role-forbidden']]],
        [4, 'error', [['roles_divisions', 'policy-role-forbidden']]],
      ]);
      expect(row(checked, 3).errors).toEqual([
        policyError(
          3,
          'roles_divisions',
          'policy-role-forbidden',
          'Role "Master Admin" may not be granted through imports (forbidden_roles in imports/policy.yml)',
        ),
      ]);
      expect(checked.summary.people).toMatchObject({ create: 0, error: 3 });
    });

    it('a forbidden role the person already holds is not granted by the row, so it is no breach', () => {
      const holder = aishaUser({
        grants: [...aishaUser().grants, { roleId: ids.masterAdmin, divisionId: ids.studentServices }],
      });
      const org = snapshot({ users: [maria, holder] });
      const asks = aishaRow({
        title: 'Senior Advisor',
        roles: [...aishaRow().roles, { role: 'Master Admin', divisions: ['Student Services'] }],
      });
      const checked = check(planOf([asks], [], org), policyOf('forbidden_roles: [Master Admin]\n'), org);
      expect(actions(checked)).toEqual([[2, 'update', []]]);
    });
  });

  describe('allowed_divisions', () => {
    const policy = () => policyOf('allowed_divisions:\n  - Student Services\n');

    it('grants in other divisions are errors on roles_divisions; a bare role means the home division', () => {
      const plan = planOf([
        aishaRow(),
        personRow({
          line: 3,
          name: 'Hal Home',
          division: 'Student Services',
          roles: [
            { role: 'employee', divisions: [] },
            { role: 'PureCloud User', divisions: ['Admissions', 'Student Services'] },
          ],
        }),
      ]);
      const checked = check(plan, policy());
      expect(actions(checked)).toEqual([
        [2, 'create', []],
        [
          3,
          'error',
          [
            ['roles_divisions', 'policy-division-not-allowed'],
            ['roles_divisions', 'policy-division-not-allowed'],
          ],
        ],
      ]);
      expect(row(checked, 3).errors.map((e) => e.message)).toEqual([
        'Role "employee" may not be granted in division "Home" (the home division): it is not in allowed_divisions of imports/policy.yml; a role without [division] is granted in the home division',
        'Role "PureCloud User" may not be granted in division "Admissions": it is not in allowed_divisions of imports/policy.yml',
      ]);
    });

    it('creating someone in, or moving someone into, another division is an error on the division cell', () => {
      const org = snapshot({ users: [maria] });
      const plan = planOf(
        [
          personRow({ line: 2, name: 'Nia New' }),
          personRow({ line: 3, name: 'Ada Admissions', division: 'Admissions' }),
          personRow({
            line: 4,
            name: 'Maria Gonzalez',
            email: 'maria.gonzalez@northfield.edu',
            division: 'Admissions',
          }),
          personRow({ line: 5, name: 'Sam Same', division: 'Student Services' }),
        ],
        [],
        org,
      );
      const checked = check(plan, policy(), org);
      expect(actions(checked)).toEqual([
        [2, 'error', [['division', 'policy-division-not-allowed']]],
        [3, 'error', [['division', 'policy-division-not-allowed']]],
        [4, 'error', [['division', 'policy-division-not-allowed']]],
        [5, 'create', []],
      ]);
      expect(people(checked).flatMap((p) => p.errors.map((e) => e.message))).toEqual([
        'nia.new@northfield.edu may not be created in division "Home" (the home division): it is not in allowed_divisions of imports/policy.yml; a blank division cell means the home division',
        'ada.admissions@northfield.edu may not be created in division "Admissions": it is not in allowed_divisions of imports/policy.yml',
        'maria.gonzalez@northfield.edu may not be moved into division "Admissions": it is not in allowed_divisions of imports/policy.yml',
      ]);
      // Maria exists: her row is in error, but she is still the user she was.
      expect(row(checked, 4)).toMatchObject({ userId: ids.maria, moveToDivisionId: null });
      expect(checked.summary.people).toMatchObject({ create: 1, update: 0, error: 3 });
    });

    it('an update that does not move the person is no breach', () => {
      const org = snapshot({ users: [maria] });
      const plan = planOf(
        [personRow({ line: 2, name: 'Maria G', email: 'maria.gonzalez@northfield.edu' })],
        [],
        org,
      );
      expect(actions(check(plan, policyOf('allowed_divisions: [Admissions]\n'), org))).toEqual([
        [2, 'update', []],
      ]);
    });
  });

  describe('privileged_roles', () => {
    const supervisorRow = () =>
      personRow({
        line: 3,
        name: 'Sue Supervisor',
        roles: [{ role: 'PureCloud Supervisor', divisions: ['Student Services'] }],
      });

    it('an allowed privileged grant stays a create and is a warning on roles_divisions', () => {
      const plan = planOf([aishaRow(), supervisorRow()]);
      const checked = check(
        plan,
        policyOf(
          'allowed_roles: [employee, PureCloud User, PureCloud Supervisor]\nprivileged_roles: [PureCloud Supervisor]\n',
        ),
      );
      expect(actions(checked)).toEqual([
        [2, 'create', []],
        [3, 'create', []],
      ]);
      expect(row(checked, 3).warnings).toEqual([
        {
          severity: 'warning',
          file: PEOPLE_FILE,
          line: 3,
          column: 'roles_divisions',
          code: 'privileged-role',
          message:
            'Grants privileged role "PureCloud Supervisor" in division "Student Services" to sue.supervisor@northfield.edu',
        },
      ]);
      expect(checked.summary.warnings).toBe(plan.summary.warnings + 1);
    });

    it('a role the plan already marks (by name or by its options) is warned about once', () => {
      const admin = personRow({
        line: 4,
        name: 'Ann Admin',
        roles: [{ role: 'Master Admin', divisions: ['Student Services'] }],
      });
      const plan = planOf([aishaRow(), supervisorRow(), admin], [], snapshot(), {
        privilegedRoles: ['PureCloud Supervisor'],
      });
      const checked = check(plan, policyOf('privileged_roles: [PureCloud Supervisor, Master Admin]\n'));
      expect(row(checked, 3).warnings.map((w) => w.code)).toEqual(['privileged-role']);
      expect(row(checked, 4).warnings.map((w) => w.code)).toEqual(['privileged-role']);
      expect(checked).toStrictEqual(plan);
    });
  });

  describe('names in the policy that the org does not have', () => {
    it('are errors on their policy.yml line, with "did you mean", and block the whole plan', () => {
      const file = 'test/fixtures/policy/unknown-names.yml';
      const { policy } = parsePolicy(readFileSync(file, 'utf8'), file);
      if (!policy) throw new Error('no policy');
      const plan = planOf([aishaRow()]);
      const checked = checkPolicy(plan, policy, snapshot(), { labels: [], policyFile: file });
      expect(checked.findings).toEqual([
        {
          severity: 'error',
          file,
          line: 2,
          column: 'forbidden_roles',
          code: 'unknown-role',
          message:
            'Unknown role "Master Admn" in forbidden_roles (did you mean "Master Admin"?): the org has no role by that name',
        },
        {
          severity: 'error',
          file,
          line: 6,
          column: 'allowed_divisions',
          code: 'unknown-division',
          message:
            'Unknown division "Admisions" in allowed_divisions (did you mean "Admissions"?): the org has no division by that name',
        },
      ]);
      // Policy-file errors are not CSV rows: the row counts stay, the findings stop apply.
      expect(checked.summary.people).toEqual(plan.summary.people);
    });
  });

  describe('max_changes and override_label', () => {
    const three = () => [
      aishaRow(),
      personRow({ line: 3, name: 'Ben Carter' }),
      personRow({ line: 4, name: 'Cal Diaz' }),
    ];
    const policy = () => policyOf('# limits\nmax_changes: 2\noverride_label: large-import\n');

    it('more create and update rows than max_changes is one error on the max_changes line, saying how to lift it', () => {
      const checked = check(planOf(three()), policy());
      expect(checked.findings).toEqual([
        {
          severity: 'error',
          file: POLICY_FILE,
          line: 2,
          column: 'max_changes',
          code: 'max-changes',
          message:
            'This change creates or updates 3 rows (3 people, 0 phones), more than max_changes (2); to go ahead, add the label "large-import" to the pull request (override_label), split it, or raise max_changes in imports/policy.yml',
        },
      ]);
      // The rows themselves are fine; the finding stops apply as a whole.
      expect(checked.summary.people.create).toBe(3);
      expect(
        check(planOf(three()), policy(), snapshot(), ['bug', 'large-import-please']).findings,
      ).toHaveLength(1);
    });

    it('the override label on the pull request (any case) lifts it, and the preview says so', () => {
      const checked = check(planOf(three()), policy(), snapshot(), ['documentation', 'Large-Import']);
      expect(checked.findings).toEqual([
        {
          severity: 'warning',
          file: POLICY_FILE,
          line: 2,
          column: 'max_changes',
          code: 'max-changes-overridden',
          message:
            'This change creates or updates 3 rows (3 people, 0 phones), more than max_changes (2); allowed by the pull request label "large-import"',
        },
      ]);
      expect(checked.summary.warnings).toBe(1);
    });

    it('phones count as rows; unchanged rows do not', () => {
      const org = snapshot({ users: [maria] });
      const plan = planOf(
        [
          personRow({
            line: 2,
            name: 'Maria Gonzalez',
            email: 'maria.gonzalez@northfield.edu',
            title: maria.title,
            department: maria.department,
          }),
          personRow({ line: 3, name: 'Ben Carter', ...CALLER }),
          personRow({ line: 4, name: 'Cal Diaz' }),
        ],
        [phoneRow({ line: 2, email: 'ben.carter@northfield.edu' })],
        org,
      );
      expect(plan.summary.people).toMatchObject({ create: 2, unchanged: 1 });
      const checked = check(plan, policyOf('max_changes: 2\n'), org);
      expect(checked.findings.map((f) => f.message)).toEqual([
        'This change creates or updates 3 rows (2 people, 1 phone), more than max_changes (2); to go ahead, split it into smaller pull requests, or raise max_changes in imports/policy.yml (or set override_label there and add that label to the pull request)',
      ]);
      expect(check(plan, policyOf('max_changes: 3\n'), org).findings).toEqual([]);
    });

    it('without a policy file the default 500 applies and the finding names the imports folder', () => {
      const rows = (count: number) =>
        Array.from({ length: count }, (_, i) =>
          personRow({ line: i + 2, name: `Person ${i}`, email: `p${i}@northfield.edu` }),
        );
      const options = { labels: ['large-import'], policyFile: null };
      expect(checkPolicy(planOf(rows(500)), DEFAULT_POLICY, snapshot(), options).findings).toEqual([]);
      expect(checkPolicy(planOf(rows(501)), DEFAULT_POLICY, snapshot(), options).findings).toEqual([
        {
          severity: 'error',
          file: 'imports',
          line: 1,
          column: null,
          code: 'max-changes',
          message:
            'This change creates or updates 501 rows (501 people, 0 phones), more than max_changes (500, the default); to go ahead, split it into smaller pull requests, or raise max_changes in imports/policy.yml (or set override_label there and add that label to the pull request)',
        },
      ]);
    });
  });

  describe('what depended on a row that is no longer created', () => {
    // Ola (gmail) breaches; Ben reports to Ola, Cy to Ben, Maria (exists) to Ola. Ola and Ben get phones.
    const setUp = () => {
      const org = snapshot({ users: [maria] });
      const plan = planOf(
        [
          personRow({
            line: 2,
            name: 'Ola Outside',
            email: 'ola@gmail.com',
            location: 'North Annex',
            ...CALLER,
          }),
          personRow({ line: 3, name: 'Ben Carter', managerEmail: 'OLA@gmail.com', location: 'South Annex' }),
          personRow({ line: 4, name: 'Cy Diaz', managerEmail: 'ben.carter@northfield.edu' }),
          personRow({
            line: 5,
            name: 'Maria Gonzalez',
            email: 'maria.gonzalez@northfield.edu',
            managerEmail: 'ola@gmail.com',
            ...CALLER,
          }),
          personRow({ line: 6, name: 'Dee Evans', location: 'South Annex', ...CALLER }),
        ],
        [
          phoneRow({ line: 2, email: 'ola@gmail.com' }),
          phoneRow({ line: 3, email: 'maria.gonzalez@northfield.edu', personInBatch: true }),
          phoneRow({ line: 4, email: 'dee.evans@northfield.edu' }),
        ],
        org,
        { today: '2026-11-20' },
      );
      return { org, plan, checked: check(plan, policyOf('allowed_email_domains: [northfield.edu]\n'), org) };
    };

    it('their reports are errors on email_manager, down the reporting line, and their phone is an error', () => {
      const { plan, checked } = setUp();
      expect(actions(plan).map(([line, action]) => [line, action])).toEqual([
        [2, 'create'],
        [3, 'create'],
        [4, 'create'],
        [5, 'update'],
        [6, 'create'],
      ]);
      expect(actions(checked)).toEqual([
        [2, 'error', [['email', 'policy-email-domain']]],
        [3, 'error', [['email_manager', 'manager-not-created']]],
        [4, 'error', [['email_manager', 'manager-not-created']]],
        [5, 'error', [['email_manager', 'manager-not-created']]],
        [6, 'create', []],
      ]);
      expect(row(checked, 3).errors[0]?.message).toBe(
        `Manager OLA@gmail.com will not be created: their row (${PEOPLE_FILE}:2) has errors`,
      );
      expect(row(checked, 4).errors[0]?.message).toBe(
        `Manager ben.carter@northfield.edu will not be created: their row (${PEOPLE_FILE}:3) has errors`,
      );
      expect(phones(checked).map((p) => [p.line, p.action, p.errors.map((e) => e.code)])).toEqual([
        [2, 'error', ['person-not-created']],
        [3, 'create', []],
        [4, 'create', []],
      ]);
      expect(phones(checked)[0]?.errors[0]).toEqual({
        severity: 'error',
        file: PHONES_FILE,
        line: 2,
        column: 'email',
        code: 'person-not-created',
        message: `ola@gmail.com will not be created: their row (${PEOPLE_FILE}:2) has errors`,
      });
      expect(checked.summary.people).toEqual({ create: 1, update: 0, unchanged: 0, skip: 0, error: 4 });
      expect(checked.summary.phones).toEqual({ create: 2, update: 0, unchanged: 0, error: 1 });
    });

    it('they are not invited, and a new location only they named is not created', () => {
      const { plan, checked } = setUp();
      expect(plan.summary.invites).toEqual([
        { batch: 'student-services', date: '2026-12-01', count: 4, unconfirmed: 0 },
      ]);
      expect(checked.summary.invites).toEqual([
        { batch: 'student-services', date: '2026-12-01', count: 1, unconfirmed: 0 },
      ]);
      expect(plan.locationsToCreate.map((l) => [l.name, l.line])).toEqual([
        ['North Annex', 2],
        ['South Annex', 3],
      ]);
      expect(checked.locationsToCreate.map((l) => [l.name, l.line])).toEqual([['South Annex', 6]]);
      expect(
        checked.warnings.filter((w) => w.code === 'new-location').map((w) => [w.line, w.message]),
      ).toEqual([[6, 'Location "South Annex" does not exist; apply will create it']]);
    });

    it('the summary counts every row once, as buildPlan would', () => {
      const { checked } = setUp();
      const rows = people(checked);
      const { people: counts, phones: phoneCounts } = checked.summary;
      expect(counts.create + counts.update + counts.unchanged + counts.skip + counts.error).toBe(rows.length);
      expect(phoneCounts.create + phoneCounts.update + phoneCounts.unchanged + phoneCounts.error).toBe(
        phones(checked).length,
      );
      const warnings = [...rows, ...phones(checked)].reduce((sum, r) => sum + r.warnings.length, 0);
      expect(checked.summary.warnings).toBe(warnings + checked.warnings.length);
    });
  });

  describe('enforcePolicy (what the command layer calls)', () => {
    const file = 'imports/policy.yml';

    it('no policy file: only the default max_changes, findings on the imports folder', () => {
      const plan = planOf([aishaRow()]);
      expect(enforcePolicy(plan, null, snapshot(), { labels: [], policyFile: file })).toStrictEqual(plan);
    });

    it("a policy file's own errors join the plan's findings (so apply refuses), and its good rules still apply", () => {
      const plan = planOf([aishaRow(), personRow({ line: 3, name: 'Zoe', email: 'zoe@gmail.com' })]);
      const parsed = parsePolicy(
        'allowed_email_domains: [northfield.edu]\nforbiden_roles: [Master Admin]\n',
        file,
      );
      const checked = enforcePolicy(plan, parsed, snapshot(), { labels: [], policyFile: file });
      expect(checked.findings.map((f) => [f.file, f.line, f.column, f.code])).toEqual([
        [file, 2, 'forbiden_roles', 'unknown-key'],
      ]);
      expect(actions(checked)).toEqual([
        [2, 'create', []],
        [3, 'error', [['email', 'policy-email-domain']]],
      ]);
    });

    it('a policy file that cannot be read is an error, and the default max_changes still holds', () => {
      const rows = Array.from({ length: 501 }, (_, i) =>
        personRow({ line: i + 2, name: `P ${i}`, email: `p${i}@northfield.edu` }),
      );
      const parsed = parsePolicy('max_changes: [\n', file);
      const checked = enforcePolicy(planOf(rows), parsed, snapshot(), { labels: [], policyFile: file });
      expect(checked.findings.map((f) => [f.file, f.line, f.code])).toEqual([
        [file, 1, 'max-changes'],
        [file, 2, 'invalid-yaml'],
      ]);
    });
  });

  describe('judgeChange: the policy in force before a change judges it', () => {
    const file = 'imports/policy.yml';
    const strict = parsePolicy('forbidden_roles: [PureCloud User]\n', file);
    const loose = parsePolicy('forbidden_roles: [Master Admin]\n', file);
    const base = { file, name: 'imports/policy.yml of main (5c1a0e0)' };

    it("the rules before the change decide its rows; the changed file's rules do not", () => {
      const plan = planOf([aishaRow()]);
      const checked = judgeChange(plan, snapshot(), {
        labels: [],
        judge: { ...base, parsed: strict },
        changed: { file, parsed: loose },
      });
      expect(actions(checked)).toEqual([[2, 'error', [['roles_divisions', 'policy-role-forbidden']]]]);
      expect(row(checked, 2).errors[0]?.message).toBe(
        'Role "PureCloud User" may not be granted through imports (forbidden_roles in imports/policy.yml of main (5c1a0e0))',
      );
      // And the other way round: a change that tightens the rules is judged by the looser ones.
      const tightened = judgeChange(plan, snapshot(), {
        labels: [],
        judge: { ...base, parsed: loose },
        changed: { file, parsed: strict },
      });
      expect(actions(tightened)).toEqual([[2, 'create', []]]);
      // No file before the change: the default policy.
      const none = judgeChange(plan, snapshot(), {
        labels: [],
        judge: { ...base, parsed: null },
        changed: { file, parsed: strict },
      });
      expect(actions(none)).toEqual([[2, 'create', []]]);
    });

    it("the changed file's own errors and unknown names are the change's", () => {
      const plan = planOf([aishaRow()]);
      const checked = judgeChange(plan, snapshot(), {
        labels: [],
        judge: { ...base, parsed: loose },
        changed: { file, parsed: parsePolicy('forbiden_roles: [x]\nallowed_roles: [Nobody]\n', file) },
      });
      expect(checked.findings.map((f) => [f.file, f.line, f.code])).toEqual([
        [file, 1, 'unknown-key'],
        [file, 2, 'unknown-role'],
      ]);
      expect(actions(checked)).toEqual([[2, 'create', []]]);
    });

    it('a policy in force with errors lets no row be written; a change that writes nothing (its fix) passes', () => {
      const broken = parsePolicy('forbidden_roles: [Master Admn]\n', file);
      const plan = planOf([aishaRow()]);
      const checked = judgeChange(plan, snapshot(), {
        labels: [],
        judge: { ...base, parsed: broken },
        changed: { file, parsed: loose },
      });
      expect(checked.findings.map((f) => [f.file, f.line, f.code])).toEqual([
        [file, 1, 'policy-in-force-invalid'],
      ]);
      expect(checked.findings[0]?.message).toMatch(
        /^The policy that judges this change \(imports\/policy.yml of main \(5c1a0e0\)\) has an error \(line 1: Unknown role "Master Admn" in forbidden_roles/,
      );
      const nothingToWrite = planOf([]);
      const fix = judgeChange(nothingToWrite, snapshot(), {
        labels: [],
        judge: { ...base, parsed: broken },
        changed: { file, parsed: loose },
      });
      expect(fix.findings).toEqual([]);
    });

    it('without a changed file it is enforcePolicy', () => {
      const plan = planOf([aishaRow()]);
      expect(
        judgeChange(plan, snapshot(), { labels: [], judge: { file, parsed: strict }, changed: null }),
      ).toStrictEqual(enforcePolicy(plan, strict, snapshot(), { labels: [], policyFile: file }));
    });
  });
});
