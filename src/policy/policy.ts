// imports/policy.yml: the team's guardrails (who may be granted what, and how much one change may
// touch). Reading it is pure: text in, a Policy and findings at the key's or entry's line out.

import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { finding, quote, type Finding } from '../csv/findings.js';
import { didYouMeanSuffix } from '../csv/suggest.js';
import { readYaml } from '../csv/yaml.js';

export const POLICY_KEYS = [
  'allowed_email_domains',
  'allowed_roles',
  'forbidden_roles',
  'allowed_divisions',
  'privileged_roles',
  'max_changes',
  'override_label',
  'reinvite_expired',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

export type ListKey = Extract<
  PolicyKey,
  'allowed_email_domains' | 'allowed_roles' | 'forbidden_roles' | 'allowed_divisions' | 'privileged_roles'
>;

/** The most rows (people and phones) one change may create or update when policy.yml does not say. */
export const DEFAULT_MAX_CHANGES = 500;

/** One list entry as written, with its line so that findings about it point at it. */
export interface PolicyEntry {
  value: string;
  line: number;
}

/**
 * The guardrails. A list that is null is not set (no rule); an empty list allows nothing.
 * Plain JSON data, like the Plan.
 */
export interface Policy {
  /** Lower-cased, without a leading @; `*.example.org` allows any subdomain of example.org. */
  allowedEmailDomains: PolicyEntry[] | null;
  allowedRoles: PolicyEntry[] | null;
  forbiddenRoles: PolicyEntry[] | null;
  allowedDivisions: PolicyEntry[] | null;
  privilegedRoles: PolicyEntry[];
  maxChanges: number;
  /** A pull-request label that lifts max_changes (compared ignoring case, as GitHub does). */
  overrideLabel: string | null;
  /** The training-day run also re-sends invitations that expired (sent over 30 days ago, never logged in). */
  reinviteExpired: boolean;
  /** 1-based line of each key the file sets. */
  lines: Partial<Record<PolicyKey, number>>;
  /** The orgs the file's `orgs:` section names (orgs.yml's names), each at its line; absent when it has none. */
  orgNames?: PolicyEntry[];
}

/** No policy file: no rules but the default max_changes. */
export const DEFAULT_POLICY: Policy = {
  allowedEmailDomains: null,
  allowedRoles: null,
  forbiddenRoles: null,
  allowedDivisions: null,
  privilegedRoles: [],
  maxChanges: DEFAULT_MAX_CHANGES,
  overrideLabel: null,
  reinviteExpired: false,
  lines: {},
};

const DOMAIN = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/** An email domain as people write it: `Northfield.EDU`, `@northfield.edu`. */
const Domain = z
  .string()
  .transform((value) => value.trim().toLowerCase().replace(/^@/, ''))
  .pipe(z.string().regex(DOMAIN));
/** Role and division names; a number such as `2024` is a name too. */
const Name = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1));
const MaxChanges = z.number().int().positive().nullish();
/** GitHub label names are at most 50 characters. */
const Label = z.string().trim().min(1).max(50).nullish();

const LIST_ITEM: Record<ListKey, { schema: z.ZodType<string, unknown>; what: string; example: string }> = {
  allowed_email_domains: {
    schema: Domain,
    what: 'an email domain',
    example: 'write the part after the @, e.g. northfield.edu (or *.northfield.edu for its subdomains)',
  },
  allowed_roles: { schema: Name, what: 'a role name', example: 'e.g. employee' },
  forbidden_roles: { schema: Name, what: 'a role name', example: 'e.g. Master Admin' },
  allowed_divisions: { schema: Name, what: 'a division name', example: 'e.g. Student Services' },
  privileged_roles: { schema: Name, what: 'a role name', example: 'e.g. PureCloud Supervisor' },
};

const isListKey = (key: string): key is ListKey => key in LIST_ITEM;
const isPolicyKey = (key: string): key is PolicyKey => (POLICY_KEYS as readonly string[]).includes(key);

/** A YAML value as it appears in a message. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  return quote(typeof value === 'string' ? value : JSON.stringify(value));
}

/** How a reader of policy.yml turns a node into its line and its plain value. */
interface Nodes {
  lineOf: (node: Node | null | undefined, fallback?: number) => number;
  plain: (node: Node) => unknown;
  doc: Document;
}

