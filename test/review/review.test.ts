import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/plan.js';
import type { ImportSet } from '../../src/csv/types.js';
import type { OrgSnapshot } from '../../src/plan/snapshot.js';
import {
  batchSources,
  compareWithReview,
  decodeReview,
  encodeReview,
  encodeReviewWithin,
  coarsen,
  holdRows,
  reviewOf,
  type Review,
} from '../../src/review/review.js';
import {
  aishaRow,
  aishaUser,
  batch,
  ids,
  importSet,
  maria,
  personRow,
  phoneRow,
  snapshot,
} from '../plan/fixtures.js';

/** The review a preview of `imports` against `org` records, as apply reads it back from the comment. */
function previewed(imports: ImportSet, org: OrgSnapshot): Review {
  const review = reviewOf(buildPlan(imports, org), batchSources(imports.batches));
  const decoded = decodeReview(`<!-- marker -->\n${encodeReview(review)}\nthe table`);
  if (!decoded.ok) throw new Error(decoded.why);
  return decoded.review;
}

/** What apply would hold: `imports` planned against `org` now, compared with `review`. */
function holdsAt(imports: ImportSet, org: OrgSnapshot, review: Review) {
  const plan = buildPlan(imports, org);
  return compareWithReview(plan, reviewOf(plan, batchSources(imports.batches)), review).holds;
}

const sam = () =>
  personRow({
    line: 3,
    name: 'Sam Ortiz',
    title: '',
    phoneWork: '',
    division: 'Student Services',
    roles: [{ role: 'employee', divisions: ['Student Services'] }],
  });
const samUser = (overrides: Parameters<typeof aishaUser>[0] = {}) =>
  aishaUser({ id: 'user-sam', name: 'Sam Ortiz', email: 'sam.ortiz@northfield.edu', ...overrides });

describe('the reviewed plan', () => {
  const imports = importSet([
    batch([aishaRow(), sam()], [phoneRow({ line: 2, email: 'aisha.rahman@northfield.edu' })]),
  ]);

  it('lets the same plan go ahead, and a row with nothing left to do', () => {
    const review = previewed(imports, snapshot());
    expect(holdsAt(imports, snapshot(), review)).toStrictEqual([]);
    // Aisha was created by hand exactly as the CSV says: nothing to do for her now.
    const done = snapshot({ users: [maria, aishaUser({ dateWelcomeSent: null })] });
    expect(holdsAt(imports, done, review).filter((hold) => hold.kind === 'person')).toStrictEqual([]);
  });

  it('holds a create that became an update, whose blank cells would clear what someone typed', () => {
    const review = previewed(imports, snapshot());
    const byHand = samUser({
      title: 'Front desk lead',
      grants: [],
      queueIds: [],
      skills: [],
      locationIds: [],
    });
    const holds = holdsAt(imports, snapshot({ users: [maria, byHand] }), review);
    expect(holds).toHaveLength(1);
    expect(holds[0]).toMatchObject({ batch: 'student-services', kind: 'person', line: 3 });
    expect(holds[0]?.reason).toContain('reviewed as a create, now an update');
  });

  it('lets less than reviewed go ahead (a field or a grant someone already set) and holds more', () => {
    const before = samUser({ title: 'Old title', grants: [], queueIds: [], skills: [] });
    const rows = importSet([batch([{ ...sam(), title: 'Advisor', department: 'Student Services' }])]);
    const review = previewed(rows, snapshot({ users: [maria, before] }));
    // The title was set by hand to the CSV's value, the grant given by hand: less to do, same intent.
    const less = samUser({
      title: 'Advisor',
      grants: [{ roleId: ids.employee, divisionId: ids.studentServices }],
      queueIds: [],
      skills: [],
    });
    expect(holdsAt(rows, snapshot({ users: [maria, less] }), review)).toStrictEqual([]);
    // The department someone typed since would now be cleared... no: department is in the CSV. A
    // different title typed since is a different change (its "before"), which nobody reviewed.
    const other = samUser({ title: 'Typed since', grants: [], queueIds: [], skills: [] });
    const holds = holdsAt(rows, snapshot({ users: [maria, other] }), review);
    expect(holds).toHaveLength(1);
    expect(holds[0]?.reason).toContain('title "Typed since" → "Advisor"');
  });

  it('holds a row the preview showed as unchanged that now writes, and names what is new', () => {
    const same = importSet([batch([aishaRow()])]);
    const review = previewed(same, snapshot({ users: [maria, aishaUser()] }));
    const movedOut = aishaUser({ divisionId: ids.admissions });
    const holds = holdsAt(same, snapshot({ users: [maria, movedOut] }), review);
    expect(holds).toHaveLength(1);
    expect(holds[0]?.reason).toContain('the preview showed no change for this row, and it is now an update');
  });

  it('holds a whole batch whose content changed after the preview, and a batch the preview never saw', () => {
    const review = previewed(imports, snapshot());
    const edited = importSet([batch([aishaRow({ title: 'Senior Advisor' }), sam()])]);
    expect(holdsAt(edited, snapshot(), review)).toStrictEqual([
      {
        batch: 'student-services',
        kind: 'batch',
        line: null,
        reason: 'preview is stale: the batch changed after the last preview; re-run the preview',
      },
    ]);
    const added = importSet([
      ...imports.batches,
      batch([personRow({ line: 2, name: 'New Person' })], [], {}, 'admissions'),
    ]);
    expect(holdsAt(added, snapshot(), review)).toStrictEqual([
      {
        batch: 'admissions',
        kind: 'batch',
        line: null,
        reason: 'this batch is not in the reviewed preview: re-run the preview',
      },
    ]);
  });

  it('holds a phone that would become someone else’s default over a phone made by hand', () => {
    const review = previewed(imports, snapshot());
    // Aisha now exists with a desk phone made by hand as her default: the row would replace it.
    const aisha = aishaUser({ defaultStationId: 'station-hand' });
    const org = snapshot({
      users: [maria, aisha],
      phones: [
        {
          id: 'phone-hand',
          name: 'Hand made',
          siteId: ids.site,
          baseSettingsId: ids.deskPhone,
          webRtcUserId: null,
          stationId: 'station-hand',
        },
      ],
    });
    const phoneHolds = holdsAt(imports, org, review).filter((hold) => hold.kind === 'phone');
    expect(phoneHolds).toHaveLength(1);
    expect(phoneHolds[0]?.reason).toContain('default_phone "Hand made"');
  });
});

