import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { RecordEntity } from '../../shared/base-entity.js';
import { User } from '../users/user.entity.js';
import { UserRole } from '../../shared/domain/user-role.js';

export enum AuditSubject {
  JOB = 'JOB',
  IMAGE = 'IMAGE',
  CUSTOMER = 'CUSTOMER',
  USER = 'USER',
}
registerEnumType(AuditSubject, { name: 'AuditSubject' });

const APPEND_ONLY = "raise exception 'audit_entries is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';";

/**
 * Append-only record of a change to a package, a release, a plan or a user. The job, image,
 * customer and user ids are plain columns, not foreign keys, so rows outlive removed images and erased jobs; the actor is a
 * foreign key because users are deactivated, never deleted, and the name and role are snapshots.
 */
@ObjectType({ description: 'Who changed what, when, from what to what, and why.' })
@Entity({ tableName: 'audit_entries' })
@Check({ name: 'audit_entries_subject_ids_check', expression: "(subject <> 'IMAGE' OR image_id IS NOT NULL) AND (subject <> 'JOB' OR job_id IS NOT NULL) AND (subject <> 'CUSTOMER' OR customer_id IS NOT NULL) AND (subject <> 'USER' OR user_id IS NOT NULL)" })
@Index({ name: 'audit_entries_job_created_idx', properties: ['jobId', 'createdAt'] })
@Index({ name: 'audit_entries_image_created_idx', properties: ['imageId', 'createdAt'] })
@Index({ name: 'audit_entries_actor_created_idx', properties: ['actor', 'createdAt'] })
@Index({ name: 'audit_entries_customer_created_idx', properties: ['customerId', 'createdAt'] })
@Index({ name: 'audit_entries_user_created_idx', properties: ['userId', 'createdAt'] })
@Index({ name: 'audit_entries_created_idx', properties: ['createdAt'] })
// Append-only in the database itself: nobody, not even our own code, can rewrite the trail.
@Trigger({ name: 'audit_entries_no_update_or_delete', timing: 'before', events: ['update', 'delete'], forEach: 'row', body: APPEND_ONLY })
@Trigger({ name: 'audit_entries_no_truncate', timing: 'before', events: ['truncate'], forEach: 'statement', body: APPEND_ONLY })
export class AuditEntry extends RecordEntity {
  [OptionalProps]?: 'createdAt' | 'jobId' | 'imageId' | 'customerId' | 'userId' | 'reason' | 'requestId' | 'oldValue' | 'newValue' | 'sequence';

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

  /** The user whose role, activation or second factor an administrator changed. */
  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

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

  /**
   * Assigned by the database on insert. Changes of one job are serialised by a lock on the job and
   * inserted inside it, so this is the order in which they happened; timestamps can tie.
   */
  @Property({ type: 'bigint', runtimeType: 'number', generated: 'by default as identity', unique: 'audit_entries_sequence_unique' })
  sequence!: number;
}
