// Rows that fail only at apply time fail alone: the rest of the batch lands, the failed row says why
// in a line a person can act on, a phone whose person failed is skipped, and a rerun does what is left.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { applyPlan } from '../../src/apply/apply.js';
import type { OrgWriter } from '../../src/apply/org.js';
import { countResults, resultsToCsv, resultsToText } from '../../src/apply/results.js';
import type { ImportSet } from '../../src/csv/types.js';
import { validateImportSet } from '../../src/csv/validate.js';
import type { GenesysClient } from '../../src/genesys/client.js';
import { orgWriter } from '../../src/genesys/writer.js';
import { loadImports } from '../../src/imports.js';
import { DEMO_IDS, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import {
  connectTo,
  FAST_APPLY,
  FAST_REAL,
  duplicates,
  generatedImports,
  isWrite,
  NEW_LOCATION,
  orgProblems,
  planAndApply,
  planFor,
} from './fixtures.js';

const D = DEMO_IDS;
const APPLY = FAST_APPLY;

let sandbox: Sandbox;
let client: GenesysClient;
let demo: ImportSet;

beforeAll(async () => {
  sandbox = await startSandbox({
    rateLimitPerMinute: 6000,
    rateWindowSeconds: 60,
    userSearchLagMs: 200,
    stationLagMs: 200,
    real: FAST_REAL,
  });
  client = await connectTo(sandbox.url, { limit: 6000, windowMs: 60_000 });
  demo = await loadImports('src/sandbox/demo');
});

beforeEach(() => sandbox.reset());

afterAll(async () => {
  client?.close();
  await sandbox?.close();
});

/** Someone else's write, straight through the sandbox's HTTP API (not through gc-onboard's code). */
async function otherAdmin(method: string, path: string, body: unknown): Promise<any> {
  const login = await fetch(`${sandbox.url}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('sandbox:sandbox').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}`).toBe(200);
  return response.json();
}

const writeCount = () =>
  Object.entries(sandbox.stats().requests.byRoute)
    .filter(([route]) => isWrite(route))
    .reduce((sum, [, n]) => sum + n, 0);

describe('a row that fails at apply time', () => {
  it('fails alone when its email was taken after the plan; its phone is skipped, the rest is applied', async () => {
    const { plan, homeDivisionId } = await planFor(client, demo);
    expect(plan.summary.people.create).toBe(9);
    // Between plan and apply, another admin creates a different person with Ben's email, and a desk
    // phone with the name Chloé's WebRTC phone was going to have.
    const impostor = await otherAdmin('POST', '/api/v2/users', {
      name: 'Benjamin Carter-Smith',
      email: 'ben.carter@northfield.edu',
      divisionId: D.divisions.admissions,
    });
    await otherAdmin('POST', '/api/v2/telephony/providers/edges/phones', {
      name: 'Chloé Dubois',
      site: { id: D.sites.mainCampus },
      phoneBaseSettings: { id: D.phoneBaseSettings.polycom },
      lines: [{ name: 'Chloé Dubois_1', lineBaseSettings: { id: D.lineBaseSettings.polycom } }],
    });

    const result = await applyPlan(plan, orgWriter(client, homeDivisionId), APPLY);

    expect(result.ok).toBe(false);
    const row = (kind: string, email: string) =>
      result.rows.find((r) => r.kind === kind && r.email === email);
    expect(row('person', 'ben.carter@northfield.edu')).toMatchObject({
      outcome: 'failed',
      userId: null,
      error: `ben.carter@northfield.edu now belongs to another user, "Benjamin Carter-Smith" (active, id ${impostor.id}), who appeared after the plan; plan again to review the change`,
    });
    expect(row('phone', 'ben.carter@northfield.edu')).toMatchObject({
      outcome: 'skip',
      phoneId: null,
      error:
        'not created: its person (src/sandbox/demo/student-services/people.csv:3) ben.carter@northfield.edu was not created',
    });
    expect(row('phone', 'chloe.dubois@northfield.edu')).toMatchObject({ outcome: 'failed', phoneId: null });
    expect(row('phone', 'chloe.dubois@northfield.edu')?.error).toMatch(
      /^409 general\.conflict: A phone named Chloé Dubois already exists\. \(POST \/api\/v2\/telephony\/providers\/edges\/phones\)$/,
    );
    expect(row('person', 'chloe.dubois@northfield.edu')?.outcome).toBe('done');
    expect(countResults(result.rows, 'person')).toEqual({
      done: 9,
      unchanged: 0,
      skip: 0,
      held: 0,
      failed: 1,
    });
    expect(countResults(result.rows, 'phone')).toEqual({
      done: 8,
      unchanged: 0,
      skip: 1,
      held: 0,
      failed: 1,
    });

    // The other admin's user is left as they made it: no grant, queue, skill, manager or phone of Ben's.
    const state = sandbox.state();
    const theirs = state.users.find((u) => u.id === impostor.id);
    expect(theirs).toMatchObject({
      name: 'Benjamin Carter-Smith',
      divisionId: D.divisions.admissions,
      managerId: null,
      version: 1,
    });
    expect(state.grants.filter((g) => g.subjectId === impostor.id)).toEqual([]);
    expect(state.phones.filter((p) => p.webRtcUserId === impostor.id)).toEqual([]);
    // Everything else is exactly as planned.
    const problems = orgProblems(state, demo);
    expect(
      problems.filter(
        (p) => !p.includes('ben.carter') && !p.includes('Ben Carter') && !p.includes('Chloé Dubois'),
      ),
    ).toEqual([]);
    expect(duplicates(state)).toEqual([]);

    const text = resultsToText(result);
    expect(text).toContain('People: 9 done · 0 unchanged · 0 skipped · 0 held · 1 failed');
    expect(text).toContain('Phones: 8 done · 0 unchanged · 1 skipped · 0 held · 1 failed');
    expect(text).toContain(
      'people.csv:3 person ben.carter@northfield.edu failed: ben.carter@northfield.edu now belongs to another user',
    );
    expect(text).toContain('phones.csv:3 phone ben.carter@northfield.edu skipped: not created');
    expect(text).toMatch(/Applied with failures in \d+\.\d s\n$/);
    expect(resultsToCsv(result.rows)).toContain(
      `,failed,,,,"ben.carter@northfield.edu now belongs to another user, ""Benjamin Carter-Smith""`,
    );

    // A fresh plan now shows Ben's row as an update of that user (for review) and Chloé's phone as taken.
    const again = await planFor(client, demo);
    expect(again.plan.summary.people).toMatchObject({ create: 0, update: 1, unchanged: 9 });
    expect(again.plan.summary.phones).toMatchObject({ create: 1, unchanged: 8, error: 1 });
  });

  it('fails the people whose new location could not be created, with the reason, and applies the rest of their row', async () => {
    const imports = generatedImports(20);
    const { plan, homeDivisionId } = await planFor(client, imports);
    expect(plan.locationsToCreate.map((l) => l.name)).toEqual([NEW_LOCATION]);
    const real = orgWriter(client, homeDivisionId);
    // A refusal of this one write (a 403 would stop the whole apply instead: test/doctor).
    const denied = Object.assign(
      new Error('400 bad.request: The location address is not valid (POST /api/v2/locations)'),
      {
        status: 400,
      },
    );
    const writer: OrgWriter = { ...real, createLocation: () => Promise.reject(denied) };

    const result = await applyPlan(plan, writer, APPLY);

    const failed = result.rows.filter((r) => r.outcome === 'failed');
    expect(failed.map((r) => r.line)).toEqual([11, 21]); // rows 10 and 20 of the generated batch
    for (const r of failed) {
      expect(r.error).toBe(`location "${NEW_LOCATION}" could not be created: ${denied.message}`);
      expect(r.userId).not.toBeNull();
    }
    expect(result.locationsCreated).toEqual([]);
    // Their user, grants, queues, skills and phone are there; only the location (and the PATCH that
    // carries it with the manager) is missing.
    const problems = orgProblems(sandbox.state(), imports);
    expect(problems.length).toBeGreaterThan(0);
    expect(
      problems.every((p) => /:(11|21) .*: (location|manager) is/.test(p)),
      problems.join('\n'),
    ).toBe(true);

    // The rerun (now allowed to create locations) does just what is left.
    const before = writeCount();
    const rerun = await planAndApply(client, imports, APPLY);
    expect(rerun.plan.summary.people).toMatchObject({ create: 0, update: 2, unchanged: 18 });
    expect(rerun.result.ok).toBe(true);
    expect(writeCount() - before).toBe(3); // the location, and one PATCH per person
    expect(orgProblems(sandbox.state(), imports)).toEqual([]);
  });

  it('fails a phone whose station never shows up, and the rerun makes it the default', async () => {
    const { plan, homeDivisionId } = await planFor(client, demo);
    const real = orgWriter(client, homeDivisionId);
    const blind: OrgWriter = {
      ...real,
      findStation: () => Promise.resolve(null),
      listStations: () => Promise.resolve({ stations: [], pageCount: 1 }),
    };
    const result = await applyPlan(plan, blind, { ...APPLY, indexWaitMs: 300 });
    const phones = result.rows.filter((r) => r.kind === 'phone');
    expect(phones.every((r) => r.outcome === 'failed' && r.phoneId !== null)).toBe(true);
    expect(phones[0]?.error).toBe('its station did not appear within 0.3 s; run apply again');
    expect(countResults(result.rows, 'person').done).toBe(10);

    const before = writeCount();
    let retries = 0;
    const rerun = await planAndApply(client, demo, {
      ...APPLY,
      onProgress: (p) => (retries = p.calls.retries),
    });
    expect(rerun.plan.summary.phones).toMatchObject({ create: 0, update: 10 });
    expect(rerun.result.ok).toBe(true);
    // One PUT default station per phone, and one more for each that lost a version race (the
    // sandbox's race window after the first run's writes): apply counts those as retries.
    expect(writeCount() - before).toBe(10 + retries);
    expect(orgProblems(sandbox.state(), demo)).toEqual([]);
  });

  it('changes nothing when the imports have validation errors', async () => {
    const broken = validateImportSet({
      root: 'imports',
      batches: [
        {
          name: 'broken',
          files: {
            people: { path: 'imports/broken/people.csv', content: 'name,email\nNo Email,\nAda,ada@x.edu\n' },
          },
        },
      ],
    });
    const before = writeCount();
    const { result } = await planAndApply(client, broken, APPLY);
    expect(result).toMatchObject({
      ok: false,
      rows: [],
      refused: '1 validation error in the imports: nothing was changed',
    });
    expect(writeCount()).toBe(before);
  });
});
