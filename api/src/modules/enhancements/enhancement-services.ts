import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { ObjectStorage } from '../../storage/object-storage.js';
import { DerivedImageService } from '../images/derived-image.service.js';
import type { UsageService } from '../plans/usage.service.js';
import type { StudioService } from '../studio/studio.service.js';
import { EnhancementLifecycle } from './enhancement-lifecycle.js';
import { defineEnhancementQueue } from './enhancement-queue.js';
import type { TaskQueues } from '../../queue/task-queues.js';
import { EnhancementService } from './enhancement.service.js';
import { EnhancementWorker } from './enhancement-worker.js';
import { ModelRegistry } from './model-registry.js';
import { ProviderRegistry } from './provider-registry.js';

/** The enhancement module's part of the composition root (services.ts). */
export function createEnhancementServices(deps: { config: Config; logger: Logger; orm: MikroORM; storage: ObjectStorage; studio: StudioService; usage: UsageService; taskQueues: TaskQueues }) {
  const { config, logger, orm } = deps;
  const providers = new ProviderRegistry(config, logger);
  const models = new ModelRegistry({ enabledIds: config.enhancements.models, availableProviders: providers.available(), maxOutputPixels: config.uploads.maxPixels });
  const queue = defineEnhancementQueue(deps.taskQueues, config.enhancements);
  const lifecycle = new EnhancementLifecycle(deps.usage);
  const derivedImages = new DerivedImageService(config, deps.storage, deps.studio);
  return {
    enhancementProviders: providers,
    enhancementModels: models,
    enhancementQueue: queue,
    enhancementLifecycle: lifecycle,
    derivedImages,
    enhancements: new EnhancementService(models, queue, lifecycle, deps.usage, logger),
    enhancementWorker: new EnhancementWorker({ orm, queue, providers, lifecycle, derivedImages, settings: config.enhancements, logger }),
  };
}
