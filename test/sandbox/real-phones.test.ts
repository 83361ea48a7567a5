// Real-org phones (real-api.md §1, §8, §11): fields and expand on the list, the result cap, deleted
// phones, the spec's codecs and enums. Each behaviour on by default and off with its switch.

import { describe, expect, it } from 'vitest';

import { DEMO_IDS, demoOrg } from '../../src/sandbox/index.js';
import { sandboxPerTest } from './helpers.js';

const D = DEMO_IDS;
const PHONES = '/api/v2/telephony/providers/edges/phones';
const start = sandboxPerTest();

const maria = (json: any): any => json.entities.find((p: any) => p.name === 'Maria Gonzalez');

describe('phones list: webRtcUser and lines only when asked (§1)', () => {
  it('leaves out webRtcUser without fields=webRtcUser and lines without expand=lines', async () => {
    const a = await start();
    const plain = maria((await a.call('GET', `${PHONES}?pageSize=100`)).json);
    expect(plain.webRtcUser).toBeUndefined();
    expect(plain.lines).toBeUndefined();
    expect(plain.lineBaseSettings.id).toBe(D.lineBaseSettings.webRtc);

    const asked = maria((await a.call('GET', `${PHONES}?pageSize=100&fields=webRtcUser&expand=lines`)).json);
    expect(asked.webRtcUser.id).toBe(D.users.maria);
    expect(asked.lines).toHaveLength(1);
    // A line's defaultForUser is a field of its own.
    expect(asked.lines[0].defaultForUser).toBeUndefined();
    const withDefault = maria(
      (await a.call('GET', `${PHONES}?pageSize=100&expand=lines&fields=webRtcUser,lines.defaultForUser`))
        .json,
    );
    expect(withDefault.lines[0].defaultForUser.id).toBe(D.users.maria);
    // Repeated parameters read the same as comma-joined ones.
    const repeated = maria(
      (await a.call('GET', `${PHONES}?fields=webRtcUser&fields=lines.defaultForUser&expand=lines`)).json,
    );
    expect(repeated.lines[0].defaultForUser.id).toBe(D.users.maria);
  });

  it('filters by webRtcUser.id without showing it, and GET by id answers the whole phone', async () => {
    const a = await start();
    const found = (await a.call('GET', `${PHONES}?webRtcUser.id=${D.users.maria}`)).json;
    expect(found.entities.map((p: any) => [p.id, p.webRtcUser])).toEqual([[D.phones.maria, undefined]]);
    const one = (await a.call('GET', `${PHONES}/${D.phones.maria}`)).json;
    expect(one.webRtcUser.id).toBe(D.users.maria);
    expect(one.lines[0].defaultForUser.id).toBe(D.users.maria);
  });

  it('switch off (phoneFieldsOnRequest: false): the whole phone on every list', async () => {
    const a = await start({ real: { phoneFieldsOnRequest: false } });
    const plain = maria((await a.call('GET', `${PHONES}?pageSize=100`)).json);
    expect(plain.webRtcUser.id).toBe(D.users.maria);
    expect(plain.lines[0].defaultForUser.id).toBe(D.users.maria);
  });
});

describe('phones list: the result cap (§8)', () => {
  const org = demoOrg({ extraUsers: 50 }); // 5 synthetic WebRTC phones + Maria's + James's deleted one

  it('caps the total and empties later pages unless sorted by id alone', async () => {
    const a = await start({ org, real: { phoneListCap: 3 } });
    const byName = (await a.call('GET', `${PHONES}?pageSize=2&pageNumber=1`)).json;
    expect([byName.total, byName.pageCount, byName.entities.length]).toEqual([3, 2, 2]);
    const page2 = (await a.call('GET', `${PHONES}?pageSize=2&pageNumber=2`)).json;
    expect(page2.entities).toHaveLength(1);
    const page3 = (await a.call('GET', `${PHONES}?pageSize=2&pageNumber=3`)).json;
    expect(page3.entities).toEqual([]);

    const byId = (await a.call('GET', `${PHONES}?pageSize=100&sortBy=id`)).json;
    expect(byId.total).toBe(7);
    const ids = byId.entities.map((p: any) => p.id);
    expect(ids).toEqual([...ids].sort());
    // A filter caps even when sorted by id.
    const filtered = (await a.call('GET', `${PHONES}?pageSize=100&sortBy=id&site.id=${D.sites.mainCampus}`))
      .json;
    expect(filtered.total).toBe(3);
  });

  it('defaults to 10,000 and phoneListCap: 0 lifts it', async () => {
    const capped = await start({ org, real: { phoneListCap: 0 } });
    expect((await capped.call('GET', `${PHONES}?pageSize=100`)).json.total).toBe(7);
    const real = await start({ org });
    expect((await real.call('GET', `${PHONES}?pageSize=100`)).json.total).toBe(7);
  });
});

