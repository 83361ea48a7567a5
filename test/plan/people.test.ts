import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/plan.js';
import type { PersonPlan, Plan } from '../../src/plan/types.js';
import {
  aishaRow,
  aishaUser,
  batch,
  ids,
  importSet,
  maria,
  orgUser,
  personRow,
  snapshot,
} from './fixtures.js';

const people = (plan: Plan): PersonPlan[] => plan.batches.flatMap((b) => b.people);
const only = (plan: Plan): PersonPlan => {
  const [first, ...rest] = people(plan);
  expect(rest).toHaveLength(0);
  return first!;
};
const codes = (person: PersonPlan) => person.errors.map((finding) => finding.code);

describe('people: create', () => {
  it('creates a new person with every id resolved and the follow-ups apply needs', () => {
    const person = only(buildPlan(importSet([batch([aishaRow()])]), snapshot()));
    expect(person.action).toBe('create');
    expect(person.userId).toBeNull();
    expect(person.create).toStrictEqual({
      name: 'Aisha Rahman',
      email: 'aisha.rahman@northfield.edu',
      divisionId: ids.studentServices,
      title: 'Student Services Advisor',
      department: 'Student Services',
      addresses: [{ address: '+1 215 555 0101', extension: '4101', mediaType: 'PHONE', type: 'WORK' }],
    });
    expect(person.manager).toStrictEqual({ email: 'maria.gonzalez@northfield.edu', userId: ids.maria });
    expect(person.location).toStrictEqual({
      name: 'Northfield Main Campus - Welcome Center',
      locationId: ids.welcomeCenter,
    });
    expect(person.grants).toStrictEqual([
      { roleId: ids.employee, divisionId: ids.studentServices },
      { roleId: ids.user, divisionId: ids.studentServices },
    ]);
    expect(person.queueIds).toStrictEqual([ids.general, ids.financialAid]);
    expect(person.skills).toStrictEqual([
      { skillId: ids.english, proficiency: 5 },
      { skillId: ids.aidSkill, proficiency: 4 },
    ]);
    expect(person.changes).toStrictEqual([
      { field: 'division', before: '', after: 'Student Services' },
      { field: 'title', before: '', after: 'Student Services Advisor' },
      { field: 'department', before: '', after: 'Student Services' },
      { field: 'phone_work', before: '', after: '+1 215 555 0101' },
      { field: 'extension', before: '', after: '4101' },
      { field: 'email_manager', before: '', after: 'maria.gonzalez@northfield.edu' },
      { field: 'location_work', before: '', after: 'Northfield Main Campus - Welcome Center' },
      {
        field: 'roles_divisions',
        before: '',
        after: 'employee:[Student Services], PureCloud User:[Student Services]',
      },
      { field: 'queues', before: '', after: 'Student Services General, Financial Aid' },
      { field: 'skills', before: '', after: 'English:5, Financial Aid:4' },
    ]);
    expect(person.errors).toStrictEqual([]);
  });

  it('puts a person without a division in the home division and grants bare roles there', () => {
    const row = personRow({ line: 2, name: 'Ben Carter', roles: [{ role: 'employee', divisions: [] }] });
    const person = only(buildPlan(importSet([batch([row])]), snapshot()));
    expect(person.create).toStrictEqual({
      name: 'Ben Carter',
      email: 'ben.carter@northfield.edu',
      divisionId: ids.home,
      addresses: [],
    });
    expect(person.grants).toStrictEqual([{ roleId: ids.employee, divisionId: ids.home }]);
    expect(person.manager).toBeNull();
    expect(person.location).toBeNull();
  });

  it('grants one role in several divisions and drops repeated pairs', () => {
    const row = personRow({
      line: 2,
      name: 'Emily Nguyen',
      roles: [
        { role: 'PureCloud Supervisor', divisions: ['Student Services', 'Admissions'] },
        { role: 'PureCloud Supervisor', divisions: ['Admissions'] },
      ],
    });
    const person = only(buildPlan(importSet([batch([row])]), snapshot()));
    expect(person.grants).toStrictEqual([
      { roleId: ids.supervisor, divisionId: ids.studentServices },
      { roleId: ids.supervisor, divisionId: ids.admissions },
    ]);
    expect(person.changes).toContainEqual({
      field: 'roles_divisions',
      before: '',
      after: 'PureCloud Supervisor:[Student Services, Admissions]',
    });
  });

  it('matches names ignoring case and keeps the org spelling', () => {
    const row = personRow({
      line: 2,
      name: 'Ben Carter',
      division: 'student services',
      queues: ['registrar'],
    });
    const person = only(buildPlan(importSet([batch([row])]), snapshot()));
    expect(person.create?.divisionId).toBe(ids.studentServices);
    expect(person.queueIds).toStrictEqual([ids.registrar]);
    expect(person.changes).toContainEqual({ field: 'queues', before: '', after: 'Registrar' });
  });

  it('lets a manager be created in the same batch, or in another batch of the import', () => {
    const emily = personRow({ line: 2, name: 'Emily Nguyen' });
    const farah = personRow({ line: 3, name: 'Farah Haddad', managerEmail: 'Emily.Nguyen@northfield.edu' });
    const otherBatch = batch(
      [personRow({ line: 2, name: 'George Lin', managerEmail: 'emily.nguyen@northfield.edu' })],
      [],
      {},
      'admissions',
    );
    const plan = buildPlan(importSet([batch([emily, farah]), otherBatch]), snapshot());
    const [george, , farahPlan] = people(plan);
    expect(farahPlan?.action).toBe('create');
    expect(farahPlan?.manager).toStrictEqual({ email: 'Emily.Nguyen@northfield.edu', userId: null });
    expect(george?.action).toBe('create');
    expect(george?.manager).toStrictEqual({ email: 'emily.nguyen@northfield.edu', userId: null });
  });

  it('uses the id of a manager who exists and is also updated by the import', () => {
    const mariaRow = personRow({
      line: 2,
      name: 'Maria Gonzalez',
      title: 'Director of Student Services',
      department: 'Student Services',
    });
    const ben = personRow({ line: 3, name: 'Ben Carter', managerEmail: 'maria.gonzalez@northfield.edu' });
    const [mariaPlan, benPlan] = people(buildPlan(importSet([batch([mariaRow, ben])]), snapshot()));
    expect(mariaPlan?.action).toBe('unchanged');
    expect(benPlan?.manager).toStrictEqual({ email: 'maria.gonzalez@northfield.edu', userId: ids.maria });
  });
});

