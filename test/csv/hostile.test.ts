// Input an attacker (or an unlucky spreadsheet) would send: links and special files under imports/,
// oversized or self-multiplying YAML, misnamed files, floods of findings, characters the org must
// never get, mixed line endings and bytes that are not UTF-8 (issue 15).

import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBatchConfig } from '../../src/csv/batch-config.js';
import { parsePeople } from '../../src/csv/people.js';
import { parsePhones } from '../../src/csv/phones.js';
import { validateImportSet } from '../../src/csv/validate.js';
import { DEFAULT_BATCH_CONFIG } from '../../src/csv/batch-config.js';
import { loadImports, readCapped, readPolicyFile } from '../../src/imports.js';
import { places } from './fixtures.js';

const PEOPLE = 'name,email\n';
const GOOD_ROW = 'Ana Silva,ana@example.org\n';

describe('links and special files under imports/', () => {
  let dir = '';
  let root = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gc-onboard-hostile-'));
    root = path.join(dir, 'imports');
    await mkdir(path.join(root, 'sales'), { recursive: true });
    await writeFile(path.join(root, 'sales', 'people.csv'), PEOPLE + GOOD_ROW);
    // A file outside the repository whose values must never appear in a finding.
    await mkdir(path.join(dir, 'outside'));
    await writeFile(path.join(dir, 'outside', 'people.csv'), `${PEOPLE}SECRET VALUE,not-an-email\n`);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('never follows a symbolic link: a finding at the link, nothing read through it', async () => {
    await symlink(path.join(dir, 'outside'), path.join(root, 'linked-batch'));
    await symlink(path.join(dir, 'outside', 'people.csv'), path.join(root, 'sales', 'phones.csv'));
    await symlink('/dev/zero', path.join(root, 'sales', 'batch.yml'));
    await symlink('/dev/zero', path.join(root, 'policy.yml'));

    const set = await loadImports(root);
    expect(set.findings.map((f) => [path.relative(root, f.file), f.severity, f.code])).toEqual([
      ['linked-batch', 'error', 'symlink'],
      ['policy.yml', 'error', 'symlink'],
      [path.join('sales', 'batch.yml'), 'error', 'symlink'],
      [path.join('sales', 'phones.csv'), 'error', 'symlink'],
    ]);
    expect(set.findings[0]?.message).toBe(
      '"linked-batch" is a symbolic link; links under the imports folder are never followed, since they can point outside the repository. Replace it with the file or folder itself.',
    );
    expect(JSON.stringify(set)).not.toContain('SECRET');
    expect(set.batches.map((b) => [b.name, b.people.length, b.phones.length])).toEqual([['sales', 1, 0]]);
    // policy.yml is read through the same guard: a link is "no policy" here, and the finding above stops apply.
    expect(await readPolicyFile(root)).toEqual({ file: path.join(root, 'policy.yml'), content: null });
    await expect(readCapped(path.join(root, 'sales', 'batch.yml'))).rejects.toThrow('is a symbolic link');
  });

  it('refuses an imports folder that is itself a link', async () => {
    const link = path.join(dir, 'imports-link');
    await symlink(root, link);
    const set = await loadImports(link);
    expect(set.batches).toEqual([]);
    expect(places(set.findings)).toEqual([['error', 1, null, 'symlink']]);
  });

  it.skipIf(process.platform === 'win32')('never opens a FIFO (it would block forever)', async () => {
    execFileSync('mkfifo', [path.join(root, 'sales', 'phones.csv')]);
    execFileSync('mkfifo', [path.join(root, 'policy.yml')]);
    const set = await loadImports(root);
    expect(set.findings.map((f) => [path.relative(root, f.file), f.code])).toEqual([
      ['policy.yml', 'not-a-file'],
      [path.join('sales', 'phones.csv'), 'not-a-file'],
    ]);
    expect((await readPolicyFile(root)).content).toBeNull();
  });

  it('reads at most the cap of a YAML file', async () => {
    await writeFile(path.join(root, 'policy.yml'), Buffer.alloc(200 * 1024, 'a'));
    expect((await readPolicyFile(root)).content?.length).toBe(64 * 1024 + 1);
  });
});

