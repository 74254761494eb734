import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { archiveBytes, ArchiveSourceError, type RangeOpener } from './archive-body.js';
import { layOutZip, type ZipLayoutEntry } from './zip-layout.js';

const TAKEN = new Date('2026-05-01T08:00:00Z');

function fixture(sizes: number[]) {
  const stored = new Map(sizes.map((size, index) => [`key-${index}`, randomBytes(size)]));
  const entries: ZipLayoutEntry[] = [...stored].map(([source, bytes], index) => ({ name: `${index}.jpg`, byteSize: bytes.length, crc32: zlib.crc32(bytes), modifiedAt: TAKEN, source }));
  return { stored, entries, layout: layOutZip(entries) };
}

/** A storage that serves ranges of `stored` in small chunks and records what it opened and whether it was closed. */
function storage(stored: Map<string, Buffer>) {
  const opened: { source: string; start: number; end: number; body: Readable }[] = [];
  const open: RangeOpener = async (source, start, end) => {
    const bytes = stored.get(source);
    if (!bytes) return null;
    const part = bytes.subarray(start, end + 1);
    const chunks = Array.from({ length: Math.ceil(part.length / 1000) }, (_, index) => part.subarray(index * 1000, (index + 1) * 1000));
    const body = Readable.from(chunks, { objectMode: false });
    opened.push({ source, start, end, body });
    return { body, objectSize: bytes.length };
  };
  return { open, opened };
}

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('archive bytes', () => {
  it('gives exactly the laid-out bytes, opening one object at a time and each only for its part', async () => {
    const { stored, layout } = fixture([5000, 0, 12_345]);
    const { open, opened } = storage(stored);
    const whole = await collect(archiveBytes(layout, 0, layout.byteSize - 1, open));
    expect(whole.length).toBe(layout.byteSize);
    expect(opened.map(({ source, start, end }) => [source, start, end])).toEqual([
      ['key-0', 0, 4999],
      ['key-2', 0, 12_344],
    ]);
    const tail = await collect(archiveBytes(layout, layout.byteSize - 3000, layout.byteSize - 1, open));
    expect(tail.equals(whole.subarray(layout.byteSize - 3000))).toBe(true);
  });

  it('fails, naming the object, when one is missing', async () => {
    const { stored, layout } = fixture([100, 200]);
    stored.delete('key-1');
    await expect(collect(archiveBytes(layout, 0, layout.byteSize - 1, storage(stored).open))).rejects.toMatchObject({ reason: 'SOURCE_MISSING', message: expect.stringContaining('key-1') });
  });

  it('fails when an object is larger or smaller than its entry states, before any of its bytes are sent', async () => {
    for (const stated of [1999, 2001]) {
      const { stored, layout: _layout, entries } = fixture([2000]);
      const layout = layOutZip([{ ...entries[0]!, byteSize: stated }]);
      const { open, opened } = storage(stored);
      const received: Buffer[] = [];
      const failure = await (async () => {
        for await (const chunk of archiveBytes(layout, 0, layout.byteSize - 1, open)) received.push(chunk);
      })().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ArchiveSourceError);
      expect((failure as ArchiveSourceError).reason).toBe('SOURCE_FAILED');
      // Only the local header: nothing of the object, and never the central directory.
      expect(Buffer.concat(received).length).toBe(layout.segments[0]!.kind === 'bytes' ? layout.segments[0]!.bytes.length : -1);
      expect(opened[0]!.body.destroyed).toBe(true);
    }
  });

  it('fails when an object gives fewer bytes than its size promised (a read cut short)', async () => {
    const { stored, layout } = fixture([3000]);
    const short: RangeOpener = async (_source, start, end) => ({ body: Readable.from([stored.get('key-0')!.subarray(start, end)]), objectSize: 3000 });
    await expect(collect(archiveBytes(layout, 0, layout.byteSize - 1, short))).rejects.toMatchObject({ reason: 'SOURCE_FAILED' });
  });

  it('closes the open object when the reader stops early (a client that walked away)', async () => {
    const { stored, layout } = fixture([50_000]);
    const { open, opened } = storage(stored);
    for await (const _chunk of archiveBytes(layout, 0, layout.byteSize - 1, open)) {
      if (opened.length > 0) break;
    }
    expect(opened[0]!.body.destroyed).toBe(true);
  });

  it('wraps a storage failure with its cause', async () => {
    const { layout } = fixture([10]);
    const failing: RangeOpener = () => Promise.reject(new Error('SlowDown'));
    await expect(collect(archiveBytes(layout, 0, layout.byteSize - 1, failing))).rejects.toMatchObject({ reason: 'SOURCE_FAILED', cause: expect.objectContaining({ message: 'SlowDown' }) });
  });
});