describe('people: update and unchanged', () => {
  it('leaves a person who already matches the row unchanged (phone numbers compare by digits)', () => {
    const person = only(
      buildPlan(importSet([batch([aishaRow()])]), snapshot({ users: [maria, aishaUser()] })),
    );
    expect(person.action).toBe('unchanged');
    expect(person.userId).toBe('user-aisha');
    expect(person.version).toBe(7);
    expect(person.changes).toStrictEqual([]);
    expect(person.patch).toStrictEqual({});
    expect(person.grants).toStrictEqual([]);
    expect(person.warnings).toStrictEqual([]);
  });

  it('compares the email ignoring case and never changes it', () => {
    const user = aishaUser({ email: 'Aisha.Rahman@Northfield.edu' });
    const person = only(buildPlan(importSet([batch([aishaRow()])]), snapshot({ users: [maria, user] })));
    expect(person.action).toBe('unchanged');
  });

  it('updates only what differs, with before → after in names', () => {
    const user = aishaUser({
      name: 'Aisha Rahmen',
      title: 'Advisor',
      managerId: null,
      locationIds: [ids.library, ids.welcomeCenter],
    });
    const person = only(buildPlan(importSet([batch([aishaRow()])]), snapshot({ users: [maria, user] })));
    expect(person.action).toBe('update');
    expect(person.userId).toBe('user-aisha');
    expect(person.version).toBe(7);
    expect(person.patch).toStrictEqual({ name: 'Aisha Rahman', title: 'Student Services Advisor' });
    expect(person.manager).toStrictEqual({ email: 'maria.gonzalez@northfield.edu', userId: ids.maria });
    expect(person.location).toStrictEqual({
      name: 'Northfield Main Campus - Welcome Center',
      locationId: ids.welcomeCenter,
    });
    expect(person.changes).toStrictEqual([
      { field: 'name', before: 'Aisha Rahmen', after: 'Aisha Rahman' },
      { field: 'title', before: 'Advisor', after: 'Student Services Advisor' },
      { field: 'email_manager', before: '', after: 'maria.gonzalez@northfield.edu' },
      {
        field: 'location_work',
        before: 'Northfield Library, Northfield Main Campus - Welcome Center',
        after: 'Northfield Main Campus - Welcome Center',
      },
    ]);
    expect(person.warnings.map((w) => [w.code, w.column, w.message])).toStrictEqual([
      [
        'locations-replaced',
        'location_work',
        'Replaces the locations of aisha.rahman@northfield.edu (was "Northfield Library, Northfield Main Campus - Welcome Center") with "Northfield Main Campus - Welcome Center" alone',
      ],
    ]);
    expect(person.grants).toStrictEqual([]);
    expect(person.moveToDivisionId).toBeNull();
  });

  it('shows the current manager by email when the snapshot knows them, else by id', () => {
    const bob = orgUser({ id: 'user-bob', name: 'Bob Old', email: 'bob.old@northfield.edu' });
    const known = only(
      buildPlan(
        importSet([batch([aishaRow()])]),
        snapshot({ users: [maria, bob, aishaUser({ managerId: 'user-bob' })] }),
      ),
    );
    expect(known.changes).toStrictEqual([
      { field: 'email_manager', before: 'bob.old@northfield.edu', after: 'maria.gonzalez@northfield.edu' },
    ]);
    const unknown = only(
      buildPlan(
        importSet([batch([aishaRow()])]),
        snapshot({ users: [maria, aishaUser({ managerId: 'user-x' })] }),
      ),
    );
    expect(unknown.changes).toStrictEqual([
      { field: 'email_manager', before: 'user-x', after: 'maria.gonzalez@northfield.edu' },
    ]);
  });

  it('clears title, department, phone_work and extension on a blank cell and warns', () => {
    const row = aishaRow({ title: '', department: '', phoneWork: '', extension: '' });
    const person = only(buildPlan(importSet([batch([row])]), snapshot({ users: [maria, aishaUser()] })));
    expect(person.action).toBe('update');
    // The WORK PHONE contact goes; the mobile number stays.
    expect(person.patch).toStrictEqual({
      title: '',
      department: '',
      addresses: [{ address: '+12155550199', mediaType: 'PHONE', type: 'MOBILE' }],
    });
    expect(person.changes).toStrictEqual([
      { field: 'title', before: 'Student Services Advisor', after: '' },
      { field: 'department', before: 'Student Services', after: '' },
      { field: 'phone_work', before: '+12155550101', after: '' },
      { field: 'extension', before: '4101', after: '' },
    ]);
    expect(person.warnings.map((w) => [w.code, w.column])).toStrictEqual([
      ['field-cleared', 'title'],
      ['field-cleared', 'department'],
      ['field-cleared', 'phone_work'],
      ['field-cleared', 'extension'],
    ]);
    expect(person.warnings[0]).toMatchObject({ severity: 'warning', file: row.file, line: 2 });
  });

  it('leaves the clearing fields alone when the file has no such column', () => {
    const row = aishaRow({
      title: undefined,
      department: undefined,
      phoneWork: undefined,
      extension: undefined,
    });
    const user = aishaUser({
      title: 'Keep me',
      department: 'Keep',
      phoneWork: '+12155550000',
      extension: '1',
    });
    const person = only(buildPlan(importSet([batch([row])]), snapshot({ users: [maria, user] })));
    expect(person.action).toBe('unchanged');
  });

  it('leaves manager, location, division, roles, queues and skills alone on a blank cell', () => {
    const row = aishaRow({
      managerEmail: undefined,
      location: undefined,
      division: undefined,
      roles: [],
      queues: [],
      skills: [],
    });
    const user = aishaUser({
      managerId: null,
      locationIds: [],
      divisionId: ids.admissions,
      grants: [],
      skills: [],
    });
    const person = only(buildPlan(importSet([batch([row])]), snapshot({ users: [maria, user] })));
    expect(person.action).toBe('unchanged');
  });

  it('rewrites only the WORK PHONE contact when the extension changes', () => {
    const row = aishaRow({ extension: '4199' });
    const person = only(buildPlan(importSet([batch([row])]), snapshot({ users: [maria, aishaUser()] })));
    expect(person.patch).toStrictEqual({
      addresses: [
        { address: '+12155550101', extension: '4199', mediaType: 'PHONE', type: 'WORK' },
        { address: '+12155550199', mediaType: 'PHONE', type: 'MOBILE' },
      ],
    });
    expect(person.changes).toStrictEqual([{ field: 'extension', before: '4101', after: '4199' }]);
    expect(person.warnings).toStrictEqual([]);
  });

  it('adds a WORK PHONE contact to a user who has none, keeping the others', () => {
    const user = aishaUser({
      phoneWork: '',
      extension: '',
      addresses: [{ address: '+12155550199', mediaType: 'PHONE', type: 'MOBILE' }],
    });
    const person = only(buildPlan(importSet([batch([aishaRow()])]), snapshot({ users: [maria, user] })));
    expect(person.patch.addresses).toStrictEqual([
      { address: '+12155550199', mediaType: 'PHONE', type: 'MOBILE' },
      { address: '+1 215 555 0101', extension: '4101', mediaType: 'PHONE', type: 'WORK' },
    ]);
  });

  it('only adds roles and queues, never removes them', () => {
    const user = aishaUser({
      grants: [
        { roleId: ids.employee, divisionId: ids.studentServices },
        { roleId: ids.supervisor, divisionId: ids.admissions },
      ],
      queueIds: [ids.general, ids.inquiries],
    });
    const person = only(buildPlan(importSet([batch([aishaRow()])]), snapshot({ users: [maria, user] })));
    expect(person.action).toBe('update');
    expect(person.grants).toStrictEqual([{ roleId: ids.user, divisionId: ids.studentServices }]);
    expect(person.queueIds).toStrictEqual([ids.financialAid]);
    expect(person.changes).toStrictEqual([
      {
        field: 'roles_divisions',
        before: 'employee:[Student Services]',
        after: 'employee:[Student Services], PureCloud User:[Student Services]',
      },
      {
        field: 'queues',
        before: 'Student Services General',
        after: 'Student Services General, Financial Aid',
      },
    ]);
  });

  it('adds skills and changes proficiency, keeping the skills the row does not name', () => {
    const user = aishaUser({
      skills: [
        { skillId: ids.english, proficiency: 3 },
        { skillId: ids.french, proficiency: 2 },
      ],
    });
    const person = only(buildPlan(importSet([batch([aishaRow()])]), snapshot({ users: [maria, user] })));
    expect(person.skills).toStrictEqual([
      { skillId: ids.english, proficiency: 5 },
      { skillId: ids.aidSkill, proficiency: 4 },
    ]);
    expect(person.changes).toStrictEqual([
      { field: 'skills', before: 'English:3, French:2', after: 'English:5, Financial Aid:4, French:2' },
    ]);
  });

  it('moves a person to the row division and warns', () => {
    const user = aishaUser({ divisionId: ids.admissions });
    const person = only(buildPlan(importSet([batch([aishaRow()])]), snapshot({ users: [maria, user] })));
    expect(person.action).toBe('update');
    expect(person.moveToDivisionId).toBe(ids.studentServices);
    expect(person.changes).toStrictEqual([
      { field: 'division', before: 'Admissions', after: 'Student Services' },
    ]);
    expect(person.warnings).toMatchObject([
      {
        code: 'division-move',
        column: 'division',
        message: 'Moves aisha.rahman@northfield.edu from division "Admissions" to "Student Services"',
      },
    ]);
  });

  it('updates an inactive user but warns that they stay inactive and are not invited', () => {
    const user = aishaUser({ state: 'inactive', title: 'Advisor' });
    const plan = buildPlan(importSet([batch([aishaRow()])]), snapshot({ users: [maria, user] }));
    const person = only(plan);
    expect(person.action).toBe('update');
    expect(person.warnings.map((w) => w.code)).toStrictEqual(['inactive-user']);
    expect(plan.summary.invites).toStrictEqual([
      { batch: 'student-services', date: '2026-12-01', count: 0, unconfirmed: 0 },
    ]);
  });
});

