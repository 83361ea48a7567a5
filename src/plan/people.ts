// people.csv rows → PersonPlan: resolve each row's names against the org, plan it (person-changes.ts),
// spread what a person who will not be created takes along (cascade.ts), pass each row through the
// gate (the policy), and spread what the rows it stopped take along.

import type { Finding } from '../csv/findings.js';
import type { Batch, PersonRow } from '../csv/types.js';
import { toE164 } from '../phone-number.js';
import { checkManagerEmails, managerCascade } from './cascade.js';
import type { OrgIndex } from './lookup.js';
import { planDraft, privilegedTest } from './person-changes.js';
import { personAsError, rowError as error, writes, type Draft } from './rows.js';
import type { Grant, SnapshotSkill } from './snapshot.js';
import type { LocationRef, PersonPlan, PlanOptions, RowGate } from './types.js';

export interface PlannedPeople {
  /** One list per batch, in plan order. */
  byBatch: PersonPlan[][];
  /** Rows the change asks to create or update: as planned without the gate (max_changes counts these). */
  asked: number;
  /** Emails of people the change asks to write but will not, because of the gate (or a manager it stopped). */
  stopped: Set<string>;
}

/** Plans every people.csv row of the batches (already in plan order). */
export function planPeople(
  batches: readonly Batch[],
  org: OrgIndex,
  options: PlanOptions,
  gate: RowGate | null,
): PlannedPeople {
  const { drafts, firstByEmail } = resolvePeople(batches, org);
  checkManagerEmails(drafts, firstByEmail, org);
  const context = { firstByEmail, org, privileged: privilegedTest(options.privilegedRoles ?? []) };
  const planned = drafts.map((draft) => planDraft(draft, context));
  const cascade = managerCascade(drafts, firstByEmail);
  cascade.spread(planned, cascade.roots(planned), true);
  const askedRows = planned.flatMap((plan, index) => (writes(plan.action) ? [index] : []));
  const { plans, stoppedByGate } = passGate(planned, gate);
  cascade.spread(plans, cascade.roots(plans, stoppedByGate), false);
  const stopped = new Set(
    askedRows
      .filter((index) => plans[index]?.action === 'error')
      .map((index) => plans[index]?.emailKey ?? ''),
  );
  let start = 0;
  const byBatch = batches.map((batch) => plans.slice(start, (start += batch.people.length)));
  return { byBatch, asked: askedRows.length, stopped };
}

/** Each row resolved, and the first row of each email (a second row of the same person is an error). */
function resolvePeople(
  batches: readonly Batch[],
  org: OrgIndex,
): { drafts: Draft[]; firstByEmail: Map<string, Draft> } {
  const drafts: Draft[] = [];
  const firstByEmail = new Map<string, Draft>();
  for (const batch of batches) {
    for (const row of batch.people) {
      const draft = resolveRow(row, batch, org);
      const earlier = firstByEmail.get(row.emailKey);
      if (earlier) {
        draft.first = false;
        draft.errors.push(
          error(
            row,
            'email',
            'duplicate-person',
            `${row.email} is also in ${earlier.row.file}:${earlier.row.line}; a person belongs in one row only`,
          ),
        );
      } else {
        firstByEmail.set(row.emailKey, draft);
      }
      drafts.push(draft);
    }
  }
  return { drafts, firstByEmail };
}

/** The gate's errors make a row an error row (`stoppedByGate`: rows that were not before); its warnings join the row's. */
function passGate(
  planned: readonly PersonPlan[],
  gate: RowGate | null,
): { plans: PersonPlan[]; stoppedByGate: Set<number> } {
  const stoppedByGate = new Set<number>();
  if (gate === null) return { plans: [...planned], stoppedByGate };
  const plans = planned.map((person, index) => {
    const { errors, warnings } = gate.person(person);
    if (errors.length > 0) {
      if (person.action !== 'error') stoppedByGate.add(index);
      return personAsError(person, errors);
    }
    return warnings.length === 0 ? person : { ...person, warnings: [...person.warnings, ...warnings] };
  });
  return { plans, stoppedByGate };
}

