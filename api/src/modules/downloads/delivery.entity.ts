import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { SafeIntResolver } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { RecordEntity } from '../../shared/base-entity.js';
import { User } from '../users/user.entity.js';

export enum DeliveryPath {
  IMAGE = 'IMAGE',
  ARCHIVE = 'ARCHIVE',
}
registerEnumType(DeliveryPath, { name: 'DeliveryPath', description: 'How the bytes left the server.' });

export enum DeliveryOutcome {
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  BROKEN_OFF = 'BROKEN_OFF',
  REDIRECTED = 'REDIRECTED',
}
registerEnumType(DeliveryOutcome, {
  name: 'DeliveryOutcome',
  description: 'How a transfer ended.',
  valuesConfig: {
    IN_PROGRESS: { description: 'Started and not ended yet, or the serving process stopped while it ran.' },
    COMPLETED: { description: 'Every byte was handed to the connection.' },
    BROKEN_OFF: { description: 'The connection closed or failed before the last byte.' },
    REDIRECTED: { description: 'Answered with a short-lived presigned storage URL; the storage server sent the bytes.' },
  },
});

/**
 * The record of one transfer of one image (an archive writes one row per image it held, sharing an
 * archiveId): written when the transfer starts, ended with the bytes sent and how it ended. It feeds
 * download activity; the selection lock, not this, is what rule 5 looks at. Job and image ids are
 * plain columns so the record survives their removal.
 */
@ObjectType({ description: 'A record of one transfer of one image (or of an archive holding it) to a user.' })
@Entity({ tableName: 'deliveries' })
@Check({ name: 'deliveries_byte_size_check', expression: 'byte_size >= 0' })
@Check({ name: 'deliveries_bytes_sent_check', expression: 'bytes_sent >= 0' })
@Index({ name: 'deliveries_job_user_idx', properties: ['jobId', 'user'] })
@Index({ name: 'deliveries_image_user_idx', properties: ['imageId', 'user'] })
@Index({ name: 'deliveries_ticket_created_idx', properties: ['ticketId', 'createdAt'] })
export class Delivery extends RecordEntity {
  [OptionalProps]?: 'createdAt' | 'archiveId' | 'ticketId' | 'outcome' | 'bytesSent' | 'endedAt';

  @ManyToOne({ entity: () => User, deleteRule: 'restrict' })
  user!: Rel<User>;

  @Property({ type: 'uuid' })
  jobId!: string;

  @Property({ type: 'uuid' })
  imageId!: string;

  @Field(() => DeliveryPath)
  @Enum({ items: () => DeliveryPath })
  path!: DeliveryPath;

  @Property({ type: 'uuid', nullable: true })
  archiveId: string | null = null;

  /** The ticket the transfer was started with: a resume of it on the same URL may come after the ticket expired (rule 7). */
  @Property({ type: 'uuid', nullable: true })
  ticketId: string | null = null;

  @Field(() => SafeIntResolver, { description: 'Size of the image’s original in bytes.' })
  @Property({ type: 'bigint', runtimeType: 'number' })
  byteSize!: number;

  @Field(() => DeliveryOutcome)
  @Enum({ items: () => DeliveryOutcome, default: DeliveryOutcome.IN_PROGRESS })
  outcome: DeliveryOutcome = DeliveryOutcome.IN_PROGRESS;

  @Field(() => SafeIntResolver, { description: 'Bytes of the whole transfer handed to the connection (for an archive: of the archive).' })
  @Property({ type: 'bigint', runtimeType: 'number', defaultRaw: '0' })
  bytesSent: number = 0;

  @Field(() => Date, { nullable: true, description: 'When the transfer ended; null while it runs.' })
  @Property({ type: 'timestamptz', nullable: true })
  endedAt: Date | null = null;
}
