// doctor's checks, decided from values read elsewhere (run.ts reads them): the OAuth client's
// permissions per mode and division, and the names the imports use against the org. Pure.
import type { ImportSet } from '../csv/types.js';
import { indexOrg, type NameLookup } from '../plan/lookup.js';
import { DEFAULT_PHONE_PERMISSION, permissionCovers, rolesGrant } from '../plan/permissions.js';
import type { Named, OrgSnapshot } from '../plan/snapshot.js';
import {
  ALL_DIVISIONS,
  denialOf,
  MODE_OPERATIONS,
  MODES,
  requirementOf,
  scopeOf,
  type DivisionScope,
  type HeldGrant,
  type Mode,
} from '../permissions/operations.js';

export type Mark = '✓' | '✗' | '!';

export interface DoctorLine {
  mark: Mark;
  text: string;
  /** For ✗: what to do, exactly. */
  fix?: string;
  /** A ✗ that plan or apply would meet: doctor exits 1. */
  blocks: boolean;
}

export const ok = (text: string): DoctorLine => ({ mark: '✓', text, blocks: false });
export const warn = (text: string, fix?: string): DoctorLine => ({
  mark: '!',
  text,
  blocks: false,
  ...(fix ? { fix } : {}),
});
export const fail = (text: string, fix: string, blocks = true): DoctorLine => ({
  mark: '✗',
  text,
  fix,
  blocks,
});

/** Modes whose gaps stop a merge: exit 1 when they lack something. */
const BLOCKING: ReadonlySet<Mode> = new Set(['plan', 'apply']);

export interface OrgRole {
  id: string;
  name: string;
  permissions: readonly string[] | null;
}

export interface PermissionInput {
  clientName: string;
  grants: readonly HeldGrant[];
  /** Every role of the org, to name one that grants what is missing. */
  roles: readonly OrgRole[];
  /** Division ids the imports' writes act in, per kind of write (see operations.ts). */
  scopes: Readonly<Record<DivisionScope, readonly string[]>>;
  divisionName: (id: string) => string;
  divisionAware: (permission: string) => boolean;
}

/** The permissions each mode needs, as the spec states them: an "any of" shows its first real choice
 * (not the legacy `admin`), and is left out when a permission the mode needs anyway satisfies it. */
export function neededPermissions(mode: Mode): string[] {
  const all = new Set<string>();
  const anyOf: string[][] = [];
  for (const key of MODE_OPERATIONS[mode]) {
    const requirement = requirementOf(key);
    if (!requirement || requirement.permissions.length === 0) continue;
    if (requirement.type === 'ANY' && requirement.permissions.length > 1)
      anyOf.push([...requirement.permissions]);
    else for (const p of requirement.permissions) all.add(p);
  }
  for (const choices of anyOf) {
    if (choices.some((p) => all.has(p))) continue;
    all.add(choices.find((p) => p.split(':').length === 3 && !p.endsWith(':admin')) ?? choices[0] ?? '');
  }
  return [...all].sort();
}

interface Gap {
  /** Several: any one of them would do. */
  permissions: string[];
  any: boolean;
  /** Where it is missing; empty: held nowhere and needed anywhere. */
  divisionIds: Set<string>;
  modes: Set<Mode>;
  calls: Set<string>;
}

/** A role that grants the permission: one the client holds already, else the narrowest. */
function roleFor(permission: string, input: PermissionInput): OrgRole | null {
  const held = new Set(input.grants.map((g) => g.roleId));
  const granting = input.roles.filter((role) =>
    (role.permissions ?? []).some((p) => permissionCovers(p, permission)),
  );
  const mine = granting.find((role) => held.has(role.id));
  if (mine) return mine;
  // How much a role grants: a wildcard segment counts ten times a named one.
  const breadth = (role: OrgRole) =>
    (role.permissions ?? []).reduce((sum, p) => sum + 10 ** p.split(':').filter((x) => x === '*').length, 0);
  return [...granting].sort((a, b) => breadth(a) - breadth(b) || a.name.localeCompare(b.name))[0] ?? null;
}

/** The calls that need it: two named, the rest counted (one screen). */
const callList = (calls: string[]) =>
  calls.length <= 2 ? calls.join(', ') : `${calls.slice(0, 2).join(', ')} and ${calls.length - 2} more`;

function gapLine(gap: Gap, input: PermissionInput): DoctorLine {
  const modes = MODES.filter((m) => gap.modes.has(m));
  const what = gap.any ? `one of ${gap.permissions.join(', ')}` : gap.permissions.join(', ');
  const names = [...gap.divisionIds].map((id) => `'${input.divisionName(id)}'`).sort();
  const where = names.length === 0 ? '' : ` in division${names.length === 1 ? '' : 's'} ${names.join(', ')}`;
  const text = `${modes.join(', ')}: the OAuth client lacks ${what}${where} (${callList([...gap.calls].sort())})`;
  // Name a role for a real choice, not the legacy `admin`.
  const permission =
    gap.permissions.find((p) => p.split(':').length === 3 && !p.endsWith(':admin')) ??
    gap.permissions[0] ??
    '';
  const role = roleFor(permission, input);
  const fix = role
    ? `give the OAuth client '${input.clientName}' the role '${role.name}'${where} (needs ${what})`
    : `add ${permission} to a role and give it to the OAuth client '${input.clientName}'${where}`;
  return fail(
    text,
    fix,
    modes.some((m) => BLOCKING.has(m)),
  );
}

