// The client's own E.164 normaliser and read-back shape reader (independent of the sandbox's).
import { describe, expect, it } from 'vitest';
import { readWorkPhone, sameExtension, sameNumber, toE164 } from '../src/phone-number.js';

describe('toE164', () => {
  it.each([
    // NANP: 10 digits, an optional leading 1, any punctuation; 011 is the way out.
    ['215 555 0110', 'US', '+12155550110'],
    ['(215) 555-0110', 'US', '+12155550110'],
    ['+1 215 555 0110', 'US', '+12155550110'],
    ['2155550110', 'US', '+12155550110'],
    ['1-215-555-0110', 'US', '+12155550110'],
    ['215.555.0110', 'us', '+12155550110'],
    ['416 555 0199', 'CA', '+14165550199'],
    ['876 555 0123', 'JM', '+18765550123'],
    ['011 44 20 7946 0018', 'US', '+442079460018'],
    ['+44 20 7946 0018', 'US', '+442079460018'],
    // GB: the trunk 0 goes; international forms keep their own country.
    ['020 7946 0018', 'GB', '+442079460018'],
    ['(020) 7946-0018', 'GB', '+442079460018'],
    ['07700 900123', 'GB', '+447700900123'],
    ['+44 20 7946 0018', 'GB', '+442079460018'],
    ['0044 20 7946 0018', 'GB', '+442079460018'],
    ['+1 215 555 0110', 'GB', '+12155550110'],
    // Other known countries: trunk 0 dropped where the plan has one, kept in Italy.
    ['030 1234567', 'DE', '+49301234567'],
    ['06 1234 5678', 'IT', '+390612345678'],
    ['02 9876 5432', 'AU', '+61298765432'],
    ['612 34 56 78', 'ES', '+34612345678'],
  ])('%s in %s → %s', (written, country, e164) => {
    expect(toE164(written, country)).toBe(e164);
  });

  it.each([
    // Not a number in that plan, or a country it does not know: no guess.
    ['555 0110', 'US'],
    ['4110', 'US'],
    ['', 'US'],
    ['020 7946 0018', 'ZZ'],
    ['020 7946 0018', null],
    ['+12', 'US'],
  ])('%s in %s → null', (written, country) => {
    expect(toE164(written, country)).toBeNull();
  });

  it('places an international number whatever the country, even an unknown one', () => {
    expect(toE164('+1 215-555-0110', null)).toBe('+12155550110');
    expect(toE164('+44 20 7946 0018', 'ZZ')).toBe('+442079460018');
  });
});

describe('sameNumber and sameExtension', () => {
  it('compares numbers in E.164 with the org country', () => {
    expect(sameNumber('215 555 0110', '+12155550110', 'US')).toBe(true);
    expect(sameNumber('020 7946 0018', '+442079460018', 'GB')).toBe(true);
    expect(sameNumber('215 555 0111', '+12155550110', 'US')).toBe(false);
    // The same digits are another number in another org.
    expect(sameNumber('020 7946 0018', '+12079460018', 'GB')).toBe(false);
    expect(sameNumber('', '+12155550110', 'US')).toBe(false);
    expect(sameNumber('', '', 'US')).toBe(true);
  });

  it('falls back to digits when a number cannot be placed (unknown country)', () => {
    expect(sameNumber('+33 1 23 45 67 89', '+33123456789', 'ZZ')).toBe(true);
    expect(sameNumber('01 23 45 67 89', '+33123456789', 'ZZ')).toBe(false);
  });

  it('compares extensions as digits', () => {
    expect(sameExtension('4110', ' 4110 ')).toBe(true);
    expect(sameExtension('x4110', '4110')).toBe(true);
    expect(sameExtension('4110', '4111')).toBe(false);
    expect(sameExtension('', '4110')).toBe(false);
    expect(sameExtension('', '')).toBe(true);
  });
});

describe('readWorkPhone', () => {
  it.each([
    ['(a) address only', { address: '+12155550110' }, '+12155550110', ''],
    [
      '(a) address and its display',
      { address: '+12155550110', display: '+1 215-555-0110' },
      '+12155550110',
      '',
    ],
    ['(b) extension in a pool', { extension: '4110', display: '4110' }, '', '4110'],
    [
      '(b) with a derived address to ignore',
      { address: '+14110', extension: '4110', display: '4110' },
      '',
      '4110',
    ],
    [
      '(c) number in display plus extension',
      { extension: '4110', display: '+1 215-555-0110' },
      '+1 215-555-0110',
      '4110',
    ],
    ['(d) display only: an extension in no pool', { display: '4110' }, '', '4110'],
    [
      'a lenient org: address and extension as written',
      { address: '+1 215 555 0110', extension: '4110' },
      '+1 215 555 0110',
      '4110',
    ],
    ['nothing', {}, '', ''],
  ])('%s', (_shape, contact, number, extension) => {
    expect(readWorkPhone(contact)).toEqual({ number, extension });
  });
});
