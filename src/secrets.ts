// The one scrubber for everything that leaves the process: CLI stdout and stderr, files we write
// (results JSON/CSV, plan, invite report), the Action's job summary, comment, annotations, outputs and
// failure line, and the fields of every GenesysApiError. It knows the client secret (and the Basic
// credential built from it) and every access token issued in this process, and blanks each of them
// in plain, URL-encoded, JSON-escaped and base64 form, wherever in a string or a JSON value it sits.
//
// Process-wide on purpose: a secret registered where it is learnt (connect, login) must be blanked
// at exits that never see the connection, and one process runs one org.

const MASK = '***';

/**
 * Shorter values are not scrubbed: they would blank ordinary words (the sandbox's secret is
 * `sandbox`), and no Genesys client secret (43 characters) or access token is that short.
 */
export const MIN_SECRET_LENGTH = 8;

/** A base64 fragment shorter than this could match ordinary text by chance. */
const MIN_FRAGMENT_LENGTH = 8;

export class SecretScrubber {
  private readonly secrets = new Set<string>();
  /** Every form of every secret, longest first; null when nothing is registered. */
  private pattern: RegExp | null = null;

  /** Registers a secret (a token, a client secret); later output never shows it. */
  add(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    const forms = new Set<string>();
    for (const value of this.secrets) for (const form of formsOf(value)) forms.add(form);
    const sorted = [...forms].sort((a, b) => b.length - a.length).map(asRendered);
    this.pattern = new RegExp(sorted.join('|'), 'g');
  }

  /** An OAuth client: its secret, and the `id:secret` pair the login sends as Basic credentials. */
  addClient(id: string, secret: string): void {
    this.add(secret);
    // Even for a short secret: the pair is long, and its base64 is what the login sends.
    this.add(`${id}:${secret}`);
  }

  /** `text` with every registered secret, in any of its forms, replaced by `***`. */
  scrub(text: string): string {
    return this.pattern === null ? text : text.replace(this.pattern, MASK);
  }

  /**
   * What a server said (an error body): also blanks credentials we never issued, after `Bearer` or
   * `Basic`. Not used on our own output, where "Basic Administrative-Assistant" is a job title.
   */
  scrubEchoed(text: string): string {
    // The pattern first, so that a known secret inside an unknown credential does not split it.
    return this.scrub(text.replace(/\b(Bearer|Basic)\s+[\w.~+/=-]{16,}/gi, `$1 ${MASK}`));
  }

  /** A copy of a JSON-able value with every string in it, keys included, scrubbed. */
  scrubDeep<T>(value: T): T {
    return this.pattern === null ? value : (this.deep(value) as T);
  }

  private deep(value: unknown): unknown {
    if (typeof value === 'string') return this.scrub(value);
    if (Array.isArray(value)) return value.map((item) => this.deep(item));
    if (isPlainObject(value)) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [this.scrub(key), this.deep(item)]),
      );
    }
    return value;
  }
}

/** The scrubber of this process. */
export const secrets = new SecretScrubber();

/**
 * How a secret can appear: as is; URL-encoded (a query or a form body); JSON-escaped; base64 and
 * base64url of it alone; and base64 or base64url at each of the three alignments it can take inside
 * a longer encoded string (the characters that also carry neighbouring bytes are left out, so the
 * fragment matches wherever it sits).
 */
function formsOf(secret: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ];
  const bytes = Buffer.from(secret, 'utf8');
  const whole = bytes.toString('base64');
  forms.push(whole, whole.replace(/=+$/, ''), bytes.toString('base64url'));
  for (let shift = 0; shift < 3; shift += 1) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const start = Math.ceil((8 * shift) / 6);
    const end = Math.floor((8 * (shift + bytes.length)) / 6);
    const fragment = encoded.slice(start, end);
    if (fragment.length < MIN_FRAGMENT_LENGTH) continue;
    forms.push(fragment, fragment.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

/** How a character may be rewritten on its way out: HTML entities in markdown, doubled quotes in CSV. */
const REWRITTEN: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '""' };

/**
 * A pattern for `text` as it may reach an exit after rendering: markdown (the summary, the comment)
 * backslash-escapes ASCII punctuation and writes `& < >` as entities, CSV doubles `"`, so each
 * may be either way.
 */
function asRendered(text: string): string {
  let pattern = '';
  for (const char of text) {
    const literal = char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    const rewritten = REWRITTEN[char];
    if (rewritten) pattern += `(?:\\\\?${literal}|${rewritten})`;
    else if (/[!-/:-@[-`{-~]/.test(char)) pattern += `\\\\?${literal}`;
    else pattern += literal;
  }
  return pattern;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
