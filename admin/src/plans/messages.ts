import type { Translation } from '../i18n/administration';

/** The plans to compare. */
export const en = {
  resources: {
    plans: {
      name: 'Plan |||| Plans',
      fields: {
        name: 'Name',
        key: 'Key',
        dailyUnits: 'Units a day',
        monthlyUnits: 'Units a month',
        maxUpscale: 'Upscaling',
        faceEnhance: 'Face enhancement',
        creditsAllowed: 'Credits usable',
      },
    },
  },
};

export const de: Translation<typeof en> = {
  resources: {
    plans: {
      name: 'Tarif |||| Tarife',
      fields: {
        name: 'Name',
        key: 'Schlüssel',
        dailyUnits: 'Einheiten pro Tag',
        monthlyUnits: 'Einheiten pro Monat',
        maxUpscale: 'Vergrößerung',
        faceEnhance: 'Gesichtsverbesserung',
        creditsAllowed: 'Guthaben nutzbar',
      },
    },
  },
};
