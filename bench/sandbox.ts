// How many simple GETs per second the sandbox serves with faults off and the rate limit out of the way.
// The sandbox runs on this thread; the load comes from concurrent fetch loops (keep-alive loopback
// connections) in a worker thread, so that the client's own cost (undici's fetch costs about as much
// CPU per request as the server) does not eat the server's thread. About 2 s of load after a short
// warm-up. Prints nothing; the caller prints.

import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

import { DEMO_IDS, startSandbox } from '../src/sandbox/index.js';

const DURATION_MS = 2000;
const WARM_UP_MS = 300;
const CONCURRENCY = 32;

/** Simple reads of the kinds gc-onboard makes, taken in turn. */
const PATHS = [
  `/api/v2/users/${DEMO_IDS.users.james}`,
  '/api/v2/authorization/divisions/home',
  '/api/v2/routing/queues?pageSize=25&pageNumber=1',
  `/api/v2/stations?webRtcUserId=${DEMO_IDS.users.maria}`,
  '/api/v2/telephony/providers/edges/phonebasesettings?name=WebRTC%20Softphone',
];

interface LoadSpec {
  url: string;
  token: string;
  paths: string[];
  concurrency: number;
  warmUpMs: number;
  durationMs: number;
}

interface LoadResult {
  requests: number;
  seconds: number;
  /** First non-200 answer, if any: the bench fails rather than count errors as throughput. */
  error: string | null;
}

// Plain JavaScript, evaluated in the worker (no TypeScript loader there).
const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, token, paths, concurrency, warmUpMs, durationMs } = workerData;
const headers = { authorization: 'Bearer ' + token };
let next = 0;
let error = null;
async function loop(until, count) {
  let done = 0;
  while (error === null && performance.now() < until) {
    const path = paths[next++ % paths.length];
    const res = await fetch(url + path, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) error = 'GET ' + path + ' answered ' + res.status;
    else if (count) done++;
  }
  return done;
}
async function run() {
  const warmUntil = performance.now() + warmUpMs;
  await Promise.all(Array.from({ length: concurrency }, () => loop(warmUntil, false)));
  const start = performance.now();
  const counts = await Promise.all(Array.from({ length: concurrency }, () => loop(start + durationMs, true)));
  const seconds = (performance.now() - start) / 1000;
  parentPort.postMessage({ requests: counts.reduce((a, b) => a + b, 0), seconds, error });
}
run().catch((err) => parentPort.postMessage({ requests: 0, seconds: 0, error: String(err) }));
`;

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('sandbox:sandbox').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (res.status !== 200) throw new Error(`bench: login to the sandbox failed with ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const worker = new Worker(LOAD_GENERATOR, { eval: true, workerData: spec });
  return new Promise<LoadResult>((resolve, reject) => {
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
  }).finally(() => worker.terminate());
}

export async function benchSandbox(): Promise<{ requestsPerSecond: number }> {
  const sandbox = await startSandbox({ rateLimitPerMinute: 1_000_000_000, stationLagMs: 0 });
  try {
    const token = await login(sandbox.url);
    const started = performance.now();
    const result = await runLoad({
      url: sandbox.url,
      token,
      paths: PATHS,
      concurrency: CONCURRENCY,
      warmUpMs: WARM_UP_MS,
      durationMs: DURATION_MS,
    });
    if (result.error) throw new Error(`bench: ${result.error}`);
    if (result.requests === 0 || result.seconds <= 0) {
      throw new Error(`bench: no requests completed in ${Math.round(performance.now() - started)} ms`);
    }
    return { requestsPerSecond: Math.round(result.requests / result.seconds) };
  } finally {
    await sandbox.close();
  }
}
