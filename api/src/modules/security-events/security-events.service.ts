import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { paginate, type PageArgs } from '../../shared/connection.js';
import type { Logger } from '../../logger.js';
import { isUuid, uuidOrNoMatch } from '../../shared/ids.js';
import { SecurityEvent, SecurityEventType } from './security-event.entity.js';

export interface SecurityEventInput {
  userId?: string | null;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

export interface SecurityEventFilterShape {
  type?: SecurityEventType;
  userId?: string;
  from?: Date;
  to?: Date;
}

/**
 * Records security events in their own table (and the JSON log). Each is written on its own
 * connection, outside any request transaction, so a refusal that rolls a change back is still kept
 * — and without holding up the response.
 */
export class SecurityEvents {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
  ) {}

  record(type: SecurityEventType, event: SecurityEventInput): void {
    const details = event.details ?? {};
    this.logger.warn({ event: type.toLowerCase(), userId: event.userId, ip: event.ip, requestId: event.requestId, ...details }, `security event: ${type}`);
    const em = this.orm.em.fork();
    em.create(SecurityEvent, {
      type,
      userId: event.userId && isUuid(event.userId) ? event.userId : null,
      ip: event.ip ?? null,
      requestId: event.requestId ?? null,
      details,
    });
    const write = em
      .flush()
      .catch((error) => this.logger.error({ err: error, securityEvent: type }, 'recording a security event failed'))
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Waits for the writes still under way, so shutting down loses none of them. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  list(em: EntityManager, filter: SecurityEventFilterShape, page: PageArgs) {
    const where: FilterQuery<SecurityEvent> = {};
    if (filter.type) where.type = filter.type;
    if (filter.userId) where.userId = uuidOrNoMatch(filter.userId);
    if (filter.from || filter.to) where.createdAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    return paginate(em, SecurityEvent, where, page, { createdAt: 'desc', id: 'desc' });
  }
}

export { SecurityEventType };
