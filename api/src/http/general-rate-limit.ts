import type { NextFunction, Request, Response } from 'express';
import { ipKey } from '../graphql/rate-limit-rules.js';
import { SecurityEventType } from '../modules/security-events/security-event.entity.js';
import type { Services } from '../services.js';
import { sendError } from './http-errors.js';
import { routeOf } from './loggable-route.js';

/** Probes from load balancers and orchestrators are never limited. */
const UNLIMITED_PATHS = new Set(['/healthz', '/readyz']);

/** The per-address budget for every request; 429 with Retry-After when it is spent. */
export function generalRateLimit(services: Services) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (UNLIMITED_PATHS.has(req.path)) return next();
    try {
      const outcome = await services.rateLimits.consume([['generalIp', ipKey({ ip: req.ip, requestId: String(req.id) })]]);
      if (outcome.allowed) return next();
      services.securityEvents.record(SecurityEventType.RATE_LIMITED, { ip: req.ip, requestId: String(req.id), details: { limit: outcome.limit, path: routeOf(req) } });
      res.setHeader('Retry-After', String(outcome.retryAfterSeconds));
      sendError(res, 429, 'RATE_LIMITED', `Too many requests. Try again in ${outcome.retryAfterSeconds} seconds.`, { retryAfterSeconds: outcome.retryAfterSeconds, resetAt: outcome.resetAt.toISOString() });
    } catch (error) {
      next(error);
    }
  };
}