describe('people: skip (update_existing: false)', () => {
  it('turns an update into skip, with what differs shown and nothing to do', () => {
    const user = aishaUser({ title: 'Advisor', grants: [] });
    const plan = buildPlan(
      importSet([
        batch([aishaRow(), personRow({ line: 3, name: 'Ben Carter' })], [], { updateExisting: false }),
      ]),
      snapshot({ users: [maria, user] }),
    );
    const [aisha, ben] = people(plan);
    expect(aisha?.action).toBe('skip');
    expect(aisha?.userId).toBe('user-aisha');
    expect(aisha?.changes.map((c) => c.field)).toStrictEqual(['title', 'roles_divisions']);
    expect(aisha?.patch).toStrictEqual({});
    expect(aisha?.grants).toStrictEqual([]);
    expect(aisha?.manager).toBeNull();
    expect(aisha?.warnings).toStrictEqual([]);
    expect(ben?.action).toBe('create');
    expect(plan.summary.people).toStrictEqual({ create: 1, update: 0, unchanged: 0, skip: 1, error: 0 });
  });

  it('keeps an existing person who matches as unchanged', () => {
    const plan = buildPlan(
      importSet([batch([aishaRow()], [], { updateExisting: false })]),
      snapshot({ users: [maria, aishaUser()] }),
    );
    expect(only(plan).action).toBe('unchanged');
  });
});

