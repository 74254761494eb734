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
