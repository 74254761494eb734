import type { Translation } from '../i18n/administration';

/** The customer screens: list, form, and the plan, usage and credits on the customer's page. */
export const en = {
  resources: {
    customers: {
      name: 'Customer |||| Customers',
      fields: {
        name: 'Name',
        contactEmail: 'Contact email',
        notes: 'Internal notes',
        'plan.name': 'Plan',
        creditBalance: 'Credits',
        createdAt: 'Created',
        users: 'Users',
        q: 'Search',
      },
    },
  },
  pixgate: {
    customerAdmin: {
      add_user: 'Add customer user',
      add_job: 'New job',
    },
    plan: {
      section: 'Plan, usage and credits',
      facts: '%{daily} units a day · %{monthly} a month · upscaling up to %{upscale}× · face enhancement: %{face} · credits usable: %{credits}',
      change: 'Change plan',
      change_title: 'Change the plan of %{name}',
      change_help: 'The new plan’s caps and features apply at once.',
      new_plan: 'New plan',
      changed: 'Plan changed',
      upscale: 'up to %{factor}×',
    },
    usage: {
      today: 'Today',
      month: 'This month',
      of: '%{used} of %{limit} units used',
      resets: 'Starts afresh %{time}',
      credits: 'Credit balance',
      credits_usable: 'Spent when a cap is reached.',
      credits_not_usable: 'This plan does not use credits.',
    },
    credits: {
      grant: 'Grant credits',
      grant_title: 'Grant credits to %{name}',
      grant_help: 'Credits pay for enhancements beyond the plan’s caps, if the plan allows it. Balance now: %{balance}.',
      units: 'Units',
      units_help: 'A negative number takes credits back (never below 0).',
      granted: 'Credit balance changed',
    },
  },
};

export const de: Translation<typeof en> = {
  resources: {
    customers: {
      name: 'Kunde |||| Kunden',
      fields: {
        name: 'Name',
        contactEmail: 'Kontakt-E-Mail',
        notes: 'Interne Notizen',
        'plan.name': 'Tarif',
        creditBalance: 'Guthaben',
        createdAt: 'Angelegt',
        users: 'Benutzer',
        q: 'Suche',
      },
    },
  },
  pixgate: {
    customerAdmin: {
      add_user: 'Kundenbenutzer anlegen',
      add_job: 'Neuer Auftrag',
    },
    plan: {
      section: 'Tarif, Nutzung und Guthaben',
      facts: '%{daily} Einheiten pro Tag · %{monthly} pro Monat · Vergrößerung bis %{upscale}× · Gesichtsverbesserung: %{face} · Guthaben nutzbar: %{credits}',
      change: 'Tarif ändern',
      change_title: 'Tarif von %{name} ändern',
      change_help: 'Die Grenzen und Funktionen des neuen Tarifs gelten sofort.',
      new_plan: 'Neuer Tarif',
      changed: 'Tarif geändert',
      upscale: 'bis %{factor}×',
    },
    usage: {
      today: 'Heute',
      month: 'Dieser Monat',
      of: '%{used} von %{limit} Einheiten verbraucht',
      resets: 'Beginnt neu: %{time}',
      credits: 'Guthaben',
      credits_usable: 'Wird verbraucht, wenn eine Grenze erreicht ist.',
      credits_not_usable: 'Dieser Tarif nutzt kein Guthaben.',
    },
    credits: {
      grant: 'Guthaben gewähren',
      grant_title: 'Guthaben für %{name}',
      grant_help: 'Guthaben bezahlt Verbesserungen über die Grenzen des Tarifs hinaus, wenn der Tarif es erlaubt. Stand jetzt: %{balance}.',
      units: 'Einheiten',
      units_help: 'Eine negative Zahl nimmt Guthaben zurück (nie unter 0).',
      granted: 'Guthaben geändert',
    },
  },
};
