import type { NextFunction, Request, Response } from 'express';
import { ipKey } from '../graphql/rate-limit-rules.js';
import type { MediaTokenClaims } from '../modules/images/media-urls.js';
import { SecurityEventType } from '../modules/security-events/security-event.entity.js';
import type { LimitName } from '../security/rate-limits.js';
import type { UrlTokenSigner } from '../security/signed-token.js';
import type { Services } from '../services.js';
import { sendError } from './http-errors.js';
import { routeOf } from './loggable-route.js';

/** Probes from load balancers and orchestrators are never limited. */
const UNLIMITED_PATHS = new Set(['/healthz', '/readyz']);
const MEDIA_PATH = /^\/media\/([^/]+)$/;

/**
 * The budget a request counts against, 429 with Retry-After when it is spent: per address, except
 * for previews and thumbnails fetched with a valid media URL, which count per viewer (the user the
 * URL was signed for). A signed-in customer's 500-image gallery behind an office's one address then
 * never meets the address limit, while anything without a valid URL — a flood of made-up or expired
 * ones included — still does.
 */
export function generalRateLimit(services: Services) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (UNLIMITED_PATHS.has(req.path)) return next();
    try {
      const viewer = mediaViewerOf(req, services.urlTokens);
      const check: [LimitName, string] = viewer ? ['mediaViewer', `user:${viewer}`] : ['generalIp', ipKey({ ip: req.ip, requestId: String(req.id) })];
      const outcome = await services.rateLimits.consume([check]);
      if (outcome.allowed) return next();
      services.securityEvents.record(SecurityEventType.RATE_LIMITED, { ip: req.ip, userId: viewer ?? undefined, requestId: String(req.id), details: { limit: outcome.limit, path: routeOf(req) } });
      res.setHeader('Retry-After', String(outcome.retryAfterSeconds));
      sendError(res, 429, 'RATE_LIMITED', `Too many requests. Try again in ${outcome.retryAfterSeconds} seconds.`, { retryAfterSeconds: outcome.retryAfterSeconds, resetAt: outcome.resetAt.toISOString() });
    } catch (error) {
      next(error);
    }
  };
}

/** The viewer a media URL was signed for, when the request is a GET of one that is valid now; null otherwise. */
function mediaViewerOf(req: Request, urlTokens: UrlTokenSigner): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const token = MEDIA_PATH.exec(req.path)?.[1];
  if (!token) return null;
  try {
    return urlTokens.verify<MediaTokenClaims>('media', token).u;
  } catch {
    return null;
  }
}
