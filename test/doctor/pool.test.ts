// doctor with a pool of OAuth clients: each client's roles are read with its own token and checked
// like the main client's, a line per client; a pool client that lacks something is named in each ✗
// line with its fix, and the exit code is 1 as for the main client.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/doctor/run.js';

const DEMO = path.join(import.meta.dirname, '../../src/sandbox/demo');
/** Paced per second, not per minute: the checks are the same, the test takes a second. */
const FAST = { windowMs: 1000 };

describe('gc-onboard doctor with a pool of OAuth clients', () => {
  it('checks every client with its own token: a ✓ line each, and the limits added up', async () => {
    const report = await runDoctor({ imports: DEMO, sandbox: { clients: 3 }, transport: FAST });
    expect(report.exitCode).toBe(0);
    expect(report.text).toContain('Pool of 3 OAuth clients');
    for (const id of ['sandbox-2', 'sandbox-3'])
      expect(report.text).toContain(
        `✓ client ${id}: 'gc-onboard': 'Master Admin' in all divisions; holds what every mode needs`,
      );
    expect(report.text).toMatch(
      /✓ rate limit 900 requests per 1 s over 3 OAuth clients \(sandbox 300, sandbox-2 300, sandbox-3 300\)/,
    );
    expect(report.text).toContain('doctor: all good.');
  });

  it('names the pool client that lacks a permission, with its fix, and exits 1', async () => {
    const report = await runDoctor({
      imports: DEMO,
      sandbox: {
        clients: 3,
        poolClients: {
          'sandbox-3': {
            name: 'gc-onboard-3',
            roles: [
              { name: 'Master Admin', divisionIds: ['Home'] },
              { name: 'Telephony Admin', divisionIds: ['*'] },
            ],
          },
        },
      },
      transport: FAST,
    });
    expect(report.exitCode).toBe(1);
    const failures = report.text.split('\n').filter((line) => line.includes('✗'));
    expect(failures.length).toBeGreaterThan(0);
    // Every ✗ is the third client's: the main client and the second hold everything.
    for (const line of failures) expect(line).toContain('✗ client sandbox-3: ');
    expect(
      failures.some((l) =>
        l.includes("lacks directory:user:add in divisions 'Admissions', 'Student Services'"),
      ),
    ).toBe(true);
    expect(report.text).toContain("fix: give the OAuth client 'gc-onboard-3' the role 'Master Admin'");
    expect(report.text).toContain("✓ client sandbox-2: 'gc-onboard': 'Master Admin' in all divisions");
    expect(report.text).toContain("✓ OAuth client 'gc-onboard': 'Master Admin' in all divisions");
  });

  it('has no pool section with one client', async () => {
    const report = await runDoctor({ imports: DEMO, sandbox: {}, transport: FAST });
    expect(report.text).not.toContain('Pool of');
    expect(report.text).toMatch(/✓ rate limit 300 requests per 1 s; lower for/);
  });
});
