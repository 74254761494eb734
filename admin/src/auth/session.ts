import { CookieSession, type HeldSession } from '@pixgate/session';
import { graphql } from '../gql';
import type { UserRole } from '../gql/graphql';
import { isApiError } from '../graphql/errors';
import { send } from '../graphql/transport';

/**
 * The signed-in session. The refresh token is the API's HttpOnly cookie for `/auth/admin` (sign-in
 * asks for `sessionCookie: ADMIN`), so no page script ever sees it; the access token lives in memory
 * only. On app start and shortly before the access token expires the page trades the cookie for a new
 * access token (`POST /auth/admin/refresh`, through the shared `@pixgate/session`), once even when
 * many requests ask at the same time; so a reload keeps the session. A 401 from the refresh means
 * signed out.
 */
export const SessionFields = graphql(`
  fragment SessionFields on AuthPayload {
    accessToken
    accessTokenExpiresAt
    user {
      id
      name
      email
      role
    }
  }
`);

const Me = graphql(`
  query AdminSessionUser {
    me {
      id
      name
      email
      role
    }
  }
`);

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
}

interface Session extends HeldSession {
  user: SessionUser;
}

/** How often an open tab asks the API whether its user may still be here (a deactivated user is refused at once). */
export const VERIFY_EVERY_MS = 30_000;

let verifiedAt = 0;

const session: CookieSession<Session, UserRole> = new CookieSession<Session, UserRole>({
  path: '/auth/admin',
  // Only a refusal forgets the session here; an API that is down or failing keeps it.
  endsSession: (status) => status === 401 || status === 403,
  async onRenewed(answer, renewing) {
    let user = renewing && renewing.user.id === answer.user.id ? { ...renewing.user, role: answer.user.role } : null;
    if (!user) {
      try {
        user = (await send(Me, {}, answer.accessToken)).me;
      } catch {
        return false;
      }
      if (session.current !== renewing) return session.current !== null;
    }
    startSession({ accessToken: answer.accessToken, accessTokenExpiresAt: answer.accessTokenExpiresAt, user });
    return true;
  },
});

export const sessionUser = (): SessionUser | null => session.current?.user ?? null;

export function startSession(payload: { accessToken: string; accessTokenExpiresAt: string; user: SessionUser }): void {
  session.hold({
    accessToken: payload.accessToken,
    accessTokenExpiresAt: Date.parse(payload.accessTokenExpiresAt),
    user: payload.user,
  });
  verifiedAt = Date.now();
}

/** Ends the session on the server too (the cookie's token family is revoked, the cookie deleted); forgets it here either way. */
export async function endSession(): Promise<void> {
  session.forget();
  verifiedAt = 0;
  await session.logout();
}

/**
 * Trades the session cookie for a new access token: renews the current session, or restores one
 * after a reload. False when there is no session in this browser (401) or the API could not be
 * reached; only a refusal forgets the session here.
 */
export const renewSession = (): Promise<boolean> => session.renew();

/** An access token that is valid for at least another minute, or undefined when signed out. */
export const freshAccessToken = (): Promise<string | undefined> => session.freshAccessToken();

/**
 * Whether this tab has a session that the API still accepts: restores one from the cookie after a
 * reload, and asks the API (`me`) when the last answer is older than VERIFY_EVERY_MS, so an open tab
 * of a user who was deactivated or signed out elsewhere learns it.
 */
export async function checkSession(): Promise<boolean> {
  if (!session.current) return renewSession();
  if (Date.now() - verifiedAt < VERIFY_EVERY_MS - 2_000) return true;
  const token = await freshAccessToken();
  if (!token) return false;
  try {
    const { me } = await send(Me, {}, token);
    const current = session.current;
    if (current && current.user.id === me.id) {
      current.user = me;
      verifiedAt = Date.now();
    }
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      // Expired while the tab slept, or refused: the cookie decides.
      if (!(await renewSession())) session.hold(null);
    }
    // Anything else (the API unreachable) keeps the session: the next check asks again.
  }
  return session.current !== null;
}
