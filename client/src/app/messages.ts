/** The frame around every screen: header, navigation, status pages. */
export const en = {
  appName: 'pixgate',
  skipToContent: 'Skip to content',
  nav: { label: 'Main', jobs: 'My jobs', account: 'Account', signOut: 'Sign out' },
  loading: 'Loading…',
  notFound: { title: 'Page not found', text: 'There is nothing at this address.', back: 'Back to my jobs' },
  forbidden: {
    title: 'Not available to you',
    text: 'This job does not exist or belongs to someone else. If you got the link from the studio, sign in with the email address it was sent to.',
    back: 'Back to my jobs',
  },
  failed: { title: 'Something went wrong', retry: 'Try again' },
};

export const de: typeof en = {
  appName: 'pixgate',
  skipToContent: 'Zum Inhalt springen',
  nav: { label: 'Hauptmenü', jobs: 'Meine Aufträge', account: 'Konto', signOut: 'Abmelden' },
  loading: 'Wird geladen …',
  notFound: { title: 'Seite nicht gefunden', text: 'Unter dieser Adresse gibt es nichts.', back: 'Zurück zu meinen Aufträgen' },
  forbidden: {
    title: 'Für Sie nicht verfügbar',
    text: 'Diesen Auftrag gibt es nicht oder er gehört jemand anderem. Wenn Sie den Link vom Studio haben, melden Sie sich mit der E-Mail-Adresse an, an die er geschickt wurde.',
    back: 'Zurück zu meinen Aufträgen',
  },
  failed: { title: 'Etwas ist schiefgegangen', retry: 'Erneut versuchen' },
};

export const appMessages = { en, de };
