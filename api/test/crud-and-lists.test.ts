import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobStatus } from '../src/shared/domain/job-status.js';
import { standardCast } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
});
afterAll(() => server?.close());

const rowCount = async (table: string) =>
  (await server.services.orm.em.fork().getConnection().execute<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

describe('customers', () => {
  it('are created and updated by staff; bad input is a typed error that writes nothing', async () => {
    const created = await server.gql('mutation { createCustomer(input: { name: "  Acme Estates  ", contactEmail: "Office@Acme.TEST" }) { id name contactEmail } }', {}, cast.staffToken);
    expect(created.data!.createCustomer).toMatchObject({ name: 'Acme Estates', contactEmail: 'office@acme.test' });
    const id = created.data!.createCustomer.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const updated = await server.gql('mutation($id: ID!) { updateCustomer(id: $id, input: { notes: "VIP", contactEmail: "" }) { notes contactEmail } }', { id }, cast.staffToken);
    expect(updated.data!.updateCustomer).toEqual({ notes: 'VIP', contactEmail: null });

    const before = await rowCount('customers');
    for (const input of ['{ name: "   " }', '{ name: "ok", contactEmail: "not an email" }']) {
      const response = await server.gql(`mutation { createCustomer(input: ${input}) { id } }`, {}, cast.staffToken);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(response.errors![0]!.extensions.field).toBeDefined();
    }
    expect(await rowCount('customers')).toBe(before);
  });
});

describe('users', () => {
  it('refuses a duplicate email (any case) with CONFLICT, and a customer user without a customer', async () => {
    const create = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
    const duplicate = await server.gql(create, { input: { email: cast.customerUser.email.toUpperCase(), name: 'Dup', role: 'CUSTOMER', customerId: cast.customer.id } }, cast.staffToken);
    expect(duplicate.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
    const orphan = await server.gql(create, { input: { email: 'orphan@example.test', name: 'O', role: 'CUSTOMER' } }, cast.staffToken);
    expect(orphan.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
    const shortPassword = await server.gql(create, { input: { email: 'short@example.test', name: 'S', role: 'CUSTOMER', customerId: cast.customer.id, password: 'short' } }, cast.staffToken);
    expect(shortPassword.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password', reason: 'TOO_SHORT' });
  });

  it('never exposes password hashes', async () => {
    const response = await server.gql('{ users(first: 100) { nodes { passwordHash } } }', {}, cast.adminToken);
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('jobs', () => {
  it('createJob sets the initial package; updateJob cannot touch it', async () => {
    const created = await server.gql(
      'mutation($c: ID!) { createJob(input: { customerId: $c, title: "Flat", includedImages: 12, allImagesIncluded: false }) { id includedImages allImagesIncluded status version } }',
      { c: cast.customer.id }, cast.staffToken,
    );
    const job = created.data!.createJob;
    expect(job).toMatchObject({ includedImages: 12, allImagesIncluded: false, status: 'IN_PROGRESS' });
    const sneaky = await server.gql('mutation($id: ID!) { updateJob(id: $id, input: { includedImages: 99 }) { id } }', { id: job.id }, cast.staffToken);
    expect(errorCode(sneaky)).toBe('GRAPHQL_VALIDATION_FAILED');
    const sneaky2 = await server.gql('mutation($id: ID!) { updateJob(id: $id, input: { allImagesIncluded: true }) { id } }', { id: job.id }, cast.staffToken);
    expect(errorCode(sneaky2)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a negative package, in the API and in the database', async () => {
    const response = await server.gql('mutation($c: ID!) { createJob(input: { customerId: $c, title: "Neg", includedImages: -1 }) { id } }', { c: cast.customer.id }, cast.staffToken);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'includedImages' });
    const em = server.services.orm.em.fork();
    await expect(em.getConnection().execute("UPDATE jobs SET included_images = -1 WHERE customer_id = ?", [cast.customer.id])).rejects.toThrow(/jobs_included_images_check/);
  });

  it('updateJob bumps the version and refuses a stale expectedVersion with CONFLICT and the current version', async () => {
    const job = await cast.make.job(cast.customer, { status: JobStatus.IN_PROGRESS });
    const update = 'mutation($id: ID!, $input: UpdateJobInput!) { updateJob(id: $id, input: $input) { title status version deliveredAt } }';
    const first = await server.gql(update, { id: job.id, input: { title: 'Renamed', status: 'DELIVERED', expectedVersion: job.version } }, cast.staffToken);
    expect(first.data!.updateJob).toMatchObject({ title: 'Renamed', status: 'DELIVERED', version: job.version + 1 });
    expect(first.data!.updateJob.deliveredAt).not.toBeNull();
    const stale = await server.gql(update, { id: job.id, input: { title: 'Lost update', expectedVersion: job.version } }, cast.staffToken);
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: job.version + 1 });
    const title = (await server.gql('query($id: ID!) { job(id: $id) { title } }', { id: job.id }, cast.staffToken)).data!.job.title;
    expect(title).toBe('Renamed');
  });
});

describe('lists', () => {
  it('page through with cursors, with a total count, in a stable order', async () => {
    const customer = await cast.make.customer('Paging GmbH');
    const titles = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((letter) => `Paging ${letter}`);
    for (const title of titles) await cast.make.job(customer, { title });
    const query = `query($after: String, $c: ID!) {
      jobs(first: 3, after: $after, filter: { customerId: $c }, sortBy: TITLE, sortDirection: ASC) {
        totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { title } }
      }
    }`;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = (await server.gql(query, { after, c: customer.id }, cast.staffToken)).data!.jobs;
      expect(page.totalCount).toBe(7);
      seen.push(...page.edges.map((edge: any) => edge.node.title));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(titles);
  });

  it('offer offset paging for admin tables, search and status filters', async () => {
    const customer = await cast.make.customer('Offset AG');
    for (const status of [JobStatus.DELIVERED, JobStatus.DELIVERED, JobStatus.ARCHIVED]) await cast.make.job(customer, { status, title: `Offset ${status}` });
    const byOffset = await server.gql('query($c: ID!) { jobs(first: 2, offset: 2, filter: { customerId: $c }, sortBy: TITLE) { totalCount nodes { title } pageInfo { hasNextPage hasPreviousPage } } }', { c: customer.id }, cast.staffToken);
    expect(byOffset.data!.jobs).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    expect(byOffset.data!.jobs.nodes).toHaveLength(1);
    const archived = await server.gql('query($c: ID!) { jobs(filter: { customerId: $c, status: [ARCHIVED] }) { totalCount } }', { c: customer.id }, cast.staffToken);
    expect(archived.data!.jobs.totalCount).toBe(1);
    const search = await server.gql('{ customers(filter: { search: "offset a" }) { nodes { name } } }', {}, cast.staffToken);
    expect(search.data!.customers.nodes).toEqual([{ name: 'Offset AG' }]);
    const wildcard = await server.gql('{ customers(filter: { search: "%" }) { totalCount } }', {}, cast.staffToken);
    expect(wildcard.data!.customers.totalCount).toBe(0);
  });

  it('refuse oversized pages, forged cursors and mixed paging with BAD_USER_INPUT', async () => {
    const bad = [
      '{ jobs(first: 101) { totalCount } }',
      '{ jobs(first: 0) { totalCount } }',
      '{ jobs(after: "garbage!") { totalCount } }',
      `{ jobs(after: "${Buffer.from(JSON.stringify(['not-a-date', 'x'])).toString('base64url')}") { totalCount } }`,
      `{ jobs(after: "${Buffer.from(JSON.stringify([1, 2, 3, 4])).toString('base64url')}") { totalCount } }`,
      '{ jobs(offset: 1, after: "x") { totalCount } }',
      '{ jobs(offset: -1) { totalCount } }',
    ];
    for (const query of bad) {
      const response = await server.gql(query, {}, cast.staffToken);
      expect(errorCode(response), query).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(response)).not.toMatch(/stack|select|postgres/i);
    }
  });

  it('answer missing or mistyped variables with HTTP 400 and BAD_USER_INPUT naming the variable', async () => {
    const query = 'query($id: ID!, $first: Int) { job(id: $id) { images(first: $first) { totalCount } } }';
    for (const variables of [{}, { id: { x: 1 } }, { id: 'x', first: 'many' }]) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${cast.staffToken}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(response.status).toBe(400);
      expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/^Variable "\$(id|first)"/), extensions: { code: 'BAD_USER_INPUT' } });
    }
  });
});
