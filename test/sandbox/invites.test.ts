import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { DEMO_IDS } from '../../src/sandbox/index.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { accessToken, http } from './helpers.js';

const D = DEMO_IDS;
const PRIYA_WELCOMED = '2025-05-12T09:00:00.000Z';
let sandbox: Sandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimitPerMinute: 100_000, real: false });
  token = await accessToken(sandbox);
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.reset();
});

const invite = (userId: string, query = '') =>
  http(sandbox, 'POST', `/api/v2/users/${userId}/invite${query}`, { token });
const welcomeOf = (userId: string) => sandbox.state().users.find((u) => u.id === userId)?.dateWelcomeSent;

describe('POST /api/v2/users/{id}/invite (plain HTTP)', () => {
  it('answers 204 with no body and sets dateWelcomeSent on a never-invited user', async () => {
    expect(welcomeOf(D.users.james)).toBeNull();
    const before = Date.now();
    const res = await invite(D.users.james);
    expect(res.status).toBe(204);
    expect(res.json).toBeUndefined();
    const sent = Date.parse(welcomeOf(D.users.james) ?? '');
    expect(sent).toBeGreaterThanOrEqual(before - 5);
    expect(sent).toBeLessThanOrEqual(Date.now() + 5);
    const user = await http(sandbox, 'GET', `/api/v2/users/${D.users.james}`, { token });
    expect(user.json.dateWelcomeSent).toBe(welcomeOf(D.users.james));
  });

  it('skips an already-invited user without force (204, no new email, date kept), and re-sends with force=true', async () => {
    expect(welcomeOf(D.users.priya)).toBe(PRIYA_WELCOMED);
    expect((await invite(D.users.priya)).status).toBe(204);
    expect((await invite(D.users.priya, '?force=false')).status).toBe(204);
    expect(welcomeOf(D.users.priya)).toBe(PRIYA_WELCOMED);

    expect((await invite(D.users.priya, '?force=true')).status).toBe(204);
    expect(welcomeOf(D.users.priya)).not.toBe(PRIYA_WELCOMED);
    expect(sandbox.state().invites.map((i) => [i.outcome, i.sent, i.email])).toEqual([
      ['skipped-already-sent', false, 'priya.patel@northfield.edu'],
      ['skipped-already-sent', false, 'priya.patel@northfield.edu'],
      ['resent', true, 'priya.patel@northfield.edu'],
    ]);
  });

  it('answers 404 for an unknown user and 400 for a deleted one, recording nothing', async () => {
    const unknown = await invite('nobody', '?force=true');
    expect(unknown.status).toBe(404);
    expect(unknown.json.code).toBe('not.found');
    const deleted = await invite(D.users.sam, '?force=true');
    expect(deleted.status).toBe(400);
    expect(welcomeOf(D.users.sam)).toBe('2024-01-08T09:00:00.000Z');
    expect(sandbox.state().invites).toEqual([]);
  });
});
