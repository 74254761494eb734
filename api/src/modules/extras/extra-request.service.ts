import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate } from '../../shared/connection.js';
import { SelectionState } from '../../shared/domain/image-enums.js';
import { isStaffRole } from '../../shared/domain/user-role.js';
import { conflict, notFound, type AppError } from '../../shared/errors.js';
import { findById, uuidOrNoMatch, uuidsOnly } from '../../shared/ids.js';
import type { Viewer } from '../../policy/access-caller.js';
import { imageScope } from '../../policy/visibility.js';
import type { Notifications } from '../notifications/notifications.service.js';
import type { Image } from '../images/image.entity.js';
import type { Job } from '../jobs/job.entity.js';
import type { Caller } from '../users/caller.js';
import { ExtraRequest, ExtraRequestStatus } from './extra-request.entity.js';
import type { ExtraRequestsArgs } from './extra-request.types.js';

/** What a decline may add: when the customer may ask again, or that they may not. */
export interface AskAgain {
  mayAskAgainFrom?: Date | null;
  final?: boolean;
}

/** A selection change as the extras see it: who, which image, from and to which state, and the words that came with it. */
export interface SelectionChange {
  caller: Caller;
  job: Job;
  image: Image;
  from: SelectionState;
  to: SelectionState;
  /** The customer's note (a select) or the staff's reason (a decision). */
  note: string | null;
  askAgain?: AskAgain;
}

const DECIDED_AS: Partial<Record<SelectionState, ExtraRequestStatus>> = {
  [SelectionState.EXTRA_PAID]: ExtraRequestStatus.PAID,
  [SelectionState.EXTRA_FREE]: ExtraRequestStatus.FREE,
  [SelectionState.INCLUDED]: ExtraRequestStatus.INCLUDED,
  [SelectionState.NONE]: ExtraRequestStatus.DECLINED,
  [SelectionState.BLOCKED]: ExtraRequestStatus.DECLINED,
};

/**
 * Requests for extras follow the image's selection state, in the transaction that changes it: a move
 * to EXTRA_PENDING opens one, a move away decides it (the customer deselecting withdraws it).
 */
export class ExtraRequestService {
  constructor(private readonly notifications: Pick<Notifications, 'extrasRequested' | 'extrasDecided'>) {}

  async onSelectionChange(tx: EntityManager, change: SelectionChange): Promise<void> {
    const { caller, job, image, from, to, note } = change;
    if (to === SelectionState.EXTRA_PENDING && from !== SelectionState.EXTRA_PENDING) {
      tx.create(ExtraRequest, { image, job, requestedBy: caller.user, note });
      await this.notifications.extrasRequested(tx, job.id);
      return;
    }
    if (from !== SelectionState.EXTRA_PENDING) return;
    const pending = await tx.findOne(ExtraRequest, { image: image.id, status: ExtraRequestStatus.PENDING }, { orderBy: { createdAt: 'desc' } });
    if (!pending) return;
    pending.decidedAt = new Date();
    if (!isStaffRole(caller.user.role)) {
      pending.status = ExtraRequestStatus.WITHDRAWN;
      return;
    }
    pending.status = DECIDED_AS[to] ?? ExtraRequestStatus.DECLINED;
    pending.decidedBy = caller.user;
    pending.decisionNote = note;
    await this.notifications.extrasDecided(tx, job.id);
    if (pending.status === ExtraRequestStatus.DECLINED) {
      pending.final = change.askAgain?.final ?? false;
      pending.mayAskAgainFrom = pending.final ? null : (change.askAgain?.mayAskAgainFrom ?? null);
    }
  }

  /** Why a customer may not ask for this image again yet: the last decision on it was a decline that says so. */
  async askAgainRefusal(tx: EntityManager, imageId: string, now = new Date()): Promise<AppError | null> {
    const last = await tx.findOne(ExtraRequest, { image: imageId }, { orderBy: { createdAt: 'desc' } });
    if (last?.status !== ExtraRequestStatus.DECLINED) return null;
    if (last.final) return conflict('The studio declined this extra for good.', { reason: 'EXTRA_DECLINED', final: true });
    if (last.mayAskAgainFrom && last.mayAskAgainFrom > now) {
      return conflict('The studio declined this extra; you may ask again later.', { reason: 'EXTRA_DECLINED', final: false, mayAskAgainFrom: last.mayAskAgainFrom.toISOString() });
    }
    return null;
  }

  /** The inbox: requests across jobs, undecided first by default, oldest first among those. */
  list(em: EntityManager, args: ExtraRequestsArgs) {
    const filter = args.filter ?? {};
    const conditions: FilterQuery<ExtraRequest>[] = [];
    if (filter.status?.length) conditions.push({ status: { $in: filter.status } });
    if (filter.jobId) conditions.push({ job: uuidOrNoMatch(filter.jobId) });
    if (filter.customerId) conditions.push({ job: { customer: uuidOrNoMatch(filter.customerId) } });
    const direction = args.sortDirection === 'DESC' ? 'desc' : 'asc';
    return paginate(em, ExtraRequest, { $and: conditions }, args, { createdAt: direction, id: direction });
  }

  /**
   * A job's requests, newest first, on the images the viewer may see (rule 2: a customer's only on
   * READY images, so a request on an image the studio removed goes with it).
   */
  forJob(em: EntityManager, viewer: Viewer, jobId: string, status?: ExtraRequestStatus[] | null): Promise<ExtraRequest[]> {
    const conditions: FilterQuery<ExtraRequest>[] = [{ job: jobId }, { image: imageScope(viewer) }];
    if (status?.length) conditions.push({ status: { $in: status } });
    return em.find(ExtraRequest, { $and: conditions }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  async pending(em: EntityManager, id: string): Promise<ExtraRequest> {
    const request = await findById(em, ExtraRequest, id);
    if (!request) throw notFound('Extra request');
    if (request.status !== ExtraRequestStatus.PENDING) throw conflict('This request has been decided already.', { reason: 'NOT_PENDING', status: request.status });
    return request;
  }
}

/** Requests of several images at once (a gallery's loader), newest first per image. */
export async function extraRequestsOfImages(em: EntityManager, imageIds: readonly string[]): Promise<ExtraRequest[][]> {
  const requests = await em.find(ExtraRequest, { image: { $in: uuidsOnly(imageIds) } }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  const byImage = new Map<string, ExtraRequest[]>();
  for (const request of requests) byImage.set(request.image.id, [...(byImage.get(request.image.id) ?? []), request]);
  return imageIds.map((id) => byImage.get(id) ?? []);
}
