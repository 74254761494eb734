import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../../shared/errors.js';
import type { Caller } from '../users/caller.js';
import { findById } from '../../shared/ids.js';
import { optionalText } from '../../shared/input-validation.js';
import { AuditSubject, type AuditService } from '../audit/audit.service.js';
import type { DeliveryPath } from '../downloads/delivery.entity.js';
import { Job } from '../jobs/job.entity.js';
import { Image } from './image.entity.js';

/** The audit field of lock changes, and its two values. */
export const LOCK_AUDIT_FIELD = 'selectionLock';
const LOCKED = 'LOCKED';
const UNLOCKED = 'UNLOCKED';

/**
 * Selection locks (rule 5): written by transfers, read by deselect, removed only by staff. Every
 * change writes its audit row in the same transaction (rule 6).
 */
export class SelectionLockService {
  constructor(private readonly audit: AuditService) {}

  /**
   * Locks these uploaded originals of `job` for the caller's transfer. Call inside the transaction
   * that holds the job's row lock and has just re-checked the policy; the rows commit with it,
   * before a byte is sent. Images already locked stay as they are (downloading again is free).
   */
  async lock(tx: EntityManager, caller: Caller, job: { jobId: string; customerId: string }, imageIds: string[], via: DeliveryPath): Promise<void> {
    if (imageIds.length === 0) return;
    const inserted = await tx.execute<{ image_id: string }[]>(
      `INSERT INTO selection_locks (image_id, job_id, locked_by_id, via)
       SELECT id, job_id, ?, ? FROM images WHERE id IN (?) AND job_id = ? AND derived_from_id IS NULL
       ON CONFLICT (image_id) DO NOTHING RETURNING image_id`, // a parallel transfer's lock already stands: nothing to add
      [caller.user.id, via, imageIds, job.jobId],
    );
    for (const { image_id: imageId } of inserted) {
      this.audit.record(tx, caller.user, caller.requestId, { subject: AuditSubject.IMAGE, jobId: job.jobId, imageId, customerId: job.customerId, field: LOCK_AUDIT_FIELD, oldValue: UNLOCKED, newValue: LOCKED });
    }
    await tx.flush();
  }

  /** Whether the uploaded original is locked; read under the job's row lock by deselect. */
  async isLocked(tx: EntityManager, imageId: string): Promise<boolean> {
    const rows = await tx.execute<{ locked: boolean }[]>('SELECT EXISTS (SELECT 1 FROM selection_locks WHERE image_id = ?) AS locked', [imageId]);
    return rows[0]?.locked === true;
  }

  /** Staff lift a lock, so the customer may deselect the image again. A no-op when it is not locked. */
  unlock(em: EntityManager, caller: Caller, imageId: string, reason: string | null | undefined): Promise<Image> {
    const cleanReason = optionalText(reason, 'reason', 500);
    return em.transactional(async (tx) => {
      const found = await findById(tx, Image, imageId);
      if (!found) throw notFound('Image');
      if (found.derivedFrom) {
        throw badInput('An enhanced image is locked through its original: unlock the original instead.', { field: 'imageId', reason: 'DERIVED_IMAGE', originalId: found.derivedFrom.id });
      }
      const job = await tx.findOneOrFail(Job, { id: found.job.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const deleted = await tx.execute<{ image_id: string }[]>('DELETE FROM selection_locks WHERE image_id = ? RETURNING image_id', [imageId]);
      if (deleted.length > 0) {
        this.audit.record(tx, caller.user, caller.requestId, { subject: AuditSubject.IMAGE, jobId: job.id, imageId, customerId: job.customer.id, field: LOCK_AUDIT_FIELD, oldValue: LOCKED, newValue: UNLOCKED, reason: cleanReason });
      }
      return tx.findOneOrFail(Image, { id: imageId }, { refresh: true });
    });
  }
}
