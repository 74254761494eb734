import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity.js';
import { Image } from '../src/modules/images/image.entity.js';
import type { Job } from '../src/modules/jobs/job.entity.js';
import { ImageStatus, SelectionState } from '../src/shared/domain/image-enums.js';
import { RENDITION_KINDS } from '../src/shared/domain/rendition-kind.js';
import { storageKeys } from '../src/storage/storage-keys.js';
import { ENHANCE_IMAGE, ENHANCEMENT_TEST_ENV } from './support/enhancements.js';
import { standardCast } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, sha256, uploads } from './support/uploads.js';
import { readZip } from './support/zip.js';

const REMOVE = 'mutation($id: ID!, $reason: String, $replacementId: ID) { removeImage(imageId: $id, reason: $reason, replacementId: $replacementId) { removedImageIds deleted replacement { id selectionState } } }';
const SELECT = 'mutation($id: ID!) { selectImage(imageId: $id) { selectionState } }';
const TICKET = 'mutation($id: ID!) { imageDownloadUrl(imageId: $id) { url } }';
const ARCHIVE_TICKET = 'mutation($id: ID!) { jobArchiveDownload(jobId: $id) { url } }';
const IMAGE = 'query($id: ID!) { image(id: $id) { id status selectionState } }';
const JOB_IMAGES = 'query($id: ID!) { job(id: $id) { images(first: 50) { nodes { id } } } }';

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
const em = () => server.services.orm.em.fork();
const sql = (query: string, params: unknown[] = []) => em().getConnection().execute(query, params);
const trail = (imageId: string) => em().find(AuditEntry, { imageId }, { orderBy: { sequence: 'asc' } });
const summary = (rows: AuditEntry[]) => rows.map((row) => [row.field, row.oldValue, row.newValue, row.reason]);

let made = 0;
async function upload(job: Job): Promise<string> {
  made++;
  const bytes = await makeJpeg(60 + made, 40, { r: (made * 53) % 256, g: 90, b: (made * 29) % 256 });
  const { completed } = await uploads(server).upload(cast.staffToken, bytes, { jobId: job.id, filename: `shot-${made}.jpg` });
  const image = completed.data!.completeImageUpload;
  expect(image.status).toBe('READY');
  return image.id;
}

async function storedKeys(job: Job, imageId: string): Promise<string[]> {
  const listed = await server.services.storage.list(`customers/${job.customer.id}/jobs/${job.id}/`);
  const mine = [storageKeys.original(job.customer.id, job.id, imageId), ...RENDITION_KINDS.map((kind) => storageKeys.rendition(job.customer.id, job.id, imageId, kind))];
  return listed.filter((key) => mine.includes(key));
}

async function archiveShas(jobId: string): Promise<string[]> {
  const response = await server.gql(ARCHIVE_TICKET, { id: jobId }, cast.customerToken);
  const body = Buffer.from(await (await fetch(response.data!.jobArchiveDownload.url)).arrayBuffer());
  return readZip(body).map((entry) => sha256(entry.data)).sort();
}

beforeAll(async () => {
  // Enhancement workers off, so an enhancement stays QUEUED; renders still run.
  server = await startTestServer({ ...ENHANCEMENT_TEST_ENV, ENHANCEMENT_WORKERS_IN_SERVER: 'false' }, 'proxied', { captureLogs: true });
  await server.services.renderWorker.start();
  cast = await standardCast(server);
});
afterAll(() => server?.close());

