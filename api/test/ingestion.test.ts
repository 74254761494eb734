import { request } from 'node:http';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ImageStatus } from '../src/shared/domain/image-enums.js';
import { Image } from '../src/modules/images/image.entity.js';
import { standardCast } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, sha256, uploads } from './support/uploads.js';
import { startFakeHttpServer } from './support/fake-http-server.js';
import { UploadRelayThread } from '../src/modules/images/upload-relay/relay-thread.js';
import { ObjectStorage } from '../src/storage/object-storage.js';

const MAX_BYTES = 3 * 1024 * 1024;
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
let jobId: string;
const load = (id: string) => server.services.orm.em.fork().findOneOrFail(Image, { id });
const exists = async (key: string) => (await server.services.storage.head(key)) !== null;

beforeAll(async () => {
  server = await startTestServer({ MAX_UPLOAD_BYTES: String(MAX_BYTES), MAX_IMAGE_PIXELS: '40000000' });
  cast = await standardCast(server);
  jobId = (await cast.make.job(cast.customer)).id;
});
afterAll(() => server?.close());

describe('happy path', () => {
  it('request → PUT → complete makes a READY image with sniffed metadata, renditions and a private original', async () => {
    const bytes = await makeJpeg(1200, 800);
    const { ticket, completed } = await uploads(server).upload(cast.staffToken, bytes, { jobId, filename: '../../etc/Living room.jpg' });
    expect(ticket.method).toBe('PUT');
    expect(ticket.url.startsWith(server.url)).toBe(true);
    expect(ticket.image).toMatchObject({ status: 'PENDING', filename: 'Living room.jpg' });
    expect(new Date(ticket.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const image = completed.data!.completeImageUpload;
    expect(image).toMatchObject({ status: 'READY', contentType: 'image/jpeg', width: 1200, height: 800, byteSize: bytes.length, sha256: sha256(bytes) });
    expect(image.previewUrl).toMatch(new RegExp(`^${server.url}/media/`));

    const stored = await load(image.id);
    expect(stored.originalKey).toBe(`customers/${cast.customer.id}/jobs/${jobId}/originals/${image.id}`);
    expect(await server.services.storage.read(stored.originalKey!)).toEqual(bytes);
    expect(await exists(stored.uploadKey)).toBe(false);
    expect(Object.keys(stored.renditions).sort()).toEqual(['preview', 'preview_watermarked', 'thumbnail', 'thumbnail_watermarked']);
    for (const rendition of Object.values(stored.renditions)) {
      expect(rendition!.key.startsWith(`customers/${cast.customer.id}/jobs/${jobId}/`)).toBe(true);
      expect(await exists(rendition!.key)).toBe(true);
    }
    // No URL handed to anyone names the original's key.
    expect(JSON.stringify([ticket, image])).not.toContain('originals/');
  });

  it('completing twice returns the READY image again without redoing anything', async () => {
    const { ticket } = await uploads(server).upload(cast.staffToken, await makeJpeg(300, 200), { jobId });
    const again = await uploads(server).complete(cast.staffToken, ticket.image.id);
    expect(again.data!.completeImageUpload.status).toBe('READY');
  });

  it('accepts PNG, WebP and TIFF when declared truthfully', async () => {
    const base = sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } });
    for (const [contentType, bytes] of [
      ['image/png', await base.clone().png().toBuffer()],
      ['image/webp', await base.clone().webp().toBuffer()],
      ['image/tiff', await base.clone().tiff().toBuffer()],
    ] as const) {
      const { completed } = await uploads(server).upload(cast.staffToken, bytes, { jobId, contentType, filename: 'x' });
      expect(completed.data!.completeImageUpload).toMatchObject({ status: 'READY', contentType, width: 64, height: 48 });
    }
  });
});

