import 'reflect-metadata';
import { loadConfigOrExit } from '../config.js';
import { startInfrastructure } from '../infrastructure.js';
import { createLogger } from '../logger.js';
import { assertSupportedNode } from '../runtime-guard.js';
import { tuneGarbageCollection } from '../runtime-tuning.js';
import { openApplication } from '../server.js';

/**
 * `npm run worker`: a process that only runs background tasks (enhancements, renders), to scale out beside the API. It
 * shares the API's PostgreSQL (the queue) and S3 (sources and results), so both must be external:
 * the API's embedded ones are private to its process. SIGTERM/SIGINT hand running tasks back to the
 * queue; a worker killed outright is noticed by its missing heartbeat and its task retried elsewhere.
 */
assertSupportedNode();

const config = loadConfigOrExit();
tuneGarbageCollection(config.gcMode);
if (!config.database.url || !config.storage.endpoint) {
  console.error('npm run worker needs DATABASE_URL and S3_ENDPOINT (with its keys): the API’s embedded PostgreSQL and S3 are not shared with other processes.');
  process.exit(1);
}

const logger = createLogger(config.logLevel).child({ role: 'enhancement-worker' });
const infrastructure = await startInfrastructure(config, logger);
let application;
try {
  application = await openApplication({ config, logger, ...infrastructure });
  await application.services.enhancementWorker.start();
  await application.services.renderWorker.start();
  await application.services.notificationWorker.start();
} catch (error) {
  logger.fatal({ err: error }, 'worker start-up failed');
  await application?.close();
  await infrastructure.stop();
  process.exit(1);
}
logger.info({ pid: process.pid, concurrency: config.enhancements.concurrency, renderConcurrency: config.renders.concurrency }, 'worker running');

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker shutting down');
  await application.close().catch((error) => logger.error({ err: error }, 'closing the worker failed'));
  await infrastructure.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
