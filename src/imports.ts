// The one place that reads an imports folder from disk; everything after it is pure. Nothing under
// the folder is read through a symbolic link or from anything but a regular file: a link could point
// at /dev/zero or outside the repository, a FIFO would block forever. Such entries become findings.

import { constants } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES } from './csv/read.js';
import type { ImportSet } from './csv/types.js';
import {
  isBatchFolder,
  POLICY_FILE,
  ROOT_FILES,
  validateImportSet,
  type BatchInput,
  type InputFile,
  type RefusedEntry,
} from './csv/validate.js';
import { importsForOrg, ORGS_FILE } from './csv/orgs.js';
import { MAX_YAML_BYTES } from './csv/yaml.js';

/** Thrown by readCapped for a path that is a symbolic link or not a regular file; nothing was read. */
export class NotAFileError extends Error {
  constructor(
    readonly path: string,
    readonly type: RefusedEntry['type'],
  ) {
    super(
      type === 'symlink'
        ? `"${path}" is a symbolic link; it is not followed.`
        : `"${path}" is not a regular file; it is not read.`,
    );
    this.name = 'NotAFileError';
  }
}

// O_NOFOLLOW makes opening a link fail (ELOOP) rather than open its target, even if the link
// appeared after the folder was listed; O_NONBLOCK keeps opening a FIFO from waiting for a writer.
// Windows has neither flag; there the lstat in loadImports is the guard.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * A regular file's bytes, at most `limit` + 1 of them: enough for the size finding, never the whole
 * of an oversized file. Throws NotAFileError for a link or anything but a regular file, ENOENT when
 * it does not exist.
 */
export async function readCapped(file: string, limit = MAX_FILE_BYTES): Promise<Buffer> {
  const handle = await open(file, OPEN_FLAGS).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ELOOP' ? new NotAFileError(file, 'symlink') : error;
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotAFileError(file, 'special');
    // Read by size up to the cap rather than to the end: a file that grows while read stops there.
    const buffer = Buffer.alloc(Math.min(info.size, limit) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** `<root>/policy.yml`'s bytes (at most 64 KiB + 1), or null when there is none or it is a link or not a regular file (loadImports reports those). */
export async function readPolicyFile(root: string): Promise<{ file: string; content: Buffer | null }> {
  const file = path.join(root, POLICY_FILE);
  try {
    return { file, content: await readCapped(file, MAX_YAML_BYTES) };
  } catch (error) {
    if (error instanceof NotAFileError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { file, content: null };
    }
    throw error;
  }
}

/** A file at the top of the imports folder (orgs.yml), or undefined when there is none; a link or special file is refused. */
async function readRootFile(
  root: string,
  name: string,
  refused: RefusedEntry[],
): Promise<InputFile | undefined> {
  const file = path.join(root, name);
  try {
    return { path: file, content: await readCapped(file, MAX_YAML_BYTES) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (!(error instanceof NotAFileError)) throw error;
    // refusal() already listed it while reading the folder.
    if (!refused.some((entry) => entry.path === file)) refused.push({ path: file, type: error.type });
    return undefined;
  }
}

type Entry = { name: string; isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean };

/** Links and special files are refused; hidden entries are skipped unread. */
function refusal(entry: Entry, dir: string): RefusedEntry | undefined {
  const entryPath = path.join(dir, entry.name);
  if (entry.isSymbolicLink()) return { path: entryPath, type: 'symlink' };
  if (!entry.isFile() && !entry.isDirectory()) return { path: entryPath, type: 'special' };
  return undefined;
}

const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const isNote = (name: string) => name.startsWith('.') || name.toLowerCase().endsWith('.md');

const BATCH_LIMITS = {
  'people.csv': MAX_FILE_BYTES,
  'phones.csv': MAX_FILE_BYTES,
  'batch.yml': MAX_YAML_BYTES,
};

async function readBatch(root: string, name: string, refused: RefusedEntry[]): Promise<BatchInput> {
  const dir = path.join(root, name);
  const entries = await readdir(dir, { withFileTypes: true });
  const files: BatchInput['files'] = {};
  const otherFiles: string[] = [];
  for (const entry of entries.sort(byName)) {
    // Hidden files are fine, and so are notes next to the CSVs (README.md) unless they are links.
    if (entry.name.startsWith('.')) continue;
    const refuse = refusal(entry, dir);
    if (refuse) {
      refused.push(refuse);
      continue;
    }
    if (!entry.isFile() || isNote(entry.name)) continue;
    const file = path.join(dir, entry.name);
    const limit = BATCH_LIMITS[entry.name as keyof typeof BATCH_LIMITS];
    if (limit === undefined) {
      otherFiles.push(file);
      continue;
    }
    let input: InputFile;
    try {
      input = { path: file, content: await readCapped(file, limit) };
    } catch (error) {
      // Replaced by a link or a FIFO between listing and opening.
      if (!(error instanceof NotAFileError)) throw error;
      refused.push({ path: file, type: error.type });
      continue;
    }
    if (entry.name === 'people.csv') files.people = input;
    else if (entry.name === 'phones.csv') files.phones = input;
    else files.batch = input;
  }
  return { name, files, otherFiles };
}

/**
 * Read every batch folder under `root` and validate it. Files at the root (README.md, policy.yml)
 * are not batches; policy.yml is read by readPolicyFile. A missing root is a thrown Error: there is
 * nothing to validate. A root that is itself a link is a finding, like any link under it. With `org`
 * (orgs.yml), only the batches that go to that org, and the findings not about the others.
 */
export async function loadImports(root: string, org?: string): Promise<ImportSet> {
  return importsForOrg(await loadAll(root), org);
}

async function loadAll(root: string): Promise<ImportSet> {
  const info = await lstat(root).catch(() => undefined);
  if (!info) throw new Error(`The imports folder "${root}" does not exist.`);
  if (info.isSymbolicLink()) {
    return validateImportSet({ root, batches: [], refused: [{ path: root, type: 'symlink' }] });
  }
  if (!info.isDirectory())
    throw new Error(`"${root}" is not a folder; --imports needs the folder that holds the batches.`);
  const entries = (await readdir(root, { withFileTypes: true })).sort(byName);
  const refused: RefusedEntry[] = [];
  const otherFiles: string[] = [];
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const refuse = refusal(entry, root);
    if (refuse) refused.push(refuse);
    else if (entry.isDirectory()) {
      if (isBatchFolder(entry.name)) names.push(entry.name);
    } else if (!(ROOT_FILES as readonly string[]).includes(entry.name) && !isNote(entry.name))
      otherFiles.push(path.join(root, entry.name));
  }
  const batches: BatchInput[] = [];
  for (const name of names) batches.push(await readBatch(root, name, refused));
  const orgs = await readRootFile(root, ORGS_FILE, refused);
  return validateImportSet({ root, batches, otherFiles, refused, ...(orgs ? { orgs } : {}) });
}
