// What `gc-onboard init` writes into a team's repository, decided without touching the disk: the
// templates with their placeholders filled, which files to write and which to leave, the .gitignore
// lines to add, and the report with the next steps. (Pure: init.ts does the reading and writing.)

/** The stages the multi-org workflows run (csv/orgs.ts MAX_STAGES; init imports nothing). */
const MAX_STAGES = 3;

/** Values the templates' placeholders take. */
export interface InitContext {
  /** `owner/repo@vN` for `uses:`. */
  actionRef: string;
  docsUrl: string;
  /** Today as YYYY-MM-DD: the example batch's training day is set from it. */
  today: string;
}

const PLACEHOLDERS = {
  __GC_ONBOARD_ACTION__: (context: InitContext) => context.actionRef,
  __GC_ONBOARD_DOCS__: (context: InitContext) => context.docsUrl,
  __TRAINING_DAY__: (context: InitContext) => trainingDayAfter(context.today),
} as const;

/** Any placeholder, known or not: a test checks that none is left in what init writes. */
export const PLACEHOLDER = /__[A-Z][A-Z_]*__/g;

/**
 * The Monday at least 14 days after `today`: far enough ahead that the example is a plausible
 * batch when it is copied, so its preview shows no "training day in the past" warning.
 */
export function trainingDayAfter(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 14);
  date.setUTCDate(date.getUTCDate() + ((8 - date.getUTCDay()) % 7));
  return date.toISOString().slice(0, 10);
}

/** Keys of the templates that replace the one-org ones when init is asked for several orgs. */
export const ORG_TEMPLATE_PREFIX = '(orgs)/';

/**
 * The templates of a repository with one org, or with the orgs named (init --orgs a,b): the
 * multi-org workflows in place of the one-org ones, and an imports/orgs.yml naming the orgs in
 * promotion order (each after the one before).
 */
export function templatesFor(
  templates: Readonly<Record<string, string>>,
  orgs: readonly string[] = [],
): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const [file, text] of Object.entries(templates)) {
    if (!file.startsWith(ORG_TEMPLATE_PREFIX)) chosen[file] = text;
  }
  if (orgs.length === 0) return chosen;
  for (const [file, text] of Object.entries(templates)) {
    if (file.startsWith(ORG_TEMPLATE_PREFIX)) chosen[file.slice(ORG_TEMPLATE_PREFIX.length)] = text;
  }
  chosen['imports/orgs.yml'] = orgsYml(orgs);
  return chosen;
}

/** orgs.yml for these orgs, each promoted after the one before it. */
export function orgsYml(orgs: readonly string[]): string {
  const entries = orgs.flatMap((org, index) => [
    `  ${org}:`,
    `    environment: genesys-${org}`,
    '    # preview_environment: genesys-' + org + '-read  # a read-only client for the preview and drift',
    '    # region: us-east-1',
    '    # timezone: America/New_York',
    '    # role_grant_page: 100  # people per role grant call: what gc-onboard probe measured',
    // At most three stages: every org past the third waits for the second, beside the third.
    ...(index > 0 ? [`    after: ${orgs[Math.min(index - 1, MAX_STAGES - 2)]}`] : []),
    // Set from the start: the guard against an environment that holds (or inherits) another org's secrets.
    `    genesys_org: ${org}-org-name # its name in Genesys Cloud (Admin > Organization): checked before every run`,
  ]);
  return [
    '# The Genesys Cloud orgs this repository onboards into, in promotion order. A batch goes to every',
    "# org unless its batch.yml says which (orgs: [test]). Each org's jobs run in its GitHub",
    "# Environment, which holds that org's GENESYSCLOUD_OAUTHCLIENT_ID and _SECRET secrets.",
    '# Keys: environment, preview_environment, region or api_url, timezone, after, genesys_org,',
    '# role_grant_page.',
    '# Docs: __GC_ONBOARD_DOCS__',
    'orgs:',
    ...entries,
    '',
  ].join('\n');
}

/** Every template with its placeholders filled in. */
export function renderTemplates(
  templates: Readonly<Record<string, string>>,
  context: InitContext,
): Record<string, string> {
  const rendered: Record<string, string> = {};
  for (const [file, text] of Object.entries(templates)) {
    rendered[file] = text.replace(PLACEHOLDER, (name) =>
      name in PLACEHOLDERS ? PLACEHOLDERS[name as keyof typeof PLACEHOLDERS](context) : name,
    );
  }
  return rendered;
}

/** Results, plans and exports hold people's names and emails: they belong in artifacts, not in git. */
export const GITIGNORE_COMMENT =
  "# gc-onboard: results, plans and exports hold people's names and emails; keep them out of git.";
export const GITIGNORE_LINES = [
  'gc-onboard-*.json',
  'gc-onboard-*.csv',
  // Anchored: a batch folder imports/export/ must stay tracked.
  '/export/',
] as const;

export type GitignoreChange =
  | { kind: 'create'; content: string }
  | { kind: 'append'; addition: string; lines: string[] }
  | { kind: 'keep' };

/** The lines a .gitignore lacks, appended once (a second init finds them and adds nothing). */
export function gitignoreChange(current: string | null): GitignoreChange {
  const body = [GITIGNORE_COMMENT, ...GITIGNORE_LINES].join('\n') + '\n';
  if (current === null) return { kind: 'create', content: body };
  const present = new Set(current.split(/\r?\n/).map((line) => line.trim()));
  const missing = GITIGNORE_LINES.filter((line) => !present.has(line));
  if (missing.length === 0) return { kind: 'keep' };
  const lines = present.has(GITIGNORE_COMMENT) ? missing : [GITIGNORE_COMMENT, ...missing];
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  return { kind: 'append', addition: `${separator}${lines.join('\n')}\n`, lines: missing };
}

