import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { standardCast } from './support/factories.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, uploads } from './support/uploads.js';

/**
 * Issue 12: completion verifies and queues; a render task makes the renditions. The server runs no
 * workers until a test starts its render worker, so PROCESSING can be observed for as long as needed.
 */
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
let jobId: string;
let customerId: string;

beforeAll(async () => {
  server = await startTestServer({ ENHANCEMENT_WORKERS_IN_SERVER: 'false', RENDER_MAX_ATTEMPTS: '2', RENDER_RETRY_DELAY_SECONDS: '1' });
  cast = await standardCast(server);
  customerId = cast.customer.id;
  // Delivered, all images included: a READY image here would be downloadable by the customer at once.
  jobId = (await cast.make.job(cast.customer, { allImagesIncluded: true })).id;
});
afterAll(() => server?.close());

/** Request, PUT and complete, without waiting for the render. */
async function completeUpload(bytes: Buffer, filename = 'photo.jpg') {
  const ticket = (await uploads(server).request(cast.staffToken, bytes, { jobId, filename })).data!.requestImageUpload;
  expect((await uploads(server).put(ticket.url, bytes)).status).toBe(204);
  const completed = await uploads(server).complete(cast.staffToken, ticket.image.id);
  return completed.data!.completeImageUpload as { id: string; status: string; width: number; height: number; previewUrl: string | null };
}

/** Every stored object of the image: its upload, its original and its renditions. */
async function objectsOf(imageId: string): Promise<string[]> {
  const { storage } = server.services;
  const prefixes = [`uploads/customers/${customerId}/jobs/${jobId}/${imageId}`, `customers/${customerId}/jobs/${jobId}/originals/${imageId}`, `customers/${customerId}/jobs/${jobId}/renditions/${imageId}/`];
  return (await Promise.all(prefixes.map((prefix) => storage.list(prefix)))).flat();
}

const oneRenderedImage = (imageId: string) => [
  `customers/${customerId}/jobs/${jobId}/originals/${imageId}`,
  ...['preview', 'preview_watermarked', 'thumbnail', 'thumbnail_watermarked'].map((kind) => `customers/${customerId}/jobs/${jobId}/renditions/${imageId}/${kind}.jpg`),
].sort();

/** Camera-like noise, so decoding takes long enough to be interrupted. */
const noisyJpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 90 }).toBuffer();

const IMAGE = 'query($id: ID!) { image(id: $id) { id status } }';
const BY_IDS = 'query($ids: [ID!]!) { imagesByIds(ids: $ids) { id status previewUrl thumbnailUrl failureReason } }';
const JOB_IMAGES = 'query($id: ID!, $status: [ImageStatus!]) { job(id: $id) { images(first: 50, filter: { status: $status }) { totalCount nodes { id status } } } }';

