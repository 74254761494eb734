import type { Translation } from '../i18n/administration';

/** The audit log: its columns, filters and CSV headers. */
export const en = {
  resources: {
    auditEntries: {
      name: 'Audit entry |||| Audit log',
      fields: {
        createdAt: 'When',
        actorName: 'Who',
        actorRole: 'Role',
        actorId: 'Who',
        subject: 'Subject',
        job: 'Job',
        jobId: 'Job',
        image: 'Image',
        imageId: 'Image',
        customer: 'Customer',
        customerId: 'Customer',
        user: 'User',
        userId: 'User changed',
        field: 'What',
        change: 'Change',
        oldValue: 'Before',
        newValue: 'After',
        reason: 'Reason',
        requestId: 'Request',
        from: 'From',
        to: 'To',
      },
    },
  },
  pixgate: {
    auditValue: {
      secondFactor: { ON: 'On', OFF: 'Off' },
      selectionLock: { LOCKED: 'Locked', UNLOCKED: 'Unlocked' },
      /** An image removed while nothing had happened to it: gone with its files. */
      imageStatus: { DELETED: 'Deleted' },
    },
    auditLog: {
      image_needs_job: 'Choose a job first',
    },
  },
};

export const de: Translation<typeof en> = {
  resources: {
    auditEntries: {
      name: 'Protokolleintrag |||| Änderungsprotokoll',
      fields: {
        createdAt: 'Wann',
        actorName: 'Wer',
        actorRole: 'Rolle',
        actorId: 'Wer',
        subject: 'Gegenstand',
        job: 'Auftrag',
        jobId: 'Auftrag',
        image: 'Bild',
        imageId: 'Bild',
        customer: 'Kunde',
        customerId: 'Kunde',
        user: 'Benutzer',
        userId: 'Geänderter Benutzer',
        field: 'Was',
        change: 'Änderung',
        oldValue: 'Vorher',
        newValue: 'Nachher',
        reason: 'Begründung',
        requestId: 'Anfrage',
        from: 'Von',
        to: 'Bis',
      },
    },
  },
  pixgate: {
    auditValue: {
      secondFactor: { ON: 'Ein', OFF: 'Aus' },
      selectionLock: { LOCKED: 'Gesperrt', UNLOCKED: 'Entsperrt' },
      imageStatus: { DELETED: 'Gelöscht' },
    },
    auditLog: {
      image_needs_job: 'Erst einen Auftrag wählen',
    },
  },
};
