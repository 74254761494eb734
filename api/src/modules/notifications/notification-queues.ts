import type { QueueSettings, TaskQueue, TaskQueues } from '../../queue/task-queues.js';
import type { MailMessage } from '../mail/mailer.js';
import type { DigestKind } from './notification-digest.entity.js';

/** A notification to work out: a delivered job, or a job's digest that may be due. The handler reads everything else. */
export interface NotificationMessage {
  id: string;
  kind: 'JOB_DELIVERED' | DigestKind;
  jobId: string;
}

/** A composed mail, written in the transaction that decided to send it, sent (and retried) by the mail queue. */
export interface MailQueueMessage extends MailMessage {
  id: string;
}

export type NotificationQueue = TaskQueue<NotificationMessage>;
export type MailQueue = TaskQueue<MailQueueMessage>;

/** A mail server that is down for a while: tries spread over about an hour. */
const SETTINGS: QueueSettings = { maxAttempts: 8, retryDelaySeconds: 30, heartbeatSeconds: 30, timeoutSeconds: 120 };

export function defineNotificationQueues(queues: TaskQueues): { notifications: NotificationQueue; mail: MailQueue } {
  return {
    notifications: queues.define<NotificationMessage>({
      name: 'notifications',
      givenUpName: 'notifications-given-up',
      settings: SETTINGS,
      idOf: (message) => message.id,
      pollingIntervalSeconds: 2,
    }),
    mail: queues.define<MailQueueMessage>({
      name: 'mail',
      givenUpName: 'mail-given-up',
      settings: SETTINGS,
      idOf: (message) => message.id,
      pollingIntervalSeconds: 2,
    }),
  };
}
