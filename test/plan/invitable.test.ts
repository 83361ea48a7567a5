// "Who the training-day run invites" is one rule (plan/invitable.ts): the preview's count and the
// invite run decide from the same user the same way.
import { describe, expect, it } from 'vitest';
import { selectInvitees } from '../../src/invite/invite.js';
import { buildPlan } from '../../src/plan/plan.js';
import type { SnapshotUser } from '../../src/plan/snapshot.js';
import { batch, importSet, maria, orgUser, personRow, snapshot } from './fixtures.js';

const never = { dateWelcomeSent: null, dateLastLogin: null, welcomeKnown: true };
const user = (name: string, overrides: Partial<SnapshotUser>) =>
  orgUser({
    id: `u-${name}`,
    name,
    email: `${name}@northfield.edu`,
    ...never,
    ...overrides,
  });

const users = [
  user('never', {}),
  user('unknown', { welcomeKnown: false }),
  user('welcomed', { dateWelcomeSent: '2026-11-01T09:00:00Z' }),
  user('loggedin', { dateLastLogin: '2026-11-02T09:00:00Z' }),
  // A welcome date the listing gave as an empty string: no date, so never welcomed.
  user('blank', { dateWelcomeSent: '' }),
  user('inactive', { state: 'inactive' }),
];

describe('who the training-day run invites', () => {
  it('the preview counts exactly whom the invite run invites, or would once the org confirms the date', () => {
    // Each row names its user as the org has them: no row changes anything, only the invite rule decides.
    const rows = users.map((u, index) => personRow({ line: index + 2, name: u.name, email: u.email }));
    const imports = importSet([batch(rows)]);
    const [count] = buildPlan(imports, snapshot({ users: [maria, ...users] })).summary.invites;
    const selection = selectInvitees(imports.batches, users, { date: '2026-12-01', force: false });
    const waiting = selection.skipped.filter((skip) => skip.reason === 'welcome-unknown');
    expect(selection.invite.map((p) => p.email)).toEqual(['never@northfield.edu', 'blank@northfield.edu']);
    expect(waiting.map((p) => p.email)).toEqual(['unknown@northfield.edu']);
    expect(count).toMatchObject({ count: selection.invite.length + waiting.length });
  });
});
