import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The customer client is served by the API at `/` (api/src/http/client-app.ts). The dev server
 * proxies the API's own paths, so in development the app talks to its own origin as it does in
 * production (same cookies, no CORS).
 */
const api = process.env.PIXGATE_API_URL ?? 'http://localhost:4000';
const API_PATHS = ['/graphql', '/media', '/uploads', '/downloads', '/auth'];

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    port: Number(process.env.CLIENT_DEV_PORT ?? 5174),
    proxy: Object.fromEntries(API_PATHS.map((path) => [path, { target: api, changeOrigin: false }])),
  },
  preview: { port: 4174 },
});
