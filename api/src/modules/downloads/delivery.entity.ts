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

/**
 * One successful download of one image (an archive writes one row per image it held, sharing an
 * archiveId). Job and image ids are plain columns so the record survives their removal.
 */
@ObjectType({ description: 'A record of one image delivered to a user.' })
@Entity({ tableName: 'deliveries' })
@Check({ name: 'deliveries_byte_size_check', expression: 'byte_size >= 0' })
@Index({ name: 'deliveries_job_user_idx', properties: ['jobId', 'user'] })
@Index({ name: 'deliveries_image_user_idx', properties: ['imageId', 'user'] })
export class Delivery extends RecordEntity {
  [OptionalProps]?: 'createdAt' | 'archiveId';

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

  @Field(() => SafeIntResolver)
  @Property({ type: 'bigint', runtimeType: 'number' })
  byteSize!: number;
}
