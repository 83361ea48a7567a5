import { describe, expect, it } from 'vitest';
import { parseBatchConfig } from '../../src/csv/batch-config.js';
import { fixture, places } from './fixtures.js';

const read = (name: string) => {
  const { file, content } = fixture(`batch/${name}`);
  return { file, ...parseBatchConfig(content, file) };
};

describe('parseBatchConfig', () => {
  it('reads training_day, update_existing and phone_defaults', () => {
    expect(read('good.yml')).toMatchObject({
      findings: [],
      config: {
        trainingDay: '2026-12-01',
        updateExisting: false,
        phoneDefaults: { baseSettings: 'WebRTC Softphone', site: 'Northfield Main Campus' },
      },
    });
  });

  it('defaults update_existing to true and treats an empty file or blank values as unset', () => {
    expect(parseBatchConfig('', 'batch.yml')).toEqual({
      findings: [],
      config: {
        trainingDay: undefined,
        updateExisting: true,
        phoneDefaults: { baseSettings: undefined, site: undefined },
      },
    });
    expect(parseBatchConfig('# nothing yet\nphone_defaults:\n  site: ""\n', 'batch.yml')).toEqual({
      findings: [],
      config: {
        trainingDay: undefined,
        updateExisting: true,
        phoneDefaults: { baseSettings: undefined, site: undefined },
      },
    });
  });

  it('unknown-key.yml: unknown keys are errors at their line, with "did you mean", and the good keys still count', () => {
    const { findings, config } = read('unknown-key.yml');
    expect(places(findings)).toEqual([
      ['error', 2, 'trainig_day', 'unknown-key'],
      ['error', 5, 'phone_defaults.sites', 'unknown-key'],
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      '"trainig_day" is not a batch.yml key (did you mean "training_day"?). Allowed here: training_day, update_existing, phone_defaults, orgs.',
      '"sites" is not a batch.yml key (did you mean "site"?). Allowed here: base_settings, site.',
    ]);
    expect(config).toEqual({
      trainingDay: '2026-12-01',
      updateExisting: true,
      phoneDefaults: { baseSettings: 'WebRTC Softphone', site: undefined },
      phoneDefaultLines: { baseSettings: 4 },
    });
  });

  it('invalid-date.yml: training_day must be a real calendar date', () => {
    const { findings, config } = read('invalid-date.yml');
    expect(places(findings)).toEqual([['error', 3, 'training_day', 'invalid-date']]);
    expect(findings[0]?.message).toBe(
      'training_day "2026-02-30" is not a real calendar date written YYYY-MM-DD, e.g. 2026-12-01.',
    );
    expect(config.trainingDay).toBeUndefined();
  });

  it('invalid-value.yml: update_existing must be a boolean, phone defaults text', () => {
    const { findings } = read('invalid-value.yml');
    expect(places(findings)).toEqual([
      ['error', 2, 'update_existing', 'invalid-value'],
      ['error', 4, 'phone_defaults.site', 'invalid-value'],
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'update_existing must be true or false; got "yes please".',
      'phone_defaults.site must be text; got "42".',
    ]);
  });

  it.each([
    [
      'invalid-yaml.yml',
      4,
      'Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    ['duplicate-key.yml', 3, 'Map keys must be unique'],
  ])('%s: broken YAML is one finding at the line the yaml package reports', (name, line, reason) => {
    const { findings, config } = read(name);
    expect(places(findings)).toEqual([['error', line, null, 'invalid-yaml']]);
    expect(findings[0]?.message).toBe(`batch.yml is not valid YAML: ${reason}.`);
    expect(config.updateExisting).toBe(true);
  });

  it('not-a-map.yml: a list instead of keys is one finding', () => {
    expect(places(read('not-a-map.yml').findings)).toEqual([['error', 1, null, 'invalid-batch-config']]);
  });

  it('refuses bytes that are not UTF-8', () => {
    const { findings } = parseBatchConfig(Buffer.from([0x74, 0x3a, 0x20, 0xe9, 0x0a]), 'batch.yml');
    expect(places(findings)).toEqual([['error', 1, null, 'invalid-utf8']]);
  });
});
