// imports/orgs.yml: the Genesys Cloud orgs a repository onboards into (a test org first, production
// after), each with the GitHub Environment that holds its secrets. Without the file there is one org,
// configured by the GENESYSCLOUD_* variables as always. Pure: parsing, checking, promotion order.

import type { Document, LineCounter } from 'yaml';
import { finding, quote, type Finding } from './findings.js';
import { didYouMeanSuffix } from './suggest.js';
import type { ImportSet, OrgSpec, OrgsConfig } from './types.js';
import { lineOfKey, readYaml } from './yaml.js';
import { isTimeZone, MAX_ROLE_GRANT_PAGE, roleGrantPageOf } from './cells.js';

export const ORGS_FILE = 'orgs.yml';

/**
 * The apply and preview workflows run the orgs in at most this many stages (test → staging →
 * production): GitHub Actions cannot build `needs` at run time, so each stage is a job of its own.
 */
export const MAX_STAGES = 3;

/** Org names appear in comment markers, artifact and job names: short, lower-case, no spaces. */
const ORG_NAME = /^[a-z][a-z0-9-]{0,29}$/;
export const isOrgName = (name: string) => ORG_NAME.test(name);

const ORG_KEYS = [
  'environment',
  'preview_environment',
  'region',
  'api_url',
  'timezone',
  'after',
  'genesys_org',
  'role_grant_page',
] as const;

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A YAML value that should be text: a string, or a number/boolean YAML read as one. */
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;

/** `after: test` or `after: [test, staging]`: the names, or null when the value is neither. */
export function nameList(value: unknown): string[] | null {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.map((item: string) => item.trim());
  return null;
}

interface Checking {
  file: string;
  doc: Document;
  lines: LineCounter;
  findings: Finding[];
}

function problem(at: Checking, path: string[], code: string, message: string): void {
  at.findings.push(finding(at.file, lineOfKey(at.doc, at.lines, path), path.join('.'), { code, message }));
}

/** The entry's map, with a finding for a bad name, a value that is not a map, and each unknown key. */
function orgEntry(at: Checking, name: string, value: unknown): Raw {
  const path = ['orgs', name];
  if (!ORG_NAME.test(name)) {
    problem(
      at,
      path,
      'invalid-org-name',
      `Org name ${quote(name)} must start with a letter and hold only lower-case letters, digits and "-" (at most 30): it names jobs, artifacts and comment sections.`,
    );
  }
  if (value !== null && value !== undefined && !isRecord(value)) {
    problem(
      at,
      path,
      'invalid-value',
      `${name} must hold "key: value" lines such as environment: genesys-${name}.`,
    );
  }
  const entry = isRecord(value) ? value : {};
  for (const key of Object.keys(entry).filter((key) => !(ORG_KEYS as readonly string[]).includes(key))) {
    problem(
      at,
      [...path, key],
      'unknown-key',
      `${quote(key)} is not an orgs.yml key${didYouMeanSuffix(key, ORG_KEYS)}. Allowed for an org: ${ORG_KEYS.join(', ')}.`,
    );
  }
  return entry;
}

const API_URL = /^https:\/\/[^\s/]+\/?$|^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/;

/** Where the org is: a region or an API URL (not both), each checked. */
function placeOf(at: Checking, name: string, region: string | undefined, apiUrl: string | undefined) {
  const bad = (message: string) => problem(at, ['orgs', name, 'api_url'], 'invalid-value', message);
  if (region !== undefined && apiUrl !== undefined)
    bad(`${name} names both region and api_url; give one (api_url only for a proxy or the sandbox).`);
  if (apiUrl !== undefined && !API_URL.test(apiUrl))
    bad(
      `${name}.api_url ${quote(apiUrl)} must be an https:// base URL such as https://api.mypurecloud.ie (http only on loopback, for the sandbox).`,
    );
  return { ...(region !== undefined ? { region } : {}), ...(apiUrl !== undefined ? { apiUrl } : {}) };
}

