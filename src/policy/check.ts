// policy.yml as the gate inside planning (plan/ owns the PlanGate type; this folder makes one, so
// imports go one way: policy/ → plan/). Each row as planned passes the row rules (rules.ts), and the
// plan gets the plan-level findings: the policy file's own, names the org lacks, max_changes.
// The policy that judges a change is the one in force before it (policyGate with `changed`): a change
// that edits policy.yml has its rows judged by the old rules, and only its file's own errors checked.

import type { Finding } from '../csv/findings.js';
import type { OrgIndex } from '../plan/lookup.js';
import type { PlanGate, RowGate, WriteCounts } from '../plan/types.js';
import { DEFAULT_POLICY, type Policy } from './policy.js';
import { checkPerson, checkPhone, resolveNames } from './rules.js';

export interface PolicyCheckOptions {
  /** Labels of the pull request the change comes from; one equal to override_label lifts max_changes. */
  labels: readonly string[];
  /** The policy file as findings should name it, or null when there is none (findings then name the imports root). */
  policyFile: string | null;
  /** How messages name the policy, when not as `policyFile` (e.g. the base branch's version of it). */
  policyName?: string;
  /** False: the policy's unknown role and division names are the caller's to report (see policyGate). */
  reportUnknownNames?: boolean;
}

/** The gate of one policy: its row rules, its unknown names and max_changes. */
export function rulesGate(policy: Policy, options: PolicyCheckOptions): PlanGate {
  return (org, root) => {
    const file = options.policyFile ?? root;
    const names = resolveNames(policy, org, file);
    const rules = { ...names.rules, file: options.policyName ?? file };
    return {
      person: (person) => checkPerson(person, rules, org),
      phone: (phone) => checkPhone(phone, rules),
      findings: ({ asked }) => [
        ...(options.reportUnknownNames === false ? [] : names.findings),
        ...maxChangesFinding(asked, policy, options.labels, { file, root }),
      ],
    };
  };
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
 * The one gate the command layer passes to buildPlan. `judge` (the policy in force) decides the rows;
 * its own findings join the plan's, so that a broken policy stops apply, and a file that cannot be read
 * at all leaves the default max_changes in force. With `changed` (the change also edits the file), the
 * file as the change leaves it is only checked, its errors being the change's; and if the judging
 * policy itself has errors (it cannot say what is allowed), no row may be written, but a change that
 * writes nothing (the fix) passes.
 */
export function policyGate(options: {
  labels: readonly string[];
  judge: PolicyVersion;
  changed: PolicyVersion | null;
}): PlanGate {
  const { judge, changed, labels } = options;
  const rules = rulesGate(judge.parsed?.policy ?? DEFAULT_POLICY, {
    labels,
    policyFile: judge.parsed === null ? null : judge.file,
    ...(judge.name === undefined ? {} : { policyName: judge.name }),
    ...(changed === null ? {} : { reportUnknownNames: false }),
  });
  return (org, root) => {
    const gate = rules(org, root);
    const more =
      changed === null
        ? () => judge.parsed?.findings ?? []
        : ({ written }: { written: WriteCounts }) => [
            ...versionProblems(changed, org, 'all'),
            ...inForceInvalid(judge, versionProblems(judge, org, 'errors'), written),
          ];
    return withFindings(gate, more);
  };
}

/** The gate with more plan-level findings. */
function withFindings(gate: RowGate, more: (rows: { written: WriteCounts }) => Finding[]): RowGate {
  return { ...gate, findings: (rows) => [...more(rows), ...gate.findings(rows)] };
}

/** A version's own findings (`errors`: only its errors) and the names in it the org lacks. */
function versionProblems(version: PolicyVersion, org: OrgIndex, which: 'all' | 'errors'): Finding[] {
  if (!version.parsed) return [];
  const own = version.parsed.findings.filter((finding) => which === 'all' || finding.severity === 'error');
  const names = version.parsed.policy ? resolveNames(version.parsed.policy, org, version.file).findings : [];
  return [...own, ...names];
}

function inForceInvalid(judge: PolicyVersion, problems: readonly Finding[], written: WriteCounts): Finding[] {
  const rows = written.people + written.phones;
  const first = problems[0];
  if (!first || rows === 0) return [];
  const errors = problems.length === 1 ? 'an error' : `${problems.length} errors`;
  return [
    {
      severity: 'error',
      file: judge.file,
      line: 1,
      column: null,
      code: 'policy-in-force-invalid',
      message:
        `The policy that judges this change (${judge.name ?? judge.file}) has ${errors} ` +
        `(line ${first.line}: ${first.message}), so it cannot say what is allowed: none of the ${rows} rows to write is written. ` +
        'Merge the fix of the policy on its own first; rows are judged by it from the next change on.',
    },
  ];
}

/** How much the change touches: counted on what it asks, before the gate's breaches. */
function maxChangesFinding(
  asked: WriteCounts,
  policy: Policy,
  labels: readonly string[],
  where: { file: string; root: string },
): Finding[] {
  const { people, phones } = asked;
  const total = people + phones;
  if (total <= policy.maxChanges) return [];
  const line = policy.lines.max_changes;
  const place = { file: where.file, line: line ?? 1, column: line === undefined ? null : 'max_changes' };
  const rows = `${total} rows (${people} ${people === 1 ? 'person' : 'people'}, ${phones} ${phones === 1 ? 'phone' : 'phones'})`;
  const limit = `max_changes (${policy.maxChanges}${line === undefined ? ', the default' : ''})`;
  const label = policy.overrideLabel;
  if (label !== null && labels.some((given) => given.trim().toLowerCase() === label.trim().toLowerCase())) {
    return [
      {
        severity: 'warning',
        ...place,
        code: 'max-changes-overridden',
        message: `This change creates or updates ${rows}, more than ${limit}; allowed by the pull request label "${label}"`,
      },
    ];
  }
  const policyPath =
    where.file === where.root ? `${where.root.replace(/[\\/]+$/, '')}/policy.yml` : where.file;
  const lift =
    label === null
      ? `split it into smaller pull requests, or raise max_changes in ${policyPath} (or set override_label there and add that label to the pull request)`
      : `add the label "${label}" to the pull request (override_label), split it, or raise max_changes in ${policyPath}`;
  return [
    {
      severity: 'error',
      ...place,
      code: 'max-changes',
      message: `This change creates or updates ${rows}, more than ${limit}; to go ahead, ${lift}`,
    },
  ];
}
