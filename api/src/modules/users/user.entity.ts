import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base-entity.js';
import { Customer } from '../customers/customer.entity.js';
import { UserRole } from './user-role.js';

@ObjectType({ description: 'A person who signs in. Users are deactivated, never deleted.' })
@Entity({ tableName: 'users' })
@Check({ name: 'users_customer_role_check', expression: "(role = 'CUSTOMER') = (customer_id IS NOT NULL)" })
@Index({ name: 'users_customer_id_idx', properties: ['customer'] })
export class User extends BaseEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'active' | 'deactivatedAt' | 'lastLoginAt' | 'passwordHash' | 'customer';

  /** Stored trimmed and lower-cased, so one address is one account. */
  @Field()
  @Property({ type: 'text', unique: 'users_email_unique' })
  email!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => UserRole)
  @Enum({ items: () => UserRole, nativeEnumName: undefined })
  role!: UserRole;

  @ManyToOne({ entity: () => Customer, nullable: true, deleteRule: 'restrict' })
  customer: Rel<Customer> | null = null;

  /** Null for accounts that sign in only by email code. */
  @Property({ type: 'text', nullable: true, hidden: true })
  passwordHash: string | null = null;

  @Field()
  @Property({ type: 'boolean' })
  active: boolean = true;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null = null;
}
