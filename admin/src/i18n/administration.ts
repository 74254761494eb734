import * as audit from '../audit/messages';
import * as customers from '../customers/messages';
import * as exports from '../export/messages';
import * as mailOutbox from '../mail-outbox/messages';
import * as plans from '../plans/messages';
import * as securityEvents from '../security-events/messages';
import * as settings from '../settings/messages';
import * as users from '../users/messages';

/** A language's version of an English message tree: the same keys, any strings (a missing key fails the type check). */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends object ? Translation<T[K]> : T[K] };

/**
 * The administration screens' texts (customers, users, audit log, plans, security events, mail
 * outbox, studio settings, CSV export), each kept in its screen's folder and registered here, so
 * `en.ts` and `de.ts` take them with one spread under `resources` and one under `pixgate`.
 */
export const administration = {
  en: {
    resources: {
      ...customers.en.resources,
      ...users.en.resources,
      ...audit.en.resources,
      ...plans.en.resources,
      ...securityEvents.en.resources,
      ...mailOutbox.en.resources,
      ...settings.en.resources,
    },
    pixgate: {
      ...customers.en.pixgate,
      ...users.en.pixgate,
      ...audit.en.pixgate,
      ...mailOutbox.en.pixgate,
      ...settings.en.pixgate,
      ...exports.en.pixgate,
    },
  },
  de: {
    resources: {
      ...customers.de.resources,
      ...users.de.resources,
      ...audit.de.resources,
      ...plans.de.resources,
      ...securityEvents.de.resources,
      ...mailOutbox.de.resources,
      ...settings.de.resources,
    },
    pixgate: {
      ...customers.de.pixgate,
      ...users.de.pixgate,
      ...audit.de.pixgate,
      ...mailOutbox.de.pixgate,
      ...settings.de.pixgate,
      ...exports.de.pixgate,
    },
  },
};
