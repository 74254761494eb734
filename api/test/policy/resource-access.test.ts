import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessCaller, Viewer } from '../../src/policy/access-caller.js';
import { Access } from '../../src/policy/access.js';
import type { Permission } from '../../src/policy/permissions.js';
import { cancellableEnhancementIds, enhancementScope, visibleEnhancementIds } from '../../src/policy/enhancement-access.js';
import { RESOURCE_CHECKS, mayAssignRole, type CheckContext } from '../../src/policy/resource-access.js';
import { Enhancement } from '../../src/modules/enhancements/enhancement.entity.js';
import { UserRole } from '../../src/shared/domain/user-role.js';
import { userCaller } from './fixtures.js';
import { UNKNOWN_ID, openPolicyDatabase, seedPolicyWorld, type PolicyWorld } from './policy-database.js';

/** Ownership, release and target-role checks per permission, as the access module answers them from PostgreSQL. */

let db: Awaited<ReturnType<typeof openPolicyDatabase>>;
let world: PolicyWorld;

beforeAll(async () => {
  db = await openPolicyDatabase();
  world = await seedPolicyWorld(db.em());
});
afterAll(() => db?.close());

type Who = 'customerUser' | 'otherCustomerUser' | 'staff' | 'admin';
const callerOf = (who: Who): AccessCaller => userCaller(world.users[who]);

/** The subset of `ids` the caller may use the permission on, named back by the world's names. */
async function allowedNames(who: Who | AccessCaller, permission: Permission, named: Record<string, { id: string }>): Promise<string[]> {
  const access = new Access(db.em(), typeof who === 'string' ? callerOf(who) : who, () => {});
  const allowed = await access.allowed(permission, Object.values(named).map((row) => row.id));
  return Object.entries(named).filter(([, row]) => allowed.has(row.id)).map(([name]) => name);
}

const unknown = { unknown: { id: UNKNOWN_ID } };

describe('customers', () => {
  it('lets staff use any customer, a customer user only their own', async () => {
    for (const permission of ['customer.read', 'customer.usage.read'] as const) {
      expect(await allowedNames('customerUser', permission, world.customers)).toEqual(['c1']);
      expect(await allowedNames('otherCustomerUser', permission, world.customers)).toEqual(['c2']);
    }
    for (const permission of ['customer.read', 'customer.plan.update', 'customer.credits.grant'] as const) expect(await allowedNames('staff', permission, world.customers)).toEqual(['c1', 'c2']);
  });
});

describe('users', () => {
  it('lets staff manage customer users only (unknown ids go on to NOT_FOUND), admins anyone', async () => {
    const targets = { ...world.users, ...unknown };
    expect(await allowedNames('staff', 'user.update', targets)).toEqual(['customerUser', 'otherCustomerUser', 'unknown']);
    for (const permission of ['user.update', 'user.deactivate', 'user.totp.reset'] as const) expect(await allowedNames('admin', permission, targets)).toEqual(Object.keys(targets));
  });

  it('reads only the users asked about', async () => {
    const em = db.em();
    const asked = [world.users.customerUser.id, world.users.otherStaff.id];
    await RESOURCE_CHECKS['user.update']!({ em, viewer: world.users.staff, imageFacts: async () => new Map() }, asked);
    const loaded = [...em.getUnitOfWork().getIdentityMap().values()].map((entity) => (entity as { id: string }).id);
    expect(loaded.sort()).toEqual([...asked].sort());
  });

  it('lets a customer user manage nobody, should the check be asked', async () => {
    const viewer: Viewer = world.users.customerUser;
    const check = RESOURCE_CHECKS['user.update']!;
    expect(await check({ em: db.em(), viewer, imageFacts: async () => new Map() }, [world.users.customerUser.id])).toEqual(new Set());
  });

  it('lets only admins give staff and admin roles', () => {
    const { staff, admin } = world.users;
    expect([mayAssignRole(staff, undefined), mayAssignRole(staff, UserRole.CUSTOMER), mayAssignRole(staff, UserRole.STAFF), mayAssignRole(staff, UserRole.ADMIN)]).toEqual([true, true, false, false]);
    expect(mayAssignRole(admin, UserRole.ADMIN)).toBe(true);
  });
});

describe('jobs', () => {
  it('lets a customer user read and download their delivered jobs, staff any', async () => {
    const { delivered, inProgress, foreignJob } = world.jobs;
    for (const permission of ['job.read', 'job.download'] as const) {
      expect(await allowedNames('customerUser', permission, { delivered, inProgress, foreignJob, ...unknown })).toEqual(['delivered']);
      expect(await allowedNames('staff', permission, { delivered, inProgress, foreignJob, ...unknown })).toEqual(['delivered', 'inProgress', 'foreignJob', 'unknown']);
    }
  });

  it('lets a customer user upload into their delivered jobs that allow it, staff into any job there is', async () => {
    const { delivered, inProgress, noUploads, foreignJob } = world.jobs;
    const jobs = { delivered, inProgress, noUploads, foreignJob, ...unknown };
    expect(await allowedNames('customerUser', 'image.upload', jobs)).toEqual(['delivered']);
    expect(await allowedNames('otherCustomerUser', 'image.upload', jobs)).toEqual(['foreignJob']);
    expect(await allowedNames('staff', 'image.upload', jobs)).toEqual(['delivered', 'inProgress', 'noUploads', 'foreignJob']);
  });
});

