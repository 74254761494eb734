/**
 * Worker-thread entry of the upload relay: hashes each upload's bytes (SHA-256 and the CRC-32 a ZIP
 * needs) and streams them to storage, so neither the hashing nor the socket writes of a 10 MB PUT
 * run on the event loop that answers gallery queries. Started by UploadRelayThread only.
 */
import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import zlib from 'node:zlib';
import { ObjectStorage, type StorageSettings } from '../../../storage/object-storage.js';
import type { FromRelay, ToRelay } from './relay-protocol.js';

if (!parentPort) throw new Error('relay-worker.ts must run in a worker thread');
const port = parentPort;
const storage = new ObjectStorage((workerData as { storage: StorageSettings }).storage);
const reply = (message: FromRelay) => port.postMessage(message);

/**
 * One upload's body as storage reads it. A chunk counts as consumed (and the API may send more)
 * only when storage has asked for it, so at most a few chunks wait here whatever storage's pace.
 */
class Inbound extends Readable {
  private readonly queue: Buffer[] = [];
  private wanted = false;
  private ended = false;
  readonly sha256: Hash = createHash('sha256');
  crc32 = 0;
  byteSize = 0;

  constructor(private readonly id: number) {
    super({ highWaterMark: 256 * 1024 });
  }

  add(chunk: Buffer): void {
    this.sha256.update(chunk);
    this.crc32 = zlib.crc32(chunk, this.crc32);
    this.byteSize += chunk.length;
    this.queue.push(chunk);
    this.feed();
  }

  finish(): void {
    this.ended = true;
    this.feed();
  }

  override _read(): void {
    this.wanted = true;
    this.feed();
  }

  private feed(): void {
    while (this.wanted && this.queue.length > 0) {
      const chunk = this.queue.shift()!;
      this.wanted = this.push(chunk);
      reply({ type: 'consumed', id: this.id, byteSize: chunk.length });
    }
    if (this.wanted && this.ended && this.queue.length === 0) this.push(null);
  }
}

const uploads = new Map<number, Inbound>();

async function store(message: Extract<ToRelay, { type: 'start' }>): Promise<void> {
  const body = new Inbound(message.id);
  uploads.set(message.id, body);
  try {
    const { etag } = await storage.put(message.key, body, { contentType: message.contentType, byteSize: message.byteSize });
    reply({ type: 'stored', id: message.id, etag, sha256: body.sha256.digest('hex'), crc32: body.crc32, byteSize: body.byteSize });
  } catch (error) {
    reply({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    uploads.delete(message.id);
  }
}

port.on('message', (message: ToRelay) => {
  if (message.type === 'start') {
    void store(message);
    return;
  }
  // Bytes of an upload that has failed already are dropped: its outcome has been reported.
  const body = uploads.get(message.id);
  if (!body) return;
  if (message.type === 'bytes') body.add(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
  else if (message.type === 'end') body.finish();
  else body.destroy(new Error('the client closed the upload before its end'));
});
