import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { findById } from '../../shared/ids.js';
import { optionalText, requireIntInRange } from '../../shared/input-validation.js';
import { AuditSubject, type AuditService } from '../audit/audit.service.js';
import { SelectionState } from '../../shared/domain/image-enums.js';
import { Image } from '../images/image.entity.js';
import type { Caller } from '../users/caller.js';
import { MAX_INCLUDED_IMAGES } from './job.service.js';
import { Job } from './job.entity.js';

type PackageField = 'includedImages' | 'allImagesIncluded';

/**
 * The only way a job's package changes (rule 6): under a row lock on the job, checked against the
 * version the caller saw, with the audit row in the same transaction. If the audit row cannot be
 * written, the change does not happen.
 */
export class PackageService {
  constructor(private readonly audit: AuditService) {}

  setIncludedImages(em: EntityManager, caller: Caller, jobId: string, value: number, reason: string | null | undefined, expectedVersion: number | null | undefined): Promise<Job> {
    const includedImages = requireIntInRange(value, 'includedImages', 0, MAX_INCLUDED_IMAGES);
    return this.change(em, caller, jobId, 'includedImages', includedImages, reason, expectedVersion, async (tx, job) => {
      if (includedImages >= job.includedImages) return;
      const included = await tx.count(Image, { job: job.id, selectionState: SelectionState.INCLUDED });
      if (includedImages < included) {
        throw badInput(`${included} images are already included; the package cannot be smaller than that.`, {
          field: 'includedImages',
          reason: 'BELOW_INCLUDED_COUNT',
          includedCount: included,
        });
      }
    });
  }

  setAllImagesIncluded(em: EntityManager, caller: Caller, jobId: string, value: boolean, reason: string | null | undefined, expectedVersion: number | null | undefined): Promise<Job> {
    return this.change(em, caller, jobId, 'allImagesIncluded', value, reason, expectedVersion, async () => undefined);
  }

  private change<F extends PackageField>(
    em: EntityManager,
    caller: Caller,
    jobId: string,
    field: F,
    value: Job[F],
    reason: string | null | undefined,
    expectedVersion: number | null | undefined,
    check: (tx: EntityManager, job: Job) => Promise<void>,
  ): Promise<Job> {
    const cleanReason = optionalText(reason, 'reason', 500);
    return em.transactional(async (tx) => {
      const job = await findById(tx, Job, jobId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!job) throw notFound('Job');
      if (expectedVersion !== null && expectedVersion !== undefined && expectedVersion !== job.version) {
        throw conflict('The job was changed by someone else. Reload it and try again.', { reason: 'STALE_VERSION', currentVersion: job.version });
      }
      if (job[field] === value) return job;
      await check(tx, job);
      this.audit.record(tx, caller.user, caller.requestId, {
        subject: AuditSubject.JOB,
        jobId: job.id,
        customerId: job.customer.id,
        field,
        oldValue: job[field],
        newValue: value,
        reason: cleanReason,
      });
      job[field] = value;
      return job;
    });
  }
}
