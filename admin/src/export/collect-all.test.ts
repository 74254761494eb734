import { describe, expect, it } from 'vitest';
import { collectAll, type PageAnswer } from './collect-all';

type Row = { id: string };
const rows = (count: number, prefix = 'r') => Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index}` }));

/** A list as the data provider answers it: `page` of `perPage` over `all`, with the total. */
const listOf = (all: () => Row[], calls: number[] = []) => async (page: number, perPage: number): Promise<PageAnswer<Row>> => {
  calls.push(page);
  const current = all();
  return { data: current.slice((page - 1) * perPage, page * perPage), total: current.length };
};

describe('collecting every page of a list for an export', () => {
  it('pages through far more than 1,000 rows, one request per page of 100', async () => {
    const calls: number[] = [];
    const all = rows(2_345);
    const collected = await collectAll(listOf(() => all, calls));
    expect(collected).toHaveLength(2_345);
    expect(collected.at(-1)).toEqual({ id: 'r2344' });
    expect(calls).toHaveLength(24);
  });

  it('stops after one request when everything fits on a page, and at an empty list', async () => {
    const calls: number[] = [];
    expect(await collectAll(listOf(() => rows(7), calls))).toHaveLength(7);
    expect(calls).toEqual([1]);
    expect(await collectAll(listOf(() => []))).toEqual([]);
  });

  it('asks for no page past the total when the last page is exactly full', async () => {
    const calls: number[] = [];
    expect(await collectAll(listOf(() => rows(300), calls))).toHaveLength(300);
    expect(calls).toEqual([1, 2, 3]);
  });

  it('keeps each record once when new rows arrive at the top while it runs, and misses none of the old', async () => {
    let all = rows(250);
    const list = listOf(() => all);
    const collected = await collectAll(async (page, perPage) => {
      const answer = await list(page, perPage);
      if (page === 1) all = [...rows(5, 'new'), ...all];
      return answer;
    });
    const ids = collected.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of rows(250)) expect(ids).toContain(row.id);
  });

  it('reports progress with the total', async () => {
    const progress: [number, number | undefined][] = [];
    await collectAll(listOf(() => rows(150)), (loaded, total) => progress.push([loaded, total]));
    expect(progress).toEqual([
      [100, 150],
      [150, 150],
    ]);
  });
});
