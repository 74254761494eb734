/**
 * Entry of the embedded S3 server's own process. Started by `startEmbeddedS3`; never imported by
 * the API itself. Tells its parent the port once listening, closes when told to stop, and exits
 * when its parent is gone however that happened (the IPC channel closes even on SIGKILL).
 */
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import type { EmbeddedS3Message, EmbeddedS3Options } from './embedded-s3.js';

if (!process.send) throw new Error('embedded-s3-process.ts must be started with an IPC channel (child_process.fork)');
const post = (message: EmbeddedS3Message) => process.send!(message);
const options = JSON.parse(process.argv[2] ?? '{}') as EmbeddedS3Options;

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: options.directory,
  configureBuckets: options.buckets.map((name) => ({ name })),
});

process.on('disconnect', () => process.exit(0));
// Ctrl-C reaches the whole process group: the API stops this server itself, after its own requests.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
try {
  const address = (await server.run()) as AddressInfo;
  process.on('message', (message: 'stop') => {
    if (message !== 'stop') return;
    void server.close().finally(() => process.exit(0));
  });
  post({ kind: 'listening', port: address.port });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
