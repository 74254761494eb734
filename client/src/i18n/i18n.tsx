import { formatBytes, localeFor, LOCALES, type Locale } from '@pixgate/labels';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/**
 * The client's language: German for German-speaking browsers, English otherwise, until the customer
 * picks one on the account page. The choice is a preference, not a secret, so it is kept in
 * localStorage for the next visit.
 */
const STORAGE_KEY = 'pixgate.language';

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  return localeFor(globalThis.navigator?.language);
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'en', setLocale: () => undefined });

export function LocaleProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initial ?? initialLocale());
  const setLocale = useCallback((next: Locale) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export const useLocale = () => useContext(LocaleContext);

/** A folder's messages (its messages.ts exports `{ en, de }`, typed alike) in the current language. */
export function useMessages<Messages>(messages: Record<Locale, Messages>): Messages {
  return messages[useLocale().locale];
}

/** Formats for the current language: numbers, byte sizes, dates. */
export function useFormat() {
  const { locale } = useLocale();
  return useMemo(() => formatters(locale), [locale]);
}

export function formatters(locale: Locale) {
  const tag = locale === 'de' ? 'de-DE' : 'en-GB';
  const number = new Intl.NumberFormat(tag);
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
  return {
    number: (value: number) => number.format(value),
    bytes: (value: number) => formatBytes(value, tag),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
  };
}
