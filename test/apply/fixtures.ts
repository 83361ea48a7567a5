// Shared by the apply tests: a generated batch of any size against the demo org, the plan → apply
// round trip through the real SDK, and a checker that compares the sandbox's state with the rows.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { applyPlan, type ApplyOptions } from '../../src/apply/apply.js';
import type { ApplyResult } from '../../src/apply/results.js';
import type { ImportSet } from '../../src/csv/types.js';
import { validateImportSet } from '../../src/csv/validate.js';
import type { GenesysClient } from '../../src/genesys/client.js';
import { loadSnapshot } from '../../src/genesys/snapshot.js';
import type { TransportOptions } from '../../src/genesys/transport.js';
import { orgWriter } from '../../src/genesys/writer.js';
import { snapshotNeed } from '../../src/plan/need.js';
import { buildPlan } from '../../src/plan/plan.js';
import type { Plan } from '../../src/plan/types.js';
import type { Sandbox, SandboxStateDump } from '../../src/sandbox/index.js';

export const TODAY = '2026-11-25';

// The presets and the login every sandbox test shares (test/helpers/sandbox.ts).
export { connectTo, FAST_APPLY, FAST_REAL } from '../helpers/sandbox.js';

/**
 * Transport settings for a sandbox started with `rateWindowSeconds: 60 / speed`: the client's clock runs
 * `speed` times faster, so the window it paces to is the server's, and every wait it takes from the API
 * (Retry-After, which the sandbox gives in whole seconds of its unscaled clock, and the backoff) shrinks
 * by the same factor. Pacing stays exact: the transport spaces requests in its own (fast) time.
 */
export function fastClock(limit: number, speed: number): Partial<TransportOptions> {
  const start = performance.now();
  return {
    limit,
    windowMs: 60_000,
    now: () => start + (performance.now() - start) * speed,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal.aborted) return reject(new Error('closed'));
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', stop);
          resolve();
        }, ms / speed);
        const stop = () => {
          clearTimeout(timer);
          reject(new Error('closed'));
        };
        signal.addEventListener('abort', stop, { once: true });
      }),
    // Six tries lose about one call in 10^5 to 14 % of faults; eight make it one in 10^7.
    maxTries: 8,
  };
}

export async function planFor(
  client: GenesysClient,
  imports: ImportSet,
): Promise<{ plan: Plan; homeDivisionId: string }> {
  const snapshot = await loadSnapshot(client, snapshotNeed(imports));
  return { plan: buildPlan(imports, snapshot, { today: TODAY }), homeDivisionId: snapshot.homeDivisionId };
}

/** Plan against the live org, then apply that plan: what `gc-onboard apply` does. */
export async function planAndApply(
  client: GenesysClient,
  imports: ImportSet,
  options: ApplyOptions = {},
): Promise<{ plan: Plan; result: ApplyResult }> {
  const { plan, homeDivisionId } = await planFor(client, imports);
  const result = await applyPlan(plan, orgWriter(client, homeDivisionId), options);
  return { plan, result };
}

/** Write calls (anything but GET and the search/auth reads) by route, from the sandbox's counters. */
export function writesByRoute(sandbox: Sandbox): Record<string, number> {
  return Object.fromEntries(
    Object.entries(sandbox.stats().requests.byRoute).filter(([route]) => isWrite(route)),
  );
}

export function isWrite(route: string): boolean {
  return !route.startsWith('GET ') && !route.endsWith('/search') && !route.includes('/oauth/token');
}

