import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image } from '../src/modules/images/image.entity.js';
import { standardCast } from './support/factories.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, uploads } from './support/uploads.js';

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
});
afterAll(() => server?.close());

const JOBS = 'query($filter: JobFilter) { jobs(filter: $filter) { totalCount } }';

const expectRefused = (response: Awaited<ReturnType<TestServer['gql']>>, field: string) => {
  expect(response.errors?.[0]?.extensions, JSON.stringify(response.errors)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERS', field });
  expect(response.errors![0]!.message).toContain(field);
};

describe('strings a database cannot store', () => {
  it('a NUL in JobFilter.search is BAD_USER_INPUT, as a variable and as a literal', async () => {
    expectRefused(await server.gql(JOBS, { filter: { search: 'a\u0000b' } }, cast.staffToken), 'filter.search');
    expectRefused(await server.gql('{ jobs(filter: { search: "a\\u0000b" }) { totalCount } }', {}, cast.staffToken), 'filter.search');
  });

  it('so is an unpaired surrogate, in any argument of any resolver, signed in or not', async () => {
    expectRefused(await server.gql('query($s: String) { users(filter: { search: $s }) { totalCount } }', { s: 'x\ud800' }, cast.adminToken), 'filter.search');
    expectRefused(await server.gql('mutation($e: String!) { login(email: $e, password: "whatever-password") { accessToken } }', { e: 'a\u0000@example.test' }), 'email');
    expectRefused(await server.gql('mutation($n: String!) { createCustomer(input: { name: $n }) { id } }', { n: 'Nord\u0000licht' }, cast.staffToken), 'input.name');
  });

  it('leaves every other text alone: accents, emoji, tabs and newlines', async () => {
    const answer = await server.gql(JOBS, { filter: { search: 'Ünïcødé 📷\tzwei\nZeilen' } }, cast.staffToken);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.jobs.totalCount).toBe(0);
  });
});

describe('upload file names', () => {
  // Bidi overrides and isolates, marks, a BOM, C0 and C1 controls, line and paragraph separators.
  const INVISIBLE = ['\u202e', '\u202d', '\u202a', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\ufeff', '\u0085', '\u009b', '\u2028', '\u2029', '\u0007'];

  it('are cleaned once, at upload, of everything downloads would strip', async () => {
    const job = await cast.make.job(cast.customer);
    const bytes = await makeJpeg(64, 48);
    const name = `Wohn${INVISIBLE.join('')}zimmer \u202egpj.exe`;
    const { ticket } = await uploads(server).upload(cast.staffToken, bytes, { jobId: job.id, filename: name });
    expect(ticket.image.filename).toBe('Wohnzimmer gpj.exe');
    const stored = await server.services.orm.em.fork().findOneOrFail(Image, { id: ticket.image.id });
    expect(stored.filename).toBe('Wohnzimmer gpj.exe');
  });

  it('keep letters of every script and emoji', async () => {
    const job = await cast.make.job(cast.customer);
    const bytes = await makeJpeg(64, 48);
    const { ticket } = await uploads(server).upload(cast.staffToken, bytes, { jobId: job.id, filename: 'Küche ערב 📷.jpg' });
    expect(ticket.image.filename).toBe('Küche ערב 📷.jpg');
  });
});
