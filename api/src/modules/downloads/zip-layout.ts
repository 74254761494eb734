import { createHash } from 'node:crypto';

/**
 * The exact bytes of a ZIP archive of stored (uncompressed) entries, laid out before anything is
 * read: every header is built from what the database knows (name, size, CRC-32, time), so the
 * archive's size, each entry's offset and a content-derived ETag are known before the first byte,
 * and any byte range can be served by reading only the parts of the originals it covers.
 *
 * Deterministic: the same entries give the same bytes on any process (no "now", no random, no
 * data descriptors). ZIP64 records are written exactly when a size or an offset needs them
 * (APPNOTE 6.3.10, section 4.5.3), or for every entry when `forceZip64` is set (tests).
 */

export interface ZipLayoutEntry {
  /** The name in the archive, already made safe (archive-names.ts). */
  name: string;
  byteSize: number;
  /** CRC-32 of the bytes, as an unsigned 32-bit integer. */
  crc32: number;
  /** Stored as an MS-DOS local time (2-second steps, 1980–2107), taken in UTC so every server agrees. */
  modifiedAt: Date;
  /** Where the bytes are: handed back in the segments, opaque here. */
  source: string;
}

export type ZipSegment = { kind: 'bytes'; bytes: Buffer } | { kind: 'source'; source: string; byteSize: number };

export interface ZipLayout {
  segments: ZipSegment[];
  byteSize: number;
  /** A strong ETag: the SHA-256 of every header byte, which name every entry's size, CRC-32, time and offset. */
  etag: string;
  zip64: boolean;
}

const FOUR_GIB = 0xffffffff;
const MAX_16 = 0xffff;
const UTF8_NAMES = 0x0800;
const VERSION_STORED = 20;
const VERSION_ZIP64 = 45;
/** Made by: Unix (3) with spec version 4.5, so external attributes carry Unix permissions. */
const MADE_BY = (3 << 8) | VERSION_ZIP64;
/** A regular file, rw-r--r--. */
const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0;

export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  const clamped = year !== date.getUTCFullYear();
  return {
    time: clamped ? 0 : (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((clamped ? 1 : date.getUTCMonth() + 1) << 5) | (clamped ? 1 : date.getUTCDate()),
  };
}

/** A ZIP64 extended-information extra field with the given 8-byte values, in the order APPNOTE 4.5.3 fixes. */
function zip64Extra(values: number[]): Buffer {
  if (values.length === 0) return Buffer.alloc(0);
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((value, index) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * index));
  return extra;
}

function localHeader(entry: ZipLayoutEntry, name: Buffer, zip64: boolean): Buffer {
  const { time, date } = dosDateTime(entry.modifiedAt);
  // A ZIP64 local header carries both sizes in its extra field and 0xFFFFFFFF in the fixed ones.
  const extra = zip64 ? zip64Extra([entry.byteSize, entry.byteSize]) : Buffer.alloc(0);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION_STORED, 4);
  header.writeUInt16LE(UTF8_NAMES, 6);
  header.writeUInt16LE(0, 8);
  header.writeUInt16LE(time, 10);
  header.writeUInt16LE(date, 12);
  header.writeUInt32LE(entry.crc32 >>> 0, 14);
  header.writeUInt32LE(zip64 ? FOUR_GIB : entry.byteSize, 18);
  header.writeUInt32LE(zip64 ? FOUR_GIB : entry.byteSize, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(extra.length, 28);
  return Buffer.concat([header, name, extra]);
}

