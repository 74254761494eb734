import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, forbidden, notFound, quotaExceeded } from '../../shared/errors.js';
import { findById, isUuid } from '../../shared/ids.js';
import { Customer } from '../customers/customer.entity.js';
import type { User } from '../users/user.entity.js';
import { Plan } from './plan.entity.js';
import { allocate, bindingPeriod, planUnitsLeft, unitsLeft, type PlanUnitsUsed } from './quota.js';
import { RefundReason, UsageCharge, UsageSource } from './usage-charge.entity.js';
import { usagePeriodsAt, type UsagePeriods } from './usage-periods.js';
import type { UsageReport } from './usage.types.js';

export interface UsageItem {
  enhancementId: string;
  units: number;
}

export interface UsageRequest {
  customerId: string;
  items: UsageItem[];
  upscaleFactor: number | null;
  faceEnhance: boolean;
  at?: Date;
}

const PERIOD_WORD = { DAY: 'daily', MONTH: 'monthly' } as const;

/**
 * Charges AI-enhancement tasks against the customer's plan and credits, gives the units back when a
 * task did not run, and reports usage. Charges and refunds run in the caller's transaction, the
 * one that creates or ends the task, so a task and its charge exist together or not at all.
 */
export class UsageService {
  constructor(private readonly timeZone: string) {}

  /**
   * Charges a batch of tasks, all or nothing, inside the caller's transaction (`em` is its
   * transactional EntityManager). Charges of one customer are serialised by a row lock on the
   * customer, so parallel requests never exceed a cap; the lock is held until the caller commits.
   *
   * Refuses with FORBIDDEN (`reason: 'PLAN_FEATURE'`) a feature the plan lacks, and with
   * QUOTA_EXCEEDED (`period`, `limit`, `used`, `requested`, `resetAt`) when the plan's remaining
   * units for the day and month cannot pay for the batch and credits cannot pay the rest. Writes one
   * usage charge per item and flushes `em`, so the caller's pending tasks are written with them.
   *
   * Only customer-started tasks are charged: tasks staff start are bound by rate limits, not
   * plans, and the caller does not call this for them.
   */
  async charge(em: EntityManager, request: UsageRequest): Promise<void> {
    if (!em.isInTransaction()) throw new Error('UsageService.charge must run in the transaction that creates the tasks.');
    const items = checkedItems(request.items);
    const at = request.at ?? new Date();
    const periods = await usagePeriodsAt(em, at, this.timeZone);
    const customer = await findById(em, Customer, request.customerId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!customer) throw notFound('Customer');
    const plan = await em.findOneOrFail(Plan, { id: customer.plan.id });
    requirePlanFeatures(plan, request);

    const used = await this.planUnitsUsed(em, customer.id, periods);
    const allocation = allocate(items, planUnitsLeft(plan, used));
    if (allocation.creditUnits > 0) {
      if (!plan.creditsAllowed || customer.creditBalance < allocation.creditUnits) throw quotaError(plan, used, periods, items);
      customer.creditBalance -= allocation.creditUnits;
    }
    const charge = (item: UsageItem, source: UsageSource) =>
      em.create(UsageCharge, { customer, enhancementId: item.enhancementId, units: item.units, source, chargedAt: at });
    allocation.fromPlan.forEach((item) => charge(item, UsageSource.PLAN));
    allocation.fromCredits.forEach((item) => charge(item, UsageSource.CREDITS));
    await em.flush();
  }

