// How fast people.csv validation is: N realistic rows generated in memory, timed through csv-parse
// alone, parsePeople, and validateImportSet. Run: npx tsx bench/validate.ts [rows]
//
// A realistic row of the Genesys template is about 300 bytes, so 100,000 rows are about 30 MB: over
// the 10 MB file limit. The rows are therefore split into batches of 25,000 (about 7.5 MB each), as
// the file-too-large finding tells people to do, and validated in one validateImportSet call.

import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { parsePeople } from '../src/csv/people.js';
import { MAX_FILE_BYTES } from '../src/csv/read.js';
import { validateImportSet, type ImportSetInput } from '../src/csv/validate.js';

const ROWS_PER_BATCH = 25_000;

const DIVISIONS = ['Student Services', 'Admissions', 'Registrar', 'Financial Aid', 'IT Help Desk'];
const QUEUES = ['General', 'Financial Aid', 'Registrar', 'Admissions Inquiries', 'Password Reset', 'Housing'];
const SKILLS = ['English', 'Spanish', 'French', 'Financial Aid', 'Registration', 'Billing'];
const TITLES = ['Advisor', 'Counselor', 'Senior Advisor, Evening Desk', 'Supervisor', 'Specialist'];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A people.csv in the Genesys template: people `first` to `first + rows - 1`, realistic multi-value cells. */
export function generatePeopleCsv(rows: number, first = 0): Buffer {
  const lines = [
    'name,email,phone_work,extension,title,department,email_manager,location_work,roles_divisions,queues,division,skills,hire_date',
  ];
  for (let i = first; i < first + rows; i++) {
    const division = pick(DIVISIONS, i);
    const roles =
      i % 7 === 0
        ? `employee:[${division}], PureCloud Supervisor:[${division}, ${pick(DIVISIONS, i + 1)}]`
        : `employee:[${division}], PureCloud User:[${division}]`;
    const queues = [pick(QUEUES, i), pick(QUEUES, i + 2)].join(', ');
    const skills = `${pick(SKILLS, i)}:${(i % 5) + 1}, ${pick(SKILLS, i + 3)}:${i % 2 === 0 ? 4.5 : 3}`;
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      [
        `Person ${i}`,
        `person.${i}@northfield.edu`,
        `+1 215 ${String(500 + (i % 400)).padStart(3, '0')} ${String(i % 10000).padStart(4, '0')}`,
        String(10000 + i),
        pick(TITLES, i),
        division,
        i === 0 ? '' : `person.${Math.floor(i / 10)}@northfield.edu`,
        'Northfield Main Campus - Welcome Center',
        roles,
        queues,
        division,
        skills,
        `2026-${month}-${day}`,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

export interface ValidateBenchResult {
  rows: number;
  /** people.csv files the rows were split into (each under the 10 MB limit). */
  files: number;
  bytes: number;
  repetitions: number;
  /** Median wall time per run over all files, in milliseconds. */
  csvParseMs: number;
  parsePeopleMs: number;
  validateImportSetMs: number;
  csvParseRowsPerSecond: number;
  parsePeopleRowsPerSecond: number;
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

export function benchValidate(rows: number, repetitions = 3): Promise<ValidateBenchResult> {
  const input: ImportSetInput = { root: 'bench', batches: [] };
  for (let first = 0; first < rows; first += ROWS_PER_BATCH) {
    const name = `batch-${input.batches.length + 1}`;
    const content = generatePeopleCsv(Math.min(ROWS_PER_BATCH, rows - first), first);
    if (content.length > MAX_FILE_BYTES) throw new Error(`${name} is over the file limit; lower ROWS_PER_BATCH`);
    input.batches.push({ name, files: { people: { path: `bench/${name}/people.csv`, content } } });
  }
  const files = input.batches.map((batch) => batch.files.people!);

  // The generated files must be valid, or the timings would measure error paths.
  const check = validateImportSet(input);
  const people = check.batches.reduce((sum, batch) => sum + batch.people.length, 0);
  if (check.findings.length > 0 || people !== rows) {
    throw new Error(`generated rows are not clean: ${people} rows, first finding ${JSON.stringify(check.findings[0])}`);
  }

  const csvParseMs = medianMs(repetitions, () => {
    for (const { content } of files) parse(content, { bom: true, relax_column_count: true, skip_empty_lines: true });
  });
  const parsePeopleMs = medianMs(repetitions, () => {
    for (const { path, content } of files) parsePeople(content, path, 'bench');
  });
  const validateImportSetMs = medianMs(repetitions, () => {
    validateImportSet(input);
  });
  const perSecond = (ms: number) => Math.round(rows / (ms / 1000));
  return Promise.resolve({
    rows,
    files: files.length,
    bytes: files.reduce((sum, file) => sum + file.content.length, 0),
    repetitions,
    csvParseMs: Math.round(csvParseMs),
    parsePeopleMs: Math.round(parsePeopleMs),
    validateImportSetMs: Math.round(validateImportSetMs),
    csvParseRowsPerSecond: perSecond(csvParseMs),
    parsePeopleRowsPerSecond: perSecond(parsePeopleMs),
    validateImportSetRowsPerSecond: perSecond(validateImportSetMs),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2] ?? 100_000);
  const result = await benchValidate(rows);
  const mb = (result.bytes / 1024 / 1024).toFixed(1);
  console.log(
    `people.csv: ${result.rows} rows in ${result.files} files, ${mb} MiB, median of ${result.repetitions} runs`,
  );
  console.log(`  csv-parse alone     ${result.csvParseMs} ms  ${result.csvParseRowsPerSecond} rows/s`);
  console.log(`  parsePeople         ${result.parsePeopleMs} ms  ${result.parsePeopleRowsPerSecond} rows/s`);
  console.log(`  validateImportSet   ${result.validateImportSetMs} ms  ${result.validateImportSetRowsPerSecond} rows/s`);
  console.log(`  peak RSS            ${result.peakRssMb} MiB`);
}
