// The org an export reads, indexed by id and by name, and whether a name survives a round trip: the
// import trims a cell and looks the name up, so a name comes back only when that finds the same object.
import type { ExportData, ExportUser } from '../genesys/export-read.js';
import { nameLookup, type NameLookup } from '../plan/lookup.js';
import type { Named, SnapshotBaseSettings, SnapshotPhone } from '../plan/snapshot.js';

export interface Org {
  divisions: NameLookup<Named>;
  roles: NameLookup<Named>;
  queues: NameLookup<Named>;
  skills: NameLookup<Named>;
  locations: NameLookup<Named>;
  sites: NameLookup<Named>;
  baseSettings: NameLookup<Named>;
  items: {
    divisions: Map<string, Named>;
    roles: Map<string, Named>;
    queues: Map<string, Named>;
    skills: Map<string, Named>;
    locations: Map<string, Named>;
    sites: Map<string, Named>;
    baseSettings: Map<string, SnapshotBaseSettings>;
  };
  usersById: Map<string, ExportUser>;
  /** Every phone whose WebRTC user is this user. */
  phonesByUser: Map<string, SnapshotPhone[]>;
}

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

export function indexData(data: ExportData): Org {
  const phonesByUser = new Map<string, SnapshotPhone[]>();
  for (const phone of data.phones) {
    if (!phone.webRtcUserId) continue;
    const list = phonesByUser.get(phone.webRtcUserId) ?? [];
    list.push(phone);
    phonesByUser.set(phone.webRtcUserId, list);
  }
  return {
    divisions: nameLookup(data.divisions),
    roles: nameLookup(data.roles),
    queues: nameLookup(data.queues),
    skills: nameLookup(data.skills),
    locations: nameLookup(data.locations),
    sites: nameLookup(data.sites),
    baseSettings: nameLookup(data.phoneBaseSettings),
    items: {
      divisions: byId(data.divisions),
      roles: byId(data.roles),
      queues: byId(data.queues),
      skills: byId(data.skills),
      locations: byId(data.locations),
      sites: byId(data.sites),
      baseSettings: byId(data.phoneBaseSettings),
    },
    usersById: byId(data.users),
    phonesByUser,
  };
}

export const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Names in a cell read like a list a person would write: ignoring case first, then code points. */
export const byFoldedName = (a: string, b: string) =>
  byName(a.toLowerCase(), b.toLowerCase()) || byName(a, b);

/**
 * Why a name does not come back as the same object through a list cell: the separators the import
 * splits on, surrounding spaces it trims, or another object it would pick instead.
 */
export function whyNot(name: string, kind: string, lookup: NameLookup<Named>, separators: string): string {
  if (name.trim() === '') return `the ${kind} has no name`;
  const found = [...separators].filter((char) => name.includes(char));
  if (found.length > 0) {
    const shown = found.map((char) => `"${char}"`).join(' and ');
    return `its name holds ${shown}, which this column uses between items`;
  }
  if (lookup.find(name.trim()) === undefined) return `another ${kind} has the same name apart from case`;
  return `the import would read it as another ${kind} of the same name`;
}

/** The name of an object, if the import reads it back (trimmed, looked up) as this very object. */
export function readsBack(
  lookup: NameLookup<Named>,
  items: Map<string, Named>,
  id: string,
): string | undefined {
  const item = items.get(id);
  if (!item) return undefined;
  return lookup.find(item.name.trim())?.id === id ? item.name : undefined;
}
