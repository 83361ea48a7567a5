// `gc-onboard export`: read the org in bulk, write people.csv (and phones.csv when someone has a
// WebRTC phone) into a folder, and say what was written and what will not re-import unchanged.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, type Finding } from '../csv/findings.js';
import { plural } from '../csv/words.js';
import type { GenesysClient } from '../genesys/client.js';
import { readOrgForExport } from '../genesys/export-read.js';
import { renderFindingsText } from '../render/text.js';
import { exportCsv } from '../export/export.js';
import { resolveFilter, type ExportFilter } from '../export/filter.js';

export interface ExportResult {
  /** Rows written to people.csv and phones.csv. */
  people: number;
  phones: number;
  /** Paths written, as `outDir` joined with the file name. */
  files: string[];
  /** A phones.csv left from an earlier export that no longer applies (nobody has a WebRTC phone now). */
  removed: string[];
  findings: Finding[];
}

/**
 * Writes `outDir/people.csv` and, when someone exported has a WebRTC phone, `outDir/phones.csv`
 * (otherwise an old `outDir/phones.csv` is removed, so the folder never mixes two exports).
 * Throws ExportFilterError (a ConfigError) for a division the org does not have, before writing.
 */
export async function exportOrg(
  client: GenesysClient,
  filter: ExportFilter,
  outDir: string,
): Promise<ExportResult> {
  // A bad filter fails before the reads that cost: department and domain at once, divisions on their listing.
  resolveFilter({ ...filter, divisions: [] }, []);
  const data = await readOrgForExport(
    client,
    (filter.divisions ?? []).length > 0 ? (divisions) => resolveFilter(filter, divisions) : undefined,
  );
  const people = path.join(outDir, 'people.csv');
  const phones = path.join(outDir, 'phones.csv');
  const csv = exportCsv(data, filter, { people, phones });
  await mkdir(outDir, { recursive: true });
  await writeFile(people, csv.peopleCsv);
  const files = [people];
  const removed: string[] = [];
  if (csv.phones > 0) {
    await writeFile(phones, csv.phonesCsv);
    files.push(phones);
  } else {
    const existed = await rm(phones).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    if (existed) removed.push(phones);
  }
  return { people: csv.people, phones: csv.phones, files, removed, findings: csv.findings };
}

/** The CLI's report: what was written where, then the findings (none: "No problems found."). */
export function renderExportText(result: ExportResult): string {
  const [people, phones] = result.files;
  const lines = [
    `Exported ${plural(result.people, 'person', 'people')} to ${people ?? 'people.csv'}` +
      (phones
        ? ` and ${plural(result.phones, 'WebRTC phone', 'WebRTC phones')} to ${phones}.`
        : ' (no WebRTC phones).'),
    ...result.removed.map((file) => `Removed ${file}: it was from an earlier export.`),
  ];
  return `${lines.join('\n')}\n${renderFindingsText(result.findings)}`;
}

/** 1 when some row will not pass validate as written (a formula cell, an invalid value), else 0. */
export function exportExitCode(result: ExportResult): number {
  return hasErrors(result.findings) ? 1 : 0;
}
