// A team's second and third merges against a sandbox with every real-org behaviour on (its defaults):
// apply batch A, add batch B and apply, add rows to A and apply. Every run must exit 0, earlier rows
// must plan `unchanged` (work phones written without a country code, extensions, WebRTC phones that
// the phone list only shows with fields=webRtcUser), and the last run must write nothing.
// Run at the default seed and two others: the seed drives the version races and dropped expands.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ApplyResult } from '../../src/apply/results.js';
import type { Plan } from '../../src/plan/types.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { runCliCaptured, type Ran } from '../helpers/cli.js';
import { sandboxEnv } from '../helpers/sandbox.js';

const PEOPLE_HEADER =
  'name,email,phone_work,extension,title,department,email_manager,location_work,roles_divisions,queues,division,skills';
const ROLES = '"employee:[Student Services], PureCloud User:[Student Services]"';

/** A person of Student Services; `phone` and `extension` as an admin types them (no country code). */
function personRow(name: string, email: string, phone: string, extension: string): string {
  return [
    name,
    email,
    phone,
    extension,
    'Advisor',
    'Student Services',
    'maria.gonzalez@northfield.edu',
    'Northfield Main Campus - Welcome Center',
    ROLES,
    'Student Services General',
    'Student Services',
    'English:4',
  ].join(',');
}

interface Person {
  name: string;
  email: string;
  phone: string;
  extension: string;
}

const BATCH_A: Person[] = [
  { name: 'Ada Merge', email: 'ada.merge@northfield.edu', phone: '215 555 0201', extension: '4201' },
  { name: 'Ben Merge', email: 'ben.merge@northfield.edu', phone: '(215) 555-0202', extension: '' },
  { name: 'Cy Merge', email: 'cy.merge@northfield.edu', phone: '', extension: '4203' },
  { name: 'Di Merge', email: 'di.merge@northfield.edu', phone: '2155550204', extension: '4204' },
];
const BATCH_B: Person[] = [
  { name: 'Eve Merge', email: 'eve.merge@northfield.edu', phone: '215.555.0205', extension: '4205' },
  { name: 'Fay Merge', email: 'fay.merge@northfield.edu', phone: '', extension: '' },
];
const MORE_A: Person[] = [
  { name: 'Gus Merge', email: 'gus.merge@northfield.edu', phone: '215 555 0207', extension: '4207' },
];

async function writeBatch(root: string, batch: string, people: Person[]): Promise<void> {
  const dir = path.join(root, batch);
  await mkdir(dir, { recursive: true });
  const rows = people.map((p) => personRow(p.name, p.email, p.phone, p.extension));
  await writeFile(path.join(dir, 'people.csv'), `${[PEOPLE_HEADER, ...rows].join('\n')}\n`);
  const phones = people.map((p) => `,,,${p.email}`);
  await writeFile(
    path.join(dir, 'phones.csv'),
    `${['phone_name,base_settings,site,email', ...phones].join('\n')}\n`,
  );
  await writeFile(
    path.join(dir, 'batch.yml'),
    'training_day: 2027-03-01\nphone_defaults:\n  base_settings: WebRTC Softphone\n  site: Northfield Main Campus\n',
  );
}

const cli = (argv: string[], sandbox: Sandbox): Promise<Ran> =>
  runCliCaptured(argv, { env: sandboxEnv(sandbox.url), now: new Date('2026-12-02T12:00:00Z') });

const writeCount = (sandbox: Sandbox) =>
  Object.entries(sandbox.stats().requests.byRoute)
    .filter(
      ([route]) => !route.startsWith('GET ') && !route.endsWith('/search') && !route.includes('/oauth/'),
    )
    .reduce((sum, [, n]) => sum + n, 0);

async function apply(root: string, sandbox: Sandbox): Promise<ApplyResult> {
  const ran = await cli(['apply', '--no-review', '--imports', root, '--format', 'json'], sandbox);
  const result = JSON.parse(ran.stdout) as ApplyResult;
  const failed = result.rows
    .filter((row) => row.outcome === 'failed')
    .map((row) => `${row.email}: ${row.error}`);
  expect(failed).toEqual([]);
  expect(ran.code).toBe(0);
  return result;
}