export function diffCounts(
  after: Record<string, number>,
  before: Record<string, number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [route, n] of Object.entries(after)) {
    const d = n - (before[route] ?? 0);
    if (d !== 0) out[route] = d;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A generated batch against the demo org.

const DIVISIONS = [
  { name: 'Student Services', queues: ['Student Services General', 'Registrar'] },
  { name: 'Admissions', queues: ['Admissions Inquiries'] },
  { name: 'IT Help Desk', queues: ['IT Help Desk Tier 1'] },
] as const;
const SECOND_SKILLS = ['Spanish', 'French', 'Financial Aid', 'Registration', 'Password Reset'];
export const NEW_LOCATION = 'Northfield Annex - Load Test';

export interface GeneratedBatch {
  people: string;
  phones: string;
  batchYml: string;
}

const pad = (i: number) => String(i).padStart(4, '0');
export const generatedEmail = (i: number) => `load.person.${pad(i)}@northfield.edu`;

/**
 * `count` new people, each with a WebRTC phone. Every person has a work phone, title, department,
 * location, two or three grants, one or two queues and skills; most report to Maria Gonzalez (in the
 * org), every 25th row's successors report to that row's person (created by the same import), and
 * every 10th sits in a location the import creates.
 */
export function generatedBatch(count: number): GeneratedBatch {
  const people = [
    'name,email,phone_work,extension,title,department,email_manager,location_work,roles_divisions,queues,division,skills',
  ];
  const phones = ['phone_name,base_settings,site,email'];
  for (let i = 1; i <= count; i += 1) {
    const division = DIVISIONS[i % DIVISIONS.length] ?? DIVISIONS[0];
    const lead = i - (i % 25);
    const manager = lead >= 1 && lead !== i ? generatedEmail(lead) : 'maria.gonzalez@northfield.edu';
    const location = i % 10 === 0 ? NEW_LOCATION : 'Northfield Main Campus - Welcome Center';
    const roles = [`employee:[${division.name}]`, `PureCloud User:[${division.name}]`];
    if (i % 25 === 0) roles.push(`PureCloud Supervisor:[${division.name}, Home]`);
    const queues = division.queues.slice(0, 1 + (i % division.queues.length));
    const skills = [
      `English:${1 + (i % 5)}`,
      `${SECOND_SKILLS[i % SECOND_SKILLS.length] ?? 'Spanish'}:${i % 6}`,
    ];
    const cells = [
      `Load Person ${pad(i)}`,
      generatedEmail(i),
      `+1 215 555 ${pad(i % 10_000)}`,
      String(5000 + i),
      i % 25 === 0 ? 'Team Lead' : 'Advisor',
      division.name,
      manager,
      location,
      roles.join(', '),
      queues.join(', '),
      division.name,
      skills.join(', '),
    ];
    people.push(cells.map(csvCell).join(','));
    // Blank phone name and defaults: the person's name, batch.yml's site and base settings.
    phones.push(
      i % 2 === 0
        ? `,,,${generatedEmail(i)}`
        : `Load Person ${pad(i)} WebRTC,WebRTC Softphone,Northfield Main Campus,${generatedEmail(i)}`,
    );
  }
  const batchYml = [
    'training_day: 2026-12-01',
    'phone_defaults:',
    '  base_settings: WebRTC Softphone',
    '  site: Northfield Downtown Center',
    '',
  ].join('\n');
  return { people: `${people.join('\n')}\n`, phones: `${phones.join('\n')}\n`, batchYml };
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function generatedImports(count: number, root = 'imports', batch = 'load-test'): ImportSet {
  const files = generatedBatch(count);
  const dir = path.join(root, batch);
  return validateImportSet({
    root,
    batches: [
      {
        name: batch,
        files: {
          people: { path: path.join(dir, 'people.csv'), content: files.people },
          phones: { path: path.join(dir, 'phones.csv'), content: files.phones },
          batch: { path: path.join(dir, 'batch.yml'), content: files.batchYml },
        },
      },
    ],
  });
}

/** The same batch on disk, for the CLI-like child process. Returns the imports root. */
export async function writeGeneratedImports(
  root: string,
  count: number,
  batch = 'load-test',
): Promise<string> {
  const files = generatedBatch(count);
  const dir = path.join(root, batch);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'people.csv'), files.people);
  await writeFile(path.join(dir, 'phones.csv'), files.phones);
  await writeFile(path.join(dir, 'batch.yml'), files.batchYml);
  return root;
}

// ---------------------------------------------------------------------------------------------
// Checking the org against the rows.

/** Everything that appears more than once where it must be unique. */
export function duplicates(state: SandboxStateDump): string[] {
  const out: string[] = [];
  const count = (label: string, keys: string[]) => {
    const seen = new Map<string, number>();
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
    for (const [key, n] of seen) if (n > 1) out.push(`${label} ${key} ×${n}`);
  };
  count(
    'user email',
    state.users.map((u) => u.email.toLowerCase()),
  );
  // A deleted phone stays listed (real-api.md §8), and its name and user are free again.
  const livePhones = state.phones.filter((p) => p.state !== 'deleted');
  count(
    'phone name',
    livePhones.map((p) => p.name.toLowerCase()),
  );
  count(
    'phone of user',
    livePhones.flatMap((p) => (p.webRtcUserId ? [p.webRtcUserId] : [])),
  );
  count(
    'station of phone',
    state.stations.map((s) => s.phoneId),
  );
  count(
    'grant',
    state.grants.map((g) => `${g.subjectId}/${g.roleId}/${g.divisionId}`),
  );
  count(
    'queue member',
    state.queueMembers.map((m) => `${m.queueId}/${m.userId}`),
  );
  count(
    'location',
    state.locations.map((l) => l.name.toLowerCase()),
  );
  return out;
}

