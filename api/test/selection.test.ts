import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity.js';
import { SelectionState } from '../src/shared/domain/image-enums.js';
import { Image } from '../src/modules/images/image.entity.js';
import { Job } from '../src/modules/jobs/job.entity.js';
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

const SELECT = 'mutation($id: ID!) { selectImage(imageId: $id) { id selectionState downloadable } }';
const DESELECT = 'mutation($id: ID!) { deselectImage(imageId: $id) { id selectionState } }';
const COUNTS = 'query($id: ID!) { job(id: $id) { version includedCount pendingExtraCount downloadableCount } }';

async function jobWithImages(count: number, options: { includedImages: number; allImagesIncluded?: boolean }) {
  const job = await cast.make.job(cast.customer, options);
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const { completed } = await uploads(server).upload(cast.staffToken, await makeJpeg(40, 30), { jobId: job.id });
    ids.push(completed.data!.completeImageUpload.id);
  }
  return { job, ids };
}
const setState = (id: string, selectionState: SelectionState) => server.services.orm.em.fork().nativeUpdate(Image, { id }, { selectionState });

describe('selecting (rule 5)', () => {
  it('includes images while the package has room, then requests extras; counts follow', async () => {
    const { job, ids } = await jobWithImages(3, { includedImages: 2 });
    const states = [];
    for (const id of ids) states.push((await server.gql(SELECT, { id }, cast.customerToken)).data!.selectImage);
    expect(states.map((state) => state.selectionState)).toEqual(['INCLUDED', 'INCLUDED', 'EXTRA_PENDING']);
    expect(states.map((state) => state.downloadable)).toEqual([true, true, false]);
    const counts = (await server.gql(COUNTS, { id: job.id }, cast.customerToken)).data!.job;
    expect(counts).toMatchObject({ includedCount: 2, pendingExtraCount: 1, downloadableCount: 2, version: job.version });
  });

  it('selecting twice changes nothing and writes one audit row per real change', async () => {
    const { ids } = await jobWithImages(1, { includedImages: 1 });
    await server.gql(SELECT, { id: ids[0] }, cast.customerToken);
    await server.gql(SELECT, { id: ids[0] }, cast.customerToken);
    const rows = await server.services.orm.em.fork().find(AuditEntry, { imageId: ids[0] });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ field: 'selectionState', oldValue: 'NONE', newValue: 'INCLUDED', actorName: cast.customerUser.name, actorRole: 'CUSTOMER' });
  });

  it('deselecting frees room; extras and staff decisions are not the customer’s to change', async () => {
    const { ids } = await jobWithImages(3, { includedImages: 1 });
    await setState(ids[1]!, SelectionState.EXTRA_FREE);
    await setState(ids[2]!, SelectionState.BLOCKED);
    expect((await server.gql(SELECT, { id: ids[0] }, cast.customerToken)).data!.selectImage.selectionState).toBe('INCLUDED');
    expect((await server.gql(DESELECT, { id: ids[0] }, cast.customerToken)).data!.deselectImage.selectionState).toBe('NONE');
    for (const id of [ids[1], ids[2]]) {
      expect(errorCode(await server.gql(DESELECT, { id }, cast.customerToken))).toBe('FORBIDDEN');
      expect(errorCode(await server.gql(SELECT, { id }, cast.customerToken))).toBe('FORBIDDEN');
    }
  });

  it('EXTRA_PAID and EXTRA_FREE use no package room', async () => {
    const { ids } = await jobWithImages(3, { includedImages: 1 });
    await setState(ids[0]!, SelectionState.EXTRA_PAID);
    await setState(ids[1]!, SelectionState.EXTRA_FREE);
    expect((await server.gql(SELECT, { id: ids[2] }, cast.customerToken)).data!.selectImage.selectionState).toBe('INCLUDED');
  });

  it('is for customers on their own images only', async () => {
    const { ids } = await jobWithImages(1, { includedImages: 5 });
    expect(errorCode(await server.gql(SELECT, { id: ids[0] }, cast.otherCustomerToken))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(SELECT, { id: ids[0] }, cast.staffToken))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(SELECT, { id: ids[0] }))).toBe('UNAUTHENTICATED');
  });

  it('twelve parallel selections on separate connections never exceed the package, and leave the version alone', async () => {
    const { job, ids } = await jobWithImages(12, { includedImages: 5 });
    const results = await Promise.all(ids.map((id) => server.gql(SELECT, { id }, cast.customerToken)));
    expect(results.every((result) => !result.errors)).toBe(true);
    const states = results.map((result) => result.data!.selectImage.selectionState);
    expect(states.filter((state) => state === 'INCLUDED')).toHaveLength(5);
    expect(states.filter((state) => state === 'EXTRA_PENDING')).toHaveLength(7);
    const stored = await server.services.orm.em.fork().find(Image, { job: job.id, selectionState: SelectionState.INCLUDED });
    expect(stored).toHaveLength(5);
    expect((await server.services.orm.em.fork().findOneOrFail(Job, { id: job.id })).version).toBe(job.version);
  });
});
