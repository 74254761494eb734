import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { RecordEntity } from '../../shared/base-entity.js';
import { User } from '../users/user.entity.js';
import { UserRole } from '../users/user-role.js';

export enum AuditSubject {
  JOB = 'JOB',
  IMAGE = 'IMAGE',
  CUSTOMER = 'CUSTOMER',
}
registerEnumType(AuditSubject, { name: 'AuditSubject' });

/**
 * Append-only record of a change to a package or a release. The job, image and customer ids are
 * plain columns, not foreign keys, so rows outlive removed images and erased jobs; the actor is a
 * foreign key because users are deactivated, never deleted, and the name and role are snapshots.
 */
@ObjectType({ description: 'Who changed what, when, from what to what, and why.' })
@Entity({ tableName: 'audit_entries' })
@Check({ name: 'audit_entries_subject_ids_check', expression: "(subject <> 'IMAGE' OR image_id IS NOT NULL) AND (subject <> 'JOB' OR job_id IS NOT NULL) AND (subject <> 'CUSTOMER' OR customer_id IS NOT NULL)" })
@Index({ name: 'audit_entries_job_created_idx', properties: ['jobId', 'createdAt'] })
@Index({ name: 'audit_entries_image_created_idx', properties: ['imageId', 'createdAt'] })
@Index({ name: 'audit_entries_actor_created_idx', properties: ['actor', 'createdAt'] })
@Index({ name: 'audit_entries_created_idx', properties: ['createdAt'] })
export class AuditEntry extends RecordEntity {
  [OptionalProps]?: 'createdAt' | 'jobId' | 'imageId' | 'customerId' | 'reason' | 'requestId' | 'oldValue' | 'newValue';

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'restrict' })
  actor!: Rel<User> | null;

  @Field({ description: 'The actor’s name when the change was made.' })
  @Property({ type: 'text' })
  actorName!: string;

  @Field(() => UserRole)
  @Enum({ items: () => UserRole })
  actorRole!: UserRole;

  @Field(() => AuditSubject)
  @Enum({ items: () => AuditSubject })
  subject!: AuditSubject;

  @Property({ type: 'uuid', nullable: true })
  jobId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  imageId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  customerId: string | null = null;

  @Field()
  @Property({ type: 'text' })
  field!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  oldValue: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  newValue: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;
}