/**
 * Every way the org differs from what the import's rows ask for (empty when it is exactly right):
 * each person exists once, live, with every field, grant, queue and skill of the row, and each phone
 * exists once, for its person, on its site and base settings, as the person's default station.
 */
export function orgProblems(state: SandboxStateDump, imports: ImportSet): string[] {
  const problems: string[] = [];
  const idOf = (list: Array<{ id: string; name: string }>, name: string) =>
    list.find((x) => x.name.toLowerCase() === name.toLowerCase())?.id;
  const userByEmail = new Map(
    state.users.filter((u) => u.state !== 'deleted').map((u) => [u.email.toLowerCase(), u]),
  );
  const digits = (s: string | undefined) => (s ?? '').replace(/\D/g, '');

  for (const batch of imports.batches) {
    for (const row of batch.people) {
      const where = `${row.file}:${row.line} ${row.email}`;
      const user = userByEmail.get(row.emailKey);
      if (!user) {
        problems.push(`${where}: no user`);
        continue;
      }
      const want = (field: string, actual: unknown, expected: unknown) => {
        if (JSON.stringify(actual) !== JSON.stringify(expected))
          problems.push(`${where}: ${field} is ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`);
      };
      want('name', user.name, row.name);
      if (row.title !== undefined) want('title', user.title, row.title);
      if (row.department !== undefined) want('department', user.department, row.department);
      if (row.phoneWork !== undefined) {
        const work = user.addresses.find((a) => a.mediaType === 'PHONE' && a.type === 'WORK');
        want('phone_work', digits(work?.address), digits(row.phoneWork));
        want('extension', work?.extension ?? '', row.extension ?? '');
      }
      if (row.division) want('division', user.divisionId, idOf(state.divisions, row.division));
      if (row.managerEmail)
        want('manager', user.managerId, userByEmail.get(row.managerEmail.toLowerCase())?.id);
      if (row.location)
        want(
          'location',
          user.locations.map((l) => l.id),
          [idOf(state.locations, row.location)],
        );
      for (const grant of row.roles) {
        const divisions = grant.divisions.length > 0 ? grant.divisions : ['__home__'];
        for (const division of divisions) {
          const divisionId =
            division === '__home__' ? state.org.homeDivisionId : idOf(state.divisions, division);
          const roleId = idOf(state.roles, grant.role);
          if (
            !state.grants.some(
              (g) => g.subjectId === user.id && g.roleId === roleId && g.divisionId === divisionId,
            )
          )
            problems.push(`${where}: no grant ${grant.role}:[${division}]`);
        }
      }
      for (const queue of row.queues) {
        const queueId = idOf(state.queues, queue);
        if (!state.queueMembers.some((m) => m.queueId === queueId && m.userId === user.id))
          problems.push(`${where}: not in queue ${queue}`);
      }
      for (const skill of row.skills) {
        const held = user.skills.find((s) => s.id === idOf(state.skills, skill.skill));
        want(`skill ${skill.skill}`, held?.proficiency, skill.proficiency);
      }
    }
    for (const row of batch.phones) {
      const where = `${row.file}:${row.line} ${row.name}`;
      const user = userByEmail.get(row.emailKey);
      const phones = state.phones.filter(
        (p) => p.state !== 'deleted' && p.name.toLowerCase() === row.name.toLowerCase(),
      );
      const phone = phones[0];
      if (phones.length !== 1 || !phone || !user) {
        problems.push(`${where}: ${phones.length} phones, user ${user ? 'found' : 'missing'}`);
        continue;
      }
      const base = state.phoneBaseSettings.find((b) => b.name === row.baseSettings);
      if (phone.webRtcUserId !== user.id)
        problems.push(`${where}: webRtcUser ${phone.webRtcUserId}, want ${user.id}`);
      if (phone.siteId !== idOf(state.sites, row.site)) problems.push(`${where}: wrong site`);
      if (phone.phoneBaseSettingsId !== base?.id) problems.push(`${where}: wrong base settings`);
      if (phone.lines.length !== 1 || phone.lines[0]?.lineBaseSettingsId !== base?.lines[0]?.id)
        problems.push(`${where}: wrong line`);
      if (!phone.stationId || user.defaultStationId !== phone.stationId)
        problems.push(`${where}: default station ${user.defaultStationId}, want ${phone.stationId}`);
    }
  }
  return problems;
}
