import { execFile, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { readZip } from '../../../test/support/zip.js';
import { ObjectStorage } from '../../storage/object-storage.js';
import { streamZip, ZipStreamError, type StreamZipOptions, type ZipEntry } from './zip-stream.js';

type Open = StreamZipOptions['openStream'];

const s3 = inject('s3');
const storage = new ObjectStorage({ ...s3, region: 'us-east-1', bucket: `pixgate-zip-${randomBytes(6).toString('hex')}`, forcePathStyle: true });
const stored = new Map<string, Buffer>();

const noise = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });

async function put(key: string, bytes: Buffer, contentType: string): Promise<ZipEntry> {
  await storage.put(key, bytes, { contentType, byteSize: bytes.length });
  stored.set(key, bytes);
  return { imageId: `id-${key}`, key, name: key, contentType, byteSize: bytes.length };
}

let jpeg: ZipEntry, png: ZipEntry, webp: ZipEntry, tiff: ZipEntry, blob: ZipEntry, large: ZipEntry, empty: ZipEntry, highBit: ZipEntry;

beforeAll(async () => {
  await storage.ensureBucket();
  [jpeg, png, webp, tiff, blob, large, empty, highBit] = await Promise.all([
    put('photo.jpg', await noise(320, 240).jpeg().toBuffer(), 'image/jpeg'),
    put('graphic.png', await noise(64, 64).png().toBuffer(), 'image/png'),
    put('web.webp', await noise(64, 64).webp().toBuffer(), 'image/webp'),
    put('scan.tif', await noise(200, 100).tiff({ compression: 'none' }).toBuffer(), 'image/tiff'),
    put('random.bin', randomBytes(70_000), 'application/octet-stream'),
    put('large.jpg', randomBytes(20 * 1024 * 1024), 'image/jpeg'),
    put('empty.jpg', Buffer.alloc(0), 'image/jpeg'),
    // Fixed bytes whose CRC-32 is 0xe8b7be43: the top bit is set whatever the random fixtures hash to.
    put('high-bit.txt', Buffer.from('a'), 'text/plain'),
  ]);
});

afterAll(() => storage.destroy());

/** Wraps openStream to record which objects were asked for and how many were open at once. */
function tracked(open: Open = (key) => storage.openStream(key)) {
  const state = { open: 0, maxOpen: 0, requested: [] as string[], bodies: [] as Readable[] };
  const openStream: Open = async (key) => {
    state.requested.push(key);
    state.maxOpen = Math.max(state.maxOpen, ++state.open);
    const opened = await open(key).catch((error: unknown) => {
      state.open--;
      throw error;
    });
    if (!opened) state.open--;
    else {
      state.bodies.push(opened.body);
      opened.body.once('close', () => state.open--);
    }
    return opened;
  };
  return { state, openStream };
}

