import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Access } from '../../src/policy/access.js';
import { RELEASED_SQL, factsOf, isReleased, loadImageFacts, loadJobImageFacts } from '../../src/policy/download-policy.js';
import { ImageStatus, SelectionState } from '../../src/shared/domain/image-enums.js';
import { JobStatus } from '../../src/shared/domain/job-status.js';
import { userCaller } from './fixtures.js';
import { UNKNOWN_ID, openPolicyDatabase, seedPolicyWorld, type PolicyWorld } from './policy-database.js';

/** The download policy's facts as its SQL loaders read them, its SQL twin of rule 1, and the request's memo of facts. */

let db: Awaited<ReturnType<typeof openPolicyDatabase>>;
let world: PolicyWorld;

beforeAll(async () => {
  db = await openPolicyDatabase();
  world = await seedPolicyWorld(db.em());
});
afterAll(() => db?.close());

describe('loadImageFacts', () => {
  it('reads an original’s and a derived image’s facts, the lock being the source’s', async () => {
    const { locked, ofLocked, none } = world.images;
    const facts = await loadImageFacts(db.em(), [locked.id, ofLocked.id, none.id]);
    const job = world.jobs.delivered;
    expect(facts.get(locked.id)).toEqual(factsOf(locked, job, null, true));
    expect(facts.get(ofLocked.id)).toEqual(factsOf(ofLocked, job, locked, true));
    expect(facts.get(none.id)).toEqual({
      imageId: none.id,
      imageStatus: ImageStatus.READY,
      selectionState: SelectionState.NONE,
      jobId: job.id,
      jobStatus: JobStatus.DELIVERED,
      allImagesIncluded: false,
      customerId: world.customers.c1.id,
      locked: false,
      source: null,
    });
  });

  it('leaves unknown and malformed ids out, and asks nothing for none', async () => {
    const facts = await loadImageFacts(db.em(), [world.images.foreign.id, UNKNOWN_ID, 'x']);
    expect([...facts.keys()]).toEqual([world.images.foreign.id]);
    expect(await db.queriesDuring(async () => expect(await loadImageFacts(db.em(), ['x'])).toEqual(new Map()))).toEqual([]);
  });

  it('reads every READY image of a job, in the order they were made', async () => {
    const { allNone, allBlocked, ofAllNone, ofAllBlocked } = world.images;
    const facts = await loadJobImageFacts(db.em(), world.jobs.allIncluded.id);
    expect([...facts.keys()]).toEqual([allNone.id, allBlocked.id, ofAllNone.id, ofAllBlocked.id]);
    const delivered = await loadJobImageFacts(db.em(), world.jobs.delivered.id);
    expect(delivered.has(world.images.pending.id)).toBe(false);
    expect(delivered.has(world.images.failedOfIncluded.id)).toBe(false);
    expect(delivered.has(world.images.none.id)).toBe(true);
  });
});

describe('RELEASED_SQL', () => {
  it('agrees with isReleased on every image', async () => {
    const rows = await db.em().execute<{ id: string; released: boolean }[]>(
      `SELECT image.id, ${RELEASED_SQL} AS released FROM images image JOIN jobs job ON job.id = image.job_id LEFT JOIN images source ON source.id = image.derived_from_id`,
    );
    const facts = await loadImageFacts(db.em(), rows.map((row) => row.id));
    const disagreements = rows.filter((row) => row.released !== isReleased(facts.get(row.id)!));
    expect(disagreements).toEqual([]);
    // The world has both answers for originals and derived images, in both kinds of job.
    const released = new Set(rows.filter((row) => row.released).map((row) => row.id));
    const { included, none, ofIncluded, ofNone, allNone, allBlocked, ofAllNone, ofAllBlocked, blockedOfIncluded } = world.images;
    expect([included, ofIncluded, allNone, ofAllNone].every((image) => released.has(image.id))).toBe(true);
    expect([none, ofNone, allBlocked, ofAllBlocked, blockedOfIncluded].some((image) => released.has(image.id))).toBe(false);
  });
});

describe('Access.imageFacts', () => {
  it('reads each image’s facts once per request, in one query per batch', async () => {
    const access = new Access(db.em(), userCaller(world.users.customerUser), () => {});
    const { none, included, foreign } = world.images;
    const first = await db.queriesDuring(async () => expect([...(await access.imageFacts([none.id, included.id, 'x'])).keys()]).toEqual([none.id, included.id]));
    expect(first).toHaveLength(1);
    const second = await db.queriesDuring(async () => expect([...(await access.imageFacts([included.id, foreign.id, UNKNOWN_ID])).keys()]).toEqual([included.id, foreign.id]));
    expect(second).toHaveLength(1);
    expect(second[0]).not.toContain(included.id);
    const third = await db.queriesDuring(async () => expect((await access.imageFacts([none.id, foreign.id, UNKNOWN_ID])).size).toBe(2));
    expect(third).toEqual([]);
  });

  it('shares one query between concurrent questions and with the rules that asked first', async () => {
    const access = new Access(db.em(), userCaller(world.users.customerUser), () => {});
    const { included, paid } = world.images;
    const queries = await db.queriesDuring(async () => {
      const [downloadable, facts] = await Promise.all([access.allowed('image.download', [included.id, paid.id]), access.imageFacts([paid.id, included.id])]);
      expect(downloadable).toEqual(new Set([included.id, paid.id]));
      expect(facts.size).toBe(2);
      expect((await access.imageFacts([included.id])).get(included.id)?.selectionState).toBe(SelectionState.INCLUDED);
    });
    expect(queries).toHaveLength(1);
  });
});
