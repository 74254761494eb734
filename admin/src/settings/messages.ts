import type { Translation } from '../i18n/administration';

/** The studio settings (admins). */
export const en = {
  resources: {
    studioSettings: {
      name: 'Studio settings |||| Studio settings',
      fields: {
        name: 'Studio name',
        watermarkText: 'Watermark text',
        defaultIncludedImages: 'Package size of new jobs',
        defaultAllowCustomerUploads: 'Customers may upload into new jobs',
        updatedAt: 'Last changed',
      },
    },
  },
  pixgate: {
    settings: {
      watermark_help: 'Drawn over previews of images the customer may not download (at most 60 characters). Previews made after the change use it.',
      package_help: 'Staff can change it for each job.',
      uploads_help: 'Staff can change it for each job.',
    },
  },
};

export const de: Translation<typeof en> = {
  resources: {
    studioSettings: {
      name: 'Studio-Einstellungen |||| Studio-Einstellungen',
      fields: {
        name: 'Name des Studios',
        watermarkText: 'Wasserzeichen-Text',
        defaultIncludedImages: 'Paketgröße neuer Aufträge',
        defaultAllowCustomerUploads: 'Kunden dürfen in neue Aufträge hochladen',
        updatedAt: 'Zuletzt geändert',
      },
    },
  },
  pixgate: {
    settings: {
      watermark_help: 'Steht über Vorschauen von Bildern, die der Kunde nicht herunterladen darf (höchstens 60 Zeichen). Gilt für Vorschauen, die nach der Änderung entstehen.',
      package_help: 'Mitarbeiter können sie je Auftrag ändern.',
      uploads_help: 'Mitarbeiter können es je Auftrag ändern.',
    },
  },
};
