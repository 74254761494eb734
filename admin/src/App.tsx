import { Admin, CustomRoutes, Resource, localStorageStore } from 'react-admin';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { adminOnlyResources } from './admin-only';
import audit from './audit';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import customers from './customers';
import extras from './extras';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import images from './images';
import jobs from './jobs';
import { Layout } from './Layout';
import plans from './plans';
import { theme } from './theme';
import { uploadRoute } from './uploads';
import users from './users';

/** Preferences only (language, list settings, sidebar); the session is never stored. */
const store = localStorageStore('1', 'pixgate-admin');

function BackOffice() {
  return (
    <Admin
      title="pixgate"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={Layout}
      store={store}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="jobs" {...jobs} />
      <CustomRoutes>{uploadRoute}</CustomRoutes>
      <Resource name="extraRequests" {...extras} />
      <Resource name="customers" {...customers} />
      <Resource name="users" {...users} />
      <Resource name="auditEntries" {...audit} />
      <Resource name="images" {...images} />
      <Resource name="plans" {...plans} />
      {adminOnlyResources}
    </Admin>
  );
}

/** Real paths under /admin (the API serves index.html for them), not react-admin's default #/ routes. */
const router = createBrowserRouter([{ path: '*', element: <BackOffice /> }], { basename: '/admin' });

export function App() {
  return <RouterProvider router={router} />;
}
