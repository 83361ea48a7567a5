// batch.yml's phone_defaults fill blank phones.csv cells: a problem with a default is fixed in
// batch.yml, so the finding points at the default's line there, not at each blank cell that took it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImports } from '../../src/imports.js';
import { buildPlan } from '../../src/plan/plan.js';
import type { PhonePlan } from '../../src/plan/types.js';
import { snapshot } from './fixtures.js';

let root: string;

/** An imports folder `name` with one batch of that name: two new people; `phones` is phones.csv after its header. */
async function batchWith(name: string, batchYml: string, phones: string): Promise<void> {
  const dir = path.join(root, name, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'batch.yml'), batchYml);
  await writeFile(
    path.join(dir, 'people.csv'),
    [
      'name,email,roles_divisions',
      'Ada Lane,ada.lane@northfield.edu,PureCloud User:[Student Services]',
      'Bo Reyes,bo.reyes@northfield.edu,PureCloud User:[Student Services]',
      '',
    ].join('\n'),
  );
  await writeFile(path.join(dir, 'phones.csv'), `phone_name,base_settings,site,email\n${phones}`);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'gc-onboard-defaults-'));
  await batchWith(
    'unknown-site',
    [
      'training_day: 2026-12-01',
      'phone_defaults:',
      '  base_settings: WebRTC Softphone',
      '  site: Northfeld Main Campus',
      '',
    ].join('\n'),
    ',,,ada.lane@northfield.edu\n,,Northfield Library Annex,bo.reyes@northfield.edu\n',
  );
  await batchWith(
    'desk-phone',
    ['phone_defaults:', '  base_settings: Polycom VVX 411', '  site: Northfield Main Campus', ''].join('\n'),
    ',,,ada.lane@northfield.edu\n',
  );
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const errorsOf = (phone: PhonePlan | undefined) =>
  phone?.errors.map((e) => [path.relative(root, e.file), e.line, e.column, e.code]);

describe('errors from batch.yml phone_defaults', () => {
  it("point at the default's line and key in batch.yml; a cell's own value stays on the cell", async () => {
    const imports = await loadImports(path.join(root, 'unknown-site'));
    expect(imports.findings).toEqual([]);
    const [ada, bo] = buildPlan(imports, snapshot()).batches[0]?.phones ?? [];
    expect(errorsOf(ada)).toEqual([
      ['unknown-site/unknown-site/batch.yml', 4, 'phone_defaults.site', 'unknown-site'],
    ]);
    expect(ada?.errors[0]?.message).toBe(
      'Unknown site "Northfeld Main Campus" (did you mean "Northfield Main Campus"?)' +
        " (batch.yml's phone_defaults.site, which blank site cells of phones.csv take)",
    );
    expect(ada?.action).toBe('error');
    expect(errorsOf(bo)).toEqual([['unknown-site/unknown-site/phones.csv', 3, 'site', 'unknown-site']]);
  });

  it('base settings given as a default that are not a WebRTC softphone are an error in batch.yml', async () => {
    const imports = await loadImports(path.join(root, 'desk-phone'));
    const [ada] = buildPlan(imports, snapshot()).batches[0]?.phones ?? [];
    expect(errorsOf(ada)).toEqual([
      ['desk-phone/desk-phone/batch.yml', 2, 'phone_defaults.base_settings', 'not-webrtc-base-settings'],
    ]);
  });
});
