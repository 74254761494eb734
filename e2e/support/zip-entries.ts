import { createHash } from 'node:crypto';

export interface ZipEntry {
  name: string;
  sha256: string;
  byteSize: number;
}

/**
 * The entries of a ZIP the API made (stored, not deflated: photos do not compress), read from its
 * central directory, each with the SHA-256 of its bytes. Enough of the format for what the API
 * writes; ZIP64 archives (over 4 GiB) are beyond what a test downloads.
 */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a ZIP: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`central directory entry ${index} is malformed`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (method !== 0) throw new Error(`${name} is compressed (method ${method}); the API stores entries`);
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtraLength = zip.readUInt16LE(localOffset + 28);
    const dataStart = localOffset + 30 + localNameLength + localExtraLength;
    const bytes = zip.subarray(dataStart, dataStart + compressedSize);
    entries.push({ name, byteSize: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
