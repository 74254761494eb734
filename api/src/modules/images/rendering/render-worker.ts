import { performance } from 'node:perf_hooks';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../../config.js';
import type { Logger } from '../../../logger.js';
import { ImageStatus } from '../../../shared/domain/image-enums.js';
import type { ObjectStorage } from '../../../storage/object-storage.js';
import { storageKeys } from '../../../storage/storage-keys.js';
import { RENDITION_KINDS } from '../../../shared/domain/rendition-kind.js';
import { SecurityEventType, type SecurityEvents } from '../../security-events/security-events.service.js';
import type { StudioService } from '../../studio/studio.service.js';
import { Image } from '../image.entity.js';
import type { UploadFailureReason } from '../upload-failures.js';
import type { RenderProcess } from './render-process.js';
import type { RenderOutcome } from './render-protocol.js';
import type { RenderMessage, RenderQueue, RenderTask } from './render-queue.js';

/**
 * Runs render tasks from the queue where enhancement tasks run (the API process by default, `npm
 * run worker` processes when scaled out): a PROCESSING image's renditions are made from its
 * verified original in the render process and the image becomes READY, or FAILED with a reason.
 * The row changes only from PROCESSING, so a duplicate or late try changes nothing; a try that dies
 * half-way leaves renditions under the image's fixed keys, which the next try overwrites.
 */
export class RenderWorker {
  private started = false;

  constructor(
    private readonly deps: {
      orm: MikroORM;
      queue: RenderQueue;
      renderProcess: RenderProcess;
      storage: ObjectStorage;
      studio: StudioService;
      securityEvents: SecurityEvents;
      settings: Config['renders'];
      maxPixels: number;
      logger: Logger;
    },
  ) {}

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.deps.queue.work(this.deps.settings.concurrency, (task) => this.process(task));
    await this.deps.queue.workGivenUp((message) => this.giveUp(message));
    this.deps.logger.info({ concurrency: this.deps.settings.concurrency, threads: this.deps.settings.threads, nice: this.deps.settings.nice }, 'render workers started');
  }

  /** Stops taking renders, waits for the running ones and ends the render process. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.deps.queue.stopWorking();
    await this.deps.renderProcess.stop();
  }

  private async process(task: RenderTask): Promise<void> {
    const { orm, renderProcess, studio, logger } = this.deps;
    const em = orm.em.fork();
    const image = await em.findOne(Image, { id: task.data.imageId }, { populate: ['job'] });
    // Rendered by an earlier try, failed, or deleted meanwhile: nothing is due.
    if (!image || image.status !== ImageStatus.PROCESSING || !image.originalKey) return;
    const log = logger.child({ imageId: image.id, jobId: image.job.id, attempt: task.retryCount + 1 });
    const { watermarkText } = await studio.get(em);
    const startedAt = performance.now();
    log.debug({ event: 'render.started' }, 'render started');
    // A lost render process rejects here: the message is retried like any transient failure.
    const outcome: RenderOutcome = await renderProcess.render({
      originalKey: image.originalKey,
      owner: { customerId: image.job.customer.id, jobId: image.job.id, imageId: image.id },
      watermarkText,
      maxPixels: this.deps.maxPixels,
    }).catch((error: Error): RenderOutcome => ({ ok: false, message: error.message }));

    if (outcome.ok) {
      const updated = await em.nativeUpdate(Image, { id: image.id, status: ImageStatus.PROCESSING }, { status: ImageStatus.READY, renditions: outcome.renditions, updatedAt: new Date() });
      if (updated === 0) {
        // Settled or deleted while this try ran; renditions of an image that is not READY are nobody's.
        const current = await em.findOne(Image, { id: image.id }, { refresh: true });
        if (current?.status !== ImageStatus.READY) await this.deps.storage.delete(Object.values(outcome.renditions).map((rendition) => rendition.key));
        return;
      }
      log.info({ event: 'render.finished', durationMs: Math.round(performance.now() - startedAt) }, 'image ready');
      return;
    }
    if (outcome.rejected) {
      await this.fail(em, image, outcome.rejected, { deleteOriginal: true });
      return;
    }
    if (task.retryCount >= task.retryLimit) {
      log.error({ event: 'render.failed', reason: 'RENDER_FAILED', problem: outcome.message }, 'render failed on its last try');
      await this.fail(em, image, 'RENDER_FAILED', { deleteOriginal: false });
      return;
    }
    log.warn({ event: 'render.retrying', problem: outcome.message }, 'render try failed; retrying');
    throw new Error(`transient render failure: ${outcome.message}`);
  }

  /** pg-boss used up the message's tries without the render being settled: its workers kept dying. */
  private async giveUp(message: RenderMessage): Promise<void> {
    const em = this.deps.orm.em.fork();
    const image = await em.findOne(Image, { id: message.imageId }, { populate: ['job'] });
    if (image?.status !== ImageStatus.PROCESSING) return;
    this.deps.logger.error({ event: 'render.failed', imageId: image.id, reason: 'RENDER_FAILED', problem: 'given up' }, 'render given up');
    await this.fail(em, image, 'RENDER_FAILED', { deleteOriginal: false });
  }

  /**
   * FAILED with the reason, from PROCESSING only. An image that cannot be rendered loses its bytes like
   * any refused upload; after RENDER_FAILED (storage or workers, not the image) the original stays, so
   * staff can retry the render.
   */
  private async fail(em: EntityManager, image: Image, reason: UploadFailureReason, options: { deleteOriginal: boolean }): Promise<void> {
    const changes = options.deleteOriginal ? { originalKey: null } : {};
    const updated = await em.nativeUpdate(Image, { id: image.id, status: ImageStatus.PROCESSING }, { status: ImageStatus.FAILED, failureReason: reason, updatedAt: new Date(), ...changes });
    if (updated === 0) return;
    // Whatever a try stored before it failed is at the fixed keys: no rendition outlives a failed render.
    const owner = [image.job.customer.id, image.job.id, image.id] as const;
    const renditionKeys = RENDITION_KINDS.map((kind) => storageKeys.rendition(...owner, kind));
    const originalKey = options.deleteOriginal && image.originalKey ? [image.originalKey] : [];
    await this.deps.storage.delete([...originalKey, ...renditionKeys]);
    this.deps.securityEvents.record(SecurityEventType.UPLOAD_FAILED, { userId: image.uploadedBy?.id ?? null, details: { reason, imageId: image.id, jobId: image.job.id, stage: 'render' } });
  }
}
