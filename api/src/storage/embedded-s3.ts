import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.js';
import { workerEntry } from '../shared/worker-entry.js';

export interface EmbeddedS3 {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

export interface EmbeddedS3Options {
  directory: string;
  buckets: string[];
}

/** What the worker thread tells its parent. */
export type EmbeddedS3Message = { kind: 'listening'; port: number } | { kind: 'failed'; message: string };

/** s3rver's fixed credentials: it checks only that these are the ones presented. */
const S3RVER_KEY = 'S3RVER';

/**
 * Starts s3rver, a real S3-protocol server, on loopback and a free port. It is an open bucket
 * (no signature checks), so it must never be reachable from outside this machine or handed to a
 * browser: in embedded mode the API proxies every upload and download itself.
 *
 * It runs on a worker thread of its own, as an external S3 server would run in a process of its
 * own: serving object bytes (reading files, writing HTTP responses, parsing uploads) then takes no
 * time from the API's event loop, which receives those bytes and streams them on.
 */
export async function startEmbeddedS3(options: EmbeddedS3Options & { logger: Logger }): Promise<EmbeddedS3> {
  const directory = path.resolve(options.directory);
  await mkdir(directory, { recursive: true });
  const { url, execArgv } = workerEntry(import.meta.url, 'embedded-s3-worker');
  const worker = new Worker(url, { execArgv, name: 'embedded-s3', workerData: { directory, buckets: options.buckets } satisfies EmbeddedS3Options });

  let stopping = false;
  const exited = once(worker, 'exit');
  const [message] = (await Promise.race([
    once(worker, 'message'),
    exited.then(([code]) => {
      throw new Error(`the embedded S3 server exited before listening (code ${code})`);
    }),
  ])) as [EmbeddedS3Message];
  if (message.kind === 'failed') {
    await worker.terminate();
    throw new Error(`the embedded S3 server could not start: ${message.message}`);
  }
  worker.on('error', (error) => options.logger.error({ err: error }, 'embedded S3 server crashed'));
  void exited.then(([code]) => {
    if (!stopping) options.logger.error({ code }, 'embedded S3 server stopped unexpectedly; storage calls will fail');
  });
  options.logger.debug({ port: message.port }, 'embedded S3 listening on loopback');

  return {
    endpoint: `http://127.0.0.1:${message.port}`,
    accessKeyId: S3RVER_KEY,
    secretAccessKey: S3RVER_KEY,
    async stop() {
      if (stopping) return exited.then(() => undefined);
      stopping = true;
      worker.postMessage('stop');
      // A connection still open would keep it listening; do not let that hold up shutdown.
      const deadline = setTimeout(() => void worker.terminate(), 5_000).unref();
      await exited;
      clearTimeout(deadline);
    },
  };
}
