import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Connection, PageArgs, SortDirection } from '../../shared/connection.js';
import { ExtraRequest, ExtraRequestStatus } from './extra-request.entity.js';

export const ExtraRequestConnection = Connection(ExtraRequest, 'ExtraRequest');

export enum ExtraDecision {
  PAID = 'PAID',
  FREE = 'FREE',
  DECLINED = 'DECLINED',
}
registerEnumType(ExtraDecision, {
  name: 'ExtraDecision',
  description: 'The studio’s answer to a request for an extra.',
  valuesConfig: {
    PAID: { description: 'Approve as a paid extra: the image becomes EXTRA_PAID.' },
    FREE: { description: 'Approve free of charge (goodwill): the image becomes EXTRA_FREE.' },
    DECLINED: { description: 'Decline: the image goes back to NONE.' },
  },
});

@InputType()
export class ExtraRequestFilter {
  @Field(() => [ExtraRequestStatus], { nullable: true }) status?: ExtraRequestStatus[];
  @Field(() => ID, { nullable: true }) jobId?: string;
  @Field(() => ID, { nullable: true }) customerId?: string;
}

@ArgsType()
export class ExtraRequestsArgs extends PageArgs {
  @Field(() => ExtraRequestFilter, { nullable: true }) filter?: ExtraRequestFilter;
  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.ASC, description: 'By the time of the request; oldest first by default.' })
  sortDirection!: SortDirection;
}
