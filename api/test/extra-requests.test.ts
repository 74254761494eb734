import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image } from '../src/modules/images/image.entity.js';
import { SelectionState } from '../src/shared/domain/image-enums.js';
import { standardCast } from './support/factories.js';
import { insertReadyImageRows } from './support/ready-image-rows.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * Requests for extras as records (issue 13, item 5): the customer's note, the studio's decision with
 * its note, whether the customer may ask again; the inbox across jobs is staff's, the outcome the
 * customer's to see.
 */
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;

beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
});
afterAll(() => server?.close());

/** A delivered job of the cast's customer with a package of one and `count` READY images, all NONE. */
async function jobWithImages(count: number): Promise<{ jobId: string; imageIds: string[] }> {
  const job = await cast.make.job(cast.customer, { includedImages: 1 });
  const em = server.services.orm.em.fork();
  await insertReadyImageRows(em, { customerId: cast.customer.id, jobId: job.id, count });
  await em.nativeUpdate(Image, { job: job.id }, { selectionState: SelectionState.NONE });
  const images = await em.find(Image, { job: job.id }, { orderBy: { filename: 'asc' } });
  return { jobId: job.id, imageIds: images.map((image) => image.id) };
}

const SELECT = 'mutation($id: ID!, $note: String) { selectImage(imageId: $id, extraNote: $note) { selectionState } }';
const DESELECT = 'mutation($id: ID!) { deselectImage(imageId: $id) { selectionState } }';
const REQUESTS = 'query($id: ID!) { image(id: $id) { selectionState extraRequests { id status note decisionNote decidedAt mayAskAgainFrom final } } }';
const INBOX = 'query($filter: ExtraRequestFilter) { extraRequests(first: 50, filter: $filter) { totalCount nodes { id status note image { id } job { id } requestedBy { id } } } }';
const DECIDE = `mutation($id: ID!, $decision: ExtraDecision!, $note: String, $from: DateTimeISO, $final: Boolean) {
  decideExtraRequest(id: $id, decision: $decision, note: $note, mayAskAgainFrom: $from, final: $final) { id status decisionNote decidedAt decidedBy { id } image { selectionState } }
}`;

const requestsOf = async (imageId: string, token = cast.customerToken) => (await server.gql(REQUESTS, { id: imageId }, token)).data!.image;

describe('asking for an extra', () => {
  it('a selection beyond the package opens a request with the customer’s note, which the studio sees in its inbox', async () => {
    const { jobId, imageIds } = await jobWithImages(2);
    expect((await server.gql(SELECT, { id: imageIds[0] }, cast.customerToken)).data!.selectImage.selectionState).toBe('INCLUDED');
    const note = 'Für das Exposé bitte auch <script>alert(1)</script> dieses Bild';
    expect((await server.gql(SELECT, { id: imageIds[1], note }, cast.customerToken)).data!.selectImage.selectionState).toBe('EXTRA_PENDING');

    const seen = await requestsOf(imageIds[1]!);
    // Stored as written: the back office and the client render it as text.
    expect(seen.extraRequests).toEqual([expect.objectContaining({ status: 'PENDING', note, decisionNote: null, decidedAt: null })]);
    expect((await requestsOf(imageIds[0]!)).extraRequests).toEqual([]);

    const inbox = (await server.gql(INBOX, { filter: { jobId, status: ['PENDING'] } }, cast.staffToken)).data!.extraRequests;
    expect(inbox.nodes).toEqual([{ id: seen.extraRequests[0].id, status: 'PENDING', note, image: { id: imageIds[1] }, job: { id: jobId }, requestedBy: { id: cast.customerUser.id } }]);
  });

  it('the inbox and the decision are staff’s; who asked and who decided are not shown to customers', async () => {
    const { imageIds } = await jobWithImages(2);
    await server.gql(SELECT, { id: imageIds[0] }, cast.customerToken);
    await server.gql(SELECT, { id: imageIds[1] }, cast.customerToken);
    const [request] = (await requestsOf(imageIds[1]!)).extraRequests;
    expect((await server.gql(INBOX, {}, cast.customerToken)).errors![0]!.extensions.code).toBe('FORBIDDEN');
    expect((await server.gql(DECIDE, { id: request.id, decision: 'FREE' }, cast.customerToken)).errors![0]!.extensions.code).toBe('FORBIDDEN');
    const who = await server.gql('query($id: ID!) { image(id: $id) { extraRequests { requestedBy { id } } } }', { id: imageIds[1] }, cast.customerToken);
    expect(who.errors![0]!.extensions.code).toBe('FORBIDDEN');
    // Another customer cannot reach the image, its requests or the decision.
    expect((await server.gql(REQUESTS, { id: imageIds[1] }, cast.otherCustomerToken)).errors![0]!.extensions.code).toBe('FORBIDDEN');
  });

  it('deselecting a pending extra withdraws the request', async () => {
    const { imageIds } = await jobWithImages(2);
    await server.gql(SELECT, { id: imageIds[0] }, cast.customerToken);
    await server.gql(SELECT, { id: imageIds[1] }, cast.customerToken);
    expect((await server.gql(DESELECT, { id: imageIds[1] }, cast.customerToken)).data!.deselectImage.selectionState).toBe('NONE');
    expect((await requestsOf(imageIds[1]!)).extraRequests).toEqual([expect.objectContaining({ status: 'WITHDRAWN', decisionNote: null })]);
  });
});

