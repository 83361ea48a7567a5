// The committed dist/ is what GitHub runs (action.yml `main: dist/index.js`). It must be exactly what
// `npm run build` makes from the source, or the Action runs code nobody reviewed. CI's check-dist job
// does the same with git; this test says it locally, before a push.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildBundle, listFiles, REPO } from './bundle.js';

const COMMITTED = path.join(REPO, 'dist');
let build: string;

beforeAll(async () => {
  build = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-check-dist-'));
  await buildBundle(path.join(build, 'dist'));
}, 60_000);
afterAll(async () => {
  await rm(build, { recursive: true, force: true });
});

it('dist/ is the build of the source (run `npm run build` and commit dist/ when this fails)', async () => {
  const fresh = path.join(build, 'dist');
  const [expected, committed] = await Promise.all([listFiles(fresh), listFiles(COMMITTED)]);
  expect(committed, 'the files in dist/').toEqual(expected);
  const stale: string[] = [];
  for (const file of expected) {
    const [a, b] = await Promise.all([
      readFile(path.join(fresh, file)),
      readFile(path.join(COMMITTED, file)),
    ]);
    if (!a.equals(b)) stale.push(file);
  }
  expect(stale, 'files of dist/ that differ from a fresh build').toEqual([]);
});
