/** The gallery: a job's photos, their states, and what each state means for the customer. */
export const en = {
  back: 'My jobs',
  photos: (count: number) => (count === 1 ? '1 photo' : `${count} photos`),
  empty: 'No photos in this job yet.',
  open: (name: string) => `Open ${name}`,
  loadingPhoto: 'Photo loading',
  legendTitle: 'About the watermarks',
  legend:
    'Photos you can still swap are shown with the studio’s watermark, even the ones you selected: that way nobody can collect a whole shoot by selecting, viewing and swapping. Once a photo is yours for good — downloaded, an approved extra, or all photos included — you see it clean. Your downloads are always the clean originals.',
  explain: {
    NONE: 'Preview with watermark. Select it to make it part of your package.',
    INCLUDED: 'Selected. The preview keeps its watermark until you download the photo — the download is the clean original.',
    INCLUDED_LOCKED: 'Yours: downloaded, so it stays in your package.',
    EXTRA_PENDING: 'You asked for this one as an extra. The studio will decide soon; until then it is a watermarked preview.',
    EXTRA_PAID: 'Approved as an extra. Yours to download.',
    EXTRA_FREE: 'Approved as an extra, free of charge. Yours to download.',
    BLOCKED: 'The studio has held this photo back, so it cannot be selected or downloaded. Ask them if you have questions.',
    ALL_INCLUDED: 'All photos of this job are included. Yours to download.',
  },
};

export const de: typeof en = {
  back: 'Meine Aufträge',
  photos: (count: number) => (count === 1 ? '1 Foto' : `${count} Fotos`),
  empty: 'In diesem Auftrag sind noch keine Fotos.',
  open: (name: string) => `${name} öffnen`,
  loadingPhoto: 'Foto wird geladen',
  legendTitle: 'Zu den Wasserzeichen',
  legend:
    'Fotos, die Sie noch tauschen können, zeigen wir mit dem Wasserzeichen des Studios – auch die gewählten: So kann niemand durch Wählen, Ansehen und Tauschen ein ganzes Shooting einsammeln. Sobald ein Foto endgültig Ihres ist – heruntergeladen, ein genehmigtes Extra oder alle Fotos inklusive –, sehen Sie es ohne Wasserzeichen. Ihre Downloads sind immer die Originale ohne Wasserzeichen.',
  explain: {
    NONE: 'Vorschau mit Wasserzeichen. Wählen Sie das Foto, damit es Teil Ihres Pakets wird.',
    INCLUDED: 'Ausgewählt. Die Vorschau behält ihr Wasserzeichen, bis Sie das Foto herunterladen – der Download ist das Original ohne Wasserzeichen.',
    INCLUDED_LOCKED: 'Ihres: heruntergeladen, daher bleibt es in Ihrem Paket.',
    EXTRA_PENDING: 'Sie haben dieses Foto als Extra angefragt. Das Studio entscheidet bald; bis dahin ist es eine Vorschau mit Wasserzeichen.',
    EXTRA_PAID: 'Als Extra genehmigt. Sie können es herunterladen.',
    EXTRA_FREE: 'Kostenlos als Extra genehmigt. Sie können es herunterladen.',
    BLOCKED: 'Das Studio hält dieses Foto zurück; es kann nicht gewählt oder heruntergeladen werden. Fragen Sie gern beim Studio nach.',
    ALL_INCLUDED: 'Alle Fotos dieses Auftrags sind inklusive. Sie können es herunterladen.',
  },
};

export const galleryMessages = { en, de };
