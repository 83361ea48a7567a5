// The pure half of the probe: observations to profile fields, and "not measured" when it cannot tell.
import { describe, expect, it } from 'vitest';
import {
  datesOnlyWithExpand,
  dropRate,
  fieldsOnRequest,
  readsBackShaped,
  renderReport,
  ROLE_GRANT_MAX_CALLS,
  roleGrantLine,
  sawVersionRace,
  searchSubjectCap,
  toProfile,
  withoutPersonalData,
  type Observations,
  type PageTry,
} from '../../src/probe/measure.js';
import { parseProfile } from '../../src/sandbox/profile.js';

const observed = (more: Partial<Observations> = {}): Observations => ({
  measuredAt: '2026-12-02T07:00:00.000Z',
  defaultCountryCode: 'US',
  lags: { search: 300, authorization: 200, routing: null, telephony: 400, station: 100 },
  pollMs: 50,
  phoneFields: null,
  welcomeDates: { plain: 0, expanded: 0 },
  expands: { requested: 0, dropped: 0 },
  workPhone: null,
  raceRounds: [],
  defaultStationStatus: 400,
  roleGrant: null,
  limits: { token: 300, usersSearch: 180, phoneWrites: 0 },
  statuses: { takenPhoneName: 409 },
  notes: [],
  ...more,
});

describe('probe measures', () => {
  it('reads each behaviour from what came back', () => {
    expect(dropRate({ requested: 200, dropped: 3 })).toBe(0.015);
    expect(dropRate({ requested: 0, dropped: 0 })).toBeNull();
    const field = (plain: boolean, asked: boolean) => ({
      plain: { webRtcUser: plain, lines: plain },
      asked: { webRtcUser: asked, lines: asked },
    });
    expect(fieldsOnRequest(field(false, true))).toBe(true);
    expect(fieldsOnRequest(field(true, true))).toBe(false);
    expect(fieldsOnRequest(field(false, false))).toBeNull();
    expect(datesOnlyWithExpand({ plain: 0, expanded: 4 })).toBe(true);
    expect(datesOnlyWithExpand({ plain: 4, expanded: 4 })).toBe(false);
    expect(datesOnlyWithExpand({ plain: 0, expanded: 0 })).toBeNull();
    expect(
      readsBackShaped({ written: '3175550123', address: '+13175550123', display: '+1 317-555-0123' }),
    ).toBe(true);
    expect(readsBackShaped({ written: '3175550123', address: '+13175550123', display: '3175550123' })).toBe(
      false,
    );
    expect(
      sawVersionRace([
        [200, 200, 400],
        [200, 409, 400],
      ]),
    ).toBe(true);
    expect(sawVersionRace([[200, 200, 202]])).toBe(false);
    expect(sawVersionRace([])).toBeNull();
  });

  it('writes a valid profile, leaving out (with a note) what it could not measure', () => {
    const profile = parseProfile(toProfile(observed()));
    expect(profile.real).toEqual({
      authorizationLagMs: 200,
      telephonyLagMs: 400,
      defaultStationNeedsCallAdd: true,
      usersSearchPerMinute: 180,
      phoneWritesPerMinute: 0,
    });
    expect(profile.userSearchLagMs).toBe(300);
    expect(profile.statuses).toEqual({ takenPhoneName: 409, defaultStationWithoutCallAdd: 400 });
    for (const key of [
      'routingLagMs',
      'phoneFieldsOnRequest',
      'datesOnlyWithExpand',
      'expandDropRate',
      'addressShapes',
      'versionRaces',
    ])
      expect(
        profile.notes.some((note) => note.startsWith(`${key}: not measured`)),
        key,
      ).toBe(true);
  });
});

/** An org that takes up to `cap` subjects per grant (0: any number), and the sizes it was asked. */
function orgWithCap(cap: number) {
  const asked: number[] = [];
  const tryPage = (k: number): Promise<PageTry> => {
    asked.push(k);
    return Promise.resolve(cap > 0 && k > cap ? 'too-large' : 'ok');
  };
  return { asked, tryPage };
}