async function plan(root: string, sandbox: Sandbox): Promise<Plan> {
  const ran = await cli(['plan', '--imports', root, '--format', 'json'], sandbox);
  expect(ran.code).toBe(0);
  return JSON.parse(ran.stdout) as Plan;
}

/** Every row's action, as `batch email kind → action`. */
function actions(p: Plan): string[] {
  return p.batches.flatMap((batch) => [
    ...batch.people.map((row) => `${batch.name} ${row.email} person → ${row.action}`),
    ...batch.phones.map((row) => `${batch.name} ${row.person.email} phone → ${row.action}`),
  ]);
}

const rowsOf = (batch: string, people: Person[], action: string) =>
  people.flatMap((p) => [`${batch} ${p.email} person → ${action}`, `${batch} ${p.email} phone → ${action}`]);

// The three seeds run side by side: each has its own sandbox, and the runs mostly wait on lags.
describe('second and third merges, real-org sandbox', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-merges-'));
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it.concurrent.each([1, 7, 2026])(
    'seed %i: converges run after run, and the last run writes nothing',
    { timeout: 120_000 },
    async (seed) => {
      // Real behaviours at their defaults; only the rate limit is raised so the test takes seconds.
      const sandbox = await startSandbox({ seed, rateLimitPerMinute: 6000 });
      try {
        await mergeThreeTimes(path.join(root, `seed-${seed}`), sandbox);
      } finally {
        await sandbox.close();
      }
    },
  );
});

async function mergeThreeTimes(root: string, sandbox: Sandbox): Promise<void> {
  // Merge 1: batch A.
  await writeBatch(root, 'a', BATCH_A);
  const first = await apply(root, sandbox);
  expect(first.rows.filter((row) => row.outcome === 'done')).toHaveLength(BATCH_A.length * 2);

  // Merge 2: batch B joins; A must be unchanged, phones included.
  await writeBatch(root, 'b', BATCH_B);
  const before2 = await plan(root, sandbox);
  expect(actions(before2).sort()).toEqual(
    [...rowsOf('a', BATCH_A, 'unchanged'), ...rowsOf('b', BATCH_B, 'create')].sort(),
  );
  await apply(root, sandbox);

  // Merge 3: a new row in A.
  await writeBatch(root, 'a', [...BATCH_A, ...MORE_A]);
  const before3 = await plan(root, sandbox);
  expect(actions(before3).sort()).toEqual(
    [
      ...rowsOf('a', BATCH_A, 'unchanged'),
      ...rowsOf('a', MORE_A, 'create'),
      ...rowsOf('b', BATCH_B, 'unchanged'),
    ].sort(),
  );
  expect(before3.findings.filter((f) => f.severity === 'error')).toEqual([]);
  await apply(root, sandbox);

  // Nothing is left: every row unchanged, and one more apply writes nothing.
  const last = await plan(root, sandbox);
  expect(actions(last).every((line) => line.endsWith('→ unchanged'))).toBe(true);
  const writesBefore = writeCount(sandbox);
  const rerun = await apply(root, sandbox);
  expect(rerun.rows.every((row) => row.outcome === 'unchanged')).toBe(true);
  expect(writeCount(sandbox) - writesBefore).toBe(0);

  // What the org holds: one active user and one live WebRTC phone per person, no invite.
  const state = sandbox.state();
  for (const person of [...BATCH_A, ...BATCH_B, ...MORE_A]) {
    const users = state.users.filter((u) => u.email === person.email);
    expect(users).toHaveLength(1);
    const live = state.phones.filter(
      (phone) => phone.webRtcUserId === users[0]!.id && phone.state !== 'deleted',
    );
    expect(live).toHaveLength(1);
    expect(users[0]!.dateWelcomeSent).toBeNull();
  }
}
