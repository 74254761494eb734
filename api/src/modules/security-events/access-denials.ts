import type { Logger } from '../../logger.js';
import type { AccessDenial } from '../../policy/access.js';
import type { Permission } from '../../policy/permissions.js';
import { SecurityEventType, type SecurityEvents } from './security-events.service.js';

/** Where a request came in, for the record of a denial. */
export interface RequestOrigin {
  ip?: string;
  requestId?: string;
  /** The entry point: `graphql`, or an HTTP route's pattern. */
  via: string;
}

const DOWNLOAD_PERMISSIONS: ReadonlySet<Permission> = new Set(['image.download', 'job.download']);

/**
 * The one place denials are logged, in one shape: the permission, the caller's kind and id, the
 * refused ids, why, and where. A missing or expired sign-in is routine (a client refreshing its
 * token) and goes to the log only; every other refusal is a security event for admins.
 */
export function accessDenialRecorder(securityEvents: SecurityEvents, logger: Logger) {
  return (origin: RequestOrigin) =>
    (denial: AccessDenial): void => {
      const details = { permission: denial.permission, callerKind: denial.callerKind, serviceId: denial.serviceId, reason: denial.reason, ids: denial.ids, via: origin.via, ...denial.details };
      if (denial.reason === 'UNAUTHENTICATED') {
        logger.info({ event: 'access_denied', userId: denial.userId, ip: origin.ip, requestId: origin.requestId, ...details }, 'access refused: not signed in');
        return;
      }
      const type = DOWNLOAD_PERMISSIONS.has(denial.permission) ? SecurityEventType.DOWNLOAD_DENIED : SecurityEventType.ACCESS_DENIED;
      securityEvents.record(type, { userId: denial.userId, ip: origin.ip, requestId: origin.requestId, details });
    };
}
