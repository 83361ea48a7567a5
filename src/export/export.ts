// The org as people.csv and phones.csv, in exactly the templates validate and plan read, so that
// planning the export against the same org gives all `unchanged`. Pure.
//
// Every value is written as the org holds it. What a re-import would not read back as the same value
// is reported as a finding at its file, line and column: a cell a spreadsheet would run as a formula
// (written as is: the row then fails validate until someone changes it), a name the list columns
// cannot hold (left out: roles, queues and skills are only ever added, so leaving one out changes
// nothing), a manager, location or phone the file cannot express (left blank or out, which leaves it
// as it is). The text is then read back with the import's own parser as a final check.

import { DEFAULT_BATCH_CONFIG } from '../csv/batch-config.js';
import type { Finding } from '../csv/findings.js';
import { parsePeople, PEOPLE_COLUMNS, type PeopleColumn } from '../csv/people.js';
import { parsePhones, PHONE_COLUMNS, type PhoneColumn } from '../csv/phones.js';
import type { PersonRow } from '../csv/types.js';
import type { ExportData } from '../genesys/export-read.js';
import { matchesFilter, resolveFilter, type ExportFilter } from './filter.js';
import { byFoldedName, byName, indexData, type Org } from './org.js';
import { personDifferences, personRow, type Intended } from './people.js';
import { phoneDifferences, phoneRow } from './phones.js';
import type { Note, Row } from './row.js';

export type { ExportFilter } from './filter.js';

export interface ExportFiles {
  /** As findings name them; default `people.csv` and `phones.csv`. */
  people: string;
  phones: string;
}

export interface ExportCsv {
  /** UTF-8 text with a byte-order mark (so Excel shows accents), LF line ends. */
  peopleCsv: string;
  /** The header alone when nobody exported has a WebRTC phone (`phones` is 0). */
  phonesCsv: string;
  /** Rows written. */
  people: number;
  phones: number;
  findings: Finding[];
}

/** Excel reads a CSV as UTF-8 only when it starts with this; validate strips it. */
const BOM = '\uFEFF';

/** A cell as CSV: in double quotes (inner quotes doubled) when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Line breaks (LF, CRLF or a lone CR) in a value: a quoted record spans that many more lines. */
function lineBreaks(value: string): number {
  return (value.match(/\r\n|\r|\n/g) ?? []).length;
}

/** The CSV text and the physical line each row starts on (the header is line 1). */
function writeCsv<C extends string>(
  columns: readonly C[],
  rows: readonly Row<C>[],
): { text: string; lines: number[] } {
  const out = [columns.join(',')];
  const lines: number[] = [];
  let line = 2;
  for (const row of rows) {
    const values = columns.map((column) => row.cells[column]);
    lines.push(line);
    line += 1 + values.reduce((sum, value) => sum + lineBreaks(value), 0);
    out.push(values.map(csvCell).join(','));
  }
  return { text: `${BOM}${out.join('\n')}\n`, lines };
}

/** The export's findings, then the parser's own findings and any value it reads back differently. */
function collectFindings<C extends string>(
  file: string,
  rows: readonly Row<C>[],
  lines: readonly number[],
  parsed: { findings: Finding[] },
  differences: (line: number) => Note[],
): Finding[] {
  const findings: Finding[] = [];
  const covered = new Set<string>();
  const place = (line: number, column: string | null) => `${line}|${column ?? ''}`;
  rows.forEach((row, index) => {
    const line = lines[index] ?? 0;
    for (const note of row.notes) {
      findings.push({ ...note, file, line });
      covered.add(place(line, note.column));
    }
  });
  for (const finding of parsed.findings) {
    if (covered.has(place(finding.line, finding.column))) continue;
    findings.push({ ...finding, file });
    covered.add(place(finding.line, finding.column));
  }
  for (const line of lines) {
    for (const note of differences(line)) {
      if (covered.has(place(line, note.column))) continue;
      findings.push({ ...note, file, line });
      covered.add(place(line, note.column));
    }
  }
  return findings;
}

/**
 * people.csv and phones.csv for the active users the filter selects, sorted by email. Throws
 * ExportFilterError for a division the org does not have.
 */
