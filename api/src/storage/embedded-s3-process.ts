/**
 * Entry of the embedded S3 server's own process. Started by `startEmbeddedS3`; never imported by
 * the API itself. Makes this start's secret key, tells it and the port to its parent over the IPC
 * channel (never argv or the environment, which `ps` and /proc show), closes when told to stop,
 * and exits when its parent is gone however that happened (the IPC channel closes even on SIGKILL).
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import type { EmbeddedS3Message, EmbeddedS3Options } from './embedded-s3.js';
import { createSignedS3Front } from './signed-s3-front.js';
import { SigV4Verifier } from './sigv4-verifier.js';

if (!process.send) throw new Error('embedded-s3-process.ts must be started with an IPC channel (child_process.fork)');
const post = (message: EmbeddedS3Message) => process.send!(message);
const options = JSON.parse(process.argv[2] ?? '{}') as EmbeddedS3Options;
/** Not a secret (every signed request names it): s3rver wants its built-in account's key id on what it is handed. */
const ACCESS_KEY_ID = 'S3RVER';

process.on('disconnect', () => process.exit(0));
// Ctrl-C reaches the whole process group: the API stops this server itself, after its own requests.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
try {
  // s3rver never listens: it answers only what the signed front hands it.
  const s3rver = new S3rver({ silent: true, directory: options.directory, configureBuckets: options.buckets.map((name) => ({ name })) });
  await s3rver.configureBuckets();
  const secretAccessKey = randomBytes(32).toString('base64url');
  const front = createSignedS3Front(new SigV4Verifier({ accessKeyId: ACCESS_KEY_ID, secretAccessKey }), s3rver.callback());
  front.listen(0, '127.0.0.1');
  await once(front, 'listening'); // rejects on 'error'
  process.on('message', (message: 'stop') => {
    if (message !== 'stop') return;
    front.close(() => process.exit(0));
  });
  post({ kind: 'listening', port: (front.address() as AddressInfo).port, accessKeyId: ACCESS_KEY_ID, secretAccessKey });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
