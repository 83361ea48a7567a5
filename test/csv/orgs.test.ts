// imports/orgs.yml and batch.yml's `orgs:`: what is read, the promotion order, every mistake at its
// line with did-you-mean, and which batches and findings go to which org.
import { describe, expect, it } from 'vitest';
import { importsForOrg, parseOrgs } from '../../src/csv/orgs.js';
import { validateImportSet, type BatchInput } from '../../src/csv/validate.js';

const FILE = 'imports/orgs.yml';
const PEOPLE = 'name,email\nAda Lovelace,ada@example.edu\n';

const errors = (text: string) => parseOrgs(text, FILE).findings.filter((f) => f.severity === 'error');
const codes = (text: string) => errors(text).map((f) => `${f.line} ${f.code}`);

describe('parseOrgs', () => {
  it('reads each org with its defaults and puts them in promotion order', () => {
    const { orgs, findings } = parseOrgs(
      [
        'orgs:',
        '  production:',
        '    environment: genesys-prod',
        '    preview_environment: genesys-prod-read',
        '    region: eu-west-1',
        '    timezone: Europe/London',
        '    after: test',
        '    genesys_org: Northfield University',
        '  test:',
        '    api_url: https://api.mypurecloud.ie',
        '  emea:',
        '    after: [test]',
      ].join('\n'),
      FILE,
    );
    // Errors none; the two orgs without genesys_org are warned about (a job could reach another org).
    expect(findings.map((f) => [f.severity, f.line, f.code])).toEqual([
      ['warning', 9, 'no-genesys-org'],
      ['warning', 11, 'no-genesys-org'],
    ]);
    expect(orgs?.orgs.map((org) => [org.name, org.stage])).toEqual([
      ['test', 1],
      ['production', 2],
      ['emea', 2],
    ]);
    expect(orgs?.orgs[0]).toEqual({
      name: 'test',
      environment: 'test',
      previewEnvironment: 'test',
      apiUrl: 'https://api.mypurecloud.ie',
      timezone: 'UTC',
      after: [],
      stage: 1,
    });
    expect(orgs?.orgs[1]).toMatchObject({
      environment: 'genesys-prod',
      previewEnvironment: 'genesys-prod-read',
      region: 'eu-west-1',
      timezone: 'Europe/London',
      after: ['test'],
      genesysOrg: 'Northfield University',
    });
  });

  it('names an unknown key and an unknown org with did-you-mean, at their lines', () => {
    const text = ['orgs:', '  test:', '    enviroment: x', '  production:', '    after: tset'].join('\n');
    const { orgs } = parseOrgs(text, FILE);
    const findings = errors(text);
    expect(orgs).toBeNull();
    expect(findings.map((f) => [f.line, f.code, f.column])).toEqual([
      [3, 'unknown-key', 'orgs.test.enviroment'],
      [5, 'unknown-org', 'orgs.production.after'],
    ]);
    expect(findings[0]?.message).toContain('did you mean "environment"');
    expect(findings[1]?.message).toContain('did you mean "test"');
  });

  it('refuses a cycle, an org after itself and more stages than the workflows run', () => {
    expect(codes(['orgs:', '  a:', '    after: b', '  b:', '    after: a'].join('\n'))).toContain(
      '3 org-cycle',
    );
    expect(codes(['orgs:', '  a:', '    after: a'].join('\n'))).toEqual(['3 org-cycle']);
    const chain = [
      'orgs:',
      '  a: {}',
      '  b:',
      '    after: a',
      '  c:',
      '    after: b',
      '  d:',
      '    after: c',
    ];
    expect(codes(chain.join('\n'))).toEqual(['8 too-many-stages']);
    expect(codes(chain.slice(0, 6).join('\n'))).toEqual([]);
  });

  it('checks names, time zones, URLs and the shape of the file', () => {
    expect(codes(['orgs:', '  Test Org: {}'].join('\n'))).toEqual(['2 invalid-org-name']);
    expect(codes(['orgs:', '  test:', '    timezone: Mars/Olympus'].join('\n'))).toEqual(['3 invalid-value']);
    expect(
      codes(['orgs:', '  test:', '    region: us-east-1', '    api_url: https://api.x.com'].join('\n')),
    ).toEqual(['4 invalid-value']);
    expect(codes(['orgs:', '  test:', '    api_url: http://api.example.com'].join('\n'))).toEqual([
      '3 invalid-value',
    ]);
    expect(codes(['orgs:', '  test:', '    api_url: http://127.0.0.1:8080'].join('\n'))).toEqual([]);
    expect(codes('orgs:\n')).toEqual(['1 no-orgs']);
    expect(codes('org:\n  test: {}\n')).toEqual(['1 unknown-key', '1 no-orgs']);
    expect(codes('orgs: [test\n')).toEqual(['2 invalid-yaml']);
  });

  it('reads role_grant_page, what probe measured for the org: a whole number, 1 to 10,000, at its line', () => {
    const page = (value: string) => ['orgs:', '  test:', `    role_grant_page: ${value}`].join('\n');
    expect(parseOrgs(page('500'), FILE).orgs?.orgs[0]?.roleGrantPage).toBe(500);
    expect(parseOrgs('orgs:\n  test: {}\n', FILE).orgs?.orgs[0]).not.toHaveProperty('roleGrantPage');
    for (const bad of ['0', '10001', '2.5', 'lots'])
      expect(codes(page(bad)), bad).toEqual(['3 invalid-value']);
    expect(errors(page('lots'))[0]?.message).toBe(
      'test.role_grant_page "lots" must be a whole number of subjects per role grant call, 1 to 10000 (what gc-onboard probe measured).',
    );
  });
});

