import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobStatus } from '../src/shared/domain/job-status.js';
import { UserRole } from '../src/shared/domain/user-role.js';
import { standardCast } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, uploads } from './support/uploads.js';

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
});
afterAll(() => server?.close());

const JOB = 'query($id: ID!) { job(id: $id) { id title } }';
const JOB_IDS = '{ jobs(first: 100) { totalCount nodes { id } } }';

describe('customer isolation (rule 2)', () => {
  it('a customer sees only delivered jobs of their own customer', async () => {
    const own = await cast.make.job(cast.customer, { status: JobStatus.DELIVERED });
    const ownInProgress = await cast.make.job(cast.customer, { status: JobStatus.IN_PROGRESS });
    const ownArchived = await cast.make.job(cast.customer, { status: JobStatus.ARCHIVED });
    const foreign = await cast.make.job(cast.otherCustomer, { status: JobStatus.DELIVERED });

    const listed = (await server.gql(JOB_IDS, {}, cast.customerToken)).data!.jobs.nodes.map((job: { id: string }) => job.id);
    expect(listed).toContain(own.id);
    expect(listed).not.toContain(ownInProgress.id);
    expect(listed).not.toContain(ownArchived.id);
    expect(listed).not.toContain(foreign.id);

    expect((await server.gql(JOB, { id: own.id }, cast.customerToken)).data!.job.id).toBe(own.id);
    for (const hidden of [ownInProgress.id, foreign.id]) {
      const response = await server.gql(JOB, { id: hidden }, cast.customerToken);
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect(response.data?.job ?? null).toBeNull();
    }
  });

  it("to a customer, another customer's job, an unknown id and a malformed id look exactly alike", async () => {
    const foreign = await cast.make.job(cast.otherCustomer);
    const answers = await Promise.all(
      [foreign.id, randomUUID(), 'not-a-uuid'].map((id) => server.gql(JOB, { id }, cast.customerToken)),
    );
    const shapes = answers.map((answer) => JSON.stringify(answer.errors));
    expect(new Set(shapes).size).toBe(1);
    expect(errorCode(answers[0]!)).toBe('FORBIDDEN');
  });

  it('staff get NOT_FOUND for an unknown id and see every job', async () => {
    expect(errorCode(await server.gql(JOB, { id: randomUUID() }, cast.staffToken))).toBe('NOT_FOUND');
    const foreignInProgress = await cast.make.job(cast.otherCustomer, { status: JobStatus.IN_PROGRESS });
    expect((await server.gql(JOB, { id: foreignInProgress.id }, cast.staffToken)).data!.job.id).toBe(foreignInProgress.id);
  });

  it('a customer may read their own customer but not another one, nor staff-only fields', async () => {
    const query = 'query($id: ID!) { customer(id: $id) { id name } }';
    expect((await server.gql(query, { id: cast.customer.id }, cast.customerToken)).data!.customer.id).toBe(cast.customer.id);
    expect(errorCode(await server.gql(query, { id: cast.otherCustomer.id }, cast.customerToken))).toBe('FORBIDDEN');
    const notes = await server.gql('query($id: ID!) { customer(id: $id) { notes } }', { id: cast.customer.id }, cast.customerToken);
    expect(errorCode(notes)).toBe('FORBIDDEN');
    const users = await server.gql('query($id: ID!) { customer(id: $id) { users { email } } }', { id: cast.customer.id }, cast.customerToken);
    expect(errorCode(users)).toBe('FORBIDDEN');
  });

  it("a customer cannot reach another customer's data through a job's customer field or lists", async () => {
    const own = await cast.make.job(cast.customer);
    const viaJob = await server.gql('query($id: ID!) { job(id: $id) { customer { id } } }', { id: own.id }, cast.customerToken);
    expect(viaJob.data!.job.customer.id).toBe(cast.customer.id);
    const viaFilter = await server.gql('query($c: ID!) { jobs(filter: { customerId: $c }) { totalCount } }', { c: cast.otherCustomer.id }, cast.customerToken);
    expect(viaFilter.data!.jobs.totalCount).toBe(0);
  });
});

describe('images a customer sees', () => {
  it('are the READY images of their visible jobs only; pending and failed uploads stay hidden', async () => {
    const job = await cast.make.job(cast.customer, { allowCustomerUploads: true });
    const ready = await uploadImage(job.id);
    const pending = (await uploads(server).request(cast.staffToken, await makeJpeg(50, 50), { jobId: job.id })).data!.requestImageUpload.image.id;
    const failed = (await uploads(server).upload(cast.staffToken, await makeJpeg(50, 50), { jobId: job.id, sha256: '0'.repeat(64) })).ticket.image.id;

    const listQuery = 'query($id: ID!) { job(id: $id) { images { totalCount nodes { id status } } } }';
    const asCustomer = (await server.gql(listQuery, { id: job.id }, cast.customerToken)).data!.job.images;
    expect(asCustomer).toEqual({ totalCount: 1, nodes: [{ id: ready, status: 'READY' }] });
    const asStaff = (await server.gql(listQuery, { id: job.id }, cast.staffToken)).data!.job.images;
    expect(asStaff.totalCount).toBe(3);

    const single = 'query($id: ID!) { image(id: $id) { id } }';
    expect((await server.gql(single, { id: ready }, cast.customerToken)).data!.image.id).toBe(ready);
    for (const hidden of [pending, failed]) expect(errorCode(await server.gql(single, { id: hidden }, cast.customerToken))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(single, { id: ready }, cast.otherCustomerToken))).toBe('FORBIDDEN');
    expect((await server.gql(single, { id: pending }, cast.staffToken)).data!.image.id).toBe(pending);
  });

  it('disappear when their job goes back in progress', async () => {
    const job = await cast.make.job(cast.customer);
    const imageId = await uploadImage(job.id);
    await server.gql('mutation($id: ID!) { updateJob(id: $id, input: { status: IN_PROGRESS }) { id } }', { id: job.id }, cast.staffToken);
    expect(errorCode(await server.gql('query($id: ID!) { image(id: $id) { id } }', { id: imageId }, cast.customerToken))).toBe('FORBIDDEN');
  });
});