/** One org's entry, checked key by key; the names in `after` are checked once every org is known. */
function readOrg(at: Checking, name: string, value: unknown): Omit<OrgSpec, 'stage'> {
  const entry = orgEntry(at, name, value);
  const textOf = (key: (typeof ORG_KEYS)[number]): string | undefined => {
    const raw = entry[key];
    if (raw === undefined || raw === null) return undefined;
    const read = text(raw);
    if (read === undefined) problem(at, ['orgs', name, key], 'invalid-value', `${name}.${key} must be text.`);
    return read === '' ? undefined : read;
  };
  const environment = textOf('environment') ?? name;
  const timezone = textOf('timezone') ?? 'UTC';
  if (!isTimeZone(timezone)) {
    problem(
      at,
      ['orgs', name, 'timezone'],
      'invalid-value',
      `${name}.timezone ${quote(timezone)} is not an IANA time zone such as America/New_York or UTC.`,
    );
  }
  const after = nameList(entry.after);
  if (after === null)
    problem(
      at,
      ['orgs', name, 'after'],
      'invalid-value',
      `${name}.after must be an org name or a list of them.`,
    );
  const genesysOrg = textOf('genesys_org');
  const roleGrantPage = pageOf(at, name, textOf('role_grant_page'));
  return {
    name,
    environment,
    previewEnvironment: textOf('preview_environment') ?? environment,
    ...placeOf(at, name, textOf('region'), textOf('api_url')),
    timezone,
    after: after ?? [],
    ...(genesysOrg !== undefined ? { genesysOrg } : {}),
    ...(roleGrantPage !== undefined ? { roleGrantPage } : {}),
  };
}

/** role_grant_page: subjects per bulk role grant call for this org, as `gc-onboard probe` measured it. */
function pageOf(at: Checking, name: string, written: string | undefined): number | undefined {
  if (written === undefined) return undefined;
  const page = roleGrantPageOf(written);
  if (page === null) {
    problem(
      at,
      ['orgs', name, 'role_grant_page'],
      'invalid-value',
      `${name}.role_grant_page ${quote(written)} must be a whole number of subjects per role grant call, 1 to ${MAX_ROLE_GRANT_PAGE} (what gc-onboard probe measured).`,
    );
  }
  return page ?? undefined;
}

/** Stages from `after`; an unknown name or a cycle is a finding (and the org is put in stage 1). */
function stagesOf(at: Checking, orgs: Array<Omit<OrgSpec, 'stage'>>): Map<string, number> {
  const byName = new Map(orgs.map((org) => [org.name, org]));
  for (const org of orgs) {
    for (const name of org.after) {
      if (name === org.name) {
        problem(at, ['orgs', org.name, 'after'], 'org-cycle', `${org.name} cannot come after itself.`);
      } else if (!byName.has(name)) {
        problem(
          at,
          ['orgs', org.name, 'after'],
          'unknown-org',
          `${org.name} comes after ${quote(name)}, which orgs.yml does not name${didYouMeanSuffix(name, byName.keys())}. Orgs: ${[...byName.keys()].join(', ')}.`,
        );
      }
    }
  }
  const stages = new Map<string, number>();
  const visiting = new Set<string>();
  const stageOf = (name: string, chain: string[]): number => {
    const known = stages.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) {
      const cycle = [...chain.slice(chain.indexOf(name)), name];
      problem(
        at,
        ['orgs', name, 'after'],
        'org-cycle',
        `The promotion order goes round in a circle (${cycle.join(' → ')}): one org must come first.`,
      );
      return 1;
    }
    visiting.add(name);
    const waits = (byName.get(name)?.after ?? []).filter((other) => other !== name && byName.has(other));
    const stage = 1 + Math.max(0, ...waits.map((other) => stageOf(other, [...chain, name])));
    visiting.delete(name);
    stages.set(name, stage);
    return stage;
  };
  for (const org of orgs) {
    if (stageOf(org.name, []) > MAX_STAGES) {
      problem(
        at,
        ['orgs', org.name, 'after'],
        'too-many-stages',
        `${org.name} would be stage ${stageOf(org.name, [])} of its promotion order; the workflows run at most ${MAX_STAGES} stages (e.g. test, staging, production). Let orgs of one stage wait for the same org.`,
      );
    }
  }
  return stages;
}

