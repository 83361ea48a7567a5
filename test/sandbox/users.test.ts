import type platformClient from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { DEMO_IDS } from '../../src/sandbox/index.js';
import type { Harness } from './helpers.js';
import { apiError, ext, harness, sleep } from './helpers.js';

const D = DEMO_IDS;
let h: Harness;

beforeAll(async () => {
  h = await harness({ userSearchLagMs: 0, rateLimitPerMinute: 100_000, real: false });
});
afterAll(async () => {
  await h.sandbox.close();
});
beforeEach(() => {
  h.sandbox.reset();
});

function userIn(email: string) {
  const user = h.sandbox.state().users.find((u) => u.email === email);
  if (!user) throw new Error(`no user ${email} in state`);
  return user;
}

describe('GET /api/v2/users', () => {
  it('lists active users by default, sorted by name, with Genesys paging fields', async () => {
    const res = await ext(h.users.getUsers({ pageSize: 2, pageNumber: 1 }));
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.total).toBe(4);
    expect(body.pageCount).toBe(2);
    expect(body.entities?.map((u) => u.name)).toEqual(['James Okafor', 'Maria Gonzalez']);
    expect(body.selfUri).toBe('/api/v2/users?pageSize=2&pageNumber=1');
    expect(body.firstUri).toBe('/api/v2/users?pageSize=2&pageNumber=1');
    expect(body.lastUri).toBe('/api/v2/users?pageSize=2&pageNumber=2');
    expect(body.nextUri).toBe('/api/v2/users?pageSize=2&pageNumber=2');
    expect(body.previousUri).toBeUndefined();
  });

  it('serves the last page with previousUri and no nextUri, and an empty page past the end', async () => {
    const last = (await ext(h.users.getUsers({ pageSize: 3, pageNumber: 2 }))).body;
    expect(last.entities?.map((u) => u.name)).toEqual(['Priya Patel']);
    expect(last.nextUri).toBeUndefined();
    expect(last.previousUri).toBe('/api/v2/users?pageSize=3&pageNumber=1');
    const past = (await ext(h.users.getUsers({ pageSize: 3, pageNumber: 9 }))).body;
    expect(past.entities).toEqual([]);
    expect(past.total).toBe(4);
  });

  it('refuses pageSize over 500, pageSize 0 and pageNumber 0 with 400', async () => {
    const body = await apiError(h.users.getUsers({ pageSize: 501 }), 400, 'invalid.value');
    expect(body.details[0].fieldName).toBe('pageSize');
    await apiError(h.users.getUsers({ pageSize: 0 }), 400, 'invalid.value');
    await apiError(h.users.getUsers({ pageNumber: 0 }), 400, 'invalid.value');
    expect((await ext(h.users.getUsers({ pageSize: 500 }))).status).toBe(200);
  });

  it('filters by state (inactive, deleted, any) and by id, and rejects an unknown state', async () => {
    const names = async (opts: object) =>
      (await ext(h.users.getUsers(opts))).body.entities?.map((u) => u.name);
    expect(await names({ state: 'inactive' })).toEqual(['Tom Reyes']);
    expect(await names({ state: 'deleted' })).toEqual(['Sam Former']);
    expect(await names({ state: 'any' })).toHaveLength(6);
    expect(await names({ id: [D.users.tom, D.users.james] })).toEqual(['James Okafor']);
    expect(await names({ id: [D.users.tom, D.users.james], state: 'any' })).toEqual([
      'James Okafor',
      'Tom Reyes',
    ]);
    await apiError(h.users.getUsers({ state: 'sleeping' }), 400, 'invalid.value');
  });

  it('refuses inactive listings past 10,000 results with 400', async () => {
    await apiError(
      h.users.getUsers({ state: 'inactive', pageSize: 100, pageNumber: 101 }),
      400,
      'bad.request',
    );
    expect((await ext(h.users.getUsers({ state: 'inactive', pageSize: 100, pageNumber: 100 }))).status).toBe(
      200,
    );
  });

  it('expands skills, locations, station and dateLastLogin, and rejects an unknown expand', async () => {
    const plain = (await ext(h.users.getUsers({ id: [D.users.maria] }))).body.entities?.[0];
    expect(plain?.skills).toBeUndefined();
    expect(plain?.dateLastLogin).toBeUndefined();
    expect(plain?.dateWelcomeSent).toBe('2025-03-03T09:00:00.000Z');
    const maria = (
      await ext(
        h.users.getUsers({
          id: [D.users.maria],
          expand: ['skills', 'locations', 'station', 'dateLastLogin'],
        }),
      )
    ).body.entities?.[0];
    expect(maria?.skills).toEqual([
      expect.objectContaining({ id: D.skills.english, name: 'English', proficiency: 5 }),
    ]);
    expect(maria?.locations?.[0]?.locationDefinition).toMatchObject({
      id: D.locations.welcomeCenter,
      name: 'Northfield Main Campus - Welcome Center',
    });
    expect(maria?.station?.defaultStation?.id).toBe(D.stations.maria);
    expect(maria?.dateLastLogin).toBe('2026-11-21T08:30:00.000Z');
    const body = await apiError(h.users.getUsers({ expand: ['manager'] }), 400, 'invalid.value');
    expect(body.details[0].fieldName).toBe('expand');
  });
});

