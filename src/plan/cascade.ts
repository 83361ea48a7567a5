// Managers: a row's manager must exist after apply, in the org or created by a row of this import.
// A new person who will not be created takes their reports along, down the reporting line.

import type { OrgIndex } from './lookup.js';
import { personAsError, rowError as error, type Draft } from './rows.js';
import type { PersonPlan } from './types.js';

/** The manager cell's own problems: oneself, nobody, a deleted user, two users. */
export function checkManagerEmails(
  drafts: readonly Draft[],
  firstByEmail: ReadonlyMap<string, Draft>,
  org: OrgIndex,
): void {
  for (const draft of drafts) {
    const { row } = draft;
    if (row.managerEmail === undefined) continue;
    const managerKey = managerKeyOf(draft);
    if (managerKey === row.emailKey) {
      draft.errors.push(error(row, 'email_manager', 'self-manager', 'A person cannot be their own manager'));
      continue;
    }
    if (firstByEmail.has(managerKey)) continue;
    const match = org.users.match(managerKey);
    const email = row.managerEmail;
    if (match.kind === 'none')
      draft.errors.push(
        error(
          row,
          'email_manager',
          'unknown-manager',
          `Manager ${email} is not in the org and not created by this import`,
        ),
      );
    else if (match.kind === 'deleted')
      draft.errors.push(error(row, 'email_manager', 'manager-deleted', `Manager ${email} is a deleted user`));
    else if (match.kind === 'ambiguous')
      draft.errors.push(
        error(
          row,
          'email_manager',
          'ambiguous-manager',
          `Manager ${email} matches ${match.users.length} users in the org`,
        ),
      );
  }
}

const managerKeyOf = (draft: Draft) => draft.row.managerEmail?.trim().toLowerCase() ?? '';

/** Rows (by index) whose manager is the first row of an email in this import, by that email. */
function reportsByManager(
  drafts: readonly Draft[],
  firstByEmail: ReadonlyMap<string, Draft>,
): Map<string, number[]> {
  const reports = new Map<string, number[]>();
  drafts.forEach((draft, index) => {
    const key = managerKeyOf(draft);
    if (draft.row.managerEmail === undefined || key === draft.row.emailKey || !firstByEmail.has(key)) return;
    const list = reports.get(key);
    if (list) list.push(index);
    else reports.set(key, [index]);
  });
  return reports;
}

/**
 * Every row whose manager will not be created is in error too (manager-not-created, on email_manager),
 * and if it was to be created, so are its own reports: breadth first, linear in rows, each row once.
 * `spread` replaces rows of `plans` (`plans[i]` is the plan of `drafts[i]`) from the given roots. It
 * runs once before the gate, from rows in error as resolved (every report is told, in error or not),
 * and once after, from rows only the gate stopped (only reports it left writing are told: one in error
 * already says what to fix in it). A row is reached once in all.
 */
export function managerCascade(drafts: readonly Draft[], firstByEmail: ReadonlyMap<string, Draft>) {
  const reports = reportsByManager(drafts, firstByEmail);
  const reached = new Set<number>();
  const wontExist = (plans: readonly PersonPlan[], index: number) =>
    drafts[index]?.first === true && plans[index]?.action === 'error' && plans[index]?.userId === null;
  /** The first rows of this import that will not exist, from `only` (all when not given). */
  const roots = (plans: readonly PersonPlan[], only?: ReadonlySet<number>) =>
    plans.flatMap((_, index) => (wontExist(plans, index) && (only?.has(index) ?? true) ? [index] : []));
  const spread = (plans: PersonPlan[], from: number[], tellErrorRows: boolean): void => {
    const queue = from.filter((index) => !reached.has(index));
    for (const index of queue) reached.add(index);
    // An index, not shift(): shifting a long queue is quadratic.
    for (let next = 0; next < queue.length; next++) {
      const manager = drafts[queue[next] ?? -1]?.row;
      for (const index of (manager && reports.get(manager.emailKey)) || []) {
        const draft = drafts[index];
        const plan = plans[index];
        if (manager && draft && plan && (tellErrorRows || plan.action !== 'error')) {
          plans[index] = personAsError(plan, [managerNotCreated(draft, manager)]);
        }
        if (wontExist(plans, index) && !reached.has(index)) {
          reached.add(index);
          queue.push(index);
        }
      }
    }
  };
  return { roots, spread };
}

function managerNotCreated(draft: Draft, manager: Draft['row']) {
  return error(
    draft.row,
    'email_manager',
    'manager-not-created',
    `Manager ${draft.row.managerEmail?.trim() ?? manager.email} will not be created: their row (${manager.file}:${manager.line}) has errors`,
  );
}
