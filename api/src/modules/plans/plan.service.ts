import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../../shared/errors.js';
import type { Caller } from '../users/caller.js';
import { findById } from '../../shared/ids.js';
import { optionalText } from '../../shared/input-validation.js';
import { AuditSubject, type AuditService } from '../audit/audit.service.js';
import { Customer } from '../customers/customer.entity.js';
import { Plan } from './plan.entity.js';

/** Far above any real grant, and far below where the integer column would overflow. */
export const MAX_CREDIT_BALANCE = 1_000_000;

interface EntitlementChange {
  field: 'plan' | 'creditBalance';
  oldValue: string | number;
  newValue: string | number;
}

/**
 * The plans, and the only way a customer's entitlements change (rule 6): the plan and the credit
 * balance, each under a row lock on the customer with its audit row in the same transaction. If
 * the audit row cannot be written, the change does not happen.
 */
export class PlanService {
  constructor(private readonly audit: AuditService) {}

  /** Smallest first, so a list reads as an upgrade path. */
  list(em: EntityManager): Promise<Plan[]> {
    return em.find(Plan, {}, { orderBy: { monthlyUnits: 'asc', key: 'asc' } });
  }

  async byKey(em: EntityManager, key: string): Promise<Plan> {
    const plan = await em.findOne(Plan, { key });
    if (!plan) throw notFound('Plan');
    return plan;
  }

  setCustomerPlan(em: EntityManager, caller: Caller, customerId: string, planId: string, reason: string | null | undefined): Promise<Customer> {
    return this.change(em, caller, customerId, reason, async (tx, customer) => {
      const plan = await findById(tx, Plan, planId);
      if (!plan) throw notFound('Plan');
      const current = await tx.findOneOrFail(Plan, { id: customer.plan.id });
      if (current.id === plan.id) return null;
      customer.plan = plan;
      return { field: 'plan', oldValue: current.key, newValue: plan.key };
    });
  }

  /** Adds units to the credit balance, or takes them back with a negative number (never below 0). */
  grantCredits(em: EntityManager, caller: Caller, customerId: string, units: number, reason: string | null | undefined): Promise<Customer> {
    if (!Number.isInteger(units) || units === 0 || Math.abs(units) > MAX_CREDIT_BALANCE) {
      throw badInput(`units must be a whole number from -${MAX_CREDIT_BALANCE} to ${MAX_CREDIT_BALANCE}, not 0.`, { field: 'units', reason: 'OUT_OF_RANGE', min: -MAX_CREDIT_BALANCE, max: MAX_CREDIT_BALANCE });
    }
    return this.change(em, caller, customerId, reason, async (_tx, customer) => {
      const balance = customer.creditBalance + units;
      if (balance < 0) {
        throw badInput(`The credit balance is ${customer.creditBalance}; at most that many units can be taken back.`, { field: 'units', reason: 'BELOW_ZERO', creditBalance: customer.creditBalance });
      }
      if (balance > MAX_CREDIT_BALANCE) {
        throw badInput(`The credit balance cannot exceed ${MAX_CREDIT_BALANCE} units.`, { field: 'units', reason: 'ABOVE_MAXIMUM', creditBalance: customer.creditBalance, max: MAX_CREDIT_BALANCE });
      }
      const oldValue = customer.creditBalance;
      customer.creditBalance = balance;
      return { field: 'creditBalance', oldValue, newValue: balance };
    });
  }

  /** `apply` changes the locked customer and says what changed, or null when nothing did. */
  private change(
    em: EntityManager,
    caller: Caller,
    customerId: string,
    reason: string | null | undefined,
    apply: (tx: EntityManager, customer: Customer) => Promise<EntitlementChange | null>,
  ): Promise<Customer> {
    const cleanReason = optionalText(reason, 'reason', 500);
    return em.transactional(async (tx) => {
      // The same lock UsageService.charge takes: a plan never changes half-way through a charge.
      const customer = await findById(tx, Customer, customerId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!customer) throw notFound('Customer');
      const change = await apply(tx, customer);
      if (change) this.audit.record(tx, caller.user, caller.requestId, { subject: AuditSubject.CUSTOMER, customerId: customer.id, ...change, reason: cleanReason });
      return customer;
    });
  }
}
