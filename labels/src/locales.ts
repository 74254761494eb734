/** The languages of pixgate's web apps. German comes first: it is the default for German-speaking browsers. */
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_NAMES: Record<Locale, string> = { de: 'Deutsch', en: 'English' };

/** The app's language for a browser language tag such as `de-AT` or `en-GB`; English for all others. */
export function localeFor(languageTag: string | undefined): Locale {
  const language = languageTag?.toLowerCase().split('-')[0];
  return LOCALES.find((locale) => locale === language) ?? 'en';
}

/** One label per value of an enum and per locale: a value without a label fails the type check. */
export type Labels<Value extends string> = Record<Locale, Record<Value, string>>;
