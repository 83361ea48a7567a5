// A generated batch applied while the sandbox answers 10 % of requests with 429, 2 % with 503, drops
// 1 % of connections before and 1 % after doing the work, with every real-org behaviour on (FAST_REAL):
// every row must still land exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Progress } from '../../src/apply/apply.js';
import type { ApplyResult } from '../../src/apply/results.js';
import { countResults } from '../../src/apply/results.js';
import type { ImportSet } from '../../src/csv/types.js';
import type { GenesysClient } from '../../src/genesys/client.js';
import type { Plan } from '../../src/plan/types.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import {
  diffCounts,
  duplicates,
  fastClock,
  generatedImports,
  isWrite,
  NEW_LOCATION,
  orgProblems,
  planAndApply,
  connectTo,
  FAST_APPLY,
  FAST_REAL,
} from './fixtures.js';

// 400 rows: more than apply's row window (256), 4 pages of role grants, queue joins and stations, and
// every kind of fault several times over (about 2,000 writes). The 1,000 rows issue 5 asked for add no
// other path and take 2.5 times as long: APPLY_FAULT_ROWS=1000 runs them (and `npm run soak` 3 x 1,000).
const ROWS = Number(process.env.APPLY_FAULT_ROWS ?? 400);
// The sandbox's minute lasts 1 s: 300 requests per second, the client's clock 60 times faster.
const PER_WINDOW = 300;
const SPEED = 60;
const FAULTS = { rate429: 0.1, rate503: 0.02, commitThenDrop: 0.01, drop: 0.01 };

let sandbox: Sandbox;
let client: GenesysClient;
let imports: ImportSet;
let plan: Plan;
let result: ApplyResult;
let last: Progress | undefined;

beforeAll(async () => {
  sandbox = await startSandbox({
    rateLimitPerMinute: PER_WINDOW,
    rateWindowSeconds: 60 / SPEED,
    userSearchLagMs: 200,
    stationLagMs: 200,
    real: FAST_REAL,
    faults: FAULTS,
    seed: 5,
  });
  client = await connectTo(sandbox.url, fastClock(PER_WINDOW, SPEED));
  imports = generatedImports(ROWS);
  ({ plan, result } = await planAndApply(client, imports, {
    ...FAST_APPLY,
    onProgress: (p) => (last = p),
  }));
}, 180_000);

afterAll(async () => {
  client?.close();
  await sandbox?.close();
});

describe(`applying ${ROWS} new people with phones through injected faults`, () => {
  it('meets every kind of fault along the way', () => {
    expect(imports.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(plan.summary.people.create).toBe(ROWS);
    expect(plan.summary.phones.create).toBe(ROWS);
    const faults = sandbox.stats().faults;
    for (const kind of Object.keys(FAULTS)) expect(faults[kind], kind).toBeGreaterThan(0);
    // Lost answers to writes that were made show up as conflicts that apply reconciled.
    expect(sandbox.stats().status['409']).toBeGreaterThan(0);
  });

  it('retries little: 404s of new users and lost version races cost at most 0.2 calls per person', () => {
    // The lags (FAST_REAL: 0.3–0.5 s) are long next to this run's pace (150 calls/s): at 300/min with
    // the real lags of seconds, fewer users are that young when their follow-ups go out.
    expect(last?.calls.retries).toBeLessThanOrEqual(0.2 * ROWS);
    expect(last?.calls.done).toBeGreaterThanOrEqual((last?.calls.planned ?? 0) + (last?.calls.retries ?? 0));
  });

  it('reports every row done, with its ids', () => {
    expect(result.rows.filter((r) => r.outcome !== 'done')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(countResults(result.rows, 'person').done).toBe(ROWS);
    expect(countResults(result.rows, 'phone').done).toBe(ROWS);
    for (const row of result.rows) {
      expect(row.userId, `${row.kind} ${row.line}`).toBeTruthy();
      if (row.kind === 'phone') expect(row.stationId, `phone ${row.line}`).toBeTruthy();
    }
    expect(result.locationsCreated).toEqual([NEW_LOCATION]);
  });

  it('leaves no duplicate user, phone, station, grant, membership or location', () => {
    const state = sandbox.state();
    expect(duplicates(state)).toEqual([]);
    expect(state.users.filter((u) => u.email.startsWith('load.person.'))).toHaveLength(ROWS);
    expect(state.phones.filter((p) => p.name.startsWith('Load Person'))).toHaveLength(ROWS);
  });

  it('puts every row exactly as the CSV says, and invites no one', () => {
    const state = sandbox.state();
    expect(orgProblems(state, imports)).toEqual([]);
    expect(state.invites).toEqual([]);
  });

  it('plans all unchanged afterwards, and a second apply writes nothing', async () => {
    const before = sandbox.stats().requests.byRoute;
    const again = await planAndApply(client, imports, FAST_APPLY);
    // Named row by row, so that a failure says which person and which field is left.
    const left = again.plan.batches
      .flatMap((batch) => [...batch.people, ...batch.phones])
      .filter((row) => row.action !== 'unchanged')
      .map(
        (row) =>
          `${row.line} ${row.action}: ${row.changes.map((c) => `${c.field} ${c.before} → ${c.after}`).join('; ')}`,
      );
    expect(left).toEqual([]);
    expect(again.plan.summary.people).toMatchObject({ create: 0, update: 0, unchanged: ROWS, error: 0 });
    expect(again.plan.summary.phones).toMatchObject({ create: 0, update: 0, unchanged: ROWS, error: 0 });
    expect(again.result.ok).toBe(true);
    const writes = Object.keys(diffCounts(sandbox.stats().requests.byRoute, before)).filter(isWrite);
    expect(writes).toEqual([]);
  });
});
