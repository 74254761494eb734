import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger.js';
import { ImageStatus, SelectionState } from '../../shared/domain/image-enums.js';
import { RENDITION_KINDS } from '../../shared/domain/rendition-kind.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { findById, isUuid } from '../../shared/ids.js';
import { optionalText } from '../../shared/input-validation.js';
import type { ObjectStorage } from '../../storage/object-storage.js';
import { storageKeys } from '../../storage/storage-keys.js';
import { AuditSubject, type AuditService } from '../audit/audit.service.js';
import { Enhancement, EnhancementStatus } from '../enhancements/enhancement.entity.js';
import { Job } from '../jobs/job.entity.js';
import type { Caller } from '../users/caller.js';
import { Image } from './image.entity.js';
import type { SelectionService } from './selection.service.js';

/** States that hold a place in the package (or were paid for): a replacement takes them over. */
const TRANSFERABLE_STATES: ReadonlySet<SelectionState> = new Set([SelectionState.INCLUDED, SelectionState.EXTRA_PAID, SelectionState.EXTRA_FREE]);

/** The audit field of a removal: the image's status, from what it was to REMOVED or DELETED. */
export const REMOVAL_AUDIT_FIELD = 'status';
export const DELETED = 'DELETED';

/** A PostgreSQL array literal of the images' ids (uuids from the database: nothing to escape). */
const uuidArray = (images: Image[]) => `{${images.map((image) => image.id).join(',')}}`;

export interface RemovalOutcome {
  /** The images taken away: the one asked for and the enhanced images made from it. */
  removedImageIds: string[];
  /** True when nothing had happened to them yet (no delivery, no audit row, no enhancement) and they are gone; false when they are kept as REMOVED. */
  deleted: boolean;
  replacement: Image | null;
}

/**
 * Takes a wrong upload away. An image nobody has touched yet (never delivered, never audited, never
 * enhanced) is deleted with its files. Anything else is kept for the record as REMOVED: customers no
 * longer see or download it, staff still do. Either way the removal is audited, in the same
 * transaction, under the job's lock; a replacement in the same job takes over the image's place in
 * the package.
 */
export class ImageRemovalService {
  constructor(
    private readonly audit: AuditService,
    private readonly selection: SelectionService,
    private readonly storage: ObjectStorage,
    private readonly logger: Logger,
  ) {}

