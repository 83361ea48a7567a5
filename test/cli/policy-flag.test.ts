// `plan --policy FILE` / `apply --policy FILE`: the rows are judged by another policy file (a CI
// script passes the base branch's), while <imports>/policy.yml is only checked. Against the sandbox.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli.js';

let tmp: string;
let imports: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-policy-flag-'));
  imports = path.join(tmp, 'imports');
  await cp('src/sandbox/demo', imports, { recursive: true });
  // The local file allows what the batch asks; the file passed with --policy forbids a role it grants.
  await writeFile(path.join(imports, 'policy.yml'), 'forbidden_roles:\n  - Master Admin\n');
  await writeFile(
    path.join(tmp, 'base.yml'),
    'forbidden_roles:\n  - Master Admin\n  - PureCloud Supervisor\n',
  );
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const cli = (argv: string[]) => runCliCaptured(argv);

describe('--policy FILE', () => {
  it('the local policy.yml judges by default (a person at a terminal is trusted)', async () => {
    const ran = await cli(['plan', '--sandbox', '--imports', imports, '--format', 'json']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).not.toContain('policy-role-forbidden');
  });

  it('judges the rows by the given file, naming it in the finding', async () => {
    const base = path.join(tmp, 'base.yml');
    const ran = await cli(['plan', '--sandbox', '--imports', imports, '--policy', base, '--format', 'json']);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain(
      `Role \\"PureCloud Supervisor\\" may not be granted through imports (forbidden_roles in ${base} (--policy))`,
    );
  });

  it('a file that cannot be read is exit 2 with one line, before the org is asked anything', async () => {
    const ran = await cli([
      'apply',
      '--no-review',
      '--sandbox',
      '--imports',
      imports,
      '--policy',
      path.join(tmp, 'nope.yml'),
    ]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(
      /^gc-onboard: Cannot read the policy file ".*nope\.yml" given with --policy: /,
    );
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
  });
});
