import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { DEMO_IDS } from '../../src/sandbox/index.js';
import type { Harness } from './helpers.js';
import { accessToken, apiError, ext, harness, http, sleep } from './helpers.js';

const D = DEMO_IDS;
const STATION_LAG_MS = 300;
let h: Harness;
let token: string;

beforeAll(async () => {
  h = await harness({ stationLagMs: STATION_LAG_MS, rateLimitPerMinute: 100_000, real: false });
  token = await accessToken(h.sandbox);
});
afterAll(async () => {
  await h.sandbox.close();
});
beforeEach(() => {
  h.sandbox.reset();
});

/** The body gc-onboard sends for a WebRTC phone of `userId`. */
function webRtcPhone(name: string, userId: string, overrides: Record<string, unknown> = {}): any {
  return {
    name,
    site: { id: D.sites.mainCampus },
    phoneBaseSettings: { id: D.phoneBaseSettings.webRtc },
    lines: [{ name: `${name}_1`, lineBaseSettings: { id: D.lineBaseSettings.webRtc } }],
    webRtcUser: { id: userId },
    ...overrides,
  };
}

const createPhone = (body: any) => ext(h.telephony.postTelephonyProvidersEdgesPhones(body));
const stationsOf = (userId: string) => ext(h.stations.getStations({ webRtcUserId: userId }));

describe('phone and line base settings, sites', () => {
  it('serves the WebRTC base settings with its line, found by name, and 404 for an unknown id', async () => {
    const list = (
      await ext(h.telephony.getTelephonyProvidersEdgesPhonebasesettings({ name: 'WebRTC Softphone' }))
    ).body;
    expect(list.total).toBe(1);
    const base = list.entities![0]!;
    expect(base.phoneMetaBase?.id).toBe('inin_webrtc_softphone.json');
    expect(base.lines?.map((l) => l.id)).toEqual([D.lineBaseSettings.webRtc]);

    const one = (
      await ext(h.telephony.getTelephonyProvidersEdgesPhonebasesetting(D.phoneBaseSettings.webRtc))
    ).body;
    expect(one.lines?.[0]?.id).toBe(D.lineBaseSettings.webRtc);
    expect(one.name).toBe('WebRTC Softphone');
    await apiError(h.telephony.getTelephonyProvidersEdgesPhonebasesetting('nope'), 404, 'not.found');

    const all = (await ext(h.telephony.getTelephonyProvidersEdgesPhonebasesettings({ pageSize: 100 }))).body;
    expect(all.entities?.map((b) => b.name)).toEqual(['Polycom VVX 411', 'WebRTC Softphone']);
    await apiError(
      h.telephony.getTelephonyProvidersEdgesPhonebasesettings({ pageSize: 101 }),
      400,
      'invalid.value',
    );
  });

  it('lists line base settings, one per base settings line', async () => {
    const lines = (await ext(h.telephony.getTelephonyProvidersEdgesLinebasesettings())).body;
    expect(lines.total).toBe(2);
    expect(lines.entities?.map((l) => l.id).sort()).toEqual(
      [D.lineBaseSettings.polycom, D.lineBaseSettings.webRtc].sort(),
    );
  });

  it('finds sites by exact name (case-insensitive) or with a * wildcard', async () => {
    const exact = (await ext(h.telephony.getTelephonyProvidersEdgesSites({ name: 'northfield main campus' })))
      .body;
    expect(exact.entities?.map((s) => s.id)).toEqual([D.sites.mainCampus]);
    const wild = (await ext(h.telephony.getTelephonyProvidersEdgesSites({ name: 'Northfield*' }))).body;
    expect(wild.total).toBe(2);
    const none = (await ext(h.telephony.getTelephonyProvidersEdgesSites({ name: 'Northfield' }))).body;
    expect(none).toMatchObject({ total: 0, entities: [] });
  });
});

