import { Alert, Box, Button, Card, CardContent, Link, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { LocalesMenuButton, useLogin, useTranslate } from 'react-admin';
import { useDocumentLanguage } from '../i18n/useDocumentLanguage';
import { completeSecondFactor, requestSignInCode, signInWithCode, signInWithPassword, type SignInStep } from './sign-in';

type Step = { kind: 'password' } | { kind: 'code'; sent: boolean } | { kind: 'second-factor'; challenge: string };

/** Every failure of a step is an Error whose message is an i18n key (ApiError, CustomerRefused). */
const keyOf = (error: unknown) => (error instanceof Error ? error.message : 'ra.auth.sign_in_error');

/**
 * Sign-in: password or emailed code, then the authenticator code for staff who have a second
 * factor. Errors are shown in the form, in the user's language.
 */
export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  useDocumentLanguage();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [email, setEmail] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<SignInStep | void>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await action();
      if (next?.kind === 'signed-in') await login({});
      else if (next?.kind === 'second-factor') {
        setSecret('');
        setStep(next);
      }
    } catch (caught) {
      setError(keyOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step.kind === 'password') void run(() => signInWithPassword(email.trim(), secret));
    else if (step.kind === 'code' && !step.sent) void run(async () => (await requestSignInCode(email.trim()), setStep({ kind: 'code', sent: true })));
    else if (step.kind === 'code') void run(() => signInWithCode(email.trim(), secret.trim()));
    else void run(() => completeSecondFactor(step.challenge, secret.trim()));
  };

  const switchTo = (next: Step) => {
    setSecret('');
    setError(null);
    setStep(next);
  };

  const submitLabel =
    step.kind === 'password' ? 'pixgate.auth.sign_in' : step.kind === 'code' ? (step.sent ? 'pixgate.auth.sign_in' : 'pixgate.auth.send_code') : 'pixgate.auth.verify';

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'grey.100', p: 2 }}>
      <Card sx={{ width: '100%', maxWidth: 420 }}>
        <CardContent>
          <Stack component="form" spacing={2} onSubmit={submit} noValidate>
            <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
              <Typography variant="h5" component="h1">
                {translate(step.kind === 'second-factor' ? 'pixgate.auth.second_factor_heading' : 'pixgate.auth.heading')}
              </Typography>
              <LocalesMenuButton />
            </Stack>
            {step.kind === 'second-factor' ? (
              <>
                <Typography variant="body2">{translate('pixgate.auth.second_factor_help')}</Typography>
                <TextField
                  label={translate('pixgate.auth.totp_code')}
                  value={secret}
                  onChange={(event) => setSecret(event.target.value)}
                  autoComplete="one-time-code"
                  slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
                  required
                  autoFocus
                />
              </>
            ) : (
              <>
                <TextField
                  label={translate('pixgate.auth.email')}
                  type="email"
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                  autoComplete="username"
                  required
                  autoFocus
                  disabled={step.kind === 'code' && step.sent}
                />
                {step.kind === 'password' ? (
                  <TextField
                    label={translate('pixgate.auth.password')}
                    type="password"
                    value={secret}
                    onChange={(event) => setSecret(event.target.value)}
                    autoComplete="current-password"
                    required
                  />
                ) : null}
                {step.kind === 'code' && step.sent ? (
                  <>
                    <Alert severity="info">{translate('pixgate.auth.code_sent')}</Alert>
                    <TextField
                      label={translate('pixgate.auth.code')}
                      value={secret}
                      onChange={(event) => setSecret(event.target.value)}
                      autoComplete="one-time-code"
                      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
                      required
                    />
                  </>
                ) : null}
              </>
            )}
            {error ? (
              <Alert severity="error" role="alert">
                {translate(error, { _: translate('ra.auth.sign_in_error') })}
              </Alert>
            ) : null}
            <Button type="submit" variant="contained" size="large" disabled={busy}>
              {translate(submitLabel)}
            </Button>
            {step.kind === 'password' ? (
              <Link component="button" type="button" onClick={() => switchTo({ kind: 'code', sent: false })}>
                {translate('pixgate.auth.use_code')}
              </Link>
            ) : (
              <Link component="button" type="button" onClick={() => switchTo({ kind: 'password' })}>
                {translate(step.kind === 'code' ? 'pixgate.auth.use_password' : 'pixgate.auth.start_over')}
              </Link>
            )}
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
