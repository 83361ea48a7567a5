// phones.csv: one WebRTC phone per row (name, base settings, site, and the user whose default phone
// it becomes). Blank cells are filled from the person's name and batch.yml phone_defaults.

import { checkEmail, checkFormula } from './cells.js';
import { FileFindings, quote, type Finding, type Issue } from './findings.js';
import { readCsv, type ColumnSpec } from './read.js';
import type { BatchConfig, PersonRow, PhoneRow } from './types.js';

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

/**
 * The one rule "a person gets one WebRTC phone", wherever the other phone is: an earlier line of this
 * file (here), a row of another batch, or the org (plan/phones.ts). `earlier` says where.
 */
export function secondPhone(email: string, earlier: string): Issue {
  return {
    code: 'person-has-two-phones',
    message: `${quote(email)} already has a phone ${earlier}; a person gets one WebRTC phone.`,
  };
}

/** What reading one file's rows shares: where its names and people were first seen. */
interface PhoneFile {
  file: string;
  batch: string;
  config: BatchConfig;
  peopleByEmail: Map<string, PersonRow>;
  firstLineByName: Map<string, number>;
  firstLineByEmail: Map<string, number>;
}

export function parsePhones(
  content: Buffer | string,
  file: string,
  batch: string,
  config: BatchConfig,
  peopleByEmail: Map<string, PersonRow>,
): { rows: PhoneRow[]; findings: Finding[] } {
  const findings = new FileFindings(file);
  const rows: PhoneRow[] = [];
  const phoneFile: PhoneFile = {
    file,
    batch,
    config,
    peopleByEmail,
    firstLineByName: new Map(),
    firstLineByEmail: new Map(),
  };
  readCsv(content, PHONES_SPEC, findings, ({ line, cells, refused }, columns) => {
    let rowHasError = refused.size > 0;
    const report = (column: PhoneColumn, issue: Issue) => {
      findings.add(line, column, issue);
      rowHasError = true;
    };
    const usable = usableCells(cells, columns, refused, report);
    const row = phoneRow(line, cells, usable, phoneFile, report);
    if (!rowHasError) rows.push(row);
  });
  return { rows, findings: findings.list() };
}

type Report = (column: PhoneColumn, issue: Issue) => void;

/** The cells that hold a value and no spreadsheet formula. */
function usableCells(
  cells: Partial<Record<PhoneColumn, string>>,
  columns: ReadonlySet<PhoneColumn>,
  refused: ReadonlySet<PhoneColumn>,
  report: Report,
): Set<PhoneColumn> {
  const usable = new Set<PhoneColumn>();
  for (const column of columns) {
    const value = cells[column] ?? '';
    if (value === '' || refused.has(column)) continue;
    const formula = checkFormula(value);
    if (formula) report(column, formula);
    else usable.add(column);
  }
  return usable;
}

/** One row with its blank cells filled (the person's name, batch.yml phone_defaults); its problems reported. */
function phoneRow(
  line: number,
  cells: Partial<Record<PhoneColumn, string>>,
  usable: ReadonlySet<PhoneColumn>,
  phoneFile: PhoneFile,
  report: Report,
): PhoneRow {
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
  const person = phoneFile.peopleByEmail.get(emailKey);
  // A blank phone name means the person's name, as admins do in the UI. For someone not in this
  // batch it stays '' and plan takes the name from the org user.
  const name = cells.phone_name || person?.name || '';
  const { phoneDefaults } = phoneFile.config;
  const baseSettings = cells.base_settings || phoneDefaults.baseSettings || '';
  const site = cells.site || phoneDefaults.site || '';
  for (const [column, value] of [
    ['base_settings', baseSettings],
    ['site', site],
  ] as const) {
    if (value !== '') continue;
    report(column, {
      code: 'missing-value',
      message: `${column} is blank and batch.yml sets no phone_defaults.${column}; fill the cell or add the default.`,
    });
  }
  checkOnce(line, { name, email }, phoneFile, report);
  const { file, batch } = phoneFile;
  return {
    batch,
    file,
    line,
    name,
    baseSettings,
    site,
    email,
    emailKey,
    personInBatch: person !== undefined,
  };
}

/** A phone name, and a person's phone, once in the file (validate checks across batches). */
function checkOnce(
  line: number,
  row: { name: string; email: string },
  phoneFile: PhoneFile,
  report: Report,
): void {
  const nameKey = row.name.toLowerCase();
  if (row.name !== '') {
    const first = phoneFile.firstLineByName.get(nameKey);
    if (first === undefined) phoneFile.firstLineByName.set(nameKey, line);
    else {
      report('phone_name', {
        code: 'duplicate-phone-name',
        message: `Phone name ${quote(row.name)} is already used on line ${first}; phone names must be unique.`,
      });
    }
  }
  if (row.email === '') return;
  const emailKey = row.email.toLowerCase();
  const first = phoneFile.firstLineByEmail.get(emailKey);
  if (first === undefined) phoneFile.firstLineByEmail.set(emailKey, line);
  else report('email', secondPhone(row.email, `on line ${first}`));
}
