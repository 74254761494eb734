import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Image } from '../src/modules/images/image.entity.js';
import { standardCast } from './support/factories.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, sha256, uploads } from './support/uploads.js';

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
const s3 = inject('s3');

beforeAll(async () => {
  server = await startTestServer({}, 'presigned');
  cast = await standardCast(server);
});
afterAll(() => server?.close());

describe('with real S3 (presigned mode)', () => {
  it('uploads go straight to S3 through a short-lived PUT URL that signs the declared type and size', async () => {
    const job = await cast.make.job(cast.customer);
    const bytes = await makeJpeg(640, 480);
    const ticket = (await uploads(server).request(cast.staffToken, bytes, { jobId: job.id })).data!.requestImageUpload;
    const url = new URL(ticket.url);
    expect(url.origin).toBe(s3.endpoint);
    expect(url.pathname).toContain(`/uploads/customers/${cast.customer.id}/`);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(900);
    expect(url.searchParams.get('X-Amz-SignedHeaders')!.split(';')).toEqual(expect.arrayContaining(['content-length', 'content-type', 'host']));
    expect(url.searchParams.has('x-amz-checksum-crc32')).toBe(false);

    const put = await fetch(ticket.url, { method: 'PUT', body: new Uint8Array(bytes), headers: { 'content-type': 'image/jpeg' } });
    expect(put.status).toBe(200);
    const completed = (await uploads(server).complete(cast.staffToken, ticket.image.id)).data!.completeImageUpload;
    expect(completed).toMatchObject({ status: 'PROCESSING', sha256: sha256(bytes), width: 640, height: 480 });
    expect((await uploads(server).settled(cast.staffToken, ticket.image.id)).data!.imagesByIds[0].status).toBe('READY');
  });

  it('downloads redirect to a presigned GET that expires within 60 seconds and names the file', async () => {
    const job = await cast.make.job(cast.customer, { allImagesIncluded: true });
    const bytes = await makeJpeg(320, 200);
    const { completed } = await uploads(server).upload(cast.staffToken, bytes, { jobId: job.id, filename: 'Süd balcony.jpg' });
    const ticket = (await server.gql('mutation($id: ID!) { imageDownloadUrl(imageId: $id) { url } }', { id: completed.data!.completeImageUpload.id }, cast.customerToken)).data!.imageDownloadUrl;
    expect(ticket.url.startsWith(server.url)).toBe(true);
    const redirect = await fetch(ticket.url, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get('location')!);
    expect(location.origin).toBe(s3.endpoint);
    expect(location.pathname).toContain('/originals/');
    expect(location.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(location.searchParams.get('response-content-disposition')).toBe(`attachment; filename="S_d balcony.jpg"; filename*=UTF-8''S%C3%BCd%20balcony.jpg`);
    const followed = await fetch(location);
    expect(sha256(Buffer.from(await followed.arrayBuffer()))).toBe(sha256(bytes));
  });

  it('previews are presigned GETs of the right rendition, expiring in 5 minutes, stable within a window', async () => {
    const job = await cast.make.job(cast.customer);
    const { completed } = await uploads(server).upload(cast.staffToken, await makeJpeg(800, 600), { jobId: job.id });
    const id = completed.data!.completeImageUpload.id;
    const query = 'query($id: ID!) { image(id: $id) { previewUrl thumbnailUrl } }';
    const asCustomer = (await server.gql(query, { id }, cast.customerToken)).data!.image;
    const previewUrl = new URL(asCustomer.previewUrl);
    expect(previewUrl.pathname).toMatch(/\/renditions\/.*\/preview_watermarked\.jpg$/);
    expect(previewUrl.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(new URL((await server.gql(query, { id }, cast.staffToken)).data!.image.previewUrl).pathname).toMatch(/\/preview\.jpg$/);

    const response = await fetch(asCustomer.previewUrl);
    expect(response.status).toBe(200);
    const stored = await server.services.orm.em.fork().findOneOrFail(Image, { id });
    expect(Buffer.from(await response.arrayBuffer()).equals(await server.services.storage.read(stored.renditions.preview_watermarked!.key))).toBe(true);

    const windowStart = Math.ceil(Date.now() / 60_000) * 60_000;
    const at = (ms: number) => server.services.media.renditionUrl(cast.customerUser, stored, 'thumbnail', () => false, ms);
    expect(await at(windowStart + 1_000)).toBe(await at(windowStart + 55_000));
    expect(JSON.stringify(asCustomer)).not.toContain('originals/');
  });
});
