// Training-day invites: which batches are due, who of them to invite, and sending those invites once.
// Choosing is pure; only sendInvites talks to the org, through an Inviter that nothing else receives.
import type { Batch, ImportSet } from '../csv/types.js';
import { inviteState, type InviteState } from '../plan/invitable.js';
import type { SnapshotUser } from '../plan/snapshot.js';

export interface InviteRequest {
  /** The day whose batches are due (YYYY-MM-DD). */
  date: string;
  /** Invite this batch whatever its training day (a manual catch-up). */
  batch?: string;
  /** Re-send to everyone of the due batches who exists and is active, welcomed or not. */
  force: boolean;
  /**
   * Re-send only invitations that expired (sent over 30 days before `now`, never logged in), in every
   * batch whose training day is on or before `date`, or in the one named (see expired.ts).
   */
  expired?: boolean;
  /** orgs.yml: only the batches that go to this org. */
  org?: string;
}

export type SkipReason =
  | 'not-created'
  | 'deleted'
  | 'inactive'
  | 'already-invited'
  | 'already-logged-in'
  | 'welcome-unknown'
  | 'duplicate-in-batch'
  | 'never-invited';

export interface Invitee {
  batch: string;
  email: string;
  name: string;
  userId: string;
}

export interface Skipped {
  batch: string;
  email: string;
  name: string;
  reason: SkipReason;
  detail: string;
}

export interface InviteSelection {
  date: string;
  /** The batch named for a catch-up (`--batch`), invited whatever its training day; null on a scheduled run. */
  catchUp: string | null;
  force: boolean;
  /** Re-sends of invitations that expired (sent with force, since Genesys skips a welcomed user otherwise). */
  expired: boolean;
  /** Batch names that are due, sorted. */
  batches: string[];
  invite: Invitee[];
  skipped: Skipped[];
}

/** The batches to invite: those whose training day is `date`, or the one named by `batch`. */
export function dueBatches(imports: ImportSet, request: InviteRequest): Batch[] {
  if (request.batch !== undefined) return imports.batches.filter((batch) => batch.name === request.batch);
  return imports.batches.filter((batch) => batch.config.trainingDay === request.date);
}

/**
 * Who of the due batches' people gets an invite now. Without force: people who exist, are active, have
 * never been sent a welcome and have never logged in — so a late, repeated or re-run job sends nothing
 * twice. With force: everyone who exists and is active. Inactive people are never invited, since an
 * invite would make them active again. A missing welcome date decides nothing unless the user was read by
 * id (the expand is best effort on listings: loadUsers re-reads them); otherwise the person is skipped.
 */
export function selectInvitees(
  batches: Batch[],
  users: SnapshotUser[],
  request: InviteRequest,
): InviteSelection {
  const byEmail = new Map<string, SnapshotUser[]>();
  for (const user of users) {
    const key = user.email.toLowerCase();
    byEmail.set(key, [...(byEmail.get(key) ?? []), user]);
  }
  const invite: Invitee[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  for (const batch of [...batches].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const person of batch.people) {
      const skip = (reason: SkipReason, detail: string) =>
        skipped.push({ batch: batch.name, email: person.email, name: person.name, reason, detail });
      if (seen.has(person.emailKey)) {
        skip('duplicate-in-batch', 'already listed in a due batch');
        continue;
      }
      seen.add(person.emailKey);
      const matches = byEmail.get(person.emailKey) ?? [];
      const user = matches.find((u) => u.state !== 'deleted') ?? matches[0];
      const state = inviteState(user);
      // Force re-sends to everyone who exists and is active, welcomed or not.
      const invited = state === 'invitable' || (request.force && !NEVER_INVITED.has(state));
      if (user && invited) {
        invite.push({ batch: batch.name, email: person.email, name: person.name, userId: user.id });
      } else {
        skip(state === 'invitable' ? 'not-created' : SKIP_REASONS[state], skipDetail(state, user));
      }
    }
  }
  return {
    date: request.date,
    catchUp: request.batch ?? null,
    force: request.force,
    expired: false,
    batches: batches.map((batch) => batch.name).sort(),
    invite,
    skipped,
  };
}

/** Not invited even with force: nobody to invite, or an invite would reactivate them. */
const NEVER_INVITED = new Set<InviteState>(['not-created', 'deleted', 'inactive']);

const SKIP_REASONS: Record<Exclude<InviteState, 'invitable'>, SkipReason> = {
  'not-created': 'not-created',
  deleted: 'deleted',
  inactive: 'inactive',
  welcomed: 'already-invited',
  'logged-in': 'already-logged-in',
  'welcome-unknown': 'welcome-unknown',
};

function skipDetail(state: InviteState, user: SnapshotUser | undefined): string {
  switch (state) {
    case 'deleted':
      return 'the user is deleted';
    case 'inactive':
      return 'the user is inactive; an invite would reactivate them';
    case 'welcomed':
      return `invited on ${user?.dateWelcomeSent?.slice(0, 10) ?? ''}`;
    case 'logged-in':
      return `logged in on ${user?.dateLastLogin?.slice(0, 10) ?? ''}`;
    case 'welcome-unknown':
      return 'Genesys Cloud did not say whether they were invited; run the invite again';
    default:
      return 'not in Genesys Cloud yet: merge and apply the batch first';
  }
}

export interface Inviter {
  invite(userId: string, force: boolean): Promise<void>;
}

export interface InviteOutcome extends Invitee {
  sent: boolean;
  error: string | null;
}

export interface InviteReport {
  date: string;
  catchUp: string | null;
  force: boolean;
  expired: boolean;
  batches: string[];
  invited: InviteOutcome[];
  skipped: Skipped[];
  ok: boolean;
}

/** Sends the selected invites; a failure stays with its person and the others go on. */
export async function sendInvites(selection: InviteSelection, inviter: Inviter): Promise<InviteReport> {
  const invited = await Promise.all(
    selection.invite.map(async (person): Promise<InviteOutcome> => {
      try {
        await inviter.invite(person.userId, selection.force || selection.expired);
        return { ...person, sent: true, error: null };
      } catch (error) {
        return { ...person, sent: false, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  return {
    date: selection.date,
    catchUp: selection.catchUp,
    force: selection.force,
    expired: selection.expired,
    batches: selection.batches,
    invited,
    skipped: selection.skipped,
    ok: invited.every((outcome) => outcome.sent),
  };
}

/** Today's date (YYYY-MM-DD) in an IANA time zone; throws RangeError for an unknown zone. */
export function todayIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
