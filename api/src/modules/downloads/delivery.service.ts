import type { EntityManager } from '@mikro-orm/postgresql';
import { Delivery } from './delivery.entity.js';

/** Reading the record of what was delivered; newest first. */
export class DeliveryService {
  forJob(em: EntityManager, jobId: string): Promise<Delivery[]> {
    return em.find(Delivery, { jobId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 500 });
  }

  forImage(em: EntityManager, imageId: string): Promise<Delivery[]> {
    return em.find(Delivery, { imageId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 500 });
  }

}
