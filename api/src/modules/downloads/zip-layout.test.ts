import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../../test/support/zip.js';
import { dosDateTime, layOutZip, slicesFor, type ZipLayout, type ZipLayoutEntry } from './zip-layout.js';

const hasUnzip = !spawnSync('unzip', ['-v']).error;
const GIB = 1024 ** 3;
const TAKEN = new Date('2026-06-14T10:21:36Z');

function realEntries(): { entries: ZipLayoutEntry[]; bytes: Map<string, Buffer> } {
  const bytes = new Map<string, Buffer>([
    ['a', randomBytes(5000)],
    ['b', Buffer.alloc(0)],
    ['c', randomBytes(70_001)],
  ]);
  const names: Record<string, string> = { a: 'Wohnzimmer.jpg', b: 'leer.png', c: 'Küche – Süd.jpg' };
  const entries = [...bytes].map(([source, data]) => ({ name: names[source]!, byteSize: data.length, crc32: zlib.crc32(data), modifiedAt: TAKEN, source }));
  return { entries, bytes };
}

/** The archive's bytes, as the route sends them: header bytes and each source's bytes in turn. */
function assemble(layout: ZipLayout, bytes: Map<string, Buffer>): Buffer {
  return Buffer.concat(layout.segments.map((segment) => (segment.kind === 'bytes' ? segment.bytes : bytes.get(segment.source)!)));
}

function rangeOf(layout: ZipLayout, bytes: Map<string, Buffer>, start: number, end: number): Buffer {
  return Buffer.concat(
    slicesFor(layout, start, end).map(({ segment, start: from, end: to }) => (segment.kind === 'bytes' ? segment.bytes : bytes.get(segment.source)!).subarray(from, to + 1)),
  );
}

