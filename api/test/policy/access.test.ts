import type { EntityManager } from '@mikro-orm/postgresql';
import { afterEach, describe, expect, it } from 'vitest';
import { callerKindOf, viewerOf, type AccessCaller } from '../../src/policy/access-caller.js';
import { Access, type AccessDenial } from '../../src/policy/access.js';
import type { Permission } from '../../src/policy/permissions.js';
import { RESOURCE_CHECKS, type CheckContext } from '../../src/policy/resource-access.js';
import { AppError } from '../../src/shared/errors.js';
import { UserRole } from '../../src/shared/domain/user-role.js';
import { admin, customer, inactiveCustomer, serviceCaller, staff, userCaller } from './fixtures.js';

/**
 * The access module without a database: audience and scopes, the per-request memo and the one
 * denial shape, over resource checks stubbed per test. The real checks are in access-database.test.ts.
 */

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [A, B, C, D] = [id(1), id(2), id(3), id(4)];

/** An EntityManager that must not be used: these tests decide without the database. */
const noDatabase = new Proxy({}, { get: (_target, property) => { throw new Error(`database touched: em.${String(property)}`); } }) as EntityManager;

function accessFor(caller: AccessCaller | null) {
  const denials: AccessDenial[] = [];
  return { access: new Access(noDatabase, caller, (denial) => denials.push(denial)), denials };
}

const originalChecks = { ...RESOURCE_CHECKS };
afterEach(() => {
  for (const key of Object.keys(RESOURCE_CHECKS)) if (!(key in originalChecks)) delete RESOURCE_CHECKS[key as Permission];
  Object.assign(RESOURCE_CHECKS, originalChecks);
});

/** Replaces a permission's resource check for one test; records what it was asked. */
function stubCheck(permission: Permission, allow: (id: string) => boolean) {
  const calls: { ids: string[]; context: CheckContext }[] = [];
  RESOURCE_CHECKS[permission] = async (context, ids) => {
    calls.push({ ids, context });
    return new Set(ids.filter(allow));
  };
  return calls;
}

const errorOf = (outcome: true | AppError) => (outcome === true ? outcome : { code: outcome.code, message: outcome.message, details: outcome.details });

describe('callers', () => {
  it('sees a user as themselves and a service as an active customer user of its customer', () => {
    const user = userCaller(customer);
    expect(viewerOf(user)).toBe(customer);
    expect(viewerOf(serviceCaller([]))).toEqual({ id: 'svc-1', role: UserRole.CUSTOMER, active: true, customer: { id: 'c1' } });
    expect(new Access(noDatabase, null, () => {}).viewer).toBeNull();
    expect(new Access(noDatabase, user, () => {}).viewer).toBe(customer);
  });

  it('names the kind of caller', () => {
    expect(callerKindOf(null)).toBe('anonymous');
    expect(callerKindOf(userCaller(staff))).toBe('user');
    expect(callerKindOf(serviceCaller([]))).toBe('service');
  });
});

