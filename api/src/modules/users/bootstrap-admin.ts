import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger.js';
import { hashPassword } from '../auth/passwords.js';
import { AuditService } from '../audit/audit.service.js';
import { USER_AUDIT_FIELD, UserAudit } from './user-audit.js';
import { User } from './user.entity.js';
import { normaliseEmail } from './user.service.js';
import { UserRole } from '../../shared/domain/user-role.js';

/**
 * Makes sure an active admin with this email exists. An existing account is promoted and
 * reactivated but keeps its password, so restarting with ADMIN_PASSWORD set never resets it.
 */
export async function ensureAdmin(em: EntityManager, admin: { email: string; password: string; name?: string }, logger: Logger): Promise<'created' | 'exists'> {
  const email = normaliseEmail(admin.email);
  // Stateless, and this runs before (or without) the service graph: start-up and the command line.
  const userAudit = new UserAudit(new AuditService());
  const command = { command: 'create-admin' };
  // Hashed outside the transaction, and only when the account is new (users are never deleted).
  const passwordHash = (await em.count(User, { email })) === 0 ? await hashPassword(admin.password) : null;
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(User, { email }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (existing) {
      if (existing.role !== UserRole.ADMIN || !existing.active) {
        userAudit.record(tx, command, existing, USER_AUDIT_FIELD.role, existing.role, UserRole.ADMIN, null);
        userAudit.record(tx, command, existing, USER_AUDIT_FIELD.customer, existing.customer?.id ?? null, null, null);
        userAudit.record(tx, command, existing, USER_AUDIT_FIELD.active, existing.active, true, null);
        existing.role = UserRole.ADMIN;
        existing.customer = null;
        existing.active = true;
        existing.deactivatedAt = null;
        logger.info({ email }, 'existing user made an active admin');
      }
      return 'exists';
    }
    const created = tx.create(User, { email, name: admin.name ?? 'Administrator', role: UserRole.ADMIN, passwordHash: passwordHash ?? (await hashPassword(admin.password)) });
    await tx.flush();
    userAudit.record(tx, command, created, USER_AUDIT_FIELD.role, null, UserRole.ADMIN, null);
    logger.info({ email }, 'admin created');
    return 'created';
  });
}
