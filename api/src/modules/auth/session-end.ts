import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../users/user.entity.js';
import { RefreshToken } from './refresh-token.entity.js';

/**
 * Ends a user's access tokens at their next request (each carries the generation it was issued in)
 * — those of every session: a generation is per user, so the user's other sessions renew theirs
 * with their refresh tokens, unnoticed. Raised in SQL, so concurrent ends never lose one.
 */
export async function endAccessTokens(em: EntityManager, userId: string): Promise<void> {
  await em.nativeUpdate(User, { id: userId }, { sessionGeneration: raw('session_generation + 1') });
}

/** Ends every session of a user (a new password, deactivation): access tokens and refresh tokens. */
export async function endAllSessions(em: EntityManager, userId: string): Promise<void> {
  await endAccessTokens(em, userId);
  await em.nativeUpdate(RefreshToken, { user: userId, revokedAt: null }, { revokedAt: new Date() });
}
