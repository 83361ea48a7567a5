// How fast the imports are validated: the batch that `npm run bench` applies (N people with every
// column filled, one WebRTC phone each; bench/generate.ts), timed through csv-parse alone (the floor:
// tokenising the same bytes of people.csv and phones.csv) and through validateImportSet (every check).
// Run: npx tsx bench/validate.ts [rows]
//
// Memory: npx tsx bench/validate.ts --memory [minimal|shortest|findings] validates one people.csv
// just under the 10 MB limit, once, in a fresh process, and prints the process's peak RSS: minimal
// rows are `Person N,personN@example.org` (about 275,000), shortest rows the shortest valid ones
// (about 880,000), findings rows each with a bad email (about 900,000 findings).
//
// A generated people row is about 330 bytes, so more than about 25,000 rows would pass the 10 MB file
// limit; larger sizes are split into batches of 25,000, as the file-too-large finding tells people to
// do, and validated in one validateImportSet call.

import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';

import { MAX_FILE_BYTES } from '../src/csv/read.js';
import { validateImportSet, type ImportSetInput, type InputFile } from '../src/csv/validate.js';
import { BATCH_YML, peopleCsv, phonesCsv } from './generate.js';

const ROWS_PER_BATCH = 25_000;

export interface ValidateBenchResult {
  rows: number;
  /** Batches the rows were split into (each file under the 10 MB limit). */
  batches: number;
  /** people.csv and phones.csv bytes together. */
  bytes: number;
  repetitions: number;
  /** Median wall time per run over all files, in milliseconds. */
  csvParseMs: number;
  validateImportSetMs: number;
  /** People rows (each with its phone row) per second. */
  csvParseRowsPerSecond: number;
  validateImportSetRowsPerSecond: number;
  /** Peak resident set size of the process so far, in MiB. */
  peakRssMb: number;
}

