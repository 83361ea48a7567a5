// The policy rules that need no org, checked by `validate` (and the offline preview of a fork's pull
// request, which gets no secrets): allowed email domains, forbidden and allowed roles and divisions
// by the names the CSV writes, and batches larger than max_changes. Plan checks the same rules again
// against the org's ids, where a bare role's home division and renamed roles are known too. Pure.
import type { Finding } from '../csv/findings.js';
import type { ImportSet, PersonRow } from '../csv/types.js';
import { emailDomainBreach } from './rules.js';
import type { Policy } from './policy.js';

const names = (entries: Policy['allowedRoles']) =>
  entries === null ? null : new Set(entries.map((entry) => entry.value.toLowerCase()));

/** Findings for every row that breaks a rule `policy` can judge by name alone; `file` names the policy. */
export function checkImportsOffline(imports: ImportSet, policy: Policy, file: string): Finding[] {
  const findings: Finding[] = [];
  const domains = policy.allowedEmailDomains?.map((entry) => entry.value) ?? null;
  const forbidden = names(policy.forbiddenRoles) ?? new Set<string>();
  const allowedRoles = names(policy.allowedRoles);
  const allowedDivisions = names(policy.allowedDivisions);
  const at = (row: { file: string; line: number }, column: string, code: string, message: string) =>
    findings.push({ severity: 'error', file: row.file, line: row.line, column, code, message });

  const checkPerson = (row: PersonRow) => {
    for (const [column, email] of [
      ['email', row.email],
      ['email_manager', row.managerEmail],
    ] as const) {
      const breach = email ? emailDomainBreach(email, domains, file) : null;
      if (breach) at(row, column, 'policy-email-domain', breach);
    }
    for (const grant of row.roles) {
      const role = grant.role.toLowerCase();
      if (forbidden.has(role)) {
        at(
          row,
          'roles_divisions',
          'policy-role-forbidden',
          `Role "${grant.role}" may not be granted through imports (forbidden_roles in ${file})`,
        );
      } else if (allowedRoles && !allowedRoles.has(role)) {
        at(
          row,
          'roles_divisions',
          'policy-role-not-allowed',
          `Role "${grant.role}" may not be granted through imports: it is not in allowed_roles of ${file}`,
        );
      }
      for (const division of grant.divisions) {
        if (allowedDivisions && !allowedDivisions.has(division.toLowerCase())) {
          at(
            row,
            'roles_divisions',
            'policy-division-not-allowed',
            `Role "${grant.role}" may not be granted in division "${division}": it is not in allowed_divisions of ${file}`,
          );
        }
      }
    }
    if (row.division && allowedDivisions && !allowedDivisions.has(row.division.toLowerCase())) {
      at(
        row,
        'division',
        'policy-division-not-allowed',
        `${row.email} may not be in division "${row.division}": it is not in allowed_divisions of ${file}`,
      );
    }
  };

  for (const batch of imports.batches) {
    batch.people.forEach(checkPerson);
    for (const phone of batch.phones) {
      const breach = emailDomainBreach(phone.email, domains, file);
      if (breach) at(phone, 'email', 'policy-email-domain', breach);
    }
    const rows = batch.people.length + batch.phones.length;
    if (rows > policy.maxChanges) {
      findings.push({
        severity: 'warning',
        file: batch.dir,
        line: 1,
        column: null,
        code: 'policy-max-changes-rows',
        message: `Batch "${batch.name}" has ${rows} rows, more than max_changes (${policy.maxChanges}) in ${file}: if they are new, the preview refuses them${policy.overrideLabel ? ` unless the pull request has the label "${policy.overrideLabel}"` : ''}.`,
      });
    }
  }
  return findings;
}
