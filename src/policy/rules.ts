// The policy's row rules, judged on rows as planned (ids resolved): email domains, allowed and
// forbidden roles, allowed divisions, privileged roles. Each breach is an error on the CSV cell that
// asks for it. Pure: the org's index resolves the policy's names.

import type { Finding } from '../csv/findings.js';
import type { NameLookup, OrgIndex } from '../plan/lookup.js';
import { writes } from '../plan/rows.js';
import type { Grant, Named } from '../plan/snapshot.js';
import type { PersonPlan, PhonePlan } from '../plan/types.js';
import type { ListKey, Policy, PolicyEntry } from './policy.js';

/** The policy's names resolved to org ids; null where the policy sets no rule. */
export interface Rules {
  /** The policy as messages name it. */
  file: string;
  domains: string[] | null;
  allowedRoles: Set<string> | null;
  forbiddenRoles: Set<string> | null;
  allowedDivisions: Set<string> | null;
  privilegedRoles: Set<string>;
}

/** The policy's role and division names as org ids, and a finding (at `file`) for each name the org lacks. */
export function resolveNames(
  policy: Policy,
  org: OrgIndex,
  file: string,
): { rules: Omit<Rules, 'file'>; findings: Finding[] } {
  const findings: Finding[] = [];
  const resolve = (key: ListKey, entries: PolicyEntry[] | null, lookup: NameLookup<Named>, kind: string) => {
    if (entries === null) return null;
    const ids = new Set<string>();
    for (const entry of entries) {
      const found = lookup.find(entry.value);
      if (found) ids.add(found.id);
      else
        findings.push({
          severity: 'error',
          file,
          line: entry.line,
          column: key,
          code: `unknown-${kind}`,
          message: `Unknown ${kind} "${entry.value}" in ${key}${lookup.suggest(entry.value)}: the org has no ${kind} by that name`,
        });
    }
    return ids;
  };
  return {
    rules: {
      domains: policy.allowedEmailDomains?.map((entry) => entry.value) ?? null,
      allowedRoles: resolve('allowed_roles', policy.allowedRoles, org.roles, 'role'),
      forbiddenRoles: resolve('forbidden_roles', policy.forbiddenRoles, org.roles, 'role'),
      allowedDivisions: resolve('allowed_divisions', policy.allowedDivisions, org.divisions, 'division'),
      privilegedRoles: resolve('privileged_roles', policy.privilegedRoles, org.roles, 'role') ?? new Set(),
    },
    findings,
  };
}

/** The one wording of an email outside allowed_email_domains (`domains`, null when not set), for plan and validate. */
export function emailDomainBreach(
  email: string,
  domains: readonly string[] | null,
  file: string,
): string | null {
  if (domains === null) return null;
  const key = email.toLowerCase();
  if (domainAllowed(key, domains)) return null;
  const domain = key.slice(key.lastIndexOf('@') + 1);
  return `${email}: the domain "${domain}" is not allowed (allowed_email_domains in ${file}: ${listed(domains)})`;
}

function domainAllowed(emailKey: string, domains: readonly string[]): boolean {
  const domain = emailKey.slice(emailKey.lastIndexOf('@') + 1);
  return domains.some((allowed) =>
    allowed.startsWith('*.') ? domain.endsWith(allowed.slice(1)) : domain === allowed,
  );
}

/** A short list of the policy's values for a message. */
function listed(values: readonly string[]): string {
  if (values.length === 0) return 'an empty list';
  const shown = values.slice(0, 5).join(', ');
  return values.length > 5 ? `${shown}, … (${values.length} in all)` : shown;
}

/** A phone's owner who exists already; one this import creates has their people.csv row checked (and takes the phone along). */
export function checkPhone(phone: PhonePlan, rules: Rules): Finding[] {
  const createdHere = phone.person.row !== null && phone.person.userId === null;
  if (createdHere || !(writes(phone.action) || phone.action === 'error')) return [];
  const breach = emailDomainBreach(phone.person.email, rules.domains, rules.file);
  if (!breach) return [];
  return [
    {
      severity: 'error',
      file: phone.file,
      line: phone.line,
      column: 'email',
      code: 'policy-email-domain',
      message: breach,
    },
  ];
}

/** What one person row breaks (errors) or should make a reviewer look twice at (warnings). */
interface Verdict {
  person: PersonPlan;
  rules: Rules;
  org: OrgIndex;
  errors: Finding[];
  warnings: Finding[];
}

function at(
  verdict: Verdict,
  column: string,
  code: string,
  message: string,
  severity: Finding['severity'] = 'error',
) {
  const { person } = verdict;
  (severity === 'error' ? verdict.errors : verdict.warnings).push({
    severity,
    file: person.file,
    line: person.line,
    column,
    code,
    message,
  });
}

