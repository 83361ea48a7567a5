// ImportSet + OrgSnapshot → Plan. Pure and deterministic: the same inputs give a deep-equal plan.
// Rows are resolved, pass the gate (the policy, when there is one), and only then is what depends
// on them derived, once: reports of people not created, their phones, invites, new locations.

import { sortFindings, type Finding } from '../csv/findings.js';
import { didYouMean } from '../csv/suggest.js';
import type { Batch, ImportSet } from '../csv/types.js';
import { dayNumber, formatDay } from './day.js';
import { INVITE_LIFETIME_DAYS, inviteState } from './invitable.js';
import { indexOrg, nameKey, type OrgIndex } from './lookup.js';
import { planPeople, type PlannedPeople } from './people.js';
import { DEFAULT_PHONE_PERMISSION } from './permissions.js';
import { permissionsListed, planPhones } from './phones.js';
import { phoneAsError, writes } from './rows.js';
import type { OrgSnapshot } from './snapshot.js';
import type {
  BatchPlan,
  InviteCount,
  LocationToCreate,
  PersonPlan,
  PhonePlan,
  Plan,
  PlanOptions,
  PlanSummary,
  RowGate,
  WriteCounts,
} from './types.js';

export function buildPlan(imports: ImportSet, snapshot: OrgSnapshot, options: PlanOptions = {}): Plan {
  const org = indexOrg(snapshot);
  const gate = options.gate?.(org, imports.root) ?? null;
  const batches = inPlanOrder(imports.batches);
  const planned = planPeople(batches, org, options, gate);
  const people = planned.byBatch.flat();
  const firstPersonByEmail = new Map<string, PersonPlan>();
  for (const person of people) {
    if (!firstPersonByEmail.has(person.emailKey)) firstPersonByEmail.set(person.emailKey, person);
  }
  const asPlanned = planPhones(batches, firstPersonByEmail, org);
  const phonesByBatch =
    gate === null ? asPlanned : asPlanned.map((list) => list.map((phone) => gatePhone(phone, gate)));
  const phones = phonesByBatch.flat();

  const batchPlans: BatchPlan[] = batches.map((batch, index) => ({
    name: batch.name,
    dir: batch.dir,
    trainingDay: batch.config.trainingDay ?? null,
    updateExisting: batch.config.updateExisting,
    people: planned.byBatch[index] ?? [],
    phones: phonesByBatch[index] ?? [],
  }));

  const invites = batchPlans.map((batch) => countInvites(batch, org));
  const locationsToCreate = newLocations(people, org);
  const warnings = [
    ...locationsToCreate.map(newLocationWarning),
    ...trainingDayWarnings(batches, invites, options.today),
    ...permissionWarning(phones, org),
  ];
  const gateFindings =
    gate?.findings({ asked: asked(planned, asPlanned.flat()), written: written(people, phones) }) ?? [];
  const findings = sortFindings([...imports.findings, ...gateFindings]);

  return {
    root: imports.root,
    batches: batchPlans,
    locationsToCreate,
    findings,
    warnings,
    invitesNow: 0,
    summary: summarize(people, phones, findings, warnings, invites),
  };
}

/** Batches by name (code points, not the machine's locale), rows by line. */
function inPlanOrder(batches: readonly Batch[]): Batch[] {
  return [...batches]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((batch) => ({
      ...batch,
      people: [...batch.people].sort((a, b) => a.line - b.line),
      phones: [...batch.phones].sort((a, b) => a.line - b.line),
    }));
}

function gatePhone(phone: PhonePlan, gate: RowGate): PhonePlan {
  const errors = gate.phone(phone);
  return errors.length === 0 ? phone : phoneAsError(phone, errors);
}

const count = <T extends { action: string }>(rows: readonly T[]) =>
  rows.filter((row) => writes(row.action)).length;

function written(people: readonly PersonPlan[], phones: readonly PhonePlan[]): WriteCounts {
  return { people: count(people), phones: count(phones) };
}

/**
 * What the change asks to write, as if the gate let every row through: people as planned, and phones
 * as planned (before the gate's own phone errors) plus those whose only error is a person it stopped.
 */
function asked(people: PlannedPeople, phones: readonly PhonePlan[]): WriteCounts {
  const stoppedOwner = (phone: PhonePlan) =>
    phone.errors.length > 0 &&
    people.stopped.has(phone.person.emailKey) &&
    phone.errors.every((finding) => finding.code === 'person-not-created');
  return {
    people: people.asked,
    phones: phones.filter((phone) => writes(phone.action) || stoppedOwner(phone)).length,
  };
}

/**
 * Who the training-day run will invite (invitable.ts): people of the batch who will exist, are active,
 * and have neither been welcomed nor logged in. New people count; rows in error count only if the user
 * exists. An existing person who may be invited counts as `unconfirmed`: the count is then an upper
 * bound ("up to N"), since the listing's welcome date is best effort. Reading each of them by id would
 * make every preview cost a call per person; the invite run does, before deciding.
 */
