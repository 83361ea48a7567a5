// The demo batch applied to a sandbox with every real-org behaviour on at its defaults (real-api.md
// §1–§9): new users seconds late in authorization, routing and telephony, version races, the
// conversation:call:add rule for default phones, a deleted phone under a name the batch reuses. Only
// the per-resource rate limits are scaled with the token limit, so that it runs in seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { applyPlan, type Progress } from '../../src/apply/apply.js';
import type { ApplyResult } from '../../src/apply/results.js';
import type { ImportSet } from '../../src/csv/types.js';
import type { GenesysClient } from '../../src/genesys/client.js';
import { orgWriter } from '../../src/genesys/writer.js';
import { loadImports } from '../../src/imports.js';
import type { Plan } from '../../src/plan/types.js';
import { DEMO_IDS, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import {
  connectTo,
  diffCounts,
  duplicates,
  isWrite,
  orgProblems,
  planAndApply,
  planFor,
} from './fixtures.js';

const D = DEMO_IDS;

let sandbox: Sandbox;
let client: GenesysClient;
let imports: ImportSet;
let plan: Plan;
let result: ApplyResult;
let calls: Record<string, number>;
let phonesBefore: { byName: unknown; byUser: unknown };
const progress: Progress[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    rateLimitPerMinute: 6000,
    rateWindowSeconds: 60,
    userSearchLagMs: 200,
    stationLagMs: 200,
    real: { usersSearchPerMinute: 3600, phoneWritesPerMinute: 3600 },
  });
  client = await connectTo(sandbox.url, { limit: 6000, windowMs: 60_000 });
  imports = await loadImports('src/sandbox/demo');
  let homeDivisionId: string;
  ({ plan, homeDivisionId } = await planFor(client, imports));
  const writer = orgWriter(client, homeDivisionId);
  phonesBefore = {
    byName: await writer.findPhoneByName('James Okafor WebRTC'),
    byUser: await writer.findPhoneByUser(D.users.james),
  };
  const before = sandbox.stats().requests.byRoute;
  result = await applyPlan(plan, writer, { stationFirstPollMs: 300, onProgress: (p) => progress.push(p) });
  calls = diffCounts(sandbox.stats().requests.byRoute, before);
}, 60_000);

afterAll(async () => {
  client?.close();
  await sandbox?.close();
});

describe('the demo batch on a sandbox as strict as a real org', () => {
  it('a deleted phone never counts as found, by name or by user', () => {
    expect(phonesBefore).toEqual({ byName: null, byUser: null });
  });

  it('applies every row, and the org is exactly as the rows ask', () => {
    expect(plan.summary.people).toMatchObject({ create: 9, update: 1, error: 0 });
    expect(plan.summary.phones).toMatchObject({ create: 10, error: 0 });
    expect(result.rows.filter((r) => r.outcome !== 'done')).toEqual([]);
    const state = sandbox.state();
    expect(orgProblems(state, imports)).toEqual([]);
    expect(duplicates(state)).toEqual([]);
    expect(state.invites).toEqual([]);
  });

  it('waited for the new users, said so in progress, and counted every extra call as a retry', () => {
    expect(Math.max(...progress.map((p) => p.waitingForNewUsers))).toBeGreaterThan(0);
    const last = progress.at(-1);
    expect(last?.waitingForNewUsers).toBe(0);
    const retries = last?.calls.retries ?? 0;
    expect(retries).toBeGreaterThan(0);
    // The plan's 59 calls (58 writes and a page of stations), and the retries: nothing else.
    expect(last?.calls).toEqual({ planned: 59, retries, done: 59 + retries });
    // A retry is a write sent again, or the re-read of a user after a lost PATCH race; each 404 was retried.
    const writes = Object.entries(calls)
      .filter(([route]) => isWrite(route))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(writes).toBe(58 + retries - (calls['GET /api/v2/users/{id}'] ?? 0));
    expect(sandbox.stats().status['404']).toBeLessThanOrEqual(retries);
  });

  it('plans everything unchanged afterwards, and a second apply writes nothing', async () => {
    const before = sandbox.stats().requests.byRoute;
    const again = await planAndApply(client, imports, { stationFirstPollMs: 300 });
    expect(again.plan.summary.people).toMatchObject({ create: 0, update: 0, unchanged: 10, error: 0 });
    expect(again.plan.summary.phones).toMatchObject({ create: 0, update: 0, unchanged: 10, error: 0 });
    expect(again.result.ok).toBe(true);
    expect(Object.keys(diffCounts(sandbox.stats().requests.byRoute, before)).filter(isWrite)).toEqual([]);
  });
});
