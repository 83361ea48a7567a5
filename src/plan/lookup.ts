// Resolving the names and emails a CSV uses against the org snapshot.

import { didYouMeanSuffix } from '../csv/suggest.js';
import type { Named, OrgSnapshot, SnapshotBaseSettings, SnapshotUser } from './snapshot.js';

export interface NameLookup<T extends Named> {
  /** The item with this name: exact first, else the only one equal ignoring case. */
  find(name: string): T | undefined;
  /** The display name of an id, or the id itself when the snapshot does not hold it. */
  nameOf(id: string): string;
  /** ` (did you mean "X"?)` or ''. */
  suggest(name: string): string;
}

const fold = (value: string) => value.trim().toLowerCase();

export function nameLookup<T extends Named>(items: readonly T[]): NameLookup<T> {
  const byFolded = new Map<string, T[]>();
  const byId = new Map<string, T>();
  for (const item of items) {
    byId.set(item.id, item);
    const same = byFolded.get(fold(item.name));
    if (same) same.push(item);
    else byFolded.set(fold(item.name), [item]);
  }
  const names = items.map((item) => item.name);
  return {
    find(name) {
      const same = byFolded.get(fold(name)) ?? [];
      // Two names that differ only by case are ambiguous unless one is spelt exactly.
      return same.find((item) => item.name === name.trim()) ?? (same.length === 1 ? same[0] : undefined);
    },
    nameOf: (id) => byId.get(id)?.name ?? id,
    suggest: (name) => didYouMeanSuffix(name, names),
  };
}

export type UserMatch =
  | { kind: 'none' }
  | { kind: 'one'; user: SnapshotUser }
  | { kind: 'deleted'; user: SnapshotUser }
  | { kind: 'ambiguous'; users: SnapshotUser[] };

/** Finds org users by lower-cased email. A deleted user counts only when no live user has the email. */
export function userLookup(users: readonly SnapshotUser[]): {
  match(emailKey: string): UserMatch;
  byId(id: string): SnapshotUser | undefined;
} {
  const byEmail = new Map<string, SnapshotUser[]>();
  const byId = new Map<string, SnapshotUser>();
  for (const user of users) {
    byId.set(user.id, user);
    const key = fold(user.email);
    const same = byEmail.get(key);
    if (same) same.push(user);
    else byEmail.set(key, [user]);
  }
  return {
    match(emailKey) {
      const same = byEmail.get(fold(emailKey)) ?? [];
      const live = same.filter((user) => user.state !== 'deleted');
      const [first, second] = live;
      if (first && second) return { kind: 'ambiguous', users: live };
      if (first) return { kind: 'one', user: first };
      const deleted = same[0];
      return deleted ? { kind: 'deleted', user: deleted } : { kind: 'none' };
    },
    byId: (id) => byId.get(id),
  };
}

/** The snapshot, indexed once for the whole plan. */
export interface OrgIndex {
  snapshot: OrgSnapshot;
  divisions: NameLookup<Named>;
  roles: NameLookup<Named>;
  queues: NameLookup<Named>;
  skills: NameLookup<Named>;
  locations: NameLookup<Named>;
  sites: NameLookup<Named>;
  baseSettings: NameLookup<SnapshotBaseSettings>;
  users: ReturnType<typeof userLookup>;
}

export function indexOrg(snapshot: OrgSnapshot): OrgIndex {
  return {
    snapshot,
    divisions: nameLookup(snapshot.divisions),
    roles: nameLookup(snapshot.roles),
    queues: nameLookup(snapshot.queues),
    skills: nameLookup(snapshot.skills),
    locations: nameLookup(snapshot.locations),
    sites: nameLookup(snapshot.sites),
    baseSettings: nameLookup(snapshot.phoneBaseSettings),
    users: userLookup(snapshot.users),
  };
}

/** Case-insensitive key for names that must be unique (phones, new locations). */
export const nameKey = fold;
