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
    const system = systemErrorLine(error);
    if (system) return system;
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

/** The operating system's refusals people cause (a port in use, a file in the way), said plainly. */
function systemErrorLine(error: NodeJS.ErrnoException & { port?: number; address?: string }): string | null {
  const where = error.path ?? (error.port === undefined ? undefined : `port ${error.port}`);
  switch (error.code) {
    case 'EADDRINUSE':
      return `${where ?? 'The port'} is already in use: stop what uses it, or choose another with --port.`;
    case 'EACCES':
    case 'EPERM':
      return `Not allowed to use ${where ?? 'that file or port'}: check its permissions (ports below 1024 need privileges).`;
    case 'EEXIST':
      return `${where ?? 'The file'} already exists and is not overwritten: move it away or choose another path.`;
    case 'ENOENT':
      return `${where ?? 'A file or folder'} does not exist.`;
    case 'ENOTDIR':
      return `${where ?? 'A path'} is not a folder.`;
    case 'EISDIR':
      return `${where ?? 'A path'} is a folder, not a file.`;
    default:
      return null;
  }
}
