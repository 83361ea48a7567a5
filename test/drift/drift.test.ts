// Drift against the sandbox: apply the demo batch, change the org by hand, and the report names
// exactly those rows and fields; blank "leave" cells and a role beyond the CSV's are no drift; apply
// puts back what it can, and drift is clean again. Costs the bulk reads of a plan, nothing more.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftRow } from '../../src/drift/drift.js';
import { needsAttention } from '../../src/drift/report.js';
import { renderDriftMarkdown, renderDriftText } from '../../src/render/drift.js';
import { applyImports, planImports } from '../../src/run/commands.js';
import { driftImports } from '../../src/run/drift.js';
import { DEMO_IDS } from '../../src/sandbox/index.js';
import { diffCounts, FAST_APPLY } from '../apply/fixtures.js';
import {
  addGrant,
  changeByRestart,
  leaveQueue,
  patchUser,
  seedUser,
  startOrg,
  userOf,
  type Org,
} from './org.js';

const D = DEMO_IDS;
// Before the demo batch's training day (1 Dec): no invite follow-up here (see follow-up.test.ts).
const WHEN = { today: '2026-11-25', now: new Date('2026-11-25T12:00:00Z') };
const AISHA = 'aisha.rahman@northfield.edu';
const BEN = 'ben.carter@northfield.edu';
const CHLOE = 'chloe.dubois@northfield.edu';
const DIEGO = 'diego.fernandez@northfield.edu';
const FARAH = 'farah.haddad@northfield.edu';
const GEORGE = 'george.lin@northfield.edu';
const ISAAC = 'isaac.mensah@northfield.edu';

let org: Org;
let root: string;

/** Rows as `email file:line kind field=csv|org …`, sorted: what the assertions compare. */
const rowsOf = (rows: readonly DriftRow[]) =>
  rows.map((row) => ({
    subject: row.subject,
    email: row.email,
    line: row.line,
    kind: row.kind,
    fields: row.fields.map((field) => ({ ...field })),
    applyFixes: row.applyFixes,
  }));

const drift = async () => (await driftImports(root, org.client, WHEN)).report;
const allRows = (report: Awaited<ReturnType<typeof drift>>) => report.batches.flatMap((batch) => batch.rows);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-drift-'));
  await cp('src/sandbox/demo', root, { recursive: true });
  org = await startOrg();
  const { result } = await applyImports(root, org.client, { today: WHEN.today, ...FAST_APPLY });
  expect(result.ok).toBe(true);
});

afterAll(async () => {
  await org?.close();
  await rm(root, { recursive: true, force: true });
});

