// Several OAuth clients of one org behind one SDK ApiClient. Genesys limits calls per OAuth client
// (real-api.md §9), so a team that outgrows one client's 300 calls a minute can add more. Each client
// is a GenesysTransport of its own: its own token and single-flight re-login, its own pacer at the
// limit its own headers report, its own 429 handling. The pool only decides who sends each call:
// - every call about one person (the user id in the path, the phone's webRtcUser, a station lookup)
//   goes to the client that first took that person, so one person's writes stay in order on one
//   client; the person created by POST /users belongs to the client that created them;
// - a create goes to the client with the fewest creates for its limit (plus any 429 pause it waits
//   out): each new person brings the same follow-ups, so people spread in proportion to the limits;
// - anything else (reads, bulk calls across people) goes to the least-loaded client: fewest calls
//   waiting or in flight for its limit. A client whose re-login failed for good takes no new work.
// With one client (the default) every call goes to it: the same as a plain transport.
//
// This module loads the Genesys SDK, so it is itself loaded only when a command talks to an org.
import { AsyncLocalStorage } from 'node:async_hooks';
import platformClient from 'purecloud-platform-client-v2';
import { secrets } from '../secrets.js';
import { LoginError, type Connection, type Credentials } from './connection.js';
import {
  GenesysApiError,
  GenesysTransport,
  type ClientStats,
  type TransportOptions,
  type TransportResponse,
  type TransportStats,
} from './transport.js';

type HttpRequestOptions = InstanceType<typeof platformClient.HttpRequestOptions>;
type ApiClient = InstanceType<typeof platformClient.ApiClientClass>;

/** Hands the SDK's requests on. The SDK's setHttpClient takes only instances of its AbstractHttpClient. */
export class SdkHttpClient extends platformClient.AbstractHttpClient {
  constructor(private readonly send: (request: HttpRequestOptions) => Promise<TransportResponse>) {
    super();
  }

  override request(request: HttpRequestOptions): Promise<TransportResponse> {
    return this.send(request);
  }

  // The SDK calls this for hooks; we have none.
  override enableHooks(): void {}
}

interface Member {
  clientId: string;
  transport: GenesysTransport;
  /** Calls handed to it and not answered yet (waiting in its pacer or on the wire). */
  outstanding: number;
  /** Creates handed to it (answered or not): each new person brings the same follow-ups. */
  creates: number;
}

export interface PoolSettings {
  /** A fresh ApiClient pointed at the org (each client logs in through its own). */
  newApiClient: () => ApiClient;
  onToken?: (token: string) => void;
  transport?: Partial<TransportOptions>;
}

/** Logs every client in (together) and returns the pool; closes them all if any login fails. */
export async function openPool(connection: Connection, settings: PoolSettings): Promise<ClientPool> {
  const clients: Credentials[] = [connection, ...connection.pool];
  // Before the first request: a login error may echo a secret. A secret equal to its client id (the
  // sandbox's) is no secret, and blanking it would blank the id everywhere: only its pair is.
  for (const { clientId, clientSecret } of clients) {
    if (clientSecret === clientId) secrets.add(`${clientId}:${clientSecret}`);
    else secrets.addClient(clientId, clientSecret);
  }
  const members = clients.map((credentials, index) => {
    const transport = new GenesysTransport(settings.transport);
    const apiClient = settings.newApiClient();
    apiClient.setHttpClient(new SdkHttpClient((request) => transport.request(request)));
    const login = async (): Promise<string> => {
      let token: string;
      try {
        token = (await apiClient.loginClientCredentialsGrant(credentials.clientId, credentials.clientSecret))
          .accessToken;
      } catch (error) {
        throw loginError(error, connection, index);
      }
      // Registered with the scrubber (setToken) before anything can print it.
      transport.setToken(token);
      settings.onToken?.(token);
      return token;
    };
    transport.setReauthenticate(login);
    return { member: { clientId: credentials.clientId, transport, outstanding: 0, creates: 0 }, login };
  });
  const logins = await Promise.allSettled(members.map(({ login }) => login()));
  const failed = logins.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    for (const { member } of members) member.transport.close();
    throw failed.reason;
  }
  return new ClientPool(members.map(({ member }) => member));
}

