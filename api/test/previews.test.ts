import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SelectionState } from '../src/shared/domain/image-enums.js';
import { Image } from '../src/modules/images/image.entity.js';
import { User } from '../src/modules/users/user.entity.js';
import { UserRole } from '../src/shared/domain/user-role.js';
import { signIn, standardCast } from './support/factories.js';
import { errorCode, startTestServer, type GraphQLResponse, type TestServer } from './support/test-server.js';
import { uploads } from './support/uploads.js';

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
let imageId: string;
const IMAGE = 'query($id: ID!) { image(id: $id) { width height previewUrl thumbnailUrl } }';

/** A landscape photo stored with EXIF orientation 6 (shown rotated to portrait), GPS and a copyright. */
async function orientedPhoto(): Promise<Buffer> {
  const left = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#d00000' } }).png().toBuffer();
  return sharp({ create: { width: 600, height: 400, channels: 3, background: '#0000d0' } })
    .composite([{ input: left, left: 0, top: 0 }])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Copyright: 'secret-copyright' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 8/1 0/1' } })
    .toBuffer();
}

beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
  const job = await cast.make.job(cast.customer);
  const { completed } = await uploads(server).upload(cast.staffToken, await orientedPhoto(), { jobId: job.id });
  imageId = completed.data!.completeImageUpload.id;
});
afterAll(() => server?.close());

const fetchImage = async (url: string) => {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/jpeg');
  return Buffer.from(await response.arrayBuffer());
};

