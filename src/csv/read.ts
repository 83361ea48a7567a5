// Turning the bytes of a CSV file into trimmed cells keyed by canonical column name, with the
// physical line where each record starts. Files that are not what they claim (wrong encoding,
// wrong delimiter, no header, too big) get one clear finding and no rows, never a flood.

import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import { finding, quote } from './findings.js';
import { didYouMeanSuffix } from './suggest.js';
import type { Finding } from './types.js';

/** Larger files are refused before parsing (the external-contacts import uses the same limit). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ColumnSpec<C extends string> {
  /** The file's name in messages, e.g. `people.csv`. */
  kind: string;
  /** Canonical header names, in template order. */
  columns: readonly C[];
  required: readonly C[];
  /** Other spellings of a header, compared after headerKey(). */
  aliases?: Readonly<Record<string, C>>;
}

export interface CsvRecord<C extends string> {
  /** 1-based physical line where the record starts. */
  line: number;
  /** Trimmed cells of the columns the header has. */
  cells: Partial<Record<C, string>>;
}

export interface CsvTable<C extends string> {
  /** Canonical columns present in the header. */
  columns: ReadonlySet<C>;
  records: CsvRecord<C>[];
}

/** Header cells match when equal after ignoring case, spaces, underscores and dashes. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s_-]+/g, '');
}

/** 1-based physical line (LF, CRLF or a lone CR ends a line) of a byte offset. */
function lineOfOffset(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const byte = bytes[i];
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** Offset of the first byte that breaks UTF-8, or 0 if the simple scan cannot pin it. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const extra =
      lead < 0x80 ? 0 : lead < 0xc2 ? -1 : lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : lead < 0xf5 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return 0;
}

function looksLikeUtf16(bytes: Buffer): boolean {
  const [a, b] = [bytes[0], bytes[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true;
  const sample = bytes.subarray(0, 4096);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  // UTF-16 text in Latin script is about half NUL bytes; real CSV text has none.
  return zeros * 4 >= sample.length;
}

/** The file-level problems that make parsing pointless: size, emptiness, encoding, delimiter. */
function fileProblem(bytes: Buffer, file: string, kind: string): Finding | undefined {
  const saveAs = 'In Excel use File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)"';
  if (bytes.length > MAX_FILE_BYTES) {
    return finding(file, 1, null, {
      code: 'file-too-large',
      message: `${kind} is larger than the 10 MB limit; split it into several batches.`,
    });
  }
  if (bytes.length > 0 && looksLikeUtf16(bytes)) {
    return finding(file, 1, null, {
      code: 'utf16-encoding',
      message: `${kind} is saved as UTF-16 ("Unicode Text"), not as CSV UTF-8. ${saveAs}.`,
    });
  }
  if (!isUtf8(bytes)) {
    const line = lineOfOffset(bytes, firstInvalidUtf8(bytes));
    return finding(file, line, null, {
      code: 'invalid-utf8',
      message: `${kind} is not saved as UTF-8 (the first character that is not UTF-8 is on line ${line}). ${saveAs}.`,
    });
  }
  const text = bytes.toString('utf8', 0, Math.min(bytes.length, 64 * 1024)).replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return finding(file, 1, null, {
      code: 'empty-file',
      message: `${kind} is empty; it needs at least the header row and one row of data.`,
    });
  }
  const lines = text.split(/\r\n|\n|\r/);
  const index = lines.findIndex((line) => line.trim() !== '');
  const header = lines[index] ?? '';
  if (!header.includes(',') && (header.includes(';') || header.includes('\t'))) {
    const delimiter = header.includes(';') ? 'semicolons (;)' : 'tabs';
    return finding(file, index + 1, null, {
      code: 'wrong-delimiter',
      message: `${kind} is separated by ${delimiter}, not commas. ${saveAs}.`,
    });
  }
  return undefined;
}

interface ParsedRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  cells: string[];
}

/**
 * csv-parse with line info. Empty lines are skipped by the parser itself: keeping them as records
 * costs about 30 µs each in csv-parse, which made a 10 MB file of blank lines take minutes.
 * csv-parse reports the line a record ends on; it starts as many lines earlier as its cells hold line breaks.
 */
function parseRecords(bytes: Buffer): { records: ParsedRecord[]; unclosedQuote: boolean } {
  let unclosedQuote = false;
  const parsed = parse(bytes, {
    bom: true,
    info: true,
    relax_column_count: true,
    // A stray quote inside a cell is kept as text rather than failing the rest of the file.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error?.code === 'CSV_QUOTE_NOT_CLOSED') unclosedQuote = true;
      return undefined;
    },
  }) as unknown as { info: { lines: number }; record: string[] }[];
  // csv-parse counts a CRLF inside a quoted cell as two lines; take those back out.
  let crlfInCells = 0;
  const records = parsed.map(({ info, record }) => {
    for (const cell of record) if (cell.includes('\r\n')) crlfInCells += cell.split('\r\n').length - 1;
    return { line: info.lines - crlfInCells - lineBreaks(record), cells: record };
  });
  return { records, unclosedQuote };
}

/** Line breaks (LF, CRLF or a lone CR) inside the cells of one record. */
function lineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (!cell.includes('\n') && !cell.includes('\r')) continue;
    for (let i = 0; i < cell.length; i++) {
      const code = cell.charCodeAt(i);
      if (code === 10 || (code === 13 && cell.charCodeAt(i + 1) !== 10)) count++;
    }
  }
  return count;
}

