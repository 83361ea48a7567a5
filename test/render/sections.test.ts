// One preview comment for several orgs: a section per org in order, each findable by its own marker
// line, a missing or foreign section said as such, and CSV text never able to pose as a marker.
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/render/escape.js';
import { COMMENT_MAX_CHARS } from '../../src/render/limits.js';
import {
  composeOrgsComment,
  markerFor,
  orgMarker,
  sectionBudget,
  sectionOf,
} from '../../src/render/sections.js';

const MARKER = '<!-- gc-onboard:preview -->';
const section = (org: string, body: string) =>
  `${orgMarker(org)}\n<!-- block of ${org} -->\n### Org \`${org}\`\n\n${body}`;

describe('the preview comment of several orgs', () => {
  it('puts each org’s section under the one marker, in the order given, and finds each again', () => {
    const body = composeOrgsComment(MARKER, [
      { org: 'test', text: section('test', '3 people to create') },
      { org: 'production', text: section('production', '1 person to create') },
    ]);
    expect(body.split('\n')[0]).toBe(MARKER);
    expect(body.indexOf(orgMarker('test'))).toBeLessThan(body.indexOf(orgMarker('production')));
    expect(sectionOf(body, 'test')).toBe(section('test', '3 people to create'));
    expect(sectionOf(body, 'production')).toBe(section('production', '1 person to create'));
    expect(sectionOf(body, 'staging')).toBeNull();
    expect(sectionOf(body.replace(/\n/g, '\r\n'), 'production')?.split('\n')[1]).toBe(
      '<!-- block of production -->',
    );
  });

  it('says so for an org whose plan job left no section, and never shows another org’s section as its own', () => {
    const body = composeOrgsComment(
      MARKER,
      [
        { org: 'test', text: null },
        { org: 'production', text: section('test', 'posing as production') },
      ],
      'https://github.com/o/r/actions/runs/1',
    );
    expect(sectionOf(body, 'test')).toContain(
      'did not finish ([the run](https://github.com/o/r/actions/runs/1))',
    );
    expect(sectionOf(body, 'production')).toContain('is not usable (it is not that org’s section)');
    expect(body).not.toContain('posing as production');
  });

  it('gives each org an equal share that fits GitHub’s limit, and refuses a section over it', () => {
    expect(3 * sectionBudget(3)).toBeLessThan(COMMENT_MAX_CHARS - 200);
    const huge = section('test', 'x'.repeat(sectionBudget(2)));
    const body = composeOrgsComment(MARKER, [
      { org: 'test', text: huge },
      { org: 'production', text: section('production', 'ok') },
    ]);
    expect(body.length).toBeLessThan(COMMENT_MAX_CHARS);
    expect(sectionOf(body, 'test')).toContain('over its share');
  });

  it('finds no section in CSV text that spells a marker: rendered cells are escaped', () => {
    const cell = escapeMarkdown(orgMarker('production'));
    expect(cell).not.toBe(orgMarker('production'));
    const body = composeOrgsComment(MARKER, [{ org: 'test', text: section('test', `| ${cell} |\n${cell}`) }]);
    expect(sectionOf(body, 'production')).toBeNull();
  });

  it('makes one marker per org for the results comment and the drift issue', () => {
    expect(markerFor('<!-- gc-onboard:results -->', 'test')).toBe('<!-- gc-onboard:results org=test -->');
    expect(markerFor('<!-- gc-onboard:results -->', undefined)).toBe('<!-- gc-onboard:results -->');
  });
});
