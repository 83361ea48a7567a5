// Who the training-day run invites: the one rule, for the preview's count (plan) and the invite run
// (invite/). Pure.
import type { SnapshotUser } from './snapshot.js';

/** Invitation emails expire after 30 days. */
export const INVITE_LIFETIME_DAYS = 30;

/**
 * Where a user stands for an invite, in the order the invite run gives its reasons: only `invitable`
 * is invited without force; `welcome-unknown` is too once the org confirms it (a listing's expand of
 * the welcome date is best effort, so the invite run reads such users by id first).
 */
export type InviteState =
  'not-created' | 'deleted' | 'inactive' | 'welcomed' | 'logged-in' | 'welcome-unknown' | 'invitable';

type InviteFields = Pick<SnapshotUser, 'state' | 'dateWelcomeSent' | 'dateLastLogin' | 'welcomeKnown'>;

/** Invited: exists, is active (an invite would reactivate an inactive user), never welcomed, never logged in. */
export function inviteState(user: InviteFields | undefined): InviteState {
  if (!user) return 'not-created';
  if (user.state === 'deleted') return 'deleted';
  if (user.state === 'inactive') return 'inactive';
  if (user.dateWelcomeSent) return 'welcomed';
  if (user.dateLastLogin) return 'logged-in';
  return user.welcomeKnown ? 'invitable' : 'welcome-unknown';
}
