import { LOCALE_NAMES, LOCALES, type Locale } from '@pixgate/labels';
import { useId } from 'react';
import { useMutation, useQuery } from 'urql';
import { Loading } from '../../app/StatusPages';
import { graphql } from '../../gql';
import { useLocale, useMessages } from '../../i18n/i18n';
import { endSession } from '../../session/session';
import { accountMessages } from './messages';

const SignOutEverywhere = graphql(`
  mutation ClientSignOutEverywhere {
    signOutEverywhere(sessionCookie: CLIENT)
  }
`);

const AccountQuery = graphql(`
  query ClientAccount {
    me {
      id
      name
      email
    }
  }
`);

export function AccountPage() {
  const t = useMessages(accountMessages);
  const { locale, setLocale } = useLocale();
  const languageId = useId();
  const [{ data }] = useQuery({ query: AccountQuery });
  const [everywhere, signOutEverywhere] = useMutation(SignOutEverywhere);
  if (!data) return <Loading />;
  return (
    <section className="page account-page">
      <h1>{t.title}</h1>
      <section className="card">
        <h2>{t.profile}</h2>
        <p>
          {data.me.name} · {data.me.email}
        </p>
      </section>
      <section className="card">
        <h2>
          <label htmlFor={languageId}>{t.language}</label>
        </h2>
        <select id={languageId} value={locale} onChange={(event) => setLocale(event.target.value as Locale)} aria-describedby={`${languageId}-help`}>
          {LOCALES.map((option) => (
            <option key={option} value={option}>
              {LOCALE_NAMES[option]}
            </option>
          ))}
        </select>
        <p id={`${languageId}-help`} className="muted small">
          {t.languageHelp}
        </p>
      </section>
      <section className="card">
        <h2>{t.sessions}</h2>
        <div className="row-actions start">
          <button type="button" onClick={() => void endSession()}>
            {t.signOut}
          </button>
          <button type="button" disabled={everywhere.fetching} aria-describedby={`${languageId}-everywhere`} onClick={() => void signOutEverywhere({}).then((result) => (result.error ? undefined : endSession()))}>
            {t.signOutEverywhere}
          </button>
        </div>
        <p id={`${languageId}-everywhere`} className="muted small">
          {t.signOutEverywhereHelp}
        </p>
      </section>
    </section>
  );
}
