import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate, type PageArgs } from '../../shared/connection.js';
import { uuidOrNoMatch } from '../../shared/ids.js';
import { UserRole } from '../../shared/domain/user-role.js';
import type { User } from '../users/user.entity.js';
import { AuditEntry, AuditSubject } from './audit-entry.entity.js';
import type { AuditFilter } from './audit.types.js';

export interface AuditChange {
  subject: AuditSubject;
  jobId?: string | null;
  imageId?: string | null;
  customerId?: string | null;
  userId?: string | null;
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
    return this.write(em, { actor, actorName: actor.name, actorRole: actor.role }, requestId, change);
  }

  /**
   * A change made outside any request by whoever runs a command on the server (the first admin,
   * demo data): no user to name, so the row names the command and counts as an admin's.
   */
  recordByCommand(em: EntityManager, command: string, change: AuditChange): AuditEntry | null {
    return this.write(em, { actor: null, actorName: command, actorRole: UserRole.ADMIN }, undefined, change);
  }

  private write(em: EntityManager, who: { actor: User | null; actorName: string; actorRole: UserRole }, requestId: string | undefined, change: AuditChange): AuditEntry | null {
    if (asText(change.oldValue) === asText(change.newValue)) return null;
    return em.create(AuditEntry, {
      ...who,
      subject: change.subject,
      jobId: change.jobId ?? null,
      imageId: change.imageId ?? null,
      customerId: change.customerId ?? null,
      userId: change.userId ?? null,
      field: change.field,
      oldValue: asText(change.oldValue),
      newValue: asText(change.newValue),
      reason: change.reason ?? null,
      requestId: requestId ?? null,
    });
  }

  /** Newest first, in the order the entries were written. */
  list(em: EntityManager, filter: AuditFilter, page: PageArgs, direction: 'ASC' | 'DESC' = 'DESC') {
    const where: FilterQuery<AuditEntry> = {};
    if (filter.jobId) where.jobId = uuidOrNoMatch(filter.jobId);
    if (filter.imageId) where.imageId = uuidOrNoMatch(filter.imageId);
    if (filter.actorId) where.actor = uuidOrNoMatch(filter.actorId);
    if (filter.customerId) where.customerId = uuidOrNoMatch(filter.customerId);
    if (filter.userId) where.userId = uuidOrNoMatch(filter.userId);
    if (filter.field) where.field = filter.field;
    if (filter.from || filter.to) where.createdAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    return paginate(em, AuditEntry, where, page, { sequence: direction === 'ASC' ? 'asc' : 'desc' });
  }
}

export { AuditSubject };
