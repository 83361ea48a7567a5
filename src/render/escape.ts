// Every value that comes from a CSV, a folder name or a finding message is untrusted: in a PR
// comment or job summary it could break a table, inject HTML, fake our hidden marker, link
// somewhere, notify people (@team), reference issues or commits, or hide text (bidi, zero-width).
//
// What makes a value inert follows from how GitHub renders markdown, in two steps:
// 1. cmark-gfm parses it. Its autolink extension links `www.` and `http(s)://`/`ftp://` while
//    parsing the raw text, and emails afterwards, on text nodes whose entities are already decoded
//    and merged (extensions/autolink.c calls cmark_consolidate_text_nodes): `a&#64;b.c` is still
//    a mailto link.
// 2. GitHub's reference filters (html-pipeline's MentionFilter and friends) then link @user,
//    @org/team, #123, GH-1, owner/repo#1 and commit SHAs in the text nodes of the rendered HTML,
//    where `&#64;` and `&#35;` are plain `@` and `#` again. They skip text inside <code>, <pre>, <a>.
// So an entity (`&#64;`, `&#35;`) does not stop step 2, nor an entity-broken email step 1, and a
// zero-width character is itself what we flag as suspicious. A markdown code span stops both: it is
// a code node, which cmark never autolinks, and it renders as <code>, which the filters skip. A word
// that could link is therefore shown as a code span; every other word is escaped character by
// character, so it stays plain text.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
const LINE_BREAKS_AND_CONTROLS = /\r\n|[\r\n\u2028\u2029\u0000-\u001f\u007f-\u009f]/g;
/** Format characters (Unicode Cf): bidi controls, zero-width characters, BOMs, tags. Invisible, so shown by code point. */
const INVISIBLE = /\p{Cf}/u;
/** An invisible character (captured), or a word: the whitespace between them stays as it is. */
const PIECES = /(\p{Cf})|[^\s\p{Cf}]+/gu;
/**
 * A word GitHub could link or notify from: @ (a mention or an email), #<digit> (#1, repo#1,
 * owner/repo#1), GH-<digit>, ://, www., or 7+ hex digits (a commit SHA). Wider than GitHub's own
 * patterns on purpose: a harmless word shown as code costs nothing.
 */
const LINKABLE = /@|#\d|gh-\d|:\/\/|www\.|[0-9a-f]{7}/i;
const WORD_UNSAFE = /[\\`*_~[\]|$&<>]/g;
/** Anything escapeMarkdown would change; most cells (names, titles) have none and are returned as they are. */
const NEEDS_ESCAPING = new RegExp(`${WORD_UNSAFE.source}|${INVISIBLE.source}|${LINKABLE.source}`, 'iu');

/** Plain text: markdown punctuation backslash-escaped (every `|`), `& < >` as entities, so no tag or `<!--` can appear. */
function escapeWord(word: string): string {
  return word.replace(WORD_UNSAFE, (char) => ENTITIES[char] ?? `\\${char}`);
}

/**
 * A code span, shown exactly as written: the fence is one backtick longer than any run inside, a
 * space pads content that starts or ends with a backtick (CommonMark strips it), and every `|` is
 * `\|` so a table cell does not split (cmark-gfm removes that backslash before parsing the cell).
 */
function codeSpan(word: string): string {
  const longest = (word.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = word.startsWith('`') || word.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${word.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** `U+202E`: always 4+ hex digits, as Unicode writes code points. */
const codePoint = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Makes text inert in GitHub markdown, tables and inline HTML, and the only escaping for values we
 * did not write. Line breaks and control characters become spaces. A word that GitHub could turn
 * into a link, mention or reference becomes a code span. Every other word is escaped character by
 * character (see escapeWord). Invisible characters (bidi overrides, zero-width) are shown as their
 * code point in <code>, e.g. `U+202E`, and also split words, so neither half can hide a link.
 */
export function escapeMarkdown(value: string): string {
  const text = value.replace(LINE_BREAKS_AND_CONTROLS, ' ');
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text.replace(PIECES, (word, invisible?: string) =>
    invisible
      ? `<code>${codePoint(invisible)}</code>`
      : LINKABLE.test(word)
        ? codeSpan(word)
        : escapeWord(word),
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