describe('people: errors', () => {
  it('reports unknown role, division, queue and skill with did-you-mean, at their column', () => {
    const row = personRow({
      line: 4,
      name: 'Ben Carter',
      division: 'Student Service',
      roles: [
        { role: 'Purecloud Usr', divisions: ['Admisions'] },
        { role: 'Nonsense Role Name', divisions: [] },
      ],
      queues: ['Financial Aide'],
      skills: [{ skill: 'Englsh', proficiency: 3 }],
    });
    const person = only(buildPlan(importSet([batch([row])]), snapshot()));
    expect(person.action).toBe('error');
    expect(person.create).toBeNull();
    expect(person.grants).toStrictEqual([]);
    expect(person.errors).toStrictEqual([
      {
        severity: 'error',
        file: 'imports/student-services/people.csv',
        line: 4,
        column: 'division',
        code: 'unknown-division',
        message: 'Unknown division "Student Service" (did you mean "Student Services"?)',
      },
      {
        severity: 'error',
        file: 'imports/student-services/people.csv',
        line: 4,
        column: 'roles_divisions',
        code: 'unknown-role',
        message: 'Unknown role "Purecloud Usr" (did you mean "PureCloud User"?)',
      },
      {
        severity: 'error',
        file: 'imports/student-services/people.csv',
        line: 4,
        column: 'roles_divisions',
        code: 'unknown-division',
        message: 'Unknown division "Admisions" for role "Purecloud Usr" (did you mean "Admissions"?)',
      },
      {
        severity: 'error',
        file: 'imports/student-services/people.csv',
        line: 4,
        column: 'roles_divisions',
        code: 'unknown-role',
        message: 'Unknown role "Nonsense Role Name"',
      },
      {
        severity: 'error',
        file: 'imports/student-services/people.csv',
        line: 4,
        column: 'queues',
        code: 'unknown-queue',
        message: 'Unknown queue "Financial Aide" (did you mean "Financial Aid"?)',
      },
      {
        severity: 'error',
        file: 'imports/student-services/people.csv',
        line: 4,
        column: 'skills',
        code: 'unknown-skill',
        message: 'Unknown skill "Englsh" (did you mean "English"?)',
      },
    ]);
  });

  it('rejects an email that belongs to a deleted user', () => {
    const deleted = aishaUser({ state: 'deleted' });
    const person = only(buildPlan(importSet([batch([aishaRow()])]), snapshot({ users: [maria, deleted] })));
    expect(person.action).toBe('error');
    expect(person.userId).toBeNull();
    expect(person.errors).toMatchObject([{ code: 'deleted-user', column: 'email' }]);
  });

  it('uses the live user when a deleted user had the same email before', () => {
    const deleted = aishaUser({ id: 'user-old', state: 'deleted' });
    const person = only(
      buildPlan(importSet([batch([aishaRow()])]), snapshot({ users: [maria, deleted, aishaUser()] })),
    );
    expect(person.action).toBe('unchanged');
    expect(person.userId).toBe('user-aisha');
  });

  it('rejects an email that matches two users', () => {
    const twin = aishaUser({ id: 'user-aisha-2', state: 'inactive' });
    const person = only(
      buildPlan(importSet([batch([aishaRow()])]), snapshot({ users: [maria, aishaUser(), twin] })),
    );
    expect(person.errors).toMatchObject([
      { code: 'ambiguous-email', message: 'aisha.rahman@northfield.edu matches 2 users in the org' },
    ]);
  });

  it('rejects a manager who exists nowhere, a deleted one, an ambiguous one, and oneself', () => {
    const gone = orgUser({ id: 'u-gone', name: 'Gone', email: 'gone@northfield.edu', state: 'deleted' });
    const twinA = orgUser({ id: 'u-a', name: 'Twin', email: 'twin@northfield.edu' });
    const twinB = orgUser({ id: 'u-b', name: 'Twin', email: 'twin@northfield.edu' });
    const rows = [
      personRow({ line: 2, name: 'A One', managerEmail: 'nobody@northfield.edu' }),
      personRow({ line: 3, name: 'B Two', managerEmail: 'gone@northfield.edu' }),
      personRow({ line: 4, name: 'C Three', managerEmail: 'twin@northfield.edu' }),
      personRow({ line: 5, name: 'D Four', managerEmail: 'd.four@northfield.edu' }),
    ];
    const plan = buildPlan(importSet([batch(rows)]), snapshot({ users: [maria, gone, twinA, twinB] }));
    expect(people(plan).map((p) => [p.action, ...codes(p)])).toStrictEqual([
      ['error', 'unknown-manager'],
      ['error', 'manager-deleted'],
      ['error', 'ambiguous-manager'],
      ['error', 'self-manager'],
    ]);
    expect(people(plan)[0]?.errors[0]).toMatchObject({
      column: 'email_manager',
      message: 'Manager nobody@northfield.edu is not in the org and not created by this import',
    });
  });

  it('rejects people whose manager is a new person with errors, down the reporting line', () => {
    const rows = [
      personRow({ line: 2, name: 'Emily Nguyen', queues: ['No Such Queue'] }),
      personRow({ line: 3, name: 'Farah Haddad', managerEmail: 'emily.nguyen@northfield.edu' }),
      personRow({ line: 4, name: 'George Lin', managerEmail: 'farah.haddad@northfield.edu' }),
      personRow({ line: 5, name: 'Hannah Schmidt', managerEmail: 'maria.gonzalez@northfield.edu' }),
    ];
    const plan = buildPlan(importSet([batch(rows)]), snapshot());
    expect(people(plan).map((p) => [p.action, ...codes(p)])).toStrictEqual([
      ['error', 'unknown-queue'],
      ['error', 'manager-not-created'],
      ['error', 'manager-not-created'],
      ['create'],
    ]);
    expect(people(plan)[2]?.errors[0]?.message).toBe(
      'Manager farah.haddad@northfield.edu will not be created: their row (imports/student-services/people.csv:3) has errors',
    );
  });

  it('keeps a manager who exists even when their own row has errors', () => {
    const rows = [
      personRow({ line: 2, name: 'Maria Gonzalez', skills: [{ skill: 'Klingon', proficiency: 1 }] }),
      personRow({ line: 3, name: 'Ben Carter', managerEmail: 'maria.gonzalez@northfield.edu' }),
    ];
    const [mariaPlan, ben] = people(buildPlan(importSet([batch(rows)]), snapshot()));
    expect(mariaPlan?.action).toBe('error');
    expect(mariaPlan?.userId).toBe(ids.maria);
    expect(ben?.action).toBe('create');
    expect(ben?.manager).toStrictEqual({ email: 'maria.gonzalez@northfield.edu', userId: ids.maria });
  });

  it('handles a circular reporting line among new people', () => {
    const rows = [
      personRow({ line: 2, name: 'A One', managerEmail: 'b.two@northfield.edu' }),
      personRow({ line: 3, name: 'B Two', managerEmail: 'a.one@northfield.edu' }),
    ];
    const plan = buildPlan(importSet([batch(rows)]), snapshot());
    expect(people(plan).map((p) => p.action)).toStrictEqual(['create', 'create']);
  });

  it('rejects a second row for the same person, even in another batch', () => {
    const other = batch(
      [aishaRow({ batch: 'zz-late', file: 'imports/zz-late/people.csv', line: 9 })],
      [],
      {},
      'zz-late',
    );
    const plan = buildPlan(importSet([other, batch([aishaRow()])]), snapshot());
    const [first, second] = people(plan);
    expect(first?.action).toBe('create');
    expect(second?.errors).toMatchObject([
      {
        code: 'duplicate-person',
        file: 'imports/zz-late/people.csv',
        line: 9,
        message:
          'aisha.rahman@northfield.edu is also in imports/student-services/people.csv:2; a person belongs in one row only',
      },
    ]);
    expect(plan.summary.invites).toStrictEqual([
      { batch: 'student-services', date: '2026-12-01', count: 1, unconfirmed: 0 },
      { batch: 'zz-late', date: '2026-12-01', count: 0, unconfirmed: 0 },
    ]);
  });
});

