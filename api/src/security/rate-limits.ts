import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config, RateLimit } from '../config.js';
import { AppError } from '../shared/errors.js';

export type LimitName = Exclude<keyof Config['rateLimits'], 'enabled' | 'keyPrefix'>;

export type LimitOutcome = { allowed: true } | { allowed: false; limit: LimitName; retryAfterSeconds: number; resetAt: Date };

/**
 * Fixed-window counters per limit and key. rate-limiter-flexible increments and reads in one
 * atomic step (a Lua script on Redis, a synchronous map in memory) — graphql-rate-limit's stores
 * read then write, and ten parallel requests against a limit of one all got through. In Redis the
 * counters hold across API processes; in memory, per process.
 */
export class RateLimits {
  private readonly limiters = new Map<LimitName, RateLimiterAbstract>();

  constructor(
    private readonly config: Config['rateLimits'],
    redis?: Redis,
  ) {
    for (const [name, limit] of Object.entries(config) as [string, unknown][]) {
      if (name === 'enabled' || name === 'keyPrefix') continue;
      const { points, durationSeconds } = limit as RateLimit;
      const options = { keyPrefix: `${config.keyPrefix}:rl:${name}`, points, duration: durationSeconds };
      this.limiters.set(name as LimitName, redis ? new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true }) : new RateLimiterMemory(options));
    }
  }

  get enabled(): boolean {
    return this.config.enabled;
  }

  /**
   * Counts one attempt against each (limit, key) in order and stops at the first refusal, so an
   * attempt refused by a tight limit does not also use up a looser one (an attacker flooding from
   * one address must not exhaust the account's budget for its owner elsewhere).
   */
  async consume(checks: [LimitName, string][], points = 1): Promise<LimitOutcome> {
    if (!this.config.enabled) return { allowed: true };
    for (const [name, key] of checks) {
      try {
        await this.limiters.get(name)!.consume(key, points);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        return { allowed: false, limit: name, retryAfterSeconds, resetAt: new Date(Date.now() + rejection.msBeforeNext) };
      }
    }
    return { allowed: true };
  }

  /** Extra points for behaviour that should bring the limit closer (failed uploads, say). */
  async penalise(name: LimitName, key: string, points: number): Promise<void> {
    if (!this.config.enabled) return;
    await this.limiters.get(name)!.penalty(key, points);
  }
}

/** A refusal as the typed error every route answers: when to come back, and which limit said no. */
export const rateLimited = (outcome: Extract<LimitOutcome, { allowed: false }>) =>
  new AppError('RATE_LIMITED', `Too many requests. Try again in ${outcome.retryAfterSeconds} seconds.`, {
    retryAfterSeconds: outcome.retryAfterSeconds,
    resetAt: outcome.resetAt.toISOString(),
    limit: outcome.limit,
  });
