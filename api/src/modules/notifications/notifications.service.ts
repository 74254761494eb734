import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger.js';
import { ImageStatus } from '../../shared/domain/image-enums.js';
import { JobStatus } from '../../shared/domain/job-status.js';
import { UserRole } from '../../shared/domain/user-role.js';
import { ExtraRequest, ExtraRequestStatus } from '../extras/extra-request.entity.js';
import { Job } from '../jobs/job.entity.js';
import type { StudioService } from '../studio/studio.service.js';
import { User } from '../users/user.entity.js';
import { DigestKind, NotificationDigest } from './notification-digest.entity.js';
import { notificationMails, type DecisionLine } from './notification-mails.js';
import type { MailQueue, NotificationMessage, NotificationQueue } from './notification-queues.js';
import { DIGEST_TIMING, digestDueAt } from './notification-rules.js';

const DECIDED = [ExtraRequestStatus.PAID, ExtraRequestStatus.FREE, ExtraRequestStatus.INCLUDED, ExtraRequestStatus.DECLINED] as const;

/**
 * Mail notifications. The hooks (`jobDelivered`, `extrasRequested`, `extrasDecided`) run inside the
 * transaction of the change they announce and only write: a queue message, a digest row. The queue's
 * handler (`handle`) works out recipients — each user's switch and language as they are then — and
 * writes the composed mails to the mail queue in its own transaction; the mail queue sends them.
 */
export class Notifications {
  constructor(
    private readonly deps: { orm: MikroORM; queue: NotificationQueue; mail: MailQueue; studio: StudioService; publicUrl: string; logger: Logger },
  ) {}

  /** Inside the transaction that made the job DELIVERED. */
  async jobDelivered(tx: EntityManager, jobId: string): Promise<void> {
    await this.deps.queue.enqueue(tx, [{ id: randomUUID(), kind: 'JOB_DELIVERED', jobId }]);
  }

  /** Inside the transaction that opened a request for an extra: staff hear of the job's requests after a quiet spell. */
  extrasRequested(tx: EntityManager, jobId: string, now = new Date()): Promise<void> {
    return this.noteDigestEvent(tx, jobId, DigestKind.EXTRAS_REQUESTED, now);
  }

  /** Inside the transaction in which staff decided a request: the customer hears of the job's decisions together. */
  extrasDecided(tx: EntityManager, jobId: string, now = new Date()): Promise<void> {
    return this.noteDigestEvent(tx, jobId, DigestKind.EXTRAS_DECIDED, now);
  }

  /** The queue's handler. */
  handle(message: Pick<NotificationMessage, 'kind' | 'jobId'>, now = new Date()): Promise<void> {
    return message.kind === 'JOB_DELIVERED' ? this.mailJobDelivered(message.jobId) : this.runDigest(message.jobId, message.kind, now);
  }

