// The pure helpers behind the real-org behaviours: E.164, display, address shapes, permissions,
// search criteria, option resolution.

import { describe, expect, it } from 'vitest';

import { holdsPermission, permissionCovers, permissionPolicies } from '../../src/sandbox/permissions.js';
import { displayOf, inExtensionPool, readBackShape, toE164 } from '../../src/sandbox/phone-numbers.js';
import { REAL_DEFAULTS, REAL_OFF, realBehavioursOf } from '../../src/sandbox/real.js';
import {
  LOCATION_SEARCH_TYPES,
  matchesAll,
  readCriteria,
  USER_SEARCH_TYPES,
} from '../../src/sandbox/search.js';

describe('toE164', () => {
  it('reads US and CA national numbers as NANP, with or without the trunk 1', () => {
    for (const raw of [
      '215 555 0110',
      '(215) 555-0110',
      '215.555.0110',
      '1 215 555 0110',
      '+1 215-555-0110',
    ]) {
      expect(toE164(raw, 'US')).toBe('+12155550110');
    }
    expect(toE164('416 555 0199', 'CA')).toBe('+14165550199');
    expect(toE164('011 44 20 7946 0958', 'US')).toBe('+442079460958');
  });

  it('reads GB national numbers with the trunk 0, and +44 (0)… written the British way', () => {
    expect(toE164('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(toE164('07700 900123', 'GB')).toBe('+447700900123');
    expect(toE164('+44 (0)20 7946 0958', 'GB')).toBe('+442079460958');
    expect(toE164('00 1 215 555 0110', 'GB')).toBe('+12155550110');
  });

  it('refuses what it cannot read: short numbers, bad NANP, a GB number without its trunk, letters, an unknown country', () => {
    expect(toE164('555 0110', 'US')).toBeNull();
    expect(toE164('115 555 0110', 'US')).toBeNull();
    expect(toE164('20 7946 0958', 'GB')).toBeNull();
    expect(toE164('215 555 0110', 'GB')).toBeNull();
    expect(toE164('215-CALL-NOW', 'US')).toBeNull();
    expect(toE164('215 555 0110', 'FR')).toBeNull();
    expect(toE164('+0123456789', 'US')).toBeNull();
  });

  it('keeps other countries written with + as E.164 when 8 to 15 digits', () => {
    expect(toE164('+33 1 23 45 67 89', 'US')).toBe('+33123456789');
    expect(toE164('+33 1', 'US')).toBeNull();
  });
});

describe('displayOf and the four read-back shapes', () => {
  it('formats numbers the international way', () => {
    expect(displayOf('+12155550110')).toBe('+1 215-555-0110');
    expect(displayOf('+442079460958')).toBe('+44 20 7946 0958');
    expect(displayOf('+447700900123')).toBe('+44 7700 900123');
    expect(displayOf('+441134960000')).toBe('+44 113 496 0000');
    expect(displayOf('+33123456789')).toBe('+33123456789');
  });

  it('reads back (a) number, (c) number + extension, (b) pooled extension, (d) extension outside a pool', () => {
    const pools = [{ startNumber: '4000', endNumber: '4999' }];
    const base = { mediaType: 'PHONE', type: 'WORK' };
    expect(readBackShape({ ...base, address: '+12155550110' }, pools, '1')).toEqual({
      ...base,
      address: '+12155550110',
      display: '+1 215-555-0110',
    });
    expect(readBackShape({ ...base, address: '+12155550110', extension: '4110' }, pools, '1')).toEqual({
      ...base,
      extension: '4110',
      display: '+1 215-555-0110',
    });
    expect(readBackShape({ ...base, extension: '4110' }, pools, '1')).toEqual({
      ...base,
      address: '+14110',
      extension: '4110',
      display: '4110',
    });
    expect(readBackShape({ ...base, extension: '7000' }, pools, '1')).toEqual({ ...base, display: '7000' });
    expect(inExtensionPool('40000', pools)).toBe(false);
  });
});

describe('permissions', () => {
  it('matches segment by segment, with * in any held segment', () => {
    expect(permissionCovers('conversation:call:add', 'conversation:call:add')).toBe(true);
    expect(permissionCovers('conversation:call:*', 'conversation:call:add')).toBe(true);
    expect(permissionCovers('conversation:*:*', 'conversation:call:add')).toBe(true);
    expect(permissionCovers('*:*:*', 'conversation:call:add')).toBe(true);
    expect(permissionCovers('*:call:add', 'conversation:call:add')).toBe(true);
    expect(permissionCovers('conversation:call:accept', 'conversation:call:add')).toBe(false);
    expect(permissionCovers('conversation:*', 'conversation:call:add')).toBe(false);
    expect(holdsPermission(['directory:user:view', 'telephony:*:*'], 'conversation:call:add')).toBe(false);
  });

  it('groups permissions into policies per domain and entity', () => {
    expect(permissionPolicies(['routing:queue:view', 'routing:queue:join', 'directory:user:*'])).toEqual([
      { domain: 'routing', entityName: 'queue', actionSet: ['view', 'join'], allowConditions: false },
      { domain: 'directory', entityName: 'user', actionSet: ['*'], allowConditions: false },
    ]);
  });
});

describe('search criteria', () => {
  const spec = { fields: new Set(['name', 'email']), types: USER_SEARCH_TYPES };
  const people = [
    { name: 'James Okafor', email: 'james.okafor@northfield.edu' },
    { name: 'Maria Gonzalez', email: 'maria.gonzalez@northfield.edu' },
    { name: 'Jamie Lee', email: '' },
  ];
  const find = (query: unknown): string[] =>
    people
      .filter((p) =>
        matchesAll(readCriteria(query, spec), (f) => (f === 'name' ? p.name : p.email), ['name', 'email']),
      )
      .map((p) => p.name);

  it('implements every user search type', () => {
    expect(find([{ type: 'EXACT', fields: ['name'], value: 'james okafor' }])).toEqual(['James Okafor']);
    expect(find([{ type: 'STARTS_WITH', fields: ['name'], value: 'jam' }])).toEqual([
      'James Okafor',
      'Jamie Lee',
    ]);
    expect(find([{ type: 'CONTAINS', fields: ['email'], value: 'gonz' }])).toEqual(['Maria Gonzalez']);
    expect(find([{ type: 'REGEX', fields: ['name'], value: 'jam(es|ie) .*' }])).toEqual([
      'James Okafor',
      'Jamie Lee',
    ]);
    expect(find([{ type: 'TERM', fields: ['name'], value: 'okafor' }])).toEqual(['James Okafor']);
    expect(find([{ type: 'TERMS', fields: ['name'], values: ['lee', 'gonzalez'] }])).toEqual([
      'Maria Gonzalez',
      'Jamie Lee',
    ]);
    expect(find([{ type: 'REQUIRED_FIELDS', fields: ['email'] }])).toEqual([
      'James Okafor',
      'Maria Gonzalez',
    ]);
    expect(find([{ type: 'MATCH_ALL' }])).toHaveLength(3);
    expect(find([{ type: 'QUERY_STRING', value: 'jam* northfield' }])).toEqual(['James Okafor']);
    expect(find([{ type: 'RANGE', fields: ['name'], startValue: 'j', endValue: 'jz' }])).toEqual([
      'James Okafor',
      'Jamie Lee',
    ]);
    expect(find([{ type: 'LESS_THAN', fields: ['name'], value: 'jamie' }])).toEqual(['James Okafor']);
    expect(find([{ type: 'LESS_THAN_EQUAL_TO', fields: ['name'], value: 'jamie lee' }])).toEqual([
      'James Okafor',
      'Jamie Lee',
    ]);
    expect(find([{ type: 'GREATER_THAN', fields: ['name'], value: 'jamie lee' }])).toEqual([
      'Maria Gonzalez',
    ]);
    expect(find([{ type: 'GREATER_THAN_EQUAL_TO', fields: ['name'], value: 'maria' }])).toEqual([
      'Maria Gonzalez',
    ]);
  });

  it('combines AND, OR, NOT and groups', () => {
    expect(
      find([
        { type: 'STARTS_WITH', fields: ['name'], value: 'jam' },
        { type: 'TERM', fields: ['name'], value: 'lee', operator: 'NOT' },
      ]),
    ).toEqual(['James Okafor']);
    expect(
      find([
        { type: 'TERM', fields: ['name'], value: 'lee', operator: 'OR' },
        { type: 'TERM', fields: ['name'], value: 'maria', operator: 'OR' },
      ]),
    ).toEqual(['Maria Gonzalez', 'Jamie Lee']);
    expect(
      find([
        {
          type: 'EXACT',
          group: [
            { type: 'TERM', fields: ['name'], value: 'james', operator: 'OR' },
            { type: 'TERM', fields: ['name'], value: 'maria', operator: 'OR' },
          ],
        },
        { type: 'CONTAINS', fields: ['email'], value: 'okafor' },
      ]),
    ).toEqual(['James Okafor']);
  });

  it('refuses unsupported combinations with 400 naming them', () => {
    const locations = { fields: new Set(['name']), types: LOCATION_SEARCH_TYPES };
    expect(() => readCriteria([{ type: 'RANGE', fields: ['name'], startValue: 'a' }], locations)).toThrow(
      /type must be one of EXACT, STARTS_WITH, CONTAINS, REGEX, TERM, TERMS, REQUIRED_FIELDS, MATCH_ALL/,
    );
    expect(() => readCriteria([{ type: 'RANGE', fields: ['name'] }], spec)).toThrow(/RANGE needs startValue/);
    expect(() =>
      readCriteria([{ type: 'EXACT', fields: ['name'], startValue: 'a', value: 'b' }], spec),
    ).toThrow(/belong to RANGE, not EXACT/);
    expect(() => readCriteria([{ type: 'REGEX', fields: ['name'], value: '(' }], spec)).toThrow(
      /regular expression/,
    );
    expect(() => readCriteria([{ type: 'EXACT', value: 'x' }], spec)).toThrow(
      /fields must be a non-empty array for EXACT/,
    );
    expect(() => readCriteria([{ type: 'TERM', fields: ['title'], value: 'x' }], spec)).toThrow(
      /Field \[title\]/,
    );
    expect(() =>
      readCriteria([{ type: 'EXACT', fields: ['name'], value: 'x', operator: 'XOR' }], spec),
    ).toThrow(/operator/);
  });
});

describe('realBehavioursOf', () => {
  it('defaults every behaviour on, `false` turns all off, a partial overrides single ones', () => {
    expect(realBehavioursOf(undefined)).toEqual(REAL_DEFAULTS);
    expect(realBehavioursOf(false)).toEqual(REAL_OFF);
    expect(realBehavioursOf({ routingLagMs: 150 })).toEqual({ ...REAL_DEFAULTS, routingLagMs: 150 });
    for (const [key, value] of Object.entries(REAL_OFF)) expect(value, key).toBeFalsy();
    for (const [key, value] of Object.entries(REAL_DEFAULTS)) expect(value, key).toBeTruthy();
  });

  it('refuses shares outside 0..1 and negative amounts', () => {
    expect(() => realBehavioursOf({ expandDropRate: 2 })).toThrow(/share from 0 to 1/);
    expect(() => realBehavioursOf({ telephonyLagMs: -1 })).toThrow(/≥ 0/);
  });
});
