/** My jobs: the delivered jobs with a cover and their counts. */
export const en = {
  title: 'My jobs',
  empty: 'No job has been delivered to you yet. The studio will email you when your photos are ready.',
  images: (count: number) => (count === 1 ? '1 photo' : `${count} photos`),
  deliveredOn: (date: string) => `Delivered ${date}`,
  noCover: 'No photo yet',
};

export const de: typeof en = {
  title: 'Meine Aufträge',
  empty: 'Es wurde Ihnen noch kein Auftrag geliefert. Das Studio schreibt Ihnen, sobald Ihre Fotos bereit sind.',
  images: (count: number) => (count === 1 ? '1 Foto' : `${count} Fotos`),
  deliveredOn: (date: string) => `Geliefert am ${date}`,
  noCover: 'Noch kein Foto',
};

export const jobsMessages = { en, de };
