import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/plan.js';
import type { PhonePlan, Plan } from '../../src/plan/types.js';
import {
  aishaRow,
  aishaUser,
  batch,
  ids,
  importSet,
  maria,
  orgPhone,
  orgUser,
  personRow,
  phoneRow,
  snapshot,
} from './fixtures.js';

const phones = (plan: Plan): PhonePlan[] => plan.batches.flatMap((b) => b.phones);
const only = (plan: Plan): PhonePlan => {
  const [first, ...rest] = phones(plan);
  expect(rest).toHaveLength(0);
  return first!;
};
const aishaPhone = (overrides: Parameters<typeof phoneRow>[0] | object = {}) =>
  phoneRow({ line: 2, email: 'aisha.rahman@northfield.edu', name: 'Aisha Rahman', ...overrides });

describe('phones: create, update, unchanged', () => {
  it('creates a WebRTC phone for a person created by the batch, with ids resolved and the person referenced', () => {
    const phone = only(buildPlan(importSet([batch([aishaRow()], [aishaPhone()])]), snapshot()));
    expect(phone).toStrictEqual({
      batch: 'student-services',
      file: 'imports/student-services/phones.csv',
      line: 2,
      name: 'Aisha Rahman',
      action: 'create',
      person: {
        email: 'aisha.rahman@northfield.edu',
        emailKey: 'aisha.rahman@northfield.edu',
        userId: null,
        row: { batch: 'student-services', file: 'imports/student-services/people.csv', line: 2 },
      },
      phoneId: null,
      siteId: ids.site,
      baseSettingsId: ids.webrtc,
      lineBaseSettingsId: ids.webrtcLine,
      stationId: null,
      changes: [
        { field: 'site', before: '', after: 'Northfield Main Campus' },
        { field: 'base_settings', before: '', after: 'WebRTC Softphone' },
        { field: 'default_phone', before: '', after: 'Aisha Rahman' },
      ],
      errors: [],
      warnings: [],
    });
  });

  it('names a phone after the org user when the cell is blank and the person is not in the batch', () => {
    const row = phoneRow({ line: 3, email: 'maria.gonzalez@northfield.edu', personInBatch: false });
    const phone = only(buildPlan(importSet([batch([], [row])]), snapshot()));
    expect(phone.action).toBe('create');
    expect(phone.name).toBe('Maria Gonzalez');
    expect(phone.person).toStrictEqual({
      email: 'maria.gonzalez@northfield.edu',
      emailKey: 'maria.gonzalez@northfield.edu',
      userId: ids.maria,
      row: null,
    });
  });

  it("makes the user's existing phone of that name the default (update), showing the current default", () => {
    const user = aishaUser({ defaultStationId: 'station-desk' });
    const desk = orgPhone({
      id: 'ph-desk',
      name: 'Desk 12',
      baseSettingsId: ids.deskPhone,
      stationId: 'station-desk',
    });
    const mine = orgPhone({
      id: 'ph-aisha',
      name: 'Aisha Rahman',
      webRtcUserId: 'user-aisha',
      stationId: 'st-a',
    });
    const phone = only(
      buildPlan(
        importSet([batch([aishaRow()], [aishaPhone()])]),
        snapshot({ users: [maria, user], phones: [desk, mine] }),
      ),
    );
    expect(phone.action).toBe('update');
    expect(phone.phoneId).toBe('ph-aisha');
    expect(phone.stationId).toBe('st-a');
    expect(phone.person.userId).toBe('user-aisha');
    expect(phone.changes).toStrictEqual([
      { field: 'default_phone', before: 'Desk 12', after: 'Aisha Rahman' },
    ]);
  });

  it("plans an update when the station of the user's phone is not indexed yet", () => {
    const mine = orgPhone({
      id: 'ph-aisha',
      name: 'aisha rahman',
      webRtcUserId: 'user-aisha',
      stationId: null,
    });
    const phone = only(
      buildPlan(
        importSet([batch([aishaRow()], [aishaPhone()])]),
        snapshot({ users: [maria, aishaUser()], phones: [mine] }),
      ),
    );
    expect(phone.action).toBe('update');
    expect(phone.changes).toStrictEqual([{ field: 'default_phone', before: '', after: 'Aisha Rahman' }]);
  });

  it("leaves the user's phone that is already the default unchanged", () => {
    const user = aishaUser({ defaultStationId: 'st-a' });
    const mine = orgPhone({
      id: 'ph-aisha',
      name: 'Aisha Rahman',
      webRtcUserId: 'user-aisha',
      stationId: 'st-a',
    });
    const phone = only(
      buildPlan(
        importSet([batch([aishaRow()], [aishaPhone()])]),
        snapshot({ users: [maria, user], phones: [mine] }),
      ),
    );
    expect(phone.action).toBe('unchanged');
    expect(phone.changes).toStrictEqual([]);
    expect(phone.warnings).toStrictEqual([]);
  });

  it("warns when the user's phone exists with another site or base settings (it is not changed)", () => {
    const user = aishaUser({ defaultStationId: 'st-a' });
    const mine = orgPhone({
      id: 'ph-aisha',
      name: 'Aisha Rahman',
      webRtcUserId: 'user-aisha',
      stationId: 'st-a',
      siteId: 'site-elsewhere',
    });
    const phone = only(
      buildPlan(
        importSet([batch([aishaRow()], [aishaPhone()])]),
        snapshot({ users: [maria, user], phones: [mine] }),
      ),
    );
    expect(phone.action).toBe('unchanged');
    expect(phone.warnings).toMatchObject([
      {
        code: 'phone-differs',
        message:
          'Phone "Aisha Rahman" exists with site "site-elsewhere" and base settings "WebRTC Softphone"; gc-onboard does not change existing phones',
      },
    ]);
  });

  it('still plans the phone of a person whose update is skipped', () => {
    const plan = buildPlan(
      importSet([batch([aishaRow({ title: 'Other' })], [aishaPhone()], { updateExisting: false })]),
      snapshot({ users: [maria, aishaUser()] }),
    );
    expect(plan.batches[0]?.people[0]?.action).toBe('skip');
    expect(only(plan).action).toBe('create');
    expect(only(plan).person.userId).toBe('user-aisha');
  });
});

