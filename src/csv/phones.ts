// phones.csv: one WebRTC phone per row (name, base settings, site, and the user whose default phone
// it becomes). Blank cells are filled from the person's name and batch.yml phone_defaults.

import { checkEmail, checkFormula } from './cells.js';
import { FileFindings, quote, type Issue } from './findings.js';
import { readCsv, type ColumnSpec } from './read.js';
import type { BatchConfig, Finding, PersonRow, PhoneRow } from './types.js';

export const PHONE_COLUMNS = ['phone_name', 'base_settings', 'site', 'email'] as const;

export type PhoneColumn = (typeof PHONE_COLUMNS)[number];

/** Other header spellings people use; matched ignoring case, spaces, underscores and dashes. */
export const PHONE_ALIASES: Readonly<Record<string, PhoneColumn>> = {
  name: 'phone_name',
  phone: 'phone_name',
  base: 'base_settings',
  phone_base_settings: 'base_settings',
  site_name: 'site',
  user: 'email',
  user_email: 'email',
  email_address: 'email',
  webrtc_user: 'email',
};

export const PHONES_SPEC: ColumnSpec<PhoneColumn> = {
  kind: 'phones.csv',
  columns: PHONE_COLUMNS,
  required: ['email'],
  aliases: PHONE_ALIASES,
  // Names of things: 255 characters; emails: 254 (RFC 5321).
  maxLength: { phone_name: 255, base_settings: 255, site: 255, email: 254 },
};

export function parsePhones(
  content: Buffer | string,
  file: string,
  batch: string,
  config: BatchConfig,
  peopleByEmail: Map<string, PersonRow>,
): { rows: PhoneRow[]; findings: Finding[] } {
  const findings = new FileFindings(file);
  const rows: PhoneRow[] = [];
  const firstLineByName = new Map<string, number>();
  const firstLineByEmail = new Map<string, number>();

  readCsv(content, PHONES_SPEC, findings, ({ line, cells, refused }, columns) => {
    let rowHasError = refused.size > 0;
    const report = (column: PhoneColumn, issue: Issue) => {
      findings.add(line, column, issue);
      rowHasError = true;
    };

    const usable = new Set<PhoneColumn>();
    for (const column of columns) {
      const value = cells[column] ?? '';
      if (value === '' || refused.has(column)) continue;
      const formula = checkFormula(value);
      if (formula) report(column, formula);
      else usable.add(column);
    }

    const email = cells.email ?? '';
    const emailKey = email.toLowerCase();
    if (email === '') {
      report('email', {
        code: 'missing-value',
        message: 'email is required: the user whose WebRTC phone this is. This cell is blank.',
      });
    } else if (usable.has('email')) {
      const issue = checkEmail(email);
      if (issue) report('email', issue);
    }

    const person = peopleByEmail.get(emailKey);
    // A blank phone name means the person's name, as admins do in the UI. For someone not in this
    // batch it stays '' and plan takes the name from the org user.
    const name = cells.phone_name || person?.name || '';
    const baseSettings = cells.base_settings || config.phoneDefaults.baseSettings || '';
    const site = cells.site || config.phoneDefaults.site || '';
    const filled = [
      ['base_settings', baseSettings],
      ['site', site],
    ] as const;
    for (const [column, value] of filled) {
      if (value !== '') continue;
      report(column, {
        code: 'missing-value',
        message: `${column} is blank and batch.yml sets no phone_defaults.${column}; fill the cell or add the default.`,
      });
    }

    const nameKey = name.toLowerCase();
    if (name !== '') {
      const first = firstLineByName.get(nameKey);
      if (first === undefined) firstLineByName.set(nameKey, line);
      else {
        report('phone_name', {
          code: 'duplicate-phone-name',
          message: `Phone name ${quote(name)} is already used on line ${first}; phone names must be unique.`,
        });
      }
    }
    if (email !== '') {
      const first = firstLineByEmail.get(emailKey);
      if (first === undefined) firstLineByEmail.set(emailKey, line);
      else {
        report('email', {
          code: 'person-has-two-phones',
          message: `${quote(email)} already has a phone on line ${first}; a person gets one WebRTC phone.`,
        });
      }
    }
    if (rowHasError) return;

    rows.push({
      batch,
      file,
      line,
      name,
      baseSettings,
      site,
      email,
      emailKey,
      personInBatch: person !== undefined,
    });
  });
  return { rows, findings: findings.list() };
}
