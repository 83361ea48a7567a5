// The values that reading and validating the imports produce. Every later stage (plan, apply,
// invite, render) consumes these and nothing rawer. `Finding` lives in findings.ts, with its helpers.

import type { Finding } from './findings.js';

/** `role:[division]`; a role given without brackets has an empty `divisions` list (granted in the home division). */
export interface RoleGrant {
  role: string;
  divisions: string[];
}

export interface SkillLevel {
  skill: string;
  /** 0–5, as the API takes it. */
  proficiency: number;
}

/**
 * One people.csv record. For the clearing columns (phone_work, extension, title, department) a blank
 * cell is `''` (clear the value) and a column missing from the header is `undefined` (leave it).
 * For the leaving columns a blank cell and a missing column are both `undefined` / empty lists.
 */
export interface PersonRow {
  batch: string;
  file: string;
  line: number;
  name: string;
  /** As written in the file (trimmed). Compare with `emailKey`. */
  email: string;
  /** Lower-cased email: the identity of a person across files and the org. */
  emailKey: string;
  phoneWork?: string;
  extension?: string;
  title?: string;
  department?: string;
  managerEmail?: string;
  location?: string;
  roles: RoleGrant[];
  queues: string[];
  division?: string;
  skills: SkillLevel[];
  hireDate?: string;
}

/** One phones.csv record after blanks were filled from the person's name and batch.yml `phone_defaults`. */
export interface PhoneRow {
  batch: string;
  file: string;
  line: number;
  /** Phone name; a blank cell becomes the person's name from the same batch's people.csv. */
  name: string;
  baseSettings: string;
  site: string;
  email: string;
  emailKey: string;
  /** True when the email is a person in the same batch's people.csv; otherwise plan checks the org. */
  personInBatch: boolean;
}

export interface BatchConfig {
  /** YYYY-MM-DD, when the batch's people are invited. */
  trainingDay?: string;
  /** Like the UI's "update existing people" box; false turns every update into a skip. */
  updateExisting: boolean;
  phoneDefaults: { baseSettings?: string; site?: string };
  /** The batch.yml line of each phone default that is set, so that a problem with it points there. */
  phoneDefaultLines?: { baseSettings?: number; site?: number };
  /** The orgs (orgs.yml) this batch goes to; absent: every org. */
  orgs?: string[];
}

export interface Batch {
  /** Folder name under imports/. */
  name: string;
  /** Folder path as given on the command line joined with the batch name, e.g. `imports/cs`. */
  dir: string;
  config: BatchConfig;
  /** Paths of the files that exist, in the same form as `Finding.file`. */
  files: { people?: string; phones?: string; batch?: string };
  people: PersonRow[];
  phones: PhoneRow[];
}

/** What reading a whole imports/ folder gives: the batches (rows with errors left out) and every finding. */
export interface ImportSet {
  /** The imports folder as given. */
  root: string;
  batches: Batch[];
  findings: Finding[];
  /** imports/orgs.yml, when there is one (null: it has errors, see findings). */
  orgs?: OrgsConfig | null;
}

// imports/orgs.yml (csv/orgs.ts reads it).

export interface OrgSpec {
  name: string;
  /** The GitHub Environment whose secrets the apply, invite and drift jobs use (default: the org's name). */
  environment: string;
  /** The environment the preview (plan) job uses: a read-only client without branch rules (default: `environment`). */
  previewEnvironment: string;
  /** GENESYSCLOUD_REGION for this org (`us-east-1`, `mypurecloud.ie`), when the file names it. */
  region?: string;
  /** GENESYSCLOUD_API_REGION for this org (an API base URL), when the file names it. */
  apiUrl?: string;
  /** IANA time zone that decides "today" for this org's training days. */
  timezone: string;
  /** Orgs whose apply must succeed before this one's. */
  after: string[];
  /** The org's name or id as GET /api/v2/organizations/me gives it: a run whose credentials reach another org stops. */
  genesysOrg?: string;
  /** Subjects per bulk role grant call in this org (GC_ONBOARD_ROLE_GRANT_PAGE when the environment has none). */
  roleGrantPage?: number;
  /** 1 for orgs that wait for none, else one more than the latest org they wait for. */
  stage: number;
}

export interface OrgsConfig {
  /** The file as given, for messages. */
  file: string;
  /** In promotion order: by stage, then as written. */
  orgs: OrgSpec[];
}
