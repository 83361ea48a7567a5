// batch.yml: the batch's training day, its "update existing people" switch and the phone defaults.

import path from 'node:path';
import { z } from 'zod';
import { isCalendarDate } from './cells.js';
import { finding, quote, sortFindings, type Finding } from './findings.js';
import { checkBatchOrgs, nameList } from './orgs.js';
import { didYouMeanSuffix } from './suggest.js';
import type { BatchConfig, OrgsConfig } from './types.js';
import { lineOfKey, readYaml } from './yaml.js';

const TrainingDay = z.string().refine(isCalendarDate);
const UpdateExisting = z.boolean();
/** Blank (`site:` or `site: ""`) means no default. */
const Text = z.string().nullish();
/** `orgs: test` or `orgs: [test, production]` (orgs.yml names them); absent: every org. */
const OrgNames = z.union([z.string(), z.array(z.string())]);

/** What a batch.yml may hold; anything else is a finding. */
const BatchFile = z.strictObject({
  training_day: TrainingDay.optional(),
  update_existing: UpdateExisting.optional(),
  phone_defaults: z.strictObject({ base_settings: Text, site: Text }).nullish(),
  orgs: OrgNames.nullish(),
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
    orgs: OrgNames.nullish().catch(undefined),
  })
  .catch({});

const KEYS: Record<string, readonly string[]> = {
  '': ['training_day', 'update_existing', 'phone_defaults', 'orgs'],
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
    // `orgs:` with nothing after it names no org (an error); leaving the key out means every org.
    ...(parsed.orgs !== undefined ? { orgs: nameList(parsed.orgs) ?? [] } : {}),
  };
}

/** The config with the line of each phone default it sets (a problem with a default points at it). */
function withDefaultLines(config: BatchConfig, lineOf: (key: string) => number): BatchConfig {
  const { baseSettings, site } = config.phoneDefaults;
  if (baseSettings === undefined && site === undefined) return config;
  const phoneDefaultLines = {
    ...(baseSettings === undefined ? {} : { baseSettings: lineOf('base_settings') }),
    ...(site === undefined ? {} : { site: lineOf('site') }),
  };
  return { ...config, phoneDefaultLines };
}

function valueMessage(key: string, value: unknown): string {
  const shown = value === null ? 'nothing' : quote(typeof value === 'string' ? value : JSON.stringify(value));
  switch (key) {
    case 'training_day':
      return `training_day ${shown} is not a real calendar date written YYYY-MM-DD, e.g. 2026-12-01.`;
    case 'orgs':
      return `orgs must be an org name or a list of them, e.g. [test, production]; got ${shown}.`;
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

/** `orgs` is what orgs.yml gave (undefined: there is none; null: it is broken), for batch.yml's `orgs:`. */
export function parseBatchConfig(
  content: Buffer | string,
  file: string,
  orgs?: OrgsConfig | null,
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
  const config = withDefaultLines(toConfig(value), (key) => lineOfKey(doc, lines, ['phone_defaults', key]));
  if (config.orgs !== undefined) {
    const place = { file, line: lineOfKey(doc, lines, ['orgs']), batch: path.basename(path.dirname(file)) };
    findings.push(...checkBatchOrgs(config.orgs, orgs, place));
  }
  return { config, findings: sortFindings(findings) };
}
