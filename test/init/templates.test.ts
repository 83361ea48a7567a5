// The files init writes, checked as files: the embedded module matches the template folder, the
// policy is a valid empty policy that documents every key, and the workflows are ours but for `uses:`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_REF } from '../../src/init/action-ref.js';
import { collectTemplates, renderModule } from '../../src/init/generate.js';
import { renderTemplates, templatesFor } from '../../src/init/plan.js';
import { TEMPLATES } from '../../src/init/templates.generated.js';
import { PLACEHOLDER } from '../../src/init/plan.js';
import { parseOrgs } from '../../src/csv/orgs.js';
import { DEFAULT_MAX_CHANGES, DEFAULT_POLICY, POLICY_KEYS, parsePolicy } from '../../src/policy/policy.js';

const ROOT = path.join(import.meta.dirname, '../..');
const rendered = renderTemplates(templatesFor(TEMPLATES), {
  actionRef: ACTION_REF,
  docsUrl: 'https://example.test/docs',
  today: '2026-12-02',
});
const WORKFLOWS = ['preview.yml', 'apply.yml', 'training-day.yml', 'doctor.yml', 'drift.yml'];

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: unknown;
  permissions: unknown;
  concurrency: unknown;
  jobs: Record<string, { environment?: string; steps: Step[] }>;
}
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);

describe('templates.generated.ts', () => {
  it('holds exactly the template files (run `npx tsx src/init/generate.ts` after editing them)', async () => {
    const files = await collectTemplates();
    expect(TEMPLATES).toEqual(files);
    const module = await readFile(path.join(ROOT, 'src/init/templates.generated.ts'), 'utf8');
    expect(module).toBe(await renderModule(files));
  });

  it('gives teams our own CSV templates, byte for byte', async () => {
    for (const file of ['imports/templates/people.csv', 'imports/templates/phones.csv'])
      expect(rendered[file]).toBe(await readFile(path.join(ROOT, file), 'utf8'));
  });

  it('writes the listed files and nothing else', () => {
    expect(Object.keys(rendered).sort()).toEqual(
      [
        '.github/workflows/apply.yml',
        '.github/workflows/doctor.yml',
        '.github/workflows/drift.yml',
        '.github/workflows/preview.yml',
        '.github/workflows/training-day.yml',
        'imports/README.md',
        'imports/_example/batch.yml',
        'imports/_example/people.csv',
        'imports/_example/phones.csv',
        'imports/policy.yml',
        'imports/templates/people.csv',
        'imports/templates/phones.csv',
      ].sort(),
    );
  });

  it('with --orgs: the multi-org workflows in place of the one-org ones, and orgs.yml', () => {
    const orgs = templatesFor(TEMPLATES, ['test', 'staging', 'production']);
    expect(Object.keys(orgs).sort()).toEqual([...Object.keys(rendered), 'imports/orgs.yml'].sort());
    for (const name of WORKFLOWS) {
      const workflow = parse(orgs[`.github/workflows/${name}`]!) as Workflow;
      expect(Object.keys(workflow.jobs)[0], name).toBe('orgs');
      expect(orgs[`.github/workflows/${name}`], name).not.toBe(TEMPLATES[`.github/workflows/${name}`]);
    }
    const parsed = parseOrgs(orgs['imports/orgs.yml']!.replace(PLACEHOLDER, 'x'), 'imports/orgs.yml');
    expect(parsed.findings).toEqual([]);
    expect(parsed.orgs?.orgs.map((org) => [org.name, org.environment, org.stage])).toEqual([
      ['test', 'genesys-test', 1],
      ['staging', 'genesys-staging', 2],
      ['production', 'genesys-production', 3],
    ]);
  });
});

