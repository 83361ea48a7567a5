// A whole imports/ folder, already read into memory: every batch's files parsed, then the checks
// that span files and batches. Pure: the loader (src/imports.ts) does the reading.

import path from 'node:path';
import { DEFAULT_BATCH_CONFIG, parseBatchConfig } from './batch-config.js';
import { append, finding, quote, sortFindings, type Finding } from './findings.js';
import { ORGS_FILE, parseOrgs } from './orgs.js';
import { parsePeople } from './people.js';
import { parsePhones, secondPhone } from './phones.js';
import { didYouMean } from './suggest.js';
import type { Batch, BatchConfig, ImportSet, OrgsConfig, PersonRow, PhoneRow } from './types.js';

export interface InputFile {
  /** As it should appear in findings, e.g. `imports/student-services/people.csv`. */
  path: string;
  content: Buffer | string;
}

export interface BatchInput {
  name: string;
  files: { people?: InputFile; phones?: InputFile; batch?: InputFile };
  /** Paths of other files found in the batch folder: a misnamed batch file is an error, anything else a warning. */
  otherFiles?: string[];
}

/**
 * An entry under imports/ that the loader did not open: a symbolic link (it could point at
 * /dev/zero or at a file outside the repository) or something that is neither a file nor a folder
 * (a FIFO or a device, which would block or never end).
 */
export interface RefusedEntry {
  path: string;
  type: 'symlink' | 'special';
}

export interface ImportSetInput {
  root: string;
  batches: BatchInput[];
  /** Paths of files at the root other than policy.yml and notes (README.md): misnamed ones are errors. */
  otherFiles?: string[];
  refused?: RefusedEntry[];
  /** `<root>/orgs.yml`, when there is one: the orgs the batches go to. */
  orgs?: InputFile;
}

export const BATCH_FILES = ['people.csv', 'phones.csv', 'batch.yml'] as const;
export const POLICY_FILE = 'policy.yml';
/** Files read at the top of the imports folder, beside the batch folders. */
export const ROOT_FILES = [POLICY_FILE, ORGS_FILE] as const;

/** Folders that are never batches: the header-only templates, drafts (`_x`) and hidden ones. */
export function isBatchFolder(name: string): boolean {
  return name !== 'templates' && !name.startsWith('_') && !name.startsWith('.');
}

/**
 * The file a name was probably meant to be: another case or extension (`People.CSV`,
 * `batch.yaml`, `people.txt`), an extension added by the editor (`policy.yml.txt`), or a typo.
 */
export function meantFor(name: string, expected: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const [base, ...extensions] = lower.split('.');
  for (const want of expected) {
    if (lower.startsWith(`${want}.`)) return want;
    if (extensions.length === 1 && base === want.slice(0, want.indexOf('.'))) return want;
  }
  return didYouMean(name, expected);
}

function refusedFinding({ path: entry, type }: RefusedEntry): Finding {
  return type === 'symlink'
    ? finding(entry, 1, null, {
        code: 'symlink',
        message: `${quote(path.basename(entry))} is a symbolic link; links under the imports folder are never followed, since they can point outside the repository. Replace it with the file or folder itself.`,
      })
    : finding(entry, 1, null, {
        code: 'not-a-file',
        message: `${quote(path.basename(entry))} is not a regular file or folder (a pipe, socket or device), so it is not read. Remove it.`,
      });
}

