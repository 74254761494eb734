import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EnhancementModel } from '../enhancements/enhancement.types.js';
import type { UnavailableReason } from './model-availability.js';
import { Plan } from './plan.entity.js';
import { UsagePeriod } from './usage.types.js';

export const ModelUnavailableReason = {
  FACE_ENHANCE_NOT_IN_PLAN: 'FACE_ENHANCE_NOT_IN_PLAN',
  UPSCALE_NOT_IN_PLAN: 'UPSCALE_NOT_IN_PLAN',
  QUOTA_USED_UP: 'QUOTA_USED_UP',
} as const satisfies Record<UnavailableReason, UnavailableReason>;
registerEnumType(ModelUnavailableReason, {
  name: 'ModelUnavailableReason',
  description: 'Why a customer cannot start an enhancement model now.',
  valuesConfig: {
    FACE_ENHANCE_NOT_IN_PLAN: { description: 'The model repairs faces and the plan does not include face enhancement.' },
    UPSCALE_NOT_IN_PLAN: { description: 'The model enlarges more than the plan’s largest upscale factor allows.' },
    QUOTA_USED_UP: { description: 'The plan’s units for the day or month are used up (and credits cannot pay); see availableAgainAt.' },
  },
});

@ObjectType({ description: 'Whether a customer can start one enhancement model now, and if not, why.' })
export class ModelAvailability {
  @Field(() => EnhancementModel) model!: EnhancementModel;
  @Field({ description: 'True when a task of one image with the model’s default parameters would be accepted now.' }) available!: boolean;
  @Field(() => ModelUnavailableReason, { nullable: true, description: 'Null when available. Plan reasons come first: they do not pass with time.' })
  reason!: UnavailableReason | null;
  @Field(() => [Int], { nullable: true, description: 'For models whose `scale` parameter decides: the values the plan allows. Null when the model’s scale is fixed.' })
  allowedScales!: number[] | null;
  @Field({ description: 'Whether the model’s `faceEnhance` parameter may be true (false for models without one).' }) faceEnhanceAllowed!: boolean;
  @Field(() => Date, { nullable: true, description: 'With QUOTA_USED_UP: when the binding day or month starts afresh. Null when no reset helps (the plan’s cap is below the model’s cost).' })
  availableAgainAt!: Date | null;
}

@ObjectType({ description: 'What a customer can enhance now: each offered model with its availability, and the usage left.' })
export class EnhancementAvailability {
  @Field(() => Plan) plan!: Plan;
  @Field(() => Int, { description: 'Plan units usable now: the smaller of what is left of the day and of the month.' }) unitsLeft!: number;
  @Field(() => Int, { description: 'Credits staff granted beyond the caps (usable only when the plan allows credits).' }) creditBalance!: number;
  @Field({ description: 'When more plan units become usable: the end of the day, or of the month when the month has no more left than the day.' }) resetAt!: Date;
  @Field(() => UsagePeriod) day!: UsagePeriod;
  @Field(() => UsagePeriod) month!: UsagePeriod;
  @Field(() => [ModelAvailability], { description: 'Every model the deployment offers, in the order of enhancementModels.' }) models!: ModelAvailability[];
}
