// Request-body checks shared by the handlers. Each failure is the 400 Genesys would send, naming
// the field.

import { badRequest, invalidValue } from './errors.js';
import { toE164 } from './phone-numbers.js';
import type { SandboxContact } from './types.js';

export type Json = Record<string, unknown>;

export function asObject(body: unknown, what: string): Json {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest(`The request body must be a JSON object (${what}).`);
  }
  return body as Json;
}

export function asArray(body: unknown, what: string): unknown[] {
  if (!Array.isArray(body)) throw badRequest(`The request body must be a JSON array (${what}).`);
  return body;
}

/** 400 for any field the model does not have: the sandbox never silently drops a field. */
export function rejectUnknownFields(obj: Json, allowed: ReadonlySet<string>, model: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.has(key)) throw badRequest(`Unrecognized field "${key}" for ${model}.`, key);
  }
}

export function optionalString(obj: Json, field: string): string | undefined {
  const value = obj[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidValue(field, `${field} must be a string.`);
  return value;
}

export function requiredString(obj: Json, field: string): string {
  const value = optionalString(obj, field);
  if (value === undefined || value.trim() === '') throw badRequest(`${field} is required.`, field);
  return value.trim();
}

/** `{id: string}` → id; undefined when the field is absent. */
export function optionalRefId(obj: Json, field: string): string | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw invalidValue(field, `${field} must be an object with an id.`);
  const id = (value as Json).id;
  if (typeof id !== 'string' || id === '') throw invalidValue(`${field}.id`, `${field}.id is required.`);
  return id;
}

export function requiredRefId(obj: Json, field: string): string {
  const id = optionalRefId(obj, field);
  if (id === undefined) throw badRequest(`${field} is required.`, field);
  return id;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

const MEDIA_TYPES = new Set(['PHONE', 'EMAIL', 'SMS']);
const CONTACT_TYPES = new Set([
  'PRIMARY',
  'WORK',
  'WORK2',
  'WORK3',
  'WORK4',
  'HOME',
  'MOBILE',
  'MAIN',
  'OTHER',
]);
const CONTACT_FIELDS: ReadonlySet<string> = new Set([
  'address',
  'display',
  'mediaType',
  'type',
  'extension',
  'countryCode',
  'integration',
]);

/**
 * The lenient sandbox's reading of a phone number (`real.addressShapes` off): E.164, `+` and digits.
 * 10 digits are taken as North American (+1); punctuation and spaces are dropped.
 */
export function normalisePhoneNumber(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return null;
}

/**
 * User.addresses: validated and stored with PHONE numbers in E.164. With `country` (real-org
 * addresses) numbers are read in that country and `display`, read-only in the spec, is not kept;
 * without (lenient), 10 digits are North American and `display` keeps what was sent.
 */
export function readContacts(value: unknown, field: string, country: string | null): SandboxContact[] {
  if (!Array.isArray(value)) throw invalidValue(field, `${field} must be an array of contacts.`);
  return value.map((item, i) => {
    const where = `${field}[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw invalidValue(where, `${where} must be a contact object.`);
    }
    const c = item as Json;
    rejectUnknownFields(c, CONTACT_FIELDS, 'Contact');
    for (const key of Object.keys(c)) {
      if (typeof c[key] !== 'string')
        throw invalidValue(`${where}.${key}`, `${where}.${key} must be a string.`);
    }
    const contact = { ...(c as SandboxContact) };
    if (!contact.mediaType || !MEDIA_TYPES.has(contact.mediaType)) {
      throw invalidValue(`${where}.mediaType`, `${where}.mediaType must be one of PHONE, EMAIL, SMS.`);
    }
    if (!contact.type || !CONTACT_TYPES.has(contact.type)) {
      throw invalidValue(`${where}.type`, `${where}.type must be one of ${[...CONTACT_TYPES].join(', ')}.`);
    }
    if (contact.mediaType === 'EMAIL') {
      if (!contact.address || !isEmail(contact.address)) {
        throw invalidValue(`${where}.address`, `${where}.address must be an email address.`);
      }
      return contact;
    }
    if (contact.extension !== undefined && !/^\d{1,15}$/.test(contact.extension)) {
      throw invalidValue(`${where}.extension`, `${where}.extension must be digits.`);
    }
    if (country !== null) delete contact.display;
    if (contact.address !== undefined && contact.address !== '') {
      const e164 =
        country === null ? normalisePhoneNumber(contact.address) : toE164(contact.address, country);
      if (!e164) {
        const plan = country === null ? '' : ` (numbers without a country code are read as ${country})`;
        throw invalidValue(`${where}.address`, `${where}.address is not a valid phone number${plan}.`);
      }
      if (country === null) contact.display = contact.display ?? contact.address;
      contact.address = e164;
    } else {
      delete contact.address;
      if (!contact.extension) {
        throw badRequest(`${where} needs an address or an extension.`, `${where}.address`);
      }
    }
    return contact;
  });
}
