import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale, type TranslationMessages } from 'react-admin';
import { de } from './de';
import { en } from './en';
import { LOCALE_NAMES, LOCALES, localeFor, type Locale } from './labels';

const messages: Record<Locale, TranslationMessages> = { de, en };

/** German for a German-speaking browser, English otherwise; the language menu in the app bar switches. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[localeFor(locale)],
  localeFor(resolveBrowserLocale('en', { fullLocale: true })),
  LOCALES.map((locale) => ({ locale, name: LOCALE_NAMES[locale] })),
);
