/**
 * Worker-thread entry for the embedded S3 server. Started by `startEmbeddedS3`; never imported by
 * the API itself. Tells its parent the port once listening, and closes when told to stop.
 */
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import S3rver from 's3rver';
import type { EmbeddedS3Message, EmbeddedS3Options } from './embedded-s3.js';

if (!parentPort) throw new Error('embedded-s3-worker.ts must run in a worker thread');
const port = parentPort;
const { directory, buckets } = workerData as EmbeddedS3Options;

const post = (message: EmbeddedS3Message) => port.postMessage(message);

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: buckets.map((name) => ({ name })),
});

try {
  const address = (await server.run()) as AddressInfo;
  port.on('message', (message: 'stop') => {
    if (message !== 'stop') return;
    // Once the server and the port are closed nothing is left on this thread's loop, so it exits.
    void server.close().finally(() => port.close());
  });
  post({ kind: 'listening', port: address.port });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  port.close();
}
