import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/csv/read.js';
import { loadImports, readCapped } from '../../src/imports.js';
import { FIXTURES, places } from './fixtures.js';

describe('loadImports', () => {
  it('validates the demo batch clean', async () => {
    const set = await loadImports('src/sandbox/demo');
    expect(set.findings).toEqual([]);
    expect(set.batches.map((b) => [b.name, b.people.length, b.phones.length])).toEqual([
      ['student-services', 10, 10],
    ]);
    expect(set.batches[0]?.config.trainingDay).toBe('2026-12-01');
    expect(set.batches[0]?.files.people).toBe(
      path.join('src/sandbox/demo', 'student-services', 'people.csv'),
    );
  });

  it('reads batch folders only, and checks across them', async () => {
    const root = path.join(FIXTURES, 'imports', 'two-batches');
    const set = await loadImports(root);
    // templates/, _draft/ and .hidden/ are not batches; README.md and policy.yml at the root are not either.
    expect(set.batches.map((b) => b.name)).toEqual(['admissions', 'student-services']);
    const at = (batch: string, file: string) => path.join(root, batch, file);
    expect(set.findings.map((f) => [f.file, ...places([f])[0]!])).toEqual([
      [at('student-services', 'batch.yaml'), 'error', 1, null, 'misnamed-file'],
      [at('student-services', 'people.csv'), 'error', 4, 'email', 'duplicate-email-across-batches'],
      [at('student-services', 'phones.csv'), 'error', 2, 'phone_name', 'duplicate-phone-name'],
      [at('student-services', 'phones.csv'), 'error', 4, 'email', 'person-has-two-phones'],
    ]);
    expect(set.findings[1]?.message).toBe(
      `"Hannah.Schmidt@northfield.edu" is also in batch "admissions" (${at('admissions', 'people.csv')} line 3); a person belongs in one row of one batch only: keep one.`,
    );
    const [admissions, services] = set.batches;
    expect(admissions?.config.trainingDay).toBe('2026-11-15');
    // batch.yaml is not read, so this batch has the defaults.
    expect(services?.config).toEqual({ updateExisting: true, phoneDefaults: {} });
    expect(services?.phones.map((p) => p.name)).toEqual(['Hannah phone']);
  });

  it('warns about a batch folder without CSVs', async () => {
    const root = path.join(FIXTURES, 'imports', 'only-config');
    const set = await loadImports(root);
    expect(set.findings.map((f) => [f.file, f.code])).toEqual([
      [path.join(root, 'empty-batch'), 'empty-batch'],
    ]);
  });

  it('throws a clear error for a missing root or a root that is a file', async () => {
    await expect(loadImports('no/such/imports')).rejects.toThrow(
      'The imports folder "no/such/imports" does not exist.',
    );
    await expect(loadImports(path.join(FIXTURES, 'people', 'good.csv'))).rejects.toThrow('is not a folder');
  });

  describe('with an oversized file', () => {
    let root = '';
    beforeAll(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'gc-onboard-imports-'));
      await mkdir(path.join(root, 'big'));
      await writeFile(path.join(root, 'big', 'people.csv'), Buffer.alloc(MAX_FILE_BYTES + 1024 * 1024, 'a'));
    });
    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('reports file-too-large without reading the whole file', async () => {
      const set = await loadImports(root);
      expect(places(set.findings)).toEqual([['error', 1, null, 'file-too-large']]);
      expect(set.findings[0]?.message).toBe(
        'people.csv is larger than the 10 MB limit; split it into several batches.',
      );
      expect((await readCapped(path.join(root, 'big', 'people.csv'))).length).toBe(MAX_FILE_BYTES + 1);
    });
  });
});
