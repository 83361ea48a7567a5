// What the stages of planning a people.csv row share: the row with its names resolved (Draft), the
// findings pinned to it, and the row as the plan shows a row in error.

import type { Finding } from '../csv/findings.js';
import type { PersonRow } from '../csv/types.js';
import type { UserMatch } from './lookup.js';
import type { Grant, SnapshotSkill } from './snapshot.js';
import type { LocationRef, PersonPlan, PhonePlan } from './types.js';

/** A row's names resolved to ids, before its action is known. */
export interface Draft {
  row: PersonRow;
  /** The name of the batch the row is in. */
  batch: string;
  updateExisting: boolean;
  match: UserMatch;
  /** False for a second row with the same email: only the first one counts. */
  first: boolean;
  divisionId: string | null;
  grants: Grant[];
  queueIds: string[];
  skills: SnapshotSkill[];
  location: LocationRef | null;
  errors: Finding[];
}

export function rowFinding(
  severity: Finding['severity'],
  row: { file: string; line: number },
  column: string | null,
  code: string,
  message: string,
): Finding {
  return { severity, file: row.file, line: row.line, column, code, message };
}

export const rowError = (
  row: { file: string; line: number },
  column: string | null,
  code: string,
  message: string,
) => rowFinding('error', row, column, code, message);

export const rowWarning = (
  row: { file: string; line: number },
  column: string | null,
  code: string,
  message: string,
) => rowFinding('warning', row, column, code, message);

/** The row as the plan shows a row in error: nothing to write, the user it is (if any) and its findings kept. */
export function personAsError(person: PersonPlan, errors: readonly Finding[]): PersonPlan {
  return {
    ...person,
    action: 'error',
    version: null,
    create: null,
    patch: {},
    moveToDivisionId: null,
    manager: null,
    location: null,
    grants: [],
    queueIds: [],
    skills: [],
    changes: [],
    errors: [...person.errors, ...errors],
    warnings: [],
  };
}

export function phoneAsError(phone: PhonePlan, errors: readonly Finding[]): PhonePlan {
  return {
    ...phone,
    action: 'error',
    phoneId: null,
    stationId: null,
    changes: [],
    errors: [...phone.errors, ...errors],
    warnings: [],
  };
}

export const writes = (action: string) => action === 'create' || action === 'update';