describe('phones: errors', () => {
  const codesOf = (phone: PhonePlan) => phone.errors.map((e) => [e.code, e.column]);

  it("rejects a name taken by another user's phone or by a phone that is not WebRTC", () => {
    const ben = orgUser({ id: 'user-ben', name: 'Ben Carter', email: 'ben.carter@northfield.edu' });
    const bens = orgPhone({ id: 'ph-ben', name: 'Aisha Rahman', webRtcUserId: 'user-ben' });
    const desk = orgPhone({ id: 'ph-desk', name: 'Front Desk', baseSettingsId: ids.deskPhone });
    const plan = buildPlan(
      importSet([
        batch(
          [aishaRow()],
          [aishaPhone(), aishaPhone({ line: 3, name: 'Front Desk', email: 'maria.gonzalez@northfield.edu' })],
        ),
      ]),
      snapshot({ users: [maria, ben], phones: [bens, desk] }),
    );
    const [taken, deskTaken] = phones(plan);
    expect(taken?.action).toBe('error');
    expect(taken?.errors).toMatchObject([
      {
        code: 'phone-name-taken',
        column: 'phone_name',
        message: 'Phone name "Aisha Rahman" is taken by the WebRTC phone of ben.carter@northfield.edu',
      },
    ]);
    expect(deskTaken?.errors[0]?.message).toBe(
      'Phone name "Front Desk" is taken by a phone that is not a WebRTC phone',
    );
  });

  it('rejects a phone for a person who will not exist', () => {
    const gone = orgUser({ id: 'u-gone', name: 'Gone', email: 'gone@northfield.edu', state: 'deleted' });
    const rows = [
      aishaPhone(),
      phoneRow({ line: 3, email: 'nobody@northfield.edu', name: 'Nobody', personInBatch: false }),
      phoneRow({ line: 4, email: 'gone@northfield.edu', name: 'Gone', personInBatch: false }),
    ];
    const plan = buildPlan(
      importSet([batch([aishaRow({ skills: [{ skill: 'Klingon', proficiency: 2 }] })], rows)]),
      snapshot({ users: [maria, gone] }),
    );
    expect(phones(plan).map((p) => [p.action, ...p.errors.map((e) => e.code)])).toStrictEqual([
      ['error', 'person-not-created'],
      ['error', 'person-not-found'],
      ['error', 'person-deleted'],
    ]);
    expect(phones(plan)[0]?.errors[0]?.message).toBe(
      'aisha.rahman@northfield.edu will not be created: their row (imports/student-services/people.csv:2) has errors',
    );
  });

  it('plans the phone of an existing person even when their people row has errors', () => {
    const plan = buildPlan(
      importSet([batch([aishaRow({ queues: ['Nope'] })], [aishaPhone()])]),
      snapshot({ users: [maria, aishaUser()] }),
    );
    expect(plan.batches[0]?.people[0]?.action).toBe('error');
    expect(only(plan).action).toBe('create');
  });

  it('rejects a phone for a user who already has a different WebRTC phone', () => {
    const other = orgPhone({ id: 'ph-old', name: 'Aisha Old Phone', webRtcUserId: 'user-aisha' });
    const phone = only(
      buildPlan(
        importSet([batch([aishaRow()], [aishaPhone()])]),
        snapshot({ users: [maria, aishaUser()], phones: [other] }),
      ),
    );
    // One rule, one code: a second phone of the same person, whether the other is in the org or the import.
    expect(codesOf(phone)).toStrictEqual([['person-has-two-phones', 'email']]);
    expect(phone.errors[0]?.message).toBe(
      '"aisha.rahman@northfield.edu" already has a phone in the org, "Aisha Old Phone"; a person gets one WebRTC phone.',
    );
  });

  it('rejects an unknown site or base settings with did-you-mean, and base settings that are not WebRTC', () => {
    const rows = [
      aishaPhone({ site: 'Northfeld Main Campus', baseSettings: 'WebRTC Softfone' }),
      phoneRow({
        line: 3,
        email: 'maria.gonzalez@northfield.edu',
        baseSettings: 'Polycom VVX 411',
        personInBatch: false,
      }),
      phoneRow({ line: 4, email: 'ben.carter@northfield.edu', site: '', baseSettings: '' }),
    ];
    const plan = buildPlan(
      importSet([batch([aishaRow(), personRow({ line: 3, name: 'Ben Carter' })], rows)]),
      snapshot(),
    );
    const [typos, desk, blank] = phones(plan);
    expect(typos?.errors.map((e) => e.message)).toStrictEqual([
      'Unknown site "Northfeld Main Campus" (did you mean "Northfield Main Campus"?)',
      'Unknown phone base settings "WebRTC Softfone" (did you mean "WebRTC Softphone"?)',
    ]);
    expect(codesOf(desk!)).toStrictEqual([['not-webrtc-base-settings', 'base_settings']]);
    expect(codesOf(blank!)).toStrictEqual([
      ['unknown-site', 'site'],
      ['unknown-base-settings', 'base_settings'],
    ]);
    expect(blank?.name).toBe('Ben Carter');
  });

  it('rejects base settings without a line', () => {
    const snap = snapshot();
    snap.phoneBaseSettings.push({
      id: 'pbs-bare',
      name: 'Bare WebRTC',
      webRtc: true,
      lineBaseSettingsId: null,
    });
    const phone = only(
      buildPlan(importSet([batch([aishaRow()], [aishaPhone({ baseSettings: 'Bare WebRTC' })])]), snap),
    );
    expect(codesOf(phone)).toStrictEqual([['no-line-base-settings', 'base_settings']]);
  });

  it('rejects the same phone name twice in the import (a person with two phone rows is refused by validate)', () => {
    const rows = [
      aishaPhone(),
      phoneRow({ line: 3, email: 'ben.carter@northfield.edu', name: 'aisha rahman' }),
    ];
    const plan = buildPlan(
      importSet([batch([aishaRow(), personRow({ line: 3, name: 'Ben Carter' })], rows)]),
      snapshot(),
    );
    expect(phones(plan).map((p) => [p.action, ...p.errors.map((e) => e.code)])).toStrictEqual([
      ['create'],
      ['error', 'duplicate-phone-name'],
    ]);
    expect(phones(plan)[1]?.errors[0]?.message).toBe(
      'Phone name "aisha rahman" is also used at imports/student-services/phones.csv:2',
    );
  });

  it('rejects an email that matches two users', () => {
    const twin = aishaUser({ id: 'user-aisha-2' });
    const phone = only(
      buildPlan(
        importSet([batch([], [aishaPhone({ personInBatch: false })])]),
        snapshot({ users: [aishaUser(), twin] }),
      ),
    );
    expect(codesOf(phone)).toStrictEqual([['person-ambiguous', 'email']]);
  });
});

