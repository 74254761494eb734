import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate, type ConnectionWants } from '../../shared/connection.js';
import { notFound } from '../../shared/errors.js';
import { imageScope } from '../../policy/visibility.js';
import { findById, uuidOrNoMatch } from '../../shared/ids.js';
import type { Job } from '../jobs/job.entity.js';
import type { User } from '../users/user.entity.js';
import { galleryPage } from './gallery-page.js';
import { Image } from './image.entity.js';
import type { AllImagesArgs, ImageFilter, ImagesArgs } from './image.types.js';

function filterConditions(filter: ImageFilter | undefined): FilterQuery<Image>[] {
  const conditions: FilterQuery<Image>[] = [];
  if (filter?.status?.length) conditions.push({ status: { $in: filter.status } });
  if (filter?.selectionState?.length) conditions.push({ selectionState: { $in: filter.selectionState } });
  if (filter?.derived !== undefined && filter.derived !== null) conditions.push({ derivedFrom: filter.derived ? { $ne: null } : null });
  return conditions;
}

export class ImageService {
  /** The job's images the viewer may see (rule 2), as a gallery page. */
  listForJob(em: EntityManager, viewer: User, job: Job, args: ImagesArgs, wants?: ConnectionWants) {
    const conditions: FilterQuery<Image>[] = [imageScope(viewer), { job: job.id }, ...filterConditions(args.filter)];
    return galleryPage(em, job, { $and: conditions }, args, wants);
  }

  /** Images across jobs the viewer may see (rule 2): staff all, customers the READY images of their delivered jobs. */
  listAll(em: EntityManager, viewer: User, args: AllImagesArgs) {
    const filter = args.filter ?? {};
    const conditions: FilterQuery<Image>[] = [imageScope(viewer)];
    if (filter.jobId) conditions.push({ job: uuidOrNoMatch(filter.jobId) });
    conditions.push(...filterConditions(filter));
    if (filter.updatedSince) conditions.push({ updatedAt: { $gte: filter.updatedSince } });
    const direction = args.sortDirection === 'ASC' ? 'asc' : 'desc';
    return paginate(em, Image, { $and: conditions }, args, { updatedAt: direction, id: direction });
  }

  /** Loads an image the caller was already allowed to see (the shield rule ran the policy). */
  async get(em: EntityManager, id: string): Promise<Image> {
    const image = await findById(em, Image, id, { populate: ['job'] });
    if (!image) throw notFound('Image');
    return image;
  }
}
