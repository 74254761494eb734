import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { RecordEntity } from '../../shared/base-entity.js';

/** The upscale factors a plan may allow, smallest first. */
export const UPSCALE_FACTORS = [2, 4, 8] as const;
export type UpscaleFactor = (typeof UPSCALE_FACTORS)[number];

/**
 * The plan every customer has until staff change it. Its row is created by the plans migration
 * with this fixed id, which is also the database default of `customers.plan_id`, so a customer
 * created by any path (the API, a script, plain SQL) has a plan.
 */
export const FREE_PLAN_ID = '5f0e8c1a-7b1d-4c3e-9a51-0f2e6d1c0001';

/**
 * AI-enhancement entitlements (seed 000's PlanEntitlements). Caps count usage units, which each
 * model costs per image; credits are units staff grant on top of the caps. Plans are data, made
 * by migrations: there is no API to edit them, only to assign one to a customer.
 */
@ObjectType({ description: 'AI-enhancement entitlements a customer can be given: caps in usage units and the features allowed.' })
@Entity({ tableName: 'plans' })
@Check({ name: 'plans_units_check', expression: 'daily_units >= 0 AND monthly_units >= 0' })
@Check({ name: 'plans_max_upscale_check', expression: 'max_upscale IN (2, 4, 8)' })
export class Plan extends RecordEntity {
  [OptionalProps]?: 'createdAt';

  @Field({ description: 'Stable machine name, e.g. free, standard, studio.' })
  @Property({ type: 'text', unique: 'plans_key_unique' })
  key!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Int, { description: 'Usage units per day (the configured time zone’s calendar day).' })
  @Property({ type: 'integer' })
  dailyUnits!: number;

  @Field(() => Int, { description: 'Usage units per calendar month.' })
  @Property({ type: 'integer' })
  monthlyUnits!: number;

  @Field(() => Int, { description: 'Largest upscale factor allowed: 2, 4 or 8.' })
  @Property({ type: 'integer' })
  maxUpscale!: UpscaleFactor;

  @Field({ description: 'Whether face enhancement (e.g. GFPGAN, CodeFormer) is allowed.' })
  @Property({ type: 'boolean' })
  faceEnhance!: boolean;

  @Field({ description: 'Whether units beyond the caps may be paid from the customer’s credit balance.' })
  @Property({ type: 'boolean' })
  creditsAllowed!: boolean;
}
