import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { AppError } from '../../shared/errors.js';
import type { Logger } from '../../logger.js';
import { requireEmail } from '../../shared/input-validation.js';
import type { Mailer } from '../mail/mailer.js';
import { SecurityEventType, type SecurityEvents } from '../security-events/security-events.service.js';
import type { StudioService } from '../studio/studio.service.js';
import { User } from '../users/user.entity.js';
import { normaliseEmail } from '../users/user.service.js';
import type { AuthService, SignInResult } from './auth.service.js';
import { LoginCode } from './login-code.entity.js';

export const LOGIN_CODE_TTL_MINUTES = 10;
export const MAX_LOGIN_CODE_ATTEMPTS = 5;
/** Codes being stored and mailed at once; beyond this a request is dropped (and logged), not queued without bound. */
const MAX_PENDING_SENDS = 200;
const NO_ROW = '00000000-0000-0000-0000-000000000000';

const invalidLoginCode = () =>
  new AppError('UNAUTHENTICATED', 'The code is wrong or no longer valid. Request a new one.', { reason: 'INVALID_LOGIN_CODE' });

type VerifyOutcome = { ok: true; result: SignInResult } | { ok: false; reason: string; userId?: string };

/**
 * Email-code sign-in: six digits, 10 minutes, single use, dead after 5 wrong tries, stored only as
 * a keyed hash. Requesting a code answers the same, at once, for every well-formed address; a right
 * code is a first factor like a password (TOTP users still get a second-factor challenge).
 */
export class LoginCodeService {
  private readonly hashKey: Buffer;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    signingSecret: string,
    private readonly orm: MikroORM,
    private readonly auth: AuthService,
    private readonly mailer: Mailer,
    private readonly studio: StudioService,
    private readonly securityEvents: SecurityEvents,
    private readonly logger: Logger,
  ) {
    this.hashKey = Buffer.from(hkdfSync('sha256', signingSecret, 'pixgate-login-codes', 'login-code', 32));
  }

  /**
   * The request path only validates the address and schedules the work. Looking the account up,
   * storing the code and mailing it run after the response has been written (setImmediate), on
   * their own EntityManager, so neither the answer nor its timing tells whether the account exists.
   */
  request(email: string, ip?: string): true {
    const address = requireEmail(email);
    if (this.pending.size >= MAX_PENDING_SENDS) {
      this.logger.warn({ event: 'login_code_dropped', ip }, 'too many sign-in codes in flight; request dropped');
      return true;
    }
    const task: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.issueAndSend(address, ip))
      .catch((error) => this.logger.error({ err: error, event: 'login_code_send_failed', ip }, 'storing or sending a sign-in code failed'))
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
    return true;
  }

  /** Resolves once every code requested so far has been stored and handed to the mailer (tests and shutdown wait for this). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async verify(em: EntityManager, input: { email: string; code: string; rememberMe: boolean }, ip?: string): Promise<SignInResult> {
    const email = normaliseEmail(input.email);
    const code = input.code.replace(/\s+/g, '');
    // The outcome leaves the transaction as a value, not an exception: a counted wrong try must commit.
    const outcome = await em.transactional(async (tx): Promise<VerifyOutcome> => {
      const user = await tx.findOne(User, { email }, { populate: ['customer'] });
      const row = user
        ? await tx.findOne(LoginCode, { user: user.id, usedAt: null }, { orderBy: { createdAt: 'desc' }, lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      if (!user || !row) {
        this.matches(NO_ROW, '', code);
        return { ok: false, reason: user ? 'no_code' : 'unknown_account', userId: user?.id };
      }
      if (row.attempts >= MAX_LOGIN_CODE_ATTEMPTS) return { ok: false, reason: 'too_many_attempts', userId: user.id };
      if (row.expiresAt <= new Date()) return { ok: false, reason: 'expired', userId: user.id };
      if (!this.matches(row.id, row.codeHash, code)) {
        row.attempts += 1;
        return { ok: false, reason: 'wrong_code', userId: user.id };
      }
      if (!user.active) return { ok: false, reason: 'deactivated', userId: user.id };
      row.usedAt = new Date();
      return { ok: true, result: await this.auth.completeFirstFactor(tx, user, input.rememberMe) };
    });
    if (!outcome.ok) {
      this.securityEvents.record(SecurityEventType.LOGIN_FAILED, { userId: outcome.userId, ip, details: { via: 'email_code', reason: outcome.reason, ...(outcome.userId ? {} : { email }) } });
      throw invalidLoginCode();
    }
    return outcome.result;
  }

  private async issueAndSend(email: string, ip?: string): Promise<void> {
    const em = this.orm.em.fork();
    const user = await em.findOne(User, { email });
    if (!user?.active) {
      this.logger.info({ event: 'login_code_not_sent', reason: user ? 'deactivated' : 'unknown_account', userId: user?.id, ip }, 'sign-in code requested for no active account');
      return;
    }
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    await em.transactional(async (tx) => {
      // One live code per user: a newer code replaces all older ones.
      await tx.nativeDelete(LoginCode, { user: user.id });
      const row = tx.create(LoginCode, { user: user.id, codeHash: '', expiresAt: new Date(Date.now() + LOGIN_CODE_TTL_MINUTES * 60_000) });
      row.codeHash = this.hash(row.id, code);
    });
    // Mailed only after the code is committed.
    const studio = await this.studio.get(em);
    await this.mailer.send({
      to: user.email,
      subject: `Your sign-in code for ${studio.name}`,
      text: [
        `Your sign-in code for ${studio.name} is ${code}.`,
        '',
        `It works once, within ${LOGIN_CODE_TTL_MINUTES} minutes. If you did not ask for it, you can ignore this email: nobody can sign in without the code.`,
      ].join('\n'),
    });
    this.logger.info({ event: 'login_code_sent', userId: user.id, ip, via: this.mailer.kind }, 'sign-in code sent');
  }

  /** HMAC-SHA256 under a key derived from the server secret, bound to the row: no dump or rainbow table reveals a code. */
  private hash(rowId: string, code: string): string {
    return createHmac('sha256', this.hashKey).update(`${rowId}:${code}`).digest('hex');
  }

  private matches(rowId: string, storedHash: string, code: string): boolean {
    const given = Buffer.from(this.hash(rowId, code), 'hex');
    const stored = Buffer.from(storedHash, 'hex');
    return /^\d{6}$/.test(code) && stored.length === given.length && timingSafeEqual(stored, given);
  }
}
