// people.csv: the Genesys people-import template, read into PersonRow values with a finding for
// every cell that would fail (or misbehave) in the import.

import {
  checkDate,
  checkEmail,
  checkExtension,
  checkFormula,
  checkPhone,
  isPhoneNumber,
  parseQueues,
  parseRoles,
  parseSkills,
  type Parsed,
} from './cells.js';
import { FileFindings, quote, type Finding, type Issue } from './findings.js';
import { readCsv, type ColumnSpec } from './read.js';
import type { PersonRow } from './types.js';

/** The template's header names, in template order (hire_date is optional, like every column but name and email). */
export const PEOPLE_COLUMNS = [
  'name',
  'email',
  'phone_work',
  'extension',
  'title',
  'department',
  'email_manager',
  'location_work',
  'roles_divisions',
  'queues',
  'division',
  'skills',
  'hire_date',
] as const;

export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];

/** Names of things (a person, title, location, division): 255 characters; emails: 254 (RFC 5321); lists: 10,000. */
const NAME_LENGTH = 255;
const EMAIL_LENGTH = 254;

export const PEOPLE_SPEC: ColumnSpec<PeopleColumn> = {
  kind: 'people.csv',
  columns: PEOPLE_COLUMNS,
  required: ['name', 'email'],
  maxLength: {
    name: NAME_LENGTH,
    email: EMAIL_LENGTH,
    phone_work: 50,
    extension: 50,
    title: NAME_LENGTH,
    department: NAME_LENGTH,
    email_manager: EMAIL_LENGTH,
    location_work: NAME_LENGTH,
    roles_divisions: 10_000,
    queues: 10_000,
    division: NAME_LENGTH,
    skills: 10_000,
    hire_date: 50,
  },
};

/**
 * The empty list every row without roles, queues or skills shares: one per row cost 100 bytes a row,
 * a tenth of the memory of a 10 MB file. Frozen, so that a consumer that pushed would fail loudly.
 */
const EMPTY = Object.freeze([]) as never[];

/** Blank-cell rules (reference/genesys.md §1.3): a blank cell of these columns is '' (plan clears the field); a missing column leaves it. */
const CLEARING = [
  ['phone_work', 'phoneWork'],
  ['extension', 'extension'],
  ['title', 'title'],
  ['department', 'department'],
] as const satisfies ReadonlyArray<[PeopleColumn, keyof PersonRow]>;

/** A blank cell of these columns never clears anything: blank and missing both leave the field. */
const LEAVING = [
  ['email_manager', 'managerEmail'],
  ['location_work', 'location'],
  ['division', 'division'],
  ['hire_date', 'hireDate'],
] as const satisfies ReadonlyArray<[PeopleColumn, keyof PersonRow]>;

/**
 * `+1` and ten digits, area code and exchange from 2 (NANP: most orgs' numbers). Ten digits is a length
 * every NANP country's numbers have, so checkPhone's library would accept it, at about 30 µs a number:
 * most of validate's time on a batch of work phones. test/csv/people.test.ts checks the two agree.
 */
const NANP_NUMBER = /^\+1[ .-]?(?:\([2-9]\d\d\)|[2-9]\d\d)[ .-]?[2-9]\d\d[ .-]?\d{4}$/;

export function checkWorkPhone(value: string): Issue | undefined {
  return NANP_NUMBER.test(value) && isPhoneNumber(value) ? undefined : checkPhone(value);
}

/** Single-value checks per column; the list columns are parsed below. */
const CELL_CHECKS: ReadonlyArray<[PeopleColumn, (value: string) => Issue | undefined]> = [
  ['email', checkEmail],
  ['email_manager', checkEmail],
  ['phone_work', checkWorkPhone],
  ['extension', checkExtension],
  ['hire_date', checkDate],
];

