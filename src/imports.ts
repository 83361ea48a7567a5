// The one place that reads an imports folder from disk; everything after it is pure.

import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES } from './csv/read.js';
import type { ImportSet } from './csv/types.js';
import { validateImportSet, type BatchInput, type InputFile } from './csv/validate.js';

/** Folders that are never batches: the header-only templates, drafts (`_x`) and hidden ones. */
export function isBatchFolder(name: string): boolean {
  return name !== 'templates' && !name.startsWith('_') && !name.startsWith('.');
}

/** Oversized files are read only one byte past the limit: enough for the size finding, never the whole file. */
export async function readCapped(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size <= MAX_FILE_BYTES) return await handle.readFile();
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
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

async function readBatch(root: string, name: string): Promise<BatchInput> {
  const dir = path.join(root, name);
  const entries = await readdir(dir, { withFileTypes: true });
  const files: BatchInput['files'] = {};
  const otherFiles: string[] = [];
  const read = async (entry: string): Promise<InputFile> => {
    const file = path.join(dir, entry);
    return { path: file, content: await readCapped(file) };
  };
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // Notes next to the CSVs (README.md) and hidden files are fine; anything else was probably meant to be read.
    if (!entry.isFile() || entry.name.startsWith('.') || entry.name.toLowerCase().endsWith('.md')) continue;
    if (entry.name === 'people.csv') files.people = await read(entry.name);
    else if (entry.name === 'phones.csv') files.phones = await read(entry.name);
    else if (entry.name === 'batch.yml') files.batch = await read(entry.name);
    else otherFiles.push(path.join(dir, entry.name));
  }
  return { name, files, otherFiles };
}

/**
 * Read every batch folder under `root` and validate it. Files at the root (README.md, policy.yml)
 * are not batches. A missing root is a thrown Error: there is nothing to validate.
 */
export async function loadImports(root: string): Promise<ImportSet> {
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new Error(`The imports folder "${root}" does not exist.`);
  if (!info.isDirectory())
    throw new Error(`"${root}" is not a folder; --imports needs the folder that holds the batches.`);
  const entries = await readdir(root, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && isBatchFolder(entry.name))
    .map((entry) => entry.name)
    .sort();
  const batches: BatchInput[] = [];
  for (const name of names) batches.push(await readBatch(root, name));
  return validateImportSet({ root, batches });
}
