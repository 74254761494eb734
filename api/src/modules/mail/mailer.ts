import type { MikroORM } from '@mikro-orm/postgresql';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { MailOutboxMessage } from './mail-outbox-message.entity.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Where the API's mail goes. Callers send after their transaction committed, never inside it. */
export interface Mailer {
  /** 'smtp' delivers; 'outbox' keeps mail in the mail_outbox table (development only). */
  readonly kind: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/** Real delivery through nodemailer's SMTP transport (SMTP_URL, from MAIL_FROM). */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp';
  private readonly transport: Transporter;

  constructor(url: string, from: string) {
    // Bounded timeouts: a stalled mail server must not pile up sends (nodemailer waits minutes by default).
    this.transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }, { from });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ to: message.to, subject: message.subject, text: message.text });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/**
 * Development mail: a row in mail_outbox (admins read it through `mailOutbox`) and a log line with
 * the whole text, so a sign-in code is at hand without any mail server.
 */
export class OutboxMailer implements Mailer {
  readonly kind = 'outbox';

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
  ) {}

  async send(message: MailMessage): Promise<void> {
    const em = this.orm.em.fork();
    em.create(MailOutboxMessage, { to: message.to, subject: message.subject, text: message.text });
    await em.flush();
    this.logger.info({ event: 'mail_outbox', to: message.to, subject: message.subject, text: message.text }, 'mail written to the outbox (SMTP_URL is not set)');
  }

  async close(): Promise<void> {}
}

/** SMTP when SMTP_URL is set; otherwise the outbox, which production never has (config refuses to start without SMTP_URL). */
export function createMailer(config: Pick<Config, 'isProduction' | 'mail'>, orm: MikroORM, logger: Logger): Mailer {
  if (config.mail.smtpUrl) return new SmtpMailer(config.mail.smtpUrl, config.mail.from);
  if (config.isProduction) throw new Error('SMTP_URL is required in production');
  return new OutboxMailer(orm, logger);
}