describe('people: warnings', () => {
  it('warns about privileged roles granted: any name with "admin", plus the configured ones', () => {
    const row = personRow({
      line: 2,
      name: 'Ben Carter',
      roles: [
        { role: 'Master Admin', divisions: [] },
        { role: 'reporting viewer', divisions: ['Admissions'] },
        { role: 'employee', divisions: [] },
      ],
    });
    const withList = only(
      buildPlan(importSet([batch([row])]), snapshot(), { privilegedRoles: ['Reporting Viewer'] }),
    );
    expect(withList.warnings.map((w) => w.message)).toStrictEqual([
      'Grants privileged role "Master Admin" in division "Home" to ben.carter@northfield.edu',
      'Grants privileged role "Reporting Viewer" in division "Admissions" to ben.carter@northfield.edu',
    ]);
    expect(
      withList.warnings.every((w) => w.code === 'privileged-role' && w.column === 'roles_divisions'),
    ).toBe(true);
    const without = only(buildPlan(importSet([batch([row])]), snapshot()));
    expect(without.warnings.map((w) => w.code)).toStrictEqual(['privileged-role']);
  });

  it('does not warn about a privileged role the person already holds', () => {
    const row = aishaRow({ roles: [{ role: 'Master Admin', divisions: ['Student Services'] }] });
    const user = aishaUser({ grants: [{ roleId: ids.masterAdmin, divisionId: ids.studentServices }] });
    const person = only(buildPlan(importSet([batch([row])]), snapshot({ users: [maria, user] })));
    expect(person.action).toBe('unchanged');
    expect(person.warnings).toStrictEqual([]);
  });

  it('plans a new location once, at its first row, with a warning and did-you-mean', () => {
    const rows = [
      personRow({ line: 2, name: 'A One', location: 'Northfield Libary' }),
      personRow({ line: 3, name: 'B Two', location: 'northfield libary' }),
      personRow({ line: 4, name: 'C Three', location: 'Downtown Annex' }),
      personRow({ line: 5, name: 'D Four', location: 'Uptown Annex', queues: ['Nope'] }),
    ];
    const plan = buildPlan(importSet([batch(rows)]), snapshot());
    expect(plan.locationsToCreate).toStrictEqual([
      { name: 'Northfield Libary', didYouMean: 'Northfield Library', file: rows[0]!.file, line: 2 },
      { name: 'Downtown Annex', didYouMean: null, file: rows[0]!.file, line: 4 },
    ]);
    expect(people(plan)[1]?.location).toStrictEqual({ name: 'northfield libary', locationId: null });
    expect(plan.warnings).toStrictEqual([
      {
        severity: 'warning',
        file: rows[0]!.file,
        line: 2,
        column: 'location_work',
        code: 'new-location',
        message:
          'Location "Northfield Libary" does not exist; apply will create it (did you mean "Northfield Library"?)',
      },
      {
        severity: 'warning',
        file: rows[0]!.file,
        line: 4,
        column: 'location_work',
        code: 'new-location',
        message: 'Location "Downtown Annex" does not exist; apply will create it',
      },
    ]);
  });
});