async function uploadImage(jobId: string): Promise<string> {
  const { completed } = await uploads(server).upload(cast.staffToken, await makeJpeg(60, 40), { jobId });
  return completed.data!.completeImageUpload.id;
}

describe('roles', () => {
  const staffOnly: [string, string, Record<string, unknown>][] = [
    ['customers', '{ customers { totalCount } }', {}],
    ['users', '{ users { totalCount } }', {}],
    ['user', 'query($id: ID!) { user(id: $id) { id } }', { id: randomUUID() }],
    ['createCustomer', 'mutation { createCustomer(input: { name: "X" }) { id } }', {}],
    ['createJob', 'mutation($c: ID!) { createJob(input: { customerId: $c, title: "X" }) { id } }', {}],
    ['updateJob', 'mutation($id: ID!) { updateJob(id: $id, input: { title: "X" }) { id } }', { id: randomUUID() }],
    ['createUser', 'mutation($c: ID) { createUser(input: { email: "x@example.test", name: "X", role: CUSTOMER, customerId: $c }) { id } }', {}],
  ];

  it.each(staffOnly)('%s: customers get FORBIDDEN, anonymous callers UNAUTHENTICATED', async (_name, query, variables) => {
    const vars = { c: cast.customer.id, ...variables };
    expect(errorCode(await server.gql(query, vars, cast.customerToken))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(query, vars))).toBe('UNAUTHENTICATED');
  });

  it('nothing was written by the refused calls', async () => {
    const customers = await server.services.orm.em.fork().getConnection().execute("SELECT count(*)::int AS n FROM customers WHERE name = 'X'");
    expect(customers[0]!.n).toBe(0);
  });

  it('staff create customer users but not staff or admins; admins do', async () => {
    const create = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id role } }';
    const asCustomer = { email: `c-${randomUUID()}@example.test`, name: 'C', role: 'CUSTOMER', customerId: cast.customer.id };
    expect((await server.gql(create, { input: asCustomer }, cast.staffToken)).data!.createUser.role).toBe('CUSTOMER');
    for (const role of ['STAFF', 'ADMIN']) {
      const input = { email: `s-${randomUUID()}@example.test`, name: 'S', role, password: 'long-enough-password' };
      expect(errorCode(await server.gql(create, { input }, cast.staffToken))).toBe('FORBIDDEN');
      expect((await server.gql(create, { input }, cast.adminToken)).data!.createUser.role).toBe(role);
    }
  });

  it('staff change customer users but not staff users, and cannot promote anyone', async () => {
    const update = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { name role } }';
    expect((await server.gql(update, { id: cast.customerUser.id, input: { name: 'Renamed' } }, cast.staffToken)).data!.updateUser.name).toBe('Renamed');
    expect(errorCode(await server.gql(update, { id: cast.admin.id, input: { name: 'Hijacked' } }, cast.staffToken))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(update, { id: cast.customerUser.id, input: { role: 'ADMIN' } }, cast.staffToken))).toBe('FORBIDDEN');
    const otherStaff = await cast.make.user(UserRole.STAFF);
    expect((await server.gql(update, { id: otherStaff.id, input: { name: 'By admin' } }, cast.adminToken)).data!.updateUser.name).toBe('By admin');
  });

  it('staff deactivate and reactivate customer users; staff and admin accounts are the admins’ business; nobody deactivates themselves', async () => {
    const deactivate = 'mutation($id: ID!) { deactivateUser(id: $id) { active } }';
    const reactivate = 'mutation($id: ID!) { reactivateUser(id: $id) { active } }';
    const target = await cast.make.user(UserRole.CUSTOMER, cast.customer);
    expect((await server.gql(deactivate, { id: target.id }, cast.staffToken)).data!.deactivateUser.active).toBe(false);
    expect((await server.gql(reactivate, { id: target.id }, cast.staffToken)).data!.reactivateUser.active).toBe(true);
    const otherStaff = await cast.make.user(UserRole.STAFF);
    expect(errorCode(await server.gql(deactivate, { id: otherStaff.id }, cast.staffToken))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(deactivate, { id: cast.admin.id }, cast.staffToken))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(deactivate, { id: target.id }, cast.customerToken))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(deactivate, { id: cast.admin.id }, cast.adminToken))).toBe('FORBIDDEN');
    expect((await server.gql(deactivate, { id: otherStaff.id }, cast.adminToken)).data!.deactivateUser.active).toBe(false);
  });

  it('only admins change the studio settings', async () => {
    const update = 'mutation { updateStudioSettings(input: { watermarkText: "MINE" }) { watermarkText } }';
    expect(errorCode(await server.gql(update, {}, cast.staffToken))).toBe('FORBIDDEN');
    expect((await server.gql(update, {}, cast.adminToken)).data!.updateStudioSettings.watermarkText).toBe('MINE');
    expect((await server.gql('{ studio { watermarkText } }', {}, cast.customerToken)).data!.studio.watermarkText).toBe('MINE');
  });
});
