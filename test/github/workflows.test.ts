// The Action's metadata and the four workflows are part of the contract with admins: check the
// promises the README makes about them (permissions, lanes, environment, inputs) so an edit that
// breaks one fails here rather than in someone's org.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.join(import.meta.dirname, '../..');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Job {
  environment?: string;
  env?: Record<string, unknown>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; queue?: string; 'cancel-in-progress'?: unknown };
  jobs: Record<string, Job>;
}
interface ActionMetadata {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

async function yamlFile<T>(file: string): Promise<{ text: string; data: T }> {
  const text = await readFile(path.join(ROOT, file), 'utf8');
  return { text, data: parse(text) as T };
}
const workflow = (name: string) => yamlFile<Workflow>(`.github/workflows/${name}`);
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps);
const ourAction = (wf: Workflow) => steps(wf).filter((step) => step.uses === './');

describe('action.yml', () => {
  it('runs the committed bundle on node24 and documents every input and output', async () => {
    const { data: action } = await yamlFile<ActionMetadata>('action.yml');
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining([
        'mode',
        'imports',
        'genesys-client-id',
        'genesys-client-secret',
        'genesys-region',
        'genesys-api-url',
        'github-token',
        'comment',
        'timezone',
        'date',
        'batch',
        'force',
        'results-file',
        'plan-file',
      ]),
    );
    expect(action.inputs.mode?.required).toBe(true);
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
    expect(action.inputs.imports?.default).toBe('imports');
    expect(action.inputs.comment?.default).toBe('true');
    // Blank: the org's time zone (orgs.yml), else UTC.
    expect(action.inputs.timezone?.default).toBe('');
    expect(Object.keys(action.outputs).sort()).toEqual(
      [
        'people-create',
        'people-update',
        'people-unchanged',
        'people-error',
        'phones-create',
        'phones-update',
        'phones-unchanged',
        'phones-error',
        'errors',
        'plan-file',
        'results-file',
        'invited',
        'drifted',
        'expired',
        'never_invited',
        'issue-number',
        'section-file',
        'orgs',
        'names',
        'stage1',
        'stage2',
        'stage3',
      ].sort(),
    );
    for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) {
      expect(spec.description.length, name).toBeGreaterThan(10);
    }
  });

  it('every workflow passes only inputs the Action declares, and a valid mode', async () => {
    const { data: action } = await yamlFile<ActionMetadata>('action.yml');
    const declared = new Set(Object.keys(action.inputs));
    const modes: string[] = [];
    for (const name of [
      'ci.yml',
      'preview.yml',
      'apply.yml',
      'training-day.yml',
      'doctor.yml',
      'drift.yml',
    ]) {
      const { data } = await workflow(name);
      for (const step of ourAction(data)) {
        for (const key of Object.keys(step.with ?? {})) expect(declared, `${name}: ${key}`).toContain(key);
        modes.push(String(step.with?.mode));
      }
    }
    expect(modes).toEqual(['validate', 'plan', 'apply', 'invite', 'doctor', 'drift']);
  });
});