describe('the role-grant subject cap search', () => {
  it('climbs the ladder to the first size refused, then halves below it', async () => {
    const org = orgWithCap(250);
    expect(await searchSubjectCap(org.tryPage)).toEqual({
      accepted: 250,
      refused: 257,
      calls: 8,
      other: null,
    });
    expect(org.asked).toEqual([100, 250, 500, 375, 312, 281, 265, 257]);
  });

  it('finds a cap between the ladder steps as the largest size taken, a lower bound', async () => {
    // 100 250 ok, 500 no, 375 no, 312 no, 281 ok, 296 ok, 304 no.
    expect(await searchSubjectCap(orgWithCap(300).tryPage)).toEqual({
      accepted: 296,
      refused: 304,
      calls: 8,
      other: null,
    });
    // 100 no, then halving from 0: 50 ok, 75 no, 62 no, 56 ok, 59 ok, 60 ok, 61 no.
    expect(await searchSubjectCap(orgWithCap(60).tryPage)).toEqual({
      accepted: 60,
      refused: 61,
      calls: 8,
      other: null,
    });
  });

  it('never asks more than ROLE_GRANT_MAX_CALLS times, whatever the cap', async () => {
    for (const cap of [0, 1, 7, 99, 100, 101, 999, 1000, 4999, 5000, 5001]) {
      const org = orgWithCap(cap);
      const search = await searchSubjectCap(org.tryPage);
      expect(search.calls, `cap ${cap}`).toBe(org.asked.length);
      expect(search.calls, `cap ${cap}`).toBeLessThanOrEqual(ROLE_GRANT_MAX_CALLS);
      if (cap > 0) expect(search.accepted, `cap ${cap}`).toBeLessThanOrEqual(cap);
    }
  });

  it('records 5000 with a note when the org took every size tried', async () => {
    const search = await searchSubjectCap(orgWithCap(0).tryPage);
    expect(search).toEqual({ accepted: 5000, refused: null, calls: 6, other: null });
    const profile = parseProfile(toProfile(observed({ roleGrant: search })));
    expect(profile.real.roleGrantSubjectCap).toBe(5000);
    expect(profile.notes).toContain('roleGrantSubjectCap: accepted 5000, the most tried (6 calls).');
  });

  it('stops at any other refusal: a note with its status and message, no field, no ids', async () => {
    const refusal =
      '400 bad.request: Duplicate subject 0b8e3f1c-1d2e-4f50-9a6b-7c8d9e0f1a2b (POST /api/v2/authorization/roles/{roleId})';
    const asked: number[] = [];
    const search = await searchSubjectCap((k) => {
      asked.push(k);
      return Promise.resolve(k < 250 ? 'ok' : { other: refusal });
    });
    expect(asked).toEqual([100, 250]);
    const profile = parseProfile(toProfile(observed({ roleGrant: search })));
    expect(profile.real.roleGrantSubjectCap).toBeUndefined();
    const note = profile.notes.find((line) => line.startsWith('roleGrantSubjectCap: not measured'));
    expect(note).toContain('400 bad.request: Duplicate subject <id>');
    expect(JSON.stringify(profile)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(renderReport(profile, [], 50, search)).toContain('Role grants: the subject cap was not measured');
  });

  it('leaves the field out when the org refused even the smallest size as too many', async () => {
    const search = await searchSubjectCap(() => Promise.resolve('too-large'));
    expect(search.accepted).toBe(0);
    const profile = parseProfile(toProfile(observed({ roleGrant: search })));
    expect(profile.real.roleGrantSubjectCap).toBeUndefined();
    expect(profile.notes.some((n) => n.startsWith('roleGrantSubjectCap: not measured (refused'))).toBe(true);
  });

  it('tells apply what page size to use', () => {
    const found = { accepted: 1000, refused: 1375, calls: 7, other: null };
    expect(roleGrantLine(1000, found)).toBe(
      'Role grants: the org took 1000 subjects in one call (refused 1375). Apply pages at GC_ONBOARD_ROLE_GRANT_PAGE (default 100): set it to 1000 to grant in fewer calls.',
    );
    expect(roleGrantLine(100, { ...found, accepted: 100, refused: 137 })).toContain('the default fits');
    expect(roleGrantLine(50, { ...found, accepted: 50, refused: 75 })).toContain('set it to 50');
    expect(roleGrantLine(5000, { ...found, accepted: 5000, refused: null })).toContain('(the most tried)');
    expect(withoutPersonalData('user a.b@x.edu (9f0e…) 0b8e3f1c-1d2e-4f50-9a6b-7c8d9e0f1a2b')).toBe(
      'user <email> (9f0e…) <id>',
    );
  });
});
