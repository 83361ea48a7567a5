// The Action's doctor mode (doctor.yml, workflow_dispatch): the report in the log and, as an
// indented code block, in the job summary; the step fails when plan or apply lacks something, and
// nothing is written to the org.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { makeWorkspace, orgWrites, removeWorkspace, runAction, sandboxInputs } from '../action/harness.js';

let workspace: string;
let sandbox: Sandbox | undefined;
beforeEach(async () => {
  workspace = await makeWorkspace();
});
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  await removeWorkspace(workspace);
});

async function doctor(options: SandboxOptions = {}) {
  // A high limit: the transport learns it from the headers and paces faster (the checks are the same).
  sandbox = await startSandbox({ rateLimitPerMinute: 6000, ...options });
  const ran = await runAction({
    workspace,
    eventName: 'workflow_dispatch',
    event: {},
    inputs: { mode: 'doctor', ...sandboxInputs(sandbox.url) },
  });
  return { ran, writes: orgWrites(sandbox.stats().requests.byRoute) };
}

describe('Action mode doctor', () => {
  it('passes with the default client, writes nothing, and puts the report in the job summary', async () => {
    const { ran, writes } = await doctor();
    expect(ran.failed).toBe(false);
    expect(writes).toBe(0);
    expect(ran.stdout).toContain('doctor: all good.');
    expect(ran.summary).toContain('## gc-onboard doctor');
    expect(ran.summary).toContain("    Who we are\n      ✓ OAuth client 'gc-onboard'");
  }, 30_000);

  it('fails the step when apply lacks a permission in a division', async () => {
    const { ran, writes } = await doctor({
      client: { roles: [{ name: 'Master Admin', divisionIds: ['Home'] }] },
    });
    expect(ran.failed).toBe(true);
    expect(writes).toBe(0);
    expect(ran.stdout).toContain("lacks directory:user:add in divisions 'Admissions', 'Student Services'");
    expect(ran.annotations.map((a) => a.message)).toContain(
      'doctor: plan or apply lacks something: see the ✗ lines and their fixes in the log or the job summary.',
    );
  }, 30_000);
});