describe('GET /api/v2/users/{id}', () => {
  it('returns the user model the client reads', async () => {
    const james = (await ext(h.users.getUser(D.users.james, { expand: ['locations', 'skills'] }))).body;
    expect(james).toMatchObject({
      id: D.users.james,
      name: 'James Okafor',
      email: 'james.okafor@northfield.edu',
      state: 'active',
      version: 1,
      title: 'Student Services Advisor',
      department: 'Student Services',
      division: { id: D.divisions.studentServices, name: 'Student Services' },
      manager: { id: D.users.maria },
      addresses: [{ address: '+12155550110', mediaType: 'PHONE', type: 'WORK', extension: '4110' }],
    });
    expect(james.dateWelcomeSent).toBeUndefined();
    expect(james.locations?.map((l) => l.id)).toEqual([D.locations.welcomeCenter]);
  });

  it('answers 404 for an unknown user, and finds a deleted one only with state=deleted or any', async () => {
    await apiError(h.users.getUser('00000000-0000-0000-0000-000000000000'), 404, 'not.found');
    await apiError(h.users.getUser(D.users.sam), 404, 'not.found');
    expect((await ext(h.users.getUser(D.users.sam, { state: 'deleted' }))).body.state).toBe('deleted');
    expect((await ext(h.users.getUser(D.users.sam, { state: 'any' }))).body.name).toBe('Sam Former');
    expect((await ext(h.users.getUser(D.users.tom))).body.state).toBe('inactive');
    await apiError(h.users.getUser(D.users.james, { state: 'deleted' }), 404, 'not.found');
  });
});

describe('POST /api/v2/users/search', () => {
  const byEmail = (
    email: string,
    extra: platformClient.Models.UserSearchCriteria[] = [],
  ): platformClient.Models.UserSearchRequest => ({
    query: [{ type: 'EXACT', fields: ['email'], value: email }, ...extra],
  });

  it('finds by email case-insensitively and returns the UsersSearchResponse shape', async () => {
    const res = (await ext(h.users.postUsersSearch(byEmail('James.Okafor@NORTHFIELD.edu')))).body;
    expect(res).toMatchObject({ total: 1, pageCount: 1, pageSize: 25, pageNumber: 1, types: ['users'] });
    expect(res.results[0]?.id).toBe(D.users.james);
  });

  it('ANDs criteria, supports values lists and CONTAINS, and leaves results out when nothing matches', async () => {
    const both = (
      await ext(
        h.users.postUsersSearch({
          query: [
            {
              type: 'EXACT',
              fields: ['email'],
              values: ['maria.gonzalez@northfield.edu', 'priya.patel@northfield.edu'],
            },
            { type: 'CONTAINS', fields: ['name'], value: 'patel' },
          ],
        }),
      )
    ).body;
    expect(both.results.map((u) => u.name)).toEqual(['Priya Patel']);
    const none = (await ext(h.users.postUsersSearch(byEmail('nobody@northfield.edu')))).body;
    expect(none.total).toBe(0);
    expect(none.results).toBeUndefined();
  });

  it('shows deleted users only when a state criterion asks for them', async () => {
    const plain = (await ext(h.users.postUsersSearch(byEmail('sam.former@northfield.edu')))).body;
    expect(plain.total).toBe(0);
    const deleted = (
      await ext(
        h.users.postUsersSearch(
          byEmail('sam.former@northfield.edu', [{ type: 'EXACT', fields: ['state'], values: ['deleted'] }]),
        ),
      )
    ).body;
    expect(deleted.results[0]).toMatchObject({ id: D.users.sam, state: 'deleted' });
    const inactive = (await ext(h.users.postUsersSearch(byEmail('tom.reyes@northfield.edu')))).body;
    expect(inactive.total).toBe(1);
  });

  it('pages (≤100) and expands', async () => {
    const query = [{ type: 'CONTAINS', fields: ['email'], value: '@northfield.edu' }];
    const page2 = (
      await ext(h.users.postUsersSearch({ query, pageSize: 2, pageNumber: 2, expand: ['skills'] }))
    ).body;
    expect(page2).toMatchObject({ total: 5, pageCount: 3, pageNumber: 2 });
    expect(page2.results.map((u) => u.name)).toEqual(['Northfield Admin', 'Priya Patel']);
    expect(page2.results[1]?.skills?.[0]?.name).toBe('Password Reset');
    await apiError(h.users.postUsersSearch({ query, pageSize: 101 }), 400, 'invalid.value');
  });

  it('rejects what it cannot answer faithfully: unknown fields, types, empty query', async () => {
    await apiError(
      h.users.postUsersSearch({ query: [{ type: 'EXACT', fields: ['department'], value: 'x' }] }),
      400,
      'invalid.value',
    );
    await apiError(
      h.users.postUsersSearch({ query: [{ type: 'FUZZY', fields: ['name'], value: 'x' }] }),
      400,
      'invalid.value',
    );
    await apiError(h.users.postUsersSearch({ query: [] }), 400, 'bad.request');
    await apiError(
      h.users.postUsersSearch({ query: [{ type: 'EXACT', fields: ['email'] }] }),
      400,
      'bad.request',
    );
  });

  it('does not see a new user until userSearchLagMs has passed', async () => {
    const lagged = await harness({ userSearchLagMs: 300, real: false });
    try {
      await lagged.users.postUsers({
        name: 'Late Person',
        email: 'late@northfield.edu',
        divisionId: D.divisions.home,
      });
      const query = byEmail('late@northfield.edu');
      expect((await ext(lagged.users.postUsersSearch(query))).body.total).toBe(0);
      // The list and the get are consistent at once; only search lags.
      expect(
        (await ext(lagged.users.getUsers({ pageSize: 100 }))).body.entities?.map((u) => u.email),
      ).toContain('late@northfield.edu');
      await sleep(350);
      expect((await ext(lagged.users.postUsersSearch(query))).body.total).toBe(1);
    } finally {
      await lagged.sandbox.close();
    }
  });
});

