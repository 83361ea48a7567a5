import { describe, expect, it } from 'vitest';
import { checkPhone } from '../../src/csv/cells.js';
import { checkWorkPhone, parsePeople } from '../../src/csv/people.js';
import { MAX_FILE_BYTES } from '../../src/csv/read.js';
import { fixture, places } from './fixtures.js';

const read = (name: string) => {
  const { file, content } = fixture(`people/${name}`);
  return { file, ...parsePeople(content, file, 'test-batch') };
};

describe('parsePeople on a good file', () => {
  // BOM, CRLF, blank lines, a line of commas, shuffled and oddly cased headers, quoted commas, a
  // quoted cell spanning two lines, optional hire_date.
  const { file, rows, findings } = read('good.csv');

  it('has no findings and one row per person, each at the line where its record starts', () => {
    expect(findings).toEqual([]);
    expect(rows.map((r) => [r.line, r.name])).toEqual([
      [2, 'Aisha Rahman'],
      [4, 'Ben Carter'],
      [8, 'Chloé Dubois'],
      [10, 'Diego Fernández'],
    ]);
    expect(rows.every((r) => r.file === file && r.batch === 'test-batch')).toBe(true);
  });

  it('reads every column of a full row', () => {
    expect(rows[0]).toEqual({
      batch: 'test-batch',
      file,
      line: 2,
      name: 'Aisha Rahman',
      email: 'aisha.rahman@northfield.edu',
      emailKey: 'aisha.rahman@northfield.edu',
      phoneWork: '+1 215 555 0101',
      extension: '4101',
      title: 'Student Services Advisor',
      department: 'Student Services',
      managerEmail: 'maria.gonzalez@northfield.edu',
      location: 'Northfield Main Campus - Welcome Center',
      roles: [
        { role: 'employee', divisions: ['Student Services'] },
        { role: 'PureCloud User', divisions: ['Student Services'] },
      ],
      queues: ['Student Services General', 'Financial Aid'],
      division: 'Student Services',
      skills: [
        { skill: 'English', proficiency: 5 },
        { skill: 'Financial Aid', proficiency: 4.5 },
      ],
      hireDate: '2026-11-02',
    });
  });

  it('keeps quoted commas and line breaks inside a cell, and reads the role grammar with stray spaces', () => {
    expect(rows[1]).toMatchObject({
      phoneWork: '(215) 555-0102',
      title: 'Advisor,\r\nEvening Desk',
      roles: [
        { role: 'employee', divisions: [] },
        { role: 'PureCloud Supervisor', divisions: ['Student Services', 'Admissions'] },
        { role: 'employee', divisions: ['Admissions'] },
      ],
    });
  });

  it('turns blank cells into "clear" for phone_work, extension, title, department and "leave" for the rest', () => {
    expect(rows[2]).toEqual({
      batch: 'test-batch',
      file,
      line: 8,
      name: 'Chloé Dubois',
      email: 'chloe.dubois@northfield.edu',
      emailKey: 'chloe.dubois@northfield.edu',
      phoneWork: '',
      extension: '',
      title: '',
      department: '',
      managerEmail: undefined,
      location: undefined,
      roles: [],
      queues: [],
      division: undefined,
      skills: [],
      hireDate: undefined,
    });
  });

  it('trims cells, keeps the email as written and keys it in lower case', () => {
    expect(rows[3]).toMatchObject({
      name: 'Diego Fernández',
      email: 'Diego.Fernandez@Northfield.edu',
      emailKey: 'diego.fernandez@northfield.edu',
      hireDate: '2024-02-29',
    });
  });

  it('reads the same rows from LF line endings and from a string', () => {
    const { content } = fixture('people/good.csv');
    const lf = content.toString('utf8').replace(/\r\n/g, '\n');
    const fromLf = parsePeople(lf, file, 'test-batch');
    expect(fromLf.findings).toEqual([]);
    expect(fromLf.rows).toEqual(rows.map((r) => ({ ...r, title: r.title?.replace('\r\n', '\n') })));
  });
});

describe('parsePeople with columns left out', () => {
  it('leaves every field of a missing column undefined (the clearing columns too)', () => {
    const { rows, findings } = parsePeople('email,name\na@b.org,A B\n', 'p.csv', 'b');
    expect(findings).toEqual([]);
    expect(rows[0]).toEqual({
      batch: 'b',
      file: 'p.csv',
      line: 2,
      name: 'A B',
      email: 'a@b.org',
      emailKey: 'a@b.org',
      phoneWork: undefined,
      extension: undefined,
      title: undefined,
      department: undefined,
      managerEmail: undefined,
      location: undefined,
      roles: [],
      queues: [],
      division: undefined,
      skills: [],
      hireDate: undefined,
    });
  });

  it('matches headers ignoring case, spaces, underscores and dashes', () => {
    const { rows, findings } = parsePeople(
      'E-Mail, Name ,Phone Work,EMAIL_MANAGER\na@b.org,A B,1234567,m@b.org\n',
      'p.csv',
      'b',
    );
    expect(findings).toEqual([]);
    expect(rows[0]).toMatchObject({ email: 'a@b.org', phoneWork: '1234567', managerEmail: 'm@b.org' });
  });
});

