import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image } from '../src/modules/images/image.entity.js';
import { ImageStatus } from '../src/shared/domain/image-enums.js';
import { JobStatus } from '../src/shared/domain/job-status.js';
import { standardCast } from './support/factories.js';
import { insertReadyImageRows } from './support/ready-image-rows.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** The top-level image list and the audit list's order (issue 13): every filter inside the viewer's scope. */
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
let own: string[];
let foreign: string[];
let undelivered: string[];

const IMAGES = 'query($filter: AllImagesFilter, $dir: SortDirection) { images(first: 100, filter: $filter, sortDirection: $dir) { totalCount nodes { id status updatedAt } } }';

beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
  const em = server.services.orm.em.fork();
  const rows = async (customerId: string, jobId: string) => {
    await insertReadyImageRows(em, { customerId, jobId, count: 3 });
    return (await em.find(Image, { job: jobId })).map((image) => image.id);
  };
  own = await rows(cast.customer.id, (await cast.make.job(cast.customer)).id);
  foreign = await rows(cast.otherCustomer.id, (await cast.make.job(cast.otherCustomer)).id);
  undelivered = await rows(cast.customer.id, (await cast.make.job(cast.customer, { status: JobStatus.IN_PROGRESS })).id);
  await em.nativeUpdate(Image, { id: own[0] }, { status: ImageStatus.PROCESSING });
});
afterAll(() => server?.close());

const ids = (answer: { data?: Record<string, any> | null }): string[] => answer.data!.images.nodes.map((node: { id: string }) => node.id).sort();

describe('images(filter)', () => {
  it('customers see the READY images of their own delivered jobs only, whatever they filter by', async () => {
    expect(ids(await server.gql(IMAGES, {}, cast.customerToken))).toEqual(own.slice(1).sort());
    expect(ids(await server.gql(IMAGES, { filter: { status: ['PROCESSING'] } }, cast.customerToken))).toEqual([]);
    expect(ids(await server.gql(IMAGES, { filter: { jobId: (await server.services.orm.em.fork().findOneOrFail(Image, { id: foreign[0] })).job.id } }, cast.customerToken))).toEqual([]);
    expect(ids(await server.gql(IMAGES, {}, cast.otherCustomerToken))).toEqual([...foreign].sort());
    expect((await server.gql(IMAGES, {})).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('staff see every image, filter by status and by change time, newest change first or last', async () => {
    const all = ids(await server.gql(IMAGES, {}, cast.staffToken));
    expect(all).toEqual(expect.arrayContaining([...own, ...foreign, ...undelivered]));
    expect(ids(await server.gql(IMAGES, { filter: { status: ['PROCESSING'] } }, cast.staffToken))).toEqual([own[0]]);
    const since = new Date(Date.now() + 60_000).toISOString();
    expect(ids(await server.gql(IMAGES, { filter: { updatedSince: since } }, cast.staffToken))).toEqual([]);
    const newestFirst = (await server.gql(IMAGES, { dir: 'DESC' }, cast.staffToken)).data!.images.nodes.map((node: { updatedAt: string }) => node.updatedAt);
    expect(newestFirst).toEqual([...newestFirst].sort().reverse());
  });
});

describe('auditEntries(sortDirection)', () => {
  it('pages the trail oldest first on request', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 1 });
    for (const n of [2, 3, 4]) await server.gql('mutation($id: ID!, $n: Int!) { setIncludedImages(jobId: $id, includedImages: $n) { id } }', { id: job.id, n }, cast.staffToken);
    const AUDIT = 'query($id: ID!, $dir: SortDirection) { auditEntries(first: 10, filter: { jobId: $id }, sortDirection: $dir) { nodes { newValue } } }';
    const values = async (dir?: string) => (await server.gql(AUDIT, { id: job.id, dir }, cast.staffToken)).data!.auditEntries.nodes.map((node: { newValue: string }) => node.newValue);
    expect(await values()).toEqual(['4', '3', '2']);
    expect(await values('ASC')).toEqual(['2', '3', '4']);
  });
});

describe('lookups by many ids keep what they found', () => {
  it('answer in the order asked with null for unknown, malformed and foreign ids, in the caller’s scope', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const ownJob = await cast.make.job(cast.customer);
    const foreignJob = await cast.make.job(cast.otherCustomer);
    const JOBS = 'query($ids: [ID!]!) { jobsByIds(ids: $ids) { id } }';
    const asIds = (list: ({ id: string } | null)[]) => list.map((entry) => entry?.id ?? null);
    const jobs = await server.gql(JOBS, { ids: [foreignJob.id, ownJob.id, unknown, 'x'] }, cast.customerToken);
    expect(jobs.errors).toBeUndefined();
    expect(asIds(jobs.data!.jobsByIds)).toEqual([null, ownJob.id, null, null]);
    expect(asIds((await server.gql(JOBS, { ids: [foreignJob.id, unknown] }, cast.staffToken)).data!.jobsByIds)).toEqual([foreignJob.id, null]);

    const CUSTOMERS = 'query($ids: [ID!]!) { customersByIds(ids: $ids) { id } }';
    expect(asIds((await server.gql(CUSTOMERS, { ids: [cast.otherCustomer.id, cast.customer.id] }, cast.customerToken)).data!.customersByIds)).toEqual([null, cast.customer.id]);

    const USERS = 'query($ids: [ID!]!) { usersByIds(ids: $ids) { id } }';
    expect((await server.gql(USERS, { ids: [cast.staff.id] }, cast.customerToken)).errors![0]!.extensions.code).toBe('FORBIDDEN');
    expect(asIds((await server.gql(USERS, { ids: [cast.customerUser.id, unknown] }, cast.staffToken)).data!.usersByIds)).toEqual([cast.customerUser.id, null]);
    const tooMany = await server.gql(JOBS, { ids: Array.from({ length: 501 }, () => ownJob.id) }, cast.staffToken);
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY' });
  });
});
