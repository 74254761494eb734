import type { MikroORM } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.js';
import { createMailer } from './mailer.js';

const orm = {} as MikroORM;
const logger = createLogger('silent');
const from = 'pixgate <no-reply@localhost>';

describe('createMailer', () => {
  it('sends through SMTP when SMTP_URL is set, anywhere', async () => {
    for (const isProduction of [false, true]) {
      const mailer = createMailer({ isProduction, mail: { smtpUrl: 'smtp://127.0.0.1:2525', from } }, orm, logger);
      expect(mailer.kind).toBe('smtp');
      await mailer.close();
    }
  });

  it('keeps an outbox only outside production, and never silently in production', () => {
    expect(createMailer({ isProduction: false, mail: { from } }, orm, logger).kind).toBe('outbox');
    expect(() => createMailer({ isProduction: true, mail: { from } }, orm, logger)).toThrow('SMTP_URL is required in production');
  });
});