export function parsePeople(
  content: Buffer | string,
  file: string,
  batch: string,
): { rows: PersonRow[]; findings: Finding[] } {
  const findings = new FileFindings(file);
  const rows: PersonRow[] = [];
  const firstLineByEmail = new Map<string, number>();

  readCsv(content, PEOPLE_SPEC, findings, ({ line, cells, refused }, columns) => {
    let rowHasError = refused.size > 0;
    const report: Report = (column, issue) => {
      findings.add(line, column, issue);
      if ((issue.severity ?? 'error') === 'error') rowHasError = true;
    };
    const usable = usableCells(cells, columns, refused, report);
    checkCells(cells, usable, report);
    const lists = personLists(cells, usable, report);
    checkOnce(line, cells.email ?? '', firstLineByEmail, report);
    if (!rowHasError) rows.push(personRow({ batch, file, line }, cells, lists));
  });
  return { rows, findings: findings.list() };
}

type Cells = Partial<Record<PeopleColumn, string>>;
type Report = (column: PeopleColumn, issue: Issue) => void;

/** The cells with a value that passed the character, length and formula checks; the rest get no more checks (one finding a cell). */
function usableCells(
  cells: Cells,
  columns: ReadonlySet<PeopleColumn>,
  refused: ReadonlySet<PeopleColumn>,
  report: Report,
): Set<PeopleColumn> {
  const usable = new Set<PeopleColumn>();
  for (const column of columns) {
    const value = cells[column] ?? '';
    if (value === '' || refused.has(column)) continue;
    const formula = checkFormula(value, column === 'phone_work');
    if (formula) report(column, formula);
    else usable.add(column);
  }
  return usable;
}

/** The required cells, then the single-value checks of the usable ones. */
function checkCells(cells: Cells, usable: ReadonlySet<PeopleColumn>, report: Report): void {
  for (const column of ['name', 'email'] as const) {
    if ((cells[column] ?? '') === '') {
      report(column, { code: 'missing-value', message: `${column} is required; this cell is blank.` });
    }
  }
  for (const [column, check] of CELL_CHECKS) {
    const issue = usable.has(column) ? check(cells[column] ?? '') : undefined;
    if (issue) report(column, issue);
  }
}

type PersonLists = Pick<PersonRow, 'roles' | 'queues' | 'skills'>;

/** The list columns parsed; a cell that is blank, unusable or fails to parse gives the shared empty list. */
function personLists(cells: Cells, usable: ReadonlySet<PeopleColumn>, report: Report): PersonLists {
  const list = <T>(column: PeopleColumn, parser: (value: string) => Parsed<T>, empty: T): T => {
    if (!usable.has(column)) return empty;
    const parsed = parser(cells[column] ?? '');
    if ('error' in parsed) {
      report(column, parsed.error);
      return empty;
    }
    for (const warning of parsed.warnings) report(column, warning);
    return parsed.value;
  };
  return {
    roles: list('roles_divisions', parseRoles, EMPTY),
    queues: list('queues', parseQueues, EMPTY),
    skills: list('skills', parseSkills, EMPTY),
  };
}

/** A person once in the file (validate checks across batches). */
function checkOnce(line: number, email: string, firstLineByEmail: Map<string, number>, report: Report): void {
  if (email === '') return;
  const emailKey = email.toLowerCase();
  const first = firstLineByEmail.get(emailKey);
  if (first === undefined) firstLineByEmail.set(emailKey, line);
  else {
    report('email', {
      code: 'duplicate-email',
      message: `${quote(email)} is already on line ${first} of this file; list each person once.`,
    });
  }
}

/**
 * A row without errors as a PersonRow. Blank-cell rules (reference/genesys.md §1.3): the clearing
 * columns keep '' so plan clears the field; a missing column stays undefined so plan leaves it. The
 * other columns never clear. A field that is undefined is left out of the object rather than set to
 * undefined: on a file of short rows those empty slots were a quarter of the memory.
 */
function personRow(
  where: Pick<PersonRow, 'batch' | 'file' | 'line'>,
  cells: Cells,
  lists: PersonLists,
): PersonRow {
  const email = cells.email ?? '';
  const row: PersonRow = {
    batch: where.batch,
    file: where.file,
    line: where.line,
    name: cells.name ?? '',
    email,
    emailKey: email.toLowerCase(),
    roles: lists.roles,
    queues: lists.queues,
    skills: lists.skills,
  };
  for (const [column, field] of CLEARING) {
    const value = cells[column];
    if (value !== undefined) row[field] = value;
  }
  for (const [column, field] of LEAVING) {
    const value = cells[column];
    if (value) row[field] = value;
  }
  return row;
}