async function unzipTest(zip: Buffer): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'pixgate-zip-layout-'));
  try {
    await writeFile(path.join(folder, 'archive.zip'), zip);
    const { stdout } = await promisify(execFile)('unzip', ['-t', path.join(folder, 'archive.zip')]);
    return stdout;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('the ZIP layout', () => {
  it('states the exact size before any byte is read, and the assembled bytes are a ZIP of the entries', () => {
    const { entries, bytes } = realEntries();
    const layout = layOutZip(entries);
    const zip = assemble(layout, bytes);
    expect(zip.length).toBe(layout.byteSize);
    expect(layout.zip64).toBe(false);
    expect(readZip(zip).map((entry) => [entry.name, entry.method, entry.data.equals(bytes.get(entries.find((each) => each.name === entry.name)!.source)!)])).toEqual([
      ['Wohnzimmer.jpg', 0, true],
      ['leer.png', 0, true],
      ['Küche – Süd.jpg', 0, true],
    ]);
  });

  it.skipIf(!hasUnzip)('passes Info-ZIP’s unzip -t, plain and forced into ZIP64', async () => {
    const { entries, bytes } = realEntries();
    for (const forceZip64 of [false, true]) {
      const layout = layOutZip(entries, { forceZip64 });
      expect(layout.zip64).toBe(forceZip64);
      const report = await unzipTest(assemble(layout, bytes));
      expect(report).toMatch(/No errors detected/);
      expect(report.match(/OK$/gm)).toHaveLength(3);
    }
  });

  it('is deterministic: the same entries give the same bytes and ETag; any change of name, size, CRC or time changes the ETag', () => {
    const { entries, bytes } = realEntries();
    const first = layOutZip(entries);
    const again = layOutZip(structuredClone(entries));
    expect(assemble(again, bytes).equals(assemble(first, bytes))).toBe(true);
    expect(again.etag).toBe(first.etag);
    expect(first.etag).toMatch(/^"[\w-]{43}"$/);
    const variants = [{ name: 'other.jpg' }, { byteSize: entries[0]!.byteSize + 1 }, { crc32: entries[0]!.crc32 ^ 1 }, { modifiedAt: new Date(TAKEN.getTime() + 2000) }];
    for (const change of variants) expect(layOutZip([{ ...entries[0]!, ...change }, ...entries.slice(1)]).etag).not.toBe(first.etag);
  });

  it('serves any byte range from the parts it covers only, equal to the same bytes of the whole', () => {
    const { entries, bytes } = realEntries();
    const layout = layOutZip(entries);
    const zip = assemble(layout, bytes);
    const last = layout.byteSize - 1;
    const ranges: [number, number][] = [[0, 0], [0, last], [29, 31], [5040, 5200], [last - 21, last], [Math.floor(last * 0.9), last]];
    for (let index = 0; index < 200; index++) {
      const start = Math.floor(Math.random() * layout.byteSize);
      ranges.push([start, start + Math.floor(Math.random() * (layout.byteSize - start))]);
    }
    for (const [start, end] of ranges) expect(rangeOf(layout, bytes, start, end).equals(zip.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
    // The last 10 % reads only the last entry's tail, and no other source.
    const tail = slicesFor(layout, Math.floor(last * 0.9), last).filter((slice) => slice.segment.kind === 'source');
    expect(tail.map((slice) => (slice.segment.kind === 'source' ? slice.segment.source : ''))).toEqual(['c']);
  });

  it('lays out archives past 4 GiB with ZIP64 records exactly where sizes and offsets need them', () => {
    const entries: ZipLayoutEntry[] = [
      { name: 'small.jpg', byteSize: 10, crc32: 1, modifiedAt: TAKEN, source: 's' },
      { name: 'huge.tif', byteSize: 5 * GIB, crc32: 2, modifiedAt: TAKEN, source: 'h' },
      { name: 'after.jpg', byteSize: 20, crc32: 3, modifiedAt: TAKEN, source: 'a' },
    ];
    const layout = layOutZip(entries);
    expect(layout.zip64).toBe(true);
    const headers = layout.segments.filter((segment) => segment.kind === 'bytes').map((segment) => (segment.kind === 'bytes' ? segment.bytes : Buffer.alloc(0)));
    const [small, huge, after, tail] = headers as [Buffer, Buffer, Buffer, Buffer];
    // Local headers: only the huge entry has the ZIP64 extra (both sizes), with 0xFFFFFFFF in the fixed fields.
    expect([small.length, huge.length, after.length]).toEqual([30 + 9, 30 + 8 + 20, 30 + 9]);
    expect(huge.readUInt32LE(18)).toBe(0xffffffff);
    expect(Number(huge.readBigUInt64LE(30 + 8 + 4))).toBe(5 * GIB);
    const afterOffset = small.length + 10 + huge.length + 5 * GIB;
    expect(layout.byteSize).toBe(afterOffset + after.length + 20 + tail.length);

    // Central directory: the huge entry states its sizes in ZIP64, the entry after it its offset.
    const records = parseCentral(tail);
    expect(records.map((record) => [record.name, record.size, record.offset])).toEqual([
      ['small.jpg', 10, 0],
      ['huge.tif', 5 * GIB, small.length + 10],
      ['after.jpg', 20, afterOffset],
    ]);
    expect(records.map((record) => record.extraLength)).toEqual([0, 20, 12]);
    // The end: a ZIP64 end record and locator, then the classic record pointing to them.
    const directoryOffset = afterOffset + after.length + 20;
    const zip64End = tail.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]));
    expect(Number(tail.readBigUInt64LE(zip64End + 48))).toBe(directoryOffset);
    expect(tail.readUInt32LE(tail.length - 22 + 16)).toBe(0xffffffff);
  });

  it('counts more than 65,535 entries in ZIP64 end records', () => {
    const entries = Array.from({ length: 65_536 }, (_, index): ZipLayoutEntry => ({ name: `${index}.jpg`, byteSize: 1, crc32: 0, modifiedAt: TAKEN, source: String(index) }));
    const layout = layOutZip(entries);
    expect(layout.zip64).toBe(true);
    const tail = layout.segments.at(-1)!;
    if (tail.kind !== 'bytes') throw new Error('the layout ends with header bytes');
    const zip64End = tail.bytes.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]));
    expect(Number(tail.bytes.readBigUInt64LE(zip64End + 24))).toBe(65_536);
    expect(tail.bytes.readUInt16LE(tail.bytes.length - 22 + 10)).toBe(0xffff);
  });

  it('stores times as MS-DOS UTC, clamped to what the format can hold', () => {
    expect(dosDateTime(new Date('2026-06-14T10:21:37Z'))).toEqual({ time: (10 << 11) | (21 << 5) | 18, date: (46 << 9) | (6 << 5) | 14 });
    expect(dosDateTime(new Date('1970-01-01T00:00:00Z'))).toEqual({ time: 0, date: (0 << 9) | (1 << 5) | 1 });
  });
});

function parseCentral(tail: Buffer): { name: string; size: number; offset: number; extraLength: number }[] {
  const records = [];
  let at = 0;
  while (tail.readUInt32LE(at) === 0x02014b50) {
    const nameLength = tail.readUInt16LE(at + 28);
    const extraLength = tail.readUInt16LE(at + 30);
    const name = tail.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const extra = tail.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const values = Array.from({ length: Math.max(0, (extraLength - 4) / 8) }, (_, index) => Number(extra.readBigUInt64LE(4 + 8 * index)));
    let size = tail.readUInt32LE(at + 24);
    let offset = tail.readUInt32LE(at + 42);
    if (size === 0xffffffff) {
      // Uncompressed, then compressed: equal for stored entries.
      size = values.shift()!;
      values.shift();
    }
    if (offset === 0xffffffff) offset = values.shift()!;
    records.push({ name, size, offset, extraLength });
    at += 46 + nameLength + extraLength;
  }
  return records;
}
