import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Connection, PageArgs, SortDirection } from '../../shared/connection.js';
import { AuditEntry } from './audit-entry.entity.js';

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry');

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true }) jobId?: string;
  @Field(() => ID, { nullable: true }) imageId?: string;
  @Field(() => ID, { nullable: true }) actorId?: string;
  @Field(() => ID, { nullable: true, description: 'Changes to the customer (plan, credits), to all of its jobs and images, and to its users.' }) customerId?: string;
  @Field(() => ID, { nullable: true, description: 'Changes an administrator made to this user (role, activation, second factor).' }) userId?: string;
  @Field(() => String, { nullable: true, description: 'includedImages, allImagesIncluded, selectionState, selectionLock, status, plan, creditBalance; for users role, customer, active, secondFactor.' }) field?: string;
  @Field(() => Date, { nullable: true, description: 'Entries at or after this time.' }) from?: Date;
  @Field(() => Date, { nullable: true, description: 'Entries before this time.' }) to?: Date;
}

@ArgsType()
export class AuditEntriesArgs extends PageArgs {
  @Field(() => AuditFilter, { nullable: true }) filter?: AuditFilter;
  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.DESC, description: 'In the order the changes were written: newest first by default.' })
  sortDirection!: SortDirection;
}
