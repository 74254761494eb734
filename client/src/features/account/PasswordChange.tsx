import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { describeError, problemOf } from '../../graphql/errors';
import { useLocale, useMessages } from '../../i18n/i18n';
import { startSession } from '../../session/session';
import { accountMessages } from './messages';

const ChangeMyPassword = graphql(`
  mutation ClientChangeMyPassword($currentPassword: String!, $newPassword: String!) {
    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword, sessionCookie: CLIENT) {
      accessToken
      accessTokenExpiresAt
      user {
        id
        name
        email
      }
    }
  }
`);

/**
 * A new password: every other session ends, this browser carries on with the fresh session the API
 * answers. An account that signs in only with emailed codes has no password to change (and the API
 * sets none without the current one), so it is told how to get one instead of shown a form.
 */
export function PasswordChange({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  const t = useMessages(accountMessages);
  if (!hasPassword) {
    return (
      <section className="card" aria-labelledby="password-title" data-testid="no-password">
        <h2 id="password-title">{t.password}</h2>
        <p>{t.passwordReasons.NO_PASSWORD}</p>
      </section>
    );
  }
  return <PasswordForm email={email} />;
}

function PasswordForm({ email }: { email: string }) {
  const t = useMessages(accountMessages);
  const { locale } = useLocale();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [changing, change] = useMutation(ChangeMyPassword);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== again) return setMessage({ text: t.passwordsDiffer, ok: false });
    const result = await change({ currentPassword: current, newPassword: next });
    if (result.error || !result.data) {
      const reason = problemOf(result.error)?.reason;
      return setMessage({ text: (reason && t.passwordReasons[reason]) || describeError(result.error, locale) || '', ok: false });
    }
    startSession(result.data.changeMyPassword);
    setCurrent('');
    setNext('');
    setAgain('');
    setMessage({ text: t.passwordChanged, ok: true });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">{t.password}</h2>
      <p className="muted small">{t.passwordHelp}</p>
      {/* For password managers: whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <label className="field">
        <span>{t.currentPassword}</span>
        <input type="password" autoComplete="current-password" required value={current} onChange={(event) => setCurrent(event.target.value)} />
      </label>
      <label className="field">
        <span>{t.newPassword}</span>
        <input type="password" autoComplete="new-password" required minLength={10} value={next} onChange={(event) => setNext(event.target.value)} />
      </label>
      <label className="field">
        <span>{t.repeatPassword}</span>
        <input type="password" autoComplete="new-password" required minLength={10} value={again} onChange={(event) => setAgain(event.target.value)} />
      </label>
      <button type="submit" disabled={changing.fetching}>
        {t.changePassword}
      </button>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
