import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { NodeSha256, SigV4Verifier, type RequestToVerify } from './sigv4-verifier.js';

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'the-secret' };
const verifier = new SigV4Verifier(credentials);
const signer = new SignatureV4({ service: 's3', region: 'eu-central-1', credentials, sha256: NodeSha256, uriEscapePath: false });
const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const HOST = '127.0.0.1:4568';

type Query = Record<string, string | string[]>;
const toUrl = (path: string, query: Query) => {
  const pairs = Object.entries(query).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((one) => `${encodeURIComponent(name)}=${encodeURIComponent(one)}`));
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
};

async function signed(options: { method?: string; path?: string; query?: Query; headers?: Record<string, string>; at?: number } = {}): Promise<RequestToVerify> {
  const { method = 'GET', path = '/photos/originals/a%20b.jpg', query = {}, headers = {}, at = NOW } = options;
  const request = await signer.sign(
    { method, protocol: 'http:', hostname: '127.0.0.1', port: 4568, path, query, headers: { host: HOST, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...headers } },
    { signingDate: new Date(at) },
  );
  return { method, url: toUrl(path, query), headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value])) };
}

async function presigned(options: { method?: string; path?: string; expiresIn?: number; at?: number; headers?: Record<string, string> } = {}): Promise<RequestToVerify> {
  const { method = 'GET', path = '/photos/originals/a.jpg', expiresIn = 60, at = NOW, headers = {} } = options;
  const request = await signer.presign(
    // As @aws-sdk/s3-request-presigner does: the payload is unsigned, and that header becomes a query parameter.
    { method, protocol: 'http:', hostname: '127.0.0.1', port: 4568, path, query: { 'response-content-disposition': 'attachment; filename="x.jpg"' }, headers: { host: HOST, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...headers } },
    { signingDate: new Date(at), expiresIn, signableHeaders: new Set(Object.keys(headers)) },
  );
  return { method, url: toUrl(path, request.query as Query), headers: { host: HOST, ...headers } };
}

const codeOf = async (request: RequestToVerify, now = NOW) => {
  const verdict = await verifier.verify(request, now);
  return verdict.ok ? 'ok' : verdict.code;
};

describe('SigV4Verifier', () => {
  describe('Authorization header', () => {
    it('accepts what the SDK signer signs, query parameters in any order and repeated', async () => {
      expect(await codeOf(await signed({ query: { 'list-type': '2', prefix: 'a b+c/ü', tag: ['z', 'a'] } }))).toBe('ok');
    });

    it('refuses a changed method, path, query or signed header', async () => {
      const request = await signed({ query: { prefix: 'a' }, headers: { 'content-type': 'image/jpeg' } });
      expect(await codeOf({ ...request, method: 'DELETE' })).toBe('SignatureDoesNotMatch');
      expect(await codeOf({ ...request, url: request.url.replace('a%20b', 'a%20c') })).toBe('SignatureDoesNotMatch');
      expect(await codeOf({ ...request, url: `${request.url}&delete=` })).toBe('SignatureDoesNotMatch');
      expect(await codeOf({ ...request, headers: { ...request.headers, 'content-type': 'text/html' } })).toBe('SignatureDoesNotMatch');
      expect(await codeOf({ ...request, headers: { ...request.headers, 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } })).toBe('SignatureDoesNotMatch');
    });

    it('accepts an unsigned extra header (proxies and clients add some)', async () => {
      const request = await signed();
      expect(await codeOf({ ...request, headers: { ...request.headers, 'user-agent': 'x' } })).toBe('ok');
    });

    it('refuses a clock more than 15 minutes off', async () => {
      const request = await signed();
      expect(await codeOf(request, NOW + 14 * 60_000)).toBe('ok');
      expect(await codeOf(request, NOW + 16 * 60_000)).toBe('RequestTimeTooSkewed');
      expect(await codeOf(request, NOW - 16 * 60_000)).toBe('RequestTimeTooSkewed');
    });

    it('refuses streaming (aws-chunked) payloads, which s3rver would store with their framing', async () => {
      expect(await codeOf(await signed({ method: 'PUT', headers: { 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' } }))).toBe('AccessDenied');
    });

    it('refuses signature version 2, another access key, and a header list without host', async () => {
      expect(await codeOf({ method: 'GET', url: '/photos/a', headers: { host: HOST, authorization: 'AWS S3RVER:c2lnbmF0dXJl', date: new Date(NOW).toUTCString() } })).toBe('AccessDenied');
      const request = await signed();
      const authorization = request.headers.authorization as string;
      expect(await codeOf({ ...request, headers: { ...request.headers, authorization: authorization.replace('Credential=S3RVER/', 'Credential=OTHER/') } })).toBe('InvalidAccessKeyId');
      expect(await codeOf({ ...request, headers: { ...request.headers, authorization: authorization.replace('SignedHeaders=host;', 'SignedHeaders=') } })).toBe('AccessDenied');
    });

    it('refuses a request carrying both a header and query signature', async () => {
      const request = await signed();
      const query = await presigned();
      expect(await codeOf({ ...query, headers: request.headers })).toBe('AccessDenied');
    });
  });

  describe('presigned query', () => {
    it('accepts until it expires, not after, and not long before it was signed', async () => {
      const request = await presigned({ expiresIn: 60 });
      expect(await codeOf(request, NOW + 59_000)).toBe('ok');
      expect(await codeOf(request, NOW + 61_000)).toBe('AccessDenied');
      expect(await codeOf(request, NOW - 16 * 60_000)).toBe('AccessDenied');
    });

    it('refuses an expiry beyond a week and a raised expiry', async () => {
      const request = await presigned({ expiresIn: 60 });
      expect(await codeOf({ ...request, url: request.url.replace('X-Amz-Expires=60', 'X-Amz-Expires=604801') })).toBe('AccessDenied');
      expect(await codeOf({ ...request, url: request.url.replace('X-Amz-Expires=60', 'X-Amz-Expires=600') })).toBe('SignatureDoesNotMatch');
    });

    it('holds the client to signed headers such as content type and length', async () => {
      const request = await presigned({ method: 'PUT', headers: { 'content-type': 'image/jpeg', 'content-length': '3' } });
      expect(await codeOf(request)).toBe('ok');
      expect(await codeOf({ ...request, headers: { ...request.headers, 'content-length': '4' } })).toBe('SignatureDoesNotMatch');
      const { 'content-type': _dropped, ...withoutType } = request.headers;
      expect(await codeOf({ ...request, headers: withoutType })).toBe('SignatureDoesNotMatch');
    });

    it('refuses a malformed percent-encoding instead of guessing', async () => {
      const request = await presigned();
      expect(await codeOf({ ...request, url: `${request.url}&x=%E0%A4%A` })).toBe('AccessDenied');
    });
  });
});