describe('the reviewed-plan block', () => {
  const imports = importSet([
    batch(
      Array.from({ length: 40 }, (_, index) =>
        personRow({
          line: index + 2,
          name: `Person ${index}`,
          email: `person${index}@northfield.edu`,
          title: 'Advisor',
          department: 'Student Services',
          extension: String(4100 + index),
        }),
      ),
    ),
  ]);
  const review = reviewOf(buildPlan(imports, snapshot()), batchSources(imports.batches));

  const [changeSize, rowSize, batchSize] = (['change', 'row', 'batch'] as const).map(
    (level) => encodeReview(coarsen(review, level)).length,
  ) as [number, number, number];

  it('writes the finest level that fits, and reads back what it wrote', () => {
    expect(changeSize).toBeGreaterThan(rowSize);
    expect(rowSize).toBeGreaterThan(batchSize);
    for (const [maxChars, level] of [
      [changeSize, 'c'],
      [changeSize - 1, 'r'],
      [rowSize - 1, 'b'],
    ] as const) {
      const text = encodeReviewWithin(review, maxChars) ?? '';
      expect(text.length).toBeLessThanOrEqual(maxChars);
      expect(text).toMatch(new RegExp(`^b \\S+ \\S+ ${level} `, 'm'));
      const decoded = decodeReview(`<!-- gc-onboard:preview -->\n${text}\n| table |`);
      expect(decoded).toMatchObject({ ok: true });
      if (decoded.ok) expect(encodeReview(decoded.review)).toBe(text);
    }
    expect(encodeReviewWithin(review, batchSize - 1)).toBeNull();
  });

  it('holds by row digest or whole batch when the preview recorded less detail', () => {
    const moved = snapshot({
      users: [maria, samUser({ name: 'Person 0', email: 'person0@northfield.edu' })],
    });
    for (const maxChars of [rowSize, batchSize]) {
      const decoded = decodeReview(`m\n${encodeReviewWithin(review, maxChars) ?? ''}`);
      if (!decoded.ok) throw new Error(decoded.why);
      expect(holdsAt(imports, snapshot(), decoded.review)).toStrictEqual([]);
      const holds = holdsAt(imports, moved, decoded.review);
      expect(holds).toHaveLength(1);
      expect(holds[0]?.kind).toBe(maxChars === rowSize ? 'person' : 'batch');
    }
  });

  it('takes nothing that is not exactly ours: a forged line, another version, an open block', () => {
    const text = encodeReview(review);
    const lines = text.split('\n');
    const forged = [lines[0], lines[1], 'p99c AAAA', 'title: <b>hi</b>', ...lines.slice(2)].join('\n');
    expect(decodeReview(`m\n${forged}`)).toMatchObject({ ok: false });
    expect(decodeReview(`m\n${text.replace(' v1 ', ' v2 ')}`)).toStrictEqual({
      ok: false,
      why: 'its reviewed-plan block is version 2, this gc-onboard reads 1',
    });
    expect(decodeReview(`m\n${text.replace(/\n-->$/, '')}`)).toMatchObject({ ok: false });
    // The block must follow the marker line: one further down (a CSV cell in the table) is not read.
    expect(decodeReview(`m\n| a cell |\n${text}`)).toStrictEqual({
      ok: false,
      why: 'it has no reviewed-plan block',
    });
  });

  it('turns held rows into error rows that carry their reason, and leaves the rest', () => {
    const plan = buildPlan(imports, snapshot());
    const held = holdRows(plan, {
      holds: [{ batch: 'student-services', kind: 'person', line: 3, reason: 'for a test' }],
    });
    const rows = held.batches[0]?.people ?? [];
    expect(rows.filter((row) => row.action === 'error').map((row) => row.line)).toStrictEqual([3]);
    expect(rows[1]?.errors[0]).toMatchObject({ code: 'held', message: 'held: for a test', line: 3 });
    expect(rows[0]).toBe(plan.batches[0]?.people[0]);
  });
});