describe('drift', () => {
  it('is clean right after apply, and costs exactly the reads of a plan', async () => {
    const before = org.sandbox.stats().requests.byRoute;
    const report = await drift();
    const driftCalls = diffCounts(org.sandbox.stats().requests.byRoute, before);
    expect(report.counts).toMatchObject({ drifted: 0, expired: 0, neverInvited: 0, errors: 0 });
    expect(needsAttention(report)).toBe(false);
    expect(renderDriftText(report)).toContain('No drift: every row of the 1 batch');

    const planBefore = org.sandbox.stats().requests.byRoute;
    await planImports(root, org.client, { today: WHEN.today });
    const planCalls = diffCounts(org.sandbox.stats().requests.byRoute, planBefore);
    const reads = (calls: Record<string, number>) =>
      Object.entries(calls).filter(([route]) => route !== 'POST /oauth/token');
    expect(reads(driftCalls)).toEqual(reads(planCalls));
    expect(
      Object.keys(driftCalls).every(
        (route) => route.startsWith('GET ') || route.endsWith('/search') || route === 'POST /oauth/token',
      ),
    ).toBe(true);
  });

  it('reports a changed title, a queue left and a deactivated person, and nothing else', async () => {
    await patchUser(org.sandbox, AISHA, { title: 'Team Lead' });
    await leaveQueue(org.sandbox, BEN, D.queues.registrar);
    await patchUser(org.sandbox, CHLOE, { state: 'inactive' });
    const writes = org.sandbox.stats().requests.byRoute;
    const report = await drift();
    // Read-only: no write of any kind.
    const after = diffCounts(org.sandbox.stats().requests.byRoute, writes);
    expect(
      Object.keys(after).filter(
        (route) => !route.startsWith('GET ') && !route.endsWith('/search') && route !== 'POST /oauth/token',
      ),
    ).toEqual([]);

    expect(rowsOf(allRows(report))).toEqual([
      {
        subject: 'person',
        email: AISHA,
        line: 2,
        kind: 'changed',
        fields: [{ field: 'title', csv: 'Student Services Advisor', org: 'Team Lead', missing: null }],
        applyFixes: true,
      },
      {
        subject: 'person',
        email: BEN,
        line: 3,
        kind: 'changed',
        fields: [
          {
            field: 'queues',
            csv: 'Student Services General, Registrar',
            org: 'Student Services General',
            missing: ['Registrar'],
          },
        ],
        applyFixes: true,
      },
      {
        subject: 'person',
        email: CHLOE,
        line: 4,
        kind: 'changed',
        fields: [{ field: 'state', csv: 'active', org: 'inactive', missing: null }],
        applyFixes: false,
      },
    ]);
    expect(report.counts).toMatchObject({ drifted: 3, people: 3, phones: 0, applyFixes: 2 });
    const markdown = renderDriftMarkdown(report);
    expect(markdown).toContain('title: CSV "Student Services Advisor", org "Team Lead"');
    expect(markdown).toContain('queues: gone Registrar');
    expect(markdown).toMatch(/would touch .*people\.csv lines 2, 3/);
  });

  it('takes a role the org has beyond the CSV and a blank cell that leaves a field as no drift', async () => {
    await addGrant(org.sandbox, ISAAC, D.roles.pureCloudSupervisor, D.divisions.studentServices);
    // Aisha's manager and location cells made blank: blank leaves them, whatever the org has.
    const file = path.join(root, 'student-services/people.csv');
    const original = await readFile(file, 'utf8');
    const lines = original.split('\n');
    lines[1] = (lines[1] ?? '').replace(
      'maria.gonzalez@northfield.edu,Northfield Main Campus - Welcome Center',
      ',',
    );
    await writeFile(file, lines.join('\n'));
    try {
      await patchUser(org.sandbox, AISHA, { manager: userOf(org.sandbox, ISAAC).id });
      const report = await drift();
      expect(allRows(report).map((row) => row.email)).toEqual([AISHA, BEN, CHLOE]);
      expect(allRows(report)[0]?.fields.map((field) => field.field)).toEqual(['title']);
    } finally {
      await writeFile(file, original);
    }
  });

  it('reports a grant taken away and a deleted phone; apply puts back all it can, and drift is clean', async () => {
    org = await changeByRestart(org, (seed) => {
      const diego = seedUser(seed, DIEGO);
      diego.grants = (diego.grants ?? []).filter((grant) => grant.roleId !== D.roles.pureCloudUser);
      const farah = seedUser(seed, FARAH);
      const phone = seed.phones.find((candidate) => candidate.webRtcUserId === farah.id);
      if (!phone) throw new Error('Farah has no phone');
      phone.state = 'deleted';
    });
    const report = await drift();
    const rows = rowsOf(allRows(report));
    expect(rows.map((row) => [row.subject, row.email, row.kind])).toEqual([
      ['person', AISHA, 'changed'],
      ['person', BEN, 'changed'],
      ['person', CHLOE, 'changed'],
      ['person', DIEGO, 'changed'],
      ['phone', FARAH, 'missing'],
    ]);
    expect(rows[3]?.fields).toEqual([
      {
        field: 'roles_divisions',
        csv: 'employee:[Student Services], PureCloud User:[Student Services]',
        org: 'employee:[Student Services]',
        missing: ['PureCloud User:[Student Services]'],
      },
    ]);
    expect(renderDriftText(report)).toContain(
      'no phone named "Farah Haddad" for farah.haddad@northfield.edu',
    );

    const { result } = await applyImports(root, org.client, { today: WHEN.today, ...FAST_APPLY });
    expect(result.ok).toBe(true);
    // Apply never reactivates anyone: Chloé stays, with what to do instead.
    const afterApply = await drift();
    expect(rowsOf(allRows(afterApply)).map((row) => [row.email, row.applyFixes])).toEqual([[CHLOE, false]]);
    expect(allRows(afterApply)[0]?.fix).toContain('reactivate them in Admin > People');

    await patchUser(org.sandbox, CHLOE, { state: 'active' });
    const clean = await drift();
    expect(clean.counts.drifted).toBe(0);
    expect(needsAttention(clean)).toBe(false);
  });

  it('reports a deleted person and a default phone taken away, and what apply cannot do', async () => {
    org = await changeByRestart(org, (seed) => {
      seedUser(seed, ISAAC).state = 'deleted';
      const george = seedUser(seed, GEORGE);
      const phone = seed.phones.find((candidate) => candidate.webRtcUserId === george.id);
      if (!phone) throw new Error('George has no phone');
      phone.defaultForUser = false;
    });
    const rows = allRows(await drift());
    expect(rows.map((row) => [row.subject, row.email, row.kind, row.applyFixes])).toEqual([
      ['person', ISAAC, 'deleted', false],
      ['phone', GEORGE, 'changed', true],
      // A deleted person's phone cannot be planned either: the row says why.
      ['phone', ISAAC, 'unresolved', false],
    ]);
    expect(rows[1]?.fields).toEqual([{ field: 'default_phone', csv: 'George Lin', org: '', missing: null }]);
    expect(rows[0]?.fix).toContain('restore them in Admin > People');
    expect(renderDriftText(await drift())).toContain('default_phone: CSV "George Lin", org (none)');
  });
});
