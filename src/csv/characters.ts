// Characters a cell must not carry into the org: control characters (invisible, and NUL truncates
// strings in some systems), bidi overrides and isolates (they reorder what a reviewer sees, so a
// name can read differently from what it is) and zero-width characters (invisible; they make two
// equal-looking names differ). And the longest value each field takes.

import { quote, type Issue } from './findings.js';

/** Unicode names of the characters named in messages (C1 controls have no names of their own). */
const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NULL',
  0x01: 'START OF HEADING',
  0x02: 'START OF TEXT',
  0x03: 'END OF TEXT',
  0x04: 'END OF TRANSMISSION',
  0x05: 'ENQUIRY',
  0x06: 'ACKNOWLEDGE',
  0x07: 'BELL',
  0x08: 'BACKSPACE',
  0x09: 'CHARACTER TABULATION (a tab)',
  0x0b: 'LINE TABULATION',
  0x0c: 'FORM FEED',
  0x0e: 'SHIFT OUT',
  0x0f: 'SHIFT IN',
  0x10: 'DATA LINK ESCAPE',
  0x11: 'DEVICE CONTROL ONE',
  0x12: 'DEVICE CONTROL TWO',
  0x13: 'DEVICE CONTROL THREE',
  0x14: 'DEVICE CONTROL FOUR',
  0x15: 'NEGATIVE ACKNOWLEDGE',
  0x16: 'SYNCHRONOUS IDLE',
  0x17: 'END OF TRANSMISSION BLOCK',
  0x18: 'CANCEL',
  0x19: 'END OF MEDIUM',
  0x1a: 'SUBSTITUTE',
  0x1b: 'ESCAPE',
  0x1c: 'INFORMATION SEPARATOR FOUR',
  0x1d: 'INFORMATION SEPARATOR THREE',
  0x1e: 'INFORMATION SEPARATOR TWO',
  0x1f: 'INFORMATION SEPARATOR ONE',
  0x7f: 'DELETE',
  0x85: 'NEXT LINE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE`. */
export function codePointName(code: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex} ${NAMES[code] ?? 'CONTROL CHARACTER'}`;
}

/** Every character this file refuses or warns about; one test per cell keeps clean cells fast. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SUSPECT = /[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2028-\u202e\u2060\u2066-\u2069\ufeff]/;
const SUSPECT_ALL = new RegExp(SUSPECT.source, 'g');
/** The same without CR and LF, which end lines: one test of a whole file lets a clean file skip the per-cell test. */
const SUSPECT_IN_FILE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2028-\u202e\u2060\u2066-\u2069\ufeff]/;

/** Whether a file's text (without its leading BOM) holds any character checkCharacters would report. */
export function hasSuspectCharacters(text: string): boolean {
  return SUSPECT_IN_FILE.test(text);
}

type Kind = 'control' | 'bidi' | 'zero-width';

function kindOf(code: number): Kind {
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return 'bidi';
  if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff)
    return 'zero-width';
  // C0, DEL, C1, and the Unicode line and paragraph separators (invisible line breaks).
  return 'control';
}

/** The value in quotes with each suspect character shown as `<U+202E>`, so the message itself cannot be reordered. */
export function visible(value: string): string {
  return quote(value).replace(SUSPECT_ALL, (char) => `<${codePointName(char.charCodeAt(0)).split(' ')[0]}>`);
}

/**
 * The first character of `value` that the org must not get: an error for control and bidi
 * characters, a warning for zero-width ones (ZERO WIDTH JOINER and NON-JOINER are part of correct
 * spelling in Persian and Indic names, so they cannot be refused outright). Line breaks (CR, LF)
 * inside a quoted cell are kept, as a spreadsheet's Alt+Enter writes them; the columns with a
 * format (email, phone, lists) refuse them through that format.
 */
export function checkCharacters(value: string, column: string): Issue | undefined {
  if (!SUSPECT.test(value)) return undefined;
  let warning: Issue | undefined;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (!SUSPECT.test(value[i] ?? '')) continue;
    if (code === 0x0a || code === 0x0d) continue;
    const kind = kindOf(code);
    const where = `${codePointName(code)} at character ${i + 1} of ${visible(value)}`;
    if (kind === 'zero-width') {
      warning ??= {
        severity: 'warning',
        code: 'zero-width-character',
        message: `${column} has an invisible ${where}. It makes this value differ from one that looks the same; delete it unless the spelling needs it.`,
      };
      continue;
    }
    return kind === 'bidi'
      ? {
          code: 'bidi-control',
          message: `${column} has ${where}: it reverses or reorders how the text around it is shown, so the value would read differently from what it is. Delete it (retype the cell).`,
        }
      : {
          code: 'control-character',
          message: `${column} has the control character ${where}; Genesys Cloud must not get invisible control characters. Delete it (retype the cell).`,
        };
  }
  return warning;
}

/** Values longer than `max` UTF-16 code units (what the API counts) are refused. */
export function checkLength(value: string, column: string, max: number): Issue | undefined {
  if (value.length <= max) return undefined;
  return {
    code: 'too-long',
    message: `${column} is ${value.length.toLocaleString('en-US')} characters long; at most ${max} are allowed. Shorten it.`,
  };
}
