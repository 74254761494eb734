import type { EntityManager } from '@mikro-orm/postgresql';
import { Image } from '../images/image.entity.js';
import { Job } from '../jobs/job.entity.js';
import { Delivery } from './delivery.entity.js';

/** Reading the record of what was delivered; newest first. */
export class DeliveryService {
  forJob(em: EntityManager, jobId: string): Promise<Delivery[]> {
    return em.find(Delivery, { jobId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 500 });
  }

  forImage(em: EntityManager, imageId: string): Promise<Delivery[]> {
    return em.find(Delivery, { imageId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 500 });
  }

  // Ids are plain columns (the record outlives what it names), so these are lookups, not relations.
  imageOf(em: EntityManager, delivery: Delivery): Promise<Image | null> {
    return em.findOne(Image, { id: delivery.imageId });
  }

  jobOf(em: EntityManager, delivery: Delivery): Promise<Job | null> {
    return em.findOne(Job, { id: delivery.jobId });
  }
}
