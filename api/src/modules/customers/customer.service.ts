import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate } from '../../shared/connection.js';
import { notFound } from '../../shared/errors.js';
import { findById } from '../../shared/ids.js';
import { optionalText, requireEmail, requireText } from '../../shared/input-validation.js';
import { containsPattern } from '../../shared/like-pattern.js';
import { Customer } from './customer.entity.js';
import type { CreateCustomerInput, CustomersArgs, UpdateCustomerInput } from './customer.types.js';

const optionalEmail = (value: string | null | undefined) => (value?.trim() ? requireEmail(value, 'contactEmail') : null);

export class CustomerService {
  async list(em: EntityManager, args: CustomersArgs) {
    const where: FilterQuery<Customer> = {};
    const search = args.filter?.search?.trim();
    if (search) where.$or = [{ name: { $ilike: containsPattern(search) } }, { contactEmail: { $ilike: containsPattern(search) } }];
    const direction = args.sortDirection === 'ASC' ? 'asc' : 'desc';
    return paginate(em, Customer, where, args, { [args.sortBy]: direction, id: direction } as never);
  }

  async get(em: EntityManager, id: string): Promise<Customer> {
    const customer = await findById(em, Customer, id);
    if (!customer) throw notFound('Customer');
    return customer;
  }

  async create(em: EntityManager, input: CreateCustomerInput): Promise<Customer> {
    const customer = em.create(Customer, {
      name: requireText(input.name, 'name'),
      contactEmail: optionalEmail(input.contactEmail),
      notes: optionalText(input.notes, 'notes'),
    });
    await em.flush();
    return customer;
  }

  async update(em: EntityManager, id: string, input: UpdateCustomerInput): Promise<Customer> {
    const customer = await this.get(em, id);
    if (input.name !== undefined && input.name !== null) customer.name = requireText(input.name, 'name');
    if (input.contactEmail !== undefined && input.contactEmail !== null) customer.contactEmail = optionalEmail(input.contactEmail);
    if (input.notes !== undefined && input.notes !== null) customer.notes = optionalText(input.notes, 'notes');
    await em.flush();
    return customer;
  }
}
