// A loopback proxy that checks the Platform API contract on real traffic: the client talks to the
// proxy as if it were the org, the proxy forwards every byte to the sandbox and back, and validates
// each /api/v2 exchange against the spec (test/helpers/contract.ts). /oauth/token and /__sandbox/*
// pass through unchecked: they are not Platform API operations.
import { Agent, createServer, request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContract, type Contract, type Violation } from './contract.js';

export interface ContractProxy {
  /** `http://127.0.0.1:PORT`: give it to the client as GENESYSCLOUD_API_REGION. */
  url: string;
  /** Every violation so far, in order. */
  violations(): Violation[];
  /** Exchanges validated, by operation (`METHOD template`). */
  checked(): Record<string, number>;
  /** How often each known quirk excused something. */
  quirks(): Record<string, number>;
  /** Exchanges that got no response to validate (the upstream dropped the connection). */
  dropped(): number;
  close(): Promise<void>;
}

// Compiled schemas are shared: every proxy and test of a worker validates against the same spec.
let shared: Contract | undefined;
export function sharedContract(): Contract {
  return (shared ??= createContract());
}

// Headers that describe one hop; the proxy re-frames bodies (it buffers them), so it sets its own.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

function forwardable(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** JSON bodies as data; an empty body as undefined; anything else as the raw text (which fails a schema). */
function parseJson(buffer: Buffer): unknown {
  if (buffer.length === 0) return undefined;
  const text = buffer.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function startContractProxy(
  targetUrl: string,
  contract = sharedContract(),
): Promise<ContractProxy> {
  const target = new URL(targetUrl);
  const agent = new Agent({ keepAlive: true });
  const violations: Violation[] = [];
  const checked = new Map<string, number>();
  const quirks = new Map<string, number>();
  let dropped = 0;
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const upstream = request({
        agent,
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...forwardable(req.headers), host: target.host, 'content-length': String(body.length) },
      });
      const answer = await new Promise<{ response: IncomingMessage; body: Buffer } | null>((resolve) => {
        upstream.on('response', (response) => {
          readAll(response).then(
            (data) => resolve({ response, body: data }),
            () => resolve(null),
          );
        });
        upstream.on('error', () => resolve(null));
        upstream.end(body);
      });
      const path = req.url ?? '/';
      if (!answer) {
        // The sandbox dropped the connection (an injected fault): drop ours the same way.
        if (path.startsWith('/api/v2/')) dropped += 1;
        req.socket.destroy();
        return;
      }
      if (path.startsWith('/api/v2/')) {
        const result = contract.validate({
          method: req.method ?? 'GET',
          url: path,
          requestBody: parseJson(body),
          status: answer.response.statusCode ?? 0,
          responseBody: parseJson(answer.body),
        });
        if (result.operation) bump(checked, result.operation);
        for (const id of result.quirks) bump(quirks, id);
        violations.push(...result.violations);
      }
      res.writeHead(answer.response.statusCode ?? 502, {
        ...forwardable(answer.response.headers),
        'content-length': String(answer.body.length),
      });
      res.end(answer.body);
    })().catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    violations: () => [...violations],
    checked: () => Object.fromEntries(checked),
    quirks: () => Object.fromEntries(quirks),
    dropped: () => dropped,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
