import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer } from '../src/modules/customers/customer.entity.js';
import { Image } from '../src/modules/images/image.entity.js';
import { Job } from '../src/modules/jobs/job.entity.js';
import { ImageStatus, SelectionState } from '../src/shared/domain/image-enums.js';
import { standardCast } from './support/factories.js';
import { insertReadyImageRows } from './support/ready-image-rows.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * The job list's filters the back office's screens need (issue 13): search over title and customer
 * name, creation dates, undecided extras; and a job's counts per selection state. Every filter runs
 * inside the viewer's scope: a customer finds nothing of another customer's by naming it.
 */
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
let withExtras: Job;
let quiet: Job;
let foreign: Job;

const JOBS = `query($filter: JobFilter) { jobs(first: 50, filter: $filter) { totalCount nodes { id } } }`;
const COUNTS = `query($id: ID!) { job(id: $id) { selectionCounts { none included extraPending extraPaid extraFree blocked } includedCount pendingExtraCount } }`;

beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
  await server.services.orm.em.fork().nativeUpdate(Customer, { id: cast.customer.id }, { name: 'Nordlicht Immobilien' });
  await server.services.orm.em.fork().nativeUpdate(Customer, { id: cast.otherCustomer.id }, { name: 'Fjord Makler' });
  withExtras = await cast.make.job(cast.customer, { title: 'Penthouse Hafencity' });
  quiet = await cast.make.job(cast.customer, { title: 'Altbau Eppendorf' });
  foreign = await cast.make.job(cast.otherCustomer, { title: 'Hafencity Loft' });
  const em = server.services.orm.em.fork();
  // Twelve rows: two of each selection state, in turn.
  await insertReadyImageRows(em, { customerId: cast.customer.id, jobId: withExtras.id, count: 12 });
  await insertReadyImageRows(em, { customerId: cast.otherCustomer.id, jobId: foreign.id, count: 12 });
  // A job from last year.
  await em.nativeUpdate(Job, { id: quiet.id }, { createdAt: new Date('2025-06-01T10:00:00Z') });
});
afterAll(() => server?.close());

const idsOf = (answer: { data?: Record<string, any> | null }): string[] => answer.data!.jobs.nodes.map((node: { id: string }) => node.id).sort();

describe('jobs(filter)', () => {
  it('search matches the title or the customer’s name, for staff across customers', async () => {
    expect(idsOf(await server.gql(JOBS, { filter: { search: 'hafencity' } }, cast.staffToken))).toEqual([withExtras.id, foreign.id].sort());
    expect(idsOf(await server.gql(JOBS, { filter: { search: 'nordlicht' } }, cast.staffToken))).toEqual([withExtras.id, quiet.id].sort());
  });

  it('a customer searching for another customer’s name or title finds nothing of theirs', async () => {
    expect(idsOf(await server.gql(JOBS, { filter: { search: 'fjord' } }, cast.customerToken))).toEqual([]);
    expect(idsOf(await server.gql(JOBS, { filter: { search: 'hafencity' } }, cast.customerToken))).toEqual([withExtras.id]);
    expect(idsOf(await server.gql(JOBS, { filter: { hasPendingExtras: true } }, cast.customerToken))).toEqual([withExtras.id]);
  });

  it('filters by creation date and by undecided extras', async () => {
    const scoped = (filter: Record<string, unknown>) => server.gql(JOBS, { filter: { customerId: cast.customer.id, ...filter } }, cast.staffToken);
    expect(idsOf(await scoped({ createdBefore: '2026-01-01T00:00:00Z' }))).toEqual([quiet.id]);
    expect(idsOf(await scoped({ createdFrom: '2026-01-01T00:00:00Z' }))).toEqual([withExtras.id]);
    expect(idsOf(await scoped({ hasPendingExtras: true }))).toEqual([withExtras.id]);
    expect(idsOf(await scoped({ hasPendingExtras: false }))).toEqual([quiet.id]);
    const bad = await scoped({ createdFrom: 'yesterday' });
    expect(bad.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('Job.selectionCounts', () => {
  it('counts the uploaded READY images per state, the same for staff and the job’s customer', async () => {
    const expected = { none: 2, included: 2, extraPending: 2, extraPaid: 2, extraFree: 2, blocked: 2 };
    // An image still rendering counts nowhere: its customer cannot see it.
    const em = server.services.orm.em.fork();
    const processing = await em.findOneOrFail(Image, { job: withExtras.id, selectionState: SelectionState.NONE });
    await em.nativeUpdate(Image, { id: processing.id }, { status: ImageStatus.PROCESSING });
    const asStaff = (await server.gql(COUNTS, { id: withExtras.id }, cast.staffToken)).data!.job;
    expect(asStaff).toEqual({ selectionCounts: { ...expected, none: 1 }, includedCount: 2, pendingExtraCount: 2 });
    expect((await server.gql(COUNTS, { id: withExtras.id }, cast.customerToken)).data!.job).toEqual(asStaff);
    expect((await server.gql(COUNTS, { id: foreign.id }, cast.customerToken)).errors![0]!.extensions.code).toBe('FORBIDDEN');
  });
});
