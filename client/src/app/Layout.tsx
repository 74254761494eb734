import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { AccountLanguage } from '../features/account/AccountLanguage';
import { useMessages } from '../i18n/i18n';
import { endSession } from '../session/session';
import { appMessages } from './messages';

export function Layout({ children }: { children: ReactNode }) {
  const t = useMessages(appMessages);
  return (
    <>
      <AccountLanguage />
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          {t.appName}
        </Link>
        <nav aria-label={t.nav.label} className="app-nav">
          <NavLink to="/" end>
            {t.nav.jobs}
          </NavLink>
          <NavLink to="/account">{t.nav.account}</NavLink>
          <button type="button" className="link-button" onClick={() => void endSession()}>
            {t.nav.signOut}
          </button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
