import type { Translation } from '../i18n/administration';

/** The development mail outbox (admins). */
export const en = {
  resources: {
    mailOutbox: {
      name: 'Mail |||| Mail outbox',
      fields: {
        createdAt: 'Written',
        to: 'To',
        subject: 'Subject',
        text: 'Text',
      },
    },
  },
  pixgate: {
    outbox: {
      empty: 'No mail yet.',
      disabled: 'Mail goes out through SMTP, so there is no outbox to show.',
    },
  },
};

export const de: Translation<typeof en> = {
  resources: {
    mailOutbox: {
      name: 'E-Mail |||| Postausgang',
      fields: {
        createdAt: 'Geschrieben',
        to: 'An',
        subject: 'Betreff',
        text: 'Text',
      },
    },
  },
  pixgate: {
    outbox: {
      empty: 'Noch keine E-Mails.',
      disabled: 'E-Mails gehen per SMTP hinaus; einen Postausgang gibt es daher nicht.',
    },
  },
};
