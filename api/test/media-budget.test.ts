import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardCast } from './support/factories.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, uploads } from './support/uploads.js';

/**
 * Issue 15, item 4: previews and thumbnails fetched with a viewer's signed media URL count against a
 * budget of that viewer, not of the address, so a 500-image gallery (and an office of viewers behind
 * one address) never meets the address limit — while requests without a valid URL still do.
 */
const GENERAL_PER_ADDRESS = 300;
const MEDIA_PER_VIEWER = 450;
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
let mediaUrls: string[];

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_GENERAL_IP: `${GENERAL_PER_ADDRESS}/1m`, RATE_LIMIT_MEDIA_VIEWER: `${MEDIA_PER_VIEWER}/1m` });
  cast = await standardCast(server);
  const job = await cast.make.job(cast.customer);
  for (const shade of [30, 90]) await uploads(server).upload(cast.staffToken, await makeJpeg(120, 80, { r: shade, g: 40, b: 40 }), { jobId: job.id });
  const gallery = await server.gql('query($id: ID!) { job(id: $id) { images(first: 10) { nodes { thumbnailUrl previewUrl } } } }', { id: job.id }, cast.customerToken);
  mediaUrls = gallery.data!.job.images.nodes.flatMap((image: { thumbnailUrl: string; previewUrl: string }) => [image.thumbnailUrl, image.previewUrl]);
}, 120_000);
afterAll(() => server?.close());

/** `count` GETs, `parallel` at a time; their statuses. */
async function fetchMany(urls: (index: number) => string, count: number, parallel = 16): Promise<number[]> {
  const statuses: number[] = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, async (_, offset) => {
      const response = await fetch(urls(start + offset));
      await response.arrayBuffer();
      return response.status;
    });
    statuses.push(...(await Promise.all(batch)));
  }
  return statuses;
}

describe('the image budget of a signed-in viewer', () => {
  it('serves more renditions than the address budget allows, and leaves that budget to everything else', async () => {
    expect(mediaUrls).toHaveLength(4);
    expect(mediaUrls.every((url) => url.includes('/media/'))).toBe(true);
    const statuses = await fetchMany((index) => mediaUrls[index % mediaUrls.length]!, GENERAL_PER_ADDRESS + 100);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    // The address's own budget was not touched by them: the same address still gets GraphQL answers.
    expect((await server.gql('{ me { id } }', {}, cast.customerToken)).data!.me.id).toBe(cast.customerUser.id);
  }, 120_000);

  it('hostile: a flood of made-up media URLs from one address gets 429 with Retry-After, and the viewer’s images still load', async () => {
    const forged = (index: number) => `${server.url}/media/forged-${index}.${'A'.repeat(40)}`;
    const statuses = await fetchMany(forged, GENERAL_PER_ADDRESS + 20);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(20);
    expect(statuses.filter((status) => status !== 429 && status !== 403)).toEqual([]);
    const refused = await fetch(forged(0));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
    // A tampered real URL is no viewer's either: it counts against the spent address budget.
    const tampered = mediaUrls[0]!.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    expect((await fetch(tampered)).status).toBe(429);
    // The signed-in viewer's own URLs are counted against their budget, which has room left.
    expect((await fetch(mediaUrls[0]!)).status).toBe(200);
  }, 120_000);

  it('hostile: one viewer’s URLs fetched past their own budget get 429 too', async () => {
    const statuses = await fetchMany((index) => mediaUrls[index % mediaUrls.length]!, 120);
    expect(statuses).toContain(429);
    const refused = await fetch(mediaUrls[1]!);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 120_000);
});
