import compression from 'compression';
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Services } from '../services.js';
import { guarded, open } from './guarded.js';
import { sendError } from './http-errors.js';
import { methodNotAllowed } from './method-not-allowed.js';

/**
 * Origins the web apps may load images from and talk to besides their own: the S3 service that
 * presigned URLs point at (S3 mode), and PUBLIC_URL, which media URLs start with in embedded mode and
 * which may name the API differently from the address the browser used.
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
 * The web apps' Content Security Policy: their own scripts only (no inline script, no eval), styles
 * inline too (MUI's emotion writes <style> elements at run time; the client sets style attributes),
 * images from itself, data: URIs and storage, requests to itself and storage, no framing, no
 * plugins, forms only to itself.
 */
export function webAppContentSecurityPolicy(config: Pick<Config, 'publicUrl' | 'storage'>): RequestHandler {
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

export interface WebAppOptions {
  /** Where the app lives: its router's basename and Vite's `base` ('' for the site's root). */
  mountPath: '' | `/${string}`;
  /** The built app (index.html and assets/). */
  distDir: string;
  /** What to say when it is not built. */
  buildHint: string;
  /** Paths below the mount that belong to the API: never answered with the app (JSON 404 instead). */
  reserved?: readonly string[];
}

/**
 * Serves a built web app: its files as they are (hashed assets cached for a year, compressed), and
 * index.html for every other HTML GET below its path, so the app's own routes survive a reload. A
 * missing file, a reserved API path and any request that does not accept HTML get the API's JSON 404.
 */
export function mountWebApp(app: Express, services: Services, options: WebAppOptions): void {
  const { mountPath, distDir, reserved = [] } = options;
  const policy = webAppContentSecurityPolicy(services.config);
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
  const isReserved = (relative: string) => reserved.some((prefix) => relative === prefix || relative.startsWith(`${prefix}/`));

  const serve = (req: Request, res: Response, next: NextFunction) => {
    const relative = req.path.slice(mountPath.length) || '/';
    if (isReserved(relative)) return next('route');
    policy(req, res, (error?: unknown) => {
      if (error) return next(error);
      const fallBack = () => {
        // Out of this route (past its 405 fallback) to the API's JSON 404. Only a request that prefers
        // HTML (a browser's navigation) gets the page: `Accept: */*` (curl, fetch) gets JSON, built
        // app or not.
        if (namesAFile(relative) || req.accepts(['json', 'html']) !== 'html') return next('route');
        if (!existsSync(indexFile)) {
          sendError(res, 503, 'SERVICE_UNAVAILABLE', options.buildHint);
          return;
        }
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
  app.route(mountPath || '/').get(route).all(methodNotAllowed(['GET']));
  // At the root, only GETs are the app's: other methods on unknown paths stay the API's 404.
  if (mountPath) app.route(`${mountPath}/*path`).get(route).all(methodNotAllowed(['GET']));
  else app.get('/*path', route);
}
