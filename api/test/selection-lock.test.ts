import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../src/shared/domain/user-role.js';
import type { Job } from '../src/modules/jobs/job.entity.js';
import { signIn, standardCast } from './support/factories.js';
import { httpErrorCode, makeLargePng, openTransfer } from './support/partial-reads.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, sha256, uploads } from './support/uploads.js';

/**
 * The selection lock (PRODUCT.md rule 5 and Domain): once bytes of an image may have left for its
 * customer, the image stays selected — judged when the transfer starts, not when it finishes. These
 * are the attacks found from outside: deselect during a download, a broken-off ZIP, a broken-off
 * single image, a presigned redirect, an enhanced copy.
 */

const SELECT = 'mutation($id: ID!) { selectImage(imageId: $id) { selectionState } }';
const DESELECT = 'mutation($id: ID!) { deselectImage(imageId: $id) { selectionState } }';
const IMAGE_TICKET = 'mutation($id: ID!) { imageDownloadUrl(imageId: $id) { url } }';
const ARCHIVE_TICKET = 'mutation($id: ID!) { jobArchiveDownload(jobId: $id) { url } }';
const LOCKED = 'query($id: ID!) { image(id: $id) { locked selectionState } }';
const UNLOCK = 'mutation($id: ID!, $reason: String) { unlockImageSelection(imageId: $id, reason: $reason) { locked selectionState } }';
const DELIVERIES = 'query($id: ID!) { image(id: $id) { deliveries { path outcome byteSize bytesSent endedAt } } }';

let server: TestServer;
let presigned: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
let large: Buffer;
const MB = 1024 * 1024;

beforeAll(async () => {
  [server, presigned, large] = await Promise.all([startTestServer(), startTestServer({}, 'presigned'), makeLargePng()]);
  cast = await standardCast(server);
  expect(large.length).toBeGreaterThan(16 * MB);
}, 120_000);
afterAll(async () => {
  await Promise.all([server?.close(), presigned?.close()]);
});

async function upload(target: TestServer, token: string, job: Job, bytes: Buffer, filename: string): Promise<string> {
  const { completed } = await uploads(target).upload(token, bytes, { jobId: job.id, filename, contentType: filename.endsWith('.png') ? 'image/png' : 'image/jpeg' });
  const image = completed.data?.completeImageUpload;
  if (image?.status !== 'READY') throw new Error(`upload failed: ${JSON.stringify(completed)}`);
  return image.id;
}

async function ticket(target: TestServer, mutation: string, id: string, token: string): Promise<string> {
  const response = await target.gql(mutation, { id }, token);
  const issued = response.data?.imageDownloadUrl ?? response.data?.jobArchiveDownload;
  if (!issued) throw new Error(JSON.stringify(response.errors));
  return issued.url;
}

const select = async (target: TestServer, id: string, token = cast.customerToken) => (await target.gql(SELECT, { id }, token)).data?.selectImage.selectionState;

