import express from 'express';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminContentSecurityPolicy, extraOrigins, mountAdminApp } from '../src/http/admin-app.js';
import { jsonErrors, notFound } from '../src/http/error-handlers.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * The back office as the API serves it: files, the fallback to index.html for the app's own routes,
 * JSON errors everywhere else, and its Content Security Policy. The app's build is replaced by a
 * two-file stand-in, so this test does not depend on `npm run build:admin`.
 */
let server: TestServer;
let dist: string;
let app: Server;
let base: string;

async function serve(distDir: string): Promise<{ http: Server; url: string }> {
  const standIn = express();
  mountAdminApp(standIn, server.services, { distDir });
  standIn.use(notFound);
  standIn.use(jsonErrors(server.services.logger));
  const http = standIn.listen(0, '127.0.0.1');
  await once(http, 'listening');
  return { http, url: `http://127.0.0.1:${(http.address() as { port: number }).port}` };
}

beforeAll(async () => {
  server = await startTestServer();
  dist = await mkdtemp(path.join(os.tmpdir(), 'pixgate-admin-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>back office</title><script type="module" src="/admin/assets/app-1a2b3c.js"></script>');
  await writeFile(path.join(dist, 'assets', 'app-1a2b3c.js'), 'console.log("app")');
  // Large enough for compression (it leaves bodies under 1 KB alone).
  await writeFile(path.join(dist, 'assets', 'vendor-4d5e6f.js'), `export const labels = ${JSON.stringify(Array.from({ length: 400 }, (_, index) => `label number ${index}`))};`);
  ({ http: app, url: base } = await serve(dist));
});
afterAll(async () => {
  app?.close();
  await server?.close();
  await rm(dist, { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml' };

describe('the back office at /admin', () => {
  it('answers HTML GETs of its routes with index.html, under its own CSP, never cached stale', async () => {
    for (const route of ['/admin', '/admin/', '/admin/jobs', '/admin/jobs/7f0c/show']) {
      const response = await fetch(`${base}${route}`, { headers: html });
      expect(response.status, route).toBe(200);
      expect(await response.text()).toContain('<title>back office</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self' 'unsafe-inline';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
    }
  });

  it('serves its hashed assets for a year', async () => {
    const response = await fetch(`${base}/admin/assets/app-1a2b3c.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('sends its scripts compressed to browsers that accept it, and as they are to those that do not', async () => {
    const { request } = await import('node:http');
    const get = (encoding: string) =>
      new Promise<{ encoding: string | undefined; bytes: number }>((resolve, reject) => {
        request(`${base}/admin/assets/vendor-4d5e6f.js`, { headers: { 'accept-encoding': encoding } }, (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => (bytes += chunk.length));
          response.on('end', () => resolve({ encoding: response.headers['content-encoding'], bytes }));
        }).on('error', reject).end();
      });
    const plain = await get('identity');
    const gzipped = await get('gzip, deflate, br');
    expect(plain.encoding).toBeUndefined();
    expect(gzipped.encoding).toMatch(/gzip|br|deflate/);
    expect(gzipped.bytes).toBeLessThan(plain.bytes / 3);
  });

  it('answers a missing file, a non-HTML request and a path out of its folder with the API’s JSON 404', async () => {
    for (const [route, headers] of [
      ['/admin/assets/missing.js', html],
      ['/admin/favicon.ico', html],
      ['/admin/jobs', { accept: 'application/json' }],
    ] as const) {
      const response = await fetch(`${base}${route}`, { headers });
      expect(response.status, route).toBe(404);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    }
    // fetch() would normalise the dots away; a raw request keeps them.
    const escaped = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${base}/admin/assets/..%2f..%2findex.html`, { headers: { accept: 'text/javascript' } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      });
      request.on('error', reject);
      request.end();
    });
    expect(escaped.status).not.toBe(200);
    expect(escaped.body).not.toContain('<title>');
  });

  it('allows only GET, with a JSON 405', async () => {
    const response = await fetch(`${base}/admin/jobs`, { method: 'POST', headers: html });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
  });

  it('says so in JSON when the app is not built', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'pixgate-admin-empty-'));
    const { http, url } = await serve(empty);
    try {
      const response = await fetch(`${url}/admin/jobs`, { headers: html });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      // A request that is not a browser's navigation is the API's either way: an unknown path is 404.
      const api = await fetch(`${url}/admin/nothing-here`, { headers: { accept: '*/*' } });
      expect(api.status).toBe(404);
    } finally {
      http.close();
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('is mounted in the API without changing its JSON answers elsewhere', async () => {
    const mounted = await fetch(`${server.url}/admin/customers`, { headers: html });
    expect([200, 503]).toContain(mounted.status);
    expect(mounted.headers.get('content-security-policy')).toContain("script-src 'self'");
    // A browser's navigation to /jobs is the customer client's now (client-app.test.ts); anything else is the API's.
    const elsewhere = await fetch(`${server.url}/jobs`, { headers: { accept: 'application/json' } });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.headers.get('content-type')).toMatch(/json/);
    expect(elsewhere.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('the back office’s CSP origins', () => {
  const publicUrl = 'https://photos.example.com';

  it('add PUBLIC_URL (embedded media URLs) and, in S3 mode, the storage origin', () => {
    expect(extraOrigins({ publicUrl, storage: { endpoint: undefined, forcePathStyle: true, bucket: 'pixgate' } as never })).toEqual([publicUrl]);
    expect(extraOrigins({ publicUrl, storage: { endpoint: 'https://minio.example.com:9000/', forcePathStyle: true, bucket: 'pixgate' } as never })).toEqual([
      publicUrl,
      'https://minio.example.com:9000',
    ]);
  });

  it('add the bucket’s own host with virtual-hosted addressing', () => {
    const origins = extraOrigins({ publicUrl, storage: { endpoint: 'https://s3.eu-central-1.amazonaws.com', forcePathStyle: false, bucket: 'studio-photos' } as never });
    expect(origins).toContain('https://studio-photos.s3.eu-central-1.amazonaws.com');
  });

  it('put them into img-src and connect-src only', async () => {
    const policy = adminContentSecurityPolicy({ publicUrl, storage: { endpoint: 'https://s3.example.com', forcePathStyle: true, bucket: 'b' } as never });
    const headers = new Map<string, string>();
    policy({} as never, { setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value) } as never, () => undefined);
    const csp = headers.get('content-security-policy')!;
    expect(csp).toContain("img-src 'self' data: https://photos.example.com https://s3.example.com");
    expect(csp).toContain("connect-src 'self' https://photos.example.com https://s3.example.com");
    expect(csp).toContain("script-src 'self';");
  });
});
