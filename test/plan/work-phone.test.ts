// Work phone and extension through every shape a real org reads them back in (real-api.md §4):
// a row that matches the org stays unchanged on every run, in a US org and in a GB org, however the
// CSV writes the number; a really changed number or extension is an update.
import { describe, expect, it } from 'vitest';
import { toSnapshotUser } from '../../src/genesys/snapshot.js';
import { buildPlan } from '../../src/plan/plan.js';
import type { Contact } from '../../src/plan/snapshot.js';
import { aishaRow, aishaUser, batch, ids, importSet, maria, snapshot } from './fixtures.js';

/** The org's user with this WORK PHONE contact, mapped as the snapshot maps it. */
function userWith(contact: Contact) {
  const read = toSnapshotUser(
    { id: 'user-aisha', version: 7, addresses: [{ ...contact, mediaType: 'PHONE', type: 'WORK' }] },
    ids.home,
  );
  return aishaUser({ addresses: read.addresses, phoneWork: read.phoneWork, extension: read.extension });
}

function plan(country: string, contact: Contact, phoneWork: string, extension: string) {
  const row = aishaRow({ phoneWork, extension });
  const org = snapshot({ users: [maria, userWith(contact)], defaultCountryCode: country });
  const person = buildPlan(importSet([batch([row])]), org).batches[0]?.people[0];
  return person;
}

const orgs = {
  US: {
    e164: '+12155550110',
    display: '+1 215-555-0110',
    written: [
      '215 555 0110',
      '(215) 555-0110',
      '+1 215 555 0110',
      '2155550110',
      '1 215 555 0110',
      '+12155550110',
    ],
    other: '215 555 0111',
  },
  GB: {
    e164: '+442079460018',
    display: '+44 20 7946 0018',
    written: [
      '020 7946 0018',
      '(020) 7946-0018',
      '+44 20 7946 0018',
      '02079460018',
      '+44 (0)20 7946 0018',
      '+442079460018',
    ],
    other: '020 7946 0019',
  },
} as const;

describe.each(Object.entries(orgs))('a %s org', (country, numbers) => {
  const calling = numbers.e164.startsWith('+1') ? '+1' : '+44';
  /** Each shape: the contact the org returns, and the cells of a row that matches it. */
  const shapes = (written: string) =>
    [
      ['(a) number only', { address: numbers.e164, display: numbers.display }, written, ''],
      [
        '(b) extension in a pool',
        { address: `${calling}4110`, extension: '4110', display: '4110' },
        '',
        '4110',
      ],
      ['(c) number and extension', { extension: '4110', display: numbers.display }, written, '4110'],
      ['(d) extension in no pool', { display: '4110' }, '', '4110'],
    ] as const;

  for (const written of numbers.written) {
    it.each(shapes(written))(
      `%s, the CSV writing "${written}": unchanged`,
      (_shape, contact, phoneWork, extension) => {
        const person = plan(country, contact, phoneWork, extension);
        expect(person?.changes).toEqual([]);
        expect(person?.action).toBe('unchanged');
      },
    );
  }

  it.each(shapes(numbers.written[0]))(
    '%s: another number or extension is an update',
    (_shape, contact, phoneWork, extension) => {
      const number = plan(country, contact, numbers.other, extension);
      expect(number?.action).toBe('update');
      expect(number?.changes.map((change) => change.field)).toEqual(['phone_work']);
      const ext = plan(country, contact, phoneWork, '4111');
      expect(ext?.action).toBe('update');
      expect(ext?.changes.map((change) => change.field)).toEqual(['extension']);
    },
  );

  it('rewrites the side that does not change as stored, in E.164', () => {
    const person = plan(country, { extension: '4110', display: numbers.display }, numbers.written[0], '4111');
    expect(person?.patch.addresses).toEqual([
      { address: numbers.e164, extension: '4111', mediaType: 'PHONE', type: 'WORK' },
    ]);
  });
});

it('compares by digits when the org has no default country it knows', () => {
  expect(plan('ZZ', { address: '+12155550110' }, '+1 (215) 555-0110', '')?.action).toBe('unchanged');
  expect(plan('ZZ', { address: '+12155550110' }, '+1 215 555 0111', '')?.action).toBe('update');
});

describe('a number the org country cannot have', () => {
  it('is an error at the cell, naming the country; with its country code it is fine', () => {
    const contact = { address: '+12155550110' };
    const short = plan('US', contact, '555 0110', '');
    expect(short?.action).toBe('error');
    expect(short?.errors.map((e) => [e.column, e.code, e.message])).toEqual([
      [
        'phone_work',
        'invalid-phone',
        "555 0110 is not a phone number in US, the org's default country; write it with its country code, e.g. +44 20 7946 0018",
      ],
    ]);
    // A London number written nationally is fine in GB, and anywhere with its country code.
    expect(plan('GB', { address: '+442079460018' }, '020 7946 0018', '')?.action).toBe('unchanged');
    expect(plan('US', contact, '+44 20 7946 0018', '')?.action).toBe('update');
  });
});
