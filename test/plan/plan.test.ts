import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/csv/findings.js';
import { formatDay } from '../../src/plan/day.js';
import { buildPlan } from '../../src/plan/plan.js';
import {
  aishaRow,
  aishaUser,
  batch,
  importSet,
  maria,
  orgUser,
  personRow,
  phoneRow,
  snapshot,
} from './fixtures.js';

const demoPeople = () => [
  aishaRow(),
  personRow({
    line: 3,
    name: 'Ben Carter',
    title: 'Advisor',
    managerEmail: 'maria.gonzalez@northfield.edu',
    // A default phone needs conversation:call:add, which PureCloud User grants.
    roles: [{ role: 'PureCloud User', divisions: [] }],
  }),
  personRow({ line: 4, name: 'Chloe Dubois', roles: [{ role: 'Master Admin', divisions: [] }] }),
  personRow({ line: 5, name: 'Diego Fernandez', queues: ['Financial Aide'] }),
];
const demoPhones = () => [
  phoneRow({ line: 2, email: 'aisha.rahman@northfield.edu', name: 'Aisha Rahman' }),
  phoneRow({ line: 3, email: 'ben.carter@northfield.edu', name: 'Ben Carter' }),
  phoneRow({ line: 4, email: 'diego.fernandez@northfield.edu', name: 'Diego Fernandez' }),
];

const validationError = (file: string, line: number, column: string, code: string): Finding => ({
  severity: 'error',
  file,
  line,
  column,
  code,
  message: `bad ${column}`,
});

