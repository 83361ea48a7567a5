// "A person gets one WebRTC phone" is one rule with one code (csv/phones.ts secondPhone), wherever the
// other phone is: an earlier line of the same phones.csv, another batch, or the org.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImports } from '../../src/imports.js';
import { buildPlan } from '../../src/plan/plan.js';
import { aishaRow, aishaUser, batch, importSet, maria, orgPhone, phoneRow, snapshot } from './fixtures.js';

let root: string;
const HEADER = 'phone_name,base_settings,site,email\n';
const DEFAULTS = 'phone_defaults:\n  base_settings: WebRTC Softphone\n  site: Northfield Main Campus\n';

async function write(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), content);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'gc-onboard-one-phone-'));
  // Two rows for Ada in one file; Bo in two batches.
  await write('a-batch/batch.yml', DEFAULTS);
  await write(
    'a-batch/phones.csv',
    `${HEADER}Ada 1,,,ada@northfield.edu\nAda 2,,,ada@northfield.edu\nBo 1,,,bo@northfield.edu\n`,
  );
  await write('b-batch/batch.yml', DEFAULTS);
  await write('b-batch/phones.csv', `${HEADER}Bo 2,,,bo@northfield.edu\n`);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const RULE = /; a person gets one WebRTC phone\.$/;

describe('one phone per person', () => {
  it('in the same file and across batches, validate refuses the second row with person-has-two-phones', async () => {
    const { findings } = await loadImports(root);
    const twice = findings.filter((finding) => finding.column === 'email');
    expect(twice.map((f) => [path.relative(root, f.file), f.line, f.code])).toEqual([
      ['a-batch/phones.csv', 3, 'person-has-two-phones'],
      ['b-batch/phones.csv', 2, 'person-has-two-phones'],
    ]);
    for (const finding of twice) expect(finding.message).toMatch(RULE);
  });

  it('against the org, plan refuses a phone for someone who has another one, with the same code', () => {
    const other = orgPhone({ id: 'ph-old', name: 'Aisha Old Phone', webRtcUserId: 'user-aisha' });
    const plan = buildPlan(
      importSet([
        batch(
          [aishaRow()],
          [phoneRow({ line: 2, email: 'aisha.rahman@northfield.edu', name: 'Aisha Rahman' })],
        ),
      ]),
      snapshot({ users: [maria, aishaUser()], phones: [other] }),
    );
    const errors = plan.batches[0]?.phones[0]?.errors ?? [];
    expect(errors.map((e) => [e.column, e.code])).toEqual([['email', 'person-has-two-phones']]);
    expect(errors[0]?.message).toMatch(RULE);
  });
});
