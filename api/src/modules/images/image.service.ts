import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConnectionWants } from '../../shared/connection.js';
import { notFound } from '../../shared/errors.js';
import { imageScope } from '../../policy/visibility.js';
import { findById, uuidsOnly } from '../../shared/ids.js';
import type { Job } from '../jobs/job.entity.js';
import type { User } from '../users/user.entity.js';
import { galleryPage } from './gallery-page.js';
import { Image } from './image.entity.js';
import type { ImagesArgs } from './image.types.js';

export class ImageService {
  /** The job's images the viewer may see (rule 2), as a gallery page. */
  listForJob(em: EntityManager, viewer: User, job: Job, args: ImagesArgs, wants?: ConnectionWants) {
    const conditions: FilterQuery<Image>[] = [imageScope(viewer), { job: job.id }];
    if (args.filter?.status?.length) conditions.push({ status: { $in: args.filter.status } });
    if (args.filter?.selectionState?.length) conditions.push({ selectionState: { $in: args.filter.selectionState } });
    return galleryPage(em, job, { $and: conditions }, args, wants);
  }

  /** The images with these ids the viewer may see (rule 2), by id. */
  async byIds(em: EntityManager, viewer: User, ids: string[]): Promise<Map<string, Image>> {
    if (ids.length === 0) return new Map();
    const images = await em.find(Image, { $and: [imageScope(viewer), { id: { $in: uuidsOnly(ids) } }] });
    return new Map(images.map((image) => [image.id, image]));
  }

  /** Loads an image the caller was already allowed to see (the shield rule ran the policy). */
  async get(em: EntityManager, id: string): Promise<Image> {
    const image = await findById(em, Image, id, { populate: ['job'] });
    if (!image) throw notFound('Image');
    return image;
  }
}
