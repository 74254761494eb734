import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { AppError } from '../../shared/errors.js';
import type { Logger } from '../../logger.js';
import { User } from '../users/user.entity.js';
import { normaliseEmail } from '../users/user.service.js';
import type { AccessTokens } from './access-tokens.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { RefreshToken } from './refresh-token.entity.js';
import { endAccessTokens, endAllSessions } from './session-end.js';
import { SecurityEventType, type SecurityEvents } from '../security-events/security-events.service.js';
import type { TotpService } from './totp.service.js';
import type { SecretBox } from '../../security/secret-box.js';
import { REFRESH_REUSE_GRACE_SECONDS, type SessionCookie } from '../../shared/domain/session-cookie.js';

export interface Session {
  user: User;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  /** Kept beyond the browser session ("remember me"). */
  rememberMe: boolean;
}

/** What a right first factor (password or email code) yields: a session, or a challenge when the user has TOTP on. */
export type SignInResult =
  | (Session & { secondFactorRequired: false; challenge: null; challengeExpiresAt: null })
  | {
      user: User;
      secondFactorRequired: true;
      challenge: string;
      challengeExpiresAt: Date;
      accessToken: null;
      accessTokenExpiresAt: null;
      refreshToken: null;
      refreshTokenExpiresAt: null;
    };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const invalidCredentials = () => new AppError('UNAUTHENTICATED', 'Email or password is wrong.', { reason: 'INVALID_CREDENTIALS' });
const invalidRefresh = () => new AppError('UNAUTHENTICATED', 'The refresh token is not valid. Sign in again.', { reason: 'INVALID_REFRESH_TOKEN' });

/**
 * Why a refresh was refused, in words a web app can show: the session ran out (SESSION_EXPIRED, with
 * when), it was ended (SESSION_ENDED: signed out here or everywhere, a new password, a deactivation),
 * or the token means nothing (INVALID_REFRESH_TOKEN: unknown, another app's, or a replay).
 */
export type RefreshRefusal = 'SESSION_EXPIRED' | 'SESSION_ENDED' | 'INVALID_REFRESH_TOKEN';
const refreshRefused = (reason: RefreshRefusal, expiredAt?: Date) => {
  if (reason === 'SESSION_EXPIRED') return new AppError('UNAUTHENTICATED', 'Your session has expired. Please sign in again.', { reason, expiredAt: expiredAt?.toISOString() });
  if (reason === 'SESSION_ENDED') return new AppError('UNAUTHENTICATED', 'You were signed out. Please sign in again.', { reason });
  return invalidRefresh();
};

export class AuthService {
  constructor(
    private readonly config: Config,
    private readonly accessTokens: AccessTokens,
    private readonly logger: Logger,
    private readonly securityEvents: SecurityEvents,
    private readonly totp: TotpService,
    private readonly successors: SecretBox,
  ) {}

  /**
   * The active user a bearer token names, or null. Reloaded every request so deactivation bites at
   * once; the same row says whether the token's session has been ended since (session-end.ts).
   */
  async authenticate(em: EntityManager, bearer: string | undefined): Promise<User | null> {
    if (!bearer) return null;
    const claims = await this.accessTokens.verify(bearer);
    if (!claims) return null;
    const user = await em.findOne(User, { id: claims.userId }, { populate: ['customer'] });
    return user?.active && user.sessionGeneration === claims.sessionGeneration ? user : null;
  }

  async login(em: EntityManager, input: { email: string; password: string; rememberMe: boolean }, ip?: string): Promise<SignInResult> {
    const email = normaliseEmail(input.email);
    const user = await em.findOne(User, { email }, { populate: ['customer'] });
    if (!user?.passwordHash) {
      await burnPasswordCheck(input.password);
      this.securityEvents.record(SecurityEventType.LOGIN_FAILED, { ip, details: { email, reason: 'unknown_account' } });
      throw invalidCredentials();
    }
    const passwordOk = await verifyPassword(user.passwordHash, input.password);
    if (!passwordOk || !user.active) {
      this.securityEvents.record(SecurityEventType.LOGIN_FAILED, { userId: user.id, ip, details: { reason: passwordOk ? 'deactivated' : 'wrong_password' } });
      throw invalidCredentials();
    }
    return this.completeFirstFactor(em, user, input.rememberMe);
  }

