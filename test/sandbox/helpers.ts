// Drives the sandbox through the real SDK, as gc-onboard does.

import { sandboxToken } from '../helpers/sandbox.js';
import platformClient from 'purecloud-platform-client-v2';
import { afterEach } from 'vitest';

import type { Sandbox, SandboxOptions } from '../../src/sandbox/index.js';
import { startSandbox } from '../../src/sandbox/index.js';

export type Client = typeof platformClient.ApiClient;

// `new platformClient.ApiClient()` is not a constructor at runtime (ApiClient is the singleton
// instance); the class is exported as ApiClientClass, which index.d.ts does not declare.
const ApiClientClass = (platformClient as unknown as { ApiClientClass: new () => Client }).ApiClientClass;

/** A fresh SDK client pointed at the sandbox, extended responses on, config-file watching off. */
export async function sdkClient(sandbox: Sandbox, login = true): Promise<Client> {
  const client = new ApiClientClass();
  client.config.live_reload_config = false;
  client.setGateway({ protocol: 'http', host: '127.0.0.1', port: sandbox.port });
  client.setReturnExtendedResponses(true);
  if (login) await client.loginClientCredentialsGrant('sandbox', 'sandbox');
  return client;
}

export interface Extended<T = any> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

/** With extended responses the SDK resolves {status, headers, body}; its types still say the model. */
export async function ext<T>(call: Promise<T>): Promise<Extended<T>> {
  return (await call) as unknown as Extended<T>;
}

export interface Failure {
  status?: number;
  headers?: Record<string, string>;
  body?: any;
  /** Present on network errors (no response): the raw AxiosError. */
  code?: string;
  response?: unknown;
}

/** The rejection of a call that must fail (an SDK extended error, or a raw AxiosError). */
export async function failure(call: Promise<unknown>): Promise<Failure> {
  try {
    await call;
  } catch (err) {
    return err as Failure;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** Expects a Genesys ErrorBody with this status and code, and returns it. */
export async function apiError(call: Promise<unknown>, status: number, code: string): Promise<any> {
  const err = await failure(call);
  if (err.status !== status || err.body?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${String(err.status)} ${JSON.stringify(err.body)}`);
  }
  const body = err.body;
  for (const key of [
    'message',
    'code',
    'status',
    'messageWithParams',
    'messageParams',
    'contextId',
    'details',
    'errors',
  ]) {
    if (!(key in body)) throw new Error(`ErrorBody lacks ${key}: ${JSON.stringify(body)}`);
  }
  return body;
}

export interface Harness {
  sandbox: Sandbox;
  client: Client;
  users: InstanceType<typeof platformClient.UsersApi>;
  authz: InstanceType<typeof platformClient.AuthorizationApi>;
  routing: InstanceType<typeof platformClient.RoutingApi>;
  locations: InstanceType<typeof platformClient.LocationsApi>;
  telephony: InstanceType<typeof platformClient.TelephonyProvidersEdgeApi>;
  stations: InstanceType<typeof platformClient.StationsApi>;
}

export async function harness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox(options);
  const client = await sdkClient(sandbox);
  return {
    sandbox,
    client,
    users: new platformClient.UsersApi(client),
    authz: new platformClient.AuthorizationApi(client),
    routing: new platformClient.RoutingApi(client),
    locations: new platformClient.LocationsApi(client),
    telephony: new platformClient.TelephonyProvidersEdgeApi(client),
    stations: new platformClient.StationsApi(client),
  };
}

/** Plain HTTP to the sandbox (admin endpoints, raw checks). */
export async function http(
  sandbox: Sandbox,
  method: string,
  path: string,
  init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; json: any }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh access token of the client `sandbox` (test/helpers/sandbox.ts), for plain fetch calls. */
export const accessToken = (sandbox: Sandbox): Promise<string> => sandboxToken(sandbox.url);

export interface Raw {
  status: number;
  headers: Headers;
  json: any;
}

/** A sandbox plus one token, for plain-HTTP tests of the real-org behaviours. */
export interface Api {
  sandbox: Sandbox;
  call(method: string, path: string, body?: unknown): Promise<Raw>;
}

export async function api(options: SandboxOptions = {}): Promise<Api> {
  const sandbox = await startSandbox({ rateLimitPerMinute: 100_000, ...options });
  const token = await accessToken(sandbox);
  return { sandbox, call: (method, path, body) => http(sandbox, method, path, { token, body }) };
}

/** A POST /users body in the demo org's Student Services division. */
export function newUserBody(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@northfield.edu`;
  return { name, email, divisionId: '5eed0000-0001-4000-8000-000000000002', ...extra };
}

/**
 * `start(options)` opens an {@link Api} on a fresh sandbox; every sandbox a test opened is closed after
 * it. Call at the top of a test file.
 */
export function sandboxPerTest(): (options?: SandboxOptions) => Promise<Api> {
  const open: Api[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((a) => a.sandbox.close()));
  });
  return async (options = {}) => {
    const a = await api(options);
    open.push(a);
    return a;
  };
}
