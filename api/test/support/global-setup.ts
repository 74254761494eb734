import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { migrate, openOrm } from '../../src/db/orm.js';
import { createLogger } from '../../src/logger.js';
import { startEmbeddedS3 } from '../../src/storage/embedded-s3.js';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    database: { serverUrl: string; template: string; prefix: string };
    s3: { endpoint: string; accessKeyId: string; secretAccessKey: string };
  }
}

/**
 * Starts what every test file shares: a PostgreSQL server (the machine's when DATABASE_URL is set,
 * otherwise an embedded one), a migrated template database that each file clones, and one real
 * S3-protocol server (s3rver) in which each file makes its own bucket.
 */
export default async function setup(project: TestProject) {
  const logger = createLogger('warn');
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'pixgate-test-'));
  // initdb runs as a separate system user when we are root; it must be able to enter the folder.
  await chmod(scratch, 0o755);
  const stops: (() => Promise<void>)[] = [];

  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const postgres = await startEmbeddedPostgres({ directory: path.join(scratch, 'postgres'), port: await freePort(), logger });
    stops.push(() => postgres.stop());
    serverUrl = postgres.serverUrl;
  }
  // Unique to this run: the pid alone repeats across containers that share one PostgreSQL server.
  const prefix = `pixgate_t${process.pid}_${randomBytes(4).toString('hex')}_`;
  const template = `${prefix}template`;
  await adminQuery(serverUrl, `CREATE DATABASE ${template}`);
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${template}`;
  const orm = await openOrm(templateUrl.toString());
  await migrate(orm);
  await orm.close();

  const s3 = await startEmbeddedS3({ directory: path.join(scratch, 's3'), buckets: [], logger });
  stops.push(() => s3.stop());

  project.provide('database', { serverUrl, template, prefix });
  project.provide('s3', { endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });

  return async () => {
    // Only databases this run created (its own prefix) are dropped: the server may be shared.
    const leftovers = await adminQuery<{ datname: string }>(serverUrl, 'SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    for (const { datname } of leftovers) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    for (const stop of stops.reverse()) await stop();
    await rm(scratch, { recursive: true, force: true });
  };
}

export async function adminQuery<T = unknown>(serverUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
