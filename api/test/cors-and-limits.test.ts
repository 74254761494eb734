import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHQL_LIMITS } from '../src/graphql/armor.js';
import { UserRole } from '../src/shared/domain/user-role.js';
import { factories, signIn } from './support/factories.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const ALLOWED = 'https://admin.pixgate.example';
let server: TestServer;
let adminToken: string;

beforeAll(async () => {
  server = await startTestServer({ CORS_ORIGINS: `${ALLOWED}, https://photos.pixgate.example` });
  adminToken = await signIn(server, (await factories(server).user(UserRole.ADMIN)).email);
});
afterAll(() => server?.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('CORS', () => {
  it('answers a listed origin (and its preflight) with that origin, never *', async () => {
    const preflight = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-headers')!.toLowerCase()).toContain('authorization');
    const response = await post({ query: '{ __typename }' }, { origin: ALLOWED });
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it.each(['https://evil.example', 'null', 'https://admin.pixgate.example.evil.test', 'http://admin.pixgate.example', 'https://admin.pixgate.example:8443'])(
    'gives %s no Access-Control-Allow-Origin, and records the refusal',
    async (origin) => {
      const preflight = await fetch(`${server.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
      const response = await post({ query: '{ __typename }' }, { origin });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const refusedOrigins = async () =>
        (await server.gql('{ securityEvents(filter: { type: CORS_REFUSED }, first: 100) { nodes { details } } }', {}, adminToken)).data!.securityEvents.nodes.map((node: any) => node.details.origin);
      await expect.poll(refusedOrigins, { timeout: 10_000 }).toContain(origin);
    },
  );

  it('takes the API’s own origin (what the back office sends on every POST) as same-origin: no CORS headers, no recorded refusal', async () => {
    const own = new URL(server.url).origin;
    const response = await post({ query: '{ __typename }' }, { origin: own });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    // A foreign origin after it: once that one is recorded, the own one would have been too.
    await post({ query: '{ __typename }' }, { origin: 'https://after-own.example' });
    const refusedOrigins = async () =>
      (await server.gql('{ securityEvents(filter: { type: CORS_REFUSED }, first: 100) { nodes { details } } }', {}, adminToken)).data!.securityEvents.nodes.map((node: any) => node.details.origin);
    await expect.poll(refusedOrigins, { timeout: 10_000 }).toContain('https://after-own.example');
    expect(await refusedOrigins()).not.toContain(own);
  });

  it('sets security headers on HTTP routes', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('GraphQL limits', () => {
  const expectRefused = async (query: string, pattern: RegExp) => {
    const response = await post({ query });
    const body = (await response.json()) as any;
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0].extensions.code, query.slice(0, 60)).toMatch(/^(GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED|BAD_USER_INPUT)$/);
    expect(body.errors[0].message).toMatch(pattern);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|\n\s+at /);
  };

  it('refuse depth, alias, directive, token and cost bombs with typed errors, and keep serving', async () => {
    const deep = `{ me { ${'customer { jobs { nodes { '.repeat(4)}id${' } } }'.repeat(4)} } }`;
    await expectRefused(deep, /depth/i);
    await expectRefused(`{ ${Array.from({ length: GRAPHQL_LIMITS.maxAliases + 5 }, (_, index) => `a${index}: studio { name }`).join(' ')} }`, /alias/i);
    await expectRefused(`{ __typename ${'@include(if: true) '.repeat(GRAPHQL_LIMITS.maxDirectives + 5)}}`, /directive/i);
    await expectRefused(`{ ${'__typename '.repeat(GRAPHQL_LIMITS.maxTokens)} }`, /token/i);
    const leaf = 'id filename status contentType width height byteSize sha256 selectionState downloadable previewUrl thumbnailUrl createdAt updatedAt';
    const wide = `{ jobs { nodes { id title customer { id name jobs { nodes { id title images { nodes { ${leaf} job { id title status customer { id name } } } } } } } } } }`;
    await expectRefused(wide.replace('{ jobs {', '{ jobs(first: 100) {').replace('name jobs {', 'name jobs(first: 100) {').replace('images {', 'images(first: 500) {'), /list items|cost/i);
    const fanOut = Array.from({ length: 15 }, (_, index) => `j${index}: jobs(first: 100) { nodes { images(first: 500) { nodes { id } } } }`).join(' ');
    await expectRefused(`{ ${fanOut} }`, /list items|cost/i);
    const healthy = await server.gql('{ studio { name } }', {}, adminToken);
    expect(healthy.data!.studio.name).toEqual(expect.any(String));
  });

  it('accept our own widest legitimate query: a full gallery page', async () => {
    const gallery = `query($id: ID!) { job(id: $id) { id title status includedImages allImagesIncluded version includedCount pendingExtraCount downloadableCount
      customer { id name } images(first: 500) { totalCount pageInfo { hasNextPage endCursor } nodes { id filename status contentType width height byteSize
      selectionState downloadable previewUrl thumbnailUrl createdAt } } } }`;
    const response = await server.gql(gallery, { id: '00000000-0000-4000-8000-000000000000' }, adminToken);
    expect(response.errors![0]!.extensions.code).toBe('NOT_FOUND');
  });

  it('refuse batched requests', async () => {
    const response = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(response.status).toBe(400);
  });
});

describe('in production', () => {
  it('turns off introspection and "did you mean" suggestions', async () => {
    const production = await startTestServer({ NODE_ENV: 'production', CORS_ORIGINS: ALLOWED, SMTP_URL: 'smtp://127.0.0.1:2525' });
    try {
      const introspection = await production.gql('{ __schema { types { name } } }');
      expect(introspection.errors![0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const typo = await production.gql('{ studi { name } }');
      expect(typo.errors![0]!.message).not.toMatch(/did you mean/i);
      const typoInDevelopment = await server.gql('{ studi { name } }');
      expect(typoInDevelopment.errors![0]!.message).toMatch(/did you mean/i);
    } finally {
      await production.close();
    }
  });
});

describe('requested list sizes', () => {
  it('refuse nested pages that multiply past the limit, and allow sensible ones', async () => {
    const response = await server.gql('{ jobs(first: 100) { nodes { images(first: 500) { nodes { id } } } } }', {}, adminToken);
    expect(response.errors![0]!.extensions.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
    const fine = await server.gql('{ jobs(first: 5) { nodes { images(first: 100) { nodes { id } } } } }', {}, adminToken);
    expect(fine.errors).toBeUndefined();
  });
});
