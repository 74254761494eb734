import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { DeliveryPath } from '../downloads/delivery.entity.js';
import { Job } from '../jobs/job.entity.js';
import { User } from '../users/user.entity.js';
import { Image } from './image.entity.js';

/**
 * The selection lock (PRODUCT.md Domain, rule 5): bytes of this image may have left for its job's
 * customer, so the customer can no longer deselect it. Written under the job's row lock, in the
 * transaction that re-checks the download policy, and committed before the first byte is sent or a
 * presigned redirect is answered. An enhanced copy's download locks its source, so only uploaded
 * originals are locked. Staff unlocking deletes the row; the audit trail keeps both events.
 */
@Entity({ tableName: 'selection_locks' })
@Index({ name: 'selection_locks_job_idx', properties: ['job'] })
export class SelectionLock {
  [OptionalProps]?: 'lockedAt';

  @OneToOne({ entity: () => Image, primary: true, owner: true, deleteRule: 'cascade', fieldName: 'image_id' })
  image!: Rel<Image>;

  @ManyToOne({ entity: () => Job, deleteRule: 'cascade' })
  job!: Rel<Job>;

  /** The customer user whose transfer took the lock. Users are deactivated, never deleted. */
  @ManyToOne({ entity: () => User, deleteRule: 'restrict' })
  lockedBy!: Rel<User>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  lockedAt: Date = new Date();

  /** Which kind of transfer took it. */
  @Enum({ items: () => DeliveryPath })
  via!: DeliveryPath;
}
