// Plan + Policy → Plan with every breach as an error on the CSV cell that asks for it. Pure: the
// org snapshot resolves the policy's names; the labels are the pull request's (or the merged one's).
// The policy that judges a change is the one in force before it (judgeChange): a change that edits
// policy.yml has its rows judged by the old rules, and only its file's own errors checked.

import type { Finding } from '../csv/types.js';
import { indexOrg, nameKey, type NameLookup, type OrgIndex } from '../plan/lookup.js';
import { compareFindings, summarize } from '../plan/plan.js';
import type { Named, OrgSnapshot } from '../plan/snapshot.js';
import type { BatchPlan, InviteCount, LocationToCreate, PersonPlan, PhonePlan, Plan } from '../plan/types.js';
import { DEFAULT_POLICY, type ListKey, type Policy, type PolicyEntry } from './policy.js';

export interface PolicyCheckOptions {
  /** Labels of the pull request the change comes from; one equal to override_label lifts max_changes. */
  labels: readonly string[];
  /** The policy file as findings should name it, or null when there is none (findings then name the imports root). */
  policyFile: string | null;
  /** How messages name the policy, when not as `policyFile` (e.g. the base branch's version of it). */
  policyName?: string;
  /** False: the policy's unknown role and division names are the caller's to report (see judgeChange). */
  reportUnknownNames?: boolean;
}

/** The policy's names resolved to org ids; null where the policy sets no rule. */
interface Rules {
  /** The policy as messages name it. */
  file: string;
  domains: string[] | null;
  allowedRoles: Set<string> | null;
  forbiddenRoles: Set<string> | null;
  allowedDivisions: Set<string> | null;
  privilegedRoles: Set<string>;
}

const writes = (action: string) => action === 'create' || action === 'update';

