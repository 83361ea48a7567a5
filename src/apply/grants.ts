// Role grants in the fewest calls: one `POST /authorization/roles/{roleId}` per (role, division set)
// and page of people, or one per-person bulkadd where that is cheaper (someone whose roles nobody
// else in the batch shares). Pure planning here; sendGrants runs the calls and keeps each failure with
// the people it belongs to: a bulk call that 404s (one unknown subject fails the whole call) is split
// in halves until the person it is about is found, so the others are still granted; so is a call
// over a subject cap lower than the page, until its halves fit.
import type { Grant } from '../plan/snapshot.js';
import { errorLine, isNotFound, isTooLarge } from './retry.js';

/**
 * Subjects per role grant call by default. The docs name no limit: 100, as queue members and division
 * moves take (the sandbox's `real.roleGrantSubjectCap` refuses more, the same choice). A team whose org
 * takes more (`gc-onboard probe` measures it) sets GC_ONBOARD_ROLE_GRANT_PAGE.
 */
export const ROLE_GRANT_PAGE = 100;

export interface GrantNeed {
  userId: string;
  grants: Grant[];
}

/** One call: a role in some divisions to a page of people, or one person's grants in one bulkadd. */
export type GrantCall =
  | { kind: 'role'; roleId: string; divisionIds: string[]; userIds: string[] }
  | { kind: 'subject'; userId: string; grants: Grant[] };

/**
 * The calls that grant everyone their grants. Each person's grants of one role form a division set;
 * people with the same (role, division set) share calls, `page` at a time. A person is granted by
 * bulkadd instead when that saves calls (at least two of their groups would need a page for them
 * alone) or costs the same (their only group would). Deterministic: groups by role id and divisions,
 * people in the order given.
 */
export function planGrantCalls(needs: GrantNeed[], page = ROLE_GRANT_PAGE): GrantCall[] {
  const people = mergeByUser(needs);
  const groups = new Map<string, { roleId: string; divisionIds: string[]; userIds: string[] }>();
  const keysOf = new Map<string, string[]>();
  for (const [userId, grants] of people) {
    const keys: string[] = [];
    for (const [roleId, divisionIds] of divisionSets(grants)) {
      const key = `${roleId}|${divisionIds.join(',')}`;
      const group = groups.get(key) ?? { roleId, divisionIds, userIds: [] };
      group.userIds.push(userId);
      groups.set(key, group);
      keys.push(key);
    }
    keysOf.set(userId, keys);
  }
  const alone = new Set<string>();
  // A person who is the only one on the last page of two or more groups costs more there than in one
  // bulkadd: take them out, which may leave someone else alone on a page; repeat until nothing moves.
  for (let moved = true; moved;) {
    moved = false;
    for (const [userId, keys] of keysOf) {
      if (alone.has(userId)) continue;
      const lastPageAlone = keys.filter((key) => (groups.get(key)?.userIds.length ?? 0) % page === 1);
      // Two pages saved for one bulkadd; or one for one, when that is all their grants (a tie goes to
      // the call that names one person: its failure is theirs alone).
      const saved = lastPageAlone.length;
      if (saved < 2 && !(saved === 1 && keys.length === 1)) continue;
      alone.add(userId);
      for (const key of keys) {
        const group = groups.get(key);
        if (group) group.userIds = group.userIds.filter((id) => id !== userId);
      }
      moved = true;
    }
  }
  const calls: GrantCall[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key);
    if (!group) continue;
    for (let i = 0; i < group.userIds.length; i += page) {
      const userIds = group.userIds.slice(i, i + page);
      calls.push({ kind: 'role', roleId: group.roleId, divisionIds: group.divisionIds, userIds });
    }
  }
  for (const [userId, grants] of people) {
    if (alone.has(userId)) calls.push({ kind: 'subject', userId, grants });
  }
  return calls;
}