  /**
   * Gives a task's units back, in the caller's transaction: plan units stop counting against their
   * period, credits return to the balance. Idempotent; a task that was never charged (one staff
   * started) refunds nothing.
   */
  async refund(em: EntityManager, enhancementId: string, reason: 'CANCELED' | 'PROVIDER_FAILURE'): Promise<void> {
    if (!isUuid(enhancementId)) return;
    // Charge row first, then the customer: charge() never waits for a charge row, so no deadlock.
    const charge = await em.findOne(UsageCharge, { enhancementId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!charge || charge.refundedAt) return;
    charge.refundedAt = new Date();
    charge.refundReason = RefundReason[reason];
    if (charge.source === UsageSource.CREDITS) {
      const customer = await em.findOneOrFail(Customer, { id: charge.customer.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      customer.creditBalance += charge.units;
    }
    await em.flush();
  }

  /** Used and remaining plan units of the day and month around `at`, with the credit balance. */
  async report(em: EntityManager, customerId: string, at: Date = new Date()): Promise<UsageReport> {
    const customer = await findById(em, Customer, customerId, { populate: ['plan'] });
    if (!customer) throw notFound('Customer');
    const plan = customer.plan;
    const periods = await usagePeriodsAt(em, at, this.timeZone);
    const used = await this.planUnitsUsed(em, customer.id, periods);
    return {
      plan,
      day: { used: used.day, limit: plan.dailyUnits, remaining: unitsLeft(plan.dailyUnits, used.day), resetAt: periods.day.end },
      month: { used: used.month, limit: plan.monthlyUnits, remaining: unitsLeft(plan.monthlyUnits, used.month), resetAt: periods.month.end },
      creditBalance: customer.creditBalance,
    };
  }

  /** The `usage` query: a customer user's own customer unless an id is given; staff must name one. */
  reportFor(em: EntityManager, viewer: User, customerId: string | null | undefined): Promise<UsageReport> {
    const id = customerId ?? viewer.customer?.id;
    if (!id) throw badInput('customerId is required for staff.', { field: 'customerId', reason: 'REQUIRED' });
    return this.report(em, id);
  }

  /** Credits-paid and refunded units do not count against the plan. */
  private async planUnitsUsed(em: EntityManager, customerId: string, periods: UsagePeriods): Promise<PlanUnitsUsed> {
    const [row] = await em.execute<{ day: number; month: number }[]>(
      `SELECT coalesce(sum(units) FILTER (WHERE charged_at >= ? AND charged_at < ?), 0)::int AS day,
              coalesce(sum(units), 0)::int AS month
         FROM usage_charges
        WHERE customer_id = ? AND source = ? AND refunded_at IS NULL AND charged_at >= ? AND charged_at < ?`,
      [periods.day.start, periods.day.end, customerId, UsageSource.PLAN, periods.month.start, periods.month.end],
    );
    return { day: row!.day, month: row!.month };
  }
}

/** The caller's mistakes, not the customer's: they are bugs, reported as such. */
function checkedItems(items: UsageItem[]): UsageItem[] {
  if (items.length === 0) throw new Error('A usage charge needs at least one item.');
  const ids = new Set<string>();
  for (const item of items) {
    if (!isUuid(item.enhancementId) || ids.has(item.enhancementId)) throw new Error(`Usage items need distinct enhancement UUIDs (got "${item.enhancementId}").`);
    if (!Number.isSafeInteger(item.units) || item.units < 1) throw new Error(`Every task costs a whole number of units of at least 1 (got ${item.units}).`);
    ids.add(item.enhancementId);
  }
  return items;
}

function requirePlanFeatures(plan: Plan, request: UsageRequest): void {
  if (request.upscaleFactor !== null && request.upscaleFactor > plan.maxUpscale) {
    throw forbidden(`The ${plan.name} plan allows upscaling up to ${plan.maxUpscale}×.`, { reason: 'PLAN_FEATURE', feature: 'upscale', plan: plan.key, maxUpscale: plan.maxUpscale });
  }
  if (request.faceEnhance && !plan.faceEnhance) {
    throw forbidden(`The ${plan.name} plan does not include face enhancement.`, { reason: 'PLAN_FEATURE', feature: 'faceEnhance', plan: plan.key });
  }
}

function quotaError(plan: Plan, used: PlanUnitsUsed, periods: UsagePeriods, items: UsageItem[]) {
  const period = bindingPeriod(plan, used);
  const [limit, periodUsed, resetAt] = period === 'DAY' ? [plan.dailyUnits, used.day, periods.day.end] : [plan.monthlyUnits, used.month, periods.month.end];
  const requested = items.reduce((sum, item) => sum + item.units, 0);
  return quotaExceeded(
    `This would exceed the ${PERIOD_WORD[period]} limit of ${limit} units of the ${plan.name} plan (${periodUsed} used, ${requested} requested). It resets at ${resetAt.toISOString()}.`,
    { period, limit, used: periodUsed, requested, resetAt: resetAt.toISOString() },
  );
}
