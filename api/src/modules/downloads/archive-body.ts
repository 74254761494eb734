import type { Readable } from 'node:stream';
import { slicesFor, type ZipLayout } from './zip-layout.js';

/** Why an archive's bytes stopped: the route cuts the connection and logs the reason. */
export class ArchiveSourceError extends Error {
  constructor(
    readonly reason: 'SOURCE_MISSING' | 'SOURCE_FAILED',
    message: string,
    readonly imageId?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ArchiveSourceError';
  }
}

/** Opens bytes `start`–`end` (inclusive) of a stored object; null when it is missing. */
export type RangeOpener = (source: string, start: number, end: number) => Promise<{ body: Readable; objectSize: number } | null>;

/**
 * Bytes `start`–`end` (inclusive) of a laid-out archive, in order: header bytes from memory, and of
 * each original only the part the range covers, read from storage as it is needed. A source that
 * is missing or gives more or fewer bytes than its entry states fails the stream, so the client's
 * connection is cut and never ends in an archive that looks whole. Ending early (a client that
 * walked away) closes the open source.
 */
export async function* archiveBytes(layout: ZipLayout, start: number, end: number, openRange: RangeOpener): AsyncGenerator<Buffer> {
  for (const slice of slicesFor(layout, start, end)) {
    if (slice.segment.kind === 'bytes') {
      yield slice.segment.bytes.subarray(slice.start, slice.end + 1);
      continue;
    }
    const { source } = slice.segment;
    const expected = slice.end - slice.start + 1;
    const opened = await openRange(source, slice.start, slice.end).catch((error: unknown) => {
      throw new ArchiveSourceError('SOURCE_FAILED', `reading ${source} failed: ${error instanceof Error ? error.message : String(error)}`, undefined, { cause: error });
    });
    if (!opened) throw new ArchiveSourceError('SOURCE_MISSING', `object ${source} is missing`);
    if (opened.objectSize !== slice.segment.byteSize) {
      opened.body.destroy();
      throw new ArchiveSourceError('SOURCE_FAILED', `object ${source} has ${opened.objectSize} bytes, its entry ${slice.segment.byteSize}`);
    }
    let received = 0;
    for await (const chunk of opened.body as AsyncIterable<Buffer>) {
      received += chunk.length;
      // Not even the part that fits: the bytes differ from what the headers promised.
      if (received > expected) break;
      yield chunk;
    }
    if (received !== expected) {
      opened.body.destroy();
      throw new ArchiveSourceError('SOURCE_FAILED', `object ${source} gave ${received} bytes for a range of ${expected}`);
    }
  }
}