/** One ✓ line per mode that holds everything, one ✗ line per missing permission and division. */
export function permissionLines(input: PermissionInput): DoctorLine[] {
  const gaps = new Map<string, Gap>();
  const complete = new Set<Mode>(MODES);
  for (const mode of MODES) {
    for (const key of MODE_OPERATIONS[mode]) {
      const requirement = requirementOf(key);
      if (!requirement) continue;
      const scope = scopeOf(key);
      const divisions = scope === null ? [null] : input.scopes[scope];
      for (const divisionId of divisions) {
        const denial = denialOf(
          requirement,
          input.grants,
          divisionId === null ? null : [divisionId],
          input.divisionAware,
        );
        if (!denial) continue;
        complete.delete(mode);
        // Held nowhere, but needed in this division: name the division in the fix.
        const at =
          denial.divisionId ??
          (divisionId !== null && denial.permissions.some((p) => input.divisionAware(p)) ? divisionId : null);
        const id = denial.permissions.join(',');
        const gap = gaps.get(id) ?? {
          permissions: denial.permissions,
          any: denial.code === 'missing.any.permissions',
          divisionIds: new Set<string>(),
          modes: new Set<Mode>(),
          calls: new Set<string>(),
        };
        if (at !== null) gap.divisionIds.add(at);
        gap.modes.add(mode);
        gap.calls.add(key);
        gaps.set(id, gap);
      }
    }
  }
  const lines: DoctorLine[] = [];
  for (const mode of MODES) {
    if (!complete.has(mode)) continue;
    const where = mode === 'apply' || mode === 'invite' ? ' in every division the imports use' : '';
    lines.push(ok(`${mode}: holds ${neededPermissions(mode).join(', ')}${where}`));
  }
  for (const gap of gaps.values()) lines.push(gapLine(gap, input));
  return lines;
}

/** "Master Admin in all divisions; Telephony Admin in Home" */
export function describeGrants(
  grants: readonly { roleId: string; divisionId: string }[],
  roleName: (id: string) => string,
  divisionName: (id: string) => string,
): string {
  const byRole = new Map<string, string[]>();
  for (const g of grants) {
    const list = byRole.get(g.roleId) ?? [];
    list.push(g.divisionId === ALL_DIVISIONS ? 'all divisions' : `'${divisionName(g.divisionId)}'`);
    byRole.set(g.roleId, list);
  }
  if (byRole.size === 0) return 'no roles';
  return [...byRole.entries()]
    .map(([roleId, divisions]) => `'${roleName(roleId)}' in ${divisions.join(', ')}`)
    .join('; ');
}

// ---------------------------------------------------------------------------------------------
// The imports against the org.

interface Use {
  name: string;
  /** `imports/cs/people.csv:4` */
  where: string;
}

function resolveLines(
  kind: string,
  uses: readonly Use[],
  lookup: NameLookup<Named>,
  missing: 'error' | 'new',
): DoctorLine[] {
  const byName = new Map<string, Use[]>();
  for (const use of uses) {
    const key = use.name.trim();
    if (key === '') continue;
    byName.set(key, [...(byName.get(key) ?? []), use]);
  }
  if (byName.size === 0) return [];
  const found: string[] = [];
  const lines: DoctorLine[] = [];
  for (const [name, at] of byName) {
    const item = lookup.find(name);
    if (item) {
      found.push(item.name);
      continue;
    }
    const where = `${at[0]?.where ?? ''}${at.length > 1 ? ` and ${at.length - 1} more` : ''}`;
    const suggestion = lookup.suggest(name);
    if (missing === 'new') {
      lines.push(
        warn(
          `${kind} '${name}' is not in the org: apply creates it (${where})${suggestion}`,
          suggestion ? 'if it is a typo, correct the name in the CSV' : undefined,
        ),
      );
    } else {
      lines.push(
        fail(
          `${kind} '${name}' is not in the org (${where})${suggestion}`,
          suggestion
            ? `correct the name in the CSV${suggestion}`
            : `create the ${kind} in Genesys Cloud or correct the name in the CSV`,
        ),
      );
    }
  }
  if (found.length > 0)
    lines.unshift(
      ok(
        `${found.length} ${found.length === 1 || kind.endsWith('s') ? kind : `${kind}s`} ${found.length === 1 ? 'resolves' : 'resolve'}: ${[...new Set(found)].sort().join(', ')}`,
      ),
    );
  return lines;
}

