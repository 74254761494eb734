import type { Logger } from '../../logger.js';
import type { Mailer } from '../mail/mailer.js';
import type { MailQueue, NotificationQueue } from './notification-queues.js';
import type { Notifications } from './notifications.service.js';

/**
 * Runs the notification queue (working out who gets which mail) and the mail queue (sending them,
 * retried while the mail server refuses). A message whose tries are used up is logged as an error:
 * that mail is lost, and the log says to whom.
 */
export class NotificationWorker {
  private running = false;

  constructor(private readonly deps: { queue: NotificationQueue; mail: MailQueue; notifications: Notifications; mailer: Mailer; logger: Logger }) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const { queue, mail, notifications, mailer, logger } = this.deps;
    await queue.work(1, (task) => notifications.handle(task.data));
    await mail.work(2, async (task) => {
      const { to, subject, text } = task.data;
      await mailer.send({ to, subject, text });
      logger.info({ event: 'notification_mail_sent', via: mailer.kind }, 'notification mail sent');
    });
    await queue.workGivenUp(async (message) => logger.error({ event: 'notification_given_up', kind: message.kind, jobId: message.jobId }, 'notification given up'));
    await mail.workGivenUp(async (message) => logger.error({ event: 'notification_mail_given_up', to: message.to, subject: message.subject }, 'notification mail could not be sent'));
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.deps.queue.stopWorking();
    await this.deps.mail.stopWorking();
  }
}