describe('.env.example (for @github/local-action)', () => {
  it('sets every input under the name the runner uses, and points at files that exist', async () => {
    const { data: action } = await yamlFile<ActionMetadata>('action.yml');
    const text = await readFile(path.join(ROOT, '.env.example'), 'utf8');
    const env = Object.fromEntries(
      text
        .split('\n')
        .filter((line) => /^[A-Z]/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    // @actions/core reads INPUT_ + the name upper-cased, hyphens kept.
    const expected = Object.keys(action.inputs).map((name) => `INPUT_${name.toUpperCase()}`);
    expect(Object.keys(env).filter((key) => key.startsWith('INPUT_'))).toEqual(expected);
    expect(env.INPUT_MODE).toBe('plan');
    await expect(readFile(path.join(ROOT, env.GITHUB_EVENT_PATH!), 'utf8')).resolves.toContain(
      '"pull_request"',
    );
    expect(new URL(env.GITHUB_API_URL!).hostname).toBe('127.0.0.1');
    expect(new URL(env['INPUT_GENESYS-API-URL']!).hostname).toBe('127.0.0.1');
  });
});

describe('workflows', () => {
  it('ci.yml tests, lints, typechecks and fails on a stale dist/', async () => {
    const { data } = await workflow('ci.yml');
    const runs = steps(data).map((step) => step.run ?? '');
    expect(runs).toContain('npm ci && npm test');
    expect(runs).toContain('npm run lint');
    expect(runs).toContain('npm run typecheck');
    expect(runs).toContain('npm run build');
    expect(runs.join('\n')).toMatch(/git diff --exit-code .*-- dist\//);
  });

  it('preview.yml: pull requests on imports/**, least permissions, one run per PR', async () => {
    const { data } = await workflow('preview.yml');
    expect(data.on).toEqual({
      pull_request: {
        types: ['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled'],
        paths: ['imports/**'],
      },
    });
    expect(data.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(data.concurrency).toEqual({
      group: 'gc-onboard-preview-${{ github.event.pull_request.number }}',
      'cancel-in-progress': true,
    });
    // No environment: production approvals and branch rules must not gate a preview.
    expect(Object.values(data.jobs).map((job) => job.environment)).toEqual([undefined]);
    // The previewed plan is kept as an artifact for the record: the file plan mode writes by default.
    const steps = Object.values(data.jobs)[0]?.steps ?? [];
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path).toBe('gc-onboard-plan.json');
    expect(steps.find((step) => step.with?.mode === 'plan')?.with?.['plan-file']).toBeUndefined();
  });

  it('apply.yml: merges to main, one queued lane, the production environment, full history, results uploaded', async () => {
    const { data } = await workflow('apply.yml');
    expect(data.on).toEqual({
      push: { branches: ['main'], paths: ['imports/**'] },
      workflow_dispatch: {
        inputs: {
          reviewed: expect.objectContaining({
            type: 'choice',
            options: ['required', 'none-required'],
            default: 'required',
          }),
        },
      },
    });
    // pull-requests: write for the results comment on the merged pull request (and reading its preview).
    expect(data.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(data.concurrency).toEqual({ group: 'gc-onboard-apply', queue: 'max' });
    const [job] = Object.values(data.jobs);
    expect(job?.environment).toBe('genesys-production');
    expect(job?.steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toEqual({
      'fetch-depth': 0,
      'persist-credentials': false,
    });
    expect(job?.steps.some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
  });

  it('training-day.yml: a daily off-minute schedule plus a manual run with date, batch and force', async () => {
    const { data } = await workflow('training-day.yml');
    const schedule = data.on.schedule as { cron: string }[];
    expect(schedule).toHaveLength(1);
    const [minute, hour, ...rest] = schedule[0]!.cron.split(' ');
    expect(Number(minute)).not.toBe(0);
    expect(hour).toMatch(/^\d+$/);
    expect(rest).toEqual(['*', '*', '*']);
    const inputs = (data.on.workflow_dispatch as { inputs: Record<string, { type: string }> }).inputs;
    expect(Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.type]))).toEqual({
      date: 'string',
      batch: 'string',
      force: 'boolean',
    });
    // Same lane as apply: never invite while an apply is still creating people.
    expect(data.concurrency).toEqual({ group: 'gc-onboard-apply', queue: 'max' });
    expect(Object.values(data.jobs)[0]?.environment).toBe('genesys-production');
  });

  it('doctor.yml runs only by hand, may only read the repository, and checks the client that writes', async () => {
    const { data } = await workflow('doctor.yml');
    expect(Object.keys(data.on)).toEqual(['workflow_dispatch']);
    expect(data.permissions).toEqual({ contents: 'read' });
    expect(Object.values(data.jobs)[0]?.environment).toBe('genesys-production');
    expect(ourAction(data).map((step) => step.with?.mode)).toEqual(['doctor']);
  });

  it('drift.yml: weekly and by hand, reads the repository, writes issues and nothing more', async () => {
    const { data } = await workflow('drift.yml');
    expect(Object.keys(data.on)).toEqual(['schedule', 'workflow_dispatch']);
    const [minute, hour, day, month, weekday] = (data.on.schedule as { cron: string }[])[0]!.cron.split(' ');
    expect([Number(minute) !== 0, /^\d+$/.test(hour!), day, month, /^[0-6]$/.test(weekday!)]).toEqual([
      true,
      true,
      '*',
      '*',
      true,
    ]);
    expect(data.permissions).toEqual({ contents: 'read', issues: 'write' });
    // Two runs at once could both open the issue.
    expect(data.concurrency).toEqual({ group: 'gc-onboard-drift', 'cancel-in-progress': false });
    expect(ourAction(data).map((step) => step.with?.mode)).toEqual(['drift']);
  });

  it('reads only GENESYSCLOUD_* secrets', async () => {
    for (const name of [
      'ci.yml',
      'preview.yml',
      'apply.yml',
      'training-day.yml',
      'doctor.yml',
      'drift.yml',
    ]) {
      const { text } = await workflow(name);
      for (const match of text.matchAll(/secrets\.([A-Z0-9_]+)/g)) {
        expect(match[1], name).toMatch(/^GENESYSCLOUD_(OAUTHCLIENT_ID|OAUTHCLIENT_SECRET|REGION)$/);
      }
    }
  });
  it('never interpolates a branch name into a shell script', async () => {
    for (const name of [
      'ci.yml',
      'preview.yml',
      'apply.yml',
      'training-day.yml',
      'doctor.yml',
      'drift.yml',
    ]) {
      const { data } = await workflow(name);
      for (const step of steps(data))
        expect(step.run ?? '', name).not.toMatch(/\$\{\{[^}]*(ref|head_ref|inputs)/);
    }
  });
});

// Supply chain: a tag can be moved to other code, a commit cannot; Dependabot moves the pins. Our
// workflows and the ones init writes for teams are checked alike (ours run `./`, theirs our @v<major>).
const SHIPPED = [
  ...['ci.yml', 'preview.yml', 'apply.yml', 'training-day.yml', 'doctor.yml', 'drift.yml'].map(
    (name) => `.github/workflows/${name}`,
  ),
  ...['preview.yml', 'apply.yml', 'training-day.yml', 'doctor.yml', 'drift.yml'].map(
    (name) => `src/init/template/.github/workflows/${name}`,
  ),
];
/** Ours: the local action, and gc-onboard itself (init's placeholder before rendering). */
const isOurs = (uses: string) =>
  uses.startsWith('./') || uses === '__GC_ONBOARD_ACTION__' || uses.startsWith('gc-onboard/');

describe('workflow security', () => {
  it('pins every third-party action to a full commit SHA with its version in a comment', async () => {
    for (const file of SHIPPED) {
      const { text } = await yamlFile<Workflow>(file);
      const lines = text.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
      expect(lines.length, file).toBeGreaterThan(0);
      for (const line of lines) {
        const uses = /uses:\s*(\S+)/.exec(line)![1]!;
        if (isOurs(uses)) continue;
        expect(line.trim(), file).toMatch(
          /^(-\s+)?uses: [a-z0-9-]+\/[a-z0-9._-]+(\/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/,
        );
      }
    }
  });

  it('never leaves the token in .git/config in a job that holds secrets', async () => {
    for (const file of SHIPPED) {
      const { data } = await yamlFile<Workflow>(file);
      for (const [id, job] of Object.entries(data.jobs)) {
        if (!JSON.stringify(job).includes('secrets.')) continue;
        const checkouts = job.steps.filter((step) => step.uses?.startsWith('actions/checkout@'));
        expect(checkouts.length, `${file} ${id}`).toBeGreaterThan(0);
        for (const step of checkouts) expect(step.with?.['persist-credentials'], `${file} ${id}`).toBe(false);
      }
    }
  });

  it('uses one version comment per pinned commit, in our workflows and the templates alike', async () => {
    const versions = new Map<string, Set<string>>();
    for (const file of SHIPPED) {
      const { text } = await yamlFile<Workflow>(file);
      for (const [, pin, version] of text.matchAll(/uses: (\S+@[0-9a-f]{40}) # (v[\d.]+)/g)) {
        versions.set(pin!, (versions.get(pin!) ?? new Set()).add(version!));
      }
    }
    expect(versions.size).toBeGreaterThan(0);
    for (const [pin, seen] of versions) expect([...seen], pin).toHaveLength(1);
  });

  it('has Dependabot move the action pins (ours and the templates) and the npm packages', async () => {
    interface Update {
      'package-ecosystem': string;
      directory?: string;
      directories?: string[];
      schedule: { interval: string };
    }
    const { data } = await yamlFile<{ version: number; updates: Update[] }>('.github/dependabot.yml');
    expect(data.version).toBe(2);
    const dirs = (ecosystem: string) =>
      data.updates
        .filter((update) => update['package-ecosystem'] === ecosystem)
        .flatMap((update) => update.directories ?? [update.directory]);
    expect(dirs('github-actions')).toEqual(['/', '/src/init/template/.github/workflows']);
    expect(dirs('npm')).toEqual(['/']);
    for (const update of data.updates) expect(update.schedule.interval).toBe('weekly');
  });
});
