import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { TestServer } from './test-server.js';

const API_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr. */
  output(): string;
  /** Resolves once its output contains `text`. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
}

/**
 * `npm run worker`'s entry point as its own process, on a test server's database and bucket (the
 * shared S3 server of the test run, which workers need: an API's embedded S3 is its own); resolves
 * once it runs. `stopAll` kills whatever is still running and removes the data directories.
 */
export function workerProcesses(server: () => TestServer) {
  const started: { child: ChildProcess; dataDir: string }[] = [];
  return {
    async start(env: Record<string, string>): Promise<WorkerProcess> {
      const s3 = inject('s3');
      const { config } = server().services;
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pixgate-worker-'));
      const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/cli/worker.ts'], {
        cwd: API_DIR,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          DATA_DIR: dataDir,
          DATABASE_URL: server().databaseUrl,
          S3_ENDPOINT: s3.endpoint,
          S3_ACCESS_KEY_ID: s3.accessKeyId,
          S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
          S3_BUCKET: config.storage.bucket,
          JWT_SECRET: config.auth.jwtSecret,
          SEED_DEMO_DATA: 'false',
          ...env,
        },
      });
      started.push({ child, dataDir });
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const waitFor = (text: string, timeoutMs = 30_000) =>
        new Promise<void>((resolve, reject) => {
          const check = () => {
            if (!output.includes(text)) return;
            clearInterval(poll);
            clearTimeout(timer);
            child.off('exit', exited);
            resolve();
          };
          const exited = (code: number | null) => {
            clearInterval(poll);
            clearTimeout(timer);
            reject(new Error(`the worker exited with ${code} before writing "${text}":\n${output}`));
          };
          const poll = setInterval(check, 20);
          const timer = setTimeout(() => {
            clearInterval(poll);
            child.off('exit', exited);
            reject(new Error(`the worker did not write "${text}" within ${timeoutMs} ms:\n${output}`));
          }, timeoutMs);
          child.once('exit', exited);
          check();
        });
      await waitFor('worker running');
      return { child, output: () => output, waitFor };
    },
    async stopAll(): Promise<void> {
      for (const { child, dataDir } of started.splice(0)) {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL');
          await new Promise((resolve) => child.once('exit', resolve));
        }
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}
