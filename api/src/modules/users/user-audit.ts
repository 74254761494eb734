import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditSubject, type AuditService } from '../audit/audit.service.js';
import { isCommand, type Caller, type CommandCaller } from './caller.js';
import type { User } from './user.entity.js';

/** What user administration writes into the audit trail (PRODUCT.md rule 6). */
export const USER_AUDIT_FIELD = {
  role: 'role',
  customer: 'customer',
  active: 'active',
  secondFactor: 'secondFactor',
  password: 'password',
} as const;
export type UserAuditField = (typeof USER_AUDIT_FIELD)[keyof typeof USER_AUDIT_FIELD];

/** The `reason` argument of user administration, in the schema. */
export const AUDIT_REASON = 'Why, for the audit trail (at most 500 characters).';

/** A password change is audited without any trace of the password: only that it was set or changed. */
export const PASSWORD_SET = 'SET';
export const PASSWORD_CHANGED = 'CHANGED';

export const SECOND_FACTOR_ON = 'ON';
export const SECOND_FACTOR_OFF = 'OFF';

/**
 * Writes one row per changed user field on the caller's transaction, so the change and its row
 * commit together or not at all. A customer user's rows carry the customer too, so they show in
 * that customer's trail.
 */
export class UserAudit {
  constructor(private readonly audit: AuditService) {}

  record(tx: EntityManager, caller: Caller | CommandCaller, user: User, field: UserAuditField, oldValue: unknown, newValue: unknown, reason: string | null): void {
    const change = { subject: AuditSubject.USER, userId: user.id, customerId: user.customer?.id ?? null, field, oldValue, newValue, reason };
    if (isCommand(caller)) this.audit.recordByCommand(tx, caller.command, change);
    else this.audit.record(tx, caller.user, caller.requestId, change);
  }
}
