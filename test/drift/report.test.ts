// Drift from a plan, without the org: each kind of row (a skipped batch, a deleted person, a phone
// given away or with other settings, a name the org lost), the follow-up counts, and the markdown
// that fits GitHub's limit. Pure.
import { describe, expect, it } from 'vitest';
import { findDrift } from '../../src/drift/drift.js';
import { driftReport, needsAttention } from '../../src/drift/report.js';
import { buildPlan } from '../../src/plan/plan.js';
import {
  DRIFT_MARKER,
  renderDriftClosed,
  renderDriftIssue,
  renderDriftMarkdown,
} from '../../src/render/drift.js';
import {
  aishaRow,
  aishaUser,
  batch,
  ids,
  importSet,
  maria,
  orgPhone,
  orgUser,
  personRow,
  phoneRow,
  snapshot,
} from '../plan/fixtures.js';

const WHEN = { today: '2026-12-20', now: new Date('2026-12-20T09:00:00Z') };

const aishaPhone = () => phoneRow({ line: 2, name: 'Aisha Rahman', email: 'aisha.rahman@northfield.edu' });

describe('findDrift', () => {
  it('a person who matches is no drift; one the batch does not update is, and apply leaves it', () => {
    const org = snapshot({ users: [maria, aishaUser()] });
    const clean = findDrift(buildPlan(importSet([batch([aishaRow()])]), org), org);
    expect(clean[0]?.rows).toEqual([]);

    const changed = snapshot({ users: [maria, aishaUser({ title: 'Team Lead' })] });
    const skipped = importSet([batch([aishaRow()], [], { updateExisting: false })]);
    const [row] = findDrift(buildPlan(skipped, changed), changed)[0]?.rows ?? [];
    expect(row).toMatchObject({
      kind: 'changed',
      fields: [{ field: 'title', csv: 'Student Services Advisor', org: 'Team Lead', missing: null }],
      applyFixes: false,
    });
    expect(row?.fix).toContain('update_existing: false');
  });

  it('names the skills whose proficiency changed, CSV against org', () => {
    const org = snapshot({
      users: [maria, aishaUser({ skills: [{ skillId: ids.english, proficiency: 3 }] })],
    });
    const [row] = findDrift(buildPlan(importSet([batch([aishaRow()])]), org), org)[0]?.rows ?? [];
    expect(row?.fields).toEqual([
      { field: 'skills', csv: 'English:5, Financial Aid:4', org: 'English:3', missing: null },
    ]);
  });

  it('a deleted person, a row whose queue the org no longer has, and who is missing', () => {
    const org = snapshot({
      users: [maria, aishaUser({ state: 'deleted' })],
      queues: snapshot().queues.filter((queue) => queue.id !== ids.financialAid),
    });
    const ben = personRow({ line: 3, name: 'Ben Carter', queues: ['Financial Aid'] });
    const chloe = personRow({ line: 4, name: 'Chloe Dubois' });
    const plan = buildPlan(importSet([batch([aishaRow({ queues: [] }), ben, chloe])]), org);
    const rows = findDrift(plan, org)[0]?.rows ?? [];
    expect(rows.map((row) => [row.email, row.kind, row.applyFixes])).toEqual([
      ['aisha.rahman@northfield.edu', 'deleted', false],
      ['ben.carter@northfield.edu', 'unresolved', false],
      ['chloe.dubois@northfield.edu', 'missing', true],
    ]);
    expect(rows[1]?.detail).toBe('Unknown queue "Financial Aid"');
  });

  it('a phone given to someone else, and one whose site and base settings were changed', () => {
    const ben = orgUser({ id: 'user-ben', name: 'Ben Carter', email: 'ben.carter@northfield.edu' });
    const taken = snapshot({
      users: [maria, aishaUser(), ben],
      phones: [orgPhone({ id: 'ph-1', name: 'Aisha Rahman', webRtcUserId: 'user-ben', stationId: 'st-1' })],
    });
    const rows = findDrift(buildPlan(importSet([batch([aishaRow()], [aishaPhone()])]), taken), taken)[0]
      ?.rows;
    expect(rows?.map((row) => [row.subject, row.kind, row.applyFixes])).toEqual([
      ['phone', 'reassigned', false],
    ]);
    expect(rows?.[0]?.detail).toContain('is taken by the WebRTC phone of ben.carter@northfield.edu');

    const desk = snapshot({
      users: [maria, aishaUser({ defaultStationId: 'st-1' })],
      sites: [...snapshot().sites, { id: 'site-dt', name: 'Northfield Downtown Center' }],
      phones: [
        orgPhone({
          id: 'ph-1',
          name: 'Aisha Rahman',
          webRtcUserId: 'user-aisha',
          stationId: 'st-1',
          siteId: 'site-dt',
        }),
      ],
    });
    const [row] =
      findDrift(buildPlan(importSet([batch([aishaRow()], [aishaPhone()])]), desk), desk)[0]?.rows ?? [];
    expect(row).toMatchObject({
      subject: 'phone',
      kind: 'changed',
      fields: [
        { field: 'site', csv: 'Northfield Main Campus', org: 'Northfield Downtown Center', missing: null },
      ],
      applyFixes: false,
    });
  });
});

describe('the report and its markdown', () => {
  const org = snapshot({
    users: [
      maria,
      aishaUser({ title: 'Team Lead', dateWelcomeSent: '2026-11-01T08:00:00Z' }),
      orgUser({
        id: 'user-ben',
        name: 'Ben Carter',
        email: 'ben.carter@northfield.edu',
        dateWelcomeSent: null,
        dateLastLogin: null,
      }),
    ],
  });
  const imports = importSet([batch([aishaRow(), personRow({ line: 3, name: 'Ben Carter' })])]);
  const report = driftReport(buildPlan(imports, org), org, imports, org.users, WHEN);

  it('counts drifted rows, expired and never-invited people after the training day', () => {
    expect(report.counts).toEqual({
      drifted: 1,
      people: 1,
      phones: 0,
      applyFixes: 1,
      expired: 1,
      neverInvited: 1,
      unknown: 0,
      errors: 0,
    });
    expect(report.followUp[0]).toMatchObject({
      batch: 'student-services',
      trainingDay: '2026-12-01',
      loggedIn: 0,
    });
    expect(needsAttention(report)).toBe(true);
  });

  it('opens the issue body with the marker and the rows apply would touch, and closes in one sentence', () => {
    const body = renderDriftIssue(report, 'https://github.com/o/r/actions/runs/1');
    expect(body.startsWith(`${DRIFT_MARKER}\n## gc-onboard drift report\n`)).toBe(true);
    expect(body).toContain('would touch imports/student-services/people.csv line 2');
    expect(body).toContain('| 2 | Aisha Rahman |');
    expect(body).toContain('invited 2026-11-01, expired 2026-12-01, never logged in');
    expect(body).toContain('From [this run](https://github.com/o/r/actions/runs/1)');
    expect(renderDriftClosed(report)).toMatch(/^Everything matches again on Sun 20 Dec 2026: /);
  });

  it('lists fewer rows, never more than the limit, when the report is large', () => {
    const many = Array.from({ length: 400 }, (_, i) => personRow({ line: i + 2, name: `Person ${i}` }));
    const big = importSet([batch(many)]);
    const bigReport = driftReport(buildPlan(big, org), org, big, org.users, WHEN);
    const text = renderDriftMarkdown(bigReport, { maxChars: 20_000 });
    expect(text.length).toBeLessThanOrEqual(20_000);
    expect(text).toMatch(
      /_… and \d+ rows more, not shown: run <code>gc-onboard drift<\/code> for every row\._/,
    );
  });
});