/**
 * With several orgs (orgs.yml), `orgs:` holds a section per org with any of the keys above, which
 * replace the top-level ones for that org: `org` picks the section to apply (none: the top level).
 * Every section is checked whatever `org` is, so validate reports a mistake in any of them.
 */
export function parsePolicy(
  content: string,
  file: string,
  org?: string,
): { policy: Policy | null; findings: Finding[] } {
  // The size, alias and syntax limits every YAML file of the imports has (the base branch's too).
  const read = readYaml(content, file, 'policy.yml');
  if ('finding' in read) return { policy: null, findings: [read.finding] };
  const { doc, lines } = read;
  const root = doc.contents;
  // An empty file (or only comments) sets nothing.
  if (root === null || (isScalar(root) && root.value === null))
    return { policy: DEFAULT_POLICY, findings: [] };
  const nodes: Nodes = {
    lineOf: (node, fallback = 1) => (node?.range ? lines.linePos(node.range[0]).line : fallback),
    // toJS with the document resolves aliases (bare toJSON would throw on one).
    plain: (node): unknown => node.toJS(doc),
    doc,
  };
  if (!isMap(root)) {
    return {
      policy: null,
      findings: [
        finding(file, nodes.lineOf(root), null, {
          code: 'invalid-policy',
          message: 'policy.yml must hold "key: value" lines such as max_changes: 500.',
        }),
      ],
    };
  }
  const findings: Finding[] = [];
  const policy: Policy = { ...DEFAULT_POLICY, lines: {} };
  let orgSections: { node: Node | null; line: number } | null = null;
  for (const pair of root.items) {
    const keyNode = isScalar(pair.key) ? pair.key : null;
    const key =
      typeof keyNode?.value === 'string'
        ? keyNode.value
        : (JSON.stringify(pair.key ? nodes.plain(pair.key) : null) ?? '');
    // An alias (`*name`) stands for the node it names.
    const valueNode = isAlias(pair.value)
      ? (pair.value.resolve(doc) ?? null)
      : ((pair.value ?? null) as Node | null);
    if (key === ORGS_KEY) orgSections = { node: valueNode, line: nodes.lineOf(keyNode) };
    else readKey(policy, { key, line: nodes.lineOf(keyNode), valueNode, file }, nodes, findings);
  }
  // After the top level, so that an org's section replaces what the top level says for that org.
  if (orgSections) readOrgSections(policy, { ...orgSections, file, org }, nodes, findings);
  findings.push(...conflictingKeys(policy, file));
  findings.sort((a, b) => a.line - b.line);
  return { policy, findings };
}

/** The key of the per-org sections. */
const ORGS_KEY = 'orgs';

/** `orgs:` with one map per org: each is read (and checked); only `at.org`'s goes into `policy`. */
function readOrgSections(
  policy: Policy,
  at: { node: Node | null; line: number; file: string; org: string | undefined },
  nodes: Nodes,
  findings: Finding[],
): void {
  const bad = (line: number, message: string) =>
    findings.push(finding(at.file, line, ORGS_KEY, { code: 'invalid-value', message }));
  if (!isMap(at.node)) {
    bad(
      at.line,
      'orgs must hold one section per org (its name from orgs.yml, then indented keys such as max_changes: 50).',
    );
    return;
  }
  policy.orgNames = [];
  for (const section of at.node.items) {
    const name = isScalar(section.key) ? String(section.key.value) : '';
    const line = nodes.lineOf(section.key as Node | null, at.line);
    policy.orgNames.push({ value: name, line });
    const body = (section.value ?? null) as Node | null;
    if (!isMap(body)) {
      bad(line, `orgs.${name} must hold indented "key: value" lines, e.g. max_changes: 50.`);
      continue;
    }
    // Another org's section is read into a scratch policy: checked, never applied.
    const target = name === at.org ? policy : { ...DEFAULT_POLICY, lines: {} };
    for (const pair of body.items) {
      const keyNode = isScalar(pair.key) ? pair.key : null;
      const key = typeof keyNode?.value === 'string' ? keyNode.value : '';
      const valueNode = isAlias(pair.value)
        ? (pair.value.resolve(nodes.doc) ?? null)
        : ((pair.value ?? null) as Node | null);
      readKey(target, { key, line: nodes.lineOf(keyNode, line), valueNode, file: at.file }, nodes, findings);
    }
  }
}