describe('YAML size and alias limits', () => {
  const laughs = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  ].join('\n');

  it('refuses a batch.yml over 64 KiB with a finding, not a crash', () => {
    const big = `training_day: 2026-12-01\n# ${'x'.repeat(64 * 1024)}\n`;
    const { config, findings } = parseBatchConfig(Buffer.from(big), 'imports/a/batch.yml');
    expect(config).toEqual(DEFAULT_BATCH_CONFIG);
    expect(places(findings)).toEqual([['error', 1, null, 'file-too-large']]);
    expect(findings[0]?.message).toContain('larger than 64 KiB');
  });

  it('refuses more than 10 aliases (a "billion laughs" batch.yml) at the line of the 11th', () => {
    const { findings } = parseBatchConfig(`training_day: 2026-12-01\n${laughs}\n`, 'imports/a/batch.yml');
    expect(places(findings)).toEqual([['error', 4, null, 'too-many-aliases']]);
    expect(findings[0]?.message).toBe(
      'batch.yml uses more than 10 aliases (*name); write the values out instead.',
    );
  });

  it('still reads a file with a few aliases', () => {
    const yml = 'training_day: &day 2026-12-01\nphone_defaults:\n  base_settings: &b WebRTC\n  site: *b\n';
    const { config, findings } = parseBatchConfig(yml, 'imports/a/batch.yml');
    expect(findings).toEqual([]);
    expect(config.phoneDefaults).toEqual({ baseSettings: 'WebRTC', site: 'WebRTC' });
  });

  it('says "nested too deeply" for a deeply nested document', () => {
    const { findings } = parseBatchConfig(`a: ${'['.repeat(20_000)}\n`, 'imports/a/batch.yml');
    expect(findings.map((f) => [f.code, f.message])).toEqual([
      ['invalid-yaml', 'batch.yml is not valid YAML: it is nested too deeply.'],
    ]);
  });
});

describe('misnamed files', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'gc-onboard-names-'));
    await mkdir(path.join(root, 'sales'));
    await writeFile(path.join(root, 'sales', 'people.csv'), PEOPLE + GOOD_ROW);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('refuses policy.yaml and other near misses of policy.yml at the root, with did-you-mean', async () => {
    for (const name of ['policy.yaml', 'Policy.yml', 'policy.yml.txt', 'policies.yml', 'people.csv']) {
      await writeFile(path.join(root, name), 'max_changes: 5\n');
    }
    // Examples and notes that are clearly something else stay quiet.
    await writeFile(path.join(root, 'policy.example.yml'), 'max_changes: 5\n');
    await writeFile(path.join(root, 'README.md'), '# imports\n');
    const set = await loadImports(root);
    expect(set.findings.map((f) => [path.basename(f.file), f.severity, f.code])).toEqual([
      ['Policy.yml', 'error', 'misnamed-file'],
      ['people.csv', 'error', 'imports-is-a-batch'],
      ['policies.yml', 'error', 'misnamed-file'],
      ['policy.yaml', 'error', 'misnamed-file'],
      ['policy.yml.txt', 'error', 'misnamed-file'],
    ]);
    expect(set.findings.find((f) => f.file.endsWith('policy.yaml'))?.message).toBe(
      '"policy.yaml" is not read (did you mean "policy.yml"?); the policy is read from policy.yml only. Rename it.',
    );
  });

  it('refuses near misses of a batch file in a batch folder; other files are a warning', async () => {
    for (const name of ['batch.yaml', 'People.CSV', 'people.txt', 'phone.csv', 'notes.txt']) {
      await writeFile(path.join(root, 'sales', name), 'x\n');
    }
    const set = await loadImports(root);
    expect(set.findings.map((f) => [path.basename(f.file), f.severity, f.code])).toEqual([
      ['People.CSV', 'error', 'misnamed-file'],
      ['batch.yaml', 'error', 'misnamed-file'],
      ['notes.txt', 'warning', 'unexpected-file'],
      ['people.txt', 'error', 'misnamed-file'],
      ['phone.csv', 'error', 'misnamed-file'],
    ]);
    expect(set.findings.find((f) => f.file.endsWith('phone.csv'))?.message).toContain(
      '(did you mean "phones.csv"?)',
    );
  });
});

