import type { Translation } from '../i18n/administration';

/** The user screens: list, forms, the reset of a second factor, the user's own changes. */
export const en = {
  resources: {
    users: {
      name: 'User |||| Users',
      fields: {
        name: 'Name',
        email: 'Email',
        role: 'Role',
        active: 'Active',
        totpEnabled: 'Second factor',
        lastLoginAt: 'Last sign-in',
        deactivatedAt: 'Deactivated',
        'customer.name': 'Customer',
        customerId: 'Customer',
        password: 'Password',
        createdAt: 'Created',
        q: 'Search',
      },
    },
  },
  pixgate: {
    userAdmin: {
      password_help_create: 'At least 10 characters. Customers may leave it empty and sign in with an emailed code.',
      password_help_edit: 'Empty: the password stays. A new one ends the user’s other sessions.',
      totp_reset: 'Reset second factor',
      totp_reset_title: 'Reset the second factor of %{name}?',
      totp_reset_help: 'For a lost phone: sign-in no longer asks %{name} for an authenticator code until they set one up again.',
      totp_reset_done: 'Second factor reset',
      changes_to: 'Changes to this user',
      changes_by: 'Changes made by this user',
    },
  },
};

export const de: Translation<typeof en> = {
  resources: {
    users: {
      name: 'Benutzer |||| Benutzer',
      fields: {
        name: 'Name',
        email: 'E-Mail',
        role: 'Rolle',
        active: 'Aktiv',
        totpEnabled: 'Zweiter Faktor',
        lastLoginAt: 'Letzte Anmeldung',
        deactivatedAt: 'Deaktiviert',
        'customer.name': 'Kunde',
        customerId: 'Kunde',
        password: 'Passwort',
        createdAt: 'Angelegt',
        q: 'Suche',
      },
    },
  },
  pixgate: {
    userAdmin: {
      password_help_create: 'Mindestens 10 Zeichen. Bei Kunden darf es leer bleiben; sie melden sich dann mit einem Code per E-Mail an.',
      password_help_edit: 'Leer: Das Passwort bleibt. Ein neues beendet die anderen Sitzungen des Benutzers.',
      totp_reset: 'Zweiten Faktor zurücksetzen',
      totp_reset_title: 'Zweiten Faktor von %{name} zurücksetzen?',
      totp_reset_help: 'Bei verlorenem Telefon: Die Anmeldung fragt %{name} nicht mehr nach einem Code aus der Authenticator-App, bis wieder einer eingerichtet ist.',
      totp_reset_done: 'Zweiter Faktor zurückgesetzt',
      changes_to: 'Änderungen an diesem Benutzer',
      changes_by: 'Änderungen durch diesen Benutzer',
    },
  },
};
