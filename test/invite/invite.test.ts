// Choosing who is invited on a training day, and sending each invite once.
import { describe, expect, it } from 'vitest';
import {
  dueBatches,
  selectInvitees,
  sendInvites,
  todayIn,
  type InviteRequest,
  type Inviter,
} from '../../src/invite/invite.js';
import { renderInviteMarkdown, renderInviteText } from '../../src/render/invite.js';
import { batch, importSet, orgUser, personRow } from '../plan/fixtures.js';

const never = { dateWelcomeSent: null, dateLastLogin: null };
const people = [
  personRow({ line: 2, name: 'Aisha Rahman' }),
  personRow({ line: 3, name: 'Ben Carter' }),
  personRow({ line: 4, name: 'Chloe Dubois' }),
  personRow({ line: 5, name: 'Diego Fernandez' }),
  personRow({ line: 6, name: 'Emily Nguyen' }),
  personRow({ line: 7, name: 'Farah Haddad' }),
  personRow({ line: 8, name: 'George Lin' }),
];
const users = [
  orgUser({ id: 'u-aisha', name: 'Aisha Rahman', email: 'aisha.rahman@northfield.edu', ...never }),
  orgUser({ id: 'u-ben', name: 'Ben Carter', email: 'Ben.Carter@northfield.edu', ...never }),
  orgUser({
    id: 'u-chloe',
    name: 'Chloe Dubois',
    email: 'chloe.dubois@northfield.edu',
    ...never,
    dateWelcomeSent: '2026-11-20T08:00:00Z',
  }),
  orgUser({
    id: 'u-diego',
    name: 'Diego Fernandez',
    email: 'diego.fernandez@northfield.edu',
    ...never,
    dateLastLogin: '2026-11-21T08:00:00Z',
  }),
  orgUser({
    id: 'u-emily',
    name: 'Emily Nguyen',
    email: 'emily.nguyen@northfield.edu',
    ...never,
    state: 'inactive',
  }),
  orgUser({
    id: 'u-farah',
    name: 'Farah Haddad',
    email: 'farah.haddad@northfield.edu',
    ...never,
    state: 'deleted',
  }),
  // George is not created yet.
];
const imports = importSet([
  batch(people),
  batch([personRow({ line: 2, name: 'Hannah Schmidt' })], [], { trainingDay: '2026-12-08' }, 'admissions'),
]);
const request = (overrides: Partial<InviteRequest> = {}): InviteRequest => ({
  date: '2026-12-01',
  force: false,
  ...overrides,
});

describe('dueBatches', () => {
  it('takes the batches whose training day is the date, or the named batch whatever its date', () => {
    expect(dueBatches(imports, request()).map((b) => b.name)).toEqual(['student-services']);
    expect(dueBatches(imports, request({ date: '2026-12-02' }))).toEqual([]);
    expect(dueBatches(imports, request({ batch: 'admissions' })).map((b) => b.name)).toEqual(['admissions']);
    expect(dueBatches(imports, request({ batch: 'nursing' }))).toEqual([]);
  });
});

describe('selectInvitees', () => {
  it('invites only people who exist, are active, were never welcomed and never logged in', () => {
    const selection = selectInvitees(dueBatches(imports, request()), users, request());
    expect(selection.invite.map((p) => p.userId)).toEqual(['u-aisha', 'u-ben']);
    expect(selection.skipped.map((p) => [p.email, p.reason])).toEqual([
      ['chloe.dubois@northfield.edu', 'already-invited'],
      ['diego.fernandez@northfield.edu', 'already-logged-in'],
      ['emily.nguyen@northfield.edu', 'inactive'],
      ['farah.haddad@northfield.edu', 'deleted'],
      ['george.lin@northfield.edu', 'not-created'],
    ]);
  });

  it('with force re-sends to everyone active, but never to inactive, deleted or missing people', () => {
    const selection = selectInvitees(dueBatches(imports, request()), users, request({ force: true }));
    expect(selection.invite.map((p) => p.userId)).toEqual(['u-aisha', 'u-ben', 'u-chloe', 'u-diego']);
    expect(selection.skipped.map((p) => p.reason)).toEqual(['inactive', 'deleted', 'not-created']);
  });

  it('prefers the live user when a deleted one has the same email, and lists a person once', () => {
    const twice = batch([
      personRow({ line: 2, name: 'Aisha Rahman' }),
      personRow({ line: 3, name: 'Aisha Rahman' }),
    ]);
    const deletedTwin = orgUser({
      id: 'u-old',
      name: 'Aisha Rahman',
      email: 'aisha.rahman@northfield.edu',
      ...never,
      state: 'deleted',
    });
    const selection = selectInvitees([twice], [deletedTwin, ...users], request());
    expect(selection.invite.map((p) => p.userId)).toEqual(['u-aisha']);
    expect(selection.skipped.map((p) => p.reason)).toEqual(['duplicate-in-batch']);
  });
});

