import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from '../logger.js';

export interface EmbeddedS3 {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

/** s3rver's fixed credentials: it checks only that these are the ones presented. */
const S3RVER_KEY = 'S3RVER';

/**
 * Starts s3rver, a real S3-protocol server, on loopback and a free port. It is an open bucket
 * (no signature checks), so it must never be reachable from outside this machine or handed to a
 * browser: in embedded mode the API proxies every upload and download itself.
 */
export async function startEmbeddedS3(options: { directory: string; buckets: string[]; logger: Logger }): Promise<EmbeddedS3> {
  const { default: S3rver } = await import('s3rver');
  const directory = path.resolve(options.directory);
  await mkdir(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  const address = (await server.run()) as AddressInfo;
  options.logger.debug({ port: address.port }, 'embedded S3 listening on loopback');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKeyId: S3RVER_KEY,
    secretAccessKey: S3RVER_KEY,
    stop: () => server.close(),
  };
}
