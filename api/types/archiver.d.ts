// archiver 8 ships ESM without types; this covers the ZIP surface we use (lib/core.js, lib/plugins/zip.js).
declare module 'archiver' {
  import type { Readable, Transform } from 'node:stream';

  export interface ZipArchiveOptions {
    /** STORE every entry unless the entry says otherwise. */
    store?: boolean;
    /** Passed to zlib for DEFLATE entries (compress-commons defaults to level 1). */
    zlib?: { level?: number };
    /** Always write the ZIP64 end records; archiver switches to ZIP64 by itself past 4 GiB or 65,535 entries. */
    forceZip64?: boolean;
    comment?: string;
    /** Transform option; archiver defaults to 1 MiB. */
    highWaterMark?: number;
  }

  export interface ZipEntryData {
    /** Path inside the archive; archiver strips a leading `word:` and leading `../` or `/`. */
    name: string;
    store?: boolean;
    date?: Date | string;
    mode?: number;
    comment?: string;
  }

  export interface ArchiverProgress {
    entries: { total: number; processed: number };
    fs: { totalBytes: number; processedBytes: number };
  }

  export interface ArchiverError extends Error {
    code: string;
    data?: unknown;
  }

  export class Archiver extends Transform {
    /** Stream sources are piped through an internal PassThrough, which does not forward their errors. */
    append(source: Readable | Buffer | string, data: ZipEntryData): this;
    /** Resolves when the format module has written the central directory, not when the destination is flushed. */
    finalize(): Promise<void>;
    /** Drops queued entries; ends the stream only when no entry is in progress. */
    abort(): this;
    /** Bytes emitted so far. */
    pointer(): number;

    on(event: 'entry', listener: (data: ZipEntryData) => void): this;
    on(event: 'warning', listener: (error: ArchiverError) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'progress', listener: (progress: ArchiverProgress) => void): this;
    on(event: string | symbol, listener: (...args: any[]) => void): this;
    once(event: 'entry', listener: (data: ZipEntryData) => void): this;
    once(event: string | symbol, listener: (...args: any[]) => void): this;
  }

  export class ZipArchive extends Archiver {
    constructor(options?: ZipArchiveOptions);
  }
}