export class ClientPool {
  private readonly members: Member[];
  /** Person key → index of the client that took them. */
  private readonly owners = new Map<string, number>();
  private readonly pinned = new AsyncLocalStorage<number>();

  constructor(members: Member[]) {
    if (members.length === 0) throw new Error('a client pool needs at least one client');
    this.members = members;
  }

  /** The OAuth client ids, the main client first. */
  get clientIds(): string[] {
    return this.members.map((member) => member.clientId);
  }

  async request(request: HttpRequestOptions): Promise<TransportResponse> {
    const index =
      this.pinned.getStore() ??
      (isUserCreate(request) ? this.pickCreator() : this.pick(personKeyOf(request)));
    const member = this.members[index] as Member;
    member.outstanding += 1;
    try {
      const response = await member.transport.request(request);
      const created = createdUserIdOf(request, response);
      if (created !== null && !this.owners.has(created)) this.owners.set(created, index);
      return response;
    } finally {
      member.outstanding -= 1;
    }
  }

  /** Runs `work` with every call it makes sent by one client (doctor checks each client's own access). */
  onClient<T>(clientId: string, work: () => Promise<T>): Promise<T> {
    const index = this.members.findIndex((member) => member.clientId === clientId);
    if (index < 0) throw new Error(`no OAuth client ${clientId} in the pool`);
    return this.pinned.run(index, work);
  }

  /** The sums over every client, and each client's own figures. */
  stats(): TransportStats {
    const all = this.members.map((member) => member.transport.stats());
    return {
      ...sumStats(all),
      clients: all.map((stats, index): ClientStats => ({
        clientId: this.members[index]?.clientId ?? '',
        requests: stats.requests,
        rateLimited: stats.rateLimited,
        logins: stats.logins,
        limit: stats.limit,
      })),
    };
  }

  close(): void {
    for (const member of this.members) member.transport.close();
  }

  /**
   * The client for a new person, who stays theirs: the fewest creates for its limit. Each new person
   * brings the same follow-ups, so people spread in proportion to the limits, whatever each client
   * happens to have queued at the moment of the create.
   */
  private pickCreator(): number {
    const index = this.leastBy((member) => member.creates);
    (this.members[index] as Member).creates += 1;
    return index;
  }

  private pick(key: string | null): number {
    const owner = key === null ? undefined : this.owners.get(key);
    if (owner !== undefined) return owner;
    const index = this.leastBy((member) => member.outstanding);
    if (key !== null) this.owners.set(key, index);
    return index;
  }

  /** leastLoaded, with `load` (calls outstanding, creates) counted for each client's limit. */
  private leastBy(load: (member: Member) => number): number {
    return leastLoaded(
      this.members.map((member) => ({
        outstanding: load(member),
        limit: member.transport.limit,
        usable: member.transport.usable,
        pausedWindows: member.transport.pausedWindows,
      })),
    );
  }
}

/**
 * The client to give new work: the usable one with the shortest wait, the first on a tie. A client's
 * wait, in windows: its outstanding calls for its limit, plus what it still waits out of a 429 (a
 * client told to wait must not take new work because it has few calls). If none is usable, the
 * first: its call fails with the reason.
 */
export function leastLoaded(
  loads: ReadonlyArray<{ outstanding: number; limit: number; usable: boolean; pausedWindows?: number }>,
): number {
  let best = -1;
  let bestWait = Infinity;
  for (const [index, { outstanding, limit, usable, pausedWindows = 0 }] of loads.entries()) {
    const wait = outstanding / Math.max(1, limit) + pausedWindows;
    if (usable && wait < bestWait) {
      best = index;
      bestWait = wait;
    }
  }
  return best < 0 ? 0 : best;
}

const API_PATH = /\/api\/v\d+(\/.*)$/;
/** Fixed words of the routes that follow `/users/`: no person in them. */
const USER_WORDS = new Set(['search', 'me', 'bulk']);

/**
 * The person a call is about, as `user:<id>`, or null for calls about no single person (reads of lists,
 * bulk writes across people, locations). Pure: reads the method, URL, query and body the SDK built.
 */