function resolveRow(row: PersonRow, batch: Batch, org: OrgIndex): Draft {
  const errors: Finding[] = [];
  const match = org.users.match(row.emailKey);
  if (match.kind === 'deleted') {
    errors.push(
      error(
        row,
        'email',
        'deleted-user',
        `${row.email} belongs to a deleted user; restore them in Genesys Cloud (Admin > People) or use another email`,
      ),
    );
  } else if (match.kind === 'ambiguous') {
    errors.push(
      error(row, 'email', 'ambiguous-email', `${row.email} matches ${match.users.length} users in the org`),
    );
  }
  errors.push(...workPhoneErrors(row, org));
  const divisionId = resolveDivision(row, org, errors);
  const grants = resolveGrants(row, org, errors);
  const queueIds = resolveQueues(row, org, errors);
  const skills = resolveSkills(row, org, errors);
  return {
    row,
    batch: batch.name,
    updateExisting: batch.config.updateExisting,
    match,
    first: true,
    divisionId,
    grants,
    queueIds,
    skills,
    location: resolveLocation(row, org),
    errors,
  };
}

// A number written without its country code is placed with the org's default country, as Genesys
// stores it (E.164); one that country's numbers cannot have would be refused at apply.
function workPhoneErrors(row: PersonRow, org: OrgIndex): Finding[] {
  const country = org.snapshot.defaultCountryCode;
  if (!row.phoneWork || !country || row.phoneWork.trim().startsWith('+')) return [];
  if (toE164(row.phoneWork, country) !== null) return [];
  return [
    error(
      row,
      'phone_work',
      'invalid-phone',
      `${row.phoneWork} is not a phone number in ${country}, the org's default country; write it with its country code, e.g. +44 20 7946 0018`,
    ),
  ];
}

function resolveDivision(row: PersonRow, org: OrgIndex, errors: Finding[]): string | null {
  if (row.division === undefined) return null;
  const division = org.divisions.find(row.division);
  if (division) return division.id;
  errors.push(
    error(
      row,
      'division',
      'unknown-division',
      `Unknown division "${row.division}"${org.divisions.suggest(row.division)}`,
    ),
  );
  return null;
}

/** Each role in each division the cell names (a bare role: the home division), once. */
function resolveGrants(row: PersonRow, org: OrgIndex, errors: Finding[]): Grant[] {
  const grants: Grant[] = [];
  for (const wanted of row.roles) {
    const role = org.roles.find(wanted.role);
    if (!role) {
      errors.push(
        error(
          row,
          'roles_divisions',
          'unknown-role',
          `Unknown role "${wanted.role}"${org.roles.suggest(wanted.role)}`,
        ),
      );
    }
    const divisionIds: string[] = [];
    if (wanted.divisions.length === 0) divisionIds.push(org.snapshot.homeDivisionId);
    for (const name of wanted.divisions) {
      const division = org.divisions.find(name);
      if (division) divisionIds.push(division.id);
      else
        errors.push(
          error(
            row,
            'roles_divisions',
            'unknown-division',
            `Unknown division "${name}" for role "${wanted.role}"${org.divisions.suggest(name)}`,
          ),
        );
    }
    for (const divisionId of divisionIds) {
      if (role && !grants.some((grant) => grant.roleId === role.id && grant.divisionId === divisionId)) {
        grants.push({ roleId: role.id, divisionId });
      }
    }
  }
  return grants;
}

function resolveQueues(row: PersonRow, org: OrgIndex, errors: Finding[]): string[] {
  const queueIds: string[] = [];
  for (const name of row.queues) {
    const queue = org.queues.find(name);
    if (!queue)
      errors.push(
        error(row, 'queues', 'unknown-queue', `Unknown queue "${name}"${org.queues.suggest(name)}`),
      );
    else if (!queueIds.includes(queue.id)) queueIds.push(queue.id);
  }
  return queueIds;
}

/** The same skill twice in a cell: the last proficiency wins, as in a spreadsheet read left to right. */
function resolveSkills(row: PersonRow, org: OrgIndex, errors: Finding[]): SnapshotSkill[] {
  const skillsById = new Map<string, SnapshotSkill>();
  for (const wanted of row.skills) {
    const skill = org.skills.find(wanted.skill);
    if (!skill)
      errors.push(
        error(
          row,
          'skills',
          'unknown-skill',
          `Unknown skill "${wanted.skill}"${org.skills.suggest(wanted.skill)}`,
        ),
      );
    else skillsById.set(skill.id, { skillId: skill.id, proficiency: wanted.proficiency });
  }
  return [...skillsById.values()];
}

/** An existing location by name, or a new one apply creates (plan.ts lists those once). */
function resolveLocation(row: PersonRow, org: OrgIndex): LocationRef | null {
  if (row.location === undefined) return null;
  const existing = org.locations.find(row.location);
  return existing
    ? { name: existing.name, locationId: existing.id }
    : { name: row.location.trim(), locationId: null };
}
