import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { apiDevProxy } from '../session/src/dev-proxy.ts';

/**
 * The back office is served by the API under /admin (api/src/http/admin-app.ts), so every URL it
 * builds starts there. The dev server proxies the API's paths, so the app talks to its own origin
 * in development as it does in production (no CORS, same cookies later).
 */
const api = process.env.PIXGATE_API_URL ?? 'http://localhost:4000';
/**
 * Every API path the back office calls: GraphQL, the session cookie's refresh and sign-out
 * (`/auth/admin/…`), previews, uploads and downloads. The API's own list of its paths is API_PATHS in
 * api/src/http/client-app.ts; `/admin` is this server's, and health checks and webhooks are not for
 * browsers.
 */
const API_PATHS = ['/graphql', '/auth', '/media', '/uploads', '/downloads'];

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // react-admin and MUI make one large vendor chunk; the budget is checked by the bench, not here.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: Number(process.env.ADMIN_DEV_PORT ?? 5173),
    proxy: apiDevProxy(api, API_PATHS),
  },
  preview: { port: 4173 },
});
