// Every value that comes from a CSV, a folder name or a finding message is untrusted: in a PR
// comment it could break a table, inject HTML or links, ping a team, or fake our hidden marker.

const MARKDOWN_PUNCTUATION = '\\`*_~[]|$';
const REPLACEMENTS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '@': '@&#8203;' };
// One pass over the value (this runs on every cell of 10,000-row plans): line breaks (a CRLF as
// one), control characters, markdown punctuation, HTML specials and @.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
const UNSAFE = /\r\n|[\r\n\u2028\u2029\u0000-\u001f\u007f-\u009f\\`*_~[\]|$&<>@]/g;

/**
 * Makes text inert in GitHub markdown, tables and inline HTML: line breaks and control characters
 * become spaces; markdown punctuation (`\ ` * _ ~ [ ] | $`) is backslash-escaped, every `|` of
 * them; `& < >` become entities (so `<!--`, `-->` and tags cannot appear); `@` is followed by a
 * zero-width space so `@team` pings nobody.
 */
export function escapeMarkdown(value: string): string {
  return value.replace(
    UNSAFE,
    (char) => REPLACEMENTS[char] ?? (MARKDOWN_PUNCTUATION.includes(char) ? `\\${char}` : ' '),
  );
}

/** For terminals: line breaks and control characters (escape sequences included) become spaces. */
export function plainText(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
  return value.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/** Shortens a value for display, so that one enormous cell cannot fill a comment. */
export function clip(value: string, max = 300): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max - 1);
  // Do not leave half of a surrogate pair (an emoji) behind.
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
