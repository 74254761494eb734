/** The account page: language, notifications, password, sessions. */
export const en = {
  title: 'Your account',
  profile: 'Signed in as',
  language: 'Language',
  languageHelp: 'The language of this site.',
  sessions: 'Sessions',
  signOut: 'Sign out on this device',
  signOutEverywhere: 'Sign out everywhere',
  signOutEverywhereHelp: 'Ends every session of your account, on all your devices — for example after using a shared computer.',
};

export const de: typeof en = {
  title: 'Ihr Konto',
  profile: 'Angemeldet als',
  language: 'Sprache',
  languageHelp: 'Die Sprache dieser Seite.',
  sessions: 'Sitzungen',
  signOut: 'Auf diesem Gerät abmelden',
  signOutEverywhere: 'Überall abmelden',
  signOutEverywhereHelp: 'Beendet alle Sitzungen Ihres Kontos auf allen Geräten – etwa nach der Nutzung eines fremden Computers.',
};

export const accountMessages = { en, de };
