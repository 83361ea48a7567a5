// Offline commands (validate, --help) must not load the Genesys SDK (about 0.2 s of a start); a
// command that talks to an org loads it when it connects (src/genesys/client.ts imports it then).
// Each case runs the CLI in a child process with a preload that reports, at exit, whether the SDK's
// module was ever loaded (it is CommonJS, so it lands in the require cache).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../..');
const DEMO = path.join(ROOT, 'src/sandbox/demo');
const REPORT = 'gc-onboard-test: sdk loaded=';

const preload = path.join(mkdtempSync(path.join(os.tmpdir(), 'gc-onboard-lazy-')), 'report-sdk.mjs');
writeFileSync(
  preload,
  `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
process.on('exit', () => {
  const loaded = Object.keys(require.cache).some((file) => file.includes('purecloud-platform-client-v2'));
  process.stderr.write('\\n${REPORT}' + loaded + '\\n');
});
`,
);

function sdkLoadedBy(args: string[]): { loaded: boolean; status: number | null; stdout: string } {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', preload, path.join(ROOT, 'src/cli.ts'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, GENESYSCLOUD_OAUTHCLIENT_ID: '' },
      timeout: 120_000,
    },
  );
  const line = child.stderr.split('\n').find((l) => l.startsWith(REPORT));
  if (!line) throw new Error(`no report from the child: ${child.stderr}`);
  return { loaded: line.endsWith('true'), status: child.status, stdout: child.stdout };
}

// Child processes that compile TypeScript on the fly: slow on a busy machine.
describe('the Genesys SDK loads only when a command talks to an org', { timeout: 240_000 }, () => {
  it('is not loaded by --help or validate', () => {
    const help = sdkLoadedBy(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage:');
    expect(help.loaded).toBe(false);

    const validate = sdkLoadedBy(['validate', '--imports', DEMO]);
    expect(validate.status).toBe(0);
    expect(validate.stdout).toContain('no problems found');
    expect(validate.loaded).toBe(false);
  });

  it('is loaded by a command that logs in (plan against the in-process sandbox)', () => {
    const plan = sdkLoadedBy(['plan', '--sandbox', '--imports', DEMO]);
    expect(plan.status).toBe(0);
    expect(plan.loaded).toBe(true);
  });
});
