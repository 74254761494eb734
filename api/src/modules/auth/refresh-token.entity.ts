import { randomUUID } from 'node:crypto';
import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { SessionCookie } from '../../shared/domain/session-cookie.js';
import { User } from '../users/user.entity.js';

/**
 * A refresh token, stored only as its SHA-256. Rotation keeps the family: presenting a token that
 * was already rotated means it leaked, so the whole family is revoked — except within a few seconds
 * of its rotation, when it is a second tab refreshing the same cookie session (auth.service.ts).
 */
@Entity({ tableName: 'refresh_tokens' })
@Index({ name: 'refresh_tokens_user_id_idx', properties: ['user'] })
@Index({ name: 'refresh_tokens_family_id_idx', properties: ['familyId'] })
export class RefreshToken {
  [OptionalProps]?: 'createdAt' | 'revokedAt' | 'rotatedAt' | 'successorSealed' | 'cookieApp';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => User, deleteRule: 'cascade' })
  user!: Rel<User>;

  @Property({ type: 'text', unique: 'refresh_tokens_token_hash_unique' })
  tokenHash!: string;

  @Property({ type: 'uuid' })
  familyId!: string;

  @Property({ type: 'boolean' })
  rememberMe!: boolean;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  rotatedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  /** The web app whose HttpOnly cookie holds this session; null when the token was handed out in an answer. */
  @Enum({ items: () => SessionCookie, nullable: true })
  cookieApp: SessionCookie | null = null;

  /** For a few seconds after rotation: the token that replaced this one, sealed, for a parallel refresh of the same session. */
  @Property({ type: 'text', nullable: true })
  successorSealed: string | null = null;
}