export interface InitPlan {
  /** Files to create, in path order. */
  write: { path: string; content: string }[];
  /** Files that exist already: never overwritten. */
  left: string[];
  gitignore: GitignoreChange;
}

/**
 * @param files target path → content (POSIX paths relative to the repository)
 * @param existing the target paths that exist already (file, folder or anything else)
 * @param gitignore the current .gitignore, or null when there is none
 */
export function planInit(
  files: Readonly<Record<string, string>>,
  existing: ReadonlySet<string>,
  gitignore: string | null,
): InitPlan {
  const paths = Object.keys(files).sort();
  return {
    write: paths.filter((file) => !existing.has(file)).map((file) => ({ path: file, content: files[file]! })),
    left: paths.filter((file) => existing.has(file)),
    gitignore: gitignoreChange(gitignore),
  };
}

export interface ReportOptions {
  /** The folder as the user named it. */
  dir: string;
  /** Whether this CLI has `doctor` yet: the third step says to run it, or that it is coming. */
  doctorAvailable: boolean;
  /** Files that appeared between planning and writing (left as they were too). */
  raced?: readonly string[];
  /** init --orgs: the orgs orgs.yml names. */
  orgs?: readonly string[];
}

/** What init did, then the three things a team does next. */
export function renderInitReport(plan: InitPlan, options: ReportOptions): string {
  const out: string[] = [`gc-onboard init in ${options.dir}`, ''];
  const raced = new Set(options.raced ?? []);
  for (const file of plan.write) if (!raced.has(file.path)) out.push(`wrote ${file.path}`);
  if (plan.gitignore.kind === 'create') out.push('wrote .gitignore');
  if (plan.gitignore.kind === 'append') out.push(`added to .gitignore: ${plan.gitignore.lines.join(', ')}`);
  for (const file of [...plan.left, ...raced].sort()) out.push(`left as it was: ${file}`);
  if (plan.gitignore.kind === 'keep') out.push('left as it was: .gitignore (it has the gc-onboard lines)');
  const orgs = options.orgs ?? [];
  out.push('', 'Next steps:', ...(orgs.length > 0 ? orgSteps(orgs) : nextSteps(options.doctorAvailable)), '');
  return out.join('\n');
}

/** The first steps of a repository with several orgs: one environment per org (docs/orgs.md). */
const orgSteps = (orgs: readonly string[]) => [
  `1. Orgs. imports/orgs.yml names ${orgs.join(', ')}, each promoted after the one before: set each`,
  "   one's region and time zone there, and genesys_org (the org's name) to guard against secrets",
  '   of the wrong org.',
  '2. Environments. Settings > Environments: for each org an environment genesys-<org> with the',
  '   secrets GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET of an OAuth client of',
  "   that org (the permissions are in the docs). Protect the last org's environment: deployment",
  '   branch main, required reviewers. A read-only client in a preview_environment lets pull',
  '   requests preview that org too; without one its preview is validated offline.',
  '3. Check, then try. Run the Doctor workflow by hand (every org), or locally',
  `   \`npx gc-onboard doctor --org ${orgs[0]}\` with that org's GENESYSCLOUD_* values. Then copy`,
  '   imports/_example to imports/<department> and open a pull request: the preview shows a',
  '   section per org, and merging applies org by org.',
];

const nextSteps = (doctorAvailable: boolean) => [
  '1. Secrets. In Genesys Cloud, Admin > Integrations > OAuth: add a Client Credentials client with a',
  '   role that may view, add and edit users, grant roles, add locations, manage queue members,',
  '   assign skills and manage WebRTC phones (telephony:plugin:all), in every division your batches',
  '   use ("Setting up a new org" in the docs lists each permission). In GitHub, Settings > Secrets',
  '   and variables > Actions:',
  '   - environment genesys-production (apply.yml, training-day.yml): secrets',
  '     GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET of that client;',
  '   - repository secrets with the same two names for preview.yml and drift.yml, ideally a second',
  '     client with the view permissions only (a preview and the weekly drift report only read);',
  '   - repository variable GENESYSCLOUD_REGION (e.g. eu-west-1 or mypurecloud.ie); optional',
  '     GC_ONBOARD_TIMEZONE (the IANA zone whose "today" is the training day).',
  '2. Environment. Settings > Environments > New environment "genesys-production", before the first',
  '   merge (otherwise GitHub creates it unprotected): deployment branches "main" only, and required',
  '   reviewers who approve each apply (public repositories, or GitHub Enterprise for private ones).',
  ...(doctorAvailable
    ? [
        '3. Check, then try. With the three GENESYSCLOUD_* values in your environment run',
        '   `npx gc-onboard doctor`: it checks the login, the permissions per division and the names',
        '   your batches use (or run the Doctor workflow by hand: it checks the OAuth client of',
        '   genesys-production).',
      ]
    : [
        '3. Check, then try. `gc-onboard doctor` (login, permissions per division, names) is coming;',
        '   until then `npx gc-onboard plan` with the three GENESYSCLOUD_* values in your environment',
        '   checks the login and only reads.',
      ]),
  '   Then copy imports/_example to imports/<department>, put your people in it, run',
  '   `npx gc-onboard validate` and open a pull request: the gc-onboard preview comments with every',
  '   change, and merging applies it.',
];
