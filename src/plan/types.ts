// The Plan: everything apply needs to carry out an import without re-reading the org, with every
// name resolved to an id, plus the display strings every renderer needs. Plain JSON data: no Maps,
// no undefined values (optional keys are either present with a value or absent).

import type { Finding } from '../csv/findings.js';
import type { OrgIndex } from './lookup.js';
import type { Contact, Grant, SnapshotSkill } from './snapshot.js';

export interface PlanOptions {
  /** Extra privileged role names (case-insensitive); any role whose name contains "admin" is privileged anyway. */
  privilegedRoles?: string[];
  /** Today as YYYY-MM-DD; when given, training days in the past or more than 30 days ahead are warned about. */
  today?: string;
  /** The guardrails rows must pass (policy/check.ts makes one from policy.yml); none: every row may write. */
  gate?: PlanGate;
}

/** People and phone rows that create or update. */
export interface WriteCounts {
  people: number;
  phones: number;
}

/**
 * A gate inside planning: each row as resolved passes it before anything is derived from the rows, so
 * that a row it stops takes what depends on it along (reports, phone, invite, new location), once.
 */
export interface RowGate {
  /** Errors make the row an error row; warnings join the row's own. */
  person(person: PersonPlan): { errors: Finding[]; warnings: Finding[] };
  /** Errors make the phone an error row. */
  phone(phone: PhonePlan): Finding[];
  /** Plan-level findings: from what the change asks to write (without the gate) and what it writes. */
  findings(rows: { asked: WriteCounts; written: WriteCounts }): Finding[];
}

/** Makes the gate of one plan, from the plan's own index of the org and the imports root. */
export type PlanGate = (org: OrgIndex, root: string) => RowGate;

export type PersonAction = 'create' | 'update' | 'unchanged' | 'skip' | 'error';
export type PhoneAction = 'create' | 'update' | 'unchanged' | 'error';

/** One field as the reviewer sees it: names, not ids. `field` is the CSV column name. */
export interface Change {
  field: string;
  /** '' when the field had no value (always '' on create). */
  before: string;
  /** '' when the field is cleared. */
  after: string;
}

/** Body of POST /api/v2/users. Optional keys are present only when the row gives a value. */
export interface NewUser {
  name: string;
  email: string;
  divisionId: string;
  title?: string;
  department?: string;
  /** The WORK PHONE contact (phone_work + extension), or [] when both are blank. */
  addresses: Contact[];
}

/** Fields of PATCH /api/v2/users/{id} that change (the row's `version` goes with it); only changed keys are present. */
export interface UserPatch {
  name?: string;
  title?: string;
  department?: string;
  /** The user's whole address list with only the WORK PHONE contact rewritten (or removed when both cells are blank). */
  addresses?: Contact[];
}

/** The manager to set. `userId` is null when the manager is created by this import: apply finds them by email. */
export interface ManagerRef {
  email: string;
  userId: string | null;
}

/** The location to set as the user's only location. `locationId` is null when apply must create it first (see Plan.locationsToCreate). */
export interface LocationRef {
  name: string;
  locationId: string | null;
}

export interface PersonPlan {
  batch: string;
  file: string;
  line: number;
  name: string;
  email: string;
  emailKey: string;
  action: PersonAction;
  /** The existing user (update, unchanged, skip; on error when one was found), else null. */
  userId: string | null;
  /** The existing user's version for PATCH, else null. */
  version: number | null;
  /** create only. */
  create: NewUser | null;
  /** update only ({} otherwise). */
  patch: UserPatch;
  /** update only: move the user into this division (POST …/divisions/{id}/objects/USER); null = stays. */
  moveToDivisionId: string | null;
  /** create and update: set the manager; null = leave. */
  manager: ManagerRef | null;
  /** create and update: set the user's locations to this one; null = leave. */
  location: LocationRef | null;
  /** Grants to add (never removed). Bare roles are granted in the home division. */
  grants: Grant[];
  /** Queues to join (never left). */
  queueIds: string[];
  /** Skills to add or whose proficiency changes (PATCH …/routingskills/bulk); the user's other skills are kept. */
  skills: SnapshotSkill[];
  /** What the row does (create, update) or would do (skip), field by field. */
  changes: Change[];
  errors: Finding[];
  warnings: Finding[];
}

/** Where the person a phone belongs to comes from: the org (userId), this import (row), or both. */
export interface PersonRef {
  email: string;
  emailKey: string;
  /** The existing user's id; null when the person is created by this import (apply waits for `row`). */
  userId: string | null;
  /** The person's people.csv row in this import, if there is one. */
  row: { batch: string; file: string; line: number } | null;
}

export interface PhonePlan {
  batch: string;
  file: string;
  line: number;
  /** Phone name (a blank cell becomes the person's name). */
  name: string;
  action: PhoneAction;
  person: PersonRef;
  /** The existing phone (unchanged, update), else null. */
  phoneId: string | null;
  siteId: string | null;
  baseSettingsId: string | null;
  /** `lines[0].id` of the base settings: the line a new phone gets. */
  lineBaseSettingsId: string | null;
  /** The existing phone's station when the station index shows it (update: the station to make default). */
  stationId: string | null;
  changes: Change[];
  errors: Finding[];
  warnings: Finding[];
}

export interface BatchPlan {
  name: string;
  dir: string;
  /** YYYY-MM-DD or null. */
  trainingDay: string | null;
  updateExisting: boolean;
  people: PersonPlan[];
  phones: PhonePlan[];
}

/** A location named by a people.csv row that does not exist in the org: apply creates it, the preview warns. */
export interface LocationToCreate {
  name: string;
  /** The closest existing location, when the name looks like a typo of one. */
  didYouMean: string | null;
  /** The first row that names it. */
  file: string;
  line: number;
}

export interface InviteCount {
  batch: string;
  /** The training day (YYYY-MM-DD) or null when batch.yml sets none. */
  date: string | null;
  /** People of the batch who will exist, are active and have never been welcomed nor logged in. */
  count: number;
  /**
   * Of `count`, existing people whose welcome date the org's listing left out (the expand is best effort):
   * some may have been welcomed already, so `count` is "up to". The invite run reads them by id first.
   */
  unconfirmed: number;
}

export interface PeopleCounts {
  create: number;
  update: number;
  unchanged: number;
  skip: number;
  /** Person rows in error plus distinct people.csv lines with validation errors. */
  error: number;
}

export interface PhoneCounts {
  create: number;
  update: number;
  unchanged: number;
  /** Phone rows in error plus distinct phones.csv lines with validation errors. */
  error: number;
}

export interface PlanSummary {
  people: PeopleCounts;
  phones: PhoneCounts;
  invites: InviteCount[];
  /** Every warning: rows, plan-level and validation. */
  warnings: number;
}

export interface Plan {
  root: string;
  /** Sorted by name; rows sorted by line. */
  batches: BatchPlan[];
  locationsToCreate: LocationToCreate[];
  /** The validation findings of the import set (their rows are not in `batches`), sorted by file and line. */
  findings: Finding[];
  /** Plan-level warnings: new locations, training day. Row warnings live on the rows. */
  warnings: Finding[];
  /** Plan and apply never invite; invites go out on the training day only. */
  invitesNow: 0;
  summary: PlanSummary;
}