describe('refused uploads: the image fails, its bytes are deleted, the error is typed', () => {
  async function expectFailed(imageId: string, reason: string, response: Awaited<ReturnType<ReturnType<typeof uploads>['complete']>>) {
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    const image = await load(imageId);
    expect(image.status).toBe(ImageStatus.FAILED);
    expect(image.failureReason).toBe(reason);
    expect(image.originalKey).toBeNull();
    expect(await exists(image.uploadKey)).toBe(false);
  }

  it('wrong checksum', async () => {
    const bytes = await makeJpeg(200, 100);
    const { ticket, completed } = await uploads(server).upload(cast.staffToken, bytes, { jobId, sha256: sha256(Buffer.from('something else')) });
    await expectFailed(ticket.image.id, 'CHECKSUM_MISMATCH', completed);
  });

  it('declared PNG, actually JPEG', async () => {
    const bytes = await makeJpeg(200, 100);
    const { ticket, completed } = await uploads(server).upload(cast.staffToken, bytes, { jobId, contentType: 'image/png' });
    await expectFailed(ticket.image.id, 'TYPE_MISMATCH', completed);
  });

  it('declared JPEG, actually an SVG or a text file', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const first = await uploads(server).upload(cast.staffToken, svg, { jobId });
    await expectFailed(first.ticket.image.id, 'UNSUPPORTED_TYPE', first.completed);
    const text = Buffer.from('just some text pretending to be a photo');
    const second = await uploads(server).upload(cast.staffToken, text, { jobId });
    await expectFailed(second.ticket.image.id, 'UNSUPPORTED_TYPE', second.completed);
  });

  it('a decompression bomb (tiny file, huge pixel count)', async () => {
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#000' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(MAX_BYTES);
    const { ticket, completed } = await uploads(server).upload(cast.staffToken, bomb, { jobId, contentType: 'image/png' });
    await expectFailed(ticket.image.id, 'TOO_MANY_PIXELS', completed);
  });

  it('a truncated upload (the client stops half-way) never becomes READY', async () => {
    const bytes = await makeJpeg(800, 600);
    const requested = await uploads(server).request(cast.staffToken, bytes, { jobId });
    const ticket = requested.data!.requestImageUpload;
    await new Promise<void>((resolve) => {
      const url = new URL(ticket.url);
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'PUT', headers: { 'content-type': 'image/jpeg', 'content-length': bytes.length } });
      req.on('error', () => resolve());
      req.on('response', () => resolve());
      req.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => setTimeout(() => { req.destroy(); resolve(); }, 200));
    });
    const completed = await uploads(server).complete(cast.staffToken, ticket.image.id);
    const reason = completed.errors![0]!.extensions.reason;
    expect(['UPLOAD_NOT_FOUND', 'SIZE_MISMATCH', 'CHECKSUM_MISMATCH']).toContain(reason);
    expect((await load(ticket.image.id)).status).not.toBe(ImageStatus.READY);
  });

  it('completing before any bytes arrived says so and keeps the upload open', async () => {
    const bytes = await makeJpeg(100, 100);
    const ticket = (await uploads(server).request(cast.staffToken, bytes, { jobId })).data!.requestImageUpload;
    const early = await uploads(server).complete(cast.staffToken, ticket.image.id);
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UPLOAD_NOT_FOUND' });
    expect((await load(ticket.image.id)).status).toBe(ImageStatus.PENDING);
    expect((await uploads(server).put(ticket.url, bytes)).status).toBe(204);
    expect((await uploads(server).complete(cast.staffToken, ticket.image.id)).data!.completeImageUpload.status).toBe('PROCESSING');
  });
});

describe('refused requests write nothing', () => {
  const countImages = async () => (await server.services.orm.em.fork().getConnection().execute('SELECT count(*)::int AS n FROM images'))[0]!.n;

  it.each([
    ['oversized', { byteSize: MAX_BYTES + 1 }, 'TOO_LARGE'],
    ['zero bytes', { byteSize: 0 }, 'OUT_OF_RANGE'],
    ['a refused type', { contentType: 'image/gif' }, 'UNSUPPORTED_TYPE'],
    ['a malformed checksum', { sha256: 'abc' }, 'INVALID_CHECKSUM'],
  ])('%s', async (_name, declaration, reason) => {
    const before = await countImages();
    const response = await uploads(server).request(cast.staffToken, Buffer.from('x'), { jobId, ...declaration });
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(await countImages()).toBe(before);
  });
});

