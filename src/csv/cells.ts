// Checks and parsers for single cell values. Each returns an Issue (with a message a spreadsheet
// user can act on) instead of throwing, so one bad cell never hides the others.

import { toE164 } from '../phone-number.js';
import { quote, type Issue } from './findings.js';
import type { RoleGrant, SkillLevel } from './types.js';

/** A user can hold at most 50 routing skills (Genesys limit; the API rejects more). */
export const MAX_SKILLS = 50;

const EMAIL_LOCAL = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";
const EMAIL_DOMAIN = '(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}';
const EMAIL = new RegExp(`^${EMAIL_LOCAL}@${EMAIL_DOMAIN}$`);

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value) && value.indexOf('@') <= 64;
}

export function checkEmail(value: string): Issue | undefined {
  if (isEmail(value)) return undefined;
  return {
    code: 'invalid-email',
    message: `${quote(value)} is not an email address; expected something like name@example.org.`,
  };
}

/** Digits with an optional leading +, and spaces, dashes, dots or parentheses between them. */
const PHONE_SHAPE = /^\+?[(\d][\d ().-]*$/;

export function isPhoneNumber(value: string): boolean {
  if (!PHONE_SHAPE.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  // E.164 allows at most 15 digits; fewer than 7 is not a dialable work number.
  return digits >= 7 && digits <= 15;
}

export function checkPhone(value: string): Issue | undefined {
  // Written with its country code, a number can be placed offline: refuse what Genesys would refuse
  // (a length no number of that country has). A national number waits for the org's country (plan).
  if (isPhoneNumber(value) && (!value.startsWith('+') || toE164(value, null) !== null)) return undefined;
  if (isPhoneNumber(value)) {
    return {
      code: 'invalid-phone',
      message: `${quote(value)} is not a phone number of the country its code names; check the digits after the +, e.g. +1 215 555 0100.`,
    };
  }
  return {
    code: 'invalid-phone',
    message: `${quote(value)} is not a phone number; expected 7 to 15 digits with an optional leading +, e.g. +1 215 555 0100.`,
  };
}

export function checkExtension(value: string): Issue | undefined {
  if (/^\d{1,10}$/.test(value)) return undefined;
  return {
    code: 'invalid-extension',
    message: `${quote(value)} is not an extension; expected 1 to 10 digits, e.g. 4101.`,
  };
}

/** An IANA time zone this runtime knows (`America/New_York`, `UTC`): the one check for every zone we take. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The largest role grant page we send: 10,000 subject ids are a body of about 400 KB. */
export const MAX_ROLE_GRANT_PAGE = 10_000;

/**
 * Subjects per bulk role grant call, as written (GC_ONBOARD_ROLE_GRANT_PAGE, orgs.yml
 * role_grant_page): a whole number from 1 to MAX_ROLE_GRANT_PAGE, else null. The one check for both.
 */
export function roleGrantPageOf(text: string): number | null {
  const digits = text.trim();
  const page = /^\d+$/.test(digits) ? Number(digits) : NaN;
  return page >= 1 && page <= MAX_ROLE_GRANT_PAGE ? page : null;
}

/** A real calendar date written YYYY-MM-DD (Gregorian, leap years included). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

export function checkDate(value: string): Issue | undefined {
  if (isCalendarDate(value)) return undefined;
  const shaped = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return {
    code: 'invalid-date',
    message: shaped
      ? `${quote(value)} is not a real calendar date.`
      : `${quote(value)} is not a date written YYYY-MM-DD, e.g. 2026-12-01.`,
  };
}

/**
 * Spreadsheets run a cell that starts with = + - or @ as a formula when the file is opened, so such
 * cells are refused. A well-formed phone number such as `+1 215 555 0100` is allowed where
 * `allowPhone` is set (the phone_work column).
 */
export function checkFormula(value: string, allowPhone = false): Issue | undefined {
  const first = value[0];
  if (first !== '=' && first !== '+' && first !== '-' && first !== '@') return undefined;
  if (allowPhone && isPhoneNumber(value)) return undefined;
  const hint =
    allowPhone && first === '+' ? ' A phone number needs 7 to 15 digits, e.g. +1 215 555 0100.' : '';
  return {
    code: 'formula-cell',
    message: `${quote(value)} starts with "${first}", so a spreadsheet would run it as a formula; remove the leading "${first}".${hint}`,
  };
}

/** Split on commas, trim, drop empty items (a trailing comma or ", ," is harmless). */
function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export type Parsed<T> = { value: T; warnings: Issue[] } | { error: Issue };

/** Queue names, comma separated. A queue named twice is a warning and kept once. */
export function parseQueues(value: string): Parsed<string[]> {
  const queues: string[] = [];
  const warnings: Issue[] = [];
  const seen = new Set<string>();
  for (const queue of commaList(value)) {
    const key = queue.toLowerCase();
    if (seen.has(key)) {
      warnings.push({
        severity: 'warning',
        code: 'duplicate-queue',
        message: `Queue ${quote(queue)} is listed twice in this cell; it is added once.`,
      });
      continue;
    }
    seen.add(key);
    queues.push(queue);
  }
  return { value: queues, warnings };
}

/** `Skill:proficiency, Skill2:proficiency` with proficiency a number from 0 to 5 (4 or 4.5). */
export function parseSkills(value: string): Parsed<SkillLevel[]> {
  const skills: SkillLevel[] = [];
  const seen = new Set<string>();
  for (const item of commaList(value)) {
    const colon = item.lastIndexOf(':');
    const skill = colon < 0 ? '' : item.slice(0, colon).trim();
    const level = colon < 0 ? '' : item.slice(colon + 1).trim();
    if (skill === '' || level === '') {
      return {
        error: {
          code: 'invalid-skill',
          message: `${quote(item)} is not a skill with a proficiency; write Skill:proficiency, e.g. English:4.`,
        },
      };
    }
    const proficiency = Number(level);
    if (!/^\d+(\.\d+)?$/.test(level) || proficiency > 5) {
      return {
        error: {
          code: 'invalid-proficiency',
          message: `Proficiency ${quote(level)} for skill ${quote(skill)} is not a number from 0 to 5 (whole, or with decimals such as 4.5).`,
        },
      };
    }
    const key = skill.toLowerCase();
    if (seen.has(key)) {
      return {
        error: {
          code: 'duplicate-skill',
          message: `Skill ${quote(skill)} is listed twice in this cell; give it once with one proficiency.`,
        },
      };
    }
    seen.add(key);
    skills.push({ skill, proficiency });
  }
  if (skills.length > MAX_SKILLS) {
    return {
      error: {
        code: 'too-many-skills',
        message: `This cell lists ${skills.length} skills; Genesys Cloud allows at most ${MAX_SKILLS} per person.`,
      },
    };
  }
  return { value: skills, warnings: [] };
}

/**
 * Split a roles_divisions cell into its pairs: on commas outside square brackets only, so that
 * `Supervisor:[Sales, Support]` stays one pair. Returns undefined when the brackets do not pair up.
 */
function splitRolePairs(value: string): string[] | undefined {
  const pairs: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '[') {
      depth++;
      if (depth > 1) return undefined;
    } else if (char === ']') {
      depth--;
      if (depth < 0) return undefined;
    } else if (char === ',' && depth === 0) {
      pairs.push(value.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  pairs.push(value.slice(start));
  return pairs.map((pair) => pair.trim()).filter((pair) => pair !== '');
}

const ROLE_PAIR = /^([^[\]]+?)\s*:\s*\[([^[\]]*)\]$/;

function rolesError(message: string): { error: Issue } {
  return { error: { code: 'invalid-roles', message } };
}

/**
 * `role:[division], role2:[division]`; several divisions for one role as `role:[d1, d2]`; the same
 * role may appear in several pairs. A bare `role` (no brackets) has no divisions: it is granted in
 * the home division.
 */
export function parseRoles(value: string): Parsed<RoleGrant[]> {
  const example = 'write role:[division], e.g. employee:[Student Services]';
  const pairs = splitRolePairs(value);
  if (!pairs) return rolesError(`${quote(value)} has square brackets that do not pair up; ${example}.`);
  const grants: RoleGrant[] = [];
  for (const pair of pairs) {
    if (!pair.includes('[') && !pair.includes(']')) {
      if (pair.includes(':')) {
        return rolesError(`${quote(pair)} needs square brackets around the division; ${example}.`);
      }
      grants.push({ role: pair, divisions: [] });
      continue;
    }
    const match = ROLE_PAIR.exec(pair);
    const role = match?.[1]?.trim() ?? '';
    if (!match || role === '') return rolesError(`${quote(pair)} is not a role with divisions; ${example}.`);
    const divisions = [...new Set(commaList(match[2] ?? ''))];
    if (divisions.length === 0) {
      return rolesError(
        `${quote(pair)} has no division inside the brackets; name one, or drop the brackets for the home division.`,
      );
    }
    grants.push({ role, divisions });
  }
  return { value: grants, warnings: [] };
}