describe('the selection lock is taken before the first byte leaves', () => {
  it('refuses a deselect while the download is still running, and the package stays used', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 1 });
    const big = await upload(server, cast.staffToken, job, large, 'big.png');
    const other = await upload(server, cast.staffToken, job, await makeJpeg(80, 60), 'other.jpg');
    expect(await select(server, big)).toBe('INCLUDED');

    const transfer = await openTransfer(await ticket(server, IMAGE_TICKET, big, cast.customerToken));
    expect(transfer.status).toBe(200);
    await transfer.readUntil(MB);
    const deselect = await server.gql(DESELECT, { id: big }, cast.customerToken);
    expect(deselect.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DELIVERED' });
    expect(sha256(await transfer.readAll())).toBe(sha256(large));

    // The package of one is used by the downloaded image: the next selection asks for an extra.
    expect(await select(server, other)).toBe('EXTRA_PENDING');
  });

  it('keeps every image of a ZIP that was broken off after its first entries selected', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 3 });
    const small = [await makeJpeg(90, 60, { r: 10, g: 20, b: 30 }), await makeJpeg(91, 60, { r: 30, g: 20, b: 10 })];
    const first = await upload(server, cast.staffToken, job, small[0]!, 'first.jpg');
    const second = await upload(server, cast.staffToken, job, small[1]!, 'second.jpg');
    const last = await upload(server, cast.staffToken, job, large, 'last.png');
    for (const id of [first, second, last]) expect(await select(server, id)).toBe('INCLUDED');

    const transfer = await openTransfer(await ticket(server, ARCHIVE_TICKET, job.id, cast.customerToken));
    expect(transfer.status).toBe(200);
    // Both small entries complete (their bytes plus headers), then the customer walks away.
    const received = await transfer.readUntil(small[0]!.length + small[1]!.length + 4096);
    expect(received.includes(small[0]!) && received.includes(small[1]!)).toBe(true);
    transfer.abort();

    for (const id of [first, second, last]) {
      expect((await server.gql(DESELECT, { id }, cast.customerToken)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DELIVERED' });
      expect((await server.gql(LOCKED, { id }, cast.customerToken)).data!.image).toEqual({ locked: true, selectionState: 'INCLUDED' });
    }
    // The record of the transfer says it was broken off, with what was sent.
    await expect
      .poll(async () => (await server.gql(DELIVERIES, { id: last }, cast.staffToken)).data!.image.deliveries, { timeout: 10_000 })
      .toEqual([expect.objectContaining({ path: 'ARCHIVE', outcome: 'BROKEN_OFF', endedAt: expect.any(String) })]);
  });

  it('keeps a single image that was broken off half-way selected, and records how far it got', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 2 });
    const big = await upload(server, cast.staffToken, job, large, 'half.png');
    expect(await select(server, big)).toBe('INCLUDED');
    const transfer = await openTransfer(await ticket(server, IMAGE_TICKET, big, cast.customerToken));
    await transfer.readUntil(large.length / 2);
    transfer.abort();

    expect(errorCode(await server.gql(DESELECT, { id: big }, cast.customerToken))).toBe('CONFLICT');
    await expect
      .poll(async () => (await server.gql(DELIVERIES, { id: big }, cast.staffToken)).data!.image.deliveries, { timeout: 10_000 })
      .toEqual([expect.objectContaining({ path: 'IMAGE', outcome: 'BROKEN_OFF', byteSize: large.length })]);
    const [delivery] = (await server.gql(DELIVERIES, { id: big }, cast.staffToken)).data!.image.deliveries;
    expect(delivery.bytesSent).toBeGreaterThan(0);
    expect(delivery.bytesSent).toBeLessThan(large.length);
  });

  it('locks before answering a presigned redirect', async () => {
    const presignedCast = await standardCast(presigned);
    const job = await presignedCast.make.job(presignedCast.customer, { includedImages: 2 });
    const id = await upload(presigned, presignedCast.staffToken, job, await makeJpeg(70, 50), 'redirected.jpg');
    expect(await select(presigned, id, presignedCast.customerToken)).toBe('INCLUDED');
    const response = await fetch(await ticket(presigned, IMAGE_TICKET, id, presignedCast.customerToken), { redirect: 'manual' });
    expect(response.status).toBe(302);
    // The customer never follows the redirect; the presigned URL alone is bytes that may leave.
    expect(errorCode(await presigned.gql(DESELECT, { id }, presignedCast.customerToken))).toBe('CONFLICT');
  });

  it('locks the source when an enhanced copy of it is downloaded', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 2 });
    const source = await upload(server, cast.staffToken, job, await makeJpeg(72, 50, { r: 1, g: 2, b: 3 }), 'source.jpg');
    const derived = await upload(server, cast.staffToken, job, await makeJpeg(144, 100, { r: 3, g: 2, b: 1 }), 'source-upscaled.jpg');
    await server.services.orm.em.fork().getConnection().execute('UPDATE images SET derived_from_id = ? WHERE id = ?', [source, derived]);
    expect(await select(server, source)).toBe('INCLUDED');

    const download = await fetch(await ticket(server, IMAGE_TICKET, derived, cast.customerToken));
    expect(download.status).toBe(200);
    await download.arrayBuffer();
    expect(errorCode(await server.gql(DESELECT, { id: source }, cast.customerToken))).toBe('CONFLICT');
    expect((await server.gql(LOCKED, { id: derived }, cast.customerToken)).data!.image.locked).toBe(true);
  });
});

