import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, forbidden } from '../../shared/errors.js';
import { isStaffRole } from '../../shared/domain/user-role.js';
import type { AuthService, Session } from '../auth/auth.service.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { endAllSessions } from '../auth/session-end.js';
import { NotificationKind, type MySettingsInput } from './account.types.js';
import type { Caller } from './caller.js';
import { PASSWORD_CHANGED, USER_AUDIT_FIELD, type UserAudit } from './user-audit.js';
import { User } from './user.entity.js';
import { checkPassword } from './user.service.js';

/** Each kind of notification mail and the user column that switches it, with the roles it applies to. */
const NOTIFICATION_SWITCHES: Record<NotificationKind, { column: 'notifyJobDelivered' | 'notifyExtrasRequested' | 'notifyExtraDecided'; staff: boolean }> = {
  [NotificationKind.JOB_DELIVERED]: { column: 'notifyJobDelivered', staff: false },
  [NotificationKind.EXTRAS_REQUESTED]: { column: 'notifyExtrasRequested', staff: true },
  [NotificationKind.EXTRA_DECIDED]: { column: 'notifyExtraDecided', staff: false },
};

/** The kinds that apply to a user: staff hear of requests, customer users of deliveries and decisions. */
export const notificationKindsFor = (user: Pick<User, 'role'>): NotificationKind[] =>
  (Object.keys(NOTIFICATION_SWITCHES) as NotificationKind[]).filter((kind) => NOTIFICATION_SWITCHES[kind].staff === isStaffRole(user.role));

export const notificationSettingsOf = (user: User) => notificationKindsFor(user).map((kind) => ({ kind, enabled: user[NOTIFICATION_SWITCHES[kind].column] }));

/** What signed-in users change about themselves: language, notification mails, password. Nobody changes another user here. */
export class AccountService {
  constructor(
    private readonly userAudit: UserAudit,
    private readonly auth: AuthService,
  ) {}

  async updateSettings(em: EntityManager, caller: Caller, input: MySettingsInput): Promise<User> {
    const allowed = new Set(notificationKindsFor(caller.user));
    const foreign = (input.notifications ?? []).filter((setting) => !allowed.has(setting.kind)).map((setting) => setting.kind);
    if (foreign.length > 0) {
      throw forbidden('These notifications are not yours to set.', { reason: 'NOTIFICATION_NOT_FOR_ROLE', field: 'input.notifications', kinds: foreign });
    }
    return em.transactional(async (tx) => {
      const user = await tx.findOneOrFail(User, { id: caller.user.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (input.language) user.language = input.language;
      for (const setting of input.notifications ?? []) user[NOTIFICATION_SWITCHES[setting.kind].column] = setting.enabled;
      return user;
    });
  }

  /**
   * A new password for the signed-in user, against the current one. Every session of the user ends
   * (whoever knew the old password may hold one); the browser that asked gets a fresh session. The
   * change is audited without any trace of either password.
   */
  async changePassword(em: EntityManager, caller: Caller, input: { currentPassword: string; newPassword: string; rememberMe: boolean }): Promise<Session> {
    const newPassword = checkPassword(input.newPassword, 'newPassword');
    const newHash = await hashPassword(newPassword);
    return em.transactional(async (tx) => {
      const user = await tx.findOneOrFail(User, { id: caller.user.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!user.passwordHash) {
        throw badInput('This account signs in with emailed codes and has no password to change.', { field: 'currentPassword', reason: 'NO_PASSWORD' });
      }
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw badInput('The current password is wrong.', { field: 'currentPassword', reason: 'WRONG_PASSWORD' });
      }
      this.userAudit.record(tx, caller, user, USER_AUDIT_FIELD.password, null, PASSWORD_CHANGED, null);
      user.passwordHash = newHash;
      await tx.flush();
      await endAllSessions(tx, user.id);
      // The generation just moved on; the fresh access token must carry the new one.
      await tx.refresh(user);
      return this.auth.startFreshSession(tx, user, input.rememberMe);
    });
  }
}
