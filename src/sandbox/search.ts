// The search endpoints' criteria (UserSearchCriteria, LocationSearchCriteria): every type the spec
// lists for each, with AND/OR/NOT operators and groups, over the few string fields the sandbox
// indexes. Values compare case-insensitively.

import { badRequest, invalidValue } from './errors.js';
import type { Json } from './validate.js';
import { asArray, asObject, rejectUnknownFields } from './validate.js';

export const USER_SEARCH_TYPES: readonly string[] = [
  'EXACT',
  'STARTS_WITH',
  'CONTAINS',
  'REGEX',
  'TERM',
  'TERMS',
  'REQUIRED_FIELDS',
  'MATCH_ALL',
  'QUERY_STRING',
  'RANGE',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
];
export const LOCATION_SEARCH_TYPES: readonly string[] = USER_SEARCH_TYPES.slice(0, 8);

const CRITERION_FIELDS: ReadonlySet<string> = new Set([
  'type',
  'fields',
  'value',
  'values',
  'operator',
  'group',
  'startValue',
  'endValue',
  'dateFormat',
]);
const NEEDS_NO_FIELDS: ReadonlySet<string> = new Set(['MATCH_ALL', 'QUERY_STRING']);
const NEEDS_NO_VALUE: ReadonlySet<string> = new Set(['MATCH_ALL', 'REQUIRED_FIELDS', 'RANGE']);

export interface Criterion {
  type: string;
  operator: 'AND' | 'OR' | 'NOT';
  fields: string[];
  /** Lower-cased. */
  values: string[];
  start?: string;
  end?: string;
  regex?: RegExp;
  group?: Criterion[];
}

export interface SearchSpec {
  /** Fields a criterion may name. */
  fields: ReadonlySet<string>;
  /** The search types of the spec's enum for this endpoint. */
  types: readonly string[];
}

function readValues(c: Json, where: string): string[] {
  const raw: unknown[] =
    c.values !== undefined ? asArray(c.values, `${where}.values`) : c.value === undefined ? [] : [c.value];
  if (raw.some((v) => typeof v !== 'string')) {
    throw badRequest(`${where} values must be strings.`, `${where}.value`);
  }
  return (raw as string[]).map((v) => v.toLowerCase());
}

function readOne(item: unknown, where: string, spec: SearchSpec): Criterion {
  const c = asObject(item, where);
  rejectUnknownFields(c, CRITERION_FIELDS, 'SearchCriteria');
  const type = c.type;
  if (typeof type !== 'string' || !spec.types.includes(type)) {
    throw invalidValue(`${where}.type`, `${where}.type must be one of ${spec.types.join(', ')}.`);
  }
  const operator = c.operator ?? 'AND';
  if (operator !== 'AND' && operator !== 'OR' && operator !== 'NOT') {
    throw invalidValue(`${where}.operator`, `${where}.operator must be one of AND, OR, NOT.`);
  }
  if (c.group !== undefined) {
    return { type, operator, fields: [], values: [], group: readCriteria(c.group, spec, `${where}.group`) };
  }
  const fields = c.fields ?? [];
  if (!Array.isArray(fields)) throw badRequest(`${where}.fields must be an array.`, `${where}.fields`);
  if (fields.length === 0 && !NEEDS_NO_FIELDS.has(type)) {
    throw badRequest(`${where}.fields must be a non-empty array for ${type}.`, `${where}.fields`);
  }
  for (const f of fields) {
    if (typeof f !== 'string' || !spec.fields.has(f)) {
      throw invalidValue(
        `${where}.fields`,
        `Field [${String(f)}] is not searchable here; the sandbox supports ${[...spec.fields].join(', ')}.`,
      );
    }
  }
  const values = readValues(c, where);
  const criterion: Criterion = { type, operator, fields: fields as string[], values };
  if (type === 'RANGE') {
    for (const key of ['startValue', 'endValue'] as const) {
      const v = c[key];
      if (v !== undefined && typeof v !== 'string')
        throw invalidValue(`${where}.${key}`, `${key} must be a string.`);
    }
    if (c.startValue === undefined && c.endValue === undefined) {
      throw badRequest(`${where}: RANGE needs startValue, endValue or both.`, `${where}.startValue`);
    }
    if (typeof c.startValue === 'string') criterion.start = c.startValue.toLowerCase();
    if (typeof c.endValue === 'string') criterion.end = c.endValue.toLowerCase();
  } else if (c.startValue !== undefined || c.endValue !== undefined) {
    throw badRequest(
      `${where}: startValue and endValue belong to RANGE, not ${type}.`,
      `${where}.startValue`,
    );
  }
  if (!NEEDS_NO_VALUE.has(type) && values.length === 0) {
    throw badRequest(
      `${where} needs a string value or a non-empty array of string values for ${type}.`,
      `${where}.value`,
    );
  }
  if (type === 'REGEX') {
    try {
      criterion.regex = new RegExp(`^(?:${values.join('|')})$`, 'i');
    } catch {
      throw invalidValue(`${where}.value`, `${where}.value is not a valid regular expression.`);
    }
  }
  return criterion;
}

