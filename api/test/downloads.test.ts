import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageStatus, SelectionState } from '../src/shared/domain/image-enums.js';
import { Image } from '../src/modules/images/image.entity.js';
import { Job } from '../src/modules/jobs/job.entity.js';
import { User } from '../src/modules/users/user.entity.js';
import { UserRole } from '../src/shared/domain/user-role.js';
import { signIn, standardCast } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, sha256, uploads } from './support/uploads.js';
import { readZip } from './support/zip.js';

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
const originals = new Map<string, string>(); // image id → SHA-256 of the original

const IMAGE_TICKET = 'mutation($id: ID!) { imageDownloadUrl(imageId: $id) { url expiresAt filename } }';
const ARCHIVE_TICKET = 'mutation($id: ID!) { jobArchiveDownload(jobId: $id) { url expiresAt filename } }';
const em = () => server.services.orm.em.fork();
const setState = (id: string, selectionState: SelectionState) => em().nativeUpdate(Image, { id }, { selectionState });

async function addImage(jobId: string, state: SelectionState, filename = 'photo.jpg'): Promise<string> {
  const bytes = await makeJpeg(64 + originals.size, 48, { r: (originals.size * 37) % 255, g: 90, b: 160 });
  const { completed } = await uploads(server).upload(cast.staffToken, bytes, { jobId, filename });
  const id = completed.data!.completeImageUpload.id;
  originals.set(id, sha256(bytes));
  await setState(id, state);
  return id;
}

async function ticketUrl(mutation: string, id: string, token: string): Promise<string> {
  const response = await server.gql(mutation, { id }, token);
  const ticket = response.data?.imageDownloadUrl ?? response.data?.jobArchiveDownload;
  if (!ticket) throw new Error(JSON.stringify(response.errors));
  return ticket.url;
}

