import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);
import {
  DEFAULT_BATCH_CONFIG,
  IDS_PER_CALL,
  PAGE_SIZE,
  PEOPLE_COLUMNS,
  PERSON_ACTION,
  PHONE_ACTION,
  PHONE_COLUMNS,
  applyImports,
  chooseOrg,
  collectFindings,
  countsLine,
  didYouMeanSuffix,
  driftImports,
  driftToJson,
  fatalLine,
  findingsToJson,
  findingsTotal,
  inviteImports,
  inviteToJson,
  invitesLine,
  isOrgName,
  isTooLarge,
  livePhones,
  nameLookup,
  needsAttention,
  openOrg,
  parsePeople,
  parsePhones,
  phonesPage,
  plainText,
  planHasErrors,
  planImports,
  planToJson,
  plural,
  progressPrinter,
  queueMemberships,
  readJudgingPolicy,
  readOrgs,
  readReviewedPlan,
  reinviteExpired,
  renderDriftMarkdown,
  renderDriftText,
  renderFindingsMarkdown,
  renderInviteText,
  renderSummary,
  rereadDropped,
  resultsToText,
  runDoctor,
  toBaseSettings,
  toNamed,
  toRoles,
  toSnapshotPhones,
  toSnapshotUser,
  todayIn,
  uniqueSorted,
  userGrants,
  validateImports,
  writeFileMaking,
  writeResults
} from "./chunks/chunk-KSG3MD4T.js";
import {
  GenesysApiError,
  secrets
} from "./chunks/chunk-A7RCRAU4.js";
import {
  pageAll
} from "./chunks/chunk-DCV3CL2U.js";
import {
  ConfigError,
  POOL_ENV_NAME,
  checkFormula,
  hasErrors,
  isCalendarDate,
  isTimeZone,
  parseQueues,
  parseRoles,
  parseSkills,
  quote
} from "./chunks/chunk-YRTHUKH5.js";
import {
  demoOrg,
  loadProfile,
  orgSandboxOptions,
  orgTagOf,
  profileToOptions,
  sandboxClients,
  startSandbox,
  startSandboxes
} from "./chunks/chunk-KLQJMSIT.js";
import "./chunks/chunk-462IHIBZ.js";
import "./chunks/chunk-O7LDPSYS.js";

// src/init/init.ts
import { constants } from "node:fs";
import { access, appendFile, lstat, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";

// package.json
var package_default = {
  name: "gc-onboard",
  version: "0.1.0",
  description: "Genesys Cloud onboarding as code: people and WebRTC phone CSVs reviewed in pull requests, applied on merge, invited on training day.",
  type: "module",
  license: "MIT",
  private: true,
  engines: {
    node: ">=20"
  },
  bin: {
    "gc-onboard": "bin/gc-onboard.js"
  },
  scripts: {
    build: "node scripts/build.mjs",
    typecheck: "tsc --noEmit",
    lint: "eslint .",
    check: "node scripts/check.mjs",
    format: "prettier --write .",
    "format:check": "prettier --check .",
    test: "node scripts/test.mjs",
    start: "npm run -s build && node bin/gc-onboard.js demo",
    bench: "node --import tsx bench/run.ts",
    soak: "node --import tsx bench/soak.ts",
    "local-action": "npx --yes @github/local-action@7.0.1 . src/main.ts .env.example"
  },
  dependencies: {
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "csv-parse": "^7.0.3",
    "libphonenumber-js": "^1.13.16",
    "markdown-table": "^3.1.0",
    "purecloud-platform-client-v2": "^262.0.0",
    yaml: "^2.9.1",
    zod: "^4.6.7"
  },
  devDependencies: {
    "@eslint/js": "^10.0.1",
    "@types/node": "^20.19.43",
    "@vitest/coverage-v8": "~4.1.12",
    ajv: "^8.20.0",
    esbuild: "^0.28.2",
    eslint: "^10.15.0",
    "eslint-config-prettier": "^10.1.8",
    prettier: "^3.10.1",
    tsx: "^4.23.15",
    typescript: "~5.9.3",
    "typescript-eslint": "^8.73.0",
    vitest: "~4.1.12"
  },
  overrides: {
    "content-type": "^2.1.0"
  }
};

// src/init/action-ref.ts
var ACTION_REPOSITORY = "gc-onboard/gc-onboard";
function majorOf(version) {
  const match = /^v?(\d+)\.\d+\.\d+/.exec(version);
  if (!match) throw new Error(`"${version}" is not a semantic version`);
  return Number(match[1]);
}
var ACTION_REF = `${ACTION_REPOSITORY}@v${majorOf(package_default.version)}`;
var DOCS_URL = `https://github.com/${ACTION_REPOSITORY}#readme`;

// src/init/plan.ts
var MAX_STAGES = 3;
var PLACEHOLDERS = {
  __GC_ONBOARD_ACTION__: (context) => context.actionRef,
  __GC_ONBOARD_DOCS__: (context) => context.docsUrl,
  __TRAINING_DAY__: (context) => trainingDayAfter(context.today)
};
var PLACEHOLDER = /__[A-Z][A-Z_]*__/g;
function trainingDayAfter(today) {
  const date = /* @__PURE__ */ new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 14);
  date.setUTCDate(date.getUTCDate() + (8 - date.getUTCDay()) % 7);
  return date.toISOString().slice(0, 10);
}
var ORG_TEMPLATE_PREFIX = "(orgs)/";
function templatesFor(templates, orgs = []) {
  const chosen = {};
  for (const [file, text] of Object.entries(templates)) {
    if (!file.startsWith(ORG_TEMPLATE_PREFIX)) chosen[file] = text;
  }
  if (orgs.length === 0) return chosen;
  for (const [file, text] of Object.entries(templates)) {
    if (file.startsWith(ORG_TEMPLATE_PREFIX)) chosen[file.slice(ORG_TEMPLATE_PREFIX.length)] = text;
  }
  chosen["imports/orgs.yml"] = orgsYml(orgs);
  return chosen;
}
function orgsYml(orgs) {
  const entries = orgs.flatMap((org, index) => [
    `  ${org}:`,
    `    environment: genesys-${org}`,
    "    # preview_environment: genesys-" + org + "-read  # a read-only client for the preview and drift",
    "    # region: us-east-1",
    "    # timezone: America/New_York",
    "    # role_grant_page: 100  # people per role grant call: what gc-onboard probe measured",
    // At most three stages: every org past the third waits for the second, beside the third.
    ...index > 0 ? [`    after: ${orgs[Math.min(index - 1, MAX_STAGES - 2)]}`] : [],
    // Set from the start: the guard against an environment that holds (or inherits) another org's secrets.
    `    genesys_org: ${org}-org-name # its name in Genesys Cloud (Admin > Organization): checked before every run`
  ]);
  return [
    "# The Genesys Cloud orgs this repository onboards into, in promotion order. A batch goes to every",
    "# org unless its batch.yml says which (orgs: [test]). Each org's jobs run in its GitHub",
    "# Environment, which holds that org's GENESYSCLOUD_OAUTHCLIENT_ID and _SECRET secrets.",
    "# Keys: environment, preview_environment, region or api_url, timezone, after, genesys_org,",
    "# role_grant_page.",
    "# Docs: __GC_ONBOARD_DOCS__",
    "orgs:",
    ...entries,
    ""
  ].join("\n");
}
function renderTemplates(templates, context) {
  const rendered = {};
  for (const [file, text] of Object.entries(templates)) {
    rendered[file] = text.replace(
      PLACEHOLDER,
      (name) => name in PLACEHOLDERS ? PLACEHOLDERS[name](context) : name
    );
  }
  return rendered;
}
var GITIGNORE_COMMENT = "# gc-onboard: results, plans and exports hold people's names and emails; keep them out of git.";
var GITIGNORE_LINES = [
  "gc-onboard-*.json",
  "gc-onboard-*.csv",
  // Anchored: a batch folder imports/export/ must stay tracked.
  "/export/"
];
function gitignoreChange(current) {
  const body = [GITIGNORE_COMMENT, ...GITIGNORE_LINES].join("\n") + "\n";
  if (current === null) return { kind: "create", content: body };
  const present = new Set(current.split(/\r?\n/).map((line) => line.trim()));
  const missing = GITIGNORE_LINES.filter((line) => !present.has(line));
  if (missing.length === 0) return { kind: "keep" };
  const lines = present.has(GITIGNORE_COMMENT) ? missing : [GITIGNORE_COMMENT, ...missing];
  const separator = current === "" || current.endsWith("\n") ? "" : "\n";
  return { kind: "append", addition: `${separator}${lines.join("\n")}
`, lines: missing };
}
function planInit(files, existing, gitignore) {
  const paths = Object.keys(files).sort();
  return {
    write: paths.filter((file) => !existing.has(file)).map((file) => ({ path: file, content: files[file] })),
    left: paths.filter((file) => existing.has(file)),
    gitignore: gitignoreChange(gitignore)
  };
}
function renderInitReport(plan, options2) {
  const out = [`gc-onboard init in ${options2.dir}`, ""];
  const raced = new Set(options2.raced ?? []);
  for (const file of plan.write) if (!raced.has(file.path)) out.push(`wrote ${file.path}`);
  if (plan.gitignore.kind === "create") out.push("wrote .gitignore");
  if (plan.gitignore.kind === "append") out.push(`added to .gitignore: ${plan.gitignore.lines.join(", ")}`);
  for (const file of [...plan.left, ...raced].sort()) out.push(`left as it was: ${file}`);
  if (plan.gitignore.kind === "keep") out.push("left as it was: .gitignore (it has the gc-onboard lines)");
  const orgs = options2.orgs ?? [];
  out.push("", "Next steps:", ...orgs.length > 0 ? orgSteps(orgs) : nextSteps(options2.doctorAvailable), "");
  return out.join("\n");
}
var orgSteps = (orgs) => [
  `1. Orgs. imports/orgs.yml names ${orgs.join(", ")}, each promoted after the one before: set each`,
  "   one's region and time zone there, and genesys_org (the org's name) to guard against secrets",
  "   of the wrong org.",
  "2. Environments. Settings > Environments: for each org an environment genesys-<org> with the",
  "   secrets GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET of an OAuth client of",
  "   that org (the permissions are in the docs). Protect the last org's environment: deployment",
  "   branch main, required reviewers. A read-only client in a preview_environment lets pull",
  "   requests preview that org too; without one its preview is validated offline.",
  "3. Check, then try. Run the Doctor workflow by hand (every org), or locally",
  `   \`npx gc-onboard doctor --org ${orgs[0]}\` with that org's GENESYSCLOUD_* values. Then copy`,
  "   imports/_example to imports/<department> and open a pull request: the preview shows a",
  "   section per org, and merging applies org by org."
];
var nextSteps = (doctorAvailable) => [
  "1. Secrets. In Genesys Cloud, Admin > Integrations > OAuth: add a Client Credentials client with a",
  "   role that may view, add and edit users, grant roles, add locations, manage queue members,",
  "   assign skills and manage WebRTC phones (telephony:plugin:all), in every division your batches",
  '   use ("Setting up a new org" in the docs lists each permission). In GitHub, Settings > Secrets',
  "   and variables > Actions:",
  "   - environment genesys-production (apply.yml, training-day.yml): secrets",
  "     GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET of that client;",
  "   - repository secrets with the same two names for preview.yml and drift.yml, ideally a second",
  "     client with the view permissions only (a preview and the weekly drift report only read);",
  "   - repository variable GENESYSCLOUD_REGION (e.g. eu-west-1 or mypurecloud.ie); optional",
  '     GC_ONBOARD_TIMEZONE (the IANA zone whose "today" is the training day).',
  '2. Environment. Settings > Environments > New environment "genesys-production", before the first',
  '   merge (otherwise GitHub creates it unprotected): deployment branches "main" only, and required',
  "   reviewers who approve each apply (public repositories, or GitHub Enterprise for private ones).",
  ...doctorAvailable ? [
    "3. Check, then try. With the three GENESYSCLOUD_* values in your environment run",
    "   `npx gc-onboard doctor`: it checks the login, the permissions per division and the names",
    "   your batches use (or run the Doctor workflow by hand: it checks the OAuth client of",
    "   genesys-production)."
  ] : [
    "3. Check, then try. `gc-onboard doctor` (login, permissions per division, names) is coming;",
    "   until then `npx gc-onboard plan` with the three GENESYSCLOUD_* values in your environment",
    "   checks the login and only reads."
  ],
  "   Then copy imports/_example to imports/<department>, put your people in it, run",
  "   `npx gc-onboard validate` and open a pull request: the gc-onboard preview comments with every",
  "   change, and merging applies it."
];