export function personKeyOf(request: Pick<HttpRequestOptions, 'url' | 'params' | 'data'>): string | null {
  const path = API_PATH.exec(new URL(request.url).pathname)?.[1] ?? '';
  const segments = path.split('/').filter(Boolean);
  const [first, second, third] = segments;
  if (first === 'users' && second && !USER_WORDS.has(second)) return `user:${decodeURIComponent(second)}`;
  if (first === 'authorization' && second === 'subjects' && third) return `user:${decodeURIComponent(third)}`;
  if (first === 'routing' && second === 'users' && third) return `user:${decodeURIComponent(third)}`;
  if (path.startsWith('/telephony/providers/edges/phones')) {
    const user = webRtcUserOf(request.data);
    return user === null ? null : `user:${user}`;
  }
  if (first === 'stations' && segments.length === 1) {
    const user = (request.params as Record<string, unknown> | undefined)?.webRtcUserId;
    return typeof user === 'string' && user !== '' ? `user:${user}` : null;
  }
  return null;
}

function webRtcUserOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const user = (data as { webRtcUser?: { id?: unknown } }).webRtcUser;
  return typeof user?.id === 'string' && user.id !== '' ? user.id : null;
}

/** POST /api/v2/users: a new person. */
function isUserCreate(request: Pick<HttpRequestOptions, 'method' | 'url'>): boolean {
  return (
    request.method.toUpperCase() === 'POST' && API_PATH.exec(new URL(request.url).pathname)?.[1] === '/users'
  );
}

/** The id of the user a successful POST /users created, so that person's later calls follow it. */
function createdUserIdOf(request: HttpRequestOptions, response: TransportResponse): string | null {
  if (response.status >= 300 || !isUserCreate(request)) return null;
  const id = (response.data as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? `user:${id}` : null;
}

/**
 * Counts added up; the limits too, since each client has its own. A route or family limit is the sum
 * over the clients, one that has not called it yet counted at the lowest any client learned (an org
 * gives every client the same resource limits).
 */
export function sumStats(all: readonly TransportStats[]): Omit<TransportStats, 'clients'> {
  const add = (records: Array<Record<string, number>>, missing: (key: string) => number = () => 0) => {
    const keys = [...new Set(records.flatMap((record) => Object.keys(record)))].sort((a, b) =>
      a.localeCompare(b),
    );
    return Object.fromEntries(
      keys.map((key) => [key, records.reduce((sum, record) => sum + (record[key] ?? missing(key)), 0)]),
    );
  };
  const total = (pick: (stats: TransportStats) => number) => all.reduce((sum, s) => sum + pick(s), 0);
  return {
    requests: total((s) => s.requests),
    byRoute: add(all.map((s) => s.byRoute)),
    retries: total((s) => s.retries),
    rateLimited: total((s) => s.rateLimited),
    rateLimitedByFamily: add(all.map((s) => s.rateLimitedByFamily)),
    logins: total((s) => s.logins),
    limit: total((s) => s.limit),
    limits: add(
      all.map((s) => s.limits),
      (key) => Math.min(...all.flatMap((s) => (s.limits[key] === undefined ? [] : [s.limits[key]]))),
    ),
    windowMs: all[0]?.windowMs ?? 60_000,
  };
}

/** One fatal line; for a pool client, which one and where it was configured (never its secret). */
function loginError(error: unknown, connection: Connection, index: number): Error {
  const where = connection.apiBaseUrl;
  const pooled = index > 0 ? (connection.pool[index - 1]?.clientId ?? '') : null;
  const who = pooled === null ? '' : ` as pool client ${pooled}`;
  const check =
    pooled === null
      ? 'check GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION.'
      : `check that client's id:secret in ${connection.poolVariable}.`;
  if (error instanceof GenesysApiError) {
    if (error.status === 400 || error.status === 401 || error.status === 403) {
      return new LoginError(
        `Login to ${where}${who} was refused (${error.status}${error.code ? ` ${error.code}` : ''}): ${check}`,
      );
    }
    if (error.status === 0) {
      return new LoginError(`Cannot reach ${where} to log in (${error.code}: ${error.detail}).`);
    }
    return new LoginError(`Login to ${where}${who} failed: ${error.message}`);
  }
  // Anything else is a bug or an SDK surprise; keep it to one line without the raw object.
  return new LoginError(
    `Login to ${where}${who} failed: ${secrets.scrubEchoed(error instanceof Error ? error.message : String(error))}`,
  );
}