describe('POST /api/v2/users', () => {
  it('creates an active user with version 1 in the home division, and sends no invite', async () => {
    const res = await ext(
      h.users.postUsers({
        name: 'Aisha Rahman',
        email: 'aisha.rahman@northfield.edu',
        title: 'Student Services Advisor',
        department: 'Student Services',
        addresses: [{ address: '+1 215 555 0101', mediaType: 'PHONE', type: 'WORK', extension: '4101' }],
      } as never),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Aisha Rahman',
      state: 'active',
      version: 1,
      division: { id: D.divisions.home, name: 'Home' },
      title: 'Student Services Advisor',
      addresses: [{ address: '+12155550101', display: '+1 215 555 0101', extension: '4101' }],
    });
    expect(res.body.dateWelcomeSent).toBeUndefined();
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.sandbox.state().invites).toEqual([]);
    expect(userIn('aisha.rahman@northfield.edu').dateWelcomeSent).toBeNull();
  });

  it('places the user in the given division and refuses an unknown one with 400', async () => {
    const res = await ext(
      h.users.postUsers({ name: 'A B', email: 'a.b@northfield.edu', divisionId: D.divisions.admissions }),
    );
    expect(res.body.division?.name).toBe('Admissions');
    const body = await apiError(
      h.users.postUsers({ name: 'C D', email: 'c.d@northfield.edu', divisionId: 'nope' }),
      400,
      'invalid.value',
    );
    expect(body.details[0].fieldName).toBe('divisionId');
  });

  it('validates name, email and addresses, and refuses fields CreateUser does not have', async () => {
    const home = D.divisions.home;
    expect(
      (
        await apiError(
          h.users.postUsers({ name: ' ', email: 'x@northfield.edu', divisionId: home }),
          400,
          'bad.request',
        )
      ).details[0].fieldName,
    ).toBe('name');
    expect(
      (
        await apiError(
          h.users.postUsers({ name: 'X', email: 'not-an-email', divisionId: home }),
          400,
          'invalid.value',
        )
      ).details[0].fieldName,
    ).toBe('email');
    await apiError(
      h.users.postUsers({
        name: 'X',
        email: 'x@northfield.edu',
        divisionId: home,
        addresses: [{ address: 'call me', mediaType: 'PHONE', type: 'WORK' }],
      }),
      400,
      'invalid.value',
    );
    const body = await apiError(
      h.users.postUsers({
        name: 'X',
        email: 'x@northfield.edu',
        divisionId: home,
        manager: D.users.maria,
      } as never),
      400,
      'bad.request',
    );
    expect(body.details[0].fieldName).toBe('manager');
  });

  it('answers 409 general.conflict for a taken email, a deleted user’s included, in any case', async () => {
    await apiError(
      h.users.postUsers({ name: 'J', email: 'JAMES.OKAFOR@northfield.edu', divisionId: D.divisions.home }),
      409,
      'general.conflict',
    );
    await apiError(
      h.users.postUsers({ name: 'S', email: 'sam.former@northfield.edu', divisionId: D.divisions.home }),
      409,
      'general.conflict',
    );
    await apiError(
      h.users.postUsers({ name: 'T', email: 'tom.reyes@northfield.edu', divisionId: D.divisions.home }),
      409,
      'general.conflict',
    );
    expect(h.sandbox.state().users).toHaveLength(6);
  });
});