function countInvites(batch: BatchPlan, org: OrgIndex): InviteCount {
  const invited = new Set<string>();
  const unconfirmed = new Set<string>();
  for (const person of batch.people) {
    if (person.errors.some((finding) => finding.code === 'duplicate-person')) continue;
    if (person.action === 'create') {
      invited.add(person.emailKey);
      continue;
    }
    const state = inviteState(person.userId === null ? undefined : org.users.byId(person.userId));
    // Every such person counts as unconfirmed, whether or not this snapshot happened to read them by
    // id, so the preview reads the same from run to run.
    if (state === 'invitable' || state === 'welcome-unknown') {
      invited.add(person.emailKey);
      unconfirmed.add(person.emailKey);
    }
  }
  return { batch: batch.name, date: batch.trainingDay, count: invited.size, unconfirmed: unconfirmed.size };
}

/** One warning, at the first phone to be made default, when the org's roles listing gives no permissions. */
function permissionWarning(phones: readonly PhonePlan[], org: OrgIndex): Finding[] {
  const first = phones.find((phone) => writes(phone.action));
  if (!first || permissionsListed(org)) return [];
  return [
    {
      severity: 'warning',
      file: first.file,
      line: first.line,
      column: null,
      code: 'call-permission-unchecked',
      message: `The org's roles listing gives no permissions, so the plan cannot check that each phone's person holds ${DEFAULT_PHONE_PERMISSION}, which a default phone needs; apply fails for a person who lacks it`,
    },
  ];
}

/** Locations that rows being created or updated name but the org does not have, once each, at their first row. */
function newLocations(people: readonly PersonPlan[], org: OrgIndex): LocationToCreate[] {
  const seen = new Map<string, LocationToCreate>();
  const existing = org.snapshot.locations.map((location) => location.name);
  for (const person of people) {
    const location = person.location;
    if (location === null || location.locationId !== null || seen.has(nameKey(location.name))) continue;
    seen.set(nameKey(location.name), {
      name: location.name,
      didYouMean: didYouMean(location.name, existing) ?? null,
      file: person.file,
      line: person.line,
    });
  }
  return [...seen.values()];
}

function newLocationWarning(location: LocationToCreate): Finding {
  return {
    severity: 'warning',
    file: location.file,
    line: location.line,
    column: 'location_work',
    code: 'new-location',
    message:
      `Location "${location.name}" does not exist; apply will create it` +
      (location.didYouMean === null ? '' : ` (did you mean "${location.didYouMean}"?)`),
  };
}

function trainingDayWarnings(
  batches: readonly Batch[],
  invites: readonly InviteCount[],
  today: string | undefined,
): Finding[] {
  const todayNumber = today === undefined ? null : dayNumber(today);
  if (todayNumber === null) return [];
  const warnings: Finding[] = [];
  batches.forEach((batch, index) => {
    const day = batch.config.trainingDay;
    const count = invites[index]?.count ?? 0;
    const dayNum = day === undefined ? null : dayNumber(day);
    if (day === undefined || dayNum === null || count === 0) return;
    const where = { file: batch.files.batch ?? `${batch.dir}/batch.yml`, line: 1, column: 'training_day' };
    const people = count === 1 ? '1 person' : `${count} people`;
    if (dayNum < todayNumber) {
      warnings.push({
        severity: 'warning',
        ...where,
        code: 'training-day-past',
        message: `Training day ${formatDay(day)} is in the past: the schedule will not invite the ${people} of batch ${batch.name}; run "gc-onboard invite --batch ${batch.name}" when they are trained`,
      });
    } else if (dayNum - todayNumber > INVITE_LIFETIME_DAYS) {
      warnings.push({
        severity: 'warning',
        ...where,
        code: 'training-day-far',
        message: `Training day ${formatDay(day)} is ${dayNum - todayNumber} days away (more than ${INVITE_LIFETIME_DAYS}): the ${people} of batch ${batch.name} exist uninvited until then`,
      });
    }
  });
  return warnings;
}

const basename = (file: string) => file.split(/[\\/]/).pop()?.toLowerCase() ?? '';

/** Distinct file:line of validation errors in files with this name: one bad row counts once. */
function validationErrorLines(findings: readonly Finding[], fileName: string): number {
  const lines = new Set<string>();
  for (const finding of findings) {
    if (finding.severity === 'error' && basename(finding.file) === fileName)
      lines.add(`${finding.file}:${finding.line}`);
  }
  return lines.size;
}

/** Counts per action, validation error lines per file kind, and every warning: the plan's summary. */
function summarize(
  people: readonly PersonPlan[],
  phones: readonly PhonePlan[],
  findings: readonly Finding[],
  warnings: readonly Finding[],
  invites: InviteCount[],
): PlanSummary {
  const count = <T extends { action: string }>(rows: readonly T[], action: string) =>
    rows.filter((row) => row.action === action).length;
  const rowWarnings = [...people, ...phones].reduce((sum, row) => sum + row.warnings.length, 0);
  return {
    people: {
      create: count(people, 'create'),
      update: count(people, 'update'),
      unchanged: count(people, 'unchanged'),
      skip: count(people, 'skip'),
      error: count(people, 'error') + validationErrorLines(findings, 'people.csv'),
    },
    phones: {
      create: count(phones, 'create'),
      update: count(phones, 'update'),
      unchanged: count(phones, 'unchanged'),
      error: count(phones, 'error') + validationErrorLines(findings, 'phones.csv'),
    },
    invites,
    warnings:
      rowWarnings + warnings.length + findings.filter((finding) => finding.severity === 'warning').length,
  };
}