// src/init/templates.generated.ts
var TEMPLATES = {
  "(orgs)/.github/workflows/apply.yml": "# Apply on merge, org by org in the promotion order of imports/orgs.yml: stage 1 (orgs that come after\n# none, e.g. test), then stage 2 (e.g. production, after: test) only if every stage-1 org succeeded,\n# then stage 3. Each org's job runs in its environment: its secrets, and its protection rules\n# (required reviewers give a human gate before production). Every write is safe to repeat.\n# Written by `gc-onboard init --orgs`; docs: __GC_ONBOARD_DOCS__\nname: Apply\n\non:\n  push:\n    branches: [main]\n    paths:\n      - 'imports/**'\n  workflow_dispatch:\n    inputs:\n      reviewed:\n        description: 'A manual run comes from no pull request, so no preview was reviewed: none-required applies the plan as it is.'\n        type: choice\n        options: [required, none-required]\n        default: required\n\npermissions:\n  contents: read\n  # The merged pull request: its labels, the preview reviewers approved, and the results comments.\n  pull-requests: write\n\n# One lane for every run that writes to the orgs (this and training-day.yml).\nconcurrency:\n  group: gc-onboard-apply\n  queue: max\n\njobs:\n  orgs:\n    name: gc-onboard orgs\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    outputs:\n      stage1: ${{ steps.orgs.outputs.stage1 }}\n      stage2: ${{ steps.orgs.outputs.stage2 }}\n      stage3: ${{ steps.orgs.outputs.stage3 }}\n    steps:\n      - name: Refuse to apply a branch other than the default branch\n        if: github.event_name == 'workflow_dispatch' && github.ref != format('refs/heads/{0}', github.event.repository.default_branch)\n        env:\n          REF_NAME: ${{ github.ref_name }}\n          DEFAULT_BRANCH: ${{ github.event.repository.default_branch }}\n        run: |\n          echo \"::error title=Wrong branch::Apply only runs from $DEFAULT_BRANCH, not from $REF_NAME: merge the pull request instead.\"\n          exit 1\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          persist-credentials: false\n      - id: orgs\n        uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: orgs\n\n  stage1:\n    name: Apply to ${{ matrix.org }}\n    needs: orgs\n    if: ${{ needs.orgs.outputs.stage1 != '[]' }}\n    runs-on: ubuntu-latest\n    timeout-minutes: 60\n    environment: ${{ matrix.environment }}\n    strategy:\n      fail-fast: false\n      matrix:\n        include: ${{ fromJSON(needs.orgs.outputs.stage1) }}\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          persist-credentials: false\n          fetch-depth: 0\n      - uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: apply\n          org: ${{ matrix.org }}\n          genesys-client-id: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_ID }}\n          genesys-client-secret: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}\n          genesys-region: ${{ vars.GENESYSCLOUD_REGION }}\n          genesys-api-url: ${{ vars.GENESYSCLOUD_API_REGION }}\n          results-file: gc-onboard-results-${{ matrix.org }}.json\n          plan-file: gc-onboard-plan-${{ matrix.org }}.json\n          reviewed: ${{ inputs.reviewed || 'required' }}\n      - name: Upload the results\n        if: ${{ !cancelled() }}\n        uses: actions/upload-artifact@cf430e030ddbb5b0abf93d22962f4752f3646cd9 # v7.0.2\n        with:\n          name: gc-onboard-apply-${{ matrix.org }}-${{ github.run_id }}-${{ github.run_attempt }}\n          path: |\n            gc-onboard-results-${{ matrix.org }}.json\n            gc-onboard-results-${{ matrix.org }}.csv\n            gc-onboard-plan-${{ matrix.org }}.json\n          if-no-files-found: warn\n          retention-days: 90\n\n  stage2:\n    name: Apply to ${{ matrix.org }}\n    needs: [orgs, stage1]\n    # Only when every stage-1 org succeeded (a failure in test stops production), and there is a stage 2.\n    if: ${{ !failure() && !cancelled() && needs.orgs.outputs.stage2 != '[]' }}\n    runs-on: ubuntu-latest\n    timeout-minutes: 60\n    environment: ${{ matrix.environment }}\n    strategy:\n      fail-fast: false\n      matrix:\n        include: ${{ fromJSON(needs.orgs.outputs.stage2) }}\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          persist-credentials: false\n          fetch-depth: 0\n      - uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: apply\n          org: ${{ matrix.org }}\n          genesys-client-id: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_ID }}\n          genesys-client-secret: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}\n          genesys-region: ${{ vars.GENESYSCLOUD_REGION }}\n          genesys-api-url: ${{ vars.GENESYSCLOUD_API_REGION }}\n          results-file: gc-onboard-results-${{ matrix.org }}.json\n          plan-file: gc-onboard-plan-${{ matrix.org }}.json\n          reviewed: ${{ inputs.reviewed || 'required' }}\n      - name: Upload the results\n        if: ${{ !cancelled() }}\n        uses: actions/upload-artifact@cf430e030ddbb5b0abf93d22962f4752f3646cd9 # v7.0.2\n        with:\n          name: gc-onboard-apply-${{ matrix.org }}-${{ github.run_id }}-${{ github.run_attempt }}\n          path: |\n            gc-onboard-results-${{ matrix.org }}.json\n            gc-onboard-results-${{ matrix.org }}.csv\n            gc-onboard-plan-${{ matrix.org }}.json\n          if-no-files-found: warn\n          retention-days: 90\n\n  stage3:\n    name: Apply to ${{ matrix.org }}\n    needs: [orgs, stage2]\n    if: ${{ !failure() && !cancelled() && needs.orgs.outputs.stage3 != '[]' }}\n    runs-on: ubuntu-latest\n    timeout-minutes: 60\n    environment: ${{ matrix.environment }}\n    strategy:\n      fail-fast: false\n      matrix:\n        include: ${{ fromJSON(needs.orgs.outputs.stage3) }}\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          persist-credentials: false\n          fetch-depth: 0\n      - uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: apply\n          org: ${{ matrix.org }}\n          genesys-client-id: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_ID }}\n          genesys-client-secret: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}\n          genesys-region: ${{ vars.GENESYSCLOUD_REGION }}\n          genesys-api-url: ${{ vars.GENESYSCLOUD_API_REGION }}\n          results-file: gc-onboard-results-${{ matrix.org }}.json\n          plan-file: gc-onboard-plan-${{ matrix.org }}.json\n          reviewed: ${{ inputs.reviewed || 'required' }}\n      - name: Upload the results\n        if: ${{ !cancelled() }}\n        uses: actions/upload-artifact@cf430e030ddbb5b0abf93d22962f4752f3646cd9 # v7.0.2\n        with:\n          name: gc-onboard-apply-${{ matrix.org }}-${{ github.run_id }}-${{ github.run_attempt }}\n          path: |\n            gc-onboard-results-${{ matrix.org }}.json\n            gc-onboard-results-${{ matrix.org }}.csv\n            gc-onboard-plan-${{ matrix.org }}.json\n          if-no-files-found: warn\n          retention-days: 90\n",
  "(orgs)/.github/workflows/doctor.yml": "# Doctor, by hand, for every org in imports/orgs.yml: read-only checks of each org's connection, its\n# OAuth client's permissions (with the apply environment's secrets) and the names its batches use.\n# Written by `gc-onboard init --orgs`; docs: __GC_ONBOARD_DOCS__\nname: Doctor\n\non:\n  workflow_dispatch:\n\npermissions:\n  contents: read\n\njobs:\n  orgs:\n    name: gc-onboard orgs\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    outputs:\n      orgs: ${{ steps.orgs.outputs.orgs }}\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          persist-credentials: false\n      - id: orgs\n        uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: orgs\n\n  doctor:\n    name: gc-onboard doctor ${{ matrix.org }}\n    needs: orgs\n    if: ${{ needs.orgs.outputs.orgs != '[]' }}\n    environment: ${{ matrix.environment }}\n    strategy:\n      fail-fast: false\n      matrix:\n        include: ${{ fromJSON(needs.orgs.outputs.orgs) }}\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          persist-credentials: false\n      - uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: doctor\n          org: ${{ matrix.org }}\n          genesys-client-id: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_ID }}\n          genesys-client-secret: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}\n          genesys-region: ${{ vars.GENESYSCLOUD_REGION }}\n          genesys-api-url: ${{ vars.GENESYSCLOUD_API_REGION }}\n",
  "(orgs)/.github/workflows/drift.yml": "# Drift, weekly and by hand, for every org in imports/orgs.yml: read-only, one issue per org.\n# Written by `gc-onboard init --orgs`; docs: __GC_ONBOARD_DOCS__\nname: Drift\n\non:\n  schedule:\n    - cron: '23 6 * * 1'\n  workflow_dispatch:\n    inputs:\n      fail-on-drift:\n        description: Fail the run when a row drifted or an invitation expired (the default is a report that passes).\n        required: false\n        type: boolean\n        default: false\n\npermissions:\n  contents: read\n  issues: write\n\nconcurrency:\n  group: gc-onboard-drift\n  cancel-in-progress: false\n\njobs:\n  orgs:\n    name: gc-onboard orgs\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    outputs:\n      orgs: ${{ steps.orgs.outputs.orgs }}\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          persist-credentials: false\n      - id: orgs\n        uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: orgs\n\n  drift:\n    name: gc-onboard drift ${{ matrix.org }}\n    needs: orgs\n    if: ${{ needs.orgs.outputs.orgs != '[]' }}\n    environment: ${{ matrix.preview_environment }}\n    strategy:\n      fail-fast: false\n      matrix:\n        include: ${{ fromJSON(needs.orgs.outputs.orgs) }}\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          persist-credentials: false\n      - uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: drift\n          org: ${{ matrix.org }}\n          genesys-client-id: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_ID }}\n          genesys-client-secret: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}\n          genesys-region: ${{ vars.GENESYSCLOUD_REGION }}\n          genesys-api-url: ${{ vars.GENESYSCLOUD_API_REGION }}\n          fail-on-drift: ${{ inputs.fail-on-drift || false }}\n          results-file: gc-onboard-drift-${{ matrix.org }}.json\n      - name: Upload the drift report\n        if: ${{ !cancelled() }}\n        uses: actions/upload-artifact@cf430e030ddbb5b0abf93d22962f4752f3646cd9 # v7.0.2\n        with:\n          name: gc-onboard-drift-${{ matrix.org }}-${{ github.run_id }}-${{ github.run_attempt }}\n          path: gc-onboard-drift-${{ matrix.org }}.json\n          if-no-files-found: warn\n          retention-days: 90\n",
  "(orgs)/.github/workflows/preview.yml": "# Preview on every pull request that touches imports/, for every org in imports/orgs.yml: each org is\n# planned by a job of its own, in that org's preview environment (its secrets), and one last job\n# gathers the sections into the one comment. A required check: errors in any org block the merge.\n# Written by `gc-onboard init --orgs`; docs: __GC_ONBOARD_DOCS__\nname: Preview\n\non:\n  pull_request:\n    # labeled/unlabeled: adding the policy's override_label re-runs the preview with the new labels.\n    types: [opened, synchronize, reopened, labeled, unlabeled]\n    # If you make this check required (branch protection), delete these two lines: a workflow skipped\n    # by a paths filter leaves a required check pending forever.\n    paths:\n      - 'imports/**'\n\npermissions:\n  contents: read\n  pull-requests: write\n\nconcurrency:\n  group: gc-onboard-preview-${{ github.event.pull_request.number }}\n  cancel-in-progress: true\n\njobs:\n  orgs:\n    name: gc-onboard orgs\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    outputs:\n      orgs: ${{ steps.orgs.outputs.orgs }}\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          persist-credentials: false\n      - id: orgs\n        uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: orgs\n\n  plan:\n    name: gc-onboard preview ${{ matrix.org }}\n    needs: orgs\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n    # The preview only reads: give each org a preview environment holding a read-only OAuth client,\n    # without required reviewers or branch rules (orgs.yml preview_environment; default: environment).\n    environment: ${{ matrix.preview_environment }}\n    strategy:\n      fail-fast: false\n      matrix:\n        include: ${{ fromJSON(needs.orgs.outputs.orgs) }}\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          persist-credentials: false\n      # Without this org's secrets (a fork, an environment without them) the org is validated offline\n      # and its section says so.\n      - uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: plan\n          org: ${{ matrix.org }}\n          genesys-client-id: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_ID }}\n          genesys-client-secret: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}\n          genesys-region: ${{ vars.GENESYSCLOUD_REGION }}\n          genesys-api-url: ${{ vars.GENESYSCLOUD_API_REGION }}\n          plan-file: gc-onboard-plan-${{ matrix.org }}.json\n      - name: Keep this org's section and plan\n        if: ${{ !cancelled() }}\n        uses: actions/upload-artifact@cf430e030ddbb5b0abf93d22962f4752f3646cd9 # v7.0.2\n        with:\n          name: gc-onboard-preview-${{ matrix.org }}\n          path: |\n            gc-onboard-preview-${{ matrix.org }}.md\n            gc-onboard-plan-${{ matrix.org }}.json\n          if-no-files-found: ignore\n          overwrite: true\n          retention-days: 90\n\n  comment:\n    name: gc-onboard preview comment\n    needs: [orgs, plan]\n    # Also when an org's plan failed: its section shows its errors, a missing one says so.\n    if: ${{ !cancelled() && needs.orgs.result == 'success' }}\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          persist-credentials: false\n      - uses: actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c # v8.0.1\n        with:\n          pattern: gc-onboard-preview-*\n          merge-multiple: true\n          path: gc-onboard-previews\n      - uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: comment\n          sections: gc-onboard-previews\n",
  "(orgs)/.github/workflows/training-day.yml": "# Training-day invites, for every org in imports/orgs.yml: each org's job, in its environment, invites\n# the batches that go to it whose training day is today in the org's time zone (orgs.yml timezone).\n# Invites go out only here. Written by `gc-onboard init --orgs`; docs: __GC_ONBOARD_DOCS__\nname: Training day invites\n\non:\n  schedule:\n    - cron: '17 7 * * *'\n  workflow_dispatch:\n    inputs:\n      org:\n        description: Only this org (empty means every org).\n        required: false\n        type: string\n      date:\n        description: Invite the batches whose training day is this date (YYYY-MM-DD). Empty means today.\n        required: false\n        type: string\n      batch:\n        description: Invite this batch whatever its training day (a catch-up). Still once per person.\n        required: false\n        type: string\n      force:\n        description: Re-send to everyone in the batch, even people already invited.\n        required: false\n        type: boolean\n        default: false\n\npermissions:\n  contents: read\n  # The results comment of the pull request that last changed each invited batch gets a line.\n  pull-requests: write\n\nconcurrency:\n  group: gc-onboard-apply\n  queue: max\n\njobs:\n  orgs:\n    name: gc-onboard orgs\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    outputs:\n      orgs: ${{ steps.orgs.outputs.orgs }}\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          persist-credentials: false\n      - id: orgs\n        uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: orgs\n\n  invite:\n    name: Send training-day invites in ${{ matrix.org }}\n    needs: orgs\n    if: ${{ needs.orgs.outputs.orgs != '[]' }}\n    environment: ${{ matrix.environment }}\n    strategy:\n      fail-fast: false\n      matrix:\n        include: ${{ fromJSON(needs.orgs.outputs.orgs) }}\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    steps:\n      - name: Refuse to invite from a branch other than the default branch\n        if: github.event_name == 'workflow_dispatch' && github.ref != format('refs/heads/{0}', github.event.repository.default_branch)\n        env:\n          REF_NAME: ${{ github.ref_name }}\n          DEFAULT_BRANCH: ${{ github.event.repository.default_branch }}\n        run: |\n          echo \"::error title=Wrong branch::Invites only run from $DEFAULT_BRANCH, not from $REF_NAME.\"\n          exit 1\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          persist-credentials: false\n      - uses: __GC_ONBOARD_ACTION__\n        if: ${{ inputs.org == '' || inputs.org == null || inputs.org == matrix.org }}\n        with:\n          mode: invite\n          org: ${{ matrix.org }}\n          genesys-client-id: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_ID }}\n          genesys-client-secret: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}\n          genesys-region: ${{ vars.GENESYSCLOUD_REGION }}\n          genesys-api-url: ${{ vars.GENESYSCLOUD_API_REGION }}\n          date: ${{ inputs.date }}\n          batch: ${{ inputs.batch }}\n          force: ${{ inputs.force || false }}\n          results-file: gc-onboard-invites-${{ matrix.org }}.json\n      - name: Upload the invite report\n        if: ${{ !cancelled() }}\n        uses: actions/upload-artifact@cf430e030ddbb5b0abf93d22962f4752f3646cd9 # v7.0.2\n        with:\n          name: gc-onboard-invites-${{ matrix.org }}-${{ github.run_id }}-${{ github.run_attempt }}\n          path: gc-onboard-invites-${{ matrix.org }}.json\n          if-no-files-found: ignore\n          retention-days: 90\n",
  ".github/workflows/apply.yml": "# Apply on merge: people first, then phones and default stations. Every write is safe to repeat, so\n# a re-run (or a manual run) converges to the same org.\n# Written by `gc-onboard init`; docs: __GC_ONBOARD_DOCS__\n# Needs the GitHub environment genesys-production: its secrets are the OAuth client that writes, and\n# its required reviewers (if your plan allows them) approve each apply before it runs.\nname: Apply\n\non:\n  push:\n    branches: [main]\n    paths:\n      - 'imports/**'\n  workflow_dispatch:\n    inputs:\n      reviewed:\n        description: 'A manual run comes from no pull request, so no preview was reviewed: none-required applies the plan as it is.'\n        type: choice\n        options: [required, none-required]\n        default: required\n\npermissions:\n  contents: read\n  # The merged pull request: its labels (a policy's override_label), the preview reviewers approved\n  # (our comment), and the results comment apply writes back on it.\n  pull-requests: write\n\n# One lane for every run that writes to the org (this and training-day.yml): they share the OAuth\n# client's rate limit, and invites must see the people that an apply just created. queue: max keeps\n# every pending run (up to 100, in order) instead of dropping all but one; nothing is cancelled.\nconcurrency:\n  group: gc-onboard-apply\n  queue: max\n\njobs:\n  apply:\n    name: Apply to Genesys Cloud\n    runs-on: ubuntu-latest\n    timeout-minutes: 60\n    environment: genesys-production\n    steps:\n      - name: Refuse to apply a branch other than the default branch\n        # A manual run can pick any branch; a push run is already limited to main, a schedule to the default branch.\n        if: github.event_name == 'workflow_dispatch' && github.ref != format('refs/heads/{0}', github.event.repository.default_branch)\n        env:\n          REF_NAME: ${{ github.ref_name }}\n          DEFAULT_BRANCH: ${{ github.event.repository.default_branch }}\n        run: |\n          echo \"::error title=Wrong branch::Apply only runs from $DEFAULT_BRANCH, not from $REF_NAME: merge the pull request instead.\"\n          exit 1\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          # This job holds the Genesys secrets and never pushes: leave no GitHub token in .git/config.\n          persist-credentials: false\n          fetch-depth: 0\n      - id: apply\n        uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: apply\n          genesys-client-id: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_ID }}\n          genesys-client-secret: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}\n          genesys-region: ${{ vars.GENESYSCLOUD_REGION || secrets.GENESYSCLOUD_REGION }}\n          genesys-api-url: ${{ vars.GENESYSCLOUD_API_REGION }}\n          timezone: ${{ vars.GC_ONBOARD_TIMEZONE || 'UTC' }}\n          results-file: gc-onboard-results.json\n          # A push compares with the merged pull request's preview; a manual run says what it wants.\n          reviewed: ${{ inputs.reviewed || 'required' }}\n      - name: Upload the results\n        if: ${{ !cancelled() }}\n        uses: actions/upload-artifact@cf430e030ddbb5b0abf93d22962f4752f3646cd9 # v7.0.2\n        with:\n          name: gc-onboard-apply-${{ github.run_id }}-${{ github.run_attempt }}\n          path: |\n            gc-onboard-results.json\n            gc-onboard-results.csv\n            gc-onboard-plan.json\n          if-no-files-found: warn\n          retention-days: 90\n",
  ".github/workflows/doctor.yml": "# Doctor, by hand: read-only checks of the connection, the OAuth client's permissions per mode and\n# per division the imports use, and every name the batches use. Run it after setting up the secrets,\n# after changing the OAuth client's roles, and before a first merge. Nothing is written to the org.\n# Written by `gc-onboard init`; docs: __GC_ONBOARD_DOCS__\nname: Doctor\n\non:\n  workflow_dispatch:\n\npermissions:\n  contents: read\n\njobs:\n  doctor:\n    name: gc-onboard doctor\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    # The environment of apply.yml: doctor checks the OAuth client that writes.\n    environment: genesys-production\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          # This job holds the Genesys secrets and never pushes: leave no GitHub token in .git/config.\n          persist-credentials: false\n      - uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: doctor\n          genesys-client-id: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_ID }}\n          genesys-client-secret: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}\n          genesys-region: ${{ vars.GENESYSCLOUD_REGION || secrets.GENESYSCLOUD_REGION }}\n          genesys-api-url: ${{ vars.GENESYSCLOUD_API_REGION }}\n",
  ".github/workflows/drift.yml": "# Drift, weekly and by hand: read-only. Plans every batch against today's org and reports each row the\n# org no longer matches (a role removed, a queue left, a phone deleted, a title changed, someone\n# deactivated), and who of a past training day never logged in or let the 30-day invitation expire.\n# Keeps ONE issue up to date: opened when something needs attention, edited while it does, closed\n# with a comment when everything matches again. Nothing is written to the org.\n# Written by `gc-onboard init`; docs: __GC_ONBOARD_DOCS__\nname: Drift\n\non:\n  schedule:\n    # Mondays at 06:23 UTC (off the hour on purpose: GitHub delays runs scheduled at :00 the most).\n    - cron: '23 6 * * 1'\n  workflow_dispatch:\n    inputs:\n      fail-on-drift:\n        description: Fail the run when a row drifted or an invitation expired (the default is a report that passes).\n        required: false\n        type: boolean\n        default: false\n\npermissions:\n  contents: read\n  # The one drift issue (found by its label, our marker and comment-author).\n  issues: write\n\n# One drift run at a time: two at once could both open the issue.\nconcurrency:\n  group: gc-onboard-drift\n  cancel-in-progress: false\n\njobs:\n  drift:\n    name: gc-onboard drift\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          # This job holds the Genesys secrets and never pushes: leave no GitHub token in .git/config.\n          persist-credentials: false\n      # Repository secrets, ideally of a read-only OAuth client, as for the preview: drift only reads.\n      - id: drift\n        uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: drift\n          genesys-client-id: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_ID }}\n          genesys-client-secret: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}\n          genesys-region: ${{ vars.GENESYSCLOUD_REGION || secrets.GENESYSCLOUD_REGION }}\n          genesys-api-url: ${{ vars.GENESYSCLOUD_API_REGION }}\n          timezone: ${{ vars.GC_ONBOARD_TIMEZONE || 'UTC' }}\n          fail-on-drift: ${{ inputs.fail-on-drift || false }}\n          results-file: gc-onboard-drift.json\n      - name: Upload the drift report\n        if: ${{ !cancelled() }}\n        uses: actions/upload-artifact@cf430e030ddbb5b0abf93d22962f4752f3646cd9 # v7.0.2\n        with:\n          name: gc-onboard-drift-${{ github.run_id }}-${{ github.run_attempt }}\n          path: gc-onboard-drift.json\n          if-no-files-found: warn\n          retention-days: 90\n",
  ".github/workflows/preview.yml": "# Preview on every pull request that touches imports/: validate the CSVs, read the org, and keep one\n# comment up to date with exactly what the merge will change. A required check: errors block the merge.\n# Written by `gc-onboard init`; docs: __GC_ONBOARD_DOCS__\nname: Preview\n\non:\n  pull_request:\n    # labeled/unlabeled: adding the policy's override_label re-runs the preview with the new labels.\n    types: [opened, synchronize, reopened, labeled, unlabeled]\n    # If you make this check required (branch protection), delete these two lines: a workflow skipped\n    # by a paths filter leaves a required check pending forever. It then runs on every PR and reports\n    # that there is nothing to import when no CSV changed.\n    paths:\n      - 'imports/**'\n\npermissions:\n  contents: read\n  pull-requests: write\n\nconcurrency:\n  group: gc-onboard-preview-${{ github.event.pull_request.number }}\n  cancel-in-progress: true\n\njobs:\n  preview:\n    name: gc-onboard preview\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          # This job holds the Genesys secrets and never pushes: leave no GitHub token in .git/config.\n          persist-credentials: false\n      # Repository secrets, ideally of a read-only OAuth client (planning only reads). A pull request\n      # from a fork gets no secrets: the Action then validates offline and says so.\n      - uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: plan\n          genesys-client-id: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_ID }}\n          genesys-client-secret: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}\n          genesys-region: ${{ vars.GENESYSCLOUD_REGION || secrets.GENESYSCLOUD_REGION }}\n          genesys-api-url: ${{ vars.GENESYSCLOUD_API_REGION }}\n          timezone: ${{ vars.GC_ONBOARD_TIMEZONE || 'UTC' }}\n      # The previewed plan (with its reviewed-plan block), kept for the record. Apply never reads it:\n      # it reads the preview comment our bot wrote (docs/security.md, \"The reviewed plan\").\n      - name: Keep the previewed plan\n        if: ${{ !cancelled() }}\n        uses: actions/upload-artifact@cf430e030ddbb5b0abf93d22962f4752f3646cd9 # v7.0.2\n        with:\n          name: gc-onboard-preview-${{ github.event.pull_request.number }}-${{ github.run_id }}-${{ github.run_attempt }}\n          path: gc-onboard-plan.json\n          if-no-files-found: ignore\n          retention-days: 90\n",
  ".github/workflows/training-day.yml": "# Invites go out on each batch's training day (batch.yml `training_day`), once per person. Safe to\n# run late or twice: people already invited, or who have logged in, are skipped.\n# Written by `gc-onboard init`; docs: __GC_ONBOARD_DOCS__\nname: Training day invites\n\non:\n  schedule:\n    # Cron is in UTC. 07:17 UTC is early morning in Europe and the middle of the night in the\n    # Americas: pick a time that is the morning of the training day where your people are.\n    # (Off the hour on purpose: GitHub delays runs scheduled at :00 the most.)\n    - cron: '17 7 * * *'\n  workflow_dispatch:\n    inputs:\n      date:\n        description: Invite the batches whose training day is this date (YYYY-MM-DD). Empty means today.\n        required: false\n        type: string\n      batch:\n        description: Invite this batch whatever its training day (a catch-up). Still once per person.\n        required: false\n        type: string\n      force:\n        description: Re-send to everyone in the batch, even people already invited.\n        required: false\n        type: boolean\n        default: false\n\npermissions:\n  contents: read\n  # One line (\"12 people invited on Tue 1 Dec\") in the results comment of each invited batch's pull request.\n  pull-requests: write\n\n# Same lane as apply.yml: never invite while an apply is still creating the people.\nconcurrency:\n  group: gc-onboard-apply\n  queue: max\n\njobs:\n  invite:\n    name: Send training-day invites\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    environment: genesys-production\n    steps:\n      - name: Refuse to invite from a branch other than the default branch\n        # A manual run can pick any branch; a push run is already limited to main, a schedule to the default branch.\n        if: github.event_name == 'workflow_dispatch' && github.ref != format('refs/heads/{0}', github.event.repository.default_branch)\n        env:\n          REF_NAME: ${{ github.ref_name }}\n          DEFAULT_BRANCH: ${{ github.event.repository.default_branch }}\n        run: |\n          echo \"::error title=Wrong branch::Invites only run from $DEFAULT_BRANCH, not from $REF_NAME.\"\n          exit 1\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n        with:\n          # This job holds the Genesys secrets and never pushes: leave no GitHub token in .git/config.\n          persist-credentials: false\n      - id: invite\n        uses: __GC_ONBOARD_ACTION__\n        with:\n          mode: invite\n          genesys-client-id: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_ID }}\n          genesys-client-secret: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}\n          genesys-region: ${{ vars.GENESYSCLOUD_REGION || secrets.GENESYSCLOUD_REGION }}\n          genesys-api-url: ${{ vars.GENESYSCLOUD_API_REGION }}\n          timezone: ${{ vars.GC_ONBOARD_TIMEZONE || 'UTC' }}\n          # Empty on a schedule run: today, every batch due, no force.\n          date: ${{ inputs.date }}\n          batch: ${{ inputs.batch }}\n          force: ${{ inputs.force || false }}\n          results-file: gc-onboard-invites.json\n      - name: Upload the invite report\n        if: ${{ !cancelled() }}\n        uses: actions/upload-artifact@cf430e030ddbb5b0abf93d22962f4752f3646cd9 # v7.0.2\n        with:\n          name: gc-onboard-invites-${{ github.run_id }}-${{ github.run_attempt }}\n          path: gc-onboard-invites.json\n          if-no-files-found: warn\n          retention-days: 90\n",
  "imports/README.md": "# imports/ \u2014 the people and phones gc-onboard brings into Genesys Cloud\n\nEach folder here is one **batch**, usually one department going live together. A pull request that\nadds or changes a batch gets a preview comment of every change; merging it applies the batch; the\npeople are invited on the batch's training day. Full documentation:\n[the gc-onboard README](__GC_ONBOARD_DOCS__).\n\n```\nimports/\n  policy.yml            the team's guardrails (every rule commented out until you turn it on)\n  templates/            the two header-only CSV templates; never imported\n  _example/             an example batch; never imported (its name starts with _)\n  <department>/         a batch\n    people.csv          the Genesys people-import template\n    phones.csv          one WebRTC phone per person (optional)\n    batch.yml           training day, update_existing, phone defaults (optional)\n```\n\nFolders named `templates` or starting with `_` or `.` are never imported, so `_drafts/` is a safe\nplace to park a batch that is not ready.\n\n## Adding a batch\n\n1. Copy `_example/` to a new folder `imports/<department>/` (a name without the leading `_`), or\n   start from `templates/people.csv` and `templates/phones.csv`. The example uses the names of\n   gc-onboard's demo org (Northfield University): replace them with your org's.\n2. Fill in the CSVs in a spreadsheet and save them as **CSV UTF-8**. Set `training_day` in\n   `batch.yml` to the day the people are trained: that morning they are invited, not before.\n3. Optionally check the files on your machine: `npx gc-onboard validate`.\n4. Open a pull request. The **gc-onboard preview** check comments with every row: create, update\n   (field by field, before \u2192 after), unchanged, or error at its file, line and column. Push fixes;\n   the same comment is updated. Errors block the merge.\n5. Merge. The apply workflow creates and updates the people, then their WebRTC phones, and makes\n   each phone its person's default. Nobody is invited yet.\n6. On the training day the scheduled workflow invites the batch's people, once each.\n\n## The CSV rules in short\n\n- CSV UTF-8, comma separated, one header line; columns are matched by name (case, spaces, `_` and\n  `-` ignored), in any order. A cell starting with `=`, `+`, `-` or `@` is refused (a spreadsheet\n  would run it), except a phone number such as `+1 215 555 0100`.\n- `people.csv`: `name` and `email` are required; the email is the person's identity and must be\n  unique across all batches. `roles_divisions` is `role:[division]`, several as\n  `role:[d1, d2], role2:[d3]`; `queues` and `skills` are comma separated, skills as `Skill:0-5`.\n- On a person who already exists, a blank `phone_work`, `extension`, `title` or `department`\n  **clears** it (the preview warns); other blank cells leave the value. Roles, queues and skills are\n  only ever added. Nothing is ever deleted.\n- `phones.csv`: `phone_name`, `base_settings`, `site`, `email` (required). A blank name is the\n  person's name; blank base settings and site come from `phone_defaults` in `batch.yml`.\n- `batch.yml`: `training_day: YYYY-MM-DD`, `update_existing: true|false` (the admin UI's \"update\n  existing people\" box), `phone_defaults: {base_settings, site}`.\n- `policy.yml` can limit email domains, roles and divisions, and how many rows one change may touch.\n\nEvery column, format and blank-cell rule: \"CSV reference\" in [the gc-onboard README](__GC_ONBOARD_DOCS__).\n",
  "imports/_example/batch.yml": "# An example batch: copy this folder to imports/<department>/ (without the leading _) and edit it.\n# Folders starting with _ are never imported, so this one never reaches your org.\ntraining_day: __TRAINING_DAY__ # the morning these people are invited (YYYY-MM-DD), not before\nupdate_existing: true # false skips rows for people who already exist\nphone_defaults: # used where a phones.csv cell is blank\n  base_settings: WebRTC Softphone\n  site: Northfield Downtown Center\n",
  "imports/_example/people.csv": 'name,email,phone_work,extension,title,department,email_manager,location_work,roles_divisions,queues,division,skills,hire_date\nGrace Lee,grace.lee@northfield.edu,+1 215 555 0201,4201,Admissions Supervisor,Admissions,,Northfield Downtown Center,"employee:[Admissions], PureCloud User:[Admissions], PureCloud Supervisor:[Admissions]",Admissions Inquiries,Admissions,"English:5, Spanish:3",__TRAINING_DAY__\nOmar Haddad,omar.haddad@northfield.edu,+1 215 555 0202,4202,Admissions Counselor,Admissions,grace.lee@northfield.edu,Northfield Downtown Center,"employee:[Admissions], PureCloud User:[Admissions]",Admissions Inquiries,Admissions,"English:5, French:4",__TRAINING_DAY__\nLuc\xEDa Moreno,lucia.moreno@northfield.edu,,,Admissions Counselor,Admissions,grace.lee@northfield.edu,Northfield Downtown Center,"employee:[Admissions], PureCloud User:[Admissions]",Admissions Inquiries,Admissions,"English:4, Spanish:5",__TRAINING_DAY__\n',
  "imports/_example/phones.csv": "phone_name,base_settings,site,email\n,,,grace.lee@northfield.edu\n,,,omar.haddad@northfield.edu\nLuc\xEDa Moreno WebRTC,,,lucia.moreno@northfield.edu\n",
  "imports/policy.yml": `# gc-onboard guardrails: what imports may do in this org. Reviewed in pull requests like the CSVs;
# a pull request that changes it shows the changed rules at the top of the preview.
# Every rule below is commented out, so as written this file sets no rule and the defaults apply.
# To turn one on, remove the "# " in front of its key and its example lines, and edit the values.
# Names match the way the CSVs match them (case ignored when unambiguous). The examples use the
# names of gc-onboard's demo org (Northfield University): use your org's.
# Docs: __GC_ONBOARD_DOCS__

# Only people with these email domains may be created or updated ("*.x.edu": any subdomain). Default: any domain.
# allowed_email_domains:
#   - northfield.edu

# Only these roles may be granted through imports (use this or forbidden_roles, not both). Default: any role.
# allowed_roles:
#   - employee
#   - PureCloud User

# These roles may never be granted through imports (use this or allowed_roles, not both). Default: none.
# forbidden_roles:
#   - Master Admin
#   - Telephony Admin

# Roles may be granted, and people created or moved, only in these divisions. Default: any division.
# allowed_divisions:
#   - Student Services
#   - Admissions

# Grants of these roles are warnings in the preview (roles named "...admin..." always are). Default: none.
# privileged_roles:
#   - PureCloud Supervisor

# The most rows (people and phones) one change may create or update. Default: 500.
# max_changes: 500

# A pull-request label (case ignored) that lifts max_changes for that pull request. Default: none.
# override_label: large-import

# The training-day workflow also re-sends invitations that expired (over 30 days old, never logged in). Default: false.
# reinvite_expired: true
`,
  "imports/templates/people.csv": "name,email,phone_work,extension,title,department,email_manager,location_work,roles_divisions,queues,division,skills,hire_date\n",
  "imports/templates/phones.csv": "phone_name,base_settings,site,email\n"
};

