import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import type { StorageMode } from '../../src/storage/storage-mode.js';
import { freePort } from './free-port.js';
import { adminQuery } from './global-setup.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions: { code: string; [key: string]: unknown } }[];
}

export interface TestServer {
  url: string;
  databaseUrl: string;
  services: RunningServer['services'];
  app: RunningServer['app'];
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** Every log line the server wrote, parsed (kept only when started with `captureLogs`). */
  logs: Record<string, unknown>[];
  /** The SQL statements the server ran while `action` ran. */
  queriesDuring(action: () => Promise<unknown>): Promise<string[]>;
  /** A second API instance on the same database, bucket and signing secret (a second process, or this one after a restart). */
  startTwin(): Promise<{ url: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

/**
 * A real API server for one test file: its own database cloned from the migrated template, its own
 * bucket on the shared S3 server, listening on a free loopback port. `presigned` mode behaves as with
 * real S3 (browsers get presigned S3 URLs); the embedded S3 server verifies their SigV4 signatures
 * and expiry as S3 would (but, like S3 for presigned URLs, not the body).
 */
export async function startTestServer(env: Record<string, string> = {}, storageMode: StorageMode = 'proxied', options: { captureLogs?: boolean } = {}): Promise<TestServer> {
  const database = inject('database');
  const s3 = inject('s3');
  const suffix = randomBytes(6).toString('hex');
  const databaseName = `${database.prefix}${suffix}`;
  await adminQuery(database.serverUrl, `CREATE DATABASE ${databaseName} TEMPLATE ${database.template}`);
  const databaseUrl = new URL(database.serverUrl);
  databaseUrl.pathname = `/${databaseName}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pixgate-server-'));
  const jwtSecret = randomBytes(32).toString('hex');
  let recorded: string[] | null = null;
  const logs: Record<string, unknown>[] = [];
  const start = async (port: number) => {
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATA_DIR: dataDir,
      JWT_SECRET: jwtSecret,
      S3_BUCKET: `pixgate-test-${suffix}`,
      SEED_DEMO_DATA: 'false',
      // Tests sign in and upload far more often than a person; the rate-limit tests set their own.
      RATE_LIMIT_KEY_PREFIX: `test-${suffix}`,
      RATE_LIMIT_LOGIN_ACCOUNT_IP: '100000/1m',
      RATE_LIMIT_LOGIN_IP: '100000/1m',
      RATE_LIMIT_LOGIN_ACCOUNT: '100000/1m',
      RATE_LIMIT_UPLOAD_IP: '100000/1m',
      RATE_LIMIT_UPLOAD_USER: '100000/1m',
      RATE_LIMIT_DOWNLOAD_USER: '100000/1m',
      RATE_LIMIT_GENERAL_IP: '1000000/1m',
      ...env,
    });
    const logger = options.captureLogs
      ? createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) })
      : createLogger(config.logLevel);
    return startServer({
      onQuery: (sql) => recorded?.push(sql),
      config,
      logger,
      databaseUrl: databaseUrl.toString(),
      storage: { ...config.storage, endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true },
      storageMode,
    });
  };
  // The port is free when chosen but bound only after the database and queue are up; a parallel
  // test file may take it in between. startServer cleans up after itself, so simply try another.
  let port = await freePort();
  let server: Awaited<ReturnType<typeof startServer>>;
  for (let attempt = 1; ; attempt++) {
    try {
      server = await start(port);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt === 3) throw error;
      port = await freePort();
    }
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    databaseUrl: databaseUrl.toString(),
    services: server.services,
    app: server.app,
    logs,
    async gql(query, variables, token) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as Promise<GraphQLResponse<any>>;
    },
    async queriesDuring(action) {
      recorded = [];
      try {
        await action();
        return recorded;
      } finally {
        recorded = null;
      }
    },
    async startTwin() {
      // Another API instance on the same database, bucket and secret: what a second process or a restart sees.
      const twinPort = await freePort();
      const twin = await start(twinPort);
      return { url: `http://127.0.0.1:${twinPort}`, close: () => twin.close() };
    },
    async close() {
      await server.close();
      await adminQuery(database.serverUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first error's code, for assertions that a call was refused for the right reason. */
export const errorCode = (response: GraphQLResponse): string | undefined => response.errors?.[0]?.extensions.code;
