import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { CUSTOMER_STATES, deselectRefusal, stateAfterSelect } from '../../policy/selection-rules.js';
import { uuidsOnly } from '../../shared/ids.js';
import { optionalText } from '../../shared/input-validation.js';
import { AuditSubject, type AuditService } from '../audit/audit.service.js';
import { Job } from '../jobs/job.entity.js';
import type { Caller } from '../users/caller.js';
import { ImageStatus, SelectionState } from '../../shared/domain/image-enums.js';
import { Image } from './image.entity.js';
import type { SelectionLockService } from './selection-lock.service.js';
import type { AskAgain, ExtraRequestService, SelectionChange } from '../extras/extra-request.service.js';
import { isStaffRole } from '../../shared/domain/user-role.js';

/** How many images one bulk change may touch. */
export const MAX_BULK_IMAGES = 1000;

/** A derived image's downloads follow its source (download policy); staff can only withhold it. */
const DERIVED_IMAGE_STATES: ReadonlySet<SelectionState> = new Set([SelectionState.NONE, SelectionState.BLOCKED]);

/**
 * Customer selection (rule 5). All selections of one job are serialised by a row lock on the job
 * (SELECT … FOR UPDATE, which does not bump its version), so parallel selections never fill more
 * than the package.
 */
export class SelectionService {
  constructor(
    private readonly audit: AuditService,
    private readonly locks: SelectionLockService,
    private readonly extras: ExtraRequestService,
  ) {}

  /** `extraNote` goes with the request for an extra when the package is full; a decline may say the customer cannot ask again (yet). */
  select(em: EntityManager, caller: Caller, imageId: string, extraNote?: string | null): Promise<Image> {
    const note = optionalText(extraNote, 'extraNote', 1000);
    return this.change(em, caller, imageId, note, async (tx, image, job) => {
      if (image.selectionState !== SelectionState.NONE) return image.selectionState;
      const included = await tx.count(Image, { job: job.id, selectionState: SelectionState.INCLUDED });
      const next = stateAfterSelect(image.selectionState, included, job.includedImages);
      if (next === SelectionState.EXTRA_PENDING) {
        const refusal = await this.extras.askAgainRefusal(tx, image.id);
        if (refusal) throw refusal;
      }
      return next;
    });
  }

  deselect(em: EntityManager, caller: Caller, imageId: string): Promise<Image> {
    return this.change(em, caller, imageId, null, async (tx, image) => {
      if (image.selectionState === SelectionState.NONE) return SelectionState.NONE;
      // Select, download, deselect, repeat would hand out the whole shoot: a transfer that has
      // started (finished or not) locked the image, under this same job lock.
      const refusal = deselectRefusal(await this.locks.isLocked(tx, image.id));
      if (refusal) throw conflict('This image has already been downloaded and stays selected.', { reason: refusal });
      return SelectionState.NONE;
    });
  }

  /**
   * Staff set any state on a set of images, all or nothing, one audit row per changed image. The
   * images' jobs are locked in a fixed order (so two bulk changes cannot deadlock) and serialise
   * with customer selections on the same jobs.
   */
  setStates(em: EntityManager, caller: Caller, imageIds: string[], state: SelectionState, reason: string | null | undefined, askAgain?: AskAgain): Promise<Image[]> {
    const cleanReason = optionalText(reason, 'reason', 500);
    const ids = [...new Set(imageIds)];
    if (ids.length === 0) throw badInput('Name at least one image.', { field: 'imageIds', reason: 'REQUIRED' });
    if (ids.length > MAX_BULK_IMAGES) throw badInput(`At most ${MAX_BULK_IMAGES} images at once.`, { field: 'imageIds', reason: 'TOO_MANY', max: MAX_BULK_IMAGES });
    return em.transactional(async (tx) => {
      const found = await tx.find(Image, { id: { $in: uuidsOnly(ids) } }, { fields: ['id', 'job'] });
      const missing = ids.filter((id) => !found.some((image) => image.id === id));
      if (missing.length > 0) throw notFound(`Image ${missing.join(', ')}`);
      const jobIds = [...new Set(found.map((image) => image.job.id))].sort();
      const jobs = new Map<string, Job>();
      for (const jobId of jobIds) jobs.set(jobId, await tx.findOneOrFail(Job, { id: jobId }, { lockMode: LockMode.PESSIMISTIC_WRITE }));
      const images = await tx.find(Image, { id: { $in: ids } }, { refresh: true });
      const inGivenOrder = ids.map((id) => images.find((image) => image.id === id)!);
      const removed = inGivenOrder.filter((image) => image.status === ImageStatus.REMOVED).map((image) => image.id);
      if (removed.length > 0) {
        // The customer can no longer see them: a place in the package for one would be a place lost.
        throw badInput('Removed images keep no selection state.', { field: 'imageIds', reason: 'IMAGE_REMOVED', imageIds: removed });
      }
      const derived = inGivenOrder.filter((image) => image.derivedFrom).map((image) => image.id);
      if (derived.length > 0 && !DERIVED_IMAGE_STATES.has(state)) {
        throw badInput('Enhanced images use no package room: they can only be blocked (BLOCKED) or follow their original (NONE).', {
          field: 'state',
          reason: 'DERIVED_IMAGE',
          imageIds: derived,
        });
      }
      for (const image of inGivenOrder) await this.changeState(tx, { caller, job: jobs.get(image.job.id)!, image, to: state, note: cleanReason, askAgain });
      return inGivenOrder;
    });
  }

  private change(
    em: EntityManager,
    caller: Caller,
    imageId: string,
    note: string | null,
    decide: (tx: EntityManager, image: Image, job: Job) => Promise<SelectionState>,
  ): Promise<Image> {
    return em.transactional(async (tx) => {
      const { job: jobRef } = await tx.findOneOrFail(Image, { id: imageId }, { fields: ['job'] });
      const job = await tx.findOneOrFail(Job, { id: jobRef.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // Read the image only under the lock: a parallel selection may have changed it meanwhile.
      const image = await tx.findOneOrFail(Image, { id: imageId }, { refresh: true });
      if (image.derivedFrom) {
        throw badInput('An enhanced image follows its original: select the original instead.', { field: 'imageId', reason: 'DERIVED_IMAGE' });
      }
      if (!CUSTOMER_STATES.has(image.selectionState)) {
        throw forbidden('This image’s release is managed by the studio.');
      }
      await this.changeState(tx, { caller, job, image, to: await decide(tx, image, job), note });
      return image;
    });
  }

  /** For other audited changes of the job's images (a removal), inside their transaction and under the job's lock. */
  changeUnderJobLock(tx: EntityManager, change: Omit<SelectionChange, 'from'>): Promise<void> {
    return this.changeState(tx, change);
  }

  /**
   * Sets the state, writes its audit row and brings the image's extra request along, on the same
   * transaction; a no-op writes nothing. A customer's note is the request's, not an audit reason.
   */
  private async changeState(tx: EntityManager, change: Omit<SelectionChange, 'from'>): Promise<void> {
    const { caller, job, image, to } = change;
    if (to === image.selectionState) return;
    const byStaff = isStaffRole(caller.user.role);
    this.audit.record(tx, caller.user, caller.requestId, {
      subject: AuditSubject.IMAGE,
      jobId: job.id,
      imageId: image.id,
      customerId: job.customer.id,
      field: 'selectionState',
      oldValue: image.selectionState,
      newValue: to,
      reason: byStaff ? change.note : null,
    });
    await this.extras.onSelectionChange(tx, { ...change, from: image.selectionState });
    image.selectionState = to;
  }
}