  /**
   * Mails a digest if it is due at `now` and marks it sent, under its row lock; if it is not due yet,
   * looks again when it will be (an early message, or one held back by the gap between mails).
   */
  async runDigest(jobId: string, kind: DigestKind, now = new Date()): Promise<void> {
    await this.deps.orm.em.fork().transactional(async (tx) => {
      const digest = await tx.findOne(NotificationDigest, { jobId, kind }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const due = digest && digestDueAt(digest);
      if (!digest || !due) return;
      if (due > now) {
        await this.deps.queue.enqueue(tx, [{ id: randomUUID(), kind, jobId }], { startAfter: due });
        return;
      }
      const job = await tx.findOneOrFail(Job, { id: jobId }, { populate: ['customer'] });
      digest.pendingSince = null;
      if (kind === DigestKind.EXTRAS_REQUESTED) await this.mailExtrasRequested(tx, job, now);
      else await this.mailExtrasDecided(tx, job, now);
      digest.lastSentAt = now;
    });
  }

  /** The digests a transaction has noted already: a bulk decision on a thousand images notes its job once. */
  private readonly noted = new WeakMap<EntityManager, Set<string>>();

  private async noteDigestEvent(tx: EntityManager, jobId: string, kind: DigestKind, now: Date): Promise<void> {
    const seen = this.noted.get(tx) ?? new Set<string>();
    if (seen.has(`${kind}:${jobId}`)) return;
    this.noted.set(tx, seen.add(`${kind}:${jobId}`));
    await tx.execute(
      `INSERT INTO notification_digests (job_id, kind, pending_since, last_event_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (job_id, kind) DO UPDATE SET last_event_at = excluded.last_event_at,
         pending_since = coalesce(notification_digests.pending_since, excluded.pending_since)`,
      [jobId, kind, now, now],
    );
    const startAfter = new Date(now.getTime() + DIGEST_TIMING[kind].quietSeconds * 1000);
    await this.deps.queue.enqueue(tx, [{ id: randomUUID(), kind, jobId }], { startAfter });
  }

  private async mailJobDelivered(jobId: string): Promise<void> {
    await this.deps.orm.em.fork().transactional(async (tx) => {
      const job = await tx.findOne(Job, { id: jobId });
      // Taken back before the message ran: the customer cannot see it, so nothing to announce.
      if (job?.status !== JobStatus.DELIVERED) return;
      const studio = (await this.deps.studio.get(tx)).name;
      const link = `${this.deps.publicUrl}/jobs/${job.id}`;
      await this.send(tx, await this.customerUsers(tx, job, 'notifyJobDelivered'), (language) => notificationMails.jobDelivered(language, { studio, jobTitle: job.title, link }));
    });
  }

  /**
   * Staff hear how many requests came since they were last told, of those still waiting for a decision.
   * Requests are marked told on this transaction, so each is announced once; one still uncommitted when
   * this runs raises the digest again when it commits (it waits for this row lock).
   */
  private async mailExtrasRequested(tx: EntityManager, job: Job, now: Date): Promise<void> {
    const count = await tx.nativeUpdate(ExtraRequest, { job: job.id, status: ExtraRequestStatus.PENDING, staffNotifiedAt: null }, { staffNotifiedAt: now });
    if (count === 0) return;
    const staff = await tx.find(User, { role: { $in: [UserRole.STAFF, UserRole.ADMIN] }, active: true, notifyExtrasRequested: true });
    const link = `${this.deps.publicUrl}/admin/extraRequests`;
    await this.send(tx, staff, (language) => notificationMails.extrasRequested(language, { customer: job.customer.name, jobTitle: job.title, count, link }));
  }

  /** The customer hears of each decision they were not told of yet, on images they can still see (each once). */
  private async mailExtrasDecided(tx: EntityManager, job: Job, now: Date): Promise<void> {
    if (job.status !== JobStatus.DELIVERED) return;
    const decided = await tx.find(
      ExtraRequest,
      { job: job.id, status: { $in: [...DECIDED] }, customerNotifiedAt: null, image: { status: ImageStatus.READY } },
      { populate: ['image'], orderBy: { decidedAt: 'asc', id: 'asc' } },
    );
    if (decided.length === 0) return;
    for (const request of decided) request.customerNotifiedAt = now;
    const lines: DecisionLine[] = decided.map((request) => ({ filename: request.image.filename, outcome: request.status as DecisionLine['outcome'], note: request.decisionNote }));
    const studio = (await this.deps.studio.get(tx)).name;
    const link = `${this.deps.publicUrl}/jobs/${job.id}`;
    await this.send(tx, await this.customerUsers(tx, job, 'notifyExtraDecided'), (language) => notificationMails.extrasDecided(language, { studio, jobTitle: job.title, lines, link }));
  }

  private customerUsers(tx: EntityManager, job: Job, setting: 'notifyJobDelivered' | 'notifyExtraDecided'): Promise<User[]> {
    return tx.find(User, { customer: job.customer.id, role: UserRole.CUSTOMER, active: true, [setting]: true });
  }

  private async send(tx: EntityManager, recipients: User[], compose: (language: User['language']) => { subject: string; text: string }): Promise<void> {
    await this.deps.mail.enqueue(tx, recipients.map((user) => ({ id: randomUUID(), to: user.email, ...compose(user.language) })));
    if (recipients.length > 0) this.deps.logger.info({ event: 'notification_mails_queued', count: recipients.length }, 'notification mails queued');
  }
}
