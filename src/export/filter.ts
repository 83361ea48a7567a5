// Which people an export writes: the divisions, department and email domain given on the command
// line. Pure. A division the org does not have is a configuration error (exit code 2), not an empty file.

import { didYouMeanSuffix } from '../csv/suggest.js';
import { ConfigError } from '../genesys/connection.js';
import { nameLookup } from '../plan/lookup.js';
import type { Named } from '../plan/snapshot.js';

export interface ExportFilter {
  /** Division names (any of them); matched like the import matches them: exact, else ignoring case. */
  divisions?: string[];
  /** Department, compared trimmed and ignoring case. */
  department?: string;
  /** `northfield.edu` or `@northfield.edu`: people whose email ends with `@` and this domain, ignoring case. */
  emailDomain?: string;
}

/** A filter that names no division of the org, or an empty department or domain. */
export class ExportFilterError extends ConfigError {
  override name = 'ExportFilterError';
}

/** The filter resolved against the org: division ids, folded department and domain. */
export interface ResolvedFilter {
  divisionIds: ReadonlySet<string> | null;
  department: string | null;
  emailDomain: string | null;
}

const fold = (value: string) => value.trim().toLowerCase();
/** Divisions named in the "no such division" message; an org may have hundreds. */
const MAX_LISTED = 10;

export function resolveFilter(filter: ExportFilter, divisions: readonly Named[]): ResolvedFilter {
  let divisionIds: Set<string> | null = null;
  const names = filter.divisions ?? [];
  if (names.length > 0) {
    const lookup = nameLookup(divisions);
    divisionIds = new Set();
    for (const name of names) {
      const division = lookup.find(name);
      if (!division) {
        const shown = divisions.slice(0, MAX_LISTED).map((d) => `"${d.name}"`);
        const more = divisions.length - shown.length;
        const known = more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
        throw new ExportFilterError(
          `There is no division "${name}"${didYouMeanSuffix(
            name,
            divisions.map((d) => d.name),
          )}; the org has ${known}.`,
        );
      }
      divisionIds.add(division.id);
    }
  }
  let department: string | null = null;
  if (filter.department !== undefined) {
    department = fold(filter.department);
    if (department === '') throw new ExportFilterError('--department needs a department name.');
  }
  let emailDomain: string | null = null;
  if (filter.emailDomain !== undefined) {
    emailDomain = fold(filter.emailDomain).replace(/^@/, '');
    if (emailDomain === '' || emailDomain.includes('@')) {
      throw new ExportFilterError(
        `--email-domain needs a domain such as northfield.edu, got "${filter.emailDomain}".`,
      );
    }
  }
  return { divisionIds, department, emailDomain };
}

export function matchesFilter(
  user: { email: string; department: string; divisionId: string },
  filter: ResolvedFilter,
): boolean {
  if (filter.divisionIds && !filter.divisionIds.has(user.divisionId)) return false;
  if (filter.department !== null && fold(user.department) !== filter.department) return false;
  if (filter.emailDomain !== null && !fold(user.email).endsWith(`@${filter.emailDomain}`)) return false;
  return true;
}
