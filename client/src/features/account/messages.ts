/** The account page: language, notifications, password, sessions. */
export const en = {
  title: 'Your account',
  profile: 'Signed in as',
  language: 'Language',
  languageHelp: 'The language of this site.',
  sessions: 'Sessions',
  signOut: 'Sign out on this device',
};

export const de: typeof en = {
  title: 'Ihr Konto',
  profile: 'Angemeldet als',
  language: 'Sprache',
  languageHelp: 'Die Sprache dieser Seite.',
  sessions: 'Sitzungen',
  signOut: 'Auf diesem Gerät abmelden',
};

export const accountMessages = { en, de };
