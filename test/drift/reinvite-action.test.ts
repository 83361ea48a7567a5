// The training-day workflow (invite mode) re-sends expired invitations only when policy.yml says
// `reinvite_expired: true`, once per expiry: the Action as the runner starts it, against the sandbox.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyImports } from '../../src/run/commands.js';
import { INVITE_ROUTE, makeWorkspace, removeWorkspace, runAction, sandboxInputs } from '../action/harness.js';
import { FAST_APPLY } from '../apply/fixtures.js';
import { changeByRestart, seedUser, startOrg, type Org } from './org.js';

const DAY = 86_400_000;
// The sandbox stamps a re-send with its own clock: the run's clock is the real time, the org's dates move back.
const NOW = new Date();
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const AISHA = 'aisha.rahman@northfield.edu';

let org: Org;
let workspace: string;

const trainingDay = () =>
  runAction({
    workspace,
    inputs: { mode: 'invite', ...sandboxInputs(org.sandbox.url) },
    eventName: 'schedule',
    event: 'schedule.json',
    now: NOW,
  });
const invites = () => org.sandbox.stats().requests.byRoute[INVITE_ROUTE] ?? 0;

beforeAll(async () => {
  [org, workspace] = await Promise.all([startOrg(), makeWorkspace()]);
  const imports = path.join(workspace, 'imports');
  const trained = new Date(NOW.getTime() - 35 * DAY).toISOString().slice(0, 10);
  await writeFile(
    path.join(imports, 'student-services/batch.yml'),
    `training_day: ${trained}\nphone_defaults:\n  base_settings: WebRTC Softphone\n  site: Northfield Main Campus\n`,
  );
  const { result } = await applyImports(imports, org.client, FAST_APPLY);
  expect(result.ok).toBe(true);
  // Everyone was invited 34 days ago and logged in, but Aisha, who never did.
  org = await changeByRestart(org, (seed) => {
    for (const user of seed.users) Object.assign(user, { dateWelcomeSent: ago(34), dateLastLogin: ago(33) });
    const aisha = seedUser(seed, AISHA);
    aisha.dateWelcomeSent = ago(31);
    delete aisha.dateLastLogin;
  });
});

afterAll(async () => {
  await Promise.all([org?.close(), removeWorkspace(workspace)]);
});

describe('invite mode with reinvite_expired', () => {
  it('re-sends nothing by default (reinvite_expired is false)', async () => {
    const ran = await trainingDay();
    expect(ran.failed).toBe(false);
    expect(invites()).toBe(0);
    expect(ran.summary).not.toContain('expired invitations');
  });

  it('re-sends the expired invitation once when policy.yml turns it on', async () => {
    await writeFile(path.join(workspace, 'imports/policy.yml'), 'reinvite_expired: true\n');
    const ran = await trainingDay();
    expect(ran.failed).toBe(false);
    expect(invites()).toBe(1);
    expect(org.sandbox.state().invites).toEqual([
      expect.objectContaining({ email: AISHA, force: true, outcome: 'resent' }),
    ]);
    expect(ran.summary).toContain('## gc-onboard expired invitations');
    expect(ran.summary).toContain('1 expired invitation re-sent');

    const again = await trainingDay();
    expect(again.failed).toBe(false);
    expect(invites()).toBe(1);
    expect(again.summary).toContain('0 expired invitations re-sent');
  });
});
