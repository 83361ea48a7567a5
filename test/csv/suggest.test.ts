import { describe, expect, it } from 'vitest';
import { parsePeople } from '../../src/csv/people.js';
import { didYouMean, editDistance } from '../../src/csv/suggest.js';

describe('did you mean', () => {
  it('counts two swapped neighbours as one edit, as people mistype them', () => {
    expect(editDistance('emial', 'email')).toBe(1);
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('Email', 'email')).toBe(0);
    expect(didYouMean('emial', ['name', 'email', 'title'])).toBe('email');
    expect(didYouMean('titel', ['name', 'email', 'title'])).toBe('title');
    expect(didYouMean('xyz', ['name', 'email', 'title'])).toBeUndefined();
  });

  it('names the header a swapped-letter column meant, at its cell', () => {
    const { findings } = parsePeople(
      Buffer.from('name,emial,titel\nAda,ada@x.edu,Advisor\n'),
      'people.csv',
      'b',
    );
    const messages = findings.map((finding) => finding.message).join('\n');
    expect(messages).toContain('did you mean "email"?');
    expect(messages).toContain('did you mean "title"?');
  });
});