  /** After a right password or email code: a session, or (TOTP on) a short-lived challenge for verifySecondFactor and no tokens. */
  async completeFirstFactor(em: EntityManager, user: User, rememberMe: boolean): Promise<SignInResult> {
    if (user.totpEnabledAt) {
      const { challenge, challengeExpiresAt } = await this.totp.issueChallenge(em, user, rememberMe);
      return { user, secondFactorRequired: true, challenge, challengeExpiresAt, accessToken: null, accessTokenExpiresAt: null, refreshToken: null, refreshTokenExpiresAt: null };
    }
    user.lastLoginAt = new Date();
    const session = await this.startSession(em, user, { rememberMe, familyId: randomUUID() });
    return { ...session, secondFactorRequired: false, challenge: null, challengeExpiresAt: null };
  }

  /** Completes a sign-in that asked for a second factor. A wrong code counts against the challenge (5 and it is dead). */
  async verifySecondFactor(em: EntityManager, input: { challenge: string; code: string }, ip?: string): Promise<Session> {
    // The outcome leaves the transaction as a value, not an exception: a counted wrong try must commit.
    const outcome = await em.transactional(async (tx) => {
      const redeemed = await this.totp.redeemChallenge(tx, input.challenge, input.code);
      if (!redeemed.ok) return redeemed;
      redeemed.user.lastLoginAt = new Date();
      return { ok: true as const, session: await this.startSession(tx, redeemed.user, { rememberMe: redeemed.rememberMe, familyId: randomUUID() }) };
    });
    if (outcome.ok) return outcome.session;
    this.securityEvents.record(SecurityEventType.LOGIN_FAILED, { userId: outcome.userId, ip, details: { via: 'second_factor', reason: outcome.reason.toLowerCase() } });
    throw outcome.reason === 'WRONG_CODE'
      ? new AppError('UNAUTHENTICATED', 'The code is wrong. Use the current code from your authenticator app.', { reason: 'INVALID_SECOND_FACTOR' })
      : new AppError('UNAUTHENTICATED', 'The sign-in challenge is not valid any more. Sign in again.', { reason: 'INVALID_CHALLENGE' });
  }

  /**
   * Rotates a refresh token: the presented one is spent and a new one issued in the same family.
   * A spent token presented again means it was stolen (or replayed), so the family dies — unless it
   * was rotated less than REFRESH_REUSE_GRACE_SECONDS ago and its successor is still unused: that is
   * a second tab of the same browser refreshing the same cookie at the same moment, and it gets the
   * same new token (with an access token of its own).
   */
  async refresh(em: EntityManager, presented: string, cookieApp: SessionCookie | null = null): Promise<Session> {
    // The outcome leaves the transaction as a value, not an exception: revoking a family must commit.
    const outcome = await em.transactional(async (tx): Promise<Session | { refused: RefreshRefusal; expiredAt?: Date }> => {
      const token = await tx.findOne(RefreshToken, { tokenHash: hashToken(presented) }, { populate: ['user', 'user.customer'], lockMode: LockMode.PESSIMISTIC_WRITE });
      // A cookie session refreshes only through its app's cookie, an answered token only as before.
      if (!token || token.cookieApp !== cookieApp) return { refused: 'INVALID_REFRESH_TOKEN' };
      // Ended on purpose (sign-out, sign-out everywhere, new password, deactivation): not a theft.
      if (token.revokedAt && !token.rotatedAt) return { refused: 'SESSION_ENDED' };
      if (token.rotatedAt || token.revokedAt) {
        const successor = await this.successorWithinGrace(tx, token);
        if (successor) return successor;
        await tx.nativeUpdate(RefreshToken, { familyId: token.familyId, revokedAt: null }, { revokedAt: new Date() });
        this.logger.warn({ event: 'refresh_token_reuse', userId: token.user.id, familyId: token.familyId }, 'spent refresh token presented; family revoked');
        return { refused: 'INVALID_REFRESH_TOKEN' };
      }
      if (!token.user.active) return { refused: 'SESSION_ENDED' };
      if (token.expiresAt <= new Date()) return { refused: 'SESSION_EXPIRED', expiredAt: token.expiresAt };
      token.rotatedAt = new Date();
      // Successors sealed for earlier rotations of this family are past their grace: drop them.
      await tx.nativeUpdate(RefreshToken, { familyId: token.familyId, successorSealed: { $ne: null }, id: { $ne: token.id } }, { successorSealed: null });
      const session = await this.startSession(tx, token.user, { rememberMe: token.rememberMe, familyId: token.familyId, cookieApp: token.cookieApp });
      // Only a cookie session has tabs that share it; an answered token presented twice is a replay.
      if (token.cookieApp) token.successorSealed = this.successors.seal(session.refreshToken, token.id);
      await tx.flush();
      return session;
    });
    if ('refused' in outcome) throw refreshRefused(outcome.refused, outcome.expiredAt);
    return outcome;
  }