/** One real HTTP server whose single response is the archive; `outcome` is what streamZip returned. */
async function serve(options: Omit<StreamZipOptions, 'output'>, { startAfterClientLeft = false } = {}) {
  let hand!: (result: Promise<{ bytesWritten: number }>) => void;
  const outcome = new Promise<{ bytesWritten: number }>((resolve, reject) => {
    hand = (result) => void result.then(resolve, reject);
  });
  outcome.catch(() => {}); // each test awaits it; this only keeps an early rejection from counting as unhandled
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.setHeader('content-type', 'application/zip');
    // As in the route, where the client may leave while the archive plan is being loaded.
    if (startAfterClientLeft) res.once('close', () => hand(streamZip({ ...options, output: res })));
    else hand(streamZip({ ...options, output: res }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    outcome: () => outcome,
    requests: () => requests,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function download(url: string): Promise<Buffer> {
  const response = await fetch(url);
  return Buffer.from(await response.arrayBuffer());
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Each entry's CRC-32 as the archive states it twice: in its central directory record and in the
 * data descriptor after its data (streamed entries carry 0 in the local header). No ZIP64, as readZip.
 */
function statedCrcs(zip: Buffer): { name: string; central: number; descriptor: number }[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = zip.readUInt32LE(eocd + 16);
  return Array.from({ length: zip.readUInt16LE(eocd + 10) }, () => {
    const nameLength = zip.readUInt16LE(offset + 28);
    const localOffset = zip.readUInt32LE(offset + 42);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const descriptor = dataStart + zip.readUInt32LE(offset + 20);
    expect(zip.readUInt32LE(descriptor), 'data descriptor signature').toBe(0x08074b50);
    const stated = { name: zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'), central: zip.readUInt32LE(offset + 16), descriptor: zip.readUInt32LE(descriptor + 4) };
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    return stated;
  });
}

const hasUnzip = !spawnSync('unzip', ['-v']).error;

/** The ZipStreamError that streamZip rejected with (fails the test if it resolved or threw something else). */
async function failure(outcome: Promise<unknown>): Promise<ZipStreamError> {
  const error = await outcome.then(
    () => expect.fail('streamZip resolved'),
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(ZipStreamError);
  return error as ZipStreamError;
}

/** A source that yields `bytes`, then either ends (fewer bytes than announced) or fails. */
function brokenSource(bytes: number, ending: 'error' | 'end'): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(randomBytes(bytes));
      } else if (ending === 'end') this.push(null);
      else setImmediate(() => this.destroy(new Error('connection reset by storage')));
    },
  });
}

describe('streamZip', () => {
  it('streams exactly the entries, byte for byte, storing compressed images and deflating the rest', async () => {
    const entries = [jpeg, png, webp, tiff, blob].map((entry, index) => ({ ...entry, name: `${index + 1} ${entry.name}` }));
    const server = await serve({ entries, openStream: (key) => storage.openStream(key) });
    try {
      const zip = await download(server.url);
      const { bytesWritten } = await server.outcome();
      expect(bytesWritten).toBe(zip.length);

      const read = readZip(zip);
      expect(read.map((entry) => entry.name)).toEqual(entries.map((entry) => entry.name));
      for (const [index, entry] of entries.entries()) {
        expect(sha256(read[index]!.data), entry.name).toBe(sha256(stored.get(entry.key)!));
      }
      expect(read.map((entry) => entry.method)).toEqual([0, 0, 0, 8, 8]);
    } finally {
      await server.close();
    }
  });

  it("states each entry's CRC-32 as zlib.crc32 of the original and computes it natively (patches/crc32-stream+7.0.1.patch)", async () => {
    const entries = [jpeg, empty, tiff, blob, large, highBit];
    const expected = entries.map((entry) => zlib.crc32(stored.get(entry.key)!));
    // The patched crc32-stream looks zlib.crc32 up on each chunk: every archived byte must pass through it.
    const crc32 = vi.spyOn(zlib, 'crc32');
    const server = await serve({ entries, openStream: (key) => storage.openStream(key) });
    try {
      const zip = await download(server.url);
      await server.outcome();
      const hashed = crc32.mock.calls.reduce((sum, [data]) => sum + Buffer.byteLength(data as Buffer), 0);
      expect(hashed).toBe(entries.reduce((sum, entry) => sum + entry.byteSize, 0));

      const stated = statedCrcs(zip);
      expect(stated.map((entry) => entry.name)).toEqual(entries.map((entry) => entry.name));
      expect(stated.map((entry) => entry.central)).toEqual(expected);
      expect(stated.map((entry) => entry.descriptor)).toEqual(expected);
      expect(expected).toContain(0); // the empty entry: no chunk ever reached the CRC stream
      expect(expected.at(-1), 'a CRC with the top bit set (signed vs unsigned)').toBe(0xe8b7be43);
      expect(readZip(zip).map((entry) => sha256(entry.data))).toEqual(entries.map((entry) => sha256(stored.get(entry.key)!)));
    } finally {
      crc32.mockRestore();
      await server.close();
    }
  });

  it.skipIf(!hasUnzip)('produces archives that Info-ZIP unzip tests as intact, CRCs included', async () => {
    const entries = [jpeg, png, empty, tiff, blob, large];
    const server = await serve({ entries, openStream: (key) => storage.openStream(key) });
    const dir = await mkdtemp(path.join(tmpdir(), 'pixgate-zip-'));
    try {
      const file = path.join(dir, 'archive.zip');
      await writeFile(file, await download(server.url));
      await server.outcome();
      const { stdout } = await promisify(execFile)('unzip', ['-t', file]);
      for (const entry of entries) expect(stdout).toMatch(new RegExp(`testing: ${entry.name.replace('.', '\\.')}\\s+OK`));
      expect(stdout).toContain('No errors detected');
    } finally {
      await rm(dir, { recursive: true, force: true });
      await server.close();
    }
  });

  it('has at most one object open at any time, and none afterwards', async () => {
    const { state, openStream } = tracked();
    const entries = [jpeg, png, webp, tiff, blob, { ...jpeg, name: 'again.jpg' }];
    const server = await serve({ entries, openStream });
    try {
      expect(readZip(await download(server.url))).toHaveLength(6);
      await server.outcome();
      expect(state.requested).toEqual(entries.map((entry) => entry.key));
      expect(state.maxOpen).toBe(1);
      await vi.waitFor(() => expect(state.open).toBe(0), { timeout: 10_000 });
    } finally {
      await server.close();
    }
  });

  it('breaks the connection and names the image when an object is missing', async () => {
    const { state, openStream } = tracked();
    const missing: ZipEntry = { imageId: 'id-gone', key: 'gone.jpg', name: 'gone.jpg', contentType: 'image/jpeg', byteSize: 1000 };
    const server = await serve({ entries: [tiff, missing, png], openStream });
    try {
      await expect(download(server.url)).rejects.toThrow();
      const error = await failure(server.outcome());
      expect(error).toMatchObject({ reason: 'SOURCE_MISSING', imageId: 'id-gone' });
      expect(state.requested).toEqual([tiff.key, missing.key]);
      await vi.waitFor(() => expect(state.open).toBe(0), { timeout: 10_000 });
    } finally {
      await server.close();
    }
  });

  it.each([
    ['errors half-way', () => brokenSource(10_000, 'error')],
    ['ends early', () => brokenSource(10_000, 'end')],
  ])('breaks the connection when a source %s', async (_case, source) => {
    const broken: ZipEntry = { imageId: 'id-broken', key: 'broken.jpg', name: 'broken.jpg', contentType: 'image/jpeg', byteSize: 50_000 };
    const { state, openStream } = tracked((key) => (key === broken.key ? Promise.resolve({ body: source(), byteSize: broken.byteSize }) : storage.openStream(key)));
    const server = await serve({ entries: [jpeg, broken, png], openStream });
    try {
      await expect(download(server.url)).rejects.toThrow();
      const error = await failure(server.outcome());
      expect(error).toMatchObject({ reason: 'SOURCE_FAILED', imageId: 'id-broken' });
      expect(state.requested).toEqual([jpeg.key, broken.key]);
      await vi.waitFor(() => expect(state.open).toBe(0), { timeout: 10_000 });
    } finally {
      await server.close();
    }
  });

  it.each([
    ['shorter', +100, 'in the middle'],
    ['longer', -100, 'in the middle'],
    ['shorter', +100, 'last'],
    ['longer', -100, 'last'],
  ])('breaks the connection when a stored object is %s than its recorded size (%s)', async (_case, delta, position) => {
    const { state, openStream } = tracked();
    const changed = { ...tiff, byteSize: tiff.byteSize + delta };
    const server = await serve({ entries: position === 'last' ? [jpeg, png, changed] : [jpeg, changed, png], openStream });
    try {
      await expect(download(server.url)).rejects.toThrow();
      const error = await failure(server.outcome());
      expect(error).toMatchObject({ reason: 'SOURCE_FAILED', imageId: tiff.imageId });
      expect(error.message).toContain(`expected ${changed.byteSize}`);
      await vi.waitFor(() => expect(state.open).toBe(0), { timeout: 10_000 });
    } finally {
      await server.close();
    }
  });

  it('stops reading an object as soon as it exceeds its recorded size', async () => {
    const { state, openStream } = tracked();
    const recorded = 1024 * 1024;
    const server = await serve({ entries: [{ ...large, byteSize: recorded }, jpeg], openStream });
    try {
      await expect(download(server.url)).rejects.toThrow();
      const error = await failure(server.outcome());
      expect(error).toMatchObject({ reason: 'SOURCE_FAILED', imageId: large.imageId });
      const received = Number(/has (\d+) bytes/.exec(error.message)?.[1]);
      expect(received).toBeGreaterThan(recorded);
      expect(received).toBeLessThan(large.byteSize);
      expect(state.requested).toEqual([large.key]);
      expect(state.bodies[0]!.readableEnded).toBe(false);
      await vi.waitFor(() => expect(state.open).toBe(0), { timeout: 10_000 });
    } finally {
      await server.close();
    }
  });

  it('stops reading and closes the object when the client goes away', async () => {
    const { state, openStream } = tracked();
    const server = await serve({ entries: [large, jpeg], openStream });
    try {
      const client = new AbortController();
      const response = await fetch(server.url, { signal: client.signal });
      const reader = response.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      client.abort();
      await reader.closed.catch(() => {});

      const error = await failure(server.outcome());
      expect(error.reason).toBe('CLIENT_GONE');
      expect(state.requested).toEqual([large.key]);
      const [body] = state.bodies;
      expect(body!.destroyed).toBe(true);
      expect(body!.readableEnded).toBe(false); // cut off, not read to the end and thrown away
      await vi.waitFor(() => expect(state.open).toBe(0), { timeout: 10_000 });
    } finally {
      await server.close();
    }
  });

  it('gives up without opening anything when the client left before streaming began', async () => {
    const { state, openStream } = tracked();
    const server = await serve({ entries: [jpeg, png], openStream }, { startAfterClientLeft: true });
    try {
      const client = new AbortController();
      const response = fetch(server.url, { signal: client.signal });
      await vi.waitFor(() => expect(server.requests()).toBe(1), { timeout: 10_000 });
      client.abort();
      await expect(response).rejects.toThrow();
      expect(await failure(server.outcome())).toMatchObject({ reason: 'CLIENT_GONE' });
      expect(state.requested).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
