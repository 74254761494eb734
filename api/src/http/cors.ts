import cors from 'cors';
import type { RequestHandler } from 'express';
import { SecurityEventType } from '../modules/security-events/security-event.entity.js';
import type { Services } from '../services.js';

/**
 * CORS from an explicit allow-list only: an exact match of scheme, host and port, never `*`, never
 * a prefix or suffix match (`https://ours.example.evil.test` is not `https://ours.example`).
 * Disallowed origins get no Access-Control-Allow-Origin at all, and the refusal is recorded. The
 * API's own origin (PUBLIC_URL's) is same-origin: browsers send it on every POST of the back office
 * and the client, which need no CORS headers and are no refusal to record.
 */
export function corsPolicy(services: Services): RequestHandler {
  const allowed = new Set(services.config.corsOrigins);
  const own = new URL(services.config.publicUrl).origin;
  return cors({
    origin: (origin, callback) => {
      if (!origin || allowed.has(origin)) return callback(null, Boolean(origin));
      if (origin === own) return callback(null, false);
      services.securityEvents.record(SecurityEventType.CORS_REFUSED, { details: { origin } });
      callback(null, false);
    },
    methods: ['GET', 'POST', 'PUT'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Apollo-Require-Preflight', 'X-Request-Id', 'X-Pixgate-Session'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'],
    credentials: true,
    maxAge: 600,
  });
}
