import { useMemo, useSyncExternalStore, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Provider } from 'urql';
import { AccountPage } from '../features/account/AccountPage';
import { GalleryPage } from '../features/gallery/GalleryPage';
import { JobsPage } from '../features/jobs/JobsPage';
import { SignInPage } from '../features/sign-in/SignInPage';
import { createApiClient } from '../graphql/client';
import { LocaleProvider } from '../i18n/i18n';
import { renewSession, sessionStatus, subscribeSession } from '../session/session';
import { Layout } from './Layout';
import { NotFoundPage } from './StatusPages';

export function App() {
  return (
    <LocaleProvider>
      <BrowserRouter>
        <SessionGate />
      </BrowserRouter>
    </LocaleProvider>
  );
}

/**
 * Restores the session from the cookie on start; until it is known nothing is asked of the API.
 * Signed out, every route shows the sign-in (and comes back to the same address afterwards).
 */
function SessionGate() {
  const status = useSyncExternalStore(subscribeSession, sessionStatus);
  const location = useLocation();
  useEffect(() => {
    if (status.kind === 'unknown') void renewSession();
  }, [status.kind]);
  // A new cache per signed-in person: nothing of one session is shown to the next.
  const signedInAs = status.kind === 'signed-in' ? 'in' : 'out';
  const client = useMemo(() => createApiClient(), [signedInAs]);

  if (status.kind === 'unknown') return <p className="page-loading" role="status" aria-live="polite" />;
  if (status.kind === 'signed-out') {
    return (
      <Provider value={client}>
        <Routes>
          <Route path="*" element={<SignInPage expired={status.expired} returnTo={location.pathname === '/sign-in' ? '/' : `${location.pathname}${location.search}`} />} />
        </Routes>
      </Provider>
    );
  }
  return (
    <Provider value={client}>
      <Layout>
        <Routes>
          <Route path="/" element={<JobsPage />} />
          <Route path="/sign-in" element={<Navigate to="/" replace />} />
          <Route path="/jobs/:jobId" element={<GalleryPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Layout>
    </Provider>
  );
}
