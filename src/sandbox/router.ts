// Route templates (`/api/v2/users/{userId}`) → handlers. The template doubles as the stats key.

import type { RealRuntime } from './real.js';
import type { OrgStore } from './store.js';

export interface HandlerContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  store: OrgStore;
  /** Epoch ms of this request. */
  now: number;
  userSearchLagMs: number;
  stationLagMs: number;
  /** The real-org behaviours and their state across requests. */
  real: RealRuntime;
  newId(): string;
}

export interface ApiResult {
  status: number;
  body?: unknown;
}

export type Handler = (ctx: HandlerContext) => ApiResult;

export interface Route {
  method: string;
  template: string;
  /** `METHOD template` with the first path parameter spelled `{id}`: the key of stats.byRoute. */
  statsKey: string;
  handler: Handler;
  regex: RegExp;
  paramNames: string[];
  /** A version-checked write to the user in `{userId}` (tracked in flight for version races). */
  userWrite: boolean;
  /** Its own rate limit on top of the token's (real-api.md §9). */
  rateFamily: RateFamily | null;
}

export type RateFamily = 'users.search' | 'telephony.phones.write';

export interface RouteOptions {
  userWrite?: boolean;
  rateFamily?: RateFamily;
}

export function route(method: string, template: string, handler: Handler, options: RouteOptions = {}): Route {
  const paramNames: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    paramNames.push(name);
    return '([^/]+)';
  });
  const statsKey = `${method} ${template.replace(/\{\w+\}/, '{id}')}`;
  return {
    method,
    template,
    statsKey,
    handler,
    regex: new RegExp(`^${pattern}$`),
    paramNames,
    userWrite: options.userWrite ?? false,
    rateFamily: options.rateFamily ?? null,
  };
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export class Router {
  private readonly byMethod = new Map<string, Route[]>();

  constructor(routes: readonly Route[]) {
    for (const r of routes) {
      const list = this.byMethod.get(r.method) ?? [];
      list.push(r);
      this.byMethod.set(r.method, list);
    }
  }

  match(method: string, path: string): RouteMatch | null {
    for (const r of this.byMethod.get(method) ?? []) {
      const m = r.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.paramNames.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route: r, params };
    }
    return null;
  }
}

export const ok = (body: unknown): ApiResult => ({ status: 200, body });
export const noContent = (): ApiResult => ({ status: 204 });
export const accepted = (): ApiResult => ({ status: 202 });
