import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { migrate, openOrm } from './db/orm.js';
import { seedDemoData, type DemoLogin } from './db/seed.js';
import { createHttpApp } from './http/app.js';
import type { Logger } from './logger.js';
import { ensureAdmin } from './modules/users/bootstrap-admin.js';
import { resolveSigningSecret } from './security/secrets.js';
import type { Express } from 'express';
import { createServices, type Services } from './services.js';
import { ObjectStorage, type StorageSettings } from './storage/object-storage.js';
import type { StorageMode } from './storage/storage-mode.js';
import { connectRedis } from './security/redis.js';

export interface RunningServer {
  url: string;
  services: Services;
  /** The Express app, for tools and tests that enumerate its routes. */
  app: Express;
  demoLogins: DemoLogin[];
  close(): Promise<void>;
}

export interface ApplicationOptions {
  config: Config;
  logger: Logger;
  databaseUrl: string;
  storage: StorageSettings;
  storageMode: StorageMode;
  onQuery?: (sql: string) => void;
}

/** Database migrated, bucket present, services built: everything but HTTP (CLIs use this too). */
export async function openApplication(options: ApplicationOptions): Promise<{ services: Services; close(): Promise<void> }> {
  const { config, logger } = options;
  const orm = await openOrm(options.databaseUrl, logger, options.onQuery);
  const storage = new ObjectStorage(options.storage);
  const redis = config.redisUrl ? connectRedis(config.redisUrl, logger) : undefined;
  if (!redis && config.isProduction) logger.warn('REDIS_URL is not set: rate limits are counted per API process');
  let services: Services | undefined;
  const close = async () => {
    // Running enhancement tasks are interrupted and handed back to the queue while it can still take them.
    await services?.enhancementWorker.stop();
    await services?.renderWorker.stop();
    await services?.notificationWorker.stop();
    await services?.uploadRelay.close();
    await services?.taskQueues.stop();
    await services?.enhancementProviders.close();
    // Sign-in codes still being stored or mailed finish first; they need the database.
    await services?.loginCodes.settled();
    await services?.mailer.close();
    await services?.securityEvents.drain();
    await orm.close();
    storage.destroy();
    await redis?.quit().catch(() => redis.disconnect());
  };
  try {
    const applied = await migrate(orm);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
    await storage.ensureBucket();
    const signingSecret = await resolveSigningSecret(config.auth.jwtSecret, config.dataDir);
    services = createServices({ config, logger, orm, storage, storageSettings: options.storage, storageMode: options.storageMode, signingSecret, redis });
    await services.taskQueues.start();
    return { services, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The whole API: application opened, admin and demo data in place, HTTP listening, upload sweeper and (by default) enhancement and render workers running. */
export async function startServer(options: ApplicationOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const application = await openApplication(options);
  const { services } = application;
  let httpServer: Server | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  const close = async () => {
    clearInterval(sweeper);
    await services.enhancementWorker.stop();
    await services.renderWorker.stop();
    await services.notificationWorker.stop();
    if (httpServer?.listening) await new Promise<void>((resolve) => httpServer!.close(() => resolve()));
    await application.close();
  };
  try {
    if (config.bootstrapAdmin) await ensureAdmin(services.orm.em.fork(), config.bootstrapAdmin, logger);
    const workersHere = config.enhancements.workersInServer;
    // Before the demo data, whose uploads it renders.
    if (workersHere) await services.renderWorker.start();
    if (workersHere) await services.notificationWorker.start();
    const demoLogins = config.seedDemoData ? await seedDemoData(services) : [];

    httpServer = createServer();
    // Replicate's webhooks wake tasks waiting in this process, so only when its workers run here.
    const { app } = await createHttpApp(services, httpServer, { replicateWebhooks: workersHere ? services.enhancementProviders.replicateWebhooks() : undefined });
    httpServer.on('request', app);
    await new Promise<void>((resolve, reject) => {
      httpServer!.once('error', reject);
      httpServer!.listen(config.port, config.host, () => resolve());
    });
    const port = (httpServer.address() as AddressInfo).port;

    sweeper = setInterval(() => {
      services.uploads.sweepAbandoned(services.orm.em.fork()).catch((error) => logger.error({ err: error }, 'upload sweep failed'));
    }, config.uploads.sweepIntervalSeconds * 1000);
    sweeper.unref();
    if (workersHere) await services.enhancementWorker.start();

    return { url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`, services, app, demoLogins, close };
  } catch (error) {
    await close();
    throw error;
  }
}
