import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate } from '../../shared/connection.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { jobScope } from '../../policy/visibility.js';
import { uuidOrNoMatch, findById } from '../../shared/ids.js';
import { optionalText, requireIntInRange, requireText } from '../../shared/input-validation.js';
import { LockMode } from '@mikro-orm/core';
import { AuditSubject, type AuditService } from '../audit/audit.service.js';
import type { Caller } from '../users/caller.js';
import { containsPattern } from '../../shared/like-pattern.js';
import { Customer } from '../customers/customer.entity.js';
import type { StudioService } from '../studio/studio.service.js';
import type { User } from '../users/user.entity.js';
import { JobStatus } from '../../shared/domain/job-status.js';
import type { Notifications } from '../notifications/notifications.service.js';
import { SelectionState } from '../../shared/domain/image-enums.js';
import { Job } from './job.entity.js';
import type { CreateJobInput, JobsArgs, UpdateJobInput } from './job.types.js';

export const MAX_INCLUDED_IMAGES = 100_000;

export class JobService {
  constructor(
    private readonly studio: StudioService,
    private readonly audit: AuditService,
    private readonly notifications: Pick<Notifications, 'jobDelivered'>,
  ) {}

  /** Jobs the viewer may see (policy scope), filtered and sorted. */
  async list(em: EntityManager, viewer: User, args: JobsArgs, fixedFilter: FilterQuery<Job> = {}) {
    const conditions: FilterQuery<Job>[] = [jobScope(viewer), fixedFilter];
    const filter = args.filter ?? {};
    if (filter.customerId) conditions.push({ customer: uuidOrNoMatch(filter.customerId) });
    if (filter.status?.length) conditions.push({ status: { $in: filter.status } });
    if (filter.search?.trim()) {
      const pattern = containsPattern(filter.search);
      conditions.push({ $or: [{ title: { $ilike: pattern } }, { customer: { name: { $ilike: pattern } } }] });
    }
    if (filter.createdFrom) conditions.push({ createdAt: { $gte: filter.createdFrom } });
    if (filter.createdBefore) conditions.push({ createdAt: { $lt: filter.createdBefore } });
    if (filter.hasPendingExtras !== undefined && filter.hasPendingExtras !== null) {
      // Jobs with undecided extras are few (the studio works through them): their ids, then a plain filter.
      const rows = await em.getConnection().execute<{ job_id: string }[]>(`SELECT DISTINCT job_id FROM images WHERE selection_state = '${SelectionState.EXTRA_PENDING}'`);
      const ids = rows.map((row) => row.job_id);
      conditions.push(filter.hasPendingExtras ? { id: { $in: ids } } : { id: { $nin: ids } });
    }
    const direction = args.sortDirection === 'ASC' ? 'asc' : 'desc';
    return paginate(em, Job, { $and: conditions }, args, { [args.sortBy]: direction, id: direction } as never);
  }

  /** Loads a job the caller was already allowed to see (the shield rule ran the policy). */
  async get(em: EntityManager, id: string): Promise<Job> {
    const job = await findById(em, Job, id);
    if (!job) throw notFound('Job');
    return job;
  }

  async create(em: EntityManager, input: CreateJobInput): Promise<Job> {
    const customer = await findById(em, Customer, input.customerId);
    if (!customer) throw badInput('No such customer.', { field: 'customerId', reason: 'NOT_FOUND' });
    const settings = await this.studio.get(em);
    const status = input.status ?? JobStatus.IN_PROGRESS;
    const job = em.create(Job, {
      customer,
      title: requireText(input.title, 'title'),
      status,
      includedImages: requireIntInRange(input.includedImages ?? settings.defaultIncludedImages, 'includedImages', 0, MAX_INCLUDED_IMAGES),
      allImagesIncluded: input.allImagesIncluded ?? false,
      allowCustomerUploads: input.allowCustomerUploads ?? settings.defaultAllowCustomerUploads,
      deliveredAt: status === JobStatus.DELIVERED ? new Date() : null,
    });
    await em.flush();
    return job;
  }

  /**
   * Title, settings and status. The status is audited (rule 6): its audit row is written in the same
   * transaction, under a row lock on the job, or the change does not happen.
   */
  async update(em: EntityManager, caller: Caller, id: string, input: UpdateJobInput): Promise<Job> {
    const reason = optionalText(input.reason, 'reason', 500);
    const title = input.title !== undefined && input.title !== null ? requireText(input.title, 'title') : undefined;
    return em.transactional(async (tx) => {
      const job = await findById(tx, Job, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!job) throw notFound('Job');
      if (input.expectedVersion !== undefined && input.expectedVersion !== null && input.expectedVersion !== job.version) {
        throw conflict('The job was changed by someone else. Reload it and try again.', { reason: 'STALE_VERSION', currentVersion: job.version });
      }
      if (title !== undefined) job.title = title;
      if (input.allowCustomerUploads !== undefined && input.allowCustomerUploads !== null) job.allowCustomerUploads = input.allowCustomerUploads;
      if (input.status && input.status !== job.status) {
        this.audit.record(tx, caller.user, caller.requestId, {
          subject: AuditSubject.JOB,
          jobId: job.id,
          customerId: job.customer.id,
          field: 'status',
          oldValue: job.status,
          newValue: input.status,
          reason,
        });
        job.status = input.status;
        if (input.status === JobStatus.DELIVERED && !job.deliveredAt) job.deliveredAt = new Date();
        // The customer's users are mailed once this commits (each as their settings say).
        if (input.status === JobStatus.DELIVERED) await this.notifications.jobDelivered(tx, job.id);
      }
      await tx.flush();
      return job;
    });
  }
}
