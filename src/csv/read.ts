// Turning the bytes of a CSV file into trimmed cells keyed by canonical column name, with the
// physical line where each record starts (LF, CRLF and lone CR mixed). Files that are not what they
// claim (not UTF-8, wrong delimiter, no header, too big) get one clear finding and no rows, never a flood. Records are
// handed over one at a time and never kept, so memory grows with the rows a caller keeps, not the file.

import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import { checkCharacters, checkLength, hasSuspectCharacters } from './characters.js';
import { quote, type FileFindings } from './findings.js';
import { didYouMeanSuffix } from './suggest.js';
import { plural } from './words.js';

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
  /** The longest value each column takes, in characters. */
  maxLength: Readonly<Record<C, number>>;
}

export interface CsvRecord<C extends string> {
  /** 1-based physical line where the record starts. */
  line: number;
  /** Trimmed cells of the columns the header has. */
  cells: Partial<Record<C, string>>;
  /** Columns whose cell already has an error (a character or length the org must not get): check them no further. */
  refused: ReadonlySet<C>;
}

const LF = 0x0a;
const CR = 0x0d;
const NONE: ReadonlySet<never> = new Set();

/** Header cells match when equal after ignoring case, spaces, underscores and dashes. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Counts lines (LF, CRLF or a lone CR ends one) up to a byte offset; offsets only move forward, so a file costs one pass. */
class LineCursor {
  private offset = 0;
  private line = 1;

  constructor(private readonly bytes: Buffer) {}

  /** 1-based line of the byte at `offset`. */
  at(offset: number): number {
    const { bytes } = this;
    for (; this.offset < offset; this.offset++) {
      const byte = bytes[this.offset];
      if (byte === LF || (byte === CR && bytes[this.offset + 1] !== LF)) this.line++;
    }
    return this.line;
  }
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

/** Length of the UTF-8 sequence starting at `i`, or 0 when the bytes there are not UTF-8. */
function utf8Length(bytes: Buffer, i: number): number {
  const lead = bytes[i] ?? 0;
  if (lead < 0x80) return 1;
  const extra = lead < 0xc2 ? -1 : lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : lead < 0xf5 ? 3 : -1;
  if (extra < 0) return 0;
  const second = bytes[i + 1] ?? 0;
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
  const [low, high] =
    lead === 0xe0
      ? [0xa0, 0xbf]
      : lead === 0xed
        ? [0x80, 0x9f]
        : lead === 0xf0
          ? [0x90, 0xbf]
          : lead === 0xf4
            ? [0x80, 0x8f]
            : [0x80, 0xbf];
  if (second < low || second > high) return 0;
  for (let k = 2; k <= extra; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  return extra + 1;
}

/** The lines holding bytes that are not UTF-8, in order (each line once). */
export function invalidUtf8Lines(bytes: Buffer): number[] {
  const lines: number[] = [];
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i];
    if (byte === LF || (byte === CR && bytes[i + 1] !== LF)) line++;
    const length = utf8Length(bytes, i);
    if (length === 0 && lines[lines.length - 1] !== line) lines.push(line);
    i += Math.max(length, 1);
  }
  return lines;
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

const SAVE_AS = 'In Excel use File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)"';

const bomLength = (bytes: Buffer) => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);

/** Offset of the first byte that is not a space, tab, line break or the leading BOM; -1 for none. */
function firstContent(bytes: Buffer): number {
  const start = bomLength(bytes);
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== LF && byte !== CR) return i;
  }
  return -1;
}

