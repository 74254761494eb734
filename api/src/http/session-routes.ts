import type { Request, Response } from 'express';
import type { Config } from '../config.js';
import { SESSION_COOKIES, SessionCookie } from '../shared/domain/session-cookie.js';
import type { Services } from '../services.js';
import { AppError } from '../shared/errors.js';
import { sendAppError } from './http-errors.js';
import { sessionCookieOf, sessionCookieWriter } from './session-cookie-writer.js';

/** The header a web app sends with refresh and logout: a page of another site cannot add it without a CORS preflight we refuse. */
export const SESSION_REQUEST_HEADER = 'x-pixgate-session';

/** Refresh and logout of an app's cookie session, at `/auth/admin/…` and `/auth/client/…` (the cookie's path). */
export function sessionRoutes(services: Services, app: SessionCookie) {
  return {
    /** Rotates the cookie's refresh token: a new cookie and an access token for the page's memory. */
    async refresh(req: Request, res: Response) {
      const token = admitted(req, res, services.config, app);
      if (token === undefined) return;
      const cookies = sessionCookieWriter(req, res);
      try {
        const session = await services.auth.refresh(services.orm.em.fork(), token, app);
        cookies.set(app, session.refreshToken, { expiresAt: session.refreshTokenExpiresAt, persistent: session.rememberMe });
        res.setHeader('Cache-Control', 'no-store');
        res.json({
          accessToken: session.accessToken,
          accessTokenExpiresAt: session.accessTokenExpiresAt.toISOString(),
          refreshTokenExpiresAt: session.refreshTokenExpiresAt.toISOString(),
          user: { id: session.user.id, role: session.user.role },
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        cookies.clear(app);
        sendAppError(res, error);
      }
    },
    /** Ends this browser's session (its token family) and deletes the cookie; idempotent. */
    async logout(req: Request, res: Response) {
      const token = admitted(req, res, services.config, app, { cookieOptional: true });
      if (token === undefined) return;
      if (token) await services.auth.logout(services.orm.em.fork(), token);
      sessionCookieWriter(req, res).clear(app);
      res.status(204).end();
    },
  };
}

/**
 * The cookie's token when the request may use it: it carries the session header and comes from one
 * of our own origins (PUBLIC_URL or CORS_ORIGINS). Otherwise the refusal is sent and undefined returned;
 * '' means there is no cookie (which logout accepts).
 */
function admitted(req: Request, res: Response, config: Config, app: SessionCookie, options: { cookieOptional?: boolean } = {}): string | undefined {
  const refuse = (error: AppError) => {
    sendAppError(res, error);
    return undefined;
  };
  if (!req.headers[SESSION_REQUEST_HEADER]) {
    return refuse(new AppError('FORBIDDEN', `Send the header ${SESSION_REQUEST_HEADER}: 1 with this request.`, { reason: 'SESSION_HEADER_MISSING' }));
  }
  const origin = req.headers.origin;
  const ours = [new URL(config.publicUrl).origin, ...config.corsOrigins];
  if (!origin || !ours.includes(origin)) {
    return refuse(new AppError('FORBIDDEN', 'This request must come from the web app’s own origin.', { reason: 'ORIGIN_NOT_ALLOWED' }));
  }
  const token = sessionCookieOf(req, app);
  if (token) return token;
  if (options.cookieOptional) return '';
  return refuse(new AppError('UNAUTHENTICATED', 'There is no session in this browser. Sign in.', { reason: 'NO_SESSION' }));
}

/** Each web app's refresh and logout live under its cookie's path, so the browser sends the cookie there and nowhere else. */
export const SESSION_APPS = Object.values(SessionCookie).map((app) => ({ app, path: SESSION_COOKIES[app].path }));
