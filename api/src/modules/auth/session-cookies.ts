import type { SessionCookie } from '../../shared/domain/session-cookie.js';

/** What a sign-in resolver may do to the HTTP response: the edge (http/) implements it. */
export interface SessionCookieWriter {
  set(app: SessionCookie, refreshToken: string, options: { expiresAt: Date; persistent: boolean }): void;
  clear(app: SessionCookie): void;
}
