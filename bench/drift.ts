// What a weekly drift run costs for an org of 5,000 people, measured on the sandbox with every
// real-org behaviour on (2 % of expands dropped on listings). The 5,000 synthetic people of the demo
// org are exported into one batch (`gc-onboard export`), trained 60 days ago; all but 50 have logged
// in. Then drift runs twice: on the org as exported (no drift), and after an admin changed 3 people.
// Prints the calls by route of a plan and of each drift run.
//
//   node --import tsx bench/drift.ts [PEOPLE]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../src/genesys/client.js';
import { resolveConnection } from '../src/genesys/connection.js';
import { exportOrg } from '../src/run/export.js';
import { planImports } from '../src/run/commands.js';
import { driftImports } from '../src/run/drift.js';
import { demoOrg, startSandbox, type Sandbox } from '../src/sandbox/index.js';

const PEOPLE = Number(process.argv[2] ?? 5000);
const DAY = 86_400_000;
const NOW = new Date();
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

function org() {
  const seed = demoOrg({ extraUsers: PEOPLE });
  let index = 0;
  for (const user of seed.users) {
    if (!user.email.endsWith('@staff.northfield.edu')) continue;
    index++;
    // 1 in 100 never logged in: half of those were invited 61 days ago (expired), half never.
    if (index % 100 !== 0) {
      user.dateWelcomeSent = ago(61);
      user.dateLastLogin = ago(58);
    } else if (index % 200 === 0) user.dateWelcomeSent = ago(61);
    else delete user.dateWelcomeSent;
  }
  return seed;
}

const calls = (sandbox: Sandbox, before: Record<string, number>) => {
  const out: Record<string, number> = {};
  for (const [route, n] of Object.entries(sandbox.stats().requests.byRoute)) {
    const d = n - (before[route] ?? 0);
    if (d > 0 && route !== 'POST /oauth/token') out[route] = d;
  }
  return out;
};
const total = (byRoute: Record<string, number>) => Object.values(byRoute).reduce((a, b) => a + b, 0);

async function measure(label: string, sandbox: Sandbox, work: () => Promise<unknown>) {
  const before = sandbox.stats().requests.byRoute;
  const started = performance.now();
  const result = await work();
  const byRoute = calls(sandbox, before);
  console.log(`${label}: ${total(byRoute)} calls in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const [route, n] of Object.entries(byRoute).sort())
    console.log(`  ${String(n).padStart(5)}  ${route}`);
  return result;
}

const sandbox = await startSandbox({ org: org(), rateLimitPerMinute: 1_000_000, userSearchLagMs: 0 });
const client = await connect(
  resolveConnection({
    GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox',
    GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox',
    GENESYSCLOUD_API_REGION: sandbox.url,
  }),
  { transport: { limit: 1_000_000, windowMs: 60_000 } },
);
const root = await mkdtemp(path.join(os.tmpdir(), 'gc-onboard-drift-bench-'));
try {
  const batch = path.join(root, 'staff');
  await exportOrg(client, { emailDomain: 'staff.northfield.edu' }, batch);
  const trained = new Date(NOW.getTime() - 60 * DAY).toISOString().slice(0, 10);
  await writeFile(path.join(batch, 'batch.yml'), `training_day: ${trained}\n`);
  const today = NOW.toISOString().slice(0, 10);
  await measure(`plan of ${PEOPLE} people`, sandbox, () => planImports(root, client, { today }));
  const report = async () => {
    const { report } = await driftImports(root, client, { today, now: NOW });
    const { drifted, expired, neverInvited, unknown } = report.counts;
    console.log(
      `  → ${drifted} drifted, ${expired} expired, ${neverInvited} never invited, ${unknown} unknown`,
    );
  };
  await measure(`drift of ${PEOPLE} people`, sandbox, report);
} finally {
  client.close();
  await sandbox.close();
  await rm(root, { recursive: true, force: true });
}