/** Findings for files at the imports root that look like policy.yml or a batch's file. */
function rootFileFindings(other: string): Finding[] {
  const base = path.basename(other);
  const rootFile = meantFor(base, ROOT_FILES);
  if (rootFile) {
    const what = rootFile === POLICY_FILE ? 'the policy is' : 'the orgs are';
    return [
      finding(other, 1, null, {
        code: 'misnamed-file',
        message: `${quote(base)} is not read (did you mean "${rootFile}"?); ${what} read from ${rootFile} only. Rename it.`,
      }),
    ];
  }
  const batchFile = meantFor(base, BATCH_FILES);
  if (!batchFile) return [];
  if ((BATCH_FILES as readonly string[]).includes(base)) {
    // people.csv itself at the top: the folder given is a batch, not the folder of batches.
    const root = path.dirname(other);
    return [
      finding(other, 1, null, {
        code: 'imports-is-a-batch',
        message: `${quote(root)} holds ${base} itself, so it is a batch folder, not the imports folder that holds the batches: point --imports (or the imports input) at ${quote(path.dirname(root))}, or move the files into a batch folder such as ${path.join(root, 'new-hires', base)}.`,
      }),
    ];
  }
  return [
    finding(other, 1, null, {
      code: 'misplaced-file',
      message: `${quote(base)} at the top of the imports folder is not read: a batch is a folder. Move it into one as ${batchFile}, e.g. ${path.join(path.dirname(other), 'new-hires', batchFile)}.`,
    }),
  ];
}

/** A file in a batch folder that is not read: an error when it looks like a batch's file, else a warning. */
function batchFileFinding(other: string): Finding {
  const base = path.basename(other);
  const batchFile = meantFor(base, BATCH_FILES);
  if (batchFile) {
    return finding(other, 1, null, {
      code: 'misnamed-file',
      message: `${quote(base)} is not read (did you mean "${batchFile}"?); a batch holds ${BATCH_FILES.join(', ')}, spelled exactly so. Rename it.`,
    });
  }
  if ((ROOT_FILES as readonly string[]).includes(base)) {
    return finding(other, 1, null, {
      code: 'misplaced-file',
      message: `${base} is read only at the top of the imports folder, not in a batch; move it there.`,
    });
  }
  return finding(other, 1, null, {
    severity: 'warning',
    code: 'unexpected-file',
    message: `${quote(base)} is not read; a batch holds ${BATCH_FILES.join(', ')}.`,
  });
}

type Place = { batch: string; file: string; line: number };
const at = (place: Place) => `${place.file} line ${place.line}`;

/** orgs.yml as read: undefined when there is none, null when it is broken. */
type Orgs = OrgsConfig | null | undefined;

/** First place each person, phone name and phone owner appears, across all batches read so far. */
interface FirstPlaces {
  person: Map<string, Place>;
  phoneName: Map<string, Place>;
  phoneOwner: Map<string, Place>;
}

function batchConfig(file: InputFile | undefined, orgs: Orgs, findings: Finding[]): BatchConfig {
  if (!file) return DEFAULT_BATCH_CONFIG;
  const result = parseBatchConfig(file.content, file.path, orgs);
  append(findings, result.findings);
  return result.config;
}

/**
 * The batch's people, less those already in an earlier batch; `byEmail` is filled only when the
 * batch has a phones.csv (the one reader of it), else it would be memory for nothing.
 */
function batchPeople(
  batch: BatchInput,
  firstPlaces: FirstPlaces,
  findings: Finding[],
): { rows: PersonRow[]; byEmail: Map<string, PersonRow> } {
  const { name, files } = batch;
  const byEmail = new Map<string, PersonRow>();
  const rows: PersonRow[] = [];
  if (!files.people) return { rows, byEmail };
  const people = parsePeople(files.people.content, files.people.path, name);
  append(findings, people.findings);
  for (const row of people.rows) {
    if (files.phones) byEmail.set(row.emailKey, row);
    const first = firstPlaces.person.get(row.emailKey);
    if (!first) firstPlaces.person.set(row.emailKey, row);
    // The same person in a second batch is refused and left out, like a phone used twice: which row
    // wins (and which training day invites them) would otherwise depend on folder order.
    if (first && first.batch !== name) {
      findings.push(
        finding(row.file, row.line, 'email', {
          code: 'duplicate-email-across-batches',
          message: `${quote(row.email)} is also in batch ${quote(first.batch)} (${at(first)}); a person belongs in one row of one batch only: keep one.`,
        }),
      );
    } else rows.push(row);
  }
  return { rows, byEmail };
}

