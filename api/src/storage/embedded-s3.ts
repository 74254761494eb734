import { fork } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdir } from 'node:fs/promises';
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

/** What the server's process tells its parent; the secret travels only over this IPC channel. */
export type EmbeddedS3Message =
  | { kind: 'listening'; port: number; accessKeyId: string; secretAccessKey: string }
  | { kind: 'failed'; message: string };

/**
 * Starts s3rver, a real S3-protocol server, behind a front on a free loopback port that checks the
 * SigV4 signature of every request against a secret key made for this start, which only the API
 * learns. s3rver on its own is an open bucket: without the front, any process on the machine could
 * list, read and overwrite every customer's photos. Its files are kept private to this user.
 * Browsers still never get its URLs: in embedded mode the API proxies every upload and download.
 *
 * It runs in a child process, as an external S3 server runs apart from the API: serving object
 * bytes (reading files, writing HTTP responses, parsing uploads) takes no time from the API's event
 * loop, and its buffers do not weigh on the API's heap or memory. The child exits with its parent.
 */
export async function startEmbeddedS3(options: EmbeddedS3Options & { logger: Logger }): Promise<EmbeddedS3> {
  const directory = path.resolve(options.directory);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  // Also when it already existed: the objects are the customers' photos, readable by no other user.
  await chmod(directory, 0o700);
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
  // Where it listens stays out of the logs: nobody but this process has a reason to know.
  options.logger.debug({ pid: child.pid }, 'embedded S3 listening on loopback, signed requests only');

  return {
    endpoint: `http://127.0.0.1:${message.port}`,
    accessKeyId: message.accessKeyId,
    secretAccessKey: message.secretAccessKey,
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
