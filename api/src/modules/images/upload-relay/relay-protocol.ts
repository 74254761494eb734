/** Messages between the API's event loop and the upload relay thread (relay-thread.ts, relay-worker.ts). */

/** To the relay thread: one upload's start (a presigned PUT URL), its bytes in order, then its end or its abort. */
export type ToRelay =
  | { type: 'start'; id: number; url: string; contentType: string; byteSize: number }
  | { type: 'bytes'; id: number; batch: ArrayBuffer; byteSize: number }
  | { type: 'end'; id: number }
  | { type: 'abort'; id: number };

/**
 * From the relay thread: bytes written to storage (so more may be sent), with their batch handed
 * back for reuse, then the outcome.
 */
export type FromRelay =
  | { type: 'consumed'; id: number; byteSize: number; batch: ArrayBuffer }
  | { type: 'stored'; id: number; etag: string | undefined; sha256: string; crc32: number; byteSize: number }
  | { type: 'failed'; id: number; message: string };