/** Each user's grants once, users in first-seen order (one user may come from two rows). */
function mergeByUser(needs: GrantNeed[]): Map<string, Grant[]> {
  const people = new Map<string, Grant[]>();
  for (const { userId, grants } of needs) {
    if (grants.length === 0) continue;
    const list = people.get(userId) ?? [];
    for (const grant of grants) {
      if (!list.some((g) => g.roleId === grant.roleId && g.divisionId === grant.divisionId)) list.push(grant);
    }
    people.set(userId, list);
  }
  return people;
}

/** A person's grants as role → sorted division ids. */
function divisionSets(grants: Grant[]): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  for (const { roleId, divisionId } of grants) sets.set(roleId, [...(sets.get(roleId) ?? []), divisionId]);
  for (const divisionIds of sets.values()) divisionIds.sort();
  return sets;
}

/** The user ids a call grants to. */
export function usersOf(call: GrantCall): string[] {
  return call.kind === 'role' ? call.userIds : [call.userId];
}

export interface GrantSender {
  /**
   * Sends one call. `firstTry` is true for a call as planned (it may wait out a new user's 404), and
   * for a half of one refused as too large; false for a half of a call that 404ed, whose new users
   * have had that wait already.
   */
  send(call: GrantCall, firstTry: boolean): Promise<void>;
}

/** Several of a person's grant calls failed: every message, once. */
export class GrantFailure extends Error {}

/**
 * Sends every call at once (the transport paces them) and returns, per user, a promise that settles
 * when all of that user's calls have: rejected with what failed for them only (the error of the one
 * call, or a GrantFailure with each message).
 */
export function sendGrants(calls: GrantCall[], sender: GrantSender): Map<string, Promise<void>> {
  const outcomes = new Map<string, Array<Promise<unknown>>>();
  for (const call of calls) {
    const failures = grantIsolating(call, sender, true);
    for (const userId of usersOf(call)) {
      const own = failures.then((failed) => failed.get(userId));
      outcomes.set(userId, [...(outcomes.get(userId) ?? []), own]);
    }
  }
  const perUser = new Map<string, Promise<void>>();
  for (const [userId, pending] of outcomes) {
    perUser.set(
      userId,
      Promise.all(pending).then((outcome) => {
        const errors = outcome.filter((error) => error !== undefined);
        // The one error as the org answered it (its status and message), as a bulkadd's would be.
        if (errors.length === 1)
          throw errors[0] instanceof Error ? errors[0] : new Error(errorLine(errors[0]));
        const messages = [...new Set(errors.map(errorLine))];
        if (messages.length > 0) throw new GrantFailure(messages.join('; '));
      }),
    );
  }
  return perUser;
}

/**
 * Sends a call; resolves with the error of each user it failed for (none when it succeeded). A role
 * call for several people that ends in a 404 is sent again in halves, down to the one it is about;
 * one refused as too large, in halves until they fit.
 */
async function grantIsolating(
  call: GrantCall,
  sender: GrantSender,
  firstTry: boolean,
): Promise<Map<string, unknown>> {
  try {
    await sender.send(call, firstTry);
    return new Map();
  } catch (error) {
    if (call.kind === 'role' && call.userIds.length > 1 && splitting(error)) {
      const middle = Math.ceil(call.userIds.length / 2);
      // A call refused as too large was refused before its subjects were looked at: its halves still
      // wait out a new user's 404, as the call would have. After a 404, that wait is spent.
      const halvesFirstTry = firstTry && isTooLarge(error);
      const halves = [call.userIds.slice(0, middle), call.userIds.slice(middle)].map((userIds) =>
        grantIsolating({ ...call, userIds }, sender, halvesFirstTry),
      );
      const failed = new Map<string, unknown>();
      for (const half of await Promise.all(halves)) for (const [id, e] of half) failed.set(id, e);
      return failed;
    }
    return new Map(usersOf(call).map((userId) => [userId, error]));
  }
}

/**
 * Errors a smaller call may not meet: a 404 (one unknown subject fails the whole call), or a call over
 * the org's subject cap.
 */
function splitting(error: unknown): boolean {
  return isNotFound(error) || isTooLarge(error);
}