describe('audience', () => {
  it('lets anyone hold an anyone-permission, and nobody else hold the rest without signing in', async () => {
    const { access, denials } = accessFor(null);
    expect(access.holds('health.read')).toBe(true);
    expect(await access.check('session.create')).toBe(true);
    expect(access.holds('me.read')).toBe(false);
    expect(errorOf(await access.check('me.read'))).toEqual({ code: 'UNAUTHENTICATED', message: 'Sign in first.', details: {} });
    expect(denials).toEqual([{ permission: 'me.read', callerKind: 'anonymous', ids: [], reason: 'UNAUTHENTICATED' }]);
  });

  it('treats a deactivated user as signed out', async () => {
    const { access, denials } = accessFor(userCaller(inactiveCustomer));
    expect(access.holds('health.read')).toBe(true);
    expect(errorOf(await access.check('me.read'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(denials).toEqual([{ permission: 'me.read', callerKind: 'user', userId: 'u-inactive', ids: [], reason: 'UNAUTHENTICATED' }]);
  });

  it('gives each role its audiences', () => {
    const holds = (viewer: typeof customer) => (['me.read', 'image.select', 'job.create', 'studio.update'] as const).map((permission) => accessFor(userCaller(viewer)).access.holds(permission));
    expect(holds(customer)).toEqual([true, true, false, false]);
    expect(holds(staff)).toEqual([true, false, true, false]);
    expect(holds(admin)).toEqual([true, false, true, true]);
  });

  it('explains an audience refusal and reports it', async () => {
    const { access: asCustomer, denials } = accessFor(userCaller(customer));
    expect(errorOf(await asCustomer.check('job.create'))).toEqual({ code: 'FORBIDDEN', message: 'Only studio staff may do this.', details: {} });
    expect(errorOf(await asCustomer.check('studio.update'))).toEqual({ code: 'FORBIDDEN', message: 'Only admins may do this.', details: {} });
    expect(denials).toEqual([
      { permission: 'job.create', callerKind: 'user', userId: 'u-customer', ids: [], reason: 'AUDIENCE' },
      { permission: 'studio.update', callerKind: 'user', userId: 'u-customer', ids: [], reason: 'AUDIENCE' },
    ]);
    const { access: asStaff } = accessFor(userCaller(staff));
    expect(errorOf(await asStaff.check('image.select', [A]))).toEqual({ code: 'FORBIDDEN', message: 'This is for customers; staff do it in the back office.', details: {} });
  });
});

describe('service callers', () => {
  it('holds only the permissions in its scopes (and those anyone holds), as a customer', async () => {
    const service = serviceCaller(['job.read', 'image.select', 'job.create']);
    const { access, denials } = accessFor(service);
    expect(access.holds('health.read')).toBe(true);
    expect(access.holds('job.read')).toBe(true);
    expect(access.holds('image.select')).toBe(true);
    expect(access.holds('job.list')).toBe(false);
    // In scope, but staff's: a service stands for a customer.
    expect(access.holds('job.create')).toBe(false);
    expect(errorOf(await access.check('job.list'))).toEqual({ code: 'FORBIDDEN', message: 'This key’s scopes do not include this.', details: { permission: 'job.list' } });
    expect(denials).toEqual([{ permission: 'job.list', callerKind: 'service', serviceId: 'svc-1', ids: [], reason: 'SCOPE' }]);
  });

  it('asks resource checks with the service’s customer as the viewer', async () => {
    const calls = stubCheck('job.read', () => true);
    const { access } = accessFor(serviceCaller(['job.read']));
    expect(await access.allowed('job.read', [A])).toEqual(new Set([A]));
    expect(calls[0]!.context.viewer).toEqual({ id: 'svc-1', role: UserRole.CUSTOMER, active: true, customer: { id: 'c1' } });
    expect(calls[0]!.context.em).toBe(noDatabase);
  });
});

describe('allowed', () => {
  it('answers the allowed subset, each id once', async () => {
    const calls = stubCheck('job.read', (candidate) => candidate !== B);
    const { access, denials } = accessFor(userCaller(customer));
    expect(await access.allowed('job.read', [A, B, A, C])).toEqual(new Set([A, C]));
    expect(calls.map((call) => call.ids)).toEqual([[A, B, C]]);
    // Asking is not being refused: only check reports denials.
    expect(denials).toEqual([]);
  });

  it('decides each (permission, id) once per request, and keeps the first verdict', async () => {
    let allowB = false;
    const calls = stubCheck('job.read', (candidate) => candidate !== B || allowB);
    const { access } = accessFor(userCaller(customer));
    expect(await access.allowed('job.read', [A, B])).toEqual(new Set([A]));
    allowB = true;
    expect(await access.allowed('job.read', [B, C])).toEqual(new Set([C]));
    expect(await access.allowed('job.read', [A, B, C])).toEqual(new Set([A, C]));
    expect(calls.map((call) => call.ids)).toEqual([[A, B], [C]]);
  });

  it('shares one batch between concurrent questions', async () => {
    const calls = stubCheck('job.read', () => true);
    const { access } = accessFor(userCaller(customer));
    const [first, second] = await Promise.all([access.allowed('job.read', [A, B]), access.allowed('job.read', [B, A])]);
    expect([first, second]).toEqual([new Set([A, B]), new Set([A, B])]);
    expect(calls).toHaveLength(1);
  });

  it('decides the same id afresh for another permission, and for another request', async () => {
    const jobCalls = stubCheck('job.read', () => true);
    const downloadCalls = stubCheck('job.download', () => false);
    const { access } = accessFor(userCaller(customer));
    expect(await access.allowed('job.read', [A])).toEqual(new Set([A]));
    expect(await access.allowed('job.download', [A])).toEqual(new Set());
    expect(await accessFor(userCaller(customer)).access.allowed('job.read', [A])).toEqual(new Set([A]));
    expect(jobCalls).toHaveLength(2);
    expect(downloadCalls).toHaveLength(1);
  });

  it('refuses malformed ids without asking the check', async () => {
    const calls = stubCheck('job.read', () => true);
    const { access } = accessFor(userCaller(customer));
    expect(await access.allowed('job.read', ['not-a-uuid', A])).toEqual(new Set([A]));
    expect(calls.map((call) => call.ids)).toEqual([[A]]);
  });

  it('refuses malformed ids for every resource check, for every caller', async () => {
    // Some checks still ask the database with no ids left; such a query matches nothing.
    const emptyDatabase = { find: async () => [] } as unknown as EntityManager;
    for (const caller of [userCaller(customer), userCaller(staff), userCaller(admin), serviceCaller(Object.keys(RESOURCE_CHECKS) as Permission[])]) {
      for (const permission of Object.keys(RESOURCE_CHECKS) as Permission[]) {
        const access = new Access(emptyDatabase, caller, () => {});
        if (!access.holds(permission)) continue;
        expect(await access.allowed(permission, ['1', 'x']), permission).toEqual(new Set());
      }
    }
  });

  it('answers every id for a permission without a resource check, and none to a caller who does not hold it', async () => {
    expect(await accessFor(userCaller(customer)).access.allowed('job.list', [A, 'x', A])).toEqual(new Set([A, 'x']));
    const calls = stubCheck('job.read', () => true);
    expect(await accessFor(null).access.allowed('job.read', [A])).toEqual(new Set());
    expect(await accessFor(userCaller(customer)).access.allowed('job.read', [])).toEqual(new Set());
    expect(calls).toEqual([]);
  });

  it('hands the check the request’s image facts', async () => {
    let handed: CheckContext['imageFacts'] | undefined;
    RESOURCE_CHECKS['job.read'] = async (context, ids) => {
      handed = context.imageFacts;
      return new Set(ids);
    };
    const { access } = accessFor(userCaller(customer));
    await access.allowed('job.read', [A]);
    // Malformed ids never reach the loader, so no query is needed to prove it is the request's.
    await expect(handed!(['x'])).resolves.toEqual(new Map());
    await expect(access.imageFacts(['x'])).resolves.toEqual(new Map());
  });
});

describe('check, require and the denial record', () => {
  it('passes allowed ids, and refuses the others in one denial that names only them', async () => {
    stubCheck('job.read', (candidate) => candidate === A);
    const { access, denials } = accessFor(userCaller(customer));
    expect(await access.check('job.read', [A])).toBe(true);
    expect(errorOf(await access.check('job.read', [A, B, C]))).toEqual({ code: 'FORBIDDEN', message: 'You may not do this.', details: {} });
    expect(denials).toEqual([{ permission: 'job.read', callerKind: 'user', userId: 'u-customer', ids: [B, C], reason: 'RESOURCE' }]);
  });

  it('says why an upload is refused', async () => {
    stubCheck('image.upload', () => false);
    const { access } = accessFor(userCaller(customer));
    expect(errorOf(await access.check('image.upload', [A]))).toEqual({ code: 'FORBIDDEN', message: 'You may not upload into this job.', details: {} });
  });

  it('passes without asking the check when there are no ids, or no check for the permission', async () => {
    const calls = stubCheck('job.read', () => false);
    const { access, denials } = accessFor(userCaller(customer));
    expect(await access.check('job.read')).toBe(true);
    expect(await access.check('job.list', [A])).toBe(true);
    expect(calls).toEqual([]);
    expect(denials).toEqual([]);
  });

  it('records at most 20 ids of a refusal', async () => {
    stubCheck('job.read', () => false);
    const { access, denials } = accessFor(userCaller(customer));
    const ids = Array.from({ length: 25 }, (_, index) => id(100 + index));
    await access.check('job.read', ids);
    expect(denials).toHaveLength(1);
    expect(denials[0]!.ids).toEqual(ids.slice(0, 20));
  });

  it('lets only admins give a staff or admin role', async () => {
    const { access: asStaff, denials } = accessFor(userCaller(staff));
    expect(await asStaff.check('user.create', [], { assignsRole: UserRole.CUSTOMER })).toBe(true);
    expect(await asStaff.check('user.create', [])).toBe(true);
    expect(errorOf(await asStaff.check('user.create', [], { assignsRole: UserRole.STAFF }))).toEqual({ code: 'FORBIDDEN', message: 'Only admins may create or promote staff and admins.', details: {} });
    expect(errorOf(await asStaff.check('user.create', [], { assignsRole: UserRole.ADMIN }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(denials.map((denial) => denial.reason)).toEqual(['ROLE_ASSIGNMENT', 'ROLE_ASSIGNMENT']);
    expect(await accessFor(userCaller(admin)).access.check('user.create', [], { assignsRole: UserRole.ADMIN })).toBe(true);
  });

  it('names the ids of a refusal before any check: audience, sign-in, role assignment', async () => {
    const { access, denials } = accessFor(userCaller(customer));
    await access.check('job.create', [A]);
    const { access: asStaff, denials: staffDenials } = accessFor(userCaller(staff));
    await asStaff.check('user.update', [C], { assignsRole: UserRole.ADMIN });
    expect(denials.map((denial) => denial.ids)).toEqual([[A]]);
    expect(staffDenials).toEqual([{ permission: 'user.update', callerKind: 'user', userId: 'u-staff', ids: [C], reason: 'ROLE_ASSIGNMENT' }]);
    const anonymous = accessFor(null);
    await anonymous.access.check('job.read', [B, D]);
    expect(anonymous.denials.map((denial) => [denial.reason, denial.ids])).toEqual([['UNAUTHENTICATED', [B, D]]]);
  });

  it('require throws the error check answers, and returns quietly when allowed', async () => {
    stubCheck('job.read', (candidate) => candidate === A);
    const { access, denials } = accessFor(userCaller(customer));
    await expect(access.require('job.read')).resolves.toBeUndefined();
    await expect(access.require('job.read', [A])).resolves.toBeUndefined();
    await expect(access.require('job.read', [B])).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'You may not do this.' });
    await expect(accessFor(null).access.require('me.read')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(accessFor(userCaller(staff)).access.require('user.create', [], { assignsRole: UserRole.STAFF })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(denials).toHaveLength(1);
  });

  it('refuses an invalid link as FORBIDDEN with its reason, and reports it', () => {
    const { access, denials } = accessFor(userCaller(customer));
    expect(errorOf(access.refuseLink('image.download', 'EXPIRED'))).toEqual({ code: 'FORBIDDEN', message: 'This link is not valid or has expired.', details: { reason: 'EXPIRED' } });
    expect(errorOf(access.refuseLink('image.upload', 'WRONG_USER', 'Not yours.', 'INVALID'))).toEqual({ code: 'FORBIDDEN', message: 'Not yours.', details: { reason: 'INVALID' } });
    expect(denials).toEqual([
      { permission: 'image.download', callerKind: 'user', userId: 'u-customer', ids: [], reason: 'LINK', details: { link: 'EXPIRED' } },
      { permission: 'image.upload', callerKind: 'user', userId: 'u-customer', ids: [], reason: 'LINK', details: { link: 'WRONG_USER' } },
    ]);
  });

  it('records a refusal the policy decided elsewhere in the same shape', () => {
    const { access, denials } = accessFor(serviceCaller(['job.download']));
    access.recordPolicyDenial('job.download', [A, D], { jobId: 'j1', reason: 'NOT_RELEASED' });
    expect(denials).toEqual([{ permission: 'job.download', callerKind: 'service', serviceId: 'svc-1', ids: [A, D], reason: 'POLICY', details: { jobId: 'j1', reason: 'NOT_RELEASED' } }]);
    expect(denials[0]).not.toHaveProperty('userId', expect.anything());
  });
});
