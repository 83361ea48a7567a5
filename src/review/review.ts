// The reviewed plan: what a preview showed, kept as digests small enough to ride in the preview
// comment, and the rule apply uses to compare its own plan with it. Pure: plans in, verdicts out.
//
// A row is recorded as its action and one "atom" per thing it does: a field with its before and
// after, or one item it adds (a grant, a queue, a skill: add-only, so "less" is a subset). Apply's
// row may do the same or less than the reviewed one; anything more or different is held.
import { createHash } from 'node:crypto';
import type { Batch } from '../csv/types.js';
import type { Change, PersonPlan, PhonePlan, Plan } from '../plan/types.js';

export const REVIEW_VERSION = 1;

/** How finely a batch was recorded: per change (the default), per row, or only as a whole (a very large batch). */
export type ReviewLevel = 'change' | 'row' | 'batch';

export interface ReviewedRow {
  kind: 'person' | 'phone';
  line: number;
  action: 'create' | 'update';
  /** Hashes of what the row does (level `change`); empty at the coarser levels. */
  atoms: string[];
  /** Hash of the action and every atom. */
  digest: string;
}

export interface ReviewedBatch {
  /** Hash of the batch's folder name (names are CSV-side text: none enters the comment raw). */
  name: string;
  /** Hash of the batch's content as read (batch.yml and every valid row): a push that edits it makes the preview stale. */
  source: string;
  level: ReviewLevel;
  /** Hash of every row's digest. */
  digest: string;
  /** The rows that write (create, update); empty at level `batch`. */
  rows: ReviewedRow[];
}

export interface Review {
  version: typeof REVIEW_VERSION;
  /** Hash of every batch's digest and source: one value to quote. */
  plan: string;
  batches: ReviewedBatch[];
}

const hash = (text: string, chars: number) =>
  createHash('sha256').update(text).digest('base64').replace(/=+$/, '').slice(0, chars);
/** 24 bits: an accidental match of two different changes of one row is one in sixteen million. */
const ATOM_CHARS = 4;
const DIGEST_CHARS = 8;
const SOURCE_CHARS = 12;

const nameHash = (name: string) => hash(`batch\0${name}`, DIGEST_CHARS);

/** Fields recorded from the plan's structured lists, not from their display text. */
const ADD_ONLY = new Set(['roles_divisions', 'queues', 'skills']);

const fieldAtom = (change: Change) => `${change.field}\0${change.before}\0${change.after}`;

/** The atoms behind one displayed change: the field itself, or the items an add-only field adds. */
function atomsOfChange(kind: 'person' | 'phone', row: PersonPlan | PhonePlan, change: Change): string[] {
  if (kind === 'phone' || !ADD_ONLY.has(change.field)) return [fieldAtom(change)];
  const person = row as PersonPlan;
  if (change.field === 'roles_divisions')
    return person.grants.map((g) => `grant\0${g.roleId}\0${g.divisionId}`);
  if (change.field === 'queues') return person.queueIds.map((id) => `queue\0${id}`);
  return person.skills.map((skill) => `skill\0${skill.skillId}\0${skill.proficiency}`);
}

function personAtoms(person: PersonPlan): string[] {
  const fields = person.changes.filter((change) => !ADD_ONLY.has(change.field)).map(fieldAtom);
  const added = ['roles_divisions', 'queues', 'skills'].flatMap((field) =>
    atomsOfChange('person', person, { field, before: '', after: '' }),
  );
  return [...fields, ...added];
}

function phoneAtoms(phone: PhonePlan): string[] {
  return [...phone.changes.map(fieldAtom), `person\0${phone.person.emailKey}`];
}

/** What a writing row does, as atoms (sorted, each once) and their digest. */
function recordRow(kind: 'person' | 'phone', row: PersonPlan | PhonePlan): ReviewedRow | null {
  if (row.action !== 'create' && row.action !== 'update') return null;
  const texts = kind === 'person' ? personAtoms(row as PersonPlan) : phoneAtoms(row as PhonePlan);
  const atoms = [...new Set(texts.map((text) => hash(text, ATOM_CHARS)))].sort();
  const digest = hash(`${kind}\0${row.line}\0${row.action}\0${atoms.join('')}`, DIGEST_CHARS);
  return { kind, line: row.line, action: row.action, atoms, digest };
}

function batchRows(batch: Plan['batches'][number]): ReviewedRow[] {
  return [
    ...batch.people.map((person) => recordRow('person', person)),
    ...batch.phones.map((phone) => recordRow('phone', phone)),
  ].filter((row): row is ReviewedRow => row !== null);
}

