import type { EntityManager } from '@mikro-orm/postgresql';
import { ImageStatus } from '../../../shared/domain/image-enums.js';
import { conflict } from '../../../shared/errors.js';
import { Image } from '../image.entity.js';
import type { RenderQueue } from './render-queue.js';

/** Starting renders: after a verified upload, and again when staff retry one that failed. */
export class RenderTasks {
  constructor(private readonly queue: RenderQueue) {}

  /** Queues the renders of images just made PROCESSING, on `tx`'s open transaction. */
  schedule(tx: EntityManager, imageIds: string[]): Promise<void> {
    return this.queue.enqueue(tx, imageIds.map((imageId) => ({ imageId })));
  }

  /**
   * A render that failed for reasons outside the image (RENDER_FAILED: storage, dying workers) is
   * tried again from the kept original. Refused uploads and images that cannot be rendered have no
   * bytes left: those are uploaded again.
   */
  async retry(em: EntityManager, image: Image): Promise<Image> {
    if (image.status !== ImageStatus.FAILED || image.failureReason !== 'RENDER_FAILED' || !image.originalKey) {
      throw conflict('Only a render that failed with RENDER_FAILED can be retried; upload the image again.', {
        reason: 'NOT_RETRYABLE',
        status: image.status,
        failureReason: image.failureReason,
      });
    }
    await em.transactional(async (tx) => {
      const updated = await tx.nativeUpdate(
        Image,
        { id: image.id, status: ImageStatus.FAILED, failureReason: 'RENDER_FAILED' },
        { status: ImageStatus.PROCESSING, failureReason: null, updatedAt: new Date() },
      );
      if (updated === 0) throw conflict('The image changed meanwhile; reload it.', { reason: 'NOT_RETRYABLE' });
      await this.schedule(tx, [image.id]);
    });
    return (await em.refresh(image))!;
  }
}
