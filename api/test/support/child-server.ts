import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { freePort } from './free-port.js';
import { adminQuery } from './global-setup.js';

const API_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildServer {
  url: string;
  /** Everything the server process and its children (embedded S3, workers) wrote so far, stdout and stderr together. */
  output(): string;
  /** Stops it the way Ctrl-C would (SIGINT), waits for it to exit and returns its whole output. */
  stop(): Promise<string>;
}

/**
 * The API started as `npm start` starts it: a separate Node process running src/main.ts, configured
 * through the environment only, with the embedded S3 server as its own child. Only the database is
 * given (a clone of the migrated test template), so start-up stays quick.
 */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  const database = inject('database');
  const databaseName = `${database.prefix}${randomBytes(6).toString('hex')}`;
  await adminQuery(database.serverUrl, `CREATE DATABASE ${databaseName} TEMPLATE ${database.template}`);
  const databaseUrl = new URL(database.serverUrl);
  databaseUrl.pathname = `/${databaseName}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pixgate-child-'));
  await chmod(dataDir, 0o755);
  const port = await freePort();

  // Nothing of the test runner's environment leaks in (NODE_ENV=test, VITEST_*): only what an operator sets.
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl.toString(),
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO_DATA: 'false',
    RATE_LIMIT_KEY_PREFIX: `child-${randomBytes(4).toString('hex')}`,
    RATE_LIMIT_GENERAL_IP: '1000000/1m',
    RATE_LIMIT_LOGIN_ACCOUNT_IP: '100000/1m',
    RATE_LIMIT_LOGIN_IP: '100000/1m',
    RATE_LIMIT_LOGIN_ACCOUNT: '100000/1m',
    ...env,
  };
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: API_DIR,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = once(child, 'exit');

  const cleanUp = async () => {
    await rm(dataDir, { recursive: true, force: true });
    await adminQuery(database.serverUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    await cleanUp();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }

  let stopped: Promise<string> | undefined;
  return {
    url,
    output: () => output,
    stop() {
      stopped ??= (async () => {
        child.kill('SIGINT');
        const deadline = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(deadline);
        await cleanUp();
        return output;
      })();
      return stopped;
    },
  };
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited before it was ready (${child.exitCode ?? child.signalCode})`);
    const ready = await fetch(`${url}/readyz`).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server was not ready within 60 s');
}