describe('phones: the person must hold conversation:call:add', () => {
  const callers = 'Master Admin, PureCloud Supervisor, PureCloud User';
  const tomRow = (roles: { role: string; divisions: string[] }[] = []) =>
    personRow({ line: 3, name: 'Tom Reyes', roles });
  const tomPhone = () => phoneRow({ line: 3, email: 'tom.reyes@northfield.edu', name: 'Tom Reyes' });
  const tom = (overrides: Parameters<typeof orgUser>[0] | object = {}) =>
    orgUser({
      id: 'user-tom',
      name: 'Tom Reyes',
      email: 'tom.reyes@northfield.edu',
      grants: [{ roleId: ids.employee, divisionId: ids.studentServices }],
      grantsComplete: true,
      ...overrides,
    });

  it('refuses a phone for a new person whose roles do not grant it, naming the roles that do', () => {
    const phone = only(buildPlan(importSet([batch([tomRow()], [tomPhone()])]), snapshot()));
    expect(phone.action).toBe('error');
    expect(phone.errors).toStrictEqual([
      {
        severity: 'error',
        file: 'imports/student-services/phones.csv',
        line: 3,
        column: 'email',
        code: 'no-call-permission',
        message: `tom.reyes@northfield.edu lacks conversation:call:add, which a default phone needs; roles that grant it: ${callers}`,
      },
    ]);
  });

  it('counts the roles the row adds, for a new person and for an existing one being updated', () => {
    const withRole = tomRow([{ role: 'PureCloud User', divisions: [] }]);
    const created = only(buildPlan(importSet([batch([withRole], [tomPhone()])]), snapshot()));
    expect(created.action).toBe('create');
    const updated = only(
      buildPlan(importSet([batch([withRole], [tomPhone()])]), snapshot({ users: [maria, tom()] })),
    );
    expect(updated.action).toBe('create');
    expect(updated.warnings).toEqual([]);
  });

  it('does not count roles a skipped row would add (update_existing: false)', () => {
    const withRole = tomRow([{ role: 'PureCloud User', divisions: [] }]);
    const phone = only(
      buildPlan(
        importSet([batch([withRole], [tomPhone()], { updateExisting: false })]),
        snapshot({ users: [maria, tom()] }),
      ),
    );
    expect(phone.errors.map((e) => e.code)).toEqual(['no-call-permission']);
  });

  it('refuses an existing person whose grants, read whole, lack it', () => {
    const phone = only(buildPlan(importSet([batch([], [tomPhone()])]), snapshot({ users: [maria, tom()] })));
    expect(phone.errors.map((e) => e.code)).toEqual(['no-call-permission']);
  });

  it('warns, not errs, when an existing person’s grants were not read whole', () => {
    const phone = only(
      buildPlan(
        importSet([batch([], [tomPhone()])]),
        snapshot({ users: [maria, tom({ grantsComplete: false })] }),
      ),
    );
    expect(phone.action).toBe('create');
    expect(phone.warnings.map((w) => w.code)).toEqual(['call-permission-unknown']);
  });

  it('checks nothing for a phone that is already the default (nothing is assigned)', () => {
    const user = tom({ defaultStationId: 'station-tom' });
    const org = snapshot({
      users: [maria, user],
      phones: [
        orgPhone({ id: 'phone-tom', name: 'Tom Reyes', webRtcUserId: user.id, stationId: 'station-tom' }),
      ],
    });
    const phone = only(buildPlan(importSet([batch([], [tomPhone()])]), org));
    expect(phone.action).toBe('unchanged');
    expect(phone.errors).toEqual([]);
  });

  it('takes the employee role as the org describes it', () => {
    const org = snapshot({ users: [maria, tom()] });
    const generous = {
      ...org,
      roles: org.roles.map((role) =>
        role.name === 'employee' ? { ...role, permissions: ['conversation:call:add'] } : role,
      ),
    };
    expect(only(buildPlan(importSet([batch([], [tomPhone()])]), generous)).action).toBe('create');
  });

  it('warns once, and errs nowhere, when the roles listing gives no permissions', () => {
    const org = snapshot({ users: [maria, tom()] });
    const silent = { ...org, roles: org.roles.map((role) => ({ ...role, permissions: null })) };
    const people = [tomRow(), personRow({ line: 4, name: 'Una Novak' })];
    const phonesCsv = [
      tomPhone(),
      phoneRow({ line: 4, email: 'una.novak@northfield.edu', name: 'Una Novak' }),
    ];
    const plan = buildPlan(importSet([batch(people, phonesCsv)]), silent);
    expect(phones(plan).map((phone) => phone.action)).toEqual(['create', 'create']);
    expect(phones(plan).flatMap((phone) => phone.warnings)).toEqual([]);
    expect(plan.warnings.filter((w) => w.code === 'call-permission-unchecked')).toMatchObject([
      { file: 'imports/student-services/phones.csv', line: 3, severity: 'warning' },
    ]);
  });
});