export function checkPerson(
  person: PersonPlan,
  rules: Rules,
  org: OrgIndex,
): { errors: Finding[]; warnings: Finding[] } {
  const verdict: Verdict = { person, rules, org, errors: [], warnings: [] };
  // A row already in error is checked for its email too, so that one round of fixes is enough.
  if (writes(person.action) || person.action === 'error') {
    const breach = emailDomainBreach(person.email, rules.domains, rules.file);
    if (breach) at(verdict, 'email', 'policy-email-domain', breach);
  }
  if (!writes(person.action)) return { errors: verdict.errors, warnings: verdict.warnings };
  // A manager who exists already; one this import creates has their own row checked (and cascades).
  if (person.manager !== null && person.manager.userId !== null) {
    const breach = emailDomainBreach(person.manager.email, rules.domains, rules.file);
    if (breach) at(verdict, 'email_manager', 'policy-email-domain', breach);
  }
  checkGrants(verdict);
  checkDivision(verdict);
  return { errors: verdict.errors, warnings: verdict.warnings };
}

function divisionText({ org }: Verdict, divisionId: string): string {
  const home = divisionId === org.snapshot.homeDivisionId ? ' (the home division)' : '';
  return `"${org.divisions.nameOf(divisionId)}"${home}`;
}

/** Only the grants the row adds: a role someone holds already is no breach. */
function checkGrants(verdict: Verdict): void {
  const roleBreached = new Set<string>();
  for (const grant of verdict.person.grants) {
    if (!roleBreached.has(grant.roleId) && roleBreach(verdict, grant)) roleBreached.add(grant.roleId);
    const divisionBreached = divisionBreach(verdict, grant);
    if (!roleBreached.has(grant.roleId) && !divisionBreached) privilegedWarning(verdict, grant);
  }
}

function roleBreach(verdict: Verdict, grant: Grant): boolean {
  const { rules, org } = verdict;
  const role = org.roles.nameOf(grant.roleId);
  if (rules.forbiddenRoles?.has(grant.roleId)) {
    at(
      verdict,
      'roles_divisions',
      'policy-role-forbidden',
      `Role "${role}" may not be granted through imports (forbidden_roles in ${rules.file})`,
    );
    return true;
  }
  if (rules.allowedRoles && !rules.allowedRoles.has(grant.roleId)) {
    at(
      verdict,
      'roles_divisions',
      'policy-role-not-allowed',
      `Role "${role}" may not be granted through imports: it is not in allowed_roles of ${rules.file}`,
    );
    return true;
  }
  return false;
}

function divisionBreach(verdict: Verdict, grant: Grant): boolean {
  const { rules, org } = verdict;
  if (!rules.allowedDivisions || rules.allowedDivisions.has(grant.divisionId)) return false;
  const hint =
    grant.divisionId === org.snapshot.homeDivisionId
      ? '; a role without [division] is granted in the home division'
      : '';
  at(
    verdict,
    'roles_divisions',
    'policy-division-not-allowed',
    `Role "${org.roles.nameOf(grant.roleId)}" may not be granted in division ${divisionText(verdict, grant.divisionId)}: it is not in allowed_divisions of ${rules.file}${hint}`,
  );
  return true;
}

function privilegedWarning(verdict: Verdict, grant: Grant): void {
  const { rules, org, person } = verdict;
  if (!rules.privilegedRoles.has(grant.roleId)) return;
  // Same wording as the plan's own privileged warning, so that a role both mark is shown once.
  const message = `Grants privileged role "${org.roles.nameOf(grant.roleId)}" in division "${org.divisions.nameOf(grant.divisionId)}" to ${person.email}`;
  if (person.warnings.some((warning) => warning.code === 'privileged-role' && warning.message === message))
    return;
  at(verdict, 'roles_divisions', 'privileged-role', message, 'warning');
}

/** The division a person is created in, or moved into. */
function checkDivision(verdict: Verdict): void {
  const { person, rules, org } = verdict;
  const into = person.action === 'create' ? (person.create?.divisionId ?? null) : person.moveToDivisionId;
  if (into === null || !rules.allowedDivisions || rules.allowedDivisions.has(into)) return;
  const home = into === org.snapshot.homeDivisionId ? '; a blank division cell means the home division' : '';
  at(
    verdict,
    'division',
    'policy-division-not-allowed',
    person.action === 'create'
      ? `${person.email} may not be created in division ${divisionText(verdict, into)}: it is not in allowed_divisions of ${rules.file}${home}`
      : `${person.email} may not be moved into division ${divisionText(verdict, into)}: it is not in allowed_divisions of ${rules.file}`,
  );
}
