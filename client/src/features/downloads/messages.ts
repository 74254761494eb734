/** Downloads: one image, or every released image as one ZIP. */
export const en = {
  download: 'Download',
  downloadLabel: (name: string) => `Download ${name}`,
  notReleased: 'Not released for download yet',
  lockDialog: {
    title: 'Download this image?',
    text: 'Once you download an image, it stays in your selection for good: you will not be able to swap it for another one. Downloading it again later costs nothing.',
    confirm: 'Download and keep it',
    cancel: 'Not now',
  },
  all: {
    title: 'Download all released photos',
    prepare: 'Prepare ZIP download',
    preparing: 'Preparing…',
    link: (count: string, size: string) => `Download ZIP (${count}, ${size})`,
    files: (count: number) => (count === 1 ? '1 photo' : `${count} photos`),
    released: (count: number) => (count === 1 ? '1 photo is released to you.' : `${count} photos are released to you.`),
    nothing: 'Nothing to download yet: no photo of this job is released to you. Photos you select within your package are released at once; extras once the studio approves them.',
    lockNote: 'Downloading keeps every photo in it in your selection for good.',
    resumable: 'Your browser’s download manager fetches the file; an interrupted download can be resumed there.',
    expires: (time: string) => `The link must be started before ${time}; ask for a new one after that.`,
  },
  started: 'Your download has started.',
};

export const de: typeof en = {
  download: 'Herunterladen',
  downloadLabel: (name: string) => `${name} herunterladen`,
  notReleased: 'Noch nicht zum Download freigegeben',
  lockDialog: {
    title: 'Dieses Bild herunterladen?',
    text: 'Sobald Sie ein Bild herunterladen, bleibt es dauerhaft in Ihrer Auswahl: Sie können es danach nicht mehr gegen ein anderes tauschen. Ein erneuter Download kostet nichts.',
    confirm: 'Herunterladen und behalten',
    cancel: 'Jetzt nicht',
  },
  all: {
    title: 'Alle freigegebenen Fotos herunterladen',
    prepare: 'ZIP-Download vorbereiten',
    preparing: 'Wird vorbereitet …',
    link: (count: string, size: string) => `ZIP herunterladen (${count}, ${size})`,
    files: (count: number) => (count === 1 ? '1 Foto' : `${count} Fotos`),
    released: (count: number) => (count === 1 ? '1 Foto ist für Sie freigegeben.' : `${count} Fotos sind für Sie freigegeben.`),
    nothing: 'Noch nichts herunterzuladen: Kein Foto dieses Auftrags ist für Sie freigegeben. Fotos, die Sie im Rahmen Ihres Pakets wählen, sind sofort freigegeben; Extras, sobald das Studio sie genehmigt.',
    lockNote: 'Mit dem Download bleiben alle enthaltenen Fotos dauerhaft in Ihrer Auswahl.',
    resumable: 'Der Download-Manager Ihres Browsers lädt die Datei; ein unterbrochener Download lässt sich dort fortsetzen.',
    expires: (time: string) => `Der Link muss vor ${time} gestartet werden; danach einfach neu anfordern.`,
  },
  started: 'Ihr Download hat begonnen.',
};

export const downloadMessages = { en, de };
