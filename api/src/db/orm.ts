import 'reflect-metadata';
import { DataloaderType } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM } from '@mikro-orm/postgresql';
import { migrations } from '../../../migrations/index.js';
import type { Logger } from '../logger.js';
import { entities } from './entities.js';

export type Orm = MikroORM;

/** `onQuery` sees every SQL statement (tests count them to prove lists are N+1-free). */
export function ormConfig(databaseUrl: string, logger?: Logger, onQuery?: (sql: string) => void) {
  return defineConfig({
    clientUrl: databaseUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    // Requests and background tasks each fork their own EntityManager; the global one must stay unused.
    allowGlobalContext: false,
    dataloader: DataloaderType.ALL,
    ensureDatabase: false,
    pool: { min: 0, max: 10 },
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    debug: false,
    ...(onQuery ? { onQuery: (sql: string) => (onQuery(sql), sql) } : {}),
    ...(logger ? { logger: (message: string) => logger.debug({ orm: true }, message) } : {}),
  });
}

export async function openOrm(databaseUrl: string, logger?: Logger, onQuery?: (sql: string) => void): Promise<Orm> {
  return MikroORM.init(ormConfig(databaseUrl, logger, onQuery));
}

export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}