  /**
   * Sign out everywhere: every session of the user ends — refresh tokens of every device and app,
   * and access tokens at their next request. Other users' sessions in the same browser are untouched.
   */
  async signOutEverywhere(em: EntityManager, userId: string): Promise<void> {
    await em.transactional((tx) => endAllSessions(tx, userId));
  }

  /** The live successor of a token rotated moments ago, as a session; null once the grace is over or the successor moved on. */
  private async successorWithinGrace(tx: EntityManager, token: RefreshToken): Promise<Session | null> {
    const graceEnds = (token.rotatedAt?.getTime() ?? 0) + REFRESH_REUSE_GRACE_SECONDS * 1000;
    if (token.revokedAt || !token.successorSealed || Date.now() > graceEnds || !token.user.active) return null;
    const refreshToken = this.successors.open(token.successorSealed, token.id);
    const successor = await tx.findOne(RefreshToken, { tokenHash: hashToken(refreshToken) });
    if (!successor || successor.rotatedAt || successor.revokedAt || successor.expiresAt <= new Date()) return null;
    const access = await this.accessTokens.issue(token.user);
    return { user: token.user, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt: successor.expiresAt, rememberMe: successor.rememberMe };
  }

  /**
   * Revokes the token's whole family (this device's session) and ends the user's access tokens
   * (those of other devices are renewed from their refresh tokens). Unknown tokens are ignored:
   * logging out is idempotent.
   */
  async logout(em: EntityManager, presented: string): Promise<void> {
    const token = await em.findOne(RefreshToken, { tokenHash: hashToken(presented) });
    if (!token) return;
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(RefreshToken, { familyId: token.familyId, revokedAt: null }, { revokedAt: new Date() });
      await endAccessTokens(tx, token.user.id);
    });
  }

  /** A session of its own for `user` (a new token family): after a password change, for the browser that made it. */
  startFreshSession(em: EntityManager, user: User, rememberMe: boolean): Promise<Session> {
    return this.startSession(em, user, { rememberMe, familyId: randomUUID() });
  }

  /** The new session's token goes into `app`'s cookie, not into an answer: from now on it refreshes only through that cookie, with the tabs' grace. */
  async bindToCookie(em: EntityManager, refreshToken: string, app: SessionCookie): Promise<void> {
    const bound = await em.nativeUpdate(RefreshToken, { tokenHash: hashToken(refreshToken), cookieApp: null, rotatedAt: null }, { cookieApp: app });
    if (bound !== 1) throw new Error('the new session could not be bound to its cookie');
  }

  private async startSession(em: EntityManager, user: User, options: { rememberMe: boolean; familyId: string; cookieApp?: SessionCookie | null }): Promise<Session> {
    const refreshToken = randomBytes(32).toString('base64url');
    const lifetimeMs = options.rememberMe
      ? this.config.auth.rememberMeTtlDays * 24 * 3600_000
      : this.config.auth.refreshTokenTtlHours * 3600_000;
    const refreshTokenExpiresAt = new Date(Date.now() + lifetimeMs);
    em.create(RefreshToken, {
      user,
      tokenHash: hashToken(refreshToken),
      familyId: options.familyId,
      rememberMe: options.rememberMe,
      expiresAt: refreshTokenExpiresAt,
      cookieApp: options.cookieApp ?? null,
    });
    await em.flush();
    const access = await this.accessTokens.issue(user);
    return { user, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt, rememberMe: options.rememberMe };
  }
}