describe('parsePeople findings', () => {
  // Files whose second record spans lines 2-3, so the broken record starts on line 4.
  it.each([
    ['invalid-email.csv', [['error', 4, 'email', 'invalid-email']]],
    ['invalid-manager-email.csv', [['error', 4, 'email_manager', 'invalid-email']]],
    ['invalid-phone.csv', [['error', 4, 'phone_work', 'invalid-phone']]],
    ['invalid-extension.csv', [['error', 4, 'extension', 'invalid-extension']]],
    ['invalid-roles.csv', [['error', 4, 'roles_divisions', 'invalid-roles']]],
    ['roles-missing-brackets.csv', [['error', 4, 'roles_divisions', 'invalid-roles']]],
    ['invalid-skill.csv', [['error', 4, 'skills', 'invalid-skill']]],
    ['invalid-proficiency.csv', [['error', 4, 'skills', 'invalid-proficiency']]],
    ['duplicate-skill.csv', [['error', 4, 'skills', 'duplicate-skill']]],
    ['duplicate-queue.csv', [['warning', 4, 'queues', 'duplicate-queue']]],
    ['missing-name.csv', [['error', 4, 'name', 'missing-value']]],
  ])('%s', (name, expected) => {
    const { rows, findings } = read(name);
    expect(places(findings)).toEqual(expected);
    // A row with an error is left out; a warning keeps it.
    const kept = expected[0]?.[0] === 'warning' ? 2 : 1;
    expect(rows).toHaveLength(kept);
  });

  it('invalid-hire-date.csv', () => {
    const { findings } = read('invalid-hire-date.csv');
    expect(places(findings)).toEqual([
      ['error', 3, 'hire_date', 'invalid-date'],
      ['error', 4, 'hire_date', 'invalid-date'],
    ]);
    expect(findings[0]?.message).toBe('"2026-02-30" is not a real calendar date.');
    expect(findings[1]?.message).toBe('"12/01/2026" is not a date written YYYY-MM-DD, e.g. 2026-12-01.');
  });

  it('duplicate-email.csv: the same email again, in any case, is an error on the later line', () => {
    const { rows, findings } = read('duplicate-email.csv');
    expect(places(findings)).toEqual([['error', 4, 'email', 'duplicate-email']]);
    expect(findings[0]?.message).toBe(
      '"AISHA.RAHMAN@northfield.edu" is already on line 2 of this file; list each person once.',
    );
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('formula-cell.csv: = + - @ cells are errors, a well-formed phone number in phone_work is not', () => {
    const { rows, findings } = read('formula-cell.csv');
    expect(places(findings)).toEqual([
      ['error', 2, 'title', 'formula-cell'],
      ['error', 3, 'department', 'formula-cell'],
      ['error', 4, 'queues', 'formula-cell'],
      ['error', 5, 'name', 'formula-cell'],
      ['error', 7, 'phone_work', 'formula-cell'],
      ['error', 8, 'phone_work', 'formula-cell'],
    ]);
    expect(findings[0]?.message).toBe(
      '"=1+2" starts with "=", so a spreadsheet would run it as a formula; remove the leading "=".',
    );
    expect(rows.map((r) => [r.line, r.phoneWork])).toEqual([[6, '+1 (215) 555-0105']]);
  });

  it('invalid-email.csv quotes the value and says what is expected', () => {
    expect(read('invalid-email.csv').findings[0]?.message).toBe(
      '"ben.carter@northfield" is not an email address; expected something like name@example.org.',
    );
  });
});

describe('files that are not what they claim get one finding', () => {
  it.each([
    ['missing-email-column.csv', ['error', 1, 'email', 'missing-column']],
    ['duplicate-column.csv', ['error', 1, 'title', 'duplicate-column']],
    ['no-header.csv', ['error', 1, null, 'missing-header']],
    ['semicolon.csv', ['error', 1, null, 'wrong-delimiter']],
    ['tab.csv', ['error', 1, null, 'wrong-delimiter']],
    ['empty.csv', ['error', 1, null, 'empty-file']],
    ['header-only.csv', ['warning', 1, null, 'no-rows']],
    ['utf16.csv', ['error', 1, null, 'utf16-encoding']],
    ['utf16-no-bom.csv', ['error', 1, null, 'utf16-encoding']],
    ['latin1.csv', ['error', 4, null, 'invalid-utf8']],
  ])('%s', (name, expected) => {
    const { rows, findings } = read(name);
    expect(places(findings)).toEqual([expected]);
    expect(rows).toEqual([]);
  });

  it('messages say how to fix the file', () => {
    expect(read('latin1.csv').findings[0]?.message).toContain('CSV UTF-8');
    expect(read('utf16.csv').findings[0]?.message).toContain('CSV UTF-8');
    expect(read('semicolon.csv').findings[0]?.message).toContain('separated by semicolons (;), not commas');
    expect(read('tab.csv').findings[0]?.message).toContain('separated by tabs');
    expect(read('no-header.csv').findings[0]?.message).toContain(
      'Add the header row: name,email,phone_work,extension,title,department,email_manager,location_work,roles_divisions,queues,division,skills,hire_date.',
    );
  });

  it('unknown-column.csv: an unknown column gets "did you mean", and the rows are still checked', () => {
    const { rows, findings } = read('unknown-column.csv');
    expect(places(findings)).toEqual([['error', 1, null, 'unknown-column']]);
    expect(findings[0]?.message).toContain(
      '"departmnt" is not a people.csv column (did you mean "department"?)',
    );
    expect(rows).toHaveLength(1);
  });

  it('column-count.csv: a row with an unquoted comma gets one finding for that row', () => {
    const { rows, findings } = read('column-count.csv');
    expect(places(findings)).toEqual([['error', 3, null, 'column-count']]);
    expect(findings[0]?.message).toBe(
      'This row has 13 cells but the header has 12. A cell that contains a comma must be in double quotes.',
    );
    expect(rows.map((r) => r.line)).toEqual([2]);
  });

  it('unclosed-quote.csv: one finding at the row where the quote opens, not one per later row', () => {
    const { rows, findings } = read('unclosed-quote.csv');
    expect(places(findings)).toEqual([['error', 3, null, 'unclosed-quote']]);
    expect(rows.map((r) => r.line)).toEqual([2]);
  });

  it('unnamed-column.csv: a value under a blank header cell is an error for that row', () => {
    const { rows, findings } = read('unnamed-column.csv');
    expect(places(findings)).toEqual([['error', 3, null, 'unnamed-column']]);
    expect(rows.map((r) => r.line)).toEqual([2]);
  });

  it('refuses a file over 10 MB before parsing it, and accepts one of exactly 10 MB', () => {
    const header = 'name,email\n';
    const exactly = Buffer.alloc(MAX_FILE_BYTES, '\n');
    exactly.write(header);
    expect(places(parsePeople(exactly, 'big.csv', 'b').findings)).toEqual([['warning', 1, null, 'no-rows']]);
    const over = Buffer.alloc(MAX_FILE_BYTES + 1, 'x');
    const result = parsePeople(over, 'big.csv', 'b');
    expect(places(result.findings)).toEqual([['error', 1, null, 'file-too-large']]);
    expect(result.findings[0]?.message).toBe(
      'people.csv is larger than the 10 MB limit; split it into several batches.',
    );
  });
});

describe('checkWorkPhone', () => {
  it("answers as checkPhone does, taking NANP numbers without the library's 30 µs a number", () => {
    const written: string[] = [];
    for (let area = 200; area <= 999; area += 7) {
      for (const exchange of [200, 211, 555, 911, 999]) {
        written.push(
          `+1 ${area} ${exchange} 0100`,
          `+1-${area}-${exchange}-4321`,
          `+1${area}${exchange}9999`,
        );
        written.push(`+1 (${area}) ${exchange}-0100`, `+1.${area}.${exchange}.0000`);
      }
    }
    // Shapes the fast path leaves to the library: other countries, national numbers, a 0 or 1 where
    // NANP has 2-9, too few or too many digits, and what is no number at all.
    written.push('+44 20 7946 0018', '215 555 0110', '+1 115 555 0100', '+1 215 155 0100');
    written.push('+1 215 555 010', '+1 215 555 01000', '+1-2-3-4-5-6-7', 'call me');
    for (const value of written) expect(checkWorkPhone(value), value).toEqual(checkPhone(value));
    expect(written.filter((value) => checkWorkPhone(value) !== undefined)).toEqual([
      '+1 215 555 010',
      '+1 215 555 01000',
      '+1-2-3-4-5-6-7',
      'call me',
    ]);
  });
});
