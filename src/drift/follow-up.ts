// The invite follow-up of the drift report: for each batch whose training day has passed, who was
// invited and logged in, who was invited and never logged in (and whether the 30-day invitation has
// expired), and who was never invited. Pure: the clock comes in as `now`, today as `today`.
import type { Batch, ImportSet } from '../csv/types.js';
import {
  expiresAt,
  inviteStanding,
  trainingDayPassed,
  userByEmail,
  type InviteStanding,
} from '../invite/expired.js';
import type { SnapshotUser } from '../plan/snapshot.js';

export interface FollowUpPerson {
  name: string;
  email: string;
  standing: InviteStanding;
  /** When the invitation was sent (ISO), or null. */
  invitedAt: string | null;
  /** When it expires or expired (ISO), or null when never sent. */
  expiresAt: string | null;
}

export interface BatchFollowUp {
  batch: string;
  trainingDay: string;
  /** Invited (or not) and logged in: only counted. */
  loggedIn: number;
  /** Invited less than 30 days ago, not logged in yet. */
  waiting: FollowUpPerson[];
  expired: FollowUpPerson[];
  neverInvited: FollowUpPerson[];
  /** Genesys Cloud did not say whether they were invited. */
  unknown: FollowUpPerson[];
  /** Not in the org, deleted or inactive: the drift rows say so; counted here. */
  notActive: number;
}

/** The follow-up of every batch whose training day is before `today`, by batch name. */
export function inviteFollowUp(
  imports: ImportSet,
  users: readonly SnapshotUser[],
  today: string,
  now: Date,
): BatchFollowUp[] {
  const find = userByEmail(users);
  return [...imports.batches]
    .filter((batch) => trainingDayPassed(batch, today))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((batch) => batchFollowUp(batch, find, now));
}

function batchFollowUp(
  batch: Batch,
  find: (emailKey: string) => SnapshotUser | undefined,
  now: Date,
): BatchFollowUp {
  const followUp: BatchFollowUp = {
    batch: batch.name,
    trainingDay: batch.config.trainingDay ?? '',
    loggedIn: 0,
    waiting: [],
    expired: [],
    neverInvited: [],
    unknown: [],
    notActive: 0,
  };
  const seen = new Set<string>();
  for (const person of batch.people) {
    if (seen.has(person.emailKey)) continue;
    seen.add(person.emailKey);
    const user = find(person.emailKey);
    const standing = inviteStanding(user, now);
    const sent = user?.dateWelcomeSent ?? null;
    const entry: FollowUpPerson = {
      name: person.name,
      email: person.email,
      standing,
      invitedAt: sent,
      expiresAt: sent === null ? null : (expiresAt(sent)?.toISOString() ?? null),
    };
    if (standing === 'logged-in') followUp.loggedIn++;
    else if (standing === 'waiting') followUp.waiting.push(entry);
    else if (standing === 'expired') followUp.expired.push(entry);
    else if (standing === 'never-invited') followUp.neverInvited.push(entry);
    else if (standing === 'welcome-unknown') followUp.unknown.push(entry);
    else followUp.notActive++;
  }
  return followUp;
}

/**
 * The users whose standing decides something and who should be read by id first: a listing may
 * leave out `dateWelcomeSent` or `dateLastLogin` (best effort), which would make someone who logged
 * in look expired, or someone invited look never invited. Only people the report would list.
 */
export function usersToConfirm(
  imports: ImportSet,
  users: readonly SnapshotUser[],
  today: string,
  now: Date,
): SnapshotUser[] {
  const find = userByEmail(users);
  const confirm = new Map<string, SnapshotUser>();
  for (const batch of imports.batches) {
    if (!trainingDayPassed(batch, today)) continue;
    for (const person of batch.people) {
      const user = find(person.emailKey);
      const standing = inviteStanding(user, now);
      if (user && (standing === 'expired' || standing === 'never-invited' || standing === 'welcome-unknown'))
        confirm.set(user.id, user);
    }
  }
  return [...confirm.values()];
}
