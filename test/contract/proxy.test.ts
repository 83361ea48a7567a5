// The contract proxy on a fake upstream: it forwards bytes, status and headers both ways, checks
// /api/v2 exchanges only, counts them per operation, records violations, and drops a connection the
// upstream dropped.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startContractProxy, type ContractProxy } from '../helpers/contract-proxy.js';

interface Seen {
  method: string;
  url: string;
  body: string;
  authorization: string | undefined;
}

let upstream: Server;
let proxy: ContractProxy;
const seen: Seen[] = [];

const route = (req: IncomingMessage, res: ServerResponse, body: string) => {
  seen.push({ method: req.method ?? '', url: req.url ?? '', body, authorization: req.headers.authorization });
  const json = (status: number, data: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(data));
  };
  if (req.url === '/oauth/token')
    return json(200, { access_token: 't', token_type: 'bearer', expires_in: 60 });
  if (req.url === '/__sandbox/stats') return json(200, { anything: 'goes' });
  if (req.url?.startsWith('/api/v2/routing/skills'))
    return json(
      200,
      { entities: [{ id: 's1', name: 'English' }], pageCount: 1 },
      { 'inin-ratelimit-allowed': '300' },
    );
  if (req.url === '/api/v2/routing/queues') return json(200, { entities: [{ id: 'q1', name: 7 }] });
  if (req.url === '/api/v2/locations') {
    // Drop the connection without an answer, like the sandbox's injected `drop` fault.
    req.socket.destroy();
    return;
  }
  json(404, { message: 'nope', code: 'not.found', status: 404 });
};

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => route(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  proxy = await startContractProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
});
afterAll(async () => {
  await proxy?.close();
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

describe('startContractProxy', () => {
  it('forwards login and sandbox calls verbatim without checking them', async () => {
    const token = await fetch(`${proxy.url}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: 'Basic c2FuZGJveDpzYW5kYm94',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(token.status).toBe(200);
    expect(await token.json()).toMatchObject({ access_token: 't' });
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      url: '/oauth/token',
      body: 'grant_type=client_credentials',
      authorization: 'Basic c2FuZGJveDpzYW5kYm94',
    });
    expect((await fetch(`${proxy.url}/__sandbox/stats`)).status).toBe(200);
    expect(proxy.checked()).toEqual({});
    expect(proxy.violations()).toEqual([]);
  });

  it('checks an /api/v2 exchange and passes its status, headers and body through', async () => {
    const response = await fetch(`${proxy.url}/api/v2/routing/skills?pageSize=100&pageNumber=1`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('inin-ratelimit-allowed')).toBe('300');
    expect(await response.json()).toEqual({ entities: [{ id: 's1', name: 'English' }], pageCount: 1 });
    expect(seen.at(-1)).toMatchObject({
      url: '/api/v2/routing/skills?pageSize=100&pageNumber=1',
      authorization: 'Bearer t',
    });
    expect(proxy.checked()).toEqual({ 'GET /api/v2/routing/skills': 1 });
    expect(proxy.violations()).toEqual([]);
  });

  it('records a violation in either direction and still forwards the answer', async () => {
    const response = await fetch(`${proxy.url}/api/v2/routing/queues`, {
      method: 'GET',
      headers: { authorization: 'Bearer t' },
    });
    expect(response.status).toBe(200);
    expect(proxy.violations()).toEqual([
      expect.objectContaining({
        operation: 'GET /api/v2/routing/queues',
        direction: 'response',
        part: 'body',
        pointer: '/entities/0/name',
      }),
    ]);
    const unknown = await fetch(`${proxy.url}/api/v2/users/u1/phones`);
    expect(unknown.status).toBe(404);
    expect(proxy.violations().at(-1)).toMatchObject({
      operation: 'GET /api/v2/users/u1/phones',
      direction: 'request',
      message: 'no operation of the spec has this method and path',
    });
  });

  it('drops the connection when the upstream dropped it, and checks nothing', async () => {
    const before = proxy.violations().length;
    await expect(fetch(`${proxy.url}/api/v2/locations`)).rejects.toThrow();
    expect(proxy.dropped()).toBe(1);
    expect(proxy.violations()).toHaveLength(before);
  });
});
