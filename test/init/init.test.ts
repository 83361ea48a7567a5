// `gc-onboard init` on disk: what it writes in an empty folder, that a second run changes nothing,
// that it never overwrites, how it appends to .gitignore, when it refuses, and that what it writes
// validates clean.
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { initRepository, runInit } from '../../src/init/init.js';
import { GITIGNORE_LINES } from '../../src/init/plan.js';
import { loadImports } from '../../src/imports.js';
import { validateImports } from '../../src/run/commands.js';

const NOW = new Date('2026-12-02T09:00:00Z');
const WRITTEN = [
  '.github/workflows/apply.yml',
  '.github/workflows/doctor.yml',
  '.github/workflows/drift.yml',
  '.github/workflows/preview.yml',
  '.github/workflows/training-day.yml',
  '.gitignore',
  'imports/README.md',
  'imports/_example/batch.yml',
  'imports/_example/people.csv',
  'imports/_example/phones.csv',
  'imports/policy.yml',
  'imports/templates/people.csv',
  'imports/templates/phones.csv',
];

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-init-'));
});
afterEach(async () => {
  await chmod(tmp, 0o755).catch(() => undefined);
  await rm(tmp, { recursive: true, force: true });
});

async function init(dir: string) {
  let stdout = '';
  let stderr = '';
  const code = await runInit(
    dir,
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), now: () => NOW },
    false,
  );
  return { code, stdout, stderr };
}

/** Every file under `dir`: relative POSIX path → bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full).split(path.sep).join('/'), await readFile(full));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('init in an empty folder', () => {
  it('writes exactly the listed files and says so', async () => {
    const ran = await init(tmp);
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expect([...(await snapshot(tmp)).keys()]).toEqual(WRITTEN);
    for (const file of WRITTEN) expect(ran.stdout).toContain(`wrote ${file}\n`);
    expect(ran.stdout).not.toContain('left as it was');
    expect(ran.stdout).toContain('Next steps:');
  });

  it('creates the folder when it does not exist yet', async () => {
    const ran = await init(path.join(tmp, 'new', 'repo'));
    expect(ran.code).toBe(0);
    expect([...(await snapshot(path.join(tmp, 'new', 'repo'))).keys()]).toEqual(WRITTEN);
  });
});

describe('init again', () => {
  it('changes no byte and lists every file as left', async () => {
    await init(tmp);
    const before = await snapshot(tmp);
    const again = await init(tmp);
    expect(again.code).toBe(0);
    expect(await snapshot(tmp)).toEqual(before);
    expect(again.stdout).not.toMatch(/^wrote |^added to/m);
    for (const file of WRITTEN.filter((f) => f !== '.gitignore'))
      expect(again.stdout).toContain(`left as it was: ${file}\n`);
    expect(again.stdout).toContain('left as it was: .gitignore (it has the gc-onboard lines)');
  });

  it('never overwrites an existing file, and writes the others', async () => {
    await mkdir(path.join(tmp, 'imports'), { recursive: true });
    await writeFile(path.join(tmp, 'imports', 'policy.yml'), 'max_changes: 20\n');
    const { plan, report } = await initRepository(tmp, { now: () => NOW, doctorAvailable: false });
    expect(plan.left).toEqual(['imports/policy.yml']);
    expect(await readFile(path.join(tmp, 'imports', 'policy.yml'), 'utf8')).toBe('max_changes: 20\n');
    expect(report).toContain('left as it was: imports/policy.yml\n');
    expect([...(await snapshot(tmp)).keys()]).toEqual(WRITTEN);
  });

  it('appends the missing .gitignore lines once, keeping what was there', async () => {
    await writeFile(path.join(tmp, '.gitignore'), 'node_modules/\n/export/');
    const first = await init(tmp);
    expect(first.stdout).toContain('added to .gitignore: gc-onboard-*.json, gc-onboard-*.csv\n');
    await init(tmp);
    const text = await readFile(path.join(tmp, '.gitignore'), 'utf8');
    expect(text.startsWith('node_modules/\n/export/\n# gc-onboard:')).toBe(true);
    for (const line of GITIGNORE_LINES) expect(text.split('\n').filter((l) => l === line)).toHaveLength(1);
  });
});

describe('the CLI command', () => {
  it('`gc-onboard init DIR` writes the files; DIR defaults to the working directory', async () => {
    let stdout = '';
    const io = {
      stdout: (text: string) => (stdout += text),
      stderr: () => undefined,
      env: {},
      now: () => NOW,
      interrupted: () => Promise.resolve(),
    };
    expect(await runCli(['init', path.join(tmp, 'a')], io)).toBe(0);
    expect(stdout).toContain('wrote imports/policy.yml');
    const cwd = process.cwd();
    process.chdir(tmp);
    try {
      expect(await runCli(['init'], io)).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(stdout).toContain('gc-onboard init in .\n');
    expect([...(await snapshot(path.join(tmp, 'a'))).keys()]).toEqual(WRITTEN);
    await expect(readFile(path.join(tmp, 'imports', 'policy.yml'), 'utf8')).resolves.toContain(
      '# max_changes',
    );
  });
});

describe('an unusable folder', () => {
  it('exits 2 with one line for a file, or a path inside a file', async () => {
    const file = path.join(tmp, 'README.md');
    await writeFile(file, 'hello');
    for (const dir of [file, path.join(file, 'repo')]) {
      const ran = await init(dir);
      expect(ran.code, dir).toBe(2);
      expect(ran.stdout).toBe('');
      expect(ran.stderr.trim().split('\n'), dir).toHaveLength(1);
    }
    expect((await init(file)).stderr).toBe(`gc-onboard: "${file}" is a file; init needs a folder.\n`);
    expect(await readFile(file, 'utf8')).toBe('hello');
  });

  // root may write anywhere, so the check is only meaningful for an ordinary user.
  it.skipIf(process.getuid?.() === 0)('exits 2 for a folder it may not write to', async () => {
    await chmod(tmp, 0o555);
    const ran = await init(tmp);
    expect(ran).toEqual({
      code: 2,
      stdout: '',
      stderr: `gc-onboard: cannot write in "${tmp}": check its permissions.\n`,
    });
  });
});

describe('what init writes validates clean', () => {
  it('the imports pass validate, and the example batch is never imported', async () => {
    await init(tmp);
    const imports = path.join(tmp, 'imports');
    const validated = await validateImports(imports);
    // No batch yet: a warning that says so (exit 0), nothing else.
    expect(validated.findings.map((finding) => [finding.severity, finding.code])).toEqual([
      ['warning', 'no-batches'],
    ]);
    expect(validated.batches).toEqual([]);
    expect((await loadImports(imports)).batches).toEqual([]);
  });

  it('the example copied to a batch of its own validates clean too', async () => {
    await init(tmp);
    const imports = path.join(tmp, 'imports');
    await cp(path.join(imports, '_example'), path.join(imports, 'first-batch'), { recursive: true });
    const validated = await validateImports(imports);
    expect(validated.findings).toEqual([]);
    expect(validated.batches.map((batch) => [batch.name, batch.people.length, batch.phones.length])).toEqual([
      ['first-batch', 3, 3],
    ]);
    expect(validated.batches[0]?.config.trainingDay).toBe('2026-12-21');
  });
});
