// One exported row: its cells and the notes (findings without a line yet) on what a re-import would
// not read back the same. The line is known only once the CSV is written.
import { checkFormula } from '../csv/cells.js';
import { quote, type Severity } from '../csv/findings.js';

export interface Note {
  column: string | null;
  severity: Severity;
  code: string;
  message: string;
}

export interface Row<C extends string> {
  cells: Record<C, string>;
  notes: Note[];
}

/** A cell a spreadsheet would run is written as it is and reported (validate refuses it too). */
export function formulaNotes<C extends string>(
  cells: Record<C, string>,
  who: string,
  phoneColumn?: C,
): Note[] {
  const notes: Note[] = [];
  for (const [column, value] of Object.entries(cells) as [C, string][]) {
    const issue = value === '' ? undefined : checkFormula(value, column === phoneColumn);
    if (!issue) continue;
    notes.push({
      column,
      severity: 'error',
      code: 'formula-cell',
      message: `${column} ${quote(value)} of ${who} starts with "${value[0] ?? ''}", so a spreadsheet would run it as a formula. It is written as Genesys Cloud holds it; validate refuses this row until the value is changed (in Genesys Cloud, or in the file).`,
    });
  }
  return notes;
}