describe('removing a wrong upload', () => {
  it('deletes an upload nothing happened to yet, with its files; the removal stays in the audit trail', async () => {
    const job = await cast.make.job(cast.customer);
    const id = await upload(job);
    expect((await storedKeys(job, id)).length).toBeGreaterThan(1);
    const response = await server.gql(REMOVE, { id, reason: 'Wrong shoot' }, cast.staffToken);
    const removed = response.data!.removeImage;
    expect(removed).toEqual({ removedImageIds: [id], deleted: true, replacement: null });
    expect(await em().findOne(Image, { id })).toBeNull();
    expect(await storedKeys(job, id)).toEqual([]);
    expect(errorCode(await server.gql(IMAGE, { id }, cast.staffToken))).toBe('NOT_FOUND');
    expect(summary(await trail(id))).toEqual([['status', 'READY', 'DELETED', 'Wrong shoot']]);
  });

  it('keeps a selected and downloaded image as REMOVED: gone for the customer (lists, tickets, ZIP), its place given back, every step audited', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 1 });
    const [wrong, other] = [await upload(job), await upload(job)];
    expect((await server.gql(SELECT, { id: wrong }, cast.customerToken)).data!.selectImage.selectionState).toBe('INCLUDED');
    const ticket = (await server.gql(TICKET, { id: wrong }, cast.customerToken)).data!.imageDownloadUrl.url as string;
    await (await fetch(ticket)).arrayBuffer();
    expect(await archiveShas(job.id)).toHaveLength(1);

    const removed = (await server.gql(REMOVE, { id: wrong, reason: 'Another client’s photo' }, cast.staffToken)).data!.removeImage;
    expect(removed).toEqual({ removedImageIds: [wrong], deleted: false, replacement: null });
    expect((await server.gql(IMAGE, { id: wrong }, cast.staffToken)).data!.image).toEqual({ id: wrong, status: 'REMOVED', selectionState: 'NONE' });
    expect(summary(await trail(wrong))).toEqual([
      ['selectionState', 'NONE', 'INCLUDED', null],
      ['selectionLock', 'UNLOCKED', 'LOCKED', null],
      ['selectionState', 'INCLUDED', 'NONE', 'Another client’s photo'],
      ['status', 'READY', 'REMOVED', 'Another client’s photo'],
    ]);
    // The customer: not in the job, not by id, no new ticket, and the URL issued before is dead.
    expect((await server.gql(JOB_IMAGES, { id: job.id }, cast.customerToken)).data!.job.images.nodes).toEqual([{ id: other }]);
    expect(errorCode(await server.gql(IMAGE, { id: wrong }, cast.customerToken))).toMatch(/NOT_FOUND|FORBIDDEN/);
    expect(errorCode(await server.gql(TICKET, { id: wrong }, cast.customerToken))).toMatch(/NOT_FOUND|FORBIDDEN/);
    expect((await fetch(ticket)).status).toBe(403);
    expect(await archiveShas(job.id).catch(() => [])).toEqual([]);
    // The place in the package is free again.
    expect((await server.gql(SELECT, { id: other }, cast.customerToken)).data!.selectImage.selectionState).toBe('INCLUDED');
    // The files stay for the record; a second removal changes and writes nothing.
    expect((await storedKeys(job, wrong)).length).toBeGreaterThan(1);
    expect((await server.gql(REMOVE, { id: wrong, reason: 'again' }, cast.staffToken)).data!.removeImage.deleted).toBe(false);
    expect(await trail(wrong)).toHaveLength(4);
  });

  it('a replacement from the same job takes over the removed image’s place in the package', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 1 });
    const [wrong, right] = [await upload(job), await upload(job)];
    await server.gql(SELECT, { id: wrong }, cast.customerToken);
    const removed = (await server.gql(REMOVE, { id: wrong, reason: 'Unretouched version', replacementId: right }, cast.staffToken)).data!.removeImage;
    expect(removed).toEqual({ removedImageIds: [wrong], deleted: false, replacement: { id: right, selectionState: 'INCLUDED' } });
    expect(summary(await trail(right))).toEqual([['selectionState', 'NONE', 'INCLUDED', 'Unretouched version']]);
    expect((await em().findOneOrFail(Image, { id: wrong })).status).toBe(ImageStatus.REMOVED);
  });

  it('refuses replacements that are not another plain upload of the same job, changing nothing', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 5 });
    const [wrong, selected] = [await upload(job), await upload(job)];
    const foreign = await upload(await cast.make.job(cast.otherCustomer));
    await server.gql(SELECT, { id: wrong }, cast.customerToken);
    await server.gql(SELECT, { id: selected }, cast.customerToken);
    for (const replacementId of [foreign, selected, wrong, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const response = await server.gql(REMOVE, { id: wrong, reason: 'x', replacementId }, cast.staffToken);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0]!.extensions).toMatchObject({ field: 'replacementId' });
    }
    const stored = await em().findOneOrFail(Image, { id: wrong });
    expect([stored.status, stored.selectionState]).toEqual([ImageStatus.READY, SelectionState.INCLUDED]);
    expect(await trail(wrong)).toHaveLength(1);
  });

  it('a removed image takes no selection state from staff, alone or in a bulk change (all or nothing)', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 3 });
    const [removed, kept] = [await upload(job), await upload(job)];
    await server.gql(SELECT, { id: removed }, cast.customerToken);
    await server.gql(REMOVE, { id: removed, reason: 'wrong' }, cast.staffToken);
    const single = await server.gql('mutation($id: ID!) { setImageSelectionState(imageId: $id, state: INCLUDED, reason: "x") { id } }', { id: removed }, cast.staffToken);
    expect(single.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMAGE_REMOVED' });
    const bulk = await server.gql('mutation($ids: [ID!]!) { setImagesSelectionState(imageIds: $ids, state: EXTRA_FREE, reason: "x") { id } }', { ids: [kept, removed] }, cast.staffToken);
    expect(bulk.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMAGE_REMOVED', imageIds: [removed] });
    const states = await em().find(Image, { id: { $in: [removed, kept] } });
    expect(states.map((image) => [image.id, image.selectionState]).sort()).toEqual([[kept, SelectionState.NONE], [removed, SelectionState.NONE]].sort());
  });

  it('customers cannot remove, not even their own job’s images; unknown ids are NOT_FOUND', async () => {
    const job = await cast.make.job(cast.customer);
    const id = await upload(job);
    expect(errorCode(await server.gql(REMOVE, { id }, cast.customerToken))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(REMOVE, { id }, cast.otherCustomerToken))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(REMOVE, { id }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await server.gql(REMOVE, { id: '00000000-0000-4000-8000-000000000000' }, cast.staffToken))).toBe('NOT_FOUND');
    expect((await em().findOneOrFail(Image, { id })).status).toBe(ImageStatus.READY);
  });

  it('waits for a running enhancement: CONFLICT ENHANCEMENT_RUNNING', async () => {
    const job = await cast.make.job(cast.customer);
    const id = await upload(job);
    expect((await server.gql(ENHANCE_IMAGE, { imageId: id, modelId: 'esrgan-2x' }, cast.staffToken)).data!.enhanceImage.status).toBe('QUEUED');
    const response = await server.gql(REMOVE, { id, reason: 'x' }, cast.staffToken);
    expect(errorCode(response)).toBe('CONFLICT');
    expect(response.errors![0]!.extensions.reason).toBe('ENHANCEMENT_RUNNING');
    expect((await em().findOneOrFail(Image, { id })).status).toBe(ImageStatus.READY);
  });

  it('when the audit row cannot be written nothing is removed, deleted or released elsewhere', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 1 });
    const [untouched, selected, right] = [await upload(job), await upload(job), await upload(job)];
    await server.gql(SELECT, { id: selected }, cast.customerToken);
    await sql(`CREATE FUNCTION fail_marked_removal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.reason = 'inject-failure' THEN RAISE EXCEPTION 'injected audit failure'; END IF; RETURN NEW; END $$`);
    await sql('CREATE TRIGGER fail_marked_removal BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION fail_marked_removal()');
    try {
      expect(errorCode(await server.gql(REMOVE, { id: untouched, reason: 'inject-failure' }, cast.staffToken))).toBe('INTERNAL_SERVER_ERROR');
      expect(errorCode(await server.gql(REMOVE, { id: selected, reason: 'inject-failure', replacementId: right }, cast.staffToken))).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await sql('DROP TRIGGER fail_marked_removal ON audit_entries');
      await sql('DROP FUNCTION fail_marked_removal()');
    }
    const states = await em().find(Image, { id: { $in: [untouched, selected, right] } });
    expect(Object.fromEntries(states.map((image) => [image.id, [image.status, image.selectionState]]))).toEqual({
      [untouched]: [ImageStatus.READY, SelectionState.NONE],
      [selected]: [ImageStatus.READY, SelectionState.INCLUDED],
      [right]: [ImageStatus.READY, SelectionState.NONE],
    });
    expect((await storedKeys(job, untouched)).length).toBeGreaterThan(1);
  });
});
