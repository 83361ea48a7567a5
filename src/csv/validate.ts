// A whole imports/ folder, already read into memory: every batch's files parsed, then the checks
// that span files and batches. Pure: the loader (src/imports.ts) does the reading.

import path from 'node:path';
import { DEFAULT_BATCH_CONFIG, parseBatchConfig } from './batch-config.js';
import { finding, quote, sortFindings } from './findings.js';
import { parsePeople } from './people.js';
import { parsePhones } from './phones.js';
import { didYouMeanSuffix } from './suggest.js';
import type { Batch, Finding, ImportSet, PersonRow, PhoneRow } from './types.js';

export interface InputFile {
  /** As it should appear in findings, e.g. `imports/student-services/people.csv`. */
  path: string;
  content: Buffer | string;
}

export interface BatchInput {
  name: string;
  files: { people?: InputFile; phones?: InputFile; batch?: InputFile };
  /** Paths of other files found in the batch folder; each gets a warning, since they are never read. */
  otherFiles?: string[];
}

export interface ImportSetInput {
  root: string;
  batches: BatchInput[];
}

export const BATCH_FILES = ['people.csv', 'phones.csv', 'batch.yml'] as const;

type Place = { batch: string; file: string; line: number };
const at = (place: Place) => `${place.file} line ${place.line}`;

export function validateImportSet(input: ImportSetInput): ImportSet {
  const findings: Finding[] = [];
  const batches: Batch[] = [];
  // First place each person, phone name and phone owner appears, across all batches.
  const personPlaces = new Map<string, Place>();
  const phoneNamePlaces = new Map<string, Place>();
  const phoneOwnerPlaces = new Map<string, Place>();

  for (const { name, files, otherFiles = [] } of input.batches) {
    const dir = path.join(input.root, name);
    for (const other of otherFiles) {
      const base = path.basename(other);
      findings.push(
        finding(other, 1, null, {
          severity: 'warning',
          code: 'unexpected-file',
          message: `${quote(base)} is not read${didYouMeanSuffix(base, BATCH_FILES)}; a batch holds ${BATCH_FILES.join(', ')}.`,
        }),
      );
    }
    if (!files.people && !files.phones) {
      findings.push(
        finding(dir, 1, null, {
          severity: 'warning',
          code: 'empty-batch',
          message: `Batch ${quote(name)} has neither people.csv nor phones.csv; nothing will be imported from it.`,
        }),
      );
    }

    const configResult = files.batch
      ? parseBatchConfig(files.batch.content, files.batch.path)
      : { config: DEFAULT_BATCH_CONFIG, findings: [] };
    findings.push(...configResult.findings);

    const people = files.people
      ? parsePeople(files.people.content, files.people.path, name)
      : { rows: [], findings: [] };
    findings.push(...people.findings);
    const peopleByEmail = new Map<string, PersonRow>();
    const personRows: PersonRow[] = [];
    for (const row of people.rows) {
      peopleByEmail.set(row.emailKey, row);
      const first = personPlaces.get(row.emailKey);
      if (!first) personPlaces.set(row.emailKey, row);
      // The same person in a second batch is refused and left out, like a phone used twice: which row
      // wins (and which training day invites them) would otherwise depend on folder order.
      if (first && first.batch !== name) {
        findings.push(
          finding(row.file, row.line, 'email', {
            code: 'duplicate-email-across-batches',
            message: `${quote(row.email)} is also in batch ${quote(first.batch)} (${at(first)}); a person belongs in one row of one batch only: keep one.`,
          }),
        );
      } else personRows.push(row);
    }

    const phones = files.phones
      ? parsePhones(files.phones.content, files.phones.path, name, configResult.config, peopleByEmail)
      : { rows: [], findings: [] };
    findings.push(...phones.findings);
    const phoneRows: PhoneRow[] = [];
    for (const row of phones.rows) {
      // Within one file parsePhones already reported these; here only other batches count.
      const nameKey = row.name.toLowerCase();
      const sameName = row.name === '' ? undefined : phoneNamePlaces.get(nameKey);
      const sameOwner = phoneOwnerPlaces.get(row.emailKey);
      if (sameName && sameName.batch !== name) {
        findings.push(
          finding(row.file, row.line, 'phone_name', {
            code: 'duplicate-phone-name',
            message: `Phone name ${quote(row.name)} is also used in batch ${quote(sameName.batch)} (${at(sameName)}); phone names must be unique.`,
          }),
        );
      } else if (sameOwner && sameOwner.batch !== name) {
        findings.push(
          finding(row.file, row.line, 'email', {
            code: 'person-has-two-phones',
            message: `${quote(row.email)} already has a phone in batch ${quote(sameOwner.batch)} (${at(sameOwner)}); a person gets one WebRTC phone.`,
          }),
        );
      } else {
        if (row.name !== '') phoneNamePlaces.set(nameKey, row);
        phoneOwnerPlaces.set(row.emailKey, row);
        phoneRows.push(row);
      }
    }

    batches.push({
      name,
      dir,
      config: configResult.config,
      files: { people: files.people?.path, phones: files.phones?.path, batch: files.batch?.path },
      people: personRows,
      phones: phoneRows,
    });
  }
  return { root: input.root, batches, findings: sortFindings(findings) };
}
