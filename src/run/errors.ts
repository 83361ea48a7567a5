// How a run's outcome is judged and how a fatal error is said, the same in the CLI and the Action.
import { ConfigError } from '../genesys/connection.js';
import { GenesysApiError } from '../genesys/transport.js';
import type { Plan } from '../plan/types.js';
import { secrets } from '../secrets.js';
import { hasErrors } from '../csv/findings.js';

/** Rows in error in a plan (person or phone). */
export function planHasErrors(plan: Plan): boolean {
  const { people, phones } = plan.summary;
  return people.error > 0 || phones.error > 0 || hasErrors(plan.findings);
}

/** One readable line, scrubbed: our own errors carry their message; anything else is named as unexpected. */
export function fatalLine(error: unknown): string {
  return secrets.scrub(unscrubbedLine(error));
}

function unscrubbedLine(error: unknown): string {
  if (error instanceof ConfigError || error instanceof GenesysApiError) return error.message;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