/** The file-level problems that make parsing pointless: size, emptiness, encoding, delimiter. */
function fileProblem(bytes: Buffer, kind: string, findings: FileFindings): boolean {
  if (bytes.length > MAX_FILE_BYTES) {
    findings.add(1, null, {
      code: 'file-too-large',
      message: `${kind} is larger than the 10 MB limit; split it into several batches.`,
    });
    return true;
  }
  if (bytes.length > 0 && looksLikeUtf16(bytes)) {
    findings.add(1, null, {
      code: 'utf16-encoding',
      message: `${kind} is saved as UTF-16 ("Unicode Text"), not as CSV UTF-8. ${SAVE_AS}.`,
    });
    return true;
  }
  if (!isUtf8(bytes)) {
    // One finding for the file, at the first line that cannot be read: a file saved in another
    // encoding has such characters on many lines, and the fix is to save it again, not to edit each.
    const [first = 1, ...more] = invalidUtf8Lines(bytes);
    const others =
      more.length === 0
        ? ''
        : ` (and ${plural(more.length, 'more line')}, e.g. ${more.slice(0, 3).join(', ')})`;
    findings.add(first, null, {
      code: 'invalid-utf8',
      message: `${kind} is not saved as UTF-8: line ${first}${others} has characters that cannot be read. ${SAVE_AS}.`,
    });
    return true;
  }
  // Blank lines before the header are skipped, however many there are.
  const content = firstContent(bytes);
  if (content < 0) {
    findings.add(1, null, {
      code: 'empty-file',
      message: `${kind} is empty; it needs at least the header row and one row of data.`,
    });
    return true;
  }
  let start = content;
  while (start > 0 && bytes[start - 1] !== LF && bytes[start - 1] !== CR) start--;
  let end = content;
  while (end < bytes.length && bytes[end] !== LF && bytes[end] !== CR) end++;
  const header = bytes.toString('utf8', start, end);
  if (!header.includes(',') && (header.includes(';') || header.includes('\t'))) {
    const delimiter = header.includes(';') ? 'semicolons (;)' : 'tabs';
    findings.add(new LineCursor(bytes).at(start), null, {
      code: 'wrong-delimiter',
      message: `${kind} is separated by ${delimiter}, not commas. ${SAVE_AS}.`,
    });
    return true;
  }
  return false;
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

interface HeaderMap<C extends string> {
  /** Canonical column at each position, or null for a blank or unknown header cell. */
  positions: (C | null)[];
  /** Positions whose header cell is blank: a value there belongs to no column. */
  blank: boolean[];
  columns: ReadonlySet<C>;
  fatal: boolean;
}

function mapHeader<C extends string>(
  header: readonly string[],
  line: number,
  spec: ColumnSpec<C>,
  findings: FileFindings,
): HeaderMap<C> {
  const template = spec.columns.join(',');
  const byKey = new Map<string, C>();
  for (const column of spec.columns) byKey.set(headerKey(column), column);
  for (const [alias, column] of Object.entries(spec.aliases ?? {})) byKey.set(headerKey(alias), column);

  const cells = header.map((cell) => cell.trim());
  const positions = cells.map((cell) => (cell === '' ? null : (byKey.get(headerKey(cell)) ?? null)));
  const blank = cells.map((cell) => cell === '');
  const columns = new Set<C>();
  for (const column of positions) if (column !== null) columns.add(column);
  if (cells.some((cell) => cell.includes('@')) || columns.size === 0) {
    const shown = cells.slice(0, 3).map(quote).join(', ');
    findings.add(line, null, {
      code: 'missing-header',
      message: `The first row (${shown}) is not the header of ${spec.kind}. Add the header row: ${template}.`,
    });
    return { positions, blank, columns, fatal: true };
  }

  let fatal = false;
  const seen = new Set<C>();
  cells.forEach((cell, i) => {
    const column = positions[i];
    if (cell === '' || column === undefined) return;
    if (column === null) {
      findings.add(line, null, {
        code: 'unknown-column',
        message: `${quote(cell)} is not a ${spec.kind} column${didYouMeanSuffix(cell, spec.columns)}. The columns are: ${template}.`,
      });
    } else if (seen.has(column)) {
      fatal = true;
      findings.add(line, column, {
        code: 'duplicate-column',
        message: `The header has column ${quote(column)} twice (${quote(cell)}); keep one.`,
      });
    }
    if (column !== null) seen.add(column);
  });
  for (const column of spec.required) {
    if (seen.has(column)) continue;
    fatal = true;
    findings.add(line, column, {
      code: 'missing-column',
      message: `${spec.kind} has no ${quote(column)} column; it is required.`,
    });
  }
  return { positions, blank, columns, fatal };
}

/**
 * Read one CSV file, calling `visit` for each record that has the header's shape (other records get
 * a finding and are left out). Returns the header's columns, or undefined when the file as a whole is
 * unusable. Findings go to `findings`, in reading order.
 */
export function readCsv<C extends string>(
  content: Buffer | string,
  spec: ColumnSpec<C>,
  findings: FileFindings,
  visit: (record: CsvRecord<C>, columns: ReadonlySet<C>) => void,
): ReadonlySet<C> | undefined {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (fileProblem(bytes, spec.kind, findings)) return undefined;

  const checkChars = hasSuspectCharacters(bytes.toString('utf8', bomLength(bytes)));
  const cursor = new LineCursor(bytes);
  let header: HeaderMap<C> | undefined;
  let stopped = false;
  let delivered = 0;
  let previousEnd = 0;
  let unclosedAt: number | undefined;

  const onRecord = (record: string[], end: number) => {
    previousEnd = end;
    if (stopped) return;
    // csv-parse reports the byte after a record; it starts as many lines earlier as its cells hold line breaks.
    const lastLine = cursor.at(end - 1);
    const line = lastLine - lineBreaks(record);
    if (isBlank(record)) return;
    if (!header) {
      header = mapHeader(record, line, spec, findings);
      stopped = header.fatal;
      return;
    }
    const row = toRecord(record, line, header, { spec, findings, checkChars });
    if (!row) return;
    delivered++;
    visit(row, header.columns);
  };

  parse(bytes, {
    bom: true,
    // Any mix of LF, CRLF and lone CR ends a record; csv-parse would otherwise take the first one it sees.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    // A stray quote inside a cell is kept as text rather than failing the rest of the file.
    relax_quotes: true,
    // Empty lines are skipped by the parser itself: as records they cost about 30 µs each.
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error?.code !== 'CSV_QUOTE_NOT_CLOSED') return undefined;
      // The record that failed starts at the first line with content after the last one read.
      let start = previousEnd;
      while (bytes[start] === LF || bytes[start] === CR) start++;
      unclosedAt = cursor.at(start);
      return undefined;
    },
    // Each record is handled here and dropped: the parser keeps nothing.
    on_record: (record: string[], info) => {
      onRecord(record, info.bytes);
      return undefined;
    },
  });

  return endOfFile(header, delivered, stopped ? undefined : unclosedAt, spec, findings);
}

