import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base-entity.js';
import { Customer } from '../customers/customer.entity.js';
import { JobStatus } from '../../shared/domain/job-status.js';

@ObjectType({ description: 'A shoot for one customer, with its images and package.' })
@Entity({ tableName: 'jobs' })
@Check({ name: 'jobs_included_images_check', expression: 'included_images >= 0' })
@Index({ name: 'jobs_customer_status_created_idx', properties: ['customer', 'status', 'createdAt'] })
@Index({ name: 'jobs_status_created_idx', properties: ['status', 'createdAt'] })
export class Job extends BaseEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'status' | 'version' | 'deliveredAt' | 'allowCustomerUploads';

  @ManyToOne({ entity: () => Customer, deleteRule: 'restrict' })
  customer!: Rel<Customer>;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field(() => JobStatus)
  @Enum({ items: () => JobStatus })
  status: JobStatus = JobStatus.IN_PROGRESS;

  /** Package size. Changed after creation only through the audited mutations. */
  @Field(() => Int, { description: 'Package size: how many images the customer may select without paying extra.' })
  @Property({ type: 'integer' })
  includedImages!: number;

  @Field({ description: 'Every image of the job is released (except images staff blocked).' })
  @Property({ type: 'boolean' })
  allImagesIncluded!: boolean;

  @Field({ description: 'Whether users of the job’s customer may upload images into it.' })
  @Property({ type: 'boolean' })
  allowCustomerUploads: boolean = false;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  @Field(() => Int, { description: 'Optimistic-concurrency version: increases with every change of the job.' })
  @Property({ type: 'integer', version: true })
  version!: number;
}
