// Phone numbers as Genesys stores and shows them: E.164 read with the org's default country
// (real-api.md §4), and the four shapes a user's PHONE address reads back in. Pure functions.

import type { SandboxContact } from './types.js';

/** The countries whose national formats the sandbox can read: calling code, trunk and exit prefixes. */
const COUNTRIES: Record<string, { callingCode: string; trunk: string; exit: string }> = {
  US: { callingCode: '1', trunk: '1', exit: '011' },
  CA: { callingCode: '1', trunk: '1', exit: '011' },
  GB: { callingCode: '44', trunk: '0', exit: '00' },
};

export const SUPPORTED_COUNTRIES: readonly string[] = Object.keys(COUNTRIES);

export function callingCodeOf(country: string): string {
  const found = COUNTRIES[country];
  if (!found)
    throw new Error(`sandbox: unsupported default country ${country} (${SUPPORTED_COUNTRIES.join(', ')})`);
  return found.callingCode;
}

/** NANP: area code and exchange start with 2–9. */
const NANP = /^[2-9]\d{2}[2-9]\d{6}$/;
/** GB national significant number: 9 or 10 digits, not starting with 0. */
const GB_NSN = /^[1-9]\d{8,9}$/;

/** `+` + calling code + national number, checked where the sandbox knows the plan; null if invalid. */
function international(digits: string): string | null {
  if (digits.startsWith('1')) return NANP.test(digits.slice(1)) ? `+${digits}` : null;
  if (digits.startsWith('44')) {
    // "+44 (0)20 …": the trunk 0 written after the country code is dropped.
    const nsn = digits.slice(2).replace(/^0/, '');
    return GB_NSN.test(nsn) ? `+44${nsn}` : null;
  }
  return digits.length >= 8 && digits.length <= 15 && !digits.startsWith('0') ? `+${digits}` : null;
}

/**
 * A number as written by a person → E.164, or null when it is not a number this country plan reads.
 * Accepts spaces, dots, dashes, slashes and parentheses; `+CC…` or the country's exit prefix
 * (011 in US/CA, 00 in GB) for any country; otherwise a national number: NANP 10 digits (an
 * optional leading 1) in US/CA, trunk 0 + 9–10 digits in GB.
 */
export function toE164(raw: string, country: string): string | null {
  const plan = COUNTRIES[country];
  if (!plan) return null;
  const trimmed = raw.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return international(digits);
  if (digits.startsWith(plan.exit)) return international(digits.slice(plan.exit.length));
  if (plan.callingCode === '1') {
    const national = digits.length === 11 && digits.startsWith(plan.trunk) ? digits.slice(1) : digits;
    return NANP.test(national) ? `+1${national}` : null;
  }
  if (!digits.startsWith(plan.trunk)) return null;
  const nsn = digits.slice(plan.trunk.length);
  return GB_NSN.test(nsn) ? `+${plan.callingCode}${nsn}` : null;
}

/**
 * How Genesys shows an E.164 number in `display` (libphonenumber's international format for the
 * plans the sandbox knows): `+1 215-555-0110`, `+44 20 7946 0958`, `+44 7700 900123`,
 * `+44 113 496 0000`; other countries as E.164.
 */
export function displayOf(e164: string): string {
  const d = e164.slice(1);
  if (d.startsWith('1') && d.length === 11) return `+1 ${d.slice(1, 4)}-${d.slice(4, 7)}-${d.slice(7)}`;
  if (d.startsWith('44')) {
    const n = d.slice(2);
    if (n.length !== 10) return `+44 ${n}`;
    if (n.startsWith('2')) return `+44 ${n.slice(0, 2)} ${n.slice(2, 6)} ${n.slice(6)}`;
    if (n.startsWith('7') || n.startsWith('1')) {
      // 1X1 / 11X area codes are three digits; other geographic and mobile numbers have four.
      if (/^1(\d1|1\d)/.test(n)) return `+44 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
      return `+44 ${n.slice(0, 4)} ${n.slice(4)}`;
    }
    return `+44 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
  }
  return e164;
}

export interface ExtensionPool {
  startNumber: string;
  endNumber: string;
}

export function inExtensionPool(extension: string, pools: readonly ExtensionPool[]): boolean {
  const n = Number(extension);
  return pools.some(
    (p) =>
      p.startNumber.length === extension.length && n >= Number(p.startNumber) && n <= Number(p.endNumber),
  );
}

/**
 * A stored PHONE contact (`address` in E.164 and/or `extension`) as GET /users reads it back
 * (real-api.md §4, TF flattenUserAddresses): (a) number only → `address` + `display`; (c) number
 * and extension → `extension` + `display` holding the number, no `address`; (b) extension in a pool
 * → `extension` == `display` plus a derived `address` (calling code + extension) to ignore;
 * (d) extension outside every pool → `display` only.
 */
export function readBackShape(
  stored: SandboxContact,
  pools: readonly ExtensionPool[],
  callingCode: string,
): SandboxContact {
  const { address, extension, display: _display, ...rest } = stored;
  if (address && !extension) return { ...rest, address, display: displayOf(address) };
  if (address && extension) return { ...rest, extension, display: displayOf(address) };
  if (!extension) return { ...rest };
  if (inExtensionPool(extension, pools)) {
    return { ...rest, address: `+${callingCode}${extension}`, extension, display: extension };
  }
  return { ...rest, display: extension };
}
