import { describe, expect, it } from 'vitest';
import { MODEL_CATALOGUE } from '../../shared/domain/model-catalogue.js';
import { modelAvailability } from './model-availability.js';
import type { Plan } from './plan.entity.js';

const DAY_END = new Date('2026-12-08T23:00:00Z');
const MONTH_END = new Date('2026-12-31T23:00:00Z');
const FREE = { key: 'free', name: 'Free', dailyUnits: 5, monthlyUnits: 20, maxUpscale: 2, faceEnhance: false, creditsAllowed: false } as Plan;
const STUDIO = { key: 'studio', name: 'Studio', dailyUnits: 200, monthlyUnits: 3000, maxUpscale: 8, faceEnhance: true, creditsAllowed: true } as Plan;

function usage(plan: Plan, used: { day?: number; month?: number } = {}, creditBalance = 0) {
  const period = (limit: number, spent: number, resetAt: Date) => ({ used: spent, limit, remaining: Math.max(0, limit - spent), resetAt });
  return { plan, day: period(plan.dailyUnits, used.day ?? 0, DAY_END), month: period(plan.monthlyUnits, used.month ?? 0, MONTH_END), creditBalance };
}
const byId = (facts: ReturnType<typeof modelAvailability>) => Object.fromEntries(facts.map((fact) => [fact.model.id, fact]));

describe('model availability', () => {
  it('on the free plan: face models and enlargements beyond 2× are refused for the plan, the rest offered with the scales it allows', () => {
    const facts = byId(modelAvailability(MODEL_CATALOGUE, usage(FREE)));
    expect(facts['esrgan-2x']).toMatchObject({ available: true, reason: null, allowedScales: null });
    expect(facts['esrgan-4x']).toMatchObject({ available: false, reason: 'UPSCALE_NOT_IN_PLAN', availableAgainAt: null });
    expect(facts['gfpgan']).toMatchObject({ available: false, reason: 'FACE_ENHANCE_NOT_IN_PLAN' });
    expect(facts['real-esrgan']).toMatchObject({ available: true, allowedScales: [2], faceEnhanceAllowed: false });
  });

  it('on the studio plan everything is offered, with every scale and face repair', () => {
    const facts = modelAvailability(MODEL_CATALOGUE, usage(STUDIO));
    expect(facts.every((fact) => fact.available)).toBe(true);
    expect(byId(facts)['real-esrgan']).toMatchObject({ allowedScales: [2, 4], faceEnhanceAllowed: true });
  });

  it('a used-up day stops models that cost more than is left, until the day ends; the month’s end when the month is what runs out', () => {
    const day = byId(modelAvailability(MODEL_CATALOGUE, usage(FREE, { day: 4, month: 4 })));
    expect(day['esrgan-2x']).toMatchObject({ available: true });
    expect(day['restore-basic']).toMatchObject({ available: true });
    expect(day['real-esrgan']).toMatchObject({ available: false, reason: 'QUOTA_USED_UP', availableAgainAt: DAY_END });
    const month = byId(modelAvailability(MODEL_CATALOGUE, usage(FREE, { day: 0, month: 20 })));
    expect(month['esrgan-2x']).toMatchObject({ available: false, reason: 'QUOTA_USED_UP', availableAgainAt: MONTH_END });
  });

  it('credits pay where the plan allows them, and only then', () => {
    const spent = { day: 200, month: 200 };
    expect(byId(modelAvailability(MODEL_CATALOGUE, usage(STUDIO, spent, 3)))['codeformer']).toMatchObject({ available: true });
    expect(byId(modelAvailability(MODEL_CATALOGUE, usage(STUDIO, spent, 2)))['codeformer']).toMatchObject({ available: false, reason: 'QUOTA_USED_UP', availableAgainAt: DAY_END });
    expect(byId(modelAvailability(MODEL_CATALOGUE, usage(FREE, { day: 5, month: 5 }, 100)))['esrgan-2x']).toMatchObject({ available: false, reason: 'QUOTA_USED_UP' });
  });

  it('names no reset when the plan’s cap is below the model’s cost, and a plan reason before the quota', () => {
    const tiny = { ...FREE, dailyUnits: 1, maxUpscale: 8 } as Plan;
    expect(byId(modelAvailability(MODEL_CATALOGUE, usage(tiny)))['codeformer']).toMatchObject({ reason: 'FACE_ENHANCE_NOT_IN_PLAN' });
    expect(byId(modelAvailability(MODEL_CATALOGUE, usage(tiny)))['esrgan-4x']).toMatchObject({ available: false, reason: 'QUOTA_USED_UP', availableAgainAt: null });
  });
});
