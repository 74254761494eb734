import compression from 'compression';
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import type { Services } from '../services.js';
import { guarded, open } from './guarded.js';
import { sendError } from './http-errors.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** Where the back office lives: its router's basename and Vite's `base` (admin/vite.config.ts). */
export const ADMIN_PATH = '/admin';

/** `npm install` and `npm start` build it here (scripts/build-admin.mjs); the folder is git-ignored. */
const DEFAULT_DIST = fileURLToPath(new URL('../../../admin/dist/', import.meta.url));

/**
 * Origins the app may load images from and talk to besides its own: the S3 service that presigned
 * URLs point at (S3 mode), and PUBLIC_URL, which media URLs start with in embedded mode and which may
 * name the API differently from the address the browser used.
 */
export function extraOrigins(config: Pick<Config, 'publicUrl' | 'storage'>): string[] {
  const origins = new Set<string>([new URL(config.publicUrl).origin]);
  const { endpoint, forcePathStyle, bucket } = config.storage;
  if (endpoint) {
    const s3 = new URL(endpoint);
    origins.add(s3.origin);
    // Virtual-hosted addressing puts the bucket in the host name.
    if (!forcePathStyle) origins.add(`${s3.protocol}//${bucket}.${s3.host}`);
  }
  return [...origins];
}

/**
 * The back office's Content Security Policy: its own scripts only (no inline script, no eval), styles
 * inline too (MUI's emotion writes <style> elements at run time), images from itself, data: URIs and
 * storage, requests to itself and storage, no framing, no plugins, forms only to itself.
 */
export function adminContentSecurityPolicy(config: Pick<Config, 'publicUrl' | 'storage'>): RequestHandler {
  const others = extraOrigins(config);
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', ...others],
      connectSrc: ["'self'", ...others],
      fontSrc: ["'self'", 'data:'],
      manifestSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
    },
  });
}

/** A path that names a file (an asset, a favicon), which must exist rather than fall back to the app. */
const namesAFile = (relative: string) => relative.startsWith('/assets/') || path.posix.extname(relative) !== '';

/**
 * Serves the built back office under /admin: its files as they are (hashed assets cached for a
 * year), and index.html for every other HTML GET below /admin, so the app's own routes
 * (/admin/jobs/…/show) survive a reload. A missing file, and any request that does not accept HTML,
 * gets the API's JSON 404; API paths outside /admin are untouched.
 */
export function mountAdminApp(app: Express, services: Services, { distDir = DEFAULT_DIST }: { distDir?: string } = {}): void {
  const policy = adminContentSecurityPolicy(services.config);
  // The app's files only (scripts and styles shrink to a quarter); downloads keep their exact bytes and ranges.
  const compress = compression();
  const indexFile = path.join(distDir, 'index.html');
  const files = express.static(distDir, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    setHeaders: (res, file) => {
      const hashed = file.startsWith(path.join(distDir, 'assets') + path.sep);
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  const serve = (req: Request, res: Response, next: NextFunction) => {
    policy(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (!existsSync(indexFile)) {
        sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The back office is not built: run `npm run build -w admin` (npm install and npm start do it).');
        return;
      }
      const relative = req.path.slice(ADMIN_PATH.length) || '/';
      const fallBack = () => {
        // Out of this route (past its 405 fallback) to the API's JSON 404.
        if (namesAFile(relative) || !req.accepts('html')) return next('route');
        res.setHeader('Cache-Control', 'no-cache');
        res.sendFile(indexFile);
      };
      if (relative === '/') return fallBack();
      // express.static resolves the path below distDir and refuses to leave it.
      const original = req.url;
      req.url = relative;
      files(req, res, () => {
        req.url = original;
        fallBack();
      });
    });
  };

  const route = guarded(services, 'webapp.read', open((req, res, next) => compress(req, res, () => serve(req, res, next))));
  app.route(ADMIN_PATH).get(route).all(methodNotAllowed(['GET']));
  app.route(`${ADMIN_PATH}/*path`).get(route).all(methodNotAllowed(['GET']));
}
