import type { Translation } from '../i18n/administration';

/** The CSV export of lists. */
export const en = {
  pixgate: {
    export: {
      running: 'Exporting… %{progress}',
      done: '%{smart_count} row exported |||| %{smart_count} rows exported',
      id: 'ID',
    },
  },
};

export const de: Translation<typeof en> = {
  pixgate: {
    export: {
      running: 'Exportiere… %{progress}',
      done: '%{smart_count} Zeile exportiert |||| %{smart_count} Zeilen exportiert',
      id: 'ID',
    },
  },
};
