// A 403 said once, in one line that names the missing permission and division, and the gate that
// makes apply stop at the first one instead of failing row after row. The permission and division
// come from the error body's messageParams when the error carries them, else from its message (the
// Genesys wordings of missing.permissions, missing.any.permissions and missing.division.permission).
import { ConfigError } from '../genesys/connection.js';

export interface MissingPermission {
  code: string;
  /** Every permission named; for missing.any.permissions, any one of them would do. */
  permissions: string[];
  divisionId: string | null;
  /** `POST /api/v2/users`, when known. */
  call: string | null;
}

/** The OAuth client lacks a permission: a configuration error (exit 2), said in one line. */
export class MissingPermissionError extends ConfigError {
  override name = 'MissingPermissionError';
  constructor(
    message: string,
    readonly missing: MissingPermission,
  ) {
    super(message);
  }
}

const PERMISSION = /[A-Za-z*]+:[A-Za-z*]+:[A-Za-z*]+|\badmin\b/g;

interface ErrorFields {
  status?: unknown;
  code?: unknown;
  detail?: unknown;
  message?: unknown;
  method?: unknown;
  route?: unknown;
  messageParams?: unknown;
}

/** What a 403 says is missing, or null when the error is not a 403. */
export function missingPermissionOf(error: unknown): MissingPermission | null {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorFields;
  if (e.status !== 403) return null;
  const code = typeof e.code === 'string' ? e.code : '';
  const text = typeof e.detail === 'string' ? e.detail : typeof e.message === 'string' ? e.message : '';
  const params =
    typeof e.messageParams === 'object' && e.messageParams !== null
      ? (e.messageParams as Record<string, unknown>)
      : {};
  const fromParams = typeof params.permissions === 'string' ? params.permissions : null;
  const permissions = (fromParams ?? afterLastColonList(text)).match(PERMISSION) ?? [];
  const division =
    typeof params.divisionId === 'string'
      ? params.divisionId
      : (/in division ([^\s:]+)/.exec(text)?.[1] ?? null);
  const call = typeof e.method === 'string' && typeof e.route === 'string' ? `${e.method} ${e.route}` : null;
  return { code, permissions: [...new Set(permissions)], divisionId: division, call };
}

/** The list after "permission(s):" / "assigned:" (the message itself contains other colons). */
function afterLastColonList(text: string): string {
  const at = Math.max(text.lastIndexOf('permission(s)'), text.lastIndexOf('assigned'));
  return at < 0 ? text : text.slice(at);
}

/** One line: what is missing, where, and what to do. */
export function forbiddenLine(
  missing: MissingPermission,
  divisionName: (id: string) => string = (id) => id,
): string {
  const what =
    missing.permissions.length === 0
      ? 'a permission'
      : missing.code === 'missing.any.permissions'
        ? `one of ${missing.permissions.join(', ')}`
        : missing.permissions.join(', ');
  const where = missing.divisionId ? ` in division '${divisionName(missing.divisionId)}'` : '';
  const call = missing.call ? ` on ${missing.call}` : '';
  return `The OAuth client lacks ${what}${where} (403 ${missing.code || 'forbidden'}${call}): give it a role with ${
    missing.permissions.length > 1 && missing.code !== 'missing.any.permissions' ? 'them' : 'it'
  }${where ? ' in that division' : ''}, then run again (gc-onboard doctor checks every permission).`;
}

/**
 * Wraps an object of async methods: the first call of each method goes alone (the others wait for
 * its answer), so that a permission the client lacks is met once, not by every row in flight. The
 * first 403 is kept, and from then on every call fails at once with it, without reaching the org.
 */
export function permissionGate<T extends object>(target: T): { wrapped: T; denied: () => unknown } {
  let denied: Error | null = null;
  const firstCalls = new Map<PropertyKey, Promise<unknown>>();
  const wrapped = new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...a: unknown[]) => unknown;
      const call = (args: unknown[]): Promise<unknown> => {
        // The very error the first 403 rejected with (a GenesysApiError), passed on as it was.
        if (denied !== null) return Promise.reject(denied);
        return Promise.resolve(method.apply(object, args)).catch((error: unknown) => {
          if (denied === null && missingPermissionOf(error) !== null)
            denied = error instanceof Error ? error : new Error(String(error));
          throw error;
        });
      };
      return (...args: unknown[]): Promise<unknown> => {
        const first = firstCalls.get(key);
        if (first) return first.then(() => call(args));
        const answer = call(args);
        firstCalls.set(
          key,
          answer.then(
            () => undefined,
            () => undefined,
          ),
        );
        return answer;
      };
    },
  });
  return { wrapped, denied: () => denied };
}

/** A 403 becomes one line naming the permission and division (a configuration error: exit 2). */
export function asMissingPermission(error: unknown, divisionName?: (id: string) => string): unknown {
  const missing = missingPermissionOf(error);
  return missing ? new MissingPermissionError(forbiddenLine(missing, divisionName), missing) : error;
}
