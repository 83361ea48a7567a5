// POST /oauth/token: the client-credentials grant, with the OAuth error bodies Genesys answers.
// A client id another org knows is as unknown here as a made-up one: each org has its own clients.

import type { IncomingHttpHeaders } from 'node:http';

import type { ClientRegistry } from './clients.js';
import { basicOf } from './http.js';
import type { ApiResult } from './router.js';

const oauthError = (status: number, error: string, description: string): ApiResult => ({
  status,
  body: { error, description },
});

export function oauthToken(
  clients: ClientRegistry,
  tokenTtlSeconds: number,
  request: { method: string; headers: IncomingHttpHeaders; text: string; now: number },
): ApiResult {
  if (request.method !== 'POST') return oauthError(405, 'invalid_request', 'Use POST.');
  const client = basicOf(request.headers);
  const known = client && clients.clients.some((c) => c.id === client.id && c.secret === client.secret);
  // The order of the checks is the order of Genesys's answers: the client first, then the form.
  if (!client || !known) return oauthError(401, 'invalid_client', 'client not found or bad secret');
  if (!(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  }
  const grant = new URLSearchParams(request.text).get('grant_type');
  if (!grant) return oauthError(400, 'invalid_request', 'grant_type is required');
  if (grant !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', `unsupported grant ${grant}`);
  }
  const token = clients.login(client.id, client.secret, request.now);
  return {
    status: 200,
    body: { access_token: token, token_type: 'bearer', expires_in: tokenTtlSeconds },
  };
}
