// An in-process sandbox, a client on it, and "export, then plan the export against the same org",
// the loop every export test runs.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GenesysClient } from '../../src/genesys/client.js';
import { loadSnapshot } from '../../src/genesys/snapshot.js';
import { loadImports } from '../../src/imports.js';
import { snapshotNeed } from '../../src/plan/need.js';
import { buildPlan } from '../../src/plan/plan.js';
import type { Plan } from '../../src/plan/types.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { exportOrg, type ExportResult } from '../../src/run/export.js';
import type { ExportFilter } from '../../src/export/filter.js';
import type { ImportSet } from '../../src/csv/types.js';
import { connectTo } from '../helpers/sandbox.js';

export const TODAY = '2026-11-25';

export interface Session {
  sandbox: Sandbox;
  client: GenesysClient;
  /** A fresh folder; exports go to `<dir>/imports/export`. */
  dir: string;
  close(): Promise<void>;
}

/**
 * A sandbox and a client paced to it. Time is scaled: the rate limit holds per 1-second window
 * unless the options say otherwise (the transport spaces calls at window ÷ limit).
 */
export async function openSession(options: SandboxOptions = {}): Promise<Session> {
  const scaled = { rateLimitPerMinute: 300, rateWindowSeconds: 1, ...options };
  const sandbox = await startSandbox({ userSearchLagMs: 0, stationLagMs: 0, ...scaled });
  const client = await connectTo(sandbox.url, { windowMs: scaled.rateWindowSeconds * 1000 });
  const dir = await mkdtemp(path.join(tmpdir(), 'gc-export-'));
  return {
    sandbox,
    client,
    dir,
    close: async () => {
      client.close();
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const importsRoot = (session: Session) => path.join(session.dir, 'imports');
export const exportDir = (session: Session) => path.join(importsRoot(session), 'export');

/** loadImports + loadSnapshot + buildPlan over `<dir>/imports`, as `gc-onboard plan` does. */
export async function planImportsDir(session: Session): Promise<{ imports: ImportSet; plan: Plan }> {
  const imports = await loadImports(importsRoot(session));
  const snapshot = await loadSnapshot(session.client, snapshotNeed(imports));
  return { imports, plan: buildPlan(imports, snapshot, { today: TODAY }) };
}

export async function exportAndPlan(
  session: Session,
  filter: ExportFilter = {},
): Promise<{ result: ExportResult; imports: ImportSet; plan: Plan }> {
  const result = await exportOrg(session.client, filter, exportDir(session));
  return { result, ...(await planImportsDir(session)) };
}

/** `email → action` for people, `email → action` for phones. */
export function actions(plan: Plan): { people: Record<string, string>; phones: Record<string, string> } {
  const people: Record<string, string> = {};
  const phones: Record<string, string> = {};
  for (const batch of plan.batches) {
    for (const person of batch.people) people[person.email] = person.action;
    for (const phone of batch.phones) phones[phone.person.email] = phone.action;
  }
  return { people, phones };
}

/** Rewrites one people.csv cell of the row whose email cell is `email` (simple rows only: no quoted line breaks). */
export async function editCell(
  session: Session,
  email: string,
  column: number,
  value: string,
): Promise<void> {
  const file = path.join(exportDir(session), 'people.csv');
  const lines = (await readFile(file, 'utf8')).split('\n');
  const index = lines.findIndex((line) => line.includes(`,${email},`));
  if (index < 0) throw new Error(`no row for ${email}`);
  const cells = splitSimpleRow(lines[index] ?? '');
  cells[column] = /[",]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  lines[index] = cells.join(',');
  await writeFile(file, lines.join('\n'));
}

/** Splits a CSV line into its raw (still quoted) cells. */
function splitSimpleRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      cells.push(current);
      current = '';
    } else current += char;
  }
  cells.push(current);
  return cells;
}