/**
 * The content of a batch as read: batch.yml's settings and every valid row with its line (not the
 * paths, which depend on how the imports folder was named). Equal content, equal source.
 */
export function batchSource(batch: Batch): string {
  const strip = <T extends { batch: string; file: string }>(row: T) => ({ ...row, batch: '', file: '' });
  return hash(JSON.stringify([batch.config, batch.people.map(strip), batch.phones.map(strip)]), SOURCE_CHARS);
}

/** Each batch's source, by folder name. */
export function batchSources(batches: readonly Batch[]): Map<string, string> {
  return new Map(batches.map((batch) => [batch.name, batchSource(batch)]));
}

/** The review of a plan at the finest level; `coarsen` trades detail for size. */
export function reviewOf(plan: Plan, sources: ReadonlyMap<string, string>): Review {
  const batches = plan.batches.map((batch): ReviewedBatch => {
    const rows = batchRows(batch);
    return {
      name: nameHash(batch.name),
      source: sources.get(batch.name) ?? '',
      level: 'change',
      digest: hash(rows.map((row) => row.digest).join(''), DIGEST_CHARS),
      rows,
    };
  });
  return {
    version: REVIEW_VERSION,
    plan: hash(batches.map((batch) => `${batch.name}${batch.source}${batch.digest}`).join(''), SOURCE_CHARS),
    batches,
  };
}

/** The same review with every batch recorded at `level` or coarser. */
export function coarsen(review: Review, level: ReviewLevel): Review {
  const keep = (batch: ReviewedBatch): ReviewedBatch => {
    if (level === 'change' || batch.level === 'batch') return batch;
    if (level === 'batch') return { ...batch, level, rows: [] };
    return { ...batch, level, rows: batch.rows.map((row) => ({ ...row, atoms: [] })) };
  };
  return { ...review, batches: review.batches.map(keep) };
}

// The hidden block: `<!-- gc-onboard:reviewed v1 <plan>` then a line per batch and per row, then `-->`.
// Only base64 hashes, digits and single letters: nothing in it comes from a CSV cell.
const REVIEW_BLOCK_START = '<!-- gc-onboard:reviewed v';
const LEVEL_LETTER: Record<ReviewLevel, string> = { change: 'c', row: 'r', batch: 'b' };
const KIND_LETTER = { person: 'p', phone: 'f' } as const;
const ACTION_LETTER = { create: 'c', update: 'u' } as const;
const B64 = '[A-Za-z0-9+/]';

export function encodeReview(review: Review): string {
  const lines = [`${REVIEW_BLOCK_START}${review.version} ${review.plan}`];
  for (const batch of review.batches) {
    lines.push(`b ${batch.name} ${batch.source || '-'} ${LEVEL_LETTER[batch.level]} ${batch.digest}`);
    for (const row of batch.rows) {
      const head = `${KIND_LETTER[row.kind]}${row.line}${ACTION_LETTER[row.action]}`;
      lines.push(batch.level === 'change' ? `${head} ${row.atoms.join('')}` : `${head} ${row.digest}`);
    }
  }
  lines.push('-->');
  return lines.join('\n');
}

/** The finest encoding of `review` that fits in `maxChars`, or null when not even the coarsest does. */
export function encodeReviewWithin(review: Review, maxChars: number): string | null {
  for (const level of ['change', 'row', 'batch'] as const) {
    const text = encodeReview(coarsen(review, level));
    if (text.length <= maxChars) return text;
  }
  return null;
}

const HEADER = new RegExp(`^<!-- gc-onboard:reviewed v(\\d+) (${B64}{${SOURCE_CHARS}})$`);
const BATCH_LINE = new RegExp(
  `^b (${B64}{${DIGEST_CHARS}}) (${B64}{${SOURCE_CHARS}}|-) ([crb]) (${B64}{${DIGEST_CHARS}})$`,
);
const ROW_LINE = new RegExp(`^([pf])([1-9]\\d{0,8})([cu]) ((?:${B64}{${ATOM_CHARS}})*)$`);

export type DecodedReview = { ok: true; review: Review } | { ok: false; why: string };

/**
 * Reads the block that follows the marker line of a preview comment (line 2 onward, up to `-->`).
 * Strict: any line that is not exactly ours makes the whole block unreadable, never half-trusted.
 */
