// A separate process that plans and applies, as `gc-onboard apply` does, so a test can SIGKILL it part-way:
//   node --import tsx test/helpers/apply-child.ts <sandboxUrl> <importsDir> [stationFirstPollMs] [speed]
// (speed: apply's own pauses, the gap between one user's writes and a version race's wait, shortened
// that many times, as a scaled run does.)
// Prints one JSON line ({ summary, ok, counts, failed }) and exits 0 when every row is done, else 1.
import { applyPlan } from '../../src/apply/apply.js';
import { countResults } from '../../src/apply/results.js';
import { loadSnapshot } from '../../src/genesys/snapshot.js';
import { orgWriter } from '../../src/genesys/writer.js';
import { loadImports } from '../../src/imports.js';
import { snapshotNeed } from '../../src/plan/need.js';
import { buildPlan } from '../../src/plan/plan.js';
import { connectTo } from './sandbox.js';

const [url, root, pollMs, speed] = process.argv.slice(2);
if (!url || !root) {
  process.stderr.write('usage: apply-child.ts <sandboxUrl> <importsDir> [stationFirstPollMs] [speed]\n');
  process.exit(2);
}

const client = await connectTo(url);
try {
  const imports = await loadImports(root);
  const snapshot = await loadSnapshot(client, snapshotNeed(imports));
  const plan = buildPlan(imports, snapshot, { today: '2026-11-25' });
  const result = await applyPlan(plan, orgWriter(client, snapshot.homeDivisionId), {
    ...(pollMs ? { stationFirstPollMs: Number(pollMs) } : {}),
    ...(speed ? { userWriteGapMs: 1_000 / Number(speed), versionRetryMs: 2_000 / Number(speed) } : {}),
  });
  const failed = result.rows
    .filter((row) => row.outcome === 'failed')
    .map((row) => `${row.file}:${row.line} ${row.error}`);
  const counts = { people: countResults(result.rows, 'person'), phones: countResults(result.rows, 'phone') };
  process.stdout.write(`${JSON.stringify({ summary: plan.summary, ok: result.ok, counts, failed })}\n`);
  process.exitCode = result.ok ? 0 : 1;
} finally {
  client.close();
}