function centralHeader(entry: ZipLayoutEntry, name: Buffer, offset: number, forceZip64: boolean): Buffer {
  const { time, date } = dosDateTime(entry.modifiedAt);
  const bigSize = forceZip64 || entry.byteSize >= FOUR_GIB;
  const bigOffset = forceZip64 || offset >= FOUR_GIB;
  const extra = zip64Extra([...(bigSize ? [entry.byteSize, entry.byteSize] : []), ...(bigOffset ? [offset] : [])]);
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(MADE_BY, 4);
  header.writeUInt16LE(bigSize || bigOffset ? VERSION_ZIP64 : VERSION_STORED, 6);
  header.writeUInt16LE(UTF8_NAMES, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(time, 12);
  header.writeUInt16LE(date, 14);
  header.writeUInt32LE(entry.crc32 >>> 0, 16);
  header.writeUInt32LE(bigSize ? FOUR_GIB : entry.byteSize, 20);
  header.writeUInt32LE(bigSize ? FOUR_GIB : entry.byteSize, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt16LE(extra.length, 30);
  header.writeUInt16LE(0, 32);
  header.writeUInt16LE(0, 34);
  header.writeUInt16LE(0, 36);
  header.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
  header.writeUInt32LE(bigOffset ? FOUR_GIB : offset, 42);
  return Buffer.concat([header, name, extra]);
}

function endRecords(count: number, directoryOffset: number, directorySize: number, forceZip64: boolean): Buffer {
  const zip64 = forceZip64 || count >= MAX_16 || directoryOffset >= FOUR_GIB || directorySize >= FOUR_GIB;
  const parts: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(MADE_BY, 12);
    record.writeUInt16LE(VERSION_ZIP64, 14);
    record.writeUInt32LE(0, 16);
    record.writeUInt32LE(0, 20);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(directorySize), 40);
    record.writeBigUInt64LE(BigInt(directoryOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeUInt32LE(0, 4);
    locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
    locator.writeUInt32LE(1, 16);
    parts.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? MAX_16 : count, 8);
  end.writeUInt16LE(zip64 ? MAX_16 : count, 10);
  end.writeUInt32LE(zip64 ? FOUR_GIB : directorySize, 12);
  end.writeUInt32LE(zip64 ? FOUR_GIB : directoryOffset, 16);
  parts.push(end);
  return Buffer.concat(parts);
}

/** Lays the entries out in the order given. */
export function layOutZip(entries: ZipLayoutEntry[], options: { forceZip64?: boolean } = {}): ZipLayout {
  const force = options.forceZip64 ?? false;
  const segments: ZipSegment[] = [];
  const central: Buffer[] = [];
  const etag = createHash('sha256').update('pixgate-zip-v1\n');
  let offset = 0;
  let anyZip64 = force;
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.byteSize) || entry.byteSize < 0) throw new RangeError(`entry ${entry.name} has no valid size`);
    const name = Buffer.from(entry.name, 'utf8');
    if (name.length > MAX_16) throw new RangeError(`entry name too long: ${entry.name.slice(0, 40)}…`);
    const zip64 = force || entry.byteSize >= FOUR_GIB;
    anyZip64 ||= zip64 || offset >= FOUR_GIB;
    const local = localHeader(entry, name, zip64);
    central.push(centralHeader(entry, name, offset, force));
    segments.push({ kind: 'bytes', bytes: local }, { kind: 'source', source: entry.source, byteSize: entry.byteSize });
    etag.update(local);
    offset += local.length + entry.byteSize;
  }
  const directory = Buffer.concat(central);
  const end = endRecords(entries.length, offset, directory.length, force);
  anyZip64 ||= end.length > 22;
  segments.push({ kind: 'bytes', bytes: Buffer.concat([directory, end]) });
  etag.update(directory).update(end);
  return { segments, byteSize: offset + directory.length + end.length, etag: `"${etag.digest('base64url')}"`, zip64: anyZip64 };
}

/** A part of one segment that a byte range covers: `start`–`end` inclusive, relative to the segment. */
export interface SegmentSlice {
  segment: ZipSegment;
  start: number;
  end: number;
}

/** The segment parts that bytes `start`–`end` (inclusive) of the archive consist of, in order. */
export function slicesFor(layout: ZipLayout, start: number, end: number): SegmentSlice[] {
  const slices: SegmentSlice[] = [];
  let position = 0;
  for (const segment of layout.segments) {
    const size = segment.kind === 'bytes' ? segment.bytes.length : segment.byteSize;
    const segmentEnd = position + size - 1;
    if (size > 0 && segmentEnd >= start && position <= end) {
      slices.push({ segment, start: Math.max(start, position) - position, end: Math.min(end, segmentEnd) - position });
    }
    position += size;
    if (position > end) break;
  }
  return slices;
}
