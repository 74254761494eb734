import type { Plan } from './plan.entity.js';
import type { UsagePeriodName } from './usage-periods.js';

/** Plan units charged (and not refunded) in the current day and month. */
export interface PlanUnitsUsed {
  day: number;
  month: number;
}

export const unitsLeft = (limit: number, used: number): number => Math.max(0, limit - used);

/** What the plan still covers right now: the smaller of what is left of the day and of the month. */
export function planUnitsLeft(plan: Pick<Plan, 'dailyUnits' | 'monthlyUnits'>, used: PlanUnitsUsed): number {
  return Math.min(unitsLeft(plan.dailyUnits, used.day), unitsLeft(plan.monthlyUnits, used.month));
}

/**
 * The period that stops a request: the month when it has no more left than the day (tomorrow would
 * not help), otherwise the day.
 */
export function bindingPeriod(plan: Pick<Plan, 'dailyUnits' | 'monthlyUnits'>, used: PlanUnitsUsed): UsagePeriodName {
  return unitsLeft(plan.monthlyUnits, used.month) <= unitsLeft(plan.dailyUnits, used.day) ? 'MONTH' : 'DAY';
}

export interface Allocation<T> {
  fromPlan: T[];
  fromCredits: T[];
  creditUnits: number;
}

/**
 * Splits a batch between the plan and the credit balance. Each item is paid whole by one source
 * (it becomes one charge row, refunded as a whole), so items are taken in order and paid from the
 * plan while they fit; the rest are paid from credits.
 */
export function allocate<T extends { units: number }>(items: readonly T[], planUnits: number): Allocation<T> {
  const allocation: Allocation<T> = { fromPlan: [], fromCredits: [], creditUnits: 0 };
  let left = planUnits;
  for (const item of items) {
    if (item.units <= left) {
      allocation.fromPlan.push(item);
      left -= item.units;
    } else {
      allocation.fromCredits.push(item);
      allocation.creditUnits += item.units;
    }
  }
  return allocation;
}
