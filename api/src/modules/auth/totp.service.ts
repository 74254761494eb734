import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { generateSecret, generateURI, verify } from 'otplib';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import type { Logger } from '../../logger.js';
import { isUuid, findById } from '../../shared/ids.js';
import type { SecretBox } from '../../security/secret-box.js';
import type { UrlTokenSigner } from '../../security/signed-token.js';
import type { StudioService } from '../studio/studio.service.js';
import type { Caller } from '../users/caller.js';
import { SECOND_FACTOR_OFF, SECOND_FACTOR_ON, USER_AUDIT_FIELD, type UserAudit } from '../users/user-audit.js';
import { User } from '../users/user.entity.js';
import { optionalText } from '../../shared/input-validation.js';

/** How long a second-factor challenge lives after the password or email code was right. */
export const SECOND_FACTOR_CHALLENGE_TTL_SECONDS = 5 * 60;
/** Wrong TOTP codes one challenge survives. */
export const MAX_SECOND_FACTOR_ATTEMPTS = 5;
/** One 30-second step either side of now, for phones whose clock is a little off. */
const TOTP_TOLERANCE_SECONDS = 30;

export interface TotpEnrollmentSecret {
  secret: string;
  otpauthUri: string;
}

export interface SecondFactorChallenge {
  challenge: string;
  challengeExpiresAt: Date;
}

/** The signed challenge: user, challenge id (must still be the user's open one), rememberMe of the first factor. */
interface ChallengeClaims {
  u: string;
  c: string;
  r: boolean;
}

export type RedeemOutcome =
  | { ok: true; user: User; rememberMe: boolean }
  | { ok: false; reason: 'INVALID_CHALLENGE' | 'WRONG_CODE'; userId?: string };

const invalidTotpCode = () =>
  badInput('The code is wrong. Use the current code from your authenticator app and check the time on your device.', { field: 'code', reason: 'INVALID_TOTP_CODE' });

/**
 * The TOTP second factor (RFC 6238: six digits, 30-second steps, SHA-1, as every authenticator app
 * does). Seeds are sealed at rest; a code's time step is remembered so no code works twice; a
 * challenge is single-use, dies after 5 wrong codes and is replaced by the next sign-in.
 */
export class TotpService {
  constructor(
    private readonly secrets: SecretBox,
    private readonly tokens: UrlTokenSigner,
    private readonly studio: StudioService,
    private readonly userAudit: UserAudit,
    private readonly logger: Logger,
  ) {}

  /** A fresh seed, shown once. It does nothing until confirmEnrollment proves the app has it; starting again replaces it. */
  async beginEnrollment(em: EntityManager, userId: string): Promise<TotpEnrollmentSecret> {
    return em.transactional(async (tx) => {
      const user = await this.lock(tx, userId);
      if (user.totpEnabledAt) throw conflict('TOTP is already on. Turn it off with disableTotp first.', { reason: 'TOTP_ALREADY_ENABLED' });
      const secret = generateSecret();
      user.totpSecret = this.secrets.seal(secret, user.id);
      user.totpLastTimeStep = null;
      const studio = await this.studio.get(tx);
      return { secret, otpauthUri: generateURI({ issuer: studio.name, label: user.email, secret }) };
    });
  }

  async confirmEnrollment(em: EntityManager, userId: string, code: string): Promise<User> {
    return em.transactional(async (tx) => {
      const user = await this.lock(tx, userId);
      if (user.totpEnabledAt) throw conflict('TOTP is already on.', { reason: 'TOTP_ALREADY_ENABLED' });
      if (!user.totpSecret) throw badInput('Start with beginTotpEnrollment.', { reason: 'NO_TOTP_ENROLLMENT' });
      const step = await this.check(user, code);
      if (step === null) throw invalidTotpCode();
      user.totpEnabledAt = new Date();
      user.totpLastTimeStep = step;
      this.logger.info({ event: 'totp_enabled', userId: user.id }, 'TOTP second factor enabled');
      return user;
    });
  }

  /** Turning the factor off takes a current code, so a stolen access token alone cannot do it. */
  async disable(em: EntityManager, userId: string, code: string): Promise<User> {
    return em.transactional(async (tx) => {
      const user = await this.lock(tx, userId);
      if (!user.totpEnabledAt) throw badInput('TOTP is not on.', { reason: 'TOTP_NOT_ENABLED' });
      const step = await this.check(user, code);
      if (step === null) throw invalidTotpCode();
      clearTotp(user);
      this.logger.info({ event: 'totp_disabled', userId: user.id }, 'TOTP second factor disabled');
      return user;
    });
  }

