import { describe, expect, it } from 'vitest';
import { validateImportSet, type BatchInput } from '../../src/csv/validate.js';
import { places } from './fixtures.js';

const csv = (text: string) => Buffer.from(text, 'utf8');

const batch = (name: string, people?: string, phones?: string, yml?: string): BatchInput => ({
  name,
  files: {
    people: people === undefined ? undefined : { path: `imports/${name}/people.csv`, content: csv(people) },
    phones: phones === undefined ? undefined : { path: `imports/${name}/phones.csv`, content: csv(phones) },
    batch: yml === undefined ? undefined : { path: `imports/${name}/batch.yml`, content: csv(yml) },
  },
});

describe('validateImportSet', () => {
  it('builds one Batch per input with its config, rows and file paths', () => {
    const set = validateImportSet({
      root: 'imports',
      batches: [
        batch(
          'sales',
          'name,email\nAna Silva,ana@example.org\n',
          'phone_name,base_settings,site,email\n,,,ana@example.org\n',
          'training_day: 2026-12-01\nphone_defaults:\n  base_settings: WebRTC\n  site: HQ\n',
        ),
      ],
    });
    expect(set.findings).toEqual([]);
    expect(set.root).toBe('imports');
    expect(set.batches).toHaveLength(1);
    expect(set.batches[0]).toMatchObject({
      name: 'sales',
      dir: 'imports/sales',
      config: { trainingDay: '2026-12-01', updateExisting: true },
      files: {
        people: 'imports/sales/people.csv',
        phones: 'imports/sales/phones.csv',
        batch: 'imports/sales/batch.yml',
      },
      people: [{ name: 'Ana Silva', line: 2 }],
      phones: [{ name: 'Ana Silva', baseSettings: 'WebRTC', site: 'HQ', personInBatch: true }],
    });
  });

  it('refuses the same person in a second batch, naming both places, and leaves that row out', () => {
    const set = validateImportSet({
      root: 'imports',
      batches: [
        batch('a', 'name,email\nAna Silva,ana@example.org\n'),
        batch('b', 'name,email\nBo Li,bo@example.org\n\nAna Silva,ANA@example.org\n'),
      ],
    });
    expect(set.findings).toEqual([
      {
        severity: 'error',
        file: 'imports/b/people.csv',
        line: 4,
        column: 'email',
        code: 'duplicate-email-across-batches',
        message:
          '"ANA@example.org" is also in batch "a" (imports/a/people.csv line 2); a person belongs in one row of one batch only: keep one.',
      },
    ]);
    expect(set.batches[0]?.people.map((p) => p.line)).toEqual([2]);
    expect(set.batches[1]?.people.map((p) => p.line)).toEqual([2]);
  });

  it('refuses a phone name or a phone owner already used in another batch, and leaves those rows out', () => {
    const phones = 'phone_name,base_settings,site,email\n';
    const set = validateImportSet({
      root: 'imports',
      batches: [
        batch('a', undefined, `${phones}Front Desk,W,S,ana@example.org\n`),
        batch(
          'b',
          undefined,
          `${phones}front desk,W,S,bo@example.org\nAna 2,W,S,Ana@example.org\nBo desk,W,S,cy@example.org\n`,
        ),
      ],
    });
    expect(places(set.findings)).toEqual([
      ['error', 2, 'phone_name', 'duplicate-phone-name'],
      ['error', 3, 'email', 'person-has-two-phones'],
    ]);
    expect(set.findings.map((f) => f.message)).toEqual([
      'Phone name "front desk" is also used in batch "a" (imports/a/phones.csv line 2); phone names must be unique.',
      '"Ana@example.org" already has a phone in batch "a" (imports/a/phones.csv line 2); a person gets one WebRTC phone.',
    ]);
    expect(set.batches[1]?.phones.map((p) => p.line)).toEqual([4]);
  });

  it('refuses a batch with neither CSV, and a misnamed batch file with did-you-mean', () => {
    const set = validateImportSet({
      root: 'imports',
      batches: [
        {
          ...batch('x', undefined, undefined, 'training_day: 2026-12-01\n'),
          otherFiles: ['imports/x/People.csv'],
        },
      ],
    });
    expect(set.findings).toEqual([
      {
        severity: 'error',
        file: 'imports/x',
        line: 1,
        column: null,
        code: 'empty-batch',
        message:
          'Batch "x" has neither people.csv nor phones.csv, so nothing would be imported from it: add them (imports/templates has both), or rename the folder to _x to keep it as a draft.',
      },
      {
        severity: 'error',
        file: 'imports/x/People.csv',
        line: 1,
        column: null,
        code: 'misnamed-file',
        message:
          '"People.csv" is not read (did you mean "people.csv"?); a batch holds people.csv, phones.csv, batch.yml, spelled exactly so. Rename it.',
      },
    ]);
  });

  it('sorts findings by file, then line, across batches and files', () => {
    const set = validateImportSet({
      root: 'imports',
      batches: [
        batch(
          'b',
          'name,email\nX,bad\nY,\n',
          'phone_name,base_settings,site,email\nP,,,p@example.org\n',
          'oops: 1\n',
        ),
        batch('a', 'name,email\n\n\nZ,z@\n'),
      ],
    });
    expect(set.findings.map((f) => [f.file, f.line, f.code])).toEqual([
      ['imports/a/people.csv', 4, 'invalid-email'],
      ['imports/b/batch.yml', 1, 'unknown-key'],
      ['imports/b/people.csv', 2, 'invalid-email'],
      ['imports/b/people.csv', 3, 'missing-value'],
      ['imports/b/phones.csv', 2, 'missing-value'],
      ['imports/b/phones.csv', 2, 'missing-value'],
    ]);
  });
});
