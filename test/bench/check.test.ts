// The org check that bench and soak rely on must catch what it claims to: apply a generated batch,
// see it pass, then tamper with the state dump one way at a time and see each caught.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOrg } from '../../bench/check.js';
import { writeImports } from '../../bench/generate.js';
import type { ImportSet } from '../../src/csv/types.js';
import { loadImports } from '../../src/imports.js';
import { applyImports } from '../../src/run/commands.js';
import { openOrg } from '../../src/run/org.js';
import type { SandboxStateDump } from '../../src/sandbox/index.js';

let tmp: string;
let imports: ImportSet;
let state: SandboxStateDump;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-check-'));
  const root = path.join(tmp, 'imports');
  await writeImports(root, 12, { tag: 'check' });
  imports = await loadImports(root);
  const org = await openOrg({ sandbox: { rateLimitPerMinute: 6000, userSearchLagMs: 50, stationLagMs: 50 } });
  try {
    const { result } = await applyImports(root, org.client, { stationFirstPollMs: 60 });
    expect(result.ok).toBe(true);
    state = org.sandbox!.state();
  } finally {
    await org.close();
  }
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const tampered = (change: (copy: SandboxStateDump) => void) => {
  const copy = structuredClone(state);
  change(copy);
  return checkOrg(imports, copy).violations;
};
const person = (copy: SandboxStateDump, i: number) =>
  copy.users.find((user) => user.email === `check.person.${i}@bench.northfield.edu`)!;

describe('checkOrg', () => {
  it('passes the org that apply made', () => {
    expect(checkOrg(imports, state)).toEqual({ people: 12, phones: 12, violations: [] });
  });

  it('catches a duplicate user, phone, grant and an invite', () => {
    expect(tampered((copy) => copy.users.push({ ...person(copy, 3), id: 'twin' }))).toEqual(
      expect.arrayContaining([expect.stringContaining('duplicate user check.person.3@bench.northfield.edu')]),
    );
    expect(tampered((copy) => copy.phones.push({ ...copy.phones.at(-1)!, id: 'twin-phone' }))).toEqual(
      expect.arrayContaining([expect.stringContaining('duplicate phone name')]),
    );
    expect(tampered((copy) => copy.grants.push({ ...copy.grants.at(-1)! }))).toEqual(
      expect.arrayContaining([expect.stringContaining('duplicate grant')]),
    );
    expect(
      tampered((copy) =>
        copy.invites.push({ userId: person(copy, 1).id } as SandboxStateDump['invites'][number]),
      ),
    ).toEqual(expect.arrayContaining([expect.stringContaining('invite(s) sent')]));
  });

  it('catches a wrong field, a missing queue membership and a missing default station', () => {
    expect(tampered((copy) => (person(copy, 2).title = 'Wrong'))).not.toEqual([]);
    expect(
      tampered((copy) => {
        const id = person(copy, 4).id;
        copy.queueMembers = copy.queueMembers.filter((member) => member.userId !== id);
      }),
    ).not.toEqual([]);
    expect(tampered((copy) => (person(copy, 5).defaultStationId = null))).not.toEqual([]);
  });
});
