/**
 * The customer's session, the same way the back office keeps its own: the refresh token is the API's
 * HttpOnly cookie for `/auth/client` (sign-in asks for `sessionCookie: CLIENT`), so no page script
 * ever sees it; the access token lives in this module's memory only. On start and shortly before it
 * expires the page trades the cookie for a new access token (`POST /auth/client/refresh`), once even
 * when many requests ask at the same time, so a reload keeps the session.
 */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

interface Session {
  accessToken: string;
  accessTokenExpiresAt: number;
  user: SessionUser | null;
}

export type SessionStatus =
  | { kind: 'unknown' }
  | { kind: 'signed-in'; user: SessionUser | null }
  /** `expired`: the session ended by itself (not a sign-out here), which the sign-in page says kindly. */
  | { kind: 'signed-out'; expired: boolean };

const SESSION_PATH = '/auth/client';
const SESSION_HEADERS = { 'X-Pixgate-Session': '1' };
/** Renew this long before the access token expires, so no request leaves with a dying token. */
const RENEW_BEFORE_MS = 60_000;

let current: Session | null = null;
let status: SessionStatus = { kind: 'unknown' };
let renewal: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

function publish(next: SessionStatus) {
  status = next;
  for (const listener of listeners) listener();
}

export const sessionStatus = () => status;
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startSession(payload: { accessToken: string; accessTokenExpiresAt: string; user: SessionUser | null }): void {
  current = { accessToken: payload.accessToken, accessTokenExpiresAt: Date.parse(payload.accessTokenExpiresAt), user: payload.user };
  publish({ kind: 'signed-in', user: payload.user });
}

export function setSessionUser(user: SessionUser): void {
  if (!current) return;
  current.user = user;
  publish({ kind: 'signed-in', user });
}

/** Ends this browser's session on the server too (its cookie's token family, the cookie itself). */
export async function endSession(): Promise<void> {
  current = null;
  renewal = null;
  publish({ kind: 'signed-out', expired: false });
  await fetch(`${SESSION_PATH}/logout`, { method: 'POST', credentials: 'same-origin', headers: SESSION_HEADERS }).catch(() => undefined);
}

/** The API refused our token and the cookie could not renew it: the session is over. */
export function sessionExpired(): void {
  if (!current && status.kind === 'signed-out') return;
  current = null;
  publish({ kind: 'signed-out', expired: status.kind === 'signed-in' });
}

/**
 * Trades the cookie for a new access token: renews the session, or restores it after a reload.
 * False when there is no session in this browser (a refusal) or the API could not be reached.
 */
export function renewSession(): Promise<boolean> {
  renewal ??= (async () => {
    const renewing = current;
    let response: Response;
    try {
      response = await fetch(`${SESSION_PATH}/refresh`, { method: 'POST', credentials: 'same-origin', headers: SESSION_HEADERS });
    } catch {
      if (status.kind === 'unknown') publish({ kind: 'signed-out', expired: false });
      return false;
    }
    if (!response.ok) {
      if (current === renewing) {
        current = null;
        publish({ kind: 'signed-out', expired: renewing !== null });
      }
      return false;
    }
    const answer = (await response.json()) as { accessToken: string; accessTokenExpiresAt: string; user: { id: string; role: string } };
    // A sign-out (or another sign-in) while the renewal ran wins.
    if (current !== renewing) return current !== null;
    if (answer.user.role !== 'CUSTOMER') {
      // A staff session in this browser's client cookie: the back office is theirs, not this app.
      await endSession();
      return false;
    }
    const user = renewing && renewing.user?.id === answer.user.id ? renewing.user : null;
    startSession({ accessToken: answer.accessToken, accessTokenExpiresAt: answer.accessTokenExpiresAt, user });
    return true;
  })().finally(() => {
    renewal = null;
  });
  return renewal;
}

/** An access token valid for at least another minute, or undefined when signed out. */
export async function freshAccessToken(): Promise<string | undefined> {
  if (current && current.accessTokenExpiresAt - Date.now() < RENEW_BEFORE_MS) await renewSession();
  return current?.accessToken;
}
