import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.js';
import { workerEntry } from '../shared/worker-entry.js';

export interface EmbeddedS3 {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The server's process, for tools that want to see its resource use. */
  pid: number;
  stop(): Promise<void>;
}

export interface EmbeddedS3Options {
  directory: string;
  buckets: string[];
}

/** What the server's process tells its parent. */
export type EmbeddedS3Message = { kind: 'listening'; port: number } | { kind: 'failed'; message: string };

/** s3rver's fixed credentials: it checks only that these are the ones presented. */
const S3RVER_KEY = 'S3RVER';

/**
 * Starts s3rver, a real S3-protocol server, on loopback and a free port. It is an open bucket
 * (no signature checks), so it must never be reachable from outside this machine or handed to a
 * browser: in embedded mode the API proxies every upload and download itself.
 *
 * It runs in a child process, as an external S3 server runs apart from the API: serving object
 * bytes (reading files, writing HTTP responses, parsing uploads) takes no time from the API's event
 * loop, and its buffers do not weigh on the API's heap or memory. The child exits with its parent.
 */
export async function startEmbeddedS3(options: EmbeddedS3Options & { logger: Logger }): Promise<EmbeddedS3> {
  const directory = path.resolve(options.directory);
  await mkdir(directory, { recursive: true });
  const { url, execArgv } = workerEntry(import.meta.url, 'embedded-s3-process');
  const settings: EmbeddedS3Options = { directory, buckets: options.buckets };
  const child = fork(fileURLToPath(url), [JSON.stringify(settings)], { execArgv: execArgv ?? [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });

  let stopping = false;
  const exited = once(child, 'exit');
  const [message] = (await Promise.race([
    once(child, 'message'),
    exited.then(([code, signal]) => {
      throw new Error(`the embedded S3 server exited before listening (${signal ?? `code ${code}`})`);
    }),
  ])) as [EmbeddedS3Message];
  if (message.kind === 'failed') {
    child.kill('SIGKILL');
    throw new Error(`the embedded S3 server could not start: ${message.message}`);
  }
  exited.then(
    ([code, signal]) => {
      if (!stopping) options.logger.error({ code, signal }, 'embedded S3 server stopped unexpectedly; storage calls will fail');
    },
    (error: unknown) => options.logger.error({ err: error }, 'embedded S3 server failed; storage calls will fail'),
  );
  options.logger.debug({ port: message.port, pid: child.pid }, 'embedded S3 listening on loopback');

  return {
    endpoint: `http://127.0.0.1:${message.port}`,
    accessKeyId: S3RVER_KEY,
    secretAccessKey: S3RVER_KEY,
    pid: child.pid!,
    async stop() {
      if (!stopping) {
        stopping = true;
        if (child.connected) child.send('stop');
        // A connection still open would keep it listening; do not let that hold up shutdown.
        const deadline = setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
        exited.finally(() => clearTimeout(deadline)).catch(() => {}); // a failure is logged above
      }
      await exited;
    },
  };
}
