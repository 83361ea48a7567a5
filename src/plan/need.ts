// What a set of batches needs read from the org: the snapshot reads exactly these, in bulk.

import type { ImportSet } from '../csv/types.js';

/** User fields that come only with an expand, and that a plan decides on when the row uses them. */
export type ExpandedField = 'skills' | 'locations' | 'station';

export interface SnapshotNeed {
  /** Lower-case emails of people, managers and phone owners. */
  emails: string[];
  /**
   * Lower-case emails of people.csv rows: with the phone owners, the people the batch may update.
   * Only theirs are the grants and queue memberships a plan uses; a manager's never are.
   */
  peopleEmails: string[];
  /** Role names from roles_divisions: grants are read per role. */
  roleNames: string[];
  /** Queue names: members are read per queue. */
  queueNames: string[];
  /** Phone names from phones.csv; none means the batch has no phones and phones are not read. */
  phoneNames: string[];
  /** Lower-case emails of phones.csv rows: whether they may hold a default phone is checked. */
  phoneOwners: string[];
  /** Some people.csv row gives a work phone: the org's default country is read to compare numbers. */
  workPhones: boolean;
  /**
   * Per lower-case email, the expanded fields its rows decide on (skills cell, location_work, a phone):
   * if a listing drops one of those, that user is read again by id. Emails with none are left out.
   */
  decidingFields: Record<string, ExpandedField[]>;
}

export function snapshotNeed(imports: ImportSet): SnapshotNeed {
  const emails = new Set<string>();
  const peopleEmails = new Set<string>();
  const roleNames = new Set<string>();
  const queueNames = new Set<string>();
  const phoneNames = new Set<string>();
  const phoneOwners = new Set<string>();
  let workPhones = false;
  const deciding = new Map<string, Set<ExpandedField>>();
  const decides = (email: string, field: ExpandedField) => {
    const fields = deciding.get(email) ?? new Set<ExpandedField>();
    fields.add(field);
    deciding.set(email, fields);
  };
  for (const batch of imports.batches) {
    for (const person of batch.people) {
      emails.add(person.emailKey);
      peopleEmails.add(person.emailKey);
      if (person.managerEmail) emails.add(person.managerEmail.toLowerCase());
      for (const grant of person.roles) roleNames.add(grant.role);
      for (const queue of person.queues) queueNames.add(queue);
      if ((person.phoneWork ?? '').trim() !== '') workPhones = true;
      if (person.skills.length > 0) decides(person.emailKey, 'skills');
      if (person.location !== undefined) decides(person.emailKey, 'locations');
    }
    for (const phone of batch.phones) {
      if (phone.emailKey) emails.add(phone.emailKey);
      if (phone.emailKey) phoneOwners.add(phone.emailKey);
      if (phone.emailKey) decides(phone.emailKey, 'station');
      if (phone.name) phoneNames.add(phone.name);
    }
  }
  const sorted = (values: Set<string>) => [...values].sort();
  return {
    emails: sorted(emails),
    peopleEmails: sorted(peopleEmails),
    roleNames: sorted(roleNames),
    queueNames: sorted(queueNames),
    phoneNames: sorted(phoneNames),
    phoneOwners: sorted(phoneOwners),
    workPhones,
    decidingFields: Object.fromEntries(
      [...deciding.keys()].sort().map((email) => [email, [...(deciding.get(email) ?? [])].sort()]),
    ),
  };
}