describe('images', () => {
  it('lets a customer user read, select and enhance the READY images of their visible jobs; staff any', async () => {
    const { none, pending, unfinished, foreign } = world.images;
    const images = { none, pending, unfinished, foreign, ...unknown };
    for (const permission of ['image.read', 'image.select', 'enhancement.create'] as const) expect(await allowedNames('customerUser', permission, images)).toEqual(['none']);
    for (const permission of ['image.read', 'enhancement.create'] as const) expect(await allowedNames('staff', permission, images)).toEqual(Object.keys(images));
  });

  it('lets a customer user complete only the uploads they requested; staff any', async () => {
    const { none, included, pending } = world.images;
    expect(await allowedNames('customerUser', 'image.upload.complete', { none, included, pending, ...unknown })).toEqual(['none', 'pending']);
    expect(await allowedNames('otherCustomerUser', 'image.upload.complete', { none, pending })).toEqual([]);
    expect(await allowedNames('staff', 'image.upload.complete', { none, included, ...unknown })).toEqual(['none', 'included', 'unknown']);
  });

  it('lets a customer user download released originals and derived images (rule 1)', async () => {
    const { none, included, pending, blocked, paid, ofIncluded, ofNone, blockedOfIncluded, allNone, allBlocked, unfinished, foreign } = world.images;
    expect(await allowedNames('customerUser', 'image.download', { none, included, pending, blocked, paid, ofIncluded, ofNone, blockedOfIncluded, allNone, allBlocked, unfinished, foreign, ...unknown })).toEqual([
      'included',
      'paid',
      'ofIncluded',
      'allNone',
    ]);
  });

  it('lets staff download any READY image; an unknown id goes on to NOT_FOUND', async () => {
    const { none, pending, blocked, unfinished, foreign } = world.images;
    expect(await allowedNames('staff', 'image.download', { none, pending, blocked, unfinished, foreign, ...unknown })).toEqual(['none', 'blocked', 'unfinished', 'foreign', 'unknown']);
  });

  it('lets a viewer preview what they see: a customer user READY images of visible jobs, staff every image there is', async () => {
    const { none, pending, blocked, unfinished, foreign } = world.images;
    const images = { none, pending, blocked, unfinished, foreign, ...unknown };
    expect(await allowedNames('customerUser', 'image.preview', images)).toEqual(['none', 'blocked']);
    expect(await allowedNames('staff', 'image.preview', images)).toEqual(['none', 'pending', 'blocked', 'unfinished', 'foreign']);
  });

  it('lets an inactive viewer preview nothing, should the check be asked', async () => {
    const { none, pending } = world.images;
    const check = RESOURCE_CHECKS['image.preview']!;
    const access = new Access(db.em(), null, () => {});
    for (const viewer of [{ ...world.users.staff, active: false }, { ...world.users.customerUser, active: false }] as Viewer[]) {
      expect(await check({ em: db.em(), viewer, imageFacts: (ids) => access.imageFacts(ids) }, [none.id, pending.id])).toEqual(new Set());
    }
  });
});

describe('enhancement tasks', () => {
  it('lets a customer user read the tasks on images they see, and cancel those their customer’s users started', async () => {
    const tasks = { ...world.tasks, ...unknown };
    expect(await allowedNames('customerUser', 'enhancement.read', tasks)).toEqual(['byCustomer', 'byStaff']);
    expect(await allowedNames('customerUser', 'enhancement.cancel', tasks)).toEqual(['byCustomer']);
    expect(await allowedNames('otherCustomerUser', 'enhancement.read', tasks)).toEqual(['foreign']);
    expect(await allowedNames('otherCustomerUser', 'enhancement.cancel', tasks)).toEqual(['foreign']);
  });

  it('lets staff read and cancel any task; an unknown id goes on to NOT_FOUND', async () => {
    const tasks = { ...world.tasks, ...unknown };
    for (const permission of ['enhancement.read', 'enhancement.cancel'] as const) expect(await allowedNames('staff', permission, tasks)).toEqual(Object.keys(tasks));
  });

  it('scopes task lists and id checks the same way when asked directly', async () => {
    const ids = [...Object.values(world.tasks).map((task) => task.id), UNKNOWN_ID, 'x'];
    const existing = new Set(Object.values(world.tasks).map((task) => task.id));
    expect(await visibleEnhancementIds(db.em(), world.users.staff, ids)).toEqual(existing);
    expect(await cancellableEnhancementIds(db.em(), world.users.admin, ids)).toEqual(existing);
    expect(await visibleEnhancementIds(db.em(), world.users.staff, ['x'])).toEqual(new Set());
    const listed = await db.em().find(Enhancement, enhancementScope(world.users.customerUser), { fields: ['id'] });
    expect(new Set(listed.map((task) => task.id))).toEqual(new Set([world.tasks.byCustomer.id, world.tasks.byStaff.id]));
    expect(enhancementScope(world.users.staff)).toEqual({});
  });
});

describe('every resource check', () => {
  it('answers a subset of the ids it was asked about, for every viewer', async () => {
    const { customers, users, jobs, images, tasks } = world;
    const ids = [...Object.values(customers), ...Object.values(users), ...Object.values(jobs), ...Object.values(images), ...Object.values(tasks)].map((row) => row.id);
    const requests = new Access(db.em(), null, () => {});
    for (const viewer of [world.users.customerUser, world.users.staff, world.users.admin] as Viewer[]) {
      const context: CheckContext = { em: db.em(), viewer, imageFacts: (wanted) => requests.imageFacts(wanted) };
      for (const [permission, check] of Object.entries(RESOURCE_CHECKS)) {
        for (const asked of [[ids[0]!], [jobs.noUploads.id], [images.included.id]]) {
          const answered = await check(context, asked);
          expect([...answered].filter((id) => !asked.includes(id)), `${permission} for ${viewer.role}`).toEqual([]);
        }
      }
    }
  });
});
