// init from the esbuild bundle, as `npx gc-onboard init` runs it (bin → dist/cli.js): the templates
// are embedded in the code, so the bundle needs no file beside it. Built into a temporary folder so
// the committed dist/ is never touched; the bundle is then run from another working directory.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_REF } from '../../src/init/action-ref.js';
import { buildBundle, listFiles } from '../e2e/bundle.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-init-bundle-'));
  await buildBundle(path.join(tmp, 'build', 'dist'));
}, 60_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('the bundled CLI', () => {
  it('runs init with no source tree around it', async () => {
    const repo = path.join(tmp, 'team-repo');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(tmp, 'build', 'dist', 'cli.js'), 'init', repo],
      { cwd: os.tmpdir() },
    );
    expect(stdout).toContain('wrote .github/workflows/preview.yml');
    expect(await listFiles(repo)).toHaveLength(13);
    expect(await readFile(path.join(repo, '.github/workflows/apply.yml'), 'utf8')).toContain(
      `uses: ${ACTION_REF}\n`,
    );
  });
});
