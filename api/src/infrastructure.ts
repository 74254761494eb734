import path from 'node:path';
import type { Config } from './config.js';
import { databaseUrlOn, ensureDatabase, startEmbeddedPostgres } from './db/embedded-postgres.js';
import type { Logger } from './logger.js';
import { startEmbeddedS3 } from './storage/embedded-s3.js';
import type { StorageSettings } from './storage/object-storage.js';
import type { StorageMode } from './storage/storage-mode.js';

export interface Infrastructure {
  databaseUrl: string;
  storage: StorageSettings;
  storageMode: StorageMode;
  embedded: { database: boolean; storage: boolean };
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE = 'pixgate';

/** External PostgreSQL and S3 when configured; otherwise embedded ones this process starts and stops. */
export async function startInfrastructure(config: Config, logger: Logger, needs: { storage: boolean } = { storage: true }): Promise<Infrastructure> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch((error) => logger.error({ err: error }, 'stopping a service failed'));
  };
  try {
    let databaseUrl = config.database.url;
    if (!databaseUrl) {
      const postgres = await startEmbeddedPostgres({ directory: path.join(config.dataDir, 'postgres'), port: config.database.embeddedPort, logger });
      stops.push(() => postgres.stop());
      databaseUrl = databaseUrlOn(postgres.serverUrl, EMBEDDED_DATABASE);
      logger.info({ port: config.database.embeddedPort }, 'embedded PostgreSQL started');
    }
    await ensureDatabase(databaseUrl).catch((error) => logger.warn({ err: error }, 'could not create the database; assuming it exists'));

    let storage: StorageSettings;
    if (config.storage.endpoint || !needs.storage) {
      storage = { ...config.storage, endpoint: config.storage.endpoint ?? '', accessKeyId: config.storage.accessKeyId ?? '', secretAccessKey: config.storage.secretAccessKey ?? '' };
    } else {
      const s3 = await startEmbeddedS3({ directory: path.join(config.dataDir, 's3'), buckets: [config.storage.bucket], logger });
      stops.push(() => s3.stop());
      storage = { ...config.storage, endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true };
      logger.info('embedded S3 started (loopback only, signed requests only, proxied by the API)');
    }
    return {
      databaseUrl,
      storage,
      storageMode: config.storage.endpoint ? 'presigned' : 'proxied',
      embedded: { database: !config.database.url, storage: !config.storage.endpoint },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
