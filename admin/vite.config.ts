import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

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

/**
 * The session routes take only requests whose Origin is the API's own (PUBLIC_URL) or listed in
 * CORS_ORIGINS (api/src/http/session-routes.ts), and a page of the dev server sends the dev
 * server's origin. In production the API serves the app, so the two are one origin; here the dev
 * server stands in for that origin, and hands the API's origin on for requests from its own pages
 * only. A request from any other origin keeps its Origin and is refused as before.
 */
const sameOriginAsApi: ProxyOptions['configure'] = (proxy) => {
  proxy.on('proxyReq', (proxyRequest, request) => {
    if (request.headers.origin === `http://${request.headers.host}`) proxyRequest.setHeader('origin', new URL(api).origin);
  });
};

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
    proxy: Object.fromEntries(API_PATHS.map((path) => [path, { target: api, changeOrigin: false, configure: sameOriginAsApi }])),
  },
  preview: { port: 4173 },
});
