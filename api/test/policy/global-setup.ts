import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { migrate, openOrm } from '../../src/db/orm.js';
import { createLogger } from '../../src/logger.js';
import { adminQuery } from '../support/global-setup.js';
import { freePort } from '../support/free-port.js';

/**
 * The policy suite's shared part when it runs alone (vitest.policy.config.ts, mutation testing): a
 * migrated template database as in test/support/global-setup.ts, without the S3 server it does not use.
 */
export default async function setup(project: TestProject) {
  const logger = createLogger('warn');
  let serverUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  let scratch: string | null = null;
  if (!serverUrl) {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'pixgate-policy-'));
    await chmod(scratch, 0o755);
    const postgres = await startEmbeddedPostgres({ directory: path.join(scratch, 'postgres'), port: await freePort(), logger });
    stop = () => postgres.stop();
    serverUrl = postgres.serverUrl;
  }
  const prefix = `pixgate_t${process.pid}_${randomBytes(4).toString('hex')}_`;
  const template = `${prefix}template`;
  await adminQuery(serverUrl, `CREATE DATABASE ${template}`);
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${template}`;
  const orm = await openOrm(templateUrl.toString());
  await migrate(orm);
  await orm.close();
  project.provide('database', { serverUrl, template, prefix });

  return async () => {
    const leftovers = await adminQuery<{ datname: string }>(serverUrl, 'SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    for (const { datname } of leftovers) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    await stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  };
}