// src/init/init.ts
var InitError = class extends Error {
};
var code = (error) => error.code;
async function usableFolder(dir) {
  const absolute = path.resolve(dir);
  const info = await stat(absolute).catch((error) => {
    if (code(error) === "ENOENT") return null;
    if (code(error) === "ENOTDIR") throw new InitError(`"${dir}" is inside a file, not a folder.`);
    throw error;
  });
  if (info && !info.isDirectory()) throw new InitError(`"${dir}" is a file; init needs a folder.`);
  if (!info) {
    await mkdir(absolute, { recursive: true }).catch((error) => {
      throw new InitError(`cannot create the folder "${dir}" (${code(error) ?? String(error)}).`);
    });
  }
  await access(absolute, constants.W_OK).catch(() => {
    throw new InitError(`cannot write in "${dir}": check its permissions.`);
  });
  return absolute;
}
var exists = (file) => lstat(file).then(
  () => true,
  () => false
);
async function initRepository(dir, options2) {
  const root = await usableFolder(dir);
  const files = renderTemplates(templatesFor(TEMPLATES, options2.orgs), {
    actionRef: ACTION_REF,
    docsUrl: DOCS_URL,
    today: options2.now().toISOString().slice(0, 10)
  });
  const existing = /* @__PURE__ */ new Set();
  for (const file of Object.keys(files)) if (await exists(path.join(root, file))) existing.add(file);
  const gitignorePath = path.join(root, ".gitignore");
  const gitignore = await readFile(gitignorePath, "utf8").catch((error) => {
    if (code(error) === "ENOENT") return null;
    throw error;
  });
  const plan = planInit(files, existing, gitignore);
  const raced = [];
  for (const file of plan.write) {
    const target = path.join(root, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content, { flag: "wx" }).catch((error) => {
      if (code(error) !== "EEXIST") throw error;
      raced.push(file.path);
    });
  }
  if (plan.gitignore.kind === "create")
    await writeFile(gitignorePath, plan.gitignore.content, { flag: "wx" });
  if (plan.gitignore.kind === "append") await appendFile(gitignorePath, plan.gitignore.addition);
  const report = renderInitReport(plan, {
    dir,
    doctorAvailable: options2.doctorAvailable,
    raced,
    ...options2.orgs ? { orgs: options2.orgs } : {}
  });
  return { plan, raced, report };
}
async function runInit(dir, io, doctorAvailable, orgs = []) {
  try {
    const { report } = await initRepository(dir, { now: io.now, doctorAvailable, orgs });
    io.stdout(report);
    return 0;
  } catch (error) {
    if (!(error instanceof InitError)) throw error;
    io.stderr(`gc-onboard: ${error.message}
`);
    return 2;
  }
}

