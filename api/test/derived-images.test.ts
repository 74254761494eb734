import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SelectionState } from '../src/shared/domain/image-enums.js';
import { Image } from '../src/modules/images/image.entity.js';
import { standardCast } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, sha256, uploads } from './support/uploads.js';
import { readZip } from './support/zip.js';

/**
 * Enhancement results are images `derivedFrom` their source (issue 6, item 5): downloadable when the
 * source is and staff have not blocked the derived image itself, using no package room. Here the
 * derived image is an uploaded image linked to its source by SQL; how tasks make them is tested in
 * the enhancement tests, the policy over random worlds in the property test.
 */
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;

const em = () => server.services.orm.em.fork();
const setState = (id: string, selectionState: SelectionState) => em().nativeUpdate(Image, { id }, { selectionState });
const IMAGE = 'query($id: ID!) { image(id: $id) { downloadable thumbnailUrl job { includedCount downloadableCount } } }';
const GALLERY = 'query($id: ID!) { job(id: $id) { images(first: 10) { nodes { id downloadable thumbnailUrl } } } }';
const IMAGE_TICKET = 'mutation($id: ID!) { imageDownloadUrl(imageId: $id) { url } }';
const ARCHIVE_TICKET = 'mutation($id: ID!) { jobArchiveDownload(jobId: $id) { url } }';
const SELECT = 'mutation($id: ID!) { selectImage(imageId: $id) { selectionState } }';
const SET_STATE = 'mutation($id: ID!, $state: SelectionState!) { setImageSelectionState(imageId: $id, state: $state) { selectionState } }';

async function sourceAndDerived() {
  const job = await cast.make.job(cast.customer, { includedImages: 1 });
  const upload = async (colour: number) => {
    const bytes = await makeJpeg(48, 32, { r: colour, g: 60, b: 200 });
    const { completed } = await uploads(server).upload(cast.staffToken, bytes, { jobId: job.id });
    return { id: completed.data!.completeImageUpload.id as string, sha: sha256(bytes) };
  };
  const source = await upload(10);
  const derived = await upload(220);
  await em().getConnection().execute('UPDATE images SET derived_from_id = ? WHERE id = ?', [source.id, derived.id]);
  return { job, source, derived };
}

async function archiveShas(jobId: string): Promise<string[] | string> {
  const response = await server.gql(ARCHIVE_TICKET, { id: jobId }, cast.customerToken);
  if (!response.data?.jobArchiveDownload) return errorCode(response)!;
  const body = Buffer.from(await (await fetch(response.data.jobArchiveDownload.url)).arrayBuffer());
  return readZip(body).map((entry) => sha256(entry.data)).sort();
}

beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
});
afterAll(() => server?.close());

describe('derived images', () => {
  it('are told apart from uploads by the derived filter, in a job’s gallery and across jobs', async () => {
    const { job, source, derived } = await sourceAndDerived();
    const JOB_IMAGES = 'query($id: ID!, $derived: Boolean) { job(id: $id) { images(first: 10, filter: { derived: $derived }) { totalCount nodes { id } } } }';
    const ALL_IMAGES = 'query($id: ID!, $derived: Boolean) { images(first: 10, filter: { jobId: $id, derived: $derived }) { totalCount nodes { id } } }';
    for (const [query, root] of [[JOB_IMAGES, (data: any) => data.job.images], [ALL_IMAGES, (data: any) => data.images]] as const) {
      const listed = async (derivedOnly?: boolean) => root((await server.gql(query, { id: job.id, derived: derivedOnly }, cast.staffToken)).data!);
      expect((await listed(false)).nodes.map((node: { id: string }) => node.id)).toEqual([source.id]);
      expect(await listed(true)).toEqual({ totalCount: 1, nodes: [{ id: derived.id }] });
      expect((await listed()).totalCount).toBe(2);
    }
  });

  it('of a source that is not released are not downloadable on any path', async () => {
    const { job, derived } = await sourceAndDerived();
    // The derived image's own state cannot release it: only its source's can.
    await setState(derived.id, SelectionState.EXTRA_FREE);

    const image = await server.gql(IMAGE, { id: derived.id }, cast.customerToken);
    expect(image.data!.image.downloadable).toBe(false);
    const gallery = await server.gql(GALLERY, { id: job.id }, cast.customerToken);
    const listed = gallery.data!.job.images.nodes.find((node: { id: string }) => node.id === derived.id);
    expect(listed.downloadable).toBe(false);
    expect(listed.thumbnailUrl).toBe(image.data!.image.thumbnailUrl);
    const thumbnail = Buffer.from(await (await fetch(listed.thumbnailUrl)).arrayBuffer());
    const stored = await em().findOneOrFail(Image, { id: derived.id });
    expect(sha256(thumbnail), 'watermarked preview only').toBe(sha256(await server.services.storage.read(stored.renditions.thumbnail_watermarked!.key)));

    expect(errorCode(await server.gql(IMAGE_TICKET, { id: derived.id }, cast.customerToken))).toBe('FORBIDDEN');
    expect(await archiveShas(job.id)).toBe('FORBIDDEN');
  });

  it('follow their source once it is released, use no package room, and go into the ZIP', async () => {
    const { job, source, derived } = await sourceAndDerived();
    expect((await server.gql(SELECT, { id: source.id }, cast.customerToken)).data!.selectImage.selectionState).toBe('INCLUDED');

    const image = await server.gql(IMAGE, { id: derived.id }, cast.customerToken);
    expect(image.data!.image).toMatchObject({ downloadable: true, job: { includedCount: 1, downloadableCount: 2 } });
    const ticket = await server.gql(IMAGE_TICKET, { id: derived.id }, cast.customerToken);
    const bytes = Buffer.from(await (await fetch(ticket.data!.imageDownloadUrl.url)).arrayBuffer());
    expect(sha256(bytes)).toBe(derived.sha);
    expect(await archiveShas(job.id)).toEqual([source.sha, derived.sha].sort());
  });

  it('blocked by staff stay withheld while their source is released', async () => {
    const { job, source, derived } = await sourceAndDerived();
    await setState(source.id, SelectionState.EXTRA_PAID);
    expect((await server.gql(SET_STATE, { id: derived.id, state: 'BLOCKED' }, cast.staffToken)).data!.setImageSelectionState.selectionState).toBe('BLOCKED');

    expect((await server.gql(IMAGE, { id: derived.id }, cast.customerToken)).data!.image.downloadable).toBe(false);
    expect(errorCode(await server.gql(IMAGE_TICKET, { id: derived.id }, cast.customerToken))).toBe('FORBIDDEN');
    expect(await archiveShas(job.id)).toEqual([source.sha]);
  });

  it('cannot be selected by customers, nor given package states by staff', async () => {
    const { derived } = await sourceAndDerived();
    const selected = await server.gql(SELECT, { id: derived.id }, cast.customerToken);
    expect(selected.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DERIVED_IMAGE' });
    for (const state of ['INCLUDED', 'EXTRA_PENDING', 'EXTRA_PAID', 'EXTRA_FREE']) {
      const response = await server.gql(SET_STATE, { id: derived.id, state }, cast.staffToken);
      expect(response.errors?.[0]?.extensions, state).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DERIVED_IMAGE' });
    }
    const stored = await em().findOneOrFail(Image, { id: derived.id });
    expect(stored.selectionState).toBe(SelectionState.NONE);
  });
});