/** The batch's phones, less those whose name or owner an earlier batch already has. */
function batchPhones(
  batch: BatchInput,
  config: BatchConfig,
  peopleByEmail: Map<string, PersonRow>,
  firstPlaces: FirstPlaces,
  findings: Finding[],
): PhoneRow[] {
  const { name, files } = batch;
  const rows: PhoneRow[] = [];
  if (!files.phones) return rows;
  const phones = parsePhones(files.phones.content, files.phones.path, name, config, peopleByEmail);
  append(findings, phones.findings);
  for (const row of phones.rows) {
    // Within one file parsePhones already reported these; here only other batches count.
    const nameKey = row.name.toLowerCase();
    const sameName = row.name === '' ? undefined : firstPlaces.phoneName.get(nameKey);
    const sameOwner = firstPlaces.phoneOwner.get(row.emailKey);
    if (sameName && sameName.batch !== name) {
      findings.push(
        finding(row.file, row.line, 'phone_name', {
          code: 'duplicate-phone-name',
          message: `Phone name ${quote(row.name)} is also used in batch ${quote(sameName.batch)} (${at(sameName)}); phone names must be unique.`,
        }),
      );
    } else if (sameOwner && sameOwner.batch !== name) {
      findings.push(
        finding(
          row.file,
          row.line,
          'email',
          secondPhone(row.email, `in batch ${quote(sameOwner.batch)} (${at(sameOwner)})`),
        ),
      );
    } else {
      if (row.name !== '') firstPlaces.phoneName.set(nameKey, row);
      firstPlaces.phoneOwner.set(row.emailKey, row);
      rows.push(row);
    }
  }
  return rows;
}

/** One batch folder: its stray files, its config, then people before phones (phones look owners up). */
function validateBatch(
  batch: BatchInput,
  root: string,
  orgs: Orgs,
  firstPlaces: FirstPlaces,
  findings: Finding[],
): Batch {
  const { name, files, otherFiles = [] } = batch;
  const dir = path.join(root, name);
  for (const other of otherFiles) findings.push(batchFileFinding(other));
  if (!files.people && !files.phones) {
    findings.push(
      finding(dir, 1, null, {
        code: 'empty-batch',
        message: `Batch ${quote(name)} has neither people.csv nor phones.csv, so nothing would be imported from it: add them (imports/templates has both), or rename the folder to _${name} to keep it as a draft.`,
      }),
    );
  }
  const config = batchConfig(files.batch, orgs, findings);
  const people = batchPeople(batch, firstPlaces, findings);
  const phones = batchPhones(batch, config, people.byEmail, firstPlaces, findings);
  return {
    name,
    dir,
    config,
    files: { people: files.people?.path, phones: files.phones?.path, batch: files.batch?.path },
    people: people.rows,
    phones,
  };
}

export function validateImportSet(input: ImportSetInput): ImportSet {
  const findings: Finding[] = [];
  for (const entry of input.refused ?? []) findings.push(refusedFinding(entry));
  const orgsRead = input.orgs ? parseOrgs(input.orgs.content, input.orgs.path) : undefined;
  append(findings, orgsRead?.findings ?? []);
  const orgs = orgsRead?.orgs;
  for (const other of input.otherFiles ?? []) append(findings, rootFileFindings(other));

  const firstPlaces: FirstPlaces = { person: new Map(), phoneName: new Map(), phoneOwner: new Map() };
  const batches = input.batches.map((batch) => validateBatch(batch, input.root, orgs, firstPlaces, findings));
  if (input.batches.length === 0 && (input.refused ?? []).length === 0) {
    findings.push(
      finding(input.root, 1, null, {
        severity: 'warning',
        code: 'no-batches',
        message: `${quote(input.root)} holds no batch: nothing to do. A batch is a folder in it with people.csv and/or phones.csv (folders named templates or starting with _ are not batches).`,
      }),
    );
  }
  return {
    root: input.root,
    batches,
    findings: sortFindings(findings),
    ...(orgs !== undefined ? { orgs } : {}),
  };
}
