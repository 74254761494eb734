import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base-entity.js';
import { FREE_PLAN_ID, Plan } from '../plans/plan.entity.js';

@ObjectType({ description: 'The paying account (an estate agency, a family): has users and jobs.' })
@Entity({ tableName: 'customers' })
@Check({ name: 'customers_credit_balance_check', expression: 'credit_balance >= 0' })
export class Customer extends BaseEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'contactEmail' | 'notes' | 'plan' | 'creditBalance';

  @Field()
  @Index({ name: 'customers_name_idx' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  contactEmail: string | null = null;

  @Field(() => String, { nullable: true, description: 'Internal notes, visible to staff only.' })
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  // AI-enhancement entitlements: both change only through PlanService (audited, rule 6).

  /** The database fills in the free plan when none is given. The GraphQL field is in modules/plans. */
  @ManyToOne({ entity: () => Plan, deleteRule: 'restrict', default: FREE_PLAN_ID })
  plan!: Rel<Plan>;

  @Field(() => Int, { nullable: true, description: 'Usage units staff granted beyond the plan’s caps, spent when a cap is reached and the plan allows credits. Staff and the customer’s own users.' })
  @Property({ type: 'integer', default: 0 })
  creditBalance: number = 0;
}
