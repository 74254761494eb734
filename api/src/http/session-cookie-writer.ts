import type { Request, Response } from 'express';
import { SESSION_COOKIES, type SessionCookie } from '../shared/domain/session-cookie.js';
import type { SessionCookieWriter } from '../modules/auth/session-cookies.js';

/**
 * Session cookies on an Express response: HttpOnly (no page script reads them), SameSite=Strict (no
 * other site's page makes the browser send them), only for the app's own auth routes, Secure
 * whenever the request came over TLS (`req.secure` believes X-Forwarded-Proto only from
 * TRUSTED_PROXIES). Without `persistent` the cookie ends with the browser session.
 */
export function sessionCookieWriter(req: Request, res: Response | undefined): SessionCookieWriter {
  const base = (app: SessionCookie) => ({ httpOnly: true, sameSite: 'strict' as const, secure: req.secure, path: SESSION_COOKIES[app].path });
  return {
    set(app, refreshToken, { expiresAt, persistent }) {
      if (!res) throw new Error('no HTTP response to set a session cookie on');
      res.cookie(SESSION_COOKIES[app].name, refreshToken, { ...base(app), ...(persistent ? { expires: expiresAt } : {}) });
    },
    clear(app) {
      res?.clearCookie(SESSION_COOKIES[app].name, base(app));
    },
  };
}

/** The app's session cookie from the request's Cookie header; undefined when absent. */
export function sessionCookieOf(req: Request, app: SessionCookie): string | undefined {
  const wanted = `${SESSION_COOKIES[app].name}=`;
  // Our values are base64url: no quoting or percent-encoding to undo.
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const pair = part.trim();
    if (pair.startsWith(wanted)) return pair.slice(wanted.length) || undefined;
  }
  return undefined;
}
