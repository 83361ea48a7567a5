import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/csv/findings.js';
import { buildPlan } from '../../src/plan/plan.js';
import type { Plan } from '../../src/plan/types.js';
import {
  composeComment,
  renderComment,
  renderFindingsComment,
  type CommentOptions,
} from '../../src/render/comment.js';
import { COMMENT_MAX_CHARS } from '../../src/render/limits.js';
import { renderSummary } from '../../src/render/summary.js';
import {
  aishaRow,
  aishaUser,
  batch,
  importSet,
  maria,
  orgUser,
  personRow,
  phoneRow,
  snapshot,
} from '../plan/fixtures.js';
import { linkableOutsideCode } from './linkable.js';

const MARKER = '<!-- gc-onboard:plan -->';

/** The preview as the Action composes it: the marker first, then the body within what is left. */
const preview = (plan: Plan, findings: readonly Finding[] = [], options: CommentOptions = {}) =>
  composeComment(
    { marker: MARKER },
    (maxChars) => renderComment(plan, findings, { ...options, maxChars }),
    options.maxChars,
  );

/** Pipes that split cells: cmark-gfm's table scanner takes any pipe right after a backslash as part of the cell. */
const cellSeparators = (line: string) => (line.match(/(?<!\\)\|/g) ?? []).length;

/** Every table row has as many cells as its header. */
function expectWellFormedTables(markdown: string) {
  const lines = markdown.split('\n');
  let columns: number | null = null;
  for (const line of lines) {
    if (!line.startsWith('|')) {
      columns = null;
      continue;
    }
    expect(line.endsWith('|'), line).toBe(true);
    const count = cellSeparators(line);
    if (columns === null) columns = count;
    else expect(count, line).toBe(columns);
  }
}

const demo = () => {
  const people = [
    aishaRow(),
    personRow({
      line: 3,
      name: 'Ben Carter',
      title: 'Advisor',
      managerEmail: 'maria.gonzalez@northfield.edu',
    }),
    personRow({ line: 4, name: 'Chloe Dubois', roles: [{ role: 'Master Admin', divisions: [] }] }),
    personRow({ line: 5, name: 'Diego Fernandez', queues: ['Financial Aide'] }),
    personRow({
      line: 6,
      name: 'Maria Gonzalez',
      title: 'Director of Student Services',
      department: 'Student Services',
    }),
  ];
  const phones = [
    phoneRow({ line: 2, email: 'aisha.rahman@northfield.edu', name: 'Aisha Rahman' }),
    phoneRow({ line: 3, email: 'diego.fernandez@northfield.edu', name: 'Diego Fernandez' }),
  ];
  const validation: Finding = {
    severity: 'error',
    file: 'imports/student-services/people.csv',
    line: 9,
    column: 'email',
    code: 'invalid-email',
    message: '"x@" is not an email address',
  };
  return buildPlan(
    importSet([batch(people, phones)], [validation]),
    snapshot({ users: [maria, aishaUser({ title: 'Advisor' })] }),
  );
};