describe('imports/policy.yml', () => {
  const text = rendered['imports/policy.yml']!;
  /** Turns on a key's example: `# key:` and its `#   - value` lines lose their `# `. */
  const uncomment = (source: string, keys: readonly string[]) => {
    let on = false;
    return source
      .split('\n')
      .map((line) => {
        const key = /^# ([a-z_]+):/.exec(line)?.[1];
        if (key !== undefined) on = keys.includes(key);
        else if (!line.startsWith('#   - ')) on = on && line.startsWith('#   ');
        return on ? line.slice(2) : line;
      })
      .join('\n');
  };

  it('as written is a valid policy that sets no rule', () => {
    expect(parsePolicy(text, 'policy.yml')).toEqual({ policy: DEFAULT_POLICY, findings: [] });
  });

  it('has every key of the schema, commented out, after a one-line explanation with its default', () => {
    const lines = text.split('\n');
    for (const key of POLICY_KEYS) {
      const at = lines.findIndex((line) => line.startsWith(`# ${key}:`));
      expect(at, key).toBeGreaterThan(0);
      expect(lines[at - 1], key).toMatch(/^# [A-Z].*\. Default: [^.]+\.$/);
    }
    expect(text).toContain(`Default: ${DEFAULT_MAX_CHANGES}.`);
    expect(text).toContain(`# max_changes: ${DEFAULT_MAX_CHANGES}\n`);
  });

  it('uncommenting each example gives a valid policy with that rule', () => {
    for (const key of POLICY_KEYS) {
      const { policy, findings } = parsePolicy(uncomment(text, [key]), 'policy.yml');
      expect(findings, key).toEqual([]);
      expect(Object.keys(policy!.lines), key).toEqual([key]);
    }
  });

  it('uncommenting all of them: only the allowed_roles/forbidden_roles conflict the file warns of', () => {
    const all = parsePolicy(uncomment(text, POLICY_KEYS), 'policy.yml');
    expect(all.findings.map((f) => f.code)).toEqual(['conflicting-keys']);
    const { policy, findings } = parsePolicy(
      uncomment(
        text,
        POLICY_KEYS.filter((key) => key !== 'forbidden_roles'),
      ),
      'policy.yml',
    );
    expect(findings).toEqual([]);
    expect(policy).toMatchObject({
      allowedEmailDomains: [{ value: 'northfield.edu' }],
      allowedRoles: [{ value: 'employee' }, { value: 'PureCloud User' }],
      allowedDivisions: [{ value: 'Student Services' }, { value: 'Admissions' }],
      privilegedRoles: [{ value: 'PureCloud Supervisor' }],
      maxChanges: DEFAULT_MAX_CHANGES,
      overrideLabel: 'large-import',
    });
  });
});

describe('workflows', () => {
  const ours = async (name: string) =>
    parse(await readFile(path.join(ROOT, '.github/workflows', name), 'utf8')) as Workflow;
  const theirs = (name: string) => parse(rendered[`.github/workflows/${name}`]!) as Workflow;

  it('every step that runs gc-onboard uses the released Action at its major version', () => {
    expect(ACTION_REF).toMatch(/^gc-onboard\/gc-onboard@v\d+$/);
    const modes: unknown[] = [];
    for (const name of WORKFLOWS) {
      for (const step of steps(theirs(name))) {
        expect(step.uses, name).not.toBe('./');
        if (step.uses?.startsWith('gc-onboard/')) {
          expect(step.uses, name).toBe(ACTION_REF);
          modes.push(step.with?.mode);
        }
        // Nothing that only makes sense in our repository (installing, building, testing).
        expect(step.run ?? '', name).not.toMatch(/\bnpm\b|\bnpx\b|build/);
      }
    }
    expect(modes).toEqual(['plan', 'apply', 'invite', 'doctor', 'drift']);
  });

  // Edit .github/workflows/X.yml and src/init/template/.github/workflows/X.yml together (then regenerate).
  it.each(WORKFLOWS)(
    '%s stays in step with ours: triggers, permissions, concurrency, environment, steps, inputs',
    async (name) => {
      const mine = theirs(name);
      for (const step of steps(mine)) if (step.uses === ACTION_REF) step.uses = './';
      expect(mine).toEqual(await ours(name));
    },
  );

  it('passes only inputs that action.yml declares', async () => {
    const action = parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    for (const name of WORKFLOWS)
      for (const step of steps(theirs(name)).filter((s) => s.uses === ACTION_REF))
        for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
  });
});
