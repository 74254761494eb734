import { auditServer, type AuditFail } from 'graphql-http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/**
 * graphql-http's audit of the GraphQL-over-HTTP spec: no MUST broken and no SHOULD either. Notices
 * (MAYs) are allowed: the API refuses GET requests without a preflight header (CSRF prevention),
 * which the audit's plain GETs do not send.
 */
it('passes the GraphQL-over-HTTP audit with no errors and no warnings', async () => {
  const results = await auditServer({ url: `${server.url}/graphql` });
  const failures = results.filter((result): result is AuditFail => result.status === 'error' || result.status === 'warn');
  const described = await Promise.all(failures.map(async (failure) => `${failure.status} ${failure.id} ${failure.name}: ${failure.reason} (${failure.response.status} ${(await failure.response.text()).slice(0, 120)})`));
  expect(described).toEqual([]);
  expect(results.length).toBeGreaterThan(30);
});

it('answers a request error 400, or 200 to a client that asked for application/json by name', async () => {
  const unparsable = async (accept?: string) => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) }, body: JSON.stringify({ query: '{ studio {' }) });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    return { status: response.status, type: response.headers.get('content-type'), code: body.errors[0]!.extensions.code };
  };
  const graphqlResponseJson = { status: 400, type: 'application/graphql-response+json; charset=utf-8', code: 'GRAPHQL_PARSE_FAILED' };
  expect(await unparsable('application/graphql-response+json')).toEqual(graphqlResponseJson);
  expect(await unparsable('application/json')).toEqual({ status: 200, type: 'application/json; charset=utf-8', code: 'GRAPHQL_PARSE_FAILED' });
  // Neither named: the 400 stays, in the media type whose rules ask for it.
  expect(await unparsable('*/*')).toEqual(graphqlResponseJson);
  expect(await unparsable()).toEqual(graphqlResponseJson);
});