/** Every name the batches use resolves; every person with a phone gets a role with conversation:call:add. */
export function importLines(imports: ImportSet, snapshot: OrgSnapshot): DoctorLine[] {
  const org = indexOrg(snapshot);
  const at = (file: string, line: number) => `${file}:${line}`;
  const people = imports.batches.flatMap((b) => b.people);
  const phones = imports.batches.flatMap((b) => b.phones);
  const lines: DoctorLine[] = [
    ...resolveLines(
      'role',
      people.flatMap((p) => p.roles.map((r) => ({ name: r.role, where: at(p.file, p.line) }))),
      org.roles,
      'error',
    ),
    ...resolveLines(
      'division',
      people.flatMap((p) => [
        ...(p.division ? [{ name: p.division, where: at(p.file, p.line) }] : []),
        ...p.roles.flatMap((r) => r.divisions.map((d) => ({ name: d, where: at(p.file, p.line) }))),
      ]),
      org.divisions,
      'error',
    ),
    ...resolveLines(
      'queue',
      people.flatMap((p) => p.queues.map((q) => ({ name: q, where: at(p.file, p.line) }))),
      org.queues,
      'error',
    ),
    ...resolveLines(
      'skill',
      people.flatMap((p) => p.skills.map((s) => ({ name: s.skill, where: at(p.file, p.line) }))),
      org.skills,
      'error',
    ),
    ...resolveLines(
      'site',
      phones.map((p) => ({ name: p.site, where: at(p.file, p.line) })),
      org.sites,
      'error',
    ),
    ...resolveLines(
      'base settings',
      phones.map((p) => ({ name: p.baseSettings, where: at(p.file, p.line) })),
      org.baseSettings,
      'error',
    ),
    ...resolveLines(
      'location',
      people.flatMap((p) => (p.location ? [{ name: p.location, where: at(p.file, p.line) }] : [])),
      org.locations,
      'new',
    ),
  ];
  lines.push(...callingLines(imports, snapshot));
  return lines;
}

/** real-api.md §7: a default phone needs its person to hold conversation:call:add. */
function callingLines(imports: ImportSet, snapshot: OrgSnapshot): DoctorLine[] {
  const org = indexOrg(snapshot);
  const phones = imports.batches.flatMap((b) => b.phones);
  if (phones.length === 0) return [];
  if (!snapshot.roles.some((r) => (r.permissions?.length ?? 0) > 0)) {
    return [
      warn(
        `cannot check that people with a phone hold ${DEFAULT_PHONE_PERMISSION}: the org's roles listing gives no permissions`,
      ),
    ];
  }
  const granting = snapshot.roles
    .filter((r) => (r.permissions ?? []).some((p) => permissionCovers(p, DEFAULT_PHONE_PERMISSION)))
    .map((r) => r.name);
  const lines: DoctorLine[] = [];
  let holding = 0;
  for (const phone of phones) {
    const person = imports.batches.flatMap((b) => b.people).find((p) => p.emailKey === phone.emailKey);
    const fromCsv = (person?.roles ?? []).flatMap((r) => {
      const role = org.roles.find(r.role);
      return role ? [role.id] : [];
    });
    const match = org.users.match(phone.emailKey);
    const existing = match.kind === 'one' ? match.user.grants.map((g) => g.roleId) : [];
    if (rolesGrant(snapshot.roles, [...fromCsv, ...existing], DEFAULT_PHONE_PERMISSION)) {
      holding += 1;
      continue;
    }
    lines.push(
      fail(
        `${phone.email} gets a phone but no role with ${DEFAULT_PHONE_PERMISSION} (${phone.file}:${phone.line})`,
        `add a role that grants it to their roles_divisions in people.csv: ${granting.length > 0 ? granting.map((n) => `'${n}'`).join(', ') : `none in this org: give a role ${DEFAULT_PHONE_PERMISSION} first`}`,
      ),
    );
  }
  if (holding > 0)
    lines.unshift(
      ok(`${holding} ${holding === 1 ? 'person' : 'people'} with a phone hold ${DEFAULT_PHONE_PERMISSION}`),
    );
  return lines;
}

/** Division ids each kind of write acts in, from the imports (blank divisions are home). */
export function importScopes(
  imports: ImportSet,
  snapshot: OrgSnapshot,
  queueDivisions: ReadonlyMap<string, string>,
): Record<DivisionScope, string[]> {
  const org = indexOrg(snapshot);
  const home = snapshot.homeDivisionId;
  const divisionId = (name: string | undefined) => (name ? (org.divisions.find(name)?.id ?? null) : home);
  const user = new Set<string>();
  const grant = new Set<string>();
  const queue = new Set<string>();
  for (const person of imports.batches.flatMap((b) => b.people)) {
    const target = divisionId(person.division);
    if (target) user.add(target);
    const match = org.users.match(person.emailKey);
    if (match.kind === 'one') user.add(match.user.divisionId);
    for (const r of person.roles) {
      const ids = r.divisions.length === 0 ? [home] : r.divisions.map((d) => divisionId(d));
      for (const id of ids) if (id) grant.add(id);
    }
    for (const q of person.queues) {
      const found = org.queues.find(q);
      const id = found ? queueDivisions.get(found.id) : undefined;
      if (id) queue.add(id);
    }
  }
  if (user.size === 0) user.add(home);
  const sorted = (s: Set<string>) => [...s].sort();
  return { user: sorted(user), grant: sorted(grant), queue: sorted(queue) };
}
