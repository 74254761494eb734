import { LOCALE_NAMES, LOCALES, type Locale } from '@pixgate/labels';
import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../../graphql/errors';
import { useLocale, useMessages } from '../../i18n/i18n';
import { toLanguage } from './language';
import { accountMessages } from './messages';
import { UpdateMySettings } from './settings-documents';

/**
 * The site's language (this browser's choice, or the browser's own language), saved to the account
 * too when changed here, so the studio's mails come in it.
 */
export function LanguageSetting() {
  const t = useMessages(accountMessages);
  const { locale, setLocale } = useLocale();
  const id = useId();
  const [saved, save] = useMutation(UpdateMySettings);
  const [status, setStatus] = useState<string | null>(null);
  const choose = async (next: Locale) => {
    setLocale(next);
    setStatus(null);
    const result = await save({ input: { language: toLanguage(next) } });
    setStatus(result.error ? describeError(result.error, next) : accountMessages[next].languageSaved);
  };
  return (
    <section className="card">
      <h2>
        <label htmlFor={id}>{t.language}</label>
      </h2>
      <select id={id} value={locale} disabled={saved.fetching} onChange={(event) => void choose(event.target.value as Locale)} aria-describedby={`${id}-help`}>
        {LOCALES.map((option) => (
          <option key={option} value={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
      <p id={`${id}-help`} className="muted small" role="status">
        {status ?? t.languageHelp}
      </p>
    </section>
  );
}
