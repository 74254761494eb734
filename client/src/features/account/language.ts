import type { Locale } from '@pixgate/labels';
import type { Language } from '../../gql/graphql';

export const toLanguage = (locale: Locale): Language => (locale === 'de' ? 'DE' : 'EN');
export const fromLanguage = (language: Language): Locale => (language === 'DE' ? 'de' : 'en');

/** A language the customer picked on the sign-in page, until the sign-in it was picked for. */
let choiceBeforeSignIn: Locale | null = null;

export function chooseLanguageBeforeSignIn(locale: Locale): void {
  choiceBeforeSignIn = locale;
}

/** The sign-in page's choice, once: whoever signs in next takes it. */
export function takeChoiceBeforeSignIn(): Locale | null {
  const choice = choiceBeforeSignIn;
  choiceBeforeSignIn = null;
  return choice;
}

/**
 * What a sign-in does to the page's language: the account's language applies, unless the customer
 * just chose one on the sign-in page; that choice wins and is saved to the account (so the
 * studio's mails follow it too).
 */
export function languageOnSignIn({ page, account, chosen }: { page: Locale; account: Language; chosen: Locale | null }): { switchTo: Locale | null; save: Language | null } {
  if (chosen) return { switchTo: chosen === page ? null : chosen, save: toLanguage(chosen) === account ? null : toLanguage(chosen) };
  const wanted = fromLanguage(account);
  return { switchTo: wanted === page ? null : wanted, save: null };
}
