import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base-entity.js';
import { Image } from '../images/image.entity.js';
import { Job } from '../jobs/job.entity.js';
import { User } from '../users/user.entity.js';

export enum ExtraRequestStatus {
  PENDING = 'PENDING',
  PAID = 'PAID',
  FREE = 'FREE',
  INCLUDED = 'INCLUDED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ExtraRequestStatus, {
  name: 'ExtraRequestStatus',
  description: 'Where a customer’s request for an extra image stands.',
  valuesConfig: {
    PENDING: { description: 'Asked for; the studio has not decided yet (the image is EXTRA_PENDING).' },
    PAID: { description: 'Approved as a paid extra (EXTRA_PAID).' },
    FREE: { description: 'Approved free of charge, as goodwill (EXTRA_FREE).' },
    INCLUDED: { description: 'Taken into the package instead (INCLUDED).' },
    DECLINED: { description: 'Declined by the studio; see decisionNote and when the customer may ask again.' },
    WITHDRAWN: { description: 'The customer deselected the image before a decision.' },
  },
});

/**
 * One request for an extra image: the customer's note, and the studio's decision with its note.
 * Written in the transaction that changes the image's selection state (selection.service.ts), so a
 * request and the state it explains never disagree.
 */
@ObjectType({ description: 'A customer’s request for an image beyond the package, and the studio’s decision.' })
@Entity({ tableName: 'extra_requests' })
@Index({ name: 'extra_requests_status_created_idx', properties: ['status', 'createdAt'] })
@Index({ name: 'extra_requests_image_created_idx', properties: ['image', 'createdAt'] })
@Index({ name: 'extra_requests_job_idx', properties: ['job'] })
export class ExtraRequest extends BaseEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'status' | 'note' | 'decidedBy' | 'decidedAt' | 'decisionNote' | 'mayAskAgainFrom' | 'final' | 'staffNotifiedAt' | 'customerNotifiedAt';

  @ManyToOne({ entity: () => Image, deleteRule: 'cascade' })
  image!: Rel<Image>;

  @ManyToOne({ entity: () => Job, deleteRule: 'cascade' })
  job!: Rel<Job>;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  requestedBy!: Rel<User> | null;

  @Field(() => ExtraRequestStatus)
  @Enum({ items: () => ExtraRequestStatus })
  status: ExtraRequestStatus = ExtraRequestStatus.PENDING;

  @Field(() => String, { nullable: true, description: 'What the customer wrote with the request.' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  decidedBy: Rel<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'The studio’s note on its decision, shown to the customer.' })
  @Property({ type: 'text', nullable: true })
  decisionNote: string | null = null;

  @Field(() => Date, { nullable: true, description: 'After a decline: the customer may ask for this image again from then on (null: at once, unless final).' })
  @Property({ type: 'timestamptz', nullable: true })
  mayAskAgainFrom: Date | null = null;

  @Field({ description: 'After a decline: the customer may not ask for this image again.' })
  @Property({ type: 'boolean', default: false })
  final: boolean = false;

  /** When staff were mailed about this request (modules/notifications); null until then. */
  @Property({ type: 'timestamptz', nullable: true })
  staffNotifiedAt: Date | null = null;

  /** When the customer was mailed the decision; null until then. */
  @Property({ type: 'timestamptz', nullable: true })
  customerNotifiedAt: Date | null = null;
}
