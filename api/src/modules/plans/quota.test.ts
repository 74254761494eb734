import { describe, expect, it } from 'vitest';
import { allocate, bindingPeriod, planUnitsLeft } from './quota.js';

const plan = { dailyUnits: 5, monthlyUnits: 20 };

describe('planUnitsLeft', () => {
  it('is the smaller of what is left of the day and the month, never negative', () => {
    expect(planUnitsLeft(plan, { day: 0, month: 0 })).toBe(5);
    expect(planUnitsLeft(plan, { day: 2, month: 18 })).toBe(2);
    expect(planUnitsLeft(plan, { day: 7, month: 7 })).toBe(0);
  });
});

describe('bindingPeriod', () => {
  it('names the day while the month has more left, else the month (a new day would not help)', () => {
    expect(bindingPeriod(plan, { day: 5, month: 5 })).toBe('DAY');
    expect(bindingPeriod(plan, { day: 1, month: 19 })).toBe('MONTH');
    expect(bindingPeriod(plan, { day: 5, month: 20 })).toBe('MONTH');
  });
});

describe('allocate', () => {
  it('pays whole items from the plan while they fit, the rest from credits', () => {
    const items = [{ units: 2 }, { units: 4 }, { units: 1 }, { units: 1 }];
    expect(allocate(items, 4)).toEqual({ fromPlan: [items[0], items[2], items[3]], fromCredits: [items[1]], creditUnits: 4 });
    expect(allocate(items, 0)).toEqual({ fromPlan: [], fromCredits: items, creditUnits: 8 });
    expect(allocate(items, 100)).toEqual({ fromPlan: items, fromCredits: [], creditUnits: 0 });
  });
});
