import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SelectionState } from '../src/shared/domain/image-enums.js';
import { Image } from '../src/modules/images/image.entity.js';
import type { Job } from '../src/modules/jobs/job.entity.js';
import { Job as JobEntity } from '../src/modules/jobs/job.entity.js';
import { standardCast } from './support/factories.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, sha256, uploads } from './support/uploads.js';

/**
 * Rule 4 as amended: a customer gets clean renditions only of images they can no longer lose —
 * locked by a download, EXTRA_PAID, EXTRA_FREE, or in a job with allImagesIncluded — never of
 * BLOCKED ones. An INCLUDED image that could still be deselected stays watermarked, or select →
 * look at the clean preview → deselect → repeat hands out the whole shoot at preview size.
 */

const IMAGE = 'query($id: ID!) { image(id: $id) { previewUrl thumbnailUrl } }';
const SELECT = 'mutation($id: ID!) { selectImage(imageId: $id) { selectionState } }';
const DESELECT = 'mutation($id: ID!) { deselectImage(imageId: $id) { selectionState } }';
const TICKET = 'mutation($id: ID!) { imageDownloadUrl(imageId: $id) { url } }';

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
const em = () => server.services.orm.em.fork();

beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
});
afterAll(() => server?.close());

let made = 0;
async function upload(job: Job): Promise<string> {
  made++;
  const bytes = await makeJpeg(120 + made, 80, { r: (made * 41) % 256, g: (made * 67) % 256, b: 120 });
  const { completed } = await uploads(server).upload(cast.staffToken, bytes, { jobId: job.id, filename: `p${made}.jpg` });
  return completed.data!.completeImageUpload.id;
}

/** Which renditions a viewer's preview and thumbnail URLs serve: 'clean' or 'watermarked', by their bytes. */
async function variantSeen(id: string, token: string): Promise<{ preview: string; thumbnail: string }> {
  const shown = (await server.gql(IMAGE, { id }, token)).data!.image;
  const stored = await em().findOneOrFail(Image, { id });
  const seen = {} as { preview: string; thumbnail: string };
  for (const size of ['preview', 'thumbnail'] as const) {
    const response = await fetch(shown[`${size}Url`]);
    expect(response.status).toBe(200);
    const bytes = sha256(Buffer.from(await response.arrayBuffer()));
    const clean = sha256(await server.services.storage.read(stored.renditions[size]!.key));
    const watermarked = sha256(await server.services.storage.read(stored.renditions[`${size}_watermarked`]!.key));
    expect([clean, watermarked]).toContain(bytes);
    seen[size] = bytes === clean ? 'clean' : 'watermarked';
  }
  return seen;
}
const both = (variant: string) => ({ preview: variant, thumbnail: variant });

describe('clean renditions go only to images the customer can no longer lose', () => {
  it('an INCLUDED image stays watermarked until a download locks it; select → preview → deselect never yields a clean one', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 1 });
    const id = await upload(job);
    for (let round = 0; round < 3; round++) {
      expect((await server.gql(SELECT, { id }, cast.customerToken)).data!.selectImage.selectionState).toBe('INCLUDED');
      expect(await variantSeen(id, cast.customerToken)).toEqual(both('watermarked'));
      expect((await server.gql(DESELECT, { id }, cast.customerToken)).data!.deselectImage.selectionState).toBe('NONE');
    }
    expect((await server.gql(SELECT, { id }, cast.customerToken)).data!.selectImage.selectionState).toBe('INCLUDED');
    const download = await fetch((await server.gql(TICKET, { id }, cast.customerToken)).data!.imageDownloadUrl.url);
    await download.arrayBuffer();
    expect(await variantSeen(id, cast.customerToken)).toEqual(both('clean'));
    // Staff always see the clean renditions.
    expect(await variantSeen(id, cast.staffToken)).toEqual(both('clean'));
  });

  it.each([
    [SelectionState.EXTRA_PAID, false, 'clean'],
    [SelectionState.EXTRA_FREE, false, 'clean'],
    [SelectionState.NONE, true, 'clean'],
    [SelectionState.INCLUDED, true, 'clean'],
    [SelectionState.BLOCKED, true, 'watermarked'],
    [SelectionState.EXTRA_PENDING, false, 'watermarked'],
    [SelectionState.NONE, false, 'watermarked'],
  ])('%s with allImagesIncluded %s: %s', async (state, allImagesIncluded, expected) => {
    const job = await cast.make.job(cast.customer, { includedImages: 5, allImagesIncluded });
    const id = await upload(job);
    await em().nativeUpdate(Image, { id }, { selectionState: state });
    expect(await variantSeen(id, cast.customerToken)).toEqual(both(expected));
  });

  it('a clean link handed out while the image was locked stops working once staff unlock it', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 1 });
    const id = await upload(job);
    await server.gql(SELECT, { id }, cast.customerToken);
    await (await fetch((await server.gql(TICKET, { id }, cast.customerToken)).data!.imageDownloadUrl.url)).arrayBuffer();
    const clean = (await server.gql(IMAGE, { id }, cast.customerToken)).data!.image.previewUrl;
    expect((await fetch(clean)).status).toBe(200);
    const unlocked = await server.gql('mutation($id: ID!) { unlockImageSelection(imageId: $id, reason: "test") { locked } }', { id }, cast.staffToken);
    expect(unlocked.data!.unlockImageSelection.locked).toBe(false);
    expect((await fetch(clean)).status).toBe(403);
    expect(await variantSeen(id, cast.customerToken)).toEqual(both('watermarked'));
  });

  it('an enhanced copy follows its source: watermarked while the source could be deselected, clean once it is locked', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 2 });
    const source = await upload(job);
    const derived = await upload(job);
    await em().getConnection().execute('UPDATE images SET derived_from_id = ? WHERE id = ?', [source, derived]);
    await server.gql(SELECT, { id: source }, cast.customerToken);
    expect(await variantSeen(derived, cast.customerToken)).toEqual(both('watermarked'));
    await (await fetch((await server.gql(TICKET, { id: derived }, cast.customerToken)).data!.imageDownloadUrl.url)).arrayBuffer();
    expect(await variantSeen(derived, cast.customerToken)).toEqual(both('clean'));
    expect(await variantSeen(source, cast.customerToken)).toEqual(both('clean'));
    // Staff withhold the copy itself: watermarked again, although its source is locked.
    await em().nativeUpdate(Image, { id: derived }, { selectionState: SelectionState.BLOCKED });
    expect(await variantSeen(derived, cast.customerToken)).toEqual(both('watermarked'));
    await em().nativeUpdate(JobEntity, { id: job.id }, { allImagesIncluded: true });
    expect(await variantSeen(derived, cast.customerToken)).toEqual(both('watermarked'));
  });
});