describe('PATCH /api/v2/users/{id}', () => {
  it('updates fields, bumps the version, clears title with an empty string and replaces addresses', async () => {
    const res = await ext(
      h.users.patchUser(D.users.james, {
        version: 1,
        title: 'Senior Student Services Advisor',
        department: '',
        addresses: [{ extension: '4999', mediaType: 'PHONE', type: 'WORK' }],
        manager: D.users.admin,
        locations: [{ id: D.locations.downtown }],
      }),
    );
    expect(res.body).toMatchObject({
      version: 2,
      title: 'Senior Student Services Advisor',
      manager: { id: D.users.admin },
    });
    expect(res.body.department).toBeUndefined();
    const stored = userIn('james.okafor@northfield.edu');
    expect(stored.addresses).toEqual([{ extension: '4999', mediaType: 'PHONE', type: 'WORK' }]);
    expect(stored.locations).toEqual([{ id: D.locations.downtown }]);
    expect(stored.department).toBe('');
    const cleared = await ext(h.users.patchUser(D.users.james, { version: 2, title: '', manager: '' }));
    expect(cleared.body.title).toBeUndefined();
    expect(cleared.body.manager).toBeUndefined();
  });

  it('requires version (400), refuses a stale one (409 naming the version), and changes nothing on failure', async () => {
    await apiError(h.users.patchUser(D.users.james, { title: 'x' } as never), 400, 'bad.request');
    const stale = await apiError(
      h.users.patchUser(D.users.james, { version: 7, title: 'x' }),
      409,
      'general.conflict',
    );
    expect(stale.message).toMatch(/version/);
    await apiError(
      h.users.patchUser(D.users.james, { version: 1, title: 'x', manager: 'nobody' }),
      400,
      'invalid.value',
    );
    await apiError(
      h.users.patchUser(D.users.james, { version: 1, title: 'x', locations: [{ id: 'nowhere' }] }),
      400,
      'invalid.value',
    );
    await apiError(
      h.users.patchUser(D.users.james, { version: 1, division: { id: D.divisions.home } } as never),
      400,
      'bad.request',
    );
    const james = userIn('james.okafor@northfield.edu');
    expect(james.title).toBe('Student Services Advisor');
    expect(james.version).toBe(1);
  });

  it('answers 404 for unknown and deleted users, restores a deleted one with state active', async () => {
    await apiError(h.users.patchUser('nobody', { version: 1 }), 404, 'not.found');
    await apiError(h.users.patchUser(D.users.sam, { version: 1, title: 'x' }), 404, 'not.found');
    const restored = await ext(h.users.patchUser(D.users.sam, { version: 1, state: 'active' }));
    expect(restored.body).toMatchObject({ state: 'active', version: 2 });
    expect((await ext(h.users.getUser(D.users.sam))).body.state).toBe('active');
  });

  it('refuses an email another user holds with 409', async () => {
    await apiError(
      h.users.patchUser(D.users.james, { version: 1, email: 'maria.gonzalez@northfield.edu' }),
      409,
      'general.conflict',
    );
  });
});

describe('POST /api/v2/users/{id}/invite', () => {
  it('records dateWelcomeSent and an invite log entry, then skips a second invite unless forced', async () => {
    const first = await ext(h.users.postUserInvite(D.users.james));
    expect(first.status).toBe(204);
    const sent = userIn('james.okafor@northfield.edu').dateWelcomeSent;
    expect(sent).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await ext(h.users.getUser(D.users.james))).body.dateWelcomeSent).toBe(sent);

    expect((await ext(h.users.postUserInvite(D.users.james, { force: false }))).status).toBe(204);
    expect((await ext(h.users.postUserInvite(D.users.james, { force: true }))).status).toBe(204);
    expect(h.sandbox.state().invites.map((i) => [i.userId, i.sent, i.outcome, i.force])).toEqual([
      [D.users.james, true, 'sent', false],
      [D.users.james, false, 'skipped-already-sent', false],
      [D.users.james, true, 'resent', true],
    ]);
  });

  it('makes an inactive user active, answers 404 for unknown and 400 for deleted users', async () => {
    await ext(h.users.postUserInvite(D.users.tom, { force: true }));
    expect(userIn('tom.reyes@northfield.edu').state).toBe('active');
    await apiError(h.users.postUserInvite('nobody'), 404, 'not.found');
    await apiError(h.users.postUserInvite(D.users.sam), 400, 'bad.request');
  });
});