describe('before any worker runs', () => {
  let processingId: string;

  it('completion answers PROCESSING with the verified facts, without rendering anything', async () => {
    const image = await completeUpload(await makeJpeg(900, 600));
    processingId = image.id;
    expect(image).toMatchObject({ status: 'PROCESSING', width: 900, height: 600, previewUrl: null });
    expect(server.services.renderProcess.pid).toBeUndefined();
    expect(await objectsOf(image.id)).toEqual([`customers/${customerId}/jobs/${jobId}/originals/${image.id}`]);
    // Completing again while it renders changes nothing and says where it stands.
    expect((await uploads(server).complete(cast.staffToken, image.id)).data!.completeImageUpload.status).toBe('PROCESSING');
  });

  it('staff see the PROCESSING image and can filter by it', async () => {
    const polled = await server.gql(BY_IDS, { ids: [processingId] }, cast.staffToken);
    expect(polled.data!.imagesByIds).toEqual([{ id: processingId, status: 'PROCESSING', previewUrl: null, thumbnailUrl: null, failureReason: null }]);
    const listed = await server.gql(JOB_IMAGES, { id: jobId, status: ['PROCESSING'] }, cast.staffToken);
    expect(listed.data!.job.images.nodes.map((node: { id: string }) => node.id)).toContain(processingId);
  });

  it('the customer sees nothing of it: no image, no list entry, no preview, no ticket, no selection', async () => {
    const token = cast.customerToken;
    expect((await server.gql(IMAGE, { id: processingId }, token)).errors![0]!.extensions.code).toBe('FORBIDDEN');
    expect((await server.gql(BY_IDS, { ids: [processingId] }, token)).data!.imagesByIds).toEqual([null]);
    const listed = await server.gql(JOB_IMAGES, { id: jobId }, token);
    expect(listed.data!.job.images.nodes.map((node: { id: string }) => node.id)).not.toContain(processingId);
    const ticket = await server.gql('mutation($id: ID!) { imageDownloadUrl(imageId: $id) { url } }', { id: processingId }, token);
    expect(ticket.errors![0]!.extensions.code).toBe('FORBIDDEN');
    const select = await server.gql('mutation($id: ID!) { selectImage(imageId: $id) { id } }', { id: processingId }, token);
    expect(select.errors![0]!.extensions.code).toBe('FORBIDDEN');
  });

  it('the task renders it once and makes it READY with exactly one set of renditions', async () => {
    const render = vi.spyOn(server.services.renderProcess, 'render');
    await server.services.renderWorker.start();
    const settled = (await uploads(server).settled(cast.staffToken, processingId)).data!.imagesByIds[0];
    expect(settled).toMatchObject({ status: 'READY', failureReason: null });
    expect(settled.previewUrl).toBeTruthy();
    expect(render).toHaveBeenCalledTimes(1);
    expect(await objectsOf(processingId)).toEqual(oneRenderedImage(processingId));
    // Now the customer sees it, released (the job includes all images).
    const asCustomer = await server.gql(BY_IDS, { ids: [processingId] }, cast.customerToken);
    expect(asCustomer.data!.imagesByIds[0]).toMatchObject({ id: processingId, status: 'READY' });
    render.mockRestore();
  });

  it('renders at the lower CPU priority in every thread of the render process, libvips workers included', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const pid = server.services.renderProcess.pid!;
    const threads = await Promise.all(
      (await readdir(`/proc/${pid}/task`)).map(async (tid) => {
        const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        // The name is in parentheses and may contain spaces; nice is field 19, the 17th after it.
        return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) };
      }),
    );
    expect(threads.filter((thread) => thread.name.startsWith('libvips')).length).toBeGreaterThan(0);
    expect(threads.filter((thread) => thread.nice !== server.services.config.renders.nice)).toEqual([]);
  });
});

