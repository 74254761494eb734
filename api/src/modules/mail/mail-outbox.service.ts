import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate, type PageArgs } from '../../shared/connection.js';
import { AppError } from '../../shared/errors.js';
import { MailOutboxMessage } from './mail-outbox-message.entity.js';
import type { Mailer } from './mailer.js';

export class MailOutboxService {
  constructor(private readonly mailer: Mailer) {}

  /** Newest first. With SMTP configured (always in production) there is no outbox to read. */
  list(em: EntityManager, page: PageArgs) {
    if (this.mailer.kind !== 'outbox') throw new AppError('NOT_FOUND', 'There is no mail outbox: mail goes out through SMTP.', { reason: 'OUTBOX_DISABLED' });
    return paginate(em, MailOutboxMessage, {}, page, { createdAt: 'desc', id: 'desc' });
  }
}
