// What a set of batches needs read from the org: the snapshot reads exactly these, in bulk.

import type { ImportSet } from '../csv/types.js';

export interface SnapshotNeed {
  /** Lower-case emails of people, managers and phone owners. */
  emails: string[];
  /** Role names from roles_divisions: grants are read per role. */
  roleNames: string[];
  /** Queue names: members are read per queue. */
  queueNames: string[];
  /** Phone names from phones.csv; none means the batch has no phones and phones are not read. */
  phoneNames: string[];
}

export function snapshotNeed(imports: ImportSet): SnapshotNeed {
  const emails = new Set<string>();
  const roleNames = new Set<string>();
  const queueNames = new Set<string>();
  const phoneNames = new Set<string>();
  for (const batch of imports.batches) {
    for (const person of batch.people) {
      emails.add(person.emailKey);
      if (person.managerEmail) emails.add(person.managerEmail.toLowerCase());
      for (const grant of person.roles) roleNames.add(grant.role);
      for (const queue of person.queues) queueNames.add(queue);
    }
    for (const phone of batch.phones) {
      if (phone.emailKey) emails.add(phone.emailKey);
      if (phone.name) phoneNames.add(phone.name);
    }
  }
  const sorted = (values: Set<string>) => [...values].sort();
  return {
    emails: sorted(emails),
    roleNames: sorted(roleNames),
    queueNames: sorted(queueNames),
    phoneNames: sorted(phoneNames),
  };
}
