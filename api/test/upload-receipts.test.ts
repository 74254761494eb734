import { request } from 'node:http';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ImageStatus } from '../src/shared/domain/image-enums.js';
import { Image } from '../src/modules/images/image.entity.js';
import { standardCast } from './support/factories.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, sha256, uploads } from './support/uploads.js';

/**
 * Issue 12's ingest path: the API's upload URL hashes what it relays and keeps a receipt, so
 * completion verifies without reading the file back — but only while storage still holds exactly
 * the bytes of that write. Everything else falls back to reading, and the rules of verification
 * (size, SHA-256, sniffed type) hold either way.
 */
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
let jobId: string;
const load = (id: string) => server.services.orm.em.fork().findOneOrFail(Image, { id });
const exists = async (key: string) => (await server.services.storage.head(key)) !== null;

/** Noise compresses badly: a photo-like JPEG of several hundred KB beyond the header completion reads. */
async function noisyImage(format: 'jpeg' | 'webp', width = 1400, height = 1000): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } })[format]({ quality: 92 }).toBuffer();
}

/** The reads completion made of the upload key: ranged (header) or whole. */
function watchReads(uploadKey: string) {
  const openStream = vi.spyOn(server.services.storage, 'openStream');
  return () => openStream.mock.calls.filter(([key]) => key === uploadKey).map(([, range]) => (range ? 'range' : 'whole'));
}

async function requestAndPut(bytes: Buffer, contentType = 'image/jpeg') {
  const ticket = (await uploads(server).request(cast.staffToken, bytes, { jobId, contentType })).data!.requestImageUpload;
  expect((await uploads(server).put(ticket.url, bytes, { 'content-type': contentType })).status).toBe(204);
  return { ticket, image: await load(ticket.image.id) };
}

