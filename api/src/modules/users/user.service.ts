import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate } from '../../shared/connection.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { uuidOrNoMatch, findById } from '../../shared/ids.js';
import { requireEmail, requireText } from '../../shared/input-validation.js';
import { containsPattern } from '../../shared/like-pattern.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.js';
import { endAllSessions } from '../auth/session-end.js';
import { Customer } from '../customers/customer.entity.js';
import { User } from './user.entity.js';
import { UserRole } from '../../shared/domain/user-role.js';
import type { CreateUserInput, UpdateUserInput, UsersArgs } from './user.types.js';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export class UserService {
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

  async create(em: EntityManager, input: CreateUserInput): Promise<User> {
    const email = requireEmail(input.email);
    const name = requireText(input.name, 'name');
    const customer = await this.customerForRole(em, input.role, input.customerId);
    const passwordHash = input.password === undefined || input.password === null ? null : await hashPassword(checkPassword(input.password));
    const user = em.create(User, { email, name, role: input.role, customer, passwordHash });
    await flushUnique(em);
    return user;
  }

  async update(em: EntityManager, id: string, input: UpdateUserInput): Promise<User> {
    const user = await this.get(em, id);
    if (input.email !== undefined && input.email !== null) user.email = requireEmail(input.email);
    if (input.name !== undefined && input.name !== null) user.name = requireText(input.name, 'name');
    if ((input.role ?? null) !== null || (input.customerId ?? null) !== null) {
      const role = input.role ?? user.role;
      user.customer = await this.customerForRole(em, role, input.customerId ?? (role === UserRole.CUSTOMER ? user.customer?.id : undefined));
      user.role = role;
    }
    if (input.password !== undefined && input.password !== null) {
      user.passwordHash = await hashPassword(checkPassword(input.password));
      // Whoever knew the old password may hold a session: all of them end, access tokens too.
      await endAllSessions(em, user.id);
    }
    await flushUnique(em);
    return user;
  }

  /** Deactivation ends every session at once; the user and everything that refers to them stay. */
  async setActive(em: EntityManager, actor: User, id: string, active: boolean): Promise<User> {
    const user = await this.get(em, id);
    if (!active && user.id === actor.id) throw forbidden('You cannot deactivate yourself.');
    if (user.active === active) return user;
    user.active = active;
    user.deactivatedAt = active ? null : new Date();
    if (!active) await endAllSessions(em, user.id);
    await em.flush();
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

function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badInput(`password must be at least ${MIN_PASSWORD_LENGTH} characters.`, { field: 'password', reason: 'TOO_SHORT', min: MIN_PASSWORD_LENGTH });
  }
  if (password.length > 1024) throw badInput('password is too long.', { field: 'password', reason: 'TOO_LONG', max: 1024 });
  return password;
}

async function flushUnique(em: EntityManager): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      em.clear();
      throw conflict('A user with this email already exists.', { field: 'email', reason: 'EMAIL_TAKEN' });
    }
    throw error;
  }
}
