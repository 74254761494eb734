import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job } from '../../src/modules/jobs/job.entity.js';
import type { Viewer } from '../../src/policy/access-caller.js';
import { canSeeCustomer, canUploadToJob, imageScope, jobScope, visibleImageIds, visibleJobIds } from '../../src/policy/visibility.js';
import { UserRole } from '../../src/shared/domain/user-role.js';
import { admin, customer, otherCustomer, staff } from './fixtures.js';
import { UNKNOWN_ID, openPolicyDatabase, seedPolicyWorld, type PolicyWorld } from './policy-database.js';

/** Rule 2 as query filters and set-based checks, against PostgreSQL. */

let db: Awaited<ReturnType<typeof openPolicyDatabase>>;
let world: PolicyWorld;
let c1User: Viewer;

beforeAll(async () => {
  db = await openPolicyDatabase();
  world = await seedPolicyWorld(db.em());
  c1User = { id: world.users.customerUser.id, role: UserRole.CUSTOMER, active: true, customer: { id: world.customers.c1.id } };
});
afterAll(() => db?.close());

describe('visibleJobIds', () => {
  it('shows a customer user their own customer’s delivered jobs only', async () => {
    const { delivered, inProgress, allIncluded, foreignJob } = world.jobs;
    expect(await visibleJobIds(db.em(), c1User, [delivered.id, inProgress.id, allIncluded.id, foreignJob.id, UNKNOWN_ID])).toEqual(new Set([delivered.id, allIncluded.id]));
  });

  it('shows staff every existing job', async () => {
    const { delivered, inProgress, foreignJob } = world.jobs;
    for (const viewer of [staff, admin]) expect(await visibleJobIds(db.em(), viewer, [delivered.id, inProgress.id, foreignJob.id, UNKNOWN_ID])).toEqual(new Set([delivered.id, inProgress.id, foreignJob.id]));
  });

  it('shows a customer user without a customer nothing', async () => {
    expect(await visibleJobIds(db.em(), { ...c1User, customer: null }, [world.jobs.delivered.id])).toEqual(new Set());
  });

  it('asks nothing for no ids or malformed ones', async () => {
    const queries = await db.queriesDuring(async () => {
      expect(await visibleJobIds(db.em(), c1User, [])).toEqual(new Set());
      expect(await visibleJobIds(db.em(), staff, ['x'])).toEqual(new Set());
      expect(await visibleImageIds(db.em(), c1User, ['x', ''])).toEqual(new Set());
    });
    expect(queries).toEqual([]);
  });
});

describe('visibleImageIds', () => {
  it('shows a customer user the READY images of their visible jobs only', async () => {
    const { none, pending, blocked, unfinished, foreign, allNone } = world.images;
    expect(await visibleImageIds(db.em(), c1User, [none.id, pending.id, blocked.id, unfinished.id, foreign.id, allNone.id, UNKNOWN_ID])).toEqual(new Set([none.id, blocked.id, allNone.id]));
  });

  it('shows staff every existing image', async () => {
    const { none, pending, unfinished, foreign } = world.images;
    expect(await visibleImageIds(db.em(), staff, [none.id, pending.id, unfinished.id, foreign.id, UNKNOWN_ID])).toEqual(new Set([none.id, pending.id, unfinished.id, foreign.id]));
  });
});

describe('scopes', () => {
  it('filters nothing for staff', () => {
    expect(jobScope(staff)).toEqual({});
    expect(imageScope(admin)).toEqual({});
  });

  it('lists for a customer user what the checks allow', async () => {
    const jobs = await db.em().find(Job, jobScope(c1User), { fields: ['id'] });
    expect(new Set(jobs.map((job) => job.id))).toEqual(new Set([world.jobs.delivered.id, world.jobs.noUploads.id, world.jobs.allIncluded.id]));
  });
});

describe('canSeeCustomer and canUploadToJob', () => {
  it('lets staff see every customer, a customer user their own', () => {
    expect(canSeeCustomer(staff, 'c2')).toBe(true);
    expect(canSeeCustomer(customer, 'c1')).toBe(true);
    expect(canSeeCustomer(customer, 'c2')).toBe(false);
    expect(canSeeCustomer({ ...customer, customer: null }, 'c1')).toBe(false);
  });

  it('lets staff upload anywhere, a customer user into their delivered jobs that allow it', () => {
    const { delivered, inProgress, noUploads, foreignJob } = world.jobs;
    expect(canUploadToJob(staff, inProgress)).toBe(true);
    expect(canUploadToJob(c1User, delivered)).toBe(true);
    expect(canUploadToJob(c1User, inProgress)).toBe(false);
    expect(canUploadToJob(c1User, noUploads)).toBe(false);
    expect(canUploadToJob(c1User, foreignJob)).toBe(false);
    expect(canUploadToJob(otherCustomer, delivered)).toBe(false);
    expect(canUploadToJob({ ...c1User, customer: null }, delivered)).toBe(false);
  });
});
