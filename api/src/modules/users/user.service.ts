import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate } from '../../shared/connection.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { uuidOrNoMatch, findById } from '../../shared/ids.js';
import { optionalText, requireEmail, requireText } from '../../shared/input-validation.js';
import { containsPattern } from '../../shared/like-pattern.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.js';
import { endAllSessions } from '../auth/session-end.js';
import { Customer } from '../customers/customer.entity.js';
import type { Caller, CommandCaller } from './caller.js';
import { USER_AUDIT_FIELD, type UserAudit } from './user-audit.js';
import { User } from './user.entity.js';
import { UserRole } from '../../shared/domain/user-role.js';
import type { CreateUserInput, UpdateUserInput, UsersArgs } from './user.types.js';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Users and their administration. Role, customer and activation change only here, each in one
 * transaction with its audit row (PRODUCT.md rule 6).
 */
export class UserService {
  constructor(private readonly userAudit: UserAudit) {}

  async list(em: EntityManager, args: UsersArgs) {
    const where: FilterQuery<User> = {};
    const filter = args.filter ?? {};
    if (filter.role) where.role = filter.role;
    if (filter.customerId) where.customer = uuidOrNoMatch(filter.customerId);
    if (filter.active !== undefined && filter.active !== null) where.active = filter.active;
    if (filter.search?.trim()) where.$or = [{ name: { $ilike: containsPattern(filter.search) } }, { email: { $ilike: containsPattern(filter.search) } }];
    const direction = args.sortDirection === 'ASC' ? 'asc' : 'desc';
    return paginate(em, User, where, args, { [args.sortBy]: direction, id: direction } as never);
  }

  ofCustomer(em: EntityManager, customerId: string): Promise<User[]> {
    return em.find(User, { customer: customerId }, { orderBy: { name: 'asc', id: 'asc' } });
  }

  async get(em: EntityManager, id: string): Promise<User> {
    const user = await findById(em, User, id);
    if (!user) throw notFound('User');
    return user;
  }

  async create(em: EntityManager, caller: Caller | CommandCaller, input: CreateUserInput): Promise<User> {
    const email = requireEmail(input.email);
    const name = requireText(input.name, 'name');
    const passwordHash = input.password === undefined || input.password === null ? null : await hashPassword(checkPassword(input.password));
    return withUniqueEmail(em, (tx) =>
      tx.transactional(async (inner) => {
        const customer = await this.customerForRole(inner, input.role, input.customerId);
        const user = inner.create(User, { email, name, role: input.role, customer, passwordHash });
        // The id exists only after the insert, and the audit row names it.
        await inner.flush();
        this.userAudit.record(inner, caller, user, USER_AUDIT_FIELD.role, null, user.role, null);
        return user;
      }),
    );
  }

  async update(em: EntityManager, caller: Caller, id: string, input: UpdateUserInput, reason?: string | null): Promise<User> {
    const cleanReason = optionalText(reason, 'reason', 500);
    const passwordHash = input.password === undefined || input.password === null ? undefined : await hashPassword(checkPassword(input.password));
    return withUniqueEmail(em, (tx) =>
      tx.transactional(async (inner) => {
        const user = await this.locked(inner, id);
        if (input.email !== undefined && input.email !== null) user.email = requireEmail(input.email);
        if (input.name !== undefined && input.name !== null) user.name = requireText(input.name, 'name');
        if ((input.role ?? null) !== null || (input.customerId ?? null) !== null) {
          const role = input.role ?? user.role;
          const customer = await this.customerForRole(inner, role, input.customerId ?? (role === UserRole.CUSTOMER ? user.customer?.id : undefined));
          this.userAudit.record(inner, caller, user, USER_AUDIT_FIELD.role, user.role, role, cleanReason);
          this.userAudit.record(inner, caller, user, USER_AUDIT_FIELD.customer, user.customer?.id ?? null, customer?.id ?? null, cleanReason);
          user.customer = customer;
          user.role = role;
        }
        if (passwordHash !== undefined) {
          user.passwordHash = passwordHash;
          // Whoever knew the old password may hold a session: all of them end, access tokens too.
          await endAllSessions(inner, user.id);
        }
        return user;
      }),
    );
  }

  /** Deactivation ends every session at once; the user and everything that refers to them stay. */
  async setActive(em: EntityManager, caller: Caller, id: string, active: boolean, reason?: string | null): Promise<User> {
    const cleanReason = optionalText(reason, 'reason', 500);
    if (!active && id === caller.user.id) throw forbidden('You cannot deactivate yourself.');
    return em.transactional(async (tx) => {
      const user = await this.locked(tx, id);
      if (user.active === active) return user;
      this.userAudit.record(tx, caller, user, USER_AUDIT_FIELD.active, user.active, active, cleanReason);
      user.active = active;
      user.deactivatedAt = active ? null : new Date();
      if (!active) await endAllSessions(tx, user.id);
      return user;
    });
  }

  private async locked(em: EntityManager, id: string): Promise<User> {
    const user = await findById(em, User, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!user) throw notFound('User');
    return user;
  }

  private async customerForRole(em: EntityManager, role: UserRole, customerId: string | undefined): Promise<Customer | null> {
    if (role !== UserRole.CUSTOMER) {
      if (customerId) throw badInput('Staff and admin users belong to no customer.', { field: 'customerId', reason: 'NOT_ALLOWED' });
      return null;
    }
    if (!customerId) throw badInput('Customer users need a customerId.', { field: 'customerId', reason: 'REQUIRED' });
    const customer = await findById(em, Customer, customerId);
    if (!customer) throw badInput('No such customer.', { field: 'customerId', reason: 'NOT_FOUND' });
    return customer;
  }
}

/** A new password as the rules want it; `field` names the argument it came in. */
export function checkPassword(password: string, field = 'password'): string {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badInput(`${field} must be at least ${MIN_PASSWORD_LENGTH} characters.`, { field, reason: 'TOO_SHORT', min: MIN_PASSWORD_LENGTH });
  }
  if (password.length > 1024) throw badInput(`${field} is too long.`, { field, reason: 'TOO_LONG', max: 1024 });
  return password;
}

/** Runs `work` and answers a taken email with CONFLICT EMAIL_TAKEN instead of a database error. */
async function withUniqueEmail<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await work(em);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      em.clear();
      throw conflict('A user with this email already exists.', { field: 'email', reason: 'EMAIL_TAKEN' });
    }
    throw error;
  }
}
