import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
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
  @Field(() => String, { nullable: true, description: 'Matches the title, case-insensitively.' }) search?: string;
}

@ArgsType()
export class JobsArgs extends PageArgs {
  @Field(() => JobFilter, { nullable: true }) filter?: JobFilter;
  @Field(() => JobSortField, { nullable: true, defaultValue: JobSortField.CREATED_AT }) sortBy!: JobSortField;
  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.DESC }) sortDirection!: SortDirection;
}
