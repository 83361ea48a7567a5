// Paging and query-string helpers shared by every list endpoint.

import { invalidValue } from './errors.js';

export interface Paging {
  pageSize: number;
  pageNumber: number;
}

export const DEFAULT_PAGE_SIZE = 25;

function toInteger(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

/** Validates pageSize (1..max) and pageNumber (≥1) from a query string or a JSON body. */
export function checkPaging(pageSize: unknown, pageNumber: unknown, maxPageSize: number): Paging {
  const size = pageSize === undefined || pageSize === null ? DEFAULT_PAGE_SIZE : toInteger(pageSize);
  if (size === null || size < 1 || size > maxPageSize) {
    throw invalidValue(
      'pageSize',
      `Value [${String(pageSize)}] is not valid for field pageSize. Allowable values are: 1-${maxPageSize}`,
    );
  }
  const number = pageNumber === undefined || pageNumber === null ? 1 : toInteger(pageNumber);
  if (number === null || number < 1) {
    throw invalidValue('pageNumber', `Value [${String(pageNumber)}] is not valid for field pageNumber`);
  }
  return { pageSize: size, pageNumber: number };
}

export function readPaging(query: URLSearchParams, maxPageSize: number): Paging {
  return checkPaging(query.get('pageSize') ?? undefined, query.get('pageNumber') ?? undefined, maxPageSize);
}

export function pageCountOf(total: number, pageSize: number): number {
  return Math.ceil(total / pageSize);
}

export function sliceOf<T>(items: readonly T[], paging: Paging): T[] {
  const start = (paging.pageNumber - 1) * paging.pageSize;
  return items.slice(start, start + paging.pageSize);
}

/** The Genesys EntityListing around one page: counts and the self/first/last/next/previous URIs. */
export function listing<T>(
  path: string,
  query: URLSearchParams,
  paging: Paging,
  total: number,
  entities: T[],
): Record<string, unknown> {
  const rest = new URLSearchParams(query);
  rest.delete('pageSize');
  rest.delete('pageNumber');
  const restText = rest.toString();
  const uri = (n: number): string =>
    `${path}?pageSize=${paging.pageSize}&pageNumber=${n}${restText ? `&${restText}` : ''}`;
  const pageCount = pageCountOf(total, paging.pageSize);
  const result: Record<string, unknown> = {
    entities,
    pageSize: paging.pageSize,
    pageNumber: paging.pageNumber,
    total,
    pageCount,
    firstUri: uri(1),
    selfUri: uri(paging.pageNumber),
    lastUri: uri(Math.max(pageCount, 1)),
  };
  if (paging.pageNumber < pageCount) result.nextUri = uri(paging.pageNumber + 1);
  if (paging.pageNumber > 1)
    result.previousUri = uri(Math.min(paging.pageNumber - 1, Math.max(pageCount, 1)));
  return result;
}

/** A page of `items` as an EntityListing. */
export function pageListing<T>(
  path: string,
  query: URLSearchParams,
  paging: Paging,
  items: readonly T[],
): Record<string, unknown> {
  return listing(path, query, paging, items.length, sliceOf(items, paging));
}

/** A query array: `id=a,b` (and repeated `id=a&id=b`), trimmed; null when the parameter is absent. */
export function listParam(query: URLSearchParams, name: string): string[] | null {
  const raw = query.getAll(name);
  if (raw.length === 0) return null;
  return raw
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A single query value, trimmed; null when absent or blank. */
export function textParam(query: URLSearchParams, name: string): string | null {
  const value = query.get(name)?.trim();
  return value ? value : null;
}

/**
 * A name filter with `*` wildcards anywhere, case-insensitive; without a `*` it is an exact
 * (case-insensitive) match.
 */
export function wildcardMatcher(pattern: string): (name: string) => boolean {
  const lower = pattern.toLowerCase();
  if (!lower.includes('*')) return (name) => name.toLowerCase() === lower;
  const parts = lower.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  const regex = new RegExp(`^${parts.join('.*')}$`);
  return (name) => regex.test(name.toLowerCase());
}

export function byName<T extends { name: string }>(a: T, b: T): number {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * `sortOrder` where the spec's enum is `asc`/`desc` (queues, queue members, locations). With the spec
 * contract on, other values are a 400; lenient, they are ignored as before.
 */
export function readAscDesc(ctx: {
  query: URLSearchParams;
  real: { behaviours: { specContract: boolean } };
}): 'asc' | 'desc' {
  const raw = ctx.query.get('sortOrder');
  if (raw === null || raw === '' || raw === 'asc') return 'asc';
  if (raw === 'desc') return 'desc';
  if (!ctx.real.behaviours.specContract) return 'asc';
  throw invalidValue(
    'sortOrder',
    `Value [${raw}] is not valid for field sortOrder. Allowable values are: asc, desc`,
  );
}
