import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { apiDevProxy } from './dev-proxy';

/** What the proxy hands the API as Origin for a browser request with these headers. */
function forwardedOrigin(headers: Record<string, string>): string | undefined {
  const options = apiDevProxy('http://localhost:4000', ['/auth'])['/auth']!;
  const proxy = new EventEmitter();
  options.configure!(proxy as never, options);
  const sent: Record<string, string> = { ...(headers.origin ? { origin: headers.origin } : {}) };
  proxy.emit('proxyReq', { setHeader: (name: string, value: string) => (sent[name] = value) }, { headers });
  return sent.origin;
}

describe('apiDevProxy', () => {
  it('proxies every path to the API without rewriting the Host', () => {
    const proxy = apiDevProxy('http://localhost:4000', ['/graphql', '/auth']);
    expect(Object.keys(proxy)).toEqual(['/graphql', '/auth']);
    expect(proxy['/auth']).toMatchObject({ target: 'http://localhost:4000', changeOrigin: false });
  });

  it("hands the API its own origin for the dev server's pages", () => {
    expect(forwardedOrigin({ host: 'localhost:5174', origin: 'http://localhost:5174' })).toBe('http://localhost:4000');
  });

  it('keeps any other origin, so the API still refuses it', () => {
    expect(forwardedOrigin({ host: 'localhost:5174', origin: 'https://evil.example' })).toBe('https://evil.example');
    expect(forwardedOrigin({ host: 'localhost:5174' })).toBeUndefined();
  });
});
