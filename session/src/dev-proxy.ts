import type { ProxyOptions } from 'vite';

/**
 * The dev servers' proxy to the API (imported by admin/ and client/ vite configs by path, since it
 * runs in Node when Vite loads its config, not in the browser).
 *
 * The session routes take only requests whose Origin is the API's own (PUBLIC_URL) or listed in
 * CORS_ORIGINS (api/src/http/session-routes.ts), and a page of a dev server sends the dev server's
 * origin. In production the API serves both apps, so the two are one origin; here the dev server
 * stands in for that origin and hands the API's origin on for requests from its own pages only. A
 * request from any other origin keeps its Origin and is refused as before.
 */
export function apiDevProxy(apiUrl: string, paths: readonly string[]): Record<string, ProxyOptions> {
  const apiOrigin = new URL(apiUrl).origin;
  const configure: ProxyOptions['configure'] = (proxy) => {
    proxy.on('proxyReq', (proxyRequest, request) => {
      if (request.headers.origin === `http://${request.headers.host}`) proxyRequest.setHeader('origin', apiOrigin);
    });
  };
  return Object.fromEntries(paths.map((path) => [path, { target: apiUrl, changeOrigin: false, configure }]));
}
