import type { Locale } from '@pixgate/labels';

/**
 * Reasons the customer meets that the back office does not explain (the shared labels cover the
 * rest): said in the customer's words, with the details the API sends (dates, limits).
 */
export const CLIENT_REASONS = ['EXTRA_DECLINED', 'NOTHING_RELEASED', 'ALREADY_DELIVERED', 'INVALID_LOGIN_CODE', 'INVALID_CREDENTIALS'] as const;
export type ClientReason = (typeof CLIENT_REASONS)[number];
export const isClientReason = (reason: unknown): reason is ClientReason => typeof reason === 'string' && (CLIENT_REASONS as readonly string[]).includes(reason);

type Explain = (extensions: Record<string, unknown>, locale: Locale) => string;

const when = (value: unknown, locale: Locale) =>
  typeof value === 'string' ? new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : null;

export const clientReasonLabels: Record<Locale, Record<ClientReason, Explain>> = {
  en: {
    EXTRA_DECLINED: (ext, locale) =>
      ext.final ? 'The studio declined this image as an extra, so it cannot be requested again.' : when(ext.mayAskAgainFrom, locale) ? `The studio declined this image as an extra. You can ask again from ${when(ext.mayAskAgainFrom, locale)}.` : 'The studio declined this image as an extra.',
    NOTHING_RELEASED: () => 'No image of this job is released to you yet, so there is nothing to download.',
    ALREADY_DELIVERED: () => 'You have downloaded this image, so it stays in your selection.',
    INVALID_LOGIN_CODE: () => 'That code is wrong or has expired. Ask for a new one if needed.',
    INVALID_CREDENTIALS: () => 'The email or the password is wrong.',
  },
  de: {
    EXTRA_DECLINED: (ext, locale) =>
      ext.final ? 'Das Studio hat dieses Bild als Extra abgelehnt; es kann nicht erneut angefragt werden.' : when(ext.mayAskAgainFrom, locale) ? `Das Studio hat dieses Bild als Extra abgelehnt. Sie können ab ${when(ext.mayAskAgainFrom, locale)} erneut fragen.` : 'Das Studio hat dieses Bild als Extra abgelehnt.',
    NOTHING_RELEASED: () => 'Von diesem Auftrag ist noch kein Bild für Sie freigegeben, daher gibt es nichts herunterzuladen.',
    ALREADY_DELIVERED: () => 'Sie haben dieses Bild heruntergeladen, daher bleibt es in Ihrer Auswahl.',
    INVALID_LOGIN_CODE: () => 'Der Code ist falsch oder abgelaufen. Fordern Sie bei Bedarf einen neuen an.',
    INVALID_CREDENTIALS: () => 'E-Mail-Adresse oder Passwort ist falsch.',
  },
};
