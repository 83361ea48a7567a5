// Reading the two YAML files of the imports (batch.yml, policy.yml) within limits, so that no YAML
// file can exhaust memory or time: a size cap, and a cap on aliases (`*name`), whose expansion is how
// a few lines of YAML become gigabytes ("billion laughs"). Breaking a limit is a finding, never a crash.

import { isUtf8 } from 'node:buffer';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { finding, type Finding } from './findings.js';
import { invalidUtf8Lines } from './read.js';

/** batch.yml and policy.yml need a few hundred bytes; 64 KiB leaves room for long policy lists. */
export const MAX_YAML_BYTES = 64 * 1024;

/**
 * Aliases let a policy reuse a list (`privileged_roles: *agents`), so they are allowed, but at most
 * this many per file: ten aliases can at most multiply the file about forty-fold.
 */
export const MAX_YAML_ALIASES = 10;

/** Line of the key at `path` (its parent map's pair), or 1 when the path has no key node. */
export function lineOfKey(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (!isMap(parent)) return 1;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
  const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  return offset === undefined ? 1 : lines.linePos(offset).line;
}

export interface YamlFile {
  doc: Document.Parsed;
  lines: LineCounter;
  /** The document as plain data (null for an empty file). */
  value: unknown;
}

/** `kind` names the file in messages, e.g. `batch.yml`. One finding when the file breaks a limit or is not YAML. */
export function readYaml(
  content: Buffer | string,
  file: string,
  kind: string,
): YamlFile | { finding: Finding } {
  const size = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length;
  if (size > MAX_YAML_BYTES) {
    return {
      finding: finding(file, 1, null, {
        code: 'file-too-large',
        message: `${kind} is larger than ${MAX_YAML_BYTES / 1024} KiB, the limit for YAML files; it needs only a few lines. Remove what does not belong in it.`,
      }),
    };
  }
  if (typeof content !== 'string' && !isUtf8(content)) {
    return {
      finding: finding(file, invalidUtf8Lines(content)[0] ?? 1, null, {
        code: 'invalid-utf8',
        message: `${kind} is not saved as UTF-8; save it as UTF-8 text.`,
      }),
    };
  }
  const text = (typeof content === 'string' ? content : content.toString('utf8')).replace(/^\uFEFF/, '');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    // The yaml package's message has a code excerpt after the first line; the finding has the line.
    const first = yamlError.message.split('\n')[0] ?? '';
    const reason = first.startsWith('Maximum call stack size exceeded')
      ? 'it is nested too deeply'
      : first.replace(/ at line \d+, column \d+:?$/, '');
    return {
      finding: finding(file, yamlError.linePos?.[0].line ?? 1, null, {
        code: 'invalid-yaml',
        message: `${kind} is not valid YAML: ${reason}.`,
      }),
    };
  }

  let aliases = 0;
  let beyond: number | undefined;
  visit(doc, {
    Alias(_, node) {
      aliases++;
      if (aliases <= MAX_YAML_ALIASES) return undefined;
      beyond = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  const tooMany = (offset: number) => ({
    finding: finding(file, lines.linePos(offset).line, null, {
      code: 'too-many-aliases',
      message: `${kind} uses more than ${MAX_YAML_ALIASES} aliases (*name); write the values out instead.`,
    }),
  });
  if (beyond !== undefined) return tooMany(beyond);
  try {
    // The yaml package's own guard against expansion throws; here it is a finding like the cap above.
    return { doc, lines, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    if (error instanceof ReferenceError) return tooMany(0);
    throw error;
  }
}
