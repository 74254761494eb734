import { de } from '../../admin/src/i18n/de';
import { en } from '../../admin/src/i18n/en';
import type { BrowserLocale } from '../support/browser.ts';

/** The back office's own texts, so a test finds buttons by what a person reads, in either language. */
export const messagesFor = (locale: BrowserLocale) => (locale === 'de-DE' ? de : en);

/** A message with its %{placeholders} filled in (the parts tests need of Polyglot). */
export const fill = (message: string, values: Record<string, string | number>) =>
  message.replace(/%\{(\w+)\}/g, (_whole, name: string) => String(values[name] ?? `%{${name}}`));

/** Polyglot's plural form: `one |||| many`. */
export const plural = (message: string, count: number) => fill(message.split(' |||| ')[count === 1 ? 0 : 1] ?? message, { smart_count: count });
