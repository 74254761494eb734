import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../../config.js';
import type { Logger } from '../../../logger.js';
import type { TaskQueues } from '../../../queue/task-queues.js';
import type { ObjectStorage, StorageSettings } from '../../../storage/object-storage.js';
import type { SecurityEvents } from '../../security-events/security-events.service.js';
import type { StudioService } from '../../studio/studio.service.js';
import { RenderProcess } from './render-process.js';
import { defineRenderQueue } from './render-queue.js';
import { RenderTasks } from './render-tasks.js';
import { RenderWorker } from './render-worker.js';

/** The rendering part of the composition root (services.ts). */
export function createRenderServices(deps: {
  config: Config;
  logger: Logger;
  orm: MikroORM;
  storage: ObjectStorage;
  storageSettings: StorageSettings;
  studio: StudioService;
  securityEvents: SecurityEvents;
  taskQueues: TaskQueues;
}) {
  const { config, logger } = deps;
  const queue = defineRenderQueue(deps.taskQueues, config.renders);
  const renderProcess = new RenderProcess({ storage: deps.storageSettings, threads: config.renders.threads, nice: config.renders.nice }, logger);
  return {
    renderTasks: new RenderTasks(queue),
    renderProcess,
    renderWorker: new RenderWorker({
      orm: deps.orm,
      queue,
      renderProcess,
      storage: deps.storage,
      studio: deps.studio,
      securityEvents: deps.securityEvents,
      settings: config.renders,
      maxPixels: config.uploads.maxPixels,
      logger,
    }),
  };
}
