// The permission tables (src/permissions, read by doctor and the sandbox) against their sources: the
// permission table is the spec's, and the mode → operations table holds every route a real run of
// each mode sends (sandbox stats).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderModule, specPermissions } from '../../src/permissions/generate.js';
import {
  MODE_OPERATIONS,
  MODES,
  OPERATION_SCOPES,
  routeShape,
  specKey,
  type Mode,
} from '../../src/permissions/operations.js';
import { SPEC_PERMISSIONS } from '../../src/permissions/spec-permissions.generated.js';
import { exportOrg } from '../../src/run/export.js';
import { applyImports, inviteImports, planImports } from '../../src/run/commands.js';
import { openOrg, type OrgSession } from '../../src/run/org.js';

const ROOT = path.join(import.meta.dirname, '../..');
const DEMO = path.join(ROOT, 'src/sandbox/demo');

describe('spec-permissions.generated.ts', () => {
  it('is the spec’s x-inin-requires-permissions (run `npx tsx src/permissions/generate.ts` after replacing the spec)', async () => {
    const table = await specPermissions();
    expect(SPEC_PERMISSIONS).toEqual(table);
    const module = await readFile(path.join(ROOT, 'src/permissions/spec-permissions.generated.ts'), 'utf8');
    expect(module).toBe(await renderModule(table));
  });

  it('names only operations of the spec in the mode and scope tables', () => {
    for (const mode of MODES) for (const key of MODE_OPERATIONS[mode]) expect(specKey(key), key).toBe(key);
    for (const key of Object.keys(OPERATION_SCOPES)) expect(specKey(key), key).toBe(key);
  });
});

describe('the mode table matches what each mode calls', () => {
  let org: OrgSession;
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-doctor-'));
    // Lags and races off: this is about which routes, not how often.
    org = await openOrg({
      sandbox: { real: { authorizationLagMs: 0, routingLagMs: 0, telephonyLagMs: 0, versionRaces: false } },
      transport: { windowMs: 1000, limit: 10_000 },
    });
  });
  afterAll(async () => {
    await org.close();
    await rm(out, { recursive: true, force: true });
  });

  const called = (): string[] =>
    Object.keys(org.sandbox!.stats().requests.byRoute).filter((k) => k.includes('/api/v2/'));
  const expectCovered = (mode: Mode, routes: string[]) => {
    const table = new Set(MODE_OPERATIONS[mode].map(routeShape));
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) expect(table.has(routeShape(route)), `${mode}: ${route}`).toBe(true);
  };

  it('plan, apply, invite and export', async () => {
    const today = '2026-12-01';
    org.sandbox!.reset();
    await planImports(DEMO, org.client, { today });
    expectCovered('plan', called());
    org.sandbox!.reset();
    const applied = await applyImports(DEMO, org.client, { today, stationFirstPollMs: 10 });
    expect(applied.result.ok).toBe(true);
    expectCovered('apply', called());
    // The users exist now and were never welcomed: invite them.
    const before = org.sandbox!.stats().requests.byRoute;
    await inviteImports(DEMO, org.client, { date: today, batch: 'student-services', force: false });
    const after = org.sandbox!.stats().requests.byRoute;
    expectCovered(
      'invite',
      Object.keys(after).filter((k) => k.includes('/api/v2/') && after[k] !== before[k]),
    );
    org.sandbox!.reset();
    await exportOrg(org.client, {}, out);
    expectCovered('export', called());
  }, 60_000);
});
