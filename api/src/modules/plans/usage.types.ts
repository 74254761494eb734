import { Field, Int, ObjectType } from 'type-graphql';
import { Plan } from './plan.entity.js';

@ObjectType({ description: 'Plan units in one period (a calendar day or month in the studio’s time zone).' })
export class UsagePeriod {
  @Field(() => Int, { description: 'Plan units charged in this period; refunded tasks do not count, nor units paid from credits.' })
  used!: number;

  @Field(() => Int, { description: 'The plan’s cap for this period.' })
  limit!: number;

  @Field(() => Int, { description: 'limit − used, never below 0. What can be used now is the smaller of the day’s and the month’s, plus credits when the plan allows them.' })
  remaining!: number;

  @Field({ description: 'When the period ends and its cap starts afresh (local midnight).' })
  resetAt!: Date;
}

@ObjectType('Usage', { description: 'A customer’s AI-enhancement usage against their plan.' })
export class UsageReport {
  @Field(() => Plan)
  plan!: Plan;

  @Field(() => UsagePeriod)
  day!: UsagePeriod;

  @Field(() => UsagePeriod)
  month!: UsagePeriod;

  @Field(() => Int, { description: 'Units staff granted beyond the caps that are not spent yet.' })
  creditBalance!: number;
}
