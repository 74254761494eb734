import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, PageArgs, SortDirection } from '../../shared/connection.js';
import { JobStatus } from '../../shared/domain/job-status.js';
import { Job } from './job.entity.js';

export const JobConnection = Connection(Job, 'Job');

@InputType()
export class CreateJobInput {
  @Field(() => ID) customerId!: string;
  @Field() title!: string;
  @Field(() => JobStatus, { nullable: true, defaultValue: JobStatus.IN_PROGRESS }) status!: JobStatus;
  @Field(() => Int, { nullable: true, description: 'Initial package size; the studio default when omitted.' }) includedImages?: number;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) allImagesIncluded!: boolean;
  @Field(() => Boolean, { nullable: true, description: 'The studio default when omitted.' }) allowCustomerUploads?: boolean;
}

/** Package size and release-all are deliberately absent: they change only through audited mutations. */
@InputType()
export class UpdateJobInput {
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => JobStatus, { nullable: true }) status?: JobStatus;
  @Field(() => Boolean, { nullable: true }) allowCustomerUploads?: boolean;
  @Field(() => Int, { nullable: true, description: 'When given, the update is refused with CONFLICT unless the job is still at this version.' })
  expectedVersion?: number;
  @Field(() => String, { nullable: true, description: 'Why, for the audit entry of a status change (at most 500 characters).' }) reason?: string;
}

export enum JobSortField {
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
  TITLE = 'title',
}
registerEnumType(JobSortField, { name: 'JobSortField' });

@InputType()
export class JobFilter {
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => [JobStatus], { nullable: true }) status?: JobStatus[];
  @Field(() => String, { nullable: true, description: 'Matches the title or the customer’s name, case-insensitively, anywhere in it.' }) search?: string;
  @Field(() => Date, { nullable: true, description: 'Created at or after this time.' }) createdFrom?: Date;
  @Field(() => Date, { nullable: true, description: 'Created before this time.' }) createdBefore?: Date;
  @Field(() => Boolean, { nullable: true, description: 'true: only jobs with extras requested and not yet decided (EXTRA_PENDING); false: only jobs without.' })
  hasPendingExtras?: boolean;
}

@ObjectType({ description: 'How many of a job’s uploaded READY images are in each selection state (enhanced copies are not counted).' })
export class SelectionCounts {
  @Field(() => Int) none!: number;
  @Field(() => Int) included!: number;
  @Field(() => Int) extraPending!: number;
  @Field(() => Int) extraPaid!: number;
  @Field(() => Int) extraFree!: number;
  @Field(() => Int) blocked!: number;
}

@ArgsType()
export class JobsArgs extends PageArgs {
  @Field(() => JobFilter, { nullable: true }) filter?: JobFilter;
  @Field(() => JobSortField, { nullable: true, defaultValue: JobSortField.CREATED_AT }) sortBy!: JobSortField;
  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.DESC }) sortDirection!: SortDirection;
}
