import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate, type PageArgs } from '../../shared/connection.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import type { Logger } from '../../logger.js';
import { isStaff } from '../../policy/visibility.js';
import type { Caller } from '../users/caller.js';
import { findById, uuidOrNoMatch, uuidsOnly } from '../../shared/ids.js';
import { ImageStatus } from '../../shared/domain/image-enums.js';
import { Image } from '../images/image.entity.js';
import type { UsageRequest } from '../plans/usage.service.js';
import type { User } from '../users/user.entity.js';
import { enhancementScope } from '../../policy/enhancement-access.js';
import type { EnhancementLifecycle } from './enhancement-lifecycle.js';
import type { EnhancementQueue } from './enhancement-queue.js';
import { Enhancement, EnhancementStatus } from './enhancement.entity.js';
import type { EnhancementFilter } from './enhancement.types.js';
import type { ModelRegistry } from './model-registry.js';

/** How many images one enhanceImages call may name. */
export const MAX_BATCH_IMAGES = 50;

/** What creating tasks needs of the usage ledger (UsageService): charge them in the same transaction. */
export interface UsageCharges {
  charge(em: EntityManager, request: UsageRequest): Promise<void>;
}

export interface EnhanceRequest {
  imageIds: string[];
  modelId: string;
  params: unknown;
  /** The argument the image ids came in, for error details. */
  field: 'imageId' | 'imageIds';
}

/**
 * Creating, canceling and reading enhancement tasks. Creation is all or nothing: the task rows,
 * the customer's usage charge and the queue messages are written in one transaction, so a crash
 * can neither lose a paid task nor run an unpaid one. Who may touch which images and tasks is
 * decided by the shield rules before these methods run.
 */
export class EnhancementService {
  constructor(
    private readonly registry: ModelRegistry,
    private readonly queue: EnhancementQueue,
    private readonly lifecycle: EnhancementLifecycle,
    private readonly usage: UsageCharges,
    private readonly logger: Logger,
  ) {}

  /** One task per image, in the order given (duplicates once). Customers' tasks are charged to their customer; staff's are not. */
  async enhance(em: EntityManager, caller: Caller, request: EnhanceRequest): Promise<Enhancement[]> {
    const ids = [...new Set(request.imageIds)];
    if (ids.length === 0) throw badInput('Name at least one image.', { field: request.field, reason: 'REQUIRED' });
    if (ids.length > MAX_BATCH_IMAGES) throw badInput(`At most ${MAX_BATCH_IMAGES} images at once.`, { field: request.field, reason: 'TOO_MANY', max: MAX_BATCH_IMAGES });
    const sources = await this.loadSources(em, ids, request.field);
    const checked = sources.map((image) => ({ image, ...this.registry.validate(request.modelId, request.params, { width: image.width!, height: image.height!, imageId: image.id }, request.field) }));
    const { model, params, upscaleFactor, faceEnhance } = checked[0]!;

    const tasks = await em.transactional(async (tx) => {
      const created = checked.map(({ image }) =>
        tx.create(Enhancement, {
          image,
          job: image.job,
          customer: image.job.customer,
          requestedBy: caller.user,
          requestId: caller.requestId ?? null,
          modelId: model.id,
          provider: model.provider,
          params,
        }),
      );
      // Not flushed before the charge: inserting a task takes a key-share lock on its customer row, and
      // twenty requests each holding one while waiting for the charge's row lock would deadlock. The
      // charge locks the customer first and flushes the tasks with its own rows.
      if (!isStaff(caller.user)) {
        await this.usage.charge(tx, {
          customerId: sources[0]!.job.customer.id,
          items: created.map((task) => ({ enhancementId: task.id, units: model.costUnits })),
          upscaleFactor,
          faceEnhance,
        });
      }
      await this.queue.enqueue(tx, created.map((task) => ({ enhancementId: task.id })));
      return created;
    });
    for (const task of tasks) {
      this.logger.info({ event: 'task.created', taskId: task.id, requestId: caller.requestId, imageId: task.image.id, modelId: model.id, provider: model.provider, userId: caller.user.id }, 'enhancement created');
    }
    return tasks;
  }

  /**
   * QUEUED: CANCELED at once, its message canceled and its units given back. PROCESSING: the
   * worker is asked to stop; the task becomes CANCELED within a few seconds, without a refund (the
   * provider has worked). Finished tasks cannot be canceled; canceling twice is harmless.
   */
  async cancel(em: EntityManager, caller: Caller, id: string): Promise<Enhancement> {
    const outcome = await em.transactional(async (tx) => {
      if (await this.lifecycle.cancelQueued(tx, id)) {
        await this.queue.cancel(tx, id);
        return 'canceled' as const;
      }
      return (await this.lifecycle.requestCancel(tx, id)) ? ('requested' as const) : null;
    });
    const task = await findById(em, Enhancement, id, { refresh: true });
    if (!task) throw notFound('Enhancement');
    if (outcome) {
      this.logger.info({ event: outcome === 'canceled' ? 'task.canceled' : 'task.cancel.requested', taskId: id, requestId: caller.requestId, userId: caller.user.id }, 'enhancement cancel');
    } else if (task.status === EnhancementStatus.SUCCEEDED || task.status === EnhancementStatus.FAILED) {
      throw conflict(`This enhancement has already finished (${task.status}).`, { reason: 'ALREADY_FINISHED', status: task.status });
    }
    return task;
  }

  async get(em: EntityManager, id: string): Promise<Enhancement> {
    const task = await findById(em, Enhancement, id);
    if (!task) throw notFound('Enhancement');
    return task;
  }

  /** Newest first, the viewer's scope (rule 2) and the filter applied. */
  list(em: EntityManager, viewer: User, filter: EnhancementFilter | undefined, page: PageArgs) {
    const conditions: FilterQuery<Enhancement>[] = [enhancementScope(viewer)];
    if (filter?.jobId) conditions.push({ job: uuidOrNoMatch(filter.jobId) });
    if (filter?.imageId) conditions.push({ image: uuidOrNoMatch(filter.imageId) });
    if (filter?.status?.length) conditions.push({ status: { $in: filter.status } });
    return paginate(em, Enhancement, { $and: conditions }, page, { createdAt: 'desc', id: 'desc' });
  }

  /** Sources in the given order; every one must exist and be READY. */
  private async loadSources(em: EntityManager, ids: string[], field: EnhanceRequest['field']): Promise<Image[]> {
    const found = await em.find(Image, { id: { $in: uuidsOnly(ids) } }, { populate: ['job'] });
    const byId = new Map(found.map((image) => [image.id, image]));
    const missing = ids.filter((id) => !byId.has(id));
    // Customers never get here with ids they cannot see (the shield rule answered FORBIDDEN); staff learn which ids are unknown.
    if (missing.length > 0) throw notFound(`Image ${missing.join(', ')}`);
    return ids.map((id) => {
      const image = byId.get(id)!;
      if (image.status !== ImageStatus.READY) {
        throw badInput(`Image ${id} is ${image.status}; only READY images can be enhanced.`, { field, reason: 'IMAGE_NOT_READY', imageId: id, status: image.status });
      }
      return image;
    });
  }
}
