import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../src/modules/jobs/job.entity.js';
import { standardCast } from './support/factories.js';
import { insertReadyImageRows } from './support/ready-image-rows.js';
import { startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;

const GALLERY = `query($id: ID!, $first: Int!) {
  job(id: $id) {
    title includedCount pendingExtraCount downloadableCount
    images(first: $first) { totalCount nodes { id filename selectionState downloadable thumbnailUrl previewUrl } }
  }
}`;

/** READY images inserted directly (the upload pipeline is tested elsewhere; here only the read path counts). */
async function jobWithReadyImages(count: number): Promise<Job> {
  const job = await cast.make.job(cast.customer, { includedImages: 10 });
  await insertReadyImageRows(server.services.orm.em.fork(), { customerId: cast.customer.id, jobId: job.id, count });
  return job;
}

beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
});
afterAll(() => server?.close());

describe('gallery queries are N+1-free', () => {
  it.each([
    ['customer', () => cast.customerToken],
    ['staff', () => cast.staffToken],
  ])('a 500-image gallery costs the same number of statements as a 50-image one (%s)', async (_who, token) => {
    const small = await jobWithReadyImages(50);
    const large = await jobWithReadyImages(500);
    let smallResponse: any;
    let largeResponse: any;
    const smallQueries = await server.queriesDuring(async () => {
      smallResponse = await server.gql(GALLERY, { id: small.id, first: 50 }, token());
    });
    const largeQueries = await server.queriesDuring(async () => {
      largeResponse = await server.gql(GALLERY, { id: large.id, first: 500 }, token());
    });
    expect(smallResponse.errors).toBeUndefined();
    expect(largeResponse.errors).toBeUndefined();
    expect(smallResponse.data.job.images.nodes).toHaveLength(50);
    expect(largeResponse.data.job.images.nodes).toHaveLength(500);
    expect(largeQueries.length).toBe(smallQueries.length);
    expect(smallQueries.length).toBeLessThanOrEqual(8);
  });
});
