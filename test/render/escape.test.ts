import { describe, expect, it } from 'vitest';
import { clip, escapeMarkdown, plainText } from '../../src/render/escape.js';
import { linkableOutsideCode } from './linkable.js';

describe('escapeMarkdown', () => {
  it('escapes every pipe, backslash and markdown punctuation', () => {
    expect(escapeMarkdown('a|b|c')).toBe('a\\|b\\|c');
    expect(escapeMarkdown('ends with \\')).toBe('ends with \\\\');
    expect(escapeMarkdown('`code` *b* _i_ ~s~ [l](x) $m$')).toBe(
      '\\`code\\` \\*b\\* \\_i\\_ \\~s\\~ \\[l\\](x) \\$m\\$',
    );
  });

  it('turns HTML into text, so no tag and no comment (hidden marker) can appear', () => {
    const out = escapeMarkdown('<img src=x onerror=alert(1)> & <!-- gc-onboard:plan --> -->');
    expect(out).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &lt;!-- gc-onboard:plan --&gt; --&gt;');
    expect(out).not.toMatch(/[<>]/);
  });

  it('does not let an entity in the input turn back into markup', () => {
    expect(escapeMarkdown('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });

  it('shows a word that GitHub could link or notify as a code span, and nothing else changes', () => {
    expect(escapeMarkdown('@team and a@b.c')).toBe('`@team` and `a@b.c`');
    expect(escapeMarkdown('ping @northfield-it/admins now')).toBe('ping `@northfield-it/admins` now');
    expect(escapeMarkdown('see #123, GH-7 and gh-8')).toBe('see `#123,` `GH-7` and `gh-8`');
    expect(escapeMarkdown('northfield-it/gc-onboarding#1')).toBe('`northfield-it/gc-onboarding#1`');
    expect(escapeMarkdown('https://evil.example/x www.evil.example ftp://x.y')).toBe(
      '`https://evil.example/x` `www.evil.example` `ftp://x.y`',
    );
    expect(escapeMarkdown('fixed in a5c3785 and 3d3c42e5aac5ba805825da76410c181273ba90b1')).toBe(
      'fixed in `a5c3785` and `3d3c42e5aac5ba805825da76410c181273ba90b1`',
    );
    // Short hex, words and plain numbers stay as they are.
    expect(escapeMarkdown('Room 101, cafe, C# and bead')).toBe('Room 101, cafe, C# and bead');
  });

  it('keeps a code span whole: a longer fence around backticks, pipes escaped for tables', () => {
    expect(escapeMarkdown('@a`b')).toBe('``@a`b``');
    expect(escapeMarkdown('`@x`')).toBe('`` `@x` ``');
    expect(escapeMarkdown('@a|b')).toBe('`@a\\|b`');
  });

  it('never uses zero-width characters, and shows invisible and bidi characters by code point', () => {
    const out = escapeMarkdown('Aisha\u202Enam\u200Bx @t\u200Deam \uFEFFbom \u2066iso\u2069');
    expect(out).toBe(
      'Aisha<code>U+202E</code>nam<code>U+200B</code>x `@t`<code>U+200D</code>eam <code>U+FEFF</code>bom <code>U+2066</code>iso<code>U+2069</code>',
    );
    expect(out).not.toMatch(/\p{Cf}/u);
  });

  it('leaves nothing GitHub links or notifies outside code, whatever the input', () => {
    const hostile = [
      '@team',
      'x.@team',
      'é@team',
      '(@org/team)',
      'a@b.co',
      'mailto:a@b.co',
      '#1',
      'x#1',
      'owner/repo#12',
      'GH-1',
      'gh-99',
      'http://a.b',
      'HTTPS://A.B',
      'www.a.b',
      'WWW.A.B',
      '(www.a.b)',
      'deadbee',
      'DEADBEEF',
      'user@1234567',
      '&#64;team',
      '&#35;1',
      '@\u200Bteam',
      '#\u200B1',
    ];
    for (const value of hostile) {
      const out = escapeMarkdown(value);
      expect(linkableOutsideCode(out), `${value} → ${out}`).toEqual([]);
      expect(out, value).not.toMatch(/\p{Cf}/u);
    }
  });

  it('turns line breaks and control characters into spaces', () => {
    expect(escapeMarkdown('one\r\ntwo\nthree\rfour\u2028five\u0007six\u001b[31m')).toBe(
      'one two three four five six \\[31m',
    );
  });
});

describe('plainText', () => {
  it('removes terminal escape sequences and line breaks but keeps the text', () => {
    expect(plainText('a\u001b[2Jb\nc|`d`<e>')).toBe('a [2Jb c|`d`<e>');
  });
});

describe('clip', () => {
  it('leaves short values and shortens long ones without splitting an emoji', () => {
    expect(clip('short')).toBe('short');
    expect(clip('x'.repeat(400))).toBe(`${'x'.repeat(299)}…`);
    const emoji = `${'x'.repeat(8)}😀😀`;
    expect(clip(emoji, 10)).toBe(`${'x'.repeat(8)}…`);
  });
});
