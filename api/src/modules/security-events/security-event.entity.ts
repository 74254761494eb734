import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { RecordEntity } from '../../shared/base-entity.js';

export enum SecurityEventType {
  LOGIN_FAILED = 'LOGIN_FAILED',
  RATE_LIMITED = 'RATE_LIMITED',
  DOWNLOAD_DENIED = 'DOWNLOAD_DENIED',
  ACCESS_DENIED = 'ACCESS_DENIED',
  UPLOAD_FAILED = 'UPLOAD_FAILED',
  CORS_REFUSED = 'CORS_REFUSED',
}
registerEnumType(SecurityEventType, { name: 'SecurityEventType' });

/** Something an attacker (or a broken client) did, kept for admins; user and ids are plain values. */
@ObjectType({ description: 'A refused or failed request worth an admin’s attention.' })
@Entity({ tableName: 'security_events' })
@Index({ name: 'security_events_created_idx', properties: ['createdAt'] })
@Index({ name: 'security_events_type_created_idx', properties: ['type', 'createdAt'] })
@Index({ name: 'security_events_user_created_idx', properties: ['userId', 'createdAt'] })
export class SecurityEvent extends RecordEntity {
  [OptionalProps]?: 'createdAt' | 'userId' | 'ip' | 'requestId' | 'details';

  @Field(() => SecurityEventType)
  @Enum({ items: () => SecurityEventType })
  type!: SecurityEventType;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;

  @Field(() => GraphQLJSONObject, { description: 'What was refused and why (reason, job, image, limit…).' })
  @Property({ type: 'jsonb' })
  details: Record<string, unknown> = {};
}
