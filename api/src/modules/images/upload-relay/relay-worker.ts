/**
 * Worker-thread entry of the upload relay: hashes each upload's bytes (SHA-256 and the CRC-32 a ZIP
 * needs) and PUTs them to storage through a presigned URL, so neither the hashing nor the socket
 * writes of a 10 MB upload run on the event loop that answers gallery queries. Plain `node:http`
 * on purpose, and TypeScript that Node runs by erasing its types (no parameter properties, no enums,
 * type-only imports): a thread that loads the S3 SDK or the swc loader costs ~100 MB of its own.
 * Started by UploadRelayThread only.
 */
import { createHash } from 'node:crypto';
import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import https from 'node:https';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import zlib from 'node:zlib';
import type { FromRelay, ToRelay } from './relay-protocol.js';

if (!parentPort) throw new Error('relay-worker.ts must run in a worker thread');
const port = parentPort;
const reply = (message: FromRelay) => port.postMessage(message);

// Uploads are bulk work: this thread takes the CPU the API's requests leave. On Linux a priority set
// for pid 0 applies to the calling thread only; elsewhere it would lower the whole process.
if (process.platform === 'linux') {
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted in this container: the relay runs at the API's priority.
  }
}

/** As the API's S3 client: a storage server may leave a socket idle at most this long. */
const STORAGE_IDLE_MS = 60_000;
/** An error answer's body is read for its S3 error code, up to this much. */
const ERROR_BODY_BYTES = 16 * 1024;
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

/** One upload on its way to storage: hashed as written, each chunk reported once the socket took it. */
class StoragePut {
  private readonly sha256 = createHash('sha256');
  private crc32 = 0;
  private byteSize = 0;
  private readonly id: number;
  private readonly request: ClientRequest;
  private settled = false;

  constructor(id: number, url: string, contentType: string, contentLength: number) {
    this.id = id;
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    this.request = (secure ? https : http).request(target, {
      method: 'PUT',
      agent: secure ? agents.https : agents.http,
      headers: { 'content-type': contentType, 'content-length': contentLength },
      timeout: STORAGE_IDLE_MS,
    });
    this.request.on('response', (response) => this.answered(response));
    this.request.on('timeout', () => this.request.destroy(new Error('the storage server did not answer in time')));
    this.request.on('error', (error) => this.settle({ type: 'failed', id: this.id, message: error.message }));
  }

  add(batch: ArrayBuffer, byteSize: number): void {
    const chunk = Buffer.from(batch, 0, byteSize);
    this.sha256.update(chunk);
    this.crc32 = zlib.crc32(chunk, this.crc32);
    this.byteSize += byteSize;
    // Once the socket has taken the bytes, the batch goes back to be filled again.
    this.request.write(chunk, () => port.postMessage({ type: 'consumed', id: this.id, byteSize, batch } satisfies FromRelay, [batch]));
  }

  end(): void {
    this.request.end();
  }

  abort(): void {
    this.request.destroy(new Error('the client closed the upload before its end'));
  }

  private answered(response: IncomingMessage): void {
    const errorBody: Buffer[] = [];
    let kept = 0;
    response.on('data', (chunk: Buffer) => {
      if (kept >= ERROR_BODY_BYTES) return;
      errorBody.push(chunk);
      kept += chunk.length;
    });
    response.on('end', () => {
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        const etag = response.headers.etag;
        this.settle({ type: 'stored', id: this.id, etag, sha256: this.sha256.digest('hex'), crc32: this.crc32, byteSize: this.byteSize });
        return;
      }
      const code = /<Code>([^<]*)<\/Code>/.exec(Buffer.concat(errorBody).toString('utf8'))?.[1];
      this.settle({ type: 'failed', id: this.id, message: `the storage server answered ${status}${code ? ` ${code}` : ''}` });
    });
    response.on('error', (error) => this.settle({ type: 'failed', id: this.id, message: error.message }));
  }

  private settle(outcome: FromRelay): void {
    if (this.settled) return;
    this.settled = true;
    uploads.delete(this.id);
    // An answer before the whole body (an early refusal) ends the request: nothing more is sent.
    if (outcome.type === 'failed' || !this.request.writableEnded) this.request.destroy();
    reply(outcome);
  }
}

const uploads = new Map<number, StoragePut>();

port.on('message', (message: ToRelay) => {
  if (message.type === 'start') {
    uploads.set(message.id, new StoragePut(message.id, message.url, message.contentType, message.byteSize));
    return;
  }
  // Bytes of an upload that has settled already are dropped (their batch goes back): its outcome has been reported.
  const upload = uploads.get(message.id);
  if (!upload) {
    if (message.type === 'bytes') port.postMessage({ type: 'consumed', id: message.id, byteSize: message.byteSize, batch: message.batch } satisfies FromRelay, [message.batch]);
    return;
  }
  if (message.type === 'bytes') upload.add(message.batch, message.byteSize);
  else if (message.type === 'end') upload.end();
  else upload.abort();
});
