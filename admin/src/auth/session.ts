import { graphql } from '../gql';
import type { UserRole } from '../gql/graphql';
import { isApiError } from '../graphql/errors';
import { send } from '../graphql/transport';

/**
 * The signed-in session. The refresh token is the API's HttpOnly cookie for `/auth/admin` (sign-in
 * asks for `sessionCookie: ADMIN`), so no page script ever sees it; the access token lives in this
 * module's memory only. On app start and shortly before the access token expires the page trades the
 * cookie for a new access token (`POST /auth/admin/refresh`), once even when many requests ask at the
 * same time; so a reload keeps the session. A 401 from the refresh means signed out.
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

interface Session {
  accessToken: string;
  accessTokenExpiresAt: number;
  user: SessionUser;
}

interface RefreshAnswer {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshTokenExpiresAt: string;
  user: { id: string; role: UserRole };
}

/** Renew this long before the access token expires, so a request never leaves with a dying token. */
const RENEW_BEFORE_MS = 60_000;
/** How often an open tab asks the API whether its user may still be here (a deactivated user is refused at once). */
export const VERIFY_EVERY_MS = 30_000;

const SESSION_HEADERS = { 'X-Pixgate-Session': '1' };

let current: Session | null = null;
let renewal: Promise<boolean> | null = null;
let verifiedAt = 0;

export const sessionUser = (): SessionUser | null => current?.user ?? null;

export function startSession(payload: { accessToken: string; accessTokenExpiresAt: string; user: SessionUser }): void {
  current = {
    accessToken: payload.accessToken,
    accessTokenExpiresAt: Date.parse(payload.accessTokenExpiresAt),
    user: payload.user,
  };
  verifiedAt = Date.now();
}

/** Ends the session on the server too (the cookie's token family is revoked, the cookie deleted); forgets it here either way. */
export async function endSession(): Promise<void> {
  current = null;
  renewal = null;
  verifiedAt = 0;
  await fetch('/auth/admin/logout', { method: 'POST', credentials: 'same-origin', headers: SESSION_HEADERS }).catch(() => undefined);
}

/**
 * Trades the session cookie for a new access token: renews the current session, or restores one
 * after a reload. False when there is no session in this browser (401) or the API could not be
 * reached; only a refusal forgets the session here.
 */
export function renewSession(): Promise<boolean> {
  renewal ??= (async () => {
    const renewing = current;
    let response: Response;
    try {
      response = await fetch('/auth/admin/refresh', { method: 'POST', credentials: 'same-origin', headers: SESSION_HEADERS });
    } catch {
      return false;
    }
    if (!response.ok) {
      if ((response.status === 401 || response.status === 403) && current === renewing) current = null;
      return false;
    }
    const answer = (await response.json()) as RefreshAnswer;
    // A sign-out (or another sign-in) while the renewal ran wins.
    if (current !== renewing) return current !== null;
    let user = renewing && renewing.user.id === answer.user.id ? { ...renewing.user, role: answer.user.role } : null;
    if (!user) {
      try {
        user = (await send(Me, {}, answer.accessToken)).me;
      } catch {
        return false;
      }
      if (current !== renewing) return current !== null;
    }
    startSession({ accessToken: answer.accessToken, accessTokenExpiresAt: answer.accessTokenExpiresAt, user });
    return true;
  })().finally(() => {
    renewal = null;
  });
  return renewal;
}

/** An access token that is valid for at least another minute, or undefined when signed out. */
export async function freshAccessToken(): Promise<string | undefined> {
  if (current && current.accessTokenExpiresAt - Date.now() < RENEW_BEFORE_MS) await renewSession();
  return current?.accessToken;
}

/**
 * Whether this tab has a session that the API still accepts: restores one from the cookie after a
 * reload, and asks the API (`me`) when the last answer is older than VERIFY_EVERY_MS, so an open tab
 * of a user who was deactivated or signed out elsewhere learns it.
 */
export async function checkSession(): Promise<boolean> {
  if (!current) return renewSession();
  if (Date.now() - verifiedAt < VERIFY_EVERY_MS - 2_000) return true;
  const token = await freshAccessToken();
  if (!token) return false;
  try {
    const { me } = await send(Me, {}, token);
    if (current && current.user.id === me.id) {
      current.user = me;
      verifiedAt = Date.now();
    }
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      // Expired while the tab slept, or refused: the cookie decides.
      if (!(await renewSession())) current = null;
    }
    // Anything else (the API unreachable) keeps the session: the next check asks again.
  }
  return current !== null;
}
