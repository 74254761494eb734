import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ObjectStorage, type StorageSettings } from '../src/storage/object-storage.js';
import { UploadRelayThread } from '../src/modules/images/upload-relay/relay-thread.js';

/**
 * The upload relay thread (issue 12): proxied PUTs are hashed and written to storage off the API's
 * event loop. What it stores must be exactly what it hashed, a client that leaves half-way stores
 * nothing, a stalled storage server must not make the API buffer the upload, and a thread that dies
 * fails only the bodies it held.
 */
const s3 = inject('s3');
const settings: StorageSettings = { endpoint: s3.endpoint, region: 'us-east-1', bucket: `pixgate-relay-${process.pid}`, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true };
const storage = new ObjectStorage(settings);
const relay = new UploadRelayThread(storage);
const options = (body: Buffer) => ({ contentType: 'image/jpeg', byteSize: body.length });

/** The body as a request delivers it: 64 KB chunks, each on its own turn of the event loop. */
function requestLike(body: Buffer, chunkSize = 64 * 1024): Readable {
  let offset = 0;
  return new Readable({
    read() {
      setImmediate(() => {
        if (offset >= body.length) return void this.push(null);
        this.push(body.subarray(offset, offset + chunkSize));
        offset += chunkSize;
      });
    },
  });
}

beforeAll(() => storage.ensureBucket());
afterAll(async () => {
  await relay.close();
  storage.destroy();
});

describe('the upload relay thread', () => {
  it('stores the body and reports the SHA-256, CRC-32 and size of exactly what it stored', async () => {
    const body = randomBytes(11 * 1024 * 1024 + 17);
    const stored = await relay.relay('relay/whole', requestLike(body), options(body)).stored;
    expect(stored).toMatchObject({ sha256: createHash('sha256').update(body).digest('hex'), crc32: zlib.crc32(body), byteSize: body.length });
    expect(stored.etag).toBe((await storage.head('relay/whole'))!.etag);
    expect((await storage.read('relay/whole')).equals(body)).toBe(true);
  });

  it('relays several bodies at once without mixing them up', async () => {
    const bodies = [1, 2, 3, 4].map((n) => randomBytes(n * 300_000));
    const stored = await Promise.all(bodies.map((body, n) => relay.relay(`relay/parallel-${n}`, requestLike(body, 16 * 1024), options(body)).stored));
    for (const [n, body] of bodies.entries()) {
      expect(stored[n]!.sha256).toBe(createHash('sha256').update(body).digest('hex'));
      expect((await storage.read(`relay/parallel-${n}`)).equals(body)).toBe(true);
    }
  });

  it('does not store the body of a client that goes away half-way, and says it was the client', async () => {
    const body = randomBytes(2 * 1024 * 1024);
    const source = requestLike(body);
    let sent = 0;
    source.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      if (sent >= body.length / 2) source.destroy();
    });
    const relayed = relay.relay('relay/abandoned', source, options(body));
    await expect(relayed.stored).rejects.toThrow();
    expect(relayed.clientWentAway()).toBe(true);
    // S3 stores nothing of an aborted PUT; s3rver may keep what it got, never the whole body.
    expect((await storage.head('relay/abandoned'))?.byteSize ?? 0).toBeLessThan(body.length);
  });

  it('pauses the request while storage does not read, instead of holding the whole upload in memory', async () => {
    // A storage server that accepts the connection and never reads a byte of it.
    const sockets = new Set<Socket>();
    const stalled: Server = createServer((socket) => {
      sockets.add(socket);
      socket.pause();
    });
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const port = (stalled.address() as { port: number }).port;
    const stalledStorage = new ObjectStorage({ ...settings, endpoint: `http://127.0.0.1:${port}` });
    const stalledRelay = new UploadRelayThread(stalledStorage);
    const body = Buffer.alloc(200 * 1024 * 1024, 1);
    let pulled = 0;
    const source = requestLike(body);
    source.on('data', (chunk: Buffer) => (pulled += chunk.length));
    const relayed = stalledRelay.relay('relay/stalled', source, options(body));
    relayed.stored.catch(() => undefined);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(source.isPaused()).toBe(true);
      // What is in flight (4 MB) plus what the loopback's socket buffers took; far from the 200 MB.
      expect(pulled).toBeLessThan(32 * 1024 * 1024);
    } finally {
      await stalledRelay.close();
      stalledStorage.destroy();
      for (const socket of sockets) socket.destroy();
      stalled.close();
    }
    await expect(relayed.stored).rejects.toThrow(/shut down/);
  });

  it('fails the bodies of a thread that dies, and the next upload gets a new thread', async () => {
    // A body that is on its way but cannot be complete before the thread dies: half of it is sent.
    const source = new PassThrough();
    const relayed = relay.relay('relay/orphaned', source, { contentType: 'image/jpeg', byteSize: 4 * 1024 * 1024 });
    source.write(randomBytes(2 * 1024 * 1024));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const thread = (relay as unknown as { worker: { terminate(): Promise<number> } }).worker;
    await thread.terminate();
    await expect(relayed.stored).rejects.toThrow(/ended/);
    expect(relayed.clientWentAway()).toBe(false);
    relayed.detach();
    source.end();

    const next = randomBytes(100_000);
    expect((await relay.relay('relay/after', requestLike(next), options(next)).stored).byteSize).toBe(next.length);
  });
});