// src/probe/measure.ts
var ok = (status) => status >= 200 && status < 300;
var ROLE_GRANT_LADDER = [100, 250, 500, 1e3, 2500, 5e3];
var ROLE_GRANT_MAX_CALLS = 8;
async function searchSubjectCap(tryPage) {
  const search = { accepted: 0, refused: null, calls: 0, other: null };
  const attempt = async (k) => {
    search.calls += 1;
    const outcome = await tryPage(k);
    if (outcome === "ok") search.accepted = k;
    else if (outcome === "too-large") search.refused = k;
    else search.other = outcome.other;
    return outcome === "ok";
  };
  for (const k of ROLE_GRANT_LADDER) {
    if (!await attempt(k)) break;
  }
  while (search.other === null && search.refused !== null && search.refused - search.accepted > 1 && search.calls < ROLE_GRANT_MAX_CALLS) {
    await attempt(Math.floor((search.accepted + search.refused) / 2));
  }
  return search;
}
function withoutPersonalData(text) {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<id>").replace(/[^\s"'(<]+@[^\s"')>]+/g, "<email>");
}
function subjectCapOf(search) {
  if (!search) {
    const why = "no bulk grant tried: the user never reached authorization, or no employee role";
    return { cap: null, why, extra: null };
  }
  if (search.other !== null) {
    const said = withoutPersonalData(search.other);
    return { cap: null, why: `a grant of the same user repeated was refused: ${said}`, extra: null };
  }
  if (search.accepted === 0)
    return { cap: null, why: `refused as too many even at ${search.refused ?? 0} subjects`, extra: null };
  const extra = search.refused === null ? `roleGrantSubjectCap: accepted ${search.accepted}, the most tried (${search.calls} calls).` : `roleGrantSubjectCap: took ${search.accepted}, refused ${search.refused} as too many (${search.calls} calls).`;
  return { cap: search.accepted, why: "", extra };
}
function dropRate(expands) {
  if (expands.requested === 0) return null;
  return Math.round(expands.dropped / expands.requested * 1e3) / 1e3;
}
function fieldsOnRequest(fields) {
  if (!fields.asked.webRtcUser) return null;
  return !fields.plain.webRtcUser;
}
function datesOnlyWithExpand(dates) {
  if (dates.plain > 0) return false;
  return dates.expanded > 0 ? true : null;
}
function sawVersionRace(rounds) {
  if (rounds.length === 0) return null;
  return rounds.some((round) => round.includes(409));
}
function readsBackShaped(workPhone) {
  if (!workPhone || workPhone.address === null) return null;
  return workPhone.display !== null && workPhone.display !== workPhone.written;
}
function toProfile(o) {
  const real = {};
  const notes = [...o.notes];
  const put = (key, value2, why) => {
    if (value2 === null || value2 === void 0) notes.push(`${key}: not measured (${why}).`);
    else real[key] = value2;
  };
  put("authorizationLagMs", o.lags.authorization, "bulkadd never got past 404");
  put("routingLagMs", o.lags.routing, "skills bulk never got past 404");
  put("telephonyLagMs", o.lags.telephony, "phone create never got past 404");
  put(
    "phoneFieldsOnRequest",
    o.phoneFields ? fieldsOnRequest(o.phoneFields) : null,
    "probe phone not listed"
  );
  put(
    "datesOnlyWithExpand",
    datesOnlyWithExpand(o.welcomeDates),
    "no user with dateWelcomeSent on the first page"
  );
  put("expandDropRate", dropRate(o.expands), "no listing with expand");
  put("addressShapes", readsBackShaped(o.workPhone), "work phone not read back");
  put("versionRaces", sawVersionRace(o.raceRounds), "no parallel write round");
  put(
    "defaultStationNeedsCallAdd",
    o.defaultStationStatus === null ? null : !ok(o.defaultStationStatus),
    "no station to set"
  );
  const subjectCap = subjectCapOf(o.roleGrant);
  put("roleGrantSubjectCap", subjectCap.cap, subjectCap.why);
  if (subjectCap.extra) notes.push(subjectCap.extra);
  real.usersSearchPerMinute = o.limits.usersSearch;
  real.phoneWritesPerMinute = o.limits.phoneWrites;
  return {
    version: 1,
    measuredAt: o.measuredAt,
    org: o.defaultCountryCode ? { defaultCountryCode: o.defaultCountryCode } : {},
    real,
    ...o.lags.search === null ? {} : { userSearchLagMs: o.lags.search },
    ...o.lags.station === null ? {} : { stationLagMs: o.lags.station },
    ...o.limits.token === null ? {} : { rateLimitPerMinute: o.limits.token },
    statuses: {
      ...o.statuses,
      ...o.defaultStationStatus === null ? {} : { defaultStationWithoutCallAdd: o.defaultStationStatus }
    },
    notes
  };
}
function roleGrantLine(cap, search) {
  if (cap === void 0) return "Role grants: the subject cap was not measured (see the notes).";
  const refused = search?.refused == null ? "the most tried" : `refused ${search.refused}`;
  const took = `Role grants: the org took ${cap} subjects in one call (${refused}).`;
  const page = "Apply pages at GC_ONBOARD_ROLE_GRANT_PAGE (default 100)";
  if (cap > 100) return `${took} ${page}: set it to ${cap} to grant in fewer calls.`;
  if (cap === 100) return `${took} ${page}: the default fits.`;
  return `${took} ${page}: set it to ${cap}, or apply splits every refused page.`;
}
function renderReport(profile, created, pollMs, roleGrant = null) {
  const lines = [
    "gc-onboard probe",
    `  Measured (a lag is an upper bound, within one poll: ${pollMs} ms, or longer when the rate limit paces the polls):`
  ];
  const lag = (label, value2) => lines.push(`    ${label}: ${value2 === void 0 ? "not measured" : `${value2} ms`}`);
  lag("users search lag", profile.userSearchLagMs);
  lag("authorization lag", profile.real.authorizationLagMs);
  lag("routing lag", profile.real.routingLagMs);
  lag("telephony lag", profile.real.telephonyLagMs);
  lag("station lag", profile.stationLagMs);
  for (const key of [
    "phoneFieldsOnRequest",
    "datesOnlyWithExpand",
    "expandDropRate",
    "addressShapes",
    "versionRaces",
    "defaultStationNeedsCallAdd",
    "usersSearchPerMinute",
    "phoneWritesPerMinute"
  ]) {
    const value2 = profile.real[key];
    lines.push(`    ${key}: ${value2 === void 0 ? "not measured" : String(value2)}`);
  }
  lines.push(`  ${roleGrantLine(profile.real.roleGrantSubjectCap, roleGrant)}`);
  for (const [key, status] of Object.entries(profile.statuses ?? {}))
    lines.push(`    ${key}: HTTP ${status}`);
  for (const note of profile.notes) lines.push(`  note: ${note}`);
  lines.push("  Created (probe users set inactive; delete these in the admin UI):");
  for (const item of created) lines.push(`    ${item}`);
  return `${lines.join("\n")}
`;
}

// src/probe/run.ts
var ProbeRefused = class extends Error {
};
function refusalOf(options2) {
  if (!options2.consent)
    return "probe writes throwaway users, a phone and a location to the org: pass --yes-write-to-this-org to agree.";
  if (!options2.emailDomain) return "probe needs --email-domain DOMAIN for its throwaway users.";
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(options2.emailDomain))
    return `--email-domain must be a domain such as test.example.edu, got "${options2.emailDomain}".`;
  return null;
}
async function statusOf(call) {
  try {
    await call();
    return 200;
  } catch (error) {
    if (error instanceof GenesysApiError && error.status > 0) return error.status;
    throw error;
  }
}
function probeStamp(ms) {
  return `gc-onboard-probe-${new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "z").toLowerCase()}`;
}
async function runProbe(client, options2) {
  const refusal = refusalOf(options2);
  if (refusal) throw new ProbeRefused(refusal);
  const run = startRun(client, options2);
  const org = await client.organization.getOrganizationsMe();
  if (options2.orgNameContains !== void 0 && !(org.name ?? "").includes(options2.orgNameContains)) {
    throw new ProbeRefused(
      `the org is "${org.name ?? ""}", which does not contain "${options2.orgNameContains}": probe refused.`
    );
  }
  await probeLocationNames(run);
  const users = await createProbeUsers(run);
  let observations;
  try {
    observations = await observe(run, options2, org.defaultCountryCode ?? null, users);
  } finally {
    await deactivate(run, [users.first, users.second]);
  }
  const profile = toProfile(observations);
  return {
    profile,
    created: run.created,
    report: renderReport(profile, run.created, run.pollMs, observations.roleGrant)
  };
}
async function observe(run, options2, country, { first, second, createdAt, divisionId }) {
  const client = run.client;
  const setup = await phoneSetup(client);
  if (!setup) run.notes.push("no WebRTC phone base settings or site: telephony not measured.");
  const { lags, phone, stationId } = await measureLags(run, first, createdAt, setup);
  const defaultStationStatus = stationId === null ? null : await setDefaultStation(run, first.id, stationId);
  if (setup && phone) await probeTakenPhoneName(run, setup, phone, second);
  const phoneFields = phone ? await readPhoneFields(client, phone.name, phone.id) : null;
  const welcome = await readWelcomeDates(client);
  const expands = await sampleExpands(client, [first.id, second.id], options2.expandSamples ?? 20);
  const written = country === "GB" ? "02079460123" : "3175550123";
  const workPhone = await writeAndReadWorkPhone(client, first.id, written, run.notes);
  const raceRounds = await versionRaces(run, first.id, stationId, options2.raceRounds ?? 12);
  if (options2.includeInvite) await probeInvites(run, first.id);
  else run.notes.push("invites not tried (pass --include-invite).");
  const roleGrant = lags.authorization === null ? null : await roleGrantCap(client, first.id, divisionId, run.notes).catch(unmeasured(run));
  const limits = learnedLimits(run);
  return {
    measuredAt: new Date(run.now()).toISOString(),
    defaultCountryCode: country,
    lags,
    pollMs: run.pollMs,
    phoneFields,
    welcomeDates: welcome,
    expands,
    workPhone,
    raceRounds,
    defaultStationStatus,
    roleGrant,
    limits,
    statuses: run.statuses,
    notes: run.notes
  };
}
function unmeasured(run) {
  return (error) => {
    const said = error instanceof Error ? error.message : String(error);
    run.notes.push(`roleGrantSubjectCap: not measured (${withoutPersonalData(said)}).`);
    return null;
  };
}
function startRun(client, options2) {
  const now = options2.now ?? Date.now;
  return {
    client,
    stamp: probeStamp(now()),
    domain: options2.emailDomain ?? "",
    pollMs: options2.pollMs ?? 250,
    maxWaitMs: options2.maxWaitMs ?? 3e4,
    now,
    sleep: options2.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms))),
    log: options2.log ?? (() => void 0),
    created: [],
    statuses: {},
    notes: []
  };
}
async function lagUntil(run, since, attempt) {
  for (; ; ) {
    if (await attempt()) return Math.max(0, run.now() - since);
    if (run.now() - since > run.maxWaitMs) return null;
    await run.sleep(run.pollMs);
  }
}
var past404 = (call) => async () => await statusOf(call) !== 404;
async function probeLocationNames(run) {
  const { client, stamp } = run;
  const location = await client.locations.postLocations({ name: stamp });
  run.created.push(`location ${stamp} (${location.id ?? "?"})`);
  run.statuses.duplicateLocationName = await statusOf(() => client.locations.postLocations({ name: stamp }));
  if (run.statuses.duplicateLocationName < 300)
    run.created.push(`location ${stamp} (a second one: duplicate names allowed)`);
}
async function createProbeUsers(run) {
  const divisionId = (await run.client.authorization.getAuthorizationDivisionsHome()).id ?? "";
  const createUser = async (n) => {
    const name = `${run.stamp}-${n}`;
    const email = `${name}@${run.domain}`;
    const user = await run.client.users.postUsers({ name, email, divisionId });
    run.created.push(`user ${email} (${user.id ?? "?"})`);
    return { id: user.id ?? "", email, name };
  };
  const createdAt = run.now();
  const first = await createUser(1);
  const second = await createUser(2);
  run.log(
    `probe: created ${first.name} and ${second.name}; measuring lags (every ${run.pollMs} ms, up to ${run.maxWaitMs} ms)`
  );
  return { first, second, createdAt, divisionId };
}
var phoneBody = (setup, name, userId) => ({
  name,
  site: { id: setup?.siteId ?? "" },
  phoneBaseSettings: { id: setup?.baseId ?? "" },
  lines: [{ name: `${name}_1`, lineBaseSettings: { id: setup?.lineBaseId ?? "" } }],
  webRtcUser: { id: userId }
});
async function measureLags(run, user, since, setup) {
  const { client } = run;
  const [search, authorization, routing, telephony] = await Promise.all([
    lagUntil(run, since, async () => {
      const found = await client.users.postUsersSearch({
        pageSize: 25,
        query: [{ type: "EXACT", fields: ["email"], value: user.email }]
      });
      return (found.results ?? []).some((hit) => hit.id === user.id);
    }),
    // Empty grants: past the "unknown user" 404 it answers 400, and nothing is granted.
    lagUntil(
      run,
      since,
      past404(
        () => client.authorization.postAuthorizationSubjectBulkadd(
          user.id,
          { grants: [] },
          { subjectType: "PC_USER" }
        )
      )
    ),
    lagUntil(
      run,
      since,
      past404(() => client.users.patchUserRoutingskillsBulk(user.id, []))
    ),
    setup ? phoneLag(run, setup, user, since) : Promise.resolve({ lag: null, phone: null })
  ]);
  const { phone } = telephony;
  const station = phone ? await stationLag(run, user.id, phone) : { lag: null, stationId: null };
  return {
    lags: { search, authorization, routing, telephony: telephony.lag, station: station.lag },
    phone,
    stationId: station.stationId
  };
}
async function phoneLag(run, setup, user, since) {
  const name = `${run.stamp}-1`;
  let phone = null;
  const lag = await lagUntil(run, since, async () => {
    try {
      const created = await run.client.telephony.postTelephonyProvidersEdgesPhones(
        phoneBody(setup, name, user.id)
      );
      run.created.push(`phone ${name} (${created.id ?? "?"})`);
      if (created.id) phone = { name, id: created.id, createdAt: run.now() };
      return true;
    } catch (error) {
      if (error instanceof GenesysApiError && error.status === 404) return false;
      throw error;
    }
  });
  return { lag, phone };
}
async function stationLag(run, userId, phone) {
  let stationId = null;
  const lag = await lagUntil(run, phone.createdAt, async () => {
    const page = await run.client.stations.getStations({ webRtcUserId: userId, pageSize: 25, pageNumber: 1 });
    stationId = page.entities?.find((s) => s.webRtcUserId === userId)?.id ?? null;
    return stationId !== null;
  });
  return { lag, stationId };
}
async function setDefaultStation(run, userId, stationId) {
  let status = 0;
  for (let tries = 0; tries < 5; tries += 1) {
    status = await statusOf(() => run.client.users.putUserStationDefaultstationStationId(userId, stationId));
    if (status !== 409) break;
    await run.sleep(Math.max(run.pollMs, 600));
  }
  return status;
}
async function probeTakenPhoneName(run, setup, phone, user) {
  await lagUntil(
    run,
    run.now(),
    past404(() => run.client.users.getUser(user.id))
  );
  let status = 404;
  const since = run.now();
  while (status === 404 && run.now() - since <= run.maxWaitMs) {
    status = await statusOf(
      () => run.client.telephony.postTelephonyProvidersEdgesPhones(phoneBody(setup, phone.name, user.id))
    );
    if (status === 404) await run.sleep(run.pollMs);
  }
  run.statuses.takenPhoneName = status;
  if (status < 300) run.created.push(`phone ${phone.name} (a second one: duplicate names allowed)`);
}
async function versionRaces(run, userId, stationId, rounds) {
  const users = run.client.users;
  const statuses = [];
  for (let round = 0; round < rounds; round += 1) {
    const version = (await users.getUser(userId)).version ?? 1;
    const calls = [
      () => users.patchUser(userId, { version, title: `probe round ${round + 1}` }),
      () => users.patchUserRoutingskillsBulk(userId, [])
    ];
    if (stationId !== null) calls.push(() => users.putUserStationDefaultstationStationId(userId, stationId));
    const result = await Promise.all(calls.map((call) => statusOf(call)));
    statuses.push(result);
    if (result.includes(409)) break;
  }
  return statuses;
}
async function roleGrantCap(client, userId, divisionId, notes) {
  const authorization = client.authorization;
  const roles = await authorization.getAuthorizationRoles({ name: "employee", pageSize: 25, pageNumber: 1 });
  const roleId = roles.entities?.find((role) => role.name === "employee")?.id;
  if (!roleId) {
    notes.push("roleGrantSubjectCap: no role named employee to grant.");
    return null;
  }
  const tryPage = async (k) => {
    try {
      const subjectIds = Array.from({ length: k }, () => userId);
      await authorization.postAuthorizationRole(
        roleId,
        { subjectIds, divisionIds: [divisionId] },
        { subjectType: "PC_USER" }
      );
      return "ok";
    } catch (error) {
      if (isTooLarge(error)) return "too-large";
      if (error instanceof GenesysApiError && error.status > 0) return { other: error.message };
      throw error;
    }
  };
  return searchSubjectCap(tryPage);
}
async function probeInvites(run, userId) {
  const users = run.client.users;
  run.statuses.firstInvite = await statusOf(() => users.postUserInvite(userId, { force: false }));
  run.statuses.secondInviteWithoutForce = await statusOf(
    () => users.postUserInvite(userId, { force: false })
  );
}
function learnedLimits(run) {
  const stats = run.client.stats();
  const perMinute = (value2) => value2 === void 0 ? 0 : Math.round(value2 * 6e4 / stats.windowMs);
  const families = Object.entries(stats.limits).map(([key, value2]) => `${key} ${perMinute(value2)}`);
  run.notes.push(`inin-ratelimit-allowed per minute: ${families.join(", ") || "none seen"}.`);
  return {
    token: perMinute(stats.limit) || null,
    usersSearch: perMinute(stats.limits["POST /api/v2/users/search"]),
    phoneWrites: perMinute(stats.limits["POST /api/v2/telephony/providers/edges/phones"])
  };
}
async function deactivate(run, users) {
  for (const user of users) {
    for (let tries = 0; tries < 3; tries += 1) {
      const version = (await run.client.users.getUser(user.id)).version ?? 1;
      const status = await statusOf(
        () => run.client.users.patchUser(user.id, { version, state: "inactive" })
      );
      if (status < 300) break;
      await run.sleep(Math.max(run.pollMs, 600));
    }
  }
}
async function phoneSetup(client) {
  const bases = await client.telephony.getTelephonyProvidersEdgesPhonebasesettings({
    pageSize: 100,
    pageNumber: 1,
    expand: ["lines"]
  });
  const base = (bases.entities ?? []).find((b) => /webrtc/i.test(b.phoneMetaBase?.id ?? ""));
  const sites = await client.telephony.getTelephonyProvidersEdgesSites({ pageSize: 1, pageNumber: 1 });
  const siteId = sites.entities?.[0]?.id;
  const lineBaseId = base?.lines?.[0]?.id;
  if (!base?.id || !siteId || !lineBaseId) return null;
  return { siteId, baseId: base.id, lineBaseId };
}
async function readPhoneFields(client, name, id) {
  const shape = async (asked) => {
    const page = await client.telephony.getTelephonyProvidersEdgesPhones({
      name,
      pageSize: 25,
      pageNumber: 1,
      ...asked ? { fields: ["webRtcUser"], expand: ["lines"] } : {}
    });
    const phone = page.entities?.find((p) => p.id === id);
    return { webRtcUser: phone?.webRtcUser !== void 0, lines: (phone?.lines?.length ?? 0) > 0 };
  };
  return { plain: await shape(false), asked: await shape(true) };
}
async function readWelcomeDates(client) {
  const count = async (expand) => {
    const page = await client.users.getUsers({
      pageSize: 100,
      pageNumber: 1,
      ...expand ? { expand: ["dateWelcomeSent"] } : {}
    });
    return (page.entities ?? []).filter((user) => user.dateWelcomeSent !== void 0).length;
  };
  return { plain: await count(false), expanded: await count(true) };
}
var SAMPLED_EXPANDS = ["skills", "locations", "employerInfo", "groups", "languages"];
async function sampleExpands(client, ids, samples) {
  let requested = 0;
  let dropped = 0;
  for (let i = 0; i < samples; i += 1) {
    const page = await client.users.getUsers({
      id: ids,
      pageSize: ids.length,
      pageNumber: 1,
      expand: [...SAMPLED_EXPANDS]
    });
    for (const user of page.entities ?? []) {
      const fields = user;
      for (const expand of SAMPLED_EXPANDS) {
        requested += 1;
        if (fields[expand] === void 0) dropped += 1;
      }
    }
  }
  return { requested, dropped };
}
async function writeAndReadWorkPhone(client, userId, written, notes) {
  const version = (await client.users.getUser(userId)).version ?? 1;
  const status = await statusOf(
    () => client.users.patchUser(userId, {
      version,
      addresses: [
        { address: written, mediaType: "PHONE", type: "WORK" },
        { extension: "4321", mediaType: "PHONE", type: "WORK2" }
      ]
    })
  );
  if (status >= 300) {
    notes.push(`writing a work phone answered ${status}.`);
    return { written, address: null, display: null };
  }
  const user = await client.users.getUser(userId);
  const phones = (user.addresses ?? []).filter((a) => a.mediaType === "PHONE");
  for (const phone of phones) {
    const { type, address, display, extension, countryCode } = phone;
    notes.push(`read back ${type ?? "?"}: ${JSON.stringify({ address, display, extension, countryCode })}`);
  }
  const work = phones.find((a) => a.type === "WORK");
  return { written, address: work?.address ?? null, display: work?.display ?? null };
}