function medianMs(repetitions: number, run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** The rows as an ImportSetInput: the bench batch, split into batches of at most 25,000 rows. */
export function validateInput(rows: number, tag = 'bench'): ImportSetInput {
  const input: ImportSetInput = { root: 'bench', batches: [] };
  for (let first = 0; first < rows; first += ROWS_PER_BATCH) {
    const name = rows <= ROWS_PER_BATCH ? tag : `${tag}-${input.batches.length + 1}`;
    const count = Math.min(ROWS_PER_BATCH, rows - first);
    const file = (base: string, content: string): InputFile => ({
      path: `bench/${name}/${base}`,
      content: Buffer.from(content, 'utf8'),
    });
    const people = file('people.csv', peopleCsv(count, { tag }, first));
    if (people.content.length > MAX_FILE_BYTES)
      throw new Error(`${name} is over the file limit; lower ROWS_PER_BATCH`);
    input.batches.push({
      name,
      files: {
        people,
        phones: file('phones.csv', phonesCsv(count, tag, first)),
        batch: file('batch.yml', BATCH_YML),
      },
    });
  }
  return input;
}

/** Small sizes are repeated more, so that the JIT has warmed up before the median run. */
export function benchValidate(
  rows: number,
  repetitions = Math.min(50, Math.max(5, Math.ceil(50_000 / rows))),
): ValidateBenchResult {
  const input = validateInput(rows);
  const csvFiles = input.batches.flatMap((batch) => [batch.files.people!, batch.files.phones!]);

  // The generated files must be valid, or the timings would measure error paths.
  const check = validateImportSet(input);
  const people = check.batches.reduce((sum, batch) => sum + batch.people.length, 0);
  const phones = check.batches.reduce((sum, batch) => sum + batch.phones.length, 0);
  if (check.findings.length > 0 || people !== rows || phones !== rows) {
    throw new Error(
      `generated rows are not clean: ${people} people, ${phones} phones, first finding ${JSON.stringify(check.findings[0])}`,
    );
  }

  // The options src/csv/read.ts gives csv-parse, minus the error callback.
  const csvParseMs = medianMs(repetitions, () => {
    for (const { content } of csvFiles) {
      parse(content, {
        bom: true,
        info: true,
        record_delimiter: ['\r\n', '\n', '\r'],
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
      });
    }
  });
  const validateImportSetMs = medianMs(repetitions, () => {
    validateImportSet(input);
  });
  const perSecond = (ms: number) => Math.round(rows / (ms / 1000));
  return {
    rows,
    batches: input.batches.length,
    bytes: csvFiles.reduce((sum, file) => sum + file.content.length, 0),
    repetitions,
    csvParseMs: Math.round(csvParseMs * 10) / 10,
    validateImportSetMs: Math.round(validateImportSetMs * 10) / 10,
    csvParseRowsPerSecond: perSecond(csvParseMs),
    validateImportSetRowsPerSecond: perSecond(validateImportSetMs),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

export type MemoryKind = 'minimal' | 'shortest' | 'findings';

/** A people.csv of `kind` rows up to the 10 MB limit, written straight into a Buffer so that building it costs no memory of its own. */
export function limitSizedPeople(kind: MemoryKind): Buffer {
  const buffer = Buffer.alloc(MAX_FILE_BYTES);
  let length = buffer.write('name,email\n');
  for (let i = 0; ; i++) {
    const line =
      kind === 'minimal'
        ? `Person ${i},person${i}@example.org\n`
        : kind === 'shortest'
          ? `a,${i.toString(36)}@b.co\n`
          : `P${i},x${i}\n`;
    if (length + line.length > MAX_FILE_BYTES) break;
    length += buffer.write(line, length);
  }
  return buffer.subarray(0, length);
}

export interface MemoryBenchResult {
  kind: MemoryKind;
  bytes: number;
  rows: number;
  findings: number;
  ms: number;
  /** Peak RSS before validating (the runtime and the file) and after, in MiB. */
  rssBeforeMb: number;
  peakRssMb: number;
}

export function benchMemory(kind: MemoryKind): MemoryBenchResult {
  const content = limitSizedPeople(kind);
  const rssBeforeMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const start = performance.now();
  const set = validateImportSet({
    root: 'bench',
    batches: [{ name: 'memory', files: { people: { path: 'bench/memory/people.csv', content } } }],
  });
  return {
    kind,
    bytes: content.length,
    rows: set.batches.reduce((sum, batch) => sum + batch.people.length, 0),
    findings: set.findings.length,
    ms: Math.round(performance.now() - start),
    rssBeforeMb,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const isMemoryKind = (value: string | undefined): value is MemoryKind =>
  value === 'minimal' || value === 'shortest' || value === 'findings';

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href &&
  process.argv[2] === '--memory'
) {
  const kind = process.argv[3] ?? 'minimal';
  if (!isMemoryKind(kind)) throw new Error('usage: validate.ts --memory [minimal|shortest|findings]');
  const result = benchMemory(kind);
  const mb = (result.bytes / 1024 / 1024).toFixed(1);
  console.log(
    `people.csv of ${kind} rows, ${mb} MiB: ${result.rows} rows kept, ${result.findings} findings listed, ${result.ms} ms`,
  );
  console.log(`  peak RSS  ${result.peakRssMb} MiB (${result.rssBeforeMb} MiB before validating)`);
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2] ?? 100_000);
  if (!(Number.isInteger(rows) && rows > 0)) throw new Error('usage: validate.ts [rows]');
  const result = benchValidate(rows);
  if (process.send) {
    // A child of bench/run.ts: the parent prints.
    await new Promise<void>((resolve) => process.send!(result, () => resolve()));
  } else {
    const mb = (result.bytes / 1024 / 1024).toFixed(1);
    console.log(
      `people.csv + phones.csv: ${result.rows} rows each in ${result.batches} batch(es), ${mb} MiB, median of ${result.repetitions} runs`,
    );
    console.log(`  csv-parse alone     ${result.csvParseMs} ms  ${result.csvParseRowsPerSecond} rows/s`);
    console.log(
      `  validateImportSet   ${result.validateImportSetMs} ms  ${result.validateImportSetRowsPerSecond} rows/s`,
    );
    console.log(`  peak RSS            ${result.peakRssMb} MiB`);
  }
}
