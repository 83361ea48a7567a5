// The pure half of init: placeholders, which files to write or leave, the .gitignore lines, the report.
import { describe, expect, it } from 'vitest';
import { ACTION_REF, majorOf } from '../../src/init/action-ref.js';
import {
  GITIGNORE_COMMENT,
  GITIGNORE_LINES,
  PLACEHOLDER,
  gitignoreChange,
  planInit,
  renderInitReport,
  renderTemplates,
  trainingDayAfter,
} from '../../src/init/plan.js';
import { TEMPLATES } from '../../src/init/templates.generated.js';
import packageJson from '../../package.json' with { type: 'json' };

const context = { actionRef: 'acme/gc-onboard@v3', docsUrl: 'https://docs.example/gc', today: '2026-12-02' };

describe('templates', () => {
  it('fills every placeholder', () => {
    const rendered = renderTemplates(TEMPLATES, context);
    expect(Object.keys(rendered)).toEqual(Object.keys(TEMPLATES));
    for (const [file, text] of Object.entries(rendered)) expect(text.match(PLACEHOLDER), file).toBeNull();
    expect(rendered['.github/workflows/preview.yml']).toContain('uses: acme/gc-onboard@v3\n');
    expect(rendered['imports/README.md']).toContain('(https://docs.example/gc)');
    expect(rendered['imports/_example/batch.yml']).toContain('training_day: 2026-12-21 ');
  });

  it('pins the Action to the major version of package.json', () => {
    expect(ACTION_REF).toBe(`gc-onboard/gc-onboard@v${majorOf(packageJson.version)}`);
    expect(['0.1.0', '1.4.2', 'v12.0.0-rc.1'].map(majorOf)).toEqual([0, 1, 12]);
    expect(() => majorOf('latest')).toThrow('"latest" is not a semantic version');
  });

  it('sets the example training day on the Monday at least two weeks ahead', () => {
    expect(trainingDayAfter('2026-12-02')).toBe('2026-12-21'); // Wednesday → +14 is a Wednesday
    expect(trainingDayAfter('2026-12-07')).toBe('2026-12-21'); // Monday → +14 is a Monday
    expect(trainingDayAfter('2026-12-20')).toBe('2027-01-04'); // across the year
    expect(new Date(`${trainingDayAfter('2028-02-15')}T00:00:00Z`).getUTCDay()).toBe(1);
  });
});

describe('planInit', () => {
  const files = { 'b.txt': 'B', 'a/x.txt': 'X', 'c.txt': 'C' };

  it('writes what is missing and leaves what exists, in path order', () => {
    const plan = planInit(files, new Set(['b.txt']), null);
    expect(plan.write).toEqual([
      { path: 'a/x.txt', content: 'X' },
      { path: 'c.txt', content: 'C' },
    ]);
    expect(plan.left).toEqual(['b.txt']);
    expect(plan.gitignore.kind).toBe('create');
  });

  it('writes nothing when everything exists', () => {
    const gitignore = `node_modules/\n${GITIGNORE_LINES.join('\n')}\n`;
    const plan = planInit(files, new Set(Object.keys(files)), gitignore);
    expect(plan.write).toEqual([]);
    expect(plan.gitignore).toEqual({ kind: 'keep' });
  });
});

describe('gitignoreChange', () => {
  const all = [GITIGNORE_COMMENT, ...GITIGNORE_LINES].join('\n') + '\n';

  it('creates the file with a comment that says why', () => {
    expect(gitignoreChange(null)).toEqual({ kind: 'create', content: all });
    expect(all).toContain("people's names and emails");
  });

  it('appends only the missing lines, on a new line, once', () => {
    const change = gitignoreChange('node_modules/\ngc-onboard-*.json');
    expect(change).toEqual({
      kind: 'append',
      addition: `\n${GITIGNORE_COMMENT}\ngc-onboard-*.csv\n/export/\n`,
      lines: ['gc-onboard-*.csv', '/export/'],
    });
    const after = `node_modules/\ngc-onboard-*.json${change.kind === 'append' ? change.addition : ''}`;
    expect(gitignoreChange(after)).toEqual({ kind: 'keep' });
  });

  it('reads CRLF files and an empty file, and does not repeat its comment', () => {
    expect(gitignoreChange(GITIGNORE_LINES.join('\r\n'))).toEqual({ kind: 'keep' });
    expect(gitignoreChange('')).toMatchObject({ kind: 'append', addition: all });
    expect(gitignoreChange(`${GITIGNORE_COMMENT}\n/export/\n`)).toEqual({
      kind: 'append',
      addition: 'gc-onboard-*.json\ngc-onboard-*.csv\n',
      lines: ['gc-onboard-*.json', 'gc-onboard-*.csv'],
    });
  });
});

describe('renderInitReport', () => {
  const plan = planInit({ 'imports/a.csv': 'a', 'imports/b.csv': 'b' }, new Set(['imports/b.csv']), 'x\n');

  it('lists what it wrote and what it left, then three next steps', () => {
    const report = renderInitReport(plan, { dir: 'repo', doctorAvailable: false });
    expect(report).toContain('wrote imports/a.csv\n');
    expect(report).toContain('left as it was: imports/b.csv\n');
    expect(report).toContain(`added to .gitignore: ${GITIGNORE_LINES.join(', ')}\n`);
    const steps = report.slice(report.indexOf('Next steps:'));
    expect(steps.match(/^\d\. /gm)).toEqual(['1. ', '2. ', '3. ']);
    for (const name of [
      'GENESYSCLOUD_OAUTHCLIENT_ID',
      'GENESYSCLOUD_OAUTHCLIENT_SECRET',
      'GENESYSCLOUD_REGION',
    ])
      expect(steps).toContain(name);
    expect(steps).toContain('genesys-production');
    expect(steps).toContain('required');
    expect(steps).toContain('`gc-onboard doctor` (login, permissions per division, names) is coming');
    expect(steps).toContain('copy imports/_example');
  });

  it('says to run doctor once the CLI has it, and lists a file that appeared meanwhile as left', () => {
    const report = renderInitReport(plan, { dir: 'repo', doctorAvailable: true, raced: ['imports/a.csv'] });
    expect(report).toContain('`npx gc-onboard doctor`');
    expect(report).not.toContain('is coming');
    expect(report).not.toContain('wrote imports/a.csv');
    expect(report).toContain('left as it was: imports/a.csv\n');
  });
});