export function exportCsv(
  data: ExportData,
  filter: ExportFilter = {},
  files: ExportFiles = { people: 'people.csv', phones: 'phones.csv' },
): ExportCsv {
  const resolved = resolveFilter(filter, data.divisions);
  const org = indexData(data);
  const users = data.users
    .filter((user) => user.state === 'active' && matchesFilter(user, resolved))
    .sort((a, b) => byFoldedName(a.email, b.email));
  const people = users.map((user) => personRow(user, org));
  const peopleRows = people.map((person) => person.row);
  const peopleText = writeCsv(PEOPLE_COLUMNS, peopleRows);
  const phones = phoneRows(people, peopleText.lines, org);
  const phonesText = writeCsv(PHONE_COLUMNS, phones.rows);
  const readBack = readPeopleBack(people, peopleText, files.people, org);
  const findings = [
    ...readBack.findings,
    // A phone that cannot be written is reported at its person's people.csv line.
    ...phones.notes.map(({ line, note }) => ({ ...note, file: files.people, line })),
    ...phoneFindings(phones.rows, phonesText, files.phones, readBack.byEmail, org),
  ].sort(byPlace);
  return {
    peopleCsv: peopleText.text,
    phonesCsv: phonesText.text,
    people: peopleRows.length,
    phones: phones.rows.length,
    findings,
  };
}

/** Findings in file order: by file, line, column, then code. */
const byPlace = (a: Finding, b: Finding) =>
  byName(a.file, b.file) ||
  a.line - b.line ||
  byName(a.column ?? '', b.column ?? '') ||
  byName(a.code, b.code);

/** The phones.csv rows, and the notes (at their person's line) on phones the file cannot hold. */
function phoneRows(
  people: readonly { intended: Intended }[],
  lines: readonly number[],
  org: Org,
): { rows: Row<PhoneColumn>[]; notes: { line: number; note: Note }[] } {
  const rows: Row<PhoneColumn>[] = [];
  const notes: { line: number; note: Note }[] = [];
  people.forEach((person, index) => {
    const result = phoneRow(person.intended.user, org);
    if (result === undefined) return;
    if ('cells' in result) rows.push(result);
    else notes.push({ line: lines[index] ?? 0, note: result });
  });
  return { rows, notes };
}

/**
 * people.csv read back exactly as validate reads it: the rows' notes, the parser's findings and the
 * differences; and the rows read, by email, for phones.csv.
 */
function readPeopleBack(
  people: readonly { row: Row<PeopleColumn>; intended: Intended }[],
  written: { text: string; lines: number[] },
  file: string,
  org: Org,
): { findings: Finding[]; byEmail: Map<string, PersonRow> } {
  const parsed = parsePeople(written.text, file, 'export');
  const byEmail = new Map(parsed.rows.map((row) => [row.emailKey, row]));
  const intendedByLine = new Map(people.map((person, index) => [written.lines[index] ?? 0, person.intended]));
  const rows = people.map((person) => person.row);
  const findings = collectFindings(file, rows, written.lines, parsed, (line) => {
    const intended = intendedByLine.get(line);
    const row = intended ? byEmail.get(intended.user.email.toLowerCase()) : undefined;
    return intended && row && row.line === line ? personDifferences(row, intended, org) : [];
  });
  return { findings, byEmail };
}

/** phones.csv read back as validate reads it, its people those of people.csv. */
function phoneFindings(
  rows: readonly Row<PhoneColumn>[],
  written: { text: string; lines: number[] },
  file: string,
  people: Map<string, PersonRow>,
  org: Org,
): Finding[] {
  // No phones: phones.csv is not written, so its "no rows" warning would be noise.
  if (rows.length === 0) return [];
  const parsed = parsePhones(written.text, file, 'export', DEFAULT_BATCH_CONFIG, people);
  const byLine = new Map(parsed.rows.map((row) => [row.line, row]));
  return collectFindings(file, rows, written.lines, parsed, (line) => {
    const wrote = rows[written.lines.indexOf(line)];
    return wrote ? phoneDifferences(byLine.get(line), wrote, org) : [];
  });
}
