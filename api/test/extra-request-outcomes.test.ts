import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image } from '../src/modules/images/image.entity.js';
import { Job } from '../src/modules/jobs/job.entity.js';
import { ImageStatus, SelectionState } from '../src/shared/domain/image-enums.js';
import { JobStatus } from '../src/shared/domain/job-status.js';
import { standardCast } from './support/factories.js';
import { insertReadyImageRows } from './support/ready-image-rows.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';

/**
 * Issue 15, item 5: a customer reads the outcome of each of their requests for extras — paid, free,
 * or declined with the studio's note and when they may ask again — job by job, and nobody else's.
 */
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
const em = () => server.services.orm.em.fork();

beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
});
afterAll(() => server?.close());

const SELECT = 'mutation($id: ID!, $note: String) { selectImage(imageId: $id, extraNote: $note) { selectionState } }';
const DECIDE = `mutation($id: ID!, $decision: ExtraDecision!, $note: String, $from: DateTimeISO, $final: Boolean) {
  decideExtraRequest(id: $id, decision: $decision, note: $note, mayAskAgainFrom: $from, final: $final) { id }
}`;
const JOB_REQUESTS = `query($id: ID!, $status: [ExtraRequestStatus!]) { job(id: $id) {
  extraRequests(status: $status) { id status note decisionNote mayAskAgainFrom final image { id } }
} }`;
const GALLERY = 'query($id: ID!) { job(id: $id) { images(first: 500) { nodes { id extraRequests { status } } } } }';

/** A delivered job of `customer` with a package of one and three READY images: one included, two asked for as extras with notes. */
async function jobWithThreeRequests(customer = cast.customer, token = cast.customerToken) {
  const job = await cast.make.job(customer, { includedImages: 1 });
  const fork = em();
  await insertReadyImageRows(fork, { customerId: customer.id, jobId: job.id, count: 4 });
  await fork.nativeUpdate(Image, { job: job.id }, { selectionState: SelectionState.NONE });
  const ids = (await fork.find(Image, { job: job.id }, { orderBy: { filename: 'asc' } })).map((image) => image.id);
  await server.gql(SELECT, { id: ids[0] }, token);
  for (const [index, note] of [[1, 'Für das Exposé'], [2, 'Auch dieses bitte'], [3, 'Und das']] as const) {
    expect((await server.gql(SELECT, { id: ids[index], note }, token)).data!.selectImage.selectionState).toBe('EXTRA_PENDING');
  }
  const pending = (await server.gql(JOB_REQUESTS, { id: job.id }, cast.staffToken)).data!.job.extraRequests as { id: string; image: { id: string } }[];
  const requestOf = (imageId: string) => pending.find((request) => request.image.id === imageId)!.id;
  return { job, ids, requestOf };
}

describe('Job.extraRequests', () => {
  it('shows the customer each outcome: paid, free, declined with the note and the date, newest first', async () => {
    const { job, ids, requestOf } = await jobWithThreeRequests();
    const from = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await server.gql(DECIDE, { id: requestOf(ids[1]!), decision: 'PAID', note: 'Rechnung folgt' }, cast.staffToken);
    await server.gql(DECIDE, { id: requestOf(ids[2]!), decision: 'FREE', note: 'Geht aufs Haus' }, cast.staffToken);
    await server.gql(DECIDE, { id: requestOf(ids[3]!), decision: 'DECLINED', note: 'Nicht freigegeben', from }, cast.staffToken);

    const seen = (await server.gql(JOB_REQUESTS, { id: job.id }, cast.customerToken)).data!.job.extraRequests;
    expect(seen).toEqual([
      { id: requestOf(ids[3]!), status: 'DECLINED', note: 'Und das', decisionNote: 'Nicht freigegeben', mayAskAgainFrom: from, final: false, image: { id: ids[3] } },
      { id: requestOf(ids[2]!), status: 'FREE', note: 'Auch dieses bitte', decisionNote: 'Geht aufs Haus', mayAskAgainFrom: null, final: false, image: { id: ids[2] } },
      { id: requestOf(ids[1]!), status: 'PAID', note: 'Für das Exposé', decisionNote: 'Rechnung folgt', mayAskAgainFrom: null, final: false, image: { id: ids[1] } },
    ]);
    const declined = (await server.gql(JOB_REQUESTS, { id: job.id, status: ['DECLINED'] }, cast.customerToken)).data!.job.extraRequests;
    expect(declined.map((request: { id: string }) => request.id)).toEqual([requestOf(ids[3]!)]);
  });

  it('leaves out requests on images the customer cannot see (removed by the studio); staff still see them', async () => {
    const { job, ids } = await jobWithThreeRequests();
    await em().nativeUpdate(Image, { id: ids[2] }, { status: ImageStatus.REMOVED });
    const mine = (await server.gql(JOB_REQUESTS, { id: job.id }, cast.customerToken)).data!.job.extraRequests;
    expect(mine.map((request: { image: { id: string } }) => request.image.id).sort()).toEqual([ids[1], ids[3]].sort());
    expect((await server.gql(JOB_REQUESTS, { id: job.id }, cast.staffToken)).data!.job.extraRequests).toHaveLength(3);
  });

  it('a gallery of 500 images reads every image’s requests in one query, not one per image', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 1 });
    await insertReadyImageRows(em(), { customerId: cast.customer.id, jobId: job.id, count: 500 });
    let nodes: { extraRequests: unknown[] }[] = [];
    const queries = await server.queriesDuring(async () => {
      nodes = (await server.gql(GALLERY, { id: job.id }, cast.customerToken)).data!.job.images.nodes;
    });
    expect(nodes).toHaveLength(500);
    expect(queries.filter((query) => /from "extra_requests"/i.test(query))).toHaveLength(1);
  });

  it('hostile: another customer’s job, an undelivered one and an unknown id are all FORBIDDEN to a customer, and show no request', async () => {
    const theirs = await jobWithThreeRequests(cast.otherCustomer, cast.otherCustomerToken);
    const undelivered = await jobWithThreeRequests();
    await em().nativeUpdate(Job, { id: undelivered.job.id }, { status: JobStatus.IN_PROGRESS });
    for (const id of [theirs.job.id, undelivered.job.id, '6f1c3a52-0000-4000-8000-000000000000']) {
      const response = await server.gql(JOB_REQUESTS, { id }, cast.customerToken);
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect(response.data).toBeNull();
    }
    // Nor through the image: another customer's image is refused the same way.
    const image = await server.gql('query($id: ID!) { image(id: $id) { extraRequests { note } } }', { id: theirs.ids[1] }, cast.customerToken);
    expect(errorCode(image)).toBe('FORBIDDEN');
    // Who asked and who decided stay staff-only, here too.
    const who = await server.gql('query($id: ID!) { job(id: $id) { extraRequests { requestedBy { id } decidedBy { id } } } }', { id: theirs.job.id }, cast.otherCustomerToken);
    expect(errorCode(who)).toBe('FORBIDDEN');
  });
});
