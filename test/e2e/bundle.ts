// Builds the bundle exactly as `npm run build` does (scripts/build.mjs), but into a folder of the
// caller's, so that tests never rewrite the committed dist/ (and two test files never race on it).
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export const REPO = path.resolve(import.meta.dirname, '../..');
const BUILD_SCRIPT = path.join(REPO, 'scripts', 'build.mjs');

/**
 * Runs scripts/build.mjs with `outdir` in place of `dist`. When the script takes `--outdir` it is
 * run as it is; until then a copy is run whose two `'dist'` literals (the rm and the outdir) point at
 * `outdir`. The build still runs from the repository root, so every path esbuild writes into the
 * bundle is the same as in the committed one.
 */
export async function buildBundle(outdir: string): Promise<void> {
  const source = await readFile(BUILD_SCRIPT, 'utf8');
  let script = BUILD_SCRIPT;
  const args: string[] = [];
  if (source.includes('--outdir')) {
    args.push('--outdir', outdir);
  } else {
    const literals = source.match(/'dist'/g)?.length ?? 0;
    if (literals !== 2) {
      throw new Error(
        `scripts/build.mjs has ${literals} 'dist' literals, not the 2 this test rewrites; give it an --outdir option.`,
      );
    }
    const esbuild = pathToFileURL(createRequire(BUILD_SCRIPT).resolve('esbuild')).href;
    const copy = source
      .replaceAll("'dist'", JSON.stringify(outdir))
      .replace(/from 'esbuild'/, `from ${JSON.stringify(esbuild)}`);
    script = path.join(path.dirname(outdir), `build-${path.basename(outdir)}.mjs`);
    await writeFile(script, copy);
  }
  await promisify(execFile)(process.execPath, [script, ...args], { cwd: REPO });
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