/** orgs.yml read and checked. `orgs` is null when the file is unusable (its findings say why). */
export function parseOrgs(
  content: Buffer | string,
  file: string,
): { orgs: OrgsConfig | null; findings: Finding[] } {
  const read = readYaml(content, file, ORGS_FILE);
  if ('finding' in read) return { orgs: null, findings: [read.finding] };
  const at: Checking = { file, doc: read.doc, lines: read.lines, findings: [] };
  const value = read.value;
  const top = isRecord(value) ? value : {};
  for (const key of Object.keys(top)) {
    if (key !== 'orgs') {
      problem(
        at,
        [key],
        'unknown-key',
        `${quote(key)} is not an orgs.yml key${didYouMeanSuffix(key, ['orgs'])}; the file holds orgs: and one entry per org under it.`,
      );
    }
  }
  if (!isRecord(top.orgs) || Object.keys(top.orgs).length === 0) {
    problem(
      at,
      isRecord(value) && 'orgs' in value ? ['orgs'] : [],
      'no-orgs',
      `${ORGS_FILE} names no org: write "orgs:" and under it one entry per org (e.g. test: and production: with after: test), or delete the file to use one org.`,
    );
    return { orgs: null, findings: at.findings };
  }
  const entries = Object.entries(top.orgs).map(([name, entry]) => readOrg(at, name, entry));
  // With several orgs, an environment missing its own secrets inherits the repository's: only the
  // genesys_org check then stops a job from reaching another org.
  for (const org of entries.length > 1 ? entries.filter((entry) => entry.genesysOrg === undefined) : []) {
    at.findings.push(
      finding(at.file, lineOfKey(at.doc, at.lines, ['orgs', org.name]), `orgs.${org.name}`, {
        severity: 'warning',
        code: 'no-genesys-org',
        message: `${org.name} has no genesys_org: set it to the org's name in Genesys Cloud, so that a job whose environment lacks ${org.name}'s secrets (and inherits the repository's) stops instead of reaching another org.`,
      }),
    );
  }
  const stages = stagesOf(at, entries);
  const orgs = entries
    .map((org, index) => ({ org: { ...org, stage: stages.get(org.name) ?? 1 }, index }))
    .sort((a, b) => a.org.stage - b.org.stage || a.index - b.index)
    .map(({ org }) => org);
  return {
    orgs: at.findings.some((f) => f.severity === 'error') ? null : { file, orgs },
    findings: at.findings,
  };
}

/**
 * The `orgs:` of a batch.yml checked against orgs.yml: every name known (did-you-mean), at least one.
 * `line` is the key's line in batch.yml.
 */
export function checkBatchOrgs(
  names: readonly string[],
  orgs: OrgsConfig | null | undefined,
  place: { file: string; line: number; batch: string },
): Finding[] {
  const at = (code: string, message: string) => finding(place.file, place.line, 'orgs', { code, message });
  if (orgs === undefined) {
    return [
      at(
        'no-orgs-file',
        `Batch ${quote(place.batch)} names orgs, but the imports folder has no ${ORGS_FILE}: add one that names them, or remove the orgs key (one org).`,
      ),
    ];
  }
  if (names.length === 0) {
    return [
      at(
        'batch-without-org',
        `Batch ${quote(place.batch)} names no org, so it would go nowhere: name at least one, or remove the orgs key to send it to every org.`,
      ),
    ];
  }
  return unknownOrgs(
    names.map((value) => ({ value, line: place.line })),
    orgs,
    { file: place.file, subject: `Batch ${quote(place.batch)} names org` },
  );
}

/**
 * `unknown-org` for each name orgs.yml does not have, with did-you-mean (`subject` begins the
 * message, e.g. `Batch "a" names org`). Nothing when orgs.yml is broken: its own findings say so.
 */
export function unknownOrgs(
  names: readonly { value: string; line: number }[],
  orgs: OrgsConfig | null,
  at: { file: string; subject: string },
): Finding[] {
  if (orgs === null) return [];
  const known = orgs.orgs.map((org) => org.name);
  return names
    .filter((name) => !known.includes(name.value))
    .map((name) =>
      finding(at.file, name.line, 'orgs', {
        code: 'unknown-org',
        message: `${at.subject} ${quote(name.value)}, which ${ORGS_FILE} does not name${didYouMeanSuffix(name.value, known)}. Orgs: ${known.join(', ')}.`,
      }),
    );
}

/** The org called `name`, or a message naming the orgs there are (with did-you-mean). */
export function findOrg(orgs: OrgsConfig, name: string): OrgSpec | string {
  const org = orgs.orgs.find((candidate) => candidate.name === name);
  if (org) return org;
  const names = orgs.orgs.map((candidate) => candidate.name);
  return `${ORGS_FILE} names no org ${quote(name)}${didYouMeanSuffix(name, names)}; its orgs: ${names.join(', ')}.`;
}

/** Does the batch go to this org? A batch without `orgs:` goes to every org. */
export function batchTargets(batchOrgs: readonly string[] | undefined, org: string): boolean {
  return batchOrgs === undefined || batchOrgs.includes(org);
}

/**
 * What goes to `org`: the batches that target it. Every finding stays, whichever batch it is about:
 * a conflict between two batches is reported at one of them only, and the repository is one state,
 * so an error anywhere blocks every org.
 */
export function importsForOrg(imports: ImportSet, org: string | undefined): ImportSet {
  if (org === undefined) return imports;
  const batches = imports.batches.filter((batch) => batchTargets(batch.config.orgs, org));
  return batches.length === imports.batches.length ? imports : { ...imports, batches };
}
