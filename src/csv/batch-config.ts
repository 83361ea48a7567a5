// batch.yml: the batch's training day, its "update existing people" switch and the phone defaults.

import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import { z } from 'zod';
import { isCalendarDate } from './cells.js';
import { finding, quote, sortFindings } from './findings.js';
import { didYouMeanSuffix } from './suggest.js';
import type { BatchConfig, Finding } from './types.js';
import { readYaml } from './yaml.js';

const TrainingDay = z.string().refine(isCalendarDate);
const UpdateExisting = z.boolean();
/** Blank (`site:` or `site: ""`) means no default. */
const Text = z.string().nullish();

/** What a batch.yml may hold; anything else is a finding. */
const BatchFile = z.strictObject({
  training_day: TrainingDay.optional(),
  update_existing: UpdateExisting.optional(),
  phone_defaults: z.strictObject({ base_settings: Text, site: Text }).nullish(),
});

/** The same fields, each falling back on its own, so one bad key does not discard the others. */
const LenientBatchFile = z
  .object({
    training_day: TrainingDay.optional().catch(undefined),
    update_existing: UpdateExisting.optional().catch(undefined),
    phone_defaults: z
      .object({ base_settings: Text.catch(undefined), site: Text.catch(undefined) })
      .nullish()
      .catch(undefined),
  })
  .catch({});

const KEYS: Record<string, readonly string[]> = {
  '': ['training_day', 'update_existing', 'phone_defaults'],
  phone_defaults: ['base_settings', 'site'],
};

export const DEFAULT_BATCH_CONFIG: BatchConfig = { updateExisting: true, phoneDefaults: {} };

function toConfig(value: unknown): BatchConfig {
  const parsed = LenientBatchFile.parse(value);
  return {
    trainingDay: parsed.training_day,
    updateExisting: parsed.update_existing ?? true,
    phoneDefaults: {
      baseSettings: parsed.phone_defaults?.base_settings || undefined,
      site: parsed.phone_defaults?.site || undefined,
    },
  };
}

/** Line of the key at `path` (its parent map's pair), or 1 when the path has no key node. */
function lineOfKey(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (!isMap(parent)) return 1;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
  const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  return offset === undefined ? 1 : lines.linePos(offset).line;
}

function valueMessage(key: string, value: unknown): string {
  const shown = value === null ? 'nothing' : quote(typeof value === 'string' ? value : JSON.stringify(value));
  switch (key) {
    case 'training_day':
      return `training_day ${shown} is not a real calendar date written YYYY-MM-DD, e.g. 2026-12-01.`;
    case 'update_existing':
      return `update_existing must be true or false; got ${shown}.`;
    case 'phone_defaults':
      return 'phone_defaults must hold base_settings and site, each on its own indented line.';
    case '':
      return 'batch.yml must hold "key: value" lines such as training_day: 2026-12-01.';
    default:
      return `${key} must be text; got ${shown}.`;
  }
}

export function parseBatchConfig(
  content: Buffer | string,
  file: string,
): { config: BatchConfig; findings: Finding[] } {
  const read = readYaml(content, file, 'batch.yml');
  if ('finding' in read) return { config: DEFAULT_BATCH_CONFIG, findings: [read.finding] };
  const { doc, lines } = read;
  const value: unknown = read.value ?? {};
  const findings: Finding[] = [];
  const result = BatchFile.safeParse(value);
  for (const issue of result.error?.issues ?? []) {
    if (issue.code === 'unrecognized_keys') {
      const parentKey = issue.path.map(String).join('.');
      const allowed = KEYS[parentKey] ?? [];
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        findings.push(
          finding(file, lineOfKey(doc, lines, path), path.map(String).join('.'), {
            code: 'unknown-key',
            message: `${quote(key)} is not a batch.yml key${didYouMeanSuffix(key, allowed)}. Allowed here: ${allowed.join(', ')}.`,
          }),
        );
      }
      continue;
    }
    const key = issue.path.map(String).join('.');
    const found = issue.path.reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined,
      value,
    );
    findings.push(
      finding(file, lineOfKey(doc, lines, issue.path), key === '' ? null : key, {
        code: key === 'training_day' ? 'invalid-date' : key === '' ? 'invalid-batch-config' : 'invalid-value',
        message: valueMessage(key, found),
      }),
    );
  }
  return { config: toConfig(value), findings: sortFindings(findings) };
}
