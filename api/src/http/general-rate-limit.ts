import type { NextFunction, Request, Response } from 'express';
import { ipKey } from '../graphql/rate-limit-rules.js';
import { SecurityEventType } from '../modules/security-events/security-event.entity.js';
import type { Services } from '../services.js';

/** Probes from load balancers and orchestrators are never limited. */
const UNLIMITED_PATHS = new Set(['/healthz', '/readyz']);

/** The per-address budget for every request; 429 with Retry-After when it is spent. */
export function generalRateLimit(services: Services) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (UNLIMITED_PATHS.has(req.path)) return next();
    try {
      const outcome = await services.rateLimits.consume([['generalIp', ipKey({ ip: req.ip, requestId: String(req.id) })]]);
      if (outcome.allowed) return next();
      services.securityEvents.record(SecurityEventType.RATE_LIMITED, { ip: req.ip, requestId: String(req.id), details: { limit: outcome.limit, path: req.path } });
      res.status(429).setHeader('Retry-After', String(outcome.retryAfterSeconds));
      const error = { message: `Too many requests. Try again in ${outcome.retryAfterSeconds} seconds.`, code: 'RATE_LIMITED', retryAfterSeconds: outcome.retryAfterSeconds, resetAt: outcome.resetAt.toISOString() };
      // GraphQL clients read `errors`, plain HTTP clients `error`.
      if (req.path === '/graphql') res.json({ errors: [{ message: error.message, extensions: { ...error, message: undefined } }] });
      else res.json({ error });
    } catch (error) {
      next(error);
    }
  };
}
