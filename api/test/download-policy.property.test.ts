import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageStatus, SelectionState } from '../src/shared/domain/image-enums.js';
import { Image } from '../src/modules/images/image.entity.js';
import type { RenditionKind } from '../src/shared/domain/rendition-kind.js';
import { JobStatus } from '../src/shared/domain/job-status.js';
import { UserRole } from '../src/shared/domain/user-role.js';
import type { StorageMode } from '../src/storage/storage-mode.js';
import { factories, signIn } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, sha256, uploads } from './support/uploads.js';
import { httpErrorCode } from './support/partial-reads.js';
import { readZip } from './support/zip.js';
import { jobWorldArb, oracle, weighted, type ImageSetting, type JobWorld, type Viewer } from './support/download-oracle.js';

/**
 * Property-based test of the download rules (PRODUCT.md rules 1, 2, 4 and 7) against real servers,
 * PostgreSQL and S3. "Obtainable" means: bytes fetched over HTTP whose SHA-256 is the original's.
 *
 * A pool of real images is uploaded once per server (one proxied, one presigned); every generated
 * case then rewrites the job's status and package, the images' states and whether a former user is
 * still active with plain SQL — that is setup, not the thing under test — and asks the API as the
 * generated caller. The oracle below is PRODUCT.md restated; it never imports api/src/policy.
 */

// ---------------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------------

type CallerKind = 'owner' | 'otherCustomer' | 'staff' | 'admin' | 'formerOwner' | 'formerStaff';
interface Caller {
  kind: CallerKind;
  /** Which of the other customers an `otherCustomer` caller belongs to. */
  otherOffset: number;
}