// src/probe/cli.ts
async function probeCommand(command, io) {
  const refusal = refusalOf(command);
  if (refusal) {
    io.stderr(`gc-onboard: ${refusal}
`);
    return 2;
  }
  const org = await openOrg({ sandbox: command.sandbox ? {} : false, env: io.env });
  try {
    const result = await runProbe(org.client, {
      consent: command.consent,
      includeInvite: command.includeInvite,
      ...command.emailDomain === void 0 ? {} : { emailDomain: command.emailDomain },
      ...command.orgNameContains === void 0 ? {} : { orgNameContains: command.orgNameContains },
      log: (line) => io.stderr(`${line}
`)
    });
    await writeFileMaking(command.out, `${JSON.stringify(result.profile, null, 2)}
`);
    io.stdout(result.report);
    io.stdout(`Profile written to ${command.out}: numbers and statuses only, no names, emails or ids.
`);
    return 0;
  } catch (error) {
    if (!(error instanceof ProbeRefused)) throw error;
    io.stderr(`gc-onboard: ${error.message}
`);
    return 2;
  } finally {
    await org.close();
  }
}

// src/render/text.ts
function renderFindingsText(findings) {
  return findingsBlock(uniqueSorted(findings));
}
function findingsBlock(sorted) {
  const lines = [];
  let file;
  let group = [];
  const flush = () => {
    if (file === void 0) return;
    lines.push(plainText(file));
    const places = group.map((f) => plainText(f.column === null ? `${f.line}` : `${f.line}:${f.column}`));
    const placeWidth = places.reduce((width, place) => Math.max(width, place.length), 0);
    const codeWidth = group.reduce((width, f) => Math.max(width, plainText(f.code).length), 0);
    group.forEach((f, i) => {
      const place = (places[i] ?? "").padEnd(placeWidth);
      const code2 = plainText(f.code).padEnd(codeWidth);
      lines.push(`  ${place}  ${f.severity.padEnd(7)}  ${code2}  ${plainText(f.message)}`);
    });
  };
  for (const finding of sorted) {
    if (finding.file !== file) {
      flush();
      file = finding.file;
      group = [];
    }
    group.push(finding);
  }
  flush();
  lines.push(sorted.length === 0 ? "No problems found." : findingsTotal(sorted));
  return `${lines.join("\n")}
`;
}
var value = (text) => text === "" ? "(none)" : plainText(text);
function changeLine(change, isNew) {
  return isNew ? `${change.field}: ${value(change.after)}` : `${change.field}: ${value(change.before)} \u2192 ${value(change.after)}`;
}
function rowLines(row, label, who) {
  const head = `    ${String(row.line).padEnd(5)} ${label.padEnd(14)} ${plainText(who)}`;
  if (row.action === "error") return [`${head}: ${row.errors.map((e) => e.code).join(", ")}`];
  if (row.action === "skip") {
    return [`${head}: not applied (update_existing: false): ${row.changes.map((c) => c.field).join(", ")}`];
  }
  return [head, ...row.changes.map((change) => `            ${changeLine(change, row.action === "create")}`)];
}
function renderPlanText(plan, findings = []) {
  const all = collectFindings(plan, findings);
  const { summary } = plan;
  const lines = [`gc-onboard plan: ${plainText(plan.root)}`];
  if (plan.batches.length === 0) {
    lines.push("Nothing to import.");
  } else {
    lines.push(`People: ${countsLine(summary.people)}`);
    lines.push(`Phones: ${countsLine(summary.phones)}`);
    const invites = summary.invites.map((invite) => `${invite.batch}: ${invitesLine(invite)}`).join(" \xB7 ");
    lines.push(plainText(`Invites: none now \xB7 ${invites}`));
  }
  plan.batches.forEach((batch, index) => {
    lines.push("", plainText(`Batch ${batch.name}`));
    const invite = summary.invites[index];
    if (invite) lines.push(plainText(`  ${invitesLine(invite)} (none now)`));
    const section = (title, rows, label, who, unchanged) => {
      if (rows.length === 0) return;
      lines.push(plainText(`  ${title} (${rows[0]?.file ?? ""})`));
      for (const row of rows)
        if (row.action !== "unchanged")
          for (const line of rowLines(row, label(row), who(row))) lines.push(line);
      const count = rows.filter((row) => row.action === "unchanged").length;
      if (count > 0) lines.push(`    ${plural(count, ...unchanged)}`);
    };
    section(
      "People",
      batch.people,
      (p) => PERSON_ACTION[p.action],
      (p) => `${p.name} <${p.email}>`,
      ["unchanged person", "unchanged people"]
    );
    section(
      "Phones",
      batch.phones,
      (p) => PHONE_ACTION[p.action],
      (p) => `${p.name} for ${p.person.email}`,
      ["unchanged phone", "unchanged phones"]
    );
  });
  if (plan.locationsToCreate.length > 0) {
    const names = plan.locationsToCreate.map(
      (l) => l.name + (l.didYouMean === null ? "" : ` (did you mean "${l.didYouMean}"?)`)
    );
    lines.push("", plainText(`Locations apply will create: ${names.join(", ")}`));
  }
  lines.push("", findingsBlock(all).trimEnd());
  if (plan.batches.length > 0)
    lines.push("Nothing is invited by plan or apply: invites go out on the training day.");
  return `${lines.join("\n")}
`;
}