/** An imports folder in memory: orgs.yml (optional) and batches with a batch.yml each. */
function importsWith(orgsYml: string | undefined, batches: Record<string, string | undefined>) {
  const inputs: BatchInput[] = Object.entries(batches).map(([name, batchYml]) => ({
    name,
    files: {
      people: { path: `imports/${name}/people.csv`, content: PEOPLE.replace('ada@', `ada.${name}@`) },
      ...(batchYml === undefined ? {} : { batch: { path: `imports/${name}/batch.yml`, content: batchYml } }),
    },
  }));
  return validateImportSet({
    root: 'imports',
    batches: inputs,
    ...(orgsYml === undefined ? {} : { orgs: { path: FILE, content: orgsYml } }),
  });
}

const TWO_ORGS =
  'orgs:\n  test:\n    genesys_org: Northfield Test\n  production:\n    after: test\n    genesys_org: Northfield\n';

describe("batch.yml's orgs", () => {
  it('sends a batch to every org unless it names some', () => {
    const imports = importsWith(TWO_ORGS, { both: undefined, 'test-only': 'orgs: [test]\n' });
    expect(imports.findings).toEqual([]);
    expect(importsForOrg(imports, 'test').batches.map((b) => b.name)).toEqual(['both', 'test-only']);
    expect(importsForOrg(imports, 'production').batches.map((b) => b.name)).toEqual(['both']);
    expect(importsForOrg(imports, undefined)).toBe(imports);
  });

  it('keeps every finding in every org’s view: a conflict between batches is reported at one of them only', () => {
    const imports = importsWith(TWO_ORGS, {
      both: undefined,
      'test-only': 'orgs: test\ntraining_day: 2026-02-30\n',
    });
    // The same person in both batches is reported at the second one, which production does not get.
    const duplicate = validateImportSet({
      root: 'imports',
      orgs: { path: FILE, content: TWO_ORGS },
      batches: [
        { name: 'a', files: { people: { path: 'imports/a/people.csv', content: PEOPLE } } },
        {
          name: 'b',
          files: {
            people: { path: 'imports/b/people.csv', content: PEOPLE },
            batch: { path: 'imports/b/batch.yml', content: 'orgs: [test]\n' },
          },
        },
      ],
    });
    const codes = (set: typeof imports, org: string) => importsForOrg(set, org).findings.map((f) => f.code);
    expect(codes(duplicate, 'production')).toEqual(['duplicate-email-across-batches']);
    expect(codes(imports, 'production')).toEqual(['invalid-date']);
    expect(importsForOrg(imports, 'production').batches.map((b) => b.name)).toEqual(['both']);
  });

  it('names an unknown org with did-you-mean at the key, and refuses an empty list or no orgs.yml', () => {
    const unknown = importsWith(TWO_ORGS, { a: 'training_day: 2026-12-07\norgs: [test, prodution]\n' });
    expect(unknown.findings.map((f) => [f.file, f.line, f.code])).toEqual([
      ['imports/a/batch.yml', 2, 'unknown-org'],
    ]);
    expect(unknown.findings[0]?.message).toContain('did you mean "production"');
    expect(importsWith(TWO_ORGS, { a: 'orgs: []\n' }).findings.map((f) => f.code)).toEqual([
      'batch-without-org',
    ]);
    expect(importsWith(TWO_ORGS, { a: 'orgs:\n' }).findings.map((f) => f.code)).toEqual([
      'batch-without-org',
    ]);
    expect(importsWith(undefined, { a: 'orgs: [test]\n' }).findings.map((f) => f.code)).toEqual([
      'no-orgs-file',
    ]);
    expect(importsWith(TWO_ORGS, { a: 'orgs: 3\n' }).findings.map((f) => f.code)).toEqual(['invalid-value']);
  });

  it('reads orgs.yml only at the top: a near miss or one in a batch is an error', () => {
    const near = validateImportSet({ root: 'imports', batches: [], otherFiles: ['imports/orgs.yaml'] });
    expect(near.findings.find((f) => f.code === 'misnamed-file')?.message).toContain(
      'did you mean "orgs.yml"',
    );
    const inBatch = validateImportSet({
      root: 'imports',
      batches: [
        {
          name: 'a',
          files: { people: { path: 'imports/a/people.csv', content: PEOPLE } },
          otherFiles: ['imports/a/orgs.yml'],
        },
      ],
    });
    expect(inBatch.findings.map((f) => f.code)).toEqual(['misplaced-file']);
  });
});