describe('deleted phones (§8)', () => {
  it('lists James’s deleted phone with state "deleted", and its name and user are free', async () => {
    const a = await start();
    const list = (await a.call('GET', `${PHONES}?pageSize=100&fields=webRtcUser`)).json;
    const states = Object.fromEntries(list.entities.map((p: any) => [p.name, p.state]));
    expect(states).toEqual({ 'James Okafor WebRTC': 'deleted', 'Maria Gonzalez': 'active' });
    const byName = (await a.call('GET', `${PHONES}?name=James Okafor WebRTC`)).json;
    expect(byName.entities.map((p: any) => p.id)).toEqual([D.phones.jamesDeleted]);
    const byUser = (await a.call('GET', `${PHONES}?webRtcUser.id=${D.users.james}`)).json;
    expect(byUser.entities.map((p: any) => p.state)).toEqual(['deleted']);
    const one = await a.call('GET', `${PHONES}/${D.phones.jamesDeleted}`);
    expect([one.status, one.json.state]).toEqual([200, 'deleted']);
    expect((await a.call('PUT', `${PHONES}/${D.phones.jamesDeleted}`, { ...one.json })).status).toBe(404);

    const created = await a.call('POST', PHONES, {
      name: 'James Okafor WebRTC',
      site: { id: D.sites.mainCampus },
      phoneBaseSettings: { id: D.phoneBaseSettings.webRtc },
      lines: [{ name: 'James Okafor WebRTC_1', lineBaseSettings: { id: D.lineBaseSettings.webRtc } }],
      webRtcUser: { id: D.users.james },
    });
    expect([created.status, created.json.state]).toEqual([200, 'active']);
    const both = (await a.call('GET', `${PHONES}?name=James Okafor WebRTC`)).json;
    expect(both.entities.map((p: any) => p.state).sort()).toEqual(['active', 'deleted']);
    expect(a.sandbox.state().phones.map((p) => p.state)).toEqual(['active', 'deleted', 'active']);
  });

  it('switch off (deletedPhones: false): the seeded deleted phone is not loaded', async () => {
    const a = await start({ real: { deletedPhones: false } });
    const list = (await a.call('GET', `${PHONES}?pageSize=100`)).json;
    expect(list.entities.map((p: any) => p.name)).toEqual(['Maria Gonzalez']);
    expect((await a.call('GET', `${PHONES}/${D.phones.jamesDeleted}`)).status).toBe(404);
  });
});

describe('phones and the spec (§11)', () => {
  it('answers lower-case codecs, refuses expand, fields and sortBy values outside the enums, sorts DESC', async () => {
    const a = await start();
    const one = (await a.call('GET', `${PHONES}/${D.phones.maria}`)).json;
    expect(one.capabilities.mediaCodecs).toEqual(['audio/opus', 'audio/pcmu']);
    for (const query of ['expand=line', 'fields=webrtcuser', 'sortBy=site', 'sortOrder=up']) {
      const res = await a.call('GET', `${PHONES}?${query}`);
      expect([query, res.status, res.json.code]).toEqual([query, 400, 'invalid.value']);
    }
    const desc = (await a.call('GET', `${PHONES}?sortOrder=desc`)).json;
    expect(desc.entities.map((p: any) => p.name)).toEqual(['Maria Gonzalez', 'James Okafor WebRTC']);
  });

  it('switch off (specContract: false): upper-case PCMU, unknown values ignored', async () => {
    const a = await start({ real: { specContract: false } });
    const one = (await a.call('GET', `${PHONES}/${D.phones.maria}`)).json;
    expect(one.capabilities.mediaCodecs).toEqual(['audio/opus', 'audio/PCMU']);
    expect((await a.call('GET', `${PHONES}?expand=line&sortBy=site`)).status).toBe(200);
  });
});
