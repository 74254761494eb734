import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { jsonErrors, notFound } from './error-handlers.js';
import { routeOf } from './loggable-route.js';
import { requestLogging } from './request-logging.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** An app with the API's logging and final handlers around some routes, and every log line it wrote. */
async function appWith(routes: (app: express.Express) => void) {
  const lines: Record<string, any>[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(JSON.parse(line)) });
  const app = express();
  app.use(requestLogging(logger));
  routes(app);
  app.use(notFound);
  app.use(jsonErrors(logger));
  server = createServer(app);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines };
}

describe('the final JSON handlers', () => {
  it('mask an unexpected error as a 500 with a code, and log it once with its stack', async () => {
    const { url, lines } = await appWith((app) => app.get('/boom', () => {
      throw new Error('database password is hunter2');
    }));
    const response = await fetch(`${url}/boom`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    const logged = lines.filter((line) => JSON.stringify(line).includes('hunter2'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, method: 'GET', route: '/boom', statusCode: 500, err: { message: 'database password is hunter2', stack: expect.stringContaining('error-handlers.test.ts') } });
  });

  it('cut off a response that failed after it started, instead of appending an error to it', async () => {
    const { url } = await appWith((app) => app.get('/half', async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '100' });
      res.write(Buffer.alloc(10));
      throw new Error('storage went away');
    }));
    const response = await fetch(`${url}/half`);
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  it('answer unknown addresses with a JSON 404', async () => {
    const { url } = await appWith(() => {});
    const response = await fetch(`${url}/no/such/thing`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('routeOf', () => {
  const request = (url: string, extra: Record<string, unknown> = {}) => ({ url, originalUrl: url, ...extra }) as never;

  it('names a matched route by its pattern', () => {
    expect(routeOf(request('/uploads/eyJhbGciOi.sig', { route: { path: '/uploads/:token' }, baseUrl: '' }))).toBe('/uploads/:token');
  });

  it('keeps only the first segment of an unmatched path, and never its query', () => {
    expect(routeOf(request('/downloads/images/eyJ1IjoiNDQz.K4SW?x=1'))).toBe('/downloads/…');
    expect(routeOf(request('/graphql?query=mutation%7Blogin(password%3A%22x%22)%7D'))).toBe('/graphql');
    expect(routeOf(request(`/${'a'.repeat(200)}`))).toBe('/…');
    expect(routeOf(request('/'))).toBe('/');
  });
});