describe('deciding', () => {
  it('free: the image becomes EXTRA_FREE, the customer sees the studio’s note, the audit entry has it as its reason', async () => {
    const { imageIds } = await jobWithImages(2);
    await server.gql(SELECT, { id: imageIds[0] }, cast.customerToken);
    await server.gql(SELECT, { id: imageIds[1] }, cast.customerToken);
    const [request] = (await requestsOf(imageIds[1]!)).extraRequests;
    const decided = (await server.gql(DECIDE, { id: request.id, decision: 'FREE', note: 'Geht aufs Haus' }, cast.staffToken)).data!.decideExtraRequest;
    expect(decided).toMatchObject({ status: 'FREE', decisionNote: 'Geht aufs Haus', decidedAt: expect.any(String), decidedBy: { id: cast.staff.id }, image: { selectionState: 'EXTRA_FREE' } });
    expect((await requestsOf(imageIds[1]!)).extraRequests[0]).toMatchObject({ status: 'FREE', decisionNote: 'Geht aufs Haus' });
    const audit = await server.gql('query($id: ID!) { image(id: $id) { auditTrail(first: 5) { nodes { field oldValue newValue reason } } } }', { id: imageIds[1] }, cast.staffToken);
    expect(audit.data!.image.auditTrail.nodes[0]).toEqual({ field: 'selectionState', oldValue: 'EXTRA_PENDING', newValue: 'EXTRA_FREE', reason: 'Geht aufs Haus' });
    // Decided once: a second decision is refused and changes nothing.
    const again = await server.gql(DECIDE, { id: request.id, decision: 'DECLINED' }, cast.staffToken);
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PENDING' });
    expect((await requestsOf(imageIds[1]!)).selectionState).toBe('EXTRA_FREE');
  });

  it('declined for good: the image is NONE again and the customer may not ask for it again', async () => {
    const { imageIds } = await jobWithImages(2);
    await server.gql(SELECT, { id: imageIds[0] }, cast.customerToken);
    await server.gql(SELECT, { id: imageIds[1] }, cast.customerToken);
    const [request] = (await requestsOf(imageIds[1]!)).extraRequests;
    const declined = (await server.gql(DECIDE, { id: request.id, decision: 'DECLINED', note: 'Nicht freigegeben', final: true }, cast.staffToken)).data!.decideExtraRequest;
    expect(declined).toMatchObject({ status: 'DECLINED', image: { selectionState: 'NONE' } });
    const refused = await server.gql(SELECT, { id: imageIds[1] }, cast.customerToken);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXTRA_DECLINED', final: true });
    expect((await requestsOf(imageIds[1]!)).extraRequests).toHaveLength(1);
  });

  it('declined until a date: asking again before it is refused with the date, after it opens a new request', async () => {
    const { imageIds } = await jobWithImages(2);
    await server.gql(SELECT, { id: imageIds[0] }, cast.customerToken);
    await server.gql(SELECT, { id: imageIds[1] }, cast.customerToken);
    const [request] = (await requestsOf(imageIds[1]!)).extraRequests;
    const from = new Date(Date.now() + 86_400_000).toISOString();
    await server.gql(DECIDE, { id: request.id, decision: 'DECLINED', from }, cast.staffToken);
    const early = await server.gql(SELECT, { id: imageIds[1] }, cast.customerToken);
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXTRA_DECLINED', final: false, mayAskAgainFrom: from });
    // A day later, as far as the database knows.
    await server.services.orm.em.fork().getConnection().execute('UPDATE extra_requests SET may_ask_again_from = now() - interval \'1 minute\' WHERE id = ?', [request.id]);
    expect((await server.gql(SELECT, { id: imageIds[1], note: 'Bitte noch einmal' }, cast.customerToken)).data!.selectImage.selectionState).toBe('EXTRA_PENDING');
    expect((await requestsOf(imageIds[1]!)).extraRequests.map((entry: { status: string }) => entry.status)).toEqual(['PENDING', 'DECLINED']);
  });

  it('staff setting the state directly decides the pending request too', async () => {
    const { imageIds } = await jobWithImages(2);
    await server.gql(SELECT, { id: imageIds[0] }, cast.customerToken);
    await server.gql(SELECT, { id: imageIds[1] }, cast.customerToken);
    await server.gql('mutation($id: ID!) { setImageSelectionState(imageId: $id, state: EXTRA_PAID, reason: "Rechnung 42") { id } }', { id: imageIds[1] }, cast.staffToken);
    expect((await requestsOf(imageIds[1]!)).extraRequests[0]).toMatchObject({ status: 'PAID', decisionNote: 'Rechnung 42' });
  });
});
