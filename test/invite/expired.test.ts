// Invitations that expired, decided without the org: where each person stands at a given time, who
// `invite --expired` re-sends to, which batches it looks at, the policy key that turns it on in the
// training-day run, and how the re-sends read.
import { describe, expect, it } from 'vitest';
import {
  expiredBatches,
  expiresAt,
  inviteStanding,
  selectExpired,
  trainingDayPassed,
} from '../../src/invite/expired.js';
import { sendInvites, type InviteRequest } from '../../src/invite/invite.js';
import { DEFAULT_POLICY, parsePolicy } from '../../src/policy/policy.js';
import { renderInviteMarkdown, renderInviteText } from '../../src/render/invite.js';
import { batch, importSet, orgUser, personRow } from '../plan/fixtures.js';

const NOW = new Date('2026-12-02T09:00:00Z');
const DAY = 86_400_000;
const ago = (days: number, ms = 0) => new Date(NOW.getTime() - days * DAY - ms).toISOString();
const user = (
  name: string,
  overrides: Parameters<typeof orgUser>[0] extends infer T ? Partial<T> : never = {},
) =>
  orgUser({
    id: `u-${name.split(' ')[0]!.toLowerCase()}`,
    name,
    email: `${name.toLowerCase().replace(/ /g, '.')}@northfield.edu`,
    dateWelcomeSent: null,
    dateLastLogin: null,
    welcomeKnown: true,
    ...overrides,
  });

