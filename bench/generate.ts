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
  /** No manager, location or skills (roles, queues and the phone stay): the fewest calls a new person takes. */
  bare?: boolean;
}

/** Email of person i of a batch. */
export function personEmail(tag: string, i: number): string {
  return `${tag}.person.${i}@bench.northfield.edu`;
}

/** people.csv: person i reports to person ⌊i/10⌋ of the same batch (so managers are created by the batch too). */
export function peopleCsv(rows: number, options: GenerateOptions, first = 0): string {
  const { tag, changed = false, bare = false } = options;
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
        bare ? '' : i === 0 ? TOP_MANAGER : personEmail(tag, Math.floor(i / 10)),
        bare ? '' : pick(LOCATIONS, i),
        roles,
        queues.join(', '),
        division,
        bare ? '' : skills,
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

/**
 * New hires against the demo org with `extraUsers` (src/sandbox/demo-org.ts): every row a new person
 * with a phone, reporting to one of 50 existing people (who are not rows of the batch), as almost every
 * real batch does. The plan must not read those managers' grants, queues or stations.
 */
export function newHiresCsv(rows: number, extraUsers: number): { people: string; phones: string } {
  const people = [PEOPLE_HEADER];
  const phones = [PHONES_HEADER];
  for (let i = 0; i < rows; i++) {
    // Synthetic person k of the demo org is active unless the seed says otherwise; the demo org's own people are.
    const k = (i % 50) * Math.max(1, Math.floor(extraUsers / 50)) + 1;
    const manager =
      extraUsers > 0 ? `person.${String(k).padStart(5, '0')}@staff.northfield.edu` : TOP_MANAGER;
    const division = pick(DIVISIONS, i);
    people.push(
      csvLine([
        personName('hire', i),
        personEmail('hire', i),
        `+1 215 ${String(300 + Math.floor(i / 10_000)).padStart(3, '0')} ${String(i % 10_000).padStart(4, '0')}`,
        '',
        pick(TITLES, i),
        pick(DEPARTMENTS, i),
        manager,
        pick(LOCATIONS, i),
        `employee:[${division}], PureCloud User:[${division}]`,
        pick(QUEUES, i),
        division,
        `${pick(SKILLS, i)}:3`,
      ]),
    );
    phones.push(csvLine(['', 'WebRTC Softphone', pick(SITES, i), personEmail('hire', i)]));
  }
  return { people: `${people.join('\r\n')}\r\n`, phones: `${phones.join('\r\n')}\r\n` };
}

/** Writes `<root>/hires/` with a new-hires batch (newHiresCsv), replacing whatever was under root. */
export async function writeNewHires(root: string, rows: number, extraUsers: number): Promise<void> {
  await rm(root, { recursive: true, force: true });
  const dir = path.join(root, 'hires');
  await mkdir(dir, { recursive: true });
  const { people, phones } = newHiresCsv(rows, extraUsers);
  await writeFile(path.join(dir, 'people.csv'), people);
  await writeFile(path.join(dir, 'phones.csv'), phones);
  await writeFile(path.join(dir, 'batch.yml'), BATCH_YML);
}
