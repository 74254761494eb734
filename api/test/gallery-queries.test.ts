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

/** Plain SQL on the test's database, for arranging rows the API cannot make and reading the expected order. */
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => server.services.orm.em.fork().getConnection().execute<T[]>(query, params);

describe('gallery paging', () => {
  const PAGE = `query($id: ID!, $first: Int!, $after: String, $sortBy: ImageSortField, $dir: SortDirection) {
    job(id: $id) { images(first: $first, after: $after, sortBy: $sortBy, sortDirection: $dir) {
      pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } }
    } }
  }`;

  async function walk(jobId: string, sortBy: string, dir: string, token: string): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const response: any = await server.gql(PAGE, { id: jobId, first: 7, after, sortBy, dir }, token);
      expect(response.errors).toBeUndefined();
      const images = response.data.job.images;
      expect(images.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...images.edges.map((edge: any) => edge.node.id));
      if (!images.pageInfo.hasNextPage) return seen;
      expect(images.edges.at(-1).cursor).toBe(images.pageInfo.endCursor);
      after = images.pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  }

  it('walks every image exactly once, in the stored order, even with equal and sub-millisecond timestamps', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 0 });
    await insertReadyImageRows(server.services.orm.em.fork(), { customerId: cast.customer.id, jobId: job.id, count: 40 });
    // Ten images share one timestamp; the rest differ only in microseconds, which JavaScript dates cannot hold.
    await sql(
      `UPDATE images SET created_at = CASE WHEN filename IN ('img-1.jpg','img-2.jpg','img-3.jpg','img-4.jpg','img-5.jpg','img-6.jpg','img-7.jpg','img-8.jpg','img-9.jpg','img-10.jpg')
         THEN timestamptz '2026-01-01 10:00:00.123456+00'
         ELSE timestamptz '2026-01-01 10:00:00.123+00' + (random() * interval '900 microseconds') END
       WHERE job_id = ?`,
      [job.id],
    );
    for (const [sortBy, column] of [['CREATED_AT', 'created_at'], ['FILENAME', 'filename']] as const) {
      for (const dir of ['ASC', 'DESC'] as const) {
        const expected = (await sql<{ id: string }>(`SELECT id FROM images WHERE job_id = ? ORDER BY ${column} ${dir}, id ${dir}`, [job.id])).map((row) => row.id);
        expect(await walk(job.id, sortBy, dir, cast.customerToken)).toEqual(expected);
      }
    }
  });

  it('refuses forged cursors and gives nothing after an image of another job', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 0 });
    const other = await cast.make.job(cast.otherCustomer, { includedImages: 0 });
    await insertReadyImageRows(server.services.orm.em.fork(), { customerId: cast.customer.id, jobId: job.id, count: 3 });
    await insertReadyImageRows(server.services.orm.em.fork(), { customerId: cast.otherCustomer.id, jobId: other.id, count: 1 });
    const [foreign] = await sql<{ id: string }>('SELECT id FROM images WHERE job_id = ?', [other.id]);
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const after of ['garbage!', cursor(['not-a-uuid']), cursor([1]), cursor(['2026-01-01', foreign!.id])]) {
      const response: any = await server.gql(PAGE, { id: job.id, first: 5, after }, cast.customerToken);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    }
    const response: any = await server.gql(PAGE, { id: job.id, first: 5, after: cursor([foreign!.id]) }, cast.customerToken);
    expect(response.data.job.images.edges).toEqual([]);
  });

  it('reads every Image field of a listed image as the single-image query does', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 0 });
    await insertReadyImageRows(server.services.orm.em.fork(), { customerId: cast.customer.id, jobId: job.id, count: 2 });
    await sql('UPDATE images SET uploaded_by_id = ? WHERE job_id = ?', [cast.staff.id, job.id]);
    const fields = 'id createdAt updatedAt filename status selectionState contentType byteSize sha256 width height failureReason downloadable thumbnailUrl previewUrl job { id } uploadedBy { id name }';
    const listed: any = await server.gql(`query($id: ID!) { job(id: $id) { images(first: 5) { nodes { ${fields} } } } }`, { id: job.id }, cast.staffToken);
    expect(listed.errors).toBeUndefined();
    for (const node of listed.data.job.images.nodes) {
      const single: any = await server.gql(`query($id: ID!) { image(id: $id) { ${fields} } }`, { id: node.id }, cast.staffToken);
      expect(node).toEqual(single.data.image);
      expect(node.uploadedBy).toEqual({ id: cast.staff.id, name: cast.staff.name });
      expect(typeof node.byteSize).toBe('number');
      expect(node.thumbnailUrl).toMatch(/\/media\//);
    }
  });
});
