import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, UserMenu, useGetIdentity, useTranslate } from 'react-admin';
import { useDocumentLanguage } from './i18n/useDocumentLanguage';

/** The user menu's button shows the name; its accessible name says the same (plus what it is), as WCAG 2.5.3 asks. */
function AppUserMenu() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  return <UserMenu label={identity?.fullName ? translate('pixgate.user_menu', { name: identity.fullName }) : 'ra.auth.user_menu'} />;
}

const AppAppBar = () => <AppBar userMenu={<AppUserMenu />} />;

export function Layout({ children }: { children: ReactNode }) {
  useDocumentLanguage();
  return <RaLayout appBar={AppAppBar}>{children}</RaLayout>;
}
