/** The lightbox: one photo large, with keyboard navigation and zoom. */
export const en = {
  title: (name: string) => name,
  position: (index: number, count: number) => `${index} of ${count}`,
  previous: 'Previous photo',
  next: 'Next photo',
  close: 'Close',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomReset: 'Fit to screen',
  keys: 'Keys: ← → browse · + − zoom · 0 fit · Esc close',
  details: 'About this photo',
};

export const de: typeof en = {
  title: (name: string) => name,
  position: (index: number, count: number) => `${index} von ${count}`,
  previous: 'Vorheriges Foto',
  next: 'Nächstes Foto',
  close: 'Schließen',
  zoomIn: 'Vergrößern',
  zoomOut: 'Verkleinern',
  zoomReset: 'Einpassen',
  keys: 'Tasten: ← → blättern · + − zoomen · 0 einpassen · Esc schließen',
  details: 'Zu diesem Foto',
};

export const lightboxMessages = { en, de };