describe('POST /api/v2/telephony/providers/edges/phones', () => {
  it('creates a WebRTC phone with its line, and a station for its user as a side effect', async () => {
    const res = await createPhone(webRtcPhone('James Okafor WebRTC', D.users.james));
    expect(res.status).toBe(200);
    const phone = res.body;
    expect(phone).toMatchObject({
      name: 'James Okafor WebRTC',
      version: 1,
      site: { id: D.sites.mainCampus },
      phoneBaseSettings: { id: D.phoneBaseSettings.webRtc },
      lineBaseSettings: { id: D.lineBaseSettings.webRtc },
      webRtcUser: { id: D.users.james },
    });
    expect(phone.lines).toHaveLength(1);
    expect(phone.lines[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(phone.lines[0]!.lineBaseSettings?.id).toBe(D.lineBaseSettings.webRtc);

    const state = h.sandbox.state();
    const stored = state.phones.find((p) => p.id === phone.id)!;
    const station = state.stations.find((s) => s.id === stored.stationId)!;
    expect(station).toMatchObject({
      phoneId: phone.id,
      webRtcUserId: D.users.james,
      type: 'inin_webrtc_softphone',
      status: 'AVAILABLE',
      lineAppearanceId: phone.lines[0]!.id,
      defaultUserId: null,
    });

    const byUser = (await ext(h.telephony.getTelephonyProvidersEdgesPhones({ webRtcUserId: D.users.james })))
      .body;
    expect(byUser.entities?.map((p) => p.id)).toEqual([phone.id]);
    const byName = (await ext(h.telephony.getTelephonyProvidersEdgesPhones({ name: 'james okafor webrtc' })))
      .body;
    expect(byName.entities?.map((p) => p.id)).toEqual([phone.id]);
    expect((await ext(h.telephony.getTelephonyProvidersEdgesPhone(phone.id!))).body.name).toBe(
      'James Okafor WebRTC',
    );
  });

  it('refuses a name another phone has with 409 general.conflict, in any case, and creates nothing', async () => {
    const body = await apiError(
      createPhone(webRtcPhone('maria GONZALEZ', D.users.james)),
      409,
      'general.conflict',
    );
    expect(body.message).toContain('maria GONZALEZ');
    expect(h.sandbox.state().phones).toHaveLength(1);
  });

  it('refuses a second WebRTC phone for the same user with 400', async () => {
    const body = await apiError(
      createPhone(webRtcPhone('Maria Second Phone', D.users.maria)),
      400,
      'bad.request',
    );
    expect(body.details[0].fieldName).toBe('webRtcUser');
    await createPhone(webRtcPhone('James 1', D.users.james));
    await apiError(createPhone(webRtcPhone('James 2', D.users.james)), 400, 'bad.request');
    expect(h.sandbox.state().phones.map((p) => p.name)).toEqual(['Maria Gonzalez', 'James 1']);
  });

  it('checks every required field and reference with 400, naming the field', async () => {
    const cases: Array<[string, any, string, string]> = [
      ['no name', webRtcPhone('', D.users.james), 'name', 'bad.request'],
      ['no site', webRtcPhone('P', D.users.james, { site: undefined }), 'site', 'bad.request'],
      ['unknown site', webRtcPhone('P', D.users.james, { site: { id: 'nope' } }), 'site.id', 'invalid.value'],
      [
        'no base',
        webRtcPhone('P', D.users.james, { phoneBaseSettings: undefined }),
        'phoneBaseSettings',
        'bad.request',
      ],
      [
        'unknown base',
        webRtcPhone('P', D.users.james, { phoneBaseSettings: { id: 'nope' } }),
        'phoneBaseSettings.id',
        'invalid.value',
      ],
      ['no lines', webRtcPhone('P', D.users.james, { lines: undefined }), 'lines', 'bad.request'],
      ['empty lines', webRtcPhone('P', D.users.james, { lines: [] }), 'lines', 'bad.request'],
      [
        'line of another base',
        webRtcPhone('P', D.users.james, {
          lines: [{ name: 'P_1', lineBaseSettings: { id: D.lineBaseSettings.polycom } }],
        }),
        'lines[0].lineBaseSettings.id',
        'invalid.value',
      ],
      [
        'line without line base',
        webRtcPhone('P', D.users.james, { lines: [{ name: 'P_1' }] }),
        'lineBaseSettings',
        'bad.request',
      ],
      [
        'WebRTC without user',
        webRtcPhone('P', D.users.james, { webRtcUser: undefined }),
        'webRtcUser',
        'bad.request',
      ],
      ['unknown user', webRtcPhone('P', 'nobody'), 'webRtcUser.id', 'invalid.value'],
      ['deleted user', webRtcPhone('P', D.users.sam), 'webRtcUser.id', 'invalid.value'],
      [
        'user on a non-WebRTC base',
        webRtcPhone('P', D.users.james, {
          phoneBaseSettings: { id: D.phoneBaseSettings.polycom },
          lines: [{ name: 'P_1', lineBaseSettings: { id: D.lineBaseSettings.polycom } }],
        }),
        'webRtcUser',
        'bad.request',
      ],
      ['unknown field', webRtcPhone('P', D.users.james, { colour: 'red' }), 'colour', 'bad.request'],
      [
        'unknown line field',
        webRtcPhone('P', D.users.james, {
          lines: [{ name: 'P_1', lineBaseSettings: { id: D.lineBaseSettings.webRtc }, extension: '1' }],
        }),
        'extension',
        'bad.request',
      ],
    ];
    for (const [what, body, field, code] of cases) {
      const res = await http(h.sandbox, 'POST', '/api/v2/telephony/providers/edges/phones', { token, body });
      expect(res.status, what).toBe(400);
      expect(res.json.code, what).toBe(code);
      expect(res.json.details[0]?.fieldName, what).toBe(field);
    }
    expect(h.sandbox.state().phones).toHaveLength(1);
    expect(h.sandbox.state().stations).toHaveLength(1);
  });

  it('creates a desk phone (non-WebRTC base settings) without a station', async () => {
    const res = await createPhone({
      name: 'Front Desk',
      site: { id: D.sites.downtown },
      phoneBaseSettings: { id: D.phoneBaseSettings.polycom },
      lines: [{ name: 'Front Desk_1', lineBaseSettings: { id: D.lineBaseSettings.polycom } }],
    });
    expect(res.body.webRtcUser).toBeUndefined();
    expect(h.sandbox.state().phones.find((p) => p.name === 'Front Desk')?.stationId).toBeNull();
    expect(h.sandbox.state().stations).toHaveLength(1);
  });
});

describe('PUT /api/v2/telephony/providers/edges/phones/{id}', () => {
  it('updates with the current version (and renames the station), refuses a stale one with 409', async () => {
    const phone = (await createPhone(webRtcPhone('James Desk', D.users.james))).body;
    const renamed = { ...webRtcPhone('James Okafor', D.users.james), version: 1, lines: phone.lines };
    const updated = (await ext(h.telephony.putTelephonyProvidersEdgesPhone(phone.id!, renamed))).body;
    expect(updated).toMatchObject({ name: 'James Okafor', version: 2 });
    expect(updated.lines?.[0]?.id).toBe(phone.lines[0]!.id);
    const station = h.sandbox.state().stations.find((s) => s.phoneId === phone.id)!;
    expect(station.name).toBe('James Okafor');

    const stale = await apiError(
      h.telephony.putTelephonyProvidersEdgesPhone(phone.id!, renamed),
      409,
      'general.conflict',
    );
    expect(stale.message).toContain('version');
    const { version: _v, ...noVersion } = renamed;
    await apiError(h.telephony.putTelephonyProvidersEdgesPhone(phone.id!, noVersion), 400, 'bad.request');
    await apiError(h.telephony.putTelephonyProvidersEdgesPhone('nope', renamed), 404, 'not.found');
  });
});

describe('stations', () => {
  it('hides a new station from GET /api/v2/stations?webRtcUserId for stationLagMs', async () => {
    const phone = (await createPhone(webRtcPhone('James WebRTC', D.users.james))).body;
    const early = (await stationsOf(D.users.james)).body;
    expect(early.total).toBe(0);
    expect(early.entities).toEqual([]);

    await sleep(STATION_LAG_MS + 50);
    const later = (await stationsOf(D.users.james)).body;
    expect(later.total).toBe(1);
    expect(later.entities![0]).toMatchObject({
      name: 'James WebRTC',
      status: 'AVAILABLE',
      type: 'inin_webrtc_softphone',
      webRtcUserId: D.users.james,
      lineAppearanceId: phone.lines[0]!.id,
    });
  });

  it('shows seeded stations at once, also by id and line appearance', async () => {
    const byUser = (await stationsOf(D.users.maria)).body;
    expect(byUser.entities?.map((s) => s.id)).toEqual([D.stations.maria]);
    const byId = (await ext(h.stations.getStations({ id: D.stations.maria }))).body;
    expect(byId.total).toBe(1);
    const byLine = (await ext(h.stations.getStations({ lineAppearanceId: D.lines.maria }))).body;
    expect(byLine.entities?.map((s) => s.id)).toEqual([D.stations.maria]);
    expect((await stationsOf(D.users.james)).body.total).toBe(0);
  });

  it('sets, reads back and clears a default station', async () => {
    const phone = (await createPhone(webRtcPhone('James WebRTC', D.users.james))).body;
    const stationId = h.sandbox.state().stations.find((s) => s.phoneId === phone.id)!.id;

    const put = await ext(h.users.putUserStationDefaultstationStationId(D.users.james, stationId));
    expect(put.status).toBe(204);
    const stations = (await ext(h.users.getUserStation(D.users.james))).body;
    expect(stations.defaultStation?.id).toBe(stationId);
    expect(stations.effectiveStation?.id).toBe(stationId);
    expect(stations.associatedStation).toBeUndefined();
    expect(h.sandbox.state().stations.find((s) => s.id === stationId)?.defaultUserId).toBe(D.users.james);
    // The phone's line now shows whose default it is, as in Genesys.
    const line = (await ext(h.telephony.getTelephonyProvidersEdgesPhone(phone.id!))).body.lines[0]!;
    expect(line.defaultForUser?.id).toBe(D.users.james);
    // Repeating the PUT is harmless.
    expect((await ext(h.users.putUserStationDefaultstationStationId(D.users.james, stationId))).status).toBe(
      204,
    );

    expect((await ext(h.users.deleteUserStationDefaultstation(D.users.james))).status).toBe(204);
    expect((await ext(h.users.getUserStation(D.users.james))).body.defaultStation).toBeUndefined();
  });

  it('reads the seeded default station, and refuses unknown users or stations and other users’ stations', async () => {
    const maria = (await ext(h.users.getUserStation(D.users.maria))).body;
    expect(maria.defaultStation?.id).toBe(D.stations.maria);

    await apiError(h.users.putUserStationDefaultstationStationId(D.users.james, 'nope'), 404, 'not.found');
    await apiError(
      h.users.putUserStationDefaultstationStationId('nobody', D.stations.maria),
      404,
      'not.found',
    );
    await apiError(
      h.users.putUserStationDefaultstationStationId(D.users.sam, D.stations.maria),
      404,
      'not.found',
    );
    await apiError(
      h.users.putUserStationDefaultstationStationId(D.users.james, D.stations.maria),
      400,
      'bad.request',
    );
    await apiError(h.users.getUserStation('nobody'), 404, 'not.found');
  });

  it('associates a user with a station (status ASSOCIATED), as Terraform does before the default', async () => {
    const put = await ext(h.users.putUserStationAssociatedstationStationId(D.users.maria, D.stations.maria));
    expect(put.status).toBe(204);
    const station = (await stationsOf(D.users.maria)).body.entities![0]!;
    expect(station).toMatchObject({ status: 'ASSOCIATED', userId: D.users.maria });
    const mine = (await ext(h.users.getUserStation(D.users.maria))).body;
    expect(mine.associatedStation?.id).toBe(D.stations.maria);
    expect(mine.effectiveStation?.id).toBe(D.stations.maria);
  });
});

describe('GET /api/v2/telephony/providers/edges/phones', () => {
  it('filters by name list and wildcard, site and base settings, and pages at most 100', async () => {
    await createPhone(webRtcPhone('James WebRTC', D.users.james));
    await createPhone({ ...webRtcPhone('Priya WebRTC', D.users.priya), site: { id: D.sites.downtown } });
    const list = (
      name: string,
      extra: Parameters<typeof h.telephony.getTelephonyProvidersEdgesPhones>[0] = {},
    ) => ext(h.telephony.getTelephonyProvidersEdgesPhones({ name, ...extra }));

    expect((await list('James WebRTC,Priya WebRTC')).body.total).toBe(2);
    expect((await list('*WebRTC')).body.entities?.map((p) => p.name)).toEqual([
      'James WebRTC',
      'Priya WebRTC',
    ]);
    expect((await list('*WebRTC', { siteId: D.sites.downtown })).body.entities?.map((p) => p.name)).toEqual([
      'Priya WebRTC',
    ]);
    const byBase = await ext(
      h.telephony.getTelephonyProvidersEdgesPhones({ phoneBaseSettingsId: D.phoneBaseSettings.webRtc }),
    );
    expect(byBase.body.total).toBe(3);
    await apiError(h.telephony.getTelephonyProvidersEdgesPhones({ pageSize: 101 }), 400, 'invalid.value');
  });
});