/** Former users are deactivated; `formerActive` says whether they still were at that moment. */
function viewerOf(caller: Caller, formerActive: boolean): Viewer {
  const former = caller.kind === 'formerOwner' || caller.kind === 'formerStaff';
  return {
    staff: caller.kind === 'staff' || caller.kind === 'admin' || caller.kind === 'formerStaff',
    ownsJob: caller.kind === 'owner' || caller.kind === 'formerOwner',
    active: former ? formerActive : true,
  };
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const CUSTOMERS = 3;
/** Images per job, cycling over the jobs: 8 jobs, 24 images per server. */
const IMAGES_PER_JOB = [1, 2, 3, 6] as const;
const JOBS = 8;
const MAX_IMAGES = Math.max(...IMAGES_PER_JOB);
const MODES: readonly StorageMode[] = ['proxied', 'presigned'];

const FIELD_RUNS = 1_800;
const END_TO_END_RUNS = 200;

const callerArb: fc.Arbitrary<Caller> = fc.record({
  // The job's own customer most often: theirs is the only case where every condition of rule 1 counts.
  kind: weighted<CallerKind>(['owner', 4], ['formerOwner', 2], ['otherCustomer', 1], ['staff', 1], ['admin', 1], ['formerStaff', 1]),
  otherOffset: fc.integer({ min: 1, max: CUSTOMERS - 1 }),
});

/** The generated settings for the job's images, derived images linked to their source's setting. */
const forJob = (world: JobWorld, job: PoolJob): JobWorld => {
  const own = world.images.slice(0, job.images.length);
  return { job: world.job, images: own.map((setting, index) => ({ ...setting, source: own[job.images[index]!.derivedFrom ?? -1] })) };
};

// ---------------------------------------------------------------------------------------------
// The pool: real images, uploaded once per server
// ---------------------------------------------------------------------------------------------

interface Account {
  id: string;
  token: string;
}
interface PoolImage {
  id: string;
  /** Index (in its job) of the image this one was derived from, for enhancement results. */
  derivedFrom?: number;
  /** SHA-256 of the uploaded original and of each stored rendition. */
  original: string;
  renditions: Record<RenditionKind, string>;
}
interface PoolJob {
  id: string;
  customer: number;
  images: PoolImage[];
}
interface Pool {
  mode: StorageMode;
  server: TestServer;
  jobs: PoolJob[];
  staff: Account;
  admin: Account;
  formerStaff: Account;
  /** Per customer index: an active user, and a user who has been deactivated. */
  owners: Account[];
  formerOwners: Account[];
}

const RENDITIONS: readonly RenditionKind[] = ['preview', 'thumbnail', 'preview_watermarked', 'thumbnail_watermarked'];

async function buildPool(mode: StorageMode, colourOffset: number): Promise<Pool> {
  // Thousands of requests from one address and a handful of users: this file tests the download
  // rules, not throttling (the rate-limit tests do that), so the limits are off here.
  const server = await startTestServer({ RATE_LIMITS_ENABLED: 'false' }, mode);
  const make = factories(server);
  const account = async (role: UserRole, customer?: Awaited<ReturnType<typeof make.customer>>): Promise<Account> => {
    const user = await make.user(role, customer);
    return { id: user.id, token: await signIn(server, user.email) };
  };
  const customers = [];
  for (let index = 0; index < CUSTOMERS; index++) customers.push(await make.customer());
  const staff = await account(UserRole.STAFF);
  const pool: Pool = {
    mode,
    server,
    jobs: [],
    staff,
    admin: await account(UserRole.ADMIN),
    formerStaff: await account(UserRole.STAFF),
    owners: [],
    formerOwners: [],
  };
  for (const customer of customers) {
    pool.owners.push(await account(UserRole.CUSTOMER, customer));
    pool.formerOwners.push(await account(UserRole.CUSTOMER, customer));
  }

  let made = colourOffset;
  for (let index = 0; index < JOBS; index++) {
    const customer = index % CUSTOMERS;
    const job = await make.job(customers[customer]!, { status: JobStatus.DELIVERED });
    const images: PoolImage[] = [];
    for (let count = 0; count < IMAGES_PER_JOB[index % IMAGES_PER_JOB.length]!; count++) {
      made++;
      const bytes = await makeJpeg(96, 64, { r: (made * 53) % 256, g: (made * 97 + 40) % 256, b: (made * 29 + 80) % 256 });
      const { completed } = await uploads(server).upload(staff.token, bytes, { jobId: job.id, filename: `photo-${made}.jpg` });
      const image = completed.data?.completeImageUpload;
      if (image?.status !== 'READY') throw new Error(`pool upload failed: ${JSON.stringify(completed)}`);
      images.push({ id: image.id, original: sha256(bytes), renditions: {} as Record<RenditionKind, string> });
    }
    // Every third image is an enhancement result of the image two before it (jobs of 3 and 6 images).
    for (let index = 2; index < images.length; index += 3) {
      images[index]!.derivedFrom = index - 2;
      await server.services.orm.em.fork().getConnection().execute('UPDATE images SET derived_from_id = ? WHERE id = ?', [images[index - 2]!.id, images[index]!.id]);
    }
    pool.jobs.push({ id: job.id, customer, images });
  }

  const stored = await server.services.orm.em.fork().find(Image, { id: { $in: pool.jobs.flatMap((job) => job.images.map((image) => image.id)) } });
  for (const image of pool.jobs.flatMap((job) => job.images)) {
    const entity = stored.find((candidate) => candidate.id === image.id)!;
    for (const kind of RENDITIONS) image.renditions[kind] = sha256(await server.services.storage.read(entity.renditions[kind]!.key));
  }
  return pool;
}

const accountOf = (pool: Pool, caller: Caller, job: PoolJob): Account => {
  switch (caller.kind) {
    case 'owner':
      return pool.owners[job.customer]!;
    case 'otherCustomer':
      return pool.owners[(job.customer + caller.otherOffset) % CUSTOMERS]!;
    case 'formerOwner':
      return pool.formerOwners[job.customer]!;
    case 'staff':
      return pool.staff;
    case 'admin':
      return pool.admin;
    case 'formerStaff':
      return pool.formerStaff;
  }
};

/**
 * Writes a whole job's world, and whether the former users are active, into the database in two
 * statements: states, and the selection locks of its uploaded originals (the ones a case's downloads
 * left behind are replaced by the generated ones).
 */
async function apply(pool: Pool, job: PoolJob, world: JobWorld, formerActive: boolean): Promise<void> {
  const rows = job.images.map(() => '(?, ?, ?, ?::boolean)').join(', ');
  const connection = pool.server.services.orm.em.fork().getConnection();
  // Apart: one statement's sub-statements cannot see each other, so a delete and an insert of the same lock would collide.
  await connection.execute('DELETE FROM selection_locks WHERE job_id = ?', [job.id]);
  await connection.execute(
    `WITH job AS (UPDATE jobs SET status = ?, included_images = ?, all_images_included = ? WHERE id = ? RETURNING id),
          former AS (UPDATE users SET active = ? WHERE id IN (?) RETURNING id),
          v(id, status, selection_state, locked) AS (VALUES ${rows}),
          locked AS (INSERT INTO selection_locks (image_id, job_id, locked_by_id, via)
                     SELECT v.id::uuid, ?, ?, 'IMAGE' FROM v JOIN images i ON i.id = v.id::uuid
                      WHERE v.locked AND i.derived_from_id IS NULL
                     RETURNING image_id)
     UPDATE images AS i SET status = v.status, selection_state = v.selection_state
       FROM v WHERE i.id = v.id::uuid`,
    [
      world.job.status,
      world.job.includedImages,
      world.job.allImagesIncluded,
      job.id,
      formerActive,
      [pool.formerStaff.id, ...pool.formerOwners.map((account) => account.id)],
      ...job.images.flatMap((image, index) => [image.id, world.images[index]!.status, world.images[index]!.selectionState, world.images[index]!.locked]),
      job.id,
      pool.owners[job.customer]!.id,
    ],
  );
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

/** The two ways a viewer reads an image: in its job's gallery, or on its own. Both carry the job's count. */
const GALLERY = 'query($id: ID!) { job(id: $id) { downloadableCount images(first: 50) { nodes { id downloadable previewUrl thumbnailUrl } } } }';
const IMAGE = 'query($id: ID!) { image(id: $id) { id downloadable previewUrl thumbnailUrl job { downloadableCount } } }';
const IMAGE_TICKET = 'mutation($id: ID!) { imageDownloadUrl(imageId: $id) { url } }';
const ARCHIVE_TICKET = 'mutation($id: ID!) { jobArchiveDownload(jobId: $id) { url } }';

async function get(url: string) {
  const response = await fetch(url);
  return { status: response.status, redirected: response.redirected, finalUrl: response.url, body: Buffer.from(await response.arrayBuffer()) };
}

/**
 * Uses a single-image ticket: the SHA-256 of the bytes it yields, or null when refused with 403.
 * Proxied servers stream the original (path 1); presigned servers redirect to a presigned S3 GET,
 * which fetch follows (path 3).
 */
async function fetchOriginal(pool: Pool, url: string): Promise<string | null> {
  const response = await get(url);
  if (response.status === 403) {
    expect(httpErrorCode(response.body)).toBe('FORBIDDEN');
    return null;
  }
  expect(response.status, `ticket answered ${response.status}: ${response.body.toString().slice(0, 200)}`).toBe(200);
  expect(response.redirected, 'only presigned servers redirect to S3').toBe(pool.mode === 'presigned');
  if (pool.mode === 'presigned') expect(new URL(response.finalUrl).origin).not.toBe(pool.server.url);
  return sha256(response.body);
}

/** Waits for every promise, then fails with the first failure: nothing is left running into the next case. */
async function settled(promises: Promise<unknown>[]): Promise<void> {
  for (const outcome of await Promise.allSettled(promises)) if (outcome.status === 'rejected') throw outcome.reason;
}

/** Uses an archive ticket (path 2): the SHA-256 of every entry, sorted; none when refused with 403. */
async function fetchArchive(url: string): Promise<string[]> {
  const response = await get(url);
  if (response.status === 403) {
    expect(httpErrorCode(response.body)).toBe('FORBIDDEN');
    return [];
  }
  expect(response.status, `archive answered ${response.status}`).toBe(200);
  return readZip(response.body).map((entry) => sha256(entry.data)).sort();
}

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

const pools = {} as Record<StorageMode, Pool>;
/**
 * Cases run, counted inside the properties, so lowering numRuns fails loudly. (A failing property
 * stops early, so this check then fails alongside it.)
 */
const ran = { fields: 0, endToEnd: 0 };

beforeAll(async () => {
  const [proxied, presigned] = await Promise.all([buildPool('proxied', 0), buildPool('presigned', 100)]);
  pools.proxied = proxied;
  pools.presigned = presigned;
  // Preconditions, so that no check below can pass vacuously.
  for (const pool of [proxied, presigned]) {
    const images = pool.jobs.flatMap((job) => job.images);
    expect(images.filter((image) => image.derivedFrom !== undefined).length).toBeGreaterThanOrEqual(4);
    expect(new Set(images.map((image) => image.original)).size).toBe(images.length);
    for (const image of images) {
      expect(image.renditions.preview).not.toBe(image.renditions.preview_watermarked);
      expect(image.renditions.thumbnail).not.toBe(image.renditions.thumbnail_watermarked);
      expect(Object.values(image.renditions)).not.toContain(image.original);
    }
  }
}, 180_000);
afterAll(async () => {
  await Promise.all(Object.values(pools).map((pool) => pool.server.close()));
});

describe('download policy, property-based', () => {
  it(`GraphQL fields, previews and single-image tickets follow the oracle (${FIELD_RUNS} cases)`, async () => {
    const views = ['gallery', 'image'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...MODES),
        fc.nat(JOBS - 1),
        jobWorldArb(MAX_IMAGES),
        fc.nat(MAX_IMAGES - 1),
        callerArb,
        fc.constantFrom(...views),
        async (mode, jobIndex, generated, focus, caller, view) => {
          ran.fields++;
          const pool = pools[mode];
          const job = pool.jobs[jobIndex]!;
          const world = forJob(generated, job);
          await apply(pool, job, world, false);
          const viewer = viewerOf(caller, false);
          const { token } = accountOf(pool, caller, job);
          const image = job.images[focus % job.images.length]!;
          const setting = world.images[job.images.indexOf(image)]!;
          const downloadableCount = world.images.filter((candidate) => oracle.downloadable(world.job, candidate)).length;

          // Two independent requests as the caller, sent together. (Archive tickets: the end-to-end property.)
          const [shown, ticket] = await Promise.all([
            view === 'gallery' ? pool.server.gql(GALLERY, { id: job.id }, token) : pool.server.gql(IMAGE, { id: image.id }, token),
            pool.server.gql(IMAGE_TICKET, { id: image.id }, token),
          ]);
          // Bytes to fetch once every answer is checked, so a failed check leaves nothing running.
          const fetches: (() => Promise<void>)[] = [];

          // What the caller sees: in the gallery, exactly the images rule 2 shows, each with rule 1's
          // `downloadable`; on its own, the image if rule 2 shows it. Either way the job's count.
          let node: { downloadable: boolean; previewUrl: string | null; thumbnailUrl: string | null } | undefined;
          if (view === 'gallery' && oracle.seesJob(viewer, world.job)) {
            expect(shown.errors).toBeUndefined();
            const nodes: { id: string; downloadable: boolean; previewUrl: string | null; thumbnailUrl: string | null }[] = shown.data!.job.images.nodes;
            const expected = job.images
              .map((candidate, index) => ({ id: candidate.id, setting: world.images[index]! }))
              .filter((candidate) => oracle.seesImage(viewer, world.job, candidate.setting))
              .map((candidate) => ({ id: candidate.id, downloadable: oracle.downloadable(world.job, candidate.setting) }));
            const byId = (items: { id: string; downloadable: boolean }[]) => items.map(({ id, downloadable }) => ({ id, downloadable })).sort((a, b) => a.id.localeCompare(b.id));
            expect(byId(nodes)).toEqual(byId(expected));
            expect(shown.data!.job.downloadableCount).toBe(downloadableCount);
            node = nodes.find((candidate) => candidate.id === image.id);
          } else if (view === 'image' && oracle.seesImage(viewer, world.job, setting)) {
            expect(shown.errors).toBeUndefined();
            expect(shown.data!.image.downloadable).toBe(oracle.downloadable(world.job, setting));
            expect(shown.data!.image.job.downloadableCount).toBe(downloadableCount);
            node = shown.data!.image;
          } else {
            expect(errorCode(shown)).toBe(oracle.refusal(viewer));
          }

          // Rule 4 on what was shown: previews never the original, clean only for who may download.
          if (node) {
            for (const size of ['preview', 'thumbnail'] as const) {
              const url = node[`${size}Url`];
              if (setting.status !== ImageStatus.READY) {
                expect(url).toBeNull();
                continue;
              }
              fetches.push(async () => {
                const response = await get(url!);
                expect(response.status).toBe(200);
                const bytes = sha256(response.body);
                expect(bytes, `an original through a ${size} URL`).not.toBe(image.original);
                if (!oracle.obtains(viewer, world.job, setting)) expect(bytes, `a clean ${size} to a viewer who may not download`).not.toBe(image.renditions[size]);
                const expected: RenditionKind = oracle.cleanPreview(viewer, world.job, setting) ? size : `${size}_watermarked`;
                expect(bytes, size).toBe(image.renditions[expected]);
              });
            }
          }

          // Its single-image ticket, used at once.
          if (oracle.obtains(viewer, world.job, setting)) {
            expect(ticket.errors).toBeUndefined();
            fetches.push(async () => expect(await fetchOriginal(pool, ticket.data!.imageDownloadUrl.url)).toBe(image.original));
          } else {
            expect(errorCode(ticket)).toBe(oracle.refusal(viewer));
          }

          await settled(fetches.map((fetchAndCheck) => fetchAndCheck()));
        },
      ),
      { numRuns: FIELD_RUNS },
    );
  }, 240_000);

  it(`end to end, the originals a caller fetches through tickets, ZIPs and presigned redirects are exactly the oracle's (${END_TO_END_RUNS} cases)`, async () => {
    /**
     * One job on one server: tickets are asked for under `issue`, then the world becomes `use` (the
     * same states, or new ones) and former users are deactivated, and only then are the links used:
     * tickets are checked again when used (rule 7), so what arrives is what both moments allow.
     */
    const endToEnd = async (pool: Pool, jobIndex: number, issueWorld: JobWorld, useWorld: JobWorld, caller: Caller, formerActiveAtIssue: boolean) => {
      const job = pool.jobs[jobIndex]!;
      const issue = forJob(issueWorld, job);
      const use = forJob(useWorld, job);
      const atIssue = viewerOf(caller, formerActiveAtIssue);
      const atUse = viewerOf(caller, false);
      const { token } = accountOf(pool, caller, job);
      const originalsWhere = (allowed: (index: number) => boolean) => job.images.filter((_image, index) => allowed(index)).map((image) => image.original).sort();

      await apply(pool, job, issue, formerActiveAtIssue);
      const [archiveResponse, ...imageResponses] = await Promise.all([
        pool.server.gql(ARCHIVE_TICKET, { id: job.id }, token),
        ...job.images.map((image) => pool.server.gql(IMAGE_TICKET, { id: image.id }, token)),
      ]);
      const tickets: { image: PoolImage; url: string }[] = [];
      imageResponses.forEach((response, index) => {
        if (response.data?.imageDownloadUrl) tickets.push({ image: job.images[index]!, url: response.data.imageDownloadUrl.url });
        else expect(errorCode(response)).toBe(oracle.refusal(atIssue));
      });
      const issuable = (index: number) => oracle.obtains(atIssue, issue.job, issue.images[index]!);
      expect(tickets.map((ticket) => ticket.image.original).sort(), 'single-image tickets issued').toEqual(originalsWhere(issuable));
      const archiveUrl: string | null = archiveResponse.data?.jobArchiveDownload?.url ?? null;
      if (!archiveUrl) expect(errorCode(archiveResponse)).toBe(oracle.refusal(atIssue));
      expect(archiveUrl !== null, 'archive ticket issued').toBe(originalsWhere(issuable).length > 0);

      await apply(pool, job, use, false);
      const usable = (index: number) => oracle.obtains(atUse, use.job, use.images[index]!);
      const obtained: string[] = [];
      let zipped: string[] = [];
      await settled([
        ...tickets.map(async (ticket) => {
          const bytes = await fetchOriginal(pool, ticket.url);
          if (bytes === null) return;
          expect(bytes, 'a ticket delivers its own image').toBe(ticket.image.original);
          obtained.push(bytes);
        }),
        (async () => {
          if (archiveUrl) zipped = await fetchArchive(archiveUrl);
        })(),
      ]);
      expect(obtained.sort(), `single images (${pool.mode})`).toEqual(originalsWhere((index) => issuable(index) && usable(index)));
      expect(zipped, `ZIP entries (${pool.mode})`).toEqual(archiveUrl ? originalsWhere(usable) : []);
    };

    await fc.assert(
      fc.asyncProperty(
        fc.nat(JOBS - 1),
        jobWorldArb(MAX_IMAGES),
        // Half the time the states change between asking for the links and using them.
        fc.option(jobWorldArb(MAX_IMAGES), { nil: undefined, freq: 2 }),
        callerArb,
        fc.boolean(),
        async (jobIndex, issueWorld, changedWorld, caller, formerActiveAtIssue) => {
          ran.endToEnd++;
          // Both servers, so every case goes through all three paths; settled before failing, so a
          // shrinking run never overlaps a run still in flight on the other server.
          await settled(MODES.map((mode) => endToEnd(pools[mode], jobIndex, issueWorld, changedWorld ?? issueWorld, caller, formerActiveAtIssue)));
        },
      ),
      { numRuns: END_TO_END_RUNS },
    );
  }, 240_000);

  it('ran at least 2,000 generated cases, at least 200 of them end to end', () => {
    expect(ran.endToEnd).toBeGreaterThanOrEqual(200);
    expect(ran.fields + ran.endToEnd).toBeGreaterThanOrEqual(2_000);
  });
});
