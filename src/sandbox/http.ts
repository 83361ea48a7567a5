// The node:http edges of the sandbox: reading a request, its credentials, and writing JSON back.

import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** Path and query of a request target (`/api/v2/users?pageSize=1`). */
export function splitTarget(rawUrl: string): { path: string; query: URLSearchParams } {
  const q = rawUrl.indexOf('?');
  return {
    path: q === -1 ? rawUrl : rawUrl.slice(0, q),
    query: new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1)),
  };
}

export function readBody(req: IncomingMessage): Promise<string> {
  if (req.method === 'GET' || req.method === 'HEAD') {
    req.resume();
    return Promise.resolve('');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function bearerOf(headers: IncomingHttpHeaders): string | null {
  const value = headers.authorization;
  if (!value) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  return match?.[1] ?? null;
}

export function basicOf(headers: IncomingHttpHeaders): { id: string; secret: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** A JSON answer with its length, or an empty one for 204 and for no body. */
export function writeJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=UTF-8',
    'content-length': String(Buffer.byteLength(payload)),
  });
  res.end(payload);
}

/** An answer of the /__sandbox admin routes (no content-length: the end of the stream ends it). */
export function writeAdmin(res: ServerResponse, status: number, body?: unknown): void {
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' });
  res.end(payload);
}
