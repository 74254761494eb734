import { randomUUID } from 'node:crypto';
import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { User } from '../users/user.entity.js';

/**
 * A six-digit sign-in code sent by email. Stored only as an HMAC keyed from the server secret and
 * bound to the row id, so a database dump does not reveal codes (and 10^6 guesses do not help
 * without the key). Works once, for 10 minutes, and dies after 5 wrong tries; a newer code for the
 * same user replaces it.
 */
@Entity({ tableName: 'login_codes' })
@Index({ name: 'login_codes_user_created_idx', properties: ['user', 'createdAt'] })
@Check({ name: 'login_codes_attempts_check', expression: 'attempts >= 0' })
export class LoginCode {
  [OptionalProps]?: 'createdAt' | 'attempts' | 'usedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user!: Rel<User>;

  @Property({ type: 'text' })
  codeHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Wrong codes tried against this one. */
  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
