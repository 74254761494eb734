import { registerEnumType } from 'type-graphql';

/** Which web app a cookie session belongs to: each has its own cookie, sent only to its own auth routes. */
export enum SessionCookie {
  ADMIN = 'ADMIN',
  CLIENT = 'CLIENT',
}
registerEnumType(SessionCookie, {
  name: 'SessionCookie',
  description: 'Keep the refresh token in an HttpOnly cookie of this web app instead of the answer (browsers only).',
  valuesConfig: {
    ADMIN: { description: 'The back office: cookie for /auth/admin, refreshed with POST /auth/admin/refresh.' },
    CLIENT: { description: 'The customer client: cookie for /auth/client, refreshed with POST /auth/client/refresh.' },
  },
});

/** Name and path of each app's cookie: the path keeps the browser from sending it anywhere but that app's refresh and logout. */
export const SESSION_COOKIES: Record<SessionCookie, { name: string; path: string }> = {
  ADMIN: { name: 'pixgate_admin_session', path: '/auth/admin' },
  CLIENT: { name: 'pixgate_client_session', path: '/auth/client' },
};

/** How long after a rotation the rotated token still yields its successor (a second tab refreshing at the same moment). */
export const REFRESH_REUSE_GRACE_SECONDS = 10;