/** What reading one data record needs besides the record. */
interface RecordContext<C extends string> {
  spec: ColumnSpec<C>;
  findings: FileFindings;
  /** The file holds characters worth checking cell by cell (most files do not). */
  checkChars: boolean;
}

/** One data record as trimmed cells by column, or undefined (with a finding) when it is not the header's shape. */
function toRecord<C extends string>(
  record: string[],
  line: number,
  header: HeaderMap<C>,
  { spec, findings, checkChars }: RecordContext<C>,
): CsvRecord<C> | undefined {
  if (record.length !== header.positions.length) {
    findings.add(line, null, {
      code: 'column-count',
      message: `This row has ${record.length} cells but the header has ${header.positions.length}. A cell that contains a comma must be in double quotes.`,
    });
    return undefined;
  }
  const cells: Partial<Record<C, string>> = {};
  let unnamed = false;
  for (let i = 0; i < record.length; i++) {
    const column = header.positions[i];
    const value = (record[i] ?? '').trim();
    if (column) cells[column] = value;
    else if (value !== '' && header.blank[i]) unnamed = true;
  }
  if (unnamed) {
    findings.add(line, null, {
      code: 'unnamed-column',
      message:
        'This row has a value in a column whose header cell is blank; name the column or clear the cell.',
    });
    return undefined;
  }
  let refused: Set<C> | undefined;
  for (const column of header.columns) {
    const value = cells[column] ?? '';
    if (value === '') continue;
    const issue =
      checkLength(value, column, spec.maxLength[column]) ??
      (checkChars ? checkCharacters(value, column) : undefined);
    if (!issue) continue;
    findings.add(line, column, issue);
    if (issue.severity !== 'warning') (refused ??= new Set()).add(column);
  }
  return { line, cells, refused: refused ?? NONE };
}

/** The file-level findings once every record was read; the header's columns, or undefined when unusable. */
function endOfFile<C extends string>(
  header: HeaderMap<C> | undefined,
  delivered: number,
  unclosedAt: number | undefined,
  spec: ColumnSpec<C>,
  findings: FileFindings,
): ReadonlySet<C> | undefined {
  if (unclosedAt !== undefined) {
    findings.add(unclosedAt, null, {
      code: 'unclosed-quote',
      message:
        'A double quote (") opened in this row is never closed, so the rest of the file reads as one cell. Close the quote or remove it.',
    });
  }
  if (!header) {
    // Only blank rows (for example a line of commas), or a quote that swallowed the header.
    if (unclosedAt === undefined) {
      findings.add(1, null, { code: 'empty-file', message: `${spec.kind} has no header row and no data.` });
    }
    return undefined;
  }
  if (header.fatal) return undefined;
  if (delivered === 0 && findings.kept.length === 0) {
    findings.add(1, null, {
      severity: 'warning',
      code: 'no-rows',
      message: `${spec.kind} has a header but no rows; nothing will be imported from it.`,
    });
  }
  return header.columns;
}
