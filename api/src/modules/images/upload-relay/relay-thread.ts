import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../../../shared/worker-entry.js';
import type { ObjectStorage } from '../../../storage/object-storage.js';
import type { UploadReceipt } from '../image.entity.js';
import type { FromRelay, ToRelay } from './relay-protocol.js';

/** What storage stored for one relayed body, and the hashes of exactly those bytes: an upload receipt, if storage named an ETag. */
export type RelayedBody = Omit<UploadReceipt, 'etag'> & { etag: string | undefined };

/** One body on its way through the relay thread. */
export interface Relay {
  /** Settles once storage has answered: the stored body, or why it was not stored. */
  stored: Promise<RelayedBody>;
  /** Whether the client closed the request before its end (known from the request alone). */
  clientWentAway(): boolean;
  /** Stops relaying; what is still in flight is read and dropped, so the answer can be sent. */
  detach(): void;
}

/**
 * Bytes are sent in batches of this size (the request's 16–64 KB chunks copied together): fewer
 * messages, and batches the thread hands back once written are filled again, so a shoot's gigabytes
 * pass through a fixed set of buffers instead of leaving garbage in two heaps.
 */
const BATCH_BYTES = 256 * 1024;
/** Written batches kept for reuse: what four uploads have in flight. */
const SPARE_BATCHES = 64;
/** How long bytes short of a batch may wait for more before they are sent anyway. */
const BATCH_WAIT_MS = 5;
/** The relay's PUT URL needs to outlive only a slow upload; it never leaves this process. */
const PUT_URL_SECONDS = 15 * 60;
/** The request is paused while this much is on its way to storage, and resumed below the half. */
const IN_FLIGHT_BYTES = 4 * 1024 * 1024;

interface Pending {
  consumed(byteSize: number): void;
  settle(outcome: RelayedBody | Error): void;
}

/**
 * The API's side of the upload relay: one worker thread (relay-worker.ts) that hashes proxied PUTs
 * and streams them to storage through presigned PUT URLs signed here. The event loop only reads the
 * request and hands its bytes over, so a shoot being uploaded leaves it free for everyone else's
 * requests. Started on the first upload; a thread that dies fails the bodies it was relaying, and
 * the next upload starts another.
 */
export class UploadRelayThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private readonly spare: ArrayBuffer[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly storage: ObjectStorage) {}

  relay(key: string, source: Readable, options: { contentType: string; byteSize: number }): Relay {
    const worker = this.start();
    const id = this.nextId++;
    const send = (message: ToRelay, transfer?: ArrayBuffer[]) => worker.postMessage(message, transfer);
    let batch: Uint8Array | undefined;
    let batchBytes = 0;
    let inFlight = 0;
    let started = false;
    let ended = false;
    let gone = false;
    let settled = false;
    let settle: (outcome: RelayedBody | Error) => void = () => {};

    let flushLater: NodeJS.Timeout | undefined;
    const flush = () => {
      clearTimeout(flushLater);
      flushLater = undefined;
      if (!batch || batchBytes === 0 || settled) return;
      send({ type: 'bytes', id, batch: batch.buffer as ArrayBuffer, byteSize: batchBytes }, [batch.buffer as ArrayBuffer]);
      inFlight += batchBytes;
      batch = undefined;
      batchBytes = 0;
      if (inFlight >= IN_FLIGHT_BYTES) source.pause();
    };
    const onData = (chunk: Buffer) => {
      if (settled) return;
      for (let offset = 0; offset < chunk.length; ) {
        batch ??= new Uint8Array(this.spare.pop() ?? new ArrayBuffer(BATCH_BYTES));
        const taken = Math.min(chunk.length - offset, BATCH_BYTES - batchBytes);
        batch.set(chunk.subarray(offset, offset + taken), batchBytes);
        batchBytes += taken;
        offset += taken;
        if (batchBytes === BATCH_BYTES) flush();
      }
      // A slow client's bytes reach storage soon, not only once a batch is full.
      if (batchBytes > 0) flushLater ??= setTimeout(flush, BATCH_WAIT_MS);
    };
    const onEnd = () => {
      ended = true;
      if (settled) return;
      flush();
      send({ type: 'end', id });
    };
    const onGone = () => {
      if (ended || gone) return;
      gone = true;
      clearTimeout(flushLater);
      if (!started) settle(new Error('the client closed the upload before it was relayed'));
      else if (!settled) send({ type: 'abort', id });
    };

    const stored = new Promise<RelayedBody>((resolve, reject) => {
      settle = (outcome) => {
        if (settled) return;
        settled = true;
        this.pending.delete(id);
        if (this.pending.size === 0) this.worker?.unref();
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      this.pending.set(id, {
        consumed: (byteSize) => {
          inFlight -= byteSize;
          if (inFlight <= IN_FLIGHT_BYTES / 2 && !settled) source.resume();
        },
        settle,
      });
    });
    // Keep the process alive only while a body is being relayed; an idle thread must not block exit.
    worker.ref();
    source.once('error', onGone);
    source.once('close', onGone);
    // The body stays paused in the request until the URL is signed and the listeners are attached.
    this.storage.presignPut(key, { ...options, expiresInSeconds: PUT_URL_SECONDS }).then(
      (url) => {
        if (settled) return;
        started = true;
        send({ type: 'start', id, url, contentType: options.contentType, byteSize: options.byteSize });
        source.on('data', onData);
        source.once('end', onEnd);
      },
      (error: unknown) => settle(error instanceof Error ? error : new Error(String(error))),
    );
    return {
      stored,
      clientWentAway: () => gone,
      detach: () => {
        clearTimeout(flushLater);
        source.off('data', onData);
        source.resume();
      },
    };
  }

  /** Ends the thread; bodies still being relayed fail (their clients get a 503 and may send again). */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    this.discard(worker, 'the upload relay was shut down');
    await worker.terminate();
  }

  private start(): Worker {
    if (this.closed) throw new Error('the upload relay is shut down');
    if (this.worker) return this.worker;
    const { url, execArgv } = workerEntry(import.meta.url, 'relay-worker', { erasableTypesOnly: true });
    const worker = new Worker(url, { execArgv, name: 'upload-relay' });
    worker.on('message', (message: FromRelay) => {
      if (message.type === 'consumed' && this.spare.length < SPARE_BATCHES) this.spare.push(message.batch);
      const pending = this.pending.get(message.id);
      if (!pending) return;
      if (message.type === 'consumed') pending.consumed(message.byteSize);
      else if (message.type === 'failed') pending.settle(new Error(message.message));
      else pending.settle({ etag: message.etag, sha256: message.sha256, crc32: message.crc32, byteSize: message.byteSize });
    });
    worker.on('error', (error) => this.discard(worker, `the upload relay failed: ${error.message}`));
    worker.on('exit', (code) => this.discard(worker, `the upload relay ended (exit code ${code})`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Forgets a dead (or dying) thread and fails every body it was relaying. Idempotent. */
  private discard(worker: Worker, detail: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const pending of [...this.pending.values()]) pending.settle(new Error(detail));
  }
}
