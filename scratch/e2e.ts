import { startSandbox } from '../src/sandbox/index.js';
import { resolveConnection } from '../src/genesys/connection.js';
import { connect } from '../src/genesys/client.js';
import { loadSnapshot } from '../src/genesys/snapshot.js';
import { orgWriter } from '../src/genesys/writer.js';
import { loadImports } from '../src/imports.js';
import { snapshotNeed } from '../src/plan/need.js';
import { buildPlan } from '../src/plan/plan.js';
import { renderPlanText } from '../src/render/text.js';
import { applyPlan } from '../src/apply/apply.js';
import { resultsToText } from '../src/apply/results.js';

const sb = await startSandbox({});
const conn = resolveConnection({ GENESYSCLOUD_OAUTHCLIENT_ID: 'sandbox', GENESYSCLOUD_OAUTHCLIENT_SECRET: 'sandbox', GENESYSCLOUD_API_REGION: sb.url });
const client = await connect(conn);
const imports = await loadImports('src/sandbox/demo');
console.log('findings', imports.findings);
for (let round = 0; round < 2; round++) {
  const snap = await loadSnapshot(client, snapshotNeed(imports));
  const plan = buildPlan(imports, snap, { today: '2026-11-25' });
  console.log(renderPlanText(plan, []));
  if (round === 0) {
    const t = Date.now();
    const result = await applyPlan(plan, orgWriter(client, snap.homeDivisionId), {});
    console.log(resultsToText(result), Date.now() - t, 'ms');
  }
}
console.log(JSON.stringify(sb.stats().requests.byRoute, null, 1));
client.close(); await sb.close();