export function decodeReview(body: string): DecodedReview {
  const lines = body.replace(/\r\n/g, '\n').split('\n').slice(1);
  const header = HEADER.exec(lines[0] ?? '');
  if (!header) return { ok: false, why: 'it has no reviewed-plan block' };
  if (Number(header[1]) !== REVIEW_VERSION) {
    return {
      ok: false,
      why: `its reviewed-plan block is version ${header[1]}, this gc-onboard reads ${REVIEW_VERSION}`,
    };
  }
  const batches: ReviewedBatch[] = [];
  for (const [index, line] of lines.slice(1).entries()) {
    if (line === '-->')
      return { ok: true, review: { version: REVIEW_VERSION, plan: header[2] ?? '', batches } };
    const bad = { ok: false as const, why: `line ${index + 3} of its reviewed-plan block is not ours` };
    const batchLine = BATCH_LINE.exec(line);
    if (batchLine) {
      const [, name = '', source = '', letter = '', digest = ''] = batchLine;
      const level = (Object.keys(LEVEL_LETTER) as ReviewLevel[]).find((key) => LEVEL_LETTER[key] === letter);
      if (!level) return bad;
      batches.push({ name, source: source === '-' ? '' : source, level, digest, rows: [] });
      continue;
    }
    const rowLine = ROW_LINE.exec(line);
    const batch = batches.at(-1);
    if (!rowLine || !batch || batch.level === 'batch') return bad;
    const [, kind = '', lineNumber = '', action = '', rest = ''] = rowLine;
    const chunks = rest.match(new RegExp(`${B64}{${ATOM_CHARS}}`, 'g')) ?? [];
    if (batch.level === 'row' && rest.length !== DIGEST_CHARS) return bad;
    batch.rows.push({
      kind: kind === 'p' ? 'person' : 'phone',
      line: Number(lineNumber),
      action: action === 'c' ? 'create' : 'update',
      atoms: batch.level === 'change' ? chunks : [],
      digest: batch.level === 'row' ? rest : '',
    });
  }
  return { ok: false, why: 'its reviewed-plan block is not closed' };
}

/** Why a row or a batch is not applied. */
export interface Hold {
  batch: string;
  kind: 'person' | 'phone' | 'batch';
  line: number | null;
  /** One sentence: what was reviewed and what apply would do now. */
  reason: string;
}

export interface Verdict {
  /** Rows and whole batches held back; every other writing row goes ahead. */
  holds: Hold[];
}

const actionWord = (action: string) => (action === 'create' ? 'a create' : `an ${action}`);

const MAX_SHOWN = 5;