/** The first line after `line` that holds more than spaces: where a record that failed to parse starts. */
function firstContentLineAfter(bytes: Buffer, line: number): number {
  const lines = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/);
  for (let i = line; i < lines.length; i++) if ((lines[i] ?? '').trim() !== '') return i + 1;
  return line + 1;
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

interface HeaderMap<C extends string> {
  /** Canonical column at each position, or null for a blank or unknown header cell. */
  positions: (C | null)[];
  /** Positions whose header cell is blank: a value there belongs to no column. */
  blank: boolean[];
  findings: Finding[];
  fatal: boolean;
}

function mapHeader<C extends string>(
  header: readonly string[],
  line: number,
  file: string,
  spec: ColumnSpec<C>,
): HeaderMap<C> {
  const template = spec.columns.join(',');
  const byKey = new Map<string, C>();
  for (const column of spec.columns) byKey.set(headerKey(column), column);
  for (const [alias, column] of Object.entries(spec.aliases ?? {})) byKey.set(headerKey(alias), column);

  const cells = header.map((cell) => cell.trim());
  const positions = cells.map((cell) => (cell === '' ? null : (byKey.get(headerKey(cell)) ?? null)));
  const blank = cells.map((cell) => cell === '');
  const recognised = positions.filter((column) => column !== null).length;
  if (cells.some((cell) => cell.includes('@')) || recognised === 0) {
    const shown = cells.slice(0, 3).map(quote).join(', ');
    return {
      positions,
      blank,
      fatal: true,
      findings: [
        finding(file, line, null, {
          code: 'missing-header',
          message: `The first row (${shown}) is not the header of ${spec.kind}. Add the header row: ${template}.`,
        }),
      ],
    };
  }

  const findings: Finding[] = [];
  let fatal = false;
  const seen = new Set<C>();
  cells.forEach((cell, i) => {
    const column = positions[i];
    if (cell === '' || column === undefined) return;
    if (column === null) {
      findings.push(
        finding(file, line, null, {
          code: 'unknown-column',
          message: `${quote(cell)} is not a ${spec.kind} column${didYouMeanSuffix(cell, spec.columns)}. The columns are: ${template}.`,
        }),
      );
    } else if (seen.has(column)) {
      fatal = true;
      findings.push(
        finding(file, line, column, {
          code: 'duplicate-column',
          message: `The header has column ${quote(column)} twice (${quote(cell)}); keep one.`,
        }),
      );
    }
    if (column !== null) seen.add(column);
  });
  for (const column of spec.required) {
    if (seen.has(column)) continue;
    fatal = true;
    findings.push(
      finding(file, line, column, {
        code: 'missing-column',
        message: `${spec.kind} has no ${quote(column)} column; it is required.`,
      }),
    );
  }
  return { positions, blank, findings, fatal };
}

/**
 * Read one CSV file. `table` is undefined when the file as a whole is unusable; otherwise it holds
 * the records that have the header's shape (other records get a finding and are left out).
 */
export function readCsv<C extends string>(
  content: Buffer | string,
  file: string,
  spec: ColumnSpec<C>,
): { table?: CsvTable<C>; findings: Finding[] } {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const problem = fileProblem(bytes, file, spec.kind);
  if (problem) return { findings: [problem] };

  const { records, unclosedQuote } = parseRecords(bytes);
  const findings: Finding[] = [];
  let headerMap: HeaderMap<C> | undefined;
  const table: CsvTable<C> = { columns: new Set<C>(), records: [] };
  let lastLine = 1;

  for (const { line, cells: record } of records) {
    lastLine = line + lineBreaks(record);
    if (isBlank(record)) continue;
    if (!headerMap) {
      headerMap = mapHeader(record, line, file, spec);
      findings.push(...headerMap.findings);
      if (headerMap.fatal) return { findings };
      table.columns = new Set(headerMap.positions.filter((column) => column !== null));
      continue;
    }
    if (record.length !== headerMap.positions.length) {
      findings.push(
        finding(file, line, null, {
          code: 'column-count',
          message: `This row has ${record.length} cells but the header has ${headerMap.positions.length}. A cell that contains a comma must be in double quotes.`,
        }),
      );
      continue;
    }
    const cells: Partial<Record<C, string>> = {};
    let unnamed = false;
    record.forEach((cell, i) => {
      const column = headerMap?.positions[i];
      const value = cell.trim();
      if (column) cells[column] = value;
      else if (value !== '' && headerMap?.blank[i]) unnamed = true;
    });
    if (unnamed) {
      findings.push(
        finding(file, line, null, {
          code: 'unnamed-column',
          message:
            'This row has a value in a column whose header cell is blank; name the column or clear the cell.',
        }),
      );
      continue;
    }
    table.records.push({ line, cells });
  }

  if (unclosedQuote) {
    findings.push(
      finding(file, firstContentLineAfter(bytes, records.length > 0 ? lastLine : 0), null, {
        code: 'unclosed-quote',
        message:
          'A double quote (") opened in this row is never closed, so the rest of the file reads as one cell. Close the quote or remove it.',
      }),
    );
  }
  if (!headerMap) {
    // Only blank rows (for example a line of commas), or a quote that swallowed the header.
    if (!unclosedQuote) {
      findings.push(
        finding(file, 1, null, {
          code: 'empty-file',
          message: `${spec.kind} has no header row and no data.`,
        }),
      );
    }
    return { findings };
  }
  if (table.records.length === 0 && findings.length === 0) {
    findings.push(
      finding(file, 1, null, {
        severity: 'warning',
        code: 'no-rows',
        message: `${spec.kind} has a header but no rows; nothing will be imported from it.`,
      }),
    );
  }
  return { table, findings };
}
