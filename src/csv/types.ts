// The values that reading and validating the imports produce. Every later stage (plan, apply,
// invite, render) consumes these and nothing rawer.

export type Severity = 'error' | 'warning';

/** One problem found in the input, pinned to the place a person must fix it. */
export interface Finding {
  severity: Severity;
  /** Path of the file as given on the command line joined with the batch path, e.g. `imports/cs/people.csv`. */
  file: string;
  /** 1-based physical line where the record starts; 1 for file-level findings. */
  line: number;
  /** Header name of the cell (canonical name, e.g. `roles_divisions`), or null for row- or file-level findings. */
  column: string | null;
  /** Stable kebab-case identifier, e.g. `invalid-email`. */
  code: string;
  message: string;
}

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
}