/** Changes as a reader sees them: `title "A" → "B"`, a cleared value as (cleared); the first few. */
function changesText(changes: readonly Change[]): string {
  const shown = changes
    .slice(0, MAX_SHOWN)
    .map((change) =>
      change.before === ''
        ? `${change.field} "${change.after}"`
        : `${change.field} "${change.before}" → ${change.after === '' ? '(cleared)' : `"${change.after}"`}`,
    );
  const more = changes.length - MAX_SHOWN;
  return `${shown.join('; ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** The changes of `row` with an atom the reviewed row did not have, as a reader sees them. */
function unreviewedChanges(
  kind: 'person' | 'phone',
  row: PersonPlan | PhonePlan,
  reviewed: ReviewedRow,
): string {
  const seen = new Set(reviewed.atoms);
  const fresh = row.changes.filter((change) =>
    atomsOfChange(kind, row, change).some((atom) => !seen.has(hash(atom, ATOM_CHARS))),
  );
  return fresh.length > 0 ? changesText(fresh) : 'who the phone is for';
}

/** Holds `row` when it does more than, or other than, the reviewed row; null when it may go ahead. */
function judgeRow(
  kind: 'person' | 'phone',
  row: PersonPlan | PhonePlan,
  now: ReviewedRow | undefined,
  reviewed: ReviewedRow | undefined,
  level: ReviewLevel,
): string | null {
  if (!now) return null; // nothing to write now (unchanged, skip) or an error, held by apply itself
  if (!reviewed) {
    return `the preview showed no change for this row, and it is now ${actionWord(now.action)}: re-run the preview to review it`;
  }
  if (reviewed.action !== now.action) {
    return `reviewed as ${actionWord(reviewed.action)}, now ${actionWord(now.action)} (the org changed since the preview) that would set ${changesText(row.changes)}: re-run the preview to review it`;
  }
  if (level === 'row') {
    return reviewed.digest === now.digest
      ? null
      : `reviewed as ${actionWord(reviewed.action)}, but what it changes is not what the preview showed (the org changed since the preview): re-run the preview`;
  }
  const seen = new Set(reviewed.atoms);
  if (now.atoms.every((atom) => seen.has(atom))) return null;
  return `not in the reviewed preview: ${unreviewedChanges(kind, row, reviewed)}; re-run the preview to review it`;
}

/**
 * Compares apply's plan with the reviewed one, through the plan's own review (`current`, reviewOf
 * of the same plan). A batch missing from the review or whose content changed since is held whole
 * ("stale"); otherwise each writing row is judged (judgeRow).
 */
export function compareWithReview(plan: Plan, current: Review, review: Review): Verdict {
  const holds: Hold[] = [];
  const key = (row: { kind: string; line: number }) => `${row.kind}:${row.line}`;
  for (const [index, batch] of plan.batches.entries()) {
    const now = current.batches[index] as ReviewedBatch;
    const reviewed = review.batches.find((candidate) => candidate.name === now.name);
    const holdBatch = (reason: string) =>
      holds.push({ batch: batch.name, kind: 'batch', line: null, reason });
    if (!reviewed) {
      if (now.rows.length > 0) holdBatch('this batch is not in the reviewed preview: re-run the preview');
      continue;
    }
    if (reviewed.source !== now.source) {
      holdBatch('preview is stale: the batch changed after the last preview; re-run the preview');
      continue;
    }
    if (reviewed.level === 'batch') {
      if (reviewed.digest !== now.digest) {
        holdBatch(
          'the org changed since the preview, and this batch was too large for the preview to record row by row: re-run the preview',
        );
      }
      continue;
    }
    const reviewedRows = new Map(reviewed.rows.map((row) => [key(row), row]));
    const currentRows = new Map(now.rows.map((row) => [key(row), row]));
    const judge = (kind: 'person' | 'phone', row: PersonPlan | PhonePlan) => {
      const at = key({ kind, line: row.line });
      const reason = judgeRow(kind, row, currentRows.get(at), reviewedRows.get(at), reviewed.level);
      if (reason) holds.push({ batch: batch.name, kind, line: row.line, reason });
    };
    batch.people.forEach((person) => judge('person', person));
    batch.phones.forEach((phone) => judge('phone', phone));
  }
  return { holds };
}

/**
 * The plan with every held row turned into an error row that carries its reason (apply writes no
 * error row), a held batch's writing rows likewise, and the phone of a held person held with them:
 * its default needs what the person's row would have granted.
 */
export function holdRows(plan: Plan, verdict: Verdict): Plan {
  if (verdict.holds.length === 0) return plan;
  const batchHold = new Map(
    verdict.holds.filter((hold) => hold.kind === 'batch').map((hold) => [hold.batch, hold.reason]),
  );
  const rowHold = new Map(
    verdict.holds
      .filter((hold) => hold.kind !== 'batch')
      .map((hold) => [`${hold.batch}:${hold.kind}:${hold.line}`, hold.reason]),
  );
  const reasonOf = (kind: 'person' | 'phone', row: PersonPlan | PhonePlan) =>
    batchHold.get(row.batch) ?? rowHold.get(`${row.batch}:${kind}:${row.line}`);
  const held = <T extends PersonPlan | PhonePlan>(row: T, reason: string | undefined): T => {
    if (reason === undefined || (row.action !== 'create' && row.action !== 'update')) return row;
    const finding = {
      severity: 'error' as const,
      file: row.file,
      line: row.line,
      column: null,
      code: 'held',
      message: `held: ${reason}`,
    };
    return { ...row, action: 'error', errors: [finding, ...row.errors] };
  };
  const heldPeople = new Map<string, PersonPlan>();
  const batches = plan.batches.map((batch) => {
    const people = batch.people.map((person) => {
      const reason = reasonOf('person', person);
      if (reason !== undefined) heldPeople.set(`${person.batch}:${person.line}`, person);
      return held(person, reason);
    });
    return { ...batch, people };
  });
  return {
    ...plan,
    batches: batches.map((batch) => ({
      ...batch,
      phones: batch.phones.map((phone) => {
        const owner = phone.person.row;
        const person = owner ? heldPeople.get(`${owner.batch}:${owner.line}`) : undefined;
        const reason =
          reasonOf('phone', phone) ??
          (person && owner
            ? `its person ${person.email} (${owner.file.split(/[\\/]/).pop() ?? owner.file}:${owner.line}) is held`
            : undefined);
        return held(phone, reason);
      }),
    })),
  };
}
