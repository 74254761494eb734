import { describe, expect, it } from 'vitest';
import { fetchPage, sortOf } from './resource-provider';

/** A list of `total` numbered rows behind an API that gives at most 100 per request. */
function api(total: number) {
  const asked: { first: number; offset: number }[] = [];
  const fetch = async ({ first, offset }: { first: number; offset: number }) => {
    asked.push({ first, offset });
    if (first > 100) throw new Error('the API refuses first > 100');
    return { data: Array.from({ length: Math.max(0, Math.min(first, total - offset)) }, (_, index) => offset + index), total };
  };
  return { asked, fetch };
}

describe('pages of the back office’s lists', () => {
  it('are one request for a screen’s page', async () => {
    const { asked, fetch } = api(60);
    expect(await fetchPage({ page: 2, perPage: 25 }, fetch)).toEqual({ data: Array.from({ length: 25 }, (_, index) => 25 + index), total: 60 });
    expect(asked).toEqual([{ first: 25, offset: 25 }]);
  });

  it('are fetched 100 at a time for an export, up to what exists', async () => {
    const { asked, fetch } = api(250);
    const { data, total } = await fetchPage({ page: 1, perPage: 1000 }, fetch);
    expect(total).toBe(250);
    expect(data).toEqual(Array.from({ length: 250 }, (_, index) => index));
    expect(asked).toEqual([
      { first: 100, offset: 0 },
      { first: 100, offset: 100 },
      { first: 100, offset: 200 },
    ]);
  });

  it('sort only by columns the API sorts by', () => {
    const fields = { createdAt: 'CREATED_AT', title: 'TITLE' } as const;
    expect(sortOf({ field: 'title', order: 'ASC' }, fields)).toEqual({ sortBy: 'TITLE', sortDirection: 'ASC' });
    expect(sortOf({ field: 'customer.name', order: 'DESC' }, fields)).toEqual({});
  });
});