describe('any number of findings', () => {
  it('keeps the first 10,000 findings of a file and counts the rest by code, without overflowing the stack', () => {
    const rows = 150_000;
    const content = PEOPLE + Array.from({ length: rows }, (_, i) => `A,bad${i}\n`).join('');
    const set = validateImportSet({
      root: 'imports',
      batches: [{ name: 'b', files: { people: { path: 'imports/b/people.csv', content } } }],
    });
    expect(set.findings).toHaveLength(10_001);
    const last = set.findings[10_000];
    expect(last).toMatchObject({ severity: 'error', line: 10_002, code: 'too-many-findings' });
    expect(last?.message).toBe(
      '140,000 more problems from this line on are not listed (invalid-email 140,000): the first 10,000 are. Check that this is the right file, fix those, and validate again.',
    );
  });
});

describe('characters the org must never get', () => {
  const one = (cell: string, column = 'title') => {
    const header = `name,email,${column}\n`;
    const { rows, findings } = parsePeople(`${header}Ana,ana@example.org,"${cell}"\n`, 'p.csv', 'b');
    return { rows, findings };
  };

  it.each([
    ['NUL', 'Advi\u0000sor', 'control-character', 'U+0000 NULL at character 5 of "Advi\\u0000sor"'],
    ['a tab', 'Advi\tsor', 'control-character', 'U+0009 CHARACTER TABULATION (a tab) at character 5'],
    ['ESC', '\u001b[31mRed', 'control-character', 'U+001B ESCAPE at character 1'],
    ['a C1 control', 'Advi\u0085sor', 'control-character', 'U+0085 NEXT LINE at character 5'],
    ['DEL', 'Advisor\u007f', 'control-character', 'U+007F DELETE'],
    ['an invisible line separator', 'A\u2028B', 'control-character', 'U+2028 LINE SEPARATOR'],
    [
      'a bidi override',
      'Advisor\u202Erotsiva',
      'bidi-control',
      'U+202E RIGHT-TO-LEFT OVERRIDE at character 8 of "Advisor<U+202E>rotsiva"',
    ],
    ['a bidi embedding', '\u202AAdvisor', 'bidi-control', 'U+202A LEFT-TO-RIGHT EMBEDDING'],
    ['a bidi isolate', 'Advisor\u2066x\u2069', 'bidi-control', 'U+2066 LEFT-TO-RIGHT ISOLATE'],
    ['a pop isolate', 'Advisor\u2069', 'bidi-control', 'U+2069 POP DIRECTIONAL ISOLATE'],
  ])('%s in a cell is an error naming the code point', (_, cell, code, text) => {
    const { rows, findings } = one(cell);
    expect(places(findings)).toEqual([['error', 2, 'title', code]]);
    expect(findings[0]?.message).toContain(text);
    expect(rows).toEqual([]);
  });

  it('shows a bidi character as <U+…> in the message, never the character itself', () => {
    const { findings } = one('Advisor\u202Erotsiva', 'name');
    expect(findings[0]?.message).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it.each([
    ['ZERO WIDTH SPACE', 'Ana\u200BSilva', 'U+200B ZERO WIDTH SPACE at character 4'],
    ['ZERO WIDTH JOINER', 'Ana\u200DSilva', 'U+200D ZERO WIDTH JOINER'],
    ['WORD JOINER', 'Ana\u2060Silva', 'U+2060 WORD JOINER'],
    ['a BOM inside a cell', 'Ana\uFEFFSilva', 'U+FEFF ZERO WIDTH NO-BREAK SPACE (byte order mark)'],
  ])('%s is a warning naming the code point, and the row is kept', (_, name, text) => {
    const { rows, findings } = parsePeople(`name,email\n"${name}",ana@example.org\n`, 'p.csv', 'b');
    expect(places(findings)).toEqual([['warning', 2, 'name', 'zero-width-character']]);
    expect(findings[0]?.message).toContain(text);
    expect(rows).toHaveLength(1);
  });

  it('a leading BOM of the file is fine', () => {
    const { rows, findings } = parsePeople(`\uFEFF${PEOPLE}${GOOD_ROW}`, 'p.csv', 'b');
    expect(findings).toEqual([]);
    expect(rows).toHaveLength(1);
  });

  it('checks phones.csv cells too', () => {
    const { rows, findings } = parsePhones(
      'phone_name,base_settings,site,email\nDesk\u202E1,WebRTC,HQ,ana@example.org\n',
      'ph.csv',
      'b',
      DEFAULT_BATCH_CONFIG,
      new Map(),
    );
    expect(places(findings)).toEqual([['error', 2, 'phone_name', 'bidi-control']]);
    expect(rows).toEqual([]);
  });

  it.each([
    ['name', 'N'.repeat(256), 255],
    ['title', 'T'.repeat(256), 255],
    ['department', 'D'.repeat(256), 255],
    ['email', `${'e'.repeat(60)}@${'d'.repeat(190)}.org`, 254],
  ])('a %s longer than the limit is an error naming the limit', (column, value, limit) => {
    const content = `name,email,title,department\n${column === 'name' ? value : 'Ana'},${column === 'email' ? value : 'ana@example.org'},${column === 'title' ? value : ''},${column === 'department' ? value : ''}\n`;
    const { rows, findings } = parsePeople(content, 'p.csv', 'b');
    expect(places(findings)).toEqual([['error', 2, column, 'too-long']]);
    expect(findings[0]?.message).toBe(
      `${column} is ${value.length} characters long; at most ${limit} are allowed. Shorten it.`,
    );
    expect(rows).toEqual([]);
  });

  it('a value at the limit is fine', () => {
    const { findings } = parsePeople(`name,email\n${'N'.repeat(255)},ana@example.org\n`, 'p.csv', 'b');
    expect(findings).toEqual([]);
  });
});

describe('line numbers', () => {
  it('stay right with LF, CRLF and lone CR mixed in one file', () => {
    const content = [
      'name,email\r\n',
      'A,a@example.org\n', // 2
      'B,bad-b\r', // 3
      '"C\r\nC",c@example.org\n', // 4-5
      'D,bad-d\r\n', // 6
      '\r\n\n', // 7, 8
      'E,bad-e', // 9
    ].join('');
    const { rows, findings } = parsePeople(content, 'p.csv', 'b');
    expect(places(findings)).toEqual([
      ['error', 3, 'email', 'invalid-email'],
      ['error', 6, 'email', 'invalid-email'],
      ['error', 9, 'email', 'invalid-email'],
    ]);
    expect(rows.map((r) => [r.line, r.name])).toEqual([
      [2, 'A'],
      [4, 'C\r\nC'],
    ]);
  });

  it('put a byte that is not UTF-8 on its own line, whatever kind of bad byte it is', () => {
    const lines = (bad: number[]) =>
      Buffer.concat([
        Buffer.from('name,email\r\nA,a@example.org\rB,b@example.org\n'),
        Buffer.from('Jos'),
        Buffer.from(bad),
        Buffer.from(',jose@example.org\n'),
      ]);
    // A Latin-1 é, an overlong "/", a UTF-16 surrogate half, a truncated sequence.
    for (const bad of [[0xe9], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      const { rows, findings } = parsePeople(lines(bad), 'p.csv', 'b');
      expect(places(findings)).toEqual([['error', 4, null, 'invalid-utf8']]);
      expect(rows).toEqual([]);
    }
  });

  it('skip any number of blank lines before the header (not "empty file")', () => {
    const content = `${'\n'.repeat(70_000)}${PEOPLE}A,bad\n`;
    const { findings } = parsePeople(content, 'p.csv', 'b');
    expect(places(findings)).toEqual([['error', 70_002, 'email', 'invalid-email']]);
  });

  it('put an unclosed quote at the line where it opens, after mixed line endings', () => {
    const { findings } = parsePeople(
      'name,email\rA,a@example.org\r\n\n"B,b@example.org\nC,c@example.org\n',
      'p.csv',
      'b',
    );
    expect(places(findings)).toEqual([['error', 4, null, 'unclosed-quote']]);
  });
});
