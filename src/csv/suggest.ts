// "Did you mean" for names people type: headers, roles, divisions, queues, skills, sites.

/**
 * Edit distance (insert, delete, substitute, and swap two neighbours: `emial` is one edit from
 * `email`), case-insensitive.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  // Rows i-2, i-1 and i of the table; a swap looks two rows back.
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (s[i - 1] === t[j - 1] ? 0 : 1);
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[t.length] ?? 0;
}

/**
 * The closest candidate, if it is close enough to be a likely typo: at most a third of the
 * input's length away (and at least one edit allowed), or equal once case and spaces are ignored.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const squash = (value: string) => value.toLowerCase().replace(/\s+/g, '');
  const limit = Math.max(1, Math.floor(input.trim().length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    if (squash(name) === squash(input)) return name;
    const distance = editDistance(input.trim(), name);
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** ` (did you mean "X"?)` or '' — for appending to a message. */
export function didYouMeanSuffix(input: string, candidates: Iterable<string>): string {
  const match = didYouMean(input, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