describe('inviteStanding', () => {
  it('an invitation expires 30 days after it was sent, unless the person logged in', () => {
    expect(expiresAt('2026-11-01T09:00:00Z')?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(inviteStanding(user('A B', { dateWelcomeSent: ago(30) }), NOW)).toBe('waiting');
    expect(inviteStanding(user('A B', { dateWelcomeSent: ago(30, 1) }), NOW)).toBe('expired');
    expect(inviteStanding(user('A B', { dateWelcomeSent: ago(31), dateLastLogin: ago(2) }), NOW)).toBe(
      'logged-in',
    );
    // Logged in without an invitation (SSO, an admin's own login): logged in all the same.
    expect(inviteStanding(user('A B', { dateLastLogin: ago(2) }), NOW)).toBe('logged-in');
  });

  it('tells never invited from "the listing did not say", and leaves out who cannot log in', () => {
    expect(inviteStanding(user('A B'), NOW)).toBe('never-invited');
    expect(inviteStanding(user('A B', { welcomeKnown: false }), NOW)).toBe('welcome-unknown');
    expect(inviteStanding(user('A B', { state: 'inactive', dateWelcomeSent: ago(40) }), NOW)).toBe(
      'inactive',
    );
    expect(inviteStanding(user('A B', { state: 'deleted' }), NOW)).toBe('deleted');
    expect(inviteStanding(undefined, NOW)).toBe('not-created');
  });
});

describe('selectExpired', () => {
  const people = [
    'Aisha Rahman',
    'Ben Carter',
    'Chloe Dubois',
    'Diego Fernandez',
    'Emily Nguyen',
    'Farah Haddad',
  ];
  const rows = people.map((name, index) => personRow({ line: index + 2, name }));
  const users = [
    user('Aisha Rahman', { dateWelcomeSent: ago(31) }),
    user('Ben Carter', { dateWelcomeSent: ago(31), dateLastLogin: ago(3) }),
    user('Chloe Dubois', { dateWelcomeSent: ago(10) }),
    user('Diego Fernandez'),
    user('Emily Nguyen', { state: 'inactive', dateWelcomeSent: ago(60) }),
    // Farah is not in the org.
  ];
  const request: InviteRequest = { date: '2026-12-02', force: false, expired: true };

  it('re-sends only to the expired ones, lists who needs something else, and leaves out who is fine', () => {
    const selection = selectExpired([batch(rows)], users, request, NOW);
    expect(selection).toMatchObject({ expired: true, force: false, batches: ['student-services'] });
    expect(selection.invite.map((person) => person.userId)).toEqual(['u-aisha']);
    expect(selection.skipped.map((person) => [person.email, person.reason])).toEqual([
      ['diego.fernandez@northfield.edu', 'never-invited'],
      ['emily.nguyen@northfield.edu', 'inactive'],
      ['farah.haddad@northfield.edu', 'not-created'],
    ]);
    expect(selection.skipped[0]?.detail).toBe(
      'never invited: run "gc-onboard invite --batch student-services"',
    );
  });

  it('sends with force (Genesys skips an already welcomed user otherwise), and says "re-sent"', async () => {
    const calls: [string, boolean][] = [];
    const report = await sendInvites(selectExpired([batch(rows)], users, request, NOW), {
      invite: (userId, force) => {
        calls.push([userId, force]);
        return Promise.resolve();
      },
    });
    expect(calls).toEqual([['u-aisha', true]]);
    expect(renderInviteText(report)).toBe(
      [
        'Expired invitations in batches trained on or before Wed 2 Dec 2026 (student-services): 1 expired invitation re-sent · 3 people to look at.',
        '  student-services  Aisha Rahman <aisha.rahman@northfield.edu>  re-sent (the invitation had expired)',
        '  student-services  Diego Fernandez <diego.fernandez@northfield.edu>  skipped: never invited: run "gc-onboard invite --batch student-services"',
        '  student-services  Emily Nguyen <emily.nguyen@northfield.edu>  skipped: the user is inactive; an invite would reactivate them',
        '  student-services  Farah Haddad <farah.haddad@northfield.edu>  skipped: not in Genesys Cloud: apply the batch first',
        '',
      ].join('\n'),
    );
    expect(renderInviteMarkdown(report)).toContain('## gc-onboard expired invitations');
    expect(renderInviteMarkdown(report)).toContain(
      '| student-services | Aisha Rahman | `aisha.rahman@northfield.edu` | re-sent (expired) |',
    );
  });

  it('looks at the batches trained on or before the date, or the one named whatever its date', () => {
    const imports = importSet([
      batch([], [], { trainingDay: '2026-11-01' }, 'admissions'),
      batch([], [], { trainingDay: '2026-12-02' }, 'registrar'),
      batch([], [], { trainingDay: '2026-12-09' }, 'student-services'),
      batch([], [], { trainingDay: undefined }, 'it-help-desk'),
    ]);
    expect(expiredBatches(imports, request).map((b) => b.name)).toEqual(['admissions', 'registrar']);
    expect(expiredBatches(imports, { ...request, batch: 'it-help-desk' }).map((b) => b.name)).toEqual([
      'it-help-desk',
    ]);
    // The follow-up of the report counts a training day as passed only the day after.
    expect(trainingDayPassed(imports.batches[1]!, '2026-12-02')).toBe(false);
    expect(trainingDayPassed(imports.batches[1]!, '2026-12-02', true)).toBe(true);
  });
});

describe('reinvite_expired in policy.yml', () => {
  it('is off by default, true or false when set, and an error (off) for anything else', () => {
    expect(DEFAULT_POLICY.reinviteExpired).toBe(false);
    expect(parsePolicy('reinvite_expired: true\n', 'policy.yml').policy?.reinviteExpired).toBe(true);
    expect(parsePolicy('reinvite_expired: false\n', 'policy.yml').policy?.reinviteExpired).toBe(false);
    const bad = parsePolicy('reinvite_expired: weekly\n', 'policy.yml');
    expect(bad.policy?.reinviteExpired).toBe(false);
    expect(bad.findings.map((finding) => [finding.line, finding.column, finding.code])).toEqual([
      [1, 'reinvite_expired', 'invalid-value'],
    ]);
    expect(bad.findings[0]?.message).toBe(
      'reinvite_expired must be true or false; got "weekly". Until it is fixed expired invitations are not re-sent.',
    );
  });
});
