// pageAll: every entity of a listing in page order, the pages after the first requested together,
// and `select` applied to each page as it arrives.
import { expect, it } from 'vitest';

import { pageAll, type Page } from '../../src/genesys/client.js';

/** A listing of `total` numbers whose pages answer in reverse order (the last one first). */
function listing(total: number) {
  const asked: number[] = [];
  const fetchPage = async (pageNumber: number, pageSize: number): Promise<Page<number>> => {
    asked.push(pageNumber);
    const pageCount = Math.ceil(total / pageSize);
    await new Promise((resolve) => setTimeout(resolve, (pageCount - pageNumber) * 5));
    const from = (pageNumber - 1) * pageSize;
    const entities = Array.from({ length: Math.min(pageSize, total - from) }, (_, i) => from + i);
    return { entities, pageCount, total };
  };
  return { asked, fetchPage };
}

it('keeps page order however the pages answer', async () => {
  const { asked, fetchPage } = listing(25);
  expect(await pageAll(fetchPage, 10)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  expect(asked).toEqual([1, 2, 3]);
});

it('keeps only what select takes of each page, in page order', async () => {
  const { fetchPage } = listing(25);
  const seen: number[][] = [];
  const even = await pageAll(fetchPage, 10, undefined, (page) => {
    seen.push(page);
    return page.filter((n) => n % 2 === 0);
  });
  expect(even).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]);
  // Each page on its own, the first one first, then as they came (the last page answered first).
  expect(seen.map((page) => page[0])).toEqual([0, 20, 10]);
});
