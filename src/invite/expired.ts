// Invitations that expired: Genesys Cloud's welcome email is good for 30 days. Who of the batches whose
// training day has passed was invited, logged in, or let the invitation expire, and who to re-send to.
// Pure: the clock comes in as `now`.
import type { Batch, ImportSet } from '../csv/types.js';
import { dayNumber } from '../plan/day.js';
import type { SnapshotUser } from '../plan/snapshot.js';
import type { InviteRequest, InviteSelection, Invitee, Skipped } from './invite.js';
import { INVITE_LIFETIME_DAYS, inviteState } from '../plan/invitable.js';

/** Invitation emails expire after 30 days. */
const MS_PER_DAY = 86_400_000;

/** Where one person of a batch stands with their invitation. */
export type InviteStanding =
  | 'logged-in'
  | 'waiting'
  | 'expired'
  | 'never-invited'
  | 'welcome-unknown'
  | 'inactive'
  | 'deleted'
  | 'not-created';

/** When an invitation sent at `sent` (ISO time) expires; null when the time cannot be read. */
export function expiresAt(sent: string): Date | null {
  const ms = Date.parse(sent);
  return Number.isNaN(ms) ? null : new Date(ms + INVITE_LIFETIME_DAYS * MS_PER_DAY);
}

/** Where a person stands, from their user (undefined: not in the org) at `now`. */
export function inviteStanding(user: SnapshotUser | undefined, now: Date): InviteStanding {
  // The invite run's own rule (plan/invitable), then what happened to an invitation sent.
  const state = inviteState(user);
  if (state === 'invitable') return 'never-invited';
  if (state !== 'welcomed') return state;
  if (user?.dateLastLogin) return 'logged-in';
  const expires = expiresAt(user?.dateWelcomeSent ?? '');
  return expires !== null && expires.getTime() < now.getTime() ? 'expired' : 'waiting';
}

/** The live user of each email (a deleted one only when there is no other), lower-cased. */
export function userByEmail(users: readonly SnapshotUser[]): (emailKey: string) => SnapshotUser | undefined {
  const byEmail = new Map<string, SnapshotUser[]>();
  for (const user of users) {
    const key = user.email.toLowerCase();
    byEmail.set(key, [...(byEmail.get(key) ?? []), user]);
  }
  return (emailKey) => {
    const matches = byEmail.get(emailKey) ?? [];
    return matches.find((user) => user.state !== 'deleted') ?? matches[0];
  };
}

/** Whether a batch's training day is before `date` (both YYYY-MM-DD); false without a training day. */
export function trainingDayPassed(batch: Batch, date: string, orOn = false): boolean {
  const day = batch.config.trainingDay === undefined ? null : dayNumber(batch.config.trainingDay);
  const today = dayNumber(date);
  if (day === null || today === null) return false;
  return orOn ? day <= today : day < today;
}

/** The batches `invite --expired` looks at: the one named, else every batch whose training day is on or before `date`. */
export function expiredBatches(imports: ImportSet, request: InviteRequest): Batch[] {
  if (request.batch !== undefined) return imports.batches.filter((batch) => batch.name === request.batch);
  return imports.batches.filter((batch) => trainingDayPassed(batch, request.date, true));
}

const SKIP_DETAIL: Partial<Record<InviteStanding, [Skipped['reason'], string]>> = {
  'not-created': ['not-created', 'not in Genesys Cloud: apply the batch first'],
  deleted: ['deleted', 'the user is deleted'],
  inactive: ['inactive', 'the user is inactive; an invite would reactivate them'],
  'welcome-unknown': ['welcome-unknown', 'Genesys Cloud did not say whether they were invited; run it again'],
};

/**
 * Who gets their expired invitation again: active people who were invited more than 30 days before
 * `now` and never logged in. The re-send sets a new welcome date, so a second run sends nothing until
 * that one expires too. People who logged in or whose invitation is still good are not listed; people
 * never invited are listed with the command that invites them (this is a re-send, not a first invite).
 */
export function selectExpired(
  batches: readonly Batch[],
  users: readonly SnapshotUser[],
  request: InviteRequest,
  now: Date,
): InviteSelection {
  const find = userByEmail(users);
  const invite: Invitee[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  for (const batch of [...batches].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    for (const person of batch.people) {
      if (seen.has(person.emailKey)) continue;
      seen.add(person.emailKey);
      const user = find(person.emailKey);
      const standing = inviteStanding(user, now);
      const who = { batch: batch.name, email: person.email, name: person.name };
      if (standing === 'expired' && user) invite.push({ ...who, userId: user.id });
      else if (standing === 'never-invited')
        skipped.push({
          ...who,
          reason: 'never-invited',
          detail: `never invited: run "gc-onboard invite --batch ${batch.name}"`,
        });
      else {
        const skip = SKIP_DETAIL[standing];
        if (skip) skipped.push({ ...who, reason: skip[0], detail: skip[1] });
      }
    }
  }
  return {
    date: request.date,
    catchUp: request.batch ?? null,
    force: false,
    expired: true,
    batches: batches.map((batch) => batch.name).sort(),
    invite,
    skipped,
  };
}
