import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { apiDevProxy } from '../session/src/dev-proxy.ts';

/**
 * The customer client is served by the API at `/` (api/src/http/client-app.ts). The dev server
 * proxies the API's own paths, so in development the app talks to its own origin as it does in
 * production (same cookies, no CORS; see apiDevProxy for the session routes' Origin check).
 */
const api = process.env.PIXGATE_API_URL ?? 'http://localhost:4000';
const API_PATHS = ['/graphql', '/media', '/uploads', '/downloads', '/auth'];

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    port: Number(process.env.CLIENT_DEV_PORT ?? 5174),
    proxy: apiDevProxy(api, API_PATHS),
  },
  preview: { port: 4174 },
});
