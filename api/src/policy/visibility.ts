import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ImageStatus } from '../shared/domain/image-enums.js';
import { Image } from '../modules/images/image.entity.js';
import { JobStatus } from '../shared/domain/job-status.js';
import { Job } from '../modules/jobs/job.entity.js';
import type { Viewer } from './access-caller.js';
import { uuidsOnly } from '../shared/ids.js';
import { isStaffRole } from '../shared/domain/user-role.js';

/**
 * Who sees what (PRODUCT.md rule 2), as query filters and set-based checks. Staff see everything;
 * a customer user sees only delivered jobs of their own customer and those jobs' READY images.
 * Lists filter with the scopes; single-id access goes through the `visible…Ids` checks, which take
 * and return sets so bulk operations check once.
 */
export const isStaff = (user: Viewer): boolean => isStaffRole(user.role);

const customerIdOf = (user: Viewer): string | null => user.customer?.id ?? null;

export function jobScope(user: Viewer): FilterQuery<Job> {
  if (isStaff(user)) return {};
  const customerId = customerIdOf(user);
  // A customer user without a customer cannot exist (database check); deny everything if it did.
  if (!customerId) return { id: { $in: [] } };
  return { customer: customerId, status: JobStatus.DELIVERED };
}

export function imageScope(user: Viewer): FilterQuery<Image> {
  if (isStaff(user)) return {};
  return { status: ImageStatus.READY, job: jobScope(user) as FilterQuery<Job> };
}

export async function visibleJobIds(em: EntityManager, user: Viewer, ids: Iterable<string>): Promise<Set<string>> {
  const wanted = uuidsOnly(ids);
  if (wanted.length === 0) return new Set();
  // Whole jobs, not ids: the resolver that runs after the check finds the job in the identity map
  // instead of loading it a second time.
  const jobs = await em.find(Job, { $and: [{ id: { $in: wanted } }, jobScope(user)] } as FilterQuery<Job>);
  return new Set(jobs.map((job) => job.id));
}

export async function visibleImageIds(em: EntityManager, user: Viewer, ids: Iterable<string>): Promise<Set<string>> {
  const wanted = uuidsOnly(ids);
  if (wanted.length === 0) return new Set();
  return idsMatching(em, Image, { $and: [{ id: { $in: wanted } }, imageScope(user)] } as FilterQuery<Image>);
}

/** Plain id rows, not entities: a partial entity in the identity map would shadow the full load that follows. */
async function idsMatching<T extends { id: string }>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>): Promise<Set<string>> {
  const rows = await em.createQueryBuilder(entity as EntityName<{ id: string }>).select('id').where(where as never).execute<{ id: string }[]>('all', true);
  return new Set(rows.map((row) => row.id));
}

export function canSeeCustomer(user: Viewer, customerId: string): boolean {
  return isStaff(user) || customerIdOf(user) === customerId;
}

/** Staff upload into any job; a customer only into a job they can see and that allows customer uploads. */
export function canUploadToJob(user: Viewer, job: Job): boolean {
  if (isStaff(user)) return true;
  return customerIdOf(user) === job.customer.id && job.status === JobStatus.DELIVERED && job.allowCustomerUploads;
}
