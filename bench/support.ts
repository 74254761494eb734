/**
 * Shared setup for the benchmark scripts: a real API server started the way `api/src/main.ts`
 * starts it (embedded PostgreSQL unless DATABASE_URL is set, embedded S3, migrations), a customer
 * with a user and a job made through the app's services, a sign-in through the `login` mutation,
 * a load client in a child process, and the small statistics and table helpers.
 *
 * Not a test: nothing here asserts. Scripts print figures and exit 0 unless something crashed.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { descendants } from './processes.js';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import pg from 'pg';
import { loadConfig, type Config } from '../api/src/config.js';
import { startInfrastructure, type Infrastructure } from '../api/src/infrastructure.js';
import { createLogger, type Logger } from '../api/src/logger.js';
import { assertSupportedNode } from '../api/src/runtime-guard.js';
import { tuneGarbageCollection } from '../api/src/runtime-tuning.js';
import { startServer, type RunningServer } from '../api/src/server.js';
import type { StorageSettings } from '../api/src/storage/object-storage.js';
import type { StorageMode } from '../api/src/storage/storage-mode.js';
import { JobStatus } from '../api/src/shared/domain/job-status.js';
import { UserRole } from '../api/src/shared/domain/user-role.js';
import { DEMO_PASSWORD } from '../api/src/db/seed.js';
import type { Customer } from '../api/src/modules/customers/customer.entity.js';
import type { Job } from '../api/src/modules/jobs/job.entity.js';
import type { User } from '../api/src/modules/users/user.entity.js';
import type { LoadRequest, LoadResult, DownloadResult } from './load-client.js';

assertSupportedNode();
// Apollo and Express pick their production behaviour from the environment; the config below says production too.
process.env.NODE_ENV ??= 'production';

export const here = path.dirname(fileURLToPath(import.meta.url));

export { freePort } from '../api/test/support/free-port.js';
import { freePort } from '../api/test/support/free-port.js';

export interface BenchServer {
  server: RunningServer;
  config: Config;
  logger: Logger;
  databaseUrl: string;
  dataDir: string;
  /** Where the API's storage is (the embedded S3 server unless configured), for scripts that use it beside the API. */
  storage: StorageSettings;
  /** POST /graphql on the API. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Starts the whole API on loopback, as main.ts does, with its data in a fresh temp dir. With
 * DATABASE_URL set, a database of our own is created on that server and dropped afterwards.
 */
export async function startBenchServer(options: { storageMode?: StorageMode; env?: Record<string, string> } = {}): Promise<BenchServer> {
  // A port found free can be taken by another process before we listen on it (the machine is shared): try again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startBenchServerOnce(options);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 3) throw error;
      console.warn(`port taken while starting (${(error as Error).message}); starting again`);
    }
  }
}

async function startBenchServerOnce(options: { storageMode?: StorageMode; env?: Record<string, string> }): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = path.join(os.tmpdir(), `pixgate-bench-${randomBytes(6).toString('hex')}`);
  let ownDatabase: { serverUrl: string; name: string } | undefined;
  let databaseUrl: string | undefined;
  if (process.env.DATABASE_URL) {
    const name = `pixgate_bench_${randomBytes(5).toString('hex')}`;
    ownDatabase = { serverUrl: process.env.DATABASE_URL, name };
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }

  // Validated before anything is created, so a configuration error leaves nothing behind.
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    // Production insists on these; nothing in a benchmark uses them (a closed loopback port for mail).
    CORS_ORIGINS: `http://127.0.0.1:${port}`,
    SMTP_URL: 'smtp://127.0.0.1:9',
    // The limiters still run on every request, but one load generator on one address must never hit them.
    RATE_LIMIT_GENERAL_IP: '100000000/1m',
    RATE_LIMIT_DOWNLOAD_USER: '100000000/1m',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO_DATA: 'false',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(process.env.GC_MODE ? { GC_MODE: process.env.GC_MODE } : {}),
    ...options.env,
  });
  tuneGarbageCollection(config.gcMode);
  console.log(`GC_MODE=${config.gcMode}`);
  const logger = createLogger(config.logLevel);
  let infrastructure: Infrastructure | undefined;
  let server: RunningServer | undefined;
  let databaseCreated = false;
  let closing: Promise<void> | undefined;
  // Idempotent: a second caller (the crash handler while the script's own finally runs) waits for the same work.
  const close = () =>
    (closing ??= (async () => {
      await server?.close().catch((error) => console.error('closing the server failed:', error));
      await infrastructure?.stop();
      if (ownDatabase && databaseCreated) {
        await adminQuery(ownDatabase.serverUrl, `DROP DATABASE IF EXISTS ${ownDatabase.name} WITH (FORCE)`).catch((error) => console.error('dropping the bench database failed:', error));
      }
      await rm(dataDir, { recursive: true, force: true });
    })());
  cleanups.push(close);
  try {
    await mkdir(dataDir);
    // initdb runs as a separate system user when we are root; it must be able to enter the folder.
    await chmod(dataDir, 0o755);
    if (ownDatabase) {
      await adminQuery(ownDatabase.serverUrl, `CREATE DATABASE ${ownDatabase.name}`);
      databaseCreated = true;
    }
    infrastructure = await startInfrastructure(config, logger);
    server = await startServer({ config, logger, ...infrastructure, storageMode: options.storageMode ?? infrastructure.storageMode });
  } catch (error) {
    await close();
    throw error;
  }
  const running = server;
  return {
    server: running,
    config,
    logger,
    databaseUrl: infrastructure.databaseUrl,
    dataDir,
    storage: infrastructure.storage,
    async gql(query, variables, token) {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as Promise<any>;
    },
    close,
  };
}

