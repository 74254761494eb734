import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base-entity.js';
import { Customer } from '../customers/customer.entity.js';
import { UserRole } from '../../shared/domain/user-role.js';
import { DEFAULT_LANGUAGE, Language } from '../../shared/domain/language.js';

@ObjectType({ description: 'A person who signs in. Users are deactivated, never deleted.' })
@Entity({ tableName: 'users' })
@Check({ name: 'users_customer_role_check', expression: "(role = 'CUSTOMER') = (customer_id IS NOT NULL)" })
@Check({ name: 'users_totp_check', expression: 'totp_enabled_at IS NULL OR totp_secret IS NOT NULL' })
@Index({ name: 'users_customer_id_idx', properties: ['customer'] })
export class User extends BaseEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'active' | 'deactivatedAt' | 'lastLoginAt' | 'passwordHash' | 'customer'
    | 'totpSecret' | 'totpEnabledAt' | 'totpLastTimeStep' | 'totpChallengeId' | 'totpChallengeAttempts' | 'sessionGeneration'
    | 'language' | 'notifyJobDelivered' | 'notifyExtrasRequested' | 'notifyExtraDecided';

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

  /**
   * Access tokens carry the generation they were issued in; raising it (logout, a new password,
   * see modules/auth/session-end.ts) makes every earlier one fail at its next request. Read with the
   * row each request loads anyway, so checking it costs no query.
   */
  @Property({ type: 'integer', default: 0, hidden: true })
  sessionGeneration: number = 0;

  @Field(() => Language, { description: 'The language of the web apps and of the mails the API sends this user.' })
  @Enum({ items: () => Language, nativeEnumName: undefined, default: DEFAULT_LANGUAGE })
  language: Language = DEFAULT_LANGUAGE;

  // Mail notifications the user can switch off (modules/notifications); UserSettingsResolver shows them as notificationSettings.

  /** Customer users: a job of theirs was delivered. */
  @Property({ type: 'boolean', default: true })
  notifyJobDelivered: boolean = true;

  /** Staff: customers asked for extras (at most one mail per job per 15 minutes). */
  @Property({ type: 'boolean', default: true })
  notifyExtrasRequested: boolean = true;

  /** Customer users: the studio decided requests for extras. */
  @Property({ type: 'boolean', default: true })
  notifyExtraDecided: boolean = true;

  // TOTP second factor (modules/auth/totp.service.ts). None of it is a GraphQL field; UserResolver derives totpEnabled.

  /** The TOTP seed, sealed with a key derived from the server secret (SecretBox). Set while enrolling or enrolled; loaded only on demand. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  totpSecret: string | null = null;

  /** Null while not enrolled or while an enrollment waits for its first code. */
  @Property({ type: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null = null;

  /** The last accepted TOTP time step: a code from it or an earlier one is refused (no replay). */
  @Property({ type: 'integer', nullable: true, hidden: true })
  totpLastTimeStep: number | null = null;

  /** The one open second-factor challenge (its id is in the signed challenge token); a new sign-in replaces it. */
  @Property({ type: 'uuid', nullable: true, hidden: true })
  totpChallengeId: string | null = null;

  /** Wrong codes tried against the open challenge; at 5 it is dead. */
  @Property({ type: 'integer', default: 0, hidden: true })
  totpChallengeAttempts: number = 0;
}
