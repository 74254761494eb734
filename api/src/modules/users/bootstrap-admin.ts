import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger.js';
import { hashPassword } from '../auth/passwords.js';
import { User } from './user.entity.js';
import { normaliseEmail } from './user.service.js';
import { UserRole } from '../../shared/domain/user-role.js';

/**
 * Makes sure an active admin with this email exists. An existing account is promoted and
 * reactivated but keeps its password, so restarting with ADMIN_PASSWORD set never resets it.
 */
export async function ensureAdmin(em: EntityManager, admin: { email: string; password: string; name?: string }, logger: Logger): Promise<'created' | 'exists'> {
  const email = normaliseEmail(admin.email);
  const existing = await em.findOne(User, { email });
  if (existing) {
    if (existing.role !== UserRole.ADMIN || !existing.active) {
      existing.role = UserRole.ADMIN;
      existing.customer = null;
      existing.active = true;
      existing.deactivatedAt = null;
      await em.flush();
      logger.info({ email }, 'existing user made an active admin');
    }
    return 'exists';
  }
  em.create(User, { email, name: admin.name ?? 'Administrator', role: UserRole.ADMIN, passwordHash: await hashPassword(admin.password) });
  await em.flush();
  logger.info({ email }, 'admin created');
  return 'created';
}
