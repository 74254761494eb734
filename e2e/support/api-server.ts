import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const API_DIR = fileURLToPath(new URL('../../api/', import.meta.url));

export interface ApiServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * The API as `npm start` runs it: its own process with the embedded PostgreSQL and S3, the demo
 * data seeded, the back office served from admin/dist. Only the ports, the data folder and the
 * rate limits (a test signs in far more often than a person) differ, and what a spec passes in `env`.
 */
export async function startApiServer(options: { env?: Record<string, string>; demoData?: boolean } = {}): Promise<ApiServer> {
  const demoData = options.demoData ?? true;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pixgate-e2e-'));
  // initdb runs as another system user when we are root.
  await chmod(dataDir, 0o755);
  const [port, pgPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: API_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      SEED_DEMO_DATA: String(demoData),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_LOGIN_ACCOUNT_IP: '10000/1m',
      RATE_LIMIT_LOGIN_IP: '10000/1m',
      RATE_LIMIT_LOGIN_ACCOUNT: '10000/1m',
      RATE_LIMIT_GENERAL_IP: '1000000/1m',
      // A spec that needs another setting (short-lived image URLs) starts a server of its own.
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = once(child, 'exit');

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      // Ctrl-C, as a person stops `npm start`: the API stops its embedded servers itself.
      child.kill('SIGINT');
      const deadline = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(deadline);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    // Ready, and the demo data seeded (its logins are printed after the seed).
    const ready = await fetch(`${url}/readyz`).then((response) => response.ok, () => false);
    if (ready && (!demoData || output.includes('Demo logins'))) return { url, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the API did not start within 120 s\n--- its output ---\n${output}`);
}
