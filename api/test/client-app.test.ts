import express from 'express';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, mountClientApp } from '../src/http/client-app.js';
import { jsonErrors, notFound } from '../src/http/error-handlers.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * The customer client at the site's root: index.html for browsers' navigations to its routes, its
 * files, and never an answer for the API's own paths. The fallback is checked on a stand-in build;
 * the API's paths on the whole app, whose routes come first.
 */
let server: TestServer;
let dist: string;
let standIn: Server;
let base: string;

beforeAll(async () => {
  server = await startTestServer();
  dist = await mkdtemp(path.join(os.tmpdir(), 'pixgate-client-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>customer client</title><script type="module" src="/assets/app-9z8y7x.js"></script>');
  await writeFile(path.join(dist, 'assets', 'app-9z8y7x.js'), 'console.log("client")');
  const app = express();
  mountClientApp(app, server.services, { distDir: dist });
  app.use(notFound);
  app.use(jsonErrors(server.services.logger));
  standIn = app.listen(0, '127.0.0.1');
  await once(standIn, 'listening');
  base = `http://127.0.0.1:${(standIn.address() as { port: number }).port}`;
});
afterAll(async () => {
  standIn?.close();
  await server?.close();
  await rm(dist, { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('the customer client at /', () => {
  it('answers browsers’ navigations to its routes with index.html under the web apps’ CSP', async () => {
    for (const route of ['/', '/jobs/0b6e7d1c-1f7a-4c55-9e0e-7d3c2a1b9f00', '/account', '/jobs/x?image=y']) {
      const response = await fetch(`${base}${route}`, { headers: html });
      expect(response.status, route).toBe(200);
      expect(await response.text()).toContain('<title>customer client</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
    }
  });

  it('serves its hashed assets for a year, and a missing file or a non-browser request as the API’s JSON 404', async () => {
    const asset = await fetch(`${base}/assets/app-9z8y7x.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const [route, headers] of [
      ['/assets/missing-000000.js', html],
      ['/favicon.ico', html],
      ['/jobs/x', { accept: '*/*' }],
      ['/jobs/x', { accept: 'application/json' }],
    ] as const) {
      const response = await fetch(`${base}${route}`, { headers });
      expect(response.status, `${route} ${headers.accept}`).toBe(404);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
    }
  });

  it('never answers the API’s own paths, even for a browser', async () => {
    for (const prefix of API_PATHS) {
      const response = await fetch(`${base}${prefix}/anything`, { headers: html });
      expect(response.status, prefix).toBe(404);
      expect(response.headers.get('content-type'), prefix).toMatch(/json/);
    }
  });

  it('leaves the whole API’s routes to the API: downloads, media, sessions and the back office answer as before', async () => {
    const answers = await Promise.all(
      ['/downloads/images/forged.ticket', '/downloads/archive/forged.ticket', '/media/forged.token', '/auth/client/refresh', '/downloads/elsewhere'].map((route) => fetch(`${server.url}${route}`, { headers: html })),
    );
    expect(answers.map((response) => response.status)).toEqual([403, 403, 403, 405, 404]);
    for (const response of answers) expect(response.headers.get('content-type')).toMatch(/json/);
    const graphql = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
