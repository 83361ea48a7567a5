// The sandbox's OAuth clients: `sandbox` (or SandboxOptions.clientId) and, with `clients: N`,
// `sandbox-2` … `sandbox-N` (named after the main client: `test-2` for an org's client `test`, so
// two orgs' pools never share an id), each with its secret equal to its id. Each client gets tokens of its own,
// and so a rate window of its own (server.ts keys the limiter by token, as Genesys limits each OAuth
// client), its own roles (SandboxOptions.poolClients, else those of `client`) and its own answers to
// GET /tokens/me and GET /oauth/clients/{id}.
import { randomBytes } from 'node:crypto';
import { clientAccessOf, type ClientAccess } from './access.js';
import { Router } from './router.js';
import { identityRoutes } from './routes/identity.js';
import type { OrgSeed, SandboxOptions } from './types.js';

/** The most clients a sandbox takes: more says nothing a test or a bench needs. */
export const MAX_SANDBOX_CLIENTS = 16;

export interface ClientCredentials {
  id: string;
  secret: string;
}

/** Who may log in, the main client first (pure: what openOrg and the docs name). */
export function sandboxClients(options: SandboxOptions = {}): ClientCredentials[] {
  const count = options.clients ?? 1;
  if (!(Number.isInteger(count) && count >= 1 && count <= MAX_SANDBOX_CLIENTS)) {
    throw new Error(`sandbox: clients must be a whole number from 1 to ${MAX_SANDBOX_CLIENTS}`);
  }
  const main = { id: options.clientId ?? 'sandbox', secret: options.clientSecret ?? 'sandbox' };
  const pool = Array.from({ length: count - 1 }, (_, i) => ({
    id: `${main.id}-${i + 2}`,
    secret: `${main.id}-${i + 2}`,
  }));
  return [main, ...pool];
}

export interface SandboxClientState extends ClientCredentials {
  access: ClientAccess;
  /** GET /tokens/me, GET /oauth/clients/{id}, the permission reads: as this client sees them. */
  identity: Router;
}

export class ClientRegistry {
  readonly clients: SandboxClientState[];
  /** Token → its client and when it expires (epoch ms). */
  private readonly tokens = new Map<string, { client: SandboxClientState; expiresAt: number }>();

  constructor(
    seed: OrgSeed,
    options: SandboxOptions,
    private readonly tokenTtlSeconds: number,
  ) {
    this.clients = sandboxClients(options).map((credentials, index) => {
      const own = index === 0 ? undefined : options.poolClients?.[credentials.id];
      const access = clientAccessOf(seed, own ?? options.client);
      const identity = new Router(identityRoutes({ clientId: credentials.id, tokenTtlSeconds, access }));
      return { ...credentials, access, identity };
    });
  }

  /** A new token for a client whose id and secret match, else null. */
  login(id: string, secret: string, now: number): string | null {
    const client = this.clients.find((c) => c.id === id && c.secret === secret);
    if (!client) return null;
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { client, expiresAt: now + this.tokenTtlSeconds * 1000 });
    return token;
  }

  /** The client of a token still valid at `now`, else null (unknown, expired or expired by hand). */
  clientOf(token: string | null, now: number): SandboxClientState | null {
    const entry = token === null ? undefined : this.tokens.get(token);
    return entry && entry.expiresAt > now ? entry.client : null;
  }

  /** Every token of one client, or of all when `clientId` is null, stops working (a token expiry). */
  expire(clientId: string | null): number {
    let expired = 0;
    for (const [token, { client }] of this.tokens) {
      if (clientId === null || client.id === clientId) {
        this.tokens.delete(token);
        expired += 1;
      }
    }
    return expired;
  }

  get main(): SandboxClientState {
    return this.clients[0] as SandboxClientState;
  }
}
