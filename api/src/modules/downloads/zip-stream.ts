import { once } from 'node:events';
import { finished, type Readable, type Writable } from 'node:stream';
import { ZipArchive } from 'archiver';

export interface ZipEntry {
  imageId: string;
  key: string;
  /** Already safe (see archive-names.ts): archiver rewrites names that start with `word:` or `../`. */
  name: string;
  contentType: string;
  byteSize: number;
}

export class ZipStreamError extends Error {
  constructor(
    readonly reason: 'SOURCE_MISSING' | 'SOURCE_FAILED' | 'CLIENT_GONE',
    message: string,
    readonly imageId?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ZipStreamError';
  }
}

export interface StreamZipOptions {
  entries: ZipEntry[];
  openStream: (key: string) => Promise<{ body: Readable; byteSize: number } | null>;
  /** An express Response in production; destroyed on any failure so the client never keeps a ZIP that looks whole. */
  output: Writable;
  /** Told of every chunk of archive bytes handed to `output`, for the record of the transfer. */
  onBytes?: (bytes: number) => void;
}

// Deflating JPEG, PNG or WebP costs CPU and saves nothing.
const ALREADY_COMPRESSED = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * Writes the entries as one ZIP to `output`, reading one object at a time: the next object is
 * opened only after the previous entry is written, and the output's backpressure paces the reads.
 * Resolves once the output has finished; on any failure rejects with a ZipStreamError after
 * destroying the output and the open source.
 */
export async function streamZip({ entries, openStream, output, onBytes }: StreamZipOptions): Promise<{ bytesWritten: number }> {
  // ZIP64 needs no flag: compress-commons writes ZIP64 records by itself once an offset or size passes 4 GiB.
  const archive = new ZipArchive({ zlib: { level: 6 }, forceZip64: false });
  const stop = new AbortController();
  let source: Readable | undefined;
  let current: ZipEntry | undefined;

  const fail = (error: ZipStreamError) => {
    if (stop.signal.aborted) return;
    stop.abort(error);
    source?.destroy();
    archive.abort();
    archive.unpipe(output);
    output.destroy();
  };
  const clientGone = () => fail(new ZipStreamError('CLIENT_GONE', 'the client closed the connection before the archive was complete'));

  // Archiver does not see a source's errors (it reads through its own PassThrough); anything it does report is about the entry in progress.
  archive.on('error', (error) => fail(sourceFailed(current, error)));
  output.on('error', clientGone);
  output.on('close', () => {
    if (!output.writableFinished) clientGone();
  });
  if (output.destroyed) clientGone();
  if (onBytes) archive.on('data', (chunk: Buffer) => onBytes(chunk.length));
  archive.pipe(output);

  const date = new Date();
  try {
    for (const entry of entries) {
      stop.signal.throwIfAborted();
      current = entry;
      const opened = await openStream(entry.key).catch((error: unknown) => {
        throw sourceFailed(entry, error);
      });
      if (stop.signal.aborted) opened?.body.destroy();
      stop.signal.throwIfAborted();
      if (!opened) throw new ZipStreamError('SOURCE_MISSING', `object for image ${entry.imageId} is missing`, entry.imageId);

      source = opened.body;
      const written = once(archive, 'entry', { signal: stop.signal });
      archive.append(source, { name: entry.name, store: ALREADY_COMPRESSED.has(entry.contentType), date });
      watchSource(source, entry, fail);
      await written;
      source = undefined;
    }
    // finalize() resolves when the central directory is queued; 'finish' means the output took every byte.
    await Promise.all([archive.finalize(), once(output, 'finish', { signal: stop.signal })]);
  } catch (error) {
    fail(error instanceof ZipStreamError ? error : sourceFailed(current, error));
    throw stop.signal.reason;
  }
  return { bytesWritten: archive.pointer() };
}

/**
 * Fails the archive as soon as an entry's source breaks, delivers more bytes than recorded or ends
 * with fewer. Listeners on the source rather than a Transform in front of archiver, so chunks take
 * no extra stream hop. They run inside the source's own 'data' and 'end' events, ticks before
 * archiver's copy of that end reaches its CRC stream and completes the entry: a wrong-sized object
 * never becomes an entry that a later central directory would present as complete. Call it right
 * after `archive.append(source)`: the source flows from the next tick on, so no chunk goes uncounted.
 */
function watchSource(source: Readable, entry: ZipEntry, fail: (error: ZipStreamError) => void): void {
  let received = 0;
  const mismatch = () => new ZipStreamError('SOURCE_FAILED', `object for image ${entry.imageId} has ${received} bytes, expected ${entry.byteSize}`, entry.imageId);
  source.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > entry.byteSize) fail(mismatch());
  });
  source.once('end', () => {
    if (received !== entry.byteSize) fail(mismatch());
  });
  finished(source, (error) => {
    if (error) fail(sourceFailed(entry, error));
  });
}

function sourceFailed(entry: ZipEntry | undefined, error: unknown): ZipStreamError {
  if (error instanceof ZipStreamError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ZipStreamError('SOURCE_FAILED', `reading image ${entry?.imageId ?? '?'} failed: ${message}`, entry?.imageId, { cause: error });
}
