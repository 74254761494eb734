import { ModelCategory, type ModelDefinition } from '../../shared/domain/model-catalogue.js';
import type { Plan } from './plan.entity.js';
import type { UsageReport } from './usage.types.js';

/** Why a customer cannot start a model now; null when they can. Plan reasons come before the quota: they do not pass with time. */
export type UnavailableReason = 'FACE_ENHANCE_NOT_IN_PLAN' | 'UPSCALE_NOT_IN_PLAN' | 'QUOTA_USED_UP';

export interface ModelAvailabilityFacts {
  model: ModelDefinition;
  available: boolean;
  reason: UnavailableReason | null;
  /** The scale values the plan allows, for models whose `scale` parameter decides; null when the model's scale is fixed. */
  allowedScales: number[] | null;
  /** Whether a `faceEnhance` parameter may be true; false also for models without one. */
  faceEnhanceAllowed: boolean;
  /** With QUOTA_USED_UP: when the period that stops it starts afresh; null when no reset helps (the plan's cap is below the model's cost). */
  availableAgainAt: Date | null;
}

const enlarges = (scale: number) => scale > 1;

/**
 * Which of the offered models a customer on `plan` can start one image with right now, and why not —
 * the same rules usage.service.ts applies when it charges (upscale factor, face enhancement, units of
 * the day and month, credits when the plan allows them), decided ahead so the client offers only
 * what will be accepted.
 */
export function modelAvailability(models: readonly ModelDefinition[], usage: Pick<UsageReport, 'plan' | 'day' | 'month' | 'creditBalance'>): ModelAvailabilityFacts[] {
  return models.map((model) => availabilityOf(model, usage));
}

function availabilityOf(model: ModelDefinition, usage: Pick<UsageReport, 'plan' | 'day' | 'month' | 'creditBalance'>): ModelAvailabilityFacts {
  const { plan } = usage;
  const scaleChoice = model.parameters.find((parameter) => parameter.name === 'scale')?.allowedValues;
  const allowedScales = model.outputScale === null && scaleChoice ? scaleChoice.filter((scale) => !enlarges(scale) || scale <= plan.maxUpscale) : null;
  const hasFaceParameter = model.parameters.some((parameter) => parameter.name === 'faceEnhance');
  const base = { model, allowedScales, faceEnhanceAllowed: hasFaceParameter && plan.faceEnhance, availableAgainAt: null };
  const refuse = (reason: UnavailableReason, availableAgainAt: Date | null = null) => ({ ...base, available: false, reason, availableAgainAt });

  if (model.category === ModelCategory.FACE && !plan.faceEnhance) return refuse('FACE_ENHANCE_NOT_IN_PLAN');
  if (model.outputScale !== null ? enlarges(model.outputScale) && model.outputScale > plan.maxUpscale : allowedScales?.length === 0) return refuse('UPSCALE_NOT_IN_PLAN');
  const quota = quotaStop(plan, usage, model.costUnits);
  if (quota !== undefined) return refuse('QUOTA_USED_UP', quota);
  return { ...base, available: true, reason: null };
}

/**
 * Whether the quota stops one task of `cost` units: undefined when the plan or the credits pay for it;
 * otherwise the reset that lets it start, or null when no reset does (a cap below the cost).
 */
function quotaStop(plan: Plan, usage: Pick<UsageReport, 'day' | 'month' | 'creditBalance'>, cost: number): Date | null | undefined {
  if (Math.min(usage.day.remaining, usage.month.remaining) >= cost) return undefined;
  if (plan.creditsAllowed && usage.creditBalance >= cost) return undefined;
  if (Math.min(plan.dailyUnits, plan.monthlyUnits) < cost) return null;
  // A new day does not help while the month has too little left.
  return usage.month.remaining < cost ? usage.month.resetAt : usage.day.resetAt;
}