// src/run/export.ts
import { mkdir as mkdir2, rm, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";

// src/genesys/export-read.ts
var EXPORT_USER_EXPAND = ["skills", "locations", "station", "employerInfo"];
var EXPORTED_EXPANDS = ["skills", "locations", "station"];
async function listAll(fetchPage, pageSize) {
  const first = await fetchPage(1, pageSize);
  const entities = await pageAll(fetchPage, pageSize, first);
  return { entities, total: first.total ?? entities.length };
}
async function readOrgForExport(client, checkDivisions) {
  const divisionsRead = listDivisions(client);
  if (checkDivisions) checkDivisions(toNamed((await divisionsRead).entities));
  const read = await readAll(client, divisionsRead);
  const flagged = read.divisions.entities.find((division) => division.homeDivision)?.id;
  const homeDivisionId = flagged ?? (await client.authorization.getAuthorizationDivisionsHome()).id ?? "";
  return toExportData(read, homeDivisionId, flagged === void 0);
}
var listDivisions = (client) => listAll(
  (pageNumber, pageSize) => client.authorization.getAuthorizationDivisions({ pageNumber, pageSize }),
  PAGE_SIZE.divisions
);
async function readAll(client, divisionsRead) {
  const rolesRead = listAll(
    (pageNumber, pageSize) => client.authorization.getAuthorizationRoles({ pageNumber, pageSize }),
    PAGE_SIZE.roles
  );
  const queuesRead = listAll(
    (pageNumber, pageSize) => client.routing.getRoutingQueues({ pageNumber, pageSize }),
    PAGE_SIZE.queues
  );
  const usersRead = readActiveUsers(client);
  const [divisions, roles, queues, catalog, telephony, users, grants, members, managers] = await Promise.all([
    divisionsRead,
    rolesRead,
    queuesRead,
    readCatalog(client),
    readPhones(client),
    usersRead,
    rolesRead.then(({ entities }) => readGrants(client, toNamed(entities))),
    queuesRead.then(({ entities }) => readMembers(client, toNamed(entities))),
    usersRead.then(({ entities }) => readOtherManagers(client, entities))
  ]);
  return { divisions, roles, queues, ...catalog, ...telephony, users, grants, members, managers };
}
async function readCatalog(client) {
  const { routing, telephony } = client;
  const [skills, locations, sites, baseSettings] = await Promise.all([
    listAll((pageNumber, pageSize) => routing.getRoutingSkills({ pageNumber, pageSize }), PAGE_SIZE.skills),
    listAll(
      (pageNumber, pageSize) => client.locations.getLocations({ pageNumber, pageSize }),
      PAGE_SIZE.locations
    ),
    listAll(
      (pageNumber, pageSize) => telephony.getTelephonyProvidersEdgesSites({ pageNumber, pageSize }),
      PAGE_SIZE.sites
    ),
    listAll(
      (pageNumber, pageSize) => telephony.getTelephonyProvidersEdgesPhonebasesettings({ pageNumber, pageSize, expand: ["lines"] }),
      PAGE_SIZE.phoneBaseSettings
    )
  ]);
  return { skills, locations, sites, baseSettings };
}
async function readPhones(client) {
  const listed = await listAll(
    (pageNumber, pageSize) => phonesPage(client, pageNumber, pageSize),
    PAGE_SIZE.phones
  );
  const phones = { entities: livePhones(listed.entities), total: listed.total };
  const stations = phones.entities.some((phone) => phone.webRtcUser?.id) ? await listAll(
    (pageNumber, pageSize) => client.stations.getStations({ pageNumber, pageSize }),
    PAGE_SIZE.stations
  ) : { entities: [], total: 0 };
  return { phones, stations };
}
async function readActiveUsers(client) {
  const { entities, total } = await listAll(
    (pageNumber, pageSize) => client.users.getUsers({ pageNumber, pageSize, state: "active", expand: EXPORT_USER_EXPAND }),
    PAGE_SIZE.users
  );
  const { read, calls } = await rereadDropped(client, entities, EXPORT_USER_EXPAND, () => EXPORTED_EXPANDS);
  return { entities: read.map(({ user }) => user), total, rereads: calls };
}
function toExportData(read, homeDivisionId, homeReadSeparately) {
  const { divisions, roles, queues, skills, locations, sites, baseSettings, users, phones, stations } = read;
  return {
    homeDivisionId,
    // Export writes numbers as the org stores them and compares nothing: the country is not read.
    defaultCountryCode: null,
    divisions: toNamed(divisions.entities),
    roles: toRoles(roles.entities),
    sites: toNamed(sites.entities),
    phoneBaseSettings: toBaseSettings(baseSettings.entities),
    queues: toNamed(queues.entities),
    skills: toNamed(skills.entities),
    locations: toNamed(locations.entities),
    users: exportUsers(read, homeDivisionId),
    phones: toSnapshotPhones(phones.entities, stations.entities),
    sizes: {
      divisions: divisions.total,
      homeReadSeparately,
      roles: roles.total,
      queues: queues.total,
      skills: skills.total,
      locations: locations.total,
      sites: sites.total,
      phoneBaseSettings: baseSettings.total,
      activeUsers: users.total,
      subjectsPerRole: read.grants.totals,
      membersPerQueue: read.members.totals,
      phones: phones.total,
      webRtcPhones: phones.entities.filter((phone) => phone.webRtcUser?.id).length,
      stations: stations.total,
      otherManagers: otherManagerIds(users.entities).length,
      rereads: users.rereads
    }
  };
}
function exportUsers(read, homeDivisionId) {
  const byId2 = /* @__PURE__ */ new Map();
  for (const user of [...read.users.entities, ...read.managers]) {
    if (!user.id || byId2.has(user.id)) continue;
    byId2.set(user.id, {
      ...toSnapshotUser(user, homeDivisionId),
      hireDate: user.employerInfo?.dateHire ?? ""
    });
  }
  for (const { subjectId, grant } of read.grants.grants) byId2.get(subjectId)?.grants.push(grant);
  for (const { userId, queueId } of read.members.members) {
    const user = byId2.get(userId);
    if (user && !user.queueIds.includes(queueId)) user.queueIds.push(queueId);
  }
  return [...byId2.values()];
}
function otherManagerIds(active) {
  const ids = new Set(active.flatMap((user) => user.id ? [user.id] : []));
  const missing = /* @__PURE__ */ new Set();
  for (const user of active) {
    const managerId = user.manager?.id;
    if (managerId && !ids.has(managerId)) missing.add(managerId);
  }
  return [...missing].sort();
}
async function readOtherManagers(client, active) {
  const ids = otherManagerIds(active);
  const chunks = [];
  for (let i = 0; i < ids.length; i += IDS_PER_CALL) chunks.push(ids.slice(i, i + IDS_PER_CALL));
  const found = await Promise.all(
    chunks.map((id) => client.users.getUsers({ id, state: "any", pageSize: IDS_PER_CALL, pageNumber: 1 }))
  );
  return found.flatMap((listing) => listing.entities ?? []);
}
async function readGrants(client, roles) {
  const perRole = await Promise.all(
    roles.map(async (role) => {
      const subjects = await listAll(
        (pageNumber, pageSize) => client.authorization.getAuthorizationRoleSubjectgrants(role.id, { pageNumber, pageSize }),
        PAGE_SIZE.subjectGrants
      );
      return { grants: userGrants(role, subjects.entities), total: subjects.total };
    })
  );
  return { grants: perRole.flatMap((role) => role.grants), totals: perRole.map((role) => role.total) };
}
async function readMembers(client, queues) {
  const perQueue = await Promise.all(
    queues.map(async (queue) => {
      const members = await listAll(
        (pageNumber, pageSize) => client.routing.getRoutingQueueMembers(queue.id, { pageNumber, pageSize, memberBy: "user" }),
        PAGE_SIZE.queueMembers
      );
      return { members: queueMemberships(queue, members.entities), total: members.total };
    })
  );
  return {
    members: perQueue.flatMap((queue) => queue.members),
    totals: perQueue.map((queue) => queue.total)
  };
}

// src/export/filter.ts
var ExportFilterError = class extends ConfigError {
  name = "ExportFilterError";
};
var fold = (value2) => value2.trim().toLowerCase();
var MAX_LISTED = 10;
function resolveFilter(filter, divisions) {
  let divisionIds = null;
  const names = filter.divisions ?? [];
  if (names.length > 0) {
    const lookup = nameLookup(divisions);
    divisionIds = /* @__PURE__ */ new Set();
    for (const name of names) {
      const division = lookup.find(name);
      if (!division) {
        const shown = divisions.slice(0, MAX_LISTED).map((d) => `"${d.name}"`);
        const more = divisions.length - shown.length;
        const known = more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
        throw new ExportFilterError(
          `There is no division "${name}"${didYouMeanSuffix(
            name,
            divisions.map((d) => d.name)
          )}; the org has ${known}.`
        );
      }
      divisionIds.add(division.id);
    }
  }
  let department = null;
  if (filter.department !== void 0) {
    department = fold(filter.department);
    if (department === "") throw new ExportFilterError("--department needs a department name.");
  }
  let emailDomain = null;
  if (filter.emailDomain !== void 0) {
    emailDomain = fold(filter.emailDomain).replace(/^@/, "");
    if (emailDomain === "" || emailDomain.includes("@")) {
      throw new ExportFilterError(
        `--email-domain needs a domain such as northfield.edu, got "${filter.emailDomain}".`
      );
    }
  }
  return { divisionIds, department, emailDomain };
}
function matchesFilter(user, filter) {
  if (filter.divisionIds && !filter.divisionIds.has(user.divisionId)) return false;
  if (filter.department !== null && fold(user.department) !== filter.department) return false;
  if (filter.emailDomain !== null && !fold(user.email).endsWith(`@${filter.emailDomain}`)) return false;
  return true;
}

// src/export/org.ts
var byId = (items) => new Map(items.map((item) => [item.id, item]));
function indexData(data) {
  const phonesByUser = /* @__PURE__ */ new Map();
  for (const phone of data.phones) {
    if (!phone.webRtcUserId) continue;
    const list = phonesByUser.get(phone.webRtcUserId) ?? [];
    list.push(phone);
    phonesByUser.set(phone.webRtcUserId, list);
  }
  return {
    divisions: nameLookup(data.divisions),
    roles: nameLookup(data.roles),
    queues: nameLookup(data.queues),
    skills: nameLookup(data.skills),
    locations: nameLookup(data.locations),
    sites: nameLookup(data.sites),
    baseSettings: nameLookup(data.phoneBaseSettings),
    items: {
      divisions: byId(data.divisions),
      roles: byId(data.roles),
      queues: byId(data.queues),
      skills: byId(data.skills),
      locations: byId(data.locations),
      sites: byId(data.sites),
      baseSettings: byId(data.phoneBaseSettings)
    },
    usersById: byId(data.users),
    phonesByUser
  };
}
var byName = (a, b) => a < b ? -1 : a > b ? 1 : 0;
var byFoldedName = (a, b) => byName(a.toLowerCase(), b.toLowerCase()) || byName(a, b);
function whyNot(name, kind, lookup, separators) {
  if (name.trim() === "") return `the ${kind} has no name`;
  const found = [...separators].filter((char) => name.includes(char));
  if (found.length > 0) {
    const shown = found.map((char) => `"${char}"`).join(" and ");
    return `its name holds ${shown}, which this column uses between items`;
  }
  if (lookup.find(name.trim()) === void 0) return `another ${kind} has the same name apart from case`;
  return `the import would read it as another ${kind} of the same name`;
}
function readsBack(lookup, items, id) {
  const item = items.get(id);
  if (!item) return void 0;
  return lookup.find(item.name.trim())?.id === id ? item.name : void 0;
}

// src/export/row.ts
function formulaNotes(cells, who, phoneColumn) {
  const notes = [];
  for (const [column, value2] of Object.entries(cells)) {
    const issue = value2 === "" ? void 0 : checkFormula(value2, column === phoneColumn);
    if (!issue) continue;
    notes.push({
      column,
      severity: "error",
      code: "formula-cell",
      message: `${column} ${quote(value2)} of ${who} starts with "${value2[0] ?? ""}", so a spreadsheet would run it as a formula. It is written as Genesys Cloud holds it; validate refuses this row until the value is changed (in Genesys Cloud, or in the file).`
    });
  }
  return notes;
}

// src/export/people.ts
function personRow(user, org) {
  const notes = [];
  const note = (column, severity, code2, message) => notes.push({ column, severity, code: code2, message });
  const managerEmail = managerCell(user, org, note);
  const location = locationCell(user, org, note);
  const division = divisionCell(user, org, note);
  const roles = rolesCell(user, org, note);
  const queues = queuesCell(user, org, note);
  const skills = skillsCell(user, org, note);
  const cells = {
    name: user.name,
    email: user.email,
    phone_work: user.phoneWork,
    extension: user.extension,
    title: user.title,
    department: user.department,
    email_manager: managerEmail,
    location_work: location.text,
    roles_divisions: roles.text,
    queues: queues.text,
    division: division.text,
    skills: skills.text,
    hire_date: isCalendarDate(user.hireDate) ? user.hireDate : ""
  };
  plainCellNotes(user, cells, note);
  notes.push(...formulaNotes(cells, user.email, "phone_work"));
  return {
    row: { cells, notes },
    intended: {
      user,
      managerEmail,
      locationId: location.value,
      divisionId: division.value,
      grants: roles.value,
      queueIds: queues.value,
      skills: skills.value
    }
  };
}
function managerCell(user, org, note) {
  if (user.managerId === null) return "";
  const manager = org.usersById.get(user.managerId);
  const leftBlank = "the cell is left blank, so a re-import leaves the manager as it is.";
  if (!manager) {
    note(
      "email_manager",
      "warning",
      "manager-not-found",
      `The manager of ${user.email} (user ${user.managerId}) was not found; ${leftBlank}`
    );
    return "";
  }
  if (manager.state === "deleted") {
    note(
      "email_manager",
      "warning",
      "manager-deleted",
      `The manager of ${user.email}, ${manager.email}, is a deleted user, which the import cannot name; ${leftBlank}`
    );
    return "";
  }
  return manager.email;
}
function locationCell(user, org, note) {
  const who = user.email;
  if (user.locationIds.length > 1) {
    const names = user.locationIds.map((id2) => quote(org.items.locations.get(id2)?.name ?? id2)).join(", ");
    note(
      "location_work",
      "warning",
      "several-locations",
      `${who} has ${user.locationIds.length} locations (${names}) and location_work holds one; the cell is left blank, so a re-import leaves them as they are.`
    );
    return { text: "", value: null };
  }
  const id = user.locationIds[0];
  if (id === void 0) return { text: "", value: null };
  const name = readsBack(org.locations, org.items.locations, id);
  if (name !== void 0) return { text: name, value: id };
  const item = org.items.locations.get(id);
  note(
    "location_work",
    "warning",
    item ? "name-not-exportable" : "unknown-location",
    item ? `Location ${quote(item.name)} of ${who} is left out: ${whyNot(item.name, "location", org.locations, "")}. A re-import leaves the location as it is.` : `Location ${id} of ${who} is not in the org's location list; the cell is left blank, so a re-import leaves it as it is.`
  );
  return { text: "", value: null };
}
function divisionCell(user, org, note) {
  const name = readsBack(org.divisions, org.items.divisions, user.divisionId);
  if (name !== void 0) return { text: name, value: user.divisionId };
  const item = org.items.divisions.get(user.divisionId);
  note(
    "division",
    "warning",
    "name-not-exportable",
    `The division of ${user.email} (${item ? quote(item.name) : user.divisionId}) is left out: ${item ? whyNot(item.name, "division", org.divisions, "") : "it is not in the org"}. A re-import leaves the division as it is.`
  );
  return { text: "", value: null };
}
function rolesCell(user, org, note) {
  const divisionsByRole = /* @__PURE__ */ new Map();
  const grants = [];
  for (const grant of user.grants) {
    const names = grantNames(grant, org);
    if ("reason" in names) {
      const role = org.items.roles.get(grant.roleId);
      const target = org.items.divisions.get(grant.divisionId);
      const shownRole = role ? quote(role.name) : `role ${grant.roleId}`;
      const shownDivision = target ? quote(target.name) : `division ${grant.divisionId}`;
      note(
        "roles_divisions",
        "warning",
        "name-not-exportable",
        `Grant ${shownRole} in ${shownDivision} of ${user.email} is left out: ${names.reason}. A re-import leaves it as it is.`
      );
      continue;
    }
    const list = divisionsByRole.get(names.role) ?? [];
    if (!list.includes(names.division)) list.push(names.division);
    divisionsByRole.set(names.role, list);
    grants.push(`${grant.roleId}|${grant.divisionId}`);
  }
  const text = [...divisionsByRole].sort(([a], [b]) => byFoldedName(a, b)).map(([role, divisions]) => `${role}:[${divisions.sort(byFoldedName).join(", ")}]`).join(", ");
  return { text, value: grants };
}
function grantNames(grant, org) {
  const role = org.items.roles.get(grant.roleId);
  const target = org.items.divisions.get(grant.divisionId);
  if (!role) return { reason: "the role is not in the org" };
  if (!target)
    return { reason: "the division is not in the org (a grant on all divisions cannot be written)" };
  const roleName = readsBack(org.roles, org.items.roles, role.id);
  const targetName = readsBack(org.divisions, org.items.divisions, target.id);
  const parsed = roleName && targetName ? parseRoles(`${roleName}:[${targetName}]`) : void 0;
  const back = parsed && "value" in parsed && parsed.value.length === 1 ? parsed.value[0] : void 0;
  const roleBack = roleName !== void 0 && back !== void 0 && org.roles.find(back.role)?.id === grant.roleId;
  if (!roleBack) return { reason: `the role ${whyNot(role.name, "role", org.roles, ",[]")}` };
  if (targetName === void 0 || back?.divisions.length !== 1 || org.divisions.find(back.divisions[0] ?? "")?.id !== grant.divisionId)
    return { reason: `the division ${whyNot(target.name, "division", org.divisions, ",[]")}` };
  return { role: roleName, division: targetName };
}
function queuesCell(user, org, note) {
  const names = [];
  const ids = [];
  for (const id of user.queueIds) {
    const name = readsBack(org.queues, org.items.queues, id);
    const parsed = name === void 0 ? void 0 : parseQueues(name);
    if (name === void 0 || !parsed || !("value" in parsed) || parsed.value.length !== 1) {
      const item = org.items.queues.get(id);
      note(
        "queues",
        "warning",
        "name-not-exportable",
        `Queue ${item ? quote(item.name) : id} of ${user.email} is left out: ${item ? whyNot(item.name, "queue", org.queues, ",") : "it is not in the org"}. A re-import leaves the membership as it is.`
      );
      continue;
    }
    names.push(name);
    ids.push(id);
  }
  return { text: names.sort(byFoldedName).join(", "), value: ids };
}
function skillsCell(user, org, note) {
  const cells = [];
  const keys = [];
  for (const skill of user.skills) {
    const name = readsBack(org.skills, org.items.skills, skill.skillId);
    const text = `${name ?? ""}:${skill.proficiency}`;
    const parsed = name === void 0 ? void 0 : parseSkills(text);
    const back = parsed && "value" in parsed && parsed.value.length === 1 ? parsed.value[0] : void 0;
    if (!back || back.proficiency !== skill.proficiency || org.skills.find(back.skill)?.id !== skill.skillId) {
      const item = org.items.skills.get(skill.skillId);
      const reason = !item ? "it is not in the org" : name !== void 0 && !back ? `its proficiency ${skill.proficiency} is not a number from 0 to 5` : whyNot(item.name, "skill", org.skills, ",");
      note(
        "skills",
        "warning",
        "name-not-exportable",
        `Skill ${item ? quote(item.name) : skill.skillId} of ${user.email} is left out: ${reason}. A re-import leaves it as it is.`
      );
      continue;
    }
    cells.push(text);
    keys.push(`${skill.skillId}|${skill.proficiency}`);
  }
  return { text: cells.sort(byFoldedName).join(", "), value: keys };
}
function plainCellNotes(user, cells, note) {
  const who = user.email;
  if (user.hireDate !== "" && cells.hire_date === "") {
    note(
      "hire_date",
      "warning",
      "hire-date-not-exportable",
      `The hire date ${quote(user.hireDate)} of ${who} is not a date written YYYY-MM-DD; the cell is left blank (gc-onboard never changes hire dates).`
    );
  }
  for (const column of ["name", "title", "department", "phone_work", "extension"]) {
    const value2 = cells[column];
    if (value2 === value2.trim()) continue;
    note(
      column,
      "warning",
      "trimmed-on-import",
      `${column} ${quote(value2)} of ${who} starts or ends with spaces, which the import trims: a re-import would change it to ${quote(value2.trim())}.`
    );
  }
}
var samePhone = (a, b) => a.replace(/\D/g, "") === b.replace(/\D/g, "");
function personDifferences(row, intended, org) {
  const { user } = intended;
  const notes = [];
  const differs = (column, wrote, read) => notes.push({
    column,
    severity: "warning",
    code: "changes-on-reimport",
    message: `${column} of ${user.email} reads back as ${quote(read)}, not ${quote(wrote)}: a re-import would show a change.`
  });
  if (row.name !== user.name) differs("name", user.name, row.name);
  if ((row.title ?? "") !== user.title) differs("title", user.title, row.title ?? "");
  if ((row.department ?? "") !== user.department)
    differs("department", user.department, row.department ?? "");
  if (!samePhone(row.phoneWork ?? "", user.phoneWork))
    differs("phone_work", user.phoneWork, row.phoneWork ?? "");
  if ((row.extension ?? "") !== user.extension) differs("extension", user.extension, row.extension ?? "");
  if ((row.managerEmail ?? "").toLowerCase() !== intended.managerEmail.toLowerCase())
    differs("email_manager", intended.managerEmail, row.managerEmail ?? "");
  const nameOf = (items, id) => id === null ? "" : items.get(id)?.name ?? id;
  const locationId = row.location === void 0 ? null : org.locations.find(row.location)?.id ?? row.location;
  if (locationId !== intended.locationId)
    differs("location_work", nameOf(org.items.locations, intended.locationId), row.location ?? "");
  const divisionId = row.division === void 0 ? null : org.divisions.find(row.division)?.id ?? row.division;
  if (divisionId !== intended.divisionId)
    differs("division", nameOf(org.items.divisions, intended.divisionId), row.division ?? "");
  const grants = row.roles.flatMap(
    (grant) => grant.divisions.map(
      (name) => `${org.roles.find(grant.role)?.id ?? grant.role}|${org.divisions.find(name)?.id ?? name}`
    )
  );
  const shown = (keys, first, second) => keys.map((key) => {
    const [a = "", b = ""] = key.split("|");
    return second ? `${nameOf(first, a)}:[${nameOf(second, b)}]` : b ? `${nameOf(first, a)}:${b}` : nameOf(first, a);
  }).join(", ");
  if (!sameSet(grants, intended.grants)) {
    const { roles, divisions } = org.items;
    differs("roles_divisions", shown(intended.grants, roles, divisions), shown(grants, roles, divisions));
  }
  const queueIds = row.queues.map((name) => org.queues.find(name)?.id ?? name);
  if (!sameSet(queueIds, intended.queueIds))
    differs("queues", shown(intended.queueIds, org.items.queues), shown(queueIds, org.items.queues));
  const skills = row.skills.map(
    (skill) => `${org.skills.find(skill.skill)?.id ?? skill.skill}|${skill.proficiency}`
  );
  if (!sameSet(skills, intended.skills))
    differs("skills", shown(intended.skills, org.items.skills), shown(skills, org.items.skills));
  return notes;
}
function sameSet(a, b) {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((item) => left.has(item));
}

// src/export/phones.ts
function phoneRow(user, org) {
  const phones = org.phonesByUser.get(user.id) ?? [];
  const phone = phones[0];
  if (!phone) return void 0;
  const who = user.email;
  const skip = (code2, message) => ({
    column: null,
    severity: "warning",
    code: code2,
    message
  });
  if (phones.length > 1) {
    const names = phones.map((p) => quote(p.name)).join(", ");
    return skip(
      "several-phones",
      `${who} has ${phones.length} WebRTC phones (${names}) and the import gives a person one; none is written.`
    );
  }
  const base = org.items.baseSettings.get(phone.baseSettingsId);
  if (!base?.webRtc) {
    return skip(
      "phone-not-webrtc",
      `Phone ${quote(phone.name)} of ${who} is not made from WebRTC base settings; it is not written.`
    );
  }
  if (phone.stationId === null || phone.stationId !== user.defaultStationId) {
    return skip(
      "phone-not-default",
      `WebRTC phone ${quote(phone.name)} of ${who} is not their default phone; it is not written, because importing it would make it the default. Add the row to do that.`
    );
  }
  const site = readsBack(org.sites, org.items.sites, phone.siteId);
  const baseName = readsBack(org.baseSettings, org.items.baseSettings, phone.baseSettingsId);
  if (site === void 0 || baseName === void 0) {
    const [kind, name] = site === void 0 ? ["site", org.items.sites.get(phone.siteId)?.name] : ["base settings", base.name];
    return skip(
      "name-not-exportable",
      `WebRTC phone ${quote(phone.name)} of ${who} is not written: its ${kind} ${name === void 0 ? "is not in the org" : `${quote(name)} does not read back (another ${kind} has the same name)`}.`
    );
  }
  const cells = {
    phone_name: phone.name,
    base_settings: baseName,
    site,
    email: user.email
  };
  return { cells, notes: formulaNotes(cells, who) };
}
function phoneDifferences(read, wrote, org) {
  if (!read) return [];
  const same = read.name.trim().toLowerCase() === wrote.cells.phone_name.trim().toLowerCase() && org.sites.find(read.site)?.id === org.sites.find(wrote.cells.site)?.id && org.baseSettings.find(read.baseSettings)?.id === org.baseSettings.find(wrote.cells.base_settings)?.id;
  if (same) return [];
  return [
    {
      column: "phone_name",
      severity: "warning",
      code: "changes-on-reimport",
      message: `The phone of ${wrote.cells.email} does not read back as the same phone: a re-import would show a change.`
    }
  ];
}

// src/export/export.ts
var BOM = "\uFEFF";
function csvCell(value2) {
  return /[",\r\n]/.test(value2) ? `"${value2.replace(/"/g, '""')}"` : value2;
}
function lineBreaks(value2) {
  return (value2.match(/\r\n|\r|\n/g) ?? []).length;
}
function writeCsv(columns, rows) {
  const out = [columns.join(",")];
  const lines = [];
  let line = 2;
  for (const row of rows) {
    const values = columns.map((column) => row.cells[column]);
    lines.push(line);
    line += 1 + values.reduce((sum, value2) => sum + lineBreaks(value2), 0);
    out.push(values.map(csvCell).join(","));
  }
  return { text: `${BOM}${out.join("\n")}
`, lines };
}
function collectFindings2(file, rows, lines, parsed, differences) {
  const findings = [];
  const covered = /* @__PURE__ */ new Set();
  const place = (line, column) => `${line}|${column ?? ""}`;
  rows.forEach((row, index) => {
    const line = lines[index] ?? 0;
    for (const note of row.notes) {
      findings.push({ ...note, file, line });
      covered.add(place(line, note.column));
    }
  });
  for (const finding of parsed.findings) {
    if (covered.has(place(finding.line, finding.column))) continue;
    findings.push({ ...finding, file });
    covered.add(place(finding.line, finding.column));
  }
  for (const line of lines) {
    for (const note of differences(line)) {
      if (covered.has(place(line, note.column))) continue;
      findings.push({ ...note, file, line });
      covered.add(place(line, note.column));
    }
  }
  return findings;
}
function exportCsv(data, filter = {}, files = { people: "people.csv", phones: "phones.csv" }) {
  const resolved = resolveFilter(filter, data.divisions);
  const org = indexData(data);
  const users = data.users.filter((user) => user.state === "active" && matchesFilter(user, resolved)).sort((a, b) => byFoldedName(a.email, b.email));
  const people = users.map((user) => personRow(user, org));
  const peopleRows = people.map((person) => person.row);
  const peopleText = writeCsv(PEOPLE_COLUMNS, peopleRows);
  const phones = phoneRows(people, peopleText.lines, org);
  const phonesText = writeCsv(PHONE_COLUMNS, phones.rows);
  const readBack = readPeopleBack(people, peopleText, files.people, org);
  const findings = [
    ...readBack.findings,
    // A phone that cannot be written is reported at its person's people.csv line.
    ...phones.notes.map(({ line, note }) => ({ ...note, file: files.people, line })),
    ...phoneFindings(phones.rows, phonesText, files.phones, readBack.byEmail, org)
  ].sort(byPlace);
  return {
    peopleCsv: peopleText.text,
    phonesCsv: phonesText.text,
    people: peopleRows.length,
    phones: phones.rows.length,
    findings
  };
}
var byPlace = (a, b) => byName(a.file, b.file) || a.line - b.line || byName(a.column ?? "", b.column ?? "") || byName(a.code, b.code);
function phoneRows(people, lines, org) {
  const rows = [];
  const notes = [];
  people.forEach((person, index) => {
    const result = phoneRow(person.intended.user, org);
    if (result === void 0) return;
    if ("cells" in result) rows.push(result);
    else notes.push({ line: lines[index] ?? 0, note: result });
  });
  return { rows, notes };
}
function readPeopleBack(people, written, file, org) {
  const parsed = parsePeople(written.text, file, "export");
  const byEmail = new Map(parsed.rows.map((row) => [row.emailKey, row]));
  const intendedByLine = new Map(people.map((person, index) => [written.lines[index] ?? 0, person.intended]));
  const rows = people.map((person) => person.row);
  const findings = collectFindings2(file, rows, written.lines, parsed, (line) => {
    const intended = intendedByLine.get(line);
    const row = intended ? byEmail.get(intended.user.email.toLowerCase()) : void 0;
    return intended && row && row.line === line ? personDifferences(row, intended, org) : [];
  });
  return { findings, byEmail };
}
function phoneFindings(rows, written, file, people, org) {
  if (rows.length === 0) return [];
  const parsed = parsePhones(written.text, file, "export", DEFAULT_BATCH_CONFIG, people);
  const byLine = new Map(parsed.rows.map((row) => [row.line, row]));
  return collectFindings2(file, rows, written.lines, parsed, (line) => {
    const wrote = rows[written.lines.indexOf(line)];
    return wrote ? phoneDifferences(byLine.get(line), wrote, org) : [];
  });
}

// src/run/export.ts
async function exportOrg(client, filter, outDir) {
  resolveFilter({ ...filter, divisions: [] }, []);
  const data = await readOrgForExport(
    client,
    (filter.divisions ?? []).length > 0 ? (divisions) => resolveFilter(filter, divisions) : void 0
  );
  const people = path2.join(outDir, "people.csv");
  const phones = path2.join(outDir, "phones.csv");
  const csv = exportCsv(data, filter, { people, phones });
  await mkdir2(outDir, { recursive: true });
  await writeFile2(people, csv.peopleCsv);
  const files = [people];
  const removed = [];
  if (csv.phones > 0) {
    await writeFile2(phones, csv.phonesCsv);
    files.push(phones);
  } else {
    const existed = await rm(phones).then(
      () => true,
      (error) => {
        if (error.code === "ENOENT") return false;
        throw error;
      }
    );
    if (existed) removed.push(phones);
  }
  return { people: csv.people, phones: csv.phones, files, removed, findings: csv.findings };
}
function renderExportText(result) {
  const [people, phones] = result.files;
  const lines = [
    `Exported ${plural(result.people, "person", "people")} to ${people ?? "people.csv"}` + (phones ? ` and ${plural(result.phones, "WebRTC phone", "WebRTC phones")} to ${phones}.` : " (no WebRTC phones)."),
    ...result.removed.map((file) => `Removed ${file}: it was from an earlier export.`)
  ];
  return `${lines.join("\n")}
${renderFindingsText(result.findings)}`;
}
function exportExitCode(result) {
  return hasErrors(result.findings) ? 1 : 0;
}

// src/sandbox/cli.ts
function faultsOf(faultRate) {
  if (!(Number.isFinite(faultRate) && faultRate >= 0 && faultRate <= 1)) {
    throw new Error(`sandbox: the fault rate must be a number from 0 to 1, not ${faultRate}`);
  }
  return {
    rate429: faultRate * 0.6,
    rate503: faultRate * 0.2,
    drop: faultRate * 0.1,
    commitThenDrop: faultRate * 0.1
  };
}
function sandboxOptionsOf(options2) {
  const result = {};
  if (options2.port !== void 0) result.port = options2.port;
  if (options2.rateLimitPerMinute !== void 0) result.rateLimitPerMinute = options2.rateLimitPerMinute;
  if (options2.latencyMs !== void 0) result.latencyMs = options2.latencyMs;
  if (options2.faultRate !== void 0 && options2.faultRate > 0) result.faults = faultsOf(options2.faultRate);
  if (options2.seed !== void 0) result.seed = options2.seed;
  if (options2.clients !== void 0 && options2.clients > 1) result.clients = options2.clients;
  return result;
}
function settingsLine(options2) {
  const parts = [`${options2.rateLimitPerMinute ?? 300} requests/min per token`];
  if ((options2.clients ?? 1) > 1) parts.push(`${options2.clients} OAuth clients`);
  if (options2.latencyMs) parts.push(`${options2.latencyMs} ms latency`);
  parts.push(
    options2.faultRate ? `fault rate ${options2.faultRate} (seed ${options2.seed ?? 1})` : "no injected faults"
  );
  return parts.join(", ");
}
function poolSetting(options2) {
  const pool = sandboxClients(options2).slice(1);
  return pool.length === 0 ? "" : ` GENESYSCLOUD_OAUTHCLIENT_POOL=${pool.map((c) => `${c.id}:${c.secret}`).join(",")}`;
}
function behaviourNote(options2) {
  return options2.profile ? `behaving as the profile measured ${options2.profile.measuredAt}` : "real-org behaviours on";
}
function connectionSettings(url, options2) {
  const [main] = sandboxClients(options2);
  return `GENESYSCLOUD_API_REGION=${url} GENESYSCLOUD_OAUTHCLIENT_ID=${main?.id ?? "sandbox"} GENESYSCLOUD_OAUTHCLIENT_SECRET=${main?.secret ?? "sandbox"}${poolSetting(options2)}`;
}
async function serveSandbox(options2, log) {
  const base = sandboxOptionsOf(options2);
  const sandbox = await startSandbox(options2.profile ? profileToOptions(options2.profile, base) : base);
  log(
    `Sandbox Genesys Cloud (Northfield University demo org, ${behaviourNote(options2)}; ${settingsLine(options2)}) at ${sandbox.url}: run gc-onboard with ${connectionSettings(sandbox.url, base)}; stats at ${sandbox.url}/__sandbox/stats.`
  );
  return sandbox;
}
var MAX_SANDBOX_ORGS = 8;
function parseOrgNames(value2) {
  const names = value2.split(",").map((name) => name.trim()).filter((name) => name !== "");
  if (names.length === 0 || names.length > MAX_SANDBOX_ORGS) {
    throw new Error(`sandbox: --orgs takes 1 to ${MAX_SANDBOX_ORGS} org names, e.g. test,production`);
  }
  for (const name of names) orgTagOf(name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== void 0) throw new Error(`sandbox: --orgs names ${repeated} twice`);
  return names;
}
async function serveSandboxes(orgNames2, options2, log) {
  const optionsOf = (name, i) => {
    const base = { ...sandboxOptionsOf(options2), port: options2.port ? options2.port + i : 0 };
    const own = orgSandboxOptions(name, base);
    return options2.profile ? profileToOptions(options2.profile, own) : own;
  };
  const all = orgNames2.map((name, i) => [name, optionsOf(name, i)]);
  const started = await startSandboxes(Object.fromEntries(all));
  for (const [name, orgOptions] of all) {
    const sandbox = started.orgs[name];
    if (!sandbox) continue;
    log(
      `Sandbox org ${name} (${orgOptions.org?.name ?? name}, ${behaviourNote(options2)}; ${settingsLine(options2)}) at ${sandbox.url}: for org ${name} run gc-onboard with ${connectionSettings(sandbox.url, orgOptions)}; stats at ${sandbox.url}/__sandbox/stats.`
    );
  }
  return started;
}

// src/cli/args.ts
import { parseArgs } from "node:util";
var UsageError = class extends Error {
};
var USAGE = `Usage:
  gc-onboard validate [--imports DIR] [--format text|json|markdown]
  gc-onboard plan     [--imports DIR] [--sandbox] [--format text|json|markdown] [--out FILE] [--label NAME]... [--policy FILE]
  gc-onboard apply    --reviewed PLAN.json | --no-review  [--imports DIR] [--sandbox] [--format text|json] [--results FILE] [--label NAME]... [--policy FILE]
  gc-onboard invite   [--imports DIR] [--date YYYY-MM-DD] [--batch NAME] [--force | --expired] [--sandbox] [--timezone TZ] [--format text|json]
  gc-onboard drift    [--imports DIR] [--sandbox] [--timezone TZ] [--format text|json|markdown] [--fail-on-drift]
  gc-onboard export   [--division NAME]... [--department NAME] [--email-domain D] [--out DIR] [--sandbox]
  gc-onboard init     [DIR] [--orgs test,production]
  gc-onboard doctor   [--imports DIR] [--sandbox]
  gc-onboard sandbox  [--port N] [--rate-limit PER_MINUTE] [--latency-ms N] [--fault-rate 0..1] [--seed N] [--clients N] [--profile FILE] [--orgs test,production]
  gc-onboard probe    --email-domain D --yes-write-to-this-org [--org-name-contains S] [--include-invite] [--out FILE] [--sandbox]
  gc-onboard demo

init writes what a team's own repository needs (imports/, workflows, .gitignore lines) into DIR
(default .), never overwriting a file. doctor checks the login, the OAuth client's permissions per
mode and division, and the names the imports use (read-only; exit 1 when plan or apply lacks something).
drift compares the org with every batch (read-only) and follows up invitations: who logged in, whose
invitation expired, who was never invited; invite --expired re-sends the expired ones, once per expiry.
probe measures a TEST org with throwaway gc-onboard-probe-* objects and writes org-profile.json
(no personal data); sandbox --profile FILE behaves like the org it measured.
--label NAME: a pull-request label, e.g. the policy's override_label that lifts max_changes.
--policy FILE: judge the rows by this policy file (e.g. the base branch's) instead of <imports>/policy.yml,
which is then only checked for errors.
--reviewed PLAN.json: the plan file reviewers approved (plan --format json --out PLAN.json); apply holds
every row that would now do more than, or other than, it showed. --no-review: apply the plan as it is.
Every command takes --debug (stack traces on fatal errors).
Exit codes: 0 all good; 1 findings or failed rows; 2 usage, configuration or fatal error.
Connection: GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET, GENESYSCLOUD_REGION,
GENESYSCLOUD_API_REGION (base URL override), or --sandbox for an in-process demo org.
GENESYSCLOUD_OAUTHCLIENT_POOL: more OAuth clients of the org (id:secret,id:secret), each paced at its
own limit; --client-pool-env NAME reads them from NAME instead.
--org NAME (plan, apply, invite, drift, doctor, export): with <imports>/orgs.yml, work on that org only:
the batches that go to it, its region and time zone; the GENESYSCLOUD_* variables hold its credentials.`;
var options = {
  imports: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  results: { type: "string" },
  sandbox: { type: "boolean" },
  date: { type: "string" },
  batch: { type: "string" },
  force: { type: "boolean" },
  expired: { type: "boolean" },
  "fail-on-drift": { type: "boolean" },
  timezone: { type: "string" },
  port: { type: "string" },
  "rate-limit": { type: "string" },
  "latency-ms": { type: "string" },
  "fault-rate": { type: "string" },
  seed: { type: "string" },
  clients: { type: "string" },
  "client-pool-env": { type: "string" },
  org: { type: "string" },
  orgs: { type: "string" },
  division: { type: "string", multiple: true },
  label: { type: "string", multiple: true },
  policy: { type: "string" },
  reviewed: { type: "string" },
  "no-review": { type: "boolean" },
  department: { type: "string" },
  "email-domain": { type: "string" },
  profile: { type: "string" },
  "yes-write-to-this-org": { type: "boolean" },
  "org-name-contains": { type: "string" },
  "include-invite": { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" }
};
var commands = {
  validate: { flags: ["imports", "format"], parse: parseValidate },
  plan: { flags: ["imports", "sandbox", "format", "out", "label", "policy"], parse: parsePlan },
  apply: {
    flags: ["imports", "sandbox", "format", "results", "label", "policy", "reviewed", "no-review"],
    parse: parseApply
  },
  invite: {
    flags: ["imports", "sandbox", "date", "batch", "force", "expired", "format", "timezone"],
    parse: parseInvite
  },
  drift: { flags: ["imports", "sandbox", "format", "timezone", "fail-on-drift"], parse: parseDrift },
  export: {
    flags: ["imports", "sandbox", "division", "department", "email-domain", "out"],
    parse: parseExport
  },
  init: { flags: ["orgs"], parse: parseInit },
  doctor: { flags: ["imports", "sandbox"], parse: parseDoctor },
  sandbox: {
    flags: ["port", "rate-limit", "latency-ms", "fault-rate", "seed", "clients", "profile", "orgs"],
    parse: parseSandbox
  },
  probe: {
    flags: ["sandbox", "email-domain", "yes-write-to-this-org", "org-name-contains", "include-invite", "out"],
    parse: parseProbe
  },
  demo: { flags: [], parse: parseDemo }
};
var COMMANDS = Object.keys(commands);
var TALKS_TO_ORG = /* @__PURE__ */ new Set(["plan", "apply", "invite", "drift", "export", "doctor", "probe"]);
var ORG_COMMANDS = /* @__PURE__ */ new Set(["plan", "apply", "invite", "drift", "export", "doctor"]);
function parseCommand(argv) {
  const { values, positionals } = parseFlags(argv);
  const command = parseCommandBody(values, positionals);
  const poolEnv = values["client-pool-env"];
  if (poolEnv !== void 0 && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(poolEnv))
    throw new UsageError(`--client-pool-env must name an environment variable, got "${poolEnv}"`);
  return {
    ...command,
    ...poolEnv === void 0 ? {} : { clientPoolEnv: poolEnv },
    ...values.org === void 0 ? {} : { org: values.org }
  };
}
function parseFlags(argv) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const unknown = /^Unknown option '([^']+)'/.exec(error.message);
    if (!unknown) throw new UsageError(error.message);
    const flags = Object.keys(options).map((name) => `--${name}`);
    throw new UsageError(`unknown option ${unknown[1]}${didYouMeanSuffix(unknown[1] ?? "", flags)}`);
  }
}
function parseCommandBody(values, positionals) {
  if (values.version) return { name: "version" };
  const name = positionals[0];
  if (values.help || name === void 0 || name === "help") return { name: "help" };
  const extra = name === "init" ? 2 : 1;
  if (positionals.length > extra) throw new UsageError(`unexpected argument "${positionals[extra]}"`);
  if (!isCommandName(name))
    throw new UsageError(`unknown command "${name}"${didYouMeanSuffix(name, COMMANDS)}`);
  for (const key of Object.keys(values)) {
    if (!isShared(key, name) && !commands[name].flags.some((flag) => flag === key)) {
      throw new UsageError(`--${key} is not an option of "${name}"`);
    }
  }
  const common = {
    imports: values.imports ?? "imports",
    sandbox: values.sandbox ?? false,
    debug: values.debug ?? false
  };
  return parseAs(name, values, common, positionals);
}
var isCommandName = (name) => Object.hasOwn(commands, name);
var isShared = (key, name) => key === "debug" || key === "client-pool-env" && TALKS_TO_ORG.has(name) || key === "org" && ORG_COMMANDS.has(name);
function parseAs(name, values, common, positionals) {
  return commands[name].parse(values, common, positionals);
}
function parseValidate(values, { imports, debug }) {
  return { name: "validate", imports, format: format(values.format, ["text", "json", "markdown"]), debug };
}
function parsePlan(values, { imports, sandbox, debug }) {
  return {
    name: "plan",
    imports,
    sandbox,
    format: format(values.format, ["text", "json", "markdown"]),
    labels: values.label ?? [],
    debug,
    ...values.out === void 0 ? {} : { out: values.out },
    ...values.policy === void 0 ? {} : { policy: values.policy }
  };
}
function parseApply(values, { imports, sandbox, debug }) {
  if (values.reviewed === void 0 === (values["no-review"] !== true)) {
    throw new UsageError(
      values.reviewed === void 0 ? "apply writes only what was reviewed: give --reviewed FILE (the plan file of the preview) or --no-review" : "--reviewed and --no-review do not go together"
    );
  }
  return {
    name: "apply",
    review: values.reviewed === void 0 ? "none" : { file: values.reviewed },
    imports,
    sandbox,
    format: format(values.format, ["text", "json"]),
    labels: values.label ?? [],
    debug,
    ...values.results === void 0 ? {} : { results: values.results },
    ...values.policy === void 0 ? {} : { policy: values.policy }
  };
}
function parseInvite(values, { imports, sandbox, debug }) {
  if (values.date !== void 0 && !isCalendarDate(values.date)) {
    throw new UsageError(`--date must be a calendar date YYYY-MM-DD, got "${values.date}"`);
  }
  if (values.force && values.expired) throw new UsageError("--force and --expired do not go together");
  return {
    name: "invite",
    imports,
    sandbox,
    force: values.force ?? false,
    expired: values.expired ?? false,
    format: format(values.format, ["text", "json"]),
    debug,
    ...values.timezone === void 0 ? {} : { timezone: timeZone(values.timezone) },
    ...values.date === void 0 ? {} : { date: values.date },
    ...values.batch === void 0 ? {} : { batch: values.batch }
  };
}
function parseDrift(values, { imports, sandbox, debug }) {
  return {
    name: "drift",
    imports,
    sandbox,
    format: format(values.format, ["text", "json", "markdown"]),
    ...values.timezone === void 0 ? {} : { timezone: timeZone(values.timezone) },
    failOnDrift: values["fail-on-drift"] ?? false,
    debug
  };
}
function parseExport(values, { imports, sandbox, debug }) {
  return {
    name: "export",
    imports,
    sandbox,
    divisions: values.division ?? [],
    out: values.out ?? "export",
    debug,
    ...values.department === void 0 ? {} : { department: values.department },
    ...values["email-domain"] === void 0 ? {} : { emailDomain: values["email-domain"] }
  };
}
function parseInit(values, { debug }, positionals) {
  return { name: "init", dir: positionals[1] ?? ".", orgs: orgNames(values.orgs), debug };
}
function parseDoctor(_values, { imports, sandbox, debug }) {
  return { name: "doctor", imports, sandbox, debug };
}
function parseSandbox(values, { debug }) {
  return {
    name: "sandbox",
    port: integer(values.port, "port", 0, 0, 65535),
    rateLimit: integer(values["rate-limit"], "rate-limit", 300, 1, 1e6),
    latencyMs: integer(values["latency-ms"], "latency-ms", 0, 0, 6e4),
    faultRate: share(values["fault-rate"]),
    seed: integer(values.seed, "seed", 1, 0, 2 ** 31),
    clients: integer(values.clients, "clients", 1, 1, 16),
    debug,
    ...values.profile === void 0 ? {} : { profile: values.profile },
    ...values.orgs === void 0 ? {} : { orgs: values.orgs }
  };
}
function parseProbe(values, { sandbox, debug }) {
  return {
    name: "probe",
    sandbox,
    consent: values["yes-write-to-this-org"] ?? false,
    includeInvite: values["include-invite"] ?? false,
    out: values.out ?? "org-profile.json",
    debug,
    ...values["email-domain"] === void 0 ? {} : { emailDomain: values["email-domain"] },
    ...values["org-name-contains"] === void 0 ? {} : { orgNameContains: values["org-name-contains"] }
  };
}
function parseDemo(_values, { debug }) {
  return { name: "demo", debug };
}
function orgNames(value2) {
  if (value2 === void 0) return [];
  const names = value2.split(",").map((name) => name.trim());
  const bad = names.find((name) => !isOrgName(name));
  if (bad !== void 0)
    throw new UsageError(
      `--orgs takes org names such as test,production (lower-case letters, digits, -), got "${bad}"`
    );
  if (new Set(names).size !== names.length) throw new UsageError(`--orgs names an org twice: "${value2}"`);
  if (names.length < 2) throw new UsageError("--orgs takes two or more orgs; one org needs no orgs.yml");
  return names;
}
function format(value2, choices) {
  if (value2 === void 0) return choices[0];
  if (choices.includes(value2)) return value2;
  throw new UsageError(`--format must be one of ${choices.join(", ")}, got "${value2}"`);
}
function integer(value2, flag, fallback, min, max) {
  if (value2 === void 0) return fallback;
  const number = Number(value2);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${value2}"`);
  }
  return number;
}
function share(value2) {
  if (value2 === void 0) return 0;
  const number = Number(value2);
  if (!Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`--fault-rate must be a number from 0 to 1, got "${value2}"`);
  }
  return number;
}
function timeZone(value2) {
  if (isTimeZone(value2)) return value2;
  throw new UsageError(
    `--timezone must be an IANA time zone such as America/New_York or UTC, got "${value2}"`
  );
}

// src/cli/demo.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
var DEMO_TODAY = "2026-11-24";
function demoImportsDir() {
  const candidates = ["../sandbox/demo", "../src/sandbox/demo", "../../src/sandbox/demo"];
  for (const candidate of candidates) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  throw new Error("The demo batch (src/sandbox/demo) is missing from this installation.");
}
async function runDemo(io, options2 = {}) {
  const root = demoImportsDir();
  const say = (text) => io.stdout(text.endsWith("\n") ? text : `${text}
`);
  const step = (title) => say(`
\u2501\u2501 ${title}
`);
  say("gc-onboard demo: the Northfield University sandbox org and the demo batch (no credentials needed).");
  say(`Batch folder: ${root}`);
  step("1. validate (what the PR check runs first, offline)");
  const imports = await validateImports(root);
  say(imports.findings.length === 0 ? "No problems found." : renderFindingsText(imports.findings));
  if (hasErrors(imports.findings)) return 1;
  const org = await openOrg({ sandbox: options2.sandbox ?? {} });
  try {
    const today = imports.batches[0]?.config.trainingDay;
    step("2. plan (the preview posted on the pull request)");
    say(`Org: ${org.target}`);
    say(`The demo's calendar is pinned: it plans as on ${DEMO_TODAY} and invites on the training day.`);
    const { plan, review } = await planImports(root, org.client, { today: DEMO_TODAY });
    say(renderPlanText(plan));
    step("3. apply (what the merge runs): people, then phones and default phones");
    const { result } = await applyImports(root, org.client, {
      ...options2.apply,
      today: DEMO_TODAY,
      review,
      onProgress: progressPrinter(io)
    });
    say(resultsToText(result));
    if (!result.ok) return 1;
    step("4. plan again: a rerun has nothing left to do");
    const again = await planImports(root, org.client, { today: DEMO_TODAY });
    say(renderPlanText(again.plan));
    if (today) {
      step(`5. invite on the training day (${today}), then the same scheduled run again`);
      const first = await inviteImports(root, org.client, { date: today, force: false });
      say(renderInviteText(first.report));
      const second = await inviteImports(root, org.client, { date: today, force: false });
      say(renderInviteText(second.report));
      if (!first.report.ok || !second.report.ok) return 1;
    }
    const stats = org.client.stats();
    step("API calls");
    say(`${stats.requests} calls, ${stats.retries} retries, ${stats.rateLimited} answered 429.`);
    say("Try it yourself: node bin/gc-onboard.js plan --sandbox --imports src/sandbox/demo");
    return 0;
  } finally {
    await org.close();
  }
}

// src/cli/run.ts
var VERSION = "0.1.0";
async function runCli(argv, given) {
  const io = {
    ...given,
    stdout: (text) => given.stdout(secrets.scrub(text)),
    stderr: (text) => given.stderr(secrets.scrub(text))
  };
  if (argv.length === 0) {
    io.stderr(`${USAGE}
`);
    return 2;
  }
  let command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`gc-onboard: ${error.message}; run gc-onboard --help
`);
      return 2;
    }
    throw error;
  }
  if (command.clientPoolEnv) io.env = { ...io.env, [POOL_ENV_NAME]: command.clientPoolEnv };
  try {
    return await dispatch(command.name, command, io);
  } catch (error) {
    io.stderr(`gc-onboard: ${fatalLine(error)}
`);
    if ("debug" in command && command.debug && error instanceof Error && error.stack)
      io.stderr(`${error.stack}
`);
    return 2;
  }
}
var handlers = {
  help: (_command, io) => {
    io.stdout(`${USAGE}
`);
    return 0;
  },
  version: (_command, io) => {
    io.stdout(`gc-onboard ${VERSION}
`);
    return 0;
  },
  validate: validateCommand,
  plan: planCommand,
  apply: applyCommand,
  invite: inviteCommand,
  drift: driftCommand,
  export: exportCommand,
  init: (command, io) => runInit(command.dir, io, COMMANDS.includes("doctor"), command.orgs),
  doctor: doctorCommand,
  sandbox: sandboxCommand,
  probe: probeCommand,
  demo: (_command, io) => runDemo(io)
};
function dispatch(name, command, io) {
  return handlers[name](command, io);
}
async function validateCommand(command, io) {
  const imports = await validateImports(command.imports);
  io.stdout(renderFindings(imports.findings, command.format, `${command.imports}: `));
  return hasErrors(imports.findings) ? 1 : 0;
}
async function planCommand(command, io) {
  const judgeBy = command.policy === void 0 ? void 0 : await readJudgingPolicy(command.policy);
  return withOrg(command, io, async (org, spec) => {
    const { plan, review } = await planImports(command.imports, org.client, {
      ...orgName(spec),
      today: todayIn(zoneOf(void 0, spec), io.now()),
      labels: command.labels,
      ...judgeBy ? { judgeBy } : {}
    });
    const output = command.format === "json" ? planToJson(plan, review) : command.format === "markdown" ? withNewline(renderSummary(plan, [])) : renderPlanText(plan, []);
    if (command.out) {
      await writeFileMaking(command.out, output);
      io.stderr(`Plan written to ${command.out}
`);
    } else io.stdout(output);
    return planHasErrors(plan) ? 1 : 0;
  });
}
async function applyCommand(command, io) {
  const judgeBy = command.policy === void 0 ? void 0 : await readJudgingPolicy(command.policy);
  const review = command.review === "none" ? void 0 : await readReviewedPlan(command.review.file);
  return withOrg(command, io, async (org, spec) => {
    const { plan, result } = await applyImports(command.imports, org.client, {
      ...orgName(spec),
      today: todayIn(zoneOf(void 0, spec), io.now()),
      labels: command.labels,
      ...judgeBy ? { judgeBy } : {},
      ...review ? { review } : {},
      onProgress: progressPrinter(io)
    });
    if (command.results) await writeResults(command.results, result, io);
    if (command.format === "json") io.stdout(`${JSON.stringify(result, null, 2)}
`);
    else {
      if (result.refused) io.stdout(renderFindingsText(plan.findings));
      io.stdout(resultsToText(result));
    }
    return result.ok ? 0 : 1;
  });
}
function inviteCommand(command, io) {
  return withOrg(command, io, async (org, spec) => {
    const request = {
      date: command.date ?? todayIn(zoneOf(command.timezone, spec), io.now()),
      force: command.force,
      expired: command.expired,
      ...orgName(spec),
      ...command.batch === void 0 ? {} : { batch: command.batch }
    };
    const { report, unknownBatch, otherOrgBatch } = command.expired ? await reinviteExpired(command.imports, org.client, request, io.now()) : await inviteImports(command.imports, org.client, request);
    if (unknownBatch) {
      io.stderr(`gc-onboard: there is no batch "${command.batch ?? ""}" under ${command.imports}
`);
      return 2;
    }
    if (otherOrgBatch) {
      io.stderr(
        `gc-onboard: batch "${command.batch ?? ""}" does not go to org ${spec?.name ?? ""}: nothing to invite
`
      );
      return 0;
    }
    io.stdout(command.format === "json" ? inviteToJson(report) : renderInviteText(report));
    return report.ok ? 0 : 1;
  });
}
function driftCommand(command, io) {
  return withOrg(command, io, async (org, spec) => {
    const now = io.now();
    const { report } = await driftImports(command.imports, org.client, {
      ...orgName(spec),
      today: todayIn(zoneOf(command.timezone, spec), now),
      now
    });
    io.stdout(
      command.format === "json" ? driftToJson(report) : command.format === "markdown" ? renderDriftMarkdown(report) : renderDriftText(report)
    );
    return command.failOnDrift && needsAttention(report) ? 1 : 0;
  });
}
function exportCommand(command, io) {
  return withOrg(command, io, async (org) => {
    const result = await exportOrg(
      org.client,
      {
        ...command.divisions.length > 0 ? { divisions: command.divisions } : {},
        ...command.department === void 0 ? {} : { department: command.department },
        ...command.emailDomain === void 0 ? {} : { emailDomain: command.emailDomain }
      },
      command.out
    );
    io.stdout(renderExportText(result));
    return exportExitCode(result);
  });
}
async function doctorCommand(command, io) {
  const spec = await chosenOrg(command);
  const report = await runDoctor({
    imports: command.imports,
    sandbox: command.sandbox ? sandboxFor(spec) : false,
    env: io.env,
    ...spec ? { org: spec } : {}
  });
  io.stdout(report.text);
  return report.exitCode;
}
async function sandboxCommand(command, io) {
  const profile = command.profile === void 0 ? void 0 : await loadProfile(command.profile);
  const options2 = {
    port: command.port,
    rateLimitPerMinute: command.rateLimit,
    latencyMs: command.latencyMs,
    faultRate: command.faultRate,
    seed: command.seed,
    clients: command.clients,
    ...profile ? { profile } : {}
  };
  const print = (line) => io.stdout(`${line}
`);
  const sandbox = command.orgs === void 0 ? await serveSandbox(options2, print) : await serveSandboxes(parseOrgNames(command.orgs), options2, print);
  await io.interrupted();
  await sandbox.close();
  return 0;
}
async function chosenOrg(command) {
  return chooseOrg(await readOrgs(command.imports), command.org, "--org");
}
async function withOrg(command, io, work) {
  const spec = await chosenOrg(command);
  const org = await openOrg({
    sandbox: command.sandbox ? sandboxFor(spec) : false,
    env: io.env,
    ...spec ? { org: spec } : {}
  });
  try {
    return await work(org, spec);
  } finally {
    await org.close();
  }
}
var sandboxFor = (spec) => spec ? { org: demoOrg({ org: spec.name }) } : {};
var zoneOf = (given, spec) => given ?? spec?.timezone ?? "UTC";
var orgName = (spec) => spec ? { org: spec.name } : {};
function renderFindings(findings, format2, label) {
  if (format2 === "json") return findingsToJson(findings);
  if (format2 === "markdown") return withNewline(renderFindingsMarkdown(findings));
  return findings.length === 0 ? `${label}no problems found.
` : renderFindingsText(findings);
}
var withNewline = (text) => text.endsWith("\n") ? text : `${text}
`;

// src/cli.ts
var interrupted = () => new Promise((resolve) => {
  process.once("SIGINT", () => resolve());
  process.once("SIGTERM", () => resolve());
});
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  now: () => /* @__PURE__ */ new Date(),
  interrupted
});
