/**
 * A web app's session backed by the API's HttpOnly refresh cookie (`sessionCookie: ADMIN` or
 * `CLIENT` at sign-in): no page script ever sees the refresh token; the access token lives in this
 * object's memory only. `renew()` trades the cookie for a new access token (`POST <path>/refresh`),
 * once even when many requests ask at the same time, so a reload keeps the session.
 */

/** What the app keeps of a session: at least the access token and when it expires (ms since the epoch). */
export interface HeldSession {
  accessToken: string;
  accessTokenExpiresAt: number;
}

/** The API's answer to `POST <path>/refresh`. */
export interface RefreshAnswer<Role extends string = string> {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshTokenExpiresAt: string;
  user: { id: string; role: Role };
}

export interface CookieSessionOptions<S extends HeldSession, Role extends string> {
  /** The app's session routes: `/auth/admin` or `/auth/client`. */
  path: string;
  /** Whether a refused refresh with this HTTP status ends the session held here. */
  endsSession(status: number): boolean;
  /** A refusal ended the session held when the renewal began (null: there was none). */
  onEnded?(ended: S | null): void;
  /** The API could not be reached; the session held here stays. */
  onUnreachable?(): void;
  /**
   * Makes the app's session of a fresh answer (through `hold`), called only when no sign-in or
   * sign-out happened while the renewal ran; true when the app is signed in afterwards.
   */
  onRenewed(answer: RefreshAnswer<Role>, renewing: S | null): Promise<boolean> | boolean;
}

/** Renew this long before the access token expires, so no request leaves with a dying token. */
export const RENEW_BEFORE_MS = 60_000;

/** The header the API's session routes require (a cross-site form cannot send it). */
export const SESSION_HEADERS: Readonly<Record<string, string>> = { 'X-Pixgate-Session': '1' };

export class CookieSession<S extends HeldSession, Role extends string = string> {
  readonly #options: CookieSessionOptions<S, Role>;
  #current: S | null = null;
  #renewal: Promise<boolean> | null = null;

  constructor(options: CookieSessionOptions<S, Role>) {
    this.#options = options;
  }

  /** The session held now, or null when signed out (or not known yet). */
  get current(): S | null {
    return this.#current;
  }

  /** Holds a session that sign-in (or a renewal) started; null lets go of it, leaving a running renewal be. */
  hold(session: S | null): void {
    this.#current = session;
  }

  /** Forgets the session here, and any renewal running for it. */
  forget(): void {
    this.#current = null;
    this.#renewal = null;
  }

  /** Ends the session on the server too: the cookie's token family is revoked, the cookie deleted. */
  async logout(): Promise<void> {
    await fetch(`${this.#options.path}/logout`, { method: 'POST', credentials: 'same-origin', headers: SESSION_HEADERS }).catch(() => undefined);
  }

  /**
   * Trades the cookie for a new access token: renews the session, or restores one after a reload.
   * False when there is no session in this browser (a refusal) or the API could not be reached.
   */
  renew(): Promise<boolean> {
    this.#renewal ??= this.#renewOnce().finally(() => {
      this.#renewal = null;
    });
    return this.#renewal;
  }

  /** An access token valid for at least another RENEW_BEFORE_MS, or undefined when signed out. */
  async freshAccessToken(): Promise<string | undefined> {
    if (this.#current && this.#current.accessTokenExpiresAt - Date.now() < RENEW_BEFORE_MS) await this.renew();
    return this.#current?.accessToken;
  }

  async #renewOnce(): Promise<boolean> {
    const renewing = this.#current;
    let response: Response;
    try {
      response = await fetch(`${this.#options.path}/refresh`, { method: 'POST', credentials: 'same-origin', headers: SESSION_HEADERS });
    } catch {
      this.#options.onUnreachable?.();
      return false;
    }
    if (!response.ok) {
      if (this.#options.endsSession(response.status) && this.#current === renewing) {
        this.#current = null;
        this.#options.onEnded?.(renewing);
      }
      return false;
    }
    const answer = (await response.json()) as RefreshAnswer<Role>;
    // A sign-out (or another sign-in) while the renewal ran wins.
    if (this.#current !== renewing) return this.#current !== null;
    return this.#options.onRenewed(answer, renewing);
  }
}