describe('failures', () => {
  it('an image whose pixels cannot be decoded fails as CORRUPT, and its bytes are deleted', async () => {
    const whole = await makeJpeg(1600, 1200);
    const truncated = whole.subarray(0, Math.floor(whole.length * 0.6));
    const image = await completeUpload(truncated, 'cut.jpg');
    expect(image.status).toBe('PROCESSING'); // the header is intact: only decoding tells
    const settled = (await uploads(server).settled(cast.staffToken, image.id)).data!.imagesByIds[0];
    expect(settled).toMatchObject({ status: 'FAILED', failureReason: 'CORRUPT', previewUrl: null });
    expect(await objectsOf(image.id)).toEqual([]);
  });

  it('a storage failure is retried a bounded number of times, then RENDER_FAILED keeps the original; staff retry it', async () => {
    const { renderWorker, renderProcess, storage } = server.services;
    await renderWorker.stop();
    const bytes = await makeJpeg(800, 600);
    const image = await completeUpload(bytes, 'lost.jpg');
    const originalKey = `customers/${customerId}/jobs/${jobId}/originals/${image.id}`;
    // Storage loses the original for a while: every try of the render fails to read it.
    await storage.delete([originalKey]);
    const render = vi.spyOn(renderProcess, 'render');
    await renderWorker.start();
    const failed = (await uploads(server).settled(cast.staffToken, image.id)).data!.imagesByIds[0];
    expect(failed).toMatchObject({ status: 'FAILED', failureReason: 'RENDER_FAILED' });
    expect(render).toHaveBeenCalledTimes(2); // RENDER_MAX_ATTEMPTS
    render.mockRestore();
    expect(await objectsOf(image.id)).toEqual([]);

    // Customers cannot retry; staff can once storage has it again, and only a RENDER_FAILED render.
    const RETRY = 'mutation($id: ID!) { retryImageRender(imageId: $id) { id status failureReason } }';
    expect((await server.gql(RETRY, { id: image.id }, cast.customerToken)).errors![0]!.extensions.code).toBe('FORBIDDEN');
    await storage.put(originalKey, bytes, { contentType: 'image/jpeg', byteSize: bytes.length });
    const retried = await server.gql(RETRY, { id: image.id }, cast.staffToken);
    expect(retried.data!.retryImageRender).toEqual({ id: image.id, status: 'PROCESSING', failureReason: null });
    expect((await uploads(server).settled(cast.staffToken, image.id)).data!.imagesByIds[0].status).toBe('READY');
    expect(await objectsOf(image.id)).toEqual(oneRenderedImage(image.id));
    const again = await server.gql(RETRY, { id: image.id }, cast.staffToken);
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_RETRYABLE' });
  });

  it('a render process killed mid-render loses only that try: the render is retried and one set of renditions exists', async () => {
    const { renderProcess } = server.services;
    const original = renderProcess.render.bind(renderProcess);
    let killed = false;
    const render = vi.spyOn(renderProcess, 'render').mockImplementation(async (request) => {
      const outcome = original(request);
      if (!killed) {
        killed = true;
        // The request is on its way; the decode of 24 MP of noise takes far longer than this.
        setTimeout(() => process.kill(renderProcess.pid!, 'SIGKILL'), 100);
      }
      return outcome;
    });
    const image = await completeUpload(await noisyJpeg(6000, 4000), 'big.jpg');
    const settled = (await uploads(server).settled(cast.staffToken, image.id, 60_000)).data!.imagesByIds[0];
    expect(settled.status).toBe('READY');
    expect(render).toHaveBeenCalledTimes(2);
    render.mockRestore();
    expect(await objectsOf(image.id)).toEqual(oneRenderedImage(image.id));
  }, 90_000);
});

describe('imagesByIds is a lookup that keeps what it found', () => {
  it('answers in the order asked, null for unknown, malformed and foreign ids; refuses oversized lists and anonymous callers', async () => {
    const ready = await uploads(server).upload(cast.staffToken, await makeJpeg(200, 100), { jobId });
    const readyId = ready.completed.data!.completeImageUpload.id;
    const foreignJob = await cast.make.job(cast.otherCustomer, { allImagesIncluded: true });
    const foreign = await uploads(server).upload(cast.staffToken, await makeJpeg(200, 100), { jobId: foreignJob.id });
    const foreignId = foreign.completed.data!.completeImageUpload.id;
    const unknown = '00000000-0000-4000-8000-000000000000';

    const asCustomer = await server.gql(BY_IDS, { ids: [foreignId, readyId, unknown, 'not-a-uuid'] }, cast.customerToken);
    expect(asCustomer.errors).toBeUndefined();
    expect(asCustomer.data!.imagesByIds.map((image: { id: string } | null) => image?.id ?? null)).toEqual([null, readyId, null, null]);
    const asStaff = await server.gql(BY_IDS, { ids: [foreignId, unknown, readyId] }, cast.staffToken);
    expect(asStaff.data!.imagesByIds.map((image: { id: string } | null) => image?.id ?? null)).toEqual([foreignId, null, readyId]);

    const tooMany = await server.gql(BY_IDS, { ids: Array.from({ length: 501 }, () => readyId) }, cast.staffToken);
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY' });
    expect((await server.gql(BY_IDS, { ids: [readyId] })).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});
