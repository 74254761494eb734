import type { Express } from 'express';
import { fileURLToPath } from 'node:url';
import type { Services } from '../services.js';
import { mountWebApp } from './web-app.js';

/** `npm install` and `npm start` build it here (scripts/build-web-apps.mjs); the folder is git-ignored. */
const DEFAULT_DIST = fileURLToPath(new URL('../../../client/dist/', import.meta.url));

/**
 * The API's own paths: the customer client at `/` never answers them with its page, whatever the
 * method or the Accept header (an unknown one gets the API's JSON 404, as before the client existed).
 */
export const API_PATHS = ['/graphql', '/admin', '/auth', '/media', '/uploads', '/downloads', '/webhooks', '/healthz', '/readyz'] as const;

/**
 * Serves the built customer client at the site's root (mounted after every API route): its files,
 * and index.html for HTML GETs of its routes (/jobs/<id> survives a reload).
 */
export function mountClientApp(app: Express, services: Services, { distDir = DEFAULT_DIST }: { distDir?: string } = {}): void {
  mountWebApp(app, services, {
    mountPath: '',
    distDir,
    reserved: API_PATHS,
    buildHint: 'The customer client is not built: run `npm run build:client` (npm install and npm start do it).',
  });
}
