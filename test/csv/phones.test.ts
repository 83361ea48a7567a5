import { describe, expect, it } from 'vitest';
import { parsePeople } from '../../src/csv/people.js';
import { parsePhones } from '../../src/csv/phones.js';
import type { BatchConfig, PersonRow } from '../../src/csv/types.js';
import { fixture, places } from './fixtures.js';

const people = parsePeople(
  'name,email\nAisha Rahman,aisha.rahman@northfield.edu\nBen Carter,ben.carter@northfield.edu\n',
  'people.csv',
  'b',
).rows;
const peopleByEmail = new Map<string, PersonRow>(people.map((row) => [row.emailKey, row]));
const withDefaults: BatchConfig = {
  updateExisting: true,
  phoneDefaults: { baseSettings: 'WebRTC Softphone', site: 'Northfield Main Campus' },
};
const noDefaults: BatchConfig = { updateExisting: true, phoneDefaults: {} };

const read = (name: string, config = withDefaults) => {
  const { file, content } = fixture(`phones/${name}`);
  return { file, ...parsePhones(content, file, 'b', config, peopleByEmail) };
};

describe('parsePhones', () => {
  it('accepts header aliases and fills blank cells from the person and batch.yml phone_defaults', () => {
    const { file, rows, findings } = read('good.csv');
    expect(findings).toEqual([]);
    expect(rows).toEqual([
      {
        batch: 'b',
        file,
        line: 2,
        name: 'Aisha Rahman',
        baseSettings: 'WebRTC Softphone',
        site: 'Northfield Main Campus',
        email: 'aisha.rahman@northfield.edu',
        emailKey: 'aisha.rahman@northfield.edu',
        personInBatch: true,
      },
      {
        batch: 'b',
        file,
        line: 3,
        name: 'Ben desk phone',
        baseSettings: 'WebRTC Custom',
        site: 'North Campus',
        email: 'Ben.Carter@northfield.edu',
        emailKey: 'ben.carter@northfield.edu',
        personInBatch: true,
      },
      {
        // Not in this batch's people.csv: plan names the phone after the org user.
        batch: 'b',
        file,
        line: 4,
        name: '',
        baseSettings: 'WebRTC Softphone',
        site: 'Northfield Main Campus',
        email: 'someone.else@northfield.edu',
        emailKey: 'someone.else@northfield.edu',
        personInBatch: false,
      },
    ]);
  });

  it.each([
    ['phone_name', 'Phone Name'],
    ['phone_name', 'name'],
    ['phone_name', 'PHONE'],
    ['base_settings', 'base'],
    ['base_settings', 'Phone Base Settings'],
    ['base_settings', 'phone_base_settings'],
    ['site', 'Site Name'],
    ['email', 'user'],
    ['email', 'User_Email'],
    ['email', 'Email Address'],
    ['email', 'WebRTC User'],
  ])('reads %s from a header written %j', (column, header) => {
    const headers = ['phone_name', 'base_settings', 'site', 'email'].map((h) => (h === column ? header : h));
    const csv = `${headers.join(',')}\nAisha phone,WebRTC,Main,aisha.rahman@northfield.edu\n`;
    const { rows, findings } = parsePhones(csv, 'phones.csv', 'b', noDefaults, peopleByEmail);
    expect(findings).toEqual([]);
    expect(rows[0]).toMatchObject({
      name: 'Aisha phone',
      baseSettings: 'WebRTC',
      site: 'Main',
      email: 'aisha.rahman@northfield.edu',
    });
  });

  it('without phone_defaults, a blank base_settings or site cell is an error', () => {
    const { rows, findings } = read('good.csv', noDefaults);
    expect(places(findings)).toEqual([
      ['error', 2, 'base_settings', 'missing-value'],
      ['error', 2, 'site', 'missing-value'],
      ['error', 4, 'base_settings', 'missing-value'],
      ['error', 4, 'site', 'missing-value'],
    ]);
    expect(findings[0]?.message).toBe(
      'base_settings is blank and batch.yml sets no phone_defaults.base_settings; fill the cell or add the default.',
    );
    expect(rows.map((r) => r.line)).toEqual([3]);
  });

  it('duplicate-name.csv: a phone name used twice (after filling blanks from the person) is an error', () => {
    const { rows, findings } = read('duplicate-name.csv');
    expect(places(findings)).toEqual([['error', 3, 'phone_name', 'duplicate-phone-name']]);
    expect(findings[0]?.message).toBe(
      'Phone name "Aisha Rahman" is already used on line 2; phone names must be unique.',
    );
    expect(rows.map((r) => r.line)).toEqual([2]);
  });

  it('two-phones.csv: the same person twice (any case) is an error', () => {
    const { findings } = read('two-phones.csv');
    expect(places(findings)).toEqual([['error', 3, 'email', 'person-has-two-phones']]);
  });

  it('invalid-email.csv: the email must be valid and present', () => {
    const { rows, findings } = read('invalid-email.csv');
    expect(places(findings)).toEqual([
      ['error', 2, 'email', 'invalid-email'],
      ['error', 3, 'email', 'missing-value'],
    ]);
    expect(rows).toEqual([]);
  });

  it.each([
    ['missing-email-column.csv', [['error', 1, 'email', 'missing-column']], 0],
    ['unknown-column.csv', [['error', 1, null, 'unknown-column']], 1],
    ['formula-cell.csv', [['error', 2, 'phone_name', 'formula-cell']], 0],
  ])('%s', (name, expected, kept) => {
    const { rows, findings } = read(name);
    expect(places(findings)).toEqual(expected);
    expect(rows).toHaveLength(kept);
  });
});
