import { describe, expect, it } from 'vitest';
import {
  checkDate,
  checkEmail,
  checkExtension,
  checkFormula,
  checkPhone,
  isCalendarDate,
  parseQueues,
  parseRoles,
  parseSkills,
} from '../../src/csv/cells.js';

const codeOf = (parsed: object) => ('error' in parsed ? (parsed.error as { code: string }).code : 'ok');

describe('roles_divisions', () => {
  it.each([
    ['employee:[Sales]', [{ role: 'employee', divisions: ['Sales'] }]],
    [
      'employee:[Sales], PureCloud User:[Sales]',
      [
        { role: 'employee', divisions: ['Sales'] },
        { role: 'PureCloud User', divisions: ['Sales'] },
      ],
    ],
    ['Supervisor:[Sales, Support]', [{ role: 'Supervisor', divisions: ['Sales', 'Support'] }]],
    [
      'Supervisor:[Sales],Supervisor:[Support]',
      [
        { role: 'Supervisor', divisions: ['Sales'] },
        { role: 'Supervisor', divisions: ['Support'] },
      ],
    ],
    ['  employee  :  [  Sales  ,Support ] , ', [{ role: 'employee', divisions: ['Sales', 'Support'] }]],
    ['employee', [{ role: 'employee', divisions: [] }]],
    [
      'employee, Admin: Telephony:[Home]',
      [
        { role: 'employee', divisions: [] },
        { role: 'Admin: Telephony', divisions: ['Home'] },
      ],
    ],
    ['Supervisor:[Sales, Sales]', [{ role: 'Supervisor', divisions: ['Sales'] }]],
  ])('accepts %j', (cell, grants) => {
    expect(parseRoles(cell)).toEqual({ value: grants, warnings: [] });
  });

  it.each([
    ['employee:[Sales', 'do not pair up'],
    ['employee:Sales]', 'do not pair up'],
    ['employee:[[Sales]]', 'do not pair up'],
    ['employee:[Sales]x', 'is not a role with divisions'],
    [':[Sales]', 'is not a role with divisions'],
    ['employee:[ , ]', 'no division inside the brackets'],
    ['employee:[Sales] PureCloud User:[Sales]', 'is not a role with divisions'],
    ['employee:Sales', 'needs square brackets'],
  ])('refuses %j', (cell, words) => {
    const parsed = parseRoles(cell);
    expect(codeOf(parsed)).toBe('invalid-roles');
    expect('error' in parsed && parsed.error.message).toContain(words);
  });
});

describe('skills', () => {
  it('reads a comma list of Skill:proficiency with whole and decimal levels', () => {
    expect(parseSkills(' English:5 ,Financial Aid:4.5,, Ops: Level 2:0')).toEqual({
      value: [
        { skill: 'English', proficiency: 5 },
        { skill: 'Financial Aid', proficiency: 4.5 },
        { skill: 'Ops: Level 2', proficiency: 0 },
      ],
      warnings: [],
    });
  });

  it.each([
    ['English', 'invalid-skill'],
    [':4', 'invalid-skill'],
    ['English:', 'invalid-skill'],
    ['English:6', 'invalid-proficiency'],
    ['English:5.5', 'invalid-proficiency'],
    ['English:-1', 'invalid-proficiency'],
    ['English:four', 'invalid-proficiency'],
    ['English:1e0', 'invalid-proficiency'],
    ['English:4, ENGLISH:3', 'duplicate-skill'],
    [Array.from({ length: 51 }, (_, i) => `Skill ${i}:1`).join(','), 'too-many-skills'],
  ])('refuses %j with %s', (cell, code) => {
    expect(codeOf(parseSkills(cell))).toBe(code);
  });
});

describe('queues', () => {
  it('trims, drops empty items and warns once per repeated queue', () => {
    const parsed = parseQueues(' Sales , ,Support,sales,');
    expect(parsed).toMatchObject({ value: ['Sales', 'Support'] });
    expect('value' in parsed && parsed.warnings.map((w) => [w.code, w.severity])).toEqual([
      ['duplicate-queue', 'warning'],
    ]);
  });
});

describe('single values', () => {
  it.each(['+1 215 555 0100', '(215) 555-0100', '215.555.0100', '+442071234567', '1234567'])(
    'phone %j is valid',
    (value) => expect(checkPhone(value)).toBeUndefined(),
  );
  it.each(['555-01', '+1 215 555 0100 x12', '1234567890123456', '-215 555 0100', 'call me', '+'])(
    'phone %j is invalid',
    (value) => expect(checkPhone(value)?.code).toBe('invalid-phone'),
  );
  // Well-formed, but no number of the country its code names has that many digits: Genesys refuses it.
  it.each(['+1-2-3-4-5-6-7', '+44 20 7946', '+1 215 555 01000'])(
    'phone %j has the shape of a number but no country has it',
    (value) =>
      expect(checkPhone(value)?.message).toContain('is not a phone number of the country its code names'),
  );

  it.each(['1', '4101', '0123456789'])('extension %j is valid', (value) =>
    expect(checkExtension(value)).toBeUndefined(),
  );
  it.each(['41a', '12345678901', '41 01', '-1'])('extension %j is invalid', (value) =>
    expect(checkExtension(value)?.code).toBe('invalid-extension'),
  );

  it.each(['a@b.co', 'first.last+tag@sub.example.org', "o'brien@example.ie"])('email %j is valid', (value) =>
    expect(checkEmail(value)).toBeUndefined(),
  );
  it.each(['a@b', 'a b@c.org', 'a@@b.org', '.a@b.org', 'a..b@c.org', 'a@-b.org', 'name', 'a@b.c'])(
    'email %j is invalid',
    (value) => expect(checkEmail(value)?.code).toBe('invalid-email'),
  );

  it('knows real calendar dates, leap years included', () => {
    expect(['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01'].map(isCalendarDate)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['1900-02-29', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-1'].map(isCalendarDate),
    ).toEqual([false, false, false, false, false, false]);
    expect(checkDate('2026-02-30')?.message).toContain('not a real calendar date');
    expect(checkDate('12/01/2026')?.message).toContain('YYYY-MM-DD');
  });

  it('flags cells a spreadsheet would run, except a well-formed phone number in phone_work', () => {
    expect(['=1+2', '+SUM(A1)', '-2', '@cmd'].map((v) => checkFormula(v)?.code)).toEqual([
      'formula-cell',
      'formula-cell',
      'formula-cell',
      'formula-cell',
    ]);
    expect(checkFormula('+1 215 555 0100', true)).toBeUndefined();
    expect(checkFormula('+1 215 555 0100')?.code).toBe('formula-cell');
    expect(checkFormula('+1 555', true)?.message).toContain('7 to 15 digits');
    expect(checkFormula('Sales')).toBeUndefined();
  });
});
