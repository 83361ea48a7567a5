// Work phone numbers as Genesys stores them: E.164 with the org's default country
// (real-api.md §4; TF parses read-backs with FormatAsCalculatedE164Number). Pure, no library:
// the plan only needs "is this the same number", not full numbering-plan validation.
// Independent of the sandbox's own normaliser on purpose (two implementations check each other).

/** Countries that share +1 (NANP): 10 national digits, optionally written with a leading 1. */
const NANP = new Set([
  'US',
  'CA',
  'PR',
  'VI',
  'GU',
  'AS',
  'MP',
  'UM',
  'AG',
  'AI',
  'BB',
  'BM',
  'BS',
  'DM',
  'DO',
  'GD',
  'JM',
  'KN',
  'KY',
  'LC',
  'MS',
  'SX',
  'TC',
  'TT',
  'VC',
  'VG',
]);

/** Calling code and whether national numbers start with a trunk 0 that E.164 drops. */
const COUNTRIES: Record<string, { code: string; trunkZero: boolean }> = {
  GB: { code: '44', trunkZero: true },
  IE: { code: '353', trunkZero: true },
  FR: { code: '33', trunkZero: true },
  DE: { code: '49', trunkZero: true },
  NL: { code: '31', trunkZero: true },
  BE: { code: '32', trunkZero: true },
  CH: { code: '41', trunkZero: true },
  AT: { code: '43', trunkZero: true },
  SE: { code: '46', trunkZero: true },
  FI: { code: '358', trunkZero: true },
  // Italy keeps the leading 0 of landlines in E.164.
  IT: { code: '39', trunkZero: false },
  ES: { code: '34', trunkZero: false },
  PT: { code: '351', trunkZero: false },
  DK: { code: '45', trunkZero: false },
  NO: { code: '47', trunkZero: false },
  PL: { code: '48', trunkZero: false },
  AU: { code: '61', trunkZero: true },
  NZ: { code: '64', trunkZero: true },
  JP: { code: '81', trunkZero: true },
  KR: { code: '82', trunkZero: true },
  CN: { code: '86', trunkZero: true },
  IN: { code: '91', trunkZero: true },
  SG: { code: '65', trunkZero: false },
  HK: { code: '852', trunkZero: false },
  PH: { code: '63', trunkZero: true },
  MY: { code: '60', trunkZero: true },
  ZA: { code: '27', trunkZero: true },
  AE: { code: '971', trunkZero: true },
  IL: { code: '972', trunkZero: true },
  MX: { code: '52', trunkZero: false },
  BR: { code: '55', trunkZero: true },
};

/** The ISO countries whose numbers toE164 can place; others compare by digits only. */
export const KNOWN_COUNTRIES: readonly string[] = [...NANP, ...Object.keys(COUNTRIES)].sort();

/** E.164 allows at most 15 digits after the +; anything under 8 is an extension or a short code, not a number. */
const isE164Length = (digits: string) => digits.length >= 8 && digits.length <= 15;

/**
 * `215 555 0110`, `(215) 555-0110`, `+1 215 555 0110`, `2155550110` → `+12155550110` in a US org;
 * `020 7946 0018` → `+442079460018` in a GB org. Written internationally (`+…`, `00…`, `011…` in NANP)
 * the number keeps its own country. Null when the number cannot be placed: an unknown default country
 * with a national number, or a digit count no E.164 number has.
 */
export function toE164(written: string, country: string | null): string | null {
  // `+44 (0)20 …`: a trunk 0 in brackets after the country code is not dialled.
  const text = written.trim().replace(/\(0\)/g, '');
  const digits = text.replace(/\D/g, '');
  if (digits === '') return null;
  const iso = (country ?? '').trim().toUpperCase();
  const international = (rest: string) => (isE164Length(rest) ? `+${rest}` : null);
  if (text.startsWith('+')) return international(digits);
  if (NANP.has(iso)) {
    if (digits.startsWith('011')) return international(digits.slice(3));
    if (digits.length === 10) return `+1${digits}`;
    if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
    return null;
  }
  if (digits.startsWith('00')) return international(digits.slice(2));
  const plan = COUNTRIES[iso];
  if (!plan) return null;
  const national = plan.trunkZero ? digits.replace(/^0/, '') : digits;
  return international(plan.code + national);
}

/**
 * Whether two written numbers are the same number in an org whose default country is `country`.
 * Both placed in E.164: compare those. Otherwise (unknown country, odd length) compare the digits,
 * which is what the plan did before it knew the country: right whenever both are written alike.
 */
export function sameNumber(a: string, b: string, country: string | null): boolean {
  if (a.trim() === '' || b.trim() === '') return a.trim() === b.trim();
  const [e164A, e164B] = [toE164(a, country), toE164(b, country)];
  if (e164A !== null && e164B !== null) return e164A === e164B;
  return a.replace(/\D/g, '') === b.replace(/\D/g, '');
}

/** Extensions compare as digits (`4110`, ` 4110`, `x4110`); one without digits compares as written. */
export function sameExtension(a: string, b: string): boolean {
  const [digitsA, digitsB] = [a.replace(/\D/g, ''), b.replace(/\D/g, '')];
  if (digitsA === '' || digitsB === '') return a.trim() === b.trim();
  return digitsA === digitsB;
}

/** The WORK PHONE contact: the one phone_work and extension are read from and written to. */
export const isWorkPhone = (contact: { mediaType?: string; type?: string }): boolean =>
  contact.mediaType?.toUpperCase() === 'PHONE' && contact.type?.toUpperCase() === 'WORK';

/** A WORK PHONE contact as read back (address, display, extension), in any of its four shapes. */
export interface ReadBackContact {
  address?: string;
  display?: string;
  extension?: string;
}

/**
 * The number and extension a WORK PHONE contact holds, whatever shape the org returned it in
 * (real-api.md §4, TF flattenUserAddresses):
 * (a) `address` only: a number;
 * (b) `extension` equal to `display`: an extension in a pool; an `address` beside it is derived, ignored;
 * (c) `extension` and a different `display`: the number is in `display`, plus the extension;
 * (d) `display` only: an extension that is in no pool.
 * A contact with `address` and a `display` but no extension is (a): display is the formatted address.
 */
export function readWorkPhone(contact: ReadBackContact): { number: string; extension: string } {
  const address = contact.address?.trim() ?? '';
  const display = contact.display?.trim() ?? '';
  const extension = contact.extension?.trim() ?? '';
  if (extension !== '') {
    if (display === '' || sameExtension(display, extension)) {
      // Written by a lenient org as address + extension, there is no display: keep the address.
      return { number: display === '' ? address : '', extension };
    }
    return { number: display, extension };
  }
  if (address !== '') return { number: address, extension: '' };
  return { number: '', extension: display };
}
