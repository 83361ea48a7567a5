// The one-way dependencies docs/architecture.md promises around the permission tables: doctor and the
// sandbox share src/permissions and import nothing of each other; apply's 403 gate is not doctor's;
// the probe does not depend on the CLI's command type.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.join(import.meta.dirname, '../../src');

/** `from '…'` targets of every .ts file under src/<folder>, resolved to paths relative to src/. */
async function importsOf(folder: string): Promise<{ file: string; target: string }[]> {
  const dir = path.join(SRC, folder);
  const files = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.ts'));
  const found: { file: string; target: string }[] = [];
  for (const name of files) {
    const file = path.join(dir, name);
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = path.relative(SRC, path.resolve(path.dirname(file), match[1] ?? ''));
      found.push({ file: path.relative(SRC, file), target });
    }
  }
  return found;
}

const into = (edges: { file: string; target: string }[], folder: string) =>
  edges.filter((edge) => edge.target.startsWith(`${folder}/`)).map((edge) => `${edge.file} → ${edge.target}`);

describe('dependencies around the permission tables', () => {
  it('sandbox/ imports nothing of doctor/, and doctor/ nothing of sandbox/', async () => {
    expect(into(await importsOf('sandbox'), 'doctor')).toEqual([]);
    expect(into(await importsOf('doctor'), 'sandbox')).toEqual([]);
  });

  it('apply/ and run/ take the 403 gate from permissions/, not doctor/', async () => {
    expect(into(await importsOf('apply'), 'doctor')).toEqual([]);
    expect(into(await importsOf('run'), 'doctor')).toEqual([]);
    expect(into(await importsOf('apply'), 'permissions')).toEqual([
      'apply/apply.ts → permissions/forbidden.js',
    ]);
  });

  it('permissions/ imports no folder that imports it', async () => {
    const targets = (await importsOf('permissions')).map((edge) => edge.target.split('/')[0]);
    for (const folder of ['doctor', 'sandbox', 'apply', 'run', 'cli', 'action'])
      expect(targets).not.toContain(folder);
  });

  it('probe/ does not import cli/', async () => {
    expect(into(await importsOf('probe'), 'cli')).toEqual([]);
  });
});
