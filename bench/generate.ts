// Realistic batches against the demo org (src/sandbox/demo-org.ts): N people in the Genesys people
// template with every column filled, and one WebRTC phone each. Deterministic: the same arguments
// always give the same bytes, so every figure can be reproduced.
//
// Every name used here exists in the demo org, so a generated batch plans as N creates with no errors.

import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const DIVISIONS = ['Student Services', 'Admissions', 'IT Help Desk', 'Home'];
const QUEUES = [
  'Student Services General',
  'Financial Aid',
  'Registrar',
  'Admissions Inquiries',
  'IT Help Desk Tier 1',
];
const SKILLS = ['English', 'Spanish', 'French', 'Financial Aid', 'Registration', 'Password Reset'];
const TITLES = ['Advisor', 'Counselor', 'Senior Advisor, Evening Desk', 'Supervisor', 'Specialist'];
const DEPARTMENTS = ['Student Services', 'Admissions', 'IT Help Desk', 'Financial Aid Office'];
const LOCATIONS = ['Northfield Main Campus - Welcome Center', 'Northfield Downtown Center'];
const SITES = ['Northfield Main Campus', 'Northfield Downtown Center'];
/** An existing demo user: the first person of every batch reports to her. */
const TOP_MANAGER = 'maria.gonzalez@northfield.edu';

const PEOPLE_HEADER =
  'name,email,phone_work,extension,title,department,email_manager,location_work,roles_divisions,queues,division,skills';
const PHONES_HEADER = 'phone_name,base_settings,site,email';

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csvLine = (cells: string[]) => cells.map(csvCell).join(',');
/** `Bench Person 7`: the tag, capitalised, in people's and phones' names. */
const personName = (tag: string, i: number) => `${tag.charAt(0).toUpperCase()}${tag.slice(1)} Person ${i}`;

export interface GenerateOptions {
  /** Prefix of names and emails, so that several batches can live in one org (`bench`, `soak-3`). */
  tag: string;
  /** The second apply of the bench: every row gets a new title and department and joins one more queue. */
  changed?: boolean;
}

/** Email of person i of a batch. */
export function personEmail(tag: string, i: number): string {
  return `${tag}.person.${i}@bench.northfield.edu`;
}

/** people.csv: person i reports to person ⌊i/10⌋ of the same batch (so managers are created by the batch too). */
export function peopleCsv(rows: number, options: GenerateOptions, first = 0): string {
  const { tag, changed = false } = options;
  const lines = [PEOPLE_HEADER];
  for (let i = first; i < first + rows; i++) {
    const division = pick(DIVISIONS, i);
    const roles =
      i % 7 === 0
        ? `employee:[${division}], PureCloud User:[${division}], PureCloud Supervisor:[${division}, ${pick(DIVISIONS, i + 1)}]`
        : `employee:[${division}], PureCloud User:[${division}]`;
    // The changed batch swaps the second queue for another one: a join, since queues are never left.
    const queues = [pick(QUEUES, i), pick(QUEUES, i + (changed ? 3 : 2))];
    const skills = `${pick(SKILLS, i)}:${(i % 5) + 1}, ${pick(SKILLS, i + 3)}:${i % 2 === 0 ? 4 : 3}`;
    lines.push(
      csvLine([
        personName(tag, i),
        personEmail(tag, i),
        `+1 215 ${String(200 + Math.floor(i / 10_000)).padStart(3, '0')} ${String(i % 10_000).padStart(4, '0')}`,
        String(100_000 + i),
        changed ? `Senior ${pick(TITLES, i)}` : pick(TITLES, i),
        pick(DEPARTMENTS, i + (changed ? 1 : 0)),
        i === 0 ? TOP_MANAGER : personEmail(tag, Math.floor(i / 10)),
        pick(LOCATIONS, i),
        roles,
        queues.join(', '),
        division,
        skills,
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** phones.csv: one WebRTC phone per person; half name the phone, half leave it to the person's name. */
export function phonesCsv(rows: number, tag: string, first = 0): string {
  const lines = [PHONES_HEADER];
  for (let i = first; i < first + rows; i++) {
    lines.push(
      csvLine([
        i % 2 === 0 ? '' : `${personName(tag, i)} WebRTC`,
        // Blank base settings come from batch.yml phone_defaults.
        i % 3 === 0 ? '' : 'WebRTC Softphone',
        pick(SITES, i),
        personEmail(tag, i),
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export const BATCH_YML = 'phone_defaults:\n  base_settings: WebRTC Softphone\n';

/** Writes `<root>/<tag>/` with people.csv, phones.csv and batch.yml, replacing whatever was under root. */
export async function writeImports(root: string, rows: number, options: GenerateOptions): Promise<string> {
  await rm(root, { recursive: true, force: true });
  const dir = path.join(root, options.tag);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'people.csv'), peopleCsv(rows, options));
  await writeFile(path.join(dir, 'phones.csv'), phonesCsv(rows, options.tag));
  await writeFile(path.join(dir, 'batch.yml'), BATCH_YML);
  return dir;
}
