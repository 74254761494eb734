import type { Express } from 'express';
import { fileURLToPath } from 'node:url';
import type { Services } from '../services.js';
import { mountWebApp } from './web-app.js';

export { extraOrigins, webAppContentSecurityPolicy as adminContentSecurityPolicy } from './web-app.js';

/** Where the back office lives: its router's basename and Vite's `base` (admin/vite.config.ts). */
export const ADMIN_PATH = '/admin';

/** `npm install` and `npm start` build it here (scripts/build-web-apps.mjs); the folder is git-ignored. */
const DEFAULT_DIST = fileURLToPath(new URL('../../../admin/dist/', import.meta.url));

/**
 * Serves the built back office under /admin (web-app.ts): index.html for every HTML GET of its
 * routes (/admin/jobs/…/show survives a reload), JSON 404 for missing files and non-HTML requests.
 */
export function mountAdminApp(app: Express, services: Services, { distDir = DEFAULT_DIST }: { distDir?: string } = {}): void {
  mountWebApp(app, services, {
    mountPath: ADMIN_PATH,
    distDir,
    buildHint: 'The back office is not built: run `npm run build:admin` (npm install and npm start do it).',
  });
}