  async remove(em: EntityManager, caller: Caller, imageId: string, reason: string | null | undefined, replacementId: string | null | undefined): Promise<RemovalOutcome> {
    const cleanReason = optionalText(reason, 'reason', 500);
    if (replacementId && !isUuid(replacementId)) throw badInput('No such replacement image.', { field: 'replacementId', reason: 'NOT_FOUND' });
    const { outcome, orphanedKeys } = await em.transactional(async (tx) => {
      const found = isUuid(imageId) ? await tx.findOne(Image, { id: imageId }, { fields: ['job'] }) : null;
      if (!found) throw notFound('Image');
      const job = await tx.findOneOrFail(Job, { id: found.job.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // Read only under the job's lock: a selection may have changed the image meanwhile.
      const image = await tx.findOneOrFail(Image, { id: imageId }, { refresh: true });
      if (image.status === ImageStatus.REMOVED) return { outcome: { removedImageIds: [image.id], deleted: false, replacement: null }, orphanedKeys: [] };
      const replacement = replacementId ? await this.replacementFor(tx, image, replacementId) : null;
      const derived = await tx.find(Image, { derivedFrom: image.id, status: { $ne: ImageStatus.REMOVED } });
      const images = [image, ...derived];
      await this.refuseWhileEnhancing(tx, images);

      if (replacement && TRANSFERABLE_STATES.has(image.selectionState)) {
        const place = image.selectionState;
        await this.selection.changeUnderJobLock(tx, { caller, job, image, to: SelectionState.NONE, note: cleanReason });
        await this.selection.changeUnderJobLock(tx, { caller, job, image: replacement, to: place, note: cleanReason });
      }
      const deleted = !(await this.hasHistory(tx, images));
      for (const each of images) {
        // A pending extra is withdrawn and a place in the package is given back, each audited.
        if (!deleted && each.selectionState !== SelectionState.NONE && each.selectionState !== SelectionState.BLOCKED) {
          await this.selection.changeUnderJobLock(tx, { caller, job, image: each, to: SelectionState.NONE, note: cleanReason });
        }
        this.audit.record(tx, caller.user, caller.requestId, {
          subject: AuditSubject.IMAGE,
          jobId: job.id,
          imageId: each.id,
          customerId: job.customer.id,
          field: REMOVAL_AUDIT_FIELD,
          oldValue: each.status,
          newValue: deleted ? DELETED : ImageStatus.REMOVED,
          reason: cleanReason,
        });
        if (!deleted) each.status = ImageStatus.REMOVED;
      }
      const orphanedKeys = deleted ? images.flatMap((each) => this.keysOf(job, each)) : [];
      // Enhanced images come from enhancements, which are history: a deleted image has none.
      if (deleted) tx.remove(image);
      return { outcome: { removedImageIds: images.map((each) => each.id), deleted, replacement }, orphanedKeys };
    });
    // Files go only once the rows are gone for good; a failure leaves unreachable files, never a row without its file.
    if (orphanedKeys.length > 0) {
      await this.storage.delete(orphanedKeys).catch((error: Error) => this.logger.warn({ event: 'image.remove.files_left', imageId, problem: error.message }, 'files of a deleted image could not be deleted'));
    }
    return outcome;
  }

  private async replacementFor(tx: EntityManager, image: Image, replacementId: string): Promise<Image> {
    const replacement = await findById(tx, Image, replacementId, { refresh: true });
    const refuse = (why: string) => badInput(`This image cannot replace the other: ${why}`, { field: 'replacementId', reason: 'INVALID_REPLACEMENT' });
    if (!replacement || replacement.job.id !== image.job.id) throw refuse('it must be another upload of the same job.');
    if (replacement.id === image.id) throw refuse('it is the same image.');
    if (replacement.derivedFrom) throw refuse('an enhanced image follows its original.');
    if (replacement.status !== ImageStatus.READY && replacement.status !== ImageStatus.PROCESSING) throw refuse('it is not a verified upload.');
    if (replacement.selectionState !== SelectionState.NONE) throw refuse('it has a selection state of its own.');
    return replacement;
  }

  private async refuseWhileEnhancing(tx: EntityManager, images: Image[]): Promise<void> {
    const running = await tx.count(Enhancement, { image: { $in: images.map((image) => image.id) }, status: { $in: [EnhancementStatus.QUEUED, EnhancementStatus.PROCESSING] } });
    if (running > 0) throw conflict('An enhancement of this image is still running: cancel it or wait for it first.', { reason: 'ENHANCEMENT_RUNNING' });
  }

  /** Delivered, audited or enhanced: then the image is part of the record and is only hidden. */
  private async hasHistory(tx: EntityManager, images: Image[]): Promise<boolean> {
    const ids = uuidArray(images);
    const [row] = await tx.getConnection().execute<{ touched: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM deliveries WHERE image_id = ANY(?::uuid[]))
           OR EXISTS (SELECT 1 FROM audit_entries WHERE image_id = ANY(?::uuid[]))
           OR EXISTS (SELECT 1 FROM enhancements WHERE image_id = ANY(?::uuid[]))
           OR EXISTS (SELECT 1 FROM extra_requests WHERE image_id = ANY(?::uuid[])) AS touched`,
      [ids, ids, ids, ids],
    );
    return row!.touched;
  }

  private keysOf(job: Job, image: Image): string[] {
    const owner = [job.customer.id, job.id, image.id] as const;
    return [storageKeys.upload(...owner), ...(image.originalKey ? [image.originalKey] : []), ...RENDITION_KINDS.map((kind) => storageKeys.rendition(...owner, kind))];
  }
}
