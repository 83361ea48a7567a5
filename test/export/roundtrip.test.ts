// Export against the sandbox, then validate and plan the export against the same org: everything
// must be unchanged, an edited cell must be exactly one change, and awkward values must come back.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply.js';
import { PEOPLE_COLUMNS } from '../../src/csv/people.js';
import { orgWriter } from '../../src/genesys/writer.js';
import { loadImports } from '../../src/imports.js';
import { loadSnapshot } from '../../src/genesys/snapshot.js';
import { snapshotNeed } from '../../src/plan/need.js';
import { buildPlan } from '../../src/plan/plan.js';
import { ExportFilterError } from '../../src/export/filter.js';
import { exportOrg, renderExportText } from '../../src/run/export.js';
import { demoOrg, DEMO_IDS } from '../../src/sandbox/index.js';
import type { OrgSeed } from '../../src/sandbox/index.js';
import { sandboxToken } from '../helpers/sandbox.js';
import {
  actions,
  editCell,
  exportAndPlan,
  exportDir,
  openSession,
  planImportsDir,
  TODAY,
  type Session,
} from './helpers.js';

const column = (name: (typeof PEOPLE_COLUMNS)[number]) => PEOPLE_COLUMNS.indexOf(name);

describe('export of the demo org', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => session.close());

  it('validates clean and plans as all unchanged', async () => {
    const { result, imports, plan } = await exportAndPlan(session);
    expect(result).toMatchObject({ people: 4, phones: 1, findings: [], removed: [] });
    expect(result.files).toEqual([
      path.join(exportDir(session), 'people.csv'),
      path.join(exportDir(session), 'phones.csv'),
    ]);
    expect(imports.findings).toEqual([]);
    expect(plan.summary.people).toEqual({ create: 0, update: 0, unchanged: 4, skip: 0, error: 0 });
    expect(plan.summary.phones).toEqual({ create: 0, update: 0, unchanged: 1, error: 0 });
    expect(plan.warnings).toEqual([]);
    expect(renderExportText(result)).toBe(
      `Exported 4 people to ${result.files[0] ?? ''} and 1 WebRTC phone to ${result.files[1] ?? ''}.\nNo problems found.\n`,
    );
  });

  it('plans exactly the one change when one cell is edited', async () => {
    await exportAndPlan(session);
    await editCell(session, 'james.okafor@northfield.edu', column('title'), 'Senior Advisor, Evenings');
    const { plan } = await planImportsDir(session);
    expect(actions(plan).people).toEqual({
      'admin@northfield.edu': 'unchanged',
      'james.okafor@northfield.edu': 'update',
      'maria.gonzalez@northfield.edu': 'unchanged',
      'priya.patel@northfield.edu': 'unchanged',
    });
    const james = plan.batches[0]?.people.find((person) => person.email === 'james.okafor@northfield.edu');
    expect(james?.changes).toEqual([
      { field: 'title', before: 'Student Services Advisor', after: 'Senior Advisor, Evenings' },
    ]);
    expect(james?.patch).toEqual({ title: 'Senior Advisor, Evenings' });
    expect(plan.summary.phones.unchanged).toBe(1);
  });

  it('plans one added queue when the queues cell of one row is extended', async () => {
    await exportAndPlan(session);
    await editCell(session, 'priya.patel@northfield.edu', column('queues'), 'IT Help Desk Tier 1, Registrar');
    const { plan } = await planImportsDir(session);
    const changed = plan.batches[0]?.people.filter((person) => person.action !== 'unchanged') ?? [];
    expect(changed.map((person) => [person.email, person.changes])).toEqual([
      [
        'priya.patel@northfield.edu',
        [{ field: 'queues', before: 'IT Help Desk Tier 1', after: 'IT Help Desk Tier 1, Registrar' }],
      ],
    ]);
    expect(changed[0]?.queueIds).toEqual([DEMO_IDS.queues.registrar]);
  });

  it('exports only the division asked for, and the phones of those people', async () => {
    const { result, plan } = await exportAndPlan(session, { divisions: ['student services'] });
    expect(result).toMatchObject({ people: 2, phones: 1 });
    expect(Object.keys(actions(plan).people)).toEqual([
      'james.okafor@northfield.edu',
      'maria.gonzalez@northfield.edu',
    ]);
    expect(plan.summary.people.unchanged).toBe(2);
  });

  it('refuses a division the org does not have after one listing call, writing nothing', async () => {
    const before = session.sandbox.stats().requests.byRoute;
    const run = exportOrg(
      session.client,
      { divisions: ['Student Service', 'Home'] },
      path.join(session.dir, 'none'),
    );
    await expect(run).rejects.toThrow(ExportFilterError);
    await expect(run).rejects.toThrow(
      'There is no division "Student Service" (did you mean "Student Services"?)',
    );
    const after = session.sandbox.stats().requests.byRoute;
    const made = Object.keys(after).filter((route) => after[route] !== before[route]);
    expect(made).toEqual(['GET /api/v2/authorization/divisions']);
    await expect(readFile(path.join(session.dir, 'none', 'people.csv'))).rejects.toThrow('ENOENT');
  });

  it('removes a phones.csv of an earlier export when the new one has no phones', async () => {
    await exportAndPlan(session);
    const { result, plan } = await exportAndPlan(session, { department: 'IT Help Desk' });
    expect(result).toMatchObject({
      people: 1,
      phones: 0,
      removed: [path.join(exportDir(session), 'phones.csv')],
    });
    expect(actions(plan)).toEqual({ people: { 'priya.patel@northfield.edu': 'unchanged' }, phones: {} });
  });
});

