import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Access, type AccessDenial } from '../src/policy/access.js';
import type { ServiceCaller } from '../src/policy/access-caller.js';
import { mayHaveRendition } from '../src/policy/download-policy.js';
import { PERMISSION_NAMES, type Permission } from '../src/policy/permissions.js';
import { jobWorldArb, oracle, type JobWorld, type Viewer } from './support/download-oracle.js';
import { factories, signIn } from './support/factories.js';
import { propertySeed } from './support/property-seed.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, uploads } from './support/uploads.js';
import { ImageStatus, SelectionState } from '../src/shared/domain/image-enums.js';
import { JobStatus } from '../src/shared/domain/job-status.js';
import { UserRole } from '../src/shared/domain/user-role.js';

/**
 * A caller that is not a user: a service bound to one customer, holding permissions as scopes (what
 * API keys will be). The download property test's oracle, run against the access module with it:
 * it must see, download and get clean renditions of exactly what a user of its customer would, and
 * nothing outside its scopes.
 */

const RUNS = 300;
const IMAGES = 3;

interface PoolJob {
  id: string;
  customer: number;
  images: string[];
}

let server: TestServer;
let customers: string[];
let staffId: string;
const jobs: PoolJob[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const make = factories(server);
  const owners = [await make.customer(), await make.customer()];
  customers = owners.map((owner) => owner.id);
  const staff = await make.user(UserRole.STAFF);
  staffId = staff.id;
  const staffToken = await signIn(server, staff.email);
  for (let index = 0; index < 4; index++) {
    const job = await make.job(owners[index % 2]!);
    const images: string[] = [];
    for (let count = 0; count < IMAGES; count++) {
      const bytes = await makeJpeg(50 + index * 3 + count, 40, { r: index * 40, g: count * 60, b: 90 });
      images.push((await uploads(server).upload(staffToken, bytes, { jobId: job.id })).completed.data!.completeImageUpload.id);
    }
    // The last image is an enhanced copy of the first.
    await server.services.orm.em.fork().getConnection().execute('UPDATE images SET derived_from_id = ? WHERE id = ?', [images[0], images[IMAGES - 1]]);
    jobs.push({ id: job.id, customer: index % 2, images });
  }
});
afterAll(() => server?.close());

/** The job's world in the database: its status and package, its images' states, and the locks of its originals. */
async function apply(job: PoolJob, world: JobWorld): Promise<void> {
  const connection = server.services.orm.em.fork().getConnection();
  await connection.execute('DELETE FROM selection_locks WHERE job_id = ?', [job.id]);
  await connection.execute('UPDATE jobs SET status = ?, included_images = ?, all_images_included = ? WHERE id = ?', [world.job.status, world.job.includedImages, world.job.allImagesIncluded, job.id]);
  for (const [index, id] of job.images.entries()) {
    const setting = world.images[index]!;
    await connection.execute('UPDATE images SET status = ?, selection_state = ? WHERE id = ?', [setting.status, setting.selectionState, id]);
    if (setting.locked && index < IMAGES - 1) await connection.execute(`INSERT INTO selection_locks (image_id, job_id, locked_by_id, via) VALUES (?, ?, ?, 'IMAGE')`, [id, job.id, staffId]);
  }
}

const serviceFor = (customer: number, scopes: Iterable<Permission> = PERMISSION_NAMES): ServiceCaller => ({ kind: 'service', id: randomUUID(), name: 'test key', customerId: customers[customer]!, scopes: new Set(scopes) });

describe('a customer-bound service caller', () => {
  it(`sees, downloads and previews exactly what the oracle gives its customer (${RUNS} cases)`, async () => {
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(jobs.length - 1), fc.nat(1), jobWorldArb(IMAGES), async (jobIndex, customer, generated) => {
        ran++;
        const job = jobs[jobIndex]!;
        // The copy's release follows its original (rule 1), and so does its lock.
        const world: JobWorld = { job: generated.job, images: generated.images.map((setting, index) => (index === IMAGES - 1 ? { ...setting, source: generated.images[0] } : setting)) };
        await apply(job, world);
        const access = new Access(server.services.orm.em.fork(), serviceFor(customer), () => undefined);
        const viewer: Viewer = { staff: false, ownsJob: job.customer === customer, active: true };
        const expected = (rule: (index: number) => boolean) => job.images.filter((_id, index) => rule(index)).sort();

        const [read, download, preview, jobRead] = await Promise.all([
          access.allowed('image.read', job.images),
          access.allowed('image.download', job.images),
          access.allowed('image.preview', job.images),
          access.allowed('job.read', [job.id]),
        ]);
        const facts = await access.imageFacts(job.images);
        const clean = [...preview].filter((id) => mayHaveRendition(access.viewer!, facts.get(id)!, 'preview'));

        expect([...jobRead]).toEqual(oracle.seesJob(viewer, world.job) ? [job.id] : []);
        expect([...read].sort()).toEqual(expected((index) => oracle.seesImage(viewer, world.job, world.images[index]!)));
        expect([...preview].sort()).toEqual(expected((index) => oracle.seesImage(viewer, world.job, world.images[index]!)));
        expect([...download].sort()).toEqual(expected((index) => oracle.obtains(viewer, world.job, world.images[index]!)));
        expect(clean.sort()).toEqual(expected((index) => oracle.seesImage(viewer, world.job, world.images[index]!) && oracle.cleanPreview(viewer, world.job, world.images[index]!)));
      }),
      { numRuns: RUNS, seed: propertySeed('service caller') },
    );
    expect(ran).toBe(RUNS);
  }, 120_000);

  it('gets nothing outside its scopes, and no staff permission whatever its scopes', async () => {
    const job = jobs[0]!;
    await apply(job, { job: { status: JobStatus.DELIVERED, includedImages: 3, allImagesIncluded: true }, images: job.images.map(() => ({ status: ImageStatus.READY, selectionState: SelectionState.NONE, locked: false })) });
    const denials: AccessDenial[] = [];
    const readOnly = new Access(server.services.orm.em.fork(), serviceFor(job.customer, ['image.read', 'job.read']), (denial) => denials.push(denial));
    expect((await readOnly.allowed('image.read', job.images)).size).toBe(IMAGES);
    expect((await readOnly.allowed('image.download', job.images)).size).toBe(0);
    const refusal = await readOnly.check('image.download', [job.images[0]!]);
    expect(refusal === true ? null : refusal.code).toBe('FORBIDDEN');
    expect(denials.at(-1)).toMatchObject({ permission: 'image.download', callerKind: 'service', reason: 'SCOPE' });

    const everything = new Access(server.services.orm.em.fork(), serviceFor(job.customer), (denial) => denials.push(denial));
    for (const staffOnly of ['audit.read', 'image.selection.set', 'job.package.update', 'customer.list'] as const) {
      expect(await everything.check(staffOnly)).not.toBe(true);
      expect(denials.at(-1)).toMatchObject({ permission: staffOnly, callerKind: 'service', reason: 'AUDIENCE' });
    }
  });
});
