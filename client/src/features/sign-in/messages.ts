/** Sign-in: an emailed code by default, a password for those who have one. */
export const en = {
  title: 'Sign in to see your photos',
  expired: 'Your session has ended. Please sign in again — your selection is kept.',
  email: 'Email address',
  sendCode: 'Email me a sign-in code',
  codeSent: (email: string) => `If ${email} belongs to an account, a six-digit code is on its way. It works for 10 minutes.`,
  code: 'Code from the email',
  signIn: 'Sign in',
  otherEmail: 'Use another email address',
  resend: 'Send a new code',
  usePassword: 'Sign in with a password instead',
  useCode: 'Sign in with an emailed code instead',
  password: 'Password',
  rememberMe: 'Keep me signed in on this device for 7 days',
  staffRefused: 'This is the customer site. Staff sign in to the back office at /admin.',
  secondFactor: 'This account uses a second factor: please sign in to the back office at /admin.',
  language: 'Language',
};

export const de: typeof en = {
  title: 'Melden Sie sich an, um Ihre Fotos zu sehen',
  expired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an – Ihre Auswahl bleibt erhalten.',
  email: 'E-Mail-Adresse',
  sendCode: 'Anmeldecode per E-Mail senden',
  codeSent: (email: string) => `Wenn ${email} zu einem Konto gehört, ist ein sechsstelliger Code unterwegs. Er gilt 10 Minuten.`,
  code: 'Code aus der E-Mail',
  signIn: 'Anmelden',
  otherEmail: 'Andere E-Mail-Adresse verwenden',
  resend: 'Neuen Code senden',
  usePassword: 'Stattdessen mit Passwort anmelden',
  useCode: 'Stattdessen mit E-Mail-Code anmelden',
  password: 'Passwort',
  rememberMe: 'Auf diesem Gerät 7 Tage angemeldet bleiben',
  staffRefused: 'Dies ist die Kundenseite. Mitarbeiter melden sich im Backoffice unter /admin an.',
  secondFactor: 'Dieses Konto nutzt einen zweiten Faktor: Bitte melden Sie sich im Backoffice unter /admin an.',
  language: 'Sprache',
};

export const signInMessages = { en, de };