  /** For a lost phone: an admin removes another user's factor; they sign in with the first factor alone and may enroll again. */
  async reset(em: EntityManager, caller: Caller, userId: string, reason?: string | null): Promise<User> {
    if (userId === caller.user.id) throw forbidden('Turn off your own second factor with disableTotp and a current code.', { reason: 'OWN_ACCOUNT' });
    const cleanReason = optionalText(reason, 'reason', 500);
    return em.transactional(async (tx) => {
      const user = await findById(tx, User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['totpSecret'], refresh: true });
      if (!user) throw notFound('User');
      // A started but unconfirmed enrollment is cleared too; only a factor in use is an audited change.
      this.userAudit.record(tx, caller, user, USER_AUDIT_FIELD.secondFactor, user.totpEnabledAt ? SECOND_FACTOR_ON : SECOND_FACTOR_OFF, SECOND_FACTOR_OFF, cleanReason);
      clearTotp(user);
      this.logger.warn({ event: 'totp_reset', userId: user.id, actorId: caller.user.id }, 'TOTP second factor removed by an admin');
      return user;
    });
  }

  /** Called once the first factor was right: opens this user's one challenge (any older one stops working). */
  async issueChallenge(em: EntityManager, user: User, rememberMe: boolean): Promise<SecondFactorChallenge> {
    const challengeId = randomUUID();
    user.totpChallengeId = challengeId;
    user.totpChallengeAttempts = 0;
    await em.flush();
    const challengeExpiresAt = new Date(Date.now() + SECOND_FACTOR_CHALLENGE_TTL_SECONDS * 1000);
    const claims: ChallengeClaims = { u: user.id, c: challengeId, r: rememberMe };
    return { challenge: this.tokens.sign('second-factor', claims, challengeExpiresAt), challengeExpiresAt };
  }

  /**
   * Checks a challenge and a code inside the caller's transaction, with the user row locked so two
   * requests cannot both spend one code. A wrong code is counted (the caller must commit).
   */
  async redeemChallenge(tx: EntityManager, challenge: string, code: string): Promise<RedeemOutcome> {
    let claims: ChallengeClaims;
    try {
      claims = this.tokens.verify<ChallengeClaims>('second-factor', challenge);
    } catch {
      return { ok: false, reason: 'INVALID_CHALLENGE' };
    }
    const user = isUuid(claims.u) ? await this.lock(tx, claims.u).catch(() => null) : null;
    if (!user?.active || !user.totpEnabledAt || !claims.c || user.totpChallengeId !== claims.c || user.totpChallengeAttempts >= MAX_SECOND_FACTOR_ATTEMPTS) {
      return { ok: false, reason: 'INVALID_CHALLENGE', userId: user?.id };
    }
    const step = await this.check(user, code);
    if (step === null) {
      user.totpChallengeAttempts += 1;
      return { ok: false, reason: 'WRONG_CODE', userId: user.id };
    }
    user.totpChallengeId = null;
    user.totpChallengeAttempts = 0;
    user.totpLastTimeStep = step;
    return { ok: true, user, rememberMe: claims.r === true };
  }

  /** The time step of a valid, unused code, or null. */
  private async check(user: User, code: string): Promise<number | null> {
    const token = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(token) || !user.totpSecret) return null;
    let secret: string;
    try {
      secret = this.secrets.open(user.totpSecret, user.id);
    } catch (error) {
      this.logger.error({ err: error, userId: user.id }, 'TOTP seed cannot be opened (was JWT_SECRET changed?); an admin can reset the factor');
      return null;
    }
    try {
      const result = await verify({ secret, token, epochTolerance: TOTP_TOLERANCE_SECONDS, afterTimeStep: user.totpLastTimeStep ?? undefined });
      // otplib's combined result type also covers HOTP, whose results carry no time step.
      return result.valid && 'timeStep' in result ? result.timeStep : null;
    } catch {
      // otplib throws for out-of-range options (e.g. a remembered step ahead of the clock): not a valid code.
      return null;
    }
  }

  /** The user row, locked for this transaction, with the sealed seed loaded and fresh values from the database. */
  private lock(tx: EntityManager, userId: string): Promise<User> {
    return tx.findOneOrFail(User, { id: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['totpSecret'], refresh: true });
  }
}

function clearTotp(user: User): void {
  user.totpSecret = null;
  user.totpEnabledAt = null;
  user.totpLastTimeStep = null;
  user.totpChallengeId = null;
  user.totpChallengeAttempts = 0;
}
