import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../users/user.entity.js';
import { AuditEntry, AuditSubject } from './audit-entry.entity.js';

export interface AuditChange {
  subject: AuditSubject;
  jobId?: string | null;
  imageId?: string | null;
  customerId?: string | null;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  reason?: string | null;
}

const asText = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/**
 * Writes audit rows on the caller's EntityManager, so they commit or roll back with the change they
 * describe. The actor's name and role are copied: the row must read the same after the user changes.
 */
export class AuditService {
  record(em: EntityManager, actor: User, requestId: string | undefined, change: AuditChange): AuditEntry | null {
    if (asText(change.oldValue) === asText(change.newValue)) return null;
    return em.create(AuditEntry, {
      actor,
      actorName: actor.name,
      actorRole: actor.role,
      subject: change.subject,
      jobId: change.jobId ?? null,
      imageId: change.imageId ?? null,
      customerId: change.customerId ?? null,
      field: change.field,
      oldValue: asText(change.oldValue),
      newValue: asText(change.newValue),
      reason: change.reason ?? null,
      requestId: requestId ?? null,
    });
  }
}

export { AuditSubject };