export interface Cast {
  customer: Customer;
  customerUser: User;
  job: Job;
  token: string;
}

/** A customer, one of its users and a delivered job, made through the app's services; the token from the `login` mutation. */
export async function makeCast(bench: BenchServer, job: { includedImages?: number; allImagesIncluded?: boolean } = {}): Promise<Cast> {
  const { services } = bench.server;
  const unique = randomBytes(4).toString('hex');
  const customer = await services.customers.create(services.orm.em.fork(), { name: `Bench customer ${unique}` });
  const customerUser = await services.users.create(services.orm.em.fork(), { command: 'bench' }, {
    email: `bench-${unique}@example.test`,
    name: `Bench user ${unique}`,
    role: UserRole.CUSTOMER,
    customerId: customer.id,
    password: DEMO_PASSWORD,
  });
  const created = await services.jobs.create(services.orm.em.fork(), {
    customerId: customer.id,
    title: `Bench job ${unique}`,
    status: JobStatus.DELIVERED,
    includedImages: job.includedImages ?? 10,
    allImagesIncluded: job.allImagesIncluded ?? false,
  });
  return { customer, customerUser, job: created, token: await signIn(bench, customerUser.email) };
}

/** An access token for a user made by makeCast or makeStaff, from the `login` mutation (again when a long run outlasts one). */
export async function signIn(bench: BenchServer, email: string): Promise<string> {
  const response = await bench.gql<{ login: { accessToken: string } }>(
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    { email, password: DEMO_PASSWORD },
  );
  if (!response.data?.login) throw new Error(`login of ${email} failed: ${JSON.stringify(response.errors)}`);
  return response.data.login.accessToken;
}

/** A staff member (they upload and enhance), made through the users service and signed in through `login`. */
export async function makeStaff(bench: BenchServer): Promise<{ user: User; token: string }> {
  const { services } = bench.server;
  const unique = randomBytes(4).toString('hex');
  const user = await services.users.create(services.orm.em.fork(), { command: 'bench' }, { email: `bench-staff-${unique}@example.test`, name: `Bench staff ${unique}`, role: UserRole.STAFF, password: DEMO_PASSWORD });
  return { user, token: await signIn(bench, user.email) };
}

/**
 * The HTTP load generator in its own process (bench/load-client.ts), so it does not share the
 * server's event loop. It runs with the same Node and loader flags as this process.
 */
export class LoadClient {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();

  constructor() {
    this.child = fork(path.join(here, 'load-client.ts'), [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: { id: number; error?: string; result?: unknown }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error));
      else waiting.resolve(message.result);
    });
    onCleanup(() => this.close());
    this.child.on('exit', (code) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(`load client exited (${code})`));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  private call<T>(message: object): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...message, id });
    });
  }

  load(request: LoadRequest): Promise<LoadResult> {
    return this.call({ cmd: 'load', request });
  }

  download(url: string, headers: Record<string, string> = {}): Promise<DownloadResult> {
    return this.call({ cmd: 'download', url, headers });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ cmd: 'exit', id: 0 });
    await exited;
  }
}

/** A full garbage collection, for stable "before" figures (the flag is set at run time; no CLI flag needed). */
export const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
})();

/** Resets this process's peak RSS (VmHWM) to its current RSS; false where /proc does not allow it. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** This process's peak RSS since start or the last reset, in bytes (Linux), else undefined. */
export function peakRss(): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export { median } from './stats.js';

/** CPU seconds of the descendant whose command line contains `marker` (e.g. 'embedded-s3-process'); 0 if there is none. */
export const childCpuSeconds = (marker: string): number => descendants().find((process) => process.command.includes(marker))?.cpuSeconds ?? 0;

export { fmt, MB, printTable, verdict, writeResults, type Figure, type Results } from './figures.js';

/** Whatever must be stopped however the script ends (embedded PostgreSQL outlives a crashed process otherwise). */
const cleanups: (() => Promise<void>)[] = [];
/**
 * With BENCH_MARKS=1, prints a monotonic timestamp (µs, the clock of --cpu-prof profiles) under a
 * label, so `cpu-profile-window.mjs` can read a profile for the span between two marks.
 */
export function mark(label: string): void {
  if (process.env.BENCH_MARKS) console.log(`mark ${label} ${process.hrtime.bigint() / 1000n}`);
}

export const onCleanup = (cleanup: () => Promise<void>): void => void cleanups.push(cleanup);

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error) => console.error('clean-up failed:', error));
}

/**
 * Runs a benchmark's main function: exits 0 whatever the figures, 1 after a crash. Ctrl-C and
 * uncaught errors still stop the embedded services and remove the temp dir.
 */
export function run(main: () => Promise<void>): void {
  let exiting = false;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    void cleanUp().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => exit(130));
  process.on('SIGTERM', () => exit(143));
  // During clean-up (stopping PostgreSQL under open connections) late errors are only reported.
  process.on('uncaughtException', (error) => {
    console.error(exiting ? 'error during clean-up:' : 'uncaught error:', error);
    exit(1);
  });
  main().then(
    () => exit(0),
    (error) => {
      console.error(error);
      exit(1);
    },
  );
}
