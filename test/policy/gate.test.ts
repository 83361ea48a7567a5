// The policy is a gate inside planning: rows pass it as they are resolved, and everything that
// depends on rows (reports, phones, invites, training-day and permission warnings) is derived once,
// from the rows as the gate left them. plan/ owns the gate's type and never imports policy/.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/plan.js';
import { policyGate, rulesGate } from '../../src/policy/check.js';
import { parsePolicy } from '../../src/policy/policy.js';
import { batch, importSet, maria, orgUser, personRow, phoneRow, snapshot } from '../plan/fixtures.js';

const POLICY_FILE = 'imports/policy.yml';
const forbidUser = () => {
  const { policy } = parsePolicy('forbidden_roles: [PureCloud User]\n', POLICY_FILE);
  if (!policy) throw new Error('no policy');
  return rulesGate(policy, { labels: [], policyFile: POLICY_FILE });
};
const CALLER = [{ role: 'PureCloud User', divisions: ['Student Services'] }];

describe('the policy gate inside planning', () => {
  it('plan/ does not import policy/: the gate is a type plan/ owns', () => {
    for (const file of readdirSync('src/plan')) {
      expect(readFileSync(`src/plan/${file}`, 'utf8'), file).not.toMatch(/from '\.\.\/policy\//);
    }
  });

  it("the training day's warning counts only the people the gate lets through", () => {
    const imports = importSet([
      batch(
        [
          personRow({ line: 2, name: 'Ada Lane' }),
          personRow({ line: 3, name: 'Bo Reyes', roles: CALLER }),
          personRow({ line: 4, name: 'Cy Diaz', roles: CALLER }),
        ],
        [],
        { trainingDay: '2027-03-01' },
      ),
    ]);
    const far = (gated: boolean) =>
      buildPlan(imports, snapshot(), { today: '2026-12-02', ...(gated ? { gate: forbidUser() } : {}) })
        .warnings.filter((warning) => warning.code === 'training-day-far')
        .map((warning) => warning.message);
    expect(far(false)).toEqual([expect.stringContaining('the 3 people of batch student-services')]);
    expect(far(true)).toEqual([expect.stringContaining('the 1 person of batch student-services')]);
  });

  it('a phone whose person the gate stops adds no role: its calling permission is judged without them', () => {
    // Dee exists with no roles (read whole); her row would give her PureCloud User, which calls.
    const dee = orgUser({
      id: 'user-dee',
      name: 'Dee Evans',
      email: 'dee.evans@northfield.edu',
      grantsComplete: true,
    });
    const imports = importSet([
      batch(
        [personRow({ line: 2, name: 'Dee Evans', roles: CALLER })],
        [phoneRow({ line: 2, email: 'dee.evans@northfield.edu' })],
      ),
    ]);
    const org = snapshot({ users: [maria, dee] });
    const phoneOf = (plan: ReturnType<typeof buildPlan>) => plan.batches[0]?.phones[0];
    expect(phoneOf(buildPlan(imports, org))?.action).toBe('create');
    const gated = buildPlan(imports, org, { gate: forbidUser() });
    expect(gated.batches[0]?.people[0]?.errors.map((e) => e.code)).toEqual(['policy-role-forbidden']);
    expect(phoneOf(gated)?.errors.map((e) => e.code)).toEqual(['no-call-permission']);
    expect(gated.summary.phones).toMatchObject({ create: 0, error: 1 });
  });

  it('max_changes counts what the change asks, before the gate stops rows', () => {
    const { policy } = parsePolicy('max_changes: 2\nforbidden_roles: [PureCloud User]\n', POLICY_FILE);
    const imports = importSet([
      batch([
        personRow({ line: 2, name: 'Ada Lane' }),
        personRow({ line: 3, name: 'Bo Reyes' }),
        personRow({ line: 4, name: 'Cy Diaz', roles: CALLER }),
      ]),
    ]);
    const plan = buildPlan(imports, snapshot(), {
      gate: policyGate({
        labels: [],
        judge: { parsed: { policy, findings: [] }, file: POLICY_FILE },
        changed: null,
      }),
    });
    expect(plan.summary.people).toMatchObject({ create: 2, error: 1 });
    expect(plan.findings.map((f) => [f.code, f.message.slice(0, 52)])).toEqual([
      ['max-changes', 'This change creates or updates 3 rows (3 people, 0 p'],
    ]);
  });

  it('a row its manager blocks whatever the policy says is not asked for (max_changes)', () => {
    const { policy } = parsePolicy('max_changes: 1\nforbidden_roles: [PureCloud User]\n', POLICY_FILE);
    const imports = importSet([
      batch([
        personRow({ line: 2, name: 'Ema Stone', queues: ['No Such Queue'] }),
        personRow({ line: 3, name: 'Fay Lu', managerEmail: 'ema.stone@northfield.edu', roles: CALLER }),
        personRow({ line: 4, name: 'Gus Hale' }),
      ]),
    ]);
    const plan = buildPlan(imports, snapshot(), {
      gate: policyGate({
        labels: [],
        judge: { parsed: { policy, findings: [] }, file: POLICY_FILE },
        changed: null,
      }),
    });
    expect(plan.batches[0]?.people.map((p) => [p.action, p.errors.map((e) => e.code)])).toEqual([
      ['error', ['unknown-queue']],
      // In error before the gate (its manager): the policy checks only its email, as for any row in error.
      ['error', ['manager-not-created']],
      ['create', []],
    ]);
    expect(plan.findings).toEqual([]);
  });
});