describe('a locked image', () => {
  it('downloads again at no cost, and staff can unlock it with a reason (audited)', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 1 });
    const id = await upload(server, cast.staffToken, job, await makeJpeg(75, 50, { r: 9, g: 9, b: 200 }), 'again.jpg');
    const spare = await upload(server, cast.staffToken, job, await makeJpeg(76, 50), 'spare.jpg');
    expect(await select(server, id)).toBe('INCLUDED');
    expect((await server.gql(LOCKED, { id }, cast.customerToken)).data!.image.locked).toBe(false);
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await fetch(await ticket(server, IMAGE_TICKET, id, cast.customerToken));
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    expect((await server.gql(LOCKED, { id }, cast.customerToken)).data!.image.locked).toBe(true);
    expect(await select(server, spare)).toBe('EXTRA_PENDING');
    expect((await server.gql(DESELECT, { id: spare }, cast.customerToken)).data!.deselectImage.selectionState).toBe('NONE');

    // Only staff unlock, and the customer cannot.
    expect(errorCode(await server.gql(UNLOCK, { id, reason: 'mine now' }, cast.customerToken))).toBe('FORBIDDEN');
    const unlocked = await server.gql(UNLOCK, { id, reason: 'The customer downloaded the wrong photo by mistake.' }, cast.staffToken);
    expect(unlocked.data!.unlockImageSelection).toEqual({ locked: false, selectionState: 'INCLUDED' });
    const audit = await server.gql('query($id: ID!) { auditEntries(filter: { imageId: $id }, first: 10) { nodes { field oldValue newValue reason actorRole } } }', { id }, cast.staffToken);
    expect(audit.data!.auditEntries.nodes).toEqual(
      expect.arrayContaining([
        { field: 'selectionLock', oldValue: 'UNLOCKED', newValue: 'LOCKED', reason: null, actorRole: 'CUSTOMER' },
        { field: 'selectionLock', oldValue: 'LOCKED', newValue: 'UNLOCKED', reason: 'The customer downloaded the wrong photo by mistake.', actorRole: 'STAFF' },
      ]),
    );
    expect((await server.gql(DESELECT, { id }, cast.customerToken)).data!.deselectImage.selectionState).toBe('NONE');
  });

  it('is not written when the lock cannot be: then nothing is sent and the image stays free to deselect', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 1 });
    const bytes = await makeJpeg(77, 50, { r: 200, g: 9, b: 9 });
    const id = await upload(server, cast.staffToken, job, bytes, 'unlockable.jpg');
    expect(await select(server, id)).toBe('INCLUDED');
    const url = await ticket(server, IMAGE_TICKET, id, cast.customerToken);
    const connection = server.services.orm.em.fork().getConnection();
    await connection.execute(`CREATE FUNCTION refuse_lock() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'lock storage unavailable'; END $$`);
    await connection.execute('CREATE TRIGGER refuse_lock BEFORE INSERT ON selection_locks FOR EACH ROW EXECUTE FUNCTION refuse_lock()');
    try {
      const response = await fetch(url);
      const body = Buffer.from(await response.arrayBuffer());
      expect(response.status).toBe(503);
      expect(httpErrorCode(body)).toBe('SERVICE_UNAVAILABLE');
      expect(body.includes(bytes.subarray(0, 64))).toBe(false);
    } finally {
      await connection.execute('DROP TRIGGER refuse_lock ON selection_locks');
      await connection.execute('DROP FUNCTION refuse_lock()');
    }
    expect((await server.gql(DESELECT, { id }, cast.customerToken)).data!.deselectImage.selectionState).toBe('NONE');
  });

  it('is the customer’s own: staff downloads lock nothing', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 1 });
    const id = await upload(server, cast.staffToken, job, await makeJpeg(78, 50), 'staff.jpg');
    expect(await select(server, id)).toBe('INCLUDED');
    const admin = await signIn(server, (await cast.make.user(UserRole.ADMIN)).email);
    const response = await fetch(await ticket(server, IMAGE_TICKET, id, admin));
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect((await server.gql(LOCKED, { id }, cast.customerToken)).data!.image.locked).toBe(false);
    expect((await server.gql(DESELECT, { id }, cast.customerToken)).data!.deselectImage.selectionState).toBe('NONE');
  });
});
