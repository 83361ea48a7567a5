import { describe, expect, it } from 'vitest';
import { clip, escapeMarkdown, plainText } from '../../src/render/escape.js';

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

  it('breaks @mentions with a zero-width space', () => {
    expect(escapeMarkdown('@team and a@b.c')).toBe('@&#8203;team and a@&#8203;b.c');
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
