import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RecordEntity } from '../../shared/base-entity.js';
import { Customer } from '../customers/customer.entity.js';
import { Image } from '../images/image.entity.js';
import { Job } from '../jobs/job.entity.js';
import { User } from '../users/user.entity.js';
import type { EnhancementParams } from './providers/provider.js';

/** QUEUED → PROCESSING → SUCCEEDED | FAILED | CANCELED, and QUEUED → CANCELED. Never backwards. */
export enum EnhancementStatus {
  QUEUED = 'QUEUED',
  PROCESSING = 'PROCESSING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELED = 'CANCELED',
}
registerEnumType(EnhancementStatus, {
  name: 'EnhancementStatus',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker.' },
    PROCESSING: { description: 'A worker is on it (retries of transient provider failures included).' },
    SUCCEEDED: { description: 'Done: `result` is the derived image.' },
    FAILED: { description: 'Gave up: `error` says why. Usage was given back.' },
    CANCELED: { description: 'Canceled: at once while queued (usage given back), or stopped while processing.' },
  },
});

/** Why a task failed, as seed 000's error mapping says. */
export enum EnhancementErrorCode {
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  PROVIDER_ERROR = 'PROVIDER_ERROR',
  INTERNAL = 'INTERNAL',
}
registerEnumType(EnhancementErrorCode, {
  name: 'EnhancementErrorCode',
  valuesConfig: {
    FORBIDDEN: { description: 'The provider refused our credentials (401/403).' },
    BAD_USER_INPUT: { description: 'The provider refused the input (another 4xx).' },
    PROVIDER_ERROR: { description: 'The provider failed or timed out, and retries did not help.' },
    INTERNAL: { description: 'Something went wrong on our side; the details are in the server log.' },
  },
});

@ObjectType('EnhancementError', { description: 'Why an enhancement failed; the message is short and safe to show.' })
export class EnhancementFailure {
  @Field(() => EnhancementErrorCode) code!: EnhancementErrorCode;
  @Field() message!: string;
}

@ObjectType({ description: 'An AI task on one image (upscale, restore, repair faces); its result is a derived image of the same job.' })
@Entity({ tableName: 'enhancements' })
@Check({ name: 'enhancements_progress_check', expression: 'progress >= 0::real AND progress <= 1::real' })
@Check({ name: 'enhancements_attempts_check', expression: 'attempts >= 0' })
@Check({ name: 'enhancements_error_check', expression: "(status = 'FAILED') = (error_code IS NOT NULL AND error_message IS NOT NULL)" })
@Check({ name: 'enhancements_finished_check', expression: "(status IN ('SUCCEEDED', 'FAILED', 'CANCELED')) = (finished_at IS NOT NULL)" })
@Index({ name: 'enhancements_image_created_idx', properties: ['image', 'createdAt'] })
@Index({ name: 'enhancements_job_created_idx', properties: ['job', 'createdAt'] })
@Index({ name: 'enhancements_customer_created_idx', properties: ['customer', 'createdAt'] })
@Index({ name: 'enhancements_status_created_idx', properties: ['status', 'createdAt'] })
@Index({ name: 'enhancements_result_idx', properties: ['result'] })
export class Enhancement extends RecordEntity {
  [OptionalProps]?:
    | 'createdAt'
    | 'status'
    | 'progress'
    | 'errorCode'
    | 'errorMessage'
    | 'result'
    | 'attempts'
    | 'startedAt'
    | 'finishedAt'
    | 'heartbeatAt'
    | 'cancelRequestedAt'
    | 'providerTaskId'
    | 'requestId';

  /** The source image. */
  @ManyToOne({ entity: () => Image, deleteRule: 'cascade' })
  image!: Rel<Image>;

  /** The source's job, kept on the task so lists by job need no join. */
  @ManyToOne({ entity: () => Job, deleteRule: 'cascade' })
  job!: Rel<Job>;

  /** The job's customer: whose images these are (and, for tasks their users start, who pays). */
  @ManyToOne({ entity: () => Customer, deleteRule: 'restrict' })
  customer!: Rel<Customer>;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  requestedBy!: Rel<User> | null;

  /** The API request that created the task, so worker logs can be joined with it. */
  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;

  @Field({ description: 'The id of the model in the registry (enhancementModels).' })
  @Property({ type: 'text' })
  modelId!: string;

  @Field({ description: 'Where the model runs: local, replicate or huggingface.' })
  @Property({ type: 'text' })
  provider!: string;

  @Field(() => GraphQLJSONObject, { description: 'The parameters, defaults filled in.' })
  @Property({ type: 'jsonb' })
  params!: EnhancementParams;

  @Field(() => EnhancementStatus)
  @Enum({ items: () => EnhancementStatus })
  status: EnhancementStatus = EnhancementStatus.QUEUED;

  @Field(() => Float, { description: 'From 0 to 1, as far as the provider reports it.' })
  @Property({ type: 'float', default: 0 })
  progress: number = 0;

  @Enum({ items: () => EnhancementErrorCode, nullable: true })
  errorCode: EnhancementErrorCode | null = null;

  @Property({ type: 'text', nullable: true })
  errorMessage: string | null = null;

  /** The derived image, once SUCCEEDED. */
  @ManyToOne({ entity: () => Image, nullable: true, deleteRule: 'set null' })
  result: Rel<Image> | null = null;

  @Field(() => Int, { description: 'How many times a worker has started the task (retries and recovered workers count).' })
  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  startedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;

  /** Written by the worker while it runs the task. */
  @Property({ type: 'timestamptz', nullable: true })
  heartbeatAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'Set when a cancel was asked for while processing; the worker stops soon after.' })
  @Property({ type: 'timestamptz', nullable: true })
  cancelRequestedAt: Date | null = null;

  /**
   * The provider's own job (a Replicate prediction id) that a try started, so the next try resumes
   * it instead of paying for another. Internal: never part of the GraphQL type.
   */
  @Property({ type: 'text', nullable: true })
  providerTaskId: string | null = null;
}
