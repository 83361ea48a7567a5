// Builds the bundle exactly as `npm run build` does (scripts/build.mjs), but into a folder of the
// caller's, so that tests never rewrite the committed dist/ (and two test files never race on it).
import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

export const REPO = path.resolve(import.meta.dirname, '../..');
const BUILD_SCRIPT = path.join(REPO, 'scripts', 'build.mjs');

/** Runs scripts/build.mjs with `--outdir`, from the repository root, so paths in the bundle match the committed one. */
export async function buildBundle(outdir: string): Promise<void> {
  await promisify(execFile)(process.execPath, [BUILD_SCRIPT, '--outdir', outdir], { cwd: REPO });
  // The bundle is ESM: Node needs "type": "module" from the nearest package.json.
  await writeFile(path.join(path.dirname(outdir), 'package.json'), '{ "type": "module" }\n');
}

/** Every file under `dir`, as sorted paths relative to it with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
