import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate, type ConnectionWants } from '../../graphql/connection.js';
import { notFound } from '../../graphql/errors.js';
import { imageScope } from '../../policy/visibility.js';
import { findById } from '../../shared/ids.js';
import type { User } from '../users/user.entity.js';
import { Image } from './image.entity.js';
import type { ImagesArgs } from './image.types.js';

/** A whole shoot in one gallery request: galleries are the one list where pages this large are normal. */
export const MAX_GALLERY_PAGE_SIZE = 500;

export class ImageService {
  async listForJob(em: EntityManager, viewer: User, jobId: string, args: ImagesArgs, wants?: ConnectionWants) {
    const conditions: FilterQuery<Image>[] = [imageScope(viewer), { job: jobId }];
    if (args.filter?.status?.length) conditions.push({ status: { $in: args.filter.status } });
    if (args.filter?.selectionState?.length) conditions.push({ selectionState: { $in: args.filter.selectionState } });
    const direction = args.sortDirection === 'DESC' ? 'desc' : 'asc';
    return paginate(em, Image, { $and: conditions }, args, { [args.sortBy]: direction, id: direction } as never, MAX_GALLERY_PAGE_SIZE, wants);
  }

  /** Loads an image the caller was already allowed to see (the shield rule ran the policy). */
  async get(em: EntityManager, id: string): Promise<Image> {
    const image = await findById(em, Image, id, { populate: ['job'] });
    if (!image) throw notFound('Image');
    return image;
  }
}
