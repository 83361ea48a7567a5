// What GitHub would turn into a link or a notification in rendered markdown, outside code: a test
// oracle for escapeMarkdown. GitHub renders in two steps (see src/render/escape.ts): cmark-gfm
// autolinks www./scheme:// and emails (with entities decoded), then reference filters link
// @mentions, #123, GH-1, owner/repo#1 and commit SHAs in the HTML text, skipping <code>. So: drop
// code spans and <code> elements, decode entities as GitHub would, and look for those patterns.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Markdown with every code span (any fence length) and <code>…</code> element removed. */
function withoutCode(markdown: string): string {
  let text = markdown.replace(/<code>[\s\S]*?<\/code>/g, ' ');
  // A code span: a backtick run, then the same run again (CommonMark); unmatched runs stay.
  text = text.replace(/(?<![`\\])(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, ' ');
  return text;
}

const PATTERNS: readonly [string, RegExp][] = [
  ['mention', /(?:^|[^A-Za-z0-9_])@[A-Za-z0-9]/],
  ['issue', /#\d/],
  ['gh-issue', /\bgh-\d/i],
  ['url', /:\/\//],
  ['www', /www\./i],
  ['sha', /[0-9a-f]{7}/i],
  ['email', /[A-Za-z0-9._+-]@[A-Za-z0-9-]+\.[A-Za-z]/],
];

/** The kinds of link GitHub could make from `markdown`; [] when it is inert. */
export function linkableOutsideCode(markdown: string): string[] {
  const text = decodeEntities(withoutCode(markdown).replace(/\\(.)/g, '$1'));
  return PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([kind]) => kind);
}
