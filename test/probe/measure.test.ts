// The pure half of the probe: observations to profile fields, and "not measured" when it cannot tell.
import { describe, expect, it } from 'vitest';
import {
  datesOnlyWithExpand,
  dropRate,
  fieldsOnRequest,
  readsBackShaped,
  sawVersionRace,
  toProfile,
  type Observations,
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
