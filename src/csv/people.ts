// people.csv: the Genesys people-import template, read into PersonRow values with a finding for
// every cell that would fail (or misbehave) in the import.

import {
  checkDate,
  checkEmail,
  checkExtension,
  checkFormula,
  checkPhone,
  parseQueues,
  parseRoles,
  parseSkills,
  type Parsed,
} from './cells.js';
import { finding, quote, type Issue } from './findings.js';
import { readCsv, type ColumnSpec } from './read.js';
import type { Finding, PersonRow } from './types.js';

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

export const PEOPLE_SPEC: ColumnSpec<PeopleColumn> = {
  kind: 'people.csv',
  columns: PEOPLE_COLUMNS,
  required: ['name', 'email'],
};

/** Single-value checks per column; the list columns are parsed below. */
const CELL_CHECKS: ReadonlyArray<[PeopleColumn, (value: string) => Issue | undefined]> = [
  ['email', checkEmail],
  ['email_manager', checkEmail],
  ['phone_work', checkPhone],
  ['extension', checkExtension],
  ['hire_date', checkDate],
];

export function parsePeople(
  content: Buffer | string,
  file: string,
  batch: string,
): { rows: PersonRow[]; findings: Finding[] } {
  const { table, findings } = readCsv(content, file, PEOPLE_SPEC);
  if (!table) return { rows: [], findings };

  const rows: PersonRow[] = [];
  const firstLineByEmail = new Map<string, number>();

  for (const { line, cells } of table.records) {
    let rowHasError = false;
    const report = (column: PeopleColumn | null, issue: Issue) => {
      findings.push(finding(file, line, column, issue));
      if ((issue.severity ?? 'error') === 'error') rowHasError = true;
    };

    // A cell that failed the formula check gets no further checks: one finding per cell.
    const usable = new Set<PeopleColumn>();
    for (const column of table.columns) {
      const value = cells[column] ?? '';
      if (value === '') continue;
      const formula = checkFormula(value, column === 'phone_work');
      if (formula) report(column, formula);
      else usable.add(column);
    }

    for (const column of ['name', 'email'] as const) {
      if ((cells[column] ?? '') === '') {
        report(column, { code: 'missing-value', message: `${column} is required; this cell is blank.` });
      }
    }
    for (const [column, check] of CELL_CHECKS) {
      const issue = usable.has(column) ? check(cells[column] ?? '') : undefined;
      if (issue) report(column, issue);
    }
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
    const roles = list('roles_divisions', parseRoles, []);
    const queues = list('queues', parseQueues, []);
    const skills = list('skills', parseSkills, []);

    const email = cells.email ?? '';
    const emailKey = email.toLowerCase();
    if (email !== '') {
      const first = firstLineByEmail.get(emailKey);
      if (first === undefined) firstLineByEmail.set(emailKey, line);
      else {
        report('email', {
          code: 'duplicate-email',
          message: `${quote(email)} is already on line ${first} of this file; list each person once.`,
        });
      }
    }
    if (rowHasError) continue;

    // Blank-cell rules (reference/genesys.md §1.3): the clearing columns keep '' so plan clears the
    // field; a missing column stays undefined so plan leaves it. The other columns never clear.
    const optional = (column: PeopleColumn) => (cells[column] ? cells[column] : undefined);
    rows.push({
      batch,
      file,
      line,
      name: cells.name ?? '',
      email,
      emailKey,
      phoneWork: cells.phone_work,
      extension: cells.extension,
      title: cells.title,
      department: cells.department,
      managerEmail: optional('email_manager'),
      location: optional('location_work'),
      roles,
      queues,
      division: optional('division'),
      skills,
      hireDate: optional('hire_date'),
    });
  }
  return { rows, findings };
}