describe('buildPlan', () => {
  it('is deterministic and JSON-safe: the same inputs twice give deep-equal plans that survive JSON', () => {
    const imports = () => importSet([batch(demoPeople(), demoPhones())]);
    const org = () => snapshot({ users: [maria, aishaUser({ title: 'Advisor' })] });
    const first = buildPlan(imports(), org(), { today: '2026-11-20' });
    const second = buildPlan(imports(), org(), { today: '2026-11-20' });
    expect(second).toStrictEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toStrictEqual(first);
  });

  it('does not modify its inputs', () => {
    const imports = importSet([batch(demoPeople(), demoPhones())]);
    const org = snapshot();
    const before = JSON.stringify([imports, org]);
    buildPlan(imports, org);
    expect(JSON.stringify([imports, org])).toBe(before);
  });

  it('orders batches by name and rows by line whatever the input order', () => {
    const b = batch([...demoPeople()].reverse(), [...demoPhones()].reverse());
    const a = batch([personRow({ line: 2, name: 'Zed Zulu', batch: 'admissions' })], [], {}, 'admissions');
    const plan = buildPlan(importSet([b, a]), snapshot());
    expect(plan.batches.map((x) => x.name)).toStrictEqual(['admissions', 'student-services']);
    expect(plan.batches[1]?.people.map((p) => p.line)).toStrictEqual([2, 3, 4, 5]);
    expect(plan.batches[1]?.phones.map((p) => p.line)).toStrictEqual([2, 3, 4]);
  });

  it('summarises rows per action, counting validation errors once per file line and kind', () => {
    const findings: Finding[] = [
      validationError('imports/student-services/people.csv', 7, 'email', 'invalid-email'),
      validationError('imports/student-services/people.csv', 7, 'skills', 'invalid-skill'),
      validationError('imports/student-services/people.csv', 9, 'name', 'required'),
      validationError('imports/student-services/phones.csv', 6, 'email', 'invalid-email'),
      validationError('imports/student-services/batch.yml', 1, 'training_day', 'invalid-date'),
      {
        ...validationError('imports/student-services/people.csv', 8, 'hire_date', 'odd'),
        severity: 'warning',
      },
    ];
    const plan = buildPlan(
      importSet([batch(demoPeople(), demoPhones())], [...findings].reverse()),
      snapshot({ users: [maria, aishaUser({ title: 'Advisor' })] }),
    );
    expect(plan.summary).toStrictEqual({
      people: { create: 2, update: 1, unchanged: 0, skip: 0, error: 1 + 2 },
      phones: { create: 2, update: 0, unchanged: 0, error: 1 + 1 },
      // Aisha exists with no welcome date: counted, as unconfirmed (the invite run reads her by id).
      invites: [{ batch: 'student-services', date: '2026-12-01', count: 3, unconfirmed: 1 }],
      // Chloe's privileged role + the validation warning.
      warnings: 2,
    });
    // Reading order (csv/findings.ts compareFindings): file, line, then as given within a line.
    expect(plan.findings).toStrictEqual([
      findings[4],
      findings[1],
      findings[0],
      findings[5],
      findings[2],
      findings[3],
    ]);
    expect(plan.invitesNow).toBe(0);
  });

  it('counts invites: new people plus existing ones never welcomed nor logged in, active only', () => {
    const welcomed = orgUser({ id: 'u1', name: 'Welcomed', email: 'welcomed@northfield.edu' });
    const neverWelcomed = orgUser({
      id: 'u2',
      name: 'Never Welcomed',
      email: 'never@northfield.edu',
      dateWelcomeSent: null,
      dateLastLogin: null,
    });
    const loggedIn = orgUser({ id: 'u3', name: 'Sso', email: 'sso@northfield.edu', dateWelcomeSent: null });
    const inactive = orgUser({
      id: 'u4',
      name: 'Inactive',
      email: 'inactive@northfield.edu',
      state: 'inactive',
      dateWelcomeSent: null,
      dateLastLogin: null,
    });
    const rows = [
      personRow({ line: 2, name: 'New Person' }),
      personRow({ line: 3, name: 'Welcomed', email: 'welcomed@northfield.edu' }),
      personRow({ line: 4, name: 'Never Welcomed', email: 'never@northfield.edu', queues: ['Nope'] }),
      personRow({ line: 5, name: 'Sso', email: 'sso@northfield.edu' }),
      personRow({ line: 6, name: 'Inactive', email: 'inactive@northfield.edu' }),
      personRow({ line: 7, name: 'Broken New', skills: [{ skill: 'Nope', proficiency: 1 }] }),
    ];
    const plan = buildPlan(
      importSet([
        batch(rows),
        batch(
          [personRow({ line: 2, name: 'Other', batch: 'later' })],
          [],
          { trainingDay: undefined },
          'later',
        ),
      ]),
      snapshot({ users: [maria, welcomed, neverWelcomed, loggedIn, inactive] }),
    );
    // New Person, and Never Welcomed (their row has an error, but they exist and will be invited;
    // unconfirmed, since a missing welcome date may be a dropped expand).
    expect(plan.summary.invites).toStrictEqual([
      { batch: 'later', date: null, count: 1, unconfirmed: 0 },
      { batch: 'student-services', date: '2026-12-01', count: 2, unconfirmed: 1 },
    ]);
  });

  it('warns when the training day is past or more than 30 days ahead, only when today is given', () => {
    const imports = () => importSet([batch([aishaRow()])]);
    const codesFor = (today?: string) =>
      buildPlan(imports(), snapshot(), today === undefined ? {} : { today }).warnings.map((w) => w.code);
    expect(codesFor()).toStrictEqual([]);
    expect(codesFor('2026-12-02')).toStrictEqual(['training-day-past']);
    expect(codesFor('2026-12-01')).toStrictEqual([]);
    expect(codesFor('2026-11-01')).toStrictEqual([]);
    expect(codesFor('2026-10-31')).toStrictEqual(['training-day-far']);
    const [past] = buildPlan(imports(), snapshot(), { today: '2026-12-02' }).warnings;
    expect(past).toStrictEqual({
      severity: 'warning',
      file: 'imports/student-services/batch.yml',
      line: 1,
      column: 'training_day',
      code: 'training-day-past',
      message:
        'Training day Tue 1 Dec 2026 is in the past: the schedule will not invite the 1 person of batch student-services; run "gc-onboard invite --batch student-services" when they are trained',
    });
  });

  it('does not warn about the training day of a batch with nobody to invite', () => {
    const plan = buildPlan(
      importSet([batch([aishaRow()])]),
      snapshot({ users: [maria, aishaUser({ dateWelcomeSent: '2026-01-01' })] }),
      {
        today: '2027-01-01',
      },
    );
    expect(plan.warnings).toStrictEqual([]);
  });

  it('gives an empty plan for an empty import set', () => {
    const plan = buildPlan(importSet([]), snapshot());
    expect(plan).toStrictEqual({
      root: 'imports',
      batches: [],
      locationsToCreate: [],
      findings: [],
      warnings: [],
      invitesNow: 0,
      summary: {
        people: { create: 0, update: 0, unchanged: 0, skip: 0, error: 0 },
        phones: { create: 0, update: 0, unchanged: 0, error: 0 },
        invites: [],
        warnings: 0,
      },
    });
  });

  it('carries an error down a 10,000-long reporting line (speed is measured in npm run bench)', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      personRow({
        line: i + 2,
        name: `Person ${i}`,
        email: `p${i}@northfield.edu`,
        managerEmail: `p${Math.max(0, i - 1)}@northfield.edu`,
      }),
    );
    rows[0] = personRow({ line: 2, name: 'Person 0', email: 'p0@northfield.edu', queues: ['Nope'] });
    const plan = buildPlan(importSet([batch(rows)]), snapshot());
    // The first row's error reaches everyone down the reporting line: nobody's manager will exist.
    expect(plan.summary.people.error).toBe(10_000);
  });
});

describe('formatDay', () => {
  it('formats a day without a clock or time zone', () => {
    expect(formatDay('2026-12-01')).toBe('Tue 1 Dec 2026');
    expect(formatDay('2024-02-29')).toBe('Thu 29 Feb 2024');
    expect(formatDay('2026-02-30')).toBe('2026-02-30');
    expect(formatDay('soon')).toBe('soon');
  });
});
