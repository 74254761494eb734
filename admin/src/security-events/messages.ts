import type { Translation } from '../i18n/administration';

/** Security events (admins). Their types' labels are enums: i18n/labels/enums.ts. */
export const en = {
  resources: {
    securityEvents: {
      name: 'Security event |||| Security events',
      fields: {
        createdAt: 'When',
        type: 'What',
        userId: 'User',
        ip: 'Address',
        details: 'Details',
        requestId: 'Request',
        from: 'From',
        to: 'To',
      },
    },
  },
};

export const de: Translation<typeof en> = {
  resources: {
    securityEvents: {
      name: 'Sicherheitsereignis |||| Sicherheitsprotokoll',
      fields: {
        createdAt: 'Wann',
        type: 'Was',
        userId: 'Benutzer',
        ip: 'Adresse',
        details: 'Details',
        requestId: 'Anfrage',
        from: 'Von',
        to: 'Bis',
      },
    },
  },
};