async function fetchBytes(url: string) {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

let job: Job;
const ids = {} as Record<'included' | 'none' | 'pending' | 'free' | 'paid' | 'blocked', string>;

beforeAll(async () => {
  server = await startTestServer({}, 'proxied', { captureLogs: true });
  cast = await standardCast(server);
  job = await cast.make.job(cast.customer, { includedImages: 5 });
  ids.included = await addImage(job.id, SelectionState.INCLUDED, 'living room.jpg');
  ids.none = await addImage(job.id, SelectionState.NONE);
  ids.pending = await addImage(job.id, SelectionState.EXTRA_PENDING);
  ids.free = await addImage(job.id, SelectionState.EXTRA_FREE, 'living room.jpg');
  ids.paid = await addImage(job.id, SelectionState.EXTRA_PAID, '../../secret/kitchen.png');
  ids.blocked = await addImage(job.id, SelectionState.BLOCKED);
});
afterAll(() => server?.close());

describe('single image downloads', () => {
  it('deliver the exact original of a released image as an attachment, and record the delivery', async () => {
    const response = await server.gql(IMAGE_TICKET, { id: ids.included }, cast.customerToken);
    const ticket = response.data!.imageDownloadUrl;
    expect(ticket.filename).toBe('living room.jpg');
    expect(new Date(ticket.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(300_000);
    const download = await fetchBytes(ticket.url);
    expect(download.status).toBe(200);
    expect(sha256(download.body)).toBe(originals.get(ids.included));
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="living room.jpg"; filename*=UTF-8''living%20room.jpg`);
    expect(download.headers.get('cache-control')).toBe('no-store');
    // The delivery is recorded asynchronously after the response finishes.
    await expect
      .poll(async () => (await server.gql('query($id: ID!) { image(id: $id) { deliveries { path byteSize user { id } } } }', { id: ids.included }, cast.staffToken)).data!.image.deliveries, { timeout: 10_000 })
      .toEqual([{ path: 'IMAGE', byteSize: download.body.length, user: { id: cast.customerUser.id } }]);
  });

  it.each(['none', 'pending', 'blocked'] as const)('refuse a %s image to its customer', async (key) => {
    expect(errorCode(await server.gql(IMAGE_TICKET, { id: ids[key] }, cast.customerToken))).toBe('FORBIDDEN');
  });

  it.each(['free', 'paid'] as const)('allow an EXTRA_%s image', async (key) => {
    const download = await fetchBytes(await ticketUrl(IMAGE_TICKET, ids[key], cast.customerToken));
    expect(sha256(download.body)).toBe(originals.get(ids[key]));
  });

  it("refuse another customer's image exactly like an unknown id", async () => {
    const unknown = await server.gql(IMAGE_TICKET, { id: '6f1c7a4e-0000-4000-8000-000000000000' }, cast.otherCustomerToken);
    const foreign = await server.gql(IMAGE_TICKET, { id: ids.included }, cast.otherCustomerToken);
    expect(errorCode(foreign)).toBe('FORBIDDEN');
    expect(JSON.stringify(foreign.errors)).toBe(JSON.stringify(unknown.errors));
  });

  it('let staff download any image, released or not', async () => {
    for (const key of ['none', 'blocked'] as const) {
      const download = await fetchBytes(await ticketUrl(IMAGE_TICKET, ids[key], cast.staffToken));
      expect(sha256(download.body)).toBe(originals.get(ids[key]));
    }
  });
});

describe('allImagesIncluded', () => {
  it('releases every image except the ones staff blocked', async () => {
    const all = await cast.make.job(cast.customer, { allImagesIncluded: true, includedImages: 0 });
    const plain = await addImage(all.id, SelectionState.NONE);
    const blocked = await addImage(all.id, SelectionState.BLOCKED);
    expect((await fetchBytes(await ticketUrl(IMAGE_TICKET, plain, cast.customerToken))).status).toBe(200);
    expect(errorCode(await server.gql(IMAGE_TICKET, { id: blocked }, cast.customerToken))).toBe('FORBIDDEN');
    const gallery = await server.gql('query($id: ID!) { job(id: $id) { downloadableCount images { nodes { id downloadable } } } }', { id: all.id }, cast.customerToken);
    expect(gallery.data!.job.downloadableCount).toBe(1);
    expect(Object.fromEntries(gallery.data!.job.images.nodes.map((node: any) => [node.id, node.downloadable]))).toEqual({ [plain]: true, [blocked]: false });
  });
});

describe('tickets are checked again when used', () => {
  it('a release withdrawn after the ticket was issued', async () => {
    const id = await addImage(job.id, SelectionState.INCLUDED);
    const url = await ticketUrl(IMAGE_TICKET, id, cast.customerToken);
    await setState(id, SelectionState.NONE);
    const response = await fetchBytes(url);
    expect(response.status).toBe(403);
    expect(errorCode(JSON.parse(response.body.toString()))).toBe('FORBIDDEN');
  });

  it('a user deactivated, or moved to another customer, after the ticket was issued', async () => {
    const make = cast.make;
    for (const change of ['deactivate', 'move'] as const) {
      const user = await make.user(UserRole.CUSTOMER, cast.customer);
      const url = await ticketUrl(IMAGE_TICKET, ids.included, await signIn(server, user.email));
      if (change === 'deactivate') await em().nativeUpdate(User, { id: user.id }, { active: false });
      else await em().nativeUpdate(User, { id: user.id }, { customer: cast.otherCustomer.id });
      expect((await fetchBytes(url)).status, change).toBe(403);
    }
  });

  it('tampered, expired and wrong-path tickets get 403 with a JSON body', async () => {
    const url = await ticketUrl(IMAGE_TICKET, ids.included, cast.customerToken);
    const ticket = url.split('/downloads/images/')[1]!;
    const flipped = ticket.slice(0, 10) + (ticket[10] === 'A' ? 'B' : 'A') + ticket.slice(11);
    const expired = server.services.urlTokens.sign('download-image', { u: cast.customerUser.id, img: ids.included }, new Date(Date.now() - 1000));
    const forOtherImage = Buffer.from(JSON.stringify({ u: cast.customerUser.id, img: ids.none, p: 'download-image', exp: 9_999_999_999 })).toString('base64url');
    for (const bad of [
      `${server.url}/downloads/images/${flipped}`,
      `${server.url}/downloads/images/${expired}`,
      `${server.url}/downloads/images/${forOtherImage}.${ticket.split('.')[1]}`,
      `${server.url}/downloads/archive/${ticket}`,
    ]) {
      const response = await fetchBytes(bad);
      expect(response.status, bad).toBe(403);
      expect(errorCode(JSON.parse(response.body.toString()))).toBe('FORBIDDEN');
    }
  });

  it('an archive ticket for one job cannot be turned into one for another job', async () => {
    const other = await cast.make.job(cast.otherCustomer);
    await addImage(other.id, SelectionState.INCLUDED);
    const url = await ticketUrl(ARCHIVE_TICKET, job.id, cast.customerToken);
    const [payload, signature] = url.split('/downloads/archive/')[1]!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const swapped = Buffer.from(JSON.stringify({ ...claims, job: other.id })).toString('base64url');
    expect((await fetchBytes(`${server.url}/downloads/archive/${swapped}.${signature}`)).status).toBe(403);
    expect((await fetchBytes(`${server.url}/downloads/images/${payload}.${signature}`)).status).toBe(403);
  });
});

describe('denied attempts', () => {
  it('are logged in one shape — permission, caller, ids, reason, entry point — over GraphQL and over HTTP', async () => {
    const denials = () => server.logs.filter((line) => line.event === 'download_denied');
    const before = denials().length;
    await server.gql(IMAGE_TICKET, { id: ids.blocked }, cast.customerToken);
    const graphql = denials().at(-1)!;
    expect(graphql).toMatchObject({ permission: 'image.download', callerKind: 'user', userId: cast.customerUser.id, ids: [ids.blocked], reason: 'RESOURCE', via: 'graphql', ip: expect.stringMatching(/127\.0\.0\.1/) });

    const id = await addImage(job.id, SelectionState.INCLUDED);
    const url = await ticketUrl(IMAGE_TICKET, id, cast.customerToken);
    await setState(id, SelectionState.BLOCKED);
    expect((await fetchBytes(url)).status).toBe(403);
    const http = denials().at(-1)!;
    expect(http).toMatchObject({ permission: 'image.download', callerKind: 'user', userId: cast.customerUser.id, ids: [id], reason: 'RESOURCE', via: 'http GET /downloads/images/:ticket' });
    expect(http.ip).toBeDefined();

    await fetchBytes(`${server.url}/downloads/images/forged.ticket`);
    expect(denials().at(-1)).toMatchObject({ permission: 'image.download', callerKind: 'anonymous', reason: 'LINK', link: 'TICKET_BAD_SIGNATURE' });
    expect(denials().length).toBe(before + 3);
  });

  it('delivery records are for staff only', async () => {
    const response = await server.gql('query($id: ID!) { job(id: $id) { title deliveries { path } } }', { id: job.id }, cast.customerToken);
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(response.data?.job?.title).toBe(job.title);
  });
});

describe('deselecting after a download (rule 5)', () => {
  it('select → download → deselect is refused', async () => {
    const id = await addImage(job.id, SelectionState.NONE);
    const selected = await server.gql('mutation($id: ID!) { selectImage(imageId: $id) { selectionState } }', { id }, cast.customerToken);
    expect(selected.data!.selectImage.selectionState).toBe('INCLUDED');
    expect((await fetchBytes(await ticketUrl(IMAGE_TICKET, id, cast.customerToken))).status).toBe(200);
    // The delivery is recorded asynchronously after the response finishes: wait until it exists, then deselect.
    await expect
      .poll(async () => (await server.gql('query($id: ID!) { image(id: $id) { deliveries { path } } }', { id }, cast.staffToken)).data!.image.deliveries, { timeout: 10_000 })
      .toEqual([{ path: 'IMAGE' }]);
    const deselect = await server.gql('mutation($id: ID!) { deselectImage(imageId: $id) { selectionState } }', { id }, cast.customerToken);
    expect(deselect.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DELIVERED' });
  });
});

describe('ZIP archives', () => {
  it('hold exactly the images downloadable at the moment of the call, under safe unique names', async () => {
    const zipJob = await cast.make.job(cast.customer, { includedImages: 3 });
    const released = [await addImage(zipJob.id, SelectionState.INCLUDED, 'a.jpg'), await addImage(zipJob.id, SelectionState.EXTRA_FREE, 'A.JPG'), await addImage(zipJob.id, SelectionState.EXTRA_PAID, '../../etc/passwd')];
    const withheld = [await addImage(zipJob.id, SelectionState.NONE), await addImage(zipJob.id, SelectionState.EXTRA_PENDING), await addImage(zipJob.id, SelectionState.BLOCKED)];
    const ticket = (await server.gql(ARCHIVE_TICKET, { id: zipJob.id }, cast.customerToken)).data!.jobArchiveDownload;
    expect(ticket.filename).toMatch(/\.zip$/);
    // Released after the ticket was issued: the archive is built when it is fetched.
    await setState(withheld[0]!, SelectionState.EXTRA_FREE);
    const download = await fetchBytes(ticket.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    const entries = readZip(download.body);
    const hashes = entries.map((entry) => sha256(entry.data)).sort();
    expect(hashes).toEqual([...released, withheld[0]!].map((id) => originals.get(id)).sort());
    const names = entries.map((entry) => entry.name);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    for (const name of names) expect(name).not.toMatch(/[\\/]|^\.|\.\./);
    expect(entries.every((entry) => entry.method === 0)).toBe(true);

    // Deliveries are recorded asynchronously after the response finishes.
    const archiveDeliveries = async () =>
      (await server.gql('query($id: ID!) { job(id: $id) { deliveries { path image { id } } } }', { id: zipJob.id }, cast.staffToken)).data!.job.deliveries.filter((delivery: any) => delivery.path === 'ARCHIVE');
    await expect.poll(archiveDeliveries, { timeout: 10_000 }).toHaveLength(4);
  });

  it('refuse a job with nothing released with a clear error, not an empty ZIP', async () => {
    const empty = await cast.make.job(cast.customer);
    await addImage(empty.id, SelectionState.NONE);
    const response = await server.gql(ARCHIVE_TICKET, { id: empty.id }, cast.customerToken);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOTHING_RELEASED' });
  });

  it("refuse another customer's job and unknown jobs alike", async () => {
    const foreign = await server.gql(ARCHIVE_TICKET, { id: job.id }, cast.otherCustomerToken);
    const unknown = await server.gql(ARCHIVE_TICKET, { id: '6f1c7a4e-0000-4000-8000-000000000001' }, cast.otherCustomerToken);
    expect(errorCode(foreign)).toBe('FORBIDDEN');
    expect(JSON.stringify(foreign.errors)).toBe(JSON.stringify(unknown.errors));
  });

  it('staff get everything in the job', async () => {
    const entries = readZip((await fetchBytes(await ticketUrl(ARCHIVE_TICKET, job.id, cast.staffToken))).body);
    const count = await em().count(Image, { job: job.id, status: ImageStatus.READY });
    expect(entries).toHaveLength(count);
  });
});

describe('archive size limit', () => {
  it('refuses archives above MAX_ARCHIVE_BYTES before streaming starts', async () => {
    const small = await startTestServer({ MAX_ARCHIVE_BYTES: '100' });
    try {
      const local = await standardCast(small);
      const smallJob = await local.make.job(local.customer, { allImagesIncluded: true });
      await uploads(small).upload(local.staffToken, await makeJpeg(200, 200), { jobId: smallJob.id });
      const response = await small.gql(ARCHIVE_TICKET, { id: smallJob.id }, local.customerToken);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ARCHIVE_TOO_LARGE', maxBytes: 100 });
    } finally {
      await small.close();
    }
  });

  it('refuses an archive that outgrew the limit after its ticket was issued with 400 and the same code (not 413: a GET sends no body)', async () => {
    const small = await startTestServer({ MAX_ARCHIVE_BYTES: '100' });
    try {
      const local = await standardCast(small);
      const smallJob = await local.make.job(local.customer, { allImagesIncluded: true });
      await uploads(small).upload(local.staffToken, await makeJpeg(200, 200), { jobId: smallJob.id });
      // A ticket issued while the archive still fitted; the plan is recomputed when it is used.
      const ticket = small.services.urlTokens.sign('download-archive', { u: local.customerUser.id, job: smallJob.id }, new Date(Date.now() + 60_000));
      const response = await fetch(`${small.url}/downloads/archive/${ticket}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ARCHIVE_TOO_LARGE', maxBytes: 100 });
    } finally {
      await small.close();
    }
  });
});