describe('export after the demo batch is applied', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => session.close());

  it('plans every person and phone the batch created as unchanged', async () => {
    const demo = await loadImports('src/sandbox/demo');
    const snapshot = await loadSnapshot(session.client, snapshotNeed(demo));
    const applied = await applyPlan(
      buildPlan(demo, snapshot, { today: TODAY }),
      orgWriter(session.client, snapshot.homeDivisionId),
    );
    expect(applied.ok).toBe(true);

    const { result, imports, plan } = await exportAndPlan(session);
    expect(result).toMatchObject({ people: 13, phones: 11, findings: [] });
    expect(imports.findings).toEqual([]);
    expect(plan.summary.people).toEqual({ create: 0, update: 0, unchanged: 13, skip: 0, error: 0 });
    expect(plan.summary.phones).toEqual({ create: 0, update: 0, unchanged: 11, error: 0 });
    // Emily Nguyen holds a grant in two divisions: one pair with both.
    const text = await readFile(path.join(exportDir(session), 'people.csv'), 'utf8');
    expect(text).toContain('PureCloud Supervisor:[Admissions, Student Services]');
    expect(text).toContain('Chloé Dubois,chloe.dubois@northfield.edu');
  });
});

/** The demo org plus people whose values are awkward in a CSV; each case below names its person. */
function trickyOrg(): OrgSeed {
  const org = demoOrg();
  const D = DEMO_IDS;
  org.divisions.push({ id: 'div-research', name: 'Research, Labs' });
  org.queues.push({ id: 'queue-billing', name: 'Billing, East', divisionId: D.divisions.studentServices });
  const base = { divisionId: D.divisions.studentServices };
  org.users.push(
    {
      ...base,
      id: 'u-zoe',
      name: 'Zoë Ångström-李',
      email: 'zoe@northfield.edu',
      title: 'Conseillère « études »',
      department: 'Études supérieures',
      managerId: D.users.tom, // inactive: still a manager the import can name
      grants: [
        { roleId: D.roles.pureCloudSupervisor, divisionId: D.divisions.studentServices },
        { roleId: D.roles.pureCloudSupervisor, divisionId: D.divisions.admissions },
      ],
      skills: [{ skillId: D.skills.french, proficiency: 4.5 }],
    },
    { ...base, id: 'u-empty', name: 'Nobody Special', email: 'empty@northfield.edu' },
    {
      ...base,
      id: 'u-research',
      name: 'Rae Search',
      email: 'rae@northfield.edu',
      divisionId: 'div-research',
      managerId: D.users.sam, // deleted: left blank
      locationIds: [D.locations.welcomeCenter, D.locations.downtown], // two: left blank
      grants: [
        { roleId: D.roles.employee, divisionId: 'div-research' }, // division name has a comma: left out
        { roleId: D.roles.employee, divisionId: D.divisions.home },
      ],
      queueIds: ['queue-billing', D.queues.registrar], // "Billing, East" left out
    },
    { ...base, id: 'u-formula', name: 'Eve Formula', email: 'eve@northfield.edu', title: '=1+2' },
    { ...base, id: 'u-space', name: 'Sid Space', email: 'sid@northfield.edu', department: 'Registrar ' },
  );
  return org;
}

