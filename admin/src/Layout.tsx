import { useEffect, type ReactNode } from 'react';
import { AppBar, Layout as RaLayout, UserMenu, useCheckAuth, useGetIdentity, useTranslate } from 'react-admin';
import { VERIFY_EVERY_MS } from './auth/session';
import { useDocumentLanguage } from './i18n/useDocumentLanguage';

/** The user menu's button shows the name; its accessible name says the same (plus what it is), as WCAG 2.5.3 asks. */
function AppUserMenu() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  return <UserMenu label={identity?.fullName ? translate('pixgate.user_menu', { name: identity.fullName }) : 'ra.auth.user_menu'} />;
}

const AppAppBar = () => <AppBar userMenu={<AppUserMenu />} />;

/** Asks every 30 s whether the session still holds: an open tab of a deactivated user shows the sign-in within a minute. */
function useSessionWatch() {
  const checkAuth = useCheckAuth();
  useEffect(() => {
    const timer = setInterval(() => void checkAuth({}, true).catch(() => undefined), VERIFY_EVERY_MS);
    return () => clearInterval(timer);
  }, [checkAuth]);
}

export function Layout({ children }: { children: ReactNode }) {
  useDocumentLanguage();
  useSessionWatch();
  return <RaLayout appBar={AppAppBar}>{children}</RaLayout>;
}