beforeAll(async () => {
  server = await startTestServer({ MAX_UPLOAD_BYTES: String(8 * 1024 * 1024) });
  cast = await standardCast(server);
  jobId = (await cast.make.job(cast.customer)).id;
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => server?.close());

describe('completion from the receipt of a relayed PUT', () => {
  it('reads only the header, has storage copy the object, and the original is the uploaded bytes', async () => {
    const bytes = await noisyImage('jpeg');
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const { ticket, image } = await requestAndPut(bytes);
    expect(image.uploadReceipt).toMatchObject({ sha256: sha256(bytes), byteSize: bytes.length });
    const reads = watchReads(image.uploadKey);
    const copy = vi.spyOn(server.services.storage, 'copy');
    const head = vi.spyOn(server.services.storage, 'head');

    const completed = await uploads(server).complete(cast.staffToken, ticket.image.id);
    expect(completed.data!.completeImageUpload).toMatchObject({ status: 'PROCESSING', width: 1400, height: 1000, contentType: 'image/jpeg' });
    // One ranged GET for size, ETag and header: no HEAD before it.
    expect(reads()).toEqual(['range']);
    expect(head).not.toHaveBeenCalled();
    expect(copy).toHaveBeenCalledTimes(1);

    const settled = await uploads(server).settled(cast.staffToken, ticket.image.id);
    expect(settled.data!.imagesByIds[0].status).toBe('READY');
    const stored = await load(ticket.image.id);
    expect(await server.services.storage.read(stored.originalKey!)).toEqual(bytes);
    expect(stored.crc32).toBe(image.uploadReceipt!.crc32);
    expect(stored.uploadReceipt).toBeNull();
    expect(await exists(stored.uploadKey)).toBe(false);
    // The first render of a file starts the render process, which takes a while on a busy machine.
  }, 90_000);

  it('a receipt whose hash is not the declared one fails the upload as CHECKSUM_MISMATCH', async () => {
    const bytes = await makeJpeg(300, 200);
    const declared = Buffer.concat([bytes.subarray(0, -1), Buffer.from([bytes.at(-1)! ^ 1])]);
    const ticket = (await uploads(server).request(cast.staffToken, declared, { jobId })).data!.requestImageUpload;
    expect((await uploads(server).put(ticket.url, bytes)).status).toBe(204);
    const completed = await uploads(server).complete(cast.staffToken, ticket.image.id);
    expect(completed.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHECKSUM_MISMATCH' });
    expect(await load(ticket.image.id)).toMatchObject({ status: ImageStatus.FAILED, originalKey: null });
  });
});

describe('what the receipt cannot vouch for is read back', () => {
  it('bytes written to the upload key after the relayed PUT (another ETag) are read and refused', async () => {
    const bytes = await noisyImage('jpeg', 900, 600);
    const { ticket, image } = await requestAndPut(bytes);
    // Same size, other bytes: as if storage had been written behind the API's back.
    const foreign = Buffer.from(bytes);
    const flipped = foreign.length - 100;
    foreign[flipped] = foreign[flipped]! ^ 0xff;
    await server.services.storage.put(image.uploadKey, foreign, { contentType: 'image/jpeg' });
    const reads = watchReads(image.uploadKey);

    const completed = await uploads(server).complete(cast.staffToken, ticket.image.id);
    expect(completed.errors![0]!.extensions).toMatchObject({ reason: 'CHECKSUM_MISMATCH' });
    // The header's ranged GET shows another ETag, so the whole object is read and judged.
    expect(reads()).toEqual(['range', 'whole']);
    expect(await exists(`customers/${cast.customer.id}/jobs/${jobId}/originals/${image.id}`)).toBe(false);
  });

  it('an upload key emptied after the relayed PUT (no first byte to range over) fails as SIZE_MISMATCH', async () => {
    const bytes = await noisyImage('jpeg', 300, 200);
    const { ticket, image } = await requestAndPut(bytes);
    await server.services.storage.put(image.uploadKey, Buffer.alloc(0), { contentType: 'image/jpeg' });

    const completed = await uploads(server).complete(cast.staffToken, ticket.image.id);
    expect(completed.errors![0]!.extensions).toMatchObject({ reason: 'SIZE_MISMATCH' });
    expect((await load(ticket.image.id)).status).toBe('FAILED');
  });

  it('a copy that comes out with another ETag is deleted, and the verified bytes are stored instead', async () => {
    const bytes = await noisyImage('jpeg', 900, 600);
    const { ticket } = await requestAndPut(bytes);
    const storage = server.services.storage;
    vi.spyOn(storage, 'copy').mockImplementationOnce(async (_from, to) => {
      await storage.put(to, Buffer.from('not the upload'), { contentType: 'image/jpeg' });
      return { etag: '"0123456789abcdef0123456789abcdef"' };
    });
    await uploads(server).complete(cast.staffToken, ticket.image.id);
    const stored = await load(ticket.image.id);
    expect(stored.status).not.toBe(ImageStatus.FAILED);
    expect(await storage.read(stored.originalKey!)).toEqual(bytes);
  });

  it('a WebP whose header alone cannot be judged is read whole and becomes READY', async () => {
    const bytes = await noisyImage('webp');
    expect(bytes.length).toBeGreaterThan(512 * 1024);
    const { ticket, image } = await requestAndPut(bytes, 'image/webp');
    const reads = watchReads(image.uploadKey);
    const completed = await uploads(server).complete(cast.staffToken, ticket.image.id);
    expect(completed.data!.completeImageUpload).toMatchObject({ status: 'PROCESSING', contentType: 'image/webp' });
    expect(reads()).toEqual(['range', 'whole']);
    expect((await uploads(server).settled(cast.staffToken, ticket.image.id)).data!.imagesByIds[0].status).toBe('READY');
  });

  it('a JPEG declared as PNG is refused from its header', async () => {
    const bytes = await noisyImage('jpeg', 900, 600);
    const { ticket } = await requestAndPut(bytes, 'image/png');
    const completed = await uploads(server).complete(cast.staffToken, ticket.image.id);
    expect(completed.errors![0]!.extensions).toMatchObject({ reason: 'TYPE_MISMATCH', sniffed: 'image/jpeg' });
  });
});

describe('a PUT still streaming when its upload closes', () => {
  it('leaves no object behind and is answered 409 UPLOAD_CLOSED', async () => {
    const bytes = await noisyImage('jpeg', 900, 600);
    const ticket = (await uploads(server).request(cast.staffToken, bytes, { jobId })).data!.requestImageUpload;
    const image = await load(ticket.image.id);
    const url = new URL(ticket.url);
    const put = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'PUT', headers: { 'content-type': 'image/jpeg', 'content-length': bytes.length } });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      put.on('error', reject);
      put.on('response', (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      });
    });
    put.write(bytes.subarray(0, bytes.length >> 1));
    // Storage is being written: the relay has begun.
    await vi.waitFor(async () => expect(await exists(image.uploadKey)).toBe(true), { timeout: 20_000, interval: 100 });
    // The upload is swept as abandoned while the second half is still to come.
    const swept = await server.services.uploads.sweepAbandoned(server.services.orm.em.fork(), new Date(Date.now() + 61 * 60_000));
    expect(swept).toBeGreaterThanOrEqual(1);
    put.end(bytes.subarray(bytes.length >> 1));

    const { status, body } = await answered;
    expect(status).toBe(409);
    expect(JSON.parse(body).errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'UPLOAD_CLOSED' });
    expect(await exists(image.uploadKey)).toBe(false);
    expect(await load(ticket.image.id)).toMatchObject({ status: ImageStatus.FAILED, uploadReceipt: null });
  });
});