/** One `key: value` line into `policy`; a finding for a key policy.yml does not have or a bad value. */
function readKey(
  policy: Policy,
  at: { key: string; line: number; valueNode: Node | null; file: string },
  nodes: Nodes,
  findings: Finding[],
): void {
  const { key, line, valueNode, file } = at;
  if (!isPolicyKey(key)) {
    findings.push(
      finding(file, line, key, {
        code: 'unknown-key',
        message: `${quote(key)} is not a policy.yml key${didYouMeanSuffix(key, POLICY_KEYS)}. Allowed keys: ${POLICY_KEYS.join(', ')}.`,
      }),
    );
    return;
  }
  policy.lines[key] = line;
  if (isListKey(key)) {
    const entries = readList(key, valueNode, line, file, nodes, findings);
    if (key === 'allowed_email_domains') policy.allowedEmailDomains = entries;
    else if (key === 'allowed_roles') policy.allowedRoles = entries;
    else if (key === 'forbidden_roles') policy.forbiddenRoles = entries;
    else if (key === 'allowed_divisions') policy.allowedDivisions = entries;
    else policy.privilegedRoles = entries ?? [];
    return;
  }
  const value: unknown = valueNode === null ? null : nodes.plain(valueNode);
  const problem = readValue(policy, key, value);
  if (problem !== null) findings.push(finding(file, line, key, { code: 'invalid-value', message: problem }));
}

/** max_changes, reinvite_expired or override_label into `policy`; the message when the value is bad. */
function readValue(policy: Policy, key: Exclude<PolicyKey, ListKey>, value: unknown): string | null {
  if (key === 'max_changes') {
    const parsed = MaxChanges.safeParse(value);
    if (parsed.success) policy.maxChanges = parsed.data ?? DEFAULT_MAX_CHANGES;
    return parsed.success
      ? null
      : `max_changes must be a whole number above 0, e.g. ${DEFAULT_MAX_CHANGES}; got ${shown(value)}. Until it is fixed the default ${DEFAULT_MAX_CHANGES} applies.`;
  }
  if (key === 'reinvite_expired') {
    if (value !== null && typeof value !== 'boolean')
      return `reinvite_expired must be true or false; got ${shown(value)}. Until it is fixed expired invitations are not re-sent.`;
    policy.reinviteExpired = value ?? false;
    return null;
  }
  const parsed = Label.safeParse(value);
  if (parsed.success) policy.overrideLabel = parsed.data ?? null;
  return parsed.success
    ? null
    : `override_label must be the name of a pull-request label (1 to 50 characters), e.g. large-import; got ${shown(value)}.`;
}

/** allowed_roles and forbidden_roles together: one of them must go (the later line is the finding). */
function conflictingKeys(policy: Policy, file: string): Finding[] {
  const allowedLine = policy.lines.allowed_roles;
  const forbiddenLine = policy.lines.forbidden_roles;
  if (allowedLine === undefined || forbiddenLine === undefined) return [];
  const [first, second] =
    allowedLine < forbiddenLine ? ['allowed_roles', 'forbidden_roles'] : ['forbidden_roles', 'allowed_roles'];
  return [
    finding(file, Math.max(allowedLine, forbiddenLine), second, {
      code: 'conflicting-keys',
      message: `Use allowed_roles or forbidden_roles, not both: ${first} is set on line ${Math.min(allowedLine, forbiddenLine)}. Remove one of them.`,
    }),
  ];
}

/** A list key's entries: a YAML list, or one bare value as a one-entry list; blank means empty. */
function readList(
  key: ListKey,
  node: Node | null,
  keyLine: number,
  file: string,
  nodes: Nodes,
  findings: Finding[],
): PolicyEntry[] | null {
  if (node === null || (isScalar(node) && node.value === null)) return [];
  const { schema, what, example } = LIST_ITEM[key];
  const items: Node[] = isSeq(node) ? (node.items as Node[]) : isScalar(node) ? [node] : [];
  if (!isSeq(node) && !isScalar(node)) {
    findings.push(
      finding(file, keyLine, key, {
        code: 'invalid-value',
        message: `${key} must be a list, one "- value" line each (${what}, ${example}).`,
      }),
    );
    return null;
  }
  const entries: PolicyEntry[] = [];
  for (const item of items) {
    const line = nodes.lineOf(item, keyLine);
    const raw = nodes.plain(item);
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      entries.push({ value: parsed.data, line });
      continue;
    }
    findings.push(
      finding(file, line, key, {
        code: 'invalid-value',
        message: `${shown(raw)} in ${key} is not ${what}; ${example}.`,
      }),
    );
  }
  return entries;
}
