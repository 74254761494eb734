import { LOCALE_NAMES, LOCALES, type Locale } from '@pixgate/labels';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql, useFragment as readFragment, type FragmentType } from '../../gql';
import { describeError } from '../../graphql/errors';
import { useLocale, useMessages } from '../../i18n/i18n';
import { endSession, startSession } from '../../session/session';
import { chooseLanguageBeforeSignIn } from '../account/language';
import { signInMessages } from './messages';

const RequestCode = graphql(`
  mutation ClientRequestLoginCode($email: String!) {
    requestLoginCode(email: $email)
  }
`);

const SessionAnswer = graphql(`
  fragment ClientSessionAnswer on LoginResult {
    accessToken
    accessTokenExpiresAt
    secondFactorRequired
    user {
      id
      name
      email
      role
    }
  }
`);

const VerifyCode = graphql(`
  mutation ClientVerifyLoginCode($email: String!, $code: String!, $rememberMe: Boolean!) {
    verifyLoginCode(email: $email, code: $code, rememberMe: $rememberMe, sessionCookie: CLIENT) {
      ...ClientSessionAnswer
    }
  }
`);

const PasswordLogin = graphql(`
  mutation ClientPasswordLogin($email: String!, $password: String!, $rememberMe: Boolean!) {
    login(email: $email, password: $password, rememberMe: $rememberMe, sessionCookie: CLIENT) {
      ...ClientSessionAnswer
    }
  }
`);

type Step = 'email' | 'code' | 'password';

export function SignInPage({ expired, returnTo }: { expired: boolean; returnTo: string }) {
  const t = useMessages(signInMessages);
  const { locale, setLocale } = useLocale();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>('email');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [rememberMe, setRememberMe] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [requested, requestCode] = useMutation(RequestCode);
  const [verified, verifyCode] = useMutation(VerifyCode);
  const [loggedIn, login] = useMutation(PasswordLogin);
  const busy = requested.fetching || verified.fetching || loggedIn.fetching;

  const finish = async (answer: { accessToken?: string | null; accessTokenExpiresAt?: unknown; secondFactorRequired: boolean; user: { id: string; name: string; email: string; role: string } } | undefined) => {
    if (!answer) return;
    if (answer.secondFactorRequired) return setRefusal(t.secondFactor);
    if (answer.user.role !== 'CUSTOMER' || !answer.accessToken) {
      await endSession();
      return setRefusal(t.staffRefused);
    }
    startSession({ accessToken: answer.accessToken, accessTokenExpiresAt: String(answer.accessTokenExpiresAt), user: answer.user });
    navigate(returnTo, { replace: true });
  };

  const onEmail = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const result = await requestCode({ email: email.trim() });
    if (result.error) return setRefusal(describeError(result.error, locale));
    setStep('code');
  };
  const onCode = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const result = await verifyCode({ email: email.trim(), code: code.trim(), rememberMe });
    if (result.error) return setRefusal(describeError(result.error, locale));
    await finish(sessionOf(result.data?.verifyLoginCode));
  };
  const onPassword = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const result = await login({ email: email.trim(), password, rememberMe });
    if (result.error) return setRefusal(describeError(result.error, locale));
    await finish(sessionOf(result.data?.login));
  };

  const emailField = (
    <label className="field">
      <span>{t.email}</span>
      <input type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} readOnly={step === 'code'} />
    </label>
  );
  const remember = (
    <label className="check">
      <input type="checkbox" checked={rememberMe} onChange={(event) => setRememberMe(event.target.checked)} />
      <span>{t.rememberMe}</span>
    </label>
  );

  return (
    <main id="main" className="sign-in">
      <section className="card sign-in-card">
        <h1>{t.title}</h1>
        {expired && (
          <p className="notice" role="status">
            {t.expired}
          </p>
        )}
        {step === 'email' && (
          <form onSubmit={onEmail} aria-label={t.sendCode}>
            {emailField}
            <button type="submit" className="primary" disabled={busy}>
              {t.sendCode}
            </button>
          </form>
        )}
        {step === 'code' && (
          <form onSubmit={onCode} aria-label={t.signIn}>
            {emailField}
            <p className="hint" role="status">
              {t.codeSent(email.trim())}
            </p>
            <label className="field">
              <span>{t.code}</span>
              <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required value={code} onChange={(event) => setCode(event.target.value)} autoFocus />
            </label>
            {remember}
            <button type="submit" className="primary" disabled={busy}>
              {t.signIn}
            </button>
            <div className="row-actions">
              <button type="button" className="link-button" onClick={() => (setStep('email'), setCode(''))}>
                {t.otherEmail}
              </button>
              <button type="button" className="link-button" disabled={busy} onClick={() => void requestCode({ email: email.trim() })}>
                {t.resend}
              </button>
            </div>
          </form>
        )}
        {step === 'password' && (
          <form onSubmit={onPassword} aria-label={t.signIn}>
            {emailField}
            <label className="field">
              <span>{t.password}</span>
              <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
            </label>
            {remember}
            <button type="submit" className="primary" disabled={busy}>
              {t.signIn}
            </button>
          </form>
        )}
        {refusal && (
          <p className="error" role="alert">
            {refusal}
          </p>
        )}
        <button type="button" className="link-button switch-method" onClick={() => (setRefusal(null), setStep(step === 'password' ? 'email' : 'password'))}>
          {step === 'password' ? t.useCode : t.usePassword}
        </button>
        <label className="field language-choice">
          <span>{t.language}</span>
          <select
            value={locale}
            onChange={(event) => {
              // Chosen here, it wins over the account's language at sign-in (and is saved to it).
              const next = event.target.value as Locale;
              chooseLanguageBeforeSignIn(next);
              setLocale(next);
            }}
          >
            {LOCALES.map((option) => (
              <option key={option} value={option} lang={option}>
                {LOCALE_NAMES[option]}
              </option>
            ))}
          </select>
        </label>
      </section>
    </main>
  );
}

/** The session fields of a sign-in's answer (read through this file's own fragment). */
function sessionOf(answer: FragmentType<typeof SessionAnswer> | null | undefined) {
  return answer ? readFragment(SessionAnswer, answer) : undefined;
}
