// What a pull request changes in imports/policy.yml, rule by rule, for the top of the preview. The
// lines hold policy text: renderers escape them like any other untrusted value.

import { DEFAULT_MAX_CHANGES, DEFAULT_POLICY, parsePolicy, type Policy, type PolicyKey } from './policy.js';

type Rule = { kind: 'list'; values: string[] | null } | { kind: 'value'; value: string | null };

/** Each key as a comparable rule: lists as their values, the rest as text; null when not set. */
function rules(policy: Policy): Record<PolicyKey, Rule> {
  const list = (entries: Policy['allowedRoles']): Rule => ({
    kind: 'list',
    values: entries === null ? null : entries.map((entry) => entry.value),
  });
  return {
    allowed_email_domains: list(policy.allowedEmailDomains),
    allowed_roles: list(policy.allowedRoles),
    forbidden_roles: list(policy.forbiddenRoles),
    allowed_divisions: list(policy.allowedDivisions),
    privileged_roles: list(policy.lines.privileged_roles === undefined ? null : policy.privilegedRoles),
    max_changes: {
      kind: 'value',
      value: policy.lines.max_changes === undefined ? null : String(policy.maxChanges),
    },
    override_label: { kind: 'value', value: policy.overrideLabel },
    reinvite_expired: {
      kind: 'value',
      value: policy.lines.reinvite_expired === undefined ? null : String(policy.reinviteExpired),
    },
  };
}

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

function describe(key: PolicyKey, before: Rule, after: Rule): string | null {
  if (before.kind === 'list' && after.kind === 'list') {
    const [was, now] = [before.values, after.values];
    // An empty allow-list allows nothing; an empty privileged_roles just marks nothing.
    const empty = key.startsWith('allowed_') ? 'an empty list (allows none)' : 'an empty list';
    if (was === null && now === null) return null;
    if (was === null) return `${key} added: ${now?.length ? quoted(now) : empty}`;
    if (now === null) return `${key} removed (was ${was.length ? quoted(was) : 'an empty list'})`;
    const added = now.filter((value) => !was.includes(value));
    const removed = was.filter((value) => !now.includes(value));
    if (added.length === 0 && removed.length === 0) return null;
    const parts = [
      ...(added.length ? [`added ${quoted(added)}`] : []),
      ...(removed.length ? [`removed ${quoted(removed)}`] : []),
    ];
    return `${key}: ${parts.join('; ')}${now.length === 0 ? ` (the list is now empty${key.startsWith('allowed_') ? ': it allows none' : ''})` : ''}`;
  }
  if (before.kind === 'value' && after.kind === 'value') {
    if (before.value === after.value) return null;
    const show = (value: string | null) =>
      value === null
        ? key === 'max_changes'
          ? `not set (default ${DEFAULT_MAX_CHANGES})`
          : 'not set'
        : key === 'override_label'
          ? `"${value}"`
          : value;
    return `${key}: ${show(before.value)} → ${show(after.value)}`;
  }
  return null;
}

/**
 * One line per rule that differs between the policy file at the base of a pull request and at its
 * head (null: the file does not exist there). No lines when nothing changed.
 */
export function diffPolicy(before: string | null, after: string | null): string[] {
  if (before === after) return [];
  if (after === null) {
    return [
      `policy.yml is deleted: no guardrails apply any more, except the default max_changes of ${DEFAULT_MAX_CHANGES}`,
    ];
  }
  const next = parsePolicy(after, 'policy.yml');
  if (next.policy === null) {
    const problem = next.findings[0];
    return [
      `policy.yml changed and has an error at line ${problem?.line ?? 1}: ${problem?.message ?? 'it cannot be read'}`,
    ];
  }
  const previous = before === null ? null : parsePolicy(before, 'policy.yml').policy;
  const lines: string[] = [];
  if (before === null) lines.push('policy.yml is new');
  else if (previous === null)
    lines.push('policy.yml could not be read before this change; its rules now are:');
  const was = rules(previous ?? DEFAULT_POLICY);
  const now = rules(next.policy);
  for (const key of Object.keys(now) as PolicyKey[]) {
    const line = describe(key, was[key], now[key]);
    if (line !== null) lines.push(line);
  }
  // Each org's section (orgs.yml): what the rules are for that org, before and after.
  const orgs = new Set(
    [...(previous?.orgNames ?? []), ...(next.policy.orgNames ?? [])].map((org) => org.value),
  );
  for (const org of [...orgs].sort()) {
    const orgWas = rules(
      (before === null ? null : parsePolicy(before, 'policy.yml', org).policy) ?? DEFAULT_POLICY,
    );
    const orgNow = rules(parsePolicy(after, 'policy.yml', org).policy ?? DEFAULT_POLICY);
    for (const key of Object.keys(orgNow) as PolicyKey[]) {
      // A top-level change is listed once, above; here only what differs for this org.
      if (describe(key, was[key], now[key]) !== null && describe(key, was[key], orgWas[key]) === null)
        continue;
      const line = describe(key, orgWas[key], orgNow[key]);
      if (line !== null) lines.push(`for org ${org}: ${line}`);
    }
  }
  if (before === null && lines.length === 1) {
    lines[0] = `policy.yml is new and sets no rules: only the default max_changes of ${DEFAULT_MAX_CHANGES} applies`;
  }
  if (lines.length === 0) lines.push('policy.yml changed only in comments or layout: the rules are the same');
  return lines;
}
