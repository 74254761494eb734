import { readFileSync } from 'node:fs';
import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../graphql/client';
import { GalleryImagePages, PAGE_SIZE } from './gallery-images';

/**
 * A job of 1,200 photos behind the checked-in schema (graphql-js answers the client's real
 * documents, cursor paging as the API does it), and the client's own urql client with its
 * normalised cache: every photo must arrive, in order, each page only when it is wanted.
 */
const PHOTOS = 1_200;
const schema = buildSchema(readFileSync(new URL('../../../../schema/schema.graphql', import.meta.url), 'utf8'));
const photo = (index: number) => ({
  id: `image-${index}`,
  filename: `photo-${index + 1}.jpg`,
  thumbnailUrl: `http://127.0.0.1/media/thumb-${index}.sig`,
  selectionState: 'NONE',
  locked: false,
  downloadable: false,
  derivedFrom: null,
});

function fakeApi() {
  const afters: (string | null)[] = [];
  const job = {
    id: 'job-1',
    images({ first, after }: { first: number; after?: string | null }) {
      afters.push(after ?? null);
      const start = after ? Number(after.replace('cursor-', '')) + 1 : 0;
      const nodes = Array.from({ length: Math.max(0, Math.min(first, PHOTOS - start)) }, (_, offset) => photo(start + offset));
      const endCursor = nodes.length ? `cursor-${start + nodes.length - 1}` : null;
      return { totalCount: PHOTOS, pageInfo: { hasNextPage: start + nodes.length < PHOTOS, hasPreviousPage: start > 0, startCursor: null, endCursor }, nodes, edges: [] };
    },
  };
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const { query, variables } = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
    const result = await graphql({ schema, source: query, variableValues: variables, rootValue: { job: ({ id }: { id: string }) => (id === job.id ? job : null) } });
    return new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } });
  };
  return { afters, client: createApiClient({ url: 'http://pixgate.test/graphql', fetch }) };
}

async function until(condition: () => boolean) {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('a gallery of more photos than one page', () => {
  it('loads the first page, then each further page only as the customer scrolls towards it, until every photo is there', async () => {
    const { afters, client } = fakeApi();
    const pages = new GalleryImagePages(client, 'job-1');
    const loaded = () => pages.getSnapshot().images.length;
    pages.start();
    await until(() => loaded() === PAGE_SIZE);
    expect(pages.getSnapshot().totalCount).toBe(PHOTOS);
    expect(afters).toEqual([null]);

    // Photos near the end of the first page are about to be seen: the second page, and no more.
    pages.want(PAGE_SIZE - 10);
    await until(() => loaded() === 2 * PAGE_SIZE);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(afters).toEqual([null, `cursor-${PAGE_SIZE - 1}`]);

    // Scrolled to the end: page after page, each after the previous one's last cursor.
    pages.want(PHOTOS - 1);
    await until(() => loaded() === PHOTOS);
    expect(afters).toHaveLength(PHOTOS / PAGE_SIZE);
    expect(pages.getSnapshot().images.map((image) => image.id)).toEqual(Array.from({ length: PHOTOS }, (_, index) => `image-${index}`));
    // Past the 500th (the API's largest page): there, with their own URLs.
    expect(pages.getSnapshot().images[1_150]?.thumbnailUrl).toBe(photo(1_150).thumbnailUrl);
    pages.stop();
  });

  it('asks every loaded page again for fresh URLs', async () => {
    const { afters, client } = fakeApi();
    const pages = new GalleryImagePages(client, 'job-1');
    pages.start();
    pages.want(2 * PAGE_SIZE + 10);
    await until(() => pages.getSnapshot().images.length === 3 * PAGE_SIZE);
    await new Promise((resolve) => setTimeout(resolve, 50));
    afters.length = 0;
    await pages.refresh();
    expect(afters.sort()).toEqual([null, `cursor-${PAGE_SIZE - 1}`, `cursor-${2 * PAGE_SIZE - 1}`].sort());
    pages.stop();
  });
});
