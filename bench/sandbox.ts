// How many simple GETs per second the sandbox serves with faults off and the rate limit out of the way.
//
// The sandbox runs on this thread; the load comes from a worker thread (the other core) running 32
// concurrent request loops over keep-alive loopback connections, for about 2 s after a short warm-up.
// The loops use node:http rather than fetch: on this machine undici's fetch tops out at about 1,400 to
// 2,400 requests per second even against a do-nothing server, so a fetch client would measure fetch,
// not the sandbox. Every answer must be a 200, or the bench fails. Prints nothing; the caller prints.

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
  port: number;
  token: string;
  paths: string[];
  concurrency: number;
  warmUpMs: number;
  durationMs: number;
}

interface LoadResult {
  requests: number;
  seconds: number;
  /** First failure (a non-200 answer or a network error), if any. */
  error: string | null;
}

// Plain JavaScript, evaluated in the worker (no TypeScript loader there).
const LOAD_GENERATOR = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { port, token, paths, concurrency, warmUpMs, durationMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const headers = { authorization: 'Bearer ' + token };
let next = 0;
let error = null;
function get(path) {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? null : 'GET ' + path + ' answered ' + res.statusCode));
    });
    req.on('error', (err) => resolve('GET ' + path + ' failed: ' + err.message));
    req.end();
  });
}
async function loop(until, count) {
  let done = 0;
  while (error === null && performance.now() < until) {
    const failed = await get(paths[next++ % paths.length]);
    if (failed) error = error || failed;
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
  agent.destroy();
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
      port: sandbox.port,
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