/** Parses `query` (or a group) of a search request. */
export function readCriteria(raw: unknown, spec: SearchSpec, where = 'query'): Criterion[] {
  if (!Array.isArray(raw) || raw.length === 0)
    throw badRequest(`${where} must be a non-empty array of criteria.`, where);
  return raw.map((item, i) => readOne(item, `${where}[${i}]`, spec));
}

/** The words of a field value, as an analysed text field indexes them. */
function wordsOf(value: string): string[] {
  return value.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

function termMatches(actual: string, term: string): boolean {
  return actual === term || wordsOf(actual).includes(term);
}

/** QUERY_STRING: every word of the query is a word of some field (a trailing `*` makes it a prefix). */
function queryStringMatches(c: Criterion, words: readonly string[]): boolean {
  return c.values.every((query) =>
    query
      .split(/\s+/)
      .filter((token) => token !== '')
      .every((token) => {
        const parts = wordsOf(token);
        const prefix = token.endsWith('*');
        return parts.every((part, i) =>
          prefix && i === parts.length - 1 ? words.some((w) => w.startsWith(part)) : words.includes(part),
        );
      }),
  );
}

function matchesOne(
  c: Criterion,
  fieldValue: (field: string) => string,
  allFields: readonly string[],
): boolean {
  if (c.group) return matchesAll(c.group, fieldValue, allFields);
  if (c.type === 'MATCH_ALL') return true;
  const fields = c.fields.length > 0 ? c.fields : allFields;
  const actuals = fields.map((f) => fieldValue(f).toLowerCase());
  if (c.type === 'QUERY_STRING') return queryStringMatches(c, actuals.flatMap(wordsOf));
  if (c.type === 'REQUIRED_FIELDS') return actuals.every((a) => a !== '');
  return actuals.some((actual) => {
    switch (c.type) {
      case 'EXACT':
        return c.values.includes(actual);
      case 'STARTS_WITH':
        return c.values.some((v) => actual.startsWith(v));
      case 'CONTAINS':
        return c.values.some((v) => actual.includes(v));
      case 'REGEX':
        return c.regex?.test(actual) ?? false;
      case 'TERM':
      case 'TERMS':
        return c.values.some((v) => termMatches(actual, v));
      case 'RANGE':
        return (c.start === undefined || actual >= c.start) && (c.end === undefined || actual <= c.end);
      case 'LESS_THAN':
        return c.values.some((v) => actual < v);
      case 'LESS_THAN_EQUAL_TO':
        return c.values.some((v) => actual <= v);
      case 'GREATER_THAN':
        return c.values.some((v) => actual > v);
      default:
        return c.values.some((v) => actual >= v);
    }
  });
}

/** AND criteria all match, at least one OR criterion (if any) matches, no NOT criterion matches. */
export function matchesAll(
  criteria: readonly Criterion[],
  fieldValue: (field: string) => string,
  allFields: readonly string[],
): boolean {
  const ors = criteria.filter((c) => c.operator === 'OR');
  return (
    criteria.every((c) => c.operator !== 'AND' || matchesOne(c, fieldValue, allFields)) &&
    criteria.every((c) => c.operator !== 'NOT' || !matchesOne(c, fieldValue, allFields)) &&
    (ors.length === 0 || ors.some((c) => matchesOne(c, fieldValue, allFields)))
  );
}

/** True when a criterion (or a group within) names `field`. */
export function mentionsField(criteria: readonly Criterion[], field: string): boolean {
  return criteria.some(
    (c) => c.fields.includes(field) || (c.group !== undefined && mentionsField(c.group, field)),
  );
}

/** A search request's sortOrder: the spec's ASC, DESC, SCORE (SCORE keeps the default order). */
export function readSearchSortOrder(raw: unknown, strict: boolean): 'ASC' | 'DESC' {
  if (raw === undefined || raw === 'ASC' || raw === 'SCORE') return 'ASC';
  if (raw === 'DESC') return 'DESC';
  if (!strict) return 'ASC';
  throw invalidValue(
    'sortOrder',
    `Value [${JSON.stringify(raw)}] is not valid for sortOrder. Allowable values are: ASC, DESC, SCORE`,
  );
}
