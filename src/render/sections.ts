// Several orgs (orgs.yml) in one sticky preview comment: one section per org, each starting with a
// marker line of its own, so that apply for an org finds its own reviewed-plan block on the line
// under it. Also the per-org variants of the other markers (results comment, drift issue). Pure.

import { COMMENT_MAX_CHARS } from './limits.js';

/** The first line of an org's section; the reviewed-plan block, when there is one, is the next line. */
export const orgMarker = (org: string) => `<!-- gc-onboard:org ${org} -->`;

/** A marker for one org: `<!-- gc-onboard:results -->` → `<!-- gc-onboard:results org=test -->`. */
export function markerFor(marker: string, org: string | undefined): string {
  return org === undefined ? marker : marker.replace(/ -->$/, ` org=${org} -->`);
}

/** Room for the marker of the whole comment and the lines between sections. */
const FRAME_CHARS = 256;

/** The characters each org's section may take, so that every org fits in one comment. */
export function sectionBudget(orgCount: number): number {
  return Math.floor((COMMENT_MAX_CHARS - FRAME_CHARS) / Math.max(1, orgCount));
}

/** The file a plan job writes its section to, and the comment job reads it from. */
export const sectionFileName = (org: string) => `gc-onboard-preview-${org}.md`;

export interface OrgSection {
  org: string;
  /** The section as its plan job wrote it, or null when there is none (the job failed or was skipped). */
  text: string | null;
}

/**
 * The one comment: our marker, then each org's section in promotion order. A section that is missing,
 * is not this org's, or is over its budget says so instead of showing what it holds.
 */
export function composeOrgsComment(marker: string, sections: readonly OrgSection[], runUrl?: string): string {
  const budget = sectionBudget(sections.length);
  const where = runUrl && /^https?:\/\/[^\s()<>[\]"'`]+$/.test(runUrl) ? ` ([the run](${runUrl}))` : '';
  const parts = sections.map(({ org, text }) => {
    const own = text !== null && text.replace(/\r\n/g, '\n').split('\n')[0] === orgMarker(org);
    if (own && text.length <= budget) return text.trim();
    const why =
      text === null
        ? `No preview from this run: the plan job of org \`${org}\` did not finish${where}.`
        : `The preview of org \`${org}\` is not usable (${own ? 'it is over its share of the comment' : 'it is not that org’s section'}).`;
    return `${orgMarker(org)}\n### Org \`${org}\`\n\n${why} Apply to \`${org}\` finds no reviewed plan until a preview of it succeeds.`;
  });
  return [marker, ...parts].join('\n\n');
}

/**
 * The section of `org` in a comment: from its marker line to the next org's marker (lines that are
 * exactly a marker; rendered CSV text never is one, it is escaped), or null when there is none.
 */
export function sectionOf(body: string, org: string): string | null {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const start = lines.indexOf(orgMarker(org));
  if (start < 0) return null;
  const isMarker = (line: string) => /^<!-- gc-onboard:org [a-z][a-z0-9-]* -->$/.test(line);
  const end = lines.findIndex((line, index) => index > start && isMarker(line));
  return lines
    .slice(start, end < 0 ? undefined : end)
    .join('\n')
    .trimEnd();
}
