// GET /organizations/me is read once per client: the org check, the plan's default country and
// apply's all use the one answer, and a failed read is tried again the next time.
import { afterAll, beforeAll, expect, it } from 'vitest';

import { readOnce } from '../../src/genesys/client.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { connectTo } from '../helpers/sandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimitPerMinute: 6000 });
});
afterAll(async () => {
  await sandbox.close();
});

it('asks the org once, however many times a run reads it', async () => {
  const client = await connectTo(sandbox.url);
  try {
    const [first, second] = await Promise.all([
      client.organization.getOrganizationsMe(),
      client.organization.getOrganizationsMe(),
    ]);
    const third = await client.organization.getOrganizationsMe();
    expect(first.name).toBe('Northfield University');
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(client.stats().byRoute['GET /api/v2/organizations/me']).toBe(1);
  } finally {
    client.close();
  }
});

it('keeps no failed read: the next call asks again', async () => {
  const answers = [Promise.reject(new Error('503 service.unavailable')), Promise.resolve({ id: 'org' })];
  answers[0]?.catch(() => undefined);
  let asked = 0;
  const api = readOnce({ getOrganizationsMe: () => answers[asked++]! });
  await expect(api.getOrganizationsMe()).rejects.toThrow('503 service.unavailable');
  await expect(api.getOrganizationsMe()).resolves.toEqual({ id: 'org' });
  await expect(api.getOrganizationsMe()).resolves.toEqual({ id: 'org' });
  expect(asked).toBe(2);
});
