/**
 * The customer's session, the same way the back office keeps its own: the refresh token is the API's
 * HttpOnly cookie for `/auth/client` (sign-in asks for `sessionCookie: CLIENT`), so no page script
 * ever sees it; the access token lives in this module's memory only. On start and shortly before it
 * expires the page trades the cookie for a new access token (`POST /auth/client/refresh`, through the
 * shared `@pixgate/session`), once even when many requests ask at the same time, so a reload keeps
 * the session.
 */
import { CookieSession, type HeldSession } from '@pixgate/session';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

interface Session extends HeldSession {
  user: SessionUser | null;
}

export type SessionStatus =
  | { kind: 'unknown' }
  | { kind: 'signed-in'; user: SessionUser | null }
  /** `expired`: the session ended by itself (not a sign-out here), which the sign-in page says kindly. */
  | { kind: 'signed-out'; expired: boolean };

let status: SessionStatus = { kind: 'unknown' };
const listeners = new Set<() => void>();

function publish(next: SessionStatus) {
  status = next;
  for (const listener of listeners) listener();
}

const session = new CookieSession<Session>({
  path: '/auth/client',
  endsSession: () => true,
  onEnded: (ended) => publish({ kind: 'signed-out', expired: ended !== null }),
  onUnreachable: () => {
    if (status.kind === 'unknown') publish({ kind: 'signed-out', expired: false });
  },
  async onRenewed(answer, renewing) {
    if (answer.user.role !== 'CUSTOMER') {
      // A staff session in this browser's client cookie: the back office is theirs, not this app.
      await endSession();
      return false;
    }
    const user = renewing && renewing.user?.id === answer.user.id ? renewing.user : null;
    startSession({ accessToken: answer.accessToken, accessTokenExpiresAt: answer.accessTokenExpiresAt, user });
    return true;
  },
});

export const sessionStatus = () => status;
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startSession(payload: { accessToken: string; accessTokenExpiresAt: string; user: SessionUser | null }): void {
  session.hold({ accessToken: payload.accessToken, accessTokenExpiresAt: Date.parse(payload.accessTokenExpiresAt), user: payload.user });
  publish({ kind: 'signed-in', user: payload.user });
}

export function setSessionUser(user: SessionUser): void {
  const current = session.current;
  if (!current) return;
  current.user = user;
  publish({ kind: 'signed-in', user });
}

/** Ends this browser's session on the server too (its cookie's token family, the cookie itself). */
export async function endSession(): Promise<void> {
  session.forget();
  publish({ kind: 'signed-out', expired: false });
  await session.logout();
}

/** The API refused our token and the cookie could not renew it: the session is over. */
export function sessionExpired(): void {
  if (!session.current && status.kind === 'signed-out') return;
  session.hold(null);
  publish({ kind: 'signed-out', expired: status.kind === 'signed-in' });
}

/**
 * Trades the cookie for a new access token: renews the session, or restores it after a reload.
 * False when there is no session in this browser (a refusal) or the API could not be reached.
 */
export const renewSession = (): Promise<boolean> => session.renew();

/** An access token valid for at least another minute, or undefined when signed out. */
export const freshAccessToken = (): Promise<string | undefined> => session.freshAccessToken();
