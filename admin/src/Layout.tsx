import { ThemeProvider, type Theme } from '@mui/material/styles';
import { useCallback, useEffect, type ReactNode } from 'react';
import { AppBar, Layout as RaLayout, LoadingIndicator, LocalesMenuButton, UserMenu, useCheckAuth, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { VERIFY_EVERY_MS } from './auth/session';
import { useDocumentLanguage } from './i18n/useDocumentLanguage';

/** The user menu's button shows the name; its accessible name says the same (plus what it is), as WCAG 2.5.3 asks. */
function AppUserMenu() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  return <UserMenu label={identity?.fullName ? translate('pixgate.user_menu', { name: identity.fullName }) : 'ra.auth.user_menu'} />;
}

/**
 * react-admin's default toolbar (language menu, loading indicator), with a name for the spinner it
 * shows while data loads: its progressbar has none of its own (axe: `aria-progressbar-name`).
 * LoadingIndicator hands the attribute on to MUI's CircularProgress.
 */
function AppToolbar() {
  const translate = useTranslate();
  return (
    <>
      <LocalesMenuButton />
      <LoadingIndicator aria-label={translate('pixgate.loading_indicator')} />
    </>
  );
}

const AppAppBar = () => <AppBar userMenu={<AppUserMenu />} toolbar={<AppToolbar />} />;

/** Asks every 30 s whether the session still holds: an open tab of a deactivated user shows the sign-in within a minute. */
function useSessionWatch() {
  const checkAuth = useCheckAuth();
  useEffect(() => {
    const timer = setInterval(() => void checkAuth({}, true).catch(() => undefined), VERIFY_EVERY_MS);
    return () => clearInterval(timer);
  }, [checkAuth]);
}

/**
 * react-admin's DateFields format by the browser's language unless told otherwise, so an English
 * browser showed a German back office's dates as 12/3/2026. Their theme default props (one place,
 * every DateField, dialogs included) give them the app's language instead.
 */
function useDatesInAppLanguage() {
  const [locale] = useLocaleState();
  return useCallback(
    (outer: Theme): Theme => ({
      ...outer,
      components: { ...outer.components, RaDateField: { ...outer.components?.RaDateField, defaultProps: { ...outer.components?.RaDateField?.defaultProps, locales: locale } } },
    }),
    [locale],
  );
}

export function Layout({ children }: { children: ReactNode }) {
  useDocumentLanguage();
  useSessionWatch();
  const theme = useDatesInAppLanguage();
  return (
    <ThemeProvider theme={theme}>
      <RaLayout appBar={AppAppBar}>{children}</RaLayout>
    </ThemeProvider>
  );
}