describe('sendInvites', () => {
  it('sends each selected invite with the force flag and keeps a failure with its person', async () => {
    const calls: [string, boolean][] = [];
    const inviter: Inviter = {
      invite: (userId, force) => {
        calls.push([userId, force]);
        return userId === 'u-ben'
          ? Promise.reject(new Error('400 bad.request: no email'))
          : Promise.resolve();
      },
    };
    const selection = selectInvitees(dueBatches(imports, request()), users, request());
    const report = await sendInvites(selection, inviter);
    expect(calls).toEqual([
      ['u-aisha', false],
      ['u-ben', false],
    ]);
    expect(report.ok).toBe(false);
    expect(report.invited.map((p) => [p.userId, p.sent, p.error])).toEqual([
      ['u-aisha', true, null],
      ['u-ben', false, '400 bad.request: no email'],
    ]);
    const text = renderInviteText(report);
    expect(text).toContain(
      'Training day Tue 1 Dec 2026, student-services: 1 invite sent · 5 people skipped · 1 invite failed.',
    );
    expect(text).toContain('Ben Carter <ben.carter@northfield.edu>  FAILED: 400 bad.request: no email');
    expect(text).toContain('George Lin <george.lin@northfield.edu>  skipped: not in Genesys Cloud yet');
    const markdown = renderInviteMarkdown(report);
    expect(markdown).toContain(
      // An email is shown as a code span, so GitHub links and mentions nothing (src/render/escape.ts).
      '| student-services | Aisha Rahman | `aisha.rahman@northfield.edu` | invited |',
    );
  });

  it('names a catch-up as such, not as a training day', async () => {
    const catchUp = request({ date: '2026-11-25', batch: 'admissions' });
    const report = await sendInvites(selectInvitees(dueBatches(imports, catchUp), [], catchUp), {
      invite: () => Promise.resolve(),
    });
    expect(report.catchUp).toBe('admissions');
    expect(renderInviteText(report).split('\n')[0]).toBe(
      'Catch-up for batch admissions on Wed 25 Nov 2026: 0 invites sent · 1 person skipped.',
    );
  });

  it('reports a day with no batch plainly', async () => {
    const report = await sendInvites(selectInvitees([], [], request()), {
      invite: () => Promise.reject(new Error()),
    });
    expect(renderInviteText(report)).toBe(
      'No batch has its training day on Tue 1 Dec 2026: nobody invited.\n',
    );
  });
});

describe('todayIn', () => {
  it('is the calendar date in the configured time zone', () => {
    const instant = new Date('2026-12-01T03:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-12-01');
    expect(todayIn('America/New_York', instant)).toBe('2026-11-30');
    expect(todayIn('Asia/Tokyo', new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
    expect(() => todayIn('Mars/Olympus', instant)).toThrow(RangeError);
  });
});

describe('selectInvitees with a welcome date the org left out', () => {
  const unknown = { ...never, welcomeKnown: false };
  const only = [personRow({ line: 2, name: 'Aisha Rahman' })];
  const aisha = (overrides: object) =>
    orgUser({ id: 'u-aisha', name: 'Aisha Rahman', email: 'aisha.rahman@northfield.edu', ...overrides });

  it('does not invite on a missing date it could not confirm, unless forced', () => {
    const selection = selectInvitees([batch(only)], [aisha(unknown)], request());
    expect(selection.invite).toEqual([]);
    expect(selection.skipped.map((s) => s.reason)).toEqual(['welcome-unknown']);
    const forced = selectInvitees([batch(only)], [aisha(unknown)], request({ force: true }));
    expect(forced.invite.map((p) => p.userId)).toEqual(['u-aisha']);
  });

  it('decides on a date that came back, or on a last login, without a confirmation', () => {
    const welcomed = selectInvitees(
      [batch(only)],
      [aisha({ ...unknown, dateLastLogin: '2026-11-21T08:00:00Z' })],
      request(),
    );
    expect(welcomed.skipped.map((s) => s.reason)).toEqual(['already-logged-in']);
    const confirmed = selectInvitees([batch(only)], [aisha({ ...never, welcomeKnown: true })], request());
    expect(confirmed.invite.map((p) => p.userId)).toEqual(['u-aisha']);
  });
});
