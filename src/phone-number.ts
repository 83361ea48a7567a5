// Work phone numbers as Genesys stores them: E.164 with the org's default country
// (real-api.md §4; TF parses read-backs with FormatAsCalculatedE164Number, a port of Google's
// libphonenumber). We use libphonenumber-js, the JavaScript port, for the same numbering plans; this
// is the one place that places a number, for validation and for comparing. Independent of the
// sandbox's own normaliser on purpose (two implementations check each other).
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * `215 555 0110`, `(215) 555-0110`, `+1 215 555 0110`, `2155550110` → `+12155550110` in a US org;
 * `020 7946 0018` → `+442079460018` in a GB org. Written internationally (`+…`, or the country's own
 * international prefix: `00…`, `011…` in NANP) the number keeps its own country. Null when the number
 * cannot be placed: an unknown default country with a national number, or a number whose length no
 * number of its country has (`+1-2-3-4-5-6-7`).
 */
export function toE164(written: string, country: string | null): string | null {
  // `+44 (0)20 …`: a trunk 0 in brackets after the country code is not dialled.
  const text = written.trim().replace(/\(0\)/g, '');
  if (text.replace(/\D/g, '') === '') return null;
  const iso = (country ?? '').trim().toUpperCase();
  const defaultCountry = isSupportedCountry(iso) ? iso : undefined;
  // "Possible" (a length its country's numbers have), not "valid" (an assigned range): numbering
  // plans change faster than this library's metadata, and Genesys stores any well-formed number.
  const parsed = parsePhoneNumberFromString(text, { defaultCountry, extract: false });
  return parsed?.isPossible() ? parsed.number : null;
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