describe('previews', () => {
  it('honour EXIF orientation in the reported size and in the pixels', async () => {
    const image = (await server.gql(IMAGE, { id: imageId }, cast.staffToken)).data!.image;
    expect({ width: image.width, height: image.height }).toEqual({ width: 400, height: 600 });
    const preview = await fetchImage(image.previewUrl);
    const { data, info } = await sharp(preview).raw().toBuffer({ resolveWithObject: true });
    expect(info.height).toBeGreaterThan(info.width);
    const pixel = (x: number, y: number) => data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3);
    // Rotated 90° clockwise: the red left half of the stored pixels is now the top half.
    expect(pixel(info.width / 2, 20)[0]).toBeGreaterThan(150);
    expect(pixel(info.width / 2, info.height - 20)[2]).toBeGreaterThan(150);
  });

  it('carry no EXIF, GPS or other metadata, while the original keeps it', async () => {
    const image = (await server.gql(IMAGE, { id: imageId }, cast.staffToken)).data!.image;
    for (const url of [image.previewUrl, image.thumbnailUrl]) {
      const bytes = await fetchImage(url);
      const metadata = await sharp(bytes).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      expect(bytes.includes('secret-copyright')).toBe(false);
    }
    const stored = await server.services.orm.em.fork().findOneOrFail(Image, { id: imageId });
    const original = await server.services.storage.read(stored.originalKey!);
    expect(original.includes('secret-copyright')).toBe(true);
  });

  it('are watermarked for customers while the image is not released to them, and clean for staff', async () => {
    const asStaff = (await server.gql(IMAGE, { id: imageId }, cast.staffToken)).data!.image;
    const asCustomer = (await server.gql(IMAGE, { id: imageId }, cast.customerToken)).data!.image;
    const stored = await server.services.orm.em.fork().findOneOrFail(Image, { id: imageId });
    for (const [size, staffUrl, customerUrl] of [
      ['preview', asStaff.previewUrl, asCustomer.previewUrl],
      ['thumbnail', asStaff.thumbnailUrl, asCustomer.thumbnailUrl],
    ] as const) {
      const clean = await server.services.storage.read(stored.renditions[size]!.key);
      const watermarked = await server.services.storage.read(stored.renditions[`${size}_watermarked`]!.key);
      expect(clean.equals(watermarked)).toBe(false);
      expect((await fetchImage(staffUrl)).equals(clean)).toBe(true);
      expect((await fetchImage(customerUrl)).equals(watermarked)).toBe(true);
    }
  });

  it('turn clean for a customer once the image is released to them (rule 4), and back when withdrawn', async () => {
    const stored = await server.services.orm.em.fork().findOneOrFail(Image, { id: imageId });
    const clean = await server.services.storage.read(stored.renditions.thumbnail!.key);
    const watermarked = await server.services.storage.read(stored.renditions.thumbnail_watermarked!.key);
    const thumbnailFor = async () => fetchImage((await server.gql(IMAGE, { id: imageId }, cast.customerToken)).data!.image.thumbnailUrl);
    await server.services.orm.em.fork().nativeUpdate(Image, { id: imageId }, { selectionState: SelectionState.EXTRA_FREE });
    expect((await thumbnailFor()).equals(clean)).toBe(true);
    await server.services.orm.em.fork().nativeUpdate(Image, { id: imageId }, { selectionState: SelectionState.BLOCKED });
    expect((await thumbnailFor()).equals(watermarked)).toBe(true);
    await server.services.orm.em.fork().nativeUpdate(Image, { id: imageId }, { selectionState: SelectionState.NONE });
  });

  it('links are checked again when used: a clean link dies when the release is withdrawn, every link when the viewer is deactivated', async () => {
    await server.services.orm.em.fork().nativeUpdate(Image, { id: imageId }, { selectionState: SelectionState.EXTRA_FREE });
    const cleanUrl: string = (await server.gql(IMAGE, { id: imageId }, cast.customerToken)).data!.image.previewUrl;
    expect((await fetch(cleanUrl)).status).toBe(200);
    await server.services.orm.em.fork().nativeUpdate(Image, { id: imageId }, { selectionState: SelectionState.BLOCKED });
    expect((await fetch(cleanUrl)).status).toBe(403);
    const watermarkedUrl: string = (await server.gql(IMAGE, { id: imageId }, cast.customerToken)).data!.image.previewUrl;
    expect((await fetch(watermarkedUrl)).status).toBe(200);
    await server.services.orm.em.fork().nativeUpdate(Image, { id: imageId }, { selectionState: SelectionState.NONE });

    const viewer = await cast.make.user(UserRole.CUSTOMER, cast.customer);
    const url: string = (await server.gql(IMAGE, { id: imageId }, await signIn(server, viewer.email))).data!.image.thumbnailUrl;
    expect((await fetch(url)).status).toBe(200);
    await server.services.orm.em.fork().nativeUpdate(User, { id: viewer.id }, { active: false });
    expect((await fetch(url)).status).toBe(403);
  });

  it('links are refused with 403 when tampered with, expired, or for an image that is gone', async () => {
    const url: string = (await server.gql(IMAGE, { id: imageId }, cast.customerToken)).data!.image.previewUrl;
    const token = url.split('/media/')[1]!;
    const [payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    // A customer turning their watermarked link into a clean one.
    const clean = Buffer.from(JSON.stringify({ ...claims, k: 'preview' })).toString('base64url');
    for (const bad of [`${clean}.${signature}`, `${payload}.${signature}x`, 'garbage']) {
      const response = await fetch(`${server.url}/media/${bad}`);
      expect(response.status).toBe(403);
      expect(errorCode((await response.json()) as GraphQLResponse)).toBe('FORBIDDEN');
    }
    const expired = server.services.urlTokens.sign('media', { u: cast.staff.id, img: imageId, k: 'preview' }, new Date(Date.now() - 1000));
    expect((await fetch(`${server.url}/media/${expired}`)).status).toBe(403);
    const unknown = server.services.urlTokens.sign('media', { u: cast.staff.id, img: '00000000-0000-4000-8000-000000000000', k: 'preview' }, new Date(Date.now() + 60_000));
    expect((await fetch(`${server.url}/media/${unknown}`)).status).toBe(403);
  });

  it('expire within the configured 5 minutes and stay stable within a window for caching', async () => {
    const url: string = (await server.gql(IMAGE, { id: imageId }, cast.customerToken)).data!.image.thumbnailUrl;
    const claims = JSON.parse(Buffer.from(url.split('/media/')[1]!.split('.')[0]!, 'base64url').toString());
    const secondsLeft = claims.exp - Date.now() / 1000;
    expect(secondsLeft).toBeLessThanOrEqual(300);
    expect(secondsLeft).toBeGreaterThan(200);

    const image = await server.services.orm.em.fork().findOneOrFail(Image, { id: imageId });
    const windowStart = Math.ceil(Date.now() / 60_000) * 60_000;
    const at = (ms: number) => server.services.media.renditionUrl(cast.customerUser, image, 'thumbnail', () => false, ms);
    expect(await at(windowStart + 1_000)).toBe(await at(windowStart + 50_000));
    expect(await at(windowStart + 1_000)).not.toBe(await at(windowStart + 61_000));
  });

  it('state their expiry: mediaUrlsExpireAt is the exp of every URL in the answer, and null for an image without URLs', async () => {
    const GALLERY = 'query($id: ID!) { image(id: $id) { job { images(first: 50) { nodes { status thumbnailUrl previewUrl mediaUrlsExpireAt } } } } }';
    const nodes: { status: string; thumbnailUrl: string | null; previewUrl: string | null; mediaUrlsExpireAt: string | null }[] = (await server.gql(GALLERY, { id: imageId }, cast.staffToken)).data!.image.job.images.nodes;
    const expOf = (url: string) => JSON.parse(Buffer.from(url.split('/media/')[1]!.split('.')[0]!, 'base64url').toString()).exp * 1000;
    for (const node of nodes) {
      if (node.status !== 'READY') {
        expect(node.mediaUrlsExpireAt).toBeNull();
        continue;
      }
      expect(new Date(node.mediaUrlsExpireAt!).getTime()).toBe(expOf(node.thumbnailUrl!));
      expect(new Date(node.mediaUrlsExpireAt!).getTime()).toBe(expOf(node.previewUrl!));
    }
    expect(nodes.some((node) => node.status === 'READY')).toBe(true);
  });
});
