import { graphql } from '../gql';
import type { SessionFieldsFragment, UserRole } from '../gql/graphql';
import { isApiError } from '../graphql/errors';
import { send } from '../graphql/transport';

/**
 * The signed-in session, in this module's memory only: no page script can read it from storage or
 * cookies, and a reload signs out. (The HttpOnly refresh cookie that keeps a session across reloads
 * is issue 13's next step.) The access token lives 15 minutes; it is renewed with the refresh token
 * shortly before it expires, once even when many requests ask at the same time.
 */
export const SessionFields = graphql(`
  fragment SessionFields on AuthPayload {
    accessToken
    accessTokenExpiresAt
    refreshToken
    user {
      id
      name
      email
      role
    }
  }
`);

const RefreshSession = graphql(`
  mutation AdminRefreshSession($refreshToken: String!) {
    refreshToken(refreshToken: $refreshToken) {
      ...SessionFields
    }
  }
`);

const EndSession = graphql(`
  mutation AdminEndSession($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
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
  refreshToken: string;
  user: SessionUser;
}

/** Renew this long before the access token expires, so a request never leaves with a dying token. */
const RENEW_BEFORE_MS = 60_000;

let current: Session | null = null;
let renewal: Promise<boolean> | null = null;

export const sessionUser = (): SessionUser | null => current?.user ?? null;

export function startSession(payload: SessionFieldsFragment): void {
  current = {
    accessToken: payload.accessToken,
    accessTokenExpiresAt: Date.parse(payload.accessTokenExpiresAt),
    refreshToken: payload.refreshToken,
    user: payload.user,
  };
}

/** Ends the session on the server too (its refresh tokens are revoked); forgets it here either way. */
export async function endSession(): Promise<void> {
  const ending = current;
  current = null;
  renewal = null;
  if (ending) await send(EndSession, { refreshToken: ending.refreshToken }, ending.accessToken).catch(() => undefined);
}

/** Trades the refresh token for a new session; false when there is none or the API refused it. */
export function renewSession(): Promise<boolean> {
  renewal ??= (async () => {
    const renewing = current;
    if (!renewing) return false;
    try {
      const data = await send(RefreshSession, { refreshToken: renewing.refreshToken });
      // A sign-out while the renewal ran wins.
      if (current === renewing) startSession(data.refreshToken);
      return current !== null;
    } catch (error) {
      if (isApiError(error) && error.status === 401 && current === renewing) current = null;
      return false;
    }
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