describe('round trip of awkward values', () => {
  let session: Session;
  let token: string;
  const api = async (method: string, route: string, body: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${session.sandbox.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    session = await openSession({ org: trickyOrg() });
    token = await sandboxToken(session.sandbox.url);
    // Through the API, as an admin would have made them: quotes, commas and line breaks in cells.
    const danny = await api('POST', '/api/v2/users', {
      name: 'Danny O\'Brien, "DJ"',
      email: 'danny.obrien@northfield.edu',
      divisionId: DEMO_IDS.divisions.admissions,
      title: 'Advisor\nEvening shift',
      department: 'Admissions, Evening',
      addresses: [{ address: '+1 215 555 0199', mediaType: 'PHONE', type: 'WORK', extension: '4199' }],
    });
    await api('PATCH', `/api/v2/users/${String(danny.id)}`, {
      version: danny.version,
      manager: DEMO_IDS.users.maria,
      locations: [{ id: DEMO_IDS.locations.downtown }],
    });
    await api('POST', '/api/v2/users', {
      name: 'Wen Line',
      email: 'wen@northfield.edu',
      // The spec requires it, and so does a real org (real-api.md §11).
      divisionId: DEMO_IDS.divisions.home,
      title: 'Line one\r\nLine two',
    });
  });
  afterAll(async () => session.close());

  it('reads every exported value back as the org holds it', async () => {
    const { result, imports } = await exportAndPlan(session);
    const rows = new Map(imports.batches.flatMap((batch) => batch.people).map((row) => [row.emailKey, row]));
    const state = session.sandbox.state();
    const exported = state.users.filter((user) => user.state === 'active');
    expect(result.people).toBe(exported.length);
    for (const user of exported) {
      const row = rows.get(user.email.toLowerCase());
      if (user.email === 'eve@northfield.edu') {
        expect(row).toBeUndefined(); // refused by validate: see the formula test
        continue;
      }
      expect({ name: row?.name, title: row?.title, department: row?.department }).toEqual({
        name: user.name,
        title: user.title,
        department: user.email === 'sid@northfield.edu' ? user.department.trim() : user.department,
      });
    }
    const danny = rows.get('danny.obrien@northfield.edu');
    expect(danny).toMatchObject({
      name: 'Danny O\'Brien, "DJ"',
      phoneWork: '+12155550199',
      extension: '4199',
      title: 'Advisor\nEvening shift',
      department: 'Admissions, Evening',
      managerEmail: 'maria.gonzalez@northfield.edu',
      location: 'Northfield Downtown Center',
      division: 'Admissions',
      roles: [],
      queues: [],
      skills: [],
    });
    expect(rows.get('zoe@northfield.edu')).toMatchObject({
      name: 'Zoë Ångström-李',
      title: 'Conseillère « études »',
      managerEmail: 'tom.reyes@northfield.edu',
      roles: [{ role: 'PureCloud Supervisor', divisions: ['Admissions', 'Student Services'] }],
      skills: [{ skill: 'French', proficiency: 4.5 }],
    });
    expect(rows.get('wen@northfield.edu')?.title).toBe('Line one\r\nLine two');
    // Empty fields stay empty: the clearing columns as '', the others absent.
    expect(rows.get('empty@northfield.edu')).toMatchObject({
      phoneWork: '',
      extension: '',
      title: '',
      department: '',
      roles: [],
      queues: [],
      skills: [],
    });
    expect(rows.get('empty@northfield.edu')?.managerEmail).toBeUndefined();
    expect(rows.get('empty@northfield.edu')?.location).toBeUndefined();
  });

  it('reports what will not come back unchanged, and the plan changes exactly those', async () => {
    const { result, imports, plan } = await exportAndPlan(session);
    const people = path.join(exportDir(session), 'people.csv');
    const text = await readFile(people, 'utf8');
    const lineOf = (email: string) => text.slice(0, text.indexOf(email)).split('\n').length;
    const place = (f: { line: number; column: string | null; code: string }) =>
      `${f.line}:${f.column ?? '-'}:${f.code}`;
    expect(result.findings.map(place)).toEqual([
      `${lineOf('eve@northfield.edu')}:title:formula-cell`,
      `${lineOf('rae@northfield.edu')}:email_manager:manager-deleted`,
      `${lineOf('rae@northfield.edu')}:location_work:several-locations`,
      `${lineOf('rae@northfield.edu')}:queues:name-not-exportable`,
      `${lineOf('rae@northfield.edu')}:roles_divisions:name-not-exportable`,
      `${lineOf('sid@northfield.edu')}:department:trimmed-on-import`,
    ]);
    expect(result.findings.every((f) => f.file === people)).toBe(true);
    // The formula cell is written as it is, and validate refuses the same cell.
    expect(text).toContain('Eve Formula,eve@northfield.edu,,,=1+2,');
    expect(imports.findings.map(place)).toEqual([`${lineOf('eve@northfield.edu')}:title:formula-cell`]);
    // Everything else plans unchanged, except the value the import trims.
    const changed = plan.batches
      .flatMap((batch) => batch.people)
      .filter((person) => person.action !== 'unchanged');
    expect(changed.map((person) => [person.email, person.action, person.changes])).toEqual([
      ['sid@northfield.edu', 'update', [{ field: 'department', before: 'Registrar ', after: 'Registrar' }]],
    ]);
    const errors = plan.batches.flatMap((batch) => batch.people).flatMap((person) => person.errors);
    expect(errors).toEqual([]);
    expect(plan.summary.people.error).toBe(1); // Eve's row, refused by validate
    expect(text).toContain(
      'Rae Search,rae@northfield.edu,,,,,,,employee:[Home],Registrar,"Research, Labs",,',
    );
  });
});