describe('renderComment', () => {
  it('renders CSV values that could link, mention or hide text inert, in the comment and the summary', () => {
    const eve = personRow({
      line: 2,
      name: 'Eve @northfield-it/admins @maria',
      email: 'eve@northfield.edu',
      title: 'see https://evil.example/login and www.evil.example, GH-1, #2, northfield-it/payroll#3',
      department: 'commit 3d3c42e5aac5ba805825da76410c181273ba90b1 or a5c3785 \u202Egnp.exe',
    });
    const hostile: Finding = {
      severity: 'warning',
      file: 'imports/student-services/people.csv',
      line: 2,
      column: 'title',
      code: 'odd-title',
      message: 'Title "@everyone #4 www.x.example" \u200Blooks odd',
    };
    const plan = buildPlan(importSet([batch([eve])], [hostile]), snapshot({ users: [maria] }));
    for (const markdown of [preview(plan, []), renderSummary(plan, [])]) {
      expect(linkableOutsideCode(markdown)).toEqual([]);
      expect(markdown).not.toMatch(/\p{Cf}/u);
      expect(markdown).toContain('<code>U+202E</code>gnp.exe');
      expect(markdown).toContain('`@northfield-it/admins`');
      expectWellFormedTables(markdown);
    }
  });

  it('starts with the marker, then one summary line for people and for phones', () => {
    const body = preview(demo(), []);
    expect(body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(body).toContain('- **People:** 2 to create · 1 to update · 1 unchanged · 2 errors');
    expect(body).toContain('- **Phones:** 1 to create · 0 to update · 0 unchanged · 1 error');
    expect(body).toContain('**Invites:** up to 3 invites on Tue 1 Dec 2026 (none now)');
    expectWellFormedTables(body);
  });

  it('lists errors first, with file:line, before the batch tables', () => {
    const body = preview(demo(), []);
    const errors = body.indexOf('#### ❌ 3 errors');
    const batchHeading = body.indexOf('#### Batch student-services');
    expect(errors).toBeGreaterThan(0);
    expect(errors).toBeLessThan(batchHeading);
    const errorSection = body.slice(errors, body.indexOf('#### ⚠️'));
    expect(errorSection.indexOf('people.csv:5')).toBeLessThan(errorSection.indexOf('people.csv:9'));
    expect(errorSection).toContain(
      '| imports/student-services/people.csv:5 | queues | unknown-queue | Unknown queue "Financial Aide" (did you mean "Financial Aid"?) |',
    );
    expect(body).toContain('| imports/student-services/phones.csv:3 | email | person-not-created |');
  });

  it('shows warnings and the rows with their changes, unchanged rows folded away', () => {
    const body = preview(demo(), []);
    expect(body).toContain('privileged-role');
    expect(body).toContain(
      '| 2 | update | Aisha Rahman | `aisha.rahman@northfield.edu` | title: Advisor → Student Services Advisor |',
    );
    expect(body).toContain('<details><summary>1 unchanged person</summary>');
    expect(body).toContain('| 6 | Maria Gonzalez | `maria.gonzalez@northfield.edu` |');
    expect(body).not.toContain('Shortened');
  });

  it("shows extra findings once, even when the caller passes the plan's own again", () => {
    const plan = demo();
    const policy: Finding = {
      severity: 'error',
      file: 'imports/policy.yml',
      line: 3,
      column: null,
      code: 'forbidden-role',
      message: 'Master Admin may not be granted',
    };
    const body = preview(plan, [...plan.findings, policy]);
    expect(body).toContain('#### ❌ 4 errors');
    expect(body.split('invalid-email').length - 1).toBe(1);
  });

  it('folds a long list of changes into <details> and says "skip (exists)" for skipped rows', () => {
    const plan = buildPlan(
      importSet([
        batch([aishaRow({ title: 'New', department: 'Other' })], [], { updateExisting: false }),
        batch(
          [
            personRow({
              line: 2,
              name: 'Ben Carter',
              batch: 'b2',
              title: 'T',
              department: 'D',
              phoneWork: '215 555 0100',
              extension: '2',
            }),
          ],
          [],
          {},
          'b2',
        ),
      ]),
      snapshot({ users: [maria, aishaUser()] }),
    );
    const body = preview(plan, []);
    expect(body).toContain(
      '| 2 | skip (exists) | Aisha Rahman | `aisha.rahman@northfield.edu` | not applied (update_existing: false): title, department |',
    );
    expect(body).toContain(
      '<details><summary>5 changes: division, title, department, phone\\_work, extension</summary>',
    );
  });

  it('says when there is nothing to import, and still shows validation errors', () => {
    const finding: Finding = {
      severity: 'error',
      file: 'imports/x/people.csv',
      line: 1,
      column: null,
      code: 'missing-header',
      message: 'The header has no email column',
    };
    const body = preview(buildPlan(importSet([], [finding]), snapshot()), []);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toContain('Nothing to import');
    expect(body).toContain('missing-header');
  });

  it('escapes hostile cell values everywhere, and the marker appears once, first', () => {
    const hostile = [
      'Eve | Pipe | Pipe',
      'Mallory `rm -rf` ``x``',
      '<img src=x onerror=alert(1)>',
      '@northfield/admins please approve',
      'Line\nbreak\r\nhere',
      `Fake ${MARKER} marker`,
      'Close --> and <!-- open',
      '[click](https://evil.example) ![img](https://evil.example/x.png)',
      'Back\\slash\\',
    ];
    const rows = [
      ...hostile.map((name, i) =>
        personRow({ line: i + 2, name, email: `h${i}@northfield.edu`, title: name }),
      ),
      personRow({ line: 20, name: 'Queue Typo', queues: hostile }),
    ];
    const phones = hostile.map((name, i) => phoneRow({ line: i + 2, email: `h${i}@northfield.edu`, name }));
    const plan = buildPlan(importSet([batch(rows, phones, {}, 'evil|<b>batch</b>')]), snapshot());
    const body = preview(plan, []);
    expect(body.indexOf(MARKER)).toBe(0);
    expect(body.split('<!--').length - 1).toBe(1);
    expect(body.split('-->').length - 1).toBe(1);
    expect(body).not.toMatch(/<img|<b>/);
    // Words that could mention or link are code spans; other backticks are escaped.
    expect(linkableOutsideCode(body)).toEqual([]);
    expect(body).toContain('`@northfield/admins`');
    expect(body).toContain('`[click](https://evil.example)`');
    expect(body).toContain('Mallory \\`rm -rf\\` \\`\\`x\\`\\`');
    expect(body).toContain('Eve \\| Pipe \\| Pipe');
    expect(body).toContain('| Line break here |');
    expectWellFormedTables(body);
    // The only HTML is our own.
    const tags = new Set(body.match(/<\/?[a-z]+/gi));
    expect(
      [...tags].filter(
        (tag) => !['<details', '</details', '<summary', '</summary', '<br', '<code', '</code'].includes(tag),
      ),
    ).toStrictEqual([]);
    expect(tags.has('<br')).toBe(true);
    expect(body).toContain('Unknown queue "Fake &lt;!-- gc-onboard:plan --&gt; marker"');
  });

  it('stays within 65,536 characters for a 10,000-row batch, saying what it left out and where the rest is', () => {
    const people = Array.from({ length: 10_000 }, (_, i) =>
      aishaRow({
        line: i + 2,
        name: `Person Number ${i} Ünïcödé`,
        email: `person.${i}@northfield.edu`,
        emailKey: `person.${i}@northfield.edu`,
        queues: i % 50 === 0 ? ['Nope'] : ['Student Services General', 'Financial Aid'],
      }),
    );
    const phones = people.map((p, i) => phoneRow({ line: i + 2, email: p.email, name: `${p.name} WebRTC` }));
    const plan = buildPlan(importSet([batch(people, phones)]), snapshot());
    expect(plan.summary.people.create).toBe(9_800);
    const started = performance.now();
    const body = preview(plan, [], {
      fullPlanUrl: 'https://github.com/northfield/gc/actions/runs/42',
    });
    const elapsed = performance.now() - started;
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(body.length).toBeGreaterThan(COMMENT_MAX_CHARS * 0.9);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toContain('- **People:** 9,800 to create · 0 to update · 0 unchanged · 200 errors');
    expect(body).toMatch(
      /> Shortened to fit GitHub's 65,536-character comment limit: unchanged rows are counted, not listed; changes show only the names of the fields that change; tables show their first \d+ rows \([\d,]+ rows left out\)\. The full plan is in \[the job summary of this run\]\(https:\/\/github\.com\/northfield\/gc\/actions\/runs\/42\)\./,
    );
    expect(body).toMatch(/_… and [\d,]+ more people, not shown\._/);
    expectWellFormedTables(body);
    // Rows shown + rows left out = every row of every table.
    const shown = body
      .split('\n')
      .filter((line) => /^\| \d+ \|/.test(line) || /^\| imports\//.test(line)).length;
    const leftOut = Number(/\(([\d,]+) rows left out\)/.exec(body)?.[1]?.replace(/,/g, ''));
    // The errors table holds 200 people and their 200 phones; the batch tables hold every row.
    expect(shown + leftOut).toBe(400 + 10_000 + 10_000);
    expect(elapsed).toBeLessThan(20_000);
  });

  it('degrades step by step: first unchanged rows are only counted', () => {
    const unchangedUsers = Array.from({ length: 200 }, (_, i) =>
      orgUser({ id: `u${i}`, name: `Same ${i}`, email: `same.${i}@northfield.edu` }),
    );
    const rows = [
      ...unchangedUsers.map((u, i) => personRow({ line: i + 2, name: u.name, email: u.email })),
      personRow({ line: 300, name: 'Brand New', title: 'Advisor' }),
    ];
    const plan = buildPlan(importSet([batch(rows)]), snapshot({ users: [maria, ...unchangedUsers] }));
    const full = preview(plan, [], { maxChars: 1_000_000 });
    expect(full).toContain('<details><summary>200 unchanged people</summary>');
    const smaller = preview(plan, [], { maxChars: full.length - 1 });
    expect(smaller.length).toBeLessThan(full.length);
    expect(smaller).toContain('200 unchanged people, not listed.');
    expect(smaller).toContain(
      '| 300 | create | Brand New | `brand.new@northfield.edu` | division: Home<br>title: Advisor |',
    );
    expect(smaller).toContain("Shortened to fit GitHub's");
    expect(smaller).toContain(
      'unchanged rows are counted, not listed. The full plan is in the job summary of this run.',
    );
  });

  it('cuts at a line end, closing open blocks, when even the shortest form is too long', () => {
    const batches = Array.from({ length: 400 }, (_, i) =>
      batch(
        [personRow({ line: 2, name: `Person ${i}`, batch: `batch-${String(i).padStart(3, '0')}` })],
        [],
        {},
        `batch-${String(i).padStart(3, '0')}`,
      ),
    );
    const plan = buildPlan(importSet(batches), snapshot());
    const body = preview(plan, [], { maxChars: 8_000 });
    expect(body.length).toBeLessThanOrEqual(8_000);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(
      body
        .trimEnd()
        .endsWith(
          "> Cut short to fit GitHub's 65,536-character comment limit. The full plan is in the job summary of this run.",
        ),
    ).toBe(true);
    expect(body.split('<details>').length).toBe(body.split('</details>').length);
  });

  it('links the full plan only through a plain http(s) URL', () => {
    const plan = demo();
    const body = preview(plan, [], {
      maxChars: 1_200,
      fullPlanUrl: 'javascript:alert(1)',
    });
    expect(body).toContain('The full plan is in the job summary of this run.');
    expect(body).not.toContain('javascript:');
  });
});

describe('renderFindingsComment', () => {
  it('renders findings alone under the marker with a total', () => {
    const findings: Finding[] = [
      {
        severity: 'warning',
        file: 'imports/a/people.csv',
        line: 4,
        column: 'hire_date',
        code: 'odd',
        message: 'Odd <b>',
      },
      {
        severity: 'error',
        file: 'imports/a/people.csv',
        line: 2,
        column: 'email',
        code: 'invalid-email',
        message: 'Bad',
      },
    ];
    const body = composeComment({ marker: MARKER }, (maxChars) =>
      renderFindingsComment(findings, { maxChars }),
    );
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toContain('**1 error, 1 warning in 1 file**');
    expect(body).toContain('| imports/a/people.csv:2 | email | invalid-email | Bad |');
    expect(body).toContain('Odd &lt;b&gt;');
  });
});
