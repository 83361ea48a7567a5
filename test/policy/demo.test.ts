// The guardrails against the sandbox's demo org and the demo batch: the real snapshot (all roles and
// divisions read over HTTP), the real plan, and apply, which must write nothing a policy forbids.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply.js';
import type { GenesysClient } from '../../src/genesys/client.js';
import { loadSnapshot } from '../../src/genesys/snapshot.js';
import { orgWriter } from '../../src/genesys/writer.js';
import { loadImports } from '../../src/imports.js';
import { snapshotNeed } from '../../src/plan/need.js';
import { buildPlan } from '../../src/plan/plan.js';
import type { OrgSnapshot } from '../../src/plan/snapshot.js';
import type { ImportSet } from '../../src/csv/types.js';
import type { Plan } from '../../src/plan/types.js';
import { rulesGate, type PolicyCheckOptions } from '../../src/policy/check.js';
import { parsePolicy, type Policy } from '../../src/policy/policy.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { connectTo, QUICK_SANDBOX } from '../helpers/sandbox.js';

let sandbox: Sandbox;
let client: GenesysClient;
let snapshot: OrgSnapshot;
let imports: ImportSet;
let plan: Plan;
const DEMO_PEOPLE = 'src/sandbox/demo/student-services/people.csv';

beforeAll(async () => {
  sandbox = await startSandbox(QUICK_SANDBOX);
  client = await connectTo(sandbox.url);
  imports = await loadImports('src/sandbox/demo');
  expect(imports.findings).toEqual([]);
  snapshot = await loadSnapshot(client, snapshotNeed(imports));
  plan = buildPlan(imports, snapshot, { today: '2026-11-20' });
});

afterAll(async () => {
  client.close();
  await sandbox.close();
});

const policyOf = (yaml: string): Policy => {
  const { policy, findings } = parsePolicy(yaml, 'src/sandbox/demo/policy.yml');
  expect(findings).toEqual([]);
  if (!policy) throw new Error('no policy');
  return policy;
};
const options = { labels: [], policyFile: 'src/sandbox/demo/policy.yml' };

/** The demo batch planned with the policy's gate inside planning (`plan` is the same without it). */
const checkPolicy = (_plan: Plan, policy: Policy, org: OrgSnapshot, gateOptions: PolicyCheckOptions) =>
  buildPlan(imports, org, { today: '2026-11-20', gate: rulesGate(policy, gateOptions) });

describe('the demo batch under a policy', () => {
  it('the documented example allows the demo batch as it is, names only what the org has, and warns on supervisors', () => {
    const example = parsePolicy(
      readFileSync('imports/policy.example.yml', 'utf8'),
      'imports/policy.example.yml',
    );
    if (!example.policy) throw new Error('no policy');
    const checked = checkPolicy(plan, example.policy, snapshot, options);
    expect(checked.findings).toEqual([]);
    expect(checked.summary).toEqual({ ...plan.summary, warnings: plan.summary.warnings + 2 });
    const warned = checked.batches.flatMap((batch) => batch.people).filter((row) => row.warnings.length > 0);
    expect(warned.map((row) => [row.line, row.warnings.map((w) => [w.column, w.code])])).toEqual([
      [
        6,
        [
          ['roles_divisions', 'privileged-role'],
          ['roles_divisions', 'privileged-role'],
        ],
      ],
    ]);
  });

  it('a policy that forbids what the batch asks: each new person is an error at roles_divisions, and apply grants nothing', async () => {
    const checked = checkPolicy(plan, policyOf('forbidden_roles:\n  - PureCloud User\n'), snapshot, options);
    const rows = checked.batches.flatMap((batch) => batch.people);
    // James Okafor (line 11) exists and already holds the role: his row grants nothing forbidden.
    expect(rows.map((row) => [row.file, row.line, row.action])).toEqual([
      ...Array.from({ length: 9 }, (_, i) => [DEMO_PEOPLE, i + 2, 'error']),
      [DEMO_PEOPLE, 11, 'update'],
    ]);
    for (const row of rows.slice(0, 9)) {
      expect(row.errors).toEqual([
        {
          severity: 'error',
          file: DEMO_PEOPLE,
          line: row.line,
          column: 'roles_divisions',
          code: 'policy-role-forbidden',
          message:
            'Role "PureCloud User" may not be granted through imports (forbidden_roles in src/sandbox/demo/policy.yml)',
        },
      ]);
    }
    expect(checked.summary.people).toEqual({ create: 0, update: 1, unchanged: 0, skip: 0, error: 9 });
    // Their phones wait for people who will not be created.
    expect(checked.summary.phones).toEqual({ create: 1, update: 0, unchanged: 0, error: 9 });

    sandbox.reset();
    const result = await applyPlan(checked, orgWriter(client, snapshot.homeDivisionId), {
      stationFirstPollMs: 60,
    });
    expect(result.refused).toBeNull();
    const routes = sandbox.stats().requests.byRoute;
    expect(routes['POST /api/v2/users']).toBeUndefined();
    expect(Object.keys(routes).filter((route) => route.includes('/authorization/'))).toEqual([]);
    expect(routes['POST /api/v2/telephony/providers/edges/phones']).toBe(1);
    expect(routes['PATCH /api/v2/users/{id}']).toBe(1);
  });

  it('names the org does not have are reported on the policy lines, from the org as read', () => {
    const checked = checkPolicy(
      plan,
      policyOf('allowed_roles:\n  - employee\n  - PureCloud Usr\nallowed_divisions:\n  - Student Service\n'),
      snapshot,
      options,
    );
    expect(checked.findings.map((f) => [f.line, f.column, f.code, f.message])).toEqual([
      [
        3,
        'allowed_roles',
        'unknown-role',
        'Unknown role "PureCloud Usr" in allowed_roles (did you mean "PureCloud User"?): the org has no role by that name',
      ],
      [
        5,
        'allowed_divisions',
        'unknown-division',
        'Unknown division "Student Service" in allowed_divisions (did you mean "Student Services"?): the org has no division by that name',
      ],
    ]);
  });
});