describe('the upload URL', () => {
  it('refuses a body larger or smaller than declared, and a different content type', async () => {
    const bytes = await makeJpeg(100, 100);
    const ticket = (await uploads(server).request(cast.staffToken, bytes, { jobId })).data!.requestImageUpload;
    expect((await uploads(server).put(ticket.url, Buffer.concat([bytes, Buffer.alloc(10)]))).status).toBe(413);
    expect((await uploads(server).put(ticket.url, bytes.subarray(1))).status).toBe(400);
    expect((await uploads(server).put(ticket.url, bytes, { 'content-type': 'text/html' })).status).toBe(400);
  });

  it('answers a storage failure with 503 STORAGE_UNAVAILABLE (not the client’s fault, no security event); the same URL works again after', async () => {
    const bytes = await makeJpeg(300, 200);
    const ticket = (await uploads(server).request(cast.staffToken, bytes, { jobId })).data!.requestImageUpload;
    const events = async () => (await server.services.orm.em.fork().getConnection().execute(`SELECT count(*)::int AS n FROM security_events WHERE details->>'imageId' = ?`, [ticket.image.id]))[0]!.n;
    // A storage server that answers every request as S3 does when it sheds load, for this one PUT.
    const sheddingStorage = await startFakeHttpServer((_request, res) => {
      res.writeHead(503, { 'content-type': 'application/xml' }).end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>');
    });
    const shedding = new UploadRelayThread(new ObjectStorage({ ...server.services.config.storage, endpoint: sheddingStorage.origin, accessKeyId: 'test', secretAccessKey: 'test', forcePathStyle: true }));
    const relay = vi.spyOn(server.services.uploadRelay, 'relay').mockImplementationOnce((key, source, options) => shedding.relay(key, source, options));
    try {
      const refused = await uploads(server).put(ticket.url, bytes);
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'STORAGE_UNAVAILABLE' } }] });
      expect(sheddingStorage.requests.map((request) => request.method)).toContain('PUT');
    } finally {
      relay.mockRestore();
      await shedding.close();
      await sheddingStorage.close();
    }
    expect(await events()).toBe(0);
    expect((await load(ticket.image.id)).status).toBe(ImageStatus.PENDING);
    expect((await uploads(server).put(ticket.url, bytes)).status).toBe(204);
    expect((await uploads(server).complete(cast.staffToken, ticket.image.id)).data!.completeImageUpload.status).toBe('PROCESSING');
  });

  it('cannot overwrite a verified original after completion', async () => {
    const bytes = await makeJpeg(300, 300, { r: 10, g: 200, b: 10 });
    const { ticket, completed } = await uploads(server).upload(cast.staffToken, bytes, { jobId });
    const imageId = completed.data!.completeImageUpload.id;
    const evil = Buffer.alloc(bytes.length, 0xff);
    const overwrite = await uploads(server).put(ticket.url, evil);
    expect(overwrite.status).toBe(409);
    const image = await load(imageId);
    expect(sha256(await server.services.storage.read(image.originalKey!))).toBe(sha256(bytes));
    expect(await exists(image.uploadKey)).toBe(false);
  });

  it('refuses tampered, foreign and expired tokens with 403', async () => {
    const bytes = await makeJpeg(100, 100);
    const ticket = (await uploads(server).request(cast.staffToken, bytes, { jobId })).data!.requestImageUpload;
    const [payload, signature] = ticket.url.split('/uploads/')[1].split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600 })).toString('base64url');
    const tampered = `${server.url}/uploads/${forgedPayload}.${signature}`;
    expect((await uploads(server).put(tampered, bytes)).status).toBe(403);
    const mediaToken = server.services.urlTokens.sign('media', { img: ticket.image.id }, new Date(Date.now() + 60_000));
    expect((await uploads(server).put(`${server.url}/uploads/${mediaToken}`, bytes)).status).toBe(403);
    const expired = server.services.urlTokens.sign('upload', { img: ticket.image.id }, new Date(Date.now() - 1000));
    const response = await uploads(server).put(`${server.url}/uploads/${expired}`, bytes);
    expect(response.status).toBe(403);
    expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'EXPIRED' });
  });
});

describe('who may upload', () => {
  it('customers upload only into their own delivered jobs that allow it', async () => {
    const bytes = await makeJpeg(100, 100);
    const closedJob = await cast.make.job(cast.customer, { allowCustomerUploads: false });
    const openJob = await cast.make.job(cast.customer, { allowCustomerUploads: true });
    const foreignOpenJob = await cast.make.job(cast.otherCustomer, { allowCustomerUploads: true });
    expect(errorCode(await uploads(server).request(cast.customerToken, bytes, { jobId: closedJob.id }))).toBe('FORBIDDEN');
    expect(errorCode(await uploads(server).request(cast.customerToken, bytes, { jobId: foreignOpenJob.id }))).toBe('FORBIDDEN');
    const { completed } = await uploads(server).upload(cast.customerToken, bytes, { jobId: openJob.id });
    expect(completed.data!.completeImageUpload.status).toBe('READY');
  });

  it("nobody else completes a customer's upload; staff may", async () => {
    const openJob = await cast.make.job(cast.customer, { allowCustomerUploads: true });
    const bytes = await makeJpeg(100, 100);
    const ticket = (await uploads(server).request(cast.customerToken, bytes, { jobId: openJob.id })).data!.requestImageUpload;
    await uploads(server).put(ticket.url, bytes);
    expect(errorCode(await uploads(server).complete(cast.otherCustomerToken, ticket.image.id))).toBe('FORBIDDEN');
    expect((await uploads(server).complete(cast.staffToken, ticket.image.id)).data!.completeImageUpload.status).toBe('PROCESSING');
  });
});

describe('abandoned uploads', () => {
  it('are failed and their bytes deleted after the configured time', async () => {
    const bytes = await makeJpeg(100, 100);
    const ticket = (await uploads(server).request(cast.staffToken, bytes, { jobId })).data!.requestImageUpload;
    await uploads(server).put(ticket.url, bytes);
    const image = await load(ticket.image.id);
    expect(await exists(image.uploadKey)).toBe(true);

    const em = server.services.orm.em.fork();
    expect(await server.services.uploads.sweepAbandoned(em, new Date())).toBe(0);
    const later = new Date(Date.now() + 61 * 60_000);
    expect(await server.services.uploads.sweepAbandoned(em, later)).toBeGreaterThanOrEqual(1);
    const swept = await load(ticket.image.id);
    expect(swept).toMatchObject({ status: ImageStatus.FAILED, failureReason: 'ABANDONED' });
    expect(await exists(image.uploadKey)).toBe(false);
    expect(errorCode(await uploads(server).complete(cast.staffToken, ticket.image.id))).toBe('CONFLICT');
  });
});