/** The policy's role and division names as org ids, and a finding for each name the org lacks. */
function resolveNames(
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

export function checkPolicy(
  plan: Plan,
  policy: Policy,
  snapshot: OrgSnapshot,
  options: PolicyCheckOptions,
): Plan {
  const org = indexOrg(snapshot);
  const file = options.policyFile ?? plan.root;
  const names = resolveNames(policy, org, file);
  const findings: Finding[] = options.reportUnknownNames === false ? [] : [...names.findings];
  const rules: Rules = { ...names.rules, file: options.policyName ?? file };

  // 1. Breaches of the rows themselves.
  const converted = new Map<PersonPlan, PersonPlan>();
  const people = plan.batches.map((batch) =>
    batch.people.map((person) => {
      const { errors, warnings } = checkPerson(person, rules, org);
      if (errors.length === 0)
        return warnings.length === 0 ? person : { ...person, warnings: [...person.warnings, ...warnings] };
      const next = asError(person, errors);
      if (person.action !== 'error') converted.set(person, next);
      return next;
    }),
  );

  // 2. What depended on a person who is no longer created: their reports and their phone.
  cascadeManagers(people, converted);
  const gone = new Map<string, PersonPlan>();
  for (const [before, after] of converted) if (before.action === 'create') gone.set(after.emailKey, after);
  const phones = plan.batches.map((batch) =>
    batch.phones.map((phone) => {
      // The owner's domain, unless this import creates them: their people.csv row is checked (below: person-not-created).
      const createdHere = phone.person.row !== null && phone.person.userId === null;
      const breach =
        !createdHere && (writes(phone.action) || phone.action === 'error')
          ? domainBreach(phone.person.email, rules)
          : null;
      if (breach) {
        return phoneAsError(phone, {
          severity: 'error',
          file: phone.file,
          line: phone.line,
          column: 'email',
          code: 'policy-email-domain',
          message: breach,
        });
      }
      const person = gone.get(phone.person.emailKey);
      if (!writes(phone.action) || phone.person.userId !== null || !person) return phone;
      return phoneAsError(phone, {
        severity: 'error',
        file: phone.file,
        line: phone.line,
        column: 'email',
        code: 'person-not-created',
        message: `${phone.person.email} will not be created: their row (${person.file}:${person.line}) has errors`,
      });
    }),
  );

  const batches: BatchPlan[] = plan.batches.map((batch, index) => ({
    ...batch,
    people: people[index] ?? [],
    phones: phones[index] ?? [],
  }));
  // A person no longer created is no longer invited on the training day.
  const lost = new Map<string, number>();
  for (const [before] of converted) {
    if (before.action === 'create') lost.set(before.batch, (lost.get(before.batch) ?? 0) + 1);
  }
  const invites = plan.summary.invites.map((invite): InviteCount => ({
    ...invite,
    count: invite.count - (lost.get(invite.batch) ?? 0),
  }));
  const { locationsToCreate, warnings } = recheckLocations(
    plan,
    batches.flatMap((batch) => batch.people),
  );

  // 3. How much the change touches: counted on what the change asks, before the breaches above.
  const changeLimit = maxChangesFinding(plan, policy, options.labels, file);
  if (changeLimit) findings.push(changeLimit);

  const allFindings = [...plan.findings, ...findings].sort(compareFindings);
  return {
    ...plan,
    batches,
    locationsToCreate,
    findings: allFindings,
    warnings,
    summary: summarize(
      batches.flatMap((batch) => batch.people),
      batches.flatMap((batch) => batch.phones),
      allFindings,
      warnings,
      invites,
    ),
  };
}

/**
 * The one call the command layer needs: `parsed` is parsePolicy's answer for the policy file at
 * `policyFile`, or null when there is none. The file's own findings join the plan's (so that a broken
 * policy stops apply), and its rules apply; a file that cannot be read at all leaves the default
 * max_changes in force.
 */
export function enforcePolicy(
  plan: Plan,
  parsed: ParsedPolicy | null,
  snapshot: OrgSnapshot,
  options: { labels: readonly string[]; policyFile: string; policyName?: string },
): Plan {
  const checked = checkPolicy(plan, parsed?.policy ?? DEFAULT_POLICY, snapshot, {
    labels: options.labels,
    policyFile: parsed === null ? null : options.policyFile,
    ...(options.policyName === undefined ? {} : { policyName: options.policyName }),
  });
  return withFindings(checked, parsed?.findings ?? []);
}

/** parsePolicy's answer for one version of the policy file. */
export type ParsedPolicy = { policy: Policy | null; findings: Finding[] };

/** One version of the policy file: parsed (null when the file does not exist there), where it is and what to call it. */
export interface PolicyVersion {
  parsed: ParsedPolicy | null;
  /** The repository path findings point at. */
  file: string;
  /** How messages name it, e.g. `imports/policy.yml of main (5c1a0e0)`; `file` when not given. */
  name?: string;
}

/**
 * The gate of a change that also edits the policy file: the policy in force before the change
 * (`judge`) decides its rows, so that a change cannot loosen the rules and use the looser rules at
 * once; the file as the change leaves it (`changed`) is only checked, its errors being the change's.
 * If the judging policy itself has errors (it cannot say what is allowed), no row may be written,
 * but a change that writes nothing (the fix) passes. Without `changed` this is enforcePolicy.
 */
export function judgeChange(
  plan: Plan,
  snapshot: OrgSnapshot,
  options: { labels: readonly string[]; judge: PolicyVersion; changed: PolicyVersion | null },
): Plan {
  const { judge, changed, labels } = options;
  const judgeName = judge.name === undefined ? {} : { policyName: judge.name };
  if (changed === null) {
    return enforcePolicy(plan, judge.parsed, snapshot, { labels, policyFile: judge.file, ...judgeName });
  }
  const checked = checkPolicy(plan, judge.parsed?.policy ?? DEFAULT_POLICY, snapshot, {
    labels,
    policyFile: judge.parsed === null ? null : judge.file,
    reportUnknownNames: false,
    ...judgeName,
  });
  const org = indexOrg(snapshot);
  const changedFindings = changed.parsed
    ? [
        ...changed.parsed.findings,
        ...(changed.parsed.policy ? resolveNames(changed.parsed.policy, org, changed.file).findings : []),
      ]
    : [];
  const judgeProblems = judge.parsed
    ? [
        ...judge.parsed.findings.filter((finding) => finding.severity === 'error'),
        ...(judge.parsed.policy ? resolveNames(judge.parsed.policy, org, judge.file).findings : []),
      ]
    : [];
  const rows = checked.batches.flatMap((batch) => [...batch.people, ...batch.phones]);
  const written = rows.filter((row) => writes(row.action)).length;
  const blocked: Finding[] = [];
  const first = judgeProblems[0];
  if (first && written > 0) {
    blocked.push({
      severity: 'error',
      file: judge.file,
      line: 1,
      column: null,
      code: 'policy-in-force-invalid',
      message:
        `The policy that judges this change (${judge.name ?? judge.file}) has ${judgeProblems.length === 1 ? 'an error' : `${judgeProblems.length} errors`} ` +
        `(line ${first.line}: ${first.message}), so it cannot say what is allowed: none of the ${written} rows to write is written. ` +
        'Merge the fix of the policy on its own first; rows are judged by it from the next change on.',
    });
  }
  return withFindings(checked, [...changedFindings, ...blocked]);
}

/** The plan with more findings, its warning count kept right. */
function withFindings(plan: Plan, more: readonly Finding[]): Plan {
  if (more.length === 0) return plan;
  const findings = [...plan.findings, ...more].sort(compareFindings);
  const added = more.filter((finding) => finding.severity === 'warning').length;
  return { ...plan, findings, summary: { ...plan.summary, warnings: plan.summary.warnings + added } };
}

/** The message for an email whose domain allowed_email_domains does not list; null when it is allowed or not set. */
function domainBreach(email: string, rules: Rules): string | null {
  return emailDomainBreach(email, rules.domains, rules.file);
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

function checkPerson(
  person: PersonPlan,
  rules: Rules,
  org: OrgIndex,
): { errors: Finding[]; warnings: Finding[] } {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const at = (column: string, code: string, message: string, severity: Finding['severity'] = 'error') =>
    (severity === 'error' ? errors : warnings).push({
      severity,
      file: person.file,
      line: person.line,
      column,
      code,
      message,
    });

  // A row already in error is checked for its email too, so that one round of fixes is enough.
  if (writes(person.action) || person.action === 'error') {
    const breach = domainBreach(person.email, rules);
    if (breach) at('email', 'policy-email-domain', breach);
  }
  if (!writes(person.action)) return { errors, warnings };
  // A manager who exists already; one this import creates has their own row checked (and cascades).
  if (person.manager !== null && person.manager.userId !== null) {
    const breach = domainBreach(person.manager.email, rules);
    if (breach) at('email_manager', 'policy-email-domain', breach);
  }

  const homeId = org.snapshot.homeDivisionId;
  const divisionText = (divisionId: string) =>
    `"${org.divisions.nameOf(divisionId)}"${divisionId === homeId ? ' (the home division)' : ''}`;
  const roleBreached = new Set<string>();
  for (const grant of person.grants) {
    const role = org.roles.nameOf(grant.roleId);
    if (!roleBreached.has(grant.roleId)) {
      if (rules.forbiddenRoles?.has(grant.roleId)) {
        at(
          'roles_divisions',
          'policy-role-forbidden',
          `Role "${role}" may not be granted through imports (forbidden_roles in ${rules.file})`,
        );
        roleBreached.add(grant.roleId);
      } else if (rules.allowedRoles && !rules.allowedRoles.has(grant.roleId)) {
        at(
          'roles_divisions',
          'policy-role-not-allowed',
          `Role "${role}" may not be granted through imports: it is not in allowed_roles of ${rules.file}`,
        );
        roleBreached.add(grant.roleId);
      }
    }
    let breached = roleBreached.has(grant.roleId);
    if (rules.allowedDivisions && !rules.allowedDivisions.has(grant.divisionId)) {
      const hint =
        grant.divisionId === homeId ? '; a role without [division] is granted in the home division' : '';
      at(
        'roles_divisions',
        'policy-division-not-allowed',
        `Role "${role}" may not be granted in division ${divisionText(grant.divisionId)}: it is not in allowed_divisions of ${rules.file}${hint}`,
      );
      breached = true;
    }
    if (!breached && rules.privilegedRoles.has(grant.roleId)) {
      // Same wording as the plan's own privileged warning, so that a role both mark is shown once.
      const message = `Grants privileged role "${role}" in division "${org.divisions.nameOf(grant.divisionId)}" to ${person.email}`;
      if (
        !person.warnings.some((warning) => warning.code === 'privileged-role' && warning.message === message)
      ) {
        at('roles_divisions', 'privileged-role', message, 'warning');
      }
    }
  }

  const into = person.action === 'create' ? (person.create?.divisionId ?? null) : person.moveToDivisionId;
  if (into !== null && rules.allowedDivisions && !rules.allowedDivisions.has(into)) {
    at(
      'division',
      'policy-division-not-allowed',
      person.action === 'create'
        ? `${person.email} may not be created in division ${divisionText(into)}: it is not in allowed_divisions of ${rules.file}${into === homeId ? '; a blank division cell means the home division' : ''}`
        : `${person.email} may not be moved into division ${divisionText(into)}: it is not in allowed_divisions of ${rules.file}`,
    );
  }
  return { errors, warnings };
}

/** The row as the plan shows a row in error: nothing to write, its findings kept. */
function asError(person: PersonPlan, errors: Finding[]): PersonPlan {
  return {
    ...person,
    action: 'error',
    version: null,
    create: null,
    patch: {},
    moveToDivisionId: null,
    manager: null,
    location: null,
    grants: [],
    queueIds: [],
    skills: [],
    changes: [],
    errors: [...person.errors, ...errors],
    warnings: [],
  };
}

function phoneAsError(phone: PhonePlan, error: Finding): PhonePlan {
  return {
    ...phone,
    action: 'error',
    phoneId: null,
    stationId: null,
    changes: [],
    errors: [...phone.errors, error],
    warnings: [],
  };
}

/**
 * A person whose manager is no longer created cannot be given that manager: their row is in error
 * too, and if they were to be created, so are their own reports (breadth first, linear in rows).
 * Mutates the row lists in place (they are this module's fresh arrays) and records each conversion.
 */
function cascadeManagers(people: PersonPlan[][], converted: Map<PersonPlan, PersonPlan>): void {
  const byManager = new Map<string, Array<{ batch: number; index: number }>>();
  people.forEach((rows, batch) =>
    rows.forEach((person, index) => {
      if (!writes(person.action) || person.manager === null || person.manager.userId !== null) return;
      const key = nameKey(person.manager.email);
      const reports = byManager.get(key);
      if (reports) reports.push({ batch, index });
      else byManager.set(key, [{ batch, index }]);
    }),
  );
  const queue = [...converted].filter(([before]) => before.action === 'create').map(([, after]) => after);
  // An index, not shift(): shifting a long queue is quadratic.
  for (let next = 0, manager = queue[0]; manager; manager = queue[++next]) {
    for (const { batch, index } of byManager.get(manager.emailKey) ?? []) {
      const rows = people[batch];
      const person = rows?.[index];
      if (!rows || !person || person.action === 'error') continue;
      const next = asError(person, [
        {
          severity: 'error',
          file: person.file,
          line: person.line,
          column: 'email_manager',
          code: 'manager-not-created',
          message: `Manager ${person.manager?.email ?? manager.email} will not be created: their row (${manager.file}:${manager.line}) has errors`,
        },
      ]);
      rows[index] = next;
      converted.set(person, next);
      if (person.action === 'create') queue.push(next);
    }
  }
}

/**
 * New locations only for rows still created or updated: a location only breaching rows named is not
 * created, and its warning moves to the first row that still names it.
 */
function recheckLocations(
  plan: Plan,
  people: readonly PersonPlan[],
): { locationsToCreate: LocationToCreate[]; warnings: Finding[] } {
  const firstRow = new Map<string, PersonPlan>();
  for (const person of people) {
    const location = person.location;
    if (location === null || location.locationId !== null || firstRow.has(nameKey(location.name))) continue;
    firstRow.set(nameKey(location.name), person);
  }
  const moved = new Map<LocationToCreate, LocationToCreate | null>();
  const locationsToCreate: LocationToCreate[] = [];
  for (const location of plan.locationsToCreate) {
    const person = firstRow.get(nameKey(location.name));
    const next = person ? { ...location, file: person.file, line: person.line } : null;
    moved.set(location, next);
    if (next) locationsToCreate.push(next);
  }
  const warnings = plan.warnings.flatMap((warning) => {
    if (warning.code !== 'new-location') return [warning];
    const location = plan.locationsToCreate.find(
      (candidate) =>
        candidate.file === warning.file &&
        candidate.line === warning.line &&
        warning.message.includes(`"${candidate.name}"`),
    );
    if (!location) return [warning];
    const next = moved.get(location);
    return next ? [{ ...warning, file: next.file, line: next.line }] : [];
  });
  return { locationsToCreate, warnings };
}

function maxChangesFinding(
  plan: Plan,
  policy: Policy,
  labels: readonly string[],
  file: string,
): Finding | null {
  const people = plan.batches.flatMap((batch) => batch.people).filter((row) => writes(row.action)).length;
  const phones = plan.batches.flatMap((batch) => batch.phones).filter((row) => writes(row.action)).length;
  const total = people + phones;
  if (total <= policy.maxChanges) return null;
  const line = policy.lines.max_changes;
  const where = { file, line: line ?? 1, column: line === undefined ? null : 'max_changes' };
  const rows = `${total} rows (${people} ${people === 1 ? 'person' : 'people'}, ${phones} ${phones === 1 ? 'phone' : 'phones'})`;
  const limit = `max_changes (${policy.maxChanges}${line === undefined ? ', the default' : ''})`;
  const label = policy.overrideLabel;
  if (label !== null && labels.some((given) => given.trim().toLowerCase() === label.trim().toLowerCase())) {
    return {
      severity: 'warning',
      ...where,
      code: 'max-changes-overridden',
      message: `This change creates or updates ${rows}, more than ${limit}; allowed by the pull request label "${label}"`,
    };
  }
  const policyPath = policyFileOf(plan.root, file);
  const lift =
    label === null
      ? `split it into smaller pull requests, or raise max_changes in ${policyPath} (or set override_label there and add that label to the pull request)`
      : `add the label "${label}" to the pull request (override_label), split it, or raise max_changes in ${policyPath}`;
  return {
    severity: 'error',
    ...where,
    code: 'max-changes',
    message: `This change creates or updates ${rows}, more than ${limit}; to go ahead, ${lift}`,
  };
}

/** Where the policy file is or would be. */
function policyFileOf(root: string, file: string): string {
  return file === root ? `${root.replace(/[\\/]+$/, '')}/policy.yml` : file;
}
