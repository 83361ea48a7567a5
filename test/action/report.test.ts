// The Action's own wording and outputs: pure functions of results, plans and GitHub's file lists.
import { describe, expect, it } from 'vitest';
import type { ApplyResult, RowResult } from '../../src/apply/results.js';
import {
  applyOutputs,
  changedBatchesLine,
  MAX_FAILED_ROWS,
  offlineText,
  POLICY_CHANGES_HEADING,
  policyChangesMarkdown,
  renderApplyMarkdown,
  withTopBlock,
} from '../../src/action/report.js';
import type { Plan } from '../../src/plan/types.js';
import { linkableOutsideCode } from '../render/linkable.js';

const row = (over: Partial<RowResult>): RowResult => ({
  kind: 'person',
  batch: 'nursing',
  file: 'imports/nursing/people.csv',
  line: 2,
  email: 'a@example.org',
  name: 'A',
  planned: 'create',
  outcome: 'done',
  userId: 'u1',
  phoneId: null,
  stationId: null,
  error: null,
  ...over,
});

const result = (rows: RowResult[], over: Partial<ApplyResult> = {}): ApplyResult => ({
  ok: rows.every((r) => r.outcome !== 'failed'),
  refused: null,
  rows,
  locationsCreated: [],
  seconds: 1.25,
  ...over,
});

const emptyPlan = { root: 'imports', batches: [], findings: [], warnings: [] } as unknown as Plan;

describe('changedBatchesLine', () => {
  it('names the changed batches, escaped, and says nothing when the list may be incomplete', () => {
    expect(changedBatchesLine({ batches: ['a_b', 'nursing'], complete: true }, 'pull request')).toBe(
      '_This pull request changes the batches <code>a\\_b</code>, <code>nursing</code>._',
    );
    expect(changedBatchesLine({ batches: [], complete: true }, 'push')).toBe('_This push changes no batch._');
    expect(changedBatchesLine({ batches: ['x'], complete: false, reason: 'too many' }, 'push')).toBe('');
    expect(changedBatchesLine(null, 'push')).toBe('');
  });
});

describe('policyChangesMarkdown', () => {
  it('is empty when the rules did not change', () => {
    expect(policyChangesMarkdown([], 'imports/policy.yml')).toBe('');
  });

  it('lists each change under the heading, escaped, and clips a very long line', () => {
    const long = `allowed_email_domains added: ${Array.from({ length: 200 }, (_, i) => `"d${i}.example.org"`).join(', ')}`;
    const text = policyChangesMarkdown(
      ['override_label: not set → "<img src=x> @admins | *big*"', long],
      'data/my_imports/policy.yml',
    );
    const [heading, callout, list] = text.split('\n\n');
    expect(heading).toBe(POLICY_CHANGES_HEADING);
    expect(callout).toContain('changes <code>data/my\\_imports/policy.yml</code>, the guardrails');
    const items = list!.split('\n');
    expect(items).toHaveLength(2);
    expect(items[0]).toBe('- override\\_label: not set → "&lt;img src=x&gt; `@admins` \\| \\*big\\*"');
    expect(items[1]!.endsWith('…')).toBe(true);
    expect(items[1]!.length).toBeLessThan(1_100);
    expect(text).not.toContain('<img');
    expect(linkableOutsideCode(text)).toEqual([]);
  });
});

describe('withTopBlock', () => {
  it('puts the block first in the summary, and nothing when there is none', () => {
    expect(withTopBlock('### gc-onboard plan\n', '### Block')).toBe('### Block\n\n### gc-onboard plan\n');
    expect(withTopBlock('body', '')).toBe('body');
  });
});

describe('offlineText', () => {
  it('says plainly that the preview needs a branch in the repository', () => {
    for (const reason of ['fork', 'no-credentials'] as const) {
      expect(offlineText(reason)).toContain('The preview needs a branch in this repository');
    }
    expect(offlineText('fork')).toContain('no secrets to workflows run for forks');
  });
});

describe('applyOutputs', () => {
  it('counts what was done by what was planned, and failures as errors', () => {
    const rows = [
      row({ planned: 'create' }),
      row({ planned: 'update' }),
      row({ planned: 'unchanged', outcome: 'unchanged' }),
      row({ planned: 'create', outcome: 'failed', error: 'boom' }),
      row({ kind: 'phone', planned: 'create' }),
      row({ kind: 'phone', planned: 'update', outcome: 'failed', error: 'x' }),
    ];
    expect(applyOutputs(result(rows), emptyPlan, { planFile: 'p.json', resultsFile: 'r.json' })).toEqual({
      'people-create': '1',
      'people-update': '1',
      'people-unchanged': '1',
      'people-error': '1',
      'phones-create': '1',
      'phones-update': '0',
      'phones-unchanged': '0',
      'phones-error': '1',
      errors: '2',
      'plan-file': 'p.json',
      'results-file': 'r.json',
    });
  });
});

describe('renderApplyMarkdown', () => {
  it('lists every failed row with its place and error, escaped, and says a re-run converges', () => {
    const text = renderApplyMarkdown(
      result([row({ outcome: 'failed', email: '@team|x', error: '<b>403</b> missing permission' })]),
      { notes: ['note'], resultsFiles: ['r.json', 'r.csv'] },
    );
    expect(text).toContain('| nursing | imports/nursing/people.csv | 2 | person | `@team\\|x` | create |');
    expect(text).toContain('&lt;b&gt;403&lt;/b&gt; missing permission');
    expect(text).not.toContain('<b>');
    expect(text).toContain('rows already done are not done twice');
    expect(text).toContain(
      "Applied with failures in 1.3 s. Every row's result is in <code>r.json</code> and <code>r.csv</code>.",
    );
  });

  it('caps the rows it lists and points to the results file for the rest', () => {
    const rows = Array.from({ length: MAX_FAILED_ROWS + 3 }, (_, i) =>
      row({ line: i + 2, outcome: 'failed', error: 'e' }),
    );
    const text = renderApplyMarkdown(result(rows), { notes: [], resultsFiles: [] });
    expect(text).toContain('…and 3 more rows: see the results file.');
    expect(text.split('\n').filter((line) => line.startsWith('| nursing |'))).toHaveLength(MAX_FAILED_ROWS);
  });

  it('says why nothing was changed when apply refused', () => {
    const text = renderApplyMarkdown(
      result([], { ok: false, refused: '2 validation errors in the imports: nothing was changed' }),
      { notes: [], resultsFiles: [], findingsMarkdown: '### findings' },
    );
    expect(text).toContain('**Apply refused:** 2 validation errors in the imports: nothing was changed.');
    expect(text).toContain('### findings');
    expect(text).not.toContain('| People |');
  });
});
